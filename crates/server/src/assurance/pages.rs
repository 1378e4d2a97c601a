//! The public pages of the expectation gap: `/assurance` (the chart of every scheme with its
//! zones and the table behind it) and `/assurance/{id}` (one scheme: what it assures and what it
//! does not, drawn apart on the chart). An administrator of the operator also finds the editor's
//! controls there (see [`super::editor`]).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use shinrai_domain::assurance::{AssuranceScheme, CriteriaArea, Zone, chart_svg, zone};
use shinrai_domain::policy::Actor;
use shinrai_domain::text::Lang;

use super::actions::{self, InUse, SCHEME};
use super::editor::{BASELINE_FORM, REMOVE_FORM};
use crate::state::AppState;
use crate::web::assurance_labels::AssuranceLabels;
use crate::web::context::PageContext;
use crate::web::form::{PageForms, failure_page, in_lang, path_segment, private};
use crate::web::page::Page;
use crate::web::render;
use crate::workflow::Failure;

pub(super) fn scheme_href(id: &str, lang: Lang) -> String {
    in_lang(&format!("/assurance/{}", path_segment(id)), lang)
}

/// Whether the reader is an administrator of the operator, who edits the map.
pub(super) fn edits(ctx: &PageContext) -> bool {
    matches!(&ctx.caller.actor, Actor::Member(member) if member.is_operator_admin())
}

/// One scheme as the table and its page show it.
pub(super) struct SchemeRow {
    pub id: String,
    pub href: String,
    pub name: String,
    pub object: String,
    pub details_public: &'static str,
    pub cloud_specific: &'static str,
    pub expected: u8,
    pub actual: u8,
    pub gap: i16,
    pub zone_code: &'static str,
    /// e.g. `② Over-expected`.
    pub zone: String,
    pub zone_meaning: String,
    pub edit_href: Option<String>,
}

impl SchemeRow {
    fn new(scheme: &AssuranceScheme, baseline: u8, ctx: &PageContext) -> Self {
        let lang = ctx.lang;
        let t = AssuranceLabels::of(lang);
        let yes_no = |value: bool| if value { t.yes } else { t.no };
        let zone: Zone = zone(scheme, baseline);
        SchemeRow {
            id: scheme.id.clone(),
            href: scheme_href(&scheme.id, lang),
            name: scheme.name.get(lang).to_owned(),
            object: scheme.object.title().get(lang).to_owned(),
            details_public: yes_no(scheme.details_public),
            cloud_specific: yes_no(scheme.cloud_specific),
            expected: scheme.expected,
            actual: scheme.actual,
            gap: scheme.gap(),
            zone_code: zone.code(),
            zone: format!("{} {}", zone.mark(), zone.title().get(lang)),
            zone_meaning: zone.meaning().get(lang).to_owned(),
            edit_href: edits(ctx).then(|| {
                in_lang(
                    &format!("/assurance/{}/edit", path_segment(&scheme.id)),
                    lang,
                )
            }),
        }
    }
}

/// What an administrator's forms on these pages carry.
pub(super) struct EditorControls {
    pub csrf_token: String,
    /// The revision the page was read at: an edit made meanwhile is then refused as stale.
    pub revision: String,
    pub action: String,
    pub add_href: String,
}

fn controls(
    ctx: &PageContext,
    in_use: &InUse,
    forms: &PageForms,
    form: &str,
    action: String,
) -> Option<EditorControls> {
    edits(ctx).then(|| EditorControls {
        csrf_token: ctx.csrf_token(),
        revision: forms.posted_or(form, "revision", &in_use.revision.to_string()),
        action,
        add_href: in_lang("/assurance/new", ctx.lang),
    })
}

struct ZoneRow {
    code: &'static str,
    title: String,
    meaning: String,
}

#[derive(Template)]
#[template(path = "assurance.html")]
struct MapPage {
    page: Page,
    t: AssuranceLabels,
    chart: String,
    baseline: u8,
    zones: Vec<ZoneRow>,
    rows: Vec<SchemeRow>,
    revised_on: Option<String>,
    editor: Option<EditorControls>,
    baseline_value: String,
    problems: Vec<String>,
}

/// The map's page; `forms` holds the baseline form sent back with its problems.
pub(super) async fn render_map(state: &AppState, ctx: &PageContext, forms: PageForms) -> Response {
    let in_use = match actions::in_use(state).await {
        Ok(in_use) => in_use,
        Err(failure) => return failure_page(ctx, failure),
    };
    let lang = ctx.lang;
    let t = AssuranceLabels::of(lang);
    let map = &in_use.map;
    let view = MapPage {
        page: ctx.page(t.title),
        chart: chart_svg(map, lang, None),
        baseline: map.baseline,
        zones: Zone::ALL
            .into_iter()
            .map(|zone| ZoneRow {
                code: zone.code(),
                title: format!("{} {}", zone.mark(), zone.title().get(lang)),
                meaning: zone.meaning().get(lang).to_owned(),
            })
            .collect(),
        rows: map
            .schemes
            .iter()
            .map(|scheme| SchemeRow::new(scheme, map.baseline, ctx))
            .collect(),
        revised_on: in_use.revised_on.clone(),
        editor: controls(
            ctx,
            &in_use,
            &forms,
            BASELINE_FORM,
            in_lang("/assurance", lang),
        ),
        baseline_value: forms.posted_or(BASELINE_FORM, "baseline", &map.baseline.to_string()),
        problems: forms.problems(BASELINE_FORM),
        t,
    };
    respond(&view, &forms, view.editor.is_some())
}

/// A page with an administrator's forms is theirs alone; the public one may be cached.
fn respond(view: &impl Template, forms: &PageForms, private_page: bool) -> Response {
    let response = render(view, forms.status());
    if private_page {
        private(response)
    } else {
        response
    }
}

/// `GET /assurance`.
pub async fn map(State(state): State<AppState>, ctx: PageContext) -> Response {
    render_map(&state, &ctx, PageForms::default()).await
}

struct AreaRow {
    title: String,
    covered: bool,
}

#[derive(Template)]
#[template(path = "assurance_scheme.html")]
struct SchemePage {
    page: Page,
    t: AssuranceLabels,
    chart: String,
    row: SchemeRow,
    baseline: u8,
    areas: Vec<AreaRow>,
    assures: String,
    does_not: String,
    summary: String,
    back: String,
    editor: Option<EditorControls>,
    problems: Vec<String>,
}

/// One scheme's page; `forms` holds the removal form sent back with its problems.
pub(super) async fn render_scheme(
    state: &AppState,
    ctx: &PageContext,
    id: &str,
    forms: PageForms,
) -> Response {
    let in_use = match actions::in_use(state).await {
        Ok(in_use) => in_use,
        Err(failure) => return failure_page(ctx, failure),
    };
    let Some(scheme) = in_use.map.scheme(id) else {
        return failure_page(ctx, Failure::not_found(SCHEME, id));
    };
    let lang = ctx.lang;
    let t = AssuranceLabels::of(lang);
    let action = in_lang(&format!("/assurance/{}/remove", path_segment(id)), lang);
    let view = SchemePage {
        page: ctx.page(scheme.name.get(lang).to_owned()),
        chart: chart_svg(&in_use.map, lang, Some(id)),
        row: SchemeRow::new(scheme, in_use.map.baseline, ctx),
        baseline: in_use.map.baseline,
        areas: CriteriaArea::ALL
            .iter()
            .map(|area| AreaRow {
                title: area.title().get(lang).to_owned(),
                covered: scheme.areas.contains(area),
            })
            .collect(),
        assures: scheme.assures.get(lang).to_owned(),
        does_not: scheme.does_not.get(lang).to_owned(),
        summary: scheme.summary.get(lang).to_owned(),
        back: in_lang("/assurance", lang),
        editor: controls(ctx, &in_use, &forms, REMOVE_FORM, action),
        problems: forms.problems(REMOVE_FORM),
        t,
    };
    respond(&view, &forms, view.editor.is_some())
}

/// `GET /assurance/{id}`.
pub async fn scheme(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    render_scheme(&state, &ctx, &id, PageForms::default()).await
}
