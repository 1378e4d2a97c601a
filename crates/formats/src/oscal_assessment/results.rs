//! The assessment results: one result over the audit period, with an observation per control's
//! work and a finding per conclusion.

use std::collections::HashMap;

use serde_json::{Value, json};
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_domain::workflow::report::AuditReport;
use shinrai_domain::workflow::working_papers::ControlWorkLine;

use super::PLAN_FILE;
use super::ids::Ids;
use super::metadata::{import_resource, line, metadata};
use super::observations::{observation, observation_uuid};
use super::plan::reviewed_controls;
use super::props::{date_time, name, ours, phase_props, prose, twin};

pub(super) fn results(ids: &Ids, report: &AuditReport, lang: Lang) -> Value {
    let title = Bilingual::new(
        format!(
            "監査結果: 監査 {}（サービス {}）",
            report.audit, report.service
        ),
        format!(
            "Assessment results of audit {} (service {})",
            report.audit, report.service
        ),
    );
    let work: HashMap<&str, &ControlWorkLine> = report
        .work
        .iter()
        .map(|line| (line.control.as_str(), line))
        .collect();
    let observations: Vec<Value> = report
        .work
        .iter()
        .map(|line| observation(ids, report, line, lang))
        .collect();
    let mut findings: Vec<Value> =
        Vec::with_capacity(report.conclusions.controls.len() + report.conclusions.objectives.len());
    for conclusion in &report.conclusions.controls {
        let id = &conclusion.control;
        let line = work.get(id.as_str()).copied();
        let mut props = vec![
            ours(name::CONTROL, id),
            twin("reason", &conclusion.reason, lang),
        ];
        props.extend(line.map(|line| phase_props(line, lang)).unwrap_or_default());
        if let Some(result) = report
            .internal_audit
            .as_ref()
            .and_then(|paper| paper.results.iter().find(|r| &r.control == id))
        {
            let state = if result.passed { "passed" } else { "failed" };
            props.push(ours(name::REPERFORMANCE, state));
            props.push(ours(name::REPERFORMANCE_REASON, result.reason.get(lang)));
        }
        let mut finding = finding(
            ids.uuid(&format!("finding/control/{id}")),
            Bilingual::new(
                format!(
                    "管理策 {id}: {}",
                    if conclusion.conformant {
                        "適合"
                    } else {
                        "不適合"
                    }
                ),
                format!(
                    "Control {id}: {}",
                    if conclusion.conformant {
                        "conformant"
                    } else {
                        "not conformant"
                    }
                ),
            )
            .get(lang),
            conclusion.reason.get(lang),
            props,
            ("statement-id", ids.control(id)),
            conclusion.conformant,
        );
        if line.is_some()
            && let Some(object) = finding.as_object_mut()
        {
            object.insert(
                "related-observations".to_owned(),
                json!([{"observation-uuid": observation_uuid(ids, id)}]),
            );
        }
        findings.push(finding);
    }
    for conclusion in &report.conclusions.objectives {
        let id = &conclusion.objective;
        findings.push(finding(
            ids.uuid(&format!("finding/objective/{id}")),
            Bilingual::new(
                format!(
                    "管理目的 {id}: {}",
                    if conclusion.effective {
                        "有効"
                    } else {
                        "有効でない"
                    }
                ),
                format!(
                    "Control objective {id}: {}",
                    if conclusion.effective {
                        "effective"
                    } else {
                        "not effective"
                    }
                ),
            )
            .get(lang),
            conclusion.reason.get(lang),
            vec![
                ours(name::OBJECTIVE, id),
                twin("reason", &conclusion.reason, lang),
            ],
            ("objective-id", ids.objective(id)),
            conclusion.effective,
        ));
    }

    let mut props = vec![
        ours(name::REPORT_SHA256, &ids.sha256),
        ours(name::AUDIT, &report.audit),
    ];
    if let Some(governance) = &report.governance {
        let state = if governance.effective {
            "effective"
        } else {
            "not_effective"
        };
        props.push(ours(name::GOVERNANCE, state));
        props.push(ours(name::GOVERNANCE_REASON, governance.reason.get(lang)));
    }
    if let Some(paper) = &report.internal_audit {
        let state = if paper.reliable {
            "reliable"
        } else {
            "not_reliable"
        };
        props.push(ours(name::INTERNAL_AUDIT, &paper.report.reference));
        props.push(ours(name::INTERNAL_AUDIT_RELIANCE, state));
        props.push(ours(name::INTERNAL_AUDIT_REASON, paper.reason.get(lang)));
    }
    let mut result = json!({
        "uuid": ids.uuid("result"),
        "title": line(title.get(lang), "assessment results"),
        "description": Bilingual::new(
            format!(
                "{} に署名された監査報告書（SHA-256 {}）の結論。対象範囲: {}",
                report.signed_on, ids.sha256, report.audited_scope.ja
            ),
            format!(
                "The conclusions of the audit report signed on {} (SHA-256 {}). Scope: {}",
                report.signed_on, ids.sha256, report.audited_scope.en
            ),
        )
        .get(lang),
        "start": date_time(report.period.start, "00:00:00"),
        "end": date_time(report.period.end, "23:59:59"),
        "props": props,
        "reviewed-controls": reviewed_controls(ids),
    });
    if let Some(object) = result.as_object_mut() {
        if !observations.is_empty() {
            object.insert("observations".to_owned(), observations.into());
        }
        if !findings.is_empty() {
            object.insert("findings".to_owned(), findings.into());
        }
    }

    let plan = ids.uuid("resource/assessment-plan");
    json!({"assessment-results": {
        "uuid": ids.uuid("assessment-results"),
        "metadata": metadata(ids, report, lang, &title),
        "import-ap": {"href": format!("#{plan}")},
        "results": [result],
        "back-matter": {"resources": [import_resource(
            &plan,
            line(&format!("Assessment plan of audit {}", report.audit), "assessment plan"),
            vec![ours(name::AUDIT, &report.audit)],
            PLAN_FILE,
        )]},
    }})
}

/// A finding on one target (`(type, token)`): satisfied when the conclusion is positive.
fn finding(
    uuid: String,
    title: &str,
    reason: &str,
    props: Vec<Value>,
    target: (&str, String),
    satisfied: bool,
) -> Value {
    let (state, why) = if satisfied {
        ("satisfied", "pass")
    } else {
        ("not-satisfied", "fail")
    };
    json!({
        "uuid": uuid,
        "title": line(title, "finding"),
        "description": prose(reason),
        "props": props,
        "target": {
            "type": target.0,
            "target-id": target.1,
            "status": {"state": state, "reason": why},
        },
    })
}
