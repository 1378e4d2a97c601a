//! The provider's form on its entry's page to report a change (変更届出), and its post: the same
//! action as the API; on to the notice's page on success, the entry again with the form's
//! problems otherwise.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::response::Response;
use shinrai_domain::policy::Actor;
use shinrai_domain::registry::{ChangeCategory, EntryStatus, RegistryEntry};
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_domain::workflow::Refusal;
use shinrai_domain::workflow::change_notice::ChangeDraft;
use shinrai_domain::workflow::service::acts_for_provider;

use super::actions;
use crate::registry::pages::render_entry;
use crate::state::AppState;
use crate::web::change_notice_labels::ChangeNoticeLabels;
use crate::web::context::PageContext;
use crate::web::form::{
    Fields, PageForms, Posted, SentTexts, answer_post, bilingual, date_field, in_lang,
    path_segment, read_posted,
};
use crate::workflow::{Failure, Outcome};

/// The form's name on the page, and its anchor.
pub const FORM: &str = "change-notice";

/// The categories as (code, "weight: what changed") in the reader's language.
pub fn categories(lang: Lang) -> Vec<(&'static str, String)> {
    ChangeCategory::ALL
        .into_iter()
        .map(|category| {
            let label = format!(
                "{} — {}",
                category.weight().title().get(lang),
                category.title().get(lang)
            );
            (category.code(), label)
        })
        .collect()
}

/// The form as the page shows it: for a member of the entry's provider with the provider role,
/// while the registration is in force.
pub struct ChangeNoticeForm {
    pub c: ChangeNoticeLabels,
    pub action: String,
    pub csrf_token: String,
    pub problems: Vec<String>,
    pub categories: Vec<(&'static str, String)>,
    pub chosen: String,
    pub effective_on: String,
    pub texts: SentTexts,
}

impl ChangeNoticeForm {
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
        let texts = SentTexts::of(
            forms,
            FORM,
            &[
                "summary_ja",
                "summary_en",
                "controls",
                "new_name_ja",
                "new_name_en",
            ],
        );
        Some(ChangeNoticeForm {
            c: ChangeNoticeLabels::of(ctx.lang),
            action: in_lang(
                &format!("/registry/{}/change-notices", path_segment(&entry.id)),
                ctx.lang,
            ),
            csrf_token: ctx.csrf_token(),
            problems: forms.problems(FORM),
            categories: categories(ctx.lang),
            chosen: forms.posted_or(FORM, "category", ""),
            effective_on: forms.posted_or(FORM, "effective_on", ""),
            texts,
        })
    }
}

/// The draft the form describes, or the first thing that stops it being one.
fn draft(fields: &Fields) -> Outcome<ChangeDraft> {
    let category = ChangeCategory::from_code(fields.get("category")).ok_or_else(|| {
        Failure::from(Refusal::invalid(
            "/category",
            "unknown_category",
            Bilingual::new("変更の種類を選んでください", "choose what changed"),
        ))
    })?;
    let effective_on = date_field(fields, "effective_on")?;
    let new_name = bilingual(fields, "new_name");
    Ok(ChangeDraft {
        category,
        summary: bilingual(fields, "summary"),
        controls: fields
            .get("controls")
            .split([',', '\n'])
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map(str::to_owned)
            .collect(),
        new_name: (!new_name.ja.is_empty() || !new_name.en.is_empty()).then_some(new_name),
        effective_on,
    })
}

/// `POST /registry/{id}/change-notices`.
pub async fn file(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    posted: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = match draft(&fields) {
        Ok(draft) => actions::file(&state, &by, &id, None, draft).await,
        Err(failure) => Err(failure),
    };
    let done = |notice: shinrai_domain::workflow::change_notice::ChangeNotice| {
        in_lang(
            &format!("/change-notices/{}", path_segment(&notice.id)),
            ctx.lang,
        )
    };
    answer_post(&ctx, outcome, done, FORM, fields, |sent_back| {
        render_entry(&state, &ctx, &id, PageForms::with(Some(sent_back)))
    })
    .await
}
