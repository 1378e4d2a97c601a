//! The labels of the expectation-gap pages (the map of assurance schemes, each scheme, the
//! operator's editor, and one registration's plain account), in Japanese and English.

use super::labels::page_labels;

page_labels! {
    /// The expectation gap's labels, in one language.
    AssuranceLabels {
    title: "期待ギャップ：認証・報告書・登録が保証すること", "The expectation gap: what certificates, reports and registrations assure";
    intro: "クラウドサービスを選ぶとき、利用者は認証や報告書に実際以上のことを期待しがちです。ここでは、利用者が期待する保証（横軸）と実際の保証（縦軸）を並べ、この分野のベースラインで 4 つの領域に分けています。対角線より右下にある制度ほど、期待と実際の差が大きくなります。", "When choosing a cloud service, users tend to expect more of a certificate or report than it assures. This map sets what users expect each one to assure (across) against what it actually assures (up), cut into four zones by the field's baseline. The further a scheme lies below and to the right of the diagonal, the wider the gap.";
    question: "調達の場面で問うべきなのは、「自分のシステムが必要とする要求のうち、この事業者の認証や登録が実際に保証しているのはどれで、契約・SLA・自らの確認で補うべきものは何か」です。", "The question to ask when procuring is concrete: of the requirements my system needs, which do this provider's certificates and registrations actually assure, and which must I still cover by contract, SLA or my own checks?";
    chart: "期待と実際の保証", "Expected against actual assurance";
    zones: "4 つの領域", "The four zones";
    baseline: "ベースライン", "Baseline";
    schemes: "制度の一覧", "The schemes";
    scheme: "制度", "Scheme";
    object: "保証の対象", "What it assures";
    details_public: "保証の詳細の公開", "Details public";
    cloud_specific: "クラウド固有の基準", "Written for cloud";
    areas: "対象の分野", "Areas covered";
    expected: "期待（横軸）", "Expected (across)";
    actual: "実際（縦軸）", "Actual (up)";
    gap: "ギャップ", "Gap";
    zone: "領域", "Zone";
    yes: "はい", "Yes";
    no: "いいえ", "No";
    covered: "対象", "Covered";
    not_covered: "対象外", "Not covered";
    assures: "保証すること", "What it assures";
    does_not: "保証しないこと", "What it does not assure";
    summary: "この位置にある理由", "Why it stands here";
    revised_on: "運用者による最終更新", "Last edited by the operator";
    shipped: "制度の既定の対応図を使っています。", "The scheme's default map is in use.";
    back: "対応図へ戻る", "Back to the map";
    edit: "編集する", "Edit";
    add: "制度を追加する", "Add a scheme";
    remove: "この制度を削除する", "Remove this scheme";
    save: "保存する", "Save";
    save_baseline: "ベースラインを保存する", "Save the baseline";
    edit_title: "制度を編集する", "Edit a scheme";
    add_title: "制度を追加する", "Add a scheme";
    editor_intro: "保存のたびに対応図全体を確認し、問題はすべて項目ごとに示します。期待・実際は 0〜100 で、ベースラインとの位置で領域が決まります。", "Each save checks the whole map and shows every problem at its field. Expected and actual run from 0 to 100; where they fall against the baseline decides the zone.";
    id: "識別子（英小文字・数字・_・-）", "Id (lowercase letters, digits, _ and -)";
    name_ja: "名称（日本語）", "Name (Japanese)";
    name_en: "名称（英語）", "Name (English)";
    assures_ja: "保証すること（日本語）", "What it assures (Japanese)";
    assures_en: "保証すること（英語）", "What it assures (English)";
    does_not_ja: "保証しないこと（日本語）", "What it does not assure (Japanese)";
    does_not_en: "保証しないこと（英語）", "What it does not assure (English)";
    summary_ja: "この位置にある理由（日本語）", "Why it stands here (Japanese)";
    summary_en: "この位置にある理由（英語）", "Why it stands here (English)";
    baseline_hint: "1〜99。両軸ともこの値に達すると、その軸ではベースラインに届いたとみなします。", "1 to 99. A value at the baseline or above has reached it on that axis.";
    registration_title: "この登録が保証すること・しないこと", "What this registration assures, and what it does not";
    registration_intro: "登録は、監査機関が管理基準に照らして確かめた範囲だけを保証します。以下は、現行の管理基準に照らした、このサービスの登録の範囲と、利用者の側に残ることです。", "A registration assures only what the audit body checked against the criteria. Below is what this service's registration covers under the criteria in force, and what stays with its users.";
    registration_link: "この登録が保証すること・しないこと", "What this registration assures, and what it does not";
    level_scheme: "このレベルの登録について", "About a registration at this level";
    criteria: "照らした管理基準", "Criteria read";
    no_criteria: "公開済みの管理基準がないため、統制目標との対応は示せません。", "No criteria version is published, so the control objectives cannot be shown.";
    implemented: "実施している統制目標", "Control objectives it implements";
    implemented_intro: "このレベルとサービスモデルで求められ、言明書が実施するとした統制目標です。監査はこれらについて行われています。", "Objectives its level and service models call for that its statement says are implemented. The audit covered these.";
    not_implemented: "実施していない統制目標", "Control objectives it does not implement";
    not_implemented_intro: "このレベルとサービスモデルで求められるのに、言明書が実施するとしていない統制目標です。登録はこれらを保証しません。", "Objectives its level and service models call for that its statement does not implement. The registration does not assure them.";
    exclusions: "除外した管理策と理由", "Controls it excluded, and why";
    exclusions_intro: "登録の根拠となった言明書が選ばなかった管理策と、言明書に記された除外の理由です。", "The controls the statement behind the registration did not select, with the reasons it gives.";
    no_exclusions: "除外した管理策はありません。", "No control was excluded.";
    exclusions_unknown: "この登録はファイルから読み込まれたもので、言明書の除外理由は公開されていません。", "This entry was loaded from a file; its statement's reasons for exclusions are not published.";
    above_level: "上位のレベルでのみ求められる統制目標", "Objectives only a higher level calls for";
    above_level_intro: "このサービスのモデルに関わるものの、より高いレベルでのみ求められる統制目標です。このレベルの登録は、これらについて何も述べていません。", "Objectives that concern this service's models but only a higher level calls for. A registration at this level says nothing of them.";
    open_risks: "担保されていないリスク", "Risks it leaves open";
    open_risks_intro: "クラウド利用の基本的なリスクのうち、この登録が一部しか、または全く担保しないものです。残りは契約・SLA・利用者自身の対策で補います。", "The basic risks of cloud use this registration covers only in part or not at all. The rest falls to the contract, the SLA or the user's own measures.";
    no_open_risks: "リスク対応表のすべてのリスクを担保しています。", "It covers every risk of the risk map.";
    risk: "リスク", "Risk";
    coverage: "担保", "Coverage";
    partial: "一部", "Partly";
    none: "なし", "None";
    missing: "欠けている統制目標", "Objectives missing";
    left_to: "補う手段", "Left to";
    customer: "利用者の責任", "The customer's responsibilities";
    customer_intro: "サービスモデルごとの利用者の範囲と、管理基準が利用者または双方に割り当てる管理策です。", "The customer's scope under each service model, and the controls the criteria give to the customer or to both sides.";
    certificates: "その他の認証", "Other certifications";
    certificates_intro: "事業者が申告した、この登録とは別の制度による認証・報告書です。それぞれの保証の範囲は対応図で確かめられます。", "Certifications and reports of other schemes the provider declared. What each assures can be read on the map.";
    no_certificates: "申告された認証はありません。", "No certification declared.";
    history: "状態の変更", "Changes of status";
    to_entry: "登録簿の記載へ", "To the registry entry";
    to_map: "期待ギャップの対応図へ", "To the map of the expectation gap";
    none_listed: "ありません。", "None.";
    }
}
