//! Services caught mid-way, so that every demo user finds work on its start page: for the
//! demo provider (`provider`, Sakura Cloud Works) a draft statement that the pre-check still
//! has findings on, an audit in progress, an application whose reviewer asked the audit body
//! for an explanation, and one decided and waiting for the administrator's approval; for the
//! second provider (`provider2`, Kasumi Systems) an audit waiting for the audit body to accept.

use shinrai_domain::date::CalendarDate;
use shinrai_domain::level::Level;
use shinrai_domain::registry::{DeploymentModel, ModelScope, Period};
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::service::ServiceDetails;
use shinrai_store::statements::statement_id;

use super::ledger::{Dated, Step, Writing, registration_steps};
use super::moments::at;
use shinrai_domain::workflow::Moment;

/// The ids of the services caught mid-way, by where they stand.
pub const DRAFT: &str = "svc-sakura-object-storage";
pub const AUDIT_IN_PROGRESS: &str = "svc-sakura-managed-db";
pub const EXPLANATION_ASKED: &str = "svc-sakura-backup";
pub const AWAITING_APPROVAL: &str = "svc-sakura-id";
pub const AWAITING_ACCEPTANCE: &str = "svc-kasumi-analytics";

/// How many applicable controls the draft leaves unaddressed.
pub const LEFT_OUT: usize = 6;

/// The audit body every mid-way audit is ordered from, with who accepts and who signs.
const BODY: &str = "aoba-audit";
const SIGNER: &str = "signer";
const AUDITOR: &str = "auditor";

fn day(text: &str) -> Option<CalendarDate> {
    CalendarDate::parse(text)
}

fn period(start: &str, end: &str) -> Option<Period> {
    Some(Period {
        start: day(start)?,
        end: day(end)?,
    })
}

fn details(name: (&str, &str), what: (&str, &str), model: ServiceModel) -> ServiceDetails {
    ServiceDetails {
        name: Bilingual::new(name.0, name.1),
        description: Bilingual::new(what.0, what.1),
        service_models: vec![ModelScope {
            model,
            scope: Bilingual::new(
                "事業者はサービスの基盤、アプリケーション及び運用を管理する。利用者は登録する情報と利用者アカウントを管理する。",
                "The provider manages the platform, the application and its operation; the customer manages the data it stores and its user accounts.",
            ),
        }],
        deployment_models: vec![DeploymentModel::Public],
        built_on: Vec::new(),
        underlying_evaluated_in_audit: Vec::new(),
        scope: Bilingual::new(
            format!("{}の本番環境（東日本リージョン）", name.0),
            format!(
                "the production environment of {} (East Japan region)",
                name.1
            ),
        ),
        availability: Bilingual::new(
            "月間稼働率 99.9% 以上",
            "Monthly availability of 99.9% or more",
        ),
    }
}

fn describe(service: &str, who: &str, on: CalendarDate, details: ServiceDetails) -> Dated {
    Dated {
        at: at(on, 0),
        who: who.to_owned(),
        step: Step::DescribeService {
            service: service.to_owned(),
            details,
        },
    }
}

/// The first `keep` steps of a registration that would be approved on `on`.
fn begun(
    service: &str,
    provider: &str,
    period: Period,
    on: CalendarDate,
    keep: usize,
) -> Vec<Dated> {
    registration_steps(
        service,
        provider,
        1,
        Level::MIDDLE,
        (BODY, SIGNER),
        period,
        on,
        "",
    )
    .into_iter()
    .take(keep)
    .collect()
}

/// Every step of the mid-way services; `None` only if a date here is not one.
pub fn steps() -> Option<Vec<Dated>> {
    let mut steps = Vec::new();

    // A draft the provider is still writing.
    steps.push(describe(
        DRAFT,
        "provider",
        day("2026-11-02")?,
        details(
            ("さくらオブジェクトストレージ", "Sakura Object Storage"),
            (
                "HTTP で読み書きするオブジェクトストレージ。バージョン管理と保存期間の固定に対応する。",
                "Object storage read and written over HTTP, with versioning and retention locks.",
            ),
            ServiceModel::IaaS,
        ),
    ));
    steps.push(Dated {
        at: at(day("2026-11-04")?, 0),
        who: "provider".to_owned(),
        step: Step::WriteStatement {
            service: DRAFT.to_owned(),
            statement: statement_id(DRAFT, 1),
            level: Level::MIDDLE,
            writing: Writing::Draft { left_out: LEFT_OUT },
        },
    });

    // An audit the audit body accepted and is carrying out.
    let in_progress = period("2025-10-01", "2026-09-30")?;
    steps.push(describe(
        AUDIT_IN_PROGRESS,
        "provider",
        day("2026-10-01")?,
        details(
            ("さくらマネージドデータベース", "Sakura Managed Database"),
            (
                "リレーショナルデータベースを冗長構成で提供し、バックアップと更新を事業者が行う。",
                "Relational databases in a redundant set-up, backed up and patched by the provider.",
            ),
            ServiceModel::PaaS,
        ),
    ));
    let mut audit_steps = begun(
        AUDIT_IN_PROGRESS,
        "provider",
        in_progress,
        day("2027-01-15")?,
        3,
    );
    if let Some(accepting) = audit_steps.last_mut() {
        // The auditor accepts, naming the signing auditor.
        accepting.who = AUDITOR.to_owned();
    }
    // A week later, the first papers.
    let papers = audit_steps.last().map(|accepting| Dated {
        at: Moment::at(accepting.at.at_ms + 7 * 86_400_000),
        who: AUDITOR.to_owned(),
        step: Step::WorkPapers {
            audit: super::ledger::audit_id(AUDIT_IN_PROGRESS, 1),
        },
    });
    steps.extend(audit_steps);
    steps.extend(papers);

    // An application whose reviewer asked the audit body to explain a control.
    let asked_on = day("2026-11-25")?;
    steps.push(describe(
        EXPLANATION_ASKED,
        "provider",
        day("2026-07-01")?,
        details(
            ("さくらバックアップ", "Sakura Backup"),
            (
                "仮想サーバとデータベースのバックアップを別リージョンに保管するサービス。",
                "Backups of virtual servers and databases, kept in another region.",
            ),
            ServiceModel::SaaS,
        ),
    ));
    let mut asked = begun(
        EXPLANATION_ASKED,
        "provider",
        period("2025-07-01", "2026-06-30")?,
        asked_on,
        7,
    );
    for dated in &mut asked {
        if let Step::ConcludeAudit { doubting, .. } = &mut dated.step {
            *doubting = true;
        }
    }
    steps.extend(asked);
    steps.push(Dated {
        at: at(super::moments::shifted(asked_on, -7), 0),
        who: super::ledger::REVIEWER.to_owned(),
        step: Step::AskExplanation {
            application: super::ledger::application_id(EXPLANATION_ASKED, 1),
        },
    });

    // An application decided by the reviewer, waiting for an administrator's approval.
    steps.push(describe(
        AWAITING_APPROVAL,
        "provider",
        day("2026-08-01")?,
        details(
            ("さくら ID 連携", "Sakura ID Federation"),
            (
                "自治体職員向けのシングルサインオンと多要素認証を提供する。",
                "Single sign-on and multi-factor authentication for municipal staff.",
            ),
            ServiceModel::SaaS,
        ),
    ));
    steps.extend(begun(
        AWAITING_APPROVAL,
        "provider",
        period("2025-08-01", "2026-07-31")?,
        day("2026-11-30")?,
        8,
    ));

    // The second provider's audit, ordered and not yet accepted.
    steps.push(describe(
        AWAITING_ACCEPTANCE,
        "provider2",
        day("2026-11-01")?,
        details(
            ("霞アナリティクス", "Kasumi Analytics"),
            (
                "行政データの集計と可視化を行う分析基盤。",
                "An analytics platform that aggregates and charts public-sector data.",
            ),
            ServiceModel::SaaS,
        ),
    ));
    steps.extend(begun(
        AWAITING_ACCEPTANCE,
        "provider2",
        period("2025-11-01", "2026-10-31")?,
        day("2027-02-15")?,
        2,
    ));
    Some(steps)
}
