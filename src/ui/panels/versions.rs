//! The right panel's Versions tab: the map's dated snapshots (take one, look at one read-only,
//! compare, restore, rename, delete), the comparison's list of changes to step through, and
//! the conflicts a merge left for the user to pick.

use crate::compare::{Kind, MapDiff};
use crate::i18n::{tr, tr_args, tr_count};
use crate::model::{Conflict, Map, Project, Side, SnapshotId};

/// What the user asked for in the Versions tab.
#[derive(Clone, Debug, PartialEq)]
pub enum VersionsAnswer {
    Take(String),
    /// Show the snapshot on the canvas, read-only.
    View(SnapshotId),
    /// Back to the map as it is.
    StopViewing,
    /// Compare a snapshot with the map as it is (`to: None`) or with a later snapshot.
    Compare {
        from: SnapshotId,
        to: Option<SnapshotId>,
    },
    StopComparing,
    /// Step to this change of the comparison's list.
    Step(usize),
    Restore(SnapshotId),
    Delete(SnapshotId),
    Relabel(SnapshotId, String),
    /// Settle merge conflict `index` as `side`.
    Settle(usize, Side),
    /// The conflicts have been looked at: clear the list.
    ConflictsDone,
}

/// What the Versions tab shows besides the project: the label typed for the next snapshot,
/// the snapshot on show, the comparison under way.
pub struct VersionsView<'a> {
    pub label: &'a mut String,
    pub viewing: Option<SnapshotId>,
    pub comparing: Option<(SnapshotId, Option<SnapshotId>, &'a MapDiff, usize)>,
}

/// The word for a kind of change.
pub fn kind_word(kind: Kind) -> std::borrow::Cow<'static, str> {
    tr(match kind {
        Kind::Added => "versions.added",
        Kind::Removed => "versions.removed",
        Kind::Moved => "versions.moved",
        Kind::Changed => "versions.changed",
    })
}

/// The Versions tab.
pub fn versions_ui(
    ui: &mut egui::Ui,
    project: &Project,
    map: &Map,
    view: &mut VersionsView<'_>,
) -> Vec<VersionsAnswer> {
    let mut answers = Vec::new();
    if !project.conflicts.is_empty() {
        conflicts_ui(ui, &project.conflicts, &mut answers);
        ui.separator();
    }
    ui.strong(tr("versions.take_heading"));
    ui.horizontal(|ui| {
        let name = ui.label(tr("versions.label"));
        let field = ui
            .add(egui::TextEdit::singleline(view.label).desired_width(140.0))
            .labelled_by(name.id);
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button(tr("versions.take")).clicked() || enter {
            answers.push(VersionsAnswer::Take(view.label.clone()));
        }
    });
    ui.add_space(6.0);
    let snapshots: Vec<_> = project.snapshots_of(map.id).collect();
    ui.strong(tr_count("versions.snapshots", snapshots.len()));
    if snapshots.is_empty() {
        ui.weak(tr("versions.none"));
    }
    for s in snapshots.iter().rev() {
        snapshot_row(ui, s, view, &mut answers);
    }
    if let Some((from, to, diff, step)) = view.comparing {
        ui.separator();
        comparison_ui(ui, project, (from, to, diff, step), &mut answers);
    }
    answers
}

fn snapshot_row(
    ui: &mut egui::Ui,
    s: &crate::model::Snapshot,
    view: &VersionsView<'_>,
    answers: &mut Vec<VersionsAnswer>,
) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let mut label = s.label.clone();
        let field = ui
            .add(egui::TextEdit::singleline(&mut label).desired_width(f32::INFINITY))
            .on_hover_text(tr("versions.rename"));
        if field.changed() {
            answers.push(VersionsAnswer::Relabel(s.id, label));
        }
        let remembered = crate::analysis::remembered_as_is(&s.map);
        let mut line = crate::layout::display_date(s.day(), crate::i18n::language());
        if let Some(r) = remembered {
            line.push_str(" · ");
            line.push_str(&tr_args(
                "versions.remembered",
                &[(
                    "score",
                    &crate::i18n::score(s.map.scale, r, 1, crate::i18n::language()),
                )],
            ));
        }
        ui.weak(line);
        ui.horizontal_wrapped(|ui| {
            if view.viewing == Some(s.id) {
                if ui.button(tr("versions.back")).clicked() {
                    answers.push(VersionsAnswer::StopViewing);
                }
            } else if ui
                .button(tr("versions.view"))
                .on_hover_text(tr("versions.view.tip"))
                .clicked()
            {
                answers.push(VersionsAnswer::View(s.id));
            }
            if ui
                .button(tr("versions.compare"))
                .on_hover_text(tr("versions.compare.tip"))
                .clicked()
            {
                answers.push(VersionsAnswer::Compare {
                    from: s.id,
                    to: None,
                });
            }
            if ui
                .button(tr("versions.restore"))
                .on_hover_text(tr("versions.restore.tip"))
                .clicked()
            {
                answers.push(VersionsAnswer::Restore(s.id));
            }
            if ui.button(tr("versions.delete")).clicked() {
                answers.push(VersionsAnswer::Delete(s.id));
            }
        });
    });
}

/// The comparison: what is compared with what (both can be changed), the counts, the list of
/// changes with previous and next, the curves' and the metrics' changes.
fn comparison_ui(
    ui: &mut egui::Ui,
    project: &Project,
    (from, to, diff, step): (SnapshotId, Option<SnapshotId>, &MapDiff, usize),
    answers: &mut Vec<VersionsAnswer>,
) {
    ui.horizontal(|ui| {
        ui.strong(tr("versions.comparing"));
        if ui.button(tr("versions.stop_comparing")).clicked() {
            answers.push(VersionsAnswer::StopComparing);
        }
    });
    let snapshots: Vec<_> = project.snapshots_of(diff.map).collect();
    let name_of = |id: Option<SnapshotId>| {
        id.and_then(|id| project.snapshot(id))
            .map_or_else(|| tr("versions.now").into_owned(), |s| s.label.clone())
    };
    ui.horizontal(|ui| {
        let label = ui.label(tr("versions.from"));
        let mut chosen = from;
        egui::ComboBox::from_id_salt("versions-from")
            .selected_text(name_of(Some(from)))
            .show_ui(ui, |ui| {
                for s in &snapshots {
                    ui.selectable_value(&mut chosen, s.id, &s.label);
                }
            })
            .response
            .labelled_by(label.id);
        if chosen != from {
            answers.push(VersionsAnswer::Compare { from: chosen, to });
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label(tr("versions.to"));
        let mut chosen = to;
        egui::ComboBox::from_id_salt("versions-to")
            .selected_text(name_of(to))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut chosen, None, tr("versions.now"));
                for s in &snapshots {
                    ui.selectable_value(&mut chosen, Some(s.id), &s.label);
                }
            })
            .response
            .labelled_by(label.id);
        if chosen != to {
            answers.push(VersionsAnswer::Compare { from, to: chosen });
        }
    });
    if diff.is_empty() {
        ui.weak(tr("versions.no_changes"));
        return;
    }
    let count = |k| diff.cards.iter().filter(|c| c.kind == k).count();
    ui.horizontal_wrapped(|ui| {
        for kind in [Kind::Added, Kind::Removed, Kind::Moved, Kind::Changed] {
            let n = count(kind);
            if n > 0 {
                ui.colored_label(
                    crate::ui::canvas::change_colour(kind),
                    format!("{n} {}", kind_word(kind)),
                );
            }
        }
    });
    if !diff.cards.is_empty() {
        ui.horizontal(|ui| {
            let last = diff.cards.len() - 1;
            if ui
                .add_enabled(step > 0, egui::Button::new(tr("versions.previous")))
                .clicked()
            {
                answers.push(VersionsAnswer::Step(step - 1));
            }
            ui.label(format!("{} / {}", step.min(last) + 1, diff.cards.len()));
            if ui
                .add_enabled(step < last, egui::Button::new(tr("versions.next")))
                .clicked()
            {
                answers.push(VersionsAnswer::Step(step + 1));
            }
        });
        for (i, c) in diff.cards.iter().enumerate() {
            let text = egui::RichText::new(format!(
                "{} · {} ({} › {})",
                kind_word(c.kind),
                if c.title.is_empty() { "…" } else { &c.title },
                c.stage,
                c.lane
            ))
            .color(crate::ui::canvas::change_colour(c.kind));
            let text = crate::ui::style::selectable_text(ui, text, i == step);
            let row = ui.selectable_label(i == step, text);
            let row = if c.fields.is_empty() {
                row
            } else {
                row.on_hover_text(
                    c.fields
                        .iter()
                        .map(|f| format!("{}: {} → {}", f.field, f.before, f.after))
                        .collect::<Vec<_>>()
                        .join("\n"),
                )
            };
            if row.clicked() {
                answers.push(VersionsAnswer::Step(i));
            }
        }
    }
    for part in diff.stages.iter().chain(&diff.lanes) {
        let text = match &part.was {
            Some(was) => tr_args("versions.renamed", &[("was", was), ("name", &part.name)]),
            None => format!("{} · {}", kind_word(part.kind), part.name),
        };
        ui.label(text);
    }
    for curve in &diff.curves {
        ui.add_space(4.0);
        ui.strong(tr_args("versions.curve", &[("name", &curve.name)]));
        let score = |v: Option<f64>| {
            v.map_or_else(
                || "–".to_owned(),
                |v| crate::i18n::number(v, 1, false, crate::i18n::language()),
            )
        };
        if curve.remembered_before.is_some() || curve.remembered_after.is_some() {
            ui.label(tr_args(
                "versions.remembered_change",
                &[
                    ("before", &score(curve.remembered_before)),
                    ("after", &score(curve.remembered_after)),
                ],
            ));
        }
        for s in &curve.stages {
            ui.label(format!(
                "{}: {} → {}",
                s.name,
                score(s.before),
                score(s.after)
            ));
        }
    }
    if !diff.metrics.is_empty() {
        ui.add_space(4.0);
        ui.strong(tr("versions.metrics"));
        let lang = crate::i18n::language();
        let number = |v: Option<f64>| {
            v.map_or_else(|| "–".to_owned(), |v| crate::layout::format_number(v, lang))
        };
        for m in &diff.metrics {
            ui.label(format!(
                "{} · {}: {} → {}",
                m.dataset,
                m.stage,
                number(m.before),
                number(m.after)
            ));
        }
    }
}

/// The conflicts a merge left: where, what each side has, which is taken; a pick per conflict.
fn conflicts_ui(ui: &mut egui::Ui, conflicts: &[Conflict], answers: &mut Vec<VersionsAnswer>) {
    ui.colored_label(
        ui.visuals().warn_fg_color,
        tr_count("versions.conflicts", conflicts.len()),
    );
    ui.weak(tr("versions.conflicts.intro"));
    for (i, c) in conflicts.iter().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(&c.place);
            let mut taken = c.taken;
            let ours = ui.radio_value(
                &mut taken,
                Side::Ours,
                tr_args("versions.ours", &[("value", &shown(&c.ours))]),
            );
            let theirs = ui.radio_value(
                &mut taken,
                Side::Theirs,
                tr_args("versions.theirs", &[("value", &shown(&c.theirs))]),
            );
            if (ours.clicked() || theirs.clicked()) && taken != c.taken {
                answers.push(VersionsAnswer::Settle(i, taken));
            }
        });
    }
    if ui.button(tr("versions.conflicts.done")).clicked() {
        answers.push(VersionsAnswer::ConflictsDone);
    }
}

/// A conflict's value as a person reads it, in the interface's language.
fn shown(json: &str) -> String {
    crate::compare::things::conflict_value_in_words(json, crate::i18n::language())
}
