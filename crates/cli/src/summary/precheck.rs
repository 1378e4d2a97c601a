use shinrai_domain::precheck::PrecheckOutcome;
use shinrai_domain::text::Lang;

use super::Text;

pub(super) fn render(answer: &PrecheckOutcome, out: &mut Text) {
    let lang = out.lang;
    let target = answer.target_level;
    out.field("目標レベル", "Target level", target.to_string());
    out.field(
        "到達できるレベル",
        "Reachable level",
        match answer.reachable_level {
            Some(level) => level.to_string(),
            None => out
                .pick(
                    "なし（どのレベルにも指摘があります）",
                    "none (every level has findings)",
                )
                .to_owned(),
        },
    );
    let counts: Vec<String> = answer
        .findings_by_level
        .iter()
        .map(|(level, count)| match lang {
            Lang::Ja => format!("レベル {level} は {count} 件"),
            Lang::En => format!("{level}: {count}"),
        })
        .collect();
    out.field(
        "レベルごとの指摘",
        "Findings by level",
        counts.join(out.pick("、", " · ")),
    );
    let heading = match lang {
        Lang::Ja => format!("レベル {target} の指摘"),
        Lang::En => format!("Findings at level {target}"),
    };
    if answer.findings.is_empty() {
        out.line(format!(
            "{heading}{}{}",
            out.pick("：", ": "),
            out.pick("なし", "none")
        ));
        return;
    }
    out.line(format!("{heading} ({}):", answer.findings.len()));
    for finding in &answer.findings {
        out.line(format!(
            "  - [{}] {}",
            finding.code.as_str(),
            finding.subject
        ));
        out.line(format!("    {}", finding.message.get(lang)));
    }
}
