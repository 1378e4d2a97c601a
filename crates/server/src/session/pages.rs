//! Signing in and out with plain forms, and the start page a signed-in user lands on.
//!
//! The sign-in form is guarded against forgery before any session exists: the page sets a
//! random token in a cookie only `/login` receives and repeats it in the form; a post whose two
//! copies differ is refused. The sign-out form carries the session's own token.

use std::net::IpAddr;

use askama::Template;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use shinrai_domain::text::Bilingual;

use super::next_path;
use crate::auth::client_ip::ClientIp;
use crate::auth::{cookie, csrf, secret, sign_in};
use crate::error::ApiError;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::page::Page;
use crate::web::render;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    page: Page,
    action: String,
    next: String,
    token: String,
    login: String,
    problem: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginQuery {
    next: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    login: String,
    password: String,
    next: String,
    csrf_token: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LogoutForm {
    csrf_token: String,
}

/// Where to go after signing in: without a target, the start page; otherwise the target if it
/// is a path of this site, else the home page (see [`next_path`]).
fn local_target(next: &str, lang: &str) -> String {
    if next.is_empty() {
        format!("/start?lang={lang}")
    } else {
        next_path::after_sign_in(next)
    }
}

/// The sign-in form, with a fresh anti-forgery token in a cookie and in the form.
fn login_form(
    ctx: &PageContext,
    state: &AppState,
    next: &str,
    login: &str,
    problem: Option<(StatusCode, Bilingual)>,
) -> Response {
    let page = ctx.page(ctx.labels().sign_in_title);
    let token = secret::new_secret().value;
    let (status, problem) = match problem {
        Some((status, message)) => (status, Some(message.get(ctx.lang).to_owned())),
        None => (StatusCode::OK, None),
    };
    let mut response = render(
        &LoginPage {
            action: format!("/login?lang={}", page.lang),
            // The form carries only a target that will be followed.
            next: if next.is_empty() {
                String::new()
            } else {
                next_path::after_sign_in(next)
            },
            token: token.clone(),
            login: login.to_owned(),
            problem,
            page,
        },
        status,
    );
    if let Ok(value) = cookie::sign_in_form_cookie(&token, state.settings.secure_cookies) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    no_store(&mut response);
    response
}

fn no_store(response: &mut Response) {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}

pub async fn login_page(
    State(state): State<AppState>,
    ctx: PageContext,
    query: Result<axum::extract::Query<LoginQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let next = query.map(|q| q.0.next).unwrap_or_default();
    if ctx.caller.principal.is_some() {
        return Redirect::to(&local_target(&next, ctx.lang.code())).into_response();
    }
    login_form(&ctx, &state, &next, "", None)
}

pub async fn login(
    State(state): State<AppState>,
    ctx: PageContext,
    ClientIp(address): ClientIp,
    headers: HeaderMap,
    form: Result<Form<LoginForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        let error = ApiError::BadRequest(Bilingual::new(
            "ログインの入力を読み取れません",
            "the sign-in form could not be read",
        ));
        return login_form(
            &ctx,
            &state,
            "",
            "",
            Some((error.status(), error.message())),
        );
    };
    let expected = cookie::cookie_from_headers(&headers, cookie::SIGN_IN_FORM_COOKIE).unwrap_or("");
    if csrf::verify(expected, Some(&form.csrf_token)).is_err() {
        let error = ApiError::CsrfFailed;
        return login_form(
            &ctx,
            &state,
            &form.next,
            &form.login,
            Some((error.status(), error.message())),
        );
    }
    match signed_in(&state, &form, address, ctx.lang.code()).await {
        Ok(response) => response,
        Err(error) => {
            let mut response = login_form(
                &ctx,
                &state,
                &form.next,
                &form.login,
                Some((error.status(), error.message())),
            );
            if let ApiError::TooManyRequests { .. } = error
                && let Some(wait) = error
                    .clone()
                    .into_response()
                    .headers()
                    .get(header::RETRY_AFTER)
            {
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, wait.clone());
            }
            response
        }
    }
}

async fn signed_in(
    state: &AppState,
    form: &LoginForm,
    address: IpAddr,
    lang: &str,
) -> Result<Response, ApiError> {
    // The target is settled before the session is written: nothing about it can fail later.
    let target = local_target(&form.next, lang);
    let session = sign_in::sign_in(state, &form.login, &form.password, address).await?;
    let mut response = Redirect::to(&target).into_response();
    let headers = response.headers_mut();
    headers.append(header::SET_COOKIE, session.cookie);
    headers.append(
        header::SET_COOKIE,
        cookie::clear_sign_in_form_cookie(state.settings.secure_cookies),
    );
    Ok(response)
}

pub async fn logout(
    State(state): State<AppState>,
    ctx: PageContext,
    form: Result<Form<LogoutForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let token = form.map(|Form(f)| f.csrf_token).unwrap_or_default();
    let outcome = async {
        ctx.caller.check_csrf(Some(&token))?;
        sign_in::sign_out(&state, &ctx.caller).await
    }
    .await;
    match outcome {
        Ok(cleared) => {
            let mut response = Redirect::to(&format!("/?lang={}", ctx.lang.code())).into_response();
            response.headers_mut().append(header::SET_COOKIE, cleared);
            response
        }
        // Signing out when already signed out is no error worth a page: go home.
        Err(ApiError::SignInRequired) => {
            Redirect::to(&format!("/?lang={}", ctx.lang.code())).into_response()
        }
        Err(error) => crate::web::error_page(ctx.lang, &ctx.uri, &error),
    }
}

#[cfg(test)]
mod tests {
    use super::local_target;

    #[test]
    fn only_local_paths_are_followed_after_signing_in() {
        assert_eq!(local_target("/registry?level=2", "ja"), "/registry?level=2");
        assert_eq!(local_target("", "en"), "/start?lang=en");
        for outside in [
            "//evil.example/x",
            "https://evil.example",
            "\\\\evil",
            "/\\evil",
            "/\t/evil.example/",
        ] {
            assert_eq!(local_target(outside, "en"), "/", "{outside}");
        }
    }
}
