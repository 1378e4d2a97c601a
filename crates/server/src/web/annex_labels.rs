//! The labels of a provider's sharing of its statement's annexes with procuring organisations,
//! on its service's page, in Japanese and English.

use super::labels::page_labels;

page_labels! {
    /// The annex-sharing labels, in one language.
    AnnexLabels {
    title: "言明書の別紙の開示", "Sharing the statement's annexes";
    intro: "登録簿が公開するのは実施している管理目的までです。開示した調達機関は、情報システムに対する担保範囲のページで、管理目的ごとの管理策・個別管理策と除外の理由を読めます。閲覧はすべて記録されます。開示はいつでも取り消せます。", "The registry publishes only the objectives a statement implements. A procuring organisation you share the annexes with reads, in the coverage for its systems, the controls and individual controls behind each objective and the reasons for exclusions. Every reading is recorded. You can stop sharing at any time.";
    none: "まだどの組織にも開示していません。", "Not shared with any organisation yet.";
    organisation: "調達機関", "Procuring organisation";
    since: "開示日", "Shared since";
    share: "開示する", "Share";
    revoke: "開示を取り消す", "Stop sharing";
    choose: "開示先を選ぶ", "Choose the organisation";
    }
}
