//! Signed audit reports as large as a test asks for: every selected control with its work line
//! and evidence hashes, and the results varied the way real audits vary them (a control not
//! conformant now and then, some relied on, some passed on a second sample).

// A fixture that cannot be built is a broken test: failing loudly at once is the point.
#![allow(clippy::panic)]

use shinrai_domain::audit_kind::AuditKind;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::level::Level;
use shinrai_domain::registry::Period;
use shinrai_domain::sampling::Frequency;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::audit::{Conclusions, ControlConclusion, ObjectiveConclusion};
use shinrai_domain::workflow::report::{AuditReport, GovernanceLine, REPORT_FORMAT, Signer};
use shinrai_domain::workflow::working_papers::{
    ControlWorkLine, DesignResult, Equivalence, FairVerdict, OperationResult, RelianceKind,
    RelianceLine,
};

/// Controls per objective in [`large_report`].
pub const CONTROLS_PER_OBJECTIVE: usize = 10;

fn day(year: u16, month: u8, date: u8) -> CalendarDate {
    CalendarDate::new(year, month, date).unwrap_or_else(|| panic!("{year}-{month}-{date}"))
}

/// 64 hex characters that differ for every `n`.
pub fn hash(n: u64) -> String {
    (0..4u64)
        .map(|i| {
            format!(
                "{:016x}",
                (n * 4 + i + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            )
        })
        .collect()
}

/// The id of control `n` (`1.1.1`, `1.1.2`, …) and of its objective (`1.1`).
pub fn control_id(n: usize) -> String {
    format!("{}.{}", objective_id(n), n % CONTROLS_PER_OBJECTIVE + 1)
}

pub fn objective_id(n: usize) -> String {
    let objective = n / CONTROLS_PER_OBJECTIVE;
    format!("{}.{}", objective / 10 + 1, objective % 10 + 1)
}

/// Whether control `n` is concluded conformant: every seventh is not.
pub fn conformant(n: usize) -> bool {
    n % 7 != 3
}

/// A report on `controls` controls with `evidence` evidence hashes each.
pub fn large_report(controls: usize, evidence: usize) -> AuditReport {
    let period = Period {
        start: day(2025, 10, 1),
        end: day(2026, 9, 30),
    };
    let mut control_conclusions = Vec::with_capacity(controls);
    let mut work = Vec::with_capacity(controls);
    for n in 0..controls {
        let id = control_id(n);
        let ok = conformant(n);
        control_conclusions.push(ControlConclusion {
            control: id.clone(),
            conformant: ok,
            reason: if ok {
                Bilingual::new(
                    format!("{id} の整備・運用状況を確かめ、例外は認められなかった。"),
                    format!("The design and operation of {id} were checked; no exception found."),
                )
            } else {
                Bilingual::new(
                    format!("{id} の標本に不適合が 2 件あり、追加標本でも解消しなかった。\n是正を要する。"),
                    format!("Two items of the {id} sample failed and a second sample did not pass.\nRemediation needed."),
                )
            },
        });
        work.push(work_line(n, id, ok, evidence, period));
    }
    let objectives = controls.div_ceil(CONTROLS_PER_OBJECTIVE);
    let objective_conclusions = (0..objectives)
        .map(|o| {
            let n = o * CONTROLS_PER_OBJECTIVE;
            let effective = (n..(n + CONTROLS_PER_OBJECTIVE).min(controls)).all(conformant);
            ObjectiveConclusion {
                objective: objective_id(n),
                effective,
                reason: if effective {
                    Bilingual::new("全管理策が適合", "every control conformant")
                } else {
                    Bilingual::new("不適合の管理策あり", "a control is not conformant")
                },
            }
        })
        .collect();
    AuditReport {
        format: REPORT_FORMAT.to_owned(),
        audit: "au-large".to_owned(),
        service: "svc-large".to_owned(),
        provider: "prov-large".to_owned(),
        statement: "st-large".to_owned(),
        statement_version: 3,
        criteria_version: "large-2026".to_owned(),
        target_level: Level::HIGH,
        audit_body: "ab-large".to_owned(),
        period,
        audited_scope: Bilingual::new("全サービス", "The whole service"),
        signing_auditor: Signer {
            user: "signer-large".to_owned(),
            name: Bilingual::new("署名 太郎", "Taro Shomei"),
            qualifications: vec!["CISA".to_owned(), "CISSP".to_owned()],
        },
        signed_on: day(2026, 11, 20),
        conclusions: Conclusions {
            objectives: objective_conclusions,
            controls: control_conclusions,
        },
        examined: Vec::new(),
        governance: Some(GovernanceLine {
            effective: true,
            reason: Bilingual::new("方針と体制を確認した", "policy and organisation checked"),
        }),
        work,
        kind: AuditKind::ThreePhase,
        internal_audit: None,
    }
}

fn work_line(
    n: usize,
    control: String,
    ok: bool,
    evidence: usize,
    period: Period,
) -> ControlWorkLine {
    let n64 = u64::try_from(n).unwrap_or_default();
    let relied = n % 11 == 5;
    let second = ok && n % 13 == 6;
    let operation = match (relied, ok, second) {
        (true, _, _) => OperationResult::ReliedOn,
        (_, false, _) => OperationResult::NotEffective,
        (_, true, true) => OperationResult::EffectiveOnSecondSample,
        _ => OperationResult::Effective,
    };
    let sampled = if relied {
        0
    } else if second || !ok {
        50
    } else {
        25
    };
    ControlWorkLine {
        control,
        fair_presentation: Some(FairVerdict::Accepted),
        design: DesignResult::Effective,
        equivalences: if n % 5 == 2 {
            vec![Equivalence {
                technology: format!("tech-{n}"),
                equivalent: n % 10 == 2,
                grounds: Bilingual::new("同等の機能を確認", "equivalent function checked"),
            }]
        } else {
            Vec::new()
        },
        operation,
        frequency: (!relied).then_some(Frequency::Daily),
        population: (!relied).then_some(365),
        sampled,
        failed: if ok { u64::from(second) } else { 3 },
        second_sample_reason: (second || !ok).then(|| {
            Bilingual::new(
                "初回標本に不適合 1 件",
                "one item of the first sample failed",
            )
        }),
        reliance: relied.then(|| RelianceLine {
            kind: RelianceKind::Soc2,
            reference: format!("SOC2-{n}"),
            period,
        }),
        evidence: {
            let mut hashes: Vec<String> = (0..u64::try_from(evidence).unwrap_or_default())
                .map(|i| hash(n64 * 1_000 + i))
                .collect();
            hashes.sort();
            hashes
        },
    }
}
