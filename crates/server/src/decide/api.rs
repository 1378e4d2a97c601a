//! `POST /api/v1/decide/KIND`: the decision rules, answering exactly as `shinrai decide KIND
//! --json` does for the same case. One route per kind, so that each is described with its own
//! case and answer schemas; an unknown kind matches no route and is a 404.

use axum::Json;
use axum::extract::{FromRequestParts, State};
use axum::http::header;
use axum::http::request::Parts;
use serde_json::Value;
use shinrai_domain::DecisionKind;
use shinrai_domain::text::Lang;

use crate::auth::caller::identify;
use crate::auth::client_ip::ClientIp;
use crate::auth::cookie;
use crate::error::ApiError;
use crate::extract::JsonText;
use crate::lang::RequestLang;
use crate::openapi::answers::{
    AvailabilityAnswer, CascadeAnswer, ClassificationAnswer, LifecycleAnswer, PrecheckAnswer,
    RegistrationAnswer, SampleAnswer, SelectionAnswer,
};
use crate::openapi::{AcceptLanguage, DecideErrors, LangParams};
use crate::state::AppState;

/// Parse, decide, render: nothing else happens here. On a blocking thread, because a large case
/// (or a sample of a million items) takes milliseconds of CPU that the async workers should
/// spend answering other requests.
async fn answer(
    kind: DecisionKind,
    state: &AppState,
    lang: Lang,
    text: String,
) -> Result<Json<Value>, ApiError> {
    let rule_data = state.rule_data.clone();
    let decided = state
        .cpu
        .run_decision(move || {
            shinrai_domain::decide(kind, &text, &rule_data).map(|answer| answer.to_json(lang))
        })
        .await?;
    Ok(Json(decided?))
}

/// Leave to decide, taken before the body is read. Every request draws on its address's
/// quota (no database needed); one over the quota is still allowed when it comes signed in (a
/// session or an API token). Those checks run a few at a time (see
/// [`crate::quota::AddressQuota::credential_check`]), so that a flood of decisions never holds
/// the database connections that signing in needs: signed-in callers are limited only as far
/// as that.
#[derive(Debug, Clone, Copy)]
pub struct Allowed;

impl FromRequestParts<AppState> for Allowed {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Allowed, ApiError> {
        let Ok(ClientIp(address)) = ClientIp::from_request_parts(parts, state).await;
        let Err(refused) = state.decide_quota.take(address) else {
            return Ok(Allowed);
        };
        let presents_credentials = parts.headers.contains_key(header::AUTHORIZATION)
            || cookie::session_from_headers(&parts.headers).is_some();
        if !presents_credentials {
            return Err(refused);
        }
        let Some(_turn) = state.decide_quota.credential_check() else {
            return Err(refused);
        };
        // A credential that does not work leaves the caller anonymous, as deciding needs no
        // sign-in.
        let signed_in = identify(parts, state)
            .await
            .is_ok_and(|caller| caller.principal.is_some());
        if signed_in { Ok(Allowed) } else { Err(refused) }
    }
}

macro_rules! decide_route {
    ($handler:ident, $kind:expr, $path:literal, $operation:literal, $case:literal, $answer:ty, $summary:literal) => {
        #[utoipa::path(
            post,
            path = $path,
            operation_id = $operation,
            tag = "decide",
            summary = $summary,
            description = "Applies the rule to the case in the body and stores nothing. A case that \
                is JSON but malformed is `invalid_case` (422) with the problem's `detail_code` and \
                JSON `pointer`; a body that is not JSON is `malformed_json` (400). Unknown fields are \
                ignored. Without sign-in, each client address may make a limited number of \
                requests per minute (`too_many_requests`, 429, with `Retry-After`); when too many \
                decisions are waiting, the answer is `busy` (503, with `Retry-After`). / \
                ケースに規則を当てはめて答えます。何も保存しません。",
            params(
                LangParams,
                AcceptLanguage,
            ),
            request_body(
                content = ref($case),
                content_type = "application/json",
                description = "The case file, as for `shinrai decide`.",
            ),
            responses(
                (status = 200, description = "The answer, as `shinrai decide --json` prints it.", body = $answer),
                DecideErrors,
            )
        )]
        pub async fn $handler(
            State(state): State<AppState>,
            RequestLang(lang): RequestLang,
            _: Allowed,
            JsonText(text): JsonText,
        ) -> Result<Json<Value>, ApiError> {
            answer($kind, &state, lang, text).await
        }
    };
}

decide_route!(
    classification,
    DecisionKind::Classification,
    "/api/v1/decide/classification",
    "decide_classification",
    "#/components/schemas/ClassificationCase",
    ClassificationAnswer,
    "Classify an information system / 情報システムの格付け"
);
decide_route!(
    registration,
    DecisionKind::Registration,
    "/api/v1/decide/registration",
    "decide_registration",
    "#/components/schemas/RegistrationCase",
    RegistrationAnswer,
    "Decide an application for registration / 登録申請の判定"
);
decide_route!(
    cascade,
    DecisionKind::Cascade,
    "/api/v1/decide/cascade",
    "decide_cascade",
    "#/components/schemas/CascadeCase",
    CascadeAnswer,
    "Which services fall when one leaves the registry / 登録抹消の波及"
);
decide_route!(
    sample,
    DecisionKind::Sample,
    "/api/v1/decide/sample",
    "decide_sample",
    "#/components/schemas/SampleCase",
    SampleAnswer,
    "Sample size and sampled items for a control test / 統制テストのサンプル"
);
decide_route!(
    availability,
    DecisionKind::Availability,
    "/api/v1/decide/availability",
    "decide_availability",
    "#/components/schemas/AvailabilityCase",
    AvailabilityAnswer,
    "Monthly availability and service credit / 月間稼働率とサービスクレジット"
);
decide_route!(
    precheck,
    DecisionKind::Precheck,
    "/api/v1/decide/precheck",
    "decide_precheck",
    "#/components/schemas/PrecheckCase",
    PrecheckAnswer,
    "Check a draft statement at every level before the audit / 言明書の事前チェック"
);
decide_route!(
    selection,
    DecisionKind::Selection,
    "/api/v1/decide/selection",
    "decide_selection",
    "#/components/schemas/SelectionCase",
    SelectionAnswer,
    "Decide an audit body's application to be selected / 監査機関の選定"
);
decide_route!(
    lifecycle,
    DecisionKind::Lifecycle,
    "/api/v1/decide/lifecycle",
    "decide_lifecycle",
    "#/components/schemas/LifecycleCase",
    LifecycleAnswer,
    "Where every registration stands on a day, with the cascade / 登録の推移と連鎖"
);
