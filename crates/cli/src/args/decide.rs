//! `shinrai decide KIND CASE`.

use super::*;

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
