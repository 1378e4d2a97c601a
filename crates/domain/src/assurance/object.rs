//! What a scheme puts under assurance: the first thing to know before trusting it.

use serde::{Deserialize, Serialize};

use super::coded::coded;

/// The thing a certification, report or registration assures. A certified management system
/// says nothing directly about one service, which is the commonest source of the gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssuredObject {
    /// An organisation's way of managing a subject (security, privacy, IT services,
    /// continuity): that it plans, runs, checks and improves, not how strong its controls are.
    ManagementSystem,
    /// One cloud service, judged against criteria for that service.
    Service,
    /// The controls of a service organisation as an accountant examines them.
    InternalControl,
    /// The environment that handles one kind of information, such as card data.
    InformationHandling,
}

coded!(AssuredObject {
    ManagementSystem => "management_system", "マネジメントシステム", "Management system";
    Service => "service", "サービスそのもの", "The service itself";
    InternalControl => "internal_control", "内部統制", "Internal control";
    InformationHandling => "information_handling", "特定の情報を扱う環境", "Environment for one kind of information";
});
