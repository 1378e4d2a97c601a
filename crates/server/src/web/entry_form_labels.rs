//! The labels of the forms on a registry entry's page: the provider's withdrawal and the
//! operator's measures, in Japanese and English.

use super::labels::page_labels;

page_labels! {
    /// The entry forms' labels, in one language.
    EntryFormLabels {
    withdraw_title: "登録の取下げ", "Withdraw the registration";
    withdraw_hint: "取り下げた登録は戻せません。このサービスを基盤とし、その監査で基盤が評価されていないサービスも、同時に登録簿から外れます。理由は公示に載ります。", "A withdrawn registration cannot come back. The services built on this one whose own audit did not evaluate it leave the registry with it. The reason is published in the notice.";
    withdraw_reason_ja: "理由（日本語）", "Reason (Japanese)";
    withdraw_reason_en: "理由（英語）", "Reason (English)";
    withdraw_submit: "登録を取り下げる", "Withdraw the registration";
    measure_title: "措置を取る", "Take a measure";
    measure_hint: "履歴に理由が載り、公示が両言語で公開され、事業者に通知されます。抹消すると、このサービスを基盤とし、その監査で基盤が評価されていないサービスも同時に登録簿から外れます。", "The reason goes into the history, the notice is published in both languages and the provider is told. A deregistration also takes out of the registry the services built on this one whose own audit did not evaluate it.";
    measure: "措置", "Measure";
    measure_suspend: "一時停止", "Suspend";
    measure_reinstate: "一時停止の解除", "Reinstate";
    measure_deregister: "登録抹消", "Deregister";
    measure_expire: "期限切れの記録", "Record the expiry";
    measure_reason: "理由（履歴）", "Reason (history)";
    notice_title: "公示の件名", "Notice title";
    notice_body: "公示の本文", "Notice text";
    japanese: "（日本語）", "in Japanese";
    english: "（英語）", "in English";
    measure_submit: "措置を取る", "Take the measure";
    }
}
