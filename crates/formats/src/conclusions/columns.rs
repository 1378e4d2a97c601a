//! The conclusions table's columns and its two kinds of rows: names, which row reads which
//! column, and what the instructions say of each.

use shinrai_domain::text::Bilingual;

use crate::sheet_form::{Column, Kind};

/// One column of the conclusions table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Col {
    Part,
    Objective,
    Id,
    TitleJa,
    TitleEn,
    TextJa,
    TextEn,
    Mandatory,
    Responsibility,
    IndividualControlJa,
    IndividualControlEn,
    Effective,
    Conformant,
    ReasonJa,
    ReasonEn,
}

/// What a row concludes on, from its `part` cell (or its sheet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RowKind {
    Objective,
    Control,
}

impl RowKind {
    pub(crate) const ALL: [RowKind; 2] = [RowKind::Objective, RowKind::Control];

    /// The column holding the row's conclusion.
    pub(crate) fn conclusion(self) -> Col {
        match self {
            RowKind::Objective => Col::Effective,
            RowKind::Control => Col::Conformant,
        }
    }

    /// The other kind's conclusion column, which this kind of row must leave empty.
    pub(crate) fn foreign(self) -> Col {
        match self {
            RowKind::Objective => Col::Conformant,
            RowKind::Control => Col::Effective,
        }
    }
}

impl Kind for RowKind {
    type Col = Col;
    const EVERY: &'static [RowKind] = &RowKind::ALL;

    fn code(self) -> &'static str {
        match self {
            RowKind::Objective => "objective",
            RowKind::Control => "control",
        }
    }

    fn leaves_empty(self, col: Col) -> bool {
        col == self.foreign()
    }
}

impl Col {
    pub(crate) const ALL: [Col; 15] = [
        Col::Part,
        Col::Objective,
        Col::Id,
        Col::TitleJa,
        Col::TitleEn,
        Col::TextJa,
        Col::TextEn,
        Col::Mandatory,
        Col::Responsibility,
        Col::IndividualControlJa,
        Col::IndividualControlEn,
        Col::Effective,
        Col::Conformant,
        Col::ReasonJa,
        Col::ReasonEn,
    ];
}

impl Column for Col {
    const EVERY: &'static [Col] = &Col::ALL;
    const PART: Col = Col::Part;
    const ID: Col = Col::Id;

    fn name(self) -> &'static str {
        match self {
            Col::Part => "part",
            Col::Objective => "objective",
            Col::Id => "id",
            Col::TitleJa => "title_ja",
            Col::TitleEn => "title_en",
            Col::TextJa => "text_ja",
            Col::TextEn => "text_en",
            Col::Mandatory => "mandatory",
            Col::Responsibility => "responsibility",
            Col::IndividualControlJa => "individual_control_ja",
            Col::IndividualControlEn => "individual_control_en",
            Col::Effective => "effective",
            Col::Conformant => "conformant",
            Col::ReasonJa => "reason_ja",
            Col::ReasonEn => "reason_en",
        }
    }

    /// The auditor writes in it; the others show the criteria and the statement and are
    /// never read. The id is read, but it is the auditor's to keep, not to write: it shows as
    /// the criteria's texts do.
    fn is_answer(self) -> bool {
        matches!(
            self,
            Col::Part | Col::Effective | Col::Conformant | Col::ReasonJa | Col::ReasonEn
        )
    }

    fn width(self) -> f64 {
        match self {
            Col::Part => 12.0,
            Col::Objective | Col::Id => 11.0,
            Col::Mandatory | Col::Effective | Col::Conformant => 12.0,
            Col::Responsibility => 15.0,
            Col::TitleJa | Col::TitleEn => 30.0,
            _ => 50.0,
        }
    }

    fn wraps(self) -> bool {
        !matches!(
            self,
            Col::Part
                | Col::Objective
                | Col::Id
                | Col::Mandatory
                | Col::Responsibility
                | Col::Effective
                | Col::Conformant
        )
    }

    fn help(self) -> Bilingual {
        match self {
            Col::Part => Bilingual::new(
                "行の種類: objective（統制目標）または control（詳細管理策）。CSV で必須",
                "What the row concludes on: objective or control; required in a CSV file",
            ),
            Col::Objective => Bilingual::new(
                "詳細管理策が属する統制目標（参考、読み込みません）",
                "The objective the control belongs to (for reference; not read)",
            ),
            Col::Id => Bilingual::new(
                "統制目標・詳細管理策の ID（必須、変更しないでください）",
                "The objective's or control's id (required; do not change it)",
            ),
            Col::TitleJa | Col::TitleEn => Bilingual::new(
                "統制目標の見出し（参考、読み込みません）",
                "The objective's heading (for reference; not read)",
            ),
            Col::TextJa | Col::TextEn => Bilingual::new(
                "管理基準の本文（参考、読み込みません）",
                "The criteria's text (for reference; not read)",
            ),
            Col::Mandatory => Bilingual::new(
                "遵守事項なら yes、推奨事項なら no（参考、読み込みません）",
                "yes for a mandatory control, no for a recommended one (for reference; not read)",
            ),
            Col::Responsibility => Bilingual::new(
                "言明書が示す実施の責任（参考、読み込みません）",
                "Who carries it out, as the statement says (for reference; not read)",
            ),
            Col::IndividualControlJa | Col::IndividualControlEn => Bilingual::new(
                "言明書の個別管理策（参考、読み込みません）",
                "The statement's individual control (for reference; not read)",
            ),
            Col::Effective => Bilingual::new(
                "統制目標が有効か: yes または no。空なら未記入で、その行は取り込みません",
                "Whether the objective is effective: yes or no; empty means not concluded yet, and the row is not imported",
            ),
            Col::Conformant => Bilingual::new(
                "詳細管理策に準拠しているか: yes または no。空なら未記入で、その行は取り込みません",
                "Whether the control is conformant: yes or no; empty means not concluded yet, and the row is not imported",
            ),
            Col::ReasonJa => Bilingual::new(
                "結論の理由（日本語）。結論を書いた行では日本語・英語の少なくとも一方が必須",
                "The reason for the conclusion, in Japanese; a concluded row needs it in at least one language",
            ),
            Col::ReasonEn => Bilingual::new(
                "結論の理由（英語）",
                "The reason for the conclusion, in English",
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
        assert_eq!(RowKind::from_code("Objective"), Some(RowKind::Objective));
        assert_eq!(RowKind::Control.conclusion(), Col::Conformant);
        assert_eq!(RowKind::Objective.foreign(), Col::Conformant);
    }
}
