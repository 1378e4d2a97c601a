//! The labels of the forms of an engagement's working papers, in Japanese and English.

use super::labels::page_labels;

page_labels! {
    /// The working papers' forms' labels, in one language.
    PaperLabels {
    control_title: "管理策の監査調書", "Working papers of control";
    fair_title: "適正表示", "Fair presentation";
    design_title: "整備状況", "Design";
    operation_title: "運用状況", "Operation";
    evidence: "証跡", "Evidence";
    open_control: "管理策の調書を開く", "Open a control's papers";
    open: "開く", "Open";
    back: "監査調書の概要", "Working papers overview";
    statement_version: "言明書の版", "Statement version";
    judged_on_version: "判断した版", "Judged on version";
    not_judged: "未判断", "Not judged yet";
    verdict: "判断", "Verdict";
    reason: "理由", "Reason";
    record: "記録する", "Record";
    fair_hint: "選択と除外の理由が必要十分かを判断します。問題があれば「指摘」とし、事業者に依頼を送ります。事業者が言明書の新しい版で答えたら、その版で判断し直します。", "Judge whether the selection is necessary and sufficient and each exclusion justified. Challenge it when it is not, and ask the provider; when the provider answers with a new statement version, judge again on it.";
    design_hint: "個別管理策が整備されているかを判断します。", "Judge whether the individual control is designed as the criteria ask.";
    effective: "有効", "Effective";
    not_effective: "有効でない", "Not effective";
    operation_hint: "頻度を決め、監査期間の母集団（CSV: date,reference）を記録すると凍結され、ログから得た種で標本が抽出されます。", "Set the frequency, record the audit period's population (CSV: date,reference), which freezes it, then draw the sample seeded from the log.";
    frequency: "頻度", "Frequency";
    population: "母集団", "Population";
    population_file: "母集団の CSV ファイル", "Population CSV file";
    population_frozen: "凍結済み", "Frozen";
    occurrences: "件", "occurrences";
    draw: "標本を抽出する", "Draw the sample";
    samples_title: "標本と結果", "Samples and results";
    draw_second: "第 2 標本を抽出する", "Draw a second sample";
    round: "回", "Round";
    seed: "種", "Seed";
    item: "発生", "Occurrence";
    result: "結果", "Result";
    passed: "適合", "Passed";
    failed: "不適合", "Failed";
    not_tested: "未検証", "Not tested";
    note: "所見", "Note";
    evidence_ids: "証跡の ID（1 行に 1 つ）", "Evidence ids (one a line)";
    ask_title: "事業者に証跡を依頼する", "Ask the provider for evidence";
    ask: "依頼する", "Ask";
    due_on: "期限", "Due on";
    text: "依頼内容", "What is asked";
    governance_title: "ガバナンスの評価", "Governance";
    continue_title: "言明書の新しい版で監査を続ける", "Continue the audit on a new statement version";
    continue_hint: "適正表示の指摘に答えて提出した言明書の新しい版を指定します。監査は見たすべての版を記録します。", "Name the new statement version you submitted to answer the auditors' challenges; the audit records every version it looked at.";
    continue_on: "この版で続ける", "Continue on this version";
    statement_id: "言明書の版の ID", "Statement version id";
    upload_title: "証跡を提出する", "Add evidence";
    file: "ファイル", "File";
    title: "表題", "Title";
    method: "手続", "Method";
    speaks_for: "対象日", "Speaks for";
    occurrence_optional: "発生の番号（任意）", "Occurrence number (optional)";
    control_optional: "管理策（任意）", "Control (optional)";
    upload: "提出する", "Upload";
    draw_reperformance: "再実施する管理策を抽出する", "Draw the controls to re-perform";
    ia_reference: "内部監査報告書の番号又は表題", "Internal audit report (number or title)";
    ia_performed_by: "実施者", "Performed by";
    ia_period_start: "対象期間の始まり", "Period from";
    ia_period_end: "対象期間の終わり", "Period to";
    ia_scope: "範囲", "Scope";
    ia_covers: "範囲に含まれるサービスの ID（1 行に 1 つ）", "Services its scope covers, by id (one a line)";
    ia_reliable: "依拠できる", "Can be relied on";
    ia_not_reliable: "依拠できない", "Cannot be relied on";
    }
}
