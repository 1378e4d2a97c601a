//! The certificates' pages: `/services/{id}/certificates/new` (the provider's form to declare
//! one), `/certificates/{id}` (one certificate with where it stands today and, for ISO/IEC 27017,
//! its statement of applicability — an editor for its provider, from the template), and the
//! forms' targets: declaring, saving the statement of applicability, withdrawing.

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::response::Response;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::text::{Bilingual, Lang};
use shinrai_domain::workflow::certification::{
    ApplicabilityLine, Certificate, CertificateDetails, CertificateKind, CloudRole, Standing,
    blank_applicability, soa_template,
};
use shinrai_domain::workflow::service::acts_for_provider;
use shinrai_domain::workflow::statement::DocumentReference;

use super::actions;
use crate::error::ApiError;
use crate::state::AppState;
use crate::web::certificate_labels::CertificateLabels;
use crate::web::context::PageContext;
use crate::web::form::{
    Fields, PageForms, Posted, SentBack, acting, answer_post, bilingual, date_field, failure_page,
    in_lang, path_segment, private, read_posted, to_sign_in,
};
use crate::web::page::Page;
use crate::web::render;
use crate::workflow::{Acting, Failure, Outcome};

const DECLARE_FORM: &str = "declare";
const SOA_FORM: &str = "soa";
const WITHDRAW_FORM: &str = "withdraw";

fn certificate_href(id: &str, lang: Lang) -> String {
    in_lang(&format!("/certificates/{}", path_segment(id)), lang)
}

/// A certificate as the lists show it.
#[derive(Debug)]
pub struct CertificateRow {
    pub href: String,
    pub kind: String,
    pub issuer: String,
    pub number: String,
    pub period: String,
    pub standing: String,
    /// `valid`, `not_yet_valid`, `lapsed`, `withdrawn`: lapsed and withdrawn ones are marked.
    pub standing_code: &'static str,
}

pub fn certificate_row(
    certificate: &Certificate,
    today: CalendarDate,
    lang: Lang,
) -> CertificateRow {
    let details = &certificate.details;
    let standing = certificate.standing(today);
    CertificateRow {
        href: certificate_href(&certificate.id, lang),
        kind: kind_name(details, lang),
        issuer: details.issuer.get(lang).to_owned(),
        number: details.number.clone(),
        period: format!("{} – {}", details.valid_from, details.valid_until),
        standing: standing.title().get(lang).to_owned(),
        standing_code: standing.code(),
    }
}

/// The kind's title, and for `other` the scheme its note names.
fn kind_name(details: &CertificateDetails, lang: Lang) -> String {
    let title = details.kind.title().get(lang).to_owned();
    if details.kind == CertificateKind::Other && !details.note.get(lang).is_empty() {
        format!("{title}: {}", details.note.get(lang))
    } else {
        title
    }
}

#[derive(Template)]
#[template(path = "certificate_form.html")]
struct DeclarePage {
    page: Page,
    t: CertificateLabels,
    action: String,
    back: String,
    csrf_token: String,
    problems: Vec<String>,
    kinds: Vec<(&'static str, String, bool)>,
    values: Vec<(&'static str, String)>,
}

impl DeclarePage {
    fn value(&self, name: &str) -> &str {
        self.values
            .iter()
            .find(|(field, _)| *field == name)
            .map_or("", |(_, value)| value.as_str())
    }
}

const DECLARE_FIELDS: [&str; 12] = [
    "issuer_ja",
    "issuer_en",
    "scope_ja",
    "scope_en",
    "number",
    "valid_from",
    "valid_until",
    "document_title_ja",
    "document_title_en",
    "document_location",
    "note_ja",
    "note_en",
];

async fn render_declare(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    service: &str,
    forms: PageForms,
) -> Response {
    let service = match crate::services::actions::visible(state, by, service).await {
        Ok(stored) => stored.value,
        Err(failure) => return failure_page(ctx, failure),
    };
    if !acts_for_provider(&by.member, &service.provider) {
        return failure_page(ctx, Failure::not_found(actions::CERTIFICATE, "new"));
    }
    let lang = ctx.lang;
    let t = CertificateLabels::of(lang);
    let chosen = forms.posted_or(DECLARE_FORM, "kind", "iso27001");
    let view = DeclarePage {
        page: ctx.page(format!(
            "{} — {}",
            t.declare,
            service.details.name.get(lang)
        )),
        action: in_lang(
            &format!("/services/{}/certificates", path_segment(&service.id)),
            lang,
        ),
        back: in_lang(&format!("/services/{}", path_segment(&service.id)), lang),
        csrf_token: ctx.csrf_token(),
        problems: forms.problems(DECLARE_FORM),
        kinds: CertificateKind::ALL
            .iter()
            .map(|kind| {
                (
                    kind.code(),
                    kind.title().get(lang).to_owned(),
                    kind.code() == chosen,
                )
            })
            .collect(),
        values: DECLARE_FIELDS
            .iter()
            .map(|name| (*name, forms.posted_or(DECLARE_FORM, name, "")))
            .collect(),
        t,
    };
    private(render(&view, forms.status()))
}

/// `GET /services/{id}/certificates/new`.
pub async fn new_form(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(service): Path<String>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    render_declare(&state, &ctx, &by, &service, PageForms::default()).await
}

/// What the declaring form says. A statement of applicability starts from the template for a
/// 27017 certificate (the editor on its page fills it in).
fn declared(fields: &Fields) -> Outcome<CertificateDetails> {
    let kind = CertificateKind::from_code(fields.get("kind")).ok_or_else(|| {
        Failure::from(shinrai_domain::workflow::Refusal::invalid(
            "/kind",
            "invalid_kind",
            Bilingual::new(
                "認証の種類を選んでください",
                "choose the kind of certification",
            ),
        ))
    })?;
    let location = fields.get("document_location").trim();
    let applicability = if kind.has_applicability() {
        blank_applicability()
            .map_err(|error| Failure::Service(ApiError::internal(error.to_string())))?
    } else {
        Vec::new()
    };
    Ok(CertificateDetails {
        kind,
        issuer: bilingual(fields, "issuer"),
        scope: bilingual(fields, "scope"),
        number: fields.get("number").trim().to_owned(),
        valid_from: date_field(fields, "valid_from")?,
        valid_until: date_field(fields, "valid_until")?,
        document: (!location.is_empty()).then(|| DocumentReference {
            title: bilingual(fields, "document_title"),
            location: location.to_owned(),
        }),
        note: bilingual(fields, "note"),
        applicability,
    })
}

/// `POST /services/{id}/certificates`.
pub async fn declare(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(service): Path<String>,
    posted: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = match declared(&fields) {
        Ok(details) => actions::declare(&state, &by, &service, None, details).await,
        Err(failure) => Err(failure),
    };
    let done = |certificate: Certificate| certificate_href(&certificate.id, ctx.lang);
    answer_post(
        &ctx,
        outcome,
        done,
        DECLARE_FORM,
        fields,
        |sent_back: SentBack| {
            render_declare(
                &state,
                &ctx,
                &by,
                &service,
                PageForms::with(Some(sent_back)),
            )
        },
    )
    .await
}

/// One control of the statement of applicability, as its page or editor shows it.
struct SoaRow {
    control: String,
    title: String,
    role: String,
    role_code: &'static str,
    adopted_27001: Option<bool>,
    adopted: bool,
    reason: String,
    reason_ja: String,
    reason_en: String,
}

#[derive(Template)]
#[template(path = "certificate.html")]
struct CertificatePage {
    page: Page,
    t: CertificateLabels,
    row: CertificateRow,
    scope: String,
    note: String,
    document: Option<(String, String)>,
    withdrawn_on: Option<String>,
    service_href: String,
    soa: Vec<SoaRow>,
    roles: Vec<(&'static str, String)>,
    /// The provider's forms, while the certificate is not withdrawn.
    soa_action: Option<String>,
    withdraw_action: Option<String>,
    problems: Vec<String>,
    csrf_token: String,
}

async fn render_certificate(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    id: &str,
    forms: PageForms,
) -> Response {
    let certificate = match actions::visible(state, by, id).await {
        Ok(stored) => stored.value,
        Err(failure) => return failure_page(ctx, failure),
    };
    let template = match soa_template() {
        Ok(template) => template,
        Err(error) => {
            return crate::web::error_page(
                ctx.lang,
                &ctx.uri,
                &ApiError::internal(error.to_string()),
            );
        }
    };
    let lang = ctx.lang;
    let t = CertificateLabels::of(lang);
    let details = &certificate.details;
    let open = certificate.standing(by.at.date()) != Standing::Withdrawn;
    let own = open && acts_for_provider(&by.member, &certificate.provider);
    let title_of = |control: &str| {
        template
            .iter()
            .find(|one| one.id == control)
            .map(|one| one.title.get(lang).to_owned())
            .unwrap_or_default()
    };
    let soa = details
        .applicability
        .iter()
        .map(|line| SoaRow {
            title: title_of(&line.control),
            role: line.role.title().get(lang).to_owned(),
            role_code: line.role.code(),
            adopted_27001: line.adopted_27001,
            adopted: line.adopted,
            reason: line.reason.get(lang).to_owned(),
            reason_ja: line.reason.ja.clone(),
            reason_en: line.reason.en.clone(),
            control: line.control.clone(),
        })
        .collect();
    let action = |tail: &str| {
        own.then(|| in_lang(&format!("/certificates/{}/{tail}", path_segment(id)), lang))
    };
    let view = CertificatePage {
        page: ctx.page(format!("{} — {}", t.title, kind_name(details, lang))),
        row: certificate_row(&certificate, by.at.date(), lang),
        scope: details.scope.get(lang).to_owned(),
        note: details.note.get(lang).to_owned(),
        document: details.document.as_ref().map(|document| {
            (
                document.title.get(lang).to_owned(),
                document.location.clone(),
            )
        }),
        withdrawn_on: certificate.withdrawn.as_ref().map(|w| w.on.to_string()),
        service_href: in_lang(
            &format!("/services/{}", path_segment(&certificate.service)),
            lang,
        ),
        soa,
        roles: CloudRole::ALL
            .iter()
            .map(|role| (role.code(), role.title().get(lang).to_owned()))
            .collect(),
        soa_action: action("applicability").filter(|_| details.kind.has_applicability()),
        withdraw_action: action("withdraw"),
        problems: [SOA_FORM, WITHDRAW_FORM]
            .iter()
            .flat_map(|form| forms.problems(form))
            .collect(),
        csrf_token: ctx.csrf_token(),
        t,
    };
    private(render(&view, forms.status()))
}

/// `GET /certificates/{id}`.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    render_certificate(&state, &ctx, &by, &id, PageForms::default()).await
}

/// The statement of applicability the editor sends: one line per control of the certificate,
/// in its order (`role-N`, `base-N` for 27001 unless cloud-only, `adopted-N`, `reason-N_ja|en`).
fn posted_applicability(fields: &Fields, kept: &[ApplicabilityLine]) -> Vec<ApplicabilityLine> {
    kept.iter()
        .enumerate()
        .map(|(n, line)| ApplicabilityLine {
            control: line.control.clone(),
            role: CloudRole::from_code(fields.get(&format!("role-{n}"))).unwrap_or(line.role),
            adopted_27001: line
                .adopted_27001
                .map(|_| fields.get(&format!("base-{n}")) == "yes"),
            adopted: fields.get(&format!("adopted-{n}")) == "yes",
            reason: bilingual(fields, &format!("reason-{n}")),
        })
        .collect()
}

/// `POST /certificates/{id}/applicability`: the statement of applicability saved whole.
pub async fn save_applicability(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    posted: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = match actions::visible(&state, &by, &id).await {
        Ok(stored) => {
            let mut details = stored.value.details.clone();
            details.applicability = posted_applicability(&fields, &details.applicability);
            actions::revise(&state, &by, &id, details).await
        }
        Err(failure) => Err(failure),
    };
    let done =
        |certificate: Certificate| format!("{}#soa", certificate_href(&certificate.id, ctx.lang));
    answer_post(
        &ctx,
        outcome,
        done,
        SOA_FORM,
        fields,
        |sent_back: SentBack| {
            render_certificate(&state, &ctx, &by, &id, PageForms::with(Some(sent_back)))
        },
    )
    .await
}

/// `POST /certificates/{id}/withdraw`.
pub async fn withdraw(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    posted: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = actions::withdraw(&state, &by, &id).await;
    let done = |certificate: Certificate| certificate_href(&certificate.id, ctx.lang);
    answer_post(
        &ctx,
        outcome,
        done,
        WITHDRAW_FORM,
        fields,
        |sent_back: SentBack| {
            render_certificate(&state, &ctx, &by, &id, PageForms::with(Some(sent_back)))
        },
    )
    .await
}
