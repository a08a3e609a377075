//! The analysis panel: the peak-end reading of each curve, the lowest moments, as-is against
//! to-be, and the checks. Every step, card and stage named in it is a link that selects it on
//! the canvas.

use crate::analysis::{Analysis, Lint, Step, Target, WeakEnd};
use crate::i18n::{tr, tr_args, tr_count};
use crate::model::{CurveId, CurveVariant, Map};

/// What the user clicked in the panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    Target(Target),
    Point(CurveId, usize),
}

fn link(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) -> bool {
    ui.link(text).clicked()
}

fn step_text(map: &Map, step: &Step) -> String {
    let score = map.scale.format(step.score, 1);
    if step.label.is_empty() {
        format!("{score} · {}", step.stage_name)
    } else {
        format!("{score} · {} ({})", step.stage_name, step.label)
    }
}

/// One lint item as a sentence in the interface language.
pub fn lint_text(map: &Map, lint: &Lint) -> String {
    lint.sentence(map, crate::i18n::language())
}

/// Shows the analysis of `map`; returns what the user picked to select.
pub fn analysis_ui(
    ui: &mut egui::Ui,
    map: &Map,
    analysis: &Analysis,
    curve_names: &dyn Fn(CurveId) -> String,
) -> Option<Pick> {
    let mut pick = None;
    ui.heading(tr("analysis.title"));
    ui.weak(tr("analysis.explain"));
    if analysis.curves.is_empty() {
        ui.label(tr("lint.no_curve"));
    }
    for c in &analysis.curves {
        ui.separator();
        ui.strong(curve_names(c.curve));
        let (Some(peak), Some(end), Some(remembered), Some(average)) =
            (&c.peak, &c.end, c.remembered, c.average)
        else {
            ui.weak(tr("analysis.no_steps"));
            continue;
        };
        egui::Grid::new(("analysis", c.curve.0))
            .num_columns(2)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                ui.label(tr("analysis.remembered"))
                    .on_hover_text(tr("analysis.remembered.tip"));
                ui.strong(map.scale.format(remembered, 1));
                ui.end_row();
                ui.label(tr("analysis.average"));
                ui.label(map.scale.format(average, 1));
                ui.end_row();
                ui.label(tr("analysis.peak"));
                if link(ui, step_text(map, peak)) {
                    pick = Some(Pick::Point(c.curve, peak.point));
                }
                ui.end_row();
                ui.label(tr("analysis.end"));
                if link(ui, step_text(map, end)) {
                    pick = Some(Pick::Point(c.curve, end.point));
                }
                ui.end_row();
            });
        if let Some(weak) = c.weak_end {
            let key = match weak {
                WeakEnd::BelowNeutral => "analysis.weak_end.neutral",
                WeakEnd::BelowAverage => "analysis.weak_end.average",
                WeakEnd::BelowNeutralAndAverage => "analysis.weak_end.both",
            };
            ui.colored_label(ui.visuals().warn_fg_color, tr(key));
        }
        if c.variant == CurveVariant::AsIs {
            ui.label(tr("analysis.lowest"));
            for low in &c.lowest {
                if link(ui, step_text(map, &low.step)) {
                    pick = Some(Pick::Point(c.curve, low.step.point));
                }
                ui.indent(("pains", c.curve.0, low.step.point), |ui| {
                    for id in &low.pain_points {
                        if let Some(card) = map.card(*id)
                            && link(ui, format!("• {}", card.title))
                        {
                            pick = Some(Pick::Target(Target::Card(*id)));
                        }
                    }
                });
            }
        }
    }
    for cmp in &analysis.comparisons {
        ui.separator();
        ui.strong(tr_args(
            "analysis.compare",
            &[
                ("as_is", &curve_names(cmp.as_is)),
                ("to_be", &curve_names(cmp.to_be)),
            ],
        ));
        let gain = |v: Option<f64>| v.map_or_else(|| "–".to_owned(), signed);
        egui::Grid::new(("compare", cmp.as_is.0))
            .num_columns(2)
            .show(ui, |ui| {
                for (key, value) in [
                    ("analysis.remembered", cmp.remembered_gain),
                    ("analysis.peak", cmp.peak_gain),
                    ("analysis.end", cmp.end_gain),
                ] {
                    ui.label(tr(key));
                    ui.label(gain(value));
                    ui.end_row();
                }
            });
        egui::Grid::new(("compare-stages", cmp.as_is.0))
            .num_columns(4)
            .striped(true)
            .show(ui, |ui| {
                ui.weak(tr("inspector.stage"));
                ui.weak(tr("curve.as_is"));
                ui.weak(tr("curve.to_be"));
                ui.weak("Δ");
                ui.end_row();
                for s in &cmp.stages {
                    let name = map.stage(s.stage).map_or("", |st| st.name.as_str());
                    if link(ui, name) {
                        pick = Some(Pick::Target(Target::Stage(s.stage)));
                    }
                    let score = |v: Option<f64>| {
                        v.map_or_else(|| "–".to_owned(), |v| map.scale.format(v, 1))
                    };
                    ui.label(score(s.as_is));
                    ui.label(score(s.to_be));
                    ui.label(gain(s.gain));
                    ui.end_row();
                }
            });
    }
    ui.separator();
    ui.strong(tr_count("analysis.checks", analysis.lint.len()));
    if analysis.lint.is_empty() {
        ui.weak(tr("analysis.checks_clean"));
    }
    for lint in &analysis.lint {
        if link(ui, lint_text(map, lint)) {
            pick = Some(Pick::Target(lint.target()));
        }
    }
    pick
}

fn signed(v: f64) -> String {
    crate::model::format_score(v, 1, true)
}
