//! Assemblies shared by the assessment plan, the assessment results and the POA&M: what is
//! assessed (controls, subjects, assets), how (objectives, activities, tasks), and what was
//! found (observations, risks, findings).

use serde_json::Value;

use super::common::{Link, Part, Property, ResponsibleParty, ResponsibleRole};
use super::macros::model;
use super::ssp::{ImplementationStatus, SystemComponent};

// --- what is assessed -------------------------------------------------------------------------

model! {
    /// The controls (and control objectives) in scope.
    pub struct ReviewedControls {
        description: Option<String>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        control_selections: Vec<ControlSelection>,
        control_objective_selections: Option<Vec<ControlObjectiveSelection>>,
        remarks: Option<String>,
    }
}

model! {
    /// A selection of controls: all of them (`include-all`) or those listed, minus exclusions.
    pub struct ControlSelection {
        description: Option<String>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        include_all: Option<Value>,
        include_controls: Option<Vec<SelectControlById>>,
        exclude_controls: Option<Vec<SelectControlById>>,
        remarks: Option<String>,
    }
}

model! {
    /// A control, and optionally some of its statements, by id.
    pub struct SelectControlById {
        control_id: String,
        statement_ids: Option<Vec<String>>,
    }
}

model! {
    /// A selection of control objectives: all, or those listed, minus exclusions.
    pub struct ControlObjectiveSelection {
        description: Option<String>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        include_all: Option<Value>,
        include_objectives: Option<Vec<SelectObjectiveById>>,
        exclude_objectives: Option<Vec<SelectObjectiveById>>,
        remarks: Option<String>,
    }
}

model! {
    /// A control objective by id.
    pub struct SelectObjectiveById {
        objective_id: String,
        remarks: Option<String>,
    }
}

model! {
    /// The subjects of one type (components, inventory items, locations, parties, users) in
    /// scope: all of them, or those listed, minus exclusions.
    pub struct AssessmentSubject {
        /// Required in OSCAL 1.0; the 1.2 JSON schema leaves it optional.
        r#type: Option<String>,
        description: Option<String>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        include_all: Option<Value>,
        include_subjects: Option<Vec<SelectSubjectById>>,
        exclude_subjects: Option<Vec<SelectSubjectById>>,
        remarks: Option<String>,
    }
}

model! {
    /// A subject by uuid and type.
    pub struct SelectSubjectById {
        subject_uuid: String,
        r#type: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        remarks: Option<String>,
    }
}

model! {
    /// A reference to a subject an observation or a mitigating factor is about.
    pub struct SubjectReference {
        subject_uuid: String,
        r#type: String,
        title: Option<String>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        remarks: Option<String>,
    }
}

model! {
    /// The assessor's own tools and the platforms they run on.
    pub struct AssessmentAssets {
        components: Option<Vec<SystemComponent>>,
        assessment_platforms: Vec<AssessmentPlatform>,
    }
}

model! {
    /// A platform the assessor uses, made of assessment components.
    pub struct AssessmentPlatform {
        uuid: String,
        title: Option<String>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        uses_components: Option<Vec<UsesComponent>>,
        remarks: Option<String>,
    }
}

model! {
    /// A component an assessment platform uses.
    pub struct UsesComponent {
        component_uuid: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        responsible_parties: Option<Vec<ResponsibleParty>>,
        remarks: Option<String>,
    }
}

// --- how it is assessed -----------------------------------------------------------------------

model! {
    /// Assessment objectives and methods defined by the plan for a control, beyond the catalog's.
    pub struct LocalObjective {
        control_id: String,
        description: Option<String>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        parts: Vec<Part>,
        remarks: Option<String>,
    }
}

model! {
    /// An assessment activity (e.g. examine, interview, test) as a series of steps.
    pub struct Activity {
        uuid: String,
        title: Option<String>,
        description: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        steps: Option<Vec<Step>>,
        related_controls: Option<ReviewedControls>,
        responsible_roles: Option<Vec<ResponsibleRole>>,
        remarks: Option<String>,
    }
}

model! {
    /// One step of an activity.
    pub struct Step {
        uuid: String,
        title: Option<String>,
        description: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        reviewed_controls: Option<ReviewedControls>,
        responsible_roles: Option<Vec<ResponsibleRole>>,
        remarks: Option<String>,
    }
}

model! {
    /// A scheduled piece of work (a milestone or an action), possibly with sub-tasks.
    pub struct Task {
        uuid: String,
        r#type: String,
        title: String,
        description: Option<String>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        timing: Option<TaskTiming>,
        dependencies: Option<Vec<TaskDependency>>,
        tasks: Option<Vec<Task>>,
        associated_activities: Option<Vec<AssociatedActivity>>,
        subjects: Option<Vec<AssessmentSubject>>,
        responsible_roles: Option<Vec<ResponsibleRole>>,
        remarks: Option<String>,
    }
}

model! {
    /// When a task happens: one of on a date, within a date range, or at a frequency.
    pub struct TaskTiming {
        on_date: Option<Value>,
        within_date_range: Option<Value>,
        at_frequency: Option<Value>,
    }
}

model! {
    /// A task that must be done before this one.
    pub struct TaskDependency {
        task_uuid: String,
        remarks: Option<String>,
    }
}

model! {
    /// An activity a task performs, and on which subjects.
    pub struct AssociatedActivity {
        activity_uuid: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        responsible_roles: Option<Vec<ResponsibleRole>>,
        subjects: Vec<AssessmentSubject>,
        remarks: Option<String>,
    }
}

model! {
    /// A part of assessment prose (terms and conditions, an attestation, a method).
    pub struct AssessmentPart {
        uuid: Option<String>,
        name: String,
        ns: Option<String>,
        class: Option<String>,
        title: Option<String>,
        props: Option<Vec<Property>>,
        prose: Option<String>,
        parts: Option<Vec<AssessmentPart>>,
        links: Option<Vec<Link>>,
    }
}

// --- what was found ---------------------------------------------------------------------------

model! {
    /// Who or what produced an observation, risk or finding, and in which tasks.
    pub struct Origin {
        actors: Vec<OriginActor>,
        related_tasks: Option<Vec<RelatedTask>>,
    }
}

model! {
    /// A tool, assessment platform or party acting as an origin.
    pub struct OriginActor {
        r#type: String,
        actor_uuid: String,
        role_id: Option<String>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
    }
}

model! {
    /// A task an origin performed, and on which subjects.
    pub struct RelatedTask {
        task_uuid: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        responsible_parties: Option<Vec<ResponsibleParty>>,
        subjects: Option<Vec<AssessmentSubject>>,
        identified_subject: Option<Value>,
        remarks: Option<String>,
    }
}

model! {
    /// Something the assessor saw: what, how (`methods`), about which subjects, and when.
    pub struct Observation {
        uuid: String,
        title: Option<String>,
        description: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        methods: Vec<String>,
        types: Option<Vec<String>>,
        origins: Option<Vec<Origin>>,
        subjects: Option<Vec<SubjectReference>>,
        relevant_evidence: Option<Vec<RelevantEvidence>>,
        collected: String,
        expires: Option<String>,
        remarks: Option<String>,
    }
}

model! {
    /// Evidence supporting an observation.
    pub struct RelevantEvidence {
        href: Option<String>,
        description: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        remarks: Option<String>,
    }
}

model! {
    /// An identified risk: its statement, status, characterisation and remediation.
    pub struct Risk {
        uuid: String,
        title: String,
        description: String,
        statement: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        /// `open`, `investigating`, `remediating`, `deviation-requested`, `deviation-approved`,
        /// `closed`, or another token.
        status: String,
        origins: Option<Vec<Origin>>,
        threat_ids: Option<Vec<ThreatId>>,
        characterizations: Option<Vec<Characterization>>,
        mitigating_factors: Option<Vec<Value>>,
        deadline: Option<String>,
        remediations: Option<Vec<Response>>,
        risk_log: Option<RiskLog>,
        related_observations: Option<Vec<RelatedObservation>>,
    }
}

model! {
    /// A threat in a threat taxonomy.
    pub struct ThreatId {
        system: String,
        href: Option<String>,
        id: String,
    }
}

model! {
    /// Facets (likelihood, impact, ...) of a risk, and who set them.
    pub struct Characterization {
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        origin: Origin,
        facets: Vec<Facet>,
    }
}

model! {
    /// One named value of a characterisation, in a given system (e.g. FedRAMP, NIST).
    pub struct Facet {
        name: String,
        system: String,
        value: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        remarks: Option<String>,
    }
}

model! {
    /// A response to a risk (a remediation, a mitigation, an accepted deviation, ...).
    pub struct Response {
        uuid: String,
        lifecycle: String,
        title: String,
        description: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        origins: Option<Vec<Origin>>,
        required_assets: Option<Vec<Value>>,
        tasks: Option<Vec<Task>>,
        remarks: Option<String>,
    }
}

model! {
    /// The history of a risk.
    pub struct RiskLog {
        entries: Vec<RiskLogEntry>,
    }
}

model! {
    /// One event in the history of a risk.
    pub struct RiskLogEntry {
        uuid: String,
        title: Option<String>,
        description: Option<String>,
        start: String,
        end: Option<String>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        logged_by: Option<Vec<LoggedBy>>,
        status_change: Option<String>,
        related_responses: Option<Vec<Value>>,
        remarks: Option<String>,
    }
}

model! {
    /// Who made a log entry.
    pub struct LoggedBy {
        party_uuid: String,
        role_id: Option<String>,
        remarks: Option<String>,
    }
}

model! {
    /// A conclusion about one control or objective: satisfied or not, with the observations
    /// and risks behind it.
    pub struct Finding {
        uuid: String,
        title: String,
        description: String,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        origins: Option<Vec<Origin>>,
        target: FindingTarget,
        implementation_statement_uuid: Option<String>,
        related_observations: Option<Vec<RelatedObservation>>,
        related_risks: Option<Vec<AssociatedRisk>>,
        remarks: Option<String>,
    }
}

model! {
    /// The control statement or objective a finding is about, and whether it is satisfied.
    pub struct FindingTarget {
        /// `statement-id` or `objective-id`.
        r#type: String,
        target_id: String,
        title: Option<String>,
        description: Option<String>,
        props: Option<Vec<Property>>,
        links: Option<Vec<Link>>,
        status: FindingTargetStatus,
        implementation_status: Option<ImplementationStatus>,
        remarks: Option<String>,
    }
}

model! {
    /// `satisfied` or `not-satisfied`, with the reason.
    pub struct FindingTargetStatus {
        state: String,
        reason: Option<String>,
        remarks: Option<String>,
    }
}

model! {
    /// A reference to an observation by uuid.
    pub struct RelatedObservation {
        observation_uuid: String,
        remarks: Option<String>,
    }
}

model! {
    /// A reference to a risk by uuid.
    pub struct AssociatedRisk {
        risk_uuid: String,
        remarks: Option<String>,
    }
}

// --- convenience ------------------------------------------------------------------------------

impl ReviewedControls {
    /// Whether a selection takes every control of the baseline.
    pub fn includes_all(&self) -> bool {
        self.control_selections
            .iter()
            .any(|selection| selection.include_all.is_some())
    }

    /// The control ids listed in `include-controls`, in document order (exclusions are not
    /// applied).
    pub fn included_control_ids(&self) -> Vec<&str> {
        self.control_selections
            .iter()
            .flat_map(|selection| selection.include_controls.iter().flatten())
            .map(|select| select.control_id.as_str())
            .collect()
    }
}

impl Risk {
    /// Whether the risk is still open, i.e. its status is anything but `closed`.
    pub fn is_open(&self) -> bool {
        self.status != "closed"
    }
}

impl Finding {
    /// Whether the finding's target is `not-satisfied`.
    pub fn is_not_satisfied(&self) -> bool {
        self.target.status.state == "not-satisfied"
    }
}
