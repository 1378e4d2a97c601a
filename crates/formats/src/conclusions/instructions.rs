//! What the sheet `instructions` tells an auditor: how to record conclusions in the workbook,
//! in Japanese and English. The sheet, with what each column holds, is written as every
//! form's is.

/// The steps, Japanese beside English.
pub(crate) const STEPS: [(&str, &str); 8] = [
    (
        "監査の結論の記入方法",
        "How to record the audit's conclusions",
    ),
    (
        "1. シート objectives: 言明書で選択された詳細管理策の統制目標ごとに、有効か（effective: yes / no）と理由（reason_ja / reason_en）を書きます。",
        "1. Sheet objectives: for each objective of the controls the statement selects, say whether it is effective (effective: yes / no) and why (reason_ja / reason_en).",
    ),
    (
        "2. シート controls: 選択された詳細管理策ごとに、準拠しているか（conformant: yes / no）と理由を書きます。個別管理策と責任は言明書の記載です。",
        "2. Sheet controls: for each selected control, say whether it is conformant (conformant: yes / no) and why. The individual control and the responsibility are the statement's.",
    ),
    (
        "3. 結論を書いた行には、理由が日本語・英語の少なくとも一方で必要です。結論が空の行は未記入として取り込まず、理由も空にしておきます。",
        "3. A row with a conclusion needs a reason in Japanese, English or both. A row whose conclusion is empty is not concluded yet and is not imported; leave its reason empty too.",
    ),
    (
        "4. 取り込むと、記録済みの結論はこのファイルの内容で置き換わります。途中まで記入したファイルを取り込み、続きを後から記入できます。署名には、すべての行に結論と理由が必要です。",
        "4. Importing replaces the conclusions recorded so far with the file's. A file filled in part may be imported and completed later; signing needs a conclusion and reason on every row.",
    ),
    (
        "5. 灰色の列は管理基準と言明書の内容で、読み込みません。黄色の列に記入します。id 列は変更しないでください。",
        "5. Grey columns show the criteria and the statement and are not read; write in the yellow ones. Do not change the id column.",
    ),
    (
        "6. セルには値を入力し、数式は使わないでください。CSV で保存するときは「CSV UTF-8 (コンマ区切り)」を選び、part 列（objective / control）で行の種類を示します。",
        "6. Cells hold values; formulas are refused. When saving as CSV choose \"CSV UTF-8 (Comma delimited)\"; the column part (objective / control) then says what each row is.",
    ),
    (
        "7. 取り込みは全部か無かです。問題があればシート・行・列・セルを示してすべて報告し、何も取り込みません。",
        "7. Importing is all or nothing: every problem is reported with its sheet, row, column and cell, and nothing is imported.",
    ),
];
