//! What changed between two criteria versions, for providers planning their next audit: controls
//! added, removed and changed (with the attributes that changed), and what a service at each level
//! must newly meet. The public compares published versions; operator staff may compare drafts.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use shinrai_domain::criteria::{Control, CriteriaVersion, Status, diff};
use shinrai_domain::policy::Action;

use super::api::visible;
use crate::error::ApiError;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::page::Page;
use crate::web::render;

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct Form {
    from: String,
    to: String,
}

pub struct Choice {
    pub id: String,
    pub label: String,
}

/// A control as the comparison lists it, linked to its page where that page is public.
pub struct ControlLine {
    pub id: String,
    pub href: Option<String>,
    pub level: u8,
    pub kind: &'static str,
    pub text: String,
    /// For changed controls: the attributes that differ.
    pub changes: String,
}

pub struct Comparison {
    pub from_title: String,
    pub to_title: String,
    pub added: Vec<ControlLine>,
    pub removed: Vec<ControlLine>,
    pub changed: Vec<ControlLine>,
    pub groups_added: String,
    pub groups_removed: String,
    /// Ids of the risk map's risks added, removed and changed.
    pub risks_added: String,
    pub risks_removed: String,
    pub risks_changed: String,
    /// (level, number of controls newly required, their ids)
    pub newly_required: Vec<(u8, usize, String)>,
}

#[derive(Template)]
#[template(path = "criteria_diff.html")]
struct DiffPage {
    page: Page,
    choices: Vec<Choice>,
    from: String,
    to: String,
    comparison: Option<Comparison>,
}

fn line(page: &Page, version: &CriteriaVersion, control: &Control, changes: String) -> ControlLine {
    let l = page.l;
    ControlLine {
        id: control.id.clone(),
        href: (version.status == Status::Published).then(|| {
            page.href(
                &format!("/criteria/{}/{}", version.version, control.id),
                &[],
            )
        }),
        level: control.min_level.get(),
        kind: if control.mandatory {
            l.mandatory
        } else {
            l.recommended
        },
        text: control.text.get(page.language).to_owned(),
        changes,
    }
}

fn compare(page: &Page, old: &CriteriaVersion, new: &CriteriaVersion) -> Comparison {
    let lang = page.language;
    let found = diff(old, new);
    let lines = |version: &CriteriaVersion, ids: &[String]| -> Vec<ControlLine> {
        ids.iter()
            .filter_map(|id| version.control(id))
            .map(|c| line(page, version, c, String::new()))
            .collect()
    };
    Comparison {
        from_title: format!("{} ({})", old.title.get(lang), old.version),
        to_title: format!("{} ({})", new.title.get(lang), new.version),
        added: lines(new, &found.added),
        removed: lines(old, &found.removed),
        changed: found
            .changed
            .iter()
            .filter_map(|changed| {
                let control = new.control(&changed.id)?;
                let attributes = changed
                    .attributes
                    .iter()
                    .map(|a| a.title().get(lang).to_owned())
                    .collect::<Vec<_>>()
                    .join(", ");
                Some(line(page, new, control, attributes))
            })
            .collect(),
        groups_added: found.groups_added.join(", "),
        groups_removed: found.groups_removed.join(", "),
        risks_added: found.risks_added.join(", "),
        risks_removed: found.risks_removed.join(", "),
        risks_changed: found.risks_changed.join(", "),
        newly_required: found
            .newly_required
            .iter()
            .zip(1u8..)
            .map(|(ids, level)| (level, ids.len(), ids.join(", ")))
            .collect(),
    }
}

pub async fn page(
    State(state): State<AppState>,
    ctx: PageContext,
    form: Result<Query<Form>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Form { from, to } = match form {
        Ok(Query(form)) => form,
        Err(rejection) => {
            return crate::web::error_page(ctx.lang, &ctx.uri, &ApiError::from(rejection));
        }
    };
    let page = ctx.page(ctx.labels().diff_title);
    let lang = page.language;
    let may_see_drafts = ctx.caller.authorize(&Action::ReadDraftCriteria).is_ok();
    let mut summaries = match state.store.criteria_list().await {
        Ok(list) => list,
        Err(error) => return crate::web::error_page(ctx.lang, &ctx.uri, &ApiError::from(error)),
    };
    summaries.retain(|s| s.status == Status::Published || may_see_drafts);
    // Oldest first, drafts last: the natural reading order of a list of versions.
    summaries.sort_by(|a, b| {
        (a.status == Status::Draft, &a.published_on, a.created_at_ms).cmp(&(
            b.status == Status::Draft,
            &b.published_on,
            b.created_at_ms,
        ))
    });
    let l = page.l;
    let choices: Vec<Choice> = summaries
        .iter()
        .map(|s| Choice {
            id: s.version.clone(),
            label: match s.status {
                Status::Draft => format!("{} ({}, {})", s.title.get(lang), s.version, l.draft),
                Status::Published => format!("{} ({})", s.title.get(lang), s.version),
            },
        })
        .collect();
    // Without a choice, compare the two newest versions the reader may see.
    let newest_two = match choices.as_slice() {
        [.., older, newer] => Some((older.id.clone(), newer.id.clone())),
        _ => None,
    };
    let (from, to) = match newest_two {
        Some(pair) if from.is_empty() && to.is_empty() => pair,
        _ => (from, to),
    };
    let mut comparison = None;
    if !from.is_empty() && !to.is_empty() {
        let outcome = async {
            let old = visible(&state, &ctx.caller, &from).await?;
            let new = visible(&state, &ctx.caller, &to).await?;
            Ok::<_, ApiError>(compare(&page, &old.version, &new.version))
        }
        .await;
        match outcome {
            Ok(found) => comparison = Some(found),
            Err(error) => return crate::web::error_page(ctx.lang, &ctx.uri, &error),
        }
    }
    let status = StatusCode::OK;
    render(
        &DiffPage {
            page,
            choices,
            from,
            to,
            comparison,
        },
        status,
    )
}
