//! The areas of criteria a scheme can cover, so that schemes compare on the same terms.

use serde::{Deserialize, Serialize};

use super::coded::coded;

/// One area of security or service criteria. The set follows the usual headings of
/// management-system and control catalogues, plus the three subjects some schemes stop at
/// (service levels, personal information, financial reporting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CriteriaArea {
    /// Direction and oversight of security by top management.
    Governance,
    /// Planning, running, checking and improving security as a system.
    Management,
    /// Staff: screening, training, duties.
    People,
    /// Knowing and classifying what there is to protect.
    Assets,
    Physical,
    /// Running systems: changes, capacity, malware, logging, vulnerabilities, backups.
    Operations,
    AccessControl,
    Cryptography,
    /// Building, buying and changing systems securely.
    Development,
    /// Subcontractors and the providers a service is built on.
    Suppliers,
    Incidents,
    /// Keeping the service going and recovering it.
    Continuity,
    /// Agreeing and meeting service levels.
    ServiceLevel,
    /// Laws, contracts and the organisation's own rules.
    Compliance,
    /// Personal information.
    Privacy,
    /// Controls that bear on customers' financial statements.
    FinancialReporting,
}

coded!(CriteriaArea {
    Governance => "governance", "ガバナンス", "Governance";
    Management => "management", "マネジメント", "Management";
    People => "people", "人的セキュリティ", "People";
    Assets => "assets", "資産の管理", "Assets";
    Physical => "physical", "物理的セキュリティ", "Physical security";
    Operations => "operations", "運用のセキュリティ", "Operations";
    AccessControl => "access_control", "アクセス制御", "Access control";
    Cryptography => "cryptography", "暗号", "Cryptography";
    Development => "development", "開発と保守", "Development and maintenance";
    Suppliers => "suppliers", "供給者の管理", "Suppliers";
    Incidents => "incidents", "インシデント管理", "Incidents";
    Continuity => "continuity", "事業とサービスの継続", "Continuity";
    ServiceLevel => "service_level", "サービスレベル", "Service levels";
    Compliance => "compliance", "順守", "Compliance";
    Privacy => "privacy", "個人情報の保護", "Privacy";
    FinancialReporting => "financial_reporting", "財務報告に係る統制", "Financial reporting";
});
