//! The labels of the page that shows what registered services lack of a criteria version, and
//! of the transition day on a version's page, in Japanese and English.

use super::labels::page_labels;

page_labels! {
    /// The labels of a version's gaps, in one language.
    CriteriaGapsLabels {
    title: "改定基準で不足する管理策", "What registered services lack of this version";
    intro_operator: "登録中・一時停止中の各サービスについて、この版がそのレベルとサービスモデルで求める遵守事項のうち、登録の根拠となった言明書が含まないものです。", "For every registered or suspended service, the mandatory controls and items this version requires at its level and for its service models that the statement its registration rests on does not cover.";
    intro_provider: "自組織の登録サービスについて、この版がそのレベルとサービスモデルで求める遵守事項のうち、登録の根拠となった言明書が含まないものです。次の更新に向けて言明書を見直してください。", "For your organisation's registered services, the mandatory controls and items this version requires at their level and for their service models that the statement each registration rests on does not cover. Review the statement before the next renewal.";
    transition_on: "移行日", "Transition day";
    transition_rule: "この日以降の更新申請は、この版（又はその後の版）で書いた言明書によります。", "From this day renewals must rest on a statement written against this version (or a later one).";
    no_transition: "移行日は定められていません。", "No transition day is set.";
    none: "不足する管理策のある登録サービスはありません。", "No registered service lacks anything of this version.";
    entry: "登録番号", "Registration";
    service: "サービス", "Service";
    level: "レベル", "Level";
    written_for: "言明書の版", "Statement written for";
    missing: "不足する遵守事項", "Mandatory controls not covered";
    link: "登録サービスに不足する管理策", "What registered services lack";
    }
}
