//! Notifications: the provider of each service that falls is told in its inbox; members read
//! their organisation's messages only, mark them read and unread, and keep the addresses they
//! go to; reminders fall due with the clock and are sent once; with SMTP configured, the
//! messages reach a real SMTP server (aiosmtpd, started here) and each attempt is recorded.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::{Value, json};
use shinrai_domain::date::CalendarDate;
use shinrai_server::Config;
use shinrai_server::config::{MailSettings, Secret};
use shinrai_server::jobs::lifecycle::{self, Attempt, RunOptions};

use super::flow::{
    assert_log_intact, built_on, logged_actions, ok, refused, registered_entry, text,
};
use super::story::conforms;
use crate::world::{DAY_MS, World, workflow_world, workflow_world_with};

/// Two services registered in a chain on `base`, with the same provider (`csp`).
async fn chain_on(w: &World, base: &str) {
    built_on(w, base, &[("C26-0901", base), ("C26-0902", "C26-0901")]).await;
}

async fn withdraw(w: &World, entry: &str) {
    let reason = json!({"reason": text("サービスを終了するため", "the service is being closed")});
    ok(
        w,
        "provider",
        "POST",
        &format!("/api/v1/registry/{entry}/withdraw"),
        Some(reason),
    )
    .await;
}

fn items(inbox: &Value) -> Vec<Value> {
    inbox["items"].as_array().unwrap().clone()
}

#[tokio::test]
async fn the_provider_of_each_fallen_service_is_told_and_only_its_members_read_it() {
    let world = workflow_world().await;
    let w = &world;
    let base = registered_entry(w).await;
    chain_on(w, &base).await;
    let empty = ok(w, "provider", "GET", "/api/v1/inbox", None).await;
    assert_eq!(empty["unread"], 0);
    withdraw(w, &base).await;

    let inbox = ok(w, "provider", "GET", "/api/v1/inbox", None).await;
    conforms(w, "InboxView", &inbox).await;
    assert_eq!(inbox["unread"], 2, "{inbox}");
    let messages = items(&inbox);
    for (entry, because) in [("C26-0901", base.as_str()), ("C26-0902", "C26-0901")] {
        let message = messages
            .iter()
            .find(|m| m["entry"] == entry)
            .unwrap_or_else(|| panic!("no message about {entry}: {inbox}"));
        assert_eq!(message["kind"], "fell_in_cascade");
        assert_eq!(message["read"], false);
        assert_eq!(message["mail"], "off");
        assert_eq!(message["link"], format!("/registry/{entry}"));
        assert!(
            message["body"]["en"].as_str().unwrap().contains(because),
            "{message}"
        );
        assert!(
            message["body"]["ja"].as_str().unwrap().contains(because),
            "{message}"
        );
    }

    let id = messages[0]["id"].as_str().unwrap().to_owned();
    let one = format!("/api/v1/inbox/{id}");
    conforms(
        w,
        "NotificationView",
        &ok(w, "provider", "GET", &one, None).await,
    )
    .await;
    for stranger in ["other_provider", "procurer", "auditor", "operator_admin"] {
        refused(w, stranger, "GET", &one, None, 404).await;
        let theirs = ok(w, stranger, "GET", "/api/v1/inbox", None).await;
        assert!(items(&theirs).is_empty(), "{stranger}: {theirs}");
        let mark = json!({"read": true});
        refused(w, stranger, "PUT", &format!("{one}/read"), Some(mark), 404).await;
    }
    refused(w, "public", "GET", "/api/v1/inbox", None, 401).await;

    let read = ok(
        w,
        "provider",
        "PUT",
        &format!("{one}/read"),
        Some(json!({"read": true})),
    )
    .await;
    assert_eq!(read["read"], true);
    assert_eq!(read["read_by"], w.users["provider"].as_str());
    assert_eq!(
        ok(w, "provider", "GET", "/api/v1/inbox", None).await["unread"],
        1
    );
    // Marking it as it is writes nothing.
    let before = logged_actions(w).await.len();
    ok(
        w,
        "provider",
        "PUT",
        &format!("{one}/read"),
        Some(json!({"read": true})),
    )
    .await;
    assert_eq!(logged_actions(w).await.len(), before);
    let unread = ok(
        w,
        "provider",
        "PUT",
        &format!("{one}/read"),
        Some(json!({"read": false})),
    )
    .await;
    assert_eq!(unread["read"], false);
    refused(
        w,
        "provider",
        "PUT",
        &format!("{one}/read"),
        Some(json!({"read": "yes"})),
        422,
    )
    .await;

    let actions = logged_actions(w).await;
    for action in [
        "notification.send",
        "notification.read",
        "notification.unread",
    ] {
        assert!(actions.iter().any(|a| a == action), "{action} missing");
    }
    // Each is a restricted event: the public sees no notification in the log.
    let public = ok(w, "public", "GET", "/api/v1/log/events?limit=1000", None).await;
    let events = public["events"].as_array().unwrap();
    assert!(
        events
            .iter()
            .filter(|e| e["action"]
                .as_str()
                .is_some_and(|a| a.starts_with("notification.")))
            .count()
            == 0,
        "a notification is public"
    );
    let own = ok(w, "provider", "GET", "/api/v1/log/events?limit=1000", None).await;
    let sent = own["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "notification.send")
        .count();
    assert_eq!(sent, 2, "the recipient reads its own messages' events");
    assert_log_intact(w).await;
}

#[tokio::test]
async fn addresses_are_kept_per_organisation_and_checked_at_their_place() {
    let world = workflow_world().await;
    let w = &world;
    let uri = "/api/v1/inbox/addresses";
    assert_eq!(
        ok(w, "provider", "GET", uri, None).await["addresses"],
        json!([])
    );
    let set = json!({"addresses": ["security@csp.example", "ops@csp.example"]});
    let kept = ok(w, "provider", "PUT", uri, Some(set)).await;
    conforms(w, "MailAddressesView", &kept).await;
    assert_eq!(ok(w, "provider", "GET", uri, None).await, kept);
    assert_eq!(
        ok(w, "other_provider", "GET", uri, None).await["addresses"],
        json!([])
    );
    let wrong = json!({"addresses": ["ok@csp.example", "not an address", "a@b.example\r\nBcc: x@y.example"]});
    let error = refused(w, "provider", "PUT", uri, Some(wrong), 422).await;
    let fields = super::flow::pointers(&error);
    assert_eq!(fields, ["/addresses/1", "/addresses/2"], "{error}");
    let many =
        json!({"addresses": (0..11).map(|n| format!("a{n}@csp.example")).collect::<Vec<_>>()});
    refused(w, "provider", "PUT", uri, Some(many), 422).await;
    assert_eq!(
        ok(w, "provider", "GET", uri, None).await,
        kept,
        "a refused change keeps the old"
    );
    ok(w, "provider", "PUT", uri, Some(json!({"addresses": []}))).await;
    assert!(
        logged_actions(w)
            .await
            .iter()
            .filter(|a| *a == "inbox.addresses")
            .count()
            == 2
    );
    assert_log_intact(w).await;
}

fn day(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

/// Runs the lifecycle job on `as_of` (noon in Japan), as the schedule does.
async fn run_on(w: &World, as_of: CalendarDate) -> lifecycle::LifecycleRun {
    let at_ms = as_of.days_since_epoch() * DAY_MS + 3 * 3_600_000;
    let options = RunOptions {
        as_of,
        at_ms,
        dry_run: false,
        mail: w.state.outbox.mails(),
    };
    match lifecycle::run(&w.store, options).await.unwrap() {
        Attempt::Ran(run) => run,
        Attempt::Busy => panic!("nobody else runs the job here"),
    }
}

#[tokio::test]
async fn renewal_reminders_come_at_six_three_and_one_month_each_once() {
    let world = workflow_world().await;
    let w = &world;
    let entry = registered_entry(w).await;
    let valid_until = ok(
        w,
        "public",
        "GET",
        &format!("/api/v1/registry/{entry}"),
        None,
    )
    .await["valid_until"]
        .as_str()
        .unwrap()
        .to_owned();
    let end = day(&valid_until);
    let kinds = |run: &lifecycle::LifecycleRun| -> Vec<String> {
        run.notifications
            .iter()
            .filter(|n| n.kind == "renewal_due" && n.to == "csp")
            .map(|n| n.id.clone())
            .collect()
    };
    let before = end.sub_months_clamped(6).unwrap().day_before().unwrap();
    assert!(kinds(&run_on(w, before).await).is_empty());
    for months in [6, 3, 1] {
        let on = end.sub_months_clamped(months).unwrap();
        let sent = kinds(&run_on(w, on).await);
        assert_eq!(
            sent,
            [format!("csp~renewal-{entry}-{valid_until}-{months}m")]
        );
        assert!(
            kinds(&run_on(w, on).await).is_empty(),
            "sent twice at {months} months"
        );
        assert!(kinds(&run_on(w, on.add_days(5).unwrap()).await).is_empty());
    }
    let inbox = ok(w, "provider", "GET", "/api/v1/inbox", None).await;
    let renewals = items(&inbox)
        .into_iter()
        .filter(|m| m["kind"] == "renewal_due")
        .count();
    assert_eq!(renewals, 3, "{inbox}");
    assert_log_intact(w).await;
}

/// An SMTP server for the test: aiosmtpd writing what it receives into a Maildir.
struct SmtpSink {
    child: Child,
    port: u16,
    maildir: PathBuf,
}

impl SmtpSink {
    fn start(dir: &Path) -> SmtpSink {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        std::fs::create_dir_all(dir).unwrap();
        let maildir = dir.join("maildir");
        let python = std::env::var("SHINRAI_TEST_PYTHON").unwrap_or_else(|_| "python3".to_owned());
        let child = Command::new(python)
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("python3 with aiosmtpd (scripts/requirements-tools.txt)");
        // Held at once, so that the server is stopped (by `Drop`) however the wait ends.
        let sink = SmtpSink {
            child,
            port,
            maildir,
        };
        let listening = (0..100).any(|_| {
            let up = std::net::TcpStream::connect(("127.0.0.1", port)).is_ok();
            if !up {
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            up
        });
        assert!(listening, "aiosmtpd did not start on port {port}");
        sink
    }

    /// Every message received so far, as text.
    fn received(&self) -> Vec<String> {
        let new = self.maildir.join("new");
        let Ok(files) = std::fs::read_dir(&new) else {
            return Vec::new();
        };
        files
            .map(|file| std::fs::read_to_string(file.unwrap().path()).unwrap())
            .collect()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The text of a message whose body is base64, as the mailer writes it.
fn decoded_body(mail: &str) -> String {
    use base64::Engine as _;
    let (head, body) = mail.split_once("\n\n").expect("a head and a body");
    assert!(head.contains("Content-Transfer-Encoding: base64"), "{head}");
    let joined: String = body.split_whitespace().collect();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(joined)
        .unwrap();
    String::from_utf8(bytes).unwrap()
}

fn mail_config(smtp_url: String) -> Config {
    Config {
        mail: Some(MailSettings {
            smtp_url: Secret::new(smtp_url),
            from: "registry@shinrai.example".to_owned(),
        }),
        ..Config::default()
    }
}

#[tokio::test]
async fn with_smtp_configured_each_message_goes_by_mail_and_every_attempt_is_recorded() {
    let dir = std::env::temp_dir().join(format!("shinrai-smtp-{}", std::process::id()));
    let sink = SmtpSink::start(&dir);
    let world = workflow_world_with(mail_config(format!("smtp://127.0.0.1:{}", sink.port))).await;
    let w = &world;
    let base = registered_entry(w).await;
    chain_on(w, &base).await;
    let set = json!({"addresses": ["security@csp.example", "ops@csp.example"]});
    ok(w, "provider", "PUT", "/api/v1/inbox/addresses", Some(set)).await;
    withdraw(w, &base).await;

    let inbox = ok(w, "provider", "GET", "/api/v1/inbox", None).await;
    assert!(
        items(&inbox).iter().all(|m| m["mail"] == "pending"),
        "{inbox}"
    );
    // One read in the inbox before the mailer came needs no e-mail.
    let first = "csp~cascade-C26-0901-2026-06-01";
    let read = ok(
        w,
        "provider",
        "PUT",
        &format!("/api/v1/inbox/{first}/read"),
        Some(json!({"read": true})),
    )
    .await;
    assert_eq!(read["mail"], "read_first");
    let swept = shinrai_server::notifications::mailer::sweep(&w.state)
        .await
        .unwrap();
    assert_eq!(swept, 1);
    let inbox = ok(w, "provider", "GET", "/api/v1/inbox", None).await;
    let list = items(&inbox);
    let states: Vec<(&str, &str)> = list
        .iter()
        .map(|m| (m["entry"].as_str().unwrap(), m["mail"].as_str().unwrap()))
        .collect();
    assert!(
        states.contains(&("C26-0902", "sent")) && states.contains(&("C26-0901", "read_first")),
        "{inbox}"
    );
    assert_eq!(
        shinrai_server::notifications::mailer::sweep(&w.state)
            .await
            .unwrap(),
        0
    );

    let received = sink.received();
    assert_eq!(received.len(), 1, "{received:?}");
    for mail in &received {
        assert!(mail.contains("From: registry@shinrai.example"), "{mail}");
        assert!(
            mail.contains("security@csp.example") && mail.contains("ops@csp.example"),
            "{mail}"
        );
        assert!(mail.contains("Subject: [shinrai]"), "{mail}");
        let text = decoded_body(mail);
        assert!(text.contains("The registration of"), "{text}");
        assert!(
            text.contains("の登録は基盤サービスとともに終了しました"),
            "{text}"
        );
        assert!(
            text.contains("http://127.0.0.1:8080/registry/C26-0902"),
            "{text}"
        );
        assert!(text.contains("/inbox?lang=ja"), "{text}");
    }
    let actions = logged_actions(w).await;
    assert_eq!(
        actions.iter().filter(|a| *a == "notification.mail").count(),
        1
    );

    drop(sink);
    assert_log_intact(w).await;
    let _ = std::fs::remove_dir_all(&dir);
}

/// A world whose SMTP server is a port nothing listens on, the provider keeping `addresses`,
/// after two of its services fell in cascade (two messages waiting).
async fn fallen_with_unreachable_smtp(addresses: &[&str]) -> World {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let world = workflow_world_with(mail_config(format!("smtp://127.0.0.1:{port}"))).await;
    let w = &world;
    let base = registered_entry(w).await;
    chain_on(w, &base).await;
    let addresses = json!({ "addresses": addresses });
    ok(
        w,
        "provider",
        "PUT",
        "/api/v1/inbox/addresses",
        Some(addresses),
    )
    .await;
    withdraw(w, &base).await;
    world
}

#[tokio::test]
async fn an_unreachable_server_is_tried_three_times_then_given_up() {
    let world = fallen_with_unreachable_smtp(&["a@csp.example"]).await;
    let w = &world;
    for _ in 0..3 {
        assert_eq!(
            shinrai_server::notifications::mailer::sweep(&w.state)
                .await
                .unwrap(),
            2
        );
    }
    let inbox = ok(w, "provider", "GET", "/api/v1/inbox", None).await;
    assert!(
        items(&inbox).iter().all(|m| m["mail"] == "failed"),
        "{inbox}"
    );
    assert_eq!(
        shinrai_server::notifications::mailer::sweep(&w.state)
            .await
            .unwrap(),
        0
    );
    let attempts = logged_actions(w)
        .await
        .iter()
        .filter(|a| *a == "notification.mail")
        .count();
    assert_eq!(attempts, 6);
    assert_log_intact(w).await;
}

#[tokio::test]
async fn messages_to_an_organisation_without_addresses_are_recorded_as_such() {
    let world = fallen_with_unreachable_smtp(&[]).await;
    let w = &world;
    assert_eq!(
        shinrai_server::notifications::mailer::sweep(&w.state)
            .await
            .unwrap(),
        2
    );
    let inbox = ok(w, "provider", "GET", "/api/v1/inbox", None).await;
    assert!(
        items(&inbox).iter().all(|m| m["mail"] == "no_address"),
        "{inbox}"
    );
    assert_log_intact(w).await;
}

#[tokio::test]
async fn a_renewal_under_review_is_shown_in_the_registry_and_silences_the_reminders() {
    let world = workflow_world().await;
    let w = &world;
    let entry = registered_entry(w).await;
    let stored = w.store.registry_entries().await.unwrap();
    let service = stored
        .iter()
        .find(|e| e.id == entry)
        .and_then(|e| e.service.clone())
        .unwrap();
    let page = |lang: &'static str| format!("/registry/{entry}?lang={lang}");
    let api = format!("/api/v1/registry/{entry}");
    let view = ok(w, "public", "GET", &api, None).await;
    assert!(view.get("renewal_under_review_since").is_none(), "{view}");

    let statements = w.store.statements_of(&service).await.unwrap();
    let statement = statements.last().unwrap().value.id.clone();
    let audit = super::flow::signed_audit(w, &service, &statement, None).await;
    let renewal = json!({"service": service, "audit": audit, "kind": "renewal"});
    ok(w, "provider", "POST", "/api/v1/applications", Some(renewal)).await;

    let view = ok(w, "public", "GET", &api, None).await;
    conforms(w, "RegistryEntryView", &view).await;
    assert_eq!(view["renewal_under_review_since"], "2026-06-01", "{view}");
    for (lang, words) in [("en", "Renewal under review"), ("ja", "更新審査中")] {
        let html = crate::support::get(&w.app, &page(lang)).await.text();
        assert!(
            html.contains("renewal-under-review") && html.contains(words),
            "{html}"
        );
        let list = crate::support::get(&w.app, &format!("/registry?lang={lang}&q={entry}"))
            .await
            .text();
        assert!(list.contains(words), "{list}");
    }
    let end = day(view["valid_until"].as_str().unwrap());
    let run = run_on(w, end.sub_months_clamped(1).unwrap()).await;
    assert!(
        !run.notifications
            .iter()
            .any(|n| n.kind == "renewal_due" && n.to == "csp"),
        "a renewal under review needs no reminder"
    );
}
