//! The data sets: where each comes from (file, sheet, columns, when it was read), its name and
//! unit, whether its values add up or average, and its values; read one again from its file.

use super::ResearchAnswer;
use crate::i18n::{self, tr, tr_args, tr_count};
use crate::layout::{display_date, format_number};
use crate::model::{DatasetId, Project};
use crate::ui::panels::merge_key;

/// Where a data set comes from: its map, its file and columns, when it was read, how many
/// values it has and their latest date.
fn source_ui(ui: &mut egui::Ui, d: &crate::model::Dataset, map: Option<&crate::model::Map>) {
    let lang = i18n::language();
    if let Some(map) = map {
        ui.weak(tr_args("research.on_map", &[("map", &map.title)]));
    }
    if let Some(import) = &d.import {
        let mut from = import.file.clone();
        if !import.sheet.is_empty() {
            let sheet = tr_args("metrics.sheet", &[("sheet", &import.sheet)]);
            from = format!("{from} · {sheet}");
        }
        let when = import.imported.replace('T', " ");
        ui.weak(tr_args(
            "research.imported_from",
            &[
                ("file", &from),
                ("key", &import.key_column),
                ("value", &import.value_column),
                ("when", &when.trim_end_matches('Z')),
            ],
        ));
    }
    ui.label(match d.latest_date().map(|x| display_date(x, lang)) {
        Some(date) => tr_args(
            "research.values_as_of",
            &[("count", &d.values.len()), ("date", &date)],
        ),
        None => tr_count("research.values", d.values.len()),
    });
}

fn dataset_ui(
    ui: &mut egui::Ui,
    project: &Project,
    d: &crate::model::Dataset,
    open: &mut Option<DatasetId>,
    answers: &mut Vec<ResearchAnswer>,
) {
    let mut draft = d.clone();
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            let name = ui.label(tr("research.dataset_name"));
            ui.add(
                egui::TextEdit::singleline(&mut draft.name)
                    .desired_width(200.0)
                    .id_salt(("dname", d.id.0)),
            )
            .labelled_by(name.id);
            let unit = ui.label(tr("research.unit"));
            ui.add(
                egui::TextEdit::singleline(&mut draft.unit)
                    .desired_width(100.0)
                    .id_salt(("unit", d.id.0)),
            )
            .labelled_by(unit.id);
            ui.checkbox(&mut draft.mean, tr("research.mean"))
                .on_hover_text(tr("research.mean.tip"));
        });
        ui.horizontal(|ui| {
            let source = ui.label(tr("research.source"));
            ui.add(
                egui::TextEdit::singleline(&mut draft.source)
                    .desired_width(300.0)
                    .id_salt(("dsource", d.id.0)),
            )
            .labelled_by(source.id);
        });
        let map = d.map.and_then(|m| project.map(m));
        source_ui(ui, d, map);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    d.import.is_some(),
                    egui::Button::new(tr("research.reimport")),
                )
                .on_disabled_hover_text(tr("research.reimport.typed"))
                .clicked()
            {
                answers.push(ResearchAnswer::Reimport(d.id));
            }
            let shown = *open == Some(d.id);
            if ui
                .selectable_label(shown, tr("research.show_values"))
                .clicked()
            {
                *open = if shown { None } else { Some(d.id) };
            }
            if ui.button(tr("research.delete_dataset")).clicked() {
                answers.push(ResearchAnswer::DeleteDataset(d.id));
            }
        });
        if *open == Some(d.id) {
            values_ui(ui, project, d, map);
        }
    });
    if draft != *d {
        answers.push(ResearchAnswer::ChangeDataset {
            dataset: Box::new(draft),
            merge: merge_key(ui, d.id.0),
        });
    }
}

/// The values as a table: where, label, date, value, source row.
fn values_ui(
    ui: &mut egui::Ui,
    _project: &Project,
    d: &crate::model::Dataset,
    map: Option<&crate::model::Map>,
) {
    const SHOWN: usize = 200;
    let lang = i18n::language();
    let place = |v: &crate::model::DataPoint| {
        let card = v.card.and_then(|c| map?.card(c)).map(|c| c.title.clone());
        let stage = v.stage.and_then(|s| map?.stage(s)).map(|s| s.name.clone());
        card.or(stage).unwrap_or_default()
    };
    egui::Grid::new(("values", d.id.0))
        .striped(true)
        .show(ui, |ui| {
            for key in [
                "research.where",
                "research.label",
                "research.date",
                "research.value",
                "research.row",
            ] {
                ui.strong(tr(key));
            }
            ui.end_row();
            for v in d.values.iter().take(SHOWN) {
                ui.label(place(v));
                ui.label(&v.label);
                ui.label(display_date(&v.date, lang));
                ui.label(format_number(v.value, lang));
                ui.weak(if v.row > 0 {
                    v.row.to_string()
                } else {
                    String::new()
                });
                ui.end_row();
            }
        });
    if d.values.len() > SHOWN {
        ui.weak(tr_args(
            "research.more_values",
            &[("count", &(d.values.len() - SHOWN))],
        ));
    }
}

/// Every data set, with the import button on top.
pub(super) fn ui(
    ui: &mut egui::Ui,
    project: &Project,
    open: &mut Option<DatasetId>,
    answers: &mut Vec<ResearchAnswer>,
) {
    ui.horizontal(|ui| {
        ui.heading(tr_count("research.datasets", project.datasets.len()));
        if ui.button(tr("research.import")).clicked() {
            answers.push(ResearchAnswer::ImportData);
        }
    });
    ui.weak(tr("research.data_hint"));
    egui::ScrollArea::vertical().show(ui, |ui| {
        for d in &project.datasets {
            dataset_ui(ui, project, d, open, answers);
        }
    });
}
