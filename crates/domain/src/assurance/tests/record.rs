use super::{map, scheme};
use crate::accounts::{OrgKind, Role};
use crate::assurance::{ASSURANCE_MAP_ID, ASSURANCE_REVISED, revise_map};
use crate::policy::Member;
use crate::workflow::{Moment, NotAllowed, Refusal};

fn member(kind: OrgKind, roles: &[Role]) -> Member {
    Member {
        user_id: "u1".to_owned(),
        org_id: "org".to_owned(),
        org_kind: kind,
        roles: roles.to_vec(),
    }
}

fn admin() -> Member {
    member(OrgKind::Operator, &[Role::OperatorAdmin])
}

#[test]
fn an_administrator_replaces_the_map_with_one_event_carrying_it_whole() {
    let current = map(vec![scheme("a", 10, 90)]);
    let next = current.with_scheme(None, scheme("b", 80, 20));
    let change = revise_map(&current, next.clone(), &admin(), Moment::at(5))
        .unwrap()
        .unwrap();
    assert_eq!(change.state.id, ASSURANCE_MAP_ID);
    assert_eq!(change.state.map, next);
    assert_eq!(change.state.revised_by, "u1");
    assert_eq!(change.event.action, ASSURANCE_REVISED);
    assert_eq!(change.event.subject, ASSURANCE_MAP_ID);
    assert_eq!(
        change.event.payload["assurance"]["map"]["schemes"][1]["id"],
        "b"
    );
}

#[test]
fn the_same_map_again_writes_nothing() {
    let current = map(vec![scheme("a", 10, 90)]);
    assert_eq!(
        revise_map(&current, current.clone(), &admin(), Moment::at(5)).unwrap(),
        None
    );
}

#[test]
fn only_the_operators_administrators_edit_it() {
    let current = map(vec![scheme("a", 10, 90)]);
    let next = current.with_baseline(60);
    for someone in [
        member(OrgKind::Operator, &[Role::OperatorReviewer]),
        member(OrgKind::Provider, &[Role::OperatorAdmin]),
    ] {
        assert_eq!(
            revise_map(&current, next.clone(), &someone, Moment::at(5)),
            Err(Refusal::NotAllowed(NotAllowed::NotAnAdministrator))
        );
    }
}

#[test]
fn an_edit_is_checked_whole() {
    let current = map(vec![scheme("a", 10, 90)]);
    let clash = current.with_scheme(None, scheme("a", 1, 1));
    match revise_map(&current, clash, &admin(), Moment::at(5)) {
        Err(Refusal::Invalid(problems)) => {
            assert_eq!(problems[0].field, "/schemes/1/id");
        }
        other => panic!("{other:?}"),
    }
    let emptied = current.without_scheme("a").unwrap();
    assert!(matches!(
        revise_map(&current, emptied, &admin(), Moment::at(5)),
        Err(Refusal::Invalid(_))
    ));
}

#[test]
fn a_scheme_is_replaced_in_place_added_at_the_end_or_removed() {
    let current = map(vec![scheme("a", 10, 90), scheme("b", 20, 30)]);
    let replaced = current.with_scheme(Some("a"), scheme("z", 50, 50));
    let order: Vec<&str> = replaced.schemes.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(order, ["z", "b"]);
    let added = current.with_scheme(Some("missing"), scheme("c", 1, 1));
    assert_eq!(added.schemes.len(), 3);
    assert_eq!(current.without_scheme("b").unwrap().schemes.len(), 1);
    assert_eq!(current.without_scheme("missing"), None);
}
