//! The operator's form on an entry's page to take a measure (措置): suspend, reinstate,
//! deregister or record an expiry, with the history's reason and the public notice in both
//! languages. The same action as the API; back to the entry on success, the entry again with the
//! form's problems otherwise.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::response::Response;
use shinrai_domain::policy::Actor;
use shinrai_domain::registry::{EntryStatus, RegistryEntry};
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_domain::workflow::Refusal;
use shinrai_domain::workflow::registry_status::{NoticeText, StatusDecision, StatusMove};

use super::pages::render_entry;
use super::status;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::entry_form_labels::EntryFormLabels;
use crate::web::form::{
    PageForms, Posted, SentTexts, answer_post, bilingual, in_lang, path_segment, read_posted,
};

/// The form's name on the page, and its anchor.
pub const FORM: &str = "measure";

/// The measures the entry's status allows, as (code, label).
fn allowed(status: EntryStatus, lang: Lang) -> Vec<(&'static str, &'static str)> {
    let l = EntryFormLabels::of(lang);
    let label = |change: StatusMove| match change {
        StatusMove::Suspend => l.measure_suspend,
        StatusMove::Reinstate => l.measure_reinstate,
        StatusMove::Deregister => l.measure_deregister,
        StatusMove::Expire => l.measure_expire,
    };
    let moves: &[StatusMove] = match status {
        EntryStatus::Registered => &[
            StatusMove::Suspend,
            StatusMove::Deregister,
            StatusMove::Expire,
        ],
        EntryStatus::Suspended => &[
            StatusMove::Reinstate,
            StatusMove::Deregister,
            StatusMove::Expire,
        ],
        _ => &[],
    };
    moves
        .iter()
        .map(|&change| (change.code(), label(change)))
        .collect()
}

/// The form as the page shows it: for the operator's administrators, while a measure is open.
pub struct MeasureForm {
    pub l: EntryFormLabels,
    pub action: String,
    pub csrf_token: String,
    pub problems: Vec<String>,
    pub measures: Vec<(&'static str, &'static str)>,
    pub chosen: String,
    /// The six texts, as sent back.
    pub texts: SentTexts,
}

impl MeasureForm {
    pub fn for_reader(ctx: &PageContext, entry: &RegistryEntry, forms: &PageForms) -> Option<Self> {
        let Actor::Member(member) = &ctx.caller.actor else {
            return None;
        };
        let measures = allowed(entry.status, ctx.lang);
        if !member.is_operator_admin() || measures.is_empty() {
            return None;
        }
        let texts = SentTexts::of(
            forms,
            FORM,
            &[
                "reason_ja",
                "reason_en",
                "notice_title_ja",
                "notice_title_en",
                "notice_body_ja",
                "notice_body_en",
            ],
        );
        Some(MeasureForm {
            l: EntryFormLabels::of(ctx.lang),
            action: in_lang(
                &format!("/registry/{}/measures", path_segment(&entry.id)),
                ctx.lang,
            ),
            csrf_token: ctx.csrf_token(),
            problems: forms.problems(FORM),
            chosen: forms.posted_or(FORM, "measure", ""),
            measures,
            texts,
        })
    }
}

/// `POST /registry/{id}/measures`.
pub async fn take(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    posted: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = match StatusMove::from_code(fields.get("measure")) {
        Some(change) => {
            let decision = StatusDecision {
                reason: bilingual(&fields, "reason"),
                notice: NoticeText {
                    title: bilingual(&fields, "notice_title"),
                    body: bilingual(&fields, "notice_body"),
                },
                remarks: None,
            };
            status::take_measure(&state, &by, &id, change, decision).await
        }
        None => Err(Refusal::invalid(
            "/measure",
            "unknown_measure",
            Bilingual::new("措置を選んでください", "choose a measure"),
        )
        .into()),
    };
    let done = |_| {
        format!(
            "{}#history",
            in_lang(&format!("/registry/{}", path_segment(&id)), ctx.lang)
        )
    };
    answer_post(&ctx, outcome, done, FORM, fields, |sent_back| {
        render_entry(&state, &ctx, &id, PageForms::with(Some(sent_back)))
    })
    .await
}
