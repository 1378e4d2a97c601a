//! The provider files a change notice about its registered service.

use serde_json::json;

use super::{ChangeNotice, ChangeNoticeStatus, FILED, MAX_CONTROLS, MAX_DAYS_AHEAD, report_due};
use crate::calendar::BusinessCalendar;
use crate::date::CalendarDate;
use crate::policy::Member;
use crate::registry::{ChangeCategory, RegistryEntry};
use crate::text::Bilingual;
use crate::workflow::fields::Problems;
use crate::workflow::registry_status::provider_of_live_entry;
use crate::workflow::{Change, Moment, Refusal, WorkflowEvent};

/// What the provider reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeDraft {
    pub category: ChangeCategory,
    pub summary: Bilingual,
    pub controls: Vec<String>,
    pub new_name: Option<Bilingual>,
    pub effective_on: CalendarDate,
}

/// Files `draft` as the notice `id` about `entry`, for its provider, while the registration is
/// in force (registered or suspended). The party is asked first, then the entry's state, then
/// the values.
pub fn file(
    id: String,
    draft: ChangeDraft,
    entry: &RegistryEntry,
    calendar: &BusinessCalendar,
    by: &Member,
    at: Moment,
) -> Result<Change<ChangeNotice>, Refusal> {
    provider_of_live_entry(entry, by)?;
    let today = at.date();
    let mut problems = Problems::new();
    problems.id("/id", &id);
    problems.long_text("/summary", &draft.summary);
    check_controls(&mut problems, &draft.controls);
    check_new_name(&mut problems, draft.category, draft.new_name.as_ref());
    let latest = today.add_days(MAX_DAYS_AHEAD);
    let in_range = draft.effective_on >= entry.registered_on
        && latest.is_none_or(|latest| draft.effective_on <= latest);
    let due_on = report_due(calendar, draft.category.weight(), draft.effective_on);
    match due_on {
        Some(due_on) if in_range => {
            problems.finish()?;
            let notice = ChangeNotice {
                id,
                entry: entry.id.clone(),
                service: entry.service.clone(),
                provider: entry.provider.clone(),
                category: draft.category,
                summary: draft.summary,
                controls: draft.controls,
                new_name: draft.new_name,
                effective_on: draft.effective_on,
                due_on,
                filed_on: today,
                filed_at_ms: at.at_ms,
                filed_by: by.user_id.clone(),
                late: today > due_on,
                status: ChangeNoticeStatus::Filed,
                acknowledgement: None,
                new_audit: None,
            };
            let event = WorkflowEvent::new(by, at, FILED, &notice.id, json!({ "notice": notice }));
            Ok(Change {
                state: notice,
                event,
            })
        }
        _ => {
            problems.push(
                "/effective_on",
                "out_of_range",
                Bilingual::new(
                    format!(
                        "/effective_on は登録日 {} から {MAX_DAYS_AHEAD} 日先までの日付にしてください",
                        entry.registered_on
                    ),
                    format!(
                        "/effective_on must fall between the registration day {} and {MAX_DAYS_AHEAD} days ahead",
                        entry.registered_on
                    ),
                ),
            );
            Err(problems.refusal())
        }
    }
}

fn check_controls(problems: &mut Problems, controls: &[String]) {
    if !problems.list_size("/controls", controls.len(), MAX_CONTROLS) {
        return;
    }
    for (i, control) in controls.iter().enumerate() {
        problems.reference(&format!("/controls/{i}"), control);
    }
    problems.duplicates(controls.iter().map(String::as_str), |i| {
        format!("/controls/{i}")
    });
}

/// A new name corrects a registry fact; any other change keeps the name.
fn check_new_name(problems: &mut Problems, category: ChangeCategory, new_name: Option<&Bilingual>) {
    let Some(name) = new_name else {
        return;
    };
    if category == ChangeCategory::RegistryFacts {
        problems.name("/new_name", name);
    } else {
        problems.push(
            "/new_name",
            "not_allowed",
            Bilingual::new(
                "/new_name は登録事項の訂正（registry_facts）でだけ指定できます",
                "/new_name is given only with a correction of registry facts (registry_facts)",
            ),
        );
    }
}
