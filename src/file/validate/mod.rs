//! Checks a parsed project: finite numbers in range, unique ids, no dangling references,
//! counts and text lengths within limits. Run after every load and before every save.

use std::collections::HashSet;
use std::hash::Hash;

use base64::Engine as _;

mod actions;
mod research;
mod review;
mod sharing;

use super::Problem;
use crate::model::{Limits, Map, Project, time};

struct Checker<'a> {
    limits: &'a Limits,
    problems: Vec<Problem>,
}

/// A short, quoted name for locations: `"Parkeren"`.
fn quoted(name: &str) -> String {
    const MAX: usize = 40;
    if name.chars().count() > MAX {
        let cut: String = name.chars().take(MAX).collect();
        format!("{cut:?}…")
    } else {
        format!("{name:?}")
    }
}

impl Checker<'_> {
    fn problem(&mut self, location: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            location: location.into(),
            message: message.into(),
        });
    }

    fn short(&mut self, location: &str, field: &str, text: &str) {
        self.text(location, field, text, self.limits.short_text_chars);
    }

    fn long(&mut self, location: &str, field: &str, text: &str) {
        self.text(location, field, text, self.limits.long_text_chars);
    }

    fn text(&mut self, location: &str, field: &str, text: &str, limit: usize) {
        // Counting chars is linear; bytes are an upper bound and cheaper for the common case.
        if text.len() > limit {
            let chars = text.chars().count();
            if chars > limit {
                self.problem(
                    join(location, field),
                    format!("text is {chars} characters long; at most {limit} are allowed"),
                );
            }
        }
    }

    fn count(&mut self, location: &str, what: &str, count: usize, limit: usize) -> bool {
        if count > limit {
            self.problem(
                join(location, what),
                format!("{count} {what}; at most {limit} are allowed"),
            );
            false
        } else {
            true
        }
    }

    fn unique<T: Eq + Hash + Copy + std::fmt::Display>(
        &mut self,
        seen: &mut HashSet<T>,
        id: T,
        location: &str,
    ) {
        if !seen.insert(id) {
            self.problem(
                location.to_owned(),
                format!("id {id} is used twice; every id must be unique"),
            );
        }
    }
}

/// A number for a message: as written for an ordinary figure, in powers of ten for one too
/// large or too small to read (a score of 10³⁰⁸ is not printed with its 309 digits).
pub(super) fn figure(value: f64) -> String {
    if value.is_finite() && value != 0.0 && !(1e-6..1e9).contains(&value.abs()) {
        format!("{value:.3e}")
    } else {
        crate::model::format_score(value, 6, false)
    }
}

fn join(location: &str, field: &str) -> String {
    if location.is_empty() {
        field.to_owned()
    } else {
        format!("{location} › {field}")
    }
}

/// All problems in `project`; empty when it is valid.
pub fn validate(project: &Project, limits: &Limits) -> Vec<Problem> {
    let mut c = Checker {
        limits,
        problems: Vec::new(),
    };
    check_project(&mut c, project);
    c.problems
}

fn check_project(c: &mut Checker<'_>, p: &Project) {
    let limits = c.limits;
    c.short("", "title", &p.title);
    c.long("", "description", &p.description);
    if p.language.len() > 35 {
        c.problem(
            "language",
            "a language tag is at most 35 characters, such as \"nl\"",
        );
    }
    for (field, value) in [("created", &p.created), ("modified", &p.modified)] {
        if !value.is_empty() && !time::is_valid_timestamp(value) {
            c.problem(
                field,
                format!("{value:?} is not a time like \"2026-11-23T09:30:00Z\""),
            );
        }
    }
    if c.count("", "authors", p.authors.len(), limits.items) {
        for (i, a) in p.authors.iter().enumerate() {
            c.short(&format!("authors[{i}]"), "name", a);
        }
    }
    let all_counts_ok = [
        c.count("", "personas", p.personas.len(), limits.items),
        c.count("", "stakeholders", p.stakeholders.len(), limits.items),
        c.count("", "relations", p.relations.len(), limits.items),
        c.count("", "evidence items", p.evidence.len(), limits.evidence),
        c.count("", "data sets", p.datasets.len(), limits.items),
        c.count("", "images", p.images.len(), limits.images),
        c.count("", "maps", p.maps.len(), limits.maps),
    ]
    .iter()
    .all(|ok| *ok);
    if !all_counts_ok {
        // Checking millions of items one by one helps nobody; the count is the problem.
        return;
    }

    let mut image_ids = HashSet::new();
    for (i, image) in p.images.iter().enumerate() {
        let loc = format!("images[{i}] {}", quoted(&image.name));
        c.unique(&mut image_ids, image.id, &loc);
        c.short(&loc, "name", &image.name);
        check_image(c, &loc, image);
    }

    let mut persona_ids = HashSet::new();
    for (i, persona) in p.personas.iter().enumerate() {
        let loc = format!("personas[{i}] {}", quoted(&persona.name));
        c.unique(&mut persona_ids, persona.id, &loc);
        c.short(&loc, "name", &persona.name);
        c.short(&loc, "role", &persona.role);
        c.long(&loc, "description", &persona.description);
        c.long(&loc, "quote", &persona.quote);
        c.short(&loc, "age", &persona.age);
        c.long(&loc, "behaviour", &persona.behaviour);
        if c.count(&loc, "channels", persona.channels.len(), limits.items) {
            for (j, channel) in persona.channels.iter().enumerate() {
                if let crate::model::Channel::Other(name) = channel {
                    c.short(&loc, &format!("channels[{j}]"), name);
                }
            }
        }
        for (field, list) in [
            ("goals", &persona.goals),
            ("needs", &persona.needs),
            ("frustrations", &persona.frustrations),
        ] {
            if c.count(&loc, field, list.len(), limits.items) {
                for (j, text) in list.iter().enumerate() {
                    c.long(&loc, &format!("{field}[{j}]"), text);
                }
            }
        }
        if let Some(image) = persona.image
            && !p.images.iter().any(|im| im.id == image)
        {
            c.problem(
                join(&loc, "image"),
                format!("refers to {image}, which does not exist"),
            );
        }
    }

    let mut stakeholder_ids = HashSet::new();
    for (i, s) in p.stakeholders.iter().enumerate() {
        let loc = format!("stakeholders[{i}] {}", quoted(&s.name));
        c.unique(&mut stakeholder_ids, s.id, &loc);
        c.short(&loc, "name", &s.name);
        c.short(&loc, "role", &s.role);
        c.short(&loc, "organisation", &s.organisation);
        for (field, value) in [("influence", s.influence), ("interest", s.interest)] {
            if value > 5 {
                c.problem(
                    join(&loc, field),
                    format!("{value} is off the scale 0 to 5"),
                );
            }
        }
        if !s.angle.is_finite() {
            c.problem(join(&loc, "angle"), "is not a number".to_owned());
        }
    }
    let mut relation_ids = HashSet::new();
    for (i, r) in p.relations.iter().enumerate() {
        let loc = format!("relations[{i}] {}", quoted(&r.label));
        c.unique(&mut relation_ids, r.id, &loc);
        c.short(&loc, "label", &r.label);
        c.short(&loc, "back", &r.back);
        if r.from == r.to {
            c.problem(
                join(&loc, "to"),
                "is the same stakeholder as from: a relation joins two".to_owned(),
            );
        }
        for (field, id) in [("from", r.from), ("to", r.to)] {
            if !stakeholder_ids.contains(&id) {
                c.problem(
                    join(&loc, field),
                    format!("refers to {id}, which does not exist"),
                );
            }
        }
    }

    let evidence_ids = research::check_research(c, p);

    let mut ids = MapIds::default();
    for (i, map) in p.maps.iter().enumerate() {
        let loc = format!("maps[{i}] {}", quoted(&map.title));
        check_map(c, &loc, map, &mut ids, &persona_ids, &evidence_ids);
    }
    // A stage zooms into another map of the project.
    for (i, map) in p.maps.iter().enumerate() {
        for (j, stage) in map.stages.iter().enumerate() {
            let Some(journey) = stage.journey else {
                continue;
            };
            let loc = format!(
                "maps[{i}] {} › stages[{j}] {} › journey",
                quoted(&map.title),
                quoted(&stage.name)
            );
            if journey == map.id {
                c.problem(
                    loc,
                    "is the map the stage is on: a stage zooms into another map".to_owned(),
                );
            } else if !p.maps.iter().any(|m| m.id == journey) {
                c.problem(
                    loc,
                    format!("refers to {journey}, which is not a map of this project"),
                );
            }
        }
    }

    let dataset_ids = research::check_datasets(c, p, &ids);
    research::check_links(c, p, &evidence_ids, &dataset_ids);
    sharing::check_snapshots(c, p);
    sharing::check_conflicts(c, p);
    actions::check_actions(c, p, &ids, &dataset_ids);
    review::check_comments(c, p, &ids);
}

#[derive(Default)]
struct MapIds {
    maps: HashSet<crate::model::MapId>,
    stages: HashSet<crate::model::StageId>,
    lanes: HashSet<crate::model::LaneId>,
    cards: HashSet<crate::model::CardId>,
    curves: HashSet<crate::model::CurveId>,
}

fn check_map(
    c: &mut Checker<'_>,
    loc: &str,
    map: &Map,
    ids: &mut MapIds,
    persona_ids: &HashSet<crate::model::PersonaId>,
    evidence_ids: &HashSet<crate::model::EvidenceId>,
) {
    let limits = c.limits;
    c.unique(&mut ids.maps, map.id, loc);
    c.short(loc, "title", &map.title);
    c.long(loc, "description", &map.description);
    c.long(loc, "goal", &map.goal);
    c.long(loc, "scenario", &map.scenario);
    c.long(loc, "expectations", &map.expectations);
    let counts_ok = [
        c.count(loc, "personas", map.personas.len(), limits.items),
        c.count(loc, "stages", map.stages.len(), limits.stages_per_map),
        c.count(loc, "lanes", map.lanes.len(), limits.lanes_per_map),
        c.count(loc, "cards", map.cards.len(), limits.cards_per_map),
        c.count(loc, "curves", map.curves.len(), limits.curves_per_map),
    ]
    .iter()
    .all(|ok| *ok);
    if !counts_ok {
        return;
    }
    for persona in &map.personas {
        if !persona_ids.contains(persona) {
            c.problem(
                join(loc, "personas"),
                format!("refers to {persona}, which does not exist"),
            );
        }
    }
    let scale = map.scale;
    if let crate::model::EmotionScale::Custom { min, max } = scale
        && !(min.is_finite() && max.is_finite() && min < max && max - min <= limits.max_scale_span)
    {
        c.problem(
            join(loc, "scale"),
            format!(
                "a custom scale needs finite numbers with min < max and at most {} apart; it has {min}..{max}",
                limits.max_scale_span
            ),
        );
    }
    let mut stage_index = std::collections::HashMap::new();
    for (i, stage) in map.stages.iter().enumerate() {
        let sloc = format!("{loc} › stages[{i}] {}", quoted(&stage.name));
        c.unique(&mut ids.stages, stage.id, &sloc);
        stage_index.insert(stage.id, i);
        c.short(&sloc, "name", &stage.name);
        c.long(&sloc, "description", &stage.description);
        c.short(&sloc, "milestone", &stage.milestone);
        c.long(&sloc, "success_criteria", &stage.success_criteria);
    }
    let mut map_lanes = HashSet::new();
    for (i, lane) in map.lanes.iter().enumerate() {
        let lloc = format!("{loc} › lanes[{i}] {}", quoted(&lane.name));
        c.unique(&mut ids.lanes, lane.id, &lloc);
        map_lanes.insert(lane.id);
        c.short(&lloc, "name", &lane.name);
    }
    for (i, card) in map.cards.iter().enumerate() {
        let cloc = format!("{loc} › cards[{i}] {}", quoted(&card.title));
        c.unique(&mut ids.cards, card.id, &cloc);
        c.short(&cloc, "title", &card.title);
        c.long(&cloc, "body", &card.body);
        c.short(&cloc, "owner", &card.owner);
        if let Some(crate::model::Channel::Other(name)) = &card.channel {
            c.short(&cloc, "channel", name);
        }
        if let Some(mot) = &card.moment_of_truth {
            c.long(&cloc, "moment_of_truth.reason", &mot.reason);
        }
        if !map_lanes.contains(&card.lane) {
            c.problem(
                join(&cloc, "lane"),
                format!("refers to {}, which is not a lane of this map", card.lane),
            );
        }
        match stage_index.get(&card.stage) {
            None => c.problem(
                join(&cloc, "stage"),
                format!("refers to {}, which is not a stage of this map", card.stage),
            ),
            Some(&first) => {
                if card.span == 0 {
                    c.problem(join(&cloc, "span"), "a card covers at least 1 stage");
                } else if first + card.span as usize > map.stages.len() {
                    c.problem(
                        join(&cloc, "span"),
                        format!(
                            "covers {} stages from stage {}, but the map has only {} stages",
                            card.span,
                            first + 1,
                            map.stages.len()
                        ),
                    );
                }
            }
        }
        if c.count(&cloc, "tags", card.tags.len(), limits.items) {
            for (j, tag) in card.tags.iter().enumerate() {
                c.short(&cloc, &format!("tags[{j}]"), tag);
            }
        }
        if c.count(&cloc, "evidence links", card.evidence.len(), limits.items) {
            for e in &card.evidence {
                if !evidence_ids.contains(e) {
                    c.problem(
                        join(&cloc, "evidence"),
                        format!("refers to {e}, which does not exist"),
                    );
                }
            }
        }
    }
    let map_cards: HashSet<_> = map.cards.iter().map(|card| card.id).collect();
    for (i, curve) in map.curves.iter().enumerate() {
        let vloc = format!("{loc} › curves[{i}] {}", quoted(&curve.label));
        c.unique(&mut ids.curves, curve.id, &vloc);
        c.short(&vloc, "label", &curve.label);
        if let Some(persona) = curve.persona
            && !persona_ids.contains(&persona)
        {
            c.problem(
                join(&vloc, "persona"),
                format!("refers to {persona}, which does not exist"),
            );
        }
        if !c.count(&vloc, "points", curve.points.len(), limits.points_per_curve) {
            continue;
        }
        for (j, point) in curve.points.iter().enumerate() {
            let ploc = format!("{vloc} › points[{j}]");
            c.short(&ploc, "label", &point.label);
            if !point.score.is_finite() {
                c.problem(
                    join(&ploc, "score"),
                    format!(
                        "{} is not a finite number; a score is a number on the map's scale",
                        figure(point.score)
                    ),
                );
            } else if !scale.contains(point.score) {
                c.problem(
                    join(&ploc, "score"),
                    format!(
                        "{} is outside the map's scale {}",
                        figure(point.score),
                        crate::i18n::scale_label(scale, crate::i18n::Language::English)
                    ),
                );
            }
            if !stage_index.contains_key(&point.stage) {
                c.problem(
                    join(&ploc, "stage"),
                    format!(
                        "refers to {}, which is not a stage of this map",
                        point.stage
                    ),
                );
            }
            if let Some(card) = point.card
                && !map_cards.contains(&card)
            {
                c.problem(
                    join(&ploc, "card"),
                    format!("refers to {card}, which is not a card of this map"),
                );
            }
        }
    }
    if let Some((first, second)) = map.compare {
        let loc = join(loc, "compare");
        for id in [first, second] {
            if !map.curves.iter().any(|c| c.id == id) {
                c.problem(
                    loc.clone(),
                    format!("refers to {id}, which is not a curve of this map"),
                );
            }
        }
        if first == second {
            c.problem(loc, "compares a curve with itself".to_owned());
        }
    }
    if c.count(
        loc,
        "connectors",
        map.connectors.len(),
        limits.cards_per_map,
    ) {
        let mut connector_ids = HashSet::new();
        for (i, connector) in map.connectors.iter().enumerate() {
            let cloc = format!("{loc} › connectors[{i}]");
            c.unique(&mut connector_ids, connector.id, &cloc);
            c.short(&cloc, "label", &connector.label);
            for (field, card) in [("from", connector.from), ("to", connector.to)] {
                if map.card(card).is_none() {
                    c.problem(
                        join(&cloc, field),
                        format!("refers to {card}, which is not a card of this map"),
                    );
                }
            }
            if connector.from == connector.to {
                c.problem(
                    join(&cloc, "to"),
                    "points at the card it starts from".to_owned(),
                );
            }
        }
    }
}

fn check_image(c: &mut Checker<'_>, loc: &str, image: &crate::model::EmbeddedImage) {
    let magic: &[u8] = match image.mime.as_str() {
        "image/png" => b"\x89PNG\r\n\x1a\n",
        "image/jpeg" => b"\xff\xd8\xff",
        other => {
            c.problem(
                join(loc, "mime"),
                format!("{other:?} is not supported; use \"image/png\" or \"image/jpeg\""),
            );
            return;
        }
    };
    // Base64 is 4/3 of the data: refuse oversized images before decoding them.
    if image.data_base64.len() / 4 * 3 > c.limits.image_bytes {
        c.problem(
            join(loc, "data_base64"),
            format!(
                "the image is larger than {} MB",
                c.limits.image_bytes / (1024 * 1024)
            ),
        );
        return;
    }
    match base64::engine::general_purpose::STANDARD.decode(image.data_base64.as_bytes()) {
        Err(e) => c.problem(join(loc, "data_base64"), format!("not valid base64 ({e})")),
        Ok(bytes) if !bytes.starts_with(magic) => c.problem(
            join(loc, "data_base64"),
            format!("the data is not a {} image", image.mime),
        ),
        Ok(bytes) => {
            if let Err(e) = super::picture::dimensions(&bytes) {
                c.problem(join(loc, "data_base64"), e.to_string());
            }
        }
    }
}
