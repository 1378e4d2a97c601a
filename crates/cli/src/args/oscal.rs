//! `shinrai oscal …`: validate, resolve and convert OSCAL documents.

use super::*;

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
    /// Convert between JSON, YAML and XML without losing anything / JSON・YAML・XML の間で欠けなく変換する
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
    /// OSCAL document (JSON, YAML or XML) / OSCAL 文書（JSON、YAML または XML）
    pub file: PathBuf,
    /// Folder of local copies of imported documents and component sources /
    /// 取り込み先・コンポーネントの参照先の写しを置いたフォルダ
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
    /// OSCAL profile (JSON, YAML or XML) / OSCAL プロファイル
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
    /// OSCAL document (JSON, YAML or XML) / OSCAL 文書
    pub file: PathBuf,
    /// Output file; its extension (.json, .yaml, .yml, .xml) picks the format / 出力先（拡張子で形式を決める）
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
    Xml,
}

impl From<FormatArg> for shinrai_oscal::Format {
    fn from(format: FormatArg) -> shinrai_oscal::Format {
        match format {
            FormatArg::Json => shinrai_oscal::Format::Json,
            FormatArg::Yaml => shinrai_oscal::Format::Yaml,
            FormatArg::Xml => shinrai_oscal::Format::Xml,
        }
    }
}
