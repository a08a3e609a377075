//! The analysis of a map as a report in words: the one source of the text that
//! `klantreis analyze` prints, the analysis panel shows (with its links) and the Markdown
//! export writes.

use super::lint_sentence;
use crate::analysis::{Analysis, Step, Target, WeakEnd};
use crate::i18n::{Language, tr_args_in, tr_in};
use crate::model::{CurveId, CurveVariant, Map, Project};

/// What a piece of the report points at on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    /// A step of a curve: the curve and the index in its points.
    Point(CurveId, usize),
    /// A card, a stage or the map.
    Target(Target),
}

/// Words, and what they point at (if anything).
#[derive(Clone, Debug, PartialEq)]
pub struct Linked {
    pub text: String,
    pub link: Option<Link>,
}

impl Linked {
    fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            link: None,
        }
    }

    fn to(text: impl Into<String>, link: Link) -> Self {
        Self {
            text: text.into(),
            link: Some(link),
        }
    }
}

/// A label and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: String,
    pub value: Linked,
    /// What the label means, for a tooltip.
    pub tip: Option<String>,
    /// The row that matters most (the remembered score).
    pub strong: bool,
}

/// The reading of one curve.
#[derive(Clone, Debug, PartialEq)]
pub struct CurveReport {
    pub curve: CurveId,
    pub name: String,
    /// Said instead of the rows when the curve has no scored step.
    pub no_steps: Option<String>,
    /// Remembered, average, peak and end.
    pub rows: Vec<Row>,
    pub weak_end: Option<String>,
    /// For an as-is curve: its lowest steps.
    pub lowest: Option<Lowest>,
}

/// The lowest steps of a curve, under a heading.
#[derive(Clone, Debug, PartialEq)]
pub struct Lowest {
    pub heading: String,
    pub steps: Vec<LowStep>,
}

/// A low step and the pain points noted in its stage.
#[derive(Clone, Debug, PartialEq)]
pub struct LowStep {
    pub step: Linked,
    /// The stage the step is in (where a missing pain point would go).
    pub stage: crate::model::StageId,
    pub pains: Vec<Linked>,
}

/// One stage of an as-is against to-be comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct StageRow {
    pub stage: Linked,
    pub as_is: String,
    pub to_be: String,
    pub gain: String,
}

/// A persona's as-is curve against its to-be curve.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonReport {
    pub curve: CurveId,
    pub heading: String,
    /// The gains in remembered score, peak and end.
    pub gains: Vec<(String, String)>,
    /// Stage, as-is, to-be, Δ.
    pub columns: [String; 4],
    pub stages: Vec<StageRow>,
}

/// The moments of truth, under a heading; each names its card and links to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Moments {
    pub heading: String,
    pub rows: Vec<Linked>,
}

/// The analysis of one map, in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct MapReport {
    pub title: String,
    pub scale: String,
    /// What the peak-end rule says.
    pub explain: String,
    /// Said when the map has no curve.
    pub no_curve: Option<String>,
    pub curves: Vec<CurveReport>,
    pub comparisons: Vec<ComparisonReport>,
    /// The moments of truth with their scores, owners and reasons (none: `None`).
    pub moments: Option<Moments>,
    /// "3 checks".
    pub checks: String,
    /// Said when nothing is missing.
    pub clean: Option<String>,
    pub lint: Vec<Linked>,
    /// What still asks for an action, and what the done ones did.
    pub actions: super::actions::ActionsReport,
}

/// Builds the report on `map` from its `analysis`, in `lang`, scores with `decimals` places.
pub fn map_report(
    project: &Project,
    map: &Map,
    analysis: &Analysis,
    lang: Language,
    decimals: i32,
) -> MapReport {
    let t = |key: &'static str| tr_in(lang, key).into_owned();
    let places = usize::try_from(decimals).unwrap_or(1);
    let score = |v: f64| crate::i18n::score(map.scale, v, places, lang);
    let gain = |v: Option<f64>| {
        v.map_or_else(
            || "–".to_owned(),
            |v| crate::i18n::number(v, places, true, lang),
        )
    };
    let name = |id: CurveId| {
        map.curves
            .iter()
            .find(|c| c.id == id)
            .map_or_else(String::new, |c| crate::layout::curve_name(project, c))
    };
    let step = |curve: CurveId, s: &Step| {
        let text = if s.label.is_empty() {
            format!("{} · {}", score(s.score), s.stage_name)
        } else {
            format!("{} · {} ({})", score(s.score), s.stage_name, s.label)
        };
        Linked::to(text, Link::Point(curve, s.point))
    };
    let curves = analysis
        .curves
        .iter()
        .map(|c| {
            let mut report = CurveReport {
                curve: c.curve,
                name: name(c.curve),
                no_steps: None,
                rows: Vec::new(),
                weak_end: None,
                lowest: None,
            };
            let (Some(peak), Some(end), Some(remembered), Some(average)) =
                (&c.peak, &c.end, c.remembered, c.average)
            else {
                report.no_steps = Some(t("analysis.no_steps"));
                return report;
            };
            let row = |key: &'static str, value: Linked| Row {
                label: t(key),
                value,
                tip: None,
                strong: false,
            };
            report.rows = vec![
                Row {
                    tip: Some(t("analysis.remembered.tip")),
                    strong: true,
                    ..row("analysis.remembered", Linked::plain(score(remembered)))
                },
                row("analysis.average", Linked::plain(score(average))),
                row("analysis.peak", step(c.curve, peak)),
                row("analysis.end", step(c.curve, end)),
            ];
            report.weak_end = c.weak_end.map(|weak| {
                t(match weak {
                    WeakEnd::BelowNeutral => "analysis.weak_end.neutral",
                    WeakEnd::BelowAverage => "analysis.weak_end.average",
                    WeakEnd::BelowNeutralAndAverage => "analysis.weak_end.both",
                })
            });
            if c.variant == CurveVariant::AsIs {
                let lows = c
                    .lowest
                    .iter()
                    .map(|low| {
                        let pains = low
                            .pain_points
                            .iter()
                            .filter_map(|id| map.card(*id))
                            .map(|card| {
                                Linked::to(card.title.clone(), Link::Target(Target::Card(card.id)))
                            })
                            .collect();
                        LowStep {
                            step: step(c.curve, &low.step),
                            stage: low.step.stage,
                            pains,
                        }
                    })
                    .collect();
                report.lowest = Some(Lowest {
                    heading: t("analysis.lowest"),
                    steps: lows,
                });
            }
            report
        })
        .collect();
    let comparisons = analysis
        .comparisons
        .iter()
        .map(|cmp| ComparisonReport {
            curve: cmp.as_is,
            heading: tr_args_in(
                lang,
                "analysis.compare",
                &[("as_is", &name(cmp.as_is)), ("to_be", &name(cmp.to_be))],
            ),
            gains: vec![
                (t("analysis.remembered"), gain(cmp.remembered_gain)),
                (t("analysis.peak"), gain(cmp.peak_gain)),
                (t("analysis.end"), gain(cmp.end_gain)),
            ],
            columns: [
                t("inspector.stage"),
                t("curve.as_is"),
                t("curve.to_be"),
                "Δ".to_owned(),
            ],
            stages: cmp
                .stages
                .iter()
                .map(|s| {
                    let stage = map.stage(s.stage).map_or("", |st| st.name.as_str());
                    let dash = |v: Option<f64>| v.map_or_else(|| "–".to_owned(), score);
                    StageRow {
                        stage: Linked::to(stage, Link::Target(Target::Stage(s.stage))),
                        as_is: dash(s.as_is),
                        to_be: dash(s.to_be),
                        gain: gain(s.gain),
                    }
                })
                .collect(),
        })
        .collect();
    let moments = (!analysis.moments.is_empty()).then(|| Moments {
        heading: t("analysis.moments"),
        rows: analysis
            .moments
            .iter()
            .filter_map(|m| {
                let card = map.card(m.card)?;
                let stage = map.stage(m.stage).map_or("", |s| s.name.as_str());
                let felt = m
                    .step
                    .map_or_else(|| t("analysis.moment.unscored"), |(_, _, v)| score(v));
                let owner = if card.owner.trim().is_empty() {
                    t("analysis.moment.no_owner")
                } else {
                    card.owner.clone()
                };
                let reason = card
                    .moment_of_truth
                    .as_ref()
                    .map(|mot| mot.reason.trim())
                    .filter(|r| !r.is_empty())
                    .map_or_else(String::new, |r| format!(" — {r}"));
                Some(Linked::to(
                    format!("{} · {stage}: {felt} · {owner}{reason}", card.title),
                    Link::Target(Target::Card(card.id)),
                ))
            })
            .collect(),
    });
    let count = analysis.lint.len();
    let checks_key = if count == 1 {
        "analysis.checks.one"
    } else {
        "analysis.checks.other"
    };
    MapReport {
        title: map.title.clone(),
        scale: crate::i18n::scale_label(map.scale, lang),
        explain: t("analysis.explain"),
        no_curve: analysis.curves.is_empty().then(|| t("lint.no_curve")),
        curves,
        comparisons,
        moments,
        checks: tr_args_in(lang, checks_key, &[("count", &count)]),
        clean: analysis.lint.is_empty().then(|| t("analysis.checks_clean")),
        lint: analysis
            .lint
            .iter()
            .map(|l| Linked::to(lint_sentence(l, map, lang), Link::Target(l.target())))
            .collect(),
        actions: super::actions::map_actions(
            project,
            map,
            analysis,
            lang,
            crate::model::time::now_rfc3339()
                .get(..10)
                .unwrap_or_default(),
        ),
    }
}

/// The report as plain text, as `klantreis analyze` prints it.
pub fn plain_text(map: &Map, report: &MapReport) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Map {:?} ({}), scale {}",
        report.title, map.id, report.scale
    );
    if let Some(none) = &report.no_curve {
        let _ = writeln!(out, "  {none}");
    }
    for c in &report.curves {
        let _ = writeln!(out, "  {}", c.name);
        if let Some(none) = &c.no_steps {
            let _ = writeln!(out, "    {none}");
        }
        for row in &c.rows {
            let label = format!("{}:", row.label);
            let _ = writeln!(out, "    {label:<13}{}", row.value.text);
        }
        if let Some(weak) = &c.weak_end {
            let _ = writeln!(out, "    {weak}");
        }
        if let Some(lowest) = &c.lowest {
            let _ = writeln!(out, "    {}:", lowest.heading);
            for low in &lowest.steps {
                let _ = writeln!(out, "      {}", low.step.text);
                for pain in &low.pains {
                    let _ = writeln!(out, "        • {}", pain.text);
                }
            }
        }
    }
    if let Some(moments) = &report.moments {
        let _ = writeln!(out, "  {}:", moments.heading);
        for m in &moments.rows {
            let _ = writeln!(out, "    {}", m.text);
        }
    }
    for cmp in &report.comparisons {
        let _ = writeln!(out, "  {}", cmp.heading);
        for (label, gain) in &cmp.gains {
            let label = format!("{label}:");
            let _ = writeln!(out, "    {label:<13}{gain}");
        }
        let [stage, as_is, to_be, delta] = &cmp.columns;
        let _ = writeln!(out, "    {stage:<28} {as_is:>8} {to_be:>8} {delta:>6}");
        for s in &cmp.stages {
            let _ = writeln!(
                out,
                "    {:<28} {:>8} {:>8} {:>6}",
                s.stage.text, s.as_is, s.to_be, s.gain
            );
        }
    }
    let _ = writeln!(out, "  {}", report.checks);
    if let Some(clean) = &report.clean {
        let _ = writeln!(out, "    {clean}");
    }
    for l in &report.lint {
        let _ = writeln!(out, "    - {}", l.text);
    }
    if !report.actions.is_empty() {
        let _ = writeln!(out, "  {}:", report.actions.heading);
        for l in &report.actions.follow_ups {
            let _ = writeln!(out, "    - {}", l.text);
        }
        for e in &report.actions.effects {
            let _ = writeln!(out, "    • {e}");
        }
    }
    out
}
