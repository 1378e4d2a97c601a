//! The labels of incidents: their list and page, the provider's quick and final report forms,
//! the operator's decision form, in Japanese and English.

use super::labels::page_labels;

page_labels! {
    /// The incidents' labels, in one language.
    IncidentLabels {
    list_title: "インシデント", "Incidents";
    list_intro_operator: "事業者から報告されたインシデントです。確報を確かめ、登録への措置（措置なし・一時停止・解除・抹消）を決定します。決定は公示として登録簿に載ります。", "Incidents providers reported. Read the final report and decide the registration's measure (none, suspend, reinstate, deregister); each decision is published as a notice in the registry.";
    list_intro_provider: "自組織が報告したインシデントです。速報は登録簿の各項目のページから行い、確報はこのページから各インシデントを開いて提出します。", "The incidents your organisation reported. File a quick report from the registry entry's page, and the final report from the incident's page.";
    none: "インシデントはありません。", "No incident.";
    all_states: "すべて", "All";
    filter: "絞り込む", "Filter";
    id: "番号", "Incident";
    entry: "登録番号", "Registration";
    discovered_on: "発見日", "Discovered";
    quick_due_on: "速報の期限", "Quick report due";
    final_due_on: "確報の期限", "Final report due";
    status: "状態", "State";
    late: "期限後", "Late";
    overdue: "期限超過", "Overdue";
    quick_title: "速報", "Quick report";
    final_title: "確報", "Final report";
    summary: "概要", "What happened";
    cause: "原因", "Cause";
    impact: "影響", "Impact";
    measures: "対策", "Measures";
    services_affected: "影響を受けたサービス", "Services affected";
    filed_on: "提出日", "Filed";
    filed_by: "提出者", "Filed by";
    decisions_title: "運用者の決定", "The operator's decisions";
    no_decision: "まだ決定はありません。", "No decision yet.";
    deadline_rule: "期限は発見日から開庁日（土日・祝日・12月29日〜1月3日を除く日）で数えます。速報は 3 開庁日、確報は 20 開庁日以内です。", "Deadlines count business days after discovery (not weekends, public holidays or 29 December to 3 January): 3 for the quick report, 20 for the final report.";
    quick_form_title: "インシデントを報告する（速報）", "Report an incident (quick report)";
    quick_form_hint: "発見後すみやかに、わかっている範囲で報告してください。原因と対策は後で確報として提出します。", "Report soon after discovery, with what is known. The cause and the measures follow in the final report.";
    summary_ja: "概要（日本語）", "What happened (Japanese)";
    summary_en: "概要（英語）", "What happened (English)";
    quick_submit: "速報を提出する", "File the quick report";
    final_form_title: "確報を提出する", "File the final report";
    cause_ja: "原因（日本語）", "Cause (Japanese)";
    cause_en: "原因（英語）", "Cause (English)";
    impact_ja: "影響（日本語）", "Impact (Japanese)";
    impact_en: "影響（英語）", "Impact (English)";
    measures_ja: "対策（日本語）", "Measures (Japanese)";
    measures_en: "対策（英語）", "Measures (English)";
    affected_hint: "影響を受けたサービスの登録番号（改行またはカンマ区切り）", "Registration numbers of the services affected (one per line or comma-separated)";
    final_submit: "確報を提出する", "File the final report";
    decide_title: "措置を決定する", "Decide the measure";
    decide_hint: "理由と公示は両言語で記録され、公示は登録簿に公開され、事業者に通知されます。抹消すると、このサービスを基盤とし、その監査で基盤が評価されていないサービスも登録簿から外れます。", "The reason and the notice are kept in both languages, the notice is published in the registry and the provider is told. A deregistration also takes out the services built on this one whose own audit did not evaluate it.";
    measure: "措置", "Measure";
    reason_ja: "理由（日本語）", "Reason (Japanese)";
    reason_en: "理由（英語）", "Reason (English)";
    notice_title_ja: "公示の件名（日本語）", "Notice title (Japanese)";
    notice_title_en: "公示の件名（英語）", "Notice title (English)";
    notice_body_ja: "公示の本文（日本語）", "Notice text (Japanese)";
    notice_body_en: "公示の本文（英語）", "Notice text (English)";
    decide_submit: "決定する", "Decide";
    link_to_list: "インシデントの一覧", "All incidents";
    }
}
