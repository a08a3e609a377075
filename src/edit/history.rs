//! Undo and redo with a bounded number of steps and bounded memory.

use std::collections::VecDeque;

use super::{Edit, EditError, apply, weight};
use crate::model::Project;

/// One undo step: a label for the menu and the edit that undoes it.
#[derive(Clone, Debug)]
struct Step {
    label: String,
    undo: Edit,
    weight: usize,
    /// Consecutive edits with the same key (typing in one field) make one step.
    merge: Option<u64>,
}

/// The undo and redo stacks.
#[derive(Debug)]
pub struct History {
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    max_steps: usize,
    max_bytes: usize,
    bytes: usize,
}

impl Default for History {
    fn default() -> Self {
        Self::new(500, 64 * 1024 * 1024)
    }
}

impl History {
    /// A history keeping at most `max_steps` steps and about `max_bytes` of edits; the oldest
    /// steps are dropped first (the newest is always kept).
    pub fn new(max_steps: usize, max_bytes: usize) -> Self {
        Self {
            undo: VecDeque::new(),
            redo: Vec::new(),
            max_steps: max_steps.max(1),
            max_bytes,
            bytes: 0,
        }
    }

    /// Applies `edit` as one undo step labelled `label`. Clears the redo stack.
    pub fn apply(
        &mut self,
        project: &mut Project,
        label: impl Into<String>,
        edit: Edit,
    ) -> Result<(), EditError> {
        self.apply_merging(project, label, None, edit)
    }

    /// As [`Self::apply`], but when the previous step has the same `merge` key the two become
    /// one step: undo then goes back to the state before the first of them.
    pub fn apply_merging(
        &mut self,
        project: &mut Project,
        label: impl Into<String>,
        merge: Option<u64>,
        edit: Edit,
    ) -> Result<(), EditError> {
        let undo = super::apply_tidy(project, edit)?;
        let merges = merge.is_some()
            && self.redo.is_empty()
            && self.undo.back().is_some_and(|s| s.merge == merge);
        self.redo.clear();
        if merges {
            // The older step's undo already restores the state before the whole gesture.
            return Ok(());
        }
        self.push(Step {
            label: label.into(),
            weight: weight(&undo),
            undo,
            merge,
        });
        Ok(())
    }

    /// Ends merging: the next edit starts a new step even with the same key.
    pub fn seal(&mut self) {
        if let Some(last) = self.undo.back_mut() {
            last.merge = None;
        }
    }

    fn push(&mut self, step: Step) {
        self.bytes += step.weight;
        self.undo.push_back(step);
        while self.undo.len() > self.max_steps
            || (self.bytes > self.max_bytes && self.undo.len() > 1)
        {
            if let Some(old) = self.undo.pop_front() {
                self.bytes -= old.weight;
            }
        }
    }

    /// Undoes the last step; returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self, project: &mut Project) -> Option<String> {
        let step = self.undo.pop_back()?;
        self.bytes -= step.weight;
        match apply(project, step.undo) {
            Ok(redo) => {
                self.redo.push(Step {
                    label: step.label.clone(),
                    weight: weight(&redo),
                    undo: redo,
                    merge: None,
                });
                Some(step.label)
            }
            Err(_) => None,
        }
    }

    /// Redoes the last undone step; returns its label.
    pub fn redo(&mut self, project: &mut Project) -> Option<String> {
        let step = self.redo.pop()?;
        match apply(project, step.undo) {
            Ok(undo) => {
                let label = step.label.clone();
                self.push(Step {
                    label: step.label,
                    weight: weight(&undo),
                    undo,
                    merge: None,
                });
                Some(label)
            }
            Err(_) => None,
        }
    }

    /// Rewrites every step's label with `new` (the interface language changed), keeping a
    /// label `new` does not know.
    pub fn relabel(&mut self, new: impl Fn(&str) -> Option<String>) {
        for step in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            if let Some(label) = new(&step.label) {
                step.label = label;
            }
        }
    }

    /// The label of the step that undo would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.back().map(|s| s.label.as_str())
    }

    /// The label of the step that redo would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// How many steps can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Approximate memory held by the undo steps, in bytes.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Forgets everything (after opening another project).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.bytes = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Card, MapKind};
    use crate::templates;

    fn project() -> Project {
        templates::new_project(MapKind::CustomerJourney, crate::i18n::Language::English)
    }

    fn add_card(p: &Project, title: &str) -> Edit {
        let map = &p.maps[0];
        let card = Card {
            lane: map.lanes[0].id,
            stage: map.stages[0].id,
            title: title.to_owned(),
            ..Card::default()
        };
        Edit::SetCard {
            map: map.id,
            id: card.id,
            value: Some(Box::new(card)),
            at: usize::MAX,
        }
    }

    #[test]
    fn undo_and_redo_restore_exact_states() {
        let mut p = project();
        let original = p.clone();
        let mut h = History::default();
        let e = add_card(&p, "a");
        h.apply(&mut p, "Add card", e).unwrap();
        let after_one = p.clone();
        let e = add_card(&p, "b");
        h.apply(&mut p, "Add card", e).unwrap();
        let mut stages = p.maps[0].stages.clone();
        stages.reverse();
        let map = p.maps[0].id;
        h.apply(&mut p, "Reorder", Edit::SetStages { map, stages })
            .unwrap();
        let after_all = p.clone();
        assert_eq!(h.undo(&mut p).as_deref(), Some("Reorder"));
        h.undo(&mut p);
        assert_eq!(p, after_one);
        h.undo(&mut p);
        assert_eq!(p, original);
        assert!(h.undo(&mut p).is_none());
        h.redo(&mut p);
        h.redo(&mut p);
        h.redo(&mut p);
        assert_eq!(p, after_all);
    }

    fn retitle(title: &str) -> Edit {
        Edit::SetProjectInfo {
            title: title.to_owned(),
            description: String::new(),
        }
    }

    /// Typing in one field is one step until the field is left (seal); another key is a step
    /// of its own; labels follow the stacks; the bytes counted come and go with the steps.
    #[test]
    fn steps_merge_by_key_until_sealed_and_labels_and_bytes_follow_the_stacks() {
        let mut p = project();
        let original = p.clone();
        let mut h = History::default();
        assert_eq!((h.undo_label(), h.redo_label(), h.bytes()), (None, None, 0));
        for title in ["a", "ab", "abc"] {
            h.apply_merging(&mut p, "Typing", Some(7), retitle(title))
                .unwrap();
        }
        assert_eq!(h.undo_len(), 1, "one key, one step");
        let one = h.bytes();
        assert!(one > 0);
        let e = add_card(&p, "other field");
        h.apply_merging(&mut p, "Other", Some(8), e).unwrap();
        assert_eq!(h.undo_len(), 2);
        h.seal();
        let e = add_card(&p, "same key, sealed");
        h.apply_merging(&mut p, "Again", Some(8), e).unwrap();
        assert_eq!(h.undo_len(), 3, "sealed: a new step");
        let three = h.bytes();
        assert!(three > one);
        assert_eq!(h.undo_label(), Some("Again"));
        assert_eq!(h.undo(&mut p).as_deref(), Some("Again"));
        assert_eq!(h.redo_label(), Some("Again"));
        assert_eq!(h.undo_label(), Some("Other"));
        assert!(h.bytes() < three);
        h.relabel(|l| (l == "Other").then(|| "Ander".to_owned()));
        assert_eq!(h.undo_label(), Some("Ander"));
        assert_eq!(h.redo_label(), Some("Again"));
        h.undo(&mut p);
        h.undo(&mut p);
        assert_eq!(
            p, original,
            "the merged typing undoes to before its first key"
        );
        assert_eq!(h.bytes(), 0);
        h.redo(&mut p);
        assert!(h.bytes() > 0);
        h.clear();
        assert_eq!((h.undo_len(), h.redo_label(), h.bytes()), (0, None, 0));
        // Without a key nothing merges.
        h.apply(&mut p, "One", retitle("x")).unwrap();
        h.apply(&mut p, "Two", retitle("y")).unwrap();
        assert_eq!(h.undo_len(), 2);
    }

    /// The memory bound drops the oldest steps, keeps the newest, and its count stays true.
    #[test]
    fn the_byte_bound_drops_the_oldest_steps_and_counts_what_is_left() {
        let mut p = project();
        // Each step's undo holds the title before it: about a kilobyte.
        let mut h = History::new(100, 6_000);
        for i in 0..8 {
            h.apply(&mut p, format!("{i}"), retitle(&"x".repeat(1000 + i)))
                .unwrap();
        }
        assert!(h.bytes() <= 6_000, "{}", h.bytes());
        assert!((1..8).contains(&h.undo_len()), "{}", h.undo_len());
        assert_eq!(h.undo_label(), Some("7"), "the newest is kept");
        let kept = h.undo_len();
        for _ in 0..kept {
            h.undo(&mut p);
        }
        assert_eq!(
            h.bytes(),
            0,
            "the count stays true as steps are dropped and undone"
        );
        // A step larger than the bound alone is still kept.
        let mut h = History::new(100, 10);
        h.apply(&mut p, "big", retitle("a long title")).unwrap();
        assert_eq!(h.undo_len(), 1);
        // Exactly at the bound: nothing is dropped.
        let exact = weight(&retitle(&p.title));
        let mut h = History::new(100, exact * 2);
        let title = p.title.clone();
        h.apply(&mut p, "z", retitle(&title)).unwrap();
        h.apply(&mut p, "z", retitle(&title)).unwrap();
        assert_eq!((h.undo_len(), h.bytes()), (2, exact * 2));
        // At most max_steps, exactly.
        let mut h = History::new(3, usize::MAX);
        for i in 0..3 {
            h.apply(&mut p, "n", retitle(&i.to_string())).unwrap();
        }
        assert_eq!(h.undo_len(), 3);
    }

    #[test]
    fn a_failed_batch_changes_nothing() {
        let mut p = project();
        let original = p.clone();
        let good = add_card(&p, "a");
        let bad = Edit::SetStages {
            map: crate::model::MapId(1),
            stages: Vec::new(),
        };
        assert!(apply(&mut p, Edit::Batch(vec![good, bad])).is_err());
        assert_eq!(p, original);
    }

    #[test]
    fn the_history_is_bounded_in_steps_and_bytes() {
        let mut p = project();
        let mut h = History::new(200, usize::MAX);
        for i in 0..250 {
            let e = add_card(&p, &format!("{i}"));
            h.apply(&mut p, "Add card", e).unwrap();
        }
        assert_eq!(h.undo_len(), 200);
        let mut h = History::new(200, 10_000);
        for i in 0..250 {
            let e = add_card(&p, &"x".repeat(i * 10));
            h.apply(&mut p, "Add card", e).unwrap();
        }
        assert!(h.bytes() <= 10_000 || h.undo_len() == 1);
    }
}
