use shinrai_domain::selection::{Decision, SelectionOutcome};

use super::{Text, list};

pub(super) fn render(answer: &SelectionOutcome, out: &mut Text) {
    let lang = out.lang;
    let decision = match answer.decision {
        Decision::Select => out.pick("選定", "select"),
        Decision::Reject => out.pick("却下", "reject"),
    };
    let code = answer.decision.as_str();
    if decision == code {
        out.field("判定", "Decision", decision);
    } else {
        out.field("判定", "Decision", format!("{decision} ({code})"));
    }
    let period = match (answer.valid_from, answer.valid_until) {
        (Some(from), Some(until)) => format!("{from} – {until}"),
        _ => "—".to_owned(),
    };
    out.field("有効期間", "Valid", period);
    out.field(
        "要件を満たす署名監査人",
        "Qualified signing auditors",
        list(&answer.qualified_signing_auditors),
    );
    if answer.findings.is_empty() {
        out.field("指摘", "Findings", out.pick("なし", "none"));
        return;
    }
    out.line(format!(
        "{} ({}):",
        out.pick("指摘", "Findings"),
        answer.findings.len()
    ));
    for finding in &answer.findings {
        out.line(format!(
            "  - [{}] {}",
            finding.code.as_str(),
            finding.subject
        ));
        out.line(format!("    {}", finding.message.get(lang)));
    }
}
