//! `shinrai registry export` on the demo world, which `serve --demo` loads.

use std::time::Duration;

use crate::support::{serve, shinrai, wait_healthy};

/// Starts `serve --demo` on a free port, waits until it is healthy, and stops it with SIGTERM.
fn load_demo(data: &str) {
    let (mut server, address) = serve(&["--data-dir", data], &["--demo"]);
    // Generous: an unoptimised build takes tens of seconds to run the demo's workflow.
    wait_healthy(&address, Duration::from_secs(600));
    let _ = std::process::Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status();
    assert!(server.wait().unwrap().success());
}

#[test]
fn the_demo_registry_exports_as_csv_json_and_xlsx_with_filters() {
    let dir = std::env::temp_dir().join(format!("shinrai-registry-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let data = dir.join("data").to_string_lossy().into_owned();
    load_demo(&data);
    let file = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let entries = shinrai_domain::registry::demo::demo_registry()
        .unwrap()
        .entries;

    let csv = file("registry.csv");
    let run = shinrai(&[
        "--lang",
        "en",
        "--data-dir",
        &data,
        "registry",
        "export",
        "--format",
        "csv",
        "-o",
        &csv,
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stdout, format!("{csv}: {} entries\n", entries.len()));
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), entries.len() + 1);

    let level_two = entries.iter().filter(|e| e.level.get() == 2).count();
    let json = file("level-2.json");
    let run = shinrai(&[
        "--lang",
        "en",
        "--data-dir",
        &data,
        "registry",
        "export",
        "--format",
        "json",
        "-o",
        &json,
        "--level",
        "2",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(value["entries"].as_array().unwrap().len(), level_two);

    let xlsx = file("registered.xlsx");
    let run = shinrai(&[
        "--lang",
        "ja",
        "--data-dir",
        &data,
        "registry",
        "export",
        "--format",
        "xlsx",
        "-o",
        &xlsx,
        "--status",
        "registered",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.ends_with(" 件\n"), "{}", run.stdout);
    assert!(std::fs::metadata(&xlsx).unwrap().len() > 1000);

    let wrong = shinrai(&[
        "--data-dir",
        &data,
        "registry",
        "export",
        "--format",
        "csv",
        "-o",
        &csv,
        "--status",
        "gone",
    ]);
    assert_eq!(wrong.status, 1);
    let _ = std::fs::remove_dir_all(&dir);
}
