//! Running and administering the service: serve, init, organisations, users, tokens, the log,
//! backup and restore.

use super::*;

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
