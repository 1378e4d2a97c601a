//! The labels of the page that holds one candidate service against one of the procurer's
//! systems: the risks its registration covers, what it leaves to the customer, the availability
//! arithmetic and the checklists answered for it, in Japanese and English.

use super::labels::page_labels;

page_labels! {
    /// The coverage page's labels, in one language.
    CoverageLabels {
    title: "担保の範囲", "What it covers";
    link: "担保の範囲と確認項目", "Coverage and checklists";
    intro: "このサービスの登録が、管理基準のリスク対応表のどのリスクをどこまで担保するか、利用者に残る責任、可用性、契約・SLA・サイバー攻撃対策の確認項目をまとめています。登録が担保しないことは、契約・SLA・自組織の対策で補います。", "How far this service's registration covers each risk of the criteria's risk map, what it leaves to its customers, its availability, and the contract, SLA and cyber-attack checklists. What the registration does not assure must be covered by the contract, the SLA or your own measures.";
    back: "システムへ戻る", "Back to the system";
    service: "サービス", "Service";
    provider: "事業者", "Provider";
    level: "登録レベル", "Registered level";
    status: "状態", "Status";
    criteria: "参照した管理基準", "Criteria read";
    no_criteria: "公開済みの管理基準がないため、リスクの担保は判定できません。", "No criteria version is published, so the risks' coverage cannot be judged.";
    risks: "リスクごとの担保", "Coverage per risk";
    risks_intro: "リスクに対応する管理目的をすべて実施していれば「担保」、一部なら「一部」、なければ「なし」です。", "A risk is covered when the statement implements every objective that addresses it, partly when some, not when none.";
    risk: "リスク", "Risk";
    band: "重要度", "Band";
    stages: "検討する段階", "Stages";
    coverage: "担保", "Coverage";
    covered: "担保", "Covered";
    partial: "一部", "Partly";
    not_covered: "なし", "Not covered";
    objectives_met: "実施している管理目的", "Objectives implemented";
    objectives_missing: "実施していない管理目的", "Objectives not implemented";
    left_to: "契約・SLA・自組織で補うこと", "Left to contract, SLA or you";
    summary_covered: "担保", "covered";
    summary_partial: "一部担保", "partly covered";
    summary_none: "担保なし", "not covered";
    responsibilities: "利用者に残る責任", "Left to the customer";
    scope_of: "責任範囲", "Scope of responsibility";
    control_customer: "利用者が実施", "Customer";
    control_both: "事業者と利用者の双方", "Both sides";
    no_responsibilities: "利用者に残る管理策はありません。", "No control is left to the customer.";
    availability: "可用性", "Availability";
    needed: "システムに必要な稼働率", "What the system needs";
    committed: "サービスが示す稼働率", "What the service states";
    not_stated: "稼働率の記載はありません", "No figure stated";
    per_month: "30 日の月に全利用者が止まってよい時間", "Downtime for every user allowed in a 30-day month";
    minutes: "分", "minutes";
    meets: "必要を満たす", "Meets the need";
    falls_short: "必要に届かない", "Falls short of the need";
    stated_words: "サービスの記載", "The service's own words";
    formula: "月間稼働率 =（利用者数 × 月の分数 − 停止した利用者 × 停止分数）÷（利用者数 × 月の分数）× 100", "Monthly availability = (users × minutes in the month − users down × minutes down) ÷ (users × minutes in the month) × 100";
    pitfall: "落とし穴: 稼働率は利用者数で薄まります。利用者の一部だけが止まる障害は、長く続いても数字に表れにくくなります。", "Pitfall: the figure is diluted by the number of users. An outage that stops only some users barely shows, however long it lasts.";
    pitfall_share: "利用者のうち止まる割合", "Share of users stopped";
    pitfall_minutes: "それでも上の稼働率を保てる停止時間", "How long that outage may last with the figure still met";
    checklists: "確認項目への回答", "Checklist answers";
    checklists_intro: "候補ごとに、事業者に確かめた結果を記録します。回答はこのシステムを持つ組織の中だけで共有されます。", "Record what you found out from the provider, per candidate. Only your organisation sees the answers.";
    question: "確認項目", "Question";
    what_to_check: "確かめること", "What to confirm";
    answer: "回答", "Answer";
    note: "メモ", "Note";
    unanswered: "未回答", "Not answered";
    answered_count: "回答済み", "Answered";
    saved: "最終保存", "Last saved";
    save: "回答を保存する", "Save the answers";
    forget: "この候補の回答をすべて消す", "Forget every answer for this candidate";
    read_only: "回答を記録できるのは調達担当者です。", "Only procurement staff can record answers.";
    annex: "開示された言明書の別紙", "The statement's annexes shared with you";
    annex_intro: "事業者が貴組織に別紙を開示しています。登録に用いた言明書:", "The provider shares its annexes with your organisation. The statement registered:";
    annex_controls: "別紙の管理策", "Controls in the annex";
    annex_selected: "選択した管理策と個別管理策", "Controls selected, with the individual controls";
    annex_excluded: "除外した管理策と理由", "Controls excluded, and why";
    annex_control: "管理策", "Control";
    annex_objective: "管理目的", "Objective";
    annex_individual: "個別管理策", "Individual control";
    annex_responsibility: "実施の責任", "Responsibility";
    annex_reason: "除外の理由", "Reason for the exclusion";
    }
}
