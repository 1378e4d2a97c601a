//! The risk map read back from a shinrai catalog's back-matter: each resource with a `risk-id`
//! property is a risk, in order; a value out of range names the property it is in.

use shinrai_domain::criteria::{Risk, RiskBand, RiskCategory, RiskStage};
use shinrai_domain::text::Bilingual;
use shinrai_oscal::model::catalog;
use shinrai_oscal::model::common::{Property, Resource};

use super::super::codec::{all_ours, find_ours};
use super::super::error::CriteriaOscalError;
use super::super::risk_map::risk_prop;
use super::Reader;

impl Reader<'_> {
    pub(super) fn risks(
        &mut self,
        catalog: &catalog::Catalog,
    ) -> Result<Vec<Risk>, CriteriaOscalError> {
        let resources = catalog
            .back_matter
            .as_ref()
            .and_then(|back| back.resources.as_deref())
            .unwrap_or_default();
        let mut risks = Vec::new();
        for (index, resource) in resources.iter().enumerate() {
            let pointer = format!("/catalog/back-matter/resources/{index}");
            if let Some(risk) = self.risk(resource, &pointer)? {
                risks.push(risk);
            }
        }
        Ok(risks)
    }

    fn risk(
        &mut self,
        resource: &Resource,
        pointer: &str,
    ) -> Result<Option<Risk>, CriteriaOscalError> {
        let props = resource.props.as_deref();
        let Some((index, id)) = find_ours(props, risk_prop::RISK_ID) else {
            return Ok(None);
        };
        let id = self.decoded(id, &format!("{pointer}/props/{index}"))?;
        let band = match find_ours(props, risk_prop::BAND) {
            Some((index, found)) => self.code(
                found,
                RiskBand::from_code,
                RiskBand::ALL,
                RiskBand::code,
                &format!("{pointer}/props/{index}"),
            )?,
            None => return Err(self.missing_risk_prop(pointer, risk_prop::BAND)),
        };
        let mut categories = Vec::new();
        for (index, found) in all_ours(props, risk_prop::CATEGORY) {
            categories.push(self.code(
                found,
                RiskCategory::from_code,
                RiskCategory::ALL,
                RiskCategory::code,
                &format!("{pointer}/props/{index}"),
            )?);
        }
        let mut stages = Vec::new();
        for (index, found) in all_ours(props, risk_prop::STAGE) {
            stages.push(self.code(
                found,
                RiskStage::from_code,
                RiskStage::ALL,
                RiskStage::code,
                &format!("{pointer}/props/{index}"),
            )?);
        }
        let mut objectives = Vec::new();
        for (index, found) in all_ours(props, risk_prop::OBJECTIVE) {
            objectives.push(self.decoded(found, &format!("{pointer}/props/{index}"))?);
        }
        let title = self.title(
            props,
            resource.title.as_deref().unwrap_or_default(),
            pointer,
        )?;
        let text = |reader: &Self, name: &str| -> Result<String, CriteriaOscalError> {
            match find_ours(props, name) {
                Some((index, found)) => reader.decoded(found, &format!("{pointer}/props/{index}")),
                None => Ok(String::new()),
            }
        };
        let left_en = text(self, risk_prop::LEFT_TO)?;
        let left_ja = text(self, risk_prop::LEFT_TO_JA)?;
        // Without a Japanese text, the English one stands in (and is counted), as for titles.
        let left_to = if find_ours(props, risk_prop::LEFT_TO_JA).is_none() && !left_en.is_empty() {
            self.counts.ja_copied += 1;
            Bilingual::new(left_en.clone(), left_en)
        } else {
            Bilingual::new(left_ja, left_en)
        };
        Ok(Some(Risk {
            id,
            band,
            categories,
            stages,
            title,
            objectives,
            left_to,
        }))
    }

    fn code<T: Copy>(
        &self,
        found: &Property,
        decode: fn(&str) -> Option<T>,
        all: &[T],
        code: fn(T) -> &'static str,
        pointer: &str,
    ) -> Result<T, CriteriaOscalError> {
        decode(&found.value).ok_or_else(|| {
            let allowed = all.iter().map(|v| code(*v)).collect::<Vec<_>>().join(", ");
            self.bad(
                format!("{pointer}/value"),
                Bilingual::new(
                    format!(
                        "{} は {allowed} のいずれかです（{:?}）",
                        found.name, found.value
                    ),
                    format!(
                        "{} must be one of {allowed}, not {:?}",
                        found.name, found.value
                    ),
                ),
            )
        })
    }

    fn missing_risk_prop(&self, pointer: &str, name: &str) -> CriteriaOscalError {
        self.bad(
            format!("{pointer}/props"),
            Bilingual::new(
                format!("リスクのリソースに shinrai の {name} プロパティがありません"),
                format!("a risk's resource has no shinrai {name} property"),
            ),
        )
    }
}
