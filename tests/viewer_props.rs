//! Property: whatever a project's texts hold (markup, quotes, script endings, comment openers,
//! line separators), the HTML page has only its own two script elements and its data block
//! reads back as exactly those texts. The browser test (`tests/viewer.rs`) shows the same for
//! a chosen set of hostile texts in chromium; this tries many.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use std::path::Path;

use klantreis::export::{ExportOptions, Format};
use klantreis::model::Project;
use proptest::prelude::*;

fn hostile() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("<script>".to_owned()),
        Just("</script>".to_owned()),
        Just("</SCRIPT ".to_owned()),
        Just("<!--".to_owned()),
        Just("-->".to_owned()),
        Just("<img src=x onerror=alert(1)>".to_owned()),
        Just("]]>".to_owned()),
        Just("\u{2028}\u{2029}".to_owned()),
        Just("&amp;&#x3c;".to_owned()),
        Just("\"'`".to_owned()),
        prop::string::string_regex("[a-zA-Z0-9 <>/&\"'=;é€🙂\n]{0,12}").unwrap(),
    ];
    prop::collection::vec(pieces, 0..5).prop_map(|v| v.concat())
}

fn example() -> Project {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/waterschade-claim.klantreis.ron");
    klantreis::file::load(&path).unwrap().project
}

fn page(project: &Project) -> String {
    let options = ExportOptions {
        format: Format::Html,
        comments: true,
        ..ExportOptions::default()
    };
    let mut bytes = Vec::new();
    klantreis::export::export_map(project, &project.maps[0], &options, &mut bytes).unwrap();
    String::from_utf8(bytes).unwrap()
}

/// The page's tags, each from its `<` to its `>` (text holds no `<`: it is escaped).
fn tags(html: &str) -> impl Iterator<Item = &str> {
    html.match_indices('<')
        .filter_map(|(i, _)| html[i..].find('>').map(|j| &html[i..=i + j]))
        // The style and the script hold no markup of their own; their `<`s are code.
        .filter(|t| !t.starts_with("<(") && t.len() < 4096)
}

/// The page's data block, parsed.
fn data(html: &str) -> serde_json::Value {
    let start = html.find("id=\"klantreis-data\">").unwrap() + "id=\"klantreis-data\">".len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn no_text_of_a_project_becomes_markup_and_every_text_reads_back(
        title in hostile(), card in hostile(), body in hostile(), stage in hostile(),
        quote in hostile(), owner in hostile(),
    ) {
        let mut p = example();
        p.title = title.clone();
        let map = &mut p.maps[0];
        map.stages[0].name = stage.clone();
        let c = map.cards.iter_mut().find(|c| !c.evidence.is_empty()).unwrap();
        c.title = card.clone();
        c.body = body.clone();
        c.owner = owner.clone();
        let evidence = c.evidence[0];
        let card_id = c.id.0;
        // A quote with no words is left out of the page, as the poster leaves it out.
        let quote = format!("Q{quote}");
        p.evidence.iter_mut().find(|e| e.id == evidence).unwrap().text = quote.clone();
        let html = page(&p);
        let lower = html.to_lowercase();
        prop_assert_eq!(lower.matches("<script").count(), 2, "only the page's own scripts");
        prop_assert_eq!(lower.matches("</script").count(), 2);
        prop_assert_eq!(lower.matches("<img").count(), 0);
        prop_assert!(
            !tags(&html).any(|t| t.to_lowercase().contains("onerror")),
            "no attribute from a text"
        );
        let data = data(&html);
        prop_assert_eq!(data["project"]["title"].as_str().unwrap(), title.as_str());
        let cards = data["views"][0]["cards"].as_array().unwrap();
        let read = cards.iter().find(|c| c["id"].as_u64() == Some(card_id)).unwrap();
        prop_assert_eq!(read["title"].as_str().unwrap(), card.as_str());
        prop_assert_eq!(read["body"].as_str().unwrap(), body.as_str());
        prop_assert_eq!(read["owner"].as_str().unwrap(), owner.as_str());
        prop_assert_eq!(read["evidence"][0]["text"].as_str().unwrap(), quote.as_str());
        let stages = data["views"][0]["stages"].as_array().unwrap();
        prop_assert_eq!(stages[0]["name"].as_str().unwrap(), stage.as_str());
    }
}
