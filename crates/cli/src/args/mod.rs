//! Raw command-line flags. Help texts carry both languages because they are shown before the
//! language is known.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use shinrai_domain::DecisionKind;
use shinrai_domain::text::Lang;

mod admin;
mod criteria;
mod decide;
mod oscal;
mod scheme;

pub use admin::*;
pub use criteria::*;
pub use decide::*;
pub use oscal::*;
pub use scheme::*;

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
