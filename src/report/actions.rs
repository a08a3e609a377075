//! Actions in words: their status and quadrant, who owns them, what they address, the measure
//! they should move and its effect ("Online schadeformulier (klaar maart 2026): gesprekken
//! Melden 3.456 → 3.005 (−13 %, doel −15 %)"), and what on a map still asks for one.

use crate::analysis::effects::{Effect, Gap};
use crate::analysis::priority::FollowUp;
use crate::i18n::{Language, number, tr_args_in, tr_in};
use crate::model::{Action, ActionStatus, Map, Measure, Project, Quadrant};

/// A status's name in `language`.
pub fn status_name(status: ActionStatus, language: Language) -> String {
    crate::i18n::action_status_name(language, status).into_owned()
}

/// A quadrant's name in `language`.
pub fn quadrant_name(quadrant: Quadrant, language: Language) -> String {
    crate::i18n::quadrant_name(language, quadrant).into_owned()
}

/// The owner's name, or "no owner".
pub fn owner_name(project: &Project, action: &Action, language: Language) -> String {
    action
        .owner
        .as_ref()
        .and_then(|o| project.owner_name(o))
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| tr_in(language, "action.no_owner").into_owned())
}

/// When it is due, as people read it: "Q2 2026", "31 mei 2026"; empty when not planned.
pub fn due_words(action: &Action, language: Language) -> String {
    match action.due() {
        Some(crate::model::Due::Quarter { year, quarter }) => format!("Q{quarter} {year}"),
        Some(day @ crate::model::Due::Day { .. }) => crate::dates::date(&day.last_day(), language),
        None => action.due.clone(),
    }
}

/// The cards and stages an action addresses, by name: `“Bellen” (Melden), Beoordeling`.
pub fn addresses(project: &Project, action: &Action) -> Vec<String> {
    let mut out: Vec<String> = action
        .cards
        .iter()
        .filter_map(|c| project.find_card(*c))
        .map(|(map, card)| {
            let stage = map.stage(card.stage).map_or("", |s| s.name.as_str());
            format!("“{}” ({stage})", card.title.trim())
        })
        .collect();
    out.extend(
        action
            .stages
            .iter()
            .filter_map(|s| project.find_stage(*s))
            .map(|(_, s)| s.name.clone()),
    );
    out
}

/// What a measure measures, in words: "gesprekken Melden", "de herinnerde score van Els".
pub fn measure_name(project: &Project, measure: &Measure, language: Language) -> String {
    match measure {
        Measure::Data {
            dataset,
            stage,
            card,
            ..
        } => {
            let Some(d) = project.dataset(*dataset) else {
                return String::new();
            };
            let what = if d.unit.trim().is_empty() {
                d.name.trim()
            } else {
                d.unit.trim()
            };
            let place = card
                .and_then(|c| project.find_card(c))
                .map(|(_, c)| c.title.trim().to_owned())
                .or_else(|| {
                    stage
                        .and_then(|s| project.find_stage(s))
                        .map(|(_, s)| s.name.trim().to_owned())
                });
            match place {
                Some(place) => format!("{what} {place}"),
                None => what.to_owned(),
            }
        }
        Measure::Remembered { map, curve, .. } => {
            let name = project
                .map(*map)
                .and_then(|m| m.curves.iter().find(|c| c.id == *curve))
                .map(|c| crate::layout::curve_name(project, c))
                .unwrap_or_default();
            tr_args_in(language, "action.measure.remembered", &[("curve", &name)])
        }
    }
}

/// A change in the measure's unit: "−15 %" for a figure, "+1 punt" for a score.
pub fn change_words(measure: &Measure, change: f64, language: Language) -> String {
    match measure {
        Measure::Data { .. } => format!("{} %", number(change, 0, true, language)),
        Measure::Remembered { .. } => {
            let n = number(change, 1, true, language);
            tr_args_in(language, "action.measure.points", &[("n", &n)])
        }
    }
}

/// The measure and its target: "gesprekken Melden −15 %".
pub fn measure_words(project: &Project, measure: &Measure, language: Language) -> String {
    format!(
        "{} {}",
        measure_name(project, measure, language),
        change_words(measure, measure.target(), language)
    )
}

/// A figure before or after: whole numbers for counts, one decimal for scores.
fn figure(measure: &Measure, value: f64, language: Language) -> String {
    match measure {
        Measure::Data { .. } => {
            let decimals = usize::from(value.fract().abs() >= 1e-9);
            number(value, decimals, false, language)
        }
        Measure::Remembered { .. } => number(value, 1, true, language),
    }
}

/// The effect line of a done action, or why it is not measured (`None` when it has no
/// measure or is not done: nothing to say).
pub fn effect_line(
    project: &Project,
    action: &Action,
    effect: &Effect,
    language: Language,
) -> Option<String> {
    let measure = action.measure.as_ref()?;
    let month = crate::dates::month_year(&action.done, language);
    let title = action.title.trim();
    match effect {
        Effect::Measured {
            before,
            after,
            change,
            target,
            met,
        } => {
            let key = match met {
                Some(true) => "action.effect.met",
                Some(false) => "action.effect.not_met",
                None => "action.effect.plain",
            };
            Some(tr_args_in(
                language,
                key,
                &[
                    ("title", &title),
                    ("month", &month),
                    ("measure", &measure_name(project, measure, language)),
                    ("before", &figure(measure, before.value, language)),
                    ("after", &figure(measure, after.value, language)),
                    ("change", &change_words(measure, *change, language)),
                    ("target", &change_words(measure, *target, language)),
                ],
            ))
        }
        Effect::Unmeasured { why } => {
            let key = match why {
                Gap::NoMeasure | Gap::NotDone => return None,
                Gap::NoDoneDate => "action.gap.no_done_date",
                Gap::NothingBefore => "action.gap.nothing_before",
                Gap::NothingAfter => "action.gap.nothing_after",
                Gap::ZeroBefore => "action.gap.zero_before",
            };
            let day = crate::dates::date(&action.done, language);
            Some(tr_args_in(
                language,
                key,
                &[
                    ("title", &title),
                    ("measure", &measure_name(project, measure, language)),
                    ("day", &day),
                ],
            ))
        }
    }
}

/// A follow-up as a sentence in `language`.
pub fn follow_up_sentence(
    project: &Project,
    map: &Map,
    follow_up: &FollowUp,
    language: Language,
) -> String {
    let stage_name = |id| map.stage(id).map_or("", |s| s.name.as_str()).to_owned();
    let action_title = |id| {
        project
            .action(id)
            .map_or(String::new(), |a| a.title.trim().to_owned())
    };
    match follow_up {
        FollowUp::PainPointWithoutAction { card, stage } => tr_args_in(
            language,
            "action.follow.pain_point",
            &[
                (
                    "card",
                    &map.card(*card).map_or("", |c| c.title.trim()).to_owned(),
                ),
                ("stage", &stage_name(*stage)),
            ],
        ),
        FollowUp::LowMomentWithoutAction { stage } => tr_args_in(
            language,
            "action.follow.low_moment",
            &[("stage", &stage_name(*stage))],
        ),
        FollowUp::ActionWithoutOwner { action } => tr_args_in(
            language,
            "action.follow.no_owner",
            &[("title", &action_title(*action))],
        ),
        FollowUp::Overdue { action, .. } => {
            let due = project
                .action(*action)
                .map(|a| due_words(a, language))
                .unwrap_or_default();
            tr_args_in(
                language,
                "action.follow.overdue",
                &[("title", &action_title(*action)), ("due", &due)],
            )
        }
    }
}

/// What a map's report says about actions: what still asks for one, and what the done ones
/// did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActionsReport {
    pub heading: String,
    /// Pain points and low moments without an action, actions without an owner or past their
    /// date, each pointing at its card or stage.
    pub follow_ups: Vec<super::Linked>,
    /// The pain points and low moments that have no action yet: an action can be made there.
    pub wanting: Vec<crate::analysis::Target>,
    /// The effect lines of the done actions on the map (or why none is claimed).
    pub effects: Vec<String>,
}

impl ActionsReport {
    /// Whether there is nothing to say.
    pub fn is_empty(&self) -> bool {
        self.follow_ups.is_empty() && self.effects.is_empty()
    }
}

/// The actions part of the report on `map`, on `today` (`YYYY-MM-DD`).
pub fn map_actions(
    project: &Project,
    map: &Map,
    analysis: &crate::analysis::Analysis,
    language: Language,
    today: &str,
) -> ActionsReport {
    use super::{Link, Linked};
    use crate::analysis::Target;
    let target_of = |up: &FollowUp| -> Option<Target> {
        match up {
            FollowUp::PainPointWithoutAction { card, .. } => Some(Target::Card(*card)),
            FollowUp::LowMomentWithoutAction { stage } => Some(Target::Stage(*stage)),
            FollowUp::ActionWithoutOwner { action } | FollowUp::Overdue { action, .. } => {
                let a = project.action(*action)?;
                a.cards
                    .iter()
                    .find(|c| map.card(**c).is_some())
                    .map(|c| Target::Card(*c))
                    .or_else(|| {
                        a.stages
                            .iter()
                            .find(|s| map.stage(**s).is_some())
                            .map(|s| Target::Stage(*s))
                    })
            }
        }
    };
    let ups = crate::analysis::priority::follow_ups(project, map, analysis, today);
    let wanting = ups
        .iter()
        .filter_map(|up| match up {
            FollowUp::PainPointWithoutAction { card, .. } => Some(Target::Card(*card)),
            FollowUp::LowMomentWithoutAction { stage } => Some(Target::Stage(*stage)),
            _ => None,
        })
        .collect();
    let follow_ups = ups
        .iter()
        .map(|up| Linked {
            text: follow_up_sentence(project, map, up, language),
            link: target_of(up).map(Link::Target),
        })
        .collect();
    let effects = project
        .actions
        .iter()
        .filter(|a| a.status == ActionStatus::Done)
        .filter(|a| crate::analysis::priority::maps_of(project, a).contains(&map.id))
        .filter_map(|a| {
            let e = crate::analysis::effects::effect(project, a);
            effect_line(project, a, &e, language)
        })
        .collect();
    ActionsReport {
        heading: tr_in(language, "action.report.heading").into_owned(),
        follow_ups,
        wanting,
        effects,
    }
}

#[cfg(test)]
mod tests;
