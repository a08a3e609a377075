//! The analysis panel: the report builder's reading of the map (the peak-end reading of each
//! curve, the lowest moments, as-is against to-be, the checks, what still asks for an action
//! and what the done ones did), in the interface language.
//! Every step, card and stage named in it is a link that selects it on the canvas.

use crate::report::{Link, Linked, MapReport};

fn link(ui: &mut egui::Ui, item: &Linked, pick: &mut Option<Link>) {
    if ui.link(&item.text).clicked() {
        *pick = item.link;
    }
}

/// Shows `report`; returns what the user picked to select.
/// What the analysis panel asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnalysisAnswer {
    /// Select this on the map.
    Pick(Link),
    /// A low step has no pain point: add one in its stage.
    AddPainPoint(crate::model::StageId),
    /// A pain point or low moment has no action: make one for it.
    MakeAction(crate::analysis::Target),
}

/// The analysis; `pain_lane` says whether the map has a lane for pain points (a low step
/// without one is offered a new card there).
pub fn analysis_ui(
    ui: &mut egui::Ui,
    report: &MapReport,
    pain_lane: bool,
) -> Option<AnalysisAnswer> {
    let mut add = None;
    let mut make = None;
    let pick = report_ui(ui, report, pain_lane, (&mut add, &mut make));
    add.map(AnalysisAnswer::AddPainPoint)
        .or(make.map(AnalysisAnswer::MakeAction))
        .or(pick.map(AnalysisAnswer::Pick))
}

fn report_ui(
    ui: &mut egui::Ui,
    report: &MapReport,
    pain_lane: bool,
    (add, make): (
        &mut Option<crate::model::StageId>,
        &mut Option<crate::analysis::Target>,
    ),
) -> Option<Link> {
    let mut pick = None;
    ui.heading(crate::i18n::tr("analysis.title"));
    ui.weak(&report.explain);
    if let Some(none) = &report.no_curve {
        ui.label(none);
    }
    for c in &report.curves {
        ui.separator();
        ui.strong(&c.name);
        if let Some(none) = &c.no_steps {
            ui.weak(none);
            continue;
        }
        egui::Grid::new(("analysis", c.curve.0))
            .num_columns(2)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                for row in &c.rows {
                    let label = ui.label(&row.label);
                    if let Some(tip) = &row.tip {
                        label.on_hover_text(tip);
                    }
                    if row.value.link.is_some() {
                        link(ui, &row.value, &mut pick);
                    } else if row.strong {
                        ui.strong(&row.value.text);
                    } else {
                        ui.label(&row.value.text);
                    }
                    ui.end_row();
                }
            });
        if let Some(weak) = &c.weak_end {
            ui.colored_label(ui.visuals().warn_fg_color, weak);
        }
        if let Some(lowest) = &c.lowest {
            ui.label(&lowest.heading);
            for low in &lowest.steps {
                link(ui, &low.step, &mut pick);
                let Some(Link::Point(_, point)) = low.step.link else {
                    continue;
                };
                ui.indent(("pains", c.curve.0, point), |ui| {
                    for pain in &low.pains {
                        if ui.link(format!("• {}", pain.text)).clicked() {
                            pick = pain.link;
                        }
                    }
                    if low.pains.is_empty()
                        && pain_lane
                        && ui
                            .small_button(crate::i18n::tr("analysis.add_pain_point"))
                            .on_hover_text(crate::i18n::tr("analysis.add_pain_point.tip"))
                            .clicked()
                    {
                        *add = Some(low.stage);
                    }
                });
            }
        }
    }
    if let Some(moments) = &report.moments {
        ui.separator();
        ui.strong(&moments.heading);
        for m in &moments.rows {
            link(ui, m, &mut pick);
        }
    }
    for cmp in &report.comparisons {
        ui.separator();
        ui.strong(&cmp.heading);
        egui::Grid::new(("compare", cmp.curve.0))
            .num_columns(2)
            .show(ui, |ui| {
                for (label, gain) in &cmp.gains {
                    ui.label(label);
                    ui.label(gain);
                    ui.end_row();
                }
            });
        egui::Grid::new(("compare-stages", cmp.curve.0))
            .num_columns(4)
            .striped(true)
            .show(ui, |ui| {
                for column in &cmp.columns {
                    ui.weak(column);
                }
                ui.end_row();
                for s in &cmp.stages {
                    link(ui, &s.stage, &mut pick);
                    ui.label(&s.as_is);
                    ui.label(&s.to_be);
                    ui.label(&s.gain);
                    ui.end_row();
                }
            });
    }
    ui.separator();
    ui.strong(&report.checks);
    if let Some(clean) = &report.clean {
        ui.weak(clean);
    }
    for lint in &report.lint {
        link(ui, lint, &mut pick);
    }
    if !report.actions.is_empty() {
        ui.separator();
        ui.strong(&report.actions.heading);
        for item in &report.actions.follow_ups {
            let wanting = match item.link {
                Some(Link::Target(t)) if report.actions.wanting.contains(&t) => Some(t),
                _ => None,
            };
            if item.link.is_some() {
                link(ui, item, &mut pick);
            } else {
                ui.label(&item.text);
            }
            if let Some(target) = wanting
                && ui
                    .small_button(crate::i18n::tr("cmd.make_action"))
                    .on_hover_text(crate::i18n::tr("cmd.make_action.tip"))
                    .clicked()
            {
                *make = Some(target);
            }
        }
        for effect in &report.actions.effects {
            ui.label(format!("• {effect}"));
        }
    }
    pick
}
