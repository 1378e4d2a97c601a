//! Words the generated registry is built from, in Japanese and English side by side. The names
//! are invented; any likeness to a real organisation or service is chance.

use shinrai_domain::service_model::ServiceModel;

/// (Japanese, English, id) of the first half of an organisation's name.
pub const NAME_STEMS: [(&str, &str, &str); 32] = [
    ("朝日", "Asahi", "asahi"),
    ("若葉", "Wakaba", "wakaba"),
    ("北斗", "Hokuto", "hokuto"),
    ("白鷺", "Shirasagi", "shirasagi"),
    ("青葉", "Aoba", "aoba"),
    ("千歳", "Chitose", "chitose"),
    ("東雲", "Shinonome", "shinonome"),
    ("紅葉", "Momiji", "momiji"),
    ("瑞穂", "Mizuho", "mizuho"),
    ("大和", "Yamato", "yamato"),
    ("飛鳥", "Asuka", "asuka"),
    ("常盤", "Tokiwa", "tokiwa"),
    ("琥珀", "Kohaku", "kohaku"),
    ("翡翠", "Hisui", "hisui"),
    ("銀河", "Ginga", "ginga"),
    ("昴", "Subaru", "subaru"),
    ("暁", "Akatsuki", "akatsuki"),
    ("潮騒", "Shiosai", "shiosai"),
    ("風見", "Kazami", "kazami"),
    ("ひまわり", "Himawari", "himawari"),
    ("つばめ", "Tsubame", "tsubame"),
    ("すずらん", "Suzuran", "suzuran"),
    ("かもめ", "Kamome", "kamome"),
    ("こだま", "Kodama", "kodama"),
    ("いろは", "Iroha", "iroha"),
    ("みずき", "Mizuki", "mizuki"),
    ("さざなみ", "Sazanami", "sazanami"),
    ("ことぶき", "Kotobuki", "kotobuki"),
    ("アルファ", "Alpha", "alpha"),
    ("ミライ", "Mirai", "mirai"),
    ("ソラ", "Sora", "sora"),
    ("ノース", "North", "north"),
];

/// (Japanese, English, id) of the second half of a provider's name.
pub const PROVIDER_KINDS: [(&str, &str, &str); 10] = [
    ("データ", "Data", "data"),
    ("情報システム", "Information Systems", "joho"),
    ("テクノロジー", "Technology", "tech"),
    ("クラウド", "Cloud", "cloud"),
    ("ネットワークス", "Networks", "net"),
    ("ソフトウェア", "Software", "soft"),
    ("デジタル", "Digital", "digital"),
    ("情報サービス", "Information Services", "is"),
    ("電算", "Computing", "densan"),
    ("ソリューションズ", "Solutions", "solutions"),
];

/// (Japanese, English, id) of the second half of an audit body's name.
pub const AUDIT_BODY_KINDS: [(&str, &str, &str); 4] = [
    ("監査法人", "Audit Corporation", "audit"),
    ("システム監査", "Systems Audit", "sysaudit"),
    ("アシュアランス", "Assurance", "assurance"),
    (
        "情報セキュリティ監査",
        "Information Security Audit",
        "isaudit",
    ),
];

/// A kind of service: its model, its name and what it does, in both languages.
#[derive(Debug, Clone, Copy)]
pub struct Product {
    pub model: ServiceModel,
    pub name: (&'static str, &'static str),
    pub does: (&'static str, &'static str),
}

const fn product(
    model: ServiceModel,
    name: (&'static str, &'static str),
    does: (&'static str, &'static str),
) -> Product {
    Product { model, name, does }
}

pub const PRODUCTS: [Product; 44] = [
    product(
        ServiceModel::IaaS,
        ("仮想サーバ", "Virtual Servers"),
        (
            "仮想サーバ、ブロックストレージ及び仮想ネットワークを提供する汎用 IaaS",
            "a general-purpose IaaS offering virtual servers, block storage and virtual networks",
        ),
    ),
    product(
        ServiceModel::IaaS,
        ("ベアメタルクラウド", "Bare Metal Cloud"),
        (
            "物理サーバを一台単位で時間貸しするベアメタル型の基盤",
            "bare-metal servers rented by the hour, one machine at a time",
        ),
    ),
    product(
        ServiceModel::IaaS,
        ("オブジェクトストレージ", "Object Storage"),
        (
            "大容量のファイルを保管するオブジェクトストレージ",
            "object storage for large volumes of files",
        ),
    ),
    product(
        ServiceModel::IaaS,
        ("閉域ネットワーク", "Private Network"),
        (
            "拠点とクラウドを結ぶ閉域網接続サービス",
            "private network links between offices and the cloud",
        ),
    ),
    product(
        ServiceModel::IaaS,
        ("GPU 計算基盤", "GPU Compute"),
        (
            "画像解析や統計処理のための GPU 搭載サーバ",
            "GPU servers for image analysis and statistics",
        ),
    ),
    product(
        ServiceModel::IaaS,
        ("バックアップ基盤", "Backup Platform"),
        (
            "遠隔地に世代管理したバックアップを保管する基盤",
            "a platform keeping versioned backups at a distant site",
        ),
    ),
    product(
        ServiceModel::IaaS,
        ("仮想デスクトップ基盤", "Virtual Desktop Infrastructure"),
        (
            "職員の端末に仮想デスクトップを配信する基盤",
            "virtual desktops delivered to staff devices",
        ),
    ),
    product(
        ServiceModel::IaaS,
        ("ハウジング連携クラウド", "Colocation-Linked Cloud"),
        (
            "自前の機器と仮想サーバを同じ網で使えるクラウド",
            "a cloud that puts customers' own equipment and virtual servers on one network",
        ),
    ),
    product(
        ServiceModel::PaaS,
        ("マネージドデータベース", "Managed Database"),
        (
            "リレーショナルデータベースを構築・運用込みで提供するサービス",
            "relational databases provided with their set-up and operation",
        ),
    ),
    product(
        ServiceModel::PaaS,
        ("コンテナ実行基盤", "Container Runtime"),
        (
            "コンテナ化したアプリケーションを配置・実行するマネージド型のクラスタ",
            "a managed cluster to deploy and run containerised applications",
        ),
    ),
    product(
        ServiceModel::PaaS,
        ("アプリケーション実行環境", "Application Runtime"),
        (
            "ソースコードを登録するだけでウェブアプリケーションを動かす実行基盤",
            "a runtime that runs web applications from their source code alone",
        ),
    ),
    product(
        ServiceModel::PaaS,
        ("API 連携ゲートウェイ", "API Gateway"),
        (
            "API の認可、流量制限及び通信記録を一括して担うゲートウェイ",
            "a gateway handling authorisation, rate limits and records of API calls",
        ),
    ),
    product(
        ServiceModel::PaaS,
        ("メッセージ連携ハブ", "Messaging Hub"),
        (
            "業務システム間でメッセージやファイルを受け渡す連携基盤",
            "a hub passing messages and files between business systems",
        ),
    ),
    product(
        ServiceModel::PaaS,
        ("ID 連携基盤", "Identity Federation"),
        (
            "多要素認証とシングルサインオンを提供する ID 管理基盤",
            "identity management with multi-factor authentication and single sign-on",
        ),
    ),
    product(
        ServiceModel::PaaS,
        ("分析データ基盤", "Analytics Warehouse"),
        (
            "統計データや業務データを集約して分析するデータウェアハウス",
            "a data warehouse gathering statistics and business data for analysis",
        ),
    ),
    product(
        ServiceModel::PaaS,
        ("全文検索サービス", "Full-Text Search"),
        (
            "文書や記録を横断して検索する全文検索エンジン",
            "a full-text search engine across documents and records",
        ),
    ),
    product(
        ServiceModel::PaaS,
        ("ログ管理基盤", "Log Management Platform"),
        (
            "操作記録と通信記録を集めて長期保存する基盤",
            "a platform collecting and keeping operation and network logs",
        ),
    ),
    product(
        ServiceModel::PaaS,
        ("ファイル連携基盤", "File Exchange Platform"),
        (
            "外部機関との大容量ファイルの受け渡しを行う基盤",
            "a platform exchanging large files with outside bodies",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("電子申請", "e-Application Service"),
        (
            "住民や事業者からの申請・届出をオンラインで受け付けるサービス",
            "a service taking applications and notifications from residents and businesses online",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("文書管理クラウド", "Document Cloud"),
        (
            "公文書の作成から決裁、保存、廃棄までを管理する文書管理システム",
            "a records system managing official documents from drafting and approval to retention and disposal",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("勤怠管理", "Attendance Management"),
        (
            "職員の出退勤打刻、休暇申請及び超過勤務の集計を行うサービス",
            "a service recording staff hours, leave requests and overtime",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("施設予約", "Facility Booking"),
        (
            "公共施設の空き状況の公開とオンライン予約を行うサービス",
            "a service publishing the availability of public facilities and taking bookings online",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("グループウェア", "Groupware"),
        (
            "スケジュール、掲示板、ワークフロー及びファイル共有を備えたグループウェア",
            "groupware with calendars, notice boards, workflows and file sharing",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("コンタクトセンター", "Contact Centre"),
        (
            "電話・メール・チャットの問合せを一元的に受け付けるシステム",
            "a system taking enquiries by telephone, mail and chat in one place",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("公会計クラウド", "Public Accounting Cloud"),
        (
            "予算編成、執行管理及び財務書類の作成を行う公会計システム",
            "a public accounting system for budgets, spending control and financial statements",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("健診データ管理", "Health Checkup Records"),
        (
            "健診の受診者管理、結果登録及び受診勧奨を行うシステム",
            "a system managing checkup participants, results and reminders",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("会議録作成支援", "Minutes Assistant"),
        (
            "会議の録音から発言を文字に起こし会議録の原稿を作るサービス",
            "a service transcribing meeting recordings into draft minutes",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("e ラーニング", "e-Learning"),
        (
            "職員研修の教材配信、受講管理及び理解度テストを行うサービス",
            "a service delivering training material, tracking attendance and testing staff",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("地図情報サービス", "Map Information Service"),
        (
            "都市計画図や防災情報を重ね合わせて閲覧・編集する地理情報システム",
            "a geographic information system layering city plans and disaster data",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("セキュアメール", "Secure Mail"),
        (
            "添付ファイルの無害化と誤送信防止の機能を備えた電子メールサービス",
            "a mail service that sanitises attachments and prevents misdirected mail",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("給与計算", "Payroll"),
        (
            "職員の給与、手当及び源泉徴収を計算するサービス",
            "a service computing staff pay, allowances and withholding tax",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("人事評価", "Personnel Evaluation"),
        (
            "目標設定から評価面談の記録までを管理する人事評価システム",
            "a personnel evaluation system from goal setting to appraisal records",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("電子契約", "Electronic Contracts"),
        (
            "契約書の作成、電子署名及び保管を行うサービス",
            "a service drafting, signing and keeping contracts electronically",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("図書館システム", "Library System"),
        (
            "蔵書管理、貸出及び予約を行う図書館システム",
            "a library system for the catalogue, loans and reservations",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("防災情報配信", "Disaster Alerts"),
        (
            "避難情報や気象警報を住民に一斉配信するサービス",
            "a service sending evacuation notices and weather warnings to residents",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("子育て支援", "Child-Care Support"),
        (
            "保育所の入所申込みと子育て相談を受け付けるサービス",
            "a service taking nursery applications and child-care consultations",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("介護保険", "Long-Term Care Insurance"),
        (
            "要介護認定と給付の管理を行う介護保険システム",
            "a long-term care insurance system for assessments and benefits",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("入札", "e-Procurement"),
        (
            "入札公告から開札、契約締結までを電子化する調達システム",
            "a procurement system from tender notices to opening bids and contracts",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("税務", "Local Tax"),
        (
            "住民税と固定資産税の賦課及び収納を管理するシステム",
            "a system assessing and collecting resident and property taxes",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("道路台帳", "Road Register"),
        (
            "道路の区域、構造及び占用の記録を管理するシステム",
            "a system keeping records of road areas, structures and occupancy",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("水道料金", "Water Billing"),
        (
            "水道の検針、料金計算及び収納を行うシステム",
            "a system reading water meters, billing and collecting charges",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("学校徴収金", "School Fees"),
        (
            "給食費や教材費の請求と収納を管理するシステム",
            "a system billing and collecting school lunch and material fees",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("議会中継", "Assembly Broadcasting"),
        (
            "議会の本会議と委員会をインターネットで中継・録画配信するサービス",
            "a service streaming and archiving assembly sessions and committees",
        ),
    ),
    product(
        ServiceModel::SaaS,
        ("庁内ヘルプデスク", "Staff Help Desk"),
        (
            "職員からの IT に関する問合せを受け付けて管理するサービス",
            "a service taking and tracking staff IT questions",
        ),
    ),
];

/// What may follow a service's name: (Japanese, English).
pub const NAME_SUFFIXES: [(&str, &str); 10] = [
    ("", ""),
    ("", ""),
    ("", ""),
    ("クラウド", "Cloud"),
    ("サービス", "Service"),
    ("プラス", "Plus"),
    ("ライト", "Lite"),
    ("プロ", "Pro"),
    (" for 自治体", "for Municipalities"),
    ("ネクスト", "Next"),
];

/// Regions some services are named after: (Japanese, English).
pub const REGIONS: [(&str, &str); 9] = [
    ("北海道", "Hokkaido"),
    ("東北", "Tohoku"),
    ("関東", "Kanto"),
    ("北陸", "Hokuriku"),
    ("東海", "Tokai"),
    ("関西", "Kansai"),
    ("中国", "Chugoku"),
    ("四国", "Shikoku"),
    ("九州", "Kyushu"),
];

/// Who a service is for: (Japanese, English).
pub const AUDIENCES: [(&str, &str); 12] = [
    ("中央省庁", "central government ministries"),
    ("都道府県", "prefectures"),
    ("市町村", "municipalities"),
    ("独立行政法人", "independent administrative agencies"),
    ("公立病院", "public hospitals"),
    ("公立学校", "public schools"),
    ("一部事務組合", "joint municipal bodies"),
    ("地方議会", "local assemblies"),
    ("研究機関", "research institutes"),
    ("外郭団体", "affiliated public bodies"),
    ("広域連合", "regional unions"),
    ("消防本部", "fire departments"),
];

/// Features a description may mention: (Japanese, English).
pub const FEATURES: [(&str, &str); 30] = [
    (
        "多要素認証とシングルサインオンに対応する",
        "It supports multi-factor authentication and single sign-on",
    ),
    (
        "操作記録を七年間保存する",
        "It keeps operation logs for seven years",
    ),
    (
        "国内二拠点のデータセンターで冗長化している",
        "It runs redundantly in two data centres in Japan",
    ),
    (
        "行政専用ネットワークからの接続に対応する",
        "It can be reached from the government-only network",
    ),
    (
        "データを保存時と通信時に暗号化する",
        "It encrypts data at rest and in transit",
    ),
    (
        "障害時の目標復旧時間を四時間とする",
        "Its recovery time objective after a failure is four hours",
    ),
    (
        "利用者ごとに暗号鍵を管理できる",
        "Each customer can manage its own encryption keys",
    ),
    (
        "第三者による脆弱性診断を年二回受けている",
        "It undergoes third-party vulnerability testing twice a year",
    ),
    (
        "稼働状況を公開のダッシュボードで知らせる",
        "It reports its status on a public dashboard",
    ),
    (
        "夜間と休日も有人で監視している",
        "Staff monitor it at night and on holidays",
    ),
    (
        "利用者の管理画面から権限を細かく設定できる",
        "Customers set fine-grained permissions from their console",
    ),
    (
        "データの保管場所を国内に限定している",
        "It keeps all data in Japan",
    ),
    (
        "標準仕様書に準拠したデータ連携に対応する",
        "It exchanges data following the standard specifications",
    ),
    (
        "庁内の既存システムとの連携機能を備える",
        "It links with existing in-house systems",
    ),
    (
        "スマートフォンからの利用に対応する",
        "It can be used from smartphones",
    ),
    (
        "読み上げ機能など利用しやすさに配慮している",
        "It offers accessibility features such as text-to-speech",
    ),
    (
        "契約終了時にデータを標準形式で返却する",
        "It returns data in standard formats when the contract ends",
    ),
    (
        "計画停止を年四回までに限っている",
        "It limits planned outages to four a year",
    ),
    (
        "インシデント発生時に二十四時間以内に報告する",
        "It reports incidents within twenty-four hours",
    ),
    (
        "バックアップを毎日取得し三十日間保管する",
        "It takes daily backups and keeps them for thirty days",
    ),
    (
        "不正アクセスの検知と遮断を自動で行う",
        "It detects and blocks intrusions automatically",
    ),
    (
        "管理者の操作に二人による承認を求める",
        "Administrator actions need the approval of two people",
    ),
    (
        "監査ログを利用者が自ら取り出せる",
        "Customers can export audit logs themselves",
    ),
    (
        "災害時には遠隔地の拠点へ切り替える",
        "It fails over to a distant site in a disaster",
    ),
    (
        "職員向けの操作研修を無償で提供する",
        "It includes free training for staff",
    ),
    (
        "大量の同時アクセスにも自動で拡張する",
        "It scales automatically under heavy load",
    ),
    (
        "電子署名とタイムスタンプに対応する",
        "It supports electronic signatures and time stamps",
    ),
    (
        "個人情報を含む項目を自動で検出する",
        "It finds fields holding personal data automatically",
    ),
    (
        "閉域網経由でのみ管理機能に接続できる",
        "Its management functions are reachable only over a private network",
    ),
    (
        "外部委託先の管理状況を毎年確認している",
        "It reviews its subcontractors every year",
    ),
];

/// Availability statements: (Japanese, English).
pub const AVAILABILITY: [(&str, &str); 4] = [
    (
        "月間稼働率 99.9% 以上（計画メンテナンスを除く）",
        "Monthly availability of 99.9% or more, planned maintenance excluded",
    ),
    (
        "月間稼働率 99.95% 以上",
        "Monthly availability of 99.95% or more",
    ),
    (
        "月間稼働率 99.5% 以上（平日 8 時〜20 時）",
        "Monthly availability of 99.5% or more, weekdays 8:00 to 20:00",
    ),
    (
        "月間稼働率 99.99% 以上（複数リージョン構成時）",
        "Monthly availability of 99.99% or more across several regions",
    ),
];

/// Control objectives a statement may name (ids of the demo criteria).
pub const OBJECTIVES: [&str; 39] = [
    "5.1.1",
    "6.1.1",
    "6.1.2",
    "6.1.3",
    "7.1.1",
    "7.2.2",
    "8.1.1",
    "8.2.1",
    "9.1.1",
    "9.2.1",
    "9.2.3",
    "9.4.2",
    "10.1.1",
    "11.1.1",
    "11.1.2",
    "11.2.2",
    "11.2.7",
    "12.1.2",
    "12.1.3",
    "12.1.4",
    "12.2.1",
    "12.3.1",
    "12.4.1",
    "12.5.1",
    "12.6.1",
    "13.1.3",
    "13.2.1",
    "16.1.1",
    "16.1.2",
    "16.1.5",
    "17.1.1",
    "17.2.1",
    "18.1.1",
    "CLD.6.3.1",
    "CLD.9.5.1",
    "CLD.9.5.2",
    "CLD.12.1.5",
    "CLD.12.4.5",
    "CLD.13.1.4",
];
