//! The assessment results model (a SAR in FedRAMP terms): what one or more assessments of a
//! system found.

use super::assessment_common::{
    Activity, AssessmentAssets, AssessmentPart, Finding, LocalObjective, Observation, RelatedTask,
    ReviewedControls, Risk, Task,
};
use super::common::{BackMatter, ImportReference, Link, Metadata, Property, ResponsibleParty};
use super::macros::model;
use super::ssp::{InventoryItem, SystemComponent, SystemUser};

model! {
    /// What an assessment found.
    pub struct AssessmentResults {
        uuid: String,
        metadata: Metadata,
        /// The assessment plan followed.
        import_ap: ImportReference,
        local_definitions: Option<LocalDefinitions>,
        results: Vec<AssessmentResult>,
        back_matter: Option<BackMatter>,
    }
}

model! {
    /// Objectives and activities the results add to the plan's.
    pub struct LocalDefinitions {
        objectives_and_methods: Option<Vec<LocalObjective>>,
        activities: Option<Vec<Activity>>,
        remarks: Option<String>,
    }
}

model! {
    /// The outcome of one assessment, over a period of time.
    pub struct AssessmentResult {
        uuid: String,
        title: String,
        description: String,
        start: String,
        end: Option<String>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        local_definitions: Option<ResultLocalDefinitions>,
        reviewed_controls: ReviewedControls,
        attestations: Option<Vec<Attestation>>,
        assessment_log: Option<AssessmentLog>,
        observations: Option<Vec<Observation>>,
        risks: Option<Vec<Risk>>,
        findings: Option<Vec<Finding>>,
        remarks: Option<String>,
    }
}

model! {
    /// Components, inventory, users, assets and tasks defined by one result.
    pub struct ResultLocalDefinitions {
        components: Option<Vec<SystemComponent>>,
        inventory_items: Option<Vec<InventoryItem>>,
        users: Option<Vec<SystemUser>>,
        assessment_assets: Option<AssessmentAssets>,
        tasks: Option<Vec<Task>>,
    }
}

model! {
    /// A statement made by the assessor (or others), with who makes it.
    pub struct Attestation {
        responsible_parties: Option<Vec<ResponsibleParty>>,
        parts: Vec<AssessmentPart>,
    }
}

model! {
    /// What was done during the assessment, in order.
    pub struct AssessmentLog {
        entries: Vec<AssessmentLogEntry>,
    }
}

model! {
    /// One event of the assessment.
    pub struct AssessmentLogEntry {
        uuid: String,
        title: Option<String>,
        description: Option<String>,
        start: String,
        end: Option<String>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        logged_by: Option<Vec<super::assessment_common::LoggedBy>>,
        related_tasks: Option<Vec<RelatedTask>>,
        remarks: Option<String>,
    }
}

impl AssessmentResults {
    /// Every observation of every result, in document order.
    pub fn observations(&self) -> impl Iterator<Item = &Observation> {
        self.results
            .iter()
            .flat_map(|result| result.observations.iter().flatten())
    }

    /// Every risk of every result, in document order.
    pub fn risks(&self) -> impl Iterator<Item = &Risk> {
        self.results
            .iter()
            .flat_map(|result| result.risks.iter().flatten())
    }

    /// Every finding of every result, in document order.
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.results
            .iter()
            .flat_map(|result| result.findings.iter().flatten())
    }
}
