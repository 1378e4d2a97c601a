//! The assessment plan model (a SAP in FedRAMP terms): what an assessment of a system will
//! cover, with which assets, and when.

use super::assessment_common::{
    Activity, AssessmentAssets, AssessmentPart, AssessmentSubject, LocalObjective,
    ReviewedControls, Task,
};
use super::common::{BackMatter, ImportReference, Metadata};
use super::macros::model;
use super::ssp::{InventoryItem, SystemComponent, SystemUser};

model! {
    /// What an assessment will test, how and when.
    pub struct AssessmentPlan {
        uuid: String,
        metadata: Metadata,
        /// The SSP of the system assessed.
        import_ssp: ImportReference,
        local_definitions: Option<LocalDefinitions>,
        terms_and_conditions: Option<TermsAndConditions>,
        reviewed_controls: ReviewedControls,
        assessment_subjects: Option<Vec<AssessmentSubject>>,
        assessment_assets: Option<AssessmentAssets>,
        tasks: Option<Vec<Task>>,
        back_matter: Option<BackMatter>,
    }
}

model! {
    /// Components, inventory, users, objectives and activities the plan adds to the SSP's.
    pub struct LocalDefinitions {
        components: Option<Vec<SystemComponent>>,
        inventory_items: Option<Vec<InventoryItem>>,
        users: Option<Vec<SystemUser>>,
        objectives_and_methods: Option<Vec<LocalObjective>>,
        activities: Option<Vec<Activity>>,
        remarks: Option<String>,
    }
}

model! {
    /// Rules of engagement, scope limits, disclosures and the like.
    pub struct TermsAndConditions {
        parts: Option<Vec<AssessmentPart>>,
    }
}

impl AssessmentPlan {
    /// The task with this uuid, searched through sub-tasks too.
    pub fn task(&self, uuid: &str) -> Option<&Task> {
        fn find<'a>(tasks: &'a [Task], uuid: &str) -> Option<&'a Task> {
            tasks.iter().find_map(|task| {
                if task.uuid == uuid {
                    Some(task)
                } else {
                    find(task.tasks.as_deref().unwrap_or_default(), uuid)
                }
            })
        }
        find(self.tasks.as_deref().unwrap_or_default(), uuid)
    }
}
