//! What the sheet `instructions` tells a provider: how to fill in the template, in Japanese
//! and English. The sheet, with what each column holds, is written as every form's is.

/// The steps, Japanese beside English.
pub(crate) const STEPS: [(&str, &str); 10] = [
    (
        "言明書テンプレートの記入方法",
        "How to fill in the statement template",
    ),
    (
        "1. シート statement: 管理基準の版（criteria_version）と目標レベル（target_level、1〜3）を確かめます。変更しないでください。",
        "1. Sheet statement: check the criteria version (criteria_version) and the target level (target_level, 1 to 3). Do not change them.",
    ),
    (
        "2. シート items: ガバナンス・マネジメントの各項目に実施状況（status: implemented / partial / not_implemented）と実施内容（description_ja / description_en）を書きます。",
        "2. Sheet items: give each governance and management item its status (implemented / partial / not_implemented) and how it is implemented (description_ja / description_en).",
    ),
    (
        "3. シート controls: 各詳細管理策の choice を selected（選択）か excluded（除外）にします。selected なら responsibility（csp / customer / shared）、個別管理策（individual_control_ja / _en）、用いる技術（technologies、1 行に 1 つ）を書きます。",
        "3. Sheet controls: set each detailed control's choice to selected or excluded. A selected control gets its responsibility (csp / customer / shared), its individual control (individual_control_ja / _en) and the technologies used (technologies, one a line).",
    ),
    (
        "4. 技術は technology_examples 列の ID（例: mfa）で書けます。例にない技術を書くときは、同等である根拠（rationale_ja / _en）を書きます。",
        "4. Name a technology by an id from the column technology_examples (e.g. mfa). For a technology not among the examples, give the rationale why it is equivalent (rationale_ja / _en).",
    ),
    (
        "5. excluded の管理策には除外の理由（exclusion_reason_ja / _en の少なくとも一方）が必要です。遵守事項（mandatory が yes）は除外できません（事前チェックで指摘されます）。",
        "5. An excluded control needs the reason (exclusion_reason_ja / _en, at least one). Mandatory controls (mandatory yes) cannot be excluded (the pre-check reports it).",
    ),
    (
        "6. シート documents（任意）: 監査人が閲覧できる文書の名前（title_ja / title_en）と保管場所（location）を書きます。",
        "6. Sheet documents (optional): list documents auditors can inspect, with their titles (title_ja / title_en) and where they are kept (location).",
    ),
    (
        "7. 灰色の列は管理基準の内容で、読み込みません。黄色の列に記入します。id 列は変更せず、行を増やしたり消したりしても構いません。空の回答は未回答として扱います。",
        "7. Grey columns show the criteria and are not read; write in the yellow ones. Do not change the id column; rows may be added or removed. Empty answers count as not answered yet.",
    ),
    (
        "8. セルには値を入力し、数式は使わないでください。CSV で保存するときは「CSV UTF-8 (コンマ区切り)」を選び、part 列で行の種類を示します。",
        "8. Cells hold values; formulas are refused. When saving as CSV choose \"CSV UTF-8 (Comma delimited)\"; the column part then says what each row is.",
    ),
    (
        "9. 取り込みは全部か無かです。問題があればシート・行・列・セルを示してすべて報告し、何も取り込みません。",
        "9. Importing is all or nothing: every problem is reported with its sheet, row, column and cell, and nothing is imported.",
    ),
];
