//! How the workflow's coded values appear in the OpenAPI document: each a string with its
//! allowed values, taken from the domain's own lists so that the description cannot fall
//! behind the code.

use shinrai_domain::assurance::{AssuredObject, CriteriaArea, Zone};
use shinrai_domain::audit_kind::AuditKind;
use shinrai_domain::registration::AuditBodyStatus;
use shinrai_domain::registry::DeploymentModel;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::workflow::application::{ApplicationKind, ApplicationStatus, Verdict};
use shinrai_domain::workflow::audit::AuditStatus;
use shinrai_domain::workflow::certification::{CertificateKind, CloudRole, Standing};
use shinrai_domain::workflow::statement::{ItemStatus, Responsibility, StatementStatus};
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, SchemaType, Type};

fn one_of(values: impl IntoIterator<Item = &'static str>) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(values))
}

pub fn service_model() -> ObjectBuilder {
    one_of(ServiceModel::ALL.map(ServiceModel::name))
}

pub fn deployment_models() -> ArrayBuilder {
    ArrayBuilder::new().items(one_of(DeploymentModel::ALL.map(DeploymentModel::code)))
}

pub fn statement_status() -> ObjectBuilder {
    one_of([StatementStatus::Draft, StatementStatus::Submitted].map(StatementStatus::code))
}

pub fn item_status() -> ObjectBuilder {
    one_of(ItemStatus::ALL.map(ItemStatus::code))
}

pub fn certificate_kind() -> ObjectBuilder {
    one_of(CertificateKind::ALL.map(CertificateKind::code))
}

pub fn assured_object() -> ObjectBuilder {
    one_of(AssuredObject::ALL.iter().map(|object| object.code()))
}

pub fn criteria_areas() -> ArrayBuilder {
    ArrayBuilder::new().items(one_of(CriteriaArea::ALL.iter().map(|area| area.code())))
}

pub fn zone() -> ObjectBuilder {
    one_of(Zone::ALL.map(Zone::code))
}

pub fn cloud_role() -> ObjectBuilder {
    one_of(CloudRole::ALL.map(CloudRole::code))
}

pub fn standing() -> ObjectBuilder {
    one_of(Standing::ALL.map(Standing::code))
}

pub fn responsibility() -> ObjectBuilder {
    one_of(Responsibility::ALL.map(Responsibility::code))
}

pub fn audit_status() -> ObjectBuilder {
    one_of(AuditStatus::ALL.map(AuditStatus::code))
}

pub fn audit_kind() -> ObjectBuilder {
    one_of(AuditKind::ALL.map(AuditKind::code))
}

pub fn application_status() -> ObjectBuilder {
    one_of(ApplicationStatus::ALL.map(ApplicationStatus::code))
}

pub fn application_kind() -> ObjectBuilder {
    one_of([ApplicationKind::New, ApplicationKind::Renewal].map(ApplicationKind::code))
}

pub fn verdict() -> ObjectBuilder {
    one_of([Verdict::Register, Verdict::Reject].map(Verdict::code))
}

/// A verdict, or `null` before there is one.
pub fn verdict_or_none() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .enum_values(Some(
            [Verdict::Register, Verdict::Reject]
                .map(|verdict| serde_json::Value::from(verdict.code()))
                .into_iter()
                .chain([serde_json::Value::Null]),
        ))
}

pub fn audit_body_status() -> ObjectBuilder {
    one_of(
        [
            AuditBodyStatus::Selected,
            AuditBodyStatus::Suspended,
            AuditBodyStatus::Revoked,
            AuditBodyStatus::Expired,
        ]
        .map(AuditBodyStatus::name),
    )
}

pub fn measure_kind() -> ObjectBuilder {
    one_of(
        shinrai_domain::workflow::audit_body::MeasureKind::ALL
            .map(shinrai_domain::workflow::audit_body::MeasureKind::code),
    )
}

pub fn fair_verdict() -> ObjectBuilder {
    use shinrai_domain::workflow::working_papers::FairVerdict;
    one_of(FairVerdict::ALL.map(FairVerdict::code))
}

pub fn frequency() -> ObjectBuilder {
    one_of(shinrai_domain::sampling::Frequency::NAMES.map(|(name, _)| name))
}

pub fn evidence_method() -> ObjectBuilder {
    use shinrai_domain::workflow::working_papers::EvidenceMethod;
    one_of(EvidenceMethod::ALL.map(EvidenceMethod::code))
}

pub fn reliance_kind() -> ObjectBuilder {
    use shinrai_domain::workflow::working_papers::RelianceKind;
    one_of(RelianceKind::ALL.map(RelianceKind::code))
}

pub fn review_status() -> ObjectBuilder {
    use shinrai_domain::workflow::quality_review::ReviewStatus;
    one_of(ReviewStatus::ALL.map(ReviewStatus::code))
}

pub fn review_rating() -> ObjectBuilder {
    use shinrai_domain::workflow::quality_review::ReviewRating;
    one_of(ReviewRating::ALL.map(ReviewRating::code))
}
