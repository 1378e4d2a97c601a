//! Every fixed text of the pages, in Japanese and English. Each label is written once as a pair,
//! so a page can never show a text that lacks its translation, and tests can walk every pair.

/// Declares a set of labels: the struct of one language's texts, the constructor for a
/// language, and the list of every pair for tests. The shell's labels are [`Labels`]; a feature
/// with many texts of its own declares its own set beside its pages (and lists it in
/// [`super::all_label_pairs`], so the language tests walk it too).
macro_rules! page_labels {
    ($(#[$meta:meta])* $set:ident { $($name:ident: $ja:expr, $en:expr;)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy)]
        pub struct $set {
            $(pub $name: &'static str,)*
        }

        impl $set {
            pub fn of(lang: shinrai_domain::text::Lang) -> $set {
                match lang {
                    shinrai_domain::text::Lang::Ja => $set { $($name: $ja,)* },
                    shinrai_domain::text::Lang::En => $set { $($name: $en,)* },
                }
            }

            /// Every label as (name, Japanese, English).
            pub fn pairs() -> Vec<(&'static str, &'static str, &'static str)> {
                vec![$((stringify!($name), $ja, $en),)*]
            }
        }
    };
}
// Re-exported for the label sets that features declare beside their pages.
#[allow(unused_imports)]
pub(crate) use page_labels;

page_labels! {
    /// The labels of the page shell and the first features, in one language.
    Labels {
    site: "shinrai", "shinrai";
    site_long: "クラウドサービス安全性評価・登録制度", "Cloud service security assessment and registration";
    skip: "本文へ移動", "Skip to content";
    nav_home: "ホーム", "Home";
    nav_registry: "登録簿", "Registry";
    other_language: "English", "日本語";
    other_language_code: "en", "ja";
    home_title: "クラウドサービスの登録簿", "The registry of cloud services";
    home_intro: "この制度では、監査機関が管理基準に基づいてクラウドサービスを監査し、基準を満たしたサービスを 3 段階のレベルで登録簿に載せます。調達機関は、情報システムに必要なレベルのサービスを登録簿から選ぶことで、監査を繰り返さずに済みます。", "Under this scheme, audit bodies audit cloud services against published criteria, and the services that meet them are entered in the registry at one of three levels. A procuring organisation picks a service at the level its information system needs, instead of auditing it again.";
    home_flow: "登録は期限付きで、更新には新たな監査が必要です。インシデントや基盤サービスの変化があれば、登録は一時停止・抹消されることがあり、その経緯はすべて公開されます。", "Registrations expire and are renewed on a new audit. An incident or a change in an underlying service can suspend or end a registration, and every such change is published.";
    by_level: "レベル別", "By level";
    by_model: "サービスモデル別", "By service model";
    by_status: "状態別", "By status";
    level: "レベル", "Level";
    registry_title: "登録簿", "Registry";
    search: "検索", "Search";
    search_hint: "サービス名・説明・事業者名（部分一致）", "Service name, description or provider (part of a word is enough)";
    any: "すべて", "Any";
    service_model: "サービスモデル", "Service model";
    deployment_model: "配備モデル", "Deployment model";
    status: "状態", "Status";
    provider: "クラウドサービス事業者", "Provider";
    audit_body: "監査機関", "Audit body";
    sort: "並び順", "Sort by";
    sort_registered: "登録日（新しい順）", "Registration date (newest first)";
    sort_name: "サービス名", "Service name";
    sort_level: "レベル（高い順）", "Level (highest first)";
    sort_valid_until: "有効期限（近い順）", "Valid until (soonest first)";
    apply: "絞り込む", "Apply";
    results: "件", "entries";
    no_results: "条件に合う登録はありません。", "No entry matches.";
    registration_number: "登録番号", "Registration number";
    service_name: "サービス名", "Service name";
    registered_on: "登録日", "Registered on";
    valid_until: "有効期限", "Valid until";
    previous: "前へ", "Previous";
    next: "次へ", "Next";
    page: "ページ", "Page";
    download: "この条件でダウンロード", "Download with these filters";
    description: "概要", "Description";
    audit_period: "監査対象期間", "Audit period";
    availability: "SLA の対象となる稼働率", "Availability covered by the SLA";
    scopes: "サービスモデルと責任範囲", "Service models and responsibilities";
    statement_scope: "言明の対象範囲", "Scope of the statement";
    objectives: "実施している統制目標", "Control objectives implemented";
    subsequent_events: "後発事象", "Subsequent events";
    remarks: "備考", "Remarks";
    built_on: "基盤としているサービス", "Built on";
    used_by: "このサービスを基盤とするサービス", "Services built on this one";
    none: "なし", "None";
    history: "登録の経緯", "History";
    notices: "公表事項", "Public notices";
    not_found_title: "ページが見つかりません", "Page not found";
    not_found_text: "お探しのページはありません。", "There is no such page.";
    back_to_registry: "登録簿へ戻る", "Back to the registry";
    footer: "shinrai のデモ環境です。掲載しているサービスと事業者はすべて架空のものです。", "A shinrai demo. Every service and provider shown is fictional.";
    nav_criteria: "管理基準", "Criteria";
    criteria_title: "管理基準", "Criteria";
    criteria_intro: "サービスはこの基準に照らして監査されます。詳細管理策ごとに、必要となる最も低いレベル、遵守事項か推奨事項か、対象のサービスモデルが定められています。", "Services are audited against these criteria. Each detailed control states the lowest level that requires it, whether it is mandatory or recommended, and the service models it applies to.";
    version: "版", "Version";
    published_on: "公表日", "Published on";
    transition_on: "更新申請の移行日", "Renewals follow it from";
    draft: "案", "Draft";
    published: "公表済み", "Published";
    controls: "詳細管理策", "Detailed controls";
    mandatory: "遵守事項", "Mandatory";
    recommended: "推奨事項", "Recommended";
    from_level: "必要となるレベル", "Required from level";
    actor: "実施主体", "Carried out by";
    integrity: "完全性", "Integrity";
    availability_flag: "可用性", "Availability";
    examples: "実装され得る技術の例", "Technology examples";
    examples_note: "言明書では、技術をこの ID で示せます。ここにない技術を使うときは、同等である理由を添えます。", "A statement may name a technology by its id here; a technology not listed needs a reason why it is equivalent.";
    no_examples: "技術の例は示されていません。", "No technology examples are given.";
    item_applies: "このレベル以上で、次のサービスモデルに適用されます", "Applies from this level, to these service models";
    references: "参照", "References";
    objective: "統制目標", "Control objective";
    back_to_criteria: "管理基準へ戻る", "Back to the criteria";
    error_title: "ページを表示できません", "This page cannot be shown";
    dependencies: "サービス間の依存関係", "Dependencies between services";
    dependencies_caption: "左のサービスは右のサービスを基盤としています。枠を押すとそのサービスの登録内容を開きます。", "Each service is built on the services to its right. Select a box to open that entry.";
    nav_tools: "調達支援ツール", "Procurement tools";
    nav_audit_bodies: "監査機関", "Audit bodies";
    nav_assurance: "期待ギャップ", "Expectation gap";
    sign_in: "ログイン", "Sign in";
    sign_out: "ログアウト", "Sign out";
    inbox: "受信箱", "Inbox";
    suspended_banner: "この登録は一時停止中です。", "This registration is suspended.";
    suspended_now: "【一時停止中】", "[Suspended now]";
    renewal_under_review: "更新審査中（審査の間は有効）", "Renewal under review (valid while reviewed)";
    renewal_applied_on: "申請日", "applied for on";
    unread_count: "未読の通知の件数", "unread notifications";
    sign_in_title: "ログイン", "Sign in";
    sign_in_intro: "制度所管、クラウドサービス事業者、監査機関、調達機関の担当者はここからログインします。登録簿と管理基準の閲覧にログインは要りません。", "Staff of the scheme operator, providers, audit bodies and procuring organisations sign in here. Reading the registry and the criteria needs no sign-in.";
    login_name: "ログイン名", "Login";
    password: "パスワード", "Password";
    start_title: "担当者のページ", "Your start page";
    role_operator: "制度所管", "scheme operator";
    role_provider: "クラウドサービス事業者", "cloud service provider";
    role_audit_body: "監査機関", "audit body";
    role_procurer: "調達機関", "procuring organisation";
    renewals_due: "3 か月以内に有効期限を迎える登録", "Registrations ending within three months";
    renewals_due_intro: "更新の申請がなければ、これらの登録は有効期限の翌日に失効します。", "Unless renewed, these registrations expire the day after their validity ends.";
    suspended_services: "一時停止中の登録", "Suspended registrations";
    suspended_services_intro: "再開または抹消の判断を待っている登録です。", "These registrations wait for a decision to resume or end them.";
    criteria_drafts: "管理基準の改訂案", "Criteria drafts";
    criteria_drafts_intro: "公表前の版です。公表済みの最新版との差分を確認できます。", "Versions not yet published. Compare each with the latest published version.";
    compare_with_published: "公表済みの版との差分", "compare with the published version";
    own_services: "自社のサービス", "Your services";
    own_services_intro: "登録簿に載っている自社のサービスです。有効期限の近い順に並べています。", "Your services in the registry, the soonest to expire first.";
    audited_services: "監査したサービス", "Services you audited";
    audited_services_intro: "貴機関の監査に基づいて登録されたサービスです。", "Services registered on your audits.";
    open_in_registry: "登録簿で見る", "Open in the registry";
    choosing_services: "サービスを選ぶ", "Choosing services";
    choosing_services_intro: "情報システムを格付けして必要な登録レベルを確かめ、そのレベル以上の登録サービスから選びます。SLA で補う可用性は計算ツールで確かめられます。", "Classify the information system to learn the registry level it needs, then choose among services registered at that level or above. Check the availability an SLA must add with the calculator.";
    classification_title: "情報システムの格付け", "Classifying an information system";
    classification_intro: "システムが扱う情報ごとに機密性のレベルを、システム全体について可用性のレベルを選んでください。格付け、調達時に求める登録レベル、SLA で合意すべき事項と、条件を満たす登録サービスを示します。", "Choose a confidentiality level for each kind of information the system handles, and an availability level for the system. The tool gives the class, the registry level to require, the SLA items to agree on and the registered services that qualify.";
    form_problems: "入力を確認してください。", "Please check the form.";
    system_name: "システム名", "System name";
    business_function: "業務の区分", "Business function";
    business_function_hint: "例：国民向けサービス、内部管理", "For example: services to the public, internal administration";
    information_handled: "扱う情報", "Information handled";
    information_hint: "機密性 1 は公開してよい情報、2 は限られた者だけが扱う情報、3 は特に厳しく守るべき情報です。", "Confidentiality 1 is information that may be public, 2 is information for a limited group, 3 is information that needs the strictest protection.";
    information_name: "情報の名前", "Name of the information";
    confidentiality: "機密性", "Confidentiality";
    aggregate_confidentiality: "集約したときの機密性", "Confidentiality when held together";
    aggregate_hint: "個々の情報より、まとまると機密性が高くなる場合に選びます。", "Choose this when the information together is more sensitive than any single item.";
    not_higher: "個々の情報と同じ", "Same as the items";
    availability_need: "可用性", "Availability";
    level_low: "低", "low";
    level_middle: "中", "middle";
    level_high: "高", "high";
    classify: "格付けする", "Classify";
    classification_result: "格付けの結果", "Result";
    system_class: "格付け", "Class";
    integrity_high: "高（すべてのシステムで共通）", "high (the same for every system)";
    required_registry_level: "求める登録レベル", "Registry level to require";
    or_higher: "以上", "or higher";
    advice: "助言", "Advice";
    sla_items: "SLA で合意すべき事項", "What to agree in the SLA";
    sla_items_intro: "登録は可用性の一部しか保証しません。次の事項を契約や SLA で補ってください。", "Registration covers only part of availability. Agree on the following in the contract or SLA.";
    eligible_services: "条件を満たす登録サービス", "Registered services that qualify";
    same_level_in_registry: "同じレベルの登録を登録簿で見る", "Open this level in the registry";
    availability_title: "稼働率の計算", "Availability calculator";
    availability_intro: "ひと月の停止ごとに、続いた時間と影響を受けた利用者数を入れてください。利用者×分で測った稼働率と、すべての停止が全利用者に及んだとみなす単純な稼働率、最も長い停止を受けた利用者から見た稼働率を比べます。", "Enter each outage of a month with how long it lasted and how many users it hit. The calculator compares availability measured in user-minutes with the naive figure (every outage counted against every user) and with the month of a user hit by the longest outage.";
    users: "利用者数", "Users";
    days_in_month: "日数", "Days in the month";
    outages: "停止", "Outages";
    outage_minutes: "停止時間（分）", "Minutes";
    outage_users: "影響を受けた利用者数", "Users hit";
    calculate: "計算する", "Calculate";
    availability_result: "計算の結果", "Result";
    measured_availability: "稼働率（利用者×分）", "Availability (user-minutes)";
    naive_availability: "単純な稼働率", "Naive availability";
    affected_user_availability: "最長の停止を受けた利用者の稼働率", "Availability for a user hit by the longest outage";
    credit: "返金", "credit";
    longest_outage: "最長の停止（分）", "Longest outage (minutes)";
    user_minutes: "停止した利用者×分 / 全体", "User-minutes lost / in the month";
    availability_chart: "稼働率の比較", "Availability compared";
    axis_note: "横軸の左端は", "The axis starts at";
    credit_tiers: "返金の段階", "Service credit tiers";
    below: "稼働率が次を下回るとき", "Availability below";
    audit_bodies_title: "監査機関", "Audit bodies";
    audit_bodies_intro: "制度所管が選定した監査機関と、その監査に基づいて登録されたサービスです。", "The audit bodies selected by the scheme operator, and the services registered on their audits.";
    services_audited: "監査したサービス", "Services audited";
    services_registered_now: "現在登録中", "Registered now";
    body_standing: "本日の状態", "Standing today";
    selection_period: "選定期間", "Selected for";
    not_selected_yet: "選定の記録はありません", "No selection recorded";
    measures_title: "措置の履歴", "Measures taken";
    measure_kind: "措置", "Measure";
    measure_on: "効力発生日", "Takes effect";
    measure_facts: "事実", "Facts";
    measure_reason: "理由", "Reason";
    measure_lifted: "解除", "Lifted";
    no_measures: "措置はありません。", "No measure has been taken.";
    measure_take: "措置を講じる", "Take a measure";
    written_in_japanese: "日本語", "in Japanese";
    written_in_english: "英語", "in English";
    status_reports_title: "年次の状況報告", "Yearly status reports";
    report_year: "選定の年", "Year of the selection";
    report_due: "提出期限", "Due on";
    diff_title: "版の比較", "Compare versions";
    diff_intro: "二つの版の間で追加・削除・変更された詳細管理策と、各レベルで新たに必要になる遵守事項を示します。", "The detailed controls added, removed and changed between two versions, and the mandatory controls each level must newly meet.";
    diff_needs_two: "比較できる版がまだ一つしかありません。", "There is only one version to compare so far.";
    diff_from: "比較元の版", "From version";
    diff_to: "比較先の版", "To version";
    compare: "比較する", "Compare";
    newly_required: "新たに必要になる遵守事項", "Mandatory controls newly required";
    diff_added: "追加", "Added";
    diff_removed: "削除", "Removed";
    diff_changed: "変更", "Changed";
    groups_added: "追加された統制目標", "Control objectives added";
    groups_removed: "削除された統制目標", "Control objectives removed";
    risks_added: "リスク対応表に追加されたリスク", "Risks added to the risk map";
    risk_map: "リスクと統制目標の対応表", "Risks and the control objectives that address them";
    risk_map_intro: "クラウドサービスの利用に伴う基本的なリスクごとに、その大きさ、もたらす害、考慮すべき段階、対応する統制目標、統制目標では足りず契約・SLA・利用者の対策に残ることを示します。", "For each basic risk of using a cloud service: how much it weighs, the harm it does, the stages where it matters, the control objectives that address it, and what they leave to the contract, the SLA or the customer's own measures.";
    risk: "リスク", "Risk";
    risk_band: "大きさ", "Band";
    risk_categories: "害", "Harm";
    risk_stages: "考慮する段階", "Stages";
    risk_objectives: "対応する統制目標", "Objectives";
    risk_left_to: "契約・SLA・利用者に残ること", "Left to contract, SLA or customer";
    risks_removed: "リスク対応表から削除されたリスク", "Risks removed from the risk map";
    risks_changed: "リスク対応表で変わったリスク", "Risks changed in the risk map";
    feed_title: "登録簿の更新情報（Atom）", "Registry changes (Atom feed)";
    registry_by_expiry: "登録簿を有効期限の近い順に見る", "Open the registry, soonest to expire first";
    }
}
