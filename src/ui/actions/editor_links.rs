//! The parts of the action editor that point elsewhere: the cards and stages an action
//! addresses (or an opportunity was seen on), each shown on its map by a click, and the measure
//! the action should move.

use super::ActionAnswer;
use super::editor::MeasureKind;
use crate::i18n::{self, tr};
use crate::model::{Action, CardId, MapId, Measure, Opportunity, Project, StageId};

/// A link to a card: its title and stage.
fn card_words(project: &Project, id: CardId) -> Option<String> {
    let (map, card) = project.find_card(id)?;
    let stage = map.stage(card.stage).map_or("", |s| s.name.as_str());
    Some(format!("“{}” ({})", card.title.trim(), stage.trim()))
}

fn stage_words(project: &Project, id: StageId) -> Option<String> {
    let (_, stage) = project.find_stage(id)?;
    Some(crate::i18n::tr_args(
        "research.stage_named",
        &[("name", &stage.name.trim())],
    ))
}

/// The linked cards and stages, each a link to it and a button that takes it off; returns
/// what was taken off.
fn linked_rows(
    ui: &mut egui::Ui,
    project: &Project,
    (cards, stages): (&[CardId], &[StageId]),
    answers: &mut Vec<ActionAnswer>,
) -> (Option<CardId>, Option<StageId>) {
    /// One link: a card or a stage.
    #[derive(Clone, Copy)]
    enum Linked {
        Card(CardId),
        Stage(StageId),
    }
    let rows = cards
        .iter()
        .filter_map(|&id| Some((card_words(project, id)?, Linked::Card(id))))
        .chain(
            stages
                .iter()
                .filter_map(|&id| Some((stage_words(project, id)?, Linked::Stage(id)))),
        );
    let mut removed = (None, None);
    for (words, linked) in rows {
        ui.horizontal_wrapped(|ui| {
            let unlink = ui
                .small_button("×")
                .on_hover_text(tr("actions.unlink"))
                .clicked();
            let show = ui
                .link(&words)
                .on_hover_text(tr("actions.show_on_map"))
                .clicked();
            match linked {
                Linked::Card(id) if unlink => removed.0 = Some(id),
                Linked::Stage(id) if unlink => removed.1 = Some(id),
                Linked::Card(id) if show => answers.push(ActionAnswer::ShowCard(id)),
                Linked::Stage(id) if show => answers.push(ActionAnswer::ShowStage(id)),
                _ => {}
            }
        });
    }
    removed
}

/// What the action addresses, and a choice of the map's stages and cards to add.
pub(super) fn links_ui(
    ui: &mut egui::Ui,
    project: &Project,
    action: &Action,
    map: Option<MapId>,
    answers: &mut Vec<ActionAnswer>,
) {
    ui.strong(tr("actions.addresses"));
    if action.cards.is_empty() && action.stages.is_empty() {
        ui.weak(tr("actions.addresses_none"));
    }
    let mut changed = action.clone();
    match linked_rows(ui, project, (&action.cards, &action.stages), answers) {
        (Some(card), _) => changed.cards.retain(|c| *c != card),
        (_, Some(stage)) => changed.stages.retain(|s| *s != stage),
        _ => {}
    }
    if let Some(map) = map.and_then(|id| project.map(id)) {
        let label = ui.label(tr("actions.address_more"));
        egui::ComboBox::from_id_salt("act-address")
            .selected_text(tr("actions.choose"))
            .width(ui.available_width())
            .height(420.0)
            .show_ui(ui, |ui| {
                for stage in &map.stages {
                    if !action.stages.contains(&stage.id)
                        && ui
                            .selectable_label(false, format!("▸ {}", stage.name.trim()))
                            .clicked()
                    {
                        changed.stages.push(stage.id);
                    }
                    for card in map.cards.iter().filter(|c| c.stage == stage.id) {
                        if !action.cards.contains(&card.id)
                            && !card.title.trim().is_empty()
                            && ui
                                .selectable_label(false, format!("    {}", card.title.trim()))
                                .clicked()
                        {
                            changed.cards.push(card.id);
                        }
                    }
                }
            })
            .response
            .labelled_by(label.id);
    }
    if changed != *action {
        answers.push(ActionAnswer::Change {
            action: Box::new(changed),
            merge: None,
        });
    }
}

/// Where an opportunity was seen, each a link to it and a button that takes it off.
pub(super) fn seen_on_ui(
    ui: &mut egui::Ui,
    project: &Project,
    opportunity: &Opportunity,
    answers: &mut Vec<ActionAnswer>,
) {
    ui.strong(tr("actions.seen_on"));
    if opportunity.cards.is_empty() && opportunity.stages.is_empty() {
        ui.weak(tr("actions.addresses_none"));
    }
    let mut changed = opportunity.clone();
    match linked_rows(
        ui,
        project,
        (&opportunity.cards, &opportunity.stages),
        answers,
    ) {
        (Some(card), _) => changed.cards.retain(|c| *c != card),
        (_, Some(stage)) => changed.stages.retain(|s| *s != stage),
        _ => {}
    }
    if changed != *opportunity {
        answers.push(ActionAnswer::ChangeOpportunity {
            opportunity: Box::new(changed),
            merge: None,
        });
    }
}

/// The figure the action should move: none, a data set's figure (on a stage of its map, or the
/// whole set) by a percentage, or a curve's remembered score by points.
pub(super) fn measure_ui(
    ui: &mut egui::Ui,
    project: &Project,
    action: &Action,
    map: Option<MapId>,
    answers: &mut Vec<ActionAnswer>,
) {
    let lang = i18n::language();
    ui.strong(tr("actions.measure"));
    let mut measure = action.measure.clone();
    let curve_map = match &measure {
        Some(Measure::Remembered { map, .. }) => Some(*map),
        _ => map,
    }
    .and_then(|id| project.map(id))
    .filter(|m| !m.curves.is_empty());
    measure_kind_ui(ui, project, &mut measure, curve_map);
    match &mut measure {
        Some(Measure::Data {
            dataset,
            stage,
            card,
            percent,
        }) => data_measure_ui(ui, project, map, (dataset, stage, card), percent),
        Some(Measure::Remembered { map, curve, points }) => {
            remembered_measure_ui(ui, project, *map, (curve, points));
        }
        None => {}
    }
    if let Some(m) = &measure {
        ui.weak(crate::report::actions::measure_words(project, m, lang));
    }
    if measure != action.measure {
        let mut changed = action.clone();
        changed.measure = measure;
        answers.push(ActionAnswer::Change {
            action: Box::new(changed),
            // A target dragged is one step, not one per frame.
            merge: Some(action.id.0 ^ 0x6d65_6173),
        });
    }
}

/// The kind of measure: none, a data set's figure (offered once there is a data set) or a
/// curve's remembered score (once the map has a curve); a new one starts at a sensible target.
fn measure_kind_ui(
    ui: &mut egui::Ui,
    project: &Project,
    measure: &mut Option<Measure>,
    curve_map: Option<&crate::model::Map>,
) {
    let kind = MeasureKind::of(measure.as_ref());
    let kind_name = |k| match k {
        MeasureKind::None => tr("actions.measure.none"),
        MeasureKind::Data => tr("actions.measure.data"),
        MeasureKind::Remembered => tr("actions.measure.remembered"),
    };
    let label = ui.label(tr("actions.measure.kind"));
    egui::ComboBox::from_id_salt("act-measure-kind")
        .selected_text(kind_name(kind))
        .width(ui.available_width())
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(kind == MeasureKind::None, kind_name(MeasureKind::None))
                .clicked()
            {
                *measure = None;
            }
            let data = ui.add_enabled(
                !project.datasets.is_empty(),
                egui::Button::selectable(kind == MeasureKind::Data, kind_name(MeasureKind::Data)),
            );
            if data.clicked() && kind != MeasureKind::Data {
                *measure = project.datasets.first().map(|d| Measure::Data {
                    dataset: d.id,
                    stage: None,
                    card: None,
                    percent: -10.0,
                });
            }
            data.on_disabled_hover_text(tr("actions.measure.no_data"));
            let remembered = ui.add_enabled(
                curve_map.is_some(),
                egui::Button::selectable(
                    kind == MeasureKind::Remembered,
                    kind_name(MeasureKind::Remembered),
                ),
            );
            if remembered.clicked()
                && kind != MeasureKind::Remembered
                && let Some(m) = curve_map
            {
                *measure = Some(Measure::Remembered {
                    map: m.id,
                    curve: m.curves[0].id,
                    points: 1.0,
                });
            }
            remembered.on_disabled_hover_text(tr("actions.measure.no_curve"));
        })
        .response
        .labelled_by(label.id);
}

/// A curve's remembered score: which curve of the map, and the points up or down aimed for.
fn remembered_measure_ui(
    ui: &mut egui::Ui,
    project: &Project,
    map: MapId,
    (curve, points): (&mut crate::model::CurveId, &mut f64),
) {
    if let Some(m) = project.map(map) {
        let label = ui.label(tr("actions.measure.curve"));
        egui::ComboBox::from_id_salt("act-measure-curve")
            .selected_text(
                m.curves
                    .iter()
                    .find(|c| c.id == *curve)
                    .map(|c| crate::layout::curve_name(project, c))
                    .unwrap_or_default(),
            )
            .width(ui.available_width())
            .show_ui(ui, |ui| {
                for c in &m.curves {
                    ui.selectable_value(curve, c.id, crate::layout::curve_name(project, c));
                }
            })
            .response
            .labelled_by(label.id);
    }
    ui.add(
        signed(egui::DragValue::new(points).range(-10.0..=10.0).speed(0.1))
            .prefix(tr("actions.measure.points")),
    );
}

/// A data set's figure: which set, where on its map, and the change aimed for in percent.
fn data_measure_ui(
    ui: &mut egui::Ui,
    project: &Project,
    map: Option<MapId>,
    (dataset, stage, card): (
        &mut crate::model::DatasetId,
        &mut Option<StageId>,
        &mut Option<CardId>,
    ),
    percent: &mut f64,
) {
    let name = |id| {
        project
            .dataset(id)
            .map_or_else(String::new, |d| d.name.clone())
    };
    let label = ui.label(tr("actions.measure.dataset"));
    let before = *dataset;
    egui::ComboBox::from_id_salt("act-measure-dataset")
        .selected_text(name(*dataset))
        .width(ui.available_width())
        .show_ui(ui, |ui| {
            for d in &project.datasets {
                ui.selectable_value(dataset, d.id, &d.name);
            }
        })
        .response
        .labelled_by(label.id);
    if *dataset != before {
        *stage = None;
        *card = None;
    }
    let on_map = project
        .dataset(*dataset)
        .and_then(|d| d.map)
        .or(map)
        .and_then(|id| project.map(id));
    if let Some(m) = on_map {
        let label = ui.label(tr("actions.measure.where"));
        let place = stage.and_then(|s| m.stage(s)).map_or_else(
            || tr("actions.measure.whole").into_owned(),
            |s| s.name.clone(),
        );
        egui::ComboBox::from_id_salt("act-measure-stage")
            .selected_text(place)
            .width(ui.available_width())
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(stage.is_none(), tr("actions.measure.whole"))
                    .clicked()
                {
                    *stage = None;
                    *card = None;
                }
                for s in &m.stages {
                    if ui.selectable_label(*stage == Some(s.id), &s.name).clicked() {
                        *stage = Some(s.id);
                        *card = None;
                    }
                }
            })
            .response
            .labelled_by(label.id);
    }
    ui.add(
        signed(
            egui::DragValue::new(percent)
                .range(-100.0..=1000.0)
                .speed(0.5),
        )
        .prefix(tr("actions.measure.change"))
        .suffix(" %"),
    );
}

/// A value shown as the interface language writes a change ("−15", "+0,5") and read back in
/// either style.
fn signed(value: egui::DragValue<'_>) -> egui::DragValue<'_> {
    value
        .custom_formatter(|v, _| {
            let decimals = usize::from(v.fract().abs() > 1e-9);
            i18n::number(v, decimals, true, i18n::language())
        })
        .custom_parser(parse_signed)
}

/// A change as typed: a minus or a Unicode minus sign, a decimal point or comma.
fn parse_signed(text: &str) -> Option<f64> {
    let text = text.trim().replace(['−', '–'], "-").replace(',', ".");
    text.trim_start_matches('+')
        .trim()
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::parse_signed;

    #[test]
    fn a_change_is_read_in_either_style() {
        assert_eq!(parse_signed("−15"), Some(-15.0));
        assert_eq!(parse_signed("+0,5"), Some(0.5));
        assert_eq!(parse_signed(" -2.5 "), Some(-2.5));
        assert_eq!(parse_signed("veel"), None);
        assert_eq!(parse_signed("inf"), None);
    }
}
