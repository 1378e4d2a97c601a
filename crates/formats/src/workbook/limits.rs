//! The bounds every spreadsheet read by shinrai is held to. They are far above what a real
//! criteria table, statement or conclusion needs (a whole NIST catalog as a table is about
//! 25,000 cells in a 2 MB file) and low enough that reading the largest file they allow stays
//! within a few hundred MB of memory and a few seconds.
//!
//! XLSX files are zip archives: every bound on sizes is checked first against what the zip
//! directory declares, before anything is inflated, and enforced again while inflating, since
//! a directory may lie. The bounds on rows, columns and cells are checked first against the
//! dimension a sheet declares, then against the cells actually read, since a sheet may lie too.
//! CSV files are held to the file size and to the bounds on rows, columns, cells and text.

const MIB: u64 = 1024 * 1024;

/// The largest file read, as stored (an XLSX file is compressed): 16 MiB.
pub const MAX_FILE_BYTES: u64 = 16 * MIB;

/// Most entries in an XLSX file's zip directory (sheets, styles, pictures, …): 1,000.
pub const MAX_ZIP_ENTRIES: u64 = 1_000;

/// Largest size one zip entry may inflate to: 64 MiB.
pub const MAX_ENTRY_BYTES: u64 = 64 * MIB;

/// Largest size of the parts read whole when a workbook is opened (the workbook part, its
/// styles and relationships), whose content is kept in memory: 16 MiB.
pub const MAX_PART_BYTES: u64 = 16 * MIB;

/// Largest size all zip entries together may inflate to: 128 MiB.
pub const MAX_TOTAL_BYTES: u64 = 128 * MIB;

/// Highest compression ratio of one zip entry (inflated size to compressed size), as zip bombs
/// have ratios in the thousands and spreadsheets around ten: 100.
pub const MAX_COMPRESSION_RATIO: u64 = 100;

/// Entries that inflate to no more than this are not held to [`MAX_COMPRESSION_RATIO`]: a
/// small part may compress very well and still costs nothing to inflate: 1 MiB.
pub const RATIO_GRACE_BYTES: u64 = MIB;

/// Most sheets in a workbook: 256.
pub const MAX_SHEETS: u64 = 256;

/// Highest row number of a cell: 100,000.
pub const MAX_ROWS: u64 = 100_000;

/// Highest column number of a cell: 1,024 (column `AMJ`).
pub const MAX_COLUMNS: u64 = 1_024;

/// Most cells in one sheet or CSV file, counted as declared and as read (empty cells a
/// spreadsheet writes for their formatting count too): 1,000,000.
pub const MAX_CELLS: u64 = 1_000_000;

/// Longest text of one cell or formula, in characters; Excel's own limit: 32,767.
pub const MAX_CELL_CHARS: u64 = 32_767;

/// Most text in all the cells of one sheet together, in UTF-8 bytes. A shared string is
/// counted once for each cell that shows it, since each cell gets its own copy: 64 MiB.
pub const MAX_SHEET_TEXT_BYTES: u64 = 64 * MIB;

/// Most strings in a workbook's shared string table, counted as declared and as read:
/// 1,000,000.
pub const MAX_SHARED_STRINGS: u64 = 1_000_000;

/// Most text in the shared string table, in bytes as stored: 32 MiB.
pub const MAX_SHARED_STRINGS_BYTES: u64 = 32 * MIB;

/// Most cell formats (`cellXfs`) in a workbook's styles; Excel's own limit: 65,490.
pub const MAX_CELL_FORMATS: u64 = 65_490;

/// Most memory the cell formats may take once a workbook is opened: each cell format is a
/// record of its own holding a copy of the font name and the number format code it refers to,
/// so one long name shared by many formats would otherwise multiply: 32 MiB.
pub const MAX_STYLE_BYTES: u64 = 32 * MIB;

/// Most problems listed when a table is refused; past them, problems are only counted, so that
/// a file with a million wrong cells costs no more memory than one with a thousand: 1,000.
pub const MAX_PROBLEMS: u64 = 1_000;
