//! `/registry/{id}/assurance`: one registration's plain account, for anyone — what its level
//! assures in the map's words, the objectives it implements and those it does not, the controls
//! it excluded and why, what only a higher level would assure, the risks it leaves open, what it
//! leaves to its customers, the provider's other certifications and every change of status.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use shinrai_domain::assurance::Zone;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::registry::EntryStatus;
use shinrai_domain::text::Lang;
use shinrai_domain::workflow::Moment;

use super::pages::scheme_href;
use super::registration::{Account, account};
use super::views::ObjectiveView;
use crate::certificates::pages::{CertificateRow, certificate_row};
use crate::state::AppState;
use crate::systems::coverage_page::{ResponsibilityRow, responsibility_rows};
use crate::web::assurance_labels::AssuranceLabels;
use crate::web::certificate_labels::CertificateLabels;
use crate::web::context::PageContext;
use crate::web::coverage_labels::CoverageLabels;
use crate::web::form::{failure_page, in_lang, path_segment};
use crate::web::page::Page;
use crate::web::render;

struct ObjectiveRow {
    id: String,
    title: String,
}

struct ExclusionRow {
    control: String,
    objective: String,
    reason: String,
}

struct RiskRow {
    id: String,
    title: String,
    coverage_code: String,
    coverage: String,
    missing: String,
    left_to: String,
}

/// What the map says of a registration at the entry's level.
struct LevelScheme {
    name: String,
    href: String,
    zone: String,
    assures: String,
    does_not: String,
}

#[derive(Template)]
#[template(path = "registration_assurance.html")]
struct AccountPage {
    page: Page,
    t: AssuranceLabels,
    c: CoverageLabels,
    name: String,
    entry_id: String,
    entry_href: String,
    map_href: String,
    level: u8,
    status: String,
    criteria: String,
    scheme: Option<LevelScheme>,
    implemented: Vec<ObjectiveRow>,
    not_implemented: Vec<ObjectiveRow>,
    /// `None` for an entry loaded from a file, whose statement is not in the store.
    exclusions: Option<Vec<ExclusionRow>>,
    above_level: Vec<ObjectiveRow>,
    open_risks: Vec<RiskRow>,
    responsibilities: Vec<ResponsibilityRow>,
    k: CertificateLabels,
    certificates: Vec<CertificateRow>,
    history: Vec<(String, String, String)>,
}

fn objective_rows(objectives: &[ObjectiveView], lang: Lang) -> Vec<ObjectiveRow> {
    objectives
        .iter()
        .map(|objective| ObjectiveRow {
            id: objective.id.clone(),
            title: objective.title.get(lang).to_owned(),
        })
        .collect()
}

/// `GET /registry/{id}/assurance`.
pub async fn account_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    match account(&state, &id).await {
        Ok(account) => {
            let today = Moment::at(state.wall.now_ms()).date();
            render(&page_of(&ctx, &account, today), StatusCode::OK)
        }
        Err(failure) => failure_page(&ctx, failure),
    }
}

fn page_of(ctx: &PageContext, account: &Account, today: CalendarDate) -> AccountPage {
    let lang = ctx.lang;
    let view = &account.view;
    let t = AssuranceLabels::of(lang);
    let c = CoverageLabels::of(lang);
    let name = view.service_name.get(lang).to_owned();
    let status_title = |code: &str| {
        EntryStatus::from_code(code).map_or_else(
            || code.to_owned(),
            |status| status.title().get(lang).to_owned(),
        )
    };
    AccountPage {
        page: ctx.page(format!("{} — {name}", t.registration_title)),
        entry_id: view.entry.clone(),
        entry_href: in_lang(&format!("/registry/{}", path_segment(&view.entry)), lang),
        map_href: in_lang("/assurance", lang),
        level: view.level,
        status: status_title(&view.status),
        criteria: view.criteria.clone(),
        scheme: view.scheme.as_ref().map(|scheme| LevelScheme {
            name: scheme.name.get(lang).to_owned(),
            href: scheme_href(&scheme.id, lang),
            zone: Zone::from_code(&scheme.zone)
                .map(|zone| format!("{} {}", zone.mark(), zone.title().get(lang)))
                .unwrap_or_default(),
            assures: scheme.assures.get(lang).to_owned(),
            does_not: scheme.does_not.get(lang).to_owned(),
        }),
        implemented: objective_rows(&view.implemented, lang),
        not_implemented: objective_rows(&view.not_implemented, lang),
        exclusions: account.has_statement.then(|| {
            view.exclusions
                .iter()
                .map(|exclusion| ExclusionRow {
                    control: exclusion.control.clone(),
                    objective: exclusion.objective.clone().unwrap_or_default(),
                    reason: exclusion.reason.get(lang).to_owned(),
                })
                .collect()
        }),
        above_level: objective_rows(&view.above_level, lang),
        open_risks: view
            .open_risks
            .iter()
            .map(|risk| RiskRow {
                id: risk.id.clone(),
                title: risk.title.get(lang).to_owned(),
                coverage: if risk.coverage == "partial" {
                    t.partial
                } else {
                    t.none
                }
                .to_owned(),
                coverage_code: risk.coverage.clone(),
                missing: risk.missing.join(", "),
                left_to: risk.left_to.get(lang).to_owned(),
            })
            .collect(),
        responsibilities: responsibility_rows(&view.customer_responsibilities, &c, lang),
        k: CertificateLabels::of(lang),
        certificates: account
            .certificates
            .iter()
            .map(|certificate| certificate_row(certificate, today, lang))
            .collect(),
        history: view
            .history
            .iter()
            .map(|change| {
                (
                    change.on.clone(),
                    status_title(&change.to),
                    change.reason.get(lang).to_owned(),
                )
            })
            .collect(),
        name,
        t,
        c,
    }
}
