//! Signed audit reports as OSCAL assessment plans and results: valid by the project's validator
//! and by the published per-model schemas, a finding per conclusion with the right state, the
//! evidence hashes and the report hash where a reader looks for them, and the same bytes for
//! the same report.

// Test helpers fail loudly on purpose: a panic is how a test reports a broken expectation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use jsonschema::Validator;
use serde_json::Value;
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_domain::workflow::report::AuditReport;
use shinrai_formats::oscal_assessment::{PLAN_FILE, assessment_plan, assessment_results};
use shinrai_formats::oscal_criteria::NS;
use shinrai_oscal::model::ModelKind;
use shinrai_oscal::validate::{Context, validate_value};
use shinrai_testdata::report::{conformant, control_id, large_report};
use shinrai_testdata::workflow::story;

/// The folder of public OSCAL files: `$SHINRAI_OSCAL_DATA`, else `../shared/data/oscal` beside
/// the repository, else `/work/shared/data/oscal`. A missing folder fails the test.
fn data_dir() -> PathBuf {
    let candidates = [
        std::env::var_os("SHINRAI_OSCAL_DATA").map(PathBuf::from),
        Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/oscal")),
        Some(PathBuf::from("/work/shared/data/oscal")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|dir| dir.join("oscal_assessment-results_schema.json").is_file())
        .expect("OSCAL test data: set SHINRAI_OSCAL_DATA to the folder of shared OSCAL files")
}

/// The published schema of one model, compiled once.
fn published(kind: ModelKind) -> &'static Validator {
    static PLAN: OnceLock<Validator> = OnceLock::new();
    static RESULTS: OnceLock<Validator> = OnceLock::new();
    let (cell, file) = match kind {
        ModelKind::AssessmentPlan => (&PLAN, "oscal_assessment-plan_schema.json"),
        ModelKind::AssessmentResults => (&RESULTS, "oscal_assessment-results_schema.json"),
        other => panic!("no published schema wanted for {other:?}"),
    };
    cell.get_or_init(|| {
        let text = std::fs::read_to_string(data_dir().join(file)).unwrap();
        let schema: Value = serde_json::from_str(&text).unwrap();
        jsonschema::draft7::options().build(&schema).unwrap()
    })
}

/// Valid by the project's validator (schema and semantic checks) and by the published schema.
fn assert_valid(document: &Value, kind: ModelKind) {
    let report = validate_value(document, &Context::new());
    assert_eq!(report.model, Some(kind));
    assert!(report.is_valid(), "{:#?}", report.problems);
    assert!(report.notes.is_empty(), "{:#?}", report.notes);
    let errors: Vec<String> = published(kind)
        .iter_errors(document)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .take(10)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

fn props<'a>(object: &'a Value, name: &str) -> Vec<&'a str> {
    object["props"]
        .as_array()
        .map(|props| {
            props
                .iter()
                .filter(|p| p["name"] == name && p["ns"] == NS)
                .map(|p| p["value"].as_str().unwrap())
                .collect()
        })
        .unwrap_or_default()
}

fn result(document: &Value) -> &Value {
    &document["assessment-results"]["results"][0]
}

/// Findings by the shinrai id in their `control` (or `objective`) property.
fn findings_by<'a>(document: &'a Value, prop: &str) -> HashMap<String, &'a Value> {
    result(document)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| props(f, prop).first().map(|id| ((*id).to_owned(), f)))
        .collect()
}

/// Every conclusion of the report has exactly one finding with the right state and reason, and
/// every work line's evidence hashes are in its control's observation.
fn assert_matches_report(document: &Value, report: &AuditReport, lang: Lang) {
    let controls = findings_by(document, "control");
    assert_eq!(controls.len(), report.conclusions.controls.len());
    for conclusion in &report.conclusions.controls {
        let finding = controls[&conclusion.control];
        let state = if conclusion.conformant {
            "satisfied"
        } else {
            "not-satisfied"
        };
        assert_eq!(
            finding["target"]["status"]["state"], state,
            "{}",
            conclusion.control
        );
        assert_eq!(finding["target"]["type"], "statement-id");
        assert_eq!(finding["description"], conclusion.reason.get(lang));
    }
    let objectives = findings_by(document, "objective");
    assert_eq!(objectives.len(), report.conclusions.objectives.len());
    for conclusion in &report.conclusions.objectives {
        let finding = objectives[&conclusion.objective];
        let state = if conclusion.effective {
            "satisfied"
        } else {
            "not-satisfied"
        };
        assert_eq!(finding["target"]["status"]["state"], state);
        assert_eq!(finding["target"]["type"], "objective-id");
    }
    let observations: HashMap<&str, &Value> = result(document)["observations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["uuid"].as_str().unwrap(), o))
        .collect();
    assert_eq!(observations.len(), report.work.len());
    for line in &report.work {
        let finding = controls[&line.control];
        let uuid = finding["related-observations"][0]["observation-uuid"]
            .as_str()
            .unwrap();
        let observation = observations[uuid];
        assert_eq!(props(observation, "control"), [line.control.as_str()]);
        let methods = observation["methods"].as_array().unwrap();
        assert_eq!(methods.contains(&"TEST".into()), line.sampled > 0);
        if !line.evidence.is_empty() {
            assert!(methods.contains(&"EXAMINE".into()), "{}", line.control);
        }
        let evidence: Vec<&str> = observation["relevant-evidence"]
            .as_array()
            .map(|records| {
                records
                    .iter()
                    .map(|r| props(r, "evidence-sha256")[0])
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(evidence, line.evidence, "{}", line.control);
        assert_eq!(props(finding, "sampled"), [line.sampled.to_string()]);
        assert_eq!(props(finding, "failed"), [line.failed.to_string()]);
    }
}

#[test]
fn the_story_report_is_a_valid_plan_and_valid_results() {
    let report = story().report;
    assert!(!report.work.is_empty() && report.work.iter().any(|l| !l.evidence.is_empty()));
    let sha256 = report.sha256();
    for lang in [Lang::Ja, Lang::En] {
        let plan = assessment_plan(&report, lang);
        assert_valid(&plan, ModelKind::AssessmentPlan);
        let results = assessment_results(&report, lang);
        assert_valid(&results, ModelKind::AssessmentResults);
        assert_matches_report(&results, &report, lang);

        // The report's hash: on the result, and in both documents' metadata.
        assert_eq!(props(result(&results), "report-sha256"), [sha256.as_str()]);
        for (document, root) in [(&plan, "assessment-plan"), (&results, "assessment-results")] {
            let metadata = &document[root]["metadata"];
            assert_eq!(props(metadata, "report-sha256"), [sha256.as_str()]);
            assert_eq!(props(metadata, "lang"), [lang.code()]);
            assert_eq!(props(metadata, "audit-kind"), ["three_phase"]);
            assert_eq!(metadata["oscal-version"], "1.2.1");
            assert_eq!(
                metadata["last-modified"],
                format!("{}T00:00:00Z", report.signed_on)
            );
        }
        // The results span the audit period and import the plan written beside them.
        assert_eq!(
            result(&results)["start"],
            format!("{}T00:00:00Z", report.period.start)
        );
        assert_eq!(
            result(&results)["end"],
            format!("{}T23:59:59Z", report.period.end)
        );
        let resources = &results["assessment-results"]["back-matter"]["resources"];
        assert_eq!(
            results["assessment-results"]["import-ap"]["href"],
            format!("#{}", resources[0]["uuid"].as_str().unwrap())
        );
        assert_eq!(resources[0]["rlinks"][0]["href"], PLAN_FILE);
        // The plan reviews every audited control and imports the statement version audited.
        let reviewed = plan["assessment-plan"]["reviewed-controls"]["control-selections"][0]
            ["include-controls"]
            .as_array()
            .unwrap();
        assert_eq!(reviewed.len(), report.conclusions.controls.len());
        let statement = &plan["assessment-plan"]["back-matter"]["resources"][0];
        assert_eq!(
            props(statement, "statement-version"),
            [report.statement_version.to_string()]
        );
        assert_eq!(
            plan["assessment-plan"]["tasks"].as_array().unwrap().len(),
            3
        );
    }
    // The chosen language goes to the texts, the other to a property.
    let ja = assessment_results(&report, Lang::Ja);
    let en = assessment_results(&report, Lang::En);
    let first = &report.conclusions.controls[0];
    let (ja, en) = (
        findings_by(&ja, "control")[&first.control],
        findings_by(&en, "control")[&first.control],
    );
    assert_eq!(ja["description"], first.reason.ja);
    assert_eq!(props(ja, "reason-en"), [first.reason.en.as_str()]);
    assert_eq!(en["description"], first.reason.en);
    assert_eq!(props(en, "reason-ja"), [first.reason.ja.as_str()]);
}

#[test]
fn twelve_hundred_controls_are_valid_with_every_state_right() {
    let report = large_report(1_200, 3);
    assert!((0..1_200).any(|n| !conformant(n)));
    let plan = assessment_plan(&report, Lang::En);
    assert_valid(&plan, ModelKind::AssessmentPlan);
    let results = assessment_results(&report, Lang::Ja);
    assert_valid(&results, ModelKind::AssessmentResults);
    assert_matches_report(&results, &report, Lang::Ja);
    let findings = findings_by(&results, "control");
    assert_eq!(
        findings[&control_id(3)]["target"]["status"]["state"],
        "not-satisfied"
    );
    assert_eq!(
        findings[&control_id(0)]["target"]["status"]["state"],
        "satisfied"
    );
    // A relied-on control says on what; a judged equivalence gives its grounds.
    let relied = findings[&control_id(5)];
    assert_eq!(props(relied, "operation"), ["relied_on"]);
    assert_eq!(props(relied, "reliance-kind"), ["soc2"]);
    let equivalence = findings[&control_id(7)]["props"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "equivalence")
        .unwrap();
    assert_eq!(equivalence["class"], "not-equivalent");
    assert!(equivalence["remarks"].as_str().unwrap().contains("同等"));
}

#[test]
fn the_same_report_gives_the_same_bytes_and_another_report_other_uuids() {
    let report = large_report(120, 5);
    let bytes = |report: &AuditReport| {
        (
            serde_json::to_vec(&assessment_plan(report, Lang::En)).unwrap(),
            serde_json::to_vec(&assessment_results(report, Lang::En)).unwrap(),
        )
    };
    assert_eq!(bytes(&report), bytes(&report.clone()));

    let mut other = report.clone();
    other.conclusions.controls[0].conformant = !other.conclusions.controls[0].conformant;
    let (a, b) = (
        assessment_results(&report, Lang::En),
        assessment_results(&other, Lang::En),
    );
    assert_ne!(
        a["assessment-results"]["uuid"],
        b["assessment-results"]["uuid"]
    );
    assert_ne!(
        props(result(&a), "report-sha256"),
        props(result(&b), "report-sha256")
    );
}

#[test]
fn texts_oscal_refuses_as_they_are_still_make_valid_documents() {
    let mut report = large_report(12, 1);
    report.service = " svc\nwith lines ".to_owned();
    report.conclusions.controls[0].reason.en = String::new();
    report.conclusions.controls[1].control = "1.1.2 (a)".to_owned();
    report.work[0].second_sample_reason = Some(Bilingual::new("\"引用\"\n複数行", " padded "));
    report.signing_auditor.name.en = "  ".to_owned();
    for lang in [Lang::Ja, Lang::En] {
        assert_valid(&assessment_plan(&report, lang), ModelKind::AssessmentPlan);
        assert_valid(
            &assessment_results(&report, lang),
            ModelKind::AssessmentResults,
        );
    }
    let results = assessment_results(&report, Lang::En);
    let finding = findings_by(&results, "control")["1.1.2 (a)"];
    assert_eq!(finding["target"]["target-id"], "c-1.1.2__a_");
}

#[test]
fn both_checks_catch_a_broken_document() {
    let report = large_report(12, 1);
    let mut results = assessment_results(&report, Lang::En);
    results["assessment-results"]["results"][0]["findings"][0]["target"]["status"]["state"] =
        "maybe".into();
    assert!(!validate_value(&results, &Context::new()).is_valid());
    assert!(!published(ModelKind::AssessmentResults).is_valid(&results));
    let mut plan = assessment_plan(&report, Lang::En);
    plan["assessment-plan"]["import-ssp"]["href"] = "#nothing".into();
    assert!(!validate_value(&plan, &Context::new()).is_valid());
}

#[test]
fn an_evaluation_of_the_internal_audit_says_so_and_hashes_apart() {
    let report = large_report(12, 1);
    use shinrai_domain::workflow::working_papers::{
        InternalAuditPaper, InternalAuditReport, Judged, LogPoint, ReperformanceSample, Reperformed,
    };
    let judged = Judged {
        by: "auditor".into(),
        at_ms: 1,
    };
    let drawn = report.conclusions.controls[0].control.clone();
    let evaluation = AuditReport {
        kind: shinrai_domain::audit_kind::AuditKind::InternalAuditEvaluation,
        internal_audit: Some(InternalAuditPaper {
            report: InternalAuditReport {
                reference: "IA-1".into(),
                performed_by: "Internal audit office".into(),
                period: report.period,
                scope: Bilingual::new("全体", "everything"),
                covers: vec![report.service.clone()],
            },
            reliable: true,
            reason: Bilingual::new("十分", "sufficient"),
            judged: judged.clone(),
            sample: Some(ReperformanceSample {
                from: LogPoint {
                    seq: 1,
                    hash: "0".repeat(64),
                },
                seed: 7,
                statement: report.statement.clone(),
                selected: 12,
                controls: vec![drawn.clone()],
                drawn: judged.clone(),
            }),
            results: vec![Reperformed {
                control: drawn,
                passed: false,
                reason: Bilingual::new("不備", "lacking"),
                judged,
            }],
        }),
        ..report.clone()
    };
    assert_ne!(report.sha256(), evaluation.sha256());
    assert!(
        !report.canonical().contains("three_phase"),
        "the full audit hashes as before"
    );
    assert!(evaluation.canonical().contains("internal_audit_evaluation"));
    let results = assessment_results(&evaluation, Lang::En);
    assert_valid(&results, ModelKind::AssessmentResults);
    assert_eq!(
        props(&results["assessment-results"]["metadata"], "audit-kind"),
        ["internal_audit_evaluation"]
    );
    let result = result(&results);
    assert_eq!(props(result, "internal-audit"), ["IA-1"]);
    let failed: Vec<&Value> = result["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| props(f, "reperformance") == ["failed"])
        .collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(props(failed[0], "reperformance-reason"), ["lacking"]);
}
