//! The labels of a service's other certifications and the ISO/IEC 27017 statement of
//! applicability, on the service, certificate and registry pages, in Japanese and English.

use super::labels::page_labels;

page_labels! {
    /// The certificates' labels, in one language.
    CertificateLabels {
    title: "その他の認証", "Other certifications";
    intro: "事業者が申告した認証・監査報告書です。登録とは別の制度で、担保する範囲もそれぞれ異なります。期限切れ・取下げのものも印を付けて残します。", "Certifications and audit reports the provider declared. They belong to other schemes and each assures something different. Lapsed and withdrawn ones stay listed, marked.";
    none: "申告された認証はありません。", "No certification declared.";
    declare: "認証を申告する", "Declare a certification";
    kind: "種類", "Kind";
    issuer: "発行者", "Issuer";
    issuer_ja: "発行者（日本語）", "Issuer (Japanese)";
    issuer_en: "発行者（英語）", "Issuer (English)";
    scope: "範囲", "Scope";
    scope_ja: "範囲（日本語）", "Scope (Japanese)";
    scope_en: "範囲（英語）", "Scope (English)";
    number: "番号", "Number";
    valid_from: "有効期間の開始", "Valid from";
    valid_until: "有効期間の終了", "Valid until";
    period: "有効期間", "Period";
    standing: "状態", "Standing";
    document: "証書・報告書", "Certificate or report";
    document_title_ja: "文書名（日本語）", "Document title (Japanese)";
    document_title_en: "文書名（英語）", "Document title (English)";
    document_location: "文書の場所（URL など）", "Where the document is (an address)";
    note: "備考", "Note";
    note_ja: "備考（日本語。「その他」では制度名）", "Note (Japanese; for Other, the scheme's name)";
    note_en: "備考（英語。「その他」では制度名）", "Note (English; for Other, the scheme's name)";
    save: "申告する", "Declare";
    withdraw: "取り下げる", "Withdraw";
    withdrawn_on: "取下げ日", "Withdrawn on";
    back: "サービスへ戻る", "Back to the service";
    soa: "適用宣言書（ISO/IEC 27017）", "Statement of applicability (ISO/IEC 27017)";
    soa_intro: "管理策ごとに、事業者・利用者・双方のどれとして実施するか、ISO/IEC 27001 で採用しているか、27017 の拡張で採用するかと、その理由です。27001 で採用していない管理策は 27017 で採用できません。CLD で始まる管理策はクラウド固有で、27001 にはありません。", "Per control: whether the organisation acts as provider, customer or both, whether ISO/IEC 27001 adopts it, whether the 27017 extension adopts it, and why. A control not adopted under 27001 cannot be adopted in 27017. Controls starting with CLD are cloud-only; 27001 does not have them.";
    control: "管理策", "Control";
    role: "役割", "Role";
    adopted_27001: "27001 で採用", "Adopted in 27001";
    adopted: "27017 で採用", "Adopted in 27017";
    reason: "理由", "Reason";
    reason_ja: "理由（日本語）", "Reason (Japanese)";
    reason_en: "理由（英語）", "Reason (English)";
    yes: "はい", "Yes";
    no: "いいえ", "No";
    not_in_27001: "（27001 にない）", "(not in 27001)";
    save_soa: "適用宣言書を保存する", "Save the statement of applicability";
    }
}
