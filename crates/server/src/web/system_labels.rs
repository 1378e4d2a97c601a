//! The labels of the procurer's records: its systems, their classification and history, the
//! services eligible for each with the watch list, the usages, and the operator's view of who uses which services,
//! in Japanese and English.

use super::labels::page_labels;

page_labels! {
    /// The procurer's records' labels, in one language.
    SystemLabels {
    list_title: "情報システム", "Information systems";
    list_intro: "自組織の情報システムと、その格付け・利用するサービスの記録です。利用中のサービスに変化（変更の届出、インシデント、一時停止、登録簿からの削除）があると受信箱に通知されます。", "Your organisation's information systems, their classification and the services they use. When a service in use changes, has an incident, is suspended or leaves the registry, you are told in your inbox.";
    none: "情報システムはまだありません。", "No information system yet.";
    name: "システム名", "System";
    function: "業務の機能", "Business function";
    class: "格付け", "Class";
    registry_level: "求める登録レベル", "Registry level required";
    updated: "更新", "Updated";
    new_title: "情報システムを記録する", "Record an information system";
    revise_title: "記録を修正する", "Revise the record";
    form_hint: "扱う情報ごとに機密性（1 低 〜 3 高）を選びます。集約すると機密性が上がる場合は集約時のレベルも選びます。必要なサービスモデルを選ぶと、利用できるサービスがそのモデルを提供するものに絞られます。", "Choose each kind of information's confidentiality (1 low to 3 high), and the level held together if that is higher. Choosing the service models the system needs narrows the eligible services to those offering them.";
    name_ja: "システム名（日本語）", "System name (Japanese)";
    name_en: "システム名（英語）", "System name (English)";
    function_ja: "業務の機能（日本語）", "Business function (Japanese)";
    function_en: "業務の機能（英語）", "Business function (English)";
    information: "扱う情報", "Information held";
    information_ja: "情報（日本語）", "Information (Japanese)";
    information_en: "情報（英語）", "Information (English)";
    confidentiality: "機密性", "Confidentiality";
    aggregate: "集約時の機密性", "Confidentiality held together";
    not_higher: "個々の情報より高くならない", "No higher than the items";
    availability: "可用性", "Availability";
    models: "必要なサービスモデル", "Service models needed";
    any_model: "指定なし", "Any";
    save_new: "記録して格付けする", "Record and classify";
    save_revision: "修正を保存する", "Save the revision";
    integrity: "完全性", "Integrity";
    integrity_high: "高（すべての政府システム）", "High (every government system)";
    advice: "助言", "Advice";
    sla_items: "合意すべき SLA 項目", "SLA items to agree";
    history: "格付けの履歴", "History of classes";
    on: "日付", "Date";
    by: "記録者", "By";
    eligible: "利用できる登録サービス", "Eligible registered services";
    eligible_intro: "システムの格付け以上のレベルで登録され、必要なサービスモデルを提供するサービスです。", "Registered at the system's level or higher, offering every service model it needs.";
    no_eligible: "条件に合う登録サービスはありません。", "No registered service meets the conditions.";
    service: "サービス", "Service";
    provider: "事業者", "Provider";
    level: "レベル", "Level";
    service_models: "サービスモデル", "Service models";
    status: "状態", "Status";
    usages: "利用するサービス", "Services used";
    no_usages: "利用の記録はありません。", "No usage recorded.";
    usage_from: "利用開始日", "From";
    usage_until: "利用終了日", "Until";
    usage_note: "用途", "Used for";
    in_use: "利用中", "In use";
    not_in_use: "利用していない", "Not in use";
    below_level: "システムが求めるレベルより低い登録です", "Registered below the level the system requires";
    record_title: "サービスの利用を記録する", "Record a service used";
    record_hint: "登録番号（例: C25-0001）と利用開始日を入力します。登録簿にないサービスは終了日とともに記録します。", "Give the registration number (e.g. C25-0001) and the first day of use. A service no longer registered is recorded with its last day.";
    registration_number: "登録番号", "Registration number";
    note_ja: "用途（日本語、任意）", "Used for (Japanese; optional)";
    note_en: "用途（英語、任意）", "Used for (English; optional)";
    record_submit: "利用を記録する", "Record the usage";
    end_label: "終了日", "Last day";
    end_submit: "終了日を記録する", "Record the last day";
    overview_title: "サービスの利用状況", "Who uses which services";
    overview_intro_operator: "調達機関が記録した、登録サービスの利用です。利用中の組織には、サービスの変化が通知されます。", "The usages of registered services that procuring organisations recorded. The organisations using a service are told what happens to it.";
    overview_intro_procurer: "自組織のシステムが利用するサービスの記録です。", "The services your organisation's systems use.";
    organisation: "組織", "Organisation";
    system: "システム", "System";
    all_usages: "すべての利用", "All usages";
    only_in_use: "利用中のみ", "In use only";
    filter: "絞り込む", "Filter";
    link_to_usages: "サービスの利用状況", "Who uses which services";
    summary_title: "レベル・サービスモデル別の利用（本日）", "In use today, by level and service model";
    organisations_in_use: "利用組織数", "Organisations";
    services_in_use: "利用されているサービス数", "Services";
    usages_list: "利用の記録", "Usages";
    eligible_words: "キーワード", "Words";
    sort_lowest_level: "レベル（低い順）", "Level (lowest first)";
    only_watched: "候補リストのサービスのみ", "Watched services only";
    watch_list: "候補リスト", "Watch list";
    watch_intro: "比較・検討のために注視するサービスです。候補のサービスに変化（変更の届出、インシデント、一時停止、登録簿からの削除）があると受信箱に通知されます。", "The services you watch while comparing candidates. When one changes, has an incident, is suspended or leaves the registry, you are told in your inbox.";
    no_watched: "候補リストは空です。利用できるサービスの一覧から加えられます。", "The watch list is empty. Add services from the eligible ones.";
    watched_since: "追加日", "Added";
    eligibility: "利用の可否", "Eligible";
    still_eligible: "利用できる", "Eligible";
    no_longer_eligible: "このシステムの条件を満たしていません", "Does not meet the system's conditions";
    watch: "候補に加える", "Watch";
    unwatch: "候補から外す", "Stop watching";
    watching: "候補", "Watched";
    }
}
