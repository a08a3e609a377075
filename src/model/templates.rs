//! Starting projects for each kind of map, with the lanes a consultant expects.

use super::{EmotionCurve, Lane, LaneKind, Map, MapKind, Persona, Project, Stage};

/// The language of a template's names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TemplateLanguage {
    English,
    Dutch,
}

impl TemplateLanguage {
    /// The BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Self::English => "en",
            Self::Dutch => "nl",
        }
    }
}

/// A new project holding one empty map of `kind`, with its starting stages and lanes.
pub fn new_project(kind: MapKind, lang: TemplateLanguage) -> Project {
    let nl = lang == TemplateLanguage::Dutch;
    let t = |en: &'static str, dutch: &'static str| if nl { dutch } else { en };
    let persona = Persona {
        name: t("Customer", "Klant").to_owned(),
        ..Persona::default()
    };
    let mut map = new_map(kind, lang);
    map.personas.push(persona.id);
    if let Some(curve) = map.curves.first_mut() {
        curve.persona = Some(persona.id);
    }
    Project {
        title: t("New project", "Nieuw project").to_owned(),
        language: lang.tag().to_owned(),
        personas: vec![persona],
        maps: vec![map],
        ..Project::default()
    }
}

/// A new empty map of `kind` with its starting stages and lanes (no personas linked).
pub fn new_map(kind: MapKind, lang: TemplateLanguage) -> Map {
    let nl = lang == TemplateLanguage::Dutch;
    let t = |en: &'static str, dutch: &'static str| if nl { dutch } else { en };
    let (title, stages, lanes): (&str, Vec<&str>, Vec<(&str, LaneKind)>) = match kind {
        MapKind::CustomerJourney => (
            t("Customer journey", "Klantreis"),
            vec![
                t("Orientation", "Oriëntatie"),
                t("Choice", "Keuze"),
                t("Purchase", "Aankoop"),
                t("Use", "Gebruik"),
                t("Service", "Service"),
            ],
            vec![
                (
                    t("Customer actions", "Klantacties"),
                    LaneKind::CustomerActions,
                ),
                (t("Touchpoints", "Contactmomenten"), LaneKind::Touchpoints),
                (t("Thoughts", "Gedachten"), LaneKind::Thoughts),
                (t("Emotions", "Emoties"), LaneKind::Emotions),
                (t("Pain points", "Pijnpunten"), LaneKind::PainPoints),
                (t("Opportunities", "Kansen"), LaneKind::Opportunities),
                (t("Owner", "Eigenaar"), LaneKind::Owners),
            ],
        ),
        MapKind::CustomerExperience => (
            t("Customer experience", "Klantbeleving"),
            vec![
                t("Awareness", "Bewustwording"),
                t("Consideration", "Overweging"),
                t("Purchase", "Aankoop"),
                t("Onboarding", "Start"),
                t("Use", "Gebruik"),
                t("Support", "Ondersteuning"),
                t("Renewal or exit", "Verlenging of vertrek"),
            ],
            vec![
                (t("Doing", "Doen"), LaneKind::CustomerActions),
                (t("Thinking", "Denken"), LaneKind::Thoughts),
                (t("Feeling", "Voelen"), LaneKind::Emotions),
                (t("Touchpoints", "Contactmomenten"), LaneKind::Touchpoints),
                (t("Channels", "Kanalen"), LaneKind::Channels),
                (t("Pain points", "Pijnpunten"), LaneKind::PainPoints),
                (t("Opportunities", "Kansen"), LaneKind::Opportunities),
                (t("Metrics", "Metingen"), LaneKind::Metrics),
            ],
        ),
        MapKind::ServiceBlueprint => (
            t("Service blueprint", "Service blueprint"),
            vec![
                t("Request", "Aanvraag"),
                t("Intake", "Intake"),
                t("Delivery", "Levering"),
                t("Follow-up", "Nazorg"),
            ],
            vec![
                (t("Physical evidence", "Fysiek bewijs"), LaneKind::Evidence),
                (
                    t("Customer actions", "Klantacties"),
                    LaneKind::CustomerActions,
                ),
                (t("Frontstage", "Frontstage"), LaneKind::Frontstage),
                (t("Backstage", "Backstage"), LaneKind::Backstage),
                (
                    t("Support processes", "Ondersteunende processen"),
                    LaneKind::SupportProcesses,
                ),
                (t("Emotions", "Emoties"), LaneKind::Emotions),
            ],
        ),
    };
    let stages: Vec<Stage> = stages.into_iter().map(Stage::named).collect();
    Map {
        kind,
        title: title.to_owned(),
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
            for lang in [TemplateLanguage::English, TemplateLanguage::Dutch] {
                let p = new_project(kind, lang);
                let map = &p.maps[0];
                assert!(map.stages.len() >= 4);
                assert!(map.lanes.len() >= 6);
                assert!(map.lanes.iter().any(|l| l.kind == LaneKind::Emotions));
            }
        }
    }
}
