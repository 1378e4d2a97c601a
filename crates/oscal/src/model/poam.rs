//! The plan of action and milestones (POA&M) model: the weaknesses of a system still open, and
//! how and when they will be fixed.

use super::assessment_common::{
    AssessmentAssets, AssociatedRisk, Finding, Observation, Origin, RelatedObservation, Risk,
};
use super::common::{BackMatter, ImportReference, Link, Metadata, Property};
use super::macros::model;
use super::ssp::{InventoryItem, SystemComponent, SystemId};

model! {
    /// The weaknesses found and how they will be fixed.
    pub struct PlanOfActionAndMilestones {
        uuid: String,
        metadata: Metadata,
        /// The SSP of the system, when there is one.
        import_ssp: Option<ImportReference>,
        system_id: Option<SystemId>,
        local_definitions: Option<LocalDefinitions>,
        observations: Option<Vec<Observation>>,
        risks: Option<Vec<Risk>>,
        /// New in OSCAL 1.1.
        findings: Option<Vec<Finding>>,
        poam_items: Vec<PoamItem>,
        back_matter: Option<BackMatter>,
    }
}

model! {
    /// Components, inventory and assets the POA&M defines itself (needed without an SSP).
    pub struct LocalDefinitions {
        components: Option<Vec<SystemComponent>>,
        inventory_items: Option<Vec<InventoryItem>>,
        /// New in OSCAL 1.1.
        assessment_assets: Option<AssessmentAssets>,
        remarks: Option<String>,
    }
}

model! {
    /// One weakness to fix, with the findings, observations and risks behind it.
    pub struct PoamItem {
        uuid: Option<String>,
        title: String,
        description: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        origins: Option<Vec<Origin>>,
        /// New in OSCAL 1.1.
        related_findings: Option<Vec<RelatedFinding>>,
        related_observations: Option<Vec<RelatedObservation>>,
        related_risks: Option<Vec<AssociatedRisk>>,
        remarks: Option<String>,
    }
}

model! {
    /// A reference to a finding by uuid.
    pub struct RelatedFinding {
        finding_uuid: String,
        remarks: Option<String>,
    }
}

impl PlanOfActionAndMilestones {
    /// The risk with this uuid.
    pub fn risk(&self, uuid: &str) -> Option<&Risk> {
        self.risks.iter().flatten().find(|risk| risk.uuid == uuid)
    }

    /// The observation with this uuid.
    pub fn observation(&self, uuid: &str) -> Option<&Observation> {
        self.observations
            .iter()
            .flatten()
            .find(|observation| observation.uuid == uuid)
    }

    /// The risks of an item, looked up by the item's `related-risks`; unknown uuids are skipped.
    pub fn item_risks<'a>(&'a self, item: &'a PoamItem) -> impl Iterator<Item = &'a Risk> + 'a {
        item.related_risks
            .iter()
            .flatten()
            .filter_map(|related| self.risk(&related.risk_uuid))
    }
}
