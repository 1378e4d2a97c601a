//! An engagement's evidence as one ZIP with a manifest of hashes, streamed to the client: the
//! archive is written on a blocking thread into a bounded channel, so neither the files nor the
//! archive are ever held whole in memory.

use std::io::{self, Write};

use axum::body::{Body, Bytes};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use shinrai_domain::workflow::working_papers::{Evidence, EvidenceContent};
use shinrai_formats::evidence_archive::write_archive;
use tokio::sync::mpsc;

use super::actions::values;
use crate::audits::actions::visible;
use crate::state::AppState;
use crate::workflow::{Acting, Outcome};

/// Bytes gathered before they are handed to the response.
const CHUNK: usize = 256 * 1024;

/// Writes into the channel, a chunk at a time; a client that went away ends the writing.
struct ChannelWriter {
    sender: mpsc::Sender<io::Result<Bytes>>,
    buffer: Vec<u8>,
}

impl ChannelWriter {
    fn send(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(
            &mut self.buffer,
            Vec::with_capacity(CHUNK),
        ));
        self.sender
            .blocking_send(Ok(chunk))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the client went away"))
    }
}

impl Write for ChannelWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= CHUNK {
            self.send()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send()
    }
}

/// `GET /api/v1/audits/{id}/evidence/archive`.
pub async fn archive(state: &AppState, by: &Acting, id: &str) -> Outcome<Response> {
    visible(state, by, id).await?;
    let records: Vec<Evidence> = values(state.store.audit_evidence(id).await?);
    let (sender, mut receiver) = mpsc::channel::<io::Result<Bytes>>(8);
    let store = state.store.clone();
    let handle = tokio::runtime::Handle::current();
    let audit = id.to_owned();
    tokio::task::spawn_blocking(move || {
        let failure = sender.clone();
        let writer = ChannelWriter {
            sender,
            buffer: Vec::with_capacity(CHUNK),
        };
        let written = write_archive(writer, &audit, &records, |record| {
            let EvidenceContent::File { sha256, .. } = &record.content else {
                return Ok(None);
            };
            handle
                .block_on(store.blob_reader(sha256))
                .map_err(io::Error::other)
        })
        .and_then(|mut writer| writer.flush().map_err(Into::into));
        if let Err(error) = written {
            tracing::warn!(audit = %audit, %error, "the evidence archive stopped half-way");
            // The body ends with an error, so the client sees a broken download, not a short one.
            let _ = failure.blocking_send(Err(io::Error::other(error.to_string())));
        }
    });
    let stream = futures::stream::poll_fn(move |cx| receiver.poll_recv(cx));
    let file = format!("evidence-{id}.zip");
    Ok((
        [
            (header::CONTENT_TYPE, "application/zip".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
        ],
        Body::from_stream(stream),
    )
        .into_response())
}
