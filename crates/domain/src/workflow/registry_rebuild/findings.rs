//! What a rebuild finds where the stored registry and its log disagree, each with a message in
//! both languages.

use serde::Serialize;

use crate::date::CalendarDate;
use crate::lifecycle::{Reason, Status};
use crate::registry::EntryStatus;
use crate::text::Bilingual;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Finding {
    /// An event of the log that the scheme's rules do not explain.
    Unexplained {
        seq: u64,
        entry: String,
        #[serde(flatten)]
        why: Unexplained,
    },
    /// The store holds an entry that no event of the log wrote.
    Unlogged { entry: String },
    /// The log wrote an entry that the store does not hold.
    Missing { entry: String },
    /// A field of the stored entry is not what the log makes it.
    Differs {
        entry: String,
        field: Field,
        stored: String,
        rebuilt: String,
    },
    /// The stored entry is not the one the last event about it wrote.
    NotAsLogged { entry: String, seq: u64 },
    /// On the day asked about, the `lifecycle` rule puts the entry elsewhere than the log left
    /// it: the lifecycle job has not brought it there (yet).
    LifecycleDue {
        entry: String,
        status: EntryStatus,
        lifecycle: Status,
        reason: Reason,
        since: Option<CalendarDate>,
    },
}

/// Why an event is not explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Unexplained {
    /// Its payload is not what its action writes.
    Unreadable { detail: String },
    /// No action of the scheme has this name.
    UnknownAction { action: String },
    /// It is about an entry no earlier event registered.
    UnknownEntry { action: String },
    /// A registration of a number already registered.
    AlreadyRegistered,
    /// A registration or renewal whose application the log does not show approved for it.
    NotApproved { application: String },
    /// A change of status the entry's status did not allow.
    MoveNotAllowed { action: String, from: EntryStatus },
    /// An expiry or cascade of the lifecycle job that the rule does not find on its day.
    FallNotDue {
        action: String,
        since: CalendarDate,
        lifecycle: Option<Status>,
        reason: Option<Reason>,
    },
}

/// The fields recomputed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Status,
    Level,
    ValidUntil,
    History,
}

impl Field {
    fn title(self) -> Bilingual {
        match self {
            Field::Status => Bilingual::new("状態", "status"),
            Field::Level => Bilingual::new("レベル", "level"),
            Field::ValidUntil => Bilingual::new("有効期限", "valid until"),
            Field::History => Bilingual::new("履歴", "history"),
        }
    }
}

/// The registry's status a standing of the `lifecycle` rule corresponds to.
pub(super) fn entry_status(status: Status) -> EntryStatus {
    match status {
        Status::Registered => EntryStatus::Registered,
        Status::Suspended => EntryStatus::Suspended,
        Status::Expired => EntryStatus::Expired,
        Status::Deregistered => EntryStatus::Deregistered,
    }
}

/// What the rule said, in each language: the status by its title, the reason by its code.
fn rule_said(status: Status, reason: Reason, since: Option<CalendarDate>) -> Bilingual {
    let title = entry_status(status).title();
    let since = since.map(|day| format!(", {day}")).unwrap_or_default();
    let reason = reason_code(reason);
    Bilingual::new(
        format!("{}（{reason}{since}）", title.ja),
        format!("{} ({reason}{since})", title.en),
    )
}

fn reason_code(reason: Reason) -> &'static str {
    match reason {
        Reason::Valid => "valid",
        Reason::RenewalUnderReview => "renewal_under_review",
        Reason::Expired => "expired",
        Reason::Suspended => "suspended",
        Reason::Withdrawn => "withdrawn",
        Reason::Deregistered => "deregistered",
        Reason::Cascade => "cascade",
    }
}

impl Finding {
    /// The entry it is about.
    pub fn entry(&self) -> &str {
        match self {
            Finding::Unexplained { entry, .. }
            | Finding::Unlogged { entry }
            | Finding::Missing { entry }
            | Finding::Differs { entry, .. }
            | Finding::NotAsLogged { entry, .. }
            | Finding::LifecycleDue { entry, .. } => entry,
        }
    }

    /// One line saying what was found.
    pub fn message(&self) -> Bilingual {
        match self {
            Finding::Unexplained { seq, entry, why } => {
                let why = why.message();
                Bilingual::new(
                    format!("{entry}: 記録 {seq} を説明できません（{}）", why.ja),
                    format!("{entry}: event {seq} is not explained ({})", why.en),
                )
            }
            Finding::Unlogged { entry } => Bilingual::new(
                format!("{entry}: 登録簿にありますが、書いた記録がログにありません"),
                format!("{entry}: stored, but no event of the log wrote it"),
            ),
            Finding::Missing { entry } => Bilingual::new(
                format!("{entry}: ログが書いた登録が登録簿にありません"),
                format!("{entry}: the log wrote it, but the registry does not hold it"),
            ),
            Finding::Differs {
                entry,
                field,
                stored,
                rebuilt,
            } => {
                let title = field.title();
                Bilingual::new(
                    format!(
                        "{entry}: {}が異なります（登録簿: {stored}、ログから: {rebuilt}）",
                        title.ja
                    ),
                    format!(
                        "{entry}: {} differs (stored: {stored}; from the log: {rebuilt})",
                        title.en
                    ),
                )
            }
            Finding::NotAsLogged { entry, seq } => Bilingual::new(
                format!("{entry}: 登録簿の内容が、最後に書いた記録 {seq} の内容と異なります"),
                format!("{entry}: the stored entry is not the one event {seq} last wrote"),
            ),
            Finding::LifecycleDue {
                entry,
                status,
                lifecycle,
                reason,
                since,
            } => {
                let rule = rule_said(*lifecycle, *reason, *since);
                let logged = status.title();
                Bilingual::new(
                    format!(
                        "{entry}: ログでは{}ですが、lifecycle ルールでは{}です（期限・連鎖の処理が未実行）",
                        logged.ja, rule.ja
                    ),
                    format!(
                        "{entry}: {} by the log, but {} by the lifecycle rule (the lifecycle job has not run since)",
                        logged.en.to_lowercase(),
                        rule.en
                    ),
                )
            }
        }
    }
}

impl Unexplained {
    pub fn message(&self) -> Bilingual {
        match self {
            Unexplained::Unreadable { detail } => Bilingual::new(
                format!("内容を読めません: {detail}"),
                format!("its payload cannot be read: {detail}"),
            ),
            Unexplained::UnknownAction { action } => Bilingual::new(
                format!("{action} という操作はありません"),
                format!("there is no action {action}"),
            ),
            Unexplained::UnknownEntry { action } => Bilingual::new(
                format!("{action} の前に登録した記録がありません"),
                format!("{action} of an entry no earlier event registered"),
            ),
            Unexplained::AlreadyRegistered => Bilingual::new(
                "すでに登録済みの番号の新規登録です",
                "a new registration of a number already registered",
            ),
            Unexplained::NotApproved { application } => Bilingual::new(
                format!("申請 {application} がこの登録のために承認された記録がありません"),
                format!("no event shows application {application} approved for it"),
            ),
            Unexplained::MoveNotAllowed { action, from } => Bilingual::new(
                format!("{}の登録に {action} はできません", from.title().ja),
                format!("{action} is not allowed from {}", from.code()),
            ),
            Unexplained::FallNotDue {
                action,
                since,
                lifecycle,
                reason,
            } => {
                let rule = match (lifecycle, reason) {
                    (Some(status), Some(reason)) => rule_said(*status, *reason, None),
                    _ => Bilingual::new("—", "—"),
                };
                Bilingual::new(
                    format!(
                        "{since} の {action} を lifecycle ルールは認めません（ルールでは{}）",
                        rule.ja
                    ),
                    format!(
                        "the lifecycle rule finds no {action} on {since} (it says {})",
                        rule.en
                    ),
                )
            }
        }
    }
}
