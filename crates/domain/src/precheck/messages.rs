//! The words of the pre-check's findings, in Japanese and English. A finding is worded only for
//! the level it is reported at (the application's target level).

use crate::level::Level;
use crate::text::Bilingual;

use super::case::ItemStatus;
use super::finding::{Gap, ItemNamedIn, ItemPart, Kind, NamedIn};

/// The message of `gap`, which counts at `level`.
pub(super) fn message(gap: &Gap<'_>, level: Level) -> Bilingual {
    let id = gap.subject;
    match &gap.kind {
        Kind::UnknownControl(named_in) => unknown_control(id, *named_in),
        Kind::UnknownItem(named_in) => unknown_item(id, *named_in),
        Kind::SelectedAndExcluded => Bilingual::new(
            format!("管理策 {id} が選択と除外の両方に挙がっています。"),
            format!("Control {id} is both selected and excluded."),
        ),
        Kind::ControlNotAddressed => Bilingual::new(
            format!("管理策 {id} はレベル {level} に必要ですが、選択も除外もされていません。"),
            format!(
                "Control {id} is required at level {level} but is neither selected nor excluded."
            ),
        ),
        Kind::ExclusionWithoutReason => Bilingual::new(
            format!("管理策 {id} を除外する理由が書かれていません。"),
            format!("The exclusion of control {id} gives no reason."),
        ),
        Kind::MandatoryControlExcluded => Bilingual::new(
            format!("管理策 {id} はレベル {level} の遵守事項で、除外できません。"),
            format!("Control {id} is mandatory at level {level} and cannot be excluded."),
        ),
        Kind::IndividualControlMissing => Bilingual::new(
            format!(
                "選択した管理策 {id} に個別管理策が書かれていません。サービスで実際に行うことを記述してください。"
            ),
            format!(
                "Selected control {id} has no individual control: say what the service actually does to meet it."
            ),
        ),
        Kind::RationaleMissing(free) => rationale_missing(id, free),
        Kind::ItemNotImplemented(part, status) => item_not_implemented(id, *part, *status, level),
        Kind::UnderlyingNotRegistered(Some(status)) => Bilingual::new(
            format!(
                "基盤とするサービス {id} の登録状態が「{}」です。",
                status.name()
            ),
            format!(
                "Underlying service {id} is {}, not registered.",
                status.name()
            ),
        ),
        Kind::UnderlyingNotRegistered(None) => Bilingual::new(
            format!("基盤とするサービス {id} は登録簿にありません。"),
            format!("Underlying service {id} is not in the registry."),
        ),
        Kind::UnderlyingLevelTooLow(registered) => Bilingual::new(
            format!(
                "基盤とするサービス {id} はレベル {registered} の登録で、レベル {level} に届きません。レベル {level} 以上の登録か、自らの監査での評価が必要です。"
            ),
            format!(
                "Underlying service {id} is registered at level {registered}, below level {level}: it needs a registration at level {level} or higher, or an evaluation within this service's own audit."
            ),
        ),
    }
}

fn unknown_control(id: &str, named_in: NamedIn) -> Bilingual {
    let (ja, en) = match (named_in.selected, named_in.excluded) {
        (true, true) => ("選択と除外", "selected and excluded controls"),
        (false, true) => ("除外", "excluded controls"),
        _ => ("選択", "selected controls"),
    };
    Bilingual::new(
        format!("言明書の{ja}に挙げた {id} はこの管理基準にありません。"),
        format!("{id} is among the statement's {en} but is not in the criteria."),
    )
}

fn unknown_item(id: &str, named_in: ItemNamedIn) -> Bilingual {
    let (ja, en) = match (named_in.governance, named_in.management) {
        (true, true) => (
            "ガバナンス基準とマネジメント基準",
            "governance and management",
        ),
        (false, true) => ("マネジメント基準", "management"),
        _ => ("ガバナンス基準", "governance"),
    };
    Bilingual::new(
        format!("言明書の{ja}の項目に挙げた {id} はこの管理基準にありません。"),
        format!("{id} is among the statement's {en} items but is not in the criteria."),
    )
}

fn rationale_missing(id: &str, free: &[&str]) -> Bilingual {
    let ja_names: Vec<String> = free.iter().map(|name| format!("「{name}」")).collect();
    let en_names: Vec<String> = free.iter().map(|name| format!("\"{name}\"")).collect();
    let en_what = if free.len() == 1 {
        "a technology that is not among its examples"
    } else {
        "technologies that are not among its examples"
    };
    Bilingual::new(
        format!(
            "管理策 {id} に技術の例にない技術（{}）を挙げていますが、それで管理策を満たす根拠が書かれていません。",
            ja_names.concat()
        ),
        format!(
            "Control {id} names {en_what} ({}) but gives no rationale for how it meets the control.",
            en_names.join(", ")
        ),
    )
}

fn item_not_implemented(
    id: &str,
    part: ItemPart,
    status: Option<ItemStatus>,
    level: Level,
) -> Bilingual {
    let (part_ja, part_en) = match part {
        ItemPart::Governance => ("ガバナンス基準", "Governance"),
        ItemPart::Management => ("マネジメント基準", "Management"),
    };
    let (ja, en) = match status {
        None => (
            "言明書にありません".to_owned(),
            "the statement does not address it".to_owned(),
        ),
        Some(status) => (
            format!(
                "状態が「{}」（{}）で、実施済みではありません",
                status_ja(status),
                status.name()
            ),
            format!("its status is \"{}\", not implemented", status.name()),
        ),
    };
    Bilingual::new(
        format!("{part_ja}の項目 {id} はレベル {level} に必要ですが、{ja}。"),
        format!("{part_en} item {id} is required at level {level} but {en}."),
    )
}

fn status_ja(status: ItemStatus) -> &'static str {
    match status {
        ItemStatus::Implemented => "実施済み",
        ItemStatus::Partial => "一部実施",
        ItemStatus::NotImplemented => "未実施",
    }
}
