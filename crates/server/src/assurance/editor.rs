//! The operator's editor of the map: the baseline form on `/assurance`, a scheme's form at
//! `/assurance/new` and `/assurance/{id}/edit`, and the removal on a scheme's page. Every form
//! carries the revision it was read at and saves the whole map through the same action as the
//! API, so the domain checks every edit whole.

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::response::Response;
use shinrai_domain::assurance::{AssuranceMap, AssuranceScheme, AssuredObject, CriteriaArea};
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::{NotAllowed, Refusal};

use super::actions::{self, SCHEME};
use super::pages::{edits, render_map, render_scheme, scheme_href};
use crate::state::AppState;
use crate::web::assurance_labels::AssuranceLabels;
use crate::web::context::PageContext;
use crate::web::form::{
    Fields, PageForms, Posted, SentBack, acting, answer_post, bilingual, failure_page, in_lang,
    path_segment, private, read_posted, to_sign_in,
};
use crate::web::page::Page;
use crate::web::render;
use crate::workflow::{Failure, Outcome};

pub(super) const BASELINE_FORM: &str = "baseline";
pub(super) const REMOVE_FORM: &str = "remove";
const SCHEME_FORM: &str = "scheme";

/// The texts of a scheme's form, each `{name}` or `{name}_ja` / `{name}_en`.
const TEXT_FIELDS: [&str; 11] = [
    "id",
    "name_ja",
    "name_en",
    "expected",
    "actual",
    "assures_ja",
    "assures_en",
    "does_not_ja",
    "does_not_en",
    "summary_ja",
    "summary_en",
];

/// The revision a form was read at. A form without a readable one is treated as read before
/// any edit could be known (no stored revision is negative), so it is refused as stale rather
/// than saved over someone else's change.
fn read_at(fields: &Fields) -> Option<i64> {
    Some(fields.revision().unwrap_or(-1))
}

fn not_an_administrator() -> Failure {
    Failure::Refused(Refusal::NotAllowed(NotAllowed::NotAnAdministrator))
}

/// A score from a form: a whole number, else a problem at its field (the range is the domain's
/// check, with the map's other problems).
fn score(fields: &Fields, name: &str) -> Outcome<u8> {
    let text = fields.get(name).trim();
    text.parse().map_err(|_| {
        Failure::Refused(Refusal::invalid(
            format!("/{name}"),
            "not_a_number",
            Bilingual::new(
                format!("/{name} には 0〜100 の整数を入力してください（{text}）"),
                format!("/{name} must be a whole number from 0 to 100, not `{text}`"),
            ),
        ))
    })
}

/// The scheme a form describes.
fn posted_scheme(fields: &Fields) -> Outcome<AssuranceScheme> {
    let object = AssuredObject::from_code(fields.get("object")).ok_or_else(|| {
        Failure::Refused(Refusal::invalid(
            "/object",
            "invalid_object",
            Bilingual::new("保証の対象を選んでください", "choose what it assures"),
        ))
    })?;
    Ok(AssuranceScheme {
        id: fields.get("id").trim().to_owned(),
        name: bilingual(fields, "name"),
        object,
        details_public: fields.get("details_public") == "yes",
        cloud_specific: fields.get("cloud_specific") == "yes",
        // In the order of the list whatever order the browser sends them in; an unknown code
        // cannot be ticked, so it is dropped rather than reported.
        areas: CriteriaArea::ALL
            .iter()
            .copied()
            .filter(|area| fields.all("area").contains(&area.code()))
            .collect(),
        expected: score(fields, "expected")?,
        actual: score(fields, "actual")?,
        assures: bilingual(fields, "assures"),
        does_not: bilingual(fields, "does_not"),
        summary: bilingual(fields, "summary"),
    })
}

#[derive(Template)]
#[template(path = "assurance_form.html")]
struct SchemeFormPage {
    page: Page,
    t: AssuranceLabels,
    heading: &'static str,
    action: String,
    back: String,
    csrf_token: String,
    revision: String,
    problems: Vec<String>,
    values: Vec<(&'static str, String)>,
    objects: Vec<(&'static str, String, bool)>,
    areas: Vec<(&'static str, String, bool)>,
    details_public: bool,
    cloud_specific: bool,
}

impl SchemeFormPage {
    fn value(&self, name: &str) -> &str {
        self.values
            .iter()
            .find(|(field, _)| *field == name)
            .map_or("", |(_, value)| value.as_str())
    }
}

/// A scheme's values as its form starts with them.
fn starting_values(scheme: Option<&AssuranceScheme>) -> Vec<(&'static str, String)> {
    let Some(scheme) = scheme else {
        return TEXT_FIELDS
            .iter()
            .map(|name| (*name, String::new()))
            .collect();
    };
    vec![
        ("id", scheme.id.clone()),
        ("name_ja", scheme.name.ja.clone()),
        ("name_en", scheme.name.en.clone()),
        ("expected", scheme.expected.to_string()),
        ("actual", scheme.actual.to_string()),
        ("assures_ja", scheme.assures.ja.clone()),
        ("assures_en", scheme.assures.en.clone()),
        ("does_not_ja", scheme.does_not.ja.clone()),
        ("does_not_en", scheme.does_not.en.clone()),
        ("summary_ja", scheme.summary.ja.clone()),
        ("summary_en", scheme.summary.en.clone()),
    ]
}

/// The form for the scheme `editing` (`None`: a new one).
async fn render_form(
    state: &AppState,
    ctx: &PageContext,
    editing: Option<&str>,
    forms: PageForms,
) -> Response {
    if !edits(ctx) {
        return failure_page(ctx, not_an_administrator());
    }
    let in_use = match actions::in_use(state).await {
        Ok(in_use) => in_use,
        Err(failure) => return failure_page(ctx, failure),
    };
    let scheme = match editing {
        Some(id) => match in_use.map.scheme(id) {
            Some(scheme) => Some(scheme),
            None => return failure_page(ctx, Failure::not_found(SCHEME, id)),
        },
        None => None,
    };
    let lang = ctx.lang;
    let t = AssuranceLabels::of(lang);
    let sent = forms
        .sent_back
        .as_ref()
        .filter(|sent| sent.form == SCHEME_FORM);
    let starting = starting_values(scheme);
    let values = match sent {
        Some(sent) => TEXT_FIELDS
            .iter()
            .map(|name| (*name, sent.posted.get(name).to_owned()))
            .collect(),
        None => starting,
    };
    let ticked = |name: &str, kept: bool| sent.map_or(kept, |sent| sent.posted.get(name) == "yes");
    let chosen_object = sent.map_or_else(
        || {
            scheme
                .map_or(AssuredObject::Service.code(), |s| s.object.code())
                .to_owned()
        },
        |sent| sent.posted.get("object").to_owned(),
    );
    let chosen_areas: Vec<String> = match sent {
        Some(sent) => sent
            .posted
            .all("area")
            .into_iter()
            .map(str::to_owned)
            .collect(),
        None => scheme
            .map(|scheme| {
                scheme
                    .areas
                    .iter()
                    .map(|area| area.code().to_owned())
                    .collect()
            })
            .unwrap_or_default(),
    };
    let (heading, action, back) = match editing {
        Some(id) => (
            t.edit_title,
            in_lang(&format!("/assurance/{}/edit", path_segment(id)), lang),
            scheme_href(id, lang),
        ),
        None => (
            t.add_title,
            in_lang("/assurance/new", lang),
            in_lang("/assurance", lang),
        ),
    };
    let view = SchemeFormPage {
        page: ctx.page(match scheme {
            Some(scheme) => format!("{heading} — {}", scheme.name.get(lang)),
            None => heading.to_owned(),
        }),
        heading,
        action,
        back,
        csrf_token: ctx.csrf_token(),
        revision: forms.posted_or(SCHEME_FORM, "revision", &in_use.revision.to_string()),
        problems: forms.problems(SCHEME_FORM),
        values,
        objects: AssuredObject::ALL
            .iter()
            .map(|object| {
                (
                    object.code(),
                    object.title().get(lang).to_owned(),
                    object.code() == chosen_object,
                )
            })
            .collect(),
        areas: CriteriaArea::ALL
            .iter()
            .map(|area| {
                (
                    area.code(),
                    area.title().get(lang).to_owned(),
                    chosen_areas.iter().any(|code| code == area.code()),
                )
            })
            .collect(),
        details_public: ticked("details_public", scheme.is_some_and(|s| s.details_public)),
        cloud_specific: ticked("cloud_specific", scheme.is_some_and(|s| s.cloud_specific)),
        t,
    };
    private(render(&view, forms.status()))
}

/// `GET /assurance/new`.
pub async fn new_form(State(state): State<AppState>, ctx: PageContext) -> Response {
    if acting(&ctx, &state).is_none() {
        return to_sign_in(&ctx);
    }
    render_form(&state, &ctx, None, PageForms::default()).await
}

/// `GET /assurance/{id}/edit`.
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    if acting(&ctx, &state).is_none() {
        return to_sign_in(&ctx);
    }
    render_form(&state, &ctx, Some(&id), PageForms::default()).await
}

/// The map an edit of the scheme `editing` (or a new one) comes to.
async fn edited_map(
    state: &AppState,
    editing: Option<&str>,
    fields: &Fields,
) -> Outcome<AssuranceMap> {
    let map = actions::in_use(state).await?.map;
    if let Some(id) = editing {
        map.scheme(id)
            .ok_or_else(|| Failure::not_found(SCHEME, id))?;
    }
    Ok(map.with_scheme(editing, posted_scheme(fields)?))
}

/// Saves a scheme's form, and shows the scheme, or the form again with its problems.
async fn save_scheme(
    state: AppState,
    ctx: PageContext,
    editing: Option<String>,
    posted: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = match edited_map(&state, editing.as_deref(), &fields).await {
        Ok(map) => actions::revise(&state, &by, map, read_at(&fields)).await,
        Err(failure) => Err(failure),
    };
    let saved_id = fields.get("id").trim().to_owned();
    let done = |_| scheme_href(&saved_id, ctx.lang);
    answer_post(
        &ctx,
        outcome,
        done,
        SCHEME_FORM,
        fields,
        |sent_back: SentBack| {
            render_form(
                &state,
                &ctx,
                editing.as_deref(),
                PageForms::with(Some(sent_back)),
            )
        },
    )
    .await
}

/// `POST /assurance/new`.
pub async fn add(
    State(state): State<AppState>,
    ctx: PageContext,
    posted: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    save_scheme(state, ctx, None, posted).await
}

/// `POST /assurance/{id}/edit`.
pub async fn save(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    posted: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    save_scheme(state, ctx, Some(id), posted).await
}

/// `POST /assurance`: the baseline.
pub async fn set_baseline(
    State(state): State<AppState>,
    ctx: PageContext,
    posted: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = async {
        let baseline = score(&fields, "baseline")?;
        let map = actions::in_use(&state).await?.map.with_baseline(baseline);
        actions::revise(&state, &by, map, read_at(&fields)).await
    }
    .await;
    let done = |_| in_lang("/assurance", ctx.lang);
    answer_post(
        &ctx,
        outcome,
        done,
        BASELINE_FORM,
        fields,
        |sent_back: SentBack| render_map(&state, &ctx, PageForms::with(Some(sent_back))),
    )
    .await
}

/// `POST /assurance/{id}/remove`.
pub async fn remove(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    posted: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = async {
        let map = actions::in_use(&state).await?.map;
        let fewer = map
            .without_scheme(&id)
            .ok_or_else(|| Failure::not_found(SCHEME, &id))?;
        actions::revise(&state, &by, fewer, read_at(&fields)).await
    }
    .await;
    let done = |_| in_lang("/assurance", ctx.lang);
    answer_post(
        &ctx,
        outcome,
        done,
        REMOVE_FORM,
        fields,
        |sent_back: SentBack| render_scheme(&state, &ctx, &id, PageForms::with(Some(sent_back))),
    )
    .await
}
