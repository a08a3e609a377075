//! The inspector's links to research: the evidence behind a card or stage, the data sets a
//! metrics lane shows, and the score an emotion curve follows.

use crate::analysis::evidence::strength;
use crate::i18n::{self, tr, tr_count_in};
use crate::layout::shown_datasets;
use crate::model::{CurveData, EmotionCurve, EvidenceId, Lane, Map, Project};
use crate::ui::research::evidence_label;

/// The evidence linked to a card or stage: how strong it is, each piece with a way to unlink
/// it, and a menu to link another.
pub fn evidence_links_ui(ui: &mut egui::Ui, project: &Project, links: &mut Vec<EvidenceId>) {
    ui.add_space(4.0);
    ui.strong(tr("inspector.evidence"));
    let s = strength(project, links);
    let lang = i18n::language();
    if s.is_empty() {
        ui.weak(tr("inspector.no_evidence"));
    } else if s.respondents > 0 && s.of > 0 {
        ui.label(tr_count_in(
            lang,
            "evidence.respondents_of",
            s.of,
            &[("n", &s.respondents)],
        ));
    } else if s.respondents > 0 {
        ui.label(tr_count_in(
            lang,
            "evidence.respondents",
            s.respondents,
            &[],
        ));
    }
    let mut remove = None;
    for (i, id) in links.iter().enumerate() {
        let Some(e) = project.evidence(*id) else {
            continue;
        };
        ui.horizontal(|ui| {
            if ui
                .small_button("×")
                .on_hover_text(tr("inspector.unlink_evidence"))
                .clicked()
            {
                remove = Some(i);
            }
            // Cut to the panel's width: a long quote must not widen the inspector.
            ui.add(egui::Label::new(format!("“{}”", evidence_label(e))).truncate())
                .on_hover_text(&e.text);
        });
    }
    if let Some(i) = remove {
        links.remove(i);
    }
    let free: Vec<_> = project
        .evidence
        .iter()
        .filter(|e| !links.contains(&e.id))
        .collect();
    if project.evidence.is_empty() {
        ui.weak(tr("inspector.evidence_hint"));
        return;
    }
    let name = ui.label(tr("inspector.link_evidence"));
    let mut picked = None;
    egui::ComboBox::from_id_salt("inspector.link_evidence")
        .selected_text(tr("inspector.link_evidence_choose"))
        .width(ui.available_width())
        .height(480.0)
        .show_ui(ui, |ui| {
            for e in &free {
                if ui.selectable_label(false, evidence_label(e)).clicked() {
                    picked = Some(e.id);
                }
            }
        })
        .response
        .labelled_by(name.id);
    if let Some(id) = picked {
        links.push(id);
    }
}

/// A metrics lane's data sets: every data set of the map, ticked when the lane shows it.
pub fn lane_datasets_ui(ui: &mut egui::Ui, project: &Project, map: &Map, lane: &mut Lane) {
    let of_map: Vec<_> = project
        .datasets
        .iter()
        .filter(|d| d.map == Some(map.id))
        .collect();
    ui.strong(tr("inspector.lane_datasets"));
    if of_map.is_empty() {
        ui.weak(tr("inspector.lane_datasets_none"));
        return;
    }
    let shown: Vec<_> = shown_datasets(project, map, lane)
        .iter()
        .map(|d| d.id)
        .collect();
    for d in of_map {
        let mut on = shown.contains(&d.id);
        if ui.checkbox(&mut on, &d.name).changed() {
            // From "all of them" to a list of its own, in the data sets' order.
            let mut list = shown.clone();
            if on {
                list.push(d.id);
            } else {
                list.retain(|x| *x != d.id);
            }
            lane.datasets = project
                .datasets
                .iter()
                .filter(|x| list.contains(&x.id))
                .map(|x| x.id)
                .collect();
        }
    }
}

/// Which data set's score an emotion curve follows, and how it maps onto the scale.
pub fn curve_data_ui(ui: &mut egui::Ui, project: &Project, map: &Map, curve: &mut EmotionCurve) {
    let of_map: Vec<_> = project
        .datasets
        .iter()
        .filter(|d| d.map == Some(map.id))
        .collect();
    if of_map.is_empty() && curve.data.is_none() {
        return;
    }
    let shown = curve
        .data
        .and_then(|d| project.dataset(d.dataset))
        .map_or_else(
            || tr("inspector.curve_by_hand").into_owned(),
            |d| d.name.clone(),
        );
    ui.horizontal(|ui| {
        let label = ui.label(tr("inspector.curve_data"));
        egui::ComboBox::from_id_salt("curve-data")
            .selected_text(shown)
            .width(140.0)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(curve.data.is_none(), tr("inspector.curve_by_hand"))
                    .clicked()
                {
                    curve.data = None;
                }
                for d in &of_map {
                    let on = curve.data.is_some_and(|x| x.dataset == d.id);
                    if ui.selectable_label(on, &d.name).clicked() && !on {
                        // A first guess at the range: 1..5 for scores that fit it, else the
                        // values' own range.
                        let (lo, hi) = d
                            .values
                            .iter()
                            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                                (lo.min(v.value), hi.max(v.value))
                            });
                        let (low, high) = if lo >= 1.0 && hi <= 5.0 {
                            (1.0, 5.0)
                        } else if lo >= 0.0 && hi <= 10.0 {
                            (0.0, 10.0)
                        } else if lo >= -100.0 && hi <= 100.0 && lo < 0.0 {
                            (-100.0, 100.0)
                        } else {
                            (lo.min(hi - 1.0), hi)
                        };
                        curve.data = Some(CurveData {
                            dataset: d.id,
                            low,
                            high,
                        });
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    if let Some(data) = &mut curve.data {
        ui.horizontal(|ui| {
            // "−2 = 1.0   +2 = 5.0": which value lands on the scale's bottom and top.
            let scale = map.scale;
            let lang = crate::i18n::language();
            let bottom = ui.label(format!(
                "{} =",
                crate::i18n::score(scale, scale.min(), 1, lang)
            ));
            ui.add(egui::DragValue::new(&mut data.low).speed(0.1))
                .labelled_by(bottom.id);
            let top = ui.label(format!(
                "{} =",
                crate::i18n::score(scale, scale.max(), 1, lang)
            ));
            ui.add(egui::DragValue::new(&mut data.high).speed(0.1))
                .labelled_by(top.id);
        });
        if (data.high - data.low).abs() < f64::EPSILON {
            data.high = data.low + 1.0;
        }
        ui.weak(tr("inspector.curve_data_hint"));
    }
}
