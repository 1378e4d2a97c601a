//! The risk map in OSCAL: one back-matter resource per risk, in the map's order, carrying
//! everything as shinrai properties (`risk-id`, `band`, one `risk-category` and one `stage` per
//! value, one `objective` per objective with the group's shinrai id, `title-ja` (and `title-en`
//! when OSCAL's one-line `title` cannot hold it), `left-to` and `left-to-ja`). Resources without a
//! `risk-id` property are not risks and are left alone when reading.

use shinrai_domain::criteria::{CriteriaVersion, Risk};
use shinrai_oscal::model::common::{Property, Resource};

use super::codec::{display_line, encode_value, ours};

/// Property names of a risk's resource (in shinrai's namespace).
pub mod risk_prop {
    pub const RISK_ID: &str = "risk-id";
    pub const BAND: &str = "band";
    pub const CATEGORY: &str = "risk-category";
    pub const STAGE: &str = "stage";
    pub const OBJECTIVE: &str = "objective";
    pub const LEFT_TO: &str = "left-to";
    pub const LEFT_TO_JA: &str = "left-to-ja";
}

/// The resources of `version`'s risks; `uuid` gives each its stable uuid.
pub(super) fn risk_resources(
    version: &CriteriaVersion,
    uuid: impl Fn(&str) -> String,
) -> Vec<Resource> {
    version
        .risks
        .iter()
        .map(|risk| resource(risk, uuid(&format!("risk/{}", risk.id))))
        .collect()
}

fn resource(risk: &Risk, uuid: String) -> Resource {
    let title = display_line(&risk.title.en, &risk.id);
    let mut props: Vec<Property> = vec![
        ours(risk_prop::RISK_ID, encode_value(&risk.id)),
        ours(risk_prop::BAND, risk.band.code()),
    ];
    props.extend(
        risk.categories
            .iter()
            .map(|category| ours(risk_prop::CATEGORY, category.code())),
    );
    props.extend(
        risk.stages
            .iter()
            .map(|stage| ours(risk_prop::STAGE, stage.code())),
    );
    props.extend(
        risk.objectives
            .iter()
            .map(|objective| ours(risk_prop::OBJECTIVE, encode_value(objective))),
    );
    props.extend(super::export::title_props(
        &risk.title.en,
        &risk.title.ja,
        &title,
    ));
    props.push(ours(risk_prop::LEFT_TO, encode_value(&risk.left_to.en)));
    props.push(ours(risk_prop::LEFT_TO_JA, encode_value(&risk.left_to.ja)));
    Resource {
        uuid,
        title: Some(title),
        description: None,
        props: Some(props),
        document_ids: None,
        citation: None,
        rlinks: None,
        base64: None,
        remarks: None,
        extra: Default::default(),
    }
}
