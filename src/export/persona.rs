//! Persona sheets: one A4 page per persona, with the role, the quote, the description, goals
//! and frustrations, and how each map that follows the persona is remembered. The words are
//! gathered here; the page is painted by [`render::persona_sheet`].

use crate::analysis::{self, Analysis};
use crate::i18n::{Language, tr_args_in, tr_in};
use crate::model::{Persona, Project};
use crate::render::{self, Body, PersonaSheet, Section};

/// What a persona sheet says about `persona`, in the project's language. `analyses` holds the
/// analysis of each map of the project, in order.
pub fn sheet(project: &Project, persona: &Persona, analyses: &[Analysis]) -> PersonaSheet {
    let lang = Language::of_text(&project.language);
    let mut sections = Vec::new();
    let mut section = |key: &'static str, body: Body| {
        sections.push(Section {
            heading: tr_in(lang, key).into_owned(),
            body,
        });
    };
    if !persona.description.is_empty() {
        section(
            "persona.about",
            Body::Paragraph(persona.description.clone()),
        );
    }
    if !persona.goals.is_empty() {
        section("persona.goals", Body::Bullets(persona.goals.clone()));
    }
    let filled = |items: &[String]| -> Vec<String> {
        items
            .iter()
            .filter(|i| !i.trim().is_empty())
            .cloned()
            .collect()
    };
    if !filled(&persona.needs).is_empty() {
        section("persona.needs", Body::Bullets(filled(&persona.needs)));
    }
    if !persona.frustrations.is_empty() {
        section(
            "persona.frustrations",
            Body::Bullets(persona.frustrations.clone()),
        );
    }
    if !persona.behaviour.trim().is_empty() {
        section(
            "persona.behaviour",
            Body::Paragraph(persona.behaviour.clone()),
        );
    }
    if !persona.channels.is_empty() {
        let names: Vec<String> = persona
            .channels
            .iter()
            .map(|c| crate::i18n::channel_name(lang, c).into_owned())
            .collect();
        section("persona.channels", Body::Paragraph(names.join(" · ")));
    }
    let maps: Vec<String> = project
        .maps
        .iter()
        .zip(analyses)
        .filter(|(m, _)| m.personas.contains(&persona.id))
        .map(|(m, a)| {
            let remembered = a
                .curves
                .iter()
                .find(|c| {
                    c.persona == Some(persona.id) && c.variant == crate::model::CurveVariant::AsIs
                })
                .and_then(|c| c.remembered);
            match remembered {
                Some(r) => tr_args_in(
                    lang,
                    "persona.remembered",
                    &[
                        ("map", &m.title),
                        ("score", &crate::i18n::score(m.scale, r, 1, lang)),
                        ("scale", &crate::i18n::scale_label(m.scale, lang)),
                    ],
                ),
                None => m.title.clone(),
            }
        })
        .collect();
    if !maps.is_empty() {
        section("persona.maps", Body::Bullets(maps));
    }
    PersonaSheet {
        kicker: tr_in(lang, "persona.sheet").into_owned(),
        name: persona.name.clone(),
        role: [persona.age.trim(), persona.role.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · "),
        photo: persona
            .image
            .and_then(|id| crate::layout::Picture::find(project, id)),
        colour: persona.colour,
        quote: persona.quote.clone(),
        sections,
        footer: project.title.clone(),
    }
}

/// The sheets of `personas` (of `project`), painted.
pub fn sheets(
    project: &Project,
    personas: &[Persona],
    text: &mut crate::layout::TextMeasurer,
) -> Vec<render::Scene> {
    let analyses: Vec<Analysis> = project
        .maps
        .iter()
        .map(|m| analysis::analyse(project, m))
        .collect();
    let theme = render::Theme::default();
    personas
        .iter()
        .map(|p| render::persona_sheet(&sheet(project, p, &analyses), &theme, text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CurveVariant, EmotionCurve, EmotionPoint, Map, PersonaId, Stage};

    fn headings(sheet: &PersonaSheet) -> Vec<String> {
        sheet.sections.iter().map(|s| s.heading.clone()).collect()
    }

    #[test]
    fn a_sheet_leaves_out_what_the_persona_does_not_have() {
        let project = Project::default();
        let lang = Language::of_text(&project.language);
        let persona = Persona {
            name: "Anna".to_owned(),
            description: "Woont in Utrecht".to_owned(),
            frustrations: vec!["Wachten".to_owned()],
            ..Persona::default()
        };
        let sheet = sheet(&project, &persona, &[]);
        assert_eq!(
            headings(&sheet),
            [
                tr_in(lang, "persona.about").into_owned(),
                tr_in(lang, "persona.frustrations").into_owned()
            ]
        );
        let persona = Persona {
            goals: vec!["Snel klaar".to_owned()],
            ..Persona::default()
        };
        assert_eq!(
            headings(&super::sheet(&project, &persona, &[])),
            [tr_in(lang, "persona.goals").into_owned()]
        );
    }

    #[test]
    fn a_map_is_remembered_by_the_personas_own_as_is_curve() {
        let anna = Persona {
            name: "Anna".to_owned(),
            ..Persona::default()
        };
        let stages = vec![Stage::named("Oriënteren"), Stage::named("Kopen")];
        let curve = |persona: PersonaId, variant: CurveVariant, scores: [f64; 2]| EmotionCurve {
            persona: Some(persona),
            variant,
            points: stages
                .iter()
                .zip(scores)
                .map(|(s, score)| EmotionPoint {
                    stage: s.id,
                    score,
                    ..EmotionPoint::default()
                })
                .collect(),
            ..EmotionCurve::default()
        };
        let map = Map {
            title: "Winkelbezoek".to_owned(),
            personas: vec![anna.id],
            curves: vec![
                curve(PersonaId::random(), CurveVariant::AsIs, [-2.0, -2.0]),
                curve(anna.id, CurveVariant::ToBe, [2.0, 2.0]),
                curve(anna.id, CurveVariant::AsIs, [0.0, 1.0]),
            ],
            stages: stages.clone(),
            ..Map::default()
        };
        let project = Project {
            maps: vec![map],
            ..Project::default()
        };
        let analyses: Vec<Analysis> = project
            .maps
            .iter()
            .map(|m| analysis::analyse(&project, m))
            .collect();
        let sheet = sheet(&project, &anna, &analyses);
        let lang = Language::of_text(&project.language);
        assert_eq!(headings(&sheet), [tr_in(lang, "persona.maps").into_owned()]);
        let Body::Bullets(maps) = &sheet.sections[0].body else {
            panic!("the maps are a list");
        };
        let m = &project.maps[0];
        let want = tr_args_in(
            lang,
            "persona.remembered",
            &[
                ("map", &m.title),
                ("score", &"+1".to_owned()),
                ("scale", &crate::i18n::scale_label(m.scale, lang)),
            ],
        );
        assert_eq!(maps, &[want]);
    }
}
