//! The map inspector's curves: each emotion curve with the persona it belongs to and whether it
//! is the journey as it is or as it should be; add one, remove one. One change, one undo step.

use super::inspector::InspectorEdit;
use crate::edit::Edit;
use crate::i18n::tr;
use crate::model::{CurveVariant, EmotionCurve, Map, Project};

/// The curves section; returns the edit when something changed.
pub fn curves_ui(ui: &mut egui::Ui, project: &Project, map: &Map) -> Option<InspectorEdit> {
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
        });
    }
    if ui.button(tr("inspector.add_curve")).clicked() {
        curves.push(new_curve(map));
    }
    let label = if let Some(i) = remove {
        curves.remove(i);
        tr("undo.remove_curve")
    } else if curves.len() > map.curves.len() {
        tr("undo.add_curve")
    } else {
        tr("undo.edit_curve")
    };
    (curves != map.curves).then(|| InspectorEdit {
        label: label.into_owned(),
        merge: None,
        edit: Edit::SetCurves {
            map: map.id,
            curves,
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
