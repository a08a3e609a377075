//! The analysis put into words: the report that `klantreis analyze`, the analysis panel and the
//! Markdown export show, the checks as sentences, and the peak and end marks the painter writes
//! on the curves. [`analysis`](crate::analysis) computes from the model alone; this module says
//! it in a language.

pub mod actions;
mod analysis;
mod marks;
mod sentences;

pub use analysis::{
    ComparisonReport, CurveReport, Link, Linked, LowStep, Lowest, MapReport, Row, StageRow,
    map_report, plain_text,
};
pub use marks::{journey_badges, peak_end_marks};
pub use sentences::lint_sentence;
