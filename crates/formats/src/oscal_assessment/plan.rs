//! The assessment plan: what was audited (the statement version, the service, the controls) and
//! the three phases every control goes through.

use serde_json::{Value, json};
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_domain::workflow::report::AuditReport;

use super::ids::Ids;
use super::metadata::{
    import_resource, line, metadata, path_segment, service_subject, service_uuid,
};
use super::props::{name, ours};

/// One phase of the audit of a control: its id (in uuids), how it is done, and what it is.
struct Phase {
    id: &'static str,
    methods: &'static [&'static str],
    title: (&'static str, &'static str),
    description: (&'static str, &'static str),
}

const PHASES: [Phase; 3] = [
    Phase {
        id: "fair-presentation",
        methods: &["EXAMINE"],
        title: ("適正表示の評価", "Fair presentation"),
        description: (
            "言明書の記載が管理策の実施状況を適正に表示しているかを評価する。",
            "Judge whether the statement presents each control's implementation fairly.",
        ),
    },
    Phase {
        id: "design",
        methods: &["EXAMINE", "INTERVIEW"],
        title: ("整備状況の評価", "Design"),
        description: (
            "管理策が基準を満たすように整備されているかを、技術の同等性を含めて評価する。",
            "Judge whether each control is designed to meet the criteria, technologies' equivalence included.",
        ),
    },
    Phase {
        id: "operation",
        methods: &["TEST"],
        title: ("運用状況の評価", "Operation"),
        description: (
            "確定した母集団から標本を抽出し、証拠により期間を通じた運用を評価する。",
            "Sample the frozen population and judge from evidence whether each control operated throughout the period.",
        ),
    },
];

pub(super) fn plan(ids: &Ids, report: &AuditReport, lang: Lang) -> Value {
    let title = Bilingual::new(
        format!(
            "監査計画: 監査 {}（サービス {}）",
            report.audit, report.service
        ),
        format!(
            "Assessment plan of audit {} (service {})",
            report.audit, report.service
        ),
    );
    let statement = ids.uuid("resource/statement");
    let activity = |phase: &Phase| ids.uuid(&format!("activity/{}", phase.id));
    let text = |pair: (&str, &str)| Bilingual::new(pair.0, pair.1).get(lang).to_owned();
    let activities: Vec<Value> = PHASES
        .iter()
        .map(|phase| {
            json!({
                "uuid": activity(phase),
                "title": text(phase.title),
                "description": text(phase.description),
                "props": phase
                    .methods
                    .iter()
                    .map(|method| json!({"name": "method", "value": method}))
                    .collect::<Vec<_>>(),
            })
        })
        .collect();
    let tasks: Vec<Value> = PHASES
        .iter()
        .map(|phase| {
            json!({
                "uuid": ids.uuid(&format!("task/{}", phase.id)),
                "type": "action",
                "title": text(phase.title),
                "associated-activities": [{
                    "activity-uuid": activity(phase),
                    "subjects": [subjects(ids)],
                }],
            })
        })
        .collect();
    let service = line(&report.service, "service");
    json!({"assessment-plan": {
        "uuid": ids.uuid("assessment-plan"),
        "metadata": metadata(ids, report, lang, &title),
        "import-ssp": {"href": format!("#{statement}")},
        "local-definitions": {
            "components": [{
                "uuid": service_uuid(ids),
                "type": "this-system",
                "title": service,
                "description": Bilingual::new(
                    format!("監査対象のサービス {service}。対象範囲: {}", report.audited_scope.ja),
                    format!("The service audited, {service}. Scope: {}", report.audited_scope.en),
                ).get(lang),
                "props": [ours(name::SERVICE, &report.service)],
                "status": {"state": "operational"},
            }],
            "activities": activities,
        },
        "reviewed-controls": reviewed_controls(ids),
        "assessment-subjects": [subjects(ids)],
        "tasks": tasks,
        "back-matter": {"resources": [import_resource(
            &statement,
            format!("Statement {} version {}", line(&report.statement, "-"), report.statement_version),
            vec![
                ours(name::STATEMENT, &report.statement),
                ours(name::STATEMENT_VERSION, &report.statement_version.to_string()),
            ],
            &format!("/api/v1/statements/{}/ssp", path_segment(&report.statement)),
        )]},
    }})
}

fn subjects(ids: &Ids) -> Value {
    json!({"type": "component", "include-subjects": [service_subject(ids)]})
}

/// Every audited control by its token. A report with none cannot list them (OSCAL wants at
/// least one), so it selects all and its description says none was concluded on.
pub(super) fn reviewed_controls(ids: &Ids) -> Value {
    if ids.audited.is_empty() {
        return json!({"control-selections": [{
            "description": "No control was concluded on.",
            "include-all": {},
        }]});
    }
    let controls: Vec<Value> = ids
        .audited
        .iter()
        .map(|id| json!({"control-id": ids.control(id)}))
        .collect();
    json!({"control-selections": [{"include-controls": controls}]})
}
