use shinrai_domain::cascade::CascadeOutcome;
use shinrai_domain::text::Lang;

use super::{Text, list};

pub(super) fn render(answer: &CascadeOutcome, out: &mut Text) {
    out.field(
        "登録簿から外れるサービス",
        "Leaving the registry",
        list(&answer.leaving),
    );
    out.field(
        "連鎖して登録抹消",
        "Deregistered with them",
        match out.lang {
            Lang::Ja => format!("{} 件", answer.deregistered.len()),
            Lang::En => answer.deregistered.len().to_string(),
        },
    );
    for service in &answer.deregistered {
        match answer.causes.get(service) {
            Some(cause) => out.line(format!(
                "  - {service} ← {cause} {}",
                out.pick("に依存", "(built on it)")
            )),
            None => out.line(format!("  - {service}")),
        }
    }
    out.field(
        "自らの監査で評価済みのため存続",
        "Spared by their own audit",
        list(&answer.exempted),
    );
}
