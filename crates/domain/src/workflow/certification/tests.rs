use serde_json::{Value, json};

use super::*;
use crate::accounts::{OrgKind, Role};
use crate::date::CalendarDate;
use crate::text::Bilingual;
use crate::workflow::service::Service;
use crate::workflow::service::tests::{details as service_details, member, provider};
use crate::workflow::statement::DocumentReference;
use crate::workflow::{Conflict, FieldError, Moment, NotAllowed, Refusal};

fn day(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

fn service() -> Service {
    Service {
        id: "svc-a".into(),
        provider: "csp".into(),
        details: service_details(),
        annex_grants: Vec::new(),
        created_at_ms: 1,
        updated_at_ms: 1,
    }
}

fn line(
    control: &str,
    adopted_27001: Option<bool>,
    adopted: bool,
    reason: &str,
) -> ApplicabilityLine {
    ApplicabilityLine {
        control: control.into(),
        role: CloudRole::Provider,
        adopted_27001,
        adopted,
        reason: Bilingual::new(reason, reason),
    }
}

fn soc2() -> CertificateDetails {
    CertificateDetails {
        kind: CertificateKind::Soc2Type2,
        issuer: Bilingual::new("あおば監査法人", "Aoba Audit LLC"),
        scope: Bilingual::new("さくらメールの本番環境", "Sakura Mail production"),
        number: String::new(),
        valid_from: day("2025-04-01"),
        valid_until: day("2026-03-31"),
        document: Some(DocumentReference {
            title: Bilingual::new("SOC 2 報告書", "SOC 2 report"),
            location: "https://example.jp/soc2.pdf".into(),
        }),
        note: Bilingual::new("", ""),
        applicability: vec![],
    }
}

fn iso27017(applicability: Vec<ApplicabilityLine>) -> CertificateDetails {
    CertificateDetails {
        kind: CertificateKind::Iso27017,
        issuer: Bilingual::new("みなと認証機構", "Minato Certification"),
        scope: Bilingual::new("さくらメールの提供", "Provision of Sakura Mail"),
        number: "IS 123456".into(),
        valid_from: day("2024-10-01"),
        valid_until: day("2027-09-30"),
        document: None,
        note: Bilingual::new("", ""),
        applicability,
    }
}

fn payload_certificate(payload: &Value) -> Value {
    payload.get("certificate").cloned().unwrap()
}

fn errors(result: Result<(), Refusal>) -> Vec<FieldError> {
    match result {
        Err(Refusal::Invalid(errors)) => errors,
        other => panic!("expected invalid, got {other:?}"),
    }
}

fn fields(result: Result<(), Refusal>) -> Vec<(String, &'static str)> {
    errors(result)
        .into_iter()
        .map(|error| (error.field, error.code))
        .collect()
}

fn pairs(expected: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    expected
        .iter()
        .map(|(field, code)| ((*field).to_owned(), *code))
        .collect()
}

fn declared(details: CertificateDetails) -> Certificate {
    declare_certificate(
        "cert-1".into(),
        &service(),
        details,
        &[],
        &provider(),
        Moment::at(10),
    )
    .unwrap()
    .state
}

// --- the aggregate and its steps -------------------------------------------------------------

#[test]
fn the_provider_declares_a_certificate_and_the_event_holds_it_whole() {
    let change = declare_certificate(
        "cert-1".into(),
        &service(),
        soc2(),
        &[],
        &provider(),
        Moment::at(10),
    )
    .unwrap();
    let cert = &change.state;
    assert_eq!(
        (cert.service.as_str(), cert.provider.as_str()),
        ("svc-a", "csp")
    );
    assert_eq!((cert.created_at_ms, cert.updated_at_ms), (10, 10));
    assert_eq!(cert.withdrawn, None);
    assert_eq!(change.event.action, CERTIFICATE_DECLARED);
    assert_eq!(change.event.action, "certificate.declare");
    assert_eq!(change.event.subject, "cert-1");
    let back: Certificate =
        serde_json::from_value(payload_certificate(&change.event.payload)).unwrap();
    assert_eq!(&back, cert);
}

#[test]
fn the_json_of_a_certificate_is_flat_and_refuses_unknown_fields() {
    let cert = declared(iso27017(vec![
        line("9.2.1", Some(true), true, ""),
        line("CLD.6.3.1", None, true, ""),
    ]));
    let value = serde_json::to_value(&cert).unwrap();
    let at = |pointer: &str| value.pointer(pointer).cloned();
    assert_eq!(at("/kind"), Some(json!("iso27017")));
    assert_eq!(at("/valid_until"), Some(json!("2027-09-30")));
    assert_eq!(at("/applicability/1/adopted_27001"), Some(Value::Null));
    assert_eq!(at("/applicability/0/role"), Some(json!("provider")));
    assert_eq!((at("/withdrawn"), at("/document")), (None, None));
    let mut extra = value.clone();
    extra
        .as_object_mut()
        .unwrap()
        .insert("surprise".into(), json!(1));
    assert!(serde_json::from_value::<Certificate>(extra).is_err());
    // The note may be left out of the input; it reads as empty.
    let mut without_note = value;
    without_note.as_object_mut().unwrap().remove("note");
    let back: Certificate = serde_json::from_value(without_note).unwrap();
    assert_eq!(back.details.note, Bilingual::new("", ""));
}

#[test]
fn the_provider_revises_and_withdraws_once() {
    let cert = declared(soc2());
    let mut renewed = soc2();
    renewed.valid_from = day("2026-04-01");
    renewed.valid_until = day("2027-03-31");
    let revised = revise_certificate(&cert, renewed.clone(), &provider(), Moment::at(20)).unwrap();
    assert_eq!(revised.event.action, "certificate.revise");
    assert_eq!(revised.state.details, renewed);
    assert_eq!(
        (revised.state.created_at_ms, revised.state.updated_at_ms),
        (10, 20)
    );

    let withdrawn = withdraw_certificate(&revised.state, &provider(), Moment::at(30)).unwrap();
    assert_eq!(withdrawn.event.action, "certificate.withdraw");
    assert_eq!(withdrawn.state.updated_at_ms, 30);
    let withdrawal = withdrawn.state.withdrawn.clone().unwrap();
    assert_eq!((withdrawal.by.as_str(), withdrawal.at_ms), ("csp-user", 30));
    assert_eq!(withdrawal.on, Moment::at(30).date());
    assert_eq!(
        withdrawn.state.standing(day("2026-06-01")),
        Standing::Withdrawn
    );
    let back: Certificate =
        serde_json::from_value(payload_certificate(&withdrawn.event.payload)).unwrap();
    assert_eq!(back, withdrawn.state);

    let gone = Err(Refusal::Conflict(Conflict::CertificateWithdrawn {
        certificate: "cert-1".into(),
    }));
    assert_eq!(
        withdraw_certificate(&withdrawn.state, &provider(), Moment::at(40)),
        gone
    );
    assert_eq!(
        revise_certificate(&withdrawn.state, soc2(), &provider(), Moment::at(40)),
        gone
    );
}

#[test]
fn only_the_provider_of_the_service_acts() {
    let not_the_provider = Err(Refusal::NotAllowed(NotAllowed::NotTheProvider));
    let others = [
        member("csp2", OrgKind::Provider, &[Role::Provider]),
        member("city", OrgKind::Procurer, &[Role::Procurer]),
        member("ab", OrgKind::AuditBody, &[Role::Auditor]),
        member("csp", OrgKind::Provider, &[]),
    ];
    let cert = declared(soc2());
    for other in &others {
        assert_eq!(
            declare_certificate(
                "cert-2".into(),
                &service(),
                soc2(),
                &[],
                other,
                Moment::at(5)
            ),
            not_the_provider,
            "{other:?}"
        );
        assert_eq!(
            revise_certificate(&cert, soc2(), other, Moment::at(5)),
            not_the_provider
        );
        assert_eq!(
            withdraw_certificate(&cert, other, Moment::at(5)),
            not_the_provider
        );
    }
}

#[test]
fn a_bad_id_or_bad_details_are_refused_before_anything_is_recorded() {
    let refused = declare_certificate(
        "a/b".into(),
        &service(),
        soc2(),
        &[],
        &provider(),
        Moment::at(5),
    );
    let Err(Refusal::Invalid(errors)) = refused else {
        panic!("expected invalid");
    };
    assert_eq!(
        errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(),
        ["/id"]
    );
    let mut bad = soc2();
    bad.issuer = Bilingual::new("", "");
    let cert = declared(soc2());
    assert_eq!(
        fields(revise_certificate(&cert, bad, &provider(), Moment::at(6)).map(|_| ())),
        pairs(&[("/issuer", "required")])
    );
}

#[test]
fn a_service_holds_at_most_max_certificates_not_withdrawn() {
    let cert = declared(soc2());
    let numbered = |i: usize, service: &str| Certificate {
        id: format!("cert-{i}"),
        service: service.into(),
        ..cert.clone()
    };
    let mut existing: Vec<Certificate> = (0..MAX_CERTIFICATES - 1)
        .map(|i| numbered(i, "svc-a"))
        .collect();
    // Another service's certificates and withdrawn ones do not count.
    existing.push(numbered(100, "svc-b"));
    let mut withdrawn = numbered(101, "svc-a");
    withdrawn.withdrawn = Some(CertificateWithdrawal {
        by: "csp-user".into(),
        at_ms: 3,
        on: day("2025-01-01"),
    });
    existing.push(withdrawn);
    let declare = |existing: &[Certificate]| {
        declare_certificate(
            "cert-new".into(),
            &service(),
            soc2(),
            existing,
            &provider(),
            Moment::at(9),
        )
    };
    assert!(declare(&existing).is_ok());
    existing.push(numbered(MAX_CERTIFICATES, "svc-a"));
    assert_eq!(
        declare(&existing),
        Err(Refusal::Conflict(Conflict::TooManyCertificates {
            service: "svc-a".into(),
            max: MAX_CERTIFICATES,
        }))
    );
    let conflict = Conflict::TooManyCertificates {
        service: "svc-a".into(),
        max: MAX_CERTIFICATES,
    };
    assert_eq!(conflict.code(), "too_many_certificates");
    assert_eq!(
        Conflict::CertificateWithdrawn {
            certificate: "c".into()
        }
        .code(),
        "certificate_withdrawn"
    );
    assert!(!conflict.message().ja.is_empty() && conflict.message().en.contains("30"));
}

#[test]
fn standing_turns_on_the_first_and_last_valid_days() {
    let cert = declared(soc2());
    assert_eq!(cert.standing(day("2025-03-31")), Standing::NotYetValid);
    assert_eq!(cert.standing(day("2025-04-01")), Standing::Valid);
    assert_eq!(cert.standing(day("2026-03-31")), Standing::Valid);
    assert_eq!(cert.standing(day("2026-04-01")), Standing::Lapsed);
    let mut one_day = soc2();
    one_day.valid_until = one_day.valid_from;
    let cert = declared(one_day);
    assert_eq!(cert.standing(day("2025-04-01")), Standing::Valid);
    assert_eq!(cert.standing(day("2025-04-02")), Standing::Lapsed);
}

// --- the check ------------------------------------------------------------------------------

#[test]
fn texts_are_required_and_bounded() {
    let mut bad = soc2();
    bad.issuer = Bilingual::new("\u{3000}", " ");
    bad.scope = Bilingual::new("", "");
    bad.number = "N".repeat(MAX_NUMBER_CHARS + 1);
    bad.note = Bilingual::new("", "x".repeat(10_001));
    bad.document = Some(DocumentReference {
        title: Bilingual::new("", ""),
        location: " ".into(),
    });
    assert_eq!(
        fields(bad.check()),
        pairs(&[
            ("/issuer", "required"),
            ("/scope", "required"),
            ("/number", "too_long"),
            ("/document/title", "required"),
            ("/document/location", "required"),
            ("/note/en", "too_long"),
        ])
    );
    let mut long_issuer = soc2();
    long_issuer.issuer = Bilingual::new("監".repeat(201), "Aoba");
    assert_eq!(
        fields(long_issuer.check()),
        pairs(&[("/issuer/ja", "too_long")])
    );
    let mut edge = soc2();
    edge.number = "N".repeat(MAX_NUMBER_CHARS);
    edge.document = None;
    assert_eq!(edge.check(), Ok(()));
}

#[test]
fn another_kind_of_certificate_names_its_scheme_in_the_note() {
    let mut other = soc2();
    other.kind = CertificateKind::Other;
    assert_eq!(fields(other.check()), pairs(&[("/note", "required")]));
    other.note = Bilingual::new("ISMAP-LIU", "ISMAP-LIU");
    assert_eq!(other.check(), Ok(()));
}

#[test]
fn the_period_runs_forwards_for_at_most_five_years() {
    let mut backwards = soc2();
    backwards.valid_until = day("2025-03-31");
    assert_eq!(
        fields(backwards.check()),
        pairs(&[("/valid_until", "out_of_range")])
    );
    let mut longest = soc2();
    longest.valid_until = day("2030-03-31");
    assert_eq!(longest.check(), Ok(()));
    longest.valid_until = day("2030-04-01");
    let errors = errors(longest.check());
    assert_eq!(
        errors
            .iter()
            .map(|e| (e.field.as_str(), e.code))
            .collect::<Vec<_>>(),
        [("/valid_until", "out_of_range")]
    );
    assert!(errors.iter().all(|e| e.message.en.contains("2030-03-31")));
}

#[test]
fn only_an_iso27017_certificate_has_a_statement_and_it_has_one() {
    let mut soc = soc2();
    soc.applicability = vec![line("9.2.1", Some(true), true, "")];
    assert_eq!(
        fields(soc.check()),
        pairs(&[("/applicability", "not_applicable")])
    );
    assert_eq!(
        fields(iso27017(vec![]).check()),
        pairs(&[("/applicability", "required")])
    );
    assert_eq!(
        iso27017(vec![line("9.2.1", Some(true), true, "")]).check(),
        Ok(())
    );
}

#[test]
fn the_statement_is_bounded() {
    let many = |n: usize| {
        (0..n)
            .map(|i| {
                line(
                    &format!("{}.{}.1", i / 100 + 1, i % 100),
                    Some(true),
                    true,
                    "",
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(iso27017(many(MAX_APPLICABILITY_LINES)).check(), Ok(()));
    assert_eq!(
        fields(iso27017(many(MAX_APPLICABILITY_LINES + 1)).check()),
        pairs(&[("/applicability", "too_long")])
    );
}

#[test]
fn control_numbers_are_well_formed_and_unique() {
    for good in ["9.2.1", "5.23", "18.2.1", "CLD.6.3.1", "CLD.12.4.5"] {
        assert!(is_control_id(good), "{good}");
    }
    for bad in [
        "",
        "9",
        "9.",
        ".9.1",
        "9..1",
        "A.9.2.1",
        "9.2.1.1",
        "1234.1",
        "9.x",
        "CLD.6.3",
        "CLD.6.3.1.1",
        "cld.6.3.1",
        "CLD6.3.1",
        " 9.2.1",
        "９.２.１",
    ] {
        assert!(!is_control_id(bad), "{bad}");
    }
    let statement = iso27017(vec![
        line("9.2.1", Some(true), true, ""),
        line("A.9.2.1", Some(true), true, ""),
        line("9.2.1", Some(true), true, ""),
    ]);
    assert_eq!(
        fields(statement.check()),
        pairs(&[
            ("/applicability/1/control", "invalid_control"),
            ("/applicability/2/control", "duplicate"),
        ])
    );
}

#[test]
fn cloud_only_controls_have_no_27001_answer_and_the_others_need_one() {
    let statement = iso27017(vec![
        line("CLD.9.5.1", Some(true), true, ""),
        line("CLD.9.5.2", None, true, ""),
        line("12.4.4", None, true, ""),
        line("12.4.1", Some(true), true, ""),
    ]);
    let errors = errors(statement.check());
    assert_eq!(
        errors
            .iter()
            .map(|e| (e.field.as_str(), e.code))
            .collect::<Vec<_>>(),
        [
            ("/applicability/0/adopted_27001", "not_in_27001"),
            ("/applicability/2/adopted_27001", "required"),
        ]
    );
    assert!(errors.iter().any(|e| e.message.en.contains("CLD.9.5.1")));
}

#[test]
fn a_control_left_out_of_27001_cannot_be_adopted_in_27017() {
    let statement = iso27017(vec![line("12.4.3", Some(false), true, "理由")]);
    let errors = errors(statement.check());
    let [only] = errors.as_slice() else {
        panic!("expected one problem, got {errors:?}");
    };
    assert_eq!(only.field, "/applicability/0/adopted");
    assert_eq!(only.code, "not_adopted_in_27001");
    assert!(only.message.ja.contains("12.4.3") && only.message.ja.contains("27001"));
    assert!(only.message.en.contains("12.4.3") && only.message.en.contains("27001"));
}

#[test]
fn the_rule_runs_one_way_only() {
    // Left out of both, or adopted under 27001 and left out of the extension: both are fine
    // with a reason; adopted under both needs none.
    let statement = iso27017(vec![
        line(
            "12.4.3",
            Some(false),
            false,
            "管理者操作は利用者に委ねていない",
        ),
        line("8.2.2", Some(true), false, "分類表示の機能は提供していない"),
        line("9.2.1", Some(true), true, ""),
        line("CLD.6.3.1", None, false, "責任分担は別の認証で扱う"),
    ]);
    assert_eq!(statement.check(), Ok(()));
}

#[test]
fn a_control_not_adopted_says_why() {
    let statement = iso27017(vec![
        line("8.2.2", Some(true), false, " "),
        line("CLD.13.1.4", None, false, ""),
        line("9.2.1", Some(true), true, ""),
    ]);
    assert_eq!(
        fields(statement.check()),
        pairs(&[
            ("/applicability/0/reason", "required"),
            ("/applicability/1/reason", "required"),
        ])
    );
    let mut long = line("9.2.2", Some(true), true, "");
    long.reason = Bilingual::new("", "r".repeat(10_001));
    assert_eq!(
        fields(iso27017(vec![long]).check()),
        pairs(&[("/applicability/0/reason/en", "too_long")])
    );
}

// --- the template and the closed lists ------------------------------------------------------

#[test]
fn the_template_holds_the_seven_cloud_only_controls_and_unique_ids() {
    let template = soa_template().unwrap();
    let cloud_only: Vec<&str> = template
        .iter()
        .filter(|c| c.cloud_only)
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(
        cloud_only,
        [
            "CLD.6.3.1",
            "CLD.8.1.5",
            "CLD.9.5.1",
            "CLD.9.5.2",
            "CLD.12.1.5",
            "CLD.12.4.5",
            "CLD.13.1.4"
        ]
    );
    let ids: std::collections::HashSet<&str> = template.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), template.len());
    assert_eq!(
        template.len(),
        44,
        "37 controls with cloud guidance and 7 CLD"
    );
    for control in &template {
        assert!(is_control_id(&control.id), "{}", control.id);
        assert_eq!(control.cloud_only, is_cloud_only_control(&control.id));
        assert!(
            !control.title.ja.trim().is_empty() && !control.title.en.trim().is_empty(),
            "{}",
            control.id
        );
    }
}

#[test]
fn a_blank_statement_covers_the_template_and_passes_the_check() {
    let template = soa_template().unwrap();
    let blank = blank_applicability().unwrap();
    assert_eq!(blank.len(), template.len());
    assert!(unassessed_controls(&blank, &template).is_empty());
    assert!(
        blank
            .iter()
            .all(|l| l.adopted_27001.is_none() == is_cloud_only_control(&l.control))
    );
    assert_eq!(iso27017(blank.clone()).check(), Ok(()));
    let partial: Vec<ApplicabilityLine> = blank
        .into_iter()
        .filter(|l| l.control != "CLD.12.4.5")
        .collect();
    let missing: Vec<&str> = unassessed_controls(&partial, &template)
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(missing, ["CLD.12.4.5"]);
}

#[test]
fn closed_lists_read_back_from_their_codes_in_both_languages() {
    for kind in CertificateKind::ALL {
        assert_eq!(CertificateKind::from_code(kind.code()), Some(kind));
        assert_eq!(serde_json::to_value(kind).unwrap(), kind.code());
        let title = kind.title();
        assert!(!title.ja.is_empty() && !title.en.is_empty());
        assert_eq!(kind.has_applicability(), kind == CertificateKind::Iso27017);
    }
    for standing in Standing::ALL {
        assert_eq!(Standing::from_code(standing.code()), Some(standing));
        assert_eq!(serde_json::to_value(standing).unwrap(), standing.code());
        assert!(!standing.title().ja.is_empty() && !standing.title().en.is_empty());
    }
    for role in CloudRole::ALL {
        assert_eq!(CloudRole::from_code(role.code()), Some(role));
        assert_eq!(serde_json::to_value(role).unwrap(), role.code());
        assert!(!role.title().ja.is_empty() && !role.title().en.is_empty());
    }
    assert_eq!(CertificateKind::from_code("iso9001"), None);
}
