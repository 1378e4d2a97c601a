//! One registration's plain account: what its level assures in the map's words, the objectives
//! its statement implements and those it does not, the controls it excluded with the reasons the
//! statement gives, what only a higher level would assure, the risks it leaves open, what it
//! leaves to its customers, the provider's other certifications and every change of status.

use shinrai_domain::assurance::{registration_reach, registration_scheme_id};
use shinrai_domain::criteria::{CriteriaVersion, Group};
use shinrai_domain::workflow::Moment;
use shinrai_domain::workflow::certification::Certificate;
use shinrai_domain::workflow::procurement::RiskCoverage;
use shinrai_domain::workflow::statement::Statement;

use super::actions::in_use;
use super::views::{
    ExclusionView, ObjectiveView, OpenRiskView, RegistrationAssuranceView, SchemeView,
};
use crate::certificates::views::CertificateView;
use crate::registry::views::{StatusChangeView, messages};
use crate::state::AppState;
use crate::systems::coverage::{criteria_in_force, customer_responsibilities};
use crate::workflow::facts::registered_statement;
use crate::workflow::{Failure, Outcome};

/// What a registry entry is called in messages.
const ENTRY: (&str, &str) = ("登録サービス", "registered service");

fn objective(group: &Group) -> ObjectiveView {
    ObjectiveView {
        id: group.id.clone(),
        title: messages(&group.title),
    }
}

/// A registration's account with what its page shows beside the API's view.
#[derive(Debug)]
pub struct Account {
    pub view: RegistrationAssuranceView,
    /// The provider's certificates as declared (the view gives them as they stand today).
    pub certificates: Vec<Certificate>,
    /// Whether the entry rests on a statement in the store; one loaded from a file does not,
    /// so its reasons for exclusions are unknown rather than none.
    pub has_statement: bool,
}

/// The account of the registry entry `id`, for anyone.
pub async fn account(state: &AppState, id: &str) -> Outcome<Account> {
    let registry = state.registry.get(&state.store).await?;
    let entry = registry
        .entry(id)
        .ok_or_else(|| Failure::not_found(ENTRY, id))?;
    let loaded = criteria_in_force(state).await?;
    let criteria = loaded.as_ref().map(|loaded| &loaded.version);
    let map = in_use(state).await?.map;
    let certificates = crate::certificates::actions::of_entry(state, &entry.id).await?;
    let statement = registered_statement(&state.store, entry).await?;
    let today = Moment::at(state.wall.now_ms()).date();
    let reach = criteria.map(|criteria| registration_reach(entry, criteria));
    let titled = |groups: &[&Group]| -> Vec<ObjectiveView> {
        groups.iter().map(|group| objective(group)).collect()
    };
    let has_statement = statement.is_some();
    let view = RegistrationAssuranceView {
        entry: entry.id.clone(),
        service_name: messages(&entry.service_name),
        level: entry.level.get(),
        status: entry.status.code().to_owned(),
        criteria: criteria
            .map(|criteria| criteria.version.clone())
            .unwrap_or_default(),
        scheme: map
            .scheme(&registration_scheme_id(entry.level))
            .map(|scheme| SchemeView::new(scheme, map.baseline)),
        implemented: reach
            .as_ref()
            .map(|reach| titled(&reach.implemented))
            .unwrap_or_default(),
        not_implemented: reach
            .as_ref()
            .map(|reach| titled(&reach.not_implemented))
            .unwrap_or_default(),
        exclusions: statement
            .as_ref()
            .map(|statement| exclusions(statement, criteria))
            .unwrap_or_default(),
        above_level: reach
            .as_ref()
            .map(|reach| titled(&reach.above_level))
            .unwrap_or_default(),
        open_risks: reach
            .as_ref()
            .map(|reach| reach.open_risks.iter().map(open_risk).collect())
            .unwrap_or_default(),
        customer_responsibilities: customer_responsibilities(entry, criteria),
        certificates: certificates
            .iter()
            .map(|certificate| CertificateView::new(certificate, today))
            .collect(),
        history: entry
            .history
            .iter()
            .map(|change| StatusChangeView {
                on: change.on.to_string(),
                to: change.to.code().to_owned(),
                reason: messages(&change.reason),
            })
            .collect(),
    };
    Ok(Account {
        view,
        certificates,
        has_statement,
    })
}

/// The controls `statement` excluded, each with its objective where `criteria` know it.
fn exclusions(statement: &Statement, criteria: Option<&CriteriaVersion>) -> Vec<ExclusionView> {
    statement
        .content
        .excluded
        .iter()
        .map(|excluded| ExclusionView {
            objective: criteria
                .and_then(|criteria| criteria.control(&excluded.control))
                .map(|control| control.objective.clone()),
            control: excluded.control.clone(),
            reason: messages(&excluded.reason),
        })
        .collect()
}

fn open_risk(found: &RiskCoverage<'_>) -> OpenRiskView {
    OpenRiskView {
        id: found.risk.id.clone(),
        band: found.risk.band.code().to_owned(),
        title: messages(&found.risk.title),
        coverage: found.coverage.code().to_owned(),
        missing: found.missing.iter().map(|id| (*id).to_owned()).collect(),
        left_to: messages(&found.risk.left_to),
    }
}
