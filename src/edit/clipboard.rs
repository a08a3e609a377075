//! Cards on the clipboard: copied as text (a marker line and RON) so they travel between
//! windows and projects, and pasted back as new cards. Plain text from elsewhere (a list of
//! sticky notes typed in a document) pastes as one card per line.

use serde::{Deserialize, Serialize};

use super::Edit;
use crate::model::Limits;
use crate::model::{Card, CardId, Channel, LaneId, Map, MomentOfTruth, Project, StageId};

/// The first line of copied cards; the rest is RON.
const MARKER: &str = "klantreis-cards 1";
/// The most clipboard text that is looked at.
const MAX_CLIP_BYTES: usize = 4 * 1024 * 1024;
/// The most cards one paste makes.
pub const MAX_PASTED_CARDS: usize = 1000;

/// Cards taken from a map, each with its cell relative to the first one's.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Clip {
    pub cards: Vec<ClipCard>,
}

/// One copied card and its cell, as lane and stage offsets from the copied block's top-left.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClipCard {
    pub lane: u32,
    pub stage: u32,
    pub card: Card,
}

/// Why clipboard text could not be pasted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ClipError {
    #[error("the clipboard holds nothing to paste")]
    Empty,
    #[error("the clipboard holds more than {} MB", MAX_CLIP_BYTES / 1024 / 1024)]
    TooLarge,
    #[error("the copied cards could not be read: {0}")]
    Unreadable(String),
}

/// The clipboard text for `cards` of `map`; `None` when none of them exists.
pub fn copy(map: &Map, cards: &[CardId]) -> Option<String> {
    let mut picked: Vec<(usize, usize, &Card)> = cards
        .iter()
        .filter_map(|id| map.card(*id))
        .filter_map(|c| Some((map.lane_index(c.lane)?, map.stage_index(c.stage)?, c)))
        .collect();
    picked.sort_by_key(|(l, s, c)| (*l, *s, c.order));
    let top = picked.iter().map(|p| p.0).min()?;
    let left = picked.iter().map(|p| p.1).min()?;
    let clip = Clip {
        cards: picked
            .into_iter()
            .map(|(l, s, c)| ClipCard {
                lane: (l - top) as u32,
                stage: (s - left) as u32,
                card: c.clone(),
            })
            .collect(),
    };
    let body = ron::ser::to_string(&clip).ok()?;
    Some(format!("{MARKER}\n{body}"))
}

/// Reads clipboard text: copied cards, or else one card per non-empty line of plain text.
pub fn parse(text: &str) -> Result<Clip, ClipError> {
    if text.len() > MAX_CLIP_BYTES {
        return Err(ClipError::TooLarge);
    }
    if let Some(body) = text.strip_prefix(MARKER) {
        let options = ron::Options::default().with_recursion_limit(32);
        return options
            .from_str::<Clip>(body.trim_start())
            .map_err(|e| ClipError::Unreadable(e.to_string()));
    }
    let cards: Vec<ClipCard> = text
        .lines()
        .map(|l| {
            l.trim()
                .trim_start_matches(['-', '*', '•', '·'])
                .trim_start()
        })
        .filter(|l| !l.is_empty())
        .take(MAX_PASTED_CARDS)
        .map(|l| ClipCard {
            lane: 0,
            stage: 0,
            card: Card {
                title: l.to_owned(),
                ..Card::default()
            },
        })
        .collect();
    if cards.is_empty() {
        Err(ClipError::Empty)
    } else {
        Ok(Clip { cards })
    }
}

/// The edit that pastes `clip` into `map` with its top-left card in the cell `at` (lane and
/// stage index); returns it with the new cards' ids. Cards keep their relative cells where the
/// map has room and are pushed to its last lane or stage where it has not; every card gets a new
/// id, text is cut to the file's limits and links to evidence the project does not hold are
/// dropped, so a paste can never make the project unsaveable.
pub fn paste(project: &Project, map: &Map, clip: &Clip, at: (usize, usize)) -> (Edit, Vec<CardId>) {
    let limits = Limits::default();
    let (Some(last_lane), Some(last_stage)) = (
        map.lanes.len().checked_sub(1),
        map.stages.len().checked_sub(1),
    ) else {
        return (Edit::Batch(Vec::new()), Vec::new());
    };
    let room = limits.cards_per_map.saturating_sub(map.cards.len());
    let mut edits = Vec::new();
    let mut ids = Vec::new();
    // Cards landing in the same cell stack in their copied order, after what is there.
    let mut next_order: std::collections::HashMap<(LaneId, StageId), u32> =
        std::collections::HashMap::new();
    for clip_card in clip.cards.iter().take(MAX_PASTED_CARDS.min(room)) {
        let lane = map.lanes[(at.0 + clip_card.lane as usize).min(last_lane)].id;
        let stage_index = (at.1 + clip_card.stage as usize).min(last_stage);
        let stage = map.stages[stage_index].id;
        let order = next_order.entry((lane, stage)).or_insert_with(|| {
            map.cards
                .iter()
                .filter(|c| c.lane == lane && c.stage == stage)
                .map(|c| c.order.saturating_add(1))
                .max()
                .unwrap_or(0)
        });
        let mut card = sanitised(&clip_card.card, project, &limits);
        card.id = CardId::random();
        card.lane = lane;
        card.stage = stage;
        card.span = card.span.clamp(1, (map.stages.len() - stage_index) as u16);
        card.order = *order;
        *order = order.saturating_add(1);
        ids.push(card.id);
        edits.push(Edit::SetCard {
            map: map.id,
            id: card.id,
            value: Some(Box::new(card)),
            at: usize::MAX,
        });
    }
    (Edit::Batch(edits), ids)
}

fn cut(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

fn sanitised(card: &Card, project: &Project, limits: &Limits) -> Card {
    let short = limits.short_text_chars;
    Card {
        title: cut(&card.title, short),
        body: cut(&card.body, limits.long_text_chars),
        owner: cut(&card.owner, short),
        channel: card.channel.as_ref().map(|c| match c {
            Channel::Other(name) => Channel::Other(cut(name, short)),
            fixed => fixed.clone(),
        }),
        moment_of_truth: card.moment_of_truth.as_ref().map(|m| MomentOfTruth {
            reason: cut(&m.reason, limits.long_text_chars),
        }),
        tags: card
            .tags
            .iter()
            .take(limits.items)
            .map(|t| cut(t, short))
            .collect(),
        evidence: card
            .evidence
            .iter()
            .copied()
            .filter(|e| project.evidence.iter().any(|x| x.id == *e))
            .collect(),
        ..card.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit;
    use crate::i18n::Language;
    use crate::model::MapKind;
    use crate::templates;

    fn project_with_cards() -> Project {
        let mut p = templates::new_project(MapKind::CustomerJourney, Language::English);
        let map = &mut p.maps[0];
        for (i, title) in ["a", "b", "c"].into_iter().enumerate() {
            map.cards.push(Card {
                lane: map.lanes[i].id,
                stage: map.stages[i].id,
                title: title.to_owned(),
                ..Card::default()
            });
        }
        p
    }

    #[test]
    fn copied_cards_paste_as_new_cards_in_the_same_shape() {
        let mut p = project_with_cards();
        let map = &p.maps[0];
        let ids: Vec<CardId> = map.cards.iter().skip(1).map(|c| c.id).collect();
        let text = copy(map, &ids).expect("copied");
        let clip = parse(&text).expect("parsed");
        assert_eq!(clip.cards.len(), 2);
        assert_eq!((clip.cards[1].lane, clip.cards[1].stage), (1, 1));
        let (e, new) = paste(&p, map, &clip, (0, 0));
        edit::apply(&mut p, e).expect("applied");
        let map = &p.maps[0];
        assert_eq!(map.cards.len(), 5);
        let pasted: Vec<&Card> = new.iter().filter_map(|id| map.card(*id)).collect();
        assert_eq!(pasted[0].title, "b");
        assert_eq!(pasted[0].lane, map.lanes[0].id);
        assert_eq!(pasted[1].stage, map.stages[1].id);
        assert!(crate::file::validate(&p, &Limits::default()).is_empty());
    }

    /// Pasted at a cell: offsets kept from there, cards after those already in a cell, every
    /// text cut to the file's limits, links to evidence the project lacks dropped.
    #[test]
    fn a_paste_lands_from_its_cell_after_what_is_there_and_within_the_limits() {
        let mut p = project_with_cards();
        p.evidence.push(crate::model::Evidence::default());
        let known = p.evidence[0].id;
        let limits = Limits::default();
        let long = |n: usize| "x".repeat(n + 5);
        let card = Card {
            title: long(limits.short_text_chars),
            body: long(limits.long_text_chars),
            owner: long(limits.short_text_chars),
            channel: Some(Channel::Other(long(limits.short_text_chars))),
            moment_of_truth: Some(MomentOfTruth {
                reason: long(limits.long_text_chars),
            }),
            tags: vec![long(limits.short_text_chars)],
            evidence: vec![crate::model::EvidenceId(3), known],
            ..Card::default()
        };
        let clip = Clip {
            cards: vec![
                ClipCard {
                    lane: 0,
                    stage: 0,
                    card: card.clone(),
                },
                ClipCard {
                    lane: 1,
                    stage: 0,
                    card: Card {
                        title: "second".into(),
                        ..Card::default()
                    },
                },
            ],
        };
        let map = p.maps[0].clone();
        // At lane 1, stage 1: "b" is there already (order 0); the first lands after it.
        let (e, new) = paste(&p, &map, &clip, (1, 1));
        edit::apply(&mut p, e).unwrap();
        assert!(crate::file::validate(&p, &limits).is_empty());
        let map = &p.maps[0];
        let first = map.card(new[0]).unwrap();
        let second = map.card(new[1]).unwrap();
        assert_eq!(
            (first.lane, first.stage),
            (map.lanes[1].id, map.stages[1].id)
        );
        assert_eq!(
            (second.lane, second.stage),
            (map.lanes[2].id, map.stages[1].id)
        );
        let b = map.cards.iter().find(|c| c.title == "b").unwrap();
        assert_eq!(first.order, b.order + 1);
        let chars = |t: &str| t.chars().count();
        assert_eq!(chars(&first.title), limits.short_text_chars);
        assert_eq!(chars(&first.body), limits.long_text_chars);
        assert_eq!(chars(&first.owner), limits.short_text_chars);
        assert_eq!(chars(&first.tags[0]), limits.short_text_chars);
        let Some(Channel::Other(name)) = &first.channel else {
            panic!("channel")
        };
        assert_eq!(chars(name), limits.short_text_chars);
        assert_eq!(
            chars(&first.moment_of_truth.as_ref().unwrap().reason),
            limits.long_text_chars
        );
        assert_eq!(first.evidence, [known]);
        // Short texts are kept as they are.
        let fine = Card {
            body: "b".into(),
            owner: "o".into(),
            channel: Some(Channel::Phone),
            moment_of_truth: Some(MomentOfTruth { reason: "r".into() }),
            tags: vec!["t".into()],
            ..Card::default()
        };
        let kept = sanitised(&fine, &p, &limits);
        assert_eq!(
            (
                kept.body,
                kept.owner,
                kept.channel,
                kept.moment_of_truth,
                kept.tags
            ),
            (
                fine.body,
                fine.owner,
                fine.channel,
                fine.moment_of_truth,
                fine.tags
            )
        );
        // A clipboard of exactly 4 MB is read.
        assert!(parse(&"x".repeat(MAX_CLIP_BYTES)).is_ok());
    }

    #[test]
    fn plain_text_becomes_one_card_per_line() {
        let clip = parse("- Parkeren\n\n  * Ingang zoeken\n• Kassa\n").expect("parsed");
        let titles: Vec<&str> = clip.cards.iter().map(|c| c.card.title.as_str()).collect();
        assert_eq!(titles, ["Parkeren", "Ingang zoeken", "Kassa"]);
        assert_eq!(parse("  \n\n"), Err(ClipError::Empty));
    }

    #[test]
    fn hostile_clipboard_text_is_refused_or_tamed() {
        assert!(matches!(
            parse(&format!("{MARKER}\n(cards: [")),
            Err(ClipError::Unreadable(_))
        ));
        let deep = format!("{MARKER}\n{}", "[".repeat(10_000));
        assert!(matches!(parse(&deep), Err(ClipError::Unreadable(_))));
        let huge = "x".repeat(MAX_CLIP_BYTES + 1);
        assert_eq!(parse(&huge), Err(ClipError::TooLarge));
        assert_eq!(
            ClipError::TooLarge.to_string(),
            "the clipboard holds more than 4 MB"
        );
        // Two megabytes of notes are well within it.
        let notes = "Bellen met de schadelijn\n".repeat(100_000);
        assert!(notes.len() > 2 * 1024 * 1024);
        assert!(parse(&notes).is_ok());
        // A long line, far off cells and a dangling evidence link still paste validly.
        let mut p = project_with_cards();
        let clip = Clip {
            cards: vec![ClipCard {
                lane: 1000,
                stage: 1000,
                card: Card {
                    title: "t".repeat(10_000),
                    span: 900,
                    evidence: vec![crate::model::EvidenceId(42)],
                    ..Card::default()
                },
            }],
        };
        let (e, _) = paste(&p, &p.maps[0], &clip, (2, 2));
        edit::apply(&mut p, e).expect("applied");
        assert!(crate::file::validate(&p, &Limits::default()).is_empty());
    }
}
