//! Broken CSV tables, built from a small valid one: each refused with its row and column.

use super::*;

#[test]
fn the_base_table_reads() {
    let version = read_csv_bytes("t.csv", &csv_bytes(&base())).unwrap();
    assert_eq!(version.version, "v1");
    assert_eq!(version.groups.len(), 2);
    assert_eq!(version.controls.len(), 2);
    assert_eq!(version.controls[1].references.len(), 2);
    assert_eq!(
        version.controls[1].technology_examples,
        [
            TechnologyExample::new("mfa", "多要素認証", "Multi-factor authentication"),
            TechnologyExample::new("sso", "シングルサインオン", "Single sign-on"),
        ]
    );
}

#[test]
fn missing_column() {
    let mut table = base();
    for row in &mut table {
        row.remove(col("actor"));
    }
    let error = csv_error(&table);
    assert!(matches!(error, TableError::MissingColumn { .. }), "{error}");
    at(&error, Some(1), Some("actor"), None);
    assert_eq!(
        error.to_string(),
        "t.csv: row 1, column actor: the header has no such column"
    );
}

#[test]
fn optional_columns_may_be_left_out() {
    let mut table = base();
    for row in &mut table {
        row.truncate(col("technology_examples"));
    }
    let version = read_csv_bytes("t.csv", &csv_bytes(&table)).unwrap();
    assert!(version.controls[1].references.is_empty());
    assert!(version.controls[1].technology_examples.is_empty());
}

#[test]
fn unknown_column() {
    let mut table = base();
    table[0][col("actor")] = "Actor".to_owned();
    let error = csv_error(&table);
    assert!(
        matches!(&error, TableError::UnknownColumn { name, .. } if name == "Actor"),
        "{error}"
    );
    at(&error, Some(1), Some("Actor"), Some("J1"));
}

#[test]
fn duplicate_column() {
    let mut table = base();
    for row in &mut table {
        let id = row[col("id")].clone();
        row.push(id);
    }
    let error = csv_error(&table);
    assert!(
        matches!(&error, TableError::DuplicateColumn { first, .. } if first == "B1"),
        "{error}"
    );
    at(&error, Some(1), Some("id"), Some("U1"));
}

#[test]
fn columns_in_any_order() {
    let mut table = base();
    for row in &mut table {
        row.reverse();
    }
    let version = read_csv_bytes("t.csv", &csv_bytes(&table)).unwrap();
    assert_eq!(
        version,
        read_csv_bytes("t.csv", &csv_bytes(&base())).unwrap()
    );
}

#[test]
fn duplicate_id_names_the_first_row() {
    let mut table = base();
    set(&mut table, 6, "id", "G1.1");
    let error = csv_error(&table);
    assert!(
        matches!(&error, TableError::DuplicateId { id, first_row: 5, .. } if id == "G1.1"),
        "{error}"
    );
    at(&error, Some(6), Some("id"), Some("B6"));
    assert!(
        error
            .to_string()
            .ends_with("id G1.1 is used in row 5 already")
    );
}

#[test]
fn level_four() {
    let mut table = base();
    set(&mut table, 6, "min_level", "4");
    let error = csv_error(&table);
    assert!(
        matches!(&error, TableError::BadLevel { value, .. } if value == "4"),
        "{error}"
    );
    assert_eq!(
        error.to_string(),
        "t.csv: row 6, column min_level (K6): level 4 is not 1, 2 or 3"
    );
    assert_eq!(
        error.message().ja,
        "t.csv: 6 行目、列 min_level (K6): レベル 4 は 1、2、3 のいずれでもありません"
    );
}

#[test]
fn unknown_objective() {
    let mut table = base();
    set(&mut table, 6, "objective", "6.1.2");
    let error = csv_error(&table);
    assert!(
        matches!(&error, TableError::UnknownObjective { objective, .. } if objective == "6.1.2"),
        "{error}"
    );
    at(&error, Some(6), Some("objective"), Some("D6"));
}

#[test]
fn objective_of_another_part() {
    let mut table = base();
    set(&mut table, 6, "objective", "G1");
    let error = csv_error(&table);
    assert!(
        matches!(
            error,
            TableError::ObjectivePart {
                objective_part: Part::Governance,
                part: Part::Control,
                ..
            }
        ),
        "{error}"
    );
    at(&error, Some(6), Some("objective"), Some("D6"));
}

#[test]
fn objective_may_come_after_its_controls() {
    let mut table = base();
    let group = table.remove(3);
    table.push(group);
    let version = read_csv_bytes("t.csv", &csv_bytes(&table)).unwrap();
    assert_eq!(version.groups[1].id, "6.1.1");
}

#[test]
fn empty_japanese_text() {
    let mut table = base();
    set(&mut table, 5, "text_ja", "  \u{3000} ");
    let error = csv_error(&table);
    assert!(
        matches!(
            error,
            TableError::Required {
                kind: "control",
                ..
            }
        ),
        "{error}"
    );
    at(&error, Some(5), Some("text_ja"), Some("G5"));
    assert_eq!(
        error.to_string(),
        "t.csv: row 5, column text_ja (G5): a control row needs the Japanese text"
    );
    assert!(error.message().ja.contains("日本語の文が必要です"));

    let mut table = base();
    set(&mut table, 2, "title_en", "");
    let error = csv_error(&table);
    at(&error, Some(2), Some("title_en"), Some("F2"));
}

#[test]
fn empty_csv() {
    for bytes in [&b""[..], b"\xEF\xBB\xBF", b"\r\n\r\n", b",,,\r\n"] {
        let error = read_csv_bytes("e.csv", bytes).unwrap_err();
        assert!(matches!(error, TableError::Empty { .. }), "{error}");
        at(&error, None, None, None);
        assert_eq!(error.place().unwrap().file, "e.csv");
    }
}

#[test]
fn no_version_row_and_two_version_rows() {
    let mut table = base();
    table.remove(1);
    let error = csv_error(&table);
    assert!(matches!(error, TableError::NoVersionRow { .. }), "{error}");

    let mut table = base();
    let version = table[1].clone();
    table.push(version);
    let error = csv_error(&table);
    assert!(
        matches!(error, TableError::ExtraVersionRow { first_row: 2, .. }),
        "{error}"
    );
    at(&error, Some(7), Some("kind"), Some("A7"));
}

#[test]
fn bad_codes_are_named() {
    let cases: [(usize, &str, &str, &str); 9] = [
        (3, "kind", "groupe", "A3"),
        (3, "part", "controls", "C3"),
        (5, "actor", "vendor", "J5"),
        (5, "mandatory", "maybe", "I5"),
        (5, "service_models", "IaaS;FaaS", "N5"),
        (6, "service_models", " ; ", "N6"),
        (6, "references", "ISO27002 9.2.3=subset", "P6"),
        (6, "references", "ISO27002:9.2.3=partly", "P6"),
        (2, "id", "v 1", "B2"),
    ];
    for (row, column, value, cell) in cases {
        let mut table = base();
        set(&mut table, row, column, value);
        let error = csv_error(&table);
        let expected = match column {
            "kind" => matches!(error, TableError::UnknownKind { .. }),
            "part" => matches!(error, TableError::UnknownPart { .. }),
            "actor" => matches!(error, TableError::UnknownActor { .. }),
            "mandatory" => matches!(error, TableError::BadBoolean { .. }),
            "service_models" if value.contains('F') => {
                matches!(&error, TableError::UnknownServiceModel { value, .. } if value == "FaaS")
            }
            "service_models" => matches!(error, TableError::Required { .. }),
            "references" if value.contains("partly") => {
                matches!(error, TableError::UnknownRelation { .. })
            }
            "references" => matches!(error, TableError::BadReference { .. }),
            "id" => matches!(error, TableError::BadVersionId { .. }),
            _ => false,
        };
        assert!(expected, "{column}={value}: {error}");
        at(&error, Some(row), Some(column), Some(cell));
    }
}

#[test]
fn row_without_kind() {
    let mut table = base();
    set(&mut table, 4, "kind", "");
    let error = csv_error(&table);
    assert!(
        matches!(&error, TableError::UnknownKind { value, .. } if value.is_empty()),
        "{error}"
    );
    at(&error, Some(4), Some("kind"), Some("A4"));
    assert!(
        error
            .to_string()
            .ends_with("kind is empty; it must be version, group, control or risk")
    );
}

#[test]
fn values_in_unused_or_unnamed_columns() {
    let mut table = base();
    set(&mut table, 3, "min_level", "2");
    let error = csv_error(&table);
    assert!(
        matches!(error, TableError::NotApplicable { kind: "group", .. }),
        "{error}"
    );
    at(&error, Some(3), Some("min_level"), Some("K3"));

    let mut table = base();
    table[0].push(String::new());
    for row in &mut table {
        row.resize(COLUMNS.len() + 1, String::new());
    }
    table[3][COLUMNS.len()] = "stray".to_owned();
    let error = csv_error(&table);
    assert!(
        matches!(error, TableError::ValueWithoutColumn { .. }),
        "{error}"
    );
    at(&error, Some(4), None, Some("U4"));
}

#[test]
fn lenient_where_it_is_safe() {
    let mut table = base();
    set(&mut table, 5, "kind", " Control ");
    set(&mut table, 5, "actor", "Provider");
    set(&mut table, 5, "mandatory", "はい");
    set(&mut table, 5, "integrity", "FALSE");
    set(&mut table, 5, "availability", "0");
    set(&mut table, 5, "service_models", "saas; IaaS;SaaS;");
    set(&mut table, 5, "text_en", "  Text\n");
    set(&mut table, 6, "references", "ISO27002:9.2.3 = Subset;");
    let version = read_csv_bytes("t.csv", &csv_bytes(&table)).unwrap();
    let control = &version.controls[0];
    assert_eq!(control.actor, Actor::Provider);
    assert!(control.mandatory && !control.integrity && !control.availability);
    assert_eq!(
        control.service_models,
        [ServiceModel::SaaS, ServiceModel::IaaS]
    );
    assert_eq!(control.text.en, "Text");
    assert_eq!(
        version.controls[1].references,
        [reference("ISO27002", "9.2.3", Relation::Subset)]
    );
}

#[test]
fn every_problem_sorted_by_row() {
    let mut table = base();
    set(&mut table, 6, "min_level", "4");
    set(&mut table, 5, "actor", "vendor");
    set(&mut table, 3, "text_en", "");
    let problems = diagnose_csv_bytes("t.csv", &csv_bytes(&table)).unwrap_err();
    let rows: Vec<_> = problems.iter().map(|p| p.place().unwrap().row).collect();
    assert_eq!(rows, [Some(3), Some(5), Some(6)]);
    assert!(matches!(problems.first(), TableError::Required { .. }));
    assert_eq!(problems.to_string().lines().count(), 3);
    // The single-error readers give the earliest.
    assert!(matches!(csv_error(&table), TableError::Required { .. }));
}

#[test]
fn a_table_of_countless_problems_lists_the_first_thousand_and_counts_the_rest() {
    // Each of these rows has an unknown kind: 5,000 problems, of which 1,000 are listed.
    let mut bytes = csv_bytes(&base());
    for row in 0..5_000 {
        bytes.extend_from_slice(format!("nonsense{row},x\r\n").as_bytes());
    }
    let problems = diagnose_csv_bytes("t.csv", &bytes).unwrap_err();
    assert_eq!(problems.len(), 1_000);
    assert_eq!(problems.omitted(), 4_000);
    assert!(matches!(problems.first(), TableError::UnknownKind { .. }));
    let shown = problems.to_string();
    assert_eq!(shown.lines().count(), 1_001);
    assert!(
        shown.ends_with("and 4,000 more problems (only the first 1,000 are listed)"),
        "{}",
        shown.lines().last().unwrap()
    );
    assert!(
        problems
            .omitted_message()
            .unwrap()
            .ja
            .contains("ほかに 4,000 件の問題があります")
    );
}

#[test]
fn not_utf8() {
    // 管理 in Shift_JIS, as Excel's plain "CSV" saves it.
    let mut bytes = csv_bytes(&base());
    bytes.extend_from_slice(b"control,\x8a\xc7\x97\x9d\r\n");
    let error = read_csv_bytes("sjis.csv", &bytes).unwrap_err();
    assert!(matches!(error, TableError::NotUtf8 { .. }), "{error}");
    at(&error, Some(7), None, Some("B7"));
    assert!(error.to_string().contains("CSV UTF-8"));
}

#[test]
fn broken_csv_syntax_and_files() {
    // The csv crate takes an unclosed quote to the end of the file: the header lacks columns.
    let error = read_csv_bytes("q.csv", b"kind,id\r\n\"version,v1\r\n").unwrap_err();
    assert!(matches!(error, TableError::MissingColumn { .. }), "{error}");

    let dir = tempfile::tempdir().unwrap();
    let error = read_table(&dir.path().join("criteria.ods")).unwrap_err();
    assert!(
        matches!(error, TableError::UnsupportedFormat { .. }),
        "{error}"
    );
    let error = read_table(&dir.path().join("absent.csv")).unwrap_err();
    assert!(matches!(error, TableError::Io { .. }), "{error}");
    assert!(error.to_string().contains("absent.csv"));
}

// Levels and models of governance and management items; technology examples.

#[test]
fn items_may_leave_level_and_models_to_the_defaults_but_controls_may_not() {
    let mut table = base();
    set(&mut table, 5, "min_level", "");
    set(&mut table, 5, "service_models", "");
    let version = read_csv_bytes("t.csv", &csv_bytes(&table)).unwrap();
    let item = &version.controls[0];
    assert_eq!(item.part, Part::Governance);
    assert_eq!(item.min_level, Level::LOW);
    assert_eq!(item.service_models, ServiceModel::ALL);

    set(&mut table, 5, "min_level", "3");
    set(&mut table, 5, "service_models", "PaaS;SaaS");
    let version = read_csv_bytes("t.csv", &csv_bytes(&table)).unwrap();
    let item = &version.controls[0];
    assert_eq!(item.min_level, Level::HIGH);
    assert_eq!(
        item.service_models,
        [ServiceModel::PaaS, ServiceModel::SaaS]
    );

    for column in ["min_level", "service_models"] {
        let mut table = base();
        set(&mut table, 6, column, "");
        let error = csv_error(&table);
        assert!(
            matches!(
                error,
                TableError::Required {
                    kind: "control",
                    ..
                }
            ),
            "{error}"
        );
        let cell = if column == "min_level" { "K6" } else { "N6" };
        at(&error, Some(6), Some(column), Some(cell));
    }
}

#[test]
fn an_item_with_a_bad_level_or_an_unknown_model_is_refused() {
    let mut table = base();
    set(&mut table, 5, "min_level", "0");
    let error = csv_error(&table);
    assert!(
        matches!(&error, TableError::BadLevel { value, .. } if value == "0"),
        "{error}"
    );
    at(&error, Some(5), Some("min_level"), Some("K5"));

    let mut table = base();
    set(&mut table, 5, "service_models", "SaaS;DaaS");
    let error = csv_error(&table);
    assert!(
        matches!(&error, TableError::UnknownServiceModel { value, .. } if value == "DaaS"),
        "{error}"
    );
    at(&error, Some(5), Some("service_models"), Some("N5"));
    assert_eq!(
        error.to_string(),
        "t.csv: row 5, column service_models (N5): service model \"DaaS\" is not IaaS, PaaS or SaaS"
    );
}

#[test]
fn technology_examples_read_one_a_line_in_either_width() {
    let mut table = base();
    set(
        &mut table,
        5,
        "technology_examples",
        "\r\n board-minutes：取締役会議事録｜Board minutes \r\n\r\nciso: CISO の任命書 | Letter appointing the CISO",
    );
    let version = read_csv_bytes("t.csv", &csv_bytes(&table)).unwrap();
    assert_eq!(
        version.controls[0].technology_examples,
        [
            TechnologyExample::new("board-minutes", "取締役会議事録", "Board minutes"),
            TechnologyExample::new("ciso", "CISO の任命書", "Letter appointing the CISO"),
        ]
    );
}

#[test]
fn a_duplicate_example_id_names_the_control_and_the_id() {
    let mut table = base();
    set(
        &mut table,
        6,
        "technology_examples",
        "mfa: 多要素認証 | MFA\nmfa: ワンタイムパスワード | One-time passwords",
    );
    let error = csv_error(&table);
    assert!(
        matches!(&error, TableError::DuplicateExampleId { control, id, .. }
            if control == "6.1.1.1" && id == "mfa"),
        "{error}"
    );
    at(&error, Some(6), Some("technology_examples"), Some("O6"));
    assert_eq!(
        error.to_string(),
        "t.csv: row 6, column technology_examples (O6): control 6.1.1.1: technology example id \"mfa\" is used more than once"
    );
    assert!(error.message().ja.contains("管理策 6.1.1.1"));
}

#[test]
fn malformed_example_entries_and_ids_are_each_named() {
    let cases: [(&str, &str); 5] = [
        ("mfa 多要素認証 | MFA", "entry"),
        ("mfa: 多要素認証", "entry"),
        ("mfa: 多要素認証 | MFA | more", "entry"),
        ("mfa:  | MFA", "entry"),
        ("Multi Factor: 多要素認証 | MFA", "id"),
    ];
    for (value, kind) in cases {
        let mut table = base();
        set(&mut table, 6, "technology_examples", value);
        let error = csv_error(&table);
        let expected = match kind {
            "entry" => {
                matches!(&error, TableError::BadExampleEntry { control, value: v, .. }
                    if control == "6.1.1.1" && v == value)
            }
            _ => matches!(&error, TableError::BadExampleId { id, .. } if id == "Multi Factor"),
        };
        assert!(expected, "{value}: {error}");
        at(&error, Some(6), Some("technology_examples"), Some("O6"));
    }

    // Every bad line of a cell is listed, and the examples of other rows too.
    let mut table = base();
    set(
        &mut table,
        6,
        "technology_examples",
        "mfa: 多要素認証 | MFA\nbroken\nMFA: 多要素認証 | MFA\nmfa: 多要素認証 | MFA",
    );
    set(&mut table, 5, "technology_examples", "also broken");
    let problems = diagnose_csv_bytes("t.csv", &csv_bytes(&table)).unwrap_err();
    let codes: Vec<(usize, &str)> = problems
        .iter()
        .map(|problem| {
            let kind = match problem {
                TableError::BadExampleEntry { .. } => "entry",
                TableError::BadExampleId { .. } => "id",
                TableError::DuplicateExampleId { .. } => "duplicate",
                _ => "other",
            };
            (problem.place().unwrap().row.unwrap(), kind)
        })
        .collect();
    assert_eq!(
        codes,
        [(5, "entry"), (6, "entry"), (6, "id"), (6, "duplicate")]
    );
    assert!(
        problems
            .first()
            .to_string()
            .contains("technology example \"also broken\" of control G1.1 is not \"id: Japanese name | English name\"")
    );
}

#[test]
fn the_columns_of_earlier_releases_point_to_the_new_one() {
    let mut table = base();
    table[0][col("technology_examples")] = "examples_ja".to_owned();
    let error = csv_error(&table);
    assert!(
        matches!(&error, TableError::UnknownColumn { name, .. } if name == "examples_ja"),
        "{error}"
    );
    assert!(error.to_string().ends_with(
        "there is no column \"examples_ja\"; technology examples go in the column technology_examples, one \"id: Japanese name | English name\" a line"
    ));
    assert!(error.message().ja.contains("technology_examples 列"));
}

#[test]
fn risk_rows_name_their_codes_and_objectives_and_only_their_columns() {
    let mut table = base();
    let mut risk = vec![String::new(); COLUMNS.len()];
    for (column, value) in [
        ("kind", "Risk"),
        ("id", "H01"),
        ("title_ja", "集中"),
        ("title_en", "Concentration"),
        ("text_ja", "SLA で定める"),
        ("text_en", "Agree it in the SLA"),
        ("band", "HIGH"),
        ("risk_categories", "continuity; loss"),
        ("stages", "operation"),
        ("objectives", "6.1.1; G1"),
    ] {
        risk[col(column)] = value.to_owned();
    }
    table.push(risk.clone());
    let version = read_csv_bytes("t.csv", &csv_bytes(&table)).unwrap();
    assert_eq!(version.risks.len(), 1);
    assert_eq!(version.risks[0].band, RiskBand::High);
    assert_eq!(
        version.risks[0].categories,
        [RiskCategory::Continuity, RiskCategory::Loss]
    );
    assert_eq!(version.risks[0].objectives, ["6.1.1", "G1"]);

    // A table without the risk columns reads as before, with no map.
    let narrow: Vec<Vec<String>> = base()
        .into_iter()
        .map(|row| row[..col("band")].to_vec())
        .collect();
    assert!(
        read_csv_bytes("t.csv", &csv_bytes(&narrow))
            .unwrap()
            .risks
            .is_empty()
    );

    let mut bad = table.clone();
    set(&mut bad, 7, "band", "severe");
    let error = csv_error(&bad);
    at(&error, Some(7), Some("band"), Some("Q7"));
    assert!(
        error
            .to_string()
            .contains("\"severe\" is not one of high, medium, low"),
        "{error}"
    );
    let mut bad = table.clone();
    set(&mut bad, 7, "stages", "operation;later");
    at(&csv_error(&bad), Some(7), Some("stages"), Some("S7"));
    let mut bad = table.clone();
    set(&mut bad, 7, "objectives", "6.1.1; 9.9.9");
    let error = csv_error(&bad);
    at(&error, Some(7), Some("objectives"), Some("T7"));
    assert!(
        matches!(&error, TableError::UnknownObjective { objective, .. } if objective == "9.9.9")
    );
    let mut bad = table.clone();
    set(&mut bad, 7, "risk_categories", "");
    at(
        &csv_error(&bad),
        Some(7),
        Some("risk_categories"),
        Some("R7"),
    );
    let mut bad = table.clone();
    set(&mut bad, 7, "part", "control");
    let error = csv_error(&bad);
    at(&error, Some(7), Some("part"), Some("C7"));
    assert!(matches!(error, TableError::NotApplicable { .. }));
    let mut bad = table.clone();
    set(&mut bad, 6, "band", "high");
    assert!(matches!(csv_error(&bad), TableError::NotApplicable { .. }));
    let mut twice = table.clone();
    twice.push(risk);
    let error = csv_error(&twice);
    at(&error, Some(8), Some("id"), Some("B8"));
    assert!(matches!(
        error,
        TableError::DuplicateId { first_row: 7, .. }
    ));
}
