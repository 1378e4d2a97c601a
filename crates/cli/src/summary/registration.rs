use shinrai_domain::registration::{Decision, RegistrationDecision};

use super::{Text, list};

pub(super) fn render(answer: &RegistrationDecision, out: &mut Text) {
    let lang = out.lang;
    let decision = match answer.decision {
        Decision::Register => out.pick("登録", "register"),
        Decision::RequestExplanation => out.pick("監査人への説明要求", "request an explanation"),
        Decision::Reject => out.pick("却下", "reject"),
    };
    let code = answer.decision.as_str();
    if decision == code {
        out.field("判定", "Decision", decision);
    } else {
        out.field("判定", "Decision", format!("{decision} ({code})"));
    }
    out.field(
        "登録レベル",
        "Level",
        answer
            .level
            .map_or("—".to_owned(), |level| level.to_string()),
    );
    out.field(
        "有効期限",
        "Valid until",
        answer
            .valid_until
            .map_or("—".to_owned(), |date| date.to_string()),
    );
    if answer.findings.is_empty() {
        out.field("指摘", "Findings", out.pick("なし", "none"));
    } else {
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
    if !answer.explanations_requested.is_empty() {
        out.field(
            "説明を求める推奨事項",
            "Explanations requested",
            list(&answer.explanations_requested),
        );
    }
}
