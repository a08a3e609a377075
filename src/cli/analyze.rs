//! `klantreis analyze`: the peak-end reading of each curve and the checks, as the report
//! builder words them (in English), or as JSON.

use std::path::Path;
use std::process::ExitCode;

use super::{err, find_map, load, no_such_map, out};
use crate::analysis::{self, Analysis, Lint};
use crate::i18n::Language;
use crate::model::Map;
use crate::report;

/// Analyses the maps of the project at `path` (or the one `map` names) and prints the result.
pub(super) fn run(path: &Path, map: Option<&str>, json: bool) -> ExitCode {
    let Some(loaded) = load(path) else {
        return ExitCode::FAILURE;
    };
    let project = &loaded.project;
    let maps: Vec<&Map> = if let Some(query) = map {
        let Some(m) = find_map(project, query) else {
            err(&format!("error: {}", no_such_map(project, query, path)));
            return ExitCode::FAILURE;
        };
        vec![m]
    } else {
        project.maps.iter().collect()
    };
    if maps.is_empty() {
        err(&format!(
            "error: {} has no maps, so there is nothing to analyse; add a map in the editor",
            path.display()
        ));
        return ExitCode::FAILURE;
    }
    let analyses: Vec<(&Map, Analysis)> = maps
        .into_iter()
        .map(|m| (m, analysis::analyse(project, m)))
        .collect();
    if json {
        return match serde_json::to_string_pretty(&as_json(&analyses)) {
            Ok(text) => {
                out(&text);
                ExitCode::SUCCESS
            }
            Err(e) => {
                err(&format!("error: {e}"));
                ExitCode::FAILURE
            }
        };
    }
    for (m, a) in &analyses {
        let r = report::map_report(project, m, a, Language::English, 2);
        out(report::plain_text(m, &r).trim_end());
    }
    ExitCode::SUCCESS
}

/// The analyses as JSON: every field of the analysis, each check with its sentence.
fn as_json(analyses: &[(&Map, Analysis)]) -> serde_json::Value {
    #[derive(serde::Serialize)]
    struct LintOut<'a> {
        #[serde(flatten)]
        lint: &'a Lint,
        message: String,
    }
    #[derive(serde::Serialize)]
    struct MapOut<'a> {
        #[serde(flatten)]
        analysis: &'a Analysis,
        #[serde(rename = "lint")]
        lint_out: Vec<LintOut<'a>>,
    }
    let maps: Vec<serde_json::Value> = analyses
        .iter()
        .map(|(m, a)| {
            let mut value = serde_json::to_value(MapOut {
                analysis: a,
                lint_out: a
                    .lint
                    .iter()
                    .map(|l| LintOut {
                        lint: l,
                        message: report::lint_sentence(l, m, Language::English),
                    })
                    .collect(),
            })
            .unwrap_or_default();
            if let Some(o) = value.as_object_mut() {
                o.insert("map".to_owned(), serde_json::json!(m.id.to_string()));
            }
            value
        })
        .collect();
    serde_json::json!({ "maps": maps })
}
