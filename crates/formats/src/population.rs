//! A control's population as the provider lists it: a CSV file (UTF-8, a byte-order mark
//! allowed) whose first row names the columns `date` and `reference`, then one occurrence per
//! row — the day it happened (`YYYY-MM-DD`) and the provider's reference for it (a ticket, a
//! job run). Occurrence `n` is the `n`-th data row. The reader is all or nothing: the whole
//! list, or the first problem with its file, line and column.

use shinrai_domain::date::CalendarDate;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::working_papers::{MAX_OCCURRENCES, Occurrence};

/// The largest population file read: 300,000 rows of a date and a 60-character reference.
pub const MAX_POPULATION_BYTES: usize = 32 * 1024 * 1024;

/// What is wrong with a population file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PopulationError {
    #[error("{file}: the file has {size} bytes; at most {max} are read")]
    TooLarge {
        file: String,
        size: usize,
        max: usize,
    },
    #[error("{file}: the first row must name the columns date and reference (found: {found})")]
    Header { file: String, found: String },
    #[error("{file} line {line}: {detail}")]
    Csv {
        file: String,
        line: u64,
        detail: String,
    },
    #[error("{file} line {line}, column date: {value:?} is not a date of the form YYYY-MM-DD")]
    Date {
        file: String,
        line: u64,
        value: String,
    },
    #[error("{file} line {line}, column reference: the reference is empty")]
    MissingReference { file: String, line: u64 },
    #[error("{file}: more than {max} occurrences")]
    TooMany { file: String, max: usize },
}

impl PopulationError {
    pub fn message(&self) -> Bilingual {
        let en = self.to_string();
        let ja = match self {
            PopulationError::TooLarge { file, size, max } => {
                format!(
                    "{file}: ファイルが {size} バイトあります。読み込めるのは {max} バイトまでです"
                )
            }
            PopulationError::Header { file, found } => {
                format!("{file}: 1 行目に列名 date と reference を書いてください（現在: {found}）")
            }
            PopulationError::Csv { file, line, detail } => {
                format!("{file} {line} 行目: CSV として読めません（{detail}）")
            }
            PopulationError::Date { file, line, value } => format!(
                "{file} {line} 行目 date 列: {value:?} は YYYY-MM-DD 形式の日付ではありません"
            ),
            PopulationError::MissingReference { file, line } => {
                format!("{file} {line} 行目 reference 列: 参照が空です")
            }
            PopulationError::TooMany { file, max } => {
                format!("{file}: 発生が {max} 件を超えています")
            }
        };
        Bilingual::new(ja, en)
    }
}

/// Reads a population file named `file` (for messages).
pub fn read_population(file: &str, bytes: &[u8]) -> Result<Vec<Occurrence>, PopulationError> {
    if bytes.len() > MAX_POPULATION_BYTES {
        return Err(PopulationError::TooLarge {
            file: file.to_owned(),
            size: bytes.len(),
            max: MAX_POPULATION_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(bytes);
    let csv_error = |error: csv::Error| PopulationError::Csv {
        file: file.to_owned(),
        line: error.position().map_or(1, csv::Position::line),
        detail: error.to_string(),
    };
    let headers = reader.headers().map_err(csv_error)?.clone();
    let names: Vec<&str> = headers.iter().map(str::trim).collect();
    let (Some(date_at), Some(reference_at)) = (
        names
            .iter()
            .position(|name| name.eq_ignore_ascii_case("date")),
        names
            .iter()
            .position(|name| name.eq_ignore_ascii_case("reference")),
    ) else {
        return Err(PopulationError::Header {
            file: file.to_owned(),
            found: names.join(","),
        });
    };
    let mut occurrences = Vec::new();
    for record in reader.records() {
        let record = record.map_err(csv_error)?;
        let line = record.position().map_or(0, csv::Position::line);
        if occurrences.len() == MAX_OCCURRENCES {
            return Err(PopulationError::TooMany {
                file: file.to_owned(),
                max: MAX_OCCURRENCES,
            });
        }
        let date = record.get(date_at).unwrap_or("").trim();
        let on = CalendarDate::parse(date).ok_or_else(|| PopulationError::Date {
            file: file.to_owned(),
            line,
            value: date.to_owned(),
        })?;
        let reference = record.get(reference_at).unwrap_or("").trim();
        if reference.is_empty() {
            return Err(PopulationError::MissingReference {
                file: file.to_owned(),
                line,
            });
        }
        occurrences.push(Occurrence {
            on,
            reference: reference.to_owned(),
        });
    }
    Ok(occurrences)
}

/// The file a population is written back as: the same columns, one occurrence per row.
pub fn write_population(occurrences: &[Occurrence]) -> Vec<u8> {
    let mut out = String::from("date,reference\n");
    for occurrence in occurrences {
        out.push_str(&occurrence.on.to_string());
        out.push(',');
        let reference = &occurrence.reference;
        if reference.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&reference.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(reference);
        }
        out.push('\n');
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_in_order_with_a_bom_and_any_column_order() {
        let text = "\u{feff}reference,date\nJOB-1,2025-10-01\n\"JOB,2\",2025-10-02\n";
        let occurrences = read_population("p.csv", text.as_bytes()).unwrap();
        assert_eq!(occurrences.len(), 2);
        assert_eq!(occurrences[1].reference, "JOB,2");
        assert_eq!(occurrences[0].on.to_string(), "2025-10-01");
        let written = write_population(&occurrences);
        assert_eq!(read_population("again.csv", &written).unwrap(), occurrences);
    }

    #[test]
    fn names_the_file_line_and_column_of_a_problem() {
        let bad_date = "date,reference\n2025-10-01,a\n2025-13-01,b\n";
        let error = read_population("pop.csv", bad_date.as_bytes()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "pop.csv line 3, column date: \"2025-13-01\" is not a date of the form YYYY-MM-DD"
        );
        assert!(error.message().ja.contains("3 行目"));
        let no_reference = "date,reference\n2025-10-01,\n";
        assert_eq!(
            read_population("pop.csv", no_reference.as_bytes()).unwrap_err(),
            PopulationError::MissingReference {
                file: "pop.csv".into(),
                line: 2
            }
        );
        let header = read_population("pop.csv", b"day,ref\n2025-10-01,a\n").unwrap_err();
        assert!(matches!(header, PopulationError::Header { .. }));
        let ragged = read_population("pop.csv", b"date,reference\n2025-10-01\n").unwrap_err();
        assert!(matches!(ragged, PopulationError::Csv { line: 2, .. }));
        let big = vec![b'a'; MAX_POPULATION_BYTES + 1];
        assert!(matches!(
            read_population("pop.csv", &big).unwrap_err(),
            PopulationError::TooLarge { .. }
        ));
    }

    #[test]
    fn an_empty_list_is_a_population_of_none() {
        assert!(
            read_population("p.csv", b"date,reference\n")
                .unwrap()
                .is_empty()
        );
    }
}
