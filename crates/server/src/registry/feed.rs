//! The Atom feed of registry changes (RFC 4287): status changes and public notices, newest
//! first, each linking to its place on the entry's page. Feed readers poll it, so it is cheap to
//! answer and its entry ids never change.

use askama::Template;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use shinrai_domain::registry::{ChangeKind, EntryStatus, changes};

use crate::state::AppState;
use crate::web::context::PageContext;

/// Enough for a reader that polls daily; the registry page has the rest.
const FEED_LENGTH: usize = 100;

pub struct FeedEntry {
    pub id: String,
    pub title: String,
    pub link: String,
    pub updated: String,
    pub category: &'static str,
    pub summary: String,
}

#[derive(Template)]
#[template(path = "feed.xml")]
struct Feed {
    lang: &'static str,
    title: String,
    base: String,
    self_link: String,
    updated: String,
    author: String,
    entries: Vec<FeedEntry>,
}

fn timestamp(date: shinrai_domain::date::CalendarDate) -> String {
    format!("{date}T00:00:00Z")
}

pub async fn feed(State(state): State<AppState>, ctx: PageContext) -> Response {
    let registry = match state.registry.get(&state.store).await {
        Ok(registry) => registry,
        Err(error) => return crate::web::error_page(ctx.lang, &ctx.uri, &error),
    };
    let lang = ctx.lang;
    let l = ctx.labels();
    // The configured public address, never the request's `Host`: anyone can forge that, and
    // this answer is kept by caches for five minutes.
    let base = state.settings.public_url.clone();
    let all = changes(&registry.entries);
    let updated = all
        .first()
        .map(|c| timestamp(c.on))
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_owned());
    let entries = all
        .iter()
        .take(FEED_LENGTH)
        .map(|change| {
            let entry_url = format!("{base}/registry/{}", change.entry.id);
            let (category, kind) = match change.kind {
                ChangeKind::Status(status) => (status.code(), status.title()),
                ChangeKind::Notice(notice) => (notice.code(), notice.title()),
                ChangeKind::Reported(weight) => (weight.code(), weight.title()),
            };
            // Every item of an entry suspended now says so first, however old the item.
            let suspended = if change.entry.status == EntryStatus::Suspended {
                format!("{} ", l.suspended_now)
            } else {
                String::new()
            };
            FeedEntry {
                id: format!("{entry_url}#{}", change.anchor),
                title: format!(
                    "{suspended}{} [{}] {}",
                    change.entry.service_name.get(lang),
                    kind.get(lang),
                    if matches!(change.kind, ChangeKind::Notice(_) | ChangeKind::Reported(_)) {
                        change.title.get(lang)
                    } else {
                        ""
                    }
                )
                .trim_end()
                .to_owned(),
                link: format!("{entry_url}?lang={}#{}", lang.code(), change.anchor),
                updated: timestamp(change.on),
                category,
                summary: change.text.get(lang).to_owned(),
            }
        })
        .collect();
    let feed = Feed {
        lang: lang.code(),
        title: l.feed_title.to_owned(),
        self_link: format!("{base}/registry/feed.atom?lang={}", lang.code()),
        base,
        updated,
        author: l.site_long.to_owned(),
        entries,
    };
    match feed.render() {
        Ok(xml) => (
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
                (header::CACHE_CONTROL, "public, max-age=300"),
            ],
            xml,
        )
            .into_response(),
        Err(error) => crate::error::ApiError::internal(error).into_response(),
    }
}
