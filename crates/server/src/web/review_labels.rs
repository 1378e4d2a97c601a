//! The labels of the quality-review pages, in Japanese and English.

use super::labels::page_labels;

page_labels! {
    /// The quality-review pages' labels, in one language.
    ReviewLabels {
    title: "監査の品質レビュー", "Quality reviews of audits";
    intro: "運用者は、期間内に署名された監査から対象を抽出し、その調書を読んで評価します。抽出は開始時のログ上の位置から得た種によるもので、誰も対象を選べません。完了したレビューの評価は監査機関の公開記録に載ります。", "The operator draws engagements among the audits signed in a period, reads their working papers and rates each. The draw is seeded from the log point of the review's opening, so no one chooses what is read. A closed review's ratings join the audit bodies' public records.";
    none: "品質レビューはまだありません。", "No quality review yet.";
    review: "レビュー", "Review";
    period: "署名日の期間", "Signed between";
    status: "状況", "Status";
    asked: "抽出する件数", "Engagements asked";
    eligible: "期間内に署名された監査", "Audits signed in the period";
    drawn_count: "抽出された監査", "Engagements drawn";
    open_title: "品質レビューを開始する", "Open a quality review";
    open_hint: "期間は今日より前に終わっていなければなりません。開始と同時に対象を抽出します。", "The period must end before today. The engagements are drawn as the review opens.";
    period_start: "期間の始まり", "First day";
    period_end: "期間の終わり", "Last day";
    open: "開始して抽出する", "Open and draw";
    seed: "抽出の種", "Seed of the draw";
    seed_from: "開始イベントのログ上の位置", "Log point of the opening event";
    engagements: "対象の監査", "Engagements drawn";
    audit: "監査", "Audit";
    audit_body: "監査機関", "Audit body";
    signed_on: "署名日", "Signed on";
    rating: "評価", "Rating";
    findings: "所見", "Findings";
    reviewed_on: "評価日", "Reviewed on";
    not_rated: "未評価", "Not rated";
    working_papers: "調書を読む", "Read the working papers";
    rate: "評価を記録する", "Record the rating";
    close: "レビューを完了する", "Close the review";
    close_hint: "すべての対象に評価が記録されると完了できます。完了後、評価と日付が監査機関の公開記録に載ります。", "A review closes once every engagement drawn is rated; the ratings and their days then appear on the audit bodies' public records.";
    draw: "対象を抽出する", "Draw the engagements";
    public_title: "品質レビューの結果", "Quality reviews";
    public_none: "完了した品質レビューはありません。", "No closed quality review.";
    all_reviews: "品質レビューの一覧", "All quality reviews";
    }
}
