use shinrai_domain::lifecycle::{LifecycleOutcome, Reason, Standing, Status};

use super::Text;

fn status(out: &Text, status: Status) -> String {
    match status {
        Status::Registered => out.pick("登録", "registered"),
        Status::Suspended => out.pick("一時停止", "suspended"),
        Status::Expired => out.pick("期限切れ", "expired"),
        Status::Deregistered => out.pick("登録抹消", "deregistered"),
    }
    .to_owned()
}

fn reason(out: &Text, standing: &Standing) -> String {
    let because = standing.because.as_deref().unwrap_or("—");
    match standing.reason {
        Reason::Valid => out.pick("有効期間内", "valid").to_owned(),
        Reason::RenewalUnderReview => out.pick("更新審査中", "renewal under review").to_owned(),
        Reason::Expired => out.pick("有効期間の満了", "validity ended").to_owned(),
        Reason::Suspended => out.pick("一時停止中", "suspended").to_owned(),
        Reason::Withdrawn => out
            .pick("事業者による取下げ", "withdrawn by the provider")
            .to_owned(),
        Reason::Deregistered => out
            .pick("運営による登録抹消", "deregistered by the operator")
            .to_owned(),
        Reason::Cascade => match out.lang {
            shinrai_domain::text::Lang::Ja => format!("依存先 {because} の登録終了による連鎖"),
            shinrai_domain::text::Lang::En => format!("in cascade: {because} is gone"),
        },
    }
}

pub(super) fn render(answer: &LifecycleOutcome, out: &mut Text) {
    out.field("基準日", "As of", answer.as_of.to_string());
    let count = |wanted: Status| {
        answer
            .services
            .iter()
            .filter(|standing| standing.status == wanted)
            .count()
    };
    out.field(
        "登録 / 一時停止 / 期限切れ / 登録抹消",
        "Registered / suspended / expired / deregistered",
        format!(
            "{} / {} / {} / {}",
            count(Status::Registered),
            count(Status::Suspended),
            count(Status::Expired),
            count(Status::Deregistered)
        ),
    );
    for standing in &answer.services {
        let since = standing
            .since
            .map(|day| format!(", {} {day}", out.pick("開始日", "since")))
            .unwrap_or_default();
        let line = format!(
            "  - {}: {} ({}{since}); {} {}, {} {}",
            standing.service,
            status(out, standing.status),
            reason(out, standing),
            out.pick("レベル", "level"),
            standing.level,
            out.pick("有効期限", "valid until"),
            standing.valid_until,
        );
        out.line(line);
    }
}
