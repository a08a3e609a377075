//! Carrying out the Versions tab's answers: snapshots taken, shown read-only, compared,
//! restored, renamed and deleted; a comparison kept current while the map is edited, its
//! changes outlined on the canvas; a merge's conflicts settled one by one.

use super::KlantreisApp;
use crate::compare::{self, MapDiff, Version};
use crate::edit::sharing;
use crate::i18n::{tr, tr_args, tr_count};
use crate::layout::{self, Metrics};
use crate::model::{Map, SnapshotId};
use crate::ui::canvas::Highlights;
use crate::ui::panels::VersionsAnswer;

/// Which tab the right panel shows beside the map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RightTab {
    #[default]
    Inspector,
    Analysis,
    Versions,
    Comments,
}

/// The state of the Versions tab.
#[derive(Default)]
pub(super) struct Versions {
    /// The label typed for the next snapshot.
    pub label: String,
    /// The snapshot shown read-only on the canvas instead of the map.
    pub viewing: Option<SnapshotId>,
    pub comparing: Option<Comparing>,
}

/// A comparison under way.
pub(super) struct Comparing {
    pub from: SnapshotId,
    /// A later snapshot, or the map as it is.
    pub to: Option<SnapshotId>,
    pub diff: MapDiff,
    /// The change stepped to in the list.
    pub step: usize,
    /// The document revision the comparison was made at (the map changes under it).
    revision: u64,
}

impl KlantreisApp {
    /// The snapshot on show instead of the map, if there is one (of the map on show).
    pub(super) fn viewed_snapshot(&self) -> Option<SnapshotId> {
        viewed(&self.doc.project, self.current_map, self.versions.viewing)
    }

    pub(super) fn answer_versions(&mut self, answer: VersionsAnswer) {
        match answer {
            VersionsAnswer::Take(label) => self.take_snapshot(&label),
            VersionsAnswer::View(id) => {
                self.versions.viewing = Some(id);
                self.versions.comparing = None;
                self.canvas.set_highlights(None);
                self.selection = crate::ui::selection::Selection::default();
            }
            VersionsAnswer::StopViewing | VersionsAnswer::StopComparing => self.stop_versions(),
            VersionsAnswer::Compare { from, to } => self.compare(from, to),
            VersionsAnswer::Step(i) => self.step_to(i),
            VersionsAnswer::Restore(id) => {
                if let Some(edit) = sharing::restore(&self.doc.project, id) {
                    let label = self
                        .doc
                        .project
                        .snapshot(id)
                        .map(|s| s.label.clone())
                        .unwrap_or_default();
                    self.stop_versions();
                    self.apply(
                        &tr_args("undo.restore_snapshot", &[("label", &label)]),
                        edit,
                    );
                }
            }
            VersionsAnswer::Delete(id) => {
                if let Some(edit) = sharing::delete(&self.doc.project, id) {
                    let involved = self.versions.viewing == Some(id)
                        || self
                            .versions
                            .comparing
                            .as_ref()
                            .is_some_and(|c| c.from == id || c.to == Some(id));
                    if involved {
                        self.stop_versions();
                    }
                    self.apply(&tr("undo.delete_snapshot"), edit);
                }
            }
            VersionsAnswer::Relabel(id, label) => {
                if let Some(edit) = sharing::relabel(&self.doc.project, id, &label) {
                    // Typing a label is one undo step, not one per letter.
                    self.apply_merging(&tr("undo.rename_snapshot"), Some(id.0), edit);
                }
            }
            VersionsAnswer::Settle(index, side) => {
                match crate::merge::settle(&self.doc.project, index, side) {
                    Ok(edit) => self.apply(&tr("undo.settle_conflict"), edit),
                    Err(why) => {
                        self.notify_error(tr_args("notice.settle_failed", &[("why", &why)]));
                    }
                }
            }
            VersionsAnswer::ConflictsDone => {
                self.apply(
                    &tr("undo.conflicts_done"),
                    crate::edit::Edit::SetConflicts(Vec::new()),
                );
            }
        }
    }

    /// Takes a snapshot of the map on show, labelled `label` (today's date when empty), and
    /// shows it in the Versions tab.
    pub(super) fn take_snapshot(&mut self, label: &str) {
        let Some(map) = self.doc.project.maps.get(self.current_map).map(|m| m.id) else {
            return;
        };
        let now = (self.clock)();
        let label = if label.trim().is_empty() {
            let today = &now;
            tr_args(
                "versions.default_label",
                &[(
                    "date",
                    &layout::display_date(&today[..10], crate::i18n::language()),
                )],
            )
        } else {
            label.trim().to_owned()
        };
        if let Some(edit) = sharing::take(&self.doc.project, map, &label, now.clone()) {
            self.apply(&tr_args("undo.take_snapshot", &[("label", &label)]), edit);
            self.versions.label.clear();
            self.right_tab = RightTab::Versions;
            self.notify(tr_args("notice.snapshot_taken", &[("label", &label)]));
        }
    }

    /// Back to the map as it is: no snapshot on show, no comparison.
    pub(super) fn stop_versions(&mut self) {
        self.versions.viewing = None;
        self.versions.comparing = None;
        self.canvas.set_highlights(None);
    }

    fn compare(&mut self, from: SnapshotId, to: Option<SnapshotId>) {
        self.versions.viewing = to;
        self.selection = crate::ui::selection::Selection::default();
        self.right_tab = RightTab::Versions;
        self.make_comparison(from, to, 0);
    }

    /// Keeps the comparison current with the map (an edit, an undo), or ends it when what it
    /// compares is gone. Called every frame before the canvas; cheap when nothing changed.
    pub(super) fn refresh_comparison(&mut self) {
        if let Some(c) = &self.versions.comparing
            && c.revision != self.doc.revision()
        {
            let (from, to, step) = (c.from, c.to, c.step);
            self.make_comparison(from, to, step);
        }
    }

    /// Compares snapshot `from` with snapshot `to` (or the map as it is), stepped to change
    /// `step` (or the last), and outlines the changes on the canvas; ends the comparison when a
    /// side is gone or is not of the map on show.
    fn make_comparison(&mut self, from: SnapshotId, to: Option<SnapshotId>, step: usize) {
        let project = &self.doc.project;
        let current = project.maps.get(self.current_map);
        let to_snapshot = to.and_then(|id| project.snapshot(id));
        let (Some(current), Some(old)) = (current, project.snapshot(from)) else {
            self.stop_versions();
            return;
        };
        if old.map.id != current.id || (to.is_some() && to_snapshot.is_none()) {
            self.stop_versions();
            return;
        }
        let now = tr("versions.now");
        let new = match to_snapshot {
            Some(s) => Version::snapshot(s),
            None => Version::current(project, current, &now),
        };
        let diff = compare::diff(project, Version::snapshot(old), new);
        let step = step.min(diff.cards.len().saturating_sub(1));
        let highlights = Highlights {
            cards: diff
                .cards
                .iter()
                .filter(|c| c.kind != compare::Kind::Removed)
                .map(|c| (c.card, c.kind))
                .collect(),
            earlier: earlier_curves(project, new.map, &old.map, &mut self.text),
            removed: removed_places(project, &diff, &old.map, &mut self.text),
            current: diff.cards.get(step).map(|c| c.card),
        };
        self.versions.comparing = Some(Comparing {
            from,
            to,
            diff,
            step,
            revision: self.doc.revision(),
        });
        self.canvas.set_highlights(Some(highlights));
    }

    /// Steps to change `i` of the comparison: outlined more strongly, selected (on the map as
    /// it is) and scrolled into view.
    fn step_to(&mut self, i: usize) {
        let Some(c) = &mut self.versions.comparing else {
            return;
        };
        let Some(change) = c.diff.cards.get(i) else {
            return;
        };
        c.step = i;
        let removed = change.kind == compare::Kind::Removed;
        let card = change.card;
        if let Some(h) = self.canvas.highlights_mut() {
            h.current = Some(card);
        }
        if removed {
            // Not on the map any more: show where it stood.
            let place = self.canvas.highlights().and_then(|h| {
                h.removed
                    .iter()
                    .find(|(id, _)| *id == card)
                    .map(|(_, r)| *r)
            });
            if let Some(rect) = place {
                self.canvas.reveal_rect(rect);
            }
            return;
        }
        let only = crate::ui::selection::Selection::of_cards([card]);
        self.selection = if self.versions.viewing.is_none() {
            only.clone()
        } else {
            crate::ui::selection::Selection::default()
        };
        self.ensure_painted();
        if let Some(painted) = &self.painted {
            self.canvas.reveal(&only, &painted.layout);
        }
    }

    /// Opens the Versions tab on a file with a merge's conflicts, and says so.
    pub(super) fn announce_conflicts(&mut self) {
        let n = self.doc.project.conflicts.len();
        if n > 0 {
            self.right_tab = RightTab::Versions;
            self.notify(tr_count("notice.conflicts", n));
        }
    }
}

/// Where each removed card stood in the earlier version, laid out as it was.
fn removed_places(
    project: &crate::model::Project,
    diff: &MapDiff,
    earlier: &Map,
    text: &mut layout::TextMeasurer,
) -> Vec<(crate::model::CardId, egui::Rect)> {
    let removed: Vec<_> = diff
        .cards
        .iter()
        .filter(|c| c.kind == compare::Kind::Removed)
        .map(|c| c.card)
        .collect();
    if removed.is_empty() {
        return Vec::new();
    }
    let laid = layout::lay_out(project, earlier, &Metrics::default(), text);
    laid.cards
        .iter()
        .filter(|c| removed.contains(&c.id))
        .map(|c| (c.id, c.rect))
        .collect()
}

/// The snapshot `viewing` names, when it is one of the map at `current`.
pub(super) fn viewed(
    project: &crate::model::Project,
    current: usize,
    viewing: Option<SnapshotId>,
) -> Option<SnapshotId> {
    let map = project.maps.get(current)?;
    project
        .snapshot(viewing?)
        .filter(|s| s.map.id == map.id)
        .map(|s| s.id)
}

/// The map the canvas shows: the snapshot on show, else the map at `current`.
pub(super) fn shown(
    project: &crate::model::Project,
    current: usize,
    viewing: Option<SnapshotId>,
) -> Option<&Map> {
    match viewed(project, current, viewing).and_then(|id| project.snapshot(id)) {
        Some(s) => Some(&s.map),
        None => project.maps.get(current),
    }
}

/// The earlier version's curves as lines in the coordinates of `shown`: laid out on `shown`'s
/// grid (its stages, lanes and cards), so the two versions' scores sit in the same columns.
fn earlier_curves(
    project: &crate::model::Project,
    shown: &Map,
    earlier: &Map,
    text: &mut layout::TextMeasurer,
) -> Vec<Vec<egui::Pos2>> {
    let mut ghost = shown.clone();
    ghost.curves = earlier
        .curves
        .iter()
        .map(|c| {
            let mut c = c.clone();
            c.points.retain(|p| shown.stage(p.stage).is_some());
            for p in &mut c.points {
                if p.card.is_some_and(|id| shown.card(id).is_none()) {
                    p.card = None;
                }
            }
            c
        })
        .collect();
    let laid = layout::lay_out(project, &ghost, &Metrics::default(), text);
    laid.curves
        .iter()
        .filter(|c| !c.points.is_empty())
        .map(|c| c.points.iter().map(|p| p.pos).collect())
        .collect()
}
