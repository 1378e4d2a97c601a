//! What every page handler starts from: the reader's language, the address asked for, and who is
//! reading (the public, or a signed-in user whose name and sign-out form the header shows).

use axum::extract::FromRequestParts;
use axum::http::Uri;
use axum::http::request::Parts;
use shinrai_domain::text::Lang;

use super::Labels;
use super::page::{Page, Viewer};
use crate::auth::caller::{Caller, Via, identify};
use crate::lang::negotiate;
use crate::state::AppState;

#[derive(Debug)]
pub struct PageContext {
    pub lang: Lang,
    pub uri: Uri,
    pub caller: Caller,
    viewer: Option<Viewer>,
}

impl PageContext {
    /// The signed-in reader's form token, which every form of theirs sends back; empty for the
    /// public.
    pub fn csrf_token(&self) -> String {
        self.viewer
            .as_ref()
            .map(|viewer| viewer.csrf_token.clone())
            .unwrap_or_default()
    }

    /// A page titled `title` for this reader.
    pub fn page(&self, title: impl Into<String>) -> Page {
        let mut page = Page::new(self.lang, &self.uri, title);
        page.viewer = self.viewer.clone();
        page
    }

    pub fn labels(&self) -> Labels {
        Labels::of(self.lang)
    }
}

impl FromRequestParts<AppState> for PageContext {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<PageContext, Self::Rejection> {
        let lang = negotiate(parts.uri.query(), &parts.headers);
        // Browsers send no bearer token; a page asked for with a broken one is shown as to the
        // public, while the API refuses it.
        let caller = identify(parts, state)
            .await
            .unwrap_or_else(|_| Caller::public());
        let viewer = match (&caller.principal, &caller.via) {
            (Some(principal), Via::Session { csrf_token, .. }) => {
                let organisation = state
                    .store
                    .organisation(&principal.user.org_id)
                    .await
                    .ok()
                    .flatten()
                    .map(|org| org.name.get(lang).to_owned())
                    .unwrap_or_else(|| principal.user.org_id.clone());
                // A count the store cannot give is shown as none rather than failing the page.
                let unread = state
                    .store
                    .unread_count(&principal.user.org_id)
                    .await
                    .unwrap_or(0);
                Some(Viewer {
                    unread,
                    login: principal.user.login.clone(),
                    organisation,
                    csrf_token: csrf_token.clone(),
                })
            }
            _ => None,
        };
        Ok(PageContext {
            lang,
            uri: parts.uri.clone(),
            caller,
            viewer,
        })
    }
}
