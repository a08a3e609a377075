//! Two sides edit one project in fuzzed ways (rename, delete or move cards, delete stages and
//! lanes, change scores, add cards, delete personas); the three-way merge gives a project the
//! file accepts, or an error, never a panic; merging a side with itself changes nothing.
#![no_main]

use klantreis::model::{Card, Project, Side};
use libfuzzer_sys::fuzz_target;

fn base() -> Project {
    klantreis::sample::generate(&klantreis::sample::Spec {
        stages: 4,
        lanes: 4,
        cards: 12,
        seed: 7,
    })
}

/// Applies the edits `ops` spells out to `p`, keeping it valid the way the editor does.
fn edit(p: &mut Project, ops: &[u8]) {
    for pair in ops.chunks(2) {
        let (op, n) = (pair[0], *pair.get(1).unwrap_or(&0) as usize);
        let map = &mut p.maps[0];
        match op % 8 {
            0 if !map.cards.is_empty() => {
                let i = n % map.cards.len();
                map.cards[i].title = format!("kaart {n}");
            }
            1 if !map.cards.is_empty() => {
                let i = n % map.cards.len();
                let id = map.cards.remove(i).id;
                map.connectors.retain(|c| c.from != id && c.to != id);
                for c in &mut map.curves {
                    for point in &mut c.points {
                        if point.card == Some(id) {
                            point.card = None;
                        }
                    }
                }
            }
            2 if !map.cards.is_empty() && !map.stages.is_empty() => {
                let i = n % map.cards.len();
                map.cards[i].stage = map.stages[n % map.stages.len()].id;
            }
            3 if map.stages.len() > 1 => {
                let id = map.stages.remove(n % map.stages.len()).id;
                let gone: Vec<_> = map.cards.iter().filter(|c| c.stage == id).map(|c| c.id).collect();
                map.cards.retain(|c| c.stage != id);
                map.connectors.retain(|c| !gone.contains(&c.from) && !gone.contains(&c.to));
                for c in &mut map.curves {
                    c.points.retain(|p| p.stage != id);
                    for point in &mut c.points {
                        if point.card.is_some_and(|x| gone.contains(&x)) {
                            point.card = None;
                        }
                    }
                }
            }
            4 => {
                for c in &mut map.curves {
                    let len = c.points.len().max(1);
                    if let Some(point) = c.points.get_mut(n % len) {
                        point.score = map.scale.snap(point.score + 1.0);
                    }
                }
            }
            5 if !map.stages.is_empty() && !map.lanes.is_empty() => {
                let card = Card {
                    stage: map.stages[n % map.stages.len()].id,
                    lane: map.lanes[n % map.lanes.len()].id,
                    title: format!("nieuw {n}"),
                    ..Card::default()
                };
                map.cards.push(card);
            }
            6 if !p.personas.is_empty() => {
                let i = n % p.personas.len();
                p.personas[i].name = format!("persona {n}");
            }
            7 if !map.stages.is_empty() => {
                let i = n % map.stages.len();
                map.stages[i].name = format!("fase {n}");
            }
            _ => {}
        }
    }
    if let Some(fix) = klantreis::edit::data::tidy(p) {
        let _ = klantreis::edit::apply(p, fix);
    }
}

fuzz_target!(|data: &[u8]| {
    let base = base();
    let half = data.len() / 2;
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    edit(&mut ours, &data[..half]);
    edit(&mut theirs, &data[half..]);
    let limits = klantreis::model::Limits::default();
    if !klantreis::file::validate(&ours, &limits).is_empty()
        || !klantreis::file::validate(&theirs, &limits).is_empty()
    {
        return;
    }
    for prefer in [Side::Ours, Side::Theirs] {
        if let Ok(merged) = klantreis::merge::merge(&base, &ours, &theirs, prefer) {
            assert!(klantreis::file::validate(&merged.project, &limits).is_empty());
        }
    }
    let same = klantreis::merge::merge(&base, &ours, &ours, Side::Ours).expect("a side merges with itself");
    assert!(same.project.conflicts.is_empty());
    assert_eq!(same.project.maps, ours.maps);
});
