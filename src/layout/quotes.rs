//! A quotes lane: what respondents said, linked to each stage, with who said it.

use epaint::{Rect, Vec2, pos2, vec2};

use super::metrics::shift;
use super::{Metrics, PlacedText, TextMeasurer};
use crate::i18n::Language;
use crate::model::{Map, Project};

/// A quote in an evidence lane, with who said it.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteLayout {
    pub evidence: crate::model::EvidenceId,
    pub rect: Rect,
    pub text: PlacedText,
    pub attribution: PlacedText,
}

impl QuoteLayout {
    pub(super) fn translate(&mut self, by: Vec2) {
        self.rect = self.rect.translate(by);
        shift(&mut self.text, by);
        shift(&mut self.attribution, by);
    }
}

/// One quotes lane's quotes: those linked to each stage, stacked in its column.
pub(super) fn quote_cells(
    project: &Project,
    map: &Map,
    m: &Metrics,
    lang: Language,
    text: &mut TextMeasurer,
) -> (f32, Vec<QuoteLayout>) {
    let inner = m.stage_width - m.gap - 2.0 * m.card_padding;
    let mut tallest: f32 = 0.0;
    let mut out = Vec::new();
    for (si, stage) in map.stages.iter().enumerate() {
        let x = m.stage_width * si as f32 + m.gap / 2.0;
        let mut y = m.gap;
        for e in said_in(project, map, stage) {
            let quote = text.block(
                &format!("“{}”", e.text.trim()),
                m.card_body_size,
                false,
                inner,
                8,
            );
            let who = attribution(project, e, lang);
            let attribution = text.block(&who, m.card_meta_size, false, inner, 2);
            let height = 2.0 * m.card_padding + quote.size.y + 3.0 + attribution.size.y;
            let rect = Rect::from_min_size(pos2(x, y), vec2(m.stage_width - m.gap, height));
            out.push(QuoteLayout {
                evidence: e.id,
                rect,
                text: PlacedText {
                    pos: pos2(x + m.card_padding, y + m.card_padding),
                    block: quote,
                },
                attribution: PlacedText {
                    pos: pos2(
                        x + m.card_padding,
                        y + m.card_padding + rect.height()
                            - 2.0 * m.card_padding
                            - attribution.size.y,
                    ),
                    block: attribution,
                },
            });
            y += height + m.gap;
        }
        tallest = tallest.max(if y > m.gap { y } else { 0.0 });
    }
    (tallest, out)
}

/// What respondents said or showed in `stage`: the quotes and observations linked to the
/// stage, then those linked to its cards, each once; one with no text (left out of an export)
/// is not shown.
fn said_in<'a>(
    project: &'a Project,
    map: &Map,
    stage: &crate::model::Stage,
) -> Vec<&'a crate::model::Evidence> {
    use crate::model::EvidenceKind;
    let cards = map
        .cards
        .iter()
        .filter(|c| c.stage == stage.id)
        .flat_map(|c| c.evidence.iter());
    let mut out: Vec<&crate::model::Evidence> = Vec::new();
    for e in stage
        .evidence
        .iter()
        .chain(cards)
        .filter_map(|id| project.evidence(*id))
    {
        let said = matches!(e.kind, EvidenceKind::Quote | EvidenceKind::Observation);
        if said && !e.text.trim().is_empty() && !out.iter().any(|x| x.id == e.id) {
            out.push(e);
        }
    }
    out
}

/// Who said it: `— P01 (huurder, 30-45), P06 · 6 respondenten`; a pseudonymised export has
/// codes only because its copy of the project has no names or segments.
fn attribution(project: &Project, e: &crate::model::Evidence, lang: Language) -> String {
    let who: Vec<String> = e
        .respondents
        .iter()
        .map(|code| match project.respondent(code) {
            Some(r) => {
                let name = if r.name.is_empty() { &r.code } else { &r.name };
                if r.segment.is_empty() {
                    name.clone()
                } else {
                    format!("{name} ({})", r.segment)
                }
            }
            None => code.clone(),
        })
        .collect();
    let mut parts = Vec::new();
    if !who.is_empty() {
        parts.push(who.join(", "));
    }
    if e.weight() > e.respondents.len() {
        parts.push(crate::i18n::tr_count_in(
            lang,
            "evidence.respondents",
            e.weight(),
            &[],
        ));
    }
    if parts.is_empty() && !e.source.is_empty() {
        parts.push(e.source.clone());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("— {}", parts.join(" · "))
    }
}
