//! The scheme's work from the command line: statements, audits, reports, the registry, its
//! lifecycle and the quality reviews.

use super::*;

#[derive(Debug, Subcommand)]
pub enum LifecycleCommand {
    /// Bring the registry to where the lifecycle rule says it stands on a day: record the
    /// expiry of registrations whose validity ended with no renewal pending, and deregister the
    /// services that fall with them in cascade, each with its public notice. Running again
    /// changes nothing / ある日の登録簿を lifecycle ルールのとおりにする（期限切れと連鎖の登録抹消）
    Run(LifecycleRunArgs),
}

#[derive(Debug, Args)]
pub struct LifecycleRunArgs {
    /// The day to run for, YYYY-MM-DD (default: today in Japan) / 処理する日（既定は日本の今日）
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub as_of: Option<shinrai_domain::date::CalendarDate>,
    /// Show what would change and write nothing / 変更内容を表示するだけで書き込まない
    #[arg(long)]
    pub dry_run: bool,
    /// Print the result as JSON / 結果を JSON で出力する
    #[arg(long)]
    pub json: bool,
}

/// A day written YYYY-MM-DD.
fn parse_day(text: &str) -> Result<shinrai_domain::date::CalendarDate, String> {
    shinrai_domain::date::CalendarDate::parse(text).ok_or_else(|| {
        format!("{text:?} is not a day written YYYY-MM-DD / YYYY-MM-DD の日付ではありません")
    })
}

#[derive(Debug, Subcommand)]
pub enum QualityReviewCommand {
    /// Recompute a review's draw: the audits signed in its period by its opening, the seed from
    /// the opening's log event, and the engagements that seed draws / 品質レビューの抽出を、
    /// 期間内に署名された監査と開始のログから計算し直す
    #[command(
        after_help = "Exit status: 0 the draw recomputes exactly, 1 it differs (each difference is named), 2 unreadable or no such review.\n\
                      終了コード: 0 一致、1 一致しない（相違点を表示）、2 読み込み不能またはレビューがない"
    )]
    Check(ReviewCheckArgs),
}

#[derive(Debug, Args)]
pub struct ReviewCheckArgs {
    /// The review id / 品質レビュー ID
    pub review: String,
    /// Print the result as JSON / 結果を JSON で出力する
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// The auditors' conclusions as a spreadsheet: template and import / 監査の結論の表: テンプレート・取込み
    #[command(subcommand)]
    Conclusions(ConclusionsCommand),
    /// Recompute every sample of an audit from the log event that froze its population, the
    /// stored population and the `sample` rule / 監査の標本を、母集団を記録したログと規則から計算し直す
    #[command(
        name = "sample-check",
        after_help = "Exit status: 0 every sample recomputes exactly, 1 a sample differs (each is named), 2 unreadable.\n\
                      終了コード: 0 すべて一致、1 一致しない標本あり（それぞれを表示）、2 読み込み不能"
    )]
    SampleCheck(SampleCheckArgs),
}

#[derive(Debug, Args)]
pub struct SampleCheckArgs {
    /// The audit id / 監査 ID
    pub audit: String,
    /// Only this control / この管理策だけ
    #[arg(long)]
    pub control: Option<String>,
    /// Print the result as JSON / 結果を JSON で出力する
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ConclusionsCommand {
    /// Write the conclusions template of an audited statement: a row for every objective and
    /// control it selects / 監査対象の言明書が選択した統制目標・詳細管理策ごとの結論テンプレートを書き出す
    Template(ConclusionsTemplateArgs),
    /// Read a filled conclusions file (.xlsx, .csv) and print the body of
    /// `PUT /audits/{id}/conclusions` as JSON; rows without a conclusion are skipped; all or
    /// nothing / 記入済みの結論の表を読み、結論を JSON で出力する
    #[command(
        after_help = "Exit status: 0 read, 2 unreadable or with problems (each is listed with its place).\n\
                      終了コード: 0 読込み成功、2 読み込み不能又は問題あり（場所とともにすべて表示）"
    )]
    Import(ConclusionsImportArgs),
}

/// The audited statement and the criteria it is written against, which every conclusions
/// command needs.
#[derive(Debug, Args)]
pub struct AuditedArgs {
    /// The criteria: a file (.csv, .xlsx, OSCAL catalog) or a stored version id /
    /// 管理基準（ファイル又は保存済みの版 ID）
    #[arg(long, value_name = "FILE|VERSION")]
    pub criteria: String,
    /// The audited statement: JSON (what `statement import` prints), a filled template (.xlsx,
    /// .csv) or an OSCAL system security plan (.json, .yaml) / 監査対象の言明書
    #[arg(long, value_name = "FILE")]
    pub statement: PathBuf,
}

#[derive(Debug, Args)]
pub struct ConclusionsTemplateArgs {
    #[command(flatten)]
    pub audited: AuditedArgs,
    /// Fill in the conclusions recorded so far (JSON, the body of PUT /audits/{id}/conclusions) /
    /// 記録済みの結論（JSON）を記入しておく
    #[arg(long, value_name = "FILE")]
    pub conclusions: Option<PathBuf>,
    /// xlsx or csv (default: from OUT's extension, else xlsx) / 形式（既定は出力先の拡張子、なければ xlsx）
    #[arg(long, value_enum)]
    pub format: Option<TableFormatArg>,
    /// The file to write (default: standard output) / 出力先（既定は標準出力）
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ConclusionsImportArgs {
    /// .xlsx or .csv / 取り込むファイル
    pub file: PathBuf,
    #[command(flatten)]
    pub audited: AuditedArgs,
}

#[derive(Debug, Subcommand)]
pub enum StatementCommand {
    /// Write the statement template for a level and service models: a row for each item and
    /// control that applies / 水準とサービスモデルに応じた言明書テンプレートを書き出す
    Template(StatementTemplateArgs),
    /// Read a filled template (.xlsx, .csv) or an OSCAL system security plan (.json, .yaml) and
    /// print the statement as JSON; all or nothing / 記入済みテンプレート又は OSCAL SSP を読み、言明書を JSON で出力する
    #[command(
        after_help = "Exit status: 0 read, 2 unreadable or with problems (each is listed with its place).\n\
                      終了コード: 0 読込み成功、2 読み込み不能又は問題あり（場所とともにすべて表示）"
    )]
    Import(StatementImportArgs),
    /// Write a statement (JSON) as an OSCAL system security plan, XLSX or CSV / 言明書（JSON）を OSCAL SSP・XLSX・CSV で出力する
    Export(StatementExportArgs),
}

#[derive(Debug, Args)]
pub struct StatementTemplateArgs {
    /// The criteria: a file (.csv, .xlsx, OSCAL catalog) or a stored version id /
    /// 管理基準（ファイル又は保存済みの版 ID）
    #[arg(long, value_name = "FILE|VERSION")]
    pub criteria: String,
    /// The target level / 目標とする水準
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=3))]
    pub level: u8,
    /// The service's models, comma-separated (iaas, paas, saas) / サービスモデル（カンマ区切り）
    #[arg(long, value_name = "MODELS", value_delimiter = ',', required = true)]
    pub models: Vec<String>,
    /// xlsx or csv (default: from OUT's extension, else xlsx) / 形式（既定は出力先の拡張子、なければ xlsx）
    #[arg(long, value_enum)]
    pub format: Option<TableFormatArg>,
    /// The file to write (default: standard output) / 出力先（既定は標準出力）
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct StatementImportArgs {
    /// .xlsx, .csv, or an OSCAL SSP (.json, .yaml) / 取り込むファイル
    pub file: PathBuf,
    /// Check ids against these criteria: a file or a stored version id / 照合する管理基準
    #[arg(long, value_name = "FILE|VERSION")]
    pub criteria: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatementFormatArg {
    OscalSsp,
    Xlsx,
    Csv,
}

#[derive(Debug, Args)]
pub struct StatementExportArgs {
    /// The statement as JSON (what `statement import` prints) / 言明書の JSON
    pub file: PathBuf,
    #[arg(long, value_enum)]
    pub format: StatementFormatArg,
    /// Put the criteria's texts beside the answers (XLSX, CSV): a file or a stored version id /
    /// 表に管理基準の本文を添える
    #[arg(long, value_name = "FILE|VERSION")]
    pub criteria: Option<String>,
    /// With --criteria: also a row for each unanswered item and control that applies to these
    /// models / 未回答でも適用される項目・管理策の行を加える
    #[arg(
        long,
        value_name = "MODELS",
        value_delimiter = ',',
        requires = "criteria"
    )]
    pub models: Vec<String>,
    /// The file to write (default: standard output); an SSP is YAML when OUT ends in .yaml or
    /// .yml / 出力先（既定は標準出力）
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Check a downloaded audit report against the signature recorded in the log /
    /// ダウンロードした監査報告書をログに記録された署名と照合する
    #[command(
        after_help = "Exit status: 0 the report is the one signed and the log is intact, 1 it differs, was never signed here or the log was altered, 2 unreadable.\n\
                            終了コード: 0 署名されたとおりでログも改ざんなし、1 相違・署名記録なし・ログ改ざん、2 読み込み不能"
    )]
    Verify(ReportVerifyArgs),
}

#[derive(Debug, Args)]
pub struct ReportVerifyArgs {
    /// The report as downloaded (JSON; any layout) / ダウンロードした報告書（JSON）
    pub file: PathBuf,
    /// Print the result as JSON / 結果を JSON で出力する
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum RegistryCommand {
    /// Export the registry as open data (CSV, JSON or XLSX), optionally filtered /
    /// 登録簿をオープンデータとして出力する（CSV・JSON・XLSX、絞り込み可）
    Export(RegistryExportArgs),
    /// Recompute every entry (status, level, validity, history) from the log's events and the
    /// lifecycle rule on a day; print the registry so rebuilt, or with --check compare it with
    /// the stored one / ログの記録と lifecycle ルールから登録簿を再計算する（--check で保存内容と照合）
    Rebuild(RegistryRebuildArgs),
}

#[derive(Debug, Args)]
pub struct RegistryRebuildArgs {
    /// Compare with the stored registry; exit 1 on any difference / 保存された登録簿と照合する（相違があれば終了コード 1）
    #[arg(long)]
    pub check: bool,
    /// The day the lifecycle rule is applied on, YYYY-MM-DD (default: today in Japan) /
    /// lifecycle ルールを適用する日（既定は日本の今日）
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub as_of: Option<shinrai_domain::date::CalendarDate>,
    /// Print the result as JSON / 結果を JSON で出力する
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OpenDataFormatArg {
    Csv,
    Json,
    Xlsx,
}

#[derive(Debug, Args)]
pub struct RegistryExportArgs {
    #[arg(long, value_enum)]
    pub format: OpenDataFormatArg,
    /// The file to write / 出力ファイル
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// Only entries matching these words (Japanese by substring) / この語を含む登録だけ
    #[arg(long)]
    pub q: Option<String>,
    /// Only this level (1-3) / このレベルだけ
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=3))]
    pub level: Option<u8>,
    /// Only this status (registered, suspended, expired, deregistered) / この状態だけ
    #[arg(long)]
    pub status: Option<String>,
}
