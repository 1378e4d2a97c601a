//! The comparison in one language as rows of labelled cells, one cell per candidate: what the
//! page shows and the XLSX and PDF exports print. The sections follow what a procurer weighs:
//! the registration, availability, coverage per risk, what is left to the customer, and each
//! checklist with its answers.

use shinrai_domain::date::CalendarDate;
use shinrai_domain::log_chain::sha256_hex;
use shinrai_domain::registry::{DeploymentModel, EntryStatus};
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Lang;
use shinrai_domain::workflow::procurement::AnswerValue;
use shinrai_formats::comparison::{ComparisonRow, ComparisonSection, ComparisonSheet};
use shinrai_formats::report_pdf::PrintLang;

use super::comparison::{ComparedService, ComparisonView};
use super::coverage::AvailabilityFitView;
use crate::error::ApiError;
use crate::web::comparison_labels::ComparisonLabels;
use crate::workflow::shown::{figure, list_separator};

/// One row: `label`, then what `cell` says of each service.
fn row(
    label: impl Into<String>,
    services: &[ComparedService],
    cell: impl Fn(&ComparedService) -> String,
) -> ComparisonRow {
    ComparisonRow {
        label: label.into(),
        cells: services.iter().map(cell).collect(),
    }
}

fn registration(view: &ComparisonView, l: &ComparisonLabels, lang: Lang) -> ComparisonSection {
    let s = &view.services;
    let yes_no = |yes: bool| if yes { l.yes } else { l.no }.to_owned();
    ComparisonSection {
        heading: l.registration.to_owned(),
        rows: vec![
            row(l.provider, s, |one| {
                one.entry.provider.name.get(lang).to_owned()
            }),
            row(l.level, s, |one| one.entry.level.to_string()),
            row(l.models, s, |one| one.entry.service_models.join(", ")),
            row(l.deployment, s, |one| {
                one.entry
                    .deployment_models
                    .iter()
                    .filter_map(|code| DeploymentModel::from_code(code))
                    .map(|model| model.title().get(lang).to_owned())
                    .collect::<Vec<_>>()
                    .join(list_separator(lang))
            }),
            row(l.status, s, |one| {
                EntryStatus::from_code(&one.entry.status)
                    .map(|status| status.title().get(lang).to_owned())
                    .unwrap_or_else(|| one.entry.status.clone())
            }),
            row(l.registered_on, s, |one| one.entry.registered_on.clone()),
            row(l.valid_until, s, |one| one.entry.valid_until.clone()),
            row(l.audit_body, s, |one| {
                one.entry.audit_body.name.get(lang).to_owned()
            }),
            row(l.eligible, s, |one| yes_no(one.eligible)),
            certifications(view, l, lang),
        ],
    }
}

/// Each service's other certifications, one per line with where it stands.
fn certifications(view: &ComparisonView, l: &ComparisonLabels, lang: Lang) -> ComparisonRow {
    row(l.certifications, &view.services, |one| {
        if one.certificates.is_empty() {
            return l.none.to_owned();
        }
        one.certificates
            .iter()
            .map(|certificate| {
                format!(
                    "{} ({}, {} – {})",
                    certificate.kind_title.get(lang).to_owned(),
                    certificate.standing_title.get(lang).to_owned(),
                    certificate.valid_from,
                    certificate.valid_until
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// The availability figures of one candidate.
fn fit(one: &ComparedService) -> &AvailabilityFitView {
    &one.coverage.availability
}

fn availability(view: &ComparisonView, l: &ComparisonLabels, lang: Lang) -> ComparisonSection {
    let s = &view.services;
    ComparisonSection {
        heading: l.availability.to_owned(),
        rows: vec![
            row(l.needed, s, |one| {
                let fit = fit(one);
                format!(
                    "{} % ({} {})",
                    figure(fit.needed_percent),
                    figure(fit.needed_minutes),
                    l.minutes_month
                )
            }),
            row(l.stated, s, |one| {
                let fit = fit(one);
                match (fit.committed_percent, fit.committed_minutes) {
                    (Some(percent), Some(minutes)) => format!(
                        "{} % ({} {})",
                        figure(percent),
                        figure(minutes),
                        l.minutes_month
                    ),
                    _ => l.not_stated.to_owned(),
                }
            }),
            row(l.meets, s, |one| {
                match fit(one).meets {
                    Some(true) => l.yes,
                    Some(false) => l.no,
                    None => l.unknown,
                }
                .to_owned()
            }),
            row(l.pitfall, s, |one| {
                format!("{} {}", figure(fit(one).pitfall_minutes), l.minutes)
            }),
            row(l.own_words, s, |one| fit(one).stated.get(lang).to_owned()),
        ],
    }
}

fn risks(view: &ComparisonView, l: &ComparisonLabels, lang: Lang) -> ComparisonSection {
    let s = &view.services;
    let mut rows = vec![row(l.risk_summary, s, |one| {
        let count = |code: &str| {
            one.coverage
                .risks
                .iter()
                .filter(|risk| risk.coverage == code)
                .count()
        };
        format!(
            "{} / {} / {}",
            count("covered"),
            count("partial"),
            count("none")
        )
    })];
    if view.risks.is_empty() {
        rows.push(row(l.risks, s, |_| l.no_criteria.to_owned()));
    }
    for risk in &view.risks {
        rows.push(row(
            format!("{} {}", risk.id, risk.title.get(lang).to_owned()),
            s,
            |one| {
                let Some(found) = one.coverage.risks.iter().find(|r| r.id == risk.id) else {
                    return String::new();
                };
                match found.coverage.as_str() {
                    "covered" => l.covered.to_owned(),
                    "partial" => format!(
                        "{} ({}: {})",
                        l.partial,
                        l.missing,
                        found.missing.join(", ")
                    ),
                    _ => l.not_covered.to_owned(),
                }
            },
        ));
    }
    ComparisonSection {
        heading: l.risks.to_owned(),
        rows,
    }
}

fn customer(view: &ComparisonView, l: &ComparisonLabels, lang: Lang) -> ComparisonSection {
    let s = &view.services;
    let mut rows: Vec<ComparisonRow> = ServiceModel::ALL
        .iter()
        .map(|model| {
            row(format!("{}{}", model.name(), l.scope_of), s, |one| {
                one.coverage
                    .customer_responsibilities
                    .iter()
                    .find(|duty| duty.model.as_deref() == Some(model.name()))
                    .map_or_else(
                        || l.not_offered.to_owned(),
                        |duty| duty.text.get(lang).to_owned(),
                    )
            })
        })
        .collect();
    rows.push(row(l.customer_controls, s, |one| {
        let controls: Vec<String> = one
            .coverage
            .customer_responsibilities
            .iter()
            .filter_map(|duty| {
                let control = duty.control.as_ref()?;
                Some(match duty.actor.as_deref() {
                    Some("both") => format!("{control} ({})", l.both_sides),
                    _ => control.clone(),
                })
            })
            .collect();
        if controls.is_empty() {
            l.none.to_owned()
        } else {
            controls.join(", ")
        }
    }));
    ComparisonSection {
        heading: l.customer.to_owned(),
        rows,
    }
}

/// One section per checklist: its counts, then every question with each candidate's answer.
fn checklists(view: &ComparisonView, l: &ComparisonLabels, lang: Lang) -> Vec<ComparisonSection> {
    let s = &view.services;
    let Some(first) = s.first() else {
        return Vec::new();
    };
    first
        .coverage
        .checklists
        .iter()
        .map(|(id, checklist)| {
            let of = |one: &ComparedService| one.coverage.checklists.get(id).cloned();
            let mut rows = vec![row(l.answered, s, |one| {
                of(one).map_or_else(String::new, |list| {
                    let counts = l
                        .answer_counts
                        .replace("{yes}", &list.yes.to_string())
                        .replace("{partly}", &list.partly.to_string())
                        .replace("{no}", &list.no.to_string())
                        .replace("{unknown}", &list.unknown.to_string());
                    format!("{} / {} — {counts}", list.answered, list.questions)
                })
            })];
            for item in checklist.sections.iter().flat_map(|section| &section.items) {
                rows.push(row(
                    format!("{} {}", item.id, item.title.get(lang).to_owned()),
                    s,
                    |one| {
                        let answered = of(one).and_then(|list| {
                            list.sections
                                .iter()
                                .flat_map(|section| &section.items)
                                .find(|asked| asked.id == item.id)
                                .and_then(|asked| {
                                    let value = AnswerValue::from_code(asked.answer.as_deref()?)?;
                                    Some((value, asked.note.clone()))
                                })
                        });
                        match answered {
                            None => l.unanswered.to_owned(),
                            Some((value, None)) => value.title().get(lang).to_owned(),
                            Some((value, Some(note))) => {
                                format!("{}\n{note}", value.title().get(lang))
                            }
                        }
                    },
                ));
            }
            ComparisonSection {
                heading: format!("{} ({})", checklist.title.get(lang).to_owned(), l.answers),
                rows,
            }
        })
        .collect()
}

/// The comparison `view` in `lang`, made on `today`.
pub fn comparison_sheet(
    view: &ComparisonView,
    lang: Lang,
    today: CalendarDate,
) -> Result<ComparisonSheet, ApiError> {
    let l = ComparisonLabels::of(lang);
    // The footer's hash is of the data compared, as the API gives it.
    let data = serde_json::to_vec(view).map_err(ApiError::internal)?;
    let mut sections = vec![
        registration(view, &l, lang),
        availability(view, &l, lang),
        risks(view, &l, lang),
        customer(view, &l, lang),
    ];
    sections.extend(checklists(view, &l, lang));
    Ok(ComparisonSheet {
        lang: match lang {
            Lang::Ja => PrintLang::Ja,
            Lang::En => PrintLang::En,
        },
        title: l.title.to_owned(),
        header: vec![
            (
                l.system.to_owned(),
                format!(
                    "{} ({})",
                    view.system_name.get(lang).to_owned(),
                    view.system
                ),
            ),
            (l.class.to_owned(), view.class.clone()),
            (l.level_needed.to_owned(), view.registry_level.to_string()),
            (
                l.criteria.to_owned(),
                if view.criteria.is_empty() {
                    l.no_criteria.to_owned()
                } else {
                    view.criteria.clone()
                },
            ),
            (l.made_on.to_owned(), today.to_string()),
        ],
        corner: l.corner.to_owned(),
        columns: view
            .services
            .iter()
            .map(|one| {
                format!(
                    "{} {}",
                    one.entry.id,
                    one.entry.service_name.get(lang).to_owned()
                )
            })
            .collect(),
        sections,
        sha256: sha256_hex(&data),
        hash_label: l.hash_label.to_owned(),
        page_label: l.page_label.to_owned(),
        sheet_name: l.sheet_name.to_owned(),
    })
}
