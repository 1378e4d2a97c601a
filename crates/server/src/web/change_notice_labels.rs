//! The labels of change notices (変更届出): their list and page, the provider's form on an
//! entry's page, the operator's acknowledgement, and the entry's record of changes, in Japanese
//! and English.

use super::labels::page_labels;

page_labels! {
    /// The change notices' labels, in one language.
    ChangeNoticeLabels {
    list_title: "変更届出", "Change notices";
    list_intro_operator: "事業者から届け出られた登録後の変更です。受理すると登録簿に記録されます。重要な変更は、新たな監査による申請まで追跡されます。", "Changes providers reported after registration. Acknowledging one records it in the registry; a significant change is tracked until its new audit is applied for.";
    list_intro_provider: "自組織が届け出た変更です。届出は登録簿の各項目のページから行います。", "The changes your organisation reported. Report one from the registry entry's page.";
    none: "変更届出はありません。", "No change notice.";
    all_states: "すべて", "All";
    filter: "絞り込む", "Filter";
    id: "届出番号", "Notice";
    entry: "登録番号", "Registration";
    category: "変更の種類", "What changed";
    weight: "区分", "Weight";
    effective_on: "変更日", "Effective";
    due_on: "届出期限", "Due";
    filed_on: "届出日", "Filed";
    filed_by: "届出者", "Filed by";
    late: "期限後の届出", "Filed late";
    status: "状態", "State";
    summary: "変更の内容", "What changed, and why";
    controls: "関係する管理策", "Controls concerned";
    new_name: "訂正後の名称", "Corrected name";
    acknowledged_by: "受理者", "Acknowledged by";
    acknowledged_on: "受理日", "Acknowledged on";
    note: "運用者からの連絡", "The operator's note";
    new_audit: "新たな監査", "New audit";
    new_audit_due: "申請期限", "Application due";
    new_audit_applied: "申請", "Applied with";
    overdue: "期限超過", "Overdue";
    deadline_rule: "期限は変更日から開庁日（土日・祝日・12月29日〜1月3日を除く日）で数えます。軽微な変更は 20 開庁日、重要な変更は 10 開庁日以内です。", "Deadlines count business days after the change (not weekends, public holidays or 29 December to 3 January): 20 for a routine change, 10 for a significant one.";
    form_title: "変更を届け出る", "Report a change";
    form_hint: "手順・ツール・管理策の実装の変更、管理策の新たな採用、名称などの登録事項の訂正は軽微な変更です。対象範囲の拡大、アーキテクチャの変更、ガバナンスの変更は重要な変更で、新たな監査が必要です。", "Changes of procedures, tools or how a control is implemented, a control newly adopted, and corrections of registry facts such as the name are routine. A wider scope, a new architecture or changed governance is significant and needs a new audit.";
    summary_ja: "変更の内容（日本語）", "What changed (Japanese)";
    summary_en: "変更の内容（英語）", "What changed (English)";
    controls_hint: "関係する管理策の番号（改行またはカンマ区切り、任意）", "Control ids concerned (one per line or comma-separated; optional)";
    new_name_ja: "訂正後の名称（日本語、名称の訂正のみ）", "Corrected name (Japanese; name corrections only)";
    new_name_en: "訂正後の名称（英語、名称の訂正のみ）", "Corrected name (English; name corrections only)";
    submit: "届け出る", "Report the change";
    ack_title: "受理する", "Acknowledge";
    ack_hint: "受理すると登録簿に記録され、事業者に通知されます。重要な変更では、新たな監査による申請の期限を設定できます（省略時は 60 開庁日後）。", "Acknowledging records the change in the registry and tells the provider. For a significant change you may set the day the new audit's application is due (60 business days ahead when left empty).";
    note_ja: "連絡（日本語、任意）", "Note (Japanese; optional)";
    note_en: "連絡（英語、任意）", "Note (English; optional)";
    audit_due_on: "新たな監査の申請期限", "New audit's application due";
    ack_submit: "受理する", "Acknowledge the notice";
    changes_title: "変更の記録", "Record of changes";
    new_audit_required: "新たな監査が必要", "New audit required";
    new_audit_required_by: "申請期限", "apply by";
    link_to_list: "変更届出の一覧", "All change notices";
    }
}
