//! Spreadsheets through the pages: the provider imports a statement's template on the
//! statement's overview and an auditor the conclusions on the audit's page. A good file is
//! stored with its event; a broken one is refused whole with its cells listed in the page's
//! language; the wrong party gets the API's answer; a post without the session's token is
//! refused before its file is read.

use super::browser::{Browser, hidden, in_its_language, redirected};
use crate::workflow::files::{
    CSV, cell, column, conclude, csv_bytes, download, log_is_intact, rows,
};
use crate::workflow::flow::{
    accepted_audit, filled_draft, new_service, nonconformant_control, ok, submitted_statement,
};
use crate::world::{World, workflow_world};

fn count(actions: &[String], action: &str) -> usize {
    actions.iter().filter(|a| *a == action).count()
}

async fn stored(world: &World, role: &str, uri: &str) -> String {
    ok(world, role, "GET", uri, None).await.to_string()
}

#[tokio::test]
async fn a_provider_imports_the_statement_template_on_its_overview() {
    let w = &workflow_world().await;
    let service = new_service(w).await;
    let statement = filled_draft(w, &service).await;
    let api = format!("/api/v1/statements/{statement}");
    let import = format!("/statements/{statement}/import");
    let provider = Browser::of(w, "provider").await;
    let mut revision = String::new();
    for lang in ["ja", "en"] {
        let html = provider
            .page(&format!("/statements/{statement}?lang={lang}"))
            .await;
        assert!(html.contains("enctype=\"multipart/form-data\""));
        assert!(html.contains(&format!("{import}?lang={lang}")));
        assert!(html.contains(&format!("{api}/template?format=xlsx")));
        let form = html.find("id=\"sheet-import\"").unwrap();
        let token = form + html[form..].find("name=\"csrf_token\"").unwrap();
        let file = form + html[form..].find("type=\"file\"").unwrap();
        assert!(
            form < token && token < file,
            "the token comes before the file"
        );
        revision = hidden(&html[form..], "revision");
    }
    let before = stored(w, "provider", &api).await;
    let saves = count(&log_is_intact(w).await, "statement.save");

    // A broken cell: refused whole, the cell named in the page's language, nothing stored.
    let mut table =
        rows(&download(w, "provider", &format!("{api}/template?format=csv"), CSV).await);
    let (part, choice) = (column(&table, "part"), column(&table, "choice"));
    let row = table.iter().position(|r| r[part] == "control").unwrap();
    let good = table.clone();
    table[row][choice] = "maybe".to_owned();
    for lang in ["ja", "en"] {
        let uri = format!("{import}?lang={lang}");
        let answer = provider
            .upload(&uri, &revision, "answers.csv", &csv_bytes(&table))
            .await;
        assert_eq!(answer.status, 422, "{}", answer.text());
        let html = answer.text();
        in_its_language(&uri, &html);
        assert!(html.contains("role=\"alert\""), "{html}");
        assert!(html.contains(&cell(&table, "choice", row)), "{html}");
        assert!(html.contains("maybe"), "{html}");
    }
    // No file, and a file of another kind: the form again.
    let answer = provider
        .upload(
            &format!("{import}?lang=en"),
            &revision,
            "answers.json",
            b"{}",
        )
        .await;
    assert_eq!(answer.status, 422, "{}", answer.text());
    assert!(answer.text().contains(".xlsx"));
    assert_eq!(stored(w, "provider", &api).await, before);

    // The wrong party: the answers of the API.
    let auditor = Browser::of(w, "auditor").await;
    let answer = auditor
        .upload(
            &format!("{import}?lang=en"),
            &revision,
            "a.csv",
            &csv_bytes(&good),
        )
        .await;
    assert_eq!(answer.status, 404, "{}", answer.text());
    let admin = Browser::of(w, "operator_admin").await;
    let answer = admin
        .upload(
            &format!("{import}?lang=en"),
            &revision,
            "a.csv",
            &csv_bytes(&good),
        )
        .await;
    assert_eq!(answer.status, 403, "{}", answer.text());

    // Without the session's token, or with another: refused.
    let file = csv_bytes(&good);
    for parts in [
        vec![("file", Some("a.csv"), file.as_slice())],
        vec![
            ("csrf_token", None, b"forged".as_slice()),
            ("file", Some("a.csv"), file.as_slice()),
        ],
    ] {
        let answer = provider
            .post_parts(&format!("{import}?lang=en"), &parts)
            .await;
        assert_eq!(answer.status, 403, "{}", answer.text());
        assert!(answer.text().contains("<html"), "an error page");
    }
    assert_eq!(stored(w, "provider", &api).await, before);
    assert_eq!(count(&log_is_intact(w).await, "statement.save"), saves);

    // A good file: stored with its event, and the overview shows it.
    let mut table = good.clone();
    let description = column(&table, "individual_control_en");
    let row = (1..table.len())
        .find(|&n| !table[n][description].is_empty())
        .unwrap();
    table[row][description] = "Imported through the page".to_owned();
    let answer = provider
        .upload(
            &format!("{import}?lang=en"),
            &revision,
            "answers.csv",
            &csv_bytes(&table),
        )
        .await;
    assert_eq!(
        redirected(&answer),
        format!("/statements/{statement}?lang=en")
    );
    assert!(
        stored(w, "provider", &api)
            .await
            .contains("Imported through the page")
    );
    assert_eq!(count(&log_is_intact(w).await, "statement.save"), saves + 1);
    provider
        .page(&format!("/statements/{statement}?lang=en"))
        .await;

    // The page read before it is stale now: nothing is undone.
    let answer = provider
        .upload(
            &format!("{import}?lang=en"),
            &revision,
            "answers.csv",
            &csv_bytes(&good),
        )
        .await;
    assert_eq!(answer.status, 409, "{}", answer.text());
    assert!(
        stored(w, "provider", &api)
            .await
            .contains("Imported through the page")
    );
}

#[tokio::test]
async fn an_auditor_imports_the_conclusions_on_the_audit_page() {
    let w = &workflow_world().await;
    let service = new_service(w).await;
    let statement = submitted_statement(w, &service).await;
    let audit = accepted_audit(w, &service, &statement).await;
    let api = format!("/api/v1/audits/{audit}");
    let import = format!("/audits/{audit}/conclusions/import");
    let auditor = Browser::of(w, "auditor").await;
    let mut revision = String::new();
    for lang in ["ja", "en"] {
        let html = auditor.page(&format!("/audits/{audit}?lang={lang}")).await;
        assert!(html.contains(&format!("{import}?lang={lang}")));
        assert!(html.contains(&format!("{api}/conclusions/template?format=xlsx")));
        let form = html.find("id=\"sheet-import\"").unwrap();
        revision = hidden(&html[form..], "revision");
    }
    let provider = Browser::of(w, "provider").await;
    let html = provider.page(&format!("/audits/{audit}?lang=en")).await;
    assert!(
        !html.contains("sheet-import"),
        "only the audit body imports"
    );

    let template = download(
        w,
        "auditor",
        &format!("{api}/conclusions/template?format=csv"),
        CSV,
    )
    .await;
    let mut table = rows(&template);
    conclude(&mut table, &nonconformant_control(), &[]);
    let good = table.clone();
    let answer_column = column(&table, "conformant");
    let row = (1..table.len())
        .find(|&n| !table[n][answer_column].is_empty())
        .unwrap();
    table[row][answer_column] = "perhaps".to_owned();
    let before = stored(w, "auditor", &api).await;
    for lang in ["ja", "en"] {
        let uri = format!("{import}?lang={lang}");
        let answer = auditor
            .upload(&uri, &revision, "conclusions.csv", &csv_bytes(&table))
            .await;
        assert_eq!(answer.status, 422, "{}", answer.text());
        let html = answer.text();
        in_its_language(&uri, &html);
        assert!(html.contains(&cell(&table, "conformant", row)), "{html}");
    }
    assert_eq!(stored(w, "auditor", &api).await, before);

    // The provider may not; a forged post is refused.
    let answer = provider
        .upload(
            &format!("{import}?lang=en"),
            &revision,
            "c.csv",
            &csv_bytes(&good),
        )
        .await;
    assert_eq!(answer.status, 403, "{}", answer.text());
    let procurer = Browser::of(w, "procurer").await;
    let answer = procurer
        .upload(
            &format!("{import}?lang=en"),
            &revision,
            "c.csv",
            &csv_bytes(&good),
        )
        .await;
    assert_eq!(answer.status, 404, "{}", answer.text());
    let file = csv_bytes(&good);
    let answer = auditor
        .post_parts(
            &format!("{import}?lang=en"),
            &[
                ("csrf_token", None, b"forged".as_slice()),
                ("file", Some("c.csv"), file.as_slice()),
            ],
        )
        .await;
    assert_eq!(answer.status, 403, "{}", answer.text());
    assert_eq!(stored(w, "auditor", &api).await, before);
    assert_eq!(count(&log_is_intact(w).await, "audit.conclude"), 0);

    // A good file: recorded with its event; the page counts every conclusion.
    let answer = auditor
        .upload(
            &format!("{import}?lang=en"),
            &revision,
            "conclusions.csv",
            &file,
        )
        .await;
    assert_eq!(redirected(&answer), format!("/audits/{audit}?lang=en"));
    let concluded = ok(w, "auditor", "GET", &api, None).await;
    assert!(
        !concluded["conclusions"]["controls"]
            .as_array()
            .unwrap()
            .is_empty(),
        "{concluded}"
    );
    assert_eq!(count(&log_is_intact(w).await, "audit.conclude"), 1);
    let html = auditor.page(&format!("/audits/{audit}?lang=en")).await;
    assert!(!html.contains("progress-open"), "every objective concluded");
}
