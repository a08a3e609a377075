//! The HTML viewer opened in a real headless chromium from a `file://` path: it loads with no
//! network request and no console error, a card's click shows its quote, search finds a card,
//! a comment is written, downloaded as a review file and imported by the app onto the right
//! card; and a project full of markup runs no script of it.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

mod browser;

use std::path::{Path, PathBuf};
use std::process::Command;

use fantoccini::{Client, Locator};
use klantreis::export::{ExportOptions, Format};
use klantreis::model::{EvidenceKind, Project, Target};
use serde_json::json;

fn example(name: &str) -> Project {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name);
    klantreis::file::load(&path).unwrap().project
}

fn export_html(project: &Project, dir: &Path, name: &str) -> PathBuf {
    let options = ExportOptions {
        format: Format::Html,
        ..ExportOptions::default()
    };
    let path = dir.join(name);
    let mut bytes = Vec::new();
    klantreis::export::export_map(project, &project.maps[0], &options, &mut bytes).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Where screenshots of the viewer go, to be looked at.
fn shots() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("viewer-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Marks the first hit element of `class` whose accessible name starts with `label`, so
/// `WebDriver` can find and click it as a user would.
async fn mark(client: &Client, class: &str, label: &str) -> fantoccini::elements::Element {
    let found = client
        .execute(
            "var all = document.querySelectorAll('.hit.' + arguments[0]);\
             for (var i = 0; i < all.length; i++) {\
               if (all[i].getAttribute('aria-label').indexOf(arguments[1]) === 0) {\
                 all[i].setAttribute('data-test', 'target'); return true; } }\
             return false;",
            vec![json!(class), json!(label)],
        )
        .await
        .unwrap();
    assert_eq!(found, json!(true), "no {class} labelled {label:?}");
    client
        .find(Locator::Css("[data-test=target]"))
        .await
        .unwrap()
}

async fn panel_text(client: &Client) -> String {
    client
        .find(Locator::Id("panel"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// The page's console entries at error level (a script error, a blocked load, a refused
/// inline script).
async fn errors(client: &Client) -> Vec<String> {
    browser::console(client)
        .await
        .into_iter()
        .filter(|(level, _)| level == "SEVERE")
        .map(|(_, m)| m)
        .collect()
}

#[test]
fn a_reader_finds_a_card_reads_its_quote_and_sends_a_comment_back() {
    let dir = tempfile::tempdir().unwrap();
    let downloads = dir.path().join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    let project = example("waterschade-claim.klantreis.ron");
    let page = export_html(&project, dir.path(), "waterschade.html");
    // A card with a quote, and the quote.
    let map = &project.maps[0];
    let (card, quote) = map
        .cards
        .iter()
        .find_map(|c| {
            c.evidence.iter().find_map(|id| {
                let e = project.evidence(*id)?;
                (e.kind == EvidenceKind::Quote && !e.text.is_empty()).then(|| (c, e.text.clone()))
            })
        })
        .expect("the example has a card with a quote");
    let driver = browser::driver();
    browser::run(async {
        let client = browser::browser(&driver, &downloads).await;
        client.goto(&browser::file_url(&page)).await.unwrap();
        client
            .wait()
            .for_element(Locator::Css(".hit.card"))
            .await
            .unwrap();
        // Nothing but the page itself was loaded.
        let urls = browser::requests(&client).await;
        let page_url = browser::file_url(&page);
        let foreign: Vec<&String> = urls
            .iter()
            .filter(|u| **u != page_url && !u.starts_with("data:"))
            .collect();
        assert!(foreign.is_empty(), "the page asked for {foreign:?}");
        assert!(urls.contains(&page_url), "the log saw the page: {urls:?}");
        assert_eq!(errors(&client).await, Vec::<String>::new());
        let shot = client.screenshot().await.unwrap();
        std::fs::write(shots().join("viewer_map.png"), shot).unwrap();

        // A click on the card shows its quote.
        let hit = mark(&client, "card", &format!("Kaartje: {} (", card.title)).await;
        hit.click().await.unwrap();
        let text = panel_text(&client).await;
        assert!(text.contains(&card.title), "{text}");
        assert!(text.contains(quote.trim()), "the quote {quote:?} in {text}");
        let shot = client.screenshot().await.unwrap();
        std::fs::write(shots().join("viewer_card.png"), shot).unwrap();

        // A comment, with a name first.
        let add = client
            .find(Locator::Css("#panel .comments button.primary"))
            .await
            .unwrap();
        add.click().await.unwrap();
        assert!(panel_text(&client).await.contains("Vul eerst je naam in"));
        client
            .find(Locator::Css("#panel .comments input"))
            .await
            .unwrap()
            .send_keys("Noor de Vries")
            .await
            .unwrap();
        client
            .find(Locator::Css("#panel .comments textarea"))
            .await
            .unwrap()
            .send_keys("Dit duurt <b>te lang</b> & niemand belt terug")
            .await
            .unwrap();
        add.click().await.unwrap();
        let text = panel_text(&client).await;
        assert!(
            text.contains("Dit duurt <b>te lang</b> & niemand belt terug"),
            "{text}"
        );

        // Search finds a card by a word of its title, and says how many.
        let word = card
            .title
            .split_whitespace()
            .max_by_key(|w| w.chars().count())
            .unwrap()
            .to_owned();
        let search = client.find(Locator::Id("search")).await.unwrap();
        search.send_keys(&word).await.unwrap();
        let matched = client
            .execute(
                "return Array.prototype.map.call(document.querySelectorAll('.hit.card.match'), \
                 function (e) { return e.getAttribute('aria-label'); });",
                vec![],
            )
            .await
            .unwrap();
        let matched: Vec<String> = serde_json::from_value(matched).unwrap();
        assert!(
            matched.iter().any(|m| m.contains(&card.title)),
            "{word:?} matched {matched:?}"
        );
        let found = client
            .find(Locator::Css(".found"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(found, format!("{} gevonden", matched.len()));
        let shot = client.screenshot().await.unwrap();
        std::fs::write(shots().join("viewer_search.png"), shot).unwrap();

        // Download my comments.
        client
            .find(Locator::Id("mine"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        client
            .find(Locator::Id("download"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        assert_eq!(errors(&client).await, Vec::<String>::new());
        // The browser is kept open until the file is there.
        browser::downloaded(&downloads, ".klantreis-review.json");
        client.close().await.unwrap();
    });
    let review = browser::downloaded(&downloads, ".klantreis-review.json");
    assert_eq!(
        review.file_name().unwrap().to_string_lossy(),
        "Noor de Vries.klantreis-review.json"
    );

    // The app imports it onto the card, once.
    let project_file = dir.path().join("waterschade.klantreis.ron");
    klantreis::file::save(&project, &project_file).unwrap();
    let cli = |args: &[&std::ffi::OsStr]| {
        Command::new(env!("CARGO_BIN_EXE_klantreis"))
            .args(args)
            .output()
            .unwrap()
    };
    let args = [
        "import-review".as_ref(),
        review.as_os_str(),
        "--into".as_ref(),
        project_file.as_os_str(),
    ];
    let out = cli(&args);
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("1 new comment(s) from Noor de Vries"),
        "{stdout}"
    );
    let back = klantreis::file::load(&project_file).unwrap().project;
    assert_eq!(back.comments.len(), 1);
    let c = &back.comments[0];
    assert_eq!(c.on, Target::Card(card.id));
    assert_eq!(c.map, map.id);
    assert_eq!(c.author, "Noor de Vries");
    assert_eq!(c.text, "Dit duurt <b>te lang</b> & niemand belt terug");
    assert_eq!(c.context, card.title);
    let again = cli(&args);
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stdout).contains("every comment was in it already"));
    assert_eq!(
        klantreis::file::load(&project_file)
            .unwrap()
            .project
            .comments
            .len(),
        1
    );
}

/// Markup in every kind of text a project holds.
const HOSTILE: [&str; 5] = [
    "<script>window.__pwned = 1</script>",
    "\"><img src=x onerror=\"window.__pwned = 2\">",
    "</script><script>window.__pwned = 3</script>",
    "<svg onload=\"window.__pwned = 4\"></svg>]]>",
    "\u{2028}'-alert(5)-'<!--",
];

fn hostile_project() -> Project {
    let mut p = example("waterschade-claim.klantreis.ron");
    let h = |i: usize| HOSTILE[i % HOSTILE.len()].to_owned();
    p.title = h(0);
    for (i, m) in p.maps.iter_mut().enumerate() {
        m.title = h(i + 1);
        for (j, s) in m.stages.iter_mut().enumerate() {
            s.name = h(j);
            s.description = h(j + 2);
        }
        for (j, l) in m.lanes.iter_mut().enumerate() {
            l.name = h(j + 1);
        }
        for (j, c) in m.cards.iter_mut().enumerate() {
            c.title = format!("Kaart {j} {}", h(j));
            c.body = h(j + 3);
            c.owner = h(j + 4);
        }
    }
    for (i, e) in p.evidence.iter_mut().enumerate() {
        e.text = h(i);
    }
    for (i, persona) in p.personas.iter_mut().enumerate() {
        persona.name = h(i);
    }
    for (i, a) in p.actions.iter_mut().enumerate() {
        a.title = h(i);
    }
    p
}

#[test]
fn markup_in_a_project_shows_as_text_and_runs_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let project = hostile_project();
    let page = export_html(&project, dir.path(), "hostile.html");
    let driver = browser::driver();
    browser::run(async {
        let client = browser::browser(&driver, dir.path()).await;
        client.goto(&browser::file_url(&page)).await.unwrap();
        client
            .wait()
            .for_element(Locator::Css(".hit.card"))
            .await
            .unwrap();
        // Every card, stage and panel opened: nothing of the markup ran.
        let card = mark(&client, "card", "Kaartje: Kaart 2 ").await;
        card.click().await.unwrap();
        let text = panel_text(&client).await;
        assert!(text.contains(HOSTILE[2]), "{text}");
        assert!(text.contains(HOSTILE[0]), "the owner: {text}");
        let tabs = client.find_all(Locator::Css(".tab")).await.unwrap();
        for tab in tabs {
            tab.click().await.unwrap();
        }
        let pwned = client
            .execute("return window.__pwned === undefined;", vec![])
            .await
            .unwrap();
        assert_eq!(pwned, json!(true), "a project's text ran as script");
        assert!(
            client.get_alert_text().await.is_err(),
            "an alert is open: a project's text ran as script"
        );
        let title = client.title().await.unwrap();
        assert!(title.starts_with(HOSTILE[0]), "{title}");
        // No error: not even a refused inline script (escaping, not only the policy, held).
        assert_eq!(errors(&client).await, Vec::<String>::new());
        let foreign: Vec<String> = browser::requests(&client)
            .await
            .into_iter()
            .filter(|u| *u != browser::file_url(&page) && !u.starts_with("data:"))
            .collect();
        assert!(foreign.is_empty(), "the page asked for {foreign:?}");
        let shot = client.screenshot().await.unwrap();
        std::fs::write(shots().join("viewer_hostile.png"), shot).unwrap();
        client.close().await.unwrap();
    });
}
