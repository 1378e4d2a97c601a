//! The service page's annex sharing for its provider: who the statement's annexes are shared
//! with, the form to share them with another procuring organisation and a button to stop; and
//! `POST /services/{id}/annexes`, the forms' target.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::response::Response;
use shinrai_domain::accounts::OrgKind;
use shinrai_domain::text::Lang;
use shinrai_domain::workflow::service::Service;

use super::actions;
use crate::state::AppState;
use crate::web::annex_labels::AnnexLabels;
use crate::web::context::PageContext;
use crate::web::form::{Posted, answer_post, in_lang, path_segment, read_posted};
use crate::workflow::Outcome;

/// What the service page shows of its sharing, for its provider.
pub struct AnnexSection {
    pub a: AnnexLabels,
    pub action: String,
    /// (organisation id, its name, since).
    pub grants: Vec<(String, String, String)>,
    /// The procuring organisations not yet granted: (id, name).
    pub choices: Vec<(String, String)>,
}

pub async fn section(state: &AppState, service: &Service, lang: Lang) -> Outcome<AnnexSection> {
    let organisations = state.store.organisations().await?;
    let name = |id: &str| {
        organisations
            .iter()
            .find(|org| org.id == id)
            .map_or_else(|| id.to_owned(), |org| org.name.get(lang).to_owned())
    };
    Ok(AnnexSection {
        a: AnnexLabels::of(lang),
        action: in_lang(
            &format!("/services/{}/annexes", path_segment(&service.id)),
            lang,
        ),
        grants: service
            .annex_grants
            .iter()
            .map(|grant| (grant.org.clone(), name(&grant.org), grant.on.to_string()))
            .collect(),
        choices: organisations
            .iter()
            .filter(|org| org.kind == OrgKind::Procurer && !service.shares_annexes_with(&org.id))
            .map(|org| (org.id.clone(), org.name.get(lang).to_owned()))
            .collect(),
    })
}

/// `POST /services/{id}/annexes`: share with `org`, or stop when `remove` is set; back to the
/// service page's section.
pub async fn share(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    posted: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let org = fields.get("org").trim().to_owned();
    let outcome = if fields.get("remove").is_empty() {
        actions::grant_annexes(&state, &by, &id, &org).await
    } else {
        actions::revoke_annexes(&state, &by, &id, &org).await
    };
    let done = |service: Service| {
        format!(
            "{}#annexes",
            in_lang(
                &format!("/services/{}", path_segment(&service.id)),
                ctx.lang
            )
        )
    };
    answer_post(&ctx, outcome, done, "annexes", fields, |sent_back| {
        super::pages::page_with_problems(&state, &ctx, &id, sent_back.problems)
    })
    .await
}
