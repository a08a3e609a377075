//! What a project holds, counted (`klantreis stats`).

use crate::model::Project;

/// What a project holds, as counted by `klantreis stats`.
#[derive(Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    pub maps: usize,
    pub stages: usize,
    pub lanes: usize,
    pub cards: usize,
    pub touchpoints: usize,
    pub moments_of_truth: usize,
    pub personas: usize,
    pub curves: usize,
    pub curve_points: usize,
    pub evidence: usize,
    /// Respondents in the interview register.
    pub respondents: usize,
    pub stakeholders: usize,
    pub datasets: usize,
    /// Values over all data sets.
    pub data_values: usize,
}

impl Stats {
    /// Counts `project`.
    pub fn of(project: &Project) -> Self {
        let mut s = Self {
            maps: project.maps.len(),
            personas: project.personas.len(),
            evidence: project.evidence.len(),
            respondents: project.respondents.len(),
            stakeholders: project.stakeholders.len(),
            datasets: project.datasets.len(),
            data_values: project.datasets.iter().map(|d| d.values.len()).sum(),
            ..Self::default()
        };
        for map in &project.maps {
            s.stages += map.stages.len();
            s.lanes += map.lanes.len();
            s.cards += map.cards.len();
            s.touchpoints += map.touchpoints().count();
            s.moments_of_truth += map
                .cards
                .iter()
                .filter(|c| c.moment_of_truth.is_some())
                .count();
            s.curves += map.curves.len();
            s.curve_points += map.curves.iter().map(|c| c.points.len()).sum::<usize>();
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Card, Channel, Dataset, EmotionCurve, EmotionPoint, Evidence, Lane, LaneKind, Map,
        MomentOfTruth, Persona, Stage, Stakeholder,
    };

    /// A map with `stages` stages, a touchpoint lane and a thought lane, and `cards` cards.
    fn map(stages: usize, cards: usize) -> Map {
        let stages: Vec<Stage> = (0..stages).map(|i| Stage::named(format!("S{i}"))).collect();
        let lanes = vec![
            Lane::new("Touchpoints", LaneKind::Touchpoints),
            Lane::new("Thoughts", LaneKind::Thoughts),
        ];
        let cards = (0..cards)
            .map(|i| Card {
                stage: stages[0].id,
                // Every other card is a touchpoint; one in three is a moment of truth.
                lane: lanes[i % 2].id,
                moment_of_truth: (i % 3 == 0).then(MomentOfTruth::default),
                ..Card::default()
            })
            .collect();
        let curve = |points: usize| EmotionCurve {
            points: (0..points)
                .map(|_| EmotionPoint {
                    stage: stages[0].id,
                    ..EmotionPoint::default()
                })
                .collect(),
            ..EmotionCurve::default()
        };
        Map {
            curves: vec![curve(2), curve(3)],
            stages,
            lanes,
            cards,
            ..Map::default()
        }
    }

    #[test]
    fn everything_is_counted_once_over_every_map() {
        let mut thoughts_with_a_channel = map(2, 3);
        thoughts_with_a_channel.cards[1].channel = Some(Channel::Web);
        let project = Project {
            personas: vec![Persona::default(); 2],
            evidence: vec![Evidence::default(); 3],
            respondents: vec![crate::model::Respondent::default(); 6],
            stakeholders: vec![Stakeholder::default(); 4],
            datasets: vec![
                Dataset {
                    values: vec![crate::model::DataPoint::default(); 7],
                    ..Dataset::default()
                };
                5
            ],
            maps: vec![map(3, 7), thoughts_with_a_channel],
            ..Project::default()
        };
        assert_eq!(
            Stats::of(&project),
            Stats {
                maps: 2,
                stages: 5,
                lanes: 4,
                cards: 10,
                // Cards 0, 2, 4, 6 of the first map; 0 and 2 of the second, and its card 1,
                // which is in the thought lane but has a channel.
                touchpoints: 7,
                // Cards 0, 3, 6 of the first map; card 0 of the second.
                moments_of_truth: 4,
                personas: 2,
                curves: 4,
                curve_points: 10,
                evidence: 3,
                respondents: 6,
                stakeholders: 4,
                datasets: 5,
                data_values: 35,
            }
        );
    }
}
