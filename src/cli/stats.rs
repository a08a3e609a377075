//! `klantreis stats`: count what a project holds.

use std::path::Path;
use std::process::ExitCode;

use super::{err, load, out};
use crate::analysis::Stats;

pub(super) fn run(path: &Path, json: bool) -> ExitCode {
    let Some(loaded) = load(path) else {
        return ExitCode::FAILURE;
    };
    let s = Stats::of(&loaded.project);
    if json {
        match serde_json::to_string_pretty(&s) {
            Ok(text) => out(&text),
            Err(e) => {
                err(&format!("error: {e}"));
                return ExitCode::FAILURE;
            }
        }
    } else {
        out(&loaded.project.title);
        for (label, n) in [
            ("maps", s.maps),
            ("stages", s.stages),
            ("lanes", s.lanes),
            ("cards", s.cards),
            ("touchpoints", s.touchpoints),
            ("moments of truth", s.moments_of_truth),
            ("personas", s.personas),
            ("emotion curves", s.curves),
            ("curve points", s.curve_points),
            ("evidence", s.evidence),
            ("respondents", s.respondents),
            ("stakeholders", s.stakeholders),
            ("data sets", s.datasets),
            ("data values", s.data_values),
        ] {
            out(&format!("{label:>17}: {n}"));
        }
    }
    ExitCode::SUCCESS
}
