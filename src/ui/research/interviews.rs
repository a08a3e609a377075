//! The interview register (who was heard: code, segment, date, method, and a name only when
//! the consultant keeps one) and the evidence drawn from it.

use super::{ResearchAnswer, used_by};
use crate::i18n::{tr, tr_args, tr_count};
use crate::model::{Evidence, EvidenceKind, Project, ResearchMethod, Respondent};
use crate::ui::panels::merge_key;

/// A method's name in the interface language.
pub fn method_name(method: ResearchMethod) -> std::borrow::Cow<'static, str> {
    tr(match method {
        ResearchMethod::Interview => "method.interview",
        ResearchMethod::Phone => "method.phone",
        ResearchMethod::Video => "method.video",
        ResearchMethod::Observation => "method.observation",
        ResearchMethod::FocusGroup => "method.focus_group",
        ResearchMethod::Survey => "method.survey",
        ResearchMethod::Diary => "method.diary",
    })
}

/// A kind of evidence's name in the interface language.
pub fn kind_name(kind: EvidenceKind) -> std::borrow::Cow<'static, str> {
    tr(match kind {
        EvidenceKind::Quote => "evidence_kind.quote",
        EvidenceKind::Observation => "evidence_kind.observation",
        EvidenceKind::Metric => "evidence_kind.metric",
        EvidenceKind::Document => "evidence_kind.document",
    })
}

/// The next free code: `R01`, `R02`, ... after the highest number in use.
fn next_code(list: &[Respondent]) -> String {
    let highest = list
        .iter()
        .filter_map(|r| {
            let digits: String = r.code.chars().filter(char::is_ascii_digit).collect();
            digits.parse::<u32>().ok()
        })
        .max()
        .unwrap_or(0);
    let prefix = list
        .last()
        .map(|r| {
            r.code
                .chars()
                .take_while(|c| !c.is_ascii_digit())
                .collect::<String>()
        })
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "R".to_owned());
    format!("{prefix}{:02}", highest + 1)
}

/// One respondent's row of the register; returns whether its remove button was clicked.
fn row_ui(ui: &mut egui::Ui, r: &mut Respondent, i: usize, heads: &[egui::Id]) -> bool {
    // Sized, not just wished for: a grid column would shrink to its header.
    ui.add_sized(
        [56.0, 20.0],
        egui::TextEdit::singleline(&mut r.code).id_salt(("code", i)),
    )
    .labelled_by(heads[0]);
    ui.add_sized(
        [170.0, 20.0],
        egui::TextEdit::singleline(&mut r.segment).id_salt(("segment", i)),
    )
    .labelled_by(heads[1]);
    ui.add_sized(
        [96.0, 20.0],
        egui::TextEdit::singleline(&mut r.date)
            .hint_text("2026-10-14")
            .id_salt(("date", i)),
    )
    .labelled_by(heads[2]);
    egui::ComboBox::from_id_salt(("method", i))
        .selected_text(method_name(r.method))
        .show_ui(ui, |ui| {
            for m in ResearchMethod::ALL {
                ui.selectable_value(&mut r.method, m, method_name(m));
            }
        })
        .response
        .labelled_by(heads[3]);
    ui.add_sized(
        [150.0, 20.0],
        egui::TextEdit::singleline(&mut r.name)
            .hint_text(tr("research.name_hint"))
            .id_salt(("name", i)),
    )
    .labelled_by(heads[4]);
    ui.small_button("×")
        .on_hover_text(tr("research.remove_respondent"))
        .clicked()
}

fn register_ui(
    ui: &mut egui::Ui,
    project: &Project,
    in_use: &mut Option<String>,
    answers: &mut Vec<ResearchAnswer>,
) {
    ui.heading(tr_count("research.respondents", project.respondents.len()));
    ui.weak(tr("research.respondents_hint"));
    let mut list = project.respondents.clone();
    let mut remove = None;
    egui::Grid::new("register")
        .striped(true)
        .num_columns(6)
        .show(ui, |ui| {
            // Each cell is named by its column's header, for screen readers (and tests).
            let heads: Vec<egui::Id> = [
                "research.code",
                "research.segment",
                "research.date",
                "research.method",
                "research.name",
            ]
            .into_iter()
            .map(|key| ui.strong(tr(key)).id)
            .collect();
            ui.end_row();
            for (i, r) in list.iter_mut().enumerate() {
                if row_ui(ui, r, i, &heads) {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
    if let Some(i) = remove {
        let code = list[i].code.clone();
        let used = project
            .evidence
            .iter()
            .any(|e| e.respondents.contains(&code));
        if used {
            // Evidence still names this respondent: say so rather than break the links.
            *in_use = Some(code);
        } else {
            *in_use = None;
            list.remove(i);
        }
    }
    if let Some(code) = in_use {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            tr_args("research.respondent_in_use", &[("code", &code)]),
        );
    }
    if ui.button(tr("research.add_respondent")).clicked() {
        list.push(Respondent::coded(next_code(&list)));
    }
    // A code must stay unique and filled in: a change that breaks that is not taken.
    let codes_ok = {
        let mut seen = std::collections::HashSet::new();
        list.iter()
            .all(|r| !r.code.trim().is_empty() && seen.insert(r.code.as_str()))
    };
    if list != project.respondents {
        if codes_ok {
            answers.push(ResearchAnswer::Respondents {
                list,
                merge: merge_key(ui, 0x5245_5350),
            });
        } else {
            ui.colored_label(ui.visuals().error_fg_color, tr("research.code_taken"));
        }
    }
}

/// Who said or showed it: the respondents ticked in a menu, and how many there were in all.
fn who_ui(ui: &mut egui::Ui, project: &Project, draft: &mut Evidence) {
    ui.horizontal_wrapped(|ui| {
        let chosen = if draft.respondents.is_empty() {
            tr("research.no_respondents").into_owned()
        } else {
            draft.respondents.join(", ")
        };
        ui.label(tr("research.who"));
        ui.menu_button(chosen, |ui| {
            for r in &project.respondents {
                let mut on = draft.respondents.contains(&r.code);
                let label = if r.segment.is_empty() {
                    r.code.clone()
                } else {
                    format!("{} · {}", r.code, r.segment)
                };
                if ui.checkbox(&mut on, label).changed() {
                    if on {
                        draft.respondents.push(r.code.clone());
                    } else {
                        draft.respondents.retain(|c| *c != r.code);
                    }
                }
            }
            if project.respondents.is_empty() {
                ui.weak(tr("research.register_empty"));
            }
        });
        let count = ui.label(tr("research.count"));
        let mut n = draft.respondent_count.max(draft.respondents.len() as u32);
        ui.add(egui::DragValue::new(&mut n).range(draft.respondents.len() as u32..=100_000))
            .labelled_by(count.id);
        draft.respondent_count = n;
    });
}

fn evidence_ui(
    ui: &mut egui::Ui,
    project: &Project,
    e: &Evidence,
    answers: &mut Vec<ResearchAnswer>,
) {
    let mut draft = e.clone();
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            let name = ui.label(tr("research.kind"));
            egui::ComboBox::from_id_salt(("kind", e.id.0))
                .selected_text(kind_name(draft.kind))
                .show_ui(ui, |ui| {
                    for k in EvidenceKind::ALL {
                        ui.selectable_value(&mut draft.kind, k, kind_name(k));
                    }
                })
                .response
                .labelled_by(name.id);
            let source = ui.label(tr("research.source"));
            ui.add(
                egui::TextEdit::singleline(&mut draft.source)
                    .desired_width(180.0)
                    .id_salt(("source", e.id.0)),
            )
            .labelled_by(source.id);
            if ui
                .small_button("×")
                .on_hover_text(tr("research.delete_evidence"))
                .clicked()
            {
                answers.push(ResearchAnswer::DeleteEvidence(e.id));
            }
        });
        let text = ui.label(tr("research.text"));
        ui.add(
            egui::TextEdit::multiline(&mut draft.text)
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .id_salt(("text", e.id.0)),
        )
        .labelled_by(text.id);
        who_ui(ui, project, &mut draft);
        let uses = used_by(project, e.id);
        if uses.is_empty() {
            ui.weak(tr("research.unlinked"));
        } else {
            ui.weak(tr_args(
                "research.linked_to",
                &[("what", &uses.join(" · "))],
            ));
        }
    });
    if draft != *e {
        answers.push(ResearchAnswer::ChangeEvidence {
            evidence: Box::new(draft),
            merge: merge_key(ui, e.id.0),
        });
    }
}

/// The register on top, the evidence below, filtered by `filter`.
pub(super) fn ui(
    ui: &mut egui::Ui,
    project: &Project,
    (filter, in_use): (&mut String, &mut Option<String>),
    answers: &mut Vec<ResearchAnswer>,
) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        register_ui(ui, project, in_use, answers);
        ui.separator();
        ui.heading(tr_count("research.evidence", project.evidence.len()));
        ui.horizontal(|ui| {
            if ui.button(tr("research.add_evidence")).clicked() {
                answers.push(ResearchAnswer::AddEvidence);
            }
            let name = ui.label(tr("research.filter"));
            ui.add(egui::TextEdit::singleline(filter).desired_width(200.0))
                .labelled_by(name.id);
        });
        let needle = filter.trim().to_lowercase();
        for e in &project.evidence {
            let hit = needle.is_empty()
                || e.text.to_lowercase().contains(&needle)
                || e.source.to_lowercase().contains(&needle)
                || e.respondents.iter().any(|r| r.to_lowercase() == needle);
            if hit {
                evidence_ui(ui, project, e, answers);
            }
        }
    });
}
