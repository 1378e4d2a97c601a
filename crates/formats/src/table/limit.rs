//! Which bound of [`crate::workbook::limits`] a file goes over, and how to say so.

use shinrai_domain::text::Bilingual;

/// A bound a spreadsheet goes over. Counts that were read to the end are given; a reading that
/// stopped at the bound gives the bound alone ("more than …").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Limit {
    /// The file is larger than [`MAX_FILE_BYTES`](crate::workbook::limits::MAX_FILE_BYTES).
    FileSize { bytes: u64, max: u64 },
    /// The zip directory lists too many entries.
    ZipEntries { count: u64, max: u64 },
    /// One zip entry declares or inflates to more than allowed.
    EntrySize { entry: String, max: u64 },
    /// One zip entry inflates to more than its zip directory declares.
    EntryUndeclared { entry: String, declared: u64 },
    /// The zip entries together declare or inflate to more than allowed.
    TotalSize { max: u64 },
    /// One zip entry is compressed more than allowed (a zip bomb).
    CompressionRatio { entry: String, max: u64 },
    /// The workbook has too many sheets.
    Sheets { count: u64, max: u64 },
    /// The sheet declares a dimension of more cells than allowed.
    DeclaredCells { range: String, cells: u64, max: u64 },
    /// The sheet declares a dimension reaching below the last row allowed.
    DeclaredRows { range: String, max: u64 },
    /// The sheet declares a dimension reaching right of the last column allowed.
    DeclaredColumns { range: String, max: u64 },
    /// The sheet or CSV file holds more cells than allowed.
    Cells { max: u64 },
    /// A cell below the last row allowed (its place says which).
    Row { max: u64 },
    /// A cell right of the last column allowed (its place says which).
    Column { max: u64 },
    /// One cell's text or formula is longer than allowed.
    CellText { chars: u64, max: u64 },
    /// The text of all the sheet's cells adds up to more than allowed.
    SheetText { max: u64 },
    /// The shared string table declares or holds more strings than allowed.
    SharedStrings { count: u64, max: u64 },
    /// The shared strings add up to more text than allowed.
    SharedStringsBytes { max: u64 },
    /// The styles define more cell formats than allowed.
    CellFormats { count: u64, max: u64 },
    /// The cell formats, with the font names and number formats they copy, take more than
    /// allowed.
    StyleBytes { max: u64 },
}

impl Limit {
    /// What is over which bound, in both languages.
    pub fn reason(&self) -> Bilingual {
        use Limit::*;
        match self {
            FileSize { bytes, max } => Bilingual::new(
                format!(
                    "ファイルが {} あり、上限の {} を超えています",
                    size_ja(*bytes),
                    size_ja(*max)
                ),
                format!(
                    "the file is {}, more than the {} allowed",
                    size_en(*bytes),
                    size_en(*max)
                ),
            ),
            ZipEntries { count, max } => Bilingual::new(
                format!(
                    "ブックの zip に {} 個の部品があり、上限の {} 個を超えています",
                    grouped(*count),
                    grouped(*max)
                ),
                format!(
                    "the workbook's zip holds {} entries, more than the {} allowed",
                    grouped(*count),
                    grouped(*max)
                ),
            ),
            EntrySize { entry, max } => Bilingual::new(
                format!(
                    "部品 {entry} を展開すると上限の {} を超えます",
                    size_ja(*max)
                ),
                format!(
                    "the entry {entry} inflates to more than the {} allowed",
                    size_en(*max)
                ),
            ),
            EntryUndeclared { entry, declared } => Bilingual::new(
                format!(
                    "部品 {entry} が zip の目録にある大きさ（{}）を超えて展開されます。壊れているか細工されたファイルです",
                    size_ja(*declared)
                ),
                format!(
                    "the entry {entry} inflates to more than the {} its zip directory declares; the file is damaged or crafted",
                    size_en(*declared)
                ),
            ),
            TotalSize { max } => Bilingual::new(
                format!(
                    "ブックの部品を展開すると合計が上限の {} を超えます",
                    size_ja(*max)
                ),
                format!(
                    "the workbook's entries inflate to more than the {} allowed in total",
                    size_en(*max)
                ),
            ),
            CompressionRatio { entry, max } => Bilingual::new(
                format!(
                    "部品 {entry} の圧縮率が上限の {} 倍を超えています（zip 爆弾のおそれ）",
                    grouped(*max)
                ),
                format!(
                    "the entry {entry} is compressed more than the {} to 1 allowed (a zip bomb?)",
                    grouped(*max)
                ),
            ),
            Sheets { count, max } => Bilingual::new(
                format!(
                    "シートが {} 枚あり、上限の {} 枚を超えています",
                    grouped(*count),
                    grouped(*max)
                ),
                format!(
                    "the workbook has {} sheets, more than the {} allowed",
                    grouped(*count),
                    grouped(*max)
                ),
            ),
            DeclaredCells { range, cells, max } => Bilingual::new(
                format!(
                    "範囲 {range}（{} セル）が宣言されており、上限の {} セルを超えています",
                    grouped(*cells),
                    grouped(*max)
                ),
                format!(
                    "declares {range} ({} cells), more than the {} allowed",
                    grouped(*cells),
                    grouped(*max)
                ),
            ),
            DeclaredRows { range, max } => Bilingual::new(
                format!(
                    "範囲 {range} が宣言されており、上限の {} 行を超えています",
                    grouped(*max)
                ),
                format!(
                    "declares {range}, beyond the {} rows allowed",
                    grouped(*max)
                ),
            ),
            DeclaredColumns { range, max } => Bilingual::new(
                format!(
                    "範囲 {range} が宣言されており、上限の {} 列を超えています",
                    grouped(*max)
                ),
                format!(
                    "declares {range}, beyond the {} columns allowed",
                    grouped(*max)
                ),
            ),
            Cells { max } => Bilingual::new(
                format!("セルが上限の {} 個を超えています", grouped(*max)),
                format!("holds more than the {} cells allowed", grouped(*max)),
            ),
            Row { max } => Bilingual::new(
                format!("上限の {} 行を超えた位置にセルがあります", grouped(*max)),
                format!("a cell beyond the {} rows allowed", grouped(*max)),
            ),
            Column { max } => Bilingual::new(
                format!("上限の {} 列を超えた位置にセルがあります", grouped(*max)),
                format!("a cell beyond the {} columns allowed", grouped(*max)),
            ),
            CellText { chars, max } => Bilingual::new(
                format!(
                    "文字列が {} 文字あり、上限の {} 文字を超えています",
                    grouped(*chars),
                    grouped(*max)
                ),
                format!(
                    "the text is {} characters long, more than the {} allowed",
                    grouped(*chars),
                    grouped(*max)
                ),
            ),
            SheetText { max } => Bilingual::new(
                format!(
                    "セルの文字列の合計が上限の {} を超えています",
                    size_ja(*max)
                ),
                format!(
                    "the text of the cells adds up to more than the {} allowed",
                    size_en(*max)
                ),
            ),
            SharedStrings { count, max } => Bilingual::new(
                format!(
                    "共有文字列が {} 個あり、上限の {} 個を超えています",
                    grouped(*count),
                    grouped(*max)
                ),
                format!(
                    "the shared string table holds {} strings, more than the {} allowed",
                    grouped(*count),
                    grouped(*max)
                ),
            ),
            SharedStringsBytes { max } => Bilingual::new(
                format!("共有文字列の合計が上限の {} を超えています", size_ja(*max)),
                format!(
                    "the shared strings add up to more than the {} allowed",
                    size_en(*max)
                ),
            ),
            CellFormats { count, max } => Bilingual::new(
                format!(
                    "セルの書式が {} 個あり、上限の {} 個を超えています",
                    grouped(*count),
                    grouped(*max)
                ),
                format!(
                    "the styles define {} cell formats, more than the {} allowed",
                    grouped(*count),
                    grouped(*max)
                ),
            ),
            StyleBytes { max } => Bilingual::new(
                format!(
                    "セルの書式（参照するフォント名と表示形式を含む）が上限の {} を超えます",
                    size_ja(*max)
                ),
                format!(
                    "the cell formats, with the font names and number formats they copy, take more than the {} allowed",
                    size_en(*max)
                ),
            ),
        }
    }
}

/// A count with thousands separators: `17,179,869,184`.
pub(crate) fn grouped(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

const MIB: u64 = 1024 * 1024;

/// A size in bytes, in MiB when it is a whole number of them.
fn size_en(bytes: u64) -> String {
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", grouped(bytes / MIB))
    } else {
        format!("{} bytes", grouped(bytes))
    }
}

fn size_ja(bytes: u64) -> String {
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", grouped(bytes / MIB))
    } else {
        format!("{} バイト", grouped(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(17_179_869_184), "17,179,869,184");
        assert_eq!(size_en(16 * MIB), "16 MiB");
        assert_eq!(size_en(1_500), "1,500 bytes");
        assert_eq!(size_ja(1_500), "1,500 バイト");
    }
}
