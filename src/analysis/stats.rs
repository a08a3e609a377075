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
    pub stakeholders: usize,
    pub datasets: usize,
}

impl Stats {
    /// Counts `project`.
    pub fn of(project: &Project) -> Self {
        let mut s = Self {
            maps: project.maps.len(),
            personas: project.personas.len(),
            evidence: project.evidence.len(),
            stakeholders: project.stakeholders.len(),
            datasets: project.datasets.len(),
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
