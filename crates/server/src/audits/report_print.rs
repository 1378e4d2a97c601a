//! The signed report printed as PDF in one language: the report's facts as a header, then each
//! objective and control with its conclusion, its reason, the phases' results and the hashes of
//! the evidence behind them.

use shinrai_domain::text::{Bilingual, Lang};
use shinrai_domain::workflow::report::AuditReport;
use shinrai_domain::workflow::working_papers::{
    ControlWorkLine, DesignResult, InternalAuditPaper, OperationResult,
};
use shinrai_formats::report_pdf::{
    PrintLang, PrintedReport, PrintedRow, PrintedSection, render_pdf,
};

use crate::error::ApiError;

/// The report as PDF bytes in `lang` (rendering takes a while for large reports: the caller
/// runs it off the request threads).
pub fn report_pdf(report: &AuditReport, lang: Lang) -> Result<Vec<u8>, ApiError> {
    render_pdf(&printed(report, lang), crate::pdf_font::pdf_font()?).map_err(ApiError::internal)
}

fn t(lang: Lang, ja: &str, en: &str) -> String {
    Bilingual::new(ja, en).get(lang).to_owned()
}

pub fn printed(report: &AuditReport, lang: Lang) -> PrintedReport {
    let mut header = vec![
        (t(lang, "監査", "Audit"), report.audit.clone()),
        (t(lang, "サービス", "Service"), report.service.clone()),
        (t(lang, "事業者", "Provider"), report.provider.clone()),
        (
            t(lang, "言明書", "Statement"),
            format!("{} v{}", report.statement, report.statement_version),
        ),
        (
            t(lang, "管理基準の版", "Criteria version"),
            report.criteria_version.clone(),
        ),
        (
            t(lang, "目標レベル", "Target level"),
            report.target_level.get().to_string(),
        ),
        (
            t(lang, "監査の種類", "Kind of audit"),
            report.kind.title().get(lang).to_owned(),
        ),
        (t(lang, "監査機関", "Audit body"), report.audit_body.clone()),
        (
            t(lang, "監査期間", "Audit period"),
            format!("{} – {}", report.period.start, report.period.end),
        ),
        (
            t(lang, "監査対象範囲", "Audited scope"),
            report.audited_scope.get(lang).to_owned(),
        ),
        (
            t(lang, "署名監査人", "Signing auditor"),
            format!(
                "{} ({})",
                report.signing_auditor.name.get(lang),
                report.signing_auditor.qualifications.join(", ")
            ),
        ),
        (t(lang, "署名日", "Signed on"), report.signed_on.to_string()),
    ];
    if !report.examined.is_empty() {
        let versions: Vec<String> = report
            .examined
            .iter()
            .map(|v| format!("{} v{}", v.statement, v.version))
            .collect();
        header.push((
            t(lang, "評価した言明書の版", "Statement versions examined"),
            versions.join(", "),
        ));
    }
    if let Some(governance) = &report.governance {
        header.push((
            t(lang, "ガバナンス", "Governance"),
            format!(
                "{} — {}",
                effective(lang, governance.effective),
                governance.reason.get(lang)
            ),
        ));
    }
    if let Some(paper) = &report.internal_audit {
        header.extend(internal_audit_lines(paper, lang));
    }
    let objectives = report
        .conclusions
        .objectives
        .iter()
        .map(|c| PrintedRow {
            id: c.objective.clone(),
            verdict: effective(lang, c.effective),
            reason: c.reason.get(lang).to_owned(),
            details: Vec::new(),
            evidence: Vec::new(),
        })
        .collect();
    let controls = report
        .conclusions
        .controls
        .iter()
        .map(|c| {
            let line = report.work.iter().find(|l| l.control == c.control);
            PrintedRow {
                id: c.control.clone(),
                verdict: if c.conformant {
                    t(lang, "適合", "Conformant")
                } else {
                    t(lang, "不適合", "Not conformant")
                },
                reason: c.reason.get(lang).to_owned(),
                details: line.map(|l| details(l, lang)).unwrap_or_default(),
                evidence: line.map(|l| l.evidence.clone()).unwrap_or_default(),
            }
        })
        .collect();
    PrintedReport {
        lang: match lang {
            Lang::Ja => PrintLang::Ja,
            Lang::En => PrintLang::En,
        },
        title: t(lang, "監査報告書", "Audit report"),
        sha256: report.sha256(),
        hash_label: t(lang, "報告書ハッシュ (SHA-256)", "Report hash (SHA-256)"),
        page_label: t(lang, "ページ", "Page"),
        header,
        sections: vec![
            PrintedSection {
                heading: t(lang, "統制目標", "Control objectives"),
                rows: objectives,
            },
            PrintedSection {
                heading: t(lang, "詳細管理策", "Detailed controls"),
                rows: controls,
            },
        ],
    }
}

/// What the report says of the internal audit it evaluated, and of the re-performance.
fn internal_audit_lines(paper: &InternalAuditPaper, lang: Lang) -> Vec<(String, String)> {
    let report = &paper.report;
    let mut lines = vec![
        (
            t(lang, "評価した内部監査", "Internal audit evaluated"),
            format!(
                "{} ({}, {} – {}): {}",
                report.reference,
                report.performed_by,
                report.period.start,
                report.period.end,
                report.scope.get(lang)
            ),
        ),
        (
            t(lang, "内部監査への依拠", "Reliance on the internal audit"),
            format!(
                "{} — {}",
                if paper.reliable {
                    t(lang, "依拠できる", "Reliable")
                } else {
                    t(lang, "依拠できない", "Not reliable")
                },
                paper.reason.get(lang)
            ),
        ),
    ];
    if let Some(sample) = &paper.sample {
        let results: Vec<String> = sample
            .controls
            .iter()
            .map(|control| {
                let passed = paper
                    .results
                    .iter()
                    .find(|r| &r.control == control)
                    .map(|r| r.passed);
                let verdict = match passed {
                    Some(true) => t(lang, "合格", "passed"),
                    Some(false) => t(lang, "不備", "failed"),
                    None => t(lang, "未実施", "not done"),
                };
                format!("{control} {verdict}")
            })
            .collect();
        lines.push((
            t(lang, "再実施した管理策", "Controls re-performed"),
            format!(
                "{} / {}: {}",
                sample.controls.len(),
                sample.selected,
                results.join(", ")
            ),
        ));
    }
    lines
}

fn effective(lang: Lang, effective: bool) -> String {
    if effective {
        t(lang, "有効", "Effective")
    } else {
        t(lang, "有効でない", "Not effective")
    }
}

/// The phases' results of one control, a line each.
fn details(line: &ControlWorkLine, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(verdict) = line.fair_presentation {
        out.push(format!(
            "{}: {}",
            t(lang, "適正表示", "Fair presentation"),
            verdict.title().get(lang)
        ));
    }
    if line.design != DesignResult::NotJudged || !line.equivalences.is_empty() {
        out.push(format!(
            "{}: {}",
            t(lang, "整備状況", "Design"),
            line.design.title().get(lang)
        ));
    }
    for equivalence in &line.equivalences {
        out.push(format!(
            "{} {}: {} — {}",
            t(lang, "同等性", "Equivalence of"),
            equivalence.technology,
            effective(lang, equivalence.equivalent),
            equivalence.grounds.get(lang)
        ));
    }
    if line.operation != OperationResult::NotStarted {
        let mut text = format!(
            "{}: {}",
            t(lang, "運用状況", "Operation"),
            line.operation.title().get(lang)
        );
        if let Some(population) = line.population {
            text.push_str(&match lang {
                Lang::Ja => format!(
                    "（母集団 {population} 件、標本 {} 件、不合格 {} 件）",
                    line.sampled, line.failed
                ),
                Lang::En => format!(
                    " (population {population}, {} sampled, {} failed)",
                    line.sampled, line.failed
                ),
            });
        }
        out.push(text);
    }
    if let Some(reason) = &line.second_sample_reason {
        out.push(format!(
            "{}: {}",
            t(lang, "追加標本の理由", "Second sample because"),
            reason.get(lang)
        ));
    }
    if let Some(reliance) = &line.reliance {
        out.push(format!(
            "{}: {} {} ({} – {})",
            t(lang, "依拠", "Relied on"),
            reliance.kind.title().get(lang),
            reliance.reference,
            reliance.period.start,
            reliance.period.end
        ));
    }
    out
}
