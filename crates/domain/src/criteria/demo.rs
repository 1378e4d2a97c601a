//! The demo criteria shipped with shinrai (`serve --demo` loads them): a complete version in
//! Japanese and English written for this project, laid out like the scheme's own criteria. The
//! text lives in JSON files beside the crate, one per range of chapters and one for the map from
//! the 21 basic cloud risks to the objectives that address them, so that reviewers can read and
//! edit it as data.

use super::examples::TechnologyExample;
use super::model::{Control, CriteriaVersion, Group, Status};
use super::risk_map::Risk;
use crate::date::CalendarDate;
use crate::text::Bilingual;

pub const DEMO_VERSION: &str = "demo-2026";

const RISK_MAP: (&str, &str) = (
    "risk-map.json",
    include_str!("../../criteria/demo/risk-map.json"),
);

const FRAGMENTS: [(&str, &str); 4] = [
    (
        "01-governance-management-05-07.json",
        include_str!("../../criteria/demo/01-governance-management-05-07.json"),
    ),
    (
        "02-controls-08-11.json",
        include_str!("../../criteria/demo/02-controls-08-11.json"),
    ),
    (
        "03-controls-12-14.json",
        include_str!("../../criteria/demo/03-controls-12-14.json"),
    ),
    (
        "04-controls-15-18-cloud.json",
        include_str!("../../criteria/demo/04-controls-15-18-cloud.json"),
    ),
];

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Fragment {
    groups: Vec<Group>,
    controls: Vec<Control>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RiskMap {
    risks: Vec<Risk>,
}

/// A fragment file that does not read: it was edited by hand into a wrong shape.
#[derive(Debug, thiserror::Error)]
#[error("criteria/demo/{file}: {detail}")]
pub struct DemoError {
    pub file: &'static str,
    pub detail: String,
}

/// The demo version, published on 2026-04-01.
pub fn demo_criteria() -> Result<CriteriaVersion, DemoError> {
    let mut version = CriteriaVersion {
        version: DEMO_VERSION.to_owned(),
        title: Bilingual::new(
            "shinrai デモ管理基準 2026 年版",
            "shinrai demo criteria, 2026 edition",
        ),
        status: Status::Published,
        published_on: CalendarDate::new(2026, 4, 1),
        transition_on: None,
        groups: Vec::new(),
        controls: Vec::new(),
        risks: Vec::new(),
    };
    for (file, text) in FRAGMENTS {
        let fragment: Fragment = serde_json::from_str(text).map_err(|error| DemoError {
            file,
            detail: error.to_string(),
        })?;
        version.groups.extend(fragment.groups);
        version.controls.extend(fragment.controls);
    }
    let (file, text) = RISK_MAP;
    let map: RiskMap = serde_json::from_str(text).map_err(|error| DemoError {
        file,
        detail: error.to_string(),
    })?;
    version.risks = map.risks;
    Ok(version)
}

pub const DEMO_NEXT_VERSION: &str = "demo-2027";

/// A draft revision of the demo criteria, for trying out differences and publishing: feeding
/// threat information into risk assessment is recommended from level 1, passkeys join the
/// examples of customer MFA, MFA that customers can enforce becomes required at every level,
/// restore tests become twice yearly, two controls are added (immutable backups, log export in a
/// standard format) and one recommendation on protecting cables outside secure areas is
/// withdrawn.
pub fn demo_next_draft() -> Result<CriteriaVersion, DemoError> {
    let mut version = demo_criteria()?;
    version.version = DEMO_NEXT_VERSION.to_owned();
    version.title = Bilingual::new(
        "shinrai デモ管理基準 2027 年版",
        "shinrai demo criteria, 2027 edition",
    );
    version.status = Status::Draft;
    version.published_on = None;

    let missing = |id: &str| DemoError {
        file: "demo.rs",
        detail: format!("the 2027 revision changes {id}, which the 2026 criteria lack"),
    };
    let threats = version
        .controls
        .iter_mut()
        .find(|c| c.id == "M.3.5")
        .ok_or_else(|| missing("M.3.5"))?;
    threats.min_level = crate::level::Level::LOW;

    let customer_mfa = version
        .controls
        .iter_mut()
        .find(|c| c.id == "9.4.2.2")
        .ok_or_else(|| missing("9.4.2.2"))?;
    customer_mfa
        .technology_examples
        .push(TechnologyExample::new(
            "passkeys",
            "パスキー（端末間で同期される FIDO 認証情報）",
            "Passkeys (FIDO credentials synchronised across devices)",
        ));

    let mfa = version
        .controls
        .iter_mut()
        .find(|c| c.id == "9.4.2.3")
        .ok_or_else(|| missing("9.4.2.3"))?;
    mfa.min_level = crate::level::Level::LOW;

    let restore = version
        .controls
        .iter_mut()
        .find(|c| c.id == "12.3.1.4")
        .ok_or_else(|| missing("12.3.1.4"))?;
    restore.text = Bilingual::new(
        "バックアップからの復元手順を文書化し、少なくとも半年に 1 回、計画に従って実際に復元を試験する。所要時間と結果を記録し、目標復旧時間を超えた場合は原因を是正する。",
        "The provider shall document how to restore from backup and actually test restores, following a plan, at least every six months, recording the time taken and the result and correcting the cause whenever the recovery time objective was missed.",
    );

    let removed = "11.2.3.2";
    let before = version.controls.len();
    version.controls.retain(|c| c.id != removed);
    if version.controls.len() == before {
        return Err(missing(removed));
    }

    let template = |id: &str| {
        version
            .controls
            .iter()
            .find(|c| c.id == id)
            .cloned()
            .ok_or_else(|| missing(id))
    };
    let mut immutable = template("12.3.1.3")?;
    immutable.id = "12.3.1.5".to_owned();
    immutable.text = Bilingual::new(
        "バックアップの少なくとも 1 世代は、保存期間が終わるまで誰も変更・削除できない方式（追記専用の保管など）で保持する。",
        "At least one generation of backups is kept in a form that nobody can change or delete before its retention period ends, such as write-once storage.",
    );
    immutable.technology_examples = vec![
        TechnologyExample::new(
            "object-lock",
            "オブジェクトロック付きのストレージ",
            "Object storage with object lock",
        ),
        TechnologyExample::new("worm-media", "追記専用メディア", "Write-once media"),
        TechnologyExample::new(
            "retention-lock",
            "保持期間を強制するバックアップ製品",
            "Backup products that enforce retention periods",
        ),
    ];
    immutable.min_level = crate::level::Level::MIDDLE;
    immutable.mandatory = true;
    immutable.integrity = true;
    immutable.availability = true;

    let mut export = template("CLD.12.4.5.1")?;
    export.id = "CLD.12.4.5.5".to_owned();
    export.text = Bilingual::new(
        "顧客が自らのテナントのログを、一般に使われている形式で自分の保管先へ継続的に送り出せるようにする。",
        "Customers can continuously send the logs of their tenant to storage of their own, in a widely used format.",
    );
    export.technology_examples = vec![
        TechnologyExample::new(
            "json-lines-syslog",
            "JSON Lines や syslog 形式でのログ転送",
            "Log forwarding as JSON Lines or syslog",
        ),
        TechnologyExample::new(
            "scheduled-export",
            "顧客のオブジェクトストレージへの定期出力",
            "Scheduled export to the customer's object storage",
        ),
    ];
    export.min_level = crate::level::Level::LOW;
    export.mandatory = false;

    for (after, control) in [("12.3.1.4", immutable), ("CLD.12.4.5.4", export)] {
        let position = version
            .controls
            .iter()
            .position(|c| c.id == after)
            .ok_or_else(|| missing(after))?;
        version.controls.insert(position + 1, control);
    }
    Ok(version)
}

#[cfg(test)]
mod risk_map_tests {
    //! The demo criteria's map from the 21 basic cloud risks to the control objectives that
    //! address them (`criteria/demo/risk-map.json`), written for the procurer's coverage view.

    use super::demo_criteria;
    use crate::criteria::{RiskBand, check};

    #[test]
    fn every_basic_risk_is_mapped_to_objectives_of_the_demo_criteria() {
        let criteria = demo_criteria().unwrap();
        let ids: Vec<&str> = criteria.risks.iter().map(|r| r.id.as_str()).collect();
        let expected: Vec<String> = (1..=21)
            .map(|n| {
                let band = match n {
                    1..=6 => 'H',
                    7..=11 => 'M',
                    _ => 'L',
                };
                format!("{band}{n:02}")
            })
            .collect();
        assert_eq!(ids, expected);
        for risk in &criteria.risks {
            let band = match &risk.id[..1] {
                "H" => RiskBand::High,
                "M" => RiskBand::Medium,
                _ => RiskBand::Low,
            };
            assert_eq!(risk.band, band, "{}", risk.id);
            assert!(!risk.objectives.is_empty(), "{}", risk.id);
        }
        // Every objective named is one of the criteria's, every text in both languages.
        assert_eq!(check(&criteria), []);
    }
}
