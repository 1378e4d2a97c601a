//! The review's facts, read from the store: everything the registration rule needs about one
//! application, as the domain's review builds its case from them.

use shinrai_domain::registration::RegistrationDecision;
use shinrai_domain::workflow::application::Application;
use shinrai_domain::workflow::review::{ReviewFacts, review};

use crate::audits::actions::requirements;
use crate::state::AppState;
use crate::workflow::Outcome;
use crate::workflow::facts::{self, AUDIT, AUDITOR, SELECTION, SERVICE, STATEMENT, missing};

/// The registration rule's answer on the stored facts of `application` now.
pub async fn answer(state: &AppState, application: &Application) -> Outcome<RegistrationDecision> {
    let store = &state.store;
    let audit = store
        .audit(&application.audit)
        .await?
        .ok_or_else(|| missing(AUDIT, &application.audit))?
        .value;
    let service = store
        .service(&application.service)
        .await?
        .ok_or_else(|| missing(SERVICE, &application.service))?
        .value;
    let statement = store
        .statement(&audit.statement)
        .await?
        .ok_or_else(|| missing(STATEMENT, &audit.statement))?
        .value;
    let body = store
        .audit_body_record(&audit.audit_body)
        .await?
        .ok_or_else(|| missing(SELECTION, &audit.audit_body))?
        .value;
    let signer_id = audit.signing_auditor.clone().unwrap_or_default();
    let signer = store
        .auditor_profile(&signer_id)
        .await?
        .ok_or_else(|| missing(AUDITOR, &signer_id))?
        .value;
    let criteria = facts::criteria_of(state, &audit.criteria_version).await?;
    let registry = facts::registry(state).await?;
    Ok(review(&ReviewFacts {
        criteria: &criteria.version,
        service: &service,
        registry: &registry.entries,
        audit_body: &body,
        requirements: &requirements(),
        signer: &signer,
        audit: &audit,
        statement: &statement,
        application,
    }))
}
