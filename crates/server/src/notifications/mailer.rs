//! The mailer: messages waiting to go by e-mail are handed to the configured SMTP server, each
//! to the addresses its organisation keeps, and every attempt's outcome is recorded on the
//! message (a restricted event). It runs in `serve`, woken when messages are committed and
//! every minute besides (for messages written by another process, and for retries); with
//! several instances on one database one sweeps at a time, under the job lock `mail`.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Mailbox, Mailboxes};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::Moment;
use shinrai_domain::workflow::notification::{MailOutcome, Notification, record_mail};
use shinrai_store::documents::{Batch, Stored};
use shinrai_store::error::StoreResult;
use tokio::task::JoinHandle;

use crate::config::MailSettings;
use crate::state::AppState;

/// The name of the mailer's lock.
pub const JOB: &str = "mail";

/// How long a sweep waits when nothing wakes it.
const SWEEP_EVERY: Duration = Duration::from_secs(60);

/// How long one SMTP exchange may take.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

/// An SMTP connection's settings and the sender.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The transport holds the server's credentials.
        f.debug_struct("Mailer")
            .field("from", &self.from.to_string())
            .finish_non_exhaustive()
    }
}

/// Whether `url` is an SMTP URL the mailer can use; the reason never repeats the URL, which may
/// hold a password.
pub fn check_smtp_url(url: &str) -> Result<(), Bilingual> {
    AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
        .map(|_| ())
        .map_err(|error| {
            Bilingual::new(
                format!(
                    "SMTP の URL として読めません（smtp://host:25、smtps://host:465 など）: {error}"
                ),
                format!("not an SMTP URL (such as smtp://host:25 or smtps://host:465): {error}"),
            )
        })
}

impl Mailer {
    pub fn new(settings: &MailSettings) -> Result<Mailer, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(settings.smtp_url.expose())
            .map_err(|error| format!("smtp_url: {error}"))?
            .timeout(Some(SMTP_TIMEOUT))
            .build();
        let from = settings
            .from
            .parse::<Mailbox>()
            .map_err(|error| format!("mail_from: {error}"))?;
        Ok(Mailer { transport, from })
    }

    /// Sends one message to `addresses`; the error's text is what the server said.
    async fn send(
        &self,
        notification: &Notification,
        addresses: &[String],
        base_url: &str,
    ) -> Result<(), String> {
        let mut to = Mailboxes::new();
        for address in addresses {
            to.push(address.parse::<Mailbox>().map_err(|e| e.to_string())?);
        }
        let message = Message::builder()
            .from(self.from.clone())
            .mailbox(lettre::message::header::To::from(to))
            .message_id(Some(format!("<{}@shinrai>", notification.id)))
            .subject(subject(notification))
            .header(ContentType::TEXT_PLAIN)
            .body(body(notification, base_url))
            .map_err(|error| error.to_string())?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|error| error.to_string())
    }
}

/// Both languages in one subject: the recipients' language is not known.
fn subject(notification: &Notification) -> String {
    format!(
        "[shinrai] {} / {}",
        notification.title.ja, notification.title.en
    )
}

/// Japanese then English, each with the link to read more.
fn body(notification: &Notification, base_url: &str) -> String {
    let link = format!("{base_url}{}", notification.link);
    let inbox = format!("{base_url}/inbox");
    format!(
        "{}\n\n{}\n\n詳細: {link}?lang=ja\n受信箱: {inbox}?lang=ja\n\n----\n\n{}\n\n{}\n\nDetails: {link}?lang=en\nInbox: {inbox}?lang=en\n\n({})\n",
        notification.title.ja,
        notification.body.ja,
        notification.title.en,
        notification.body.en,
        notification.id,
    )
}

/// Starts the mailer when SMTP is configured.
pub fn spawn(state: AppState) -> Option<JoinHandle<()>> {
    state.outbox.mailer.as_ref()?;
    Some(tokio::spawn(async move {
        loop {
            if let Err(error) = sweep(&state).await {
                tracing::error!(%error, "mail sweep failed");
            }
            let _ = tokio::time::timeout(SWEEP_EVERY, state.outbox.wake.notified()).await;
        }
    }))
}

/// Tries every waiting message once, unless another process is sweeping; answers how many
/// were tried.
pub async fn sweep(state: &AppState) -> StoreResult<usize> {
    let Some(mailer) = state.outbox.mailer.as_ref() else {
        return Ok(0);
    };
    let Some(lock) = state.store.try_job_lock(JOB).await? else {
        return Ok(0);
    };
    let tried = send_waiting(state, mailer).await;
    lock.release().await;
    tried
}

async fn send_waiting(state: &AppState, mailer: &Mailer) -> StoreResult<usize> {
    let waiting = state.store.mail_waiting().await?;
    for stored in &waiting {
        let outcome = attempt(state, mailer, &stored.value).await?;
        record(state, stored, outcome).await?;
    }
    Ok(waiting.len())
}

async fn attempt(
    state: &AppState,
    mailer: &Mailer,
    notification: &Notification,
) -> StoreResult<MailOutcome> {
    let addresses = state
        .store
        .mail_addresses(&notification.to)
        .await?
        .map(|stored| stored.value.addresses)
        .unwrap_or_default();
    if addresses.is_empty() {
        return Ok(MailOutcome::NoAddress);
    }
    Ok(
        match mailer
            .send(notification, &addresses, &state.settings.public_url)
            .await
        {
            Ok(()) => MailOutcome::Sent {
                addresses: addresses.len(),
            },
            Err(error) => {
                tracing::warn!(notification = %notification.id, %error, "mail not delivered");
                MailOutcome::Failed { error }
            }
        },
    )
}

/// Records the outcome; a message a member marked meanwhile keeps their mark (the revision
/// moved on), and its outcome is recorded on the next sweep only if it still waits.
async fn record(
    state: &AppState,
    stored: &Stored<Notification>,
    outcome: MailOutcome,
) -> StoreResult<()> {
    let at = Moment::at(state.wall.now_ms());
    let Some(change) = record_mail(&stored.value, outcome, at) else {
        return Ok(());
    };
    match state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await
    {
        Err(shinrai_store::error::StoreError::Conflict { .. }) => Ok(()),
        other => other,
    }
}
