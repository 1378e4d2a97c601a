use super::*;
use crate::accounts::{OrgKind, Role};
use crate::log_chain::{Event, NewEvent, Visibility, seal};
use crate::policy::Member;
use crate::workflow::audit::tests::{JUNE_2026, auditor, in_progress};
use crate::workflow::audit::{Audit, AuditStatus};
use crate::workflow::service::tests::member;
use crate::workflow::working_papers::LogPoint;
use crate::workflow::{Conflict, Moment, NotAllowed, Refusal};

fn admin() -> Member {
    member("operator", OrgKind::Operator, &[Role::OperatorAdmin])
}

fn reviewer() -> Member {
    member("operator", OrgKind::Operator, &[Role::OperatorReviewer])
}

fn day(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

fn april_to_may() -> Period {
    Period {
        start: day("2026-04-01"),
        end: day("2026-05-31"),
    }
}

/// The review is opened on 2026-06-01 (in Tokyo) unless a test says otherwise.
fn now(offset: i64) -> Moment {
    Moment::at(JUNE_2026 + offset)
}

fn audit_signed(id: &str, body: &str, on: &str, at_ms: i64) -> Audit {
    Audit {
        id: id.into(),
        audit_body: body.into(),
        status: AuditStatus::Signed,
        signed_on: Some(day(on)),
        signed_at_ms: Some(at_ms),
        ..in_progress()
    }
}

/// Twelve audits signed in April and May by two bodies, one in March, one still at work.
fn audits() -> Vec<Audit> {
    let mut audits: Vec<Audit> = (1..=12)
        .map(|n| {
            let body = if n % 3 == 0 { "ab2" } else { "ab" };
            audit_signed(&format!("au-{n:02}"), body, "2026-04-15", JUNE_2026 - 1_000)
        })
        .collect();
    audits.push(audit_signed(
        "au-march",
        "ab",
        "2026-03-31",
        JUNE_2026 - 9_000,
    ));
    audits.push(Audit {
        id: "au-working".into(),
        ..in_progress()
    });
    audits
}

/// The opening's event as the log holds it, the 812th.
fn opening_event() -> Event {
    seal(
        NewEvent {
            at_ms: JUNE_2026,
            actor: "operator-admin".into(),
            org: "operator".into(),
            action: OPENED.into(),
            subject: "qr-1".into(),
            visibility: Visibility::Internal,
            payload: "{}".into(),
        },
        811,
        &"cd".repeat(32),
    )
}

fn opened_at() -> LogPoint {
    let event = opening_event();
    LogPoint {
        seq: event.seq,
        hash: event.hash,
    }
}

fn opened(asked: u64) -> QualityReview {
    open_review("qr-1", april_to_may(), asked, &audits(), &admin(), now(0))
        .unwrap()
        .state
}

fn drawn(asked: u64) -> QualityReview {
    draw_engagements(&opened(asked), &opened_at(), &admin(), now(1))
        .unwrap()
        .state
}

fn findings() -> Bilingual {
    Bilingual::new(
        "標本の証跡が揃っている",
        "every sampled item has its evidence",
    )
}

fn codes(refusal: Refusal) -> Vec<&'static str> {
    match refusal {
        Refusal::Invalid(errors) => errors.into_iter().map(|e| e.code).collect(),
        other => panic!("not a field refusal: {other:?}"),
    }
}

#[test]
fn opening_fixes_the_audits_signed_in_the_period_sorted() {
    let change = open_review("qr-1", april_to_may(), 3, &audits(), &admin(), now(0)).unwrap();
    let review = change.state;
    assert_eq!(review.status, ReviewStatus::Open);
    let ids: Vec<&str> = review.eligible.iter().map(|e| e.audit.as_str()).collect();
    let expected: Vec<String> = (1..=12).map(|n| format!("au-{n:02}")).collect();
    assert_eq!(ids, expected);
    assert_eq!(change.event.action, "quality_review.open");
    assert_eq!(change.event.subject, "qr-1");
}

#[test]
fn an_audit_signed_after_the_opening_is_not_eligible() {
    let mut all = audits();
    all.push(audit_signed("au-late", "ab", "2026-05-31", JUNE_2026 + 5));
    let review = open_review("qr-1", april_to_may(), 3, &all, &admin(), now(0))
        .unwrap()
        .state;
    assert!(review.eligible.iter().all(|e| e.audit != "au-late"));
}

#[test]
fn opening_is_for_administrators_of_a_period_over_with_a_bounded_number() {
    let refused = open_review("qr-1", april_to_may(), 3, &audits(), &reviewer(), now(0));
    assert_eq!(
        refused.unwrap_err(),
        Refusal::NotAllowed(NotAllowed::NotAnAdministrator)
    );
    let running = Period {
        start: day("2026-04-01"),
        end: day("2026-06-01"),
    };
    let refused = open_review("qr-1", running, 0, &audits(), &admin(), now(0)).unwrap_err();
    assert_eq!(codes(refused), ["period_not_over", "out_of_range"]);
    let refused = open_review(
        "qr-1",
        april_to_may(),
        MAX_ASKED + 1,
        &audits(),
        &admin(),
        now(0),
    );
    assert_eq!(codes(refused.unwrap_err()), ["out_of_range"]);
    let backwards = Period {
        start: day("2026-05-01"),
        end: day("2026-04-01"),
    };
    let refused = open_review("qr-1", backwards, 1, &audits(), &admin(), now(0)).unwrap_err();
    assert_eq!(codes(refused), ["before_start"]);
}

#[test]
fn opening_with_nothing_signed_in_the_period_is_refused() {
    let quiet = Period {
        start: day("2026-01-01"),
        end: day("2026-02-28"),
    };
    let refused = open_review("qr-1", quiet, 2, &audits(), &admin(), now(0)).unwrap_err();
    assert_eq!(codes(refused), ["no_signed_audits"]);
}

#[test]
fn the_draw_takes_the_number_asked_seeded_from_the_opening_and_recomputes() {
    let review = drawn(4);
    assert_eq!(review.status, ReviewStatus::Drawn);
    let draw = review.draw.as_ref().unwrap();
    assert_eq!(draw.engagements.len(), 4);
    assert_eq!(draw.seed_from, opened_at());
    // The same opening draws the same engagements; another log point, others.
    assert_eq!(drawn(4), review);
    let elsewhere = LogPoint {
        seq: 813,
        hash: "ef".repeat(32),
    };
    let other = draw_engagements(&opened(4), &elsewhere, &admin(), now(1))
        .unwrap()
        .state;
    assert_ne!(other.draw.unwrap().seed, draw.seed);
    let check = check_review(&review, &audits(), Some(&opening_event())).unwrap();
    assert!(check.holds(), "{check:?}");
    assert_eq!(check.expected, check.recorded);
}

#[test]
fn asking_for_more_than_were_signed_draws_them_all() {
    let review = drawn(MAX_ASKED);
    assert_eq!(review.drawn().len(), 12);
}

#[test]
fn the_check_finds_a_changed_draw_seed_or_eligible_list() {
    let review = drawn(3);
    let mut swapped = review.clone();
    let draw = swapped.draw.as_mut().unwrap();
    let kept: Vec<String> = draw.engagements.iter().map(|e| e.audit.clone()).collect();
    let outsider = review
        .eligible
        .iter()
        .find(|e| !kept.contains(&e.audit))
        .unwrap()
        .clone();
    draw.engagements[0] = outsider;
    let check = check_review(&swapped, &audits(), Some(&opening_event())).unwrap();
    assert!(!check.draw_matches && check.seed_matches && check.eligible_matches);

    let mut reseeded = review.clone();
    reseeded.draw.as_mut().unwrap().seed ^= 1;
    let check = check_review(&reseeded, &audits(), Some(&opening_event())).unwrap();
    assert!(!check.seed_matches && !check.holds());

    let mut narrowed = review.clone();
    narrowed.eligible.pop();
    let check = check_review(&narrowed, &audits(), Some(&opening_event())).unwrap();
    assert!(!check.eligible_matches);

    assert!(check_review(&opened(3), &audits(), Some(&opening_event())).is_none());

    // Another event at the recorded place, or none: the opening does not match.
    let check = check_review(&review, &audits(), None).unwrap();
    assert!(!check.opening_matches && !check.holds());
    let mut other = opening_event();
    other.subject = "qr-2".into();
    let check = check_review(&review, &audits(), Some(&other)).unwrap();
    assert!(!check.opening_matches);
    assert_eq!(check.problems.len(), 1, "{:?}", check.problems);
}

#[test]
fn the_draw_happens_once() {
    let refused = draw_engagements(&drawn(2), &opened_at(), &admin(), now(2)).unwrap_err();
    assert_eq!(
        refused,
        Refusal::Conflict(Conflict::QualityReviewDrawn {
            review: "qr-1".into()
        })
    );
    let refused = draw_engagements(&opened(2), &opened_at(), &reviewer(), now(2));
    assert_eq!(
        refused.unwrap_err(),
        Refusal::NotAllowed(NotAllowed::NotAnAdministrator)
    );
}

#[test]
fn reviews_are_for_drawn_engagements_by_the_operators_staff() {
    let review = drawn(3);
    let first = review.drawn()[0].audit.clone();
    let not_drawn = review
        .eligible
        .iter()
        .find(|e| review.drawn().iter().all(|d| d.audit != e.audit))
        .unwrap()
        .audit
        .clone();
    let rating = ReviewRating::Satisfactory;
    let refused = review_engagement(&opened(3), &first, rating, findings(), &reviewer(), now(2));
    assert_eq!(
        refused.unwrap_err(),
        Refusal::Conflict(Conflict::QualityReviewNotDrawn {
            review: "qr-1".into()
        })
    );
    let refused = review_engagement(&review, &not_drawn, rating, findings(), &reviewer(), now(2));
    assert!(matches!(
        refused.unwrap_err(),
        Refusal::Conflict(Conflict::AuditNotDrawnForReview { .. })
    ));
    let refused = review_engagement(&review, &first, rating, findings(), &auditor(), now(2));
    assert_eq!(
        refused.unwrap_err(),
        Refusal::NotAllowed(NotAllowed::NotAReviewer)
    );
    let blank = Bilingual::new("", "");
    let refused = review_engagement(&review, &first, rating, blank, &reviewer(), now(2));
    assert_eq!(codes(refused.unwrap_err()), ["required"]);
}

#[test]
fn a_rating_is_replaced_until_closing_and_kept_in_the_draws_order() {
    let review = drawn(3);
    let order: Vec<String> = review.drawn().iter().map(|d| d.audit.clone()).collect();
    let mut state = review.clone();
    for audit in order.iter().rev() {
        state = review_engagement(
            &state,
            audit,
            ReviewRating::Satisfactory,
            findings(),
            &reviewer(),
            now(3),
        )
        .unwrap()
        .state;
    }
    let change = review_engagement(
        &state,
        &order[1],
        ReviewRating::Deficient,
        findings(),
        &reviewer(),
        now(4),
    )
    .unwrap();
    assert_eq!(change.event.action, "quality_review.review");
    let state = change.state;
    let recorded: Vec<&str> = state.reviews.iter().map(|r| r.audit.as_str()).collect();
    assert_eq!(
        recorded,
        order.iter().map(String::as_str).collect::<Vec<_>>()
    );
    assert_eq!(state.reviews[1].rating, ReviewRating::Deficient);
    assert_eq!(state.reviews[1].reviewed_on.to_string(), "2026-06-01");
    let body = state.reviews[1].audit_body.clone();
    assert!(state.concerns_body(&body));
    assert!(state.reviews_of_body(&body).any(|r| r.audit == order[1]));
}

#[test]
fn closing_waits_for_every_rating_then_nothing_changes() {
    let review = drawn(2);
    let order: Vec<String> = review.drawn().iter().map(|d| d.audit.clone()).collect();
    let rate = |state: &QualityReview, audit: &str| {
        review_engagement(
            state,
            audit,
            ReviewRating::ImprovementNeeded,
            findings(),
            &reviewer(),
            now(3),
        )
        .unwrap()
        .state
    };
    let half = rate(&review, &order[0]);
    let refused = close_review(&half, &admin(), now(4)).unwrap_err();
    assert_eq!(
        refused,
        Refusal::Conflict(Conflict::QualityReviewIncomplete {
            review: "qr-1".into(),
            missing: vec![order[1].clone()],
        })
    );
    let full = rate(&half, &order[1]);
    let refused = close_review(&full, &reviewer(), now(4)).unwrap_err();
    assert_eq!(refused, Refusal::NotAllowed(NotAllowed::NotAnAdministrator));
    let closed = close_review(&full, &admin(), now(4)).unwrap();
    assert_eq!(closed.event.action, "quality_review.close");
    let closed = closed.state;
    assert_eq!(closed.status, ReviewStatus::Closed);
    let refused = rate_after_closing(&closed, &order[0]);
    assert_eq!(
        refused,
        Refusal::Conflict(Conflict::QualityReviewClosed {
            review: "qr-1".into()
        })
    );
}

fn rate_after_closing(review: &QualityReview, audit: &str) -> Refusal {
    review_engagement(
        review,
        audit,
        ReviewRating::Satisfactory,
        findings(),
        &reviewer(),
        now(5),
    )
    .unwrap_err()
}

#[test]
fn ratings_read_back_from_their_codes() {
    for rating in ReviewRating::ALL {
        assert_eq!(ReviewRating::from_code(rating.code()), Some(rating));
    }
    assert_eq!(ReviewRating::from_code("fine"), None);
}

#[test]
fn a_body_reads_only_its_own_engagements_and_ratings() {
    let mut review = drawn(MAX_ASKED);
    for engagement in review.drawn().to_vec() {
        review = review_engagement(
            &review,
            &engagement.audit,
            ReviewRating::Satisfactory,
            findings(),
            &reviewer(),
            now(3),
        )
        .unwrap()
        .state;
    }
    let part = review.part_for_body("ab2");
    assert_eq!(part.eligible.len(), 4, "au-03, 06, 09, 12");
    assert!(part.eligible.iter().all(|e| e.audit_body == "ab2"));
    assert!(part.drawn().iter().all(|e| e.audit_body == "ab2"));
    assert!(part.reviews.iter().all(|r| r.audit_body == "ab2"));
    assert_eq!(part.reviews.len(), 4);
    assert!(review.concerns_body("ab2") && !review.concerns_body("ab3"));
    let reader = member("ab2", OrgKind::AuditBody, &[Role::Auditor]);
    let stranger = member("ab3", OrgKind::AuditBody, &[Role::Auditor]);
    use crate::policy::Actor;
    use crate::workflow::access::read_quality_review;
    assert!(read_quality_review(&Actor::Member(reader), &review).is_ok());
    assert!(read_quality_review(&Actor::Member(stranger), &review).is_err());
    assert!(read_quality_review(&Actor::Member(reviewer()), &review).is_ok());
    assert!(read_quality_review(&Actor::Anonymous, &review).is_err());
}

#[test]
fn the_public_reads_closed_reviews_ratings_of_one_body_oldest_first() {
    let review = drawn(2);
    let order: Vec<String> = review.drawn().iter().map(|d| d.audit.clone()).collect();
    let rate = |state: &QualityReview, audit: &str, rating: ReviewRating, at: i64| {
        review_engagement(state, audit, rating, findings(), &reviewer(), now(at))
            .unwrap()
            .state
    };
    let half = rate(&review, &order[0], ReviewRating::Deficient, 3);
    let full = rate(&half, &order[1], ReviewRating::Satisfactory, 3);
    assert!(
        public_ratings(std::slice::from_ref(&full), "org-ab").is_empty()
            && public_ratings(std::slice::from_ref(&full), "org-other").is_empty(),
        "an open review shows no rating"
    );
    let closed = close_review(&full, &admin(), now(4)).unwrap().state;
    let reviews = [closed.clone()];
    let bodies: std::collections::BTreeSet<&str> = closed
        .drawn()
        .iter()
        .map(|d| d.audit_body.as_str())
        .collect();
    let mut seen = 0;
    for body in bodies {
        let ratings = public_ratings(&reviews, body);
        assert!(
            ratings
                .iter()
                .all(|rated| rated.audit_body == body && rated.review == "qr-1")
        );
        let mut sorted = ratings.clone();
        sorted.sort_by(|a, b| (a.reviewed_on, &a.audit).cmp(&(b.reviewed_on, &b.audit)));
        assert_eq!(ratings, sorted);
        seen += ratings.len();
    }
    assert_eq!(seen, 2, "every rated engagement is read under its own body");
    assert!(public_ratings(&reviews, "org-nobody").is_empty());
}
