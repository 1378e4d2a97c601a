//! The demo world as `serve --demo` builds it: the registry written by the workflow with the
//! facts of the demo's story, services caught mid-way, a log that verifies, and a restart that
//! changes nothing. The registry it writes is kept in `domain/registry/demo/registry.json`
//! (which other tests read); `SHINRAI_BLESS=1` rewrites that file from what the flow wrote.

use std::collections::BTreeMap;
use std::sync::Arc;

use shinrai_domain::accounts::{OrgKind, Role};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::policy::Member;
use shinrai_domain::registry::{EntryStatus, RegistryEntry};
use shinrai_domain::workflow::Moment;
use shinrai_domain::workflow::application::{Application, ApplicationStatus};
use shinrai_domain::workflow::audit::{Audit, AuditStatus};
use shinrai_domain::workflow::statement::{Statement, StatementStatus};
use shinrai_server::applications::actions;
use shinrai_server::demo::{self, midway, registry_story};
use shinrai_server::workflow::Acting;
use shinrai_server::{AppState, Config};
use shinrai_store::Store;
use shinrai_store::documents::{Filter, Stored};

use crate::support::temporary_store;
use crate::world::cheap_passwords;

/// 2026-12-01T00:00:00Z: the demo starts after its story's last day.
const NOW_MS: i64 = 1_796_083_200_000;

async fn demo_state() -> (AppState, Vec<demo::DemoLogin>) {
    let store = temporary_store().await;
    let mut state = AppState::new(&Config::default(), store);
    state.passwords = cheap_passwords();
    let logins = demo::load_if_empty(&state, NOW_MS)
        .await
        .expect("the demo loads")
        .expect("into an empty store");
    (state, logins)
}

fn registry_file() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../domain/registry/demo/registry.json")
}

/// The demo registry as the flow wrote it equals the file others read; blessing rewrites it.
fn compare_with_file(entries: &[RegistryEntry]) {
    let path = registry_file();
    let text = std::fs::read_to_string(&path).expect("registry.json");
    let mut file: serde_json::Value = serde_json::from_str(&text).expect("json");
    let written = serde_json::to_value(entries).expect("entries");
    if std::env::var_os("SHINRAI_BLESS").is_some() {
        file["entries"] = written;
        let mut out = serde_json::to_string_pretty(&file).expect("json");
        out.push('\n');
        std::fs::write(&path, out).expect("write registry.json");
        return;
    }
    assert!(
        file["entries"] == written,
        "the demo registry differs from {}: run SHINRAI_BLESS=1 cargo test -p shinrai-server --test api demo",
        path.display()
    );
}

fn count<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeMap<T, usize> {
    let mut counts = BTreeMap::new();
    for item in items {
        *counts.entry(item).or_insert(0) += 1;
    }
    counts
}

#[tokio::test]
async fn the_demo_registry_is_written_by_the_workflow_with_the_storys_facts() {
    let (state, logins) = demo_state().await;
    let entries = state.store.registry_entries().await.unwrap();
    assert_eq!(entries.len(), 25);
    assert_eq!(
        count(entries.iter().map(|e| e.status)),
        BTreeMap::from([
            (EntryStatus::Registered, 18),
            (EntryStatus::Suspended, 3),
            (EntryStatus::Expired, 2),
            (EntryStatus::Deregistered, 2),
        ])
    );
    assert_eq!(
        count(entries.iter().map(|e| e.level.get())),
        BTreeMap::from([(1, 5), (2, 12), (3, 8)])
    );
    let story = registry_story::registry_story().unwrap();
    for service in &story.services {
        let entry = entries.iter().find(|e| e.id == service.entry).unwrap();
        let last = service.registrations.last().unwrap();
        assert_eq!(entry.service_name, service.details.name, "{}", entry.id);
        assert_eq!(entry.provider, service.provider, "{}", entry.id);
        assert_eq!(entry.level, service.level, "{}", entry.id);
        assert_eq!(entry.service_models, service.details.service_models);
        assert_eq!(entry.deployment_models, service.details.deployment_models);
        assert_eq!(entry.built_on, service.details.built_on);
        assert_eq!(entry.audit_period, last.period, "{}", entry.id);
        assert_eq!(entry.audit_body, last.audit_body, "{}", entry.id);
        // Validity by the rule: sixteen months after the audit period.
        assert_eq!(
            Some(entry.valid_until),
            shinrai_domain::registration::valid_until(last.period.end, 16),
            "{}",
            entry.id
        );
        // Written by decisions: it names its service and the application that wrote it.
        assert_eq!(entry.service.as_deref(), Some(service.service.as_str()));
        assert!(entry.application.is_some(), "{}", entry.id);
        // Each registration is a change to registered that does not lift a suspension.
        let registrations = entry
            .history
            .iter()
            .enumerate()
            .filter(|(i, change)| {
                change.to == EntryStatus::Registered
                    && (*i == 0 || entry.history[i - 1].to != EntryStatus::Suspended)
            })
            .count();
        assert_eq!(registrations, service.registrations.len(), "{}", entry.id);
    }
    compare_with_file(&entries);
    assert!(logins.iter().any(|login| login.login == "provider2"));
    the_registry_lived_by_the_rules(&state, &entries).await;
}

fn entry<'a>(entries: &'a [RegistryEntry], id: &str) -> &'a RegistryEntry {
    entries.iter().find(|entry| entry.id == id).unwrap()
}

/// The demo's past as the lifecycle job and the measures made it: expiries and a cascade
/// recorded by the job itself, a withdrawal that brought down what was built on it, a renewal
/// approved while it was under review, one under review now; and the whole registry what its
/// log and the lifecycle rule make it.
async fn the_registry_lived_by_the_rules(state: &AppState, entries: &[RegistryEntry]) {
    use shinrai_domain::workflow::registry_rebuild::{LoggedEvent, Rebuild};
    let store = &state.store;
    for lapsed in ["C23-0002", "C24-0004"] {
        let expiries = store.events_about(lapsed, "registry.expire").await.unwrap();
        assert_eq!(expiries.len(), 1, "{lapsed}");
        assert_eq!(expiries[0].actor, "system", "{lapsed}: expired by the job");
        let last = entry(entries, lapsed).history.last().unwrap();
        assert_eq!(last.to, EntryStatus::Expired);
        assert!(last.reason.en.starts_with("validity ended"), "{lapsed}");
    }
    let withdrawn = entry(entries, "C24-0002");
    assert_eq!(withdrawn.status, EntryStatus::Deregistered);
    assert!(
        withdrawn
            .history
            .last()
            .unwrap()
            .reason
            .en
            .starts_with("withdrawn by the provider"),
        "{:?}",
        withdrawn.history
    );
    let fallen = entry(entries, "C24-0009");
    assert_eq!(fallen.status, EntryStatus::Deregistered);
    let cascade = store
        .events_about("C24-0009", "registry.cascade")
        .await
        .unwrap();
    assert_eq!(cascade.len(), 1);
    assert_eq!(cascade[0].actor, "system");
    assert_eq!(
        fallen.history.last().unwrap().on,
        withdrawn.history.last().unwrap().on,
        "it fell the day its base was withdrawn"
    );
    let told = store.inbox(&fallen.provider).await.unwrap();
    assert!(
        told.iter()
            .any(|message| message.value.kind.code() == "fell_in_cascade"),
        "its provider was told"
    );
    // The organisations using a service are told what happens to it: the city of its bookings
    // system's base falling, of the incident of its applications system; the health office of
    // the changes acknowledged on its exchange's platform.
    let used = |org: &'static str| async move {
        let inbox = store.inbox(org).await.unwrap();
        inbox
            .into_iter()
            .map(|message| message.value)
            .filter(|message| message.kind.code() == "service_in_use")
            .map(|message| (message.entry.unwrap_or_default(), message.title.en))
            .collect::<Vec<_>>()
    };
    let city = used("kitamachi-city").await;
    assert!(
        city.iter()
            .any(|(entry, title)| entry == "C24-0009" && title.contains("fell with its base")),
        "{city:?}"
    );
    assert!(
        city.iter()
            .any(|(entry, title)| entry == "C24-0006" && title.contains("incident reported")),
        "{city:?}"
    );
    assert!(
        city.iter()
            .any(|(entry, title)| entry == "C24-0006" && title.contains("Suspend")),
        "{city:?}"
    );
    let office = used("tokai-health-office").await;
    assert!(
        office
            .iter()
            .any(|(entry, title)| entry == "C24-0005" && title.contains("change reported")),
        "{office:?}"
    );
    // The city's applications system weighs another service as a candidate.
    let shinsei = store
        .system("sys-kitamachi-shinsei")
        .await
        .unwrap()
        .unwrap();
    assert!(
        shinsei.value.watches("C26-0002"),
        "{:?}",
        shinsei.value.watching
    );
    // Not before the usage began: the city was not told of anything about C25-0005 before March.
    let providers = used("minato-data").await;
    assert!(providers.is_empty(), "{providers:?}");
    // Renewed while its renewal was under review: approved after the end of the validity it
    // renewed, and never expired meanwhile.
    let renewed = entry(entries, "C25-0006");
    let approved = renewed.history.last().unwrap().on;
    assert!(approved > CalendarDate::parse("2026-06-28").unwrap());
    assert!(
        renewed
            .history
            .iter()
            .all(|line| line.to == EntryStatus::Registered)
    );
    // Under review now.
    let applications: Vec<Application> = documents(store, Filter::all()).await;
    let under_review = shinrai_domain::workflow::application::renewals_under_review(&applications);
    assert!(under_review.contains_key("C23-0003"), "{under_review:?}");
    // Every entry what the log's events and the lifecycle rule make it.
    let mut rebuild = Rebuild::new();
    let mut after = 0;
    loop {
        let events = store.events_after(after, 1_000, false).await.unwrap();
        let Some(last) = events.last() else { break };
        after = last.seq;
        for event in &events {
            rebuild.read(&LoggedEvent::from(event));
        }
    }
    let report = rebuild.check(entries, Moment::at(NOW_MS).date());
    assert_eq!(report.findings, Vec::new());
    assert_eq!(report.entries_rebuilt, 25);
}

async fn documents<T: shinrai_store::documents::Document>(store: &Store, filter: Filter) -> Vec<T> {
    let stored: Vec<Stored<T>> = store.documents(&filter).await.unwrap();
    stored.into_iter().map(|stored| stored.value).collect()
}

#[tokio::test]
async fn services_wait_mid_way_for_every_party_and_the_log_verifies() {
    let (state, _) = demo_state().await;
    let store: &Arc<Store> = &state.store;

    let drafts: Vec<Statement> = documents(store, Filter::service(midway::DRAFT)).await;
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].status, StatementStatus::Draft);
    assert_eq!(drafts[0].provider, "sakura-cloud-works");

    let audit_of = |service: &'static str| async move {
        let audits: Vec<Audit> = documents(store, Filter::service(service)).await;
        assert_eq!(audits.len(), 1, "{service}");
        audits.into_iter().next().unwrap()
    };
    let in_progress = audit_of(midway::AUDIT_IN_PROGRESS).await;
    assert_eq!(in_progress.status, AuditStatus::InProgress);
    assert_eq!(in_progress.signing_auditor.as_deref(), Some("signer"));
    // Its papers are under way: three controls judged, one sampled and tested on evidence, one
    // request waiting for the provider.
    let work = store.audit_work(&in_progress.id).await.unwrap();
    assert_eq!(work.len(), 3);
    assert!(
        work.iter()
            .all(|w| w.value.fair.is_some() && w.value.design.is_some())
    );
    let sampled: Vec<_> = work
        .iter()
        .filter_map(|w| w.value.operation.as_ref())
        .flat_map(|operation| operation.samples.iter())
        .collect();
    assert_eq!(sampled.len(), 1);
    assert!(sampled[0].items.iter().any(|item| item.result.is_some()));
    assert_eq!(
        store
            .evidence_requests(&in_progress.id)
            .await
            .unwrap()
            .len(),
        1
    );
    let waiting = audit_of(midway::AWAITING_ACCEPTANCE).await;
    assert_eq!(waiting.status, AuditStatus::Requested);
    assert_eq!(waiting.provider, "kasumi-systems");
    assert_eq!(waiting.audit_body, "aoba-audit");

    let application_of = |service: &'static str| async move {
        let applications: Vec<Application> = documents(store, Filter::service(service)).await;
        assert_eq!(applications.len(), 1, "{service}");
        applications.into_iter().next().unwrap()
    };
    let asked = application_of(midway::EXPLANATION_ASKED).await;
    assert_eq!(asked.status, ApplicationStatus::ExplanationRequested);
    assert_eq!(asked.explanations.len(), 1);
    let decided = application_of(midway::AWAITING_APPROVAL).await;
    assert_eq!(decided.status, ApplicationStatus::Decided);
    assert!(decided.approval.is_none());
    // The browser flow of the operator's review opens these two by id, and its page reads
    // the rule's answer on their stored facts.
    assert_eq!(asked.id, "ap-svc-sakura-backup-1");
    assert_eq!(decided.id, "ap-svc-sakura-id-1");
    let reviewer = Acting::new(
        Member {
            user_id: "reviewer".to_owned(),
            org_id: "operator".to_owned(),
            org_kind: OrgKind::Operator,
            roles: vec![Role::OperatorReviewer],
        },
        Moment::at(NOW_MS),
    );
    for id in [&asked.id, &decided.id] {
        actions::review(&state, &reviewer, id)
            .await
            .unwrap_or_else(|failure| panic!("{id}: {failure:?}"));
    }

    let report = store
        .verify_log(&store.verifying_key(), Vec::new())
        .await
        .unwrap();
    assert!(report.intact(), "{:?}", report.findings);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[tokio::test]
async fn a_restart_leaves_the_demo_world_as_it_is() {
    let (state, _) = demo_state().await;
    let before = state.store.log_head().await.unwrap();
    let entries = state.store.registry_entries().await.unwrap();
    let again = demo::load_if_empty(&state, NOW_MS + 60_000).await.unwrap();
    assert!(again.is_none());
    assert_eq!(state.store.log_head().await.unwrap(), before);
    assert_eq!(state.store.registry_entries().await.unwrap(), entries);
}
