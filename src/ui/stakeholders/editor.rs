//! The selected stakeholder or relation, edited in the right panel. A stakeholder lists its
//! relations and the touchpoints it owns (a click shows one on its map); a relation says
//! what goes each way.

use super::StakeholderAnswer;
use crate::i18n::{self, tr, tr_args};
use crate::model::{Project, Relation, RelationId, RelationKind, Ring, Stakeholder, StakeholderId};
use crate::ui::panels::merge_key;

/// A labelled text field (the label names it for screen readers), one line or a few.
pub(crate) fn text_row(
    ui: &mut egui::Ui,
    label: &str,
    salt: &str,
    value: &mut String,
    multiline: bool,
) {
    let name = ui.label(label);
    let edit = if multiline {
        egui::TextEdit::multiline(value).desired_rows(2)
    } else {
        egui::TextEdit::singleline(value)
    };
    ui.add(edit.desired_width(f32::INFINITY).id_salt(salt))
        .labelled_by(name.id);
}

fn name_of(project: &Project, id: StakeholderId) -> String {
    project
        .stakeholder(id)
        .map_or_else(|| "?".to_owned(), |s| s.name.clone())
}

/// The editor of what is selected on the stakeholder map; a hint when nothing is.
pub fn stakeholder_editor_ui(
    ui: &mut egui::Ui,
    project: &Project,
    (stakeholder, relation): (Option<StakeholderId>, Option<RelationId>),
) -> Vec<StakeholderAnswer> {
    let mut answers = Vec::new();
    if let Some(relation) = relation.and_then(|id| project.relations.iter().find(|r| r.id == id)) {
        relation_ui(ui, project, relation, &mut answers);
    } else if let Some(stakeholder) = stakeholder.and_then(|id| project.stakeholder(id)) {
        stakeholder_ui(ui, project, stakeholder, &mut answers);
    } else {
        ui.add_space(12.0);
        ui.weak(tr("stakeholders.select_hint"));
    }
    answers
}

fn stakeholder_ui(
    ui: &mut egui::Ui,
    project: &Project,
    stakeholder: &Stakeholder,
    answers: &mut Vec<StakeholderAnswer>,
) {
    let mut draft = stakeholder.clone();
    ui.heading(if stakeholder.name.is_empty() {
        tr("stakeholders.unnamed").into_owned()
    } else {
        stakeholder.name.clone()
    });
    text_row(
        ui,
        &tr("stakeholders.field.name"),
        "sh-name",
        &mut draft.name,
        false,
    );
    text_row(
        ui,
        &tr("stakeholders.field.role"),
        "sh-role",
        &mut draft.role,
        false,
    );
    text_row(
        ui,
        &tr("stakeholders.field.organisation"),
        "sh-org",
        &mut draft.organisation,
        false,
    );
    let lang = i18n::language();
    let ring_label = ui.label(tr("stakeholders.field.ring"));
    egui::ComboBox::from_id_salt("sh-ring")
        .selected_text(i18n::ring_name(lang, draft.ring))
        .width(ui.available_width())
        .show_ui(ui, |ui| {
            for ring in Ring::ALL {
                ui.selectable_value(&mut draft.ring, ring, i18n::ring_name(lang, ring));
            }
        })
        .response
        .labelled_by(ring_label.id);
    ui.add(egui::Slider::new(&mut draft.influence, 0..=5).text(tr("stakeholders.field.influence")));
    ui.add(egui::Slider::new(&mut draft.interest, 0..=5).text(tr("stakeholders.field.interest")));
    if draft != *stakeholder {
        answers.push(StakeholderAnswer::Change {
            merge: merge_key(ui, stakeholder.id.0),
            stakeholder: Box::new(draft),
        });
    }
    ui.separator();
    ui.strong(tr("stakeholders.relations"));
    for relation in project
        .relations
        .iter()
        .filter(|r| r.from == stakeholder.id || r.to == stakeholder.id)
    {
        let other = if relation.from == stakeholder.id {
            format!("→ {}", name_of(project, relation.to))
        } else {
            format!("← {}", name_of(project, relation.from))
        };
        let kind = i18n::relation_kind_name(lang, relation.kind);
        if ui.link(format!("{other} ({kind})")).clicked() {
            answers.push(StakeholderAnswer::SelectRelation(relation.id));
        }
    }
    let others: Vec<&Stakeholder> = project
        .stakeholders
        .iter()
        .filter(|s| s.id != stakeholder.id)
        .collect();
    if !others.is_empty() {
        let label = ui.label(tr("stakeholders.add_relation"));
        egui::ComboBox::from_id_salt("sh-add-relation")
            .selected_text(tr("stakeholders.choose"))
            .height(480.0)
            .width(ui.available_width())
            .show_ui(ui, |ui| {
                for other in others {
                    if ui.selectable_label(false, &other.name).clicked() {
                        answers.push(StakeholderAnswer::AddRelation {
                            from: stakeholder.id,
                            to: other.id,
                        });
                    }
                }
            })
            .response
            .labelled_by(label.id);
    }
    ui.separator();
    ui.strong(tr("stakeholders.owns"));
    let mut owned = 0;
    for (index, map) in project.maps.iter().enumerate() {
        for card in map.touchpoints().filter(|c| {
            !c.owner.trim().is_empty() && crate::model::same_name(&c.owner, &stakeholder.name)
        }) {
            owned += 1;
            let stage = map.stage(card.stage).map_or("", |s| s.name.as_str());
            if ui
                .link(format!("{} · {stage}", card.title))
                .on_hover_text(&map.title)
                .clicked()
            {
                answers.push(StakeholderAnswer::ShowCard {
                    map: index,
                    card: card.id,
                });
            }
        }
    }
    if owned == 0 {
        ui.weak(tr("stakeholders.owns_none"));
    }
    ui.separator();
    if ui.button(tr("stakeholders.delete")).clicked() {
        answers.push(StakeholderAnswer::Delete(stakeholder.id));
    }
}

fn relation_ui(
    ui: &mut egui::Ui,
    project: &Project,
    relation: &Relation,
    answers: &mut Vec<StakeholderAnswer>,
) {
    let mut draft = relation.clone();
    let (from, to) = (
        name_of(project, relation.from),
        name_of(project, relation.to),
    );
    ui.heading(tr_args(
        "stakeholders.relation_node",
        &[("from", &from), ("to", &to)],
    ));
    let lang = i18n::language();
    let kind_label = ui.label(tr("stakeholders.field.kind"));
    egui::ComboBox::from_id_salt("rel-kind")
        .selected_text(i18n::relation_kind_name(lang, draft.kind))
        .width(ui.available_width())
        .show_ui(ui, |ui| {
            for kind in RelationKind::ALL {
                ui.selectable_value(&mut draft.kind, kind, i18n::relation_kind_name(lang, kind));
            }
        })
        .response
        .labelled_by(kind_label.id);
    text_row(
        ui,
        &tr_args("stakeholders.field.gives", &[("from", &from), ("to", &to)]),
        "rel-label",
        &mut draft.label,
        true,
    );
    ui.checkbox(&mut draft.both_ways, tr("stakeholders.field.both_ways"));
    if draft.both_ways {
        text_row(
            ui,
            &tr_args("stakeholders.field.gives", &[("from", &to), ("to", &from)]),
            "rel-back",
            &mut draft.back,
            true,
        );
    }
    if ui.button(tr("stakeholders.swap")).clicked() {
        std::mem::swap(&mut draft.from, &mut draft.to);
        if draft.both_ways {
            std::mem::swap(&mut draft.label, &mut draft.back);
        }
    }
    if draft != *relation {
        answers.push(StakeholderAnswer::ChangeRelation {
            merge: merge_key(ui, relation.id.0),
            relation: Box::new(draft),
        });
    }
    ui.separator();
    if ui.button(tr("stakeholders.delete_relation")).clicked() {
        answers.push(StakeholderAnswer::DeleteRelation(relation.id));
    }
}
