//! The checks of the analysis as sentences.

use crate::analysis::Lint;
use crate::i18n::{Language, tr_args_in, tr_in};
use crate::model::{CardId, Map, StageId};

/// `lint` as a sentence in `language`, naming the card or stage it is about.
pub fn lint_sentence(lint: &Lint, map: &Map, language: Language) -> String {
    let card = |id: &CardId| {
        map.card(*id)
            .map_or_else(String::new, |c| format!("“{}”", c.title))
    };
    let stage = |id: &StageId| {
        map.stage(*id)
            .map_or_else(String::new, |s| format!("“{}”", s.name))
    };
    match lint {
        Lint::TouchpointWithoutChannel { card: c } => {
            tr_args_in(language, "lint.no_channel", &[("card", &card(c))])
        }
        Lint::TouchpointWithoutOwner { card: c } => {
            tr_args_in(language, "lint.no_owner", &[("card", &card(c))])
        }
        Lint::OwnerNotAStakeholder { card: c } => {
            let owner = map.card(*c).map_or("", |c| c.owner.as_str());
            tr_args_in(
                language,
                "lint.owner_not_stakeholder",
                &[("card", &card(c)), ("owner", &owner)],
            )
        }
        Lint::StageWithoutScore { stage: s, .. } => {
            tr_args_in(language, "lint.no_score", &[("stage", &stage(s))])
        }
        Lint::MapWithoutCurve => tr_in(language, "lint.no_curve").into_owned(),
        Lint::StageWithoutEvidence { stage: s } => {
            tr_args_in(language, "lint.no_evidence", &[("stage", &stage(s))])
        }
        Lint::MomentOfTruthWithoutReason { card: c } => {
            tr_args_in(language, "lint.no_reason", &[("card", &card(c))])
        }
        Lint::ClaimWithoutEvidence { card: c } => tr_args_in(
            language,
            "lint.claim_without_evidence",
            &[("card", &card(c))],
        ),
        Lint::TooManyStages { stages, max } => tr_args_in(
            language,
            "lint.too_many_stages",
            &[("count", stages), ("max", max)],
        ),
    }
}
