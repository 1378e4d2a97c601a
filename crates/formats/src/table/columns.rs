//! The table's columns: their names, which rows use them, and how the help sheet explains them.

use shinrai_domain::text::Bilingual;

/// One column of the criteria table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Col {
    Kind,
    Id,
    Part,
    Objective,
    TitleJa,
    TitleEn,
    TextJa,
    TextEn,
    Mandatory,
    Actor,
    MinLevel,
    Integrity,
    Availability,
    ServiceModels,
    TechnologyExamples,
    References,
    Band,
    RiskCategories,
    Stages,
    Objectives,
}

/// The kind of a row, from its `kind` cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RowKind {
    Version,
    Group,
    Control,
    Risk,
}

/// Whether a row of some kind needs a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Use {
    Required,
    Optional,
    /// Must be empty: a value there would be lost, so it is refused.
    Unused,
}

impl RowKind {
    pub(crate) const ALL: [RowKind; 4] = [
        RowKind::Version,
        RowKind::Group,
        RowKind::Control,
        RowKind::Risk,
    ];

    pub(crate) fn code(self) -> &'static str {
        match self {
            RowKind::Version => "version",
            RowKind::Group => "group",
            RowKind::Control => "control",
            RowKind::Risk => "risk",
        }
    }

    /// Letters compare without case: spreadsheets like to capitalise the first letter.
    pub(crate) fn from_code(code: &str) -> Option<RowKind> {
        RowKind::ALL
            .into_iter()
            .find(|kind| kind.code().eq_ignore_ascii_case(code))
    }

    pub(crate) fn use_of(self, col: Col) -> Use {
        use Col::*;
        match (self, col) {
            (_, Kind) | (_, Id) => Use::Required,
            (RowKind::Version, TitleJa | TitleEn) => Use::Required,
            (RowKind::Version, _) => Use::Unused,
            (RowKind::Group, Part | TitleJa | TitleEn | TextJa | TextEn) => Use::Required,
            (RowKind::Group, _) => Use::Unused,
            (RowKind::Control, TitleJa | TitleEn) => Use::Unused,
            (RowKind::Control, TechnologyExamples | References) => Use::Optional,
            (RowKind::Control, Band | RiskCategories | Stages | Objectives) => Use::Unused,
            (RowKind::Control, _) => Use::Required,
            (RowKind::Risk, TitleJa | TitleEn | TextJa | TextEn) => Use::Required,
            (RowKind::Risk, Band | RiskCategories | Stages) => Use::Required,
            (RowKind::Risk, Objectives) => Use::Optional,
            (RowKind::Risk, _) => Use::Unused,
        }
    }
}

impl Col {
    /// In the order the writer puts them.
    pub(crate) const ALL: [Col; 20] = [
        Col::Kind,
        Col::Id,
        Col::Part,
        Col::Objective,
        Col::TitleJa,
        Col::TitleEn,
        Col::TextJa,
        Col::TextEn,
        Col::Mandatory,
        Col::Actor,
        Col::MinLevel,
        Col::Integrity,
        Col::Availability,
        Col::ServiceModels,
        Col::TechnologyExamples,
        Col::References,
        Col::Band,
        Col::RiskCategories,
        Col::Stages,
        Col::Objectives,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Col::Kind => "kind",
            Col::Id => "id",
            Col::Part => "part",
            Col::Objective => "objective",
            Col::TitleJa => "title_ja",
            Col::TitleEn => "title_en",
            Col::TextJa => "text_ja",
            Col::TextEn => "text_en",
            Col::Mandatory => "mandatory",
            Col::Actor => "actor",
            Col::MinLevel => "min_level",
            Col::Integrity => "integrity",
            Col::Availability => "availability",
            Col::ServiceModels => "service_models",
            Col::TechnologyExamples => "technology_examples",
            Col::References => "references",
            Col::Band => "band",
            Col::RiskCategories => "risk_categories",
            Col::Stages => "stages",
            Col::Objectives => "objectives",
        }
    }

    /// Header names match exactly (case-sensitive), as the brief of the format says.
    pub(crate) fn from_name(name: &str) -> Option<Col> {
        Col::ALL.into_iter().find(|col| col.name() == name)
    }

    /// Whether the header must have the column. Columns whose every cell may be empty, and
    /// those only risk rows use (a table may carry no risk map), can be left out.
    pub(crate) fn required_in_header(self) -> bool {
        !matches!(
            self,
            Col::TechnologyExamples
                | Col::References
                | Col::Band
                | Col::RiskCategories
                | Col::Stages
                | Col::Objectives
        )
    }

    /// Position in [`Col::ALL`]; used to index per-column arrays without a map.
    pub(crate) fn position(self) -> usize {
        Col::ALL
            .iter()
            .position(|col| *col == self)
            .unwrap_or_default()
    }

    /// Width in Excel character units.
    pub(crate) fn width(self) -> f64 {
        match self {
            Col::Kind => 10.0,
            Col::Id => 14.0,
            Col::Part => 13.0,
            Col::Objective => 12.0,
            Col::TitleJa | Col::TitleEn => 32.0,
            Col::TextJa | Col::TextEn => 60.0,
            Col::Mandatory | Col::Integrity => 11.0,
            Col::Availability => 13.0,
            Col::Actor => 11.0,
            Col::MinLevel => 10.0,
            Col::ServiceModels => 17.0,
            Col::TechnologyExamples => 60.0,
            Col::References => 40.0,
            Col::Band => 9.0,
            Col::RiskCategories => 24.0,
            Col::Stages => 32.0,
            Col::Objectives => 40.0,
        }
    }

    /// Long free texts wrap in the spreadsheet; codes stay on one line.
    pub(crate) fn wraps(self) -> bool {
        matches!(
            self,
            Col::TitleJa
                | Col::TitleEn
                | Col::TextJa
                | Col::TextEn
                | Col::TechnologyExamples
                | Col::References
                | Col::Objectives
        )
    }

    /// Which rows use the column, for the help sheet.
    pub(crate) fn rows(self) -> &'static str {
        match self {
            Col::Kind | Col::Id => "version, group, control, risk",
            Col::TitleJa | Col::TitleEn => "version, group, risk",
            Col::TextJa | Col::TextEn => "group, control, risk",
            Col::Part => "group, control",
            Col::Band | Col::RiskCategories | Col::Stages | Col::Objectives => "risk",
            _ => "control",
        }
    }

    /// What the column holds, for the help sheet.
    pub(crate) fn help(self) -> Bilingual {
        match self {
            Col::Kind => Bilingual::new(
                "行の種類: version（版、ちょうど 1 行）、group（テーマ・統制目標）、control（項目・詳細管理策）、risk（リスクと対応する統制目標の対応表の 1 行）",
                "Row kind: version (exactly one row), group (theme or control objective), control (item or detailed control), risk (one risk of the map from risks to control objectives)",
            ),
            Col::Id => Bilingual::new(
                "ID。version 行では版の ID（英数字と . _ -）、risk 行ではリスクの ID（例: H01、risk 行の中で重複不可）、それ以外では基準の番号。表の中で重複不可",
                "Id. On the version row the version id (letters, digits, . _ -); on a risk row the risk's id (e.g. H01, unique among the risks); otherwise the number; unique in the table",
            ),
            Col::Part => Bilingual::new(
                "部: governance（ガバナンス基準）、management（マネジメント基準）、control（管理策基準）",
                "Part: governance, management or control",
            ),
            Col::Objective => Bilingual::new(
                "属する group の ID（同じ部の group であること）",
                "Id of the group the control belongs to (a group of the same part)",
            ),
            Col::TitleJa => Bilingual::new(
                "版、group またはリスクの見出し（日本語、必須）",
                "Title of the version, group or risk in Japanese (required)",
            ),
            Col::TitleEn => Bilingual::new(
                "版、group またはリスクの見出し（英語、必須）",
                "Title of the version, group or risk in English (required)",
            ),
            Col::TextJa => Bilingual::new(
                "group の目的、control の本文、または risk で統制目標に委ねられず契約・SLA・利用者の対策に残ること（日本語、必須）",
                "What the group is to achieve, the control's text, or what a risk leaves to the contract, the SLA or the customer's own measures, in Japanese (required)",
            ),
            Col::TextEn => Bilingual::new(
                "group の目的、control の本文、または risk で統制目標に委ねられず契約・SLA・利用者の対策に残ること（英語、必須）",
                "What the group is to achieve, the control's text, or what a risk leaves to the contract, the SLA or the customer's own measures, in English (required)",
            ),
            Col::Mandatory => Bilingual::new(
                "遵守事項なら yes、推奨事項なら no（true/false、1/0、はい/いいえ も可）",
                "yes for a mandatory control, no for a recommended one (also true/false, 1/0, はい/いいえ)",
            ),
            Col::Actor => Bilingual::new(
                "実施者: provider（事業者）、customer（利用者）、both（両方）",
                "Who carries it out: provider, customer or both",
            ),
            Col::MinLevel => Bilingual::new(
                "この管理策・項目を求める最も低いレベル: 1、2 または 3。ガバナンス・マネジメントの項目では空なら 1",
                "Lowest level that requires the control or item: 1, 2 or 3; empty on a governance or management item means 1",
            ),
            Col::Integrity => Bilingual::new(
                "完全性に関わる管理策なら yes、そうでなければ no",
                "yes if the control concerns integrity, otherwise no",
            ),
            Col::Availability => Bilingual::new(
                "可用性に関わる管理策なら yes、そうでなければ no",
                "yes if the control concerns availability, otherwise no",
            ),
            Col::ServiceModels => Bilingual::new(
                "対象のサービスモデルを ; で区切って（例: IaaS;PaaS;SaaS）、1 つ以上。ガバナンス・マネジメントの項目では空なら 3 つすべて",
                "Service models it applies to, separated by ; (e.g. IaaS;PaaS;SaaS), at least one; empty on a governance or management item means all three",
            ),
            Col::TechnologyExamples => Bilingual::new(
                "実装され得る技術の例。1 行に 1 つ「ID: 日本語の名前 | 英語の名前」と書き、セル内の改行（Excel では Alt+Enter）で区切る。ID は英小文字・数字で始まる 32 文字以内の英小文字・数字・- _ . で、管理策の中で重複不可。: と | は全角でも可（空でも可）",
                "Technology examples, one a line: \"id: Japanese name | English name\", lines separated by a line break in the cell (Alt+Enter in Excel). An id is up to 32 lowercase letters, digits, - _ . starting with a letter or digit, unique within the control; : and | may be full-width (may be empty)",
            ),
            Col::References => Bilingual::new(
                "他の規格との対応: 規格:条項=関係 を \"; \" で区切って。関係は equal、subset、superset、intersect（空でも可）",
                "Mappings to other standards: STANDARD:CLAUSE=relation separated by \"; \"; relation is equal, subset, superset or intersect (may be empty)",
            ),
            Col::Band => Bilingual::new(
                "リスクの大きさ: high（高）、medium（中）、low（低）",
                "How much the risk weighs: high, medium or low",
            ),
            Col::RiskCategories => Bilingual::new(
                "リスクがもたらす害を ; で区切って 1 つ以上: leakage（漏えい）、tampering（改ざん）、loss（消失）、continuity（継続性）、compliance（法令・契約の遵守）、cost（コスト）",
                "The harm the risk does, separated by ;, at least one: leakage, tampering, loss, continuity, compliance, cost",
            ),
            Col::Stages => Bilingual::new(
                "リスクを考慮する段階を ; で区切って 1 つ以上: before_adoption（利用の検討）、provider_selection（事業者の選定）、operation（運用）",
                "The stages where the risk matters, separated by ;, at least one: before_adoption, provider_selection, operation",
            ),
            Col::Objectives => Bilingual::new(
                "リスクに対応する統制目標（group の ID）を ; で区切って（空でも可）",
                "The control objectives (group ids) that address the risk, separated by ; (may be empty)",
            ),
        }
    }

    /// An example value, for the help sheet.
    pub(crate) fn example(self) -> &'static str {
        match self {
            Col::Kind => "control",
            Col::Id => "6.1.1.1",
            Col::Part => "control",
            Col::Objective => "6.1.1",
            Col::TitleJa => "情報セキュリティのための組織",
            Col::TitleEn => "Organisation of information security",
            Col::TextJa => "情報セキュリティの責任を定め、割り当てる。",
            Col::TextEn => "Define and allocate information security responsibilities.",
            Col::Mandatory | Col::Integrity => "yes",
            Col::Availability => "no",
            Col::Actor => "provider",
            Col::MinLevel => "2",
            Col::ServiceModels => "IaaS;PaaS;SaaS",
            Col::TechnologyExamples => {
                "job-descriptions: 職務記述書 | Job descriptions\nraci: RACI 表 | RACI matrix"
            }
            Col::References => "ISO27002:6.1.1=equal; NIST:PM-2=subset",
            Col::Band => "high",
            Col::RiskCategories => "continuity;loss",
            Col::Stages => "provider_selection;operation",
            Col::Objectives => "12.1.3; 12.3.1; CLD.9.5.1",
        }
    }
}

/// The spreadsheet name of a 0-based column index: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub(crate) fn column_letters(index: usize) -> String {
    let mut letters = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        let rest = (n - 1) % 26;
        // rest < 26, so the addition stays within ASCII capitals.
        letters.push(char::from(b'A' + u8::try_from(rest).unwrap_or_default()));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A cell reference such as `F12` (0-based column, 1-based row).
pub(crate) fn cell_ref(column: usize, row: usize) -> String {
    format!("{}{row}", column_letters(column))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_follow_the_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(5), "F");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        assert_eq!(cell_ref(10, 12), "K12");
    }

    #[test]
    fn names_and_positions_agree() {
        for (index, col) in Col::ALL.into_iter().enumerate() {
            assert_eq!(Col::from_name(col.name()), Some(col));
            assert_eq!(col.position(), index);
        }
        assert_eq!(Col::from_name("Kind"), None);
    }
}
