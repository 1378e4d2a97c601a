//! When a detailed control, or a governance or management item, applies to a service. The
//! registration rule and the statement pre-check both ask it, and must never disagree.

use crate::level::Level;
use crate::service_model::ServiceModel;

/// Something the criteria require from some level on, of services of some models.
pub trait Applicable {
    /// The lowest level that requires it; every higher level requires it too.
    fn min_level(&self) -> Level;

    /// The service models it concerns.
    fn service_models(&self) -> &[ServiceModel];

    /// Whether a service offering `offered` must address it at `level`: the level requires it
    /// and the two share at least one service model.
    fn applies(&self, level: Level, offered: &[ServiceModel]) -> bool {
        self.min_level() <= level
            && self
                .service_models()
                .iter()
                .any(|model| offered.contains(model))
    }

    /// The lowest level at which it applies to a service offering `offered`; `None` when it
    /// applies at none, because they share no service model.
    fn applies_from(&self, offered: &[ServiceModel]) -> Option<Level> {
        Level::ALL
            .into_iter()
            .find(|&level| self.applies(level, offered))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Required(Level, Vec<ServiceModel>);

    impl Applicable for Required {
        fn min_level(&self) -> Level {
            self.0
        }
        fn service_models(&self) -> &[ServiceModel] {
            &self.1
        }
    }

    #[test]
    fn applies_from_its_level_up_to_services_sharing_a_model() {
        let saas_from_2 = Required(Level::MIDDLE, vec![ServiceModel::PaaS, ServiceModel::SaaS]);
        let saas = [ServiceModel::SaaS];
        assert!(!saas_from_2.applies(Level::LOW, &saas));
        assert!(saas_from_2.applies(Level::MIDDLE, &saas));
        assert!(saas_from_2.applies(Level::HIGH, &saas));
        assert!(!saas_from_2.applies(Level::HIGH, &[ServiceModel::IaaS]));
        assert_eq!(saas_from_2.applies_from(&saas), Some(Level::MIDDLE));
        assert_eq!(saas_from_2.applies_from(&[ServiceModel::IaaS]), None);
        let everywhere = Required(Level::LOW, ServiceModel::ALL.to_vec());
        assert_eq!(everywhere.applies_from(&saas), Some(Level::LOW));
    }
}
