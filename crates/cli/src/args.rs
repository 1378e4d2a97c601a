//! Raw command-line flags. Help texts carry both languages because they are shown before the
//! language is known.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use shinrai_domain::DecisionKind;
use shinrai_domain::text::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "shinrai",
    version,
    about = "shinrai (信頼): security assessment and registration of cloud services\n\
             shinrai（信頼）: クラウドサービスの安全性評価と登録の制度を運用する"
)]
pub struct Cli {
    /// Language of messages (default: from LC_ALL, LC_MESSAGES or LANG) / 表示言語（既定は環境変数から）
    #[arg(long, value_enum, global = true)]
    pub lang: Option<LangArg>,

    #[command(flatten)]
    pub place: DataPlace,

    #[command(subcommand)]
    pub command: Command,
}

/// Where the service's data lives; every command that reads or writes the store takes these.
#[derive(Debug, Args)]
pub struct DataPlace {
    /// Data directory: SQLite database, blobs, log signing key / データディレクトリ
    #[arg(long, global = true, env = "SHINRAI_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Database URL (postgres://… or sqlite://…); default: SQLite in the data directory /
    /// データベースの URL（既定はデータディレクトリ内の SQLite）
    #[arg(
        long,
        global = true,
        env = "SHINRAI_DB",
        value_name = "URL",
        hide_env_values = true
    )]
    pub db: Option<String>,

    /// Configuration file (TOML) / 設定ファイル（TOML）
    #[arg(long, global = true, env = "SHINRAI_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Decide a case by the scheme's rules / 制度の判定ルールでケースを判定する
    Decide(DecideArgs),
    /// Validate, resolve and convert OSCAL documents / OSCAL 文書の検証・解決・変換
    #[command(subcommand)]
    Oscal(OscalCommand),
    /// Run the web application and API / Web アプリケーションと API を動かす
    Serve(ServeArgs),
    /// Create the first operator administrator / 最初の制度所管管理者を作る
    Init(InitArgs),
    /// Organisations / 組織
    #[command(subcommand)]
    Org(OrgCommand),
    /// Users / 利用者
    #[command(subcommand)]
    User(UserCommand),
    /// API tokens for scripts / スクリプト用 API トークン
    #[command(subcommand)]
    Token(TokenCommand),
    /// The tamper-evident log / 改ざん検知ログ
    #[command(subcommand)]
    Log(LogCommand),
    /// Write a consistent backup while the service runs / 稼働中に一貫したバックアップを取る
    Backup(BackupArgs),
    /// Restore a backup into an empty data directory or database / 空の保存先にバックアップを復元する
    Restore(RestoreArgs),
    /// Criteria versions: import, publish, export, compare, check / 管理基準の版の取込み・公表・出力・比較・検査
    #[command(subcommand)]
    Criteria(CriteriaCommand),
    /// The public registry / 公開の登録簿
    #[command(subcommand)]
    Registry(RegistryCommand),
    /// Signed audit reports / 署名された監査報告書
    #[command(subcommand)]
    Report(ReportCommand),
    /// A provider's statement as files: template, import, export / 言明書のファイル: テンプレート・取込み・出力
    #[command(subcommand)]
    Statement(StatementCommand),
    /// An audit's files: the conclusions as a spreadsheet / 監査のファイル: 結論の表
    #[command(subcommand)]
    Audit(AuditCommand),
    /// The operator's quality reviews of signed audits / 運用者による監査の品質レビュー
    #[command(subcommand, name = "quality-review")]
    QualityReview(QualityReviewCommand),
    /// The registry on the calendar: expiry and cascade / 登録簿の期限切れと連鎖の処理
    #[command(subcommand)]
    Lifecycle(LifecycleCommand),
}

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

#[derive(Debug, Subcommand)]
pub enum LogCommand {
    /// Re-compute the whole chain and every checkpoint signature / 連鎖と署名をすべて再計算して検証する
    #[command(
        after_help = "Exit status: 0 intact, 1 altered (the first bad event is named), 2 unreadable.\n\
                            終了コード: 0 改ざんなし、1 改ざんあり（最初のイベントを示す）、2 読み込み不能"
    )]
    Verify(LogVerifyArgs),
    /// Sign a checkpoint of the current head and print it (keep it to verify later) /
    /// 現在の先頭に署名したチェックポイントを出力する（保管して後の検証に使う）
    Checkpoint(LogCheckpointArgs),
}

#[derive(Debug, Args)]
pub struct LogCheckpointArgs {
    /// Write it to this file instead of standard output / 標準出力の代わりにこのファイルへ書く
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct LogVerifyArgs {
    /// A checkpoint kept elsewhere (the JSON of GET /api/v1/log/checkpoint); the log must still
    /// contain it, and its public key is the one trusted / 別に保管したチェックポイント
    #[arg(long, value_name = "FILE")]
    pub checkpoint: Option<PathBuf>,
    /// Print the result as JSON / 結果を JSON で出力する
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The backup file to write / 書き出すバックアップファイル
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup file / バックアップファイル
    pub file: PathBuf,
    /// The installation's public key (hex, from GET /api/v1/log/public-key), kept elsewhere: a
    /// backup signed with any other key is refused / 別に保管した公開鍵（16 進）。他の鍵で署名された
    /// バックアップは拒否する
    #[arg(long, value_name = "HEX")]
    pub public_key: Option<String>,
    /// A checkpoint kept elsewhere (the JSON of GET /api/v1/log/checkpoint): its key is trusted
    /// and the restored log must contain it / 別に保管したチェックポイント。その鍵を信頼し、
    /// 復元したログがそれを含むことを確かめる
    #[arg(long, value_name = "FILE")]
    pub checkpoint: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum OscalCommand {
    /// Check a document against the OSCAL schema and its own references / スキーマと参照を検証する
    #[command(
        after_help = "Exit status: 0 valid, 1 invalid (every problem listed), 2 unreadable.\n\
                            終了コード: 0 妥当、1 不備あり（すべて表示）、2 読み込み不能"
    )]
    Validate(ValidateArgs),
    /// Resolve a profile into a catalog / プロファイルを解決してカタログにする
    Resolve(ResolveArgs),
    /// Convert between JSON and YAML without losing anything / JSON と YAML を相互に変換する
    Convert(ConvertArgs),
}

#[derive(Debug, Args)]
pub struct InputLimits {
    /// Refuse documents larger than this many bytes / この大きさを超える文書は読まない
    #[arg(long, value_name = "BYTES", default_value_t = shinrai_oscal::source::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// OSCAL document (JSON or YAML) / OSCAL 文書（JSON または YAML）
    pub file: PathBuf,
    /// Folder of local copies of imported documents / 取り込み先の写しを置いたフォルダ
    #[arg(long, value_name = "DIR")]
    pub catalog_dir: Option<PathBuf>,
    /// Print the report as JSON / 結果を JSON で出力する
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub limits: InputLimits,
}

#[derive(Debug, Args)]
pub struct ResolveArgs {
    /// OSCAL profile (JSON or YAML) / OSCAL プロファイル
    pub profile: PathBuf,
    /// Folder of local copies: URLs and missing paths are looked up here by file name /
    /// 手元の写しのフォルダ（URL や見つからないパスはファイル名で探す）
    #[arg(long, value_name = "DIR")]
    pub catalog_dir: Option<PathBuf>,
    /// Write the catalog here instead of to standard output / 出力先ファイル
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Output format (default: from OUT's extension, else json) / 出力形式
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    #[command(flatten)]
    pub limits: InputLimits,
}

#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// OSCAL document (JSON or YAML) / OSCAL 文書
    pub file: PathBuf,
    /// Output file; its extension (.json, .yaml, .yml) picks the format / 出力先（拡張子で形式を決める）
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// Output format, when OUT's extension does not say / 出力形式
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    #[command(flatten)]
    pub limits: InputLimits,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Json,
    Yaml,
}

impl From<FormatArg> for shinrai_oscal::Format {
    fn from(format: FormatArg) -> shinrai_oscal::Format {
        match format {
            FormatArg::Json => shinrai_oscal::Format::Json,
            FormatArg::Yaml => shinrai_oscal::Format::Yaml,
        }
    }
}

#[derive(Debug, Args)]
#[command(
    after_help = "Exit status: 0 answered (a rejection included), 2 malformed or unreadable case.\n\
                        終了コード: 0 判定済み（却下を含む）、2 ケースの誤りまたは読み込み不能"
)]
pub struct DecideArgs {
    /// Kind of decision / 判定の種類
    #[arg(value_enum)]
    pub kind: KindArg,

    /// Case file in JSON; `-` reads standard input / ケースファイル（JSON）。`-` で標準入力
    #[arg(required_unless_present = "schema")]
    pub case: Option<PathBuf>,

    /// Print the answer as JSON / 結果を JSON で出力する
    #[arg(long)]
    pub json: bool,

    /// Print the JSON Schema (2020-12) of the case file instead / ケースファイルの JSON Schema を出力する
    #[arg(long, conflicts_with_all = ["case", "json"])]
    pub schema: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    /// Classify an information system (C/I/A) / 情報システムのクラス分け
    Classification,
    /// Decide a registration application / 登録申請の審査
    Registration,
    /// Services that fall when one leaves the registry / 登録抹消の連鎖
    Cascade,
    /// Sample size and items for a control test / 運用評価のサンプル抽出
    Sample,
    /// Monthly availability and service credit / 月間稼働率とサービスクレジット
    Availability,
    /// Check a draft statement at every level before the audit / 言明書の事前チェック
    Precheck,
    /// Decide an audit body's application to be selected / 監査機関の選定
    Selection,
    /// Where every registration stands on a given day, with the cascade / 登録の推移と連鎖
    Lifecycle,
}

impl From<KindArg> for DecisionKind {
    fn from(kind: KindArg) -> DecisionKind {
        match kind {
            KindArg::Classification => DecisionKind::Classification,
            KindArg::Registration => DecisionKind::Registration,
            KindArg::Cascade => DecisionKind::Cascade,
            KindArg::Sample => DecisionKind::Sample,
            KindArg::Availability => DecisionKind::Availability,
            KindArg::Precheck => DecisionKind::Precheck,
            KindArg::Selection => DecisionKind::Selection,
            KindArg::Lifecycle => DecisionKind::Lifecycle,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Ja,
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::Ja => Lang::Ja,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (default 127.0.0.1:8080) / 待ち受けるアドレス
    #[arg(long, value_name = "ADDR")]
    pub addr: Option<std::net::SocketAddr>,
    /// Load the demo world into an empty store first / 空の保存先にデモデータを入れる
    #[arg(long)]
    pub demo: bool,
}

/// Where a new password comes from: never the command line, where others could read it.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct PasswordSource {
    /// Read the password from this file (first line) / パスワードをファイルから読む
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
    /// Read the password from standard input (first line) / パスワードを標準入力から読む
    #[arg(long)]
    pub password_stdin: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The operator organisation's id / 制度所管の組織 ID
    #[arg(long, default_value = "operator")]
    pub org_id: String,
    /// Its name in Japanese / 日本語名
    #[arg(long)]
    pub org_name_ja: String,
    /// Its name in English / 英語名
    #[arg(long)]
    pub org_name_en: String,
    /// The administrator's login / 管理者のログイン名
    #[arg(long)]
    pub login: String,
    /// The administrator's name / 管理者の氏名
    #[arg(long)]
    pub display_name: String,
    #[command(flatten)]
    pub password: PasswordSource,
}

#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Add an organisation / 組織を追加する
    Add(OrgAddArgs),
    /// List organisations / 組織の一覧
    List(ListArgs),
}

#[derive(Debug, Args)]
pub struct OrgAddArgs {
    pub id: String,
    /// operator, provider, audit_body or procurer
    #[arg(long)]
    pub kind: String,
    #[arg(long)]
    pub name_ja: String,
    #[arg(long)]
    pub name_en: String,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this organisation's users (for `user list`) / この組織の利用者だけ
    #[arg(long)]
    pub org: Option<String>,
    /// Print JSON / JSON で出力する
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user / 利用者を追加する
    Add(UserAddArgs),
    /// List users / 利用者の一覧
    List(ListArgs),
    /// Disable a user and end their sessions / 利用者を無効にする
    Disable(UserRef),
    /// Enable a disabled user / 利用者を有効に戻す
    Enable(UserRef),
}

#[derive(Debug, Args)]
pub struct UserAddArgs {
    /// The user's organisation / 所属組織
    #[arg(long)]
    pub org: String,
    #[arg(long)]
    pub login: String,
    #[arg(long)]
    pub display_name: String,
    /// Comma-separated role codes, e.g. auditor,signing_auditor / ロール（カンマ区切り）
    #[arg(long, value_delimiter = ',')]
    pub roles: Vec<String>,
    #[command(flatten)]
    pub password: PasswordSource,
}

#[derive(Debug, Args)]
pub struct UserRef {
    /// The user's login / ログイン名
    pub login: String,
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create a token for a user; the secret is printed once / トークンを発行する（秘密値は一度だけ表示）
    Create(TokenCreateArgs),
    /// Revoke a token / トークンを失効させる
    Revoke(TokenRevokeArgs),
}

#[derive(Debug, Args)]
pub struct TokenCreateArgs {
    /// The login of the user the token acts as / トークンで操作する利用者のログイン名
    #[arg(long)]
    pub login: String,
    /// What the token is for / 用途
    #[arg(long)]
    pub name: String,
    /// Days the token works (default `token_days`, at most `token_max_days`) / 有効日数（既定は token_days、上限は token_max_days）
    #[arg(long)]
    pub days: Option<u64>,
}

#[derive(Debug, Args)]
pub struct TokenRevokeArgs {
    /// The token's id / トークン ID
    pub id: String,
}
