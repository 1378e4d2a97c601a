//! The provider's form on its entry's page to report an incident (the quick report), and its
//! post: the same action as the API; on to the incident's page on success, the entry again with
//! the form's problems otherwise.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::response::Response;
use shinrai_domain::policy::Actor;
use shinrai_domain::registry::{EntryStatus, RegistryEntry};
use shinrai_domain::workflow::incident::{Incident, QuickDraft};
use shinrai_domain::workflow::service::acts_for_provider;

use super::actions;
use crate::registry::pages::render_entry;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::form::{
    PageForms, Posted, answer_post, bilingual, date_field, in_lang, path_segment, read_posted,
};
use crate::web::incident_labels::IncidentLabels;

/// The form's name on the page, and its anchor.
pub const FORM: &str = "incident";

/// The form as the page shows it: for a member of the entry's provider with the provider role,
/// while the registration is in force.
pub struct QuickReportForm {
    pub i: IncidentLabels,
    pub action: String,
    pub csrf_token: String,
    pub problems: Vec<String>,
    pub discovered_on: String,
    pub summary_ja: String,
    pub summary_en: String,
}

impl QuickReportForm {
    pub fn for_reader(ctx: &PageContext, entry: &RegistryEntry, forms: &PageForms) -> Option<Self> {
        let Actor::Member(member) = &ctx.caller.actor else {
            return None;
        };
        let in_force = matches!(
            entry.status,
            EntryStatus::Registered | EntryStatus::Suspended
        );
        if !in_force || !acts_for_provider(member, &entry.provider) {
            return None;
        }
        Some(QuickReportForm {
            i: IncidentLabels::of(ctx.lang),
            action: in_lang(
                &format!("/registry/{}/incidents", path_segment(&entry.id)),
                ctx.lang,
            ),
            csrf_token: ctx.csrf_token(),
            problems: forms.problems(FORM),
            discovered_on: forms.posted_or(FORM, "discovered_on", ""),
            summary_ja: forms.posted_or(FORM, "summary_ja", ""),
            summary_en: forms.posted_or(FORM, "summary_en", ""),
        })
    }
}

/// `POST /registry/{id}/incidents`.
pub async fn report(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    posted: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = match date_field(&fields, "discovered_on") {
        Ok(discovered_on) => {
            let draft = QuickDraft {
                discovered_on,
                summary: bilingual(&fields, "summary"),
            };
            actions::report_quick(&state, &by, &id, None, draft).await
        }
        Err(failure) => Err(failure),
    };
    let done = |incident: Incident| {
        in_lang(
            &format!("/incidents/{}", path_segment(&incident.id)),
            ctx.lang,
        )
    };
    answer_post(&ctx, outcome, done, FORM, fields, |sent_back| {
        render_entry(&state, &ctx, &id, PageForms::with(Some(sent_back)))
    })
    .await
}
