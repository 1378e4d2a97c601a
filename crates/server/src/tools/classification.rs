//! The classification tool for procurers: the information a system handles and how much it must
//! stay available go in; the class, the registry level to ask for, advice, the SLA items to agree
//! and the registered services eligible at that level come out. A plain GET form, so a result
//! can be bookmarked and shared.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use shinrai_domain::classification::{Classification, ClassificationCase, Information, classify};
use shinrai_domain::level::Level;
use shinrai_domain::registry::{EntryStatus, RegistryEntry};
use shinrai_domain::text::{Bilingual, Lang};

use crate::error::ApiError;
use crate::registry::LoadedRegistry;
use crate::state::AppState;
use crate::web::context::PageContext;
use crate::web::page::Page;
use crate::web::render;

/// Rows for kinds of information; enough for a first classification without scripts.
pub const INFORMATION_ROWS: usize = 5;

/// The form as submitted: `name1`..`name5` with `c1`..`c5`, and the rest.
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(default)]
pub struct Form {
    system: String,
    function: String,
    name1: String,
    c1: String,
    name2: String,
    c2: String,
    name3: String,
    c3: String,
    name4: String,
    c4: String,
    name5: String,
    c5: String,
    aggregate: String,
    availability: String,
}

impl Form {
    fn rows(&self) -> [(&str, &str); INFORMATION_ROWS] {
        [
            (&self.name1, &self.c1),
            (&self.name2, &self.c2),
            (&self.name3, &self.c3),
            (&self.name4, &self.c4),
            (&self.name5, &self.c5),
        ]
    }

    fn is_empty(&self) -> bool {
        self.system.is_empty()
            && self.availability.is_empty()
            && self
                .rows()
                .iter()
                .all(|(n, c)| n.is_empty() && c.is_empty())
    }

    /// The case the form describes, or what is wrong with it (every problem, each naming its
    /// field as the form labels it).
    fn case(&self) -> Result<ClassificationCase, Vec<Bilingual>> {
        let mut problems = Vec::new();
        let level = |text: &str, ja: &str, en: &str, problems: &mut Vec<Bilingual>| {
            let parsed = text.parse::<u8>().ok().and_then(Level::new);
            if parsed.is_none() {
                problems.push(Bilingual::new(
                    format!("{ja}を 1〜3 から選んでください"),
                    format!("choose {en} from 1 to 3"),
                ));
            }
            parsed
        };
        let mut information = Vec::new();
        for (row, (name, confidentiality)) in self.rows().into_iter().enumerate() {
            let number = row + 1;
            let name = name.trim();
            if name.is_empty() && confidentiality.is_empty() {
                continue;
            }
            if name.is_empty() {
                problems.push(Bilingual::new(
                    format!("情報 {number} の名前がありません"),
                    format!("information {number} has no name"),
                ));
                continue;
            }
            if let Some(level) = level(
                confidentiality,
                &format!("情報 {number} の機密性"),
                &format!("the confidentiality of information {number}"),
                &mut problems,
            ) {
                information.push(Information {
                    name: name.to_owned(),
                    confidentiality: level,
                });
            }
        }
        if information.is_empty() && problems.is_empty() {
            problems.push(Bilingual::new(
                "扱う情報を 1 件以上入力してください",
                "enter at least one kind of information",
            ));
        }
        let aggregate = if self.aggregate.is_empty() {
            None
        } else {
            level(
                &self.aggregate,
                "集約時の機密性",
                "the confidentiality when held together",
                &mut problems,
            )
        };
        let availability = level(&self.availability, "可用性", "availability", &mut problems);
        match availability {
            Some(availability) if problems.is_empty() => Ok(ClassificationCase {
                system: self.system.trim().to_owned(),
                function: self.function.trim().to_owned(),
                information,
                aggregate_confidentiality: aggregate,
                availability,
            }),
            _ => Err(problems),
        }
    }
}

pub struct InformationRow {
    pub number: usize,
    pub name: String,
    pub level: String,
}

pub struct Outcome {
    pub class: String,
    pub confidentiality: u8,
    pub availability: u8,
    pub registry_level: u8,
    pub advice: Vec<String>,
    pub sla: Vec<(String, String)>,
    pub eligible: Vec<Eligible>,
    pub registry_href: String,
}

pub struct Eligible {
    pub id: String,
    pub href: String,
    pub name: String,
    pub provider: String,
    pub level: u8,
    pub models: String,
}

#[derive(Template)]
#[template(path = "classification.html")]
struct ToolPage {
    page: Page,
    form: Form,
    rows: Vec<InformationRow>,
    levels: Vec<(String, String)>,
    problems: Vec<String>,
    outcome: Option<Outcome>,
}

/// Registered services at `level` or above: a higher level meets every control of a lower one.
pub fn eligible(registry: &LoadedRegistry, level: Level) -> Vec<&RegistryEntry> {
    let mut found: Vec<&RegistryEntry> = registry
        .entries
        .iter()
        .filter(|e| e.status == EntryStatus::Registered && e.level >= level)
        .collect();
    found.sort_by(|a, b| a.level.cmp(&b.level).then(a.id.cmp(&b.id)));
    found
}

fn outcome(page: &Page, registry: &LoadedRegistry, result: &Classification) -> Outcome {
    let lang = page.language;
    Outcome {
        class: result.class(),
        confidentiality: result.confidentiality.get(),
        availability: result.availability.get(),
        registry_level: result.registry_level.get(),
        advice: result
            .advice
            .iter()
            .map(|a| a.message().get(lang).to_owned())
            .collect(),
        sla: result
            .sla_requirements
            .iter()
            .map(|item| {
                (
                    item.title.get(lang).to_owned(),
                    item.requirement.get(lang).to_owned(),
                )
            })
            .collect(),
        eligible: eligible(registry, result.registry_level)
            .into_iter()
            .map(|e| Eligible {
                id: e.id.clone(),
                href: page.href(&format!("/registry/{}", e.id), &[]),
                name: e.service_name.get(lang).to_owned(),
                provider: registry.name_in(&e.provider, lang).to_owned(),
                level: e.level.get(),
                models: crate::registry::pages::models_text(e),
            })
            .collect(),
        registry_href: page.href(
            "/registry",
            &[
                ("level", result.registry_level.to_string()),
                ("status", EntryStatus::Registered.code().to_owned()),
            ],
        ),
    }
}

pub async fn tool(
    State(state): State<AppState>,
    ctx: PageContext,
    form: Result<Query<Form>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let form = match form {
        Ok(Query(form)) => form,
        Err(rejection) => {
            return crate::web::error_page(ctx.lang, &ctx.uri, &ApiError::from(rejection));
        }
    };
    let page = ctx.page(ctx.labels().classification_title);
    let lang: Lang = page.language;
    let (mut problems, mut result) = (Vec::new(), None);
    if !form.is_empty() {
        match form.case() {
            Ok(case) => {
                let registry = match state.registry.get(&state.store).await {
                    Ok(registry) => registry,
                    Err(error) => return crate::web::error_page(ctx.lang, &ctx.uri, &error),
                };
                let classified = classify(&case, &state.rule_data.sla_templates);
                result = Some(outcome(&page, &registry, &classified));
            }
            Err(found) => problems = found.iter().map(|p| p.get(lang).to_owned()).collect(),
        }
    }
    let rows = form
        .rows()
        .iter()
        .enumerate()
        .map(|(i, (name, level))| InformationRow {
            number: i + 1,
            name: (*name).to_owned(),
            level: (*level).to_owned(),
        })
        .collect();
    let levels = Level::ALL
        .iter()
        .map(|level| (level.to_string(), level_title(&page, *level)))
        .collect();
    let status = crate::web::form_status(&problems);
    render(
        &ToolPage {
            page,
            form,
            rows,
            levels,
            problems,
            outcome: result,
        },
        status,
    )
}

fn level_title(page: &Page, level: Level) -> String {
    let l = page.l;
    let name = match level.get() {
        1 => l.level_low,
        2 => l.level_middle,
        _ => l.level_high,
    };
    format!("{level} — {name}")
}
