//! Reliance on another certification or the internal audit: the period and the scope.

use super::*;

fn reliance(period: Period, covers: &[&str]) -> RelianceInput {
    RelianceInput {
        control: first_selected(&submitted()),
        kind: RelianceKind::Soc2,
        reference: "SOC2-2025".into(),
        issuer: "Audit Firm".into(),
        period,
        scope: text("東京リージョン", "the Tokyo region"),
        covers: covers.iter().map(|s| (*s).to_owned()).collect(),
        reason: text("同じ統制", "the same control"),
    }
}

#[test]
fn reliance_needs_an_overlapping_period_and_a_scope_covering_the_service() {
    let audit = in_progress();
    let statement = submitted();
    let overlapping = Period {
        start: day("2025-01-01"),
        end: day("2025-12-31"),
    };
    let before = Period {
        start: day("2024-01-01"),
        end: day("2024-12-31"),
    };
    let refused = rely(
        &audit,
        &statement,
        None,
        reliance(before, &["other"]),
        &auditor(),
        at(0),
    )
    .unwrap_err();
    assert_eq!(
        codes(refused),
        ["period_outside_audit", "scope_does_not_cover"]
    );
    let relied = rely(
        &audit,
        &statement,
        None,
        reliance(overlapping, &["svc-a"]),
        &auditor(),
        at(1),
    )
    .unwrap()
    .state;
    assert_eq!(
        OperationResult::of(Some(&relied)),
        OperationResult::ReliedOn
    );
}
