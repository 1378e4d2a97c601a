//! The availability calculator: a month's outages, each with how long it lasted and how many
//! users it hit, give the availability measured in user-minutes next to the naive figure (every
//! outage counted against every user) and the month of one user hit by the longest outage, with
//! the service credits each would earn. The chart shows why an SLA met on average can hide a lost
//! working day.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde_json::{Value, json};
use shinrai_domain::availability::{
    Availability, AvailabilityCase, availability, default_credit_tiers,
};
use shinrai_domain::case::Node;
use shinrai_domain::text::{Bilingual, Lang};

use crate::error::ApiError;
use crate::state::AppState;
use crate::web::chart::PercentChart;
use crate::web::context::PageContext;
use crate::web::page::Page;
use crate::web::render;

#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(default)]
pub struct Form {
    users: String,
    days: String,
    minutes1: String,
    affected1: String,
    minutes2: String,
    affected2: String,
    minutes3: String,
    affected3: String,
    minutes4: String,
    affected4: String,
    minutes5: String,
    affected5: String,
}

impl Form {
    fn rows(&self) -> [(&str, &str); 5] {
        [
            (&self.minutes1, &self.affected1),
            (&self.minutes2, &self.affected2),
            (&self.minutes3, &self.affected3),
            (&self.minutes4, &self.affected4),
            (&self.minutes5, &self.affected5),
        ]
    }

    fn is_empty(&self) -> bool {
        self.users.is_empty()
            && self
                .rows()
                .iter()
                .all(|(m, a)| m.is_empty() && a.is_empty())
    }

    /// The form as the JSON case the API takes, so the domain's reader applies its own limits
    /// and consistency checks; with it, the form row each outage came from.
    fn as_case_json(&self) -> (Value, Vec<usize>) {
        // A number where the text is one, else the text itself, which the reader refuses with a
        // message naming the field.
        let value = |text: &str| -> Value {
            let text = text.trim();
            text.parse::<u64>()
                .map_or_else(|_| json!(text), |n| json!(n))
        };
        let mut rows = Vec::new();
        let mut outages = Vec::new();
        for (row, (minutes, affected)) in self.rows().into_iter().enumerate() {
            if minutes.trim().is_empty() && affected.trim().is_empty() {
                continue;
            }
            rows.push(row + 1);
            outages.push(json!({"minutes": value(minutes), "affected_users": value(affected)}));
        }
        let days = if self.days.trim().is_empty() {
            json!(30)
        } else {
            value(&self.days)
        };
        (
            json!({"users": value(&self.users), "days": days, "outages": outages}),
            rows,
        )
    }

    fn case(&self, lang: Lang) -> Result<AvailabilityCase, String> {
        let (case, rows) = self.as_case_json();
        AvailabilityCase::read(&Node::root(&case)).map_err(|error| {
            let field = field_label(error.pointer.as_str(), &rows)
                .get(lang)
                .to_owned();
            let message = error.problem.message().get(lang).to_owned();
            format!("{field}: {message}")
        })
    }
}

/// The form's name for the field a pointer into the case names.
fn field_label(pointer: &str, rows: &[usize]) -> Bilingual {
    let mut parts = pointer.trim_start_matches('/').split('/');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("users"), _, _) => Bilingual::new("利用者数", "Users"),
        (Some("days"), _, _) => Bilingual::new("日数", "Days in the month"),
        (Some("outages"), Some(index), field) => {
            let n = index
                .parse::<usize>()
                .ok()
                .and_then(|i| rows.get(i).copied())
                .unwrap_or(0);
            match field {
                Some("minutes") => Bilingual::new(
                    format!("停止 {n} の時間（分）"),
                    format!("Outage {n}, minutes"),
                ),
                Some("affected_users") => Bilingual::new(
                    format!("停止 {n} の影響利用者数"),
                    format!("Outage {n}, users hit"),
                ),
                _ => Bilingual::new(format!("停止 {n}"), format!("Outage {n}")),
            }
        }
        (Some("outages"), None, _) => Bilingual::new("停止", "Outages"),
        _ => Bilingual::new("入力", "Input"),
    }
}

pub struct OutageRow {
    pub number: usize,
    pub minutes: String,
    pub affected: String,
}

#[derive(Template)]
#[template(path = "availability.html")]
struct ToolPage {
    page: Page,
    form: Form,
    rows: Vec<OutageRow>,
    problems: Vec<String>,
    result: Option<Figures>,
    chart: Option<PercentChart>,
    tiers: Vec<(String, u64)>,
}

/// The result as the page prints it: percentages to three decimals, so that 99.9 and 99.899
/// are told apart.
pub struct Figures {
    pub measured: String,
    pub credit: u64,
    pub naive: String,
    pub affected_user: String,
    pub affected_user_credit: u64,
    pub longest_outage_minutes: u64,
    pub downtime_user_minutes: u64,
    pub user_minutes: u64,
}

impl From<&Availability> for Figures {
    fn from(a: &Availability) -> Figures {
        let percent = |value: f64| format!("{value:.3} %");
        Figures {
            measured: percent(a.availability_percent),
            credit: a.credit_percent,
            naive: percent(a.naive_availability_percent),
            affected_user: percent(a.affected_user_availability_percent),
            affected_user_credit: a.affected_user_credit_percent,
            longest_outage_minutes: a.longest_outage_minutes,
            downtime_user_minutes: a.downtime_user_minutes,
            user_minutes: a.user_minutes,
        }
    }
}

pub async fn tool(
    State(_state): State<AppState>,
    ctx: PageContext,
    form: Result<Query<Form>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let form = match form {
        Ok(Query(form)) => form,
        Err(rejection) => {
            return crate::web::error_page(ctx.lang, &ctx.uri, &ApiError::from(rejection));
        }
    };
    let page = ctx.page(ctx.labels().availability_title);
    let l = page.l;
    let (mut problems, mut result) = (Vec::new(), None);
    if !form.is_empty() {
        match form.case(page.language) {
            Ok(case) => result = Some(availability(&case)),
            Err(problem) => problems.push(problem),
        }
    }
    let chart = result.as_ref().map(|r| {
        PercentChart::new(
            "availability",
            l.availability_chart.to_owned(),
            vec![
                (l.measured_availability.to_owned(), r.availability_percent),
                (
                    l.naive_availability.to_owned(),
                    r.naive_availability_percent,
                ),
                (
                    l.affected_user_availability.to_owned(),
                    r.affected_user_availability_percent,
                ),
            ],
        )
    });
    let rows = form
        .rows()
        .iter()
        .enumerate()
        .map(|(i, (minutes, affected))| OutageRow {
            number: i + 1,
            minutes: (*minutes).to_owned(),
            affected: (*affected).to_owned(),
        })
        .collect();
    let tiers = default_credit_tiers()
        .into_iter()
        .map(|tier| (format!("{}", tier.below), tier.credit_percent))
        .collect();
    let status = crate::web::form_status(&problems);
    render(
        &ToolPage {
            page,
            form,
            rows,
            problems,
            result: result.as_ref().map(Figures::from),
            chart,
            tiers,
        },
        status,
    )
}
