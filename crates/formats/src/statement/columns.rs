//! The statement table's columns and the kinds of rows: names, which rows use which column,
//! which sheet holds which columns, and what the instructions say of each.

use shinrai_domain::text::Bilingual;

use crate::sheet_form::{Column, Kind};

/// One column of the statement table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Col {
    Part,
    CriteriaVersion,
    TargetLevel,
    ServiceModels,
    Objective,
    Id,
    TextJa,
    TextEn,
    Level,
    Mandatory,
    Status,
    DescriptionJa,
    DescriptionEn,
    Choice,
    Responsibility,
    Technologies,
    TechnologyExamples,
    RationaleJa,
    RationaleEn,
    IndividualControlJa,
    IndividualControlEn,
    ExclusionReasonJa,
    ExclusionReasonEn,
    TitleJa,
    TitleEn,
    Location,
}

/// What a row is, from its `part` cell (or its sheet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RowKind {
    Statement,
    Governance,
    Management,
    Control,
    Document,
}

/// How a kind of row uses a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Use {
    /// Read; whether it may be empty is the row's rule.
    Answer,
    /// The criteria's text, for the reader: never read back.
    Reference,
    /// Must be empty: a value there would be lost.
    Unused,
}

impl RowKind {
    pub(crate) const ALL: [RowKind; 5] = [
        RowKind::Statement,
        RowKind::Governance,
        RowKind::Management,
        RowKind::Control,
        RowKind::Document,
    ];

    pub(crate) fn use_of(self, col: Col) -> Use {
        use Col::*;
        match (self, col) {
            (_, Part) => Use::Answer,
            (RowKind::Statement, CriteriaVersion | TargetLevel) => Use::Answer,
            (_, ServiceModels | Objective | TextJa | TextEn | Level | Mandatory) => Use::Reference,
            (_, TechnologyExamples) => Use::Reference,
            (RowKind::Governance | RowKind::Management, Id | Status | DescriptionJa)
            | (RowKind::Governance | RowKind::Management, DescriptionEn) => Use::Answer,
            (
                RowKind::Control,
                Id | Choice | Responsibility | Technologies | RationaleJa | RationaleEn
                | IndividualControlJa | IndividualControlEn | ExclusionReasonJa | ExclusionReasonEn,
            ) => Use::Answer,
            (RowKind::Document, TitleJa | TitleEn | Location) => Use::Answer,
            _ => Use::Unused,
        }
    }
}

impl Kind for RowKind {
    type Col = Col;
    const EVERY: &'static [RowKind] = &RowKind::ALL;

    fn code(self) -> &'static str {
        match self {
            RowKind::Statement => "statement",
            RowKind::Governance => "governance",
            RowKind::Management => "management",
            RowKind::Control => "control",
            RowKind::Document => "document",
        }
    }

    fn leaves_empty(self, col: Col) -> bool {
        self.use_of(col) == Use::Unused
    }
}

impl Col {
    pub(crate) const ALL: [Col; 26] = [
        Col::Part,
        Col::CriteriaVersion,
        Col::TargetLevel,
        Col::ServiceModels,
        Col::Objective,
        Col::Id,
        Col::TextJa,
        Col::TextEn,
        Col::Level,
        Col::Mandatory,
        Col::Status,
        Col::DescriptionJa,
        Col::DescriptionEn,
        Col::Choice,
        Col::Responsibility,
        Col::Technologies,
        Col::TechnologyExamples,
        Col::RationaleJa,
        Col::RationaleEn,
        Col::IndividualControlJa,
        Col::IndividualControlEn,
        Col::ExclusionReasonJa,
        Col::ExclusionReasonEn,
        Col::TitleJa,
        Col::TitleEn,
        Col::Location,
    ];
}

impl Column for Col {
    const EVERY: &'static [Col] = &Col::ALL;
    const PART: Col = Col::Part;
    const ID: Col = Col::Id;

    fn name(self) -> &'static str {
        match self {
            Col::Part => "part",
            Col::CriteriaVersion => "criteria_version",
            Col::TargetLevel => "target_level",
            Col::ServiceModels => "service_models",
            Col::Objective => "objective",
            Col::Id => "id",
            Col::TextJa => "text_ja",
            Col::TextEn => "text_en",
            Col::Level => "level",
            Col::Mandatory => "mandatory",
            Col::Status => "status",
            Col::DescriptionJa => "description_ja",
            Col::DescriptionEn => "description_en",
            Col::Choice => "choice",
            Col::Responsibility => "responsibility",
            Col::Technologies => "technologies",
            Col::TechnologyExamples => "technology_examples",
            Col::RationaleJa => "rationale_ja",
            Col::RationaleEn => "rationale_en",
            Col::IndividualControlJa => "individual_control_ja",
            Col::IndividualControlEn => "individual_control_en",
            Col::ExclusionReasonJa => "exclusion_reason_ja",
            Col::ExclusionReasonEn => "exclusion_reason_en",
            Col::TitleJa => "title_ja",
            Col::TitleEn => "title_en",
            Col::Location => "location",
        }
    }

    /// The provider writes in it (shown in another colour than the criteria's texts).
    fn is_answer(self) -> bool {
        !matches!(
            self,
            Col::ServiceModels
                | Col::Objective
                | Col::TextJa
                | Col::TextEn
                | Col::Level
                | Col::Mandatory
                | Col::TechnologyExamples
        )
    }

    fn width(self) -> f64 {
        match self {
            Col::Part => 12.0,
            Col::CriteriaVersion => 18.0,
            Col::TargetLevel | Col::Level | Col::Mandatory => 10.0,
            Col::ServiceModels => 17.0,
            Col::Objective | Col::Id => 11.0,
            Col::Status | Col::Choice => 14.0,
            Col::Responsibility => 15.0,
            Col::Location => 40.0,
            Col::TitleJa | Col::TitleEn | Col::Technologies => 30.0,
            Col::TechnologyExamples => 40.0,
            _ => 50.0,
        }
    }

    fn wraps(self) -> bool {
        !matches!(
            self,
            Col::Part
                | Col::CriteriaVersion
                | Col::TargetLevel
                | Col::ServiceModels
                | Col::Objective
                | Col::Id
                | Col::Level
                | Col::Mandatory
                | Col::Status
                | Col::Choice
                | Col::Responsibility
        )
    }

    fn help(self) -> Bilingual {
        match self {
            Col::Part => Bilingual::new(
                "行の種類: statement（言明書、CSV で 1 行）、governance、management、control、document。controls シートでは空なら control",
                "What the row is: statement (the statement, one row in a CSV), governance, management, control or document; empty on the controls sheet means control",
            ),
            Col::CriteriaVersion => Bilingual::new(
                "言明書が準拠する管理基準の版 ID（必須）",
                "The criteria version the statement is written against (required)",
            ),
            Col::TargetLevel => Bilingual::new(
                "目標とするレベル: 1、2、3（必須）",
                "The level aimed at: 1, 2 or 3 (required)",
            ),
            Col::ServiceModels => Bilingual::new(
                "テンプレートを作ったサービスモデル（参考、読み込みません）",
                "The service models the template was made for (for reference; not read)",
            ),
            Col::Objective => Bilingual::new(
                "統制目標・テーマの ID（参考、読み込みません）",
                "The control objective or theme (for reference; not read)",
            ),
            Col::Id => Bilingual::new(
                "項目・詳細管理策の ID（必須、変更しないでください）",
                "The item's or detailed control's id (required; do not change it)",
            ),
            Col::TextJa | Col::TextEn => Bilingual::new(
                "管理基準の本文（参考、読み込みません）",
                "The criteria's text (for reference; not read)",
            ),
            Col::Level => Bilingual::new(
                "このサービスに求められる最も低いレベル（参考、読み込みません）",
                "The lowest level at which it applies to the service (for reference; not read)",
            ),
            Col::Mandatory => Bilingual::new(
                "遵守事項なら yes（除外できません）、推奨事項なら no（参考）",
                "yes for a mandatory control (which cannot be excluded), no for a recommended one (for reference)",
            ),
            Col::Status => Bilingual::new(
                "実施状況: implemented（実施）、partial（一部実施）、not_implemented（未実施）。空なら未回答",
                "How far it is implemented: implemented, partial or not_implemented; empty means not answered yet",
            ),
            Col::DescriptionJa => {
                Bilingual::new("実施の内容（日本語）", "How it is implemented, in Japanese")
            }
            Col::DescriptionEn => {
                Bilingual::new("実施の内容（英語）", "How it is implemented, in English")
            }
            Col::Choice => Bilingual::new(
                "selected（選択）または excluded（除外）。空なら未回答で、その行の他の回答欄も空にします",
                "selected or excluded; empty means not answered yet, and the row's other answer cells stay empty",
            ),
            Col::Responsibility => Bilingual::new(
                "実施の責任: csp（事業者）、customer（利用者）、shared（共同）。selected の行で必須",
                "Who carries it out: csp (the provider), customer or shared; required on a selected row",
            ),
            Col::Technologies => Bilingual::new(
                "用いる技術。1 行に 1 つ、技術の例の ID（technology_examples 列）か自由な名前。自由な名前には根拠を書きます",
                "Technologies used, one a line: a technology example's id (column technology_examples) or a free name; a free name needs a rationale",
            ),
            Col::TechnologyExamples => Bilingual::new(
                "管理基準が示す技術の例「ID: 日本語の名前 | 英語の名前」（参考、読み込みません）",
                "The criteria's technology examples, \"id: Japanese name | English name\" (for reference; not read)",
            ),
            Col::RationaleJa => Bilingual::new(
                "例にない技術が同等である根拠（日本語）",
                "Why a technology not among the examples is equivalent, in Japanese",
            ),
            Col::RationaleEn => Bilingual::new(
                "例にない技術が同等である根拠（英語）",
                "Why a technology not among the examples is equivalent, in English",
            ),
            Col::IndividualControlJa => Bilingual::new(
                "個別管理策: 事業者がこの管理策を満たすために行うこと（日本語）",
                "The individual control: what the provider does to meet the control, in Japanese",
            ),
            Col::IndividualControlEn => {
                Bilingual::new("個別管理策（英語）", "The individual control, in English")
            }
            Col::ExclusionReasonJa => Bilingual::new(
                "除外の理由（日本語）。excluded の行では日本語・英語の少なくとも一方が必須",
                "Why the control is excluded, in Japanese; an excluded row needs it in at least one language",
            ),
            Col::ExclusionReasonEn => Bilingual::new(
                "除外の理由（英語）",
                "Why the control is excluded, in English",
            ),
            Col::TitleJa => Bilingual::new(
                "監査人が閲覧できる文書の名前（日本語）",
                "The name of a document auditors can inspect, in Japanese",
            ),
            Col::TitleEn => Bilingual::new(
                "文書の名前（英語）。日本語・英語の少なくとも一方が必須",
                "The document's name in English; at least one language is required",
            ),
            Col::Location => Bilingual::new(
                "文書の保管場所（パス、アドレスなど）",
                "Where the document is kept (a path, an address…)",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back() {
        for col in Col::ALL {
            assert_eq!(Col::from_name(col.name()), Some(col));
        }
        assert_eq!(RowKind::from_code("Control"), Some(RowKind::Control));
        assert_eq!(RowKind::Control.use_of(Col::Status), Use::Unused);
        assert_eq!(RowKind::Governance.use_of(Col::Status), Use::Answer);
        assert_eq!(RowKind::Document.use_of(Col::TextJa), Use::Reference);
    }
}
