//! A provider's cloud service as the scheme knows it before and after registration: what it
//! offers, what it is built on, and the scope sentence that its audit and registry entry share.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::fields::Problems;
use super::{Change, Moment, NotAllowed, Refusal, WorkflowEvent};
use crate::accounts::{OrgKind, Role};
use crate::case::bounds::MAX_TEXT_CHARS;
use crate::policy::Member;
use crate::registry::{DeploymentModel, ModelScope};
use crate::text::Bilingual;

/// Most services a service may be built on.
pub const MAX_BUILT_ON: usize = 100;

/// What the provider says about its service; the same for creating and editing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceDetails {
    pub name: Bilingual,
    pub description: Bilingual,
    /// Each model offered, with the provider's scope of responsibility under it.
    pub service_models: Vec<ModelScope>,
    pub deployment_models: Vec<DeploymentModel>,
    /// Registry ids of the registered services it is built on.
    pub built_on: Vec<String>,
    /// Those of `built_on` that its own audit evaluated.
    pub underlying_evaluated_in_audit: Vec<String>,
    /// The scope sentence the audit and the registry entry must share.
    pub scope: Bilingual,
    /// The availability it commits to (free text; may be empty).
    pub availability: Bilingual,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub id: String,
    /// The provider organisation that owns it.
    pub provider: String,
    #[serde(flatten)]
    pub details: ServiceDetails,
    /// The procuring organisations it shares its statement's annexes with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annex_grants: Vec<super::annex_sharing::AnnexGrant>,
    pub created_at_ms: i64,
    pub updated_at_ms: i64,
}

/// Whether `by` acts for a provider organisation with the provider role.
pub fn is_provider(by: &Member) -> bool {
    by.org_kind == OrgKind::Provider && by.has(Role::Provider)
}

/// Whether `by` may act for the provider that owns `provider_org`'s things.
pub fn acts_for_provider(by: &Member, provider_org: &str) -> bool {
    is_provider(by) && by.org_id == provider_org
}

impl ServiceDetails {
    pub fn check(&self) -> Result<(), Refusal> {
        let mut problems = Problems::new();
        problems.name("/name", &self.name);
        problems.text_length("/description", &self.description, MAX_TEXT_CHARS);
        problems.long_text("/scope", &self.scope);
        problems.text_length("/availability", &self.availability, MAX_TEXT_CHARS);
        if self.service_models.is_empty() {
            problems.push(
                "/service_models",
                "required",
                Bilingual::new(
                    "サービスモデルを一つ以上指定してください",
                    "name at least one service model",
                ),
            );
        }
        problems.duplicates(
            self.service_models.iter().map(|scope| scope.model.name()),
            |i| format!("/service_models/{i}/model"),
        );
        for (i, scope) in self.service_models.iter().enumerate() {
            problems.long_text(&format!("/service_models/{i}/scope"), &scope.scope);
        }
        if self.deployment_models.is_empty() {
            problems.push(
                "/deployment_models",
                "required",
                Bilingual::new(
                    "配備モデルを一つ以上指定してください",
                    "name at least one deployment model",
                ),
            );
        }
        problems.duplicates(
            self.deployment_models.iter().map(|model| model.code()),
            |i| format!("/deployment_models/{i}"),
        );
        if problems.list_size("/built_on", self.built_on.len(), MAX_BUILT_ON) {
            for (i, id) in self.built_on.iter().enumerate() {
                problems.reference(&format!("/built_on/{i}"), id);
            }
            problems.duplicates(self.built_on.iter().map(String::as_str), |i| {
                format!("/built_on/{i}")
            });
        }
        if problems.list_size(
            "/underlying_evaluated_in_audit",
            self.underlying_evaluated_in_audit.len(),
            MAX_BUILT_ON,
        ) {
            for (i, id) in self.underlying_evaluated_in_audit.iter().enumerate() {
                if !self.built_on.contains(id) {
                    let field = format!("/underlying_evaluated_in_audit/{i}");
                    problems.push(
                        field.clone(),
                        "not_built_on",
                        Bilingual::new(
                            format!("{field}: {id} は built_on にありません"),
                            format!("{field}: {id} is not among the services it is built on"),
                        ),
                    );
                }
            }
            problems.duplicates(
                self.underlying_evaluated_in_audit
                    .iter()
                    .map(String::as_str),
                |i| format!("/underlying_evaluated_in_audit/{i}"),
            );
        }
        problems.finish()
    }
}

/// A provider describes a new service.
pub fn create(
    id: String,
    details: ServiceDetails,
    by: &Member,
    at: Moment,
) -> Result<Change<Service>, Refusal> {
    if !is_provider(by) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProvider));
    }
    let mut problems = Problems::new();
    problems.id("/id", &id);
    problems.finish()?;
    details.check()?;
    let service = Service {
        id,
        provider: by.org_id.clone(),
        details,
        annex_grants: Vec::new(),
        created_at_ms: at.at_ms,
        updated_at_ms: at.at_ms,
    };
    let event = WorkflowEvent::new(
        by,
        at,
        "service.create",
        &service.id,
        json!({ "service": service }),
    );
    Ok(Change {
        state: service,
        event,
    })
}

/// Its provider changes what it says about the service. Audits already ordered keep the scope
/// they were ordered with.
pub fn edit(
    service: &Service,
    details: ServiceDetails,
    by: &Member,
    at: Moment,
) -> Result<Change<Service>, Refusal> {
    if !acts_for_provider(by, &service.provider) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProvider));
    }
    details.check()?;
    let service = Service {
        details,
        updated_at_ms: at.at_ms,
        ..service.clone()
    };
    let event = WorkflowEvent::new(
        by,
        at,
        "service.edit",
        &service.id,
        json!({ "service": service }),
    );
    Ok(Change {
        state: service,
        event,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::service_model::ServiceModel;

    pub fn member(org: &str, kind: OrgKind, roles: &[Role]) -> Member {
        Member {
            user_id: format!("{org}-user"),
            org_id: org.to_owned(),
            org_kind: kind,
            roles: roles.to_vec(),
        }
    }

    pub fn provider() -> Member {
        member("csp", OrgKind::Provider, &[Role::Provider])
    }

    pub fn details() -> ServiceDetails {
        ServiceDetails {
            name: Bilingual::new("さくらメール", "Sakura Mail"),
            description: Bilingual::new("メール", "Mail"),
            service_models: vec![ModelScope {
                model: ServiceModel::SaaS,
                scope: Bilingual::new("アプリケーションまで", "up to the application"),
            }],
            deployment_models: vec![DeploymentModel::Public],
            built_on: vec!["C25-0001".into()],
            underlying_evaluated_in_audit: vec![],
            scope: Bilingual::new("本番環境", "production"),
            availability: Bilingual::new("99.9%", "99.9%"),
        }
    }

    #[test]
    fn a_provider_creates_its_service_and_the_event_holds_it_whole() {
        let change = create("svc-a".into(), details(), &provider(), Moment::at(5)).unwrap();
        assert_eq!(change.state.provider, "csp");
        assert_eq!(change.event.action, "service.create");
        assert_eq!(change.event.subject, "svc-a");
        let back: Service =
            serde_json::from_value(change.event.payload["service"].clone()).unwrap();
        assert_eq!(back, change.state);
    }

    #[test]
    fn only_providers_create_and_only_the_owner_edits() {
        let auditor = member("ab", OrgKind::AuditBody, &[Role::Auditor]);
        assert_eq!(
            create("svc-a".into(), details(), &auditor, Moment::at(5)),
            Err(Refusal::NotAllowed(NotAllowed::NotTheProvider))
        );
        let service = create("svc-a".into(), details(), &provider(), Moment::at(5))
            .unwrap()
            .state;
        let other = member("csp2", OrgKind::Provider, &[Role::Provider]);
        assert_eq!(
            edit(&service, details(), &other, Moment::at(6)),
            Err(Refusal::NotAllowed(NotAllowed::NotTheProvider))
        );
        let edited = edit(&service, details(), &provider(), Moment::at(6)).unwrap();
        assert_eq!(edited.state.created_at_ms, 5);
        assert_eq!(edited.state.updated_at_ms, 6);
    }

    #[test]
    fn every_bad_field_is_named() {
        let mut bad = details();
        bad.name = Bilingual::new("", " ");
        bad.scope = Bilingual::new("\u{3000}", "");
        bad.service_models.push(bad.service_models[0].clone());
        bad.deployment_models.clear();
        bad.underlying_evaluated_in_audit = vec!["C99-0001".into()];
        let Err(Refusal::Invalid(errors)) =
            create("svc/a".into(), bad.clone(), &provider(), Moment::at(1))
        else {
            panic!("expected invalid");
        };
        assert_eq!(errors[0].field, "/id");
        let Err(Refusal::Invalid(errors)) = create("svc-a".into(), bad, &provider(), Moment::at(1))
        else {
            panic!("expected invalid");
        };
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "/name",
                "/scope",
                "/service_models/1/model",
                "/deployment_models",
                "/underlying_evaluated_in_audit/0"
            ]
        );
    }
}
