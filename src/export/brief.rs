//! A department's one-page brief: "what this journey asks of you" — its touchpoints with their
//! scores and evidence, its moments of truth, the pain points in its stages with what
//! customers said, and its actions with their dates, the measure each must move and, once
//! done, the effect. Set as a persona sheet is (one A4 page of headed sections, by the one
//! painter), from the department's lens (`analysis::lens`).

use crate::analysis::lens::{Lens, lens, owners};
use crate::i18n::{Language, tr_args_in, tr_in};
use crate::model::{Card, CardId, CurveVariant, Map, Project};
use crate::render::{Body, PersonaSheet, Section};
use crate::report::actions as words;

/// The most lines one section of a brief lists; the rest are counted.
pub const MAX_LINES: usize = 8;

/// Why no brief can be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BriefError {
    #[error("a brief is for one department: name it with --owner (the owners are: {known})")]
    NoOwner { known: String },
    #[error("no department or owner {owner:?} in the project; the owners are: {known}")]
    UnknownOwner { owner: String, known: String },
}

fn known(project: &Project) -> String {
    let all = owners(project);
    if all.is_empty() {
        "none yet: name an owner on a touchpoint or an action".to_owned()
    } else {
        all.join(", ")
    }
}

/// The brief for `owner` (a stakeholder's name or a name written on cards or actions).
pub fn brief(project: &Project, owner: &str) -> Result<PersonaSheet, BriefError> {
    if owner.trim().is_empty() {
        return Err(BriefError::NoOwner {
            known: known(project),
        });
    }
    let Some(l) = lens(project, None, owner) else {
        return Err(BriefError::UnknownOwner {
            owner: owner.trim().to_owned(),
            known: known(project),
        });
    };
    let lang = Language::of_text(&project.language);
    let t = |key: &'static str| tr_in(lang, key).into_owned();
    let mut sections = Vec::new();
    let mut section = |key: &'static str, lines: Vec<String>| {
        if !lines.is_empty() {
            sections.push(Section {
                heading: t(key),
                body: Body::Bullets(capped(lines, lang)),
            });
        }
    };
    section(
        "brief.touchpoints",
        l.touchpoints
            .iter()
            .filter_map(|id| touchpoint_line(project, *id, lang))
            .collect(),
    );
    section(
        "brief.moments",
        l.moments
            .iter()
            .filter_map(|id| project.find_card(*id))
            .map(|(map, card)| moment_line(map, card))
            .collect(),
    );
    section(
        "brief.pain_points",
        l.pain_points
            .iter()
            .filter_map(|id| pain_line(project, *id))
            .collect(),
    );
    section("brief.actions", action_lines(project, &l, lang));
    let count = |key: &'static str, n: usize| crate::i18n::tr_count_in(lang, key, n, &[]);
    let counts = [
        count("brief.count.touchpoints", l.touchpoints.len()),
        count("brief.count.moments", l.moments.len()),
        count("brief.count.pains", l.pain_points.len()),
        count("brief.count.actions", l.actions.len()),
    ]
    .join(" · ");
    let what = project
        .owner_stakeholder(&l.owner)
        .map(|s| s.role.trim().to_owned())
        .filter(|r| !r.is_empty())
        .unwrap_or_else(|| project.title.trim().to_owned());
    let role = if what.is_empty() {
        counts
    } else {
        format!("{what} · {counts}")
    };
    if sections.is_empty() {
        sections.push(Section {
            heading: t("brief.nothing"),
            body: Body::Paragraph(t("brief.nothing.body")),
        });
    }
    Ok(PersonaSheet {
        kicker: t("brief.kicker"),
        name: l.owner.clone(),
        role,
        photo: None,
        colour: None,
        quote: String::new(),
        sections,
        footer: format!("{} · {}", project.title.trim(), crate::dates::today(lang)),
    })
}

/// The brief for `owner` on one A4 page.
pub fn page(
    project: &Project,
    owner: &str,
    text: &mut crate::layout::TextMeasurer,
) -> Result<crate::render::Scene, BriefError> {
    let sheet = brief(project, owner)?;
    Ok(crate::render::persona_sheet(
        &sheet,
        &crate::render::Theme::default(),
        text,
    ))
}

/// At most [`MAX_LINES`] lines, the last saying how many more there are.
fn capped(mut lines: Vec<String>, lang: Language) -> Vec<String> {
    if lines.len() > MAX_LINES {
        let more = lines.len() - (MAX_LINES - 1);
        lines.truncate(MAX_LINES - 1);
        lines.push(crate::i18n::tr_count_in(lang, "brief.more", more, &[]));
    }
    lines
}

/// The score the first as-is curve gives a card: its own step, else its stage's mean.
fn score_of(map: &Map, card: &Card) -> Option<f64> {
    let curve = map
        .curves
        .iter()
        .find(|c| c.variant == CurveVariant::AsIs)?;
    if let Some(p) = curve.points.iter().find(|p| p.card == Some(card.id)) {
        return Some(p.score);
    }
    let scores: Vec<f64> = curve
        .points
        .iter()
        .filter(|p| p.stage == card.stage)
        .map(|p| p.score)
        .collect();
    (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64)
}

/// "Expert aan huis — Expertise · telefoon · score −1 · 2 bewijzen".
fn touchpoint_line(project: &Project, id: CardId, lang: Language) -> Option<String> {
    let (map, card) = project.find_card(id)?;
    let mut parts = vec![
        map.stage(card.stage)
            .map_or("", |s| s.name.trim())
            .to_owned(),
    ];
    if let Some(channel) = &card.channel {
        parts.push(crate::i18n::channel_name(lang, channel).into_owned());
    }
    if let Some(score) = score_of(map, card) {
        parts.push(tr_args_in(
            lang,
            "brief.score",
            &[("score", &crate::i18n::score(map.scale, score, 1, lang))],
        ));
    }
    if !card.evidence.is_empty() {
        parts.push(crate::i18n::tr_count_in(
            lang,
            "brief.evidence",
            card.evidence.len(),
            &[],
        ));
    }
    Some(format!("{} — {}", card.title.trim(), parts.join(" · ")))
}

fn moment_line(map: &Map, card: &Card) -> String {
    let stage = map.stage(card.stage).map_or("", |s| s.name.trim());
    let reason = card
        .moment_of_truth
        .as_ref()
        .map(|m| m.reason.trim())
        .filter(|r| !r.is_empty());
    match reason {
        Some(r) => format!("{} ({stage}): {r}", card.title.trim()),
        None => format!("{} ({stage})", card.title.trim()),
    }
}

/// A pain point and the first thing a customer said about it.
fn pain_line(project: &Project, id: CardId) -> Option<String> {
    let (map, card) = project.find_card(id)?;
    let stage = map.stage(card.stage).map_or("", |s| s.name.trim());
    let quote = card
        .evidence
        .iter()
        .filter_map(|e| project.evidence(*e))
        .map(|e| e.text.trim())
        .find(|q| !q.is_empty());
    Some(match quote {
        Some(q) => format!("{} ({stage}): “{q}”", card.title.trim()),
        None => format!("{} ({stage})", card.title.trim()),
    })
}

/// Each action: its title, status and date, the measure it must move, and its effect.
fn action_lines(project: &Project, l: &Lens, lang: Language) -> Vec<String> {
    let actions: Vec<&crate::model::Action> =
        crate::analysis::priority::ranked(l.actions.iter().filter_map(|id| project.action(*id)));
    actions
        .into_iter()
        .map(|a| {
            let mut parts = vec![words::status_name(a.status, lang)];
            let due = words::due_words(a, lang);
            if !due.is_empty() {
                parts.push(due);
            }
            if let Some(m) = &a.measure {
                parts.push(words::measure_words(project, m, lang));
            }
            let mut line = format!("{} — {}", a.title.trim(), parts.join(" · "));
            let e = crate::analysis::effects::effect(project, a);
            if let Some(effect) = words::effect_line(project, a, &e, lang) {
                line.push_str(". ");
                line.push_str(&effect);
            }
            line
        })
        .collect()
}

#[cfg(test)]
mod tests;
