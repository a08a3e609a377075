//! The merge's own rules, piece by piece: sets, ordered lists and what counts as a set.

use serde_json::json;

use super::*;
use crate::model::{Channel, Persona};

fn vals(v: &Value) -> Vec<Value> {
    v.as_array().cloned().unwrap_or_default()
}

#[test]
fn a_set_keeps_what_either_side_added_and_drops_what_either_removed() {
    let merged = set_merge(
        &vals(&json!(["a", "b", "c"])),
        &vals(&json!(["a", "c", "d"])),
        &vals(&json!(["b", "c", "e"])),
    );
    assert_eq!(merged, Some(vals(&json!(["c", "d", "e"]))));
}

#[test]
fn a_list_that_repeats_a_value_or_holds_objects_is_no_set() {
    let plain = vals(&json!(["a", "b"]));
    let twice = vals(&json!(["a", "a"]));
    let objects = vals(&json!([{"x": 1}, {"x": 2}]));
    for (b, o, t) in [
        (&twice, &plain, &plain),
        (&plain, &twice, &plain),
        (&plain, &plain, &twice),
        (&objects, &plain, &plain),
        (&plain, &objects, &plain),
        (&plain, &plain, &objects),
    ] {
        assert_eq!(set_merge(b, o, t), None, "{b:?} {o:?} {t:?}");
    }
}

/// A persona's channels are in order of use, not a set: both sides reordering them differently
/// is a conflict, not a union.
#[test]
fn an_ordered_list_of_words_changed_two_ways_is_a_conflict() {
    let mut base = crate::templates::new_project(
        crate::model::MapKind::CustomerJourney,
        crate::i18n::Language::Dutch,
    );
    base.personas.push(Persona {
        name: "Anna".into(),
        channels: vec![Channel::Web, Channel::Phone],
        ..Persona::default()
    });
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.personas[0].channels = vec![Channel::Phone, Channel::Web];
    theirs.personas[0].channels = vec![Channel::Web, Channel::Phone, Channel::Email];
    let merged = merge(&base, &ours, &theirs, Side::Ours).unwrap();
    assert_eq!(merged.conflicts, 1, "{:?}", merged.project.conflicts);
    assert!(merged.project.conflicts[0].path.ends_with("/channels"));
    assert_eq!(
        merged.project.personas[0].channels,
        [Channel::Phone, Channel::Web]
    );
}

fn with_persona() -> Project {
    let mut p = crate::templates::new_project(
        crate::model::MapKind::CustomerJourney,
        crate::i18n::Language::Dutch,
    );
    p.personas.push(Persona {
        name: "Anna".into(),
        ..Persona::default()
    });
    p.maps[0].cards = vec![crate::model::Card::default(), crate::model::Card::default()];
    let (stage, lane) = (p.maps[0].stages[0].id, p.maps[0].lanes[0].id);
    for c in &mut p.maps[0].cards {
        c.stage = stage;
        c.lane = lane;
    }
    p
}

/// Lists left out of the file while empty: both sides starting one is not a conflict.
#[test]
fn two_sides_starting_the_same_empty_list_keep_both_additions() {
    let base = with_persona();
    let (a, b) = (base.maps[0].cards[0].id, base.maps[0].cards[1].id);
    let mut ours = base.clone();
    let mut theirs = base.clone();
    let connector = |label: &str| crate::model::Connector {
        from: a,
        to: b,
        label: label.into(),
        ..crate::model::Connector::default()
    };
    ours.maps[0].connectors.push(connector("ons"));
    theirs.maps[0].connectors.push(connector("hun"));
    ours.personas[0].needs = vec!["Snel".into()];
    theirs.personas[0].needs = vec!["Duidelijk".into()];
    let merged = merge(&base, &ours, &theirs, Side::Ours).unwrap();
    assert_eq!(merged.conflicts, 0, "{:?}", merged.project.conflicts);
    let mut labels: Vec<&str> = merged.project.maps[0]
        .connectors
        .iter()
        .map(|c| c.label.as_str())
        .collect();
    labels.sort_unstable();
    assert_eq!(labels, ["hun", "ons"]);
    assert_eq!(merged.project.personas[0].needs, ["Snel", "Duidelijk"]);
}

/// An ordered list both sides started differently is a conflict, not a union.
#[test]
fn two_sides_starting_an_ordered_list_differently_is_a_conflict() {
    let base = with_persona();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.personas[0].channels = vec![Channel::Web];
    theirs.personas[0].channels = vec![Channel::Phone];
    let merged = merge(&base, &ours, &theirs, Side::Theirs).unwrap();
    assert_eq!(merged.conflicts, 1, "{:?}", merged.project.conflicts);
    assert_eq!(merged.project.personas[0].channels, [Channel::Phone]);
}

/// A card's tags start as an empty set in the base: both sides' tags are kept.
#[test]
fn tags_added_on_both_sides_to_an_untagged_card_are_all_kept() {
    let base = with_persona();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.maps[0].cards[0].tags = vec!["snel".into()];
    theirs.maps[0].cards[0].tags = vec!["duur".into()];
    let merged = merge(&base, &ours, &theirs, Side::Ours).unwrap();
    assert_eq!(merged.conflicts, 0, "{:?}", merged.project.conflicts);
    assert_eq!(merged.project.maps[0].cards[0].tags, ["snel", "duur"]);
}

/// One side edits a list the other emptied (and so left out of the file): one conflict, once.
#[test]
fn a_list_edited_on_one_side_and_emptied_on_the_other_is_one_conflict() {
    let mut base = with_persona();
    let (a, b) = (base.maps[0].cards[0].id, base.maps[0].cards[1].id);
    base.maps[0].connectors.push(crate::model::Connector {
        from: a,
        to: b,
        label: "dan".into(),
        ..crate::model::Connector::default()
    });
    for (edited, emptied) in [(Side::Ours, Side::Theirs), (Side::Theirs, Side::Ours)] {
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        let (e, x) = match edited {
            Side::Ours => (&mut ours, &mut theirs),
            Side::Theirs => (&mut theirs, &mut ours),
        };
        e.maps[0].connectors[0].label = "daarna".into();
        x.maps[0].connectors.clear();
        let merged = merge(&base, &ours, &theirs, emptied).unwrap();
        assert_eq!(merged.conflicts, 1, "{:?}", merged.project.conflicts);
        assert!(merged.project.maps[0].connectors.is_empty());
    }
}

fn ids(list: &[u64]) -> Vec<Value> {
    list.iter().map(|id| json!({ "id": id })).collect()
}

#[test]
fn a_list_takes_the_order_of_the_side_that_reordered_it() {
    // Theirs reordered, ours deleted one: theirs' order, the deletion decided per element.
    assert_eq!(
        order(&ids(&[1, 2, 3]), &ids(&[1, 3]), &ids(&[3, 2, 1])),
        [3, 2, 1]
    );
    // Ours reordered, theirs added: ours' order, theirs' addition after what it followed.
    assert_eq!(
        order(&ids(&[1, 2, 3]), &ids(&[3, 2, 1]), &ids(&[1, 4, 2, 3])),
        [3, 2, 1, 4]
    );
    // Neither reordered, both added at the end: ours' order, theirs' addition right after
    // the element it followed, every id once.
    assert_eq!(
        order(&ids(&[1, 2]), &ids(&[1, 2, 5]), &ids(&[1, 2, 6])),
        [1, 2, 6, 5]
    );
    // Both deleted one: it stays out.
    assert_eq!(
        order(&ids(&[1, 2, 3]), &ids(&[1, 3]), &ids(&[3, 1])),
        [3, 1]
    );
}

/// Whatever the sides hold, the merge never returns a project the app would refuse to open.
#[test]
fn a_merge_that_would_not_open_is_refused() {
    let base = with_persona();
    let mut ours = base.clone();
    ours.maps[0].cards[0].title = "x".repeat(10_000);
    let theirs = base.clone();
    assert!(matches!(
        merge(&base, &ours, &theirs, Side::Ours),
        Err(MergeError::Invalid(_))
    ));
}

/// A map's personas are a set of ids that starts empty in the base: both additions are kept.
#[test]
fn personas_added_to_a_map_on_both_sides_are_both_kept() {
    let mut base = with_persona();
    base.personas.push(Persona {
        name: "Bram".into(),
        ..Persona::default()
    });
    base.maps[0].personas.clear();
    let (anna, bram) = (base.personas[0].id, base.personas[1].id);
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.maps[0].personas = vec![anna];
    theirs.maps[0].personas = vec![bram];
    let merged = merge(&base, &ours, &theirs, Side::Ours).unwrap();
    assert_eq!(merged.conflicts, 0, "{:?}", merged.project.conflicts);
    assert_eq!(merged.project.maps[0].personas, [anna, bram]);
}

/// One side adds a persona to the map, the other removes the only one: the set merge, not a
/// list merge of ids the elements do not have.
#[test]
fn a_set_emptied_on_one_side_and_grown_on_the_other_keeps_the_addition() {
    let mut base = with_persona();
    base.personas.push(Persona {
        name: "Bram".into(),
        ..Persona::default()
    });
    let (anna, bram) = (base.personas[0].id, base.personas[1].id);
    base.maps[0].personas = vec![anna];
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.maps[0].personas = vec![anna, bram];
    theirs.maps[0].personas.clear();
    let merged = merge(&base, &ours, &theirs, Side::Ours).unwrap();
    assert_eq!(merged.conflicts, 0, "{:?}", merged.project.conflicts);
    assert_eq!(merged.project.maps[0].personas, [bram]);
}

/// Card 0 in stage 0, card 1 in stage 1 and lane 1 of a two-map project.
fn two_maps() -> Project {
    let mut p = with_persona();
    let second = crate::templates::new_map(
        crate::model::MapKind::CustomerJourney,
        crate::i18n::Language::Dutch,
    );
    let map = &mut p.maps[0];
    map.title = "Claim".into();
    map.cards[0].title = "Bellen".into();
    map.cards[1].stage = map.stages[1].id;
    map.cards[1].lane = map.lanes[1].id;
    map.cards[1].title = "Mailen".into();
    map.stages[1].journey = Some(second.id);
    p.maps.push(second);
    p
}

#[test]
fn a_conflict_names_its_place_by_the_things_titles() {
    let base = two_maps();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.maps[0].cards[0].body = "ons".into();
    theirs.maps[0].cards[0].body = "hun".into();
    let merged = merge(&base, &ours, &theirs, Side::Ours).unwrap();
    assert_eq!(
        merged.project.conflicts[0].place,
        "maps › \"Claim\" › cards › \"Bellen\" › body"
    );
    // Without a title, the id.
    let mut base = base;
    base.maps[0].cards[0].title = " ".into();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.maps[0].cards[0].body = "ons".into();
    theirs.maps[0].cards[0].body = "hun".into();
    let id = serde_json::to_value(base.maps[0].cards[0].id).unwrap();
    let merged = merge(&base, &ours, &theirs, Side::Ours).unwrap();
    let place = &merged.project.conflicts[0].place;
    assert!(place.contains(&format!("cards › {id} › body")), "{place}");
}

#[test]
fn a_stage_and_lane_deleted_on_one_side_are_kept_while_the_other_uses_them() {
    let base = two_maps();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    // Ours deletes stage 1, its card and lane 1; theirs edits that card.
    let (stage, lane) = (base.maps[0].stages[1].id, base.maps[0].lanes[1].id);
    ours.maps[0].cards.retain(|c| c.stage != stage);
    ours.maps[0].stages.retain(|s| s.id != stage);
    ours.maps[0].lanes.retain(|l| l.id != lane);
    theirs.maps[0].cards[1].body = "nog nodig".into();
    let merged = merge(&base, &ours, &theirs, Side::Theirs).unwrap();
    let map = &merged.project.maps[0];
    assert_eq!(map.stages, base.maps[0].stages, "back in its place");
    assert_eq!(map.lanes, base.maps[0].lanes);
    let stage_name = &base.maps[0].stages[1].name;
    let lane_name = &base.maps[0].lanes[1].name;
    assert!(
        merged
            .kept
            .iter()
            .any(|k| k.starts_with(&format!("stage {stage_name:?} of map \"Claim\""))),
        "{:?}",
        merged.kept
    );
    assert!(
        merged
            .kept
            .iter()
            .any(|k| k.starts_with(&format!("lane {lane_name:?} of map \"Claim\""))),
        "{:?}",
        merged.kept
    );
}

#[test]
fn a_card_deleted_on_one_side_and_linked_on_the_other_is_kept() {
    let base = two_maps();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let (a, b) = (base.maps[0].cards[0].id, base.maps[0].cards[1].id);
    ours.maps[0].cards.retain(|c| c.id != b);
    theirs.maps[0].connectors.push(crate::model::Connector {
        from: a,
        to: b,
        ..crate::model::Connector::default()
    });
    let merged = merge(&base, &ours, &theirs, Side::Ours).unwrap();
    assert!(merged.project.maps[0].card(b).is_some());
    assert_eq!(merged.kept.len(), 1, "{:?}", merged.kept);
    assert!(
        merged.kept[0].starts_with("card \"Mailen\""),
        "{:?}",
        merged.kept
    );
}

#[test]
fn a_persona_deleted_on_one_side_and_put_on_a_map_on_the_other_is_kept() {
    let base = two_maps();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let anna = base.personas[1].id;
    assert_eq!(base.personas[1].name, "Anna");
    ours.personas.remove(1);
    theirs.maps[0].personas = vec![anna];
    let merged = merge(&base, &ours, &theirs, Side::Ours).unwrap();
    assert_eq!(merged.project.personas, base.personas);
    assert_eq!(
        merged.kept,
        ["persona \"Anna\", deleted on one side, is still on a map on the other"]
    );
    // Deleted on one side and unused on the other: gone, nothing said.
    let (mut ours, theirs) = (base.clone(), base.clone());
    ours.personas.remove(1);
    let merged = merge(&base, &ours, &theirs, Side::Ours).unwrap();
    assert_eq!(merged.project.personas, ours.personas);
    assert!(merged.kept.is_empty(), "{:?}", merged.kept);
}

#[test]
fn a_stage_zooms_into_nothing_once_its_map_is_deleted() {
    let base = two_maps();
    let (mut ours, theirs) = (base.clone(), base.clone());
    let merged = merge(&base, &ours, &theirs, Side::Ours).unwrap();
    assert_eq!(
        merged.project.maps[0].stages[1].journey,
        Some(base.maps[1].id)
    );
    assert!(merged.kept.is_empty());
    ours.maps.pop();
    let merged = merge(&base, &ours, &theirs, Side::Ours).unwrap();
    assert_eq!(merged.project.maps[0].stages[1].journey, None);
    assert_eq!(merged.kept.len(), 1, "{:?}", merged.kept);
}

/// A persona put back brings its picture back too, once, also when two share it.
#[test]
fn a_persona_put_back_brings_back_its_picture_once() {
    let mut base = two_maps();
    let picture = crate::model::EmbeddedImage {
        name: "anna.png".into(),
        mime: "image/png".into(),
        // One transparent pixel.
        data_base64: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==".into(),
        ..crate::model::EmbeddedImage::default()
    };
    base.personas[1].image = Some(picture.id);
    base.personas.push(Persona {
        name: "Anna's zus".into(),
        image: Some(picture.id),
        ..Persona::default()
    });
    base.images.push(picture);
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.personas.truncate(1);
    ours.images.clear();
    theirs.maps[0].personas = vec![base.personas[1].id, base.personas[2].id];
    let merged = merge(&base, &ours, &theirs, Side::Ours).unwrap();
    assert_eq!(merged.project.personas, base.personas);
    assert_eq!(merged.project.images, base.images);
    assert!(
        merged
            .kept
            .contains(&"picture \"anna.png\" is still used".to_owned()),
        "{:?}",
        merged.kept
    );
}

fn with_actions() -> Project {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/waterschade-claim.klantreis.ron");
    let mut p = crate::file::load(&path).unwrap().project;
    p.actions.clear();
    p.opportunities.clear();
    let card = p.maps[0].cards[0].id;
    for title in ["Online schadeformulier", "Terugbelbelofte"] {
        p.actions.push(crate::model::Action {
            title: title.to_owned(),
            cards: vec![card],
            ..crate::model::Action::default()
        });
    }
    p
}

/// One side marks an action done, the other re-owns it: both are kept; a third action each
/// side added is kept too.
#[test]
fn actions_merge_by_id_field_by_field() {
    use crate::model::{Action, ActionStatus, Owner};
    let base = with_actions();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.actions[0].status = ActionStatus::Done;
    ours.actions[0].done = "2026-03-15".to_owned();
    let owner = base.stakeholders[1].id;
    theirs.actions[0].owner = Some(Owner::Stakeholder(owner));
    ours.actions.push(Action {
        title: "ours".into(),
        ..Action::default()
    });
    theirs.actions.push(Action {
        title: "theirs".into(),
        ..Action::default()
    });
    let card = base.maps[0].cards[1].id;
    ours.actions[1].cards.push(card);
    let merged = merge(&base, &ours, &theirs, Side::Ours).unwrap();
    assert_eq!(merged.conflicts, 0, "{:?}", merged.project.conflicts);
    let a = &merged.project.actions;
    assert_eq!(a.len(), 4);
    assert_eq!(a[0].status, ActionStatus::Done);
    assert_eq!(a[0].owner, Some(Owner::Stakeholder(owner)));
    assert_eq!(a[1].cards, [base.maps[0].cards[0].id, card]);
    let mut added = [a[2].title.as_str(), a[3].title.as_str()];
    added.sort_unstable();
    assert_eq!(added, ["ours", "theirs"]);
}

/// Re-owned two ways — to a stakeholder and to a name — is one conflict on the owner, never a
/// mix of both that the file would refuse; the same for a measure changed in kind.
#[test]
fn an_owner_changed_two_ways_is_a_conflict_not_a_mix() {
    use crate::model::{Measure, Owner};
    let base = with_actions();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.actions[0].owner = Some(Owner::Named("Juridische zaken".into()));
    theirs.actions[0].owner = Some(Owner::Stakeholder(base.stakeholders[0].id));
    ours.actions[1].measure = Some(Measure::Data {
        dataset: base.datasets[0].id,
        stage: None,
        card: None,
        percent: -15.0,
    });
    theirs.actions[1].measure = Some(Measure::Remembered {
        map: base.maps[0].id,
        curve: base.maps[0].curves[0].id,
        points: 1.0,
    });
    let mut base2 = base.clone();
    base2.actions[0].owner = Some(Owner::Stakeholder(base.stakeholders[1].id));
    base2.actions[1].measure = Some(Measure::Remembered {
        map: base.maps[0].id,
        curve: base.maps[0].curves[0].id,
        points: 0.5,
    });
    for b in [&base, &base2] {
        let merged = merge(b, &ours, &theirs, Side::Theirs).unwrap();
        let paths: Vec<&str> = merged
            .project
            .conflicts
            .iter()
            .map(|c| c.path.as_str())
            .collect();
        assert_eq!(paths.len(), 2, "{paths:?}");
        assert!(paths[0].ends_with("/owner"), "{paths:?}");
        assert!(paths[1].ends_with("/measure"), "{paths:?}");
        assert_eq!(merged.project.actions[0].owner, theirs.actions[0].owner);
        assert_eq!(merged.project.actions[1].measure, theirs.actions[1].measure);
    }
}

/// One side deletes the card the other side's action addresses: the action lets go of it and
/// the merge says so.
#[test]
fn an_action_lets_go_of_a_card_deleted_on_one_side_and_says_so() {
    let base = with_actions();
    let (mut ours, theirs) = (base.clone(), base.clone());
    let card = base.maps[0].cards[0].id;
    ours.maps[0].cards.retain(|c| c.id != card);
    let merged = merge(&base, &ours, &theirs, Side::Ours).unwrap();
    assert!(merged.project.actions.iter().all(|a| a.cards.is_empty()));
    assert!(
        merged
            .kept
            .iter()
            .any(|k| k.contains("Online schadeformulier") && k.contains("no longer addresses")),
        "{:?}",
        merged.kept
    );
}

/// Review comments merge by id: each side's new ones are kept, the same review imported on
/// both sides is one comment, a reply on one side and a resolve on the other combine.
#[test]
fn comments_merge_by_id() {
    use crate::model::{Comment, CommentId, Reply, Target};
    let mut base = with_persona();
    let map = base.maps[0].id;
    let comment = |id: u64, text: &str| Comment {
        id: CommentId(id),
        map,
        on: Target::Map,
        text: text.into(),
        written: "2026-12-01T10:00:00Z".into(),
        ..Comment::default()
    };
    base.comments.push(comment(1, "oud"));
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.comments.push(comment(2, "van ons"));
    ours.comments.push(comment(9, "dezelfde review"));
    theirs.comments.push(comment(3, "van hen"));
    theirs.comments.push(comment(9, "dezelfde review"));
    ours.comments[0].replies.push(Reply {
        text: "antwoord".into(),
        written: "2026-12-02T10:00:00Z".into(),
        ..Reply::default()
    });
    theirs.comments[0].resolved = true;
    let merged = merge(&base, &ours, &theirs, Side::Ours).unwrap();
    assert_eq!(merged.conflicts, 0, "{:?}", merged.project.conflicts);
    let mut ids: Vec<u64> = merged.project.comments.iter().map(|c| c.id.0).collect();
    ids.sort_unstable();
    assert_eq!(ids, [1, 2, 3, 9]);
    let first = merged.project.comment(CommentId(1)).unwrap();
    assert!(first.resolved);
    assert_eq!(first.replies.len(), 1);
}
