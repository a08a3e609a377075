//! Generated projects of any size with realistic text, for benchmarks and stress tests
//! (`cargo run --release --example generate`).

use crate::i18n::{Language, lane_kind_name};
use crate::model::{
    Card, Channel, CurveVariant, DataPoint, Dataset, EmotionCurve, EmotionPoint, EmotionScale,
    Evidence, Lane, LaneKind, Map, MapKind, MomentOfTruth, Persona, Project, Stage,
};

/// How big a generated project is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    pub stages: usize,
    pub lanes: usize,
    pub cards: usize,
    /// The same seed gives the same project.
    pub seed: u64,
}

const WORDS: &[&str] = &[
    "klant",
    "bestelling",
    "levering",
    "wachten",
    "formulier",
    "website",
    "winkel",
    "medewerker",
    "vraag",
    "antwoord",
    "factuur",
    "betaling",
    "afspraak",
    "monteur",
    "garantie",
    "retour",
    "bevestiging",
    "melding",
    "klacht",
    "oplossing",
    "informatie",
    "product",
    "prijs",
    "advies",
    "contract",
    "status",
    "app",
    "telefoon",
    "mail",
    "brief",
    "balie",
    "wachttijd",
    "kassa",
    "parkeren",
    "route",
    "voorraad",
    "keuze",
    "vergelijken",
    "reviews",
    "korting",
    "account",
    "inloggen",
    "wachtwoord",
    "zoeken",
    "filter",
    "bezorging",
    "pakket",
    "onduidelijk",
    "snel",
    "vriendelijk",
    "langzaam",
    "verwarrend",
    "duidelijk",
    "opnieuw",
    "eerst",
    "daarna",
    "niet",
    "weer",
    "geen",
    "goed",
    "slecht",
    "moeilijk",
    "makkelijk",
    "extra",
    "kosten",
    "tijd",
];

const OWNERS: &[&str] = &[
    "Klantenservice",
    "Marketing",
    "Logistiek",
    "Verkoop",
    "IT",
    "Financiën",
    "Buitendienst",
    "Winkelteam",
];

const LANE_KINDS: &[LaneKind] = &[
    LaneKind::CustomerActions,
    LaneKind::Touchpoints,
    LaneKind::Thoughts,
    LaneKind::Emotions,
    LaneKind::PainPoints,
    LaneKind::Opportunities,
    LaneKind::Owners,
    LaneKind::Backstage,
    LaneKind::Channels,
    LaneKind::Metrics,
    LaneKind::SupportProcesses,
    LaneKind::Evidence,
];

fn sentence(words: usize) -> String {
    let mut text = String::new();
    for i in 0..words {
        let word = WORDS[fastrand::usize(..WORDS.len())];
        if i == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                text.extend(first.to_uppercase());
                text.push_str(chars.as_str());
            }
        } else {
            text.push(' ');
            text.push_str(word);
        }
    }
    text
}

/// A project with one customer journey map of the given size, three personas, an as-is curve
/// per persona and a to-be curve, evidence and a data set; valid by construction.
pub fn generate(spec: &Spec) -> Project {
    fastrand::seed(spec.seed);
    let stages: Vec<Stage> = (0..spec.stages.max(1))
        .map(|i| Stage {
            description: sentence(fastrand::usize(4..14)),
            ..Stage::named(format!("{} {}", sentence(fastrand::usize(1..3)), i + 1))
        })
        .collect();
    let lanes: Vec<Lane> = (0..spec.lanes.max(1))
        .map(|i| {
            let kind = LANE_KINDS[i % LANE_KINDS.len()];
            Lane::new(lane_kind_name(Language::Dutch, kind), kind)
        })
        .collect();
    let personas: Vec<Persona> = ["Sanne", "Ahmed", "Joke"]
        .into_iter()
        .map(|name| Persona {
            name: name.to_owned(),
            role: sentence(3),
            description: sentence(20),
            goals: vec![sentence(6), sentence(5)],
            frustrations: vec![sentence(7)],
            quote: sentence(10),
            ..Persona::default()
        })
        .collect();
    let evidence: Vec<Evidence> = (0..=spec.cards / 10)
        .map(|i| Evidence {
            text: sentence(fastrand::usize(8..30)),
            source: format!("Interview {}", i + 1),
            respondent_count: fastrand::u32(1..40),
            ..Evidence::default()
        })
        .collect();
    let card_lanes: Vec<&Lane> = lanes
        .iter()
        .filter(|l| l.kind != LaneKind::Emotions)
        .collect();
    let mut order = vec![0_u32; lanes.len() * stages.len()];
    let cards: Vec<Card> = (0..spec.cards)
        .map(|_| {
            let lane_at = fastrand::usize(..card_lanes.len().max(1));
            let lane = card_lanes.get(lane_at).copied().unwrap_or(&lanes[0]);
            let stage_at = fastrand::usize(..stages.len());
            let slot = &mut order
                [lanes.iter().position(|l| l.id == lane.id).unwrap_or(0) * stages.len() + stage_at];
            *slot += 1;
            let touchpoint = matches!(lane.kind, LaneKind::Touchpoints | LaneKind::Channels);
            Card {
                lane: lane.id,
                stage: stages[stage_at].id,
                span: if fastrand::u8(..20) == 0 && stage_at + 1 < stages.len() {
                    2
                } else {
                    1
                },
                order: *slot,
                title: sentence(fastrand::usize(2..7)),
                body: if fastrand::u8(..10) < 6 {
                    sentence(fastrand::usize(5..26))
                } else {
                    String::new()
                },
                channel: touchpoint
                    .then(|| Channel::FIXED[fastrand::usize(..Channel::FIXED.len())].clone()),
                owner: if touchpoint || fastrand::bool() {
                    OWNERS[fastrand::usize(..OWNERS.len())].to_owned()
                } else {
                    String::new()
                },
                moment_of_truth: (touchpoint && fastrand::u8(..12) == 0).then(|| MomentOfTruth {
                    reason: sentence(8),
                }),
                tags: if fastrand::u8(..4) == 0 {
                    vec![sentence(1).to_lowercase()]
                } else {
                    Vec::new()
                },
                evidence: if fastrand::u8(..3) == 0 {
                    vec![evidence[fastrand::usize(..evidence.len())].id]
                } else {
                    Vec::new()
                },
                ..Card::default()
            }
        })
        .collect();
    let scale = EmotionScale::MinusFiveToFive;
    let mut curves: Vec<EmotionCurve> = personas
        .iter()
        .map(|p| EmotionCurve {
            persona: Some(p.id),
            label: p.name.clone(),
            points: stages
                .iter()
                .map(|s| EmotionPoint {
                    stage: s.id,
                    score: f64::from(fastrand::i8(-5..=5)),
                    label: sentence(1).to_lowercase(),
                    ..EmotionPoint::default()
                })
                .collect(),
            ..EmotionCurve::default()
        })
        .collect();
    curves.push(EmotionCurve {
        variant: CurveVariant::ToBe,
        label: "Gewenst".to_owned(),
        points: stages
            .iter()
            .map(|s| EmotionPoint {
                stage: s.id,
                score: f64::from(fastrand::i8(0..=5)),
                ..EmotionPoint::default()
            })
            .collect(),
        ..EmotionCurve::default()
    });
    let dataset = Dataset {
        name: "Telefoontjes per fase".to_owned(),
        unit: "gesprekken per week".to_owned(),
        source: "Telefooncentrale".to_owned(),
        values: stages
            .iter()
            .map(|s| DataPoint {
                value: f64::from(fastrand::u32(0..2000)),
                stage: Some(s.id),
                ..DataPoint::default()
            })
            .collect(),
        ..Dataset::default()
    };
    let map = Map {
        kind: MapKind::CustomerJourney,
        title: format!(
            "Gegenereerde klantreis ({} fasen, {} banen, {} kaartjes)",
            spec.stages, spec.lanes, spec.cards
        ),
        personas: personas.iter().map(|p| p.id).collect(),
        goal: sentence(12),
        scenario: sentence(25),
        scale,
        stages,
        lanes,
        cards,
        curves,
        ..Map::default()
    };
    Project {
        title: "Gegenereerd project".to_owned(),
        description: sentence(30),
        language: "nl".to_owned(),
        personas,
        evidence,
        datasets: vec![dataset],
        maps: vec![map],
        // A fixed date, so the same seed gives the same file.
        created: "2026-01-05T09:00:00Z".to_owned(),
        modified: "2026-01-05T09:00:00Z".to_owned(),
        ..Project::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_projects_are_valid_and_repeatable() {
        let spec = Spec {
            stages: 20,
            lanes: 10,
            cards: 1000,
            seed: 7,
        };
        let p = generate(&spec);
        assert!(crate::file::validate(&p, &crate::file::Limits::default()).is_empty());
        assert_eq!(p.maps[0].cards.len(), 1000);
        assert_eq!(p.maps[0].stages.len(), 20);
        assert_eq!(p.maps[0].lanes.len(), 10);
        assert_eq!(generate(&spec), p);
    }
}
