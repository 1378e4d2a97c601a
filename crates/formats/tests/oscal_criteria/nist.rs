//! NIST SP 800-53 and FedRAMP baselines imported: counts per level, a catalog alone, profile
//! counts, baselines found by URL.

use super::*;

#[test]
fn nist_baselines_give_the_published_counts_per_level() {
    let imported = nist();
    let version = &imported.version;
    let counts = version.counts();
    assert_eq!(counts.by_level, [149, 287, 370]);
    assert_eq!(counts.controls, 370);
    assert_eq!(counts.governance + counts.management, 0);
    assert_eq!(version.version, "nist-800-53r5");
    assert_eq!(version.status, Status::Draft);
    assert_eq!(version.published_on, None);
    assert!(version.title.en.contains("800-53"), "{}", version.title.en);
    assert_eq!(version.title.ja, version.title.en);

    // 1,196 controls, 182 withdrawn, 370 in HIGH: 644 are in no baseline.
    assert!(
        has_note(imported, "182 withdrawn controls were left out"),
        "{:?}",
        imported.notes
    );
    assert!(
        has_note(imported, "644 catalog controls are in no level profile"),
        "{:?}",
        imported.notes
    );
    assert!(has_note(imported, "Japanese texts taken from English"));
    // PM and PT are in no security baseline: their families go.
    assert!(
        has_note(imported, "left out: pm, pt"),
        "{:?}",
        imported.notes
    );
    assert_eq!(counts.objectives, 18);

    let family = version.group("ac").expect("family ac");
    assert_eq!(family.part, Part::Control);
    assert_eq!(
        family.title,
        Bilingual::new("Access Control", "Access Control")
    );
    assert_eq!(version.groups[0].id, "ac", "families in document order");

    let ac2 = version.control("ac-2").expect("ac-2");
    assert_eq!(ac2.min_level, Level::LOW);
    assert_eq!(ac2.objective, "ac");
    assert_eq!(ac2.part, Part::Control);
    assert!(ac2.mandatory);
    assert_eq!(ac2.actor, Actor::Provider);
    assert_eq!(ac2.service_models, ServiceModel::ALL.to_vec());
    assert!(!ac2.integrity && !ac2.availability);
    assert_eq!(
        ac2.references,
        vec![Reference {
            standard: "NIST".into(),
            clause: "AC-2".into(),
            relation: Relation::Equal,
        }]
    );
    let text = &ac2.text.en;
    assert!(
        text.starts_with(
            "Account Management:\na. Define and document the types of accounts allowed"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "\nc. Require [Assignment: prerequisites and criteria] for group and role membership;"
        ),
        "{text}"
    );
    assert!(
        text.contains("\nd. Specify:\n  1. Authorized users of the system;"),
        "{text}"
    );
    assert!(!text.contains("{{"), "{text}");
    assert_eq!(ac2.text.ja, ac2.text.en);
    // The guidance, a paragraph an example, numbered.
    let guidance = &ac2.technology_examples[0];
    assert_eq!(guidance.id, "ex1");
    assert!(
        guidance
            .name
            .en
            .starts_with("Examples of system account types include")
    );
    assert_eq!(guidance.name.ja, guidance.name.en);
    assert!(ac2.technology_examples.len() > 1);
    // Controls in document order, enhancements right after their control.
    let ids: Vec<&str> = version.controls.iter().map(|c| c.id.as_str()).collect();
    let at = ids.iter().position(|id| *id == "ac-2").unwrap();
    assert_eq!(&ids[at..at + 3], ["ac-2", "ac-2.1", "ac-2.2"]);
    assert_eq!(ids[0], "ac-1");

    // Only in HIGH; a selection with an assignment inside it.
    let ac44 = version.control("ac-4.4").expect("ac-4.4");
    assert_eq!(ac44.min_level, Level::HIGH);
    assert_eq!(ac44.references[0].clause, "AC-4(4)");
    assert!(
        ac44.text.en.contains("[Selection (one or more): decrypting the information; blocking the flow of the encrypted information; terminating communications sessions attempting to pass encrypted information; [Assignment: "),
        "{}",
        ac44.text.en
    );
    assert_eq!(version.control("ac-2.11").unwrap().min_level, Level::HIGH);
    assert_eq!(version.control("ac-4").unwrap().min_level, Level::MIDDLE);
    assert_eq!(
        version.control("ac-2.1").unwrap().references[0].clause,
        "AC-2(1)"
    );

    // Withdrawn controls never come in; nor do controls in no baseline.
    assert!(version.control("ac-2.10").is_none(), "withdrawn");
    assert!(version.control("ac-13").is_none(), "withdrawn");
    assert!(version.control("pm-1").is_none(), "in no baseline");

    // The integrity and availability rule.
    assert!(version.control("si-2").unwrap().integrity);
    assert!(version.control("cp-9").unwrap().availability);
    assert!(version.control("sc-5").unwrap().availability);
    assert!(!version.control("sc-7").unwrap().availability);
    assert!(!version.control("cp-9").unwrap().integrity);
}

#[test]
fn nist_catalog_alone_puts_every_live_control_at_level_1() {
    let imported = import_catalog(&nist_catalog(), &[], "nist").unwrap();
    let counts = imported.version.counts();
    assert_eq!(counts.controls, 1196 - 182);
    assert_eq!(counts.by_level, [1014; 3]);
    assert_eq!(counts.objectives, 20);
    assert!(has_note(
        &imported,
        "no level profiles: every control is at level 1"
    ));
    assert!(imported.version.control("ac-2.10").is_none());
}

#[test]
fn nist_import_survives_export_and_import() {
    let dir = round_trip(&nist().version);
    // The exported profiles select exactly the baselines' controls.
    let catalog = std::fs::read_to_string(dir.path().join(CATALOG_FILE)).unwrap();
    assert!(catalog.contains("\"id\": \"c-ac-2.1\""));
    assert!(
        !catalog.contains("\"position\""),
        "NIST comes in nested order"
    );
}

#[test]
fn more_than_three_profiles_are_refused() {
    let profiles = vec![nist_catalog(); 4];
    let error = import_catalog(&nist_catalog(), &profiles, "x").unwrap_err();
    assert_eq!(error, CriteriaOscalError::TooManyProfiles { given: 4 });
    assert!(error.message().en.contains("4 level profiles given"));
}

#[test]
fn fewer_profiles_mean_the_lower_levels() {
    let imported = import_catalog(&nist_catalog(), &nist_profiles()[..2], "nist-lm").unwrap();
    let counts = imported.version.counts();
    assert_eq!(counts.by_level, [149, 287, 287]);
    assert!(has_note(
        &imported,
        "727 catalog controls are in no level profile"
    ));
}

#[test]
fn fedramp_baselines_find_the_catalog_beside_them_even_by_url() {
    // FedRAMP MODERATE imports the catalog by an absolute URL; LOW and HIGH by a bare name.
    let profiles: Vec<PathBuf> = ["LOW", "MODERATE", "HIGH"]
        .iter()
        .map(|level| data(&format!("FedRAMP_rev5_{level}-baseline_profile.json")))
        .collect();
    let imported = import_catalog(&nist_catalog(), &profiles, "fedramp-rev5").unwrap();
    let version = &imported.version;
    assert_eq!(version.counts().by_level, [156, 323, 410]);
    assert_eq!(version.control("ac-2").unwrap().min_level, Level::LOW);
}

#[test]
fn fedramp_baselines_in_xml_import_as_their_json_twins_do() {
    // The XML baselines name the catalog `NIST_SP-800-53_rev5_catalog.xml`; the shared data has
    // it in JSON only, so it is written out as XML first, beside nothing but itself.
    let folder = tempfile::tempdir().unwrap();
    let catalog = folder.path().join("NIST_SP-800-53_rev5_catalog.xml");
    let source = read_source(&nist_catalog(), Limits::default()).unwrap();
    let xml = shinrai_oscal::convert::convert(&source, shinrai_oscal::Format::Xml).unwrap();
    std::fs::write(&catalog, xml).unwrap();
    let xml_data = data_dir().join("../oscal-xml/fedramp-rev5");
    let profiles: Vec<PathBuf> = ["LOW", "MODERATE", "HIGH"]
        .iter()
        .map(|level| xml_data.join(format!("FedRAMP_rev5_{level}-baseline_profile.xml")))
        .collect();
    let imported = import_catalog(&catalog, &profiles, "fedramp-rev5-xml")
        .unwrap_or_else(|e| panic!("{}", e.message().en));
    let version = &imported.version;
    assert_eq!(version.counts().by_level, [156, 323, 410]);
    let from_json = import_catalog(
        &nist_catalog(),
        &["LOW", "MODERATE", "HIGH"]
            .map(|level| data(&format!("FedRAMP_rev5_{level}-baseline_profile.json"))),
        "fedramp-rev5-xml",
    )
    .unwrap();
    assert_eq!(version.controls, from_json.version.controls);
    assert_eq!(version.groups, from_json.version.groups);
}
