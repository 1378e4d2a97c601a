//! What the service routes read and answer, as documented in the OpenAPI document. Texts are
//! `{"ja", "en"}` objects: a plain string is refused at its field.

use serde::{Deserialize, Serialize};
use shinrai_domain::registry::{DeploymentModel, ModelScope};
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::service::{Service, ServiceDetails};
use utoipa::{IntoParams, ToSchema};

use super::actions::NewService;
use crate::error::Messages;
use crate::workflow::schema;

fn blank() -> Bilingual {
    Bilingual::new("", "")
}

/// One service model offered, with the provider's scope of responsibility under it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ModelScopeView {
    #[schema(schema_with = schema::service_model)]
    pub model: String,
    pub scope: Messages,
}

/// `POST /api/v1/services`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewServiceRequest {
    /// 1 to 64 ASCII letters, digits, `_` or `-`; chosen by the server (`svc-…`) when absent.
    #[schema(nullable = false)]
    pub id: Option<String>,
    #[schema(value_type = Messages)]
    pub name: Bilingual,
    #[serde(default = "blank")]
    #[schema(value_type = Messages)]
    pub description: Bilingual,
    /// At least one, each model once.
    #[schema(value_type = Vec<ModelScopeView>)]
    pub service_models: Vec<ModelScope>,
    /// At least one of `public`, `private`, `community`, `hybrid`.
    #[schema(schema_with = schema::deployment_models)]
    pub deployment_models: Vec<DeploymentModel>,
    /// Registry ids of the registered services it is built on (at most 100).
    #[serde(default)]
    pub built_on: Vec<String>,
    /// Those of `built_on` that its own audit evaluated.
    #[serde(default)]
    pub underlying_evaluated_in_audit: Vec<String>,
    /// The scope sentence its audit and registry entry share.
    #[schema(value_type = Messages)]
    pub scope: Bilingual,
    /// The availability it commits to; may be empty.
    #[serde(default = "blank")]
    #[schema(value_type = Messages)]
    pub availability: Bilingual,
}

impl From<NewServiceRequest> for NewService {
    fn from(request: NewServiceRequest) -> NewService {
        NewService {
            id: request.id,
            details: ServiceDetails {
                name: request.name,
                description: request.description,
                service_models: request.service_models,
                deployment_models: request.deployment_models,
                built_on: request.built_on,
                underlying_evaluated_in_audit: request.underlying_evaluated_in_audit,
                scope: request.scope,
                availability: request.availability,
            },
        }
    }
}

/// A service.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ServiceView {
    pub id: String,
    /// The provider organisation that owns it.
    pub provider: String,
    #[schema(value_type = Messages)]
    pub name: Bilingual,
    #[schema(value_type = Messages)]
    pub description: Bilingual,
    #[schema(value_type = Vec<ModelScopeView>)]
    pub service_models: Vec<ModelScope>,
    #[schema(schema_with = schema::deployment_models)]
    pub deployment_models: Vec<DeploymentModel>,
    pub built_on: Vec<String>,
    pub underlying_evaluated_in_audit: Vec<String>,
    #[schema(value_type = Messages)]
    pub scope: Bilingual,
    #[schema(value_type = Messages)]
    pub availability: Bilingual,
    pub created_at_ms: i64,
    pub updated_at_ms: i64,
}

impl From<Service> for ServiceView {
    fn from(service: Service) -> ServiceView {
        let details = service.details;
        ServiceView {
            id: service.id,
            provider: service.provider,
            name: details.name,
            description: details.description,
            service_models: details.service_models,
            deployment_models: details.deployment_models,
            built_on: details.built_on,
            underlying_evaluated_in_audit: details.underlying_evaluated_in_audit,
            scope: details.scope,
            availability: details.availability,
            created_at_ms: service.created_at_ms,
            updated_at_ms: service.updated_at_ms,
        }
    }
}

/// `GET /api/v1/services`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ServiceList {
    /// The services the caller may see, by id.
    pub items: Vec<ServiceView>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ServiceQuery {
    /// Only this provider organisation's services.
    pub provider: Option<String>,
}
