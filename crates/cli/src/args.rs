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

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Decide a case by the scheme's rules / 制度の判定ルールでケースを判定する
    Decide(DecideArgs),
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
}

impl From<KindArg> for DecisionKind {
    fn from(kind: KindArg) -> DecisionKind {
        match kind {
            KindArg::Classification => DecisionKind::Classification,
            KindArg::Registration => DecisionKind::Registration,
            KindArg::Cascade => DecisionKind::Cascade,
            KindArg::Sample => DecisionKind::Sample,
            KindArg::Availability => DecisionKind::Availability,
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
