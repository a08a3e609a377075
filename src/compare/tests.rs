//! The comparison, piece by piece: each kind of change is found, named and signed right.

use super::*;
use crate::model::{EmotionPoint, Lane, LaneKind, Persona, Stage};

/// A small project: one map of three stages and two lanes, a card in each lane of the first
/// stage, a persona whose curve scores each stage, and a data set on the map.
fn project() -> Project {
    let mut project = crate::templates::new_project(
        crate::model::MapKind::CustomerJourney,
        crate::i18n::Language::Dutch,
    );
    let persona = Persona {
        name: "Anna".into(),
        ..Persona::default()
    };
    let map = &mut project.maps[0];
    map.stages = vec![
        Stage::named("Oriënteren"),
        Stage::named("Kopen"),
        Stage::named("Gebruiken"),
    ];
    map.lanes = vec![
        Lane::new("Acties", LaneKind::CustomerActions),
        Lane::new("Contactpunten", LaneKind::Touchpoints),
    ];
    map.cards = vec![
        Card {
            title: "Zoeken".into(),
            stage: map.stages[0].id,
            lane: map.lanes[0].id,
            ..Card::default()
        },
        Card {
            title: "Website".into(),
            stage: map.stages[0].id,
            lane: map.lanes[1].id,
            ..Card::default()
        },
    ];
    let mut curve = crate::model::EmotionCurve {
        persona: Some(persona.id),
        ..crate::model::EmotionCurve::default()
    };
    for (stage, score) in map.stages.iter().zip([1.0, -1.0, 2.0]) {
        curve.points.push(EmotionPoint {
            stage: stage.id,
            score,
            ..EmotionPoint::default()
        });
    }
    map.curves = vec![curve];
    let dataset = Dataset {
        name: "Gesprekken".into(),
        map: Some(map.id),
        values: vec![crate::model::DataPoint {
            value: 100.0,
            stage: Some(map.stages[1].id),
            ..crate::model::DataPoint::default()
        }],
        ..Dataset::default()
    };
    project.personas.push(persona);
    project.datasets.push(dataset);
    project
}

fn map_diff(old: &Project, new: &Project) -> MapDiff {
    diff(
        new,
        Version::current(old, &old.maps[0], "oud"),
        Version::current(new, &new.maps[0], "nieuw"),
    )
}

#[test]
fn the_same_project_has_no_changes() {
    let p = project();
    assert!(map_diff(&p, &p).is_empty());
    assert!(diff_projects(&p, &p, ("a", "b")).is_empty());
}

#[test]
fn a_card_moved_to_another_lane_is_moved_and_says_where_it_was() {
    let old = project();
    let mut new = old.clone();
    new.maps[0].cards[0].lane = new.maps[0].lanes[1].id;
    let d = map_diff(&old, &new);
    assert_eq!(d.cards.len(), 1);
    let c = &d.cards[0];
    assert_eq!(c.kind, Kind::Moved);
    assert_eq!(
        (c.stage.as_str(), c.lane.as_str()),
        ("Oriënteren", "Contactpunten")
    );
    assert_eq!(c.from, Some(("Oriënteren".into(), "Acties".into())));
    // To another stage too.
    new.maps[0].cards[1].stage = new.maps[0].stages[2].id;
    assert_eq!(map_diff(&old, &new).cards.len(), 2);
}

#[test]
fn a_changed_card_names_its_fields_and_a_removed_one_is_listed_last() {
    let old = project();
    let mut new = old.clone();
    new.maps[0].cards[1].owner = "Marketing".into();
    new.maps[0].cards.remove(0);
    let d = map_diff(&old, &new);
    let kinds: Vec<Kind> = d.cards.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [Kind::Changed, Kind::Removed]);
    assert_eq!(d.cards[0].fields[0].field, "owner");
    assert_eq!(d.cards[0].fields[0].after, "Marketing");
    assert_eq!(d.cards[1].title, "Zoeken");
}

#[test]
fn stages_are_matched_by_id_so_a_rename_is_a_rename() {
    let old = project();
    let mut new = old.clone();
    new.maps[0].stages[1].name = "Bestellen".into();
    new.maps[0].stages.swap(0, 2);
    let d = map_diff(&old, &new);
    let renamed = d.stages.iter().find(|p| p.kind == Kind::Changed).unwrap();
    assert_eq!(renamed.was.as_deref(), Some("Kopen"));
    assert_eq!(renamed.name, "Bestellen");
    assert!(d.stages.iter().any(|p| p.kind == Kind::Moved));
    assert!(
        !d.stages
            .iter()
            .any(|p| p.kind == Kind::Added || p.kind == Kind::Removed)
    );
}

#[test]
fn a_stages_milestone_and_success_criteria_are_compared() {
    let old = project();
    let mut new = old.clone();
    new.maps[0].stages[1].milestone = "Bestelling geplaatst".into();
    new.maps[0].stages[2].success_criteria = "Werkt binnen een dag".into();
    let d = map_diff(&old, &new);
    assert!(!d.is_empty());
    let fields: Vec<(&str, &str, &str)> = d
        .parts_changed
        .iter()
        .flat_map(|t| {
            t.fields
                .iter()
                .map(move |f| (t.name.as_str(), f.field.as_str(), f.after.as_str()))
        })
        .collect();
    assert_eq!(
        fields,
        [
            ("Kopen", "milestone", "Bestelling geplaatst"),
            ("Gebruiken", "success criteria", "Werkt binnen een dag")
        ]
    );
    let text = text::map_text(&d);
    assert!(text.contains("Stage \"Kopen\": changed"), "{text}");
    assert!(
        text.contains("milestone: \"\" → \"Bestelling geplaatst\""),
        "{text}"
    );
}

#[test]
fn a_curve_change_is_signed_the_right_way() {
    let old = project();
    let mut new = old.clone();
    new.maps[0].curves[0].points[1].score = 1.0;
    new.maps[0].curves[0].points[2].score = 0.0;
    let d = map_diff(&old, &new);
    let c = &d.curves[0];
    let scores: Vec<(Option<f64>, Option<f64>)> =
        c.stages.iter().map(|s| (s.before, s.after)).collect();
    assert_eq!(scores, [(Some(-1.0), Some(1.0)), (Some(2.0), Some(0.0))]);
    let text = text::map_text(&d);
    assert!(text.contains("Kopen: −1 → 1 (+2)"), "{text}");
    assert!(text.contains("Gebruiken: 2 → 0 (−2)"), "{text}");
    assert_eq!(c.name, "Anna · huidig");
}

#[test]
fn a_data_sets_latest_figure_per_stage_is_compared() {
    let old = project();
    let mut new = old.clone();
    new.datasets[0].values.push(crate::model::DataPoint {
        value: 80.0,
        stage: Some(new.maps[0].stages[1].id),
        date: "2026-12-01".into(),
        ..crate::model::DataPoint::default()
    });
    let d = map_diff(&old, &new);
    assert_eq!(d.metrics.len(), 1);
    assert_eq!(
        (d.metrics[0].before, d.metrics[0].after),
        (Some(100.0), Some(80.0))
    );
    assert_eq!(d.metrics[0].stage, "Kopen");
    let text = text::map_text(&d);
    assert!(text.contains("\nMetrics\n  Gesprekken, Kopen: "), "{text}");
    // No heading without a change under it.
    new.datasets[0].values.pop();
    new.maps[0].cards[0].title = "Vergelijken".into();
    let text = text::map_text(&map_diff(&old, &new));
    assert!(!text.contains("Metrics"), "{text}");
}

#[test]
fn personas_stakeholders_evidence_and_data_sets_are_compared() {
    let old = project();
    let mut new = old.clone();
    let anna = new
        .personas
        .iter_mut()
        .find(|p| p.name == "Anna")
        .expect("Anna");
    anna.name = "Ans".into();
    new.datasets[0].unit = "gesprekken".into();
    new.stakeholders.push(crate::model::Stakeholder {
        name: "Klantenservice".into(),
        ..crate::model::Stakeholder::default()
    });
    let d = diff_projects(&old, &new, ("a", "b"));
    assert!(!d.is_empty());
    let found: Vec<(&str, Kind, &str)> = d
        .things
        .iter()
        .map(|t| (t.thing, t.kind, t.name.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("persona", Kind::Changed, "Ans"),
            ("stakeholder", Kind::Added, "Klantenservice"),
            ("data set", Kind::Changed, "Gesprekken"),
        ]
    );
    assert_eq!(d.things[0].fields[0].before, "Anna");
    let text = text::project_text(&d);
    assert!(
        text.contains("Persona \"Ans\": changed\n  name: \"Anna\" → \"Ans\""),
        "{text}"
    );
    // The JSON carries them too.
    assert_eq!(text::project_json(&d)["things"][1]["kind"], "added");
    // Re-reading a data set moves its time on; that alone is no change.
    let mut reread = old.clone();
    reread.datasets[0].import = Some(crate::model::DataImport {
        imported: "2026-12-07T10:00:00Z".into(),
        ..crate::model::DataImport::default()
    });
    assert!(diff_projects(&old, &reread, ("a", "b")).things.is_empty());
}

#[test]
fn values_are_worded_as_people_read_them() {
    use crate::i18n::Language::{Dutch, English};
    use things::{conflict_value_in_words, value_in_words};
    assert_eq!(conflict_value_in_words("\"Bellen\"", English), "“Bellen”");
    assert_eq!(conflict_value_in_words("null", Dutch), "verwijderd");
    assert_eq!(conflict_value_in_words("-0.5", Dutch), "−0,5");
    assert_eq!(conflict_value_in_words("true", English), "yes");
    assert_eq!(
        conflict_value_in_words("{\"id\":3,\"title\":\"Kassa\"}", English),
        "Kassa"
    );
    assert_eq!(
        value_in_words(&serde_json::json!([1, 2]), English),
        "2 items"
    );
    assert_eq!(value_in_words(&serde_json::json!(null), English), "none");
}

#[test]
fn long_names_and_values_are_cut_at_sixty_characters_with_an_ellipsis() {
    use serde_json::json;
    use things::value_in_words;
    let en = crate::i18n::Language::English;
    let sixty = "a".repeat(60);
    // A thing named by exactly sixty characters shows them all; one more is cut.
    assert_eq!(value_in_words(&json!({ "name": sixty }), en), sixty);
    assert_eq!(
        value_in_words(&json!({ "name": format!("{sixty}b") }), en),
        format!("{sixty}…")
    );
    // Letters of more than one byte count as one.
    let dutch = "ë".repeat(60);
    assert_eq!(value_in_words(&json!({ "title": dutch }), en), dutch);
    // A nameless thing shows its JSON, cut the same way.
    assert_eq!(value_in_words(&json!({ "x": 1 }), en), "{\"x\":1}");
    let long = value_in_words(&json!({ "x": "y".repeat(80) }), en);
    assert_eq!(long.chars().count(), 61);
    assert!(long.ends_with('…'), "{long}");
    // A blank name gives way to the next field that has one.
    assert_eq!(
        value_in_words(&json!({ "title": " ", "name": "Anna" }), en),
        "Anna"
    );
}

#[test]
fn the_goal_band_of_a_map_is_compared_field_by_field() {
    let old = project();
    let mut new = old.clone();
    new.maps[0].goal = "Schade binnen een week vergoed".into();
    new.maps[0].scenario = "Lekkage na een storm".into();
    let d = map_diff(&old, &new);
    assert!(!d.is_empty());
    let info: Vec<(&str, &str, &str)> = d
        .info
        .iter()
        .map(|f| (f.field.as_str(), f.before.as_str(), f.after.as_str()))
        .collect();
    assert_eq!(
        info,
        [
            (
                "goal",
                old.maps[0].goal.as_str(),
                "Schade binnen een week vergoed"
            ),
            (
                "scenario",
                old.maps[0].scenario.as_str(),
                "Lekkage na een storm"
            ),
        ]
    );
}

#[test]
fn lanes_are_matched_by_id_and_a_new_one_is_added() {
    let old = project();
    let mut new = old.clone();
    new.maps[0].lanes[1].name = "Kanalen".into();
    new.maps[0]
        .lanes
        .push(Lane::new("Pijnpunten", LaneKind::PainPoints));
    let d = map_diff(&old, &new);
    let lanes: Vec<(Kind, &str, Option<&str>)> = d
        .lanes
        .iter()
        .map(|p| (p.kind, p.name.as_str(), p.was.as_deref()))
        .collect();
    assert_eq!(
        lanes,
        [
            (Kind::Changed, "Kanalen", Some("Contactpunten")),
            (Kind::Added, "Pijnpunten", None),
        ]
    );
}

/// Removing the first stage and adding one in its place moves no other stage.
#[test]
fn a_stage_removed_and_one_added_is_no_move_of_the_others() {
    let old = project();
    let mut new = old.clone();
    new.maps[0].stages[0] = Stage::named("Ontdekken");
    let d = map_diff(&old, &new);
    let stages: Vec<(Kind, &str)> = d.stages.iter().map(|p| (p.kind, p.name.as_str())).collect();
    assert_eq!(
        stages,
        [(Kind::Added, "Ontdekken"), (Kind::Removed, "Oriënteren")]
    );
    // Only removed, and only added, also move nothing.
    let mut removed = old.clone();
    removed.maps[0].stages.remove(0);
    let d = map_diff(&old, &removed);
    assert_eq!(d.stages.len(), 1, "{:?}", d.stages);
    let mut added = old.clone();
    added.maps[0].stages.insert(0, Stage::named("Ontdekken"));
    let d = map_diff(&old, &added);
    assert_eq!(d.stages.len(), 1, "{:?}", d.stages);
}

#[test]
fn a_fail_point_set_on_a_card_reads_no_then_yes() {
    let old = project();
    let mut new = old.clone();
    new.maps[0].cards[0].fail_point = true;
    let d = map_diff(&old, &new);
    let f = &d.cards[0].fields[0];
    assert_eq!(
        (f.field.as_str(), f.before.as_str(), f.after.as_str()),
        ("fail point", "no", "yes")
    );
}

#[test]
fn the_goal_band_gets_its_own_heading_in_the_text_only_when_it_changed() {
    let old = project();
    let mut new = old.clone();
    new.maps[0].cards[0].title = "Vergelijken".into();
    let text = super::text::map_text(&map_diff(&old, &new));
    assert!(!text.contains("\nMap\n"), "{text}");
    new.maps[0].goal = "Snel geholpen".into();
    let text = super::text::map_text(&map_diff(&old, &new));
    let line = format!(
        "\nMap\n  goal: {:?} → \"Snel geholpen\"\n",
        old.maps[0].goal
    );
    assert!(text.contains(&line), "{text}");
}

/// Scores closer than a billionth are the same score (rounding in a file is no change).
#[test]
fn a_score_that_moved_by_a_billionth_or_less_did_not_change() {
    assert!(!differs(Some(0.0), Some(EPSILON)));
    assert!(differs(Some(0.0), Some(2.0 * EPSILON)));
    assert!(differs(None, Some(0.0)));
    assert!(!differs(None, None));
}

/// Actions are compared by id: added, a status changed, re-owned (by name, whether the owner is
/// a stakeholder or a name written).
#[test]
fn actions_added_changed_in_status_and_re_owned_are_told() {
    use crate::model::{Action, ActionStatus, Owner, Stakeholder};
    let mut old = project();
    old.stakeholders.push(Stakeholder {
        name: "Schadeafdeling".into(),
        ..Stakeholder::default()
    });
    let owner = old.stakeholders.last().unwrap().id;
    old.actions.push(Action {
        title: "Terugbelbelofte".into(),
        owner: Some(Owner::Stakeholder(owner)),
        ..Action::default()
    });
    old.actions.push(Action {
        title: "Statusmail".into(),
        ..Action::default()
    });
    let mut new = old.clone();
    new.actions[0].status = ActionStatus::InProgress;
    new.actions[0].owner = Some(Owner::Named("Klantcontactcentrum".into()));
    new.actions.push(Action {
        title: "Online schadeformulier".into(),
        ..Action::default()
    });
    let d = diff_projects(&old, &new, ("a", "b"));
    let found: Vec<(&str, Kind, &str)> = d
        .things
        .iter()
        .map(|t| (t.thing, t.kind, t.name.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("action", Kind::Changed, "Terugbelbelofte"),
            ("action", Kind::Added, "Online schadeformulier"),
        ]
    );
    let text = text::project_text(&d);
    assert!(
        text.contains("  owner: \"Schadeafdeling\" → \"Klantcontactcentrum\""),
        "{text}"
    );
    assert!(
        text.contains("  status: \"idea\" → \"in-progress\""),
        "{text}"
    );
    // The stakeholder renamed: the action is re-owned in words, though its id is the same.
    let mut renamed = old.clone();
    renamed.stakeholders.last_mut().unwrap().name = "Schade".into();
    let d = diff_projects(&old, &renamed, ("a", "b"));
    assert!(
        d.things
            .iter()
            .any(|t| t.thing == "action" && t.fields[0].after == "Schade"),
        "{:?}",
        d.things
    );
}

/// Respondents have no id: they are matched by their code, so an unchanged register has no
/// changes, a new code is added, a changed segment is a change of that respondent.
#[test]
fn respondents_are_matched_by_their_code() {
    use crate::model::Respondent;
    let mut old = project();
    old.respondents = vec![Respondent::coded("P01"), Respondent::coded("P02")];
    old.respondents[1].segment = "huurder".into();
    let same = things::project_things(&old, &old.clone());
    assert!(same.is_empty(), "{same:?}");
    let mut new = old.clone();
    new.respondents[1].segment = "eigenaar".into();
    new.respondents.push(Respondent::coded("P03"));
    let changes = things::project_things(&old, &new);
    let words: Vec<(Kind, String)> = changes.iter().map(|c| (c.kind, c.name.clone())).collect();
    assert_eq!(
        words,
        [
            (Kind::Changed, "P02".to_owned()),
            (Kind::Added, "P03".to_owned())
        ]
    );
    assert_eq!(changes[0].fields.len(), 1, "{:?}", changes[0].fields);
}
