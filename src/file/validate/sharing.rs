//! Checks of what keeps a map current and shared: its snapshots and a merge's conflicts.

use std::collections::HashSet;

use super::{Checker, MapIds, check_map, quoted};
use crate::model::{Project, time};

/// Snapshots: unique ids, a label and a time, and a map that holds together on its own. What a
/// snapshot's map refers to outside itself (personas, evidence) may have gone since it was
/// taken; that is history, not a fault, and restoring leaves it out.
pub(super) fn check_snapshots(c: &mut Checker<'_>, p: &Project) {
    if !c.count("", "snapshots", p.snapshots.len(), c.limits.items) {
        return;
    }
    let mut ids = HashSet::new();
    for (i, s) in p.snapshots.iter().enumerate() {
        let loc = format!("snapshots[{i}] {}", quoted(&s.label));
        c.unique(&mut ids, s.id, &loc);
        c.short(&loc, "label", &s.label);
        if !time::is_valid_timestamp(&s.taken) {
            c.problem(
                super::join(&loc, "taken"),
                format!("{:?} is not a time like \"2026-03-31T16:00:00Z\"", s.taken),
            );
        }
        let personas: HashSet<_> = s
            .map
            .personas
            .iter()
            .copied()
            .chain(s.map.curves.iter().filter_map(|c| c.persona))
            .collect();
        let evidence: HashSet<_> = s
            .map
            .stages
            .iter()
            .flat_map(|st| &st.evidence)
            .chain(s.map.cards.iter().flat_map(|c| &c.evidence))
            .copied()
            .collect();
        let mut map_ids = MapIds::default();
        check_map(
            c,
            &format!("{loc} › map"),
            &s.map,
            &mut map_ids,
            &personas,
            &evidence,
        );
        c.count(&loc, "data sets", s.datasets.len(), c.limits.items);
        for (j, d) in s.datasets.iter().enumerate() {
            c.count(
                &format!("{loc} › datasets[{j}]"),
                "values",
                d.values.len(),
                c.limits.values_per_dataset,
            );
        }
    }
}

/// A merge's conflicts: where they are, in words and as a path, and both sides as JSON.
pub(super) fn check_conflicts(c: &mut Checker<'_>, p: &Project) {
    if !c.count("", "conflicts", p.conflicts.len(), c.limits.items) {
        return;
    }
    for (i, k) in p.conflicts.iter().enumerate() {
        let loc = format!("conflicts[{i}]");
        c.long(&loc, "place", &k.place);
        c.short(&loc, "path", &k.path);
        for (field, value) in [("base", &k.base), ("ours", &k.ours), ("theirs", &k.theirs)] {
            if serde_json::from_str::<serde_json::Value>(value).is_err() {
                c.problem(super::join(&loc, field), "is not a JSON value");
            }
        }
    }
}
