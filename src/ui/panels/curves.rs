//! The map inspector's curves: each emotion curve with the persona it belongs to and whether it
//! is the journey as it is or as it should be; add one, remove one. One change, one undo step.

use super::inspector::InspectorEdit;
use crate::edit::{Edit, MapInfo};
use crate::i18n::{tr, tr_args};
use crate::model::{CurveId, CurveVariant, EmotionCurve, Map, Project};

/// The curves section; returns the edit when something changed.
pub fn curves_ui(
    ui: &mut egui::Ui,
    project: &Project,
    map: &Map,
    (drawing, actions): (Option<CurveId>, &mut Vec<crate::ui::app::AppAction>),
) -> Option<InspectorEdit> {
    ui.add_space(6.0);
    ui.strong(tr("inspector.curves"));
    let mut curves = map.curves.clone();
    let mut remove = None;
    for (i, curve) in curves.iter_mut().enumerate() {
        ui.push_id(curve.id.0, |ui| {
            ui.horizontal(|ui| {
                let persona_name = |id| {
                    project.persona(id).map_or_else(
                        || tr("inspector.no_persona").into_owned(),
                        |p| p.name.clone(),
                    )
                };
                let shown = curve
                    .persona
                    .map_or_else(|| tr("inspector.no_persona").into_owned(), persona_name);
                let label = ui.label(tr("inspector.curve_persona"));
                egui::ComboBox::from_id_salt("persona")
                    .selected_text(shown)
                    .width(120.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut curve.persona, None, tr("inspector.no_persona"));
                        for p in &project.personas {
                            ui.selectable_value(&mut curve.persona, Some(p.id), &p.name);
                        }
                    })
                    .response
                    .labelled_by(label.id);
            });
            ui.horizontal(|ui| {
                ui.radio_value(
                    &mut curve.variant,
                    CurveVariant::AsIs,
                    tr("inspector.as_is"),
                );
                ui.radio_value(
                    &mut curve.variant,
                    CurveVariant::ToBe,
                    tr("inspector.to_be"),
                );
                if ui.button(tr("inspector.remove_curve")).clicked() {
                    remove = Some(i);
                }
            });
            // Which curve a click on the emotion lane draws: this one, or choose it.
            let name = crate::layout::curve_name(project, curve);
            let chosen = drawing == Some(curve.id);
            let response = ui
                .radio(chosen, tr("inspector.draw_curve"))
                .on_hover_text(tr("inspector.draw_curve.tip"));
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::RadioButton,
                    true,
                    chosen,
                    tr_args("inspector.draw_curve.named", &[("name", &name)]),
                )
            });
            if response.clicked() && !chosen {
                actions.push(crate::ui::app::AppAction::DrawOn(curve.id));
            }
            super::research_links::curve_data_ui(ui, project, map, curve);
        });
    }
    // A curve that follows data (again, or differently) moves onto it; one that stops keeps its
    // points, now the user's.
    for curve in &mut curves {
        let before = map
            .curves
            .iter()
            .find(|c| c.id == curve.id)
            .and_then(|c| c.data);
        if curve.data == before {
            continue;
        }
        match curve
            .data
            .and_then(|d| project.dataset(d.dataset).map(|set| (d, set)))
        {
            Some((data, set)) => curve.points = crate::data::curve::points(curve, data, set, map),
            None => {
                for p in &mut curve.points {
                    p.from_data = false;
                }
            }
        }
    }
    if ui.button(tr("inspector.add_curve")).clicked() {
        curves.push(new_curve(map));
    }
    if let Some(edit) = compare_ui(ui, project, map) {
        return Some(edit);
    }
    let label = if let Some(i) = remove {
        curves.remove(i);
        tr("undo.remove_curve")
    } else if curves.len() > map.curves.len() {
        tr("undo.add_curve")
    } else {
        tr("undo.edit_curve")
    };
    if curves == map.curves {
        return None;
    }
    // A curve that goes is no longer compared.
    let mut edits = Vec::new();
    if let Some((a, b)) = map.compare
        && !(curves.iter().any(|c| c.id == a) && curves.iter().any(|c| c.id == b))
    {
        let mut info = MapInfo::of(map);
        info.compare = None;
        edits.push(Edit::SetMapInfo {
            map: map.id,
            info: Box::new(info),
        });
    }
    edits.push(Edit::SetCurves {
        map: map.id,
        curves,
    });
    Some(InspectorEdit {
        label: label.into_owned(),
        merge: None,
        edit: Edit::Batch(edits),
    })
}

/// Two curves compared on the map: the difference per stage is drawn between them.
fn compare_ui(ui: &mut egui::Ui, project: &Project, map: &Map) -> Option<InspectorEdit> {
    if map.curves.len() < 2 {
        return None;
    }
    ui.add_space(6.0);
    ui.strong(tr("inspector.compare"));
    let name = |id: Option<CurveId>| {
        id.and_then(|id| map.curves.iter().find(|c| c.id == id))
            .map_or_else(
                || tr("inspector.compare_none").into_owned(),
                |c| crate::layout::curve_name(project, c),
            )
    };
    // A choice of one curve waits (in egui's memory) until the other is chosen too.
    let pending_id = egui::Id::unique(("compare-pending", map.id.0));
    let (mut first, mut second) = ui
        .data(|d| d.get_temp::<(Option<CurveId>, Option<CurveId>)>(pending_id))
        .unwrap_or_else(|| {
            map.compare
                .map_or((None, None), |(a, b)| (Some(a), Some(b)))
        });
    for (key, salt, slot) in [
        ("inspector.compare_first", "compare-first", &mut first),
        ("inspector.compare_second", "compare-second", &mut second),
    ] {
        let label = ui.label(tr(key));
        egui::ComboBox::from_id_salt(salt)
            .selected_text(name(*slot))
            .width(ui.available_width())
            .show_ui(ui, |ui| {
                ui.selectable_value(slot, None, tr("inspector.compare_none"));
                for c in &map.curves {
                    ui.selectable_value(slot, Some(c.id), crate::layout::curve_name(project, c));
                }
            })
            .response
            .labelled_by(label.id);
    }
    let compare = first.zip(second).filter(|(a, b)| a != b);
    let waiting = compare.is_none() && (first.is_some() || second.is_some());
    if waiting {
        ui.data_mut(|d| d.insert_temp(pending_id, (first, second)));
        ui.weak(tr("inspector.compare_hint"));
    } else {
        ui.data_mut(|d| d.remove::<(Option<CurveId>, Option<CurveId>)>(pending_id));
    }
    if compare == map.compare || (waiting && map.compare.is_none()) {
        return None;
    }
    let mut info = MapInfo::of(map);
    info.compare = compare;
    Some(InspectorEdit {
        label: tr("undo.compare").into_owned(),
        merge: None,
        edit: Edit::SetMapInfo {
            map: map.id,
            info: Box::new(info),
        },
    })
}

/// A new curve: the to-be of the first persona that has only an as-is, else an as-is for the
/// map's first persona.
fn new_curve(map: &Map) -> EmotionCurve {
    let has = |persona, variant| {
        map.curves
            .iter()
            .any(|c| c.persona == persona && c.variant == variant)
    };
    let to_be = map
        .curves
        .iter()
        .map(|c| c.persona)
        .find(|&p| has(p, CurveVariant::AsIs) && !has(p, CurveVariant::ToBe));
    match to_be {
        Some(persona) => EmotionCurve {
            persona,
            variant: CurveVariant::ToBe,
            ..EmotionCurve::default()
        },
        None => EmotionCurve {
            persona: map.personas.first().copied(),
            ..EmotionCurve::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_curve_is_the_missing_to_be_first() {
        let project = crate::templates::new_project(
            crate::model::MapKind::CustomerJourney,
            crate::i18n::Language::English,
        );
        let map = &project.maps[0];
        let added = new_curve(map);
        assert_eq!(added.variant, CurveVariant::ToBe);
        assert_eq!(added.persona, map.curves[0].persona);
        let mut both = map.clone();
        both.curves.push(added);
        let third = new_curve(&both);
        assert_eq!(third.variant, CurveVariant::AsIs);
        assert_ne!(third.id, both.curves[0].id);
    }
}
