//! A signed audit report as OSCAL: the assessment plan the audit followed and the assessment
//! results it reached, both in JSON, for tools that read OSCAL rather than shinrai's report.
//!
//! # Mapping
//!
//! Everything shinrai adds is a property in its namespace [`NS`](crate::oscal_criteria::NS).
//! Texts are written in the language asked for (`description`, `title`); a conclusion's reason
//! in the other language is a property beside it, so nothing of the report is lost. Free text in
//! a property is written as the criteria export writes it (a JSON string literal when OSCAL's
//! string type refuses it as it is).
//!
//! Both documents:
//! - uuids are version 5 uuids of the report's SHA-256 and the element's shinrai id, so the same
//!   report always gives the same bytes, and another report never shares an element's uuid;
//! - metadata: `last-modified` is the signing day at midnight UTC, `version` is the report's
//!   SHA-256, `oscal-version` is that of the schemas the validator checks against; properties
//!   `report-sha256`, `report-format`, `audit`, `service`, `provider`, `criteria-version`,
//!   `target-level`, `audit-kind` (`three_phase` or `internal_audit_evaluation`), `lang`; the audit body is a party (organization) and the signing auditor a
//!   party (person, one `qualification` property each) in the role `assessor`;
//! - controls are named by the token the criteria export gives them (`c-` and the id, any
//!   character a token cannot hold as `_`), control objectives by their group's token (`g-` and
//!   the id); the shinrai id itself is the property `control` or `objective`.
//!
//! The plan (`assessment-plan`): `import-ssp` names a back-matter resource standing for the
//! statement version audited (properties `statement`, `statement-version`; its link is the
//! statement's OSCAL plan as the API serves it); `local-definitions` has the service as a
//! component and one activity per phase (fair presentation, design, operation); one task per
//! phase runs its activity on the service; `reviewed-controls` includes every audited control;
//! `assessment-subjects` is the service.
//!
//! The results (`assessment-results`): `import-ap` names a back-matter resource whose link is
//! [`PLAN_FILE`] (the plan written beside the results). One `result` spans the audit period
//! (`start` the first day at 00:00:00Z, `end` the last at 23:59:59Z) with the property
//! `report-sha256`, the governance conclusion as properties when the report has one, for an
//! evaluation of the internal audit the report evaluated (`internal-audit`,
//! `internal-audit-reliance` = `reliable`/`not_reliable`, `internal-audit-reason`), and:
//! - one observation per control with working papers: methods `EXAMINE` when a phase was judged,
//!   a reliance recorded or evidence kept, `TEST` when items were sampled, else `UNKNOWN`; the service as subject; one `relevant-evidence` per evidence record, its
//!   SHA-256 in the property `evidence-sha256` and in the description (the evidence is not
//!   addressable by hash, so there is no `href`); `collected` is the signing day;
//! - one finding per concluded control: target `statement-id` = the control's token, state
//!   `satisfied` (conformant) or `not-satisfied`, reason `pass`/`fail`; the reason as
//!   description; the phases' results as properties (`fair-presentation`, `design`,
//!   `equivalence` per technology judged, class `equivalent`/`not-equivalent`, the grounds as
//!   remarks; `operation`, `frequency`, `population`, `sampled`, `failed`,
//!   `second-sample-reason`, `reliance-kind`, `reliance-reference`, `reliance-start`,
//!   `reliance-end`; `reperformance` = `passed`/`failed` and `reperformance-reason` for a
//!   control re-performed in an evaluation of the internal audit), codes as the report writes
//!   them; its observation as related observation;
//! - one finding per concluded objective: target `objective-id` = the objective's token, state
//!   `satisfied` (effective) or `not-satisfied`.

mod ids;
mod metadata;
mod observations;
mod plan;
mod props;
mod results;

use serde_json::Value;
use shinrai_domain::text::Lang;
use shinrai_domain::workflow::report::AuditReport;

/// The file name the results' `import-ap` links to: write the plan beside the results under it.
pub const PLAN_FILE: &str = "assessment-plan.json";

/// The report's assessment plan, as `{"assessment-plan": …}`, with texts in `lang`.
pub fn assessment_plan(report: &AuditReport, lang: Lang) -> Value {
    plan::plan(&ids::Ids::of(report), report, lang)
}

/// The report's assessment results, as `{"assessment-results": …}`, with texts in `lang`.
pub fn assessment_results(report: &AuditReport, lang: Lang) -> Value {
    results::results(&ids::Ids::of(report), report, lang)
}
