//! Criteria tables in CSV and XLSX: what is written reads back equal, and every broken table
//! is refused with the sheet, row and column of its problem.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::cast_possible_truncation
)]

use calamine::{Reader, Xlsx};
use rust_xlsxwriter::{ExcelDateTime, Workbook};
use shinrai_domain::criteria::demo::demo_criteria;
use shinrai_domain::criteria::{
    Actor, Control, CriteriaVersion, Group, Part, Reference, Relation, Risk, RiskBand,
    RiskCategory, RiskStage, Status, TechnologyExample,
};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::level::Level;
use shinrai_domain::service_model::ServiceModel;
use shinrai_domain::text::Bilingual;
use shinrai_formats::table::{
    CellType, TableError, diagnose_csv_bytes, read_csv, read_csv_bytes, read_table, read_xlsx,
    read_xlsx_bytes, template_csv, template_xlsx, write_csv, write_xlsx,
};

const COLUMNS: [&str; 20] = [
    "kind",
    "id",
    "part",
    "objective",
    "title_ja",
    "title_en",
    "text_ja",
    "text_en",
    "mandatory",
    "actor",
    "min_level",
    "integrity",
    "availability",
    "service_models",
    "technology_examples",
    "references",
    "band",
    "risk_categories",
    "stages",
    "objectives",
];

// A version with every attribute used.

fn group(id: &str, part: Part, n: usize) -> Group {
    Group {
        id: id.to_owned(),
        part,
        title: Bilingual::new(
            format!("見出し{n}、「引用」"),
            format!("Title {n}, \"quoted\""),
        ),
        text: Bilingual::new(
            format!("目的{n}。\n二行目、カンマ"),
            format!("Aim {n}, with a comma;\nand \"a second line\""),
        ),
    }
}

#[allow(clippy::too_many_arguments)]
fn control(
    id: &str,
    part: Part,
    objective: &str,
    actor: Actor,
    level: u8,
    flags: (bool, bool, bool),
    models: &[ServiceModel],
    references: Vec<Reference>,
) -> Control {
    Control {
        id: id.to_owned(),
        part,
        objective: objective.to_owned(),
        text: Bilingual::new(
            format!("{id} の本文、\"引用符\" と\n改行"),
            format!("Text of {id}, \"quoted\",\r\nwith lines"),
        ),
        mandatory: flags.0,
        actor,
        min_level: Level::new(level).unwrap(),
        integrity: flags.1,
        availability: flags.2,
        service_models: models.to_vec(),
        technology_examples: if references.is_empty() {
            vec![]
        } else {
            vec![
                TechnologyExample::new("ex-1", "例, その1「引用」: 注", "an example, \"first\""),
                TechnologyExample::new("tls1.3", "=not a formula", "TLS 1.3 (RFC 8446)"),
            ]
        },
        references,
    }
}

fn reference(standard: &str, clause: &str, relation: Relation) -> Reference {
    Reference {
        standard: standard.to_owned(),
        clause: clause.to_owned(),
        relation,
    }
}

fn sample() -> CriteriaVersion {
    use ServiceModel::*;
    let groups = vec![
        group("G1", Part::Governance, 1),
        group("G2", Part::Governance, 2),
        group("M1", Part::Management, 3),
        group("M2", Part::Management, 4),
        group("M3", Part::Management, 5),
        group("6.1.1", Part::Control, 6),
        group("9.2.3", Part::Control, 7),
        group("CLD.6.3", Part::Control, 8),
    ];
    let all = [IaaS, PaaS, SaaS];
    let controls = vec![
        control(
            "G1.1",
            Part::Governance,
            "G1",
            Actor::Provider,
            1,
            (true, false, false),
            &all,
            vec![],
        ),
        control(
            "G2.1",
            Part::Governance,
            "G2",
            Actor::Both,
            2,
            (false, true, true),
            &all,
            vec![],
        ),
        control(
            "M1.1",
            Part::Management,
            "M1",
            Actor::Provider,
            1,
            (true, true, false),
            &[SaaS],
            vec![reference("ISO27001", "5.1", Relation::Equal)],
        ),
        control(
            "M2.1",
            Part::Management,
            "M2",
            Actor::Customer,
            3,
            (false, false, true),
            &[PaaS, IaaS],
            vec![],
        ),
        control(
            "M3.1",
            Part::Management,
            "M3",
            Actor::Both,
            2,
            (true, false, false),
            &all,
            vec![],
        ),
        control(
            "6.1.1.1",
            Part::Control,
            "6.1.1",
            Actor::Provider,
            1,
            (true, true, true),
            &[IaaS, PaaS],
            vec![
                reference("ISO27002", "6.1.1", Relation::Subset),
                reference("NIST", "PM-2", Relation::Intersect),
            ],
        ),
        control(
            "9.2.3.1",
            Part::Control,
            "9.2.3",
            Actor::Customer,
            3,
            (false, true, false),
            &[SaaS, IaaS],
            vec![
                reference("ISO27002", "9.2.3", Relation::Subset),
                reference("NIST", "AC-6", Relation::Intersect),
                reference("X", "a:b=c", Relation::Superset),
            ],
        ),
        control(
            "9.2.3.2",
            Part::Control,
            "9.2.3",
            Actor::Both,
            2,
            (true, false, true),
            &[PaaS],
            vec![],
        ),
        control(
            "CLD.6.3.1",
            Part::Control,
            "CLD.6.3",
            Actor::Provider,
            2,
            (true, false, false),
            &all,
            vec![reference("ISO27017", "CLD.6.3.1", Relation::Equal)],
        ),
    ];
    CriteriaVersion {
        version: "test-2026.1".to_owned(),
        title: Bilingual::new("試験用の基準、第 1 版", "Test criteria, \"first\" edition"),
        status: Status::Draft,
        published_on: None,
        transition_on: None,
        groups,
        controls,
        risks: vec![
            Risk {
                id: "H01".to_owned(),
                band: RiskBand::High,
                categories: vec![RiskCategory::Continuity, RiskCategory::Loss],
                stages: vec![RiskStage::ProviderSelection, RiskStage::Operation],
                title: Bilingual::new("障害の影響が広く及ぶ", "A failure reaches far"),
                objectives: vec!["9.2.3".to_owned(), "CLD.6.3".to_owned()],
                left_to: Bilingual::new(
                    "SLA で稼働率を定める。\n複数の地域に置く",
                    "Agree availability in the SLA;\nspread over \"regions\"",
                ),
            },
            Risk {
                id: "L21".to_owned(),
                band: RiskBand::Low,
                categories: vec![RiskCategory::Cost],
                stages: vec![RiskStage::BeforeAdoption],
                title: Bilingual::new("費用が見込みを超える", "Costs exceed the estimate"),
                objectives: vec![],
                left_to: Bilingual::new("契約で上限を定める", "Cap it in the contract"),
            },
        ],
    }
}

fn csv_of(version: &CriteriaVersion) -> Vec<u8> {
    let mut bytes = Vec::new();
    write_csv(version, &mut bytes).unwrap();
    bytes
}

mod broken_csv;
mod broken_xlsx;
mod conclusions;
mod round_trip;
mod statement;
mod template;

// Broken CSV tables, built from a small valid one.

/// Header (row 1), version (2), two groups (3, 4), two controls (5, 6).
fn base() -> Vec<Vec<String>> {
    let rows: [&[(&str, &str)]; 6] = [
        &[],
        &[
            ("kind", "version"),
            ("id", "v1"),
            ("title_ja", "版"),
            ("title_en", "Version"),
        ],
        &[
            ("kind", "group"),
            ("id", "G1"),
            ("part", "governance"),
            ("title_ja", "統治"),
            ("title_en", "Governance"),
            ("text_ja", "目的"),
            ("text_en", "Aim"),
        ],
        &[
            ("kind", "group"),
            ("id", "6.1.1"),
            ("part", "control"),
            ("title_ja", "組織"),
            ("title_en", "Organisation"),
            ("text_ja", "目的"),
            ("text_en", "Aim"),
        ],
        &[
            ("kind", "control"),
            ("id", "G1.1"),
            ("part", "governance"),
            ("objective", "G1"),
            ("text_ja", "本文"),
            ("text_en", "Text"),
            ("mandatory", "yes"),
            ("actor", "provider"),
            ("min_level", "1"),
            ("integrity", "no"),
            ("availability", "no"),
            ("service_models", "IaaS;PaaS;SaaS"),
        ],
        &[
            ("kind", "control"),
            ("id", "6.1.1.1"),
            ("part", "control"),
            ("objective", "6.1.1"),
            ("text_ja", "本文"),
            ("text_en", "Text"),
            ("mandatory", "yes"),
            ("actor", "both"),
            ("min_level", "2"),
            ("integrity", "yes"),
            ("availability", "no"),
            ("service_models", "SaaS"),
            (
                "technology_examples",
                "mfa: 多要素認証 | Multi-factor authentication\nsso: シングルサインオン | Single sign-on",
            ),
            ("references", "ISO27002:9.2.3=subset; NIST:AC-6=intersect"),
        ],
    ];
    let mut table = vec![COLUMNS.iter().map(|c| c.to_string()).collect::<Vec<_>>()];
    for cells in rows.iter().skip(1) {
        table.push(
            COLUMNS
                .iter()
                .map(|column| {
                    cells
                        .iter()
                        .find(|(name, _)| name == column)
                        .map(|(_, value)| value.to_string())
                        .unwrap_or_default()
                })
                .collect(),
        );
    }
    table
}

fn col(name: &str) -> usize {
    COLUMNS.iter().position(|c| *c == name).unwrap()
}

/// Sets a cell by 1-based row number and column name.
fn set(table: &mut [Vec<String>], row: usize, column: &str, value: &str) {
    table[row - 1][col(column)] = value.to_owned();
}

fn csv_bytes(table: &[Vec<String>]) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in table {
        writer.write_record(row).unwrap();
    }
    writer.into_inner().unwrap()
}

fn csv_error(table: &[Vec<String>]) -> TableError {
    read_csv_bytes("t.csv", &csv_bytes(table)).unwrap_err()
}

/// Checks the place: row, column name and cell; the sheet is absent for CSV.
fn at(error: &TableError, row: Option<usize>, column: Option<&str>, cell: Option<&str>) {
    let place = error.place().expect("a reading problem has a place");
    assert_eq!(
        (place.row, place.column.as_deref(), place.cell.as_deref()),
        (row, column, cell),
        "{error}"
    );
    let message = error.message();
    assert!(!message.ja.is_empty() && !message.en.is_empty());
    assert_eq!(error.to_string(), message.en);
}

fn in_sheet(error: &TableError, row: Option<usize>, column: Option<&str>, cell: Option<&str>) {
    assert_eq!(
        error.place().unwrap().sheet.as_deref(),
        Some("criteria"),
        "{error}"
    );
    at(error, row, column, cell);
}
