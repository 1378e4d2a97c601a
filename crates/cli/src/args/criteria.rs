//! `shinrai criteria …`: versions imported, published, exported, compared and checked.

use super::*;

#[derive(Debug, Subcommand)]
pub enum CriteriaCommand {
    /// Import criteria as a draft version: an OSCAL catalog (with one profile per level), CSV or
    /// XLSX; all or nothing / 管理基準を案として取り込む（OSCAL カタログと水準別プロファイル、CSV、XLSX）。全部か無か
    Import(CriteriaImportArgs),
    /// Publish a draft version; it never changes afterwards / 案を公表する（以後変更不可）
    Publish(CriteriaPublishArgs),
    /// Export a version as OSCAL (catalog and level profiles), CSV or XLSX / 版を OSCAL・CSV・XLSX で出力する
    Export(CriteriaExportArgs),
    /// Write an empty CSV or XLSX table in the import layout / 取込み用の空の表を書き出す
    Template(CriteriaTemplateArgs),
    /// Added, removed and changed controls between two versions / 2 つの版の間で追加・削除・変更された管理策
    Diff(CriteriaDiffArgs),
    /// The criteria versions with status and counts / 版の一覧と件数
    List(CriteriaListArgs),
    /// One version, or one control of it / 版またはその管理策を表示する
    Show(CriteriaShowArgs),
    /// Check a version (stored, or a file to import) for consistency / 版（保存済み又は取込み前のファイル）の整合性を検査する
    #[command(
        after_help = "Exit status: 0 consistent, 1 problems found (each is listed), 2 unreadable.\n\
                      終了コード: 0 問題なし、1 問題あり（すべて表示）、2 読み込み不能"
    )]
    Check(CriteriaCheckArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CriteriaFormatArg {
    Oscal,
    Csv,
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormatArg {
    Csv,
    Xlsx,
}

#[derive(Debug, Args)]
pub struct CriteriaImportArgs {
    /// The file: OSCAL catalog (.json/.yaml), .csv or .xlsx / 取り込むファイル
    pub file: PathBuf,
    /// The version id to store it under (default: the id in the file, or the file's name) /
    /// 保存する版 ID（既定はファイル内の ID 又はファイル名）
    #[arg(long, value_name = "V")]
    pub version: Option<String>,
    /// OSCAL profiles for levels 1, 2, 3, comma-separated: a control's level is the lowest
    /// profile that includes it / 水準 1,2,3 の OSCAL プロファイル（カンマ区切り）
    #[arg(long, value_name = "L1,L2,L3", value_delimiter = ',')]
    pub level_profiles: Vec<PathBuf>,
    /// Print the result as JSON / 結果を JSON で出力する
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CriteriaPublishArgs {
    pub version: String,
    /// The publication date (default: today, UTC) / 公表日（既定は今日）
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// From this day renewals must be written against this version (not before the
    /// publication date) / この日以降の更新申請はこの版（以降）で書く（公表日より前は不可）
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub transition_on: Option<String>,
}

#[derive(Debug, Args)]
pub struct CriteriaExportArgs {
    pub version: String,
    #[arg(long, value_enum)]
    pub format: CriteriaFormatArg,
    /// The file to write (CSV, XLSX) or the folder for the OSCAL catalog and its level profiles /
    /// 出力ファイル（OSCAL はフォルダ）
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
}

#[derive(Debug, Args)]
pub struct CriteriaTemplateArgs {
    #[arg(long, value_enum)]
    pub format: TableFormatArg,
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
}

#[derive(Debug, Args)]
pub struct CriteriaDiffArgs {
    /// The older version / 旧版
    pub from: String,
    /// The newer version / 新版
    pub to: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CriteriaListArgs {
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CriteriaShowArgs {
    pub version: String,
    /// A control id (e.g. 12.3.1.1) / 管理策 ID
    pub control: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CriteriaCheckArgs {
    /// A stored version id, or a file (.csv, .xlsx, OSCAL catalog) / 保存済みの版 ID 又はファイル
    pub version: String,
    #[arg(long)]
    pub json: bool,
}
