//! `/change-notices`: the operator's queue and a provider's own notices, filtered by state or
//! entry; `/change-notices/{id}`: one notice, with the operator's form to acknowledge it. The
//! pages are their readers' own.

use askama::Template;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Form, Path, Query, State};
use axum::response::Response;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::registry::ChangeWeight;
use shinrai_domain::text::Lang;
use shinrai_domain::workflow::change_notice::{
    AcknowledgeDecision, ChangeNotice, ChangeNoticeStatus,
};

use super::actions;
use crate::state::AppState;
use crate::web::change_notice_labels::ChangeNoticeLabels;
use crate::web::context::PageContext;
use crate::web::form::{
    Fields, PageForms, Posted, SentBack, acting, answer_post, bilingual, failure_page, in_lang,
    optional_date_field, path_segment, private, read_posted, to_sign_in,
};
use crate::web::page::Page;
use crate::web::record_filter::StateAndEntry;
use crate::web::render;
use crate::workflow::{Acting, Outcome};

/// The acknowledgement form's name on the page.
const FORM: &str = "acknowledge";

/// One notice as a row or a page shows it.
struct NoticeRow {
    id: String,
    href: String,
    entry: String,
    entry_href: String,
    category: String,
    weight: String,
    weight_code: &'static str,
    summary: String,
    controls: String,
    new_name: String,
    effective_on: String,
    due_on: String,
    filed_on: String,
    filed_by: String,
    late: bool,
    status: String,
    status_code: &'static str,
    acknowledged: Option<(String, String, String)>,
    /// (due day, application if any, overdue).
    new_audit: Option<(String, String, bool)>,
}

fn row(notice: &ChangeNotice, lang: Lang, today: CalendarDate) -> NoticeRow {
    NoticeRow {
        id: notice.id.clone(),
        href: in_lang(
            &format!("/change-notices/{}", path_segment(&notice.id)),
            lang,
        ),
        entry: notice.entry.clone(),
        entry_href: in_lang(&format!("/registry/{}", path_segment(&notice.entry)), lang),
        category: notice.category.title().get(lang).to_owned(),
        weight: notice.weight().title().get(lang).to_owned(),
        weight_code: notice.weight().code(),
        summary: notice.summary.get(lang).to_owned(),
        controls: notice.controls.join(", "),
        new_name: notice
            .new_name
            .as_ref()
            .map(|name| name.get(lang).to_owned())
            .unwrap_or_default(),
        effective_on: notice.effective_on.to_string(),
        due_on: notice.due_on.to_string(),
        filed_on: notice.filed_on.to_string(),
        filed_by: notice.filed_by.clone(),
        late: notice.late,
        status: notice.status.title().get(lang).to_owned(),
        status_code: notice.status.code(),
        acknowledged: notice.acknowledgement.as_ref().map(|ack| {
            (
                ack.on.to_string(),
                ack.by.clone(),
                ack.note.get(lang).to_owned(),
            )
        }),
        new_audit: notice.new_audit.as_ref().map(|audit| {
            (
                audit.due_on.to_string(),
                audit.application.clone().unwrap_or_default(),
                notice.new_audit_overdue(today),
            )
        }),
    }
}

#[derive(Template)]
#[template(path = "change_notices.html")]
struct ListPage {
    page: Page,
    c: ChangeNoticeLabels,
    intro: &'static str,
    rows: Vec<NoticeRow>,
    states: Vec<(&'static str, String)>,
    chosen: String,
    entry: String,
}

/// `GET /change-notices`.
pub async fn list(
    State(state): State<AppState>,
    ctx: PageContext,
    query: Result<Query<StateAndEntry>, QueryRejection>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    let query = StateAndEntry::of_page(query);
    let status = query.state_on_page(ChangeNoticeStatus::from_code);
    let entry_filter = query.entry();
    let notices = match actions::list(&state, &by, status, entry_filter).await {
        Ok(notices) => notices,
        Err(failure) => return failure_page(&ctx, failure),
    };
    let c = ChangeNoticeLabels::of(ctx.lang);
    let today = by.at.date();
    let view = ListPage {
        page: ctx.page(c.list_title),
        intro: if by.member.is_operator_staff() {
            c.list_intro_operator
        } else {
            c.list_intro_provider
        },
        rows: notices.iter().map(|n| row(n, ctx.lang, today)).collect(),
        states: ChangeNoticeStatus::ALL
            .into_iter()
            .map(|s| (s.code(), s.title().get(ctx.lang).to_owned()))
            .collect(),
        chosen: status.map(|s| s.code().to_owned()).unwrap_or_default(),
        entry: entry_filter.unwrap_or_default().to_owned(),
        c,
    };
    private(render(&view, axum::http::StatusCode::OK))
}

#[derive(Template)]
#[template(path = "change_notice.html")]
struct NoticePage {
    page: Page,
    c: ChangeNoticeLabels,
    notice: NoticeRow,
    /// The operator's form, while the notice waits for it.
    form: Option<AcknowledgeForm>,
}

struct AcknowledgeForm {
    action: String,
    csrf_token: String,
    problems: Vec<String>,
    significant: bool,
    note_ja: String,
    note_en: String,
    audit_due_on: String,
}

async fn render_notice(
    state: &AppState,
    ctx: &PageContext,
    by: &Acting,
    id: &str,
    forms: PageForms,
) -> Response {
    let notice = match actions::visible(state, by, id).await {
        Ok(stored) => stored.value,
        Err(failure) => return failure_page(ctx, failure),
    };
    let c = ChangeNoticeLabels::of(ctx.lang);
    let form =
        (by.member.is_operator_staff() && notice.status == ChangeNoticeStatus::Filed).then(|| {
            AcknowledgeForm {
                action: in_lang(
                    &format!("/change-notices/{}/acknowledge", path_segment(&notice.id)),
                    ctx.lang,
                ),
                csrf_token: ctx.csrf_token(),
                problems: forms.problems(FORM),
                significant: notice.weight() == ChangeWeight::Significant,
                note_ja: forms.posted_or(FORM, "note_ja", ""),
                note_en: forms.posted_or(FORM, "note_en", ""),
                audit_due_on: forms.posted_or(FORM, "audit_due_on", ""),
            }
        });
    let view = NoticePage {
        page: ctx.page(format!("{} {}", c.list_title, notice.id)),
        notice: row(&notice, ctx.lang, by.at.date()),
        form,
        c,
    };
    private(render(&view, forms.status()))
}

/// `GET /change-notices/{id}`.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    render_notice(&state, &ctx, &by, &id, PageForms::default()).await
}

/// The operator's decision the form describes.
fn decision(fields: &Fields) -> Outcome<AcknowledgeDecision> {
    Ok(AcknowledgeDecision {
        note: bilingual(fields, "note"),
        audit_due_on: optional_date_field(fields, "audit_due_on")?,
    })
}

/// `POST /change-notices/{id}/acknowledge`.
pub async fn acknowledge(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    posted: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let (by, fields) = match read_posted(&ctx, &state, posted) {
        Posted::Read(by, fields) => (by, fields),
        Posted::Page(response) => return response,
    };
    let outcome = match decision(&fields) {
        Ok(decision) => actions::acknowledge(&state, &by, &id, decision).await,
        Err(failure) => Err(failure),
    };
    let done = |_| in_lang(&format!("/change-notices/{}", path_segment(&id)), ctx.lang);
    answer_post(&ctx, outcome, done, FORM, fields, |sent_back: SentBack| {
        render_notice(&state, &ctx, &by, &id, PageForms::with(Some(sent_back)))
    })
    .await
}
