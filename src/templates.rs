//! Starting projects for each kind of map, with the lanes a consultant expects.

use std::borrow::Cow;

use crate::i18n::{Language, tr_in};

use crate::model::{EmotionCurve, Lane, LaneKind, Map, MapKind, Persona, Project, Stage};

/// A new project holding one empty map of `kind`, with its starting stages and lanes.
pub fn new_project(kind: MapKind, lang: Language) -> Project {
    let t = |key| tr_in(lang, key);
    let persona = Persona {
        name: t("template.customer").into_owned(),
        ..Persona::default()
    };
    let mut map = new_map(kind, lang);
    map.personas.push(persona.id);
    if let Some(curve) = map.curves.first_mut() {
        curve.persona = Some(persona.id);
    }
    Project {
        title: t("template.new_project").into_owned(),
        language: lang.tag().to_owned(),
        personas: vec![persona],
        maps: vec![map],
        ..Project::default()
    }
}

/// A new empty map of `kind` with its starting stages and lanes (no personas linked).
pub fn new_map(kind: MapKind, lang: Language) -> Map {
    let t = |key| tr_in(lang, key);
    type Text = Cow<'static, str>;
    let (title, stages, lanes): (Text, Vec<Text>, Vec<(Text, LaneKind)>) = match kind {
        MapKind::CustomerJourney => (
            t("template.customer_journey"),
            vec![
                t("template.orientation"),
                t("template.choice"),
                t("template.purchase"),
                t("template.use"),
                t("template.service"),
            ],
            vec![
                (t("template.customer_actions"), LaneKind::CustomerActions),
                (t("template.touchpoints"), LaneKind::Touchpoints),
                (t("template.thoughts"), LaneKind::Thoughts),
                (t("template.emotions"), LaneKind::Emotions),
                (t("template.pain_points"), LaneKind::PainPoints),
                (t("template.opportunities"), LaneKind::Opportunities),
                (t("template.owner"), LaneKind::Owners),
            ],
        ),
        MapKind::CustomerExperience => (
            t("template.customer_experience"),
            vec![
                t("template.awareness"),
                t("template.consideration"),
                t("template.purchase"),
                t("template.onboarding"),
                t("template.use"),
                t("template.support"),
                t("template.renewal_or_exit"),
            ],
            vec![
                (t("template.doing"), LaneKind::CustomerActions),
                (t("template.thinking"), LaneKind::Thoughts),
                (t("template.feeling"), LaneKind::Emotions),
                (t("template.touchpoints"), LaneKind::Touchpoints),
                (t("template.channels"), LaneKind::Channels),
                (t("template.pain_points"), LaneKind::PainPoints),
                (t("template.opportunities"), LaneKind::Opportunities),
                (t("template.metrics"), LaneKind::Metrics),
            ],
        ),
        MapKind::ServiceBlueprint => (
            t("template.service_blueprint"),
            vec![
                t("template.request"),
                t("template.intake"),
                t("template.delivery"),
                t("template.follow_up"),
            ],
            vec![
                (t("template.physical_evidence"), LaneKind::Evidence),
                (t("template.customer_actions"), LaneKind::CustomerActions),
                (t("template.frontstage"), LaneKind::Frontstage),
                (t("template.backstage"), LaneKind::Backstage),
                (t("template.support_processes"), LaneKind::SupportProcesses),
                (t("template.emotions"), LaneKind::Emotions),
            ],
        ),
    };
    let stages: Vec<Stage> = stages.into_iter().map(Stage::named).collect();
    Map {
        kind,
        title: title.into_owned(),
        stages,
        lanes: lanes
            .into_iter()
            .map(|(name, kind)| Lane::new(name, kind))
            .collect(),
        curves: vec![EmotionCurve::default()],
        ..Map::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_has_an_emotion_lane_and_stages() {
        for kind in MapKind::ALL {
            for lang in [Language::English, Language::Dutch] {
                let p = new_project(kind, lang);
                let map = &p.maps[0];
                assert!(map.stages.len() >= 4);
                assert!(map.lanes.len() >= 6);
                assert!(map.lanes.iter().any(|l| l.kind == LaneKind::Emotions));
            }
        }
    }
}
