//! The provider's form on its entry's page to withdraw the registration (登録の取下げ), and its
//! post: the same action as the API, the services built on it falling at once; back to the
//! entry on success, the entry again with the form's problems otherwise.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::response::Response;
use shinrai_domain::policy::Actor;
use shinrai_domain::registry::{EntryStatus, RegistryEntry};
use shinrai_domain::workflow::service::is_provider;

use super::pages::render_entry;
use super::status;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::entry_form_labels::EntryFormLabels;
use crate::web::form::{
    PageForms, Posted, answer_post, bilingual, in_lang, path_segment, read_posted,
};

/// The form's name on the page, and its anchor.
pub const FORM: &str = "withdraw";

/// The form as the page shows it: for a member of the entry's provider with the provider role,
/// while the entry is registered or suspended.
pub struct WithdrawForm {
    pub l: EntryFormLabels,
    pub action: String,
    pub csrf_token: String,
    pub problems: Vec<String>,
    pub reason_ja: String,
    pub reason_en: String,
}

impl WithdrawForm {
    pub fn for_reader(ctx: &PageContext, entry: &RegistryEntry, forms: &PageForms) -> Option<Self> {
        let Actor::Member(member) = &ctx.caller.actor else {
            return None;
        };
        let open = matches!(
            entry.status,
            EntryStatus::Registered | EntryStatus::Suspended
        );
        if !open || !is_provider(member) || member.org_id != entry.provider {
            return None;
        }
        Some(WithdrawForm {
            l: EntryFormLabels::of(ctx.lang),
            action: in_lang(
                &format!("/registry/{}/withdraw", path_segment(&entry.id)),
                ctx.lang,
            ),
            csrf_token: ctx.csrf_token(),
            problems: forms.problems(FORM),
            reason_ja: forms.posted_or(FORM, "reason_ja", ""),
            reason_en: forms.posted_or(FORM, "reason_en", ""),
        })
    }
}

/// `POST /registry/{id}/withdraw`.
pub async fn withdraw(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    posted: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let reason = bilingual(&fields, "reason");
    let outcome = status::withdraw(&state, &by, &id, reason).await;
    let done = |_| in_lang(&format!("/registry/{}", path_segment(&id)), ctx.lang);
    answer_post(&ctx, outcome, done, FORM, fields, |sent_back| {
        render_entry(&state, &ctx, &id, PageForms::with(Some(sent_back)))
    })
    .await
}
