//! The labels of the inbox, in Japanese and English.

use super::labels::page_labels;

page_labels! {
    /// The inbox's labels, in one language.
    InboxLabels {
    title: "受信箱", "Inbox";
    intro: "組織への通知です。提供する登録の期限切れや連鎖による終了、更新や報告書の期限の案内が届きます。メールの送信先が設定されていれば、同じ通知がメールでも届きます。", "Notifications to your organisation: expiries and falls in cascade of the registrations you provide, reminders that a renewal or a report falls due. When addresses are set below, the same messages also come by e-mail.";
    none: "通知はありません。", "No notification.";
    unread: "未読", "Unread";
    read: "既読", "Read";
    sent_at: "送信日時", "Sent";
    kind: "種類", "Kind";
    subject: "件名", "Subject";
    state: "状態", "State";
    details: "詳細を見る", "Read more";
    mark_read: "既読にする", "Mark read";
    mark_unread: "未読に戻す", "Mark unread";
    mail: "メール", "E-mail";
    mail_off: "メール送信は設定されていません", "E-mail is not configured";
    mail_pending: "送信待ち", "Waiting to be sent";
    mail_sent: "送信済み", "Sent";
    mail_no_address: "送信先なし", "No address to send to";
    mail_failed: "送信できませんでした", "Could not be delivered";
    mail_read_first: "送信前に既読のため送信せず", "Not sent: read before it went";
    addresses_title: "通知を受け取るメールアドレス", "E-mail addresses for notifications";
    addresses_hint: "1 行に 1 件、最大 10 件。空にするとメールは送られません。", "One per line, at most 10. Leave empty to receive no e-mail.";
    addresses: "メールアドレス", "Addresses";
    save: "保存する", "Save";
    }
}
