//! What every spreadsheet of shinrai says the same way of its header and cells, in Japanese and
//! English: the criteria tables and the forms ([`sheet_form`](crate::sheet_form)) alike.

use std::io;

use shinrai_domain::text::Bilingual;

use super::error::CellType;

pub(crate) fn empty() -> Bilingual {
    Bilingual::new(
        "空です。1 行目に見出し行が必要です",
        "it is empty; the first row must be the header",
    )
}

pub(crate) fn missing_column() -> Bilingual {
    Bilingual::new(
        "見出し行にこの列がありません",
        "the header has no such column",
    )
}

pub(crate) fn duplicate_column(first: &str) -> Bilingual {
    Bilingual::new(
        format!("同じ列が {first} にもあります"),
        format!("the same column is in {first} already"),
    )
}

pub(crate) fn value_without_column() -> Bilingual {
    Bilingual::new(
        "見出しのない列に値があります",
        "a value in a column without a header",
    )
}

pub(crate) fn required(kind: &str) -> Bilingual {
    Bilingual::new(
        format!("{kind} の行では空にできません"),
        format!("must not be empty in a {kind} row"),
    )
}

pub(crate) fn not_applicable(kind: &str) -> Bilingual {
    Bilingual::new(
        format!("{kind} の行ではこの列は使いません。空にしてください"),
        format!("a {kind} row does not use this column; leave it empty"),
    )
}

pub(crate) fn formula(formula: &str) -> Bilingual {
    Bilingual::new(
        format!("数式（{formula}）は使えません。値を入力してください"),
        format!("a formula ({formula}) is not accepted; enter the value itself"),
    )
}

pub(crate) fn wrong_cell_type(found: CellType) -> Bilingual {
    let (ja, en) = found.names();
    Bilingual::new(
        format!("{ja}のセルは使えません。文字列として入力してください"),
        format!("{en} cell is not accepted here; enter it as text"),
    )
}

pub(crate) fn cannot_write(source: &io::Error) -> Bilingual {
    Bilingual::new(
        format!("書き出せません: {source}"),
        format!("cannot write: {source}"),
    )
}

pub(crate) fn cannot_make_xlsx(detail: &str) -> Bilingual {
    Bilingual::new(
        format!("XLSX を作れません: {detail}"),
        format!("cannot make the XLSX file: {detail}"),
    )
}
