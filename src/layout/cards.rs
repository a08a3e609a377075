//! Cards: their text measured first (so rows can be as tall as their tallest stack of cards),
//! then stacked per cell, then placed.

use std::collections::HashMap;

use epaint::{Rect, Vec2, pos2, vec2};

use super::{ActionBadge, CardLayout, Metrics, PlacedText, TextBlock, TextMeasurer};
use crate::i18n::{Language, channel_name, tr_in};
use crate::model::{ActionStatus, CardId, LaneId, Map, StageId};

/// A card measured but not yet placed.
pub(super) struct Measured {
    id: CardId,
    index: usize,
    lane: usize,
    stage: usize,
    span: usize,
    title: TextBlock,
    body: TextBlock,
    meta: TextBlock,
    evidence: TextBlock,
    actions: Option<(TextBlock, ActionStatus)>,
    comments: Option<TextBlock>,
    icon: bool,
    height: f32,
}

/// Each card's action badge: its words and the status that colours it.
pub(super) type Badges = HashMap<CardId, (String, ActionStatus)>;

/// Where a card stacks: its lane, its stage, its order in the cell, and its id.
type CellOrder = (usize, usize, u32, CardId);

/// The type size of a comment bubble's count.
const COMMENT_SIZE: f32 = 7.5;

/// The room around an action badge's words, across and down.
const BADGE_PAD: f32 = 5.0;
const BADGE_PAD_Y: f32 = 1.5;

/// A channel's icon sits before the card's meta line, as tall as its first line.
fn icon_size(m: &Metrics) -> f32 {
    m.card_meta_size * 1.25
}

/// The cards of open lanes, measured, sorted by lane, stage and order so each cell stacks
/// top to bottom. Channel names are in `lang`, the project's language.
pub(super) fn measure(
    map: &Map,
    (stage_index, lane_index): (&HashMap<StageId, usize>, &HashMap<LaneId, usize>),
    m: &Metrics,
    lang: Language,
    (strengths, badges, comments): (&HashMap<CardId, String>, &Badges, &HashMap<CardId, usize>),
    text: &mut TextMeasurer,
) -> Vec<Measured> {
    let icon_room = icon_size(m) + 3.0;
    // Cards sorted by lane, stage and order, so each cell stacks top to bottom.
    // The lane and stage are looked up once per card, not once per comparison.
    let mut sorted: Vec<(CellOrder, usize, &crate::model::Card)> = map
        .cards
        .iter()
        .enumerate()
        .filter_map(|(index, c)| {
            let lane = *lane_index.get(&c.lane)?;
            let stage = *stage_index.get(&c.stage)?;
            Some(((lane, stage, c.order, c.id), index, c))
        })
        .collect();
    sorted.sort_unstable_by_key(|(key, ..)| *key);

    let mut pending = Vec::with_capacity(sorted.len());
    for ((lane, stage, ..), index, card) in sorted {
        if map.lanes[lane].collapsed {
            continue;
        }
        let span = (card.span.max(1) as usize).min(map.stages.len() - stage);
        let width = m.stage_width * span as f32 - m.gap - 2.0 * m.card_padding;
        let title = text.block(&card.title, m.card_title_size, true, width, 4);
        let body = text.block(
            &card.body,
            m.card_body_size,
            false,
            width,
            m.card_body_max_lines,
        );
        let mut meta_parts = Vec::new();
        if let Some(channel) = &card.channel {
            meta_parts.push(channel_name(lang, channel).into_owned());
        }
        if card.third_party {
            meta_parts.push(tr_in(lang, "card.third_party").into_owned());
        }
        if !card.owner.is_empty() {
            meta_parts.push(card.owner.clone());
        }
        let icon = card.channel.is_some();
        let meta_width = if icon { width - icon_room } else { width };
        let meta = text.block(
            &meta_parts.join(" · "),
            m.card_meta_size,
            false,
            meta_width,
            2,
        );
        let evidence = text.block(
            strengths.get(&card.id).map_or("", String::as_str),
            m.card_meta_size,
            true,
            width,
            1,
        );
        let mut height = 2.0 * m.card_padding + title.size.y;
        if !body.lines.is_empty() {
            height += 4.0 + body.size.y;
        }
        if !meta.lines.is_empty() {
            height += 5.0 + meta.size.y;
        }
        if !evidence.lines.is_empty() {
            height += 4.0 + evidence.size.y;
        }
        let actions = badges.get(&card.id).map(|(words, status)| {
            let block = text.block(words, m.card_meta_size, true, width - 2.0 * BADGE_PAD, 1);
            (block, *status)
        });
        if let Some((block, _)) = &actions {
            height += 5.0 + block.size.y + 2.0 * BADGE_PAD_Y;
        }
        if card.moment_of_truth.is_some() {
            height = height.max(2.0 * m.card_padding + 14.0);
        }
        let comments = comments
            .get(&card.id)
            .map(|n| text.block(&n.to_string(), COMMENT_SIZE, true, width, 1));
        pending.push(Measured {
            id: card.id,
            index,
            lane,
            stage,
            span,
            title,
            body,
            meta,
            evidence,
            actions,
            comments,
            icon,
            height,
        });
    }

    pending
}

/// Row heights: the tallest stack of cards in any stage of each lane, and each card's top
/// within its lane. A spanning card takes room in every stage it covers.
pub(super) fn stack(map: &Map, pending: &[Measured], m: &Metrics) -> (Vec<Vec<f32>>, Vec<f32>) {
    // Row heights: the tallest stack of cards in any stage of the lane. A spanning card
    // takes room in every stage it covers.
    let mut stack = vec![vec![0.0_f32; map.stages.len()]; map.lanes.len()];
    let mut card_tops = Vec::with_capacity(pending.len());
    for p in pending {
        let column = &stack[p.lane][p.stage..p.stage + p.span];
        let top = column.iter().copied().fold(0.0, f32::max);
        card_tops.push(top);
        for h in &mut stack[p.lane][p.stage..p.stage + p.span] {
            *h = top + p.height + m.gap;
        }
    }

    (stack, card_tops)
}

/// The measured cards placed: each lane's cards start at `lane_card_top[lane]`, each stage's
/// column at `cells_left` plus its width.
pub(super) fn place(
    map: &Map,
    (pending, card_tops): (Vec<Measured>, Vec<f32>),
    lane_card_top: &[f32],
    cells_left: f32,
    m: &Metrics,
) -> Vec<CardLayout> {
    let icon_size = icon_size(m);
    let icon_room = icon_size + 3.0;
    pending
        .into_iter()
        .zip(card_tops)
        .map(|(p, top)| {
            let left = cells_left + m.stage_width * p.stage as f32 + m.gap / 2.0;
            let top = lane_card_top[p.lane] + top;
            let width = m.stage_width * p.span as f32 - m.gap;
            let rect = Rect::from_min_size(pos2(left, top), vec2(width, p.height));
            let inner_left = left + m.card_padding;
            let title_pos = pos2(inner_left, top + m.card_padding);
            let body_pos = pos2(inner_left, title_pos.y + p.title.size.y + 4.0);
            let body_bottom = if p.body.lines.is_empty() {
                title_pos.y + p.title.size.y
            } else {
                body_pos.y + p.body.size.y
            };
            let meta_top = body_bottom + 5.0;
            let meta_bottom = if p.meta.lines.is_empty() {
                body_bottom
            } else {
                meta_top + p.meta.size.y
            };
            let evidence_pos = pos2(inner_left, meta_bottom + 4.0);
            let evidence_bottom = if p.evidence.lines.is_empty() {
                meta_bottom
            } else {
                evidence_pos.y + p.evidence.size.y
            };
            let actions = p.actions.map(|(block, status)| {
                let rect = Rect::from_min_size(
                    pos2(inner_left, evidence_bottom + 5.0),
                    block.size + vec2(2.0 * BADGE_PAD, 2.0 * BADGE_PAD_Y),
                );
                ActionBadge {
                    rect,
                    label: PlacedText {
                        pos: rect.min + vec2(BADGE_PAD, BADGE_PAD_Y),
                        block,
                    },
                    status,
                }
            });
            // On the top edge, left of where a moment of truth's star sits.
            let comments = p.comments.map(|block| {
                let size = block.size + vec2(2.0 * BADGE_PAD, 2.0 * BADGE_PAD_Y);
                let size = vec2(size.x.max(size.y), size.y);
                let centre = pos2(rect.right() - 26.0 - size.x / 2.0, rect.top());
                let bubble = Rect::from_center_size(centre, size);
                PlacedText {
                    pos: pos2(centre.x - block.size.x / 2.0, bubble.top() + BADGE_PAD_Y),
                    block,
                }
            });
            let (meta_pos, channel_icon) = if p.icon {
                let icon = Rect::from_min_size(pos2(inner_left, meta_top), Vec2::splat(icon_size));
                (pos2(inner_left + icon_room, meta_top), Some(icon))
            } else {
                (pos2(inner_left, meta_top), None)
            };
            CardLayout {
                id: p.id,
                index: p.index,
                lane: map.lanes[p.lane].id,
                rect,
                title: PlacedText {
                    pos: title_pos,
                    block: p.title,
                },
                body: PlacedText {
                    pos: body_pos,
                    block: p.body,
                },
                meta: PlacedText {
                    pos: meta_pos,
                    block: p.meta,
                },
                channel_icon,
                evidence: PlacedText {
                    pos: evidence_pos,
                    block: p.evidence,
                },
                actions,
                comments,
            }
        })
        .collect()
}

/// What each card with evidence says about it, in the project's language: "9 van 22
/// respondenten", "3 respondenten" without a register, "2 bronnen" without respondents.
pub(super) fn evidence_lines(
    project: &crate::model::Project,
    map: &Map,
    lang: Language,
) -> HashMap<CardId, String> {
    use crate::i18n::tr_count_in;
    // Many cards have the same counts: each line is worded once.
    let mut worded: HashMap<(usize, usize, usize), String> = HashMap::new();
    map.cards
        .iter()
        .filter(|c| !c.evidence.is_empty())
        .filter_map(|c| {
            let s = crate::analysis::evidence::strength(project, &c.evidence);
            if s.respondents == 0 && s.items == 0 {
                return None;
            }
            let line = worded
                .entry((s.respondents, s.of, s.items))
                .or_insert_with(|| match (s.respondents, s.of) {
                    (0, _) => tr_count_in(lang, "evidence.sources", s.items, &[]),
                    (n, 0) => tr_count_in(lang, "evidence.respondents", n, &[]),
                    (n, of) => tr_count_in(lang, "evidence.respondents_of", of, &[("n", &n)]),
                })
                .clone();
            Some((c.id, line))
        })
        .collect()
}

/// The action badge of each card that actions address, in the project's language: "1 actie ·
/// gepland", "3 acties · 1 klaar", "2 acties · klaar"; with the status that colours it.
pub(super) fn action_badges(project: &crate::model::Project, map: &Map, lang: Language) -> Badges {
    use crate::i18n::{action_status_name, tr_count_in};
    if project.actions.is_empty() {
        return HashMap::new();
    }
    let mut on: HashMap<CardId, Vec<ActionStatus>> = HashMap::new();
    for action in &project.actions {
        for card in &action.cards {
            if map.card(*card).is_some() {
                on.entry(*card).or_default().push(action.status);
            }
        }
    }
    on.into_iter()
        .map(|(card, statuses)| {
            let count = tr_count_in(lang, "card.actions", statuses.len(), &[]);
            let open = statuses
                .iter()
                .copied()
                .filter(|s| s.is_open())
                .min_by_key(|s| ActionStatus::ALL.iter().position(|x| x == s));
            let done = statuses
                .iter()
                .filter(|s| **s == ActionStatus::Done)
                .count();
            let (status, words) = match open {
                Some(status) if done > 0 => (
                    status,
                    crate::i18n::tr_args_in(lang, "card.actions.done_of", &[("n", &done)]),
                ),
                Some(status) => (status, action_status_name(lang, status).to_lowercase()),
                None if done > 0 => (
                    ActionStatus::Done,
                    action_status_name(lang, ActionStatus::Done).to_lowercase(),
                ),
                None => (
                    ActionStatus::Dropped,
                    action_status_name(lang, ActionStatus::Dropped).to_lowercase(),
                ),
            };
            (card, (format!("{count} · {words}"), status))
        })
        .collect()
}

#[cfg(test)]
mod badge_tests {
    use super::*;
    use crate::model::{Action, Project};

    /// A badge counts the card's actions and says how far they are: the least advanced open
    /// status, how many are done beside open ones, done when all are, dropped when all were.
    #[test]
    fn a_badge_says_how_many_actions_and_how_far_they_are() {
        let mut project =
            crate::templates::new_project(crate::model::MapKind::CustomerJourney, Language::Dutch);
        let map = &mut project.maps[0];
        let cards: Vec<crate::model::Card> = (0..5)
            .map(|_| crate::model::Card {
                lane: map.lanes[0].id,
                stage: map.stages[0].id,
                ..crate::model::Card::default()
            })
            .collect();
        map.cards.extend(cards.iter().cloned());
        let ids: Vec<CardId> = cards.iter().map(|c| c.id).collect();
        let on = |card: CardId, status| Action {
            cards: vec![card],
            status,
            ..Action::default()
        };
        project.actions = vec![
            on(ids[0], ActionStatus::Planned),
            on(ids[1], ActionStatus::Done),
            on(ids[1], ActionStatus::InProgress),
            on(ids[1], ActionStatus::Planned),
            on(ids[2], ActionStatus::Done),
            on(ids[3], ActionStatus::Dropped),
            on(CardId(424_242), ActionStatus::Idea),
        ];
        let badges = action_badges(&project, &project.maps[0], Language::Dutch);
        let badge = |i: usize| badges.get(&ids[i]).cloned();
        assert_eq!(
            badge(0),
            Some(("1 actie · gepland".to_owned(), ActionStatus::Planned))
        );
        assert_eq!(
            badge(1),
            Some(("3 acties · 1 klaar".to_owned(), ActionStatus::Planned))
        );
        assert_eq!(
            badge(2),
            Some(("1 actie · klaar".to_owned(), ActionStatus::Done))
        );
        assert_eq!(
            badge(3),
            Some(("1 actie · geschrapt".to_owned(), ActionStatus::Dropped))
        );
        assert_eq!(badge(4), None);
        assert_eq!(badges.len(), 4, "a card of another map has no badge here");
        let none = action_badges(&Project::default(), &project.maps[0], Language::Dutch);
        assert!(none.is_empty());
    }
}

/// How many open review comments each card of `map` has (those with none are left out).
pub(super) fn open_comments(project: &crate::model::Project, map: &Map) -> HashMap<CardId, usize> {
    let mut counts = HashMap::new();
    for c in project.comments_on(map.id).filter(|c| c.is_open()) {
        if let crate::model::Target::Card(id) = c.on
            && map.card(id).is_some()
        {
            *counts.entry(id).or_insert(0) += 1;
        }
    }
    counts
}

#[cfg(test)]
mod comment_tests {
    use super::*;
    use crate::model::{Comment, CommentId, Target};

    /// A card's bubble counts its open comments, on its top edge; resolved comments, the map's
    /// and a deleted card's do not count; without `comment_badges` no card has one.
    #[test]
    fn a_cards_bubble_counts_its_open_comments_when_asked_for() {
        let mut project =
            crate::templates::new_project(crate::model::MapKind::CustomerJourney, Language::Dutch);
        let map = &mut project.maps[0];
        let cards: Vec<crate::model::Card> = (0..2)
            .map(|i| crate::model::Card {
                lane: map.lanes[0].id,
                stage: map.stages[i].id,
                ..crate::model::Card::default()
            })
            .collect();
        map.cards.extend(cards.iter().cloned());
        let map_id = map.id;
        let on = |id: u64, target: Target, resolved: bool| Comment {
            id: CommentId(id),
            map: map_id,
            on: target,
            resolved,
            ..Comment::default()
        };
        project.comments = vec![
            on(1, Target::Card(cards[0].id), false),
            on(2, Target::Card(cards[0].id), false),
            on(3, Target::Card(cards[0].id), true),
            on(4, Target::Map, false),
            on(5, Target::Card(CardId(99)), false),
        ];
        let map = &project.maps[0];
        let counts = open_comments(&project, map);
        assert_eq!(counts.len(), 1);
        assert_eq!(counts[&cards[0].id], 2);
        let mut text = TextMeasurer::new();
        let asked = Metrics {
            comment_badges: true,
            ..Metrics::default()
        };
        let laid = super::super::lay_out(&project, map, &asked, &mut text);
        let first = laid.cards.iter().find(|c| c.id == cards[0].id).unwrap();
        let bubble = first.comments.as_ref().expect("a bubble");
        assert_eq!(bubble.block.lines.len(), 1);
        let centre = bubble.pos + bubble.block.size / 2.0;
        assert!((centre.y - first.rect.top()).abs() < 0.5, "on the top edge");
        assert!(centre.x < first.rect.right() - 26.0 && centre.x > first.rect.left());
        let second = laid.cards.iter().find(|c| c.id == cards[1].id).unwrap();
        assert!(second.comments.is_none());
        let plain = super::super::lay_out(&project, map, &Metrics::default(), &mut text);
        assert!(plain.cards.iter().all(|c| c.comments.is_none()));
        // The painter draws the count where the layout put it.
        let scene = crate::render::paint(
            map,
            &laid,
            &crate::render::Theme::default(),
            &crate::render::PaintOptions::default(),
        );
        let texts: Vec<&str> = scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                crate::render::Shape::Text { text, .. } => Some(&**text),
                _ => None,
            })
            .collect();
        assert!(texts.contains(&"2"), "{texts:?}");
    }
}
