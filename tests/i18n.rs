#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The translation catalogue is complete: every key the code asks for is there, in English and
//! Dutch, with the same placeholders; no key is left unused; and the compiled-in catalogue
//! answers in both languages.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use klantreis::i18n::{Language, tr_in};

fn catalogue() -> BTreeMap<String, (String, String)> {
    let text = std::fs::read_to_string("locales/app.yml").unwrap();
    let yaml: serde_yaml::Mapping = serde_yaml::from_str(&text).unwrap();
    let mut out = BTreeMap::new();
    for (key, value) in yaml {
        let key = key.as_str().unwrap().to_owned();
        if key == "_version" {
            continue;
        }
        let get = |lang: &str| {
            value
                .get(lang)
                .and_then(serde_yaml::Value::as_str)
                .unwrap_or_else(|| panic!("{key} has no {lang} text"))
                .to_owned()
        };
        let (en, nl) = (get("en"), get("nl"));
        assert!(
            !en.trim().is_empty() && !nl.trim().is_empty(),
            "{key} is empty"
        );
        assert_eq!(
            value.as_mapping().unwrap().len(),
            2,
            "{key}: only en and nl"
        );
        assert!(out.insert(key.clone(), (en, nl)).is_none(), "{key} twice");
    }
    out
}

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split("%{")
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
        .collect()
}

/// The contents of the string literals in Rust `source` (escapes left as written); character
/// literals such as `'"'` are skipped so they do not open a string.
fn string_literals(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = source.chars().peekable();
    let mut prev = ' ';
    while let Some(c) = chars.next() {
        if c == '\'' && prev != '\\' {
            // A char literal: skip up to its closing quote (at most a few characters).
            let rest: String = chars.clone().take(12).collect();
            if let Some(end) = rest.find('\'')
                && end <= 10
            {
                for _ in 0..=end {
                    chars.next();
                }
                prev = '\'';
                continue;
            }
        }
        if c == '"' {
            let mut literal = String::new();
            let mut escaped = false;
            for d in chars.by_ref() {
                if escaped {
                    literal.push(d);
                    escaped = false;
                } else if d == '\\' {
                    literal.push(d);
                    escaped = true;
                } else if d == '"' {
                    break;
                } else {
                    literal.push(d);
                }
            }
            out.push(literal);
            prev = '"';
            continue;
        }
        prev = c;
    }
    out
}

/// Every string literal in `src/` that looks like a catalogue key of one of `groups`.
fn keys_in_code(groups: &BTreeSet<String>) -> BTreeSet<String> {
    fn walk(dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut sources = Vec::new();
    walk(Path::new("src"), &mut sources);
    let mut keys = BTreeSet::new();
    for source in sources {
        for literal in string_literals(&source) {
            let literal = literal.as_str();
            let is_key = literal.contains('.')
                && literal
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.');
            if is_key && groups.contains(literal.split('.').next().unwrap()) {
                keys.insert(literal.to_owned());
            }
        }
    }
    keys
}

#[test]
fn every_text_is_in_both_languages_with_the_same_placeholders() {
    for (key, (en, nl)) in catalogue() {
        assert_eq!(placeholders(&en), placeholders(&nl), "{key}");
    }
}

#[test]
fn every_key_the_code_uses_exists_and_every_key_is_used() {
    let catalogue = catalogue();
    let groups: BTreeSet<String> = catalogue
        .keys()
        .map(|k| k.split('.').next().unwrap().to_owned())
        .collect();
    let used = keys_in_code(&groups);
    let mut missing = Vec::new();
    for key in &used {
        let plural = catalogue.contains_key(&format!("{key}.one"))
            && catalogue.contains_key(&format!("{key}.other"));
        if !catalogue.contains_key(key) && !plural {
            missing.push(key.clone());
        }
    }
    assert!(
        missing.is_empty(),
        "keys used in code but not in locales/app.yml: {missing:?}"
    );
    let unused: Vec<&String> = catalogue
        .keys()
        .filter(|k| {
            let base = k
                .strip_suffix(".one")
                .or_else(|| k.strip_suffix(".other"))
                .unwrap_or(k);
            !used.contains(*k) && !used.contains(base)
        })
        .collect();
    assert!(
        unused.is_empty(),
        "keys in locales/app.yml no code uses: {unused:?}"
    );
}

#[test]
fn the_compiled_catalogue_speaks_both_languages() {
    for (key, (en, nl)) in catalogue() {
        let key: &'static str = Box::leak(key.into_boxed_str());
        assert_eq!(tr_in(Language::English, key), en);
        assert_eq!(tr_in(Language::Dutch, key), nl);
    }
}

#[test]
fn the_method_words_are_dutch() {
    let nl = |key| tr_in(Language::Dutch, key).into_owned();
    assert_eq!(nl("map_kind.journey"), "klantreis");
    assert_eq!(nl("inspector.stage"), "Fase");
    assert_eq!(nl("toolbox.touchpoint"), "Contactmoment");
    assert_eq!(nl("inspector.channel"), "Kanaal");
    assert_eq!(nl("toolbox.pain_point"), "Pijnpunt");
    assert_eq!(nl("toolbox.opportunity"), "Kans");
    assert_eq!(nl("inspector.owner"), "Eigenaar");
    assert_eq!(nl("inspector.moment_of_truth"), "Moment van de waarheid");
}
