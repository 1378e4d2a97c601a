//! Cloud service models. A service may combine several (e.g. PaaS and IaaS).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::case::{Node, Read};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ServiceModel {
    IaaS,
    PaaS,
    SaaS,
}

impl ServiceModel {
    pub const ALL: [ServiceModel; 3] = [ServiceModel::IaaS, ServiceModel::PaaS, ServiceModel::SaaS];
    const NAMES: [(&'static str, ServiceModel); 3] = [
        ("IaaS", ServiceModel::IaaS),
        ("PaaS", ServiceModel::PaaS),
        ("SaaS", ServiceModel::SaaS),
    ];

    /// The model of a name as written in cases and spreadsheets (`IaaS`, `PaaS`, `SaaS`).
    pub fn from_name(name: &str) -> Option<ServiceModel> {
        Self::NAMES
            .iter()
            .find(|(known, _)| *known == name)
            .map(|(_, model)| *model)
    }

    /// As [`ServiceModel::from_name`], ignoring case (`saas`), for query parameters.
    pub fn from_name_any_case(name: &str) -> Option<ServiceModel> {
        Self::NAMES
            .iter()
            .find(|(known, _)| known.eq_ignore_ascii_case(name))
            .map(|(_, model)| *model)
    }

    pub fn name(self) -> &'static str {
        match self {
            ServiceModel::IaaS => "IaaS",
            ServiceModel::PaaS => "PaaS",
            ServiceModel::SaaS => "SaaS",
        }
    }
}

impl fmt::Display for ServiceModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Node<'_> {
    pub fn service_model(&self) -> Read<ServiceModel> {
        self.choice(&ServiceModel::NAMES)
    }

    /// A non-empty list of service models, at most one entry per model; repeats within that
    /// are harmless and dropped.
    pub fn service_models(&self) -> Read<Vec<ServiceModel>> {
        let mut models = self.non_empty_items(ServiceModel::ALL.len(), Node::service_model)?;
        models.sort();
        models.dedup();
        Ok(models)
    }
}
