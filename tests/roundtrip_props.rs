//! Property: any valid project survives save → load unchanged, with identical bytes.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use std::path::Path;

use proptest::prelude::*;

use klantreis::file;
use klantreis::model::{
    Card, CardId, Channel, CurveVariant, EmotionCurve, EmotionPoint, EmotionScale, Evidence,
    EvidenceId, Lane, LaneKind, Map, MapId, MapKind, MomentOfTruth, Persona, PersonaId, Project,
    Rgb, Stage,
};

fn text() -> impl Strategy<Value = String> {
    // Unicode, quotes, backslashes, newlines and RON punctuation must all survive.
    prop::string::string_regex("[a-zA-Z0-9 éëïüàçñß€“”\"\\\\\n\t(),:#\\[\\]{}🙂-]{0,40}").unwrap()
}

fn scale() -> impl Strategy<Value = EmotionScale> {
    prop_oneof![
        Just(EmotionScale::MinusTwoToTwo),
        Just(EmotionScale::MinusFiveToFive),
        Just(EmotionScale::OneToFive),
        Just(EmotionScale::OneToTen),
        (-50i32..0, 1i32..50).prop_map(|(min, max)| EmotionScale::Custom {
            min: f64::from(min),
            max: f64::from(max)
        }),
    ]
}

fn channel() -> impl Strategy<Value = Option<Channel>> {
    prop_oneof![
        Just(None),
        (0..Channel::FIXED.len()).prop_map(|i| Some(Channel::FIXED[i].clone())),
        text().prop_map(|t| Some(Channel::Other(t))),
    ]
}

prop_compose! {
    fn map_strategy(personas: Vec<PersonaId>, evidence: Vec<EvidenceId>)(
        kind in 0..3usize,
        title in text(),
        goal in text(),
        scale in scale(),
        stage_names in prop::collection::vec(text(), 1..6),
        lane_kinds in prop::collection::vec(0..LaneKind::ALL.len(), 1..5),
        cards in prop::collection::vec((0..100usize, 0..100usize, 1..4u16, text(), text(), channel(), text(), any::<bool>(), prop::option::of(any::<(u8, u8, u8)>()), prop::collection::vec(text(), 0..3), any::<u32>()), 0..12),
        points in prop::collection::vec((0..100usize, 0.0..1.0f64, text(), any::<bool>()), 0..8),
        variant in any::<bool>(),
        personas in Just(personas),
        evidence in Just(evidence),
    ) -> Map {
        let stages: Vec<Stage> = stage_names.into_iter().map(|n| Stage { description: n.clone(), ..Stage::named(n) }).collect();
        let lanes: Vec<Lane> = lane_kinds.into_iter().map(|k| Lane::new(format!("lane {k}"), LaneKind::ALL[k])).collect();
        let cards: Vec<Card> = cards.into_iter().map(|(l, s, span, title, body, channel, owner, mot, colour, tags, order)| {
            let s = s % stages.len();
            Card {
                id: CardId::random(),
                lane: lanes[l % lanes.len()].id,
                stage: stages[s].id,
                span: span.min((stages.len() - s) as u16),
                order,
                title,
                body,
                channel,
                owner,
                // Both ways round, without another strategy: the order's parity will do.
                third_party: order % 2 == 1,
                moment_of_truth: mot.then(|| MomentOfTruth { reason: "waarom".to_owned() }),
                colour: colour.map(|(r, g, b)| Rgb(r, g, b)),
                tags,
                evidence: evidence.iter().take(order as usize % 3).copied().collect(),
                fail_point: order % 3 == 1,
                wait_point: order % 5 == 2,
            }
        }).collect();
        // Arrows from each card to the next, with the title as label now and then.
        let connectors: Vec<klantreis::model::Connector> = cards
            .windows(2)
            .map(|w| klantreis::model::Connector {
                from: w[0].id,
                to: w[1].id,
                label: if w[0].order % 2 == 0 { w[1].title.clone() } else { String::new() },
                ..klantreis::model::Connector::default()
            })
            .collect();
        let points = points.into_iter().map(|(s, t, label, with_card)| EmotionPoint {
            stage: stages[s % stages.len()].id,
            card: if with_card { cards.first().map(|c| c.id) } else { None },
            // Scores of any precision on the scale; the file must keep every bit.
            score: scale.min() + t * (scale.max() - scale.min()),
            label,
            from_data: t > 0.5,
        }).collect();
        Map {
            id: MapId::random(),
            kind: MapKind::ALL[kind],
            title,
            goal,
            scale,
            personas: personas.clone(),
            curves: vec![EmotionCurve {
                persona: personas.first().copied(),
                variant: if variant { CurveVariant::ToBe } else { CurveVariant::AsIs },
                points,
                ..EmotionCurve::default()
            }],
            stages,
            lanes,
            cards,
            connectors,
            ..Map::default()
        }
    }
}

/// An action as generated: title, description, impact, effort, status, due form, target.
type ActionSeed = (String, String, u8, u8, usize, usize, f64);

fn project_strategy() -> impl Strategy<Value = Project> {
    (
        text(),
        text(),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec((text(), 0u32..20), 0..4),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(
            (
                text(),
                text(),
                0u8..=5,
                0u8..=5,
                0..5usize,
                0..3usize,
                -100.0..1000.0f64,
            ),
            0..4,
        ),
    )
        .prop_flat_map(
            |(title, description, persona_names, evidence, opportunities, actions)| {
                let personas: Vec<Persona> = persona_names
                    .into_iter()
                    .map(|name| Persona {
                        name,
                        ..Persona::default()
                    })
                    .collect();
                let evidence: Vec<Evidence> = evidence
                    .into_iter()
                    .map(|(text, n)| Evidence {
                        text,
                        respondent_count: n,
                        ..Evidence::default()
                    })
                    .collect();
                let persona_ids = personas.iter().map(|p| p.id).collect::<Vec<_>>();
                let evidence_ids = evidence.iter().map(|e| e.id).collect::<Vec<_>>();
                prop::collection::vec(map_strategy(persona_ids, evidence_ids), 0..3).prop_map(
                    move |maps| {
                        let project = with_research(Project {
                            title: title.clone(),
                            description: description.clone(),
                            personas: personas.clone(),
                            evidence: evidence.clone(),
                            maps,
                            ..Project::default()
                        });
                        with_actions(project, &opportunities, &actions)
                    },
                )
            },
        )
}

/// Format 1.1's research: a register the evidence names, quotes on stages, a data set per map
/// read from a file (values on stages and cards, dated), shown by a metrics lane and driving
/// the first curve.
fn with_research(mut p: Project) -> Project {
    use klantreis::model::{
        CurveData, DataImport, DataPoint, Dataset, KeyLink, KeyMatch, ResearchMethod, Respondent,
    };
    p.respondents = (1..=3)
        .map(|i| Respondent {
            segment: format!("segment \"{i}\"\n"),
            date: "2026-10-14".to_owned(),
            method: ResearchMethod::ALL[i % ResearchMethod::ALL.len()],
            name: if i == 2 {
                "Jan".to_owned()
            } else {
                String::new()
            },
            ..Respondent::coded(format!("R{i:02}"))
        })
        .collect();
    for (i, e) in p.evidence.iter_mut().enumerate() {
        e.respondents = vec![format!("R{:02}", i % 3 + 1)];
        e.respondent_count = e.respondent_count.max(1);
    }
    let first = p.evidence.first().map(|e| e.id);
    let mut datasets = Vec::new();
    for (n, map) in p.maps.iter_mut().enumerate() {
        if let (Some(e), Some(stage)) = (first, map.stages.first_mut()) {
            stage.evidence.push(e);
        }
        let values: Vec<DataPoint> = map
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| DataPoint {
                label: format!("reden {i}"),
                value: i as f64 * 1.5 - 0.25,
                stage: Some(s.id),
                card: map.cards.iter().find(|c| c.stage == s.id).map(|c| c.id),
                date: format!("2026-0{}-1{i}", n + 1).chars().take(10).collect(),
                row: i as u32 + 2,
            })
            .filter(|v| klantreis::model::time::is_valid_date(&v.date))
            .collect();
        let set = Dataset {
            name: format!("Gesprekken {n}"),
            unit: "gesprekken".to_owned(),
            mean: n % 2 == 1,
            map: Some(map.id),
            import: Some(DataImport {
                file: "data/gesprekken;2026.csv".to_owned(),
                sheet: if n == 0 {
                    String::new()
                } else {
                    "Blad 1".to_owned()
                },
                key_column: "Fase".to_owned(),
                value_column: "Aantal".to_owned(),
                date_column: "Datum".to_owned(),
                matching: if n == 0 {
                    KeyMatch::Stage
                } else {
                    KeyMatch::Card
                },
                decimal_comma: true,
                links: vec![KeyLink {
                    key: "Elders".to_owned(),
                    stage: map.stages.first().map(|s| s.id),
                    card: None,
                }],
                imported: "2026-11-02T08:00:00Z".to_owned(),
                ..DataImport::default()
            }),
            values,
            ..Dataset::default()
        };
        if let Some(lane) = map.lanes.first_mut() {
            lane.datasets.push(set.id);
        }
        if let Some(curve) = map.curves.first_mut() {
            curve.data = Some(CurveData {
                dataset: set.id,
                low: 1.0,
                high: 5.0,
            });
        }
        datasets.push(set);
    }
    p.datasets = datasets;
    p
}

/// Format 1.3's opportunities and actions: owned by a name, scored or not, each status, due as
/// a quarter or a day, addressing the first map's first card and stage, measured on its data
/// set; the done ones dated.
fn with_actions(mut p: Project, opportunities: &[String], actions: &[ActionSeed]) -> Project {
    use klantreis::model::{Action, ActionStatus, Measure, Opportunity, Owner};
    let card = p.maps.first().and_then(|m| m.cards.first()).map(|c| c.id);
    let stage = p.maps.first().and_then(|m| m.stages.first()).map(|s| s.id);
    p.opportunities = opportunities
        .iter()
        .map(|title| Opportunity {
            title: title.clone(),
            description: format!("{title}\n\"quoted\""),
            cards: card.into_iter().collect(),
            stages: stage.into_iter().collect(),
            ..Opportunity::default()
        })
        .collect();
    let dataset = p.datasets.first().map(|d| d.id);
    p.actions = actions
        .iter()
        .enumerate()
        .map(|(i, (title, why, impact, effort, status, due, target))| {
            let status = ActionStatus::ALL[*status];
            Action {
                title: title.clone(),
                description: why.clone(),
                opportunity: p.opportunities.get(i).map(|o| o.id),
                owner: (i % 2 == 0).then(|| Owner::Named(format!("Team {title}"))),
                impact: *impact,
                impact_reason: why.clone(),
                effort: *effort,
                effort_reason: title.clone(),
                status,
                due: ["", "2026-Q2", "2026-05-31"][*due].to_owned(),
                done: if status == ActionStatus::Done {
                    "2026-04-15".to_owned()
                } else {
                    String::new()
                },
                cards: card.into_iter().collect(),
                stages: stage.into_iter().collect(),
                measure: dataset.map(|dataset| Measure::Data {
                    dataset,
                    stage,
                    card: None,
                    percent: *target,
                }),
                ..Action::default()
            }
        })
        .collect();
    p
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_valid_project_round_trips(project in project_strategy()) {
        let problems = file::validate(&project, &file::Limits::default());
        prop_assert!(problems.is_empty(), "generated an invalid project: {problems:?}");
        let text = file::to_ron_string(&project).unwrap();
        let loaded = file::from_ron_str(&text, Path::new("prop.klantreis.ron")).unwrap();
        prop_assert_eq!(&loaded.project, &project);
        prop_assert_eq!(file::to_ron_string(&loaded.project).unwrap(), text);
    }

    #[test]
    fn no_bytes_make_the_loader_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let text = String::from_utf8_lossy(&bytes);
        // Whatever the bytes, an answer: a project, or one line that names the file.
        if let Err(e) = file::from_ron_str(&text, Path::new("fuzz.klantreis.ron")) {
            let message = e.to_string();
            prop_assert!(message.ends_with("fuzz.klantreis.ron"), "{}", message);
            prop_assert!(!message.contains('\n'), "{}", message);
        }
    }

    #[test]
    fn mangled_projects_never_panic(project in project_strategy(), cut in 0.0..1.0f64, junk in "[\\[\\](),:a-z0-9\" ]{0,8}") {
        let text = file::to_ron_string(&project).unwrap();
        let mut at = (text.len() as f64 * cut) as usize;
        while !text.is_char_boundary(at) { at -= 1; }
        let mangled = format!("{}{}{}", &text[..at], junk, &text[at..]);
        match file::from_ron_str(&mangled, Path::new("mangled.klantreis.ron")) {
            // What still loads is a valid project, which saves again.
            Ok(loaded) => prop_assert!(file::to_ron_string(&loaded.project).is_ok()),
            Err(e) => {
                let message = e.to_string();
                prop_assert!(message.ends_with("mangled.klantreis.ron"), "{}", message);
                prop_assert!(!message.contains('\n'), "{}", message);
            }
        }
    }
}
