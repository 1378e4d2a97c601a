//! The labels of the side-by-side comparison of candidate services for a system, on the page
//! and in its XLSX and PDF exports, in Japanese and English.

use super::labels::page_labels;

page_labels! {
    /// The comparison's labels, in one language.
    ComparisonLabels {
    title: "候補サービスの比較", "Comparison of candidate services";
    sheet_name: "比較", "Comparison";
    intro: "選んだ候補（最大 4 件）を、登録の内容、可用性、リスクごとの担保、利用者に残る責任、確認項目への回答で並べて比較します。", "The chosen candidates (up to four) side by side: their registration, availability, coverage per risk, what they leave to the customer, and the checklist answers.";
    compare: "選んだサービスを比較する（最大 4 件）", "Compare the chosen services (up to four)";
    choose: "比較に含める", "Include in the comparison";
    choose_hint: "比較したいサービスを最大 4 件選んでください。", "Choose up to four services to compare.";
    export: "書き出し", "Export";
    xlsx_ja: "XLSX（日本語）", "XLSX (Japanese)";
    xlsx_en: "XLSX（英語）", "XLSX (English)";
    pdf_ja: "PDF（日本語）", "PDF (Japanese)";
    pdf_en: "PDF（英語）", "PDF (English)";
    corner: "項目", "Item";
    system: "情報システム", "Information system";
    class: "格付け", "Class";
    level_needed: "求める登録レベル", "Registry level required";
    criteria: "参照した管理基準", "Criteria read";
    made_on: "作成日", "Made on";
    hash_label: "比較データのハッシュ (SHA-256)", "Hash of the compared data (SHA-256)";
    page_label: "ページ", "Page";
    registration: "登録の内容", "Registration";
    provider: "事業者", "Provider";
    level: "登録レベル", "Registered level";
    models: "サービスモデル", "Service models";
    deployment: "配備モデル", "Deployment models";
    status: "状態", "Status";
    registered_on: "登録日", "Registered on";
    valid_until: "有効期限", "Valid until";
    audit_body: "監査機関", "Audit body";
    eligible: "このシステムで利用できる", "Eligible for this system";
    certifications: "その他の認証", "Other certifications";
    yes: "はい", "Yes";
    no: "いいえ", "No";
    availability: "可用性", "Availability";
    needed: "システムに必要な稼働率", "What the system needs";
    stated: "サービスが示す稼働率", "What the service states";
    not_stated: "記載なし", "Not stated";
    meets: "必要を満たすか", "Meets the need";
    unknown: "不明", "Unknown";
    pitfall: "利用者の 10% が止まる障害で許される時間", "How long an outage of a tenth of the users may last";
    own_words: "サービスの記載", "The service's own words";
    minutes_month: "分／月", "min a month";
    minutes: "分", "min";
    risks: "リスクごとの担保", "Coverage per risk";
    risk_summary: "担保・一部・なし", "Covered, partly, not";
    no_criteria: "公開済みの管理基準がありません", "No criteria version is published";
    covered: "担保", "Covered";
    partial: "一部", "Partly";
    not_covered: "なし", "Not covered";
    missing: "未実施", "not implemented";
    customer: "利用者に残る責任", "Left to the customer";
    scope_of: "の責任範囲", " scope of responsibility";
    not_offered: "提供なし", "Not offered";
    customer_controls: "利用者が実施する管理策", "Controls for the customer";
    both_sides: "双方", "both";
    none: "なし", "None";
    answers: "回答", "answers";
    answered: "回答済み", "Answered";
    answer_counts: "満たす {yes}・一部 {partly}・満たさない {no}・確認中 {unknown}", "met {yes}, partly {partly}, not {no}, unsettled {unknown}";
    unanswered: "未回答", "Not answered";
    too_many: "比較できるのは 1〜4 件です。選び直してください。", "You can compare one to four services. Choose again.";
    back: "システムへ戻る", "Back to the system";
    }
}
