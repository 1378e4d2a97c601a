use shinrai_domain::classification::{Classification, INTEGRITY};
use shinrai_domain::text::Lang;

use super::Text;

pub(super) fn render(answer: &Classification, out: &mut Text) {
    let lang = out.lang;
    out.field(
        "情報システム",
        "Information system",
        format!("{} ({})", answer.system, answer.function),
    );
    out.field("クラス", "Class", answer.class());
    let integrity = out.pick("高", INTEGRITY);
    out.line(format!(
        "  {} {} · {} {} · {} {}",
        out.pick("機密性", "Confidentiality"),
        answer.confidentiality,
        out.pick("完全性", "Integrity"),
        integrity,
        out.pick("可用性", "Availability"),
        answer.availability,
    ));
    let level = answer.registry_level;
    out.field(
        "必要な登録レベル",
        "Registry level required",
        match lang {
            Lang::Ja => {
                format!("{level}（レベル {level} 以上で登録されたサービスから選びます）")
            }
            Lang::En => {
                format!("{level} (choose services registered at level {level} or higher)")
            }
        },
    );
    if !answer.advice.is_empty() {
        out.line(out.pick("助言:", "Advice:"));
        for advice in &answer.advice {
            out.line(format!(
                "  - [{}] {}",
                advice.code(),
                advice.message().get(lang)
            ));
        }
    }
    out.line(format!(
        "{} {}:",
        out.pick(
            "仕様書・SLA で求める事項 — 可用性レベル",
            "SLA items for availability level"
        ),
        answer.availability
    ));
    for item in &answer.sla_requirements {
        out.line(format!(
            "  - {}: {}",
            item.title.get(lang),
            item.requirement.get(lang)
        ));
    }
}
