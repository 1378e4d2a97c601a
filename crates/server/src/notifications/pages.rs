//! `/inbox`: the notifications of the reader's organisation, each marked read or unread from
//! the list, and the addresses they go to by e-mail. The page is the organisation's own.

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::response::Response;
use shinrai_domain::text::Lang;
use shinrai_domain::workflow::Moment;
use shinrai_domain::workflow::notification::{MailState, Notification};

use super::actions;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::field_values::{Reading, yes_or_no};
use crate::web::form::{
    PageForms, Posted, SentBack, acting, answer_post, failure_page, in_lang, lines, path_segment,
    private, read_posted, to_sign_in,
};
use crate::web::inbox_labels::InboxLabels;
use crate::web::page::Page;
use crate::web::render;
use crate::workflow::Acting;

struct InboxRow {
    anchor: String,
    read: bool,
    sent_at: String,
    kind_code: &'static str,
    kind: String,
    title: String,
    body: String,
    link: String,
    mail_code: &'static str,
    mail: String,
    mark_action: String,
}

#[derive(Template)]
#[template(path = "inbox.html")]
struct InboxPage {
    page: Page,
    i: InboxLabels,
    rows: Vec<InboxRow>,
    addresses: String,
    mail_on: bool,
    csrf_token: String,
    forms: PageForms,
}

/// The minute a message was sent, in Japan.
fn sent_at(at_ms: i64) -> String {
    let at = Moment::at(at_ms);
    let minutes = at.minute_of_day();
    format!("{} {:02}:{:02}", at.date(), minutes / 60, minutes % 60)
}

fn mail_text(state: &MailState, i: &InboxLabels) -> String {
    match state {
        MailState::Off => "—".to_owned(),
        MailState::Pending { .. } => i.mail_pending.to_owned(),
        MailState::Sent { .. } => i.mail_sent.to_owned(),
        MailState::NoAddress => i.mail_no_address.to_owned(),
        MailState::Failed { .. } => i.mail_failed.to_owned(),
        MailState::ReadFirst => i.mail_read_first.to_owned(),
    }
}

fn row(n: &Notification, i: &InboxLabels, lang: Lang) -> InboxRow {
    InboxRow {
        anchor: format!("n-{}", path_segment(&n.id)),
        read: n.is_read(),
        sent_at: sent_at(n.sent_at_ms),
        kind_code: n.kind.code(),
        kind: n.kind.label().get(lang).to_owned(),
        title: n.title.get(lang).to_owned(),
        body: n.body.get(lang).to_owned(),
        link: in_lang(&n.link, lang),
        mail_code: n.mail.code(),
        mail: mail_text(&n.mail, i),
        mark_action: in_lang(&format!("/inbox/{}/read", path_segment(&n.id)), lang),
    }
}

async fn render_inbox(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    refused: Option<SentBack>,
) -> Response {
    let (messages, addresses) =
        match tokio::try_join!(actions::inbox(state, by), actions::addresses(state, by)) {
            Ok(both) => both,
            Err(failure) => return failure_page(ctx, failure),
        };
    let i = InboxLabels::of(ctx.lang);
    let page = ctx.page(i.title);
    let view = InboxPage {
        csrf_token: ctx.csrf_token(),
        rows: messages.iter().map(|n| row(n, &i, ctx.lang)).collect(),
        addresses: addresses.join("\n"),
        mail_on: state.outbox.mails(),
        forms: PageForms::with(refused),
        page,
        i,
    };
    private(render(&view, view.forms.status()))
}

/// `GET /inbox`.
pub async fn show(State(state): State<AppState>, ctx: PageContext) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    render_inbox(&state, &ctx, &by, None).await
}

/// `POST /inbox/{id}/read`: `read` is `yes` or `no`.
pub async fn mark(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, form) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let mut reading = Reading::default();
    let read = reading.take(yes_or_no(
        &fields,
        "read",
        shinrai_domain::text::Bilingual::new(
            "既読か未読かを選んでください",
            "choose read or unread",
        ),
    ));
    let outcome = match (reading.problems(), read) {
        (Ok(()), Some(read)) => actions::mark(&state, &by, &id, read).await,
        (Err(failure), _) => Err(failure),
        (Ok(()), None) => unreachable!("a value is read when no problem was kept"),
    };
    let done =
        |n: Notification| format!("{}#n-{}", in_lang("/inbox", ctx.lang), path_segment(&n.id));
    answer_post(&ctx, outcome, done, "mark", fields, |sent_back| {
        render_inbox(&state, &ctx, &by, Some(sent_back))
    })
    .await
}

/// `POST /inbox/addresses`: one address per line.
pub async fn set_addresses(
    State(state): State<AppState>,
    ctx: PageContext,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, form) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = actions::set_addresses(&state, &by, lines(fields.get("addresses"))).await;
    let done = |_| format!("{}#addresses", in_lang("/inbox", ctx.lang));
    answer_post(&ctx, outcome, done, "addresses", fields, |sent_back| {
        render_inbox(&state, &ctx, &by, Some(sent_back))
    })
    .await
}
