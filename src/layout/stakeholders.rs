//! The stakeholder map's geometry: concentric rings around the customer (core, direct,
//! indirect), each stakeholder a box on its ring at its angle, relations as lines between the
//! boxes' edges with their words, and a legend of the kinds of relation.

use epaint::{Pos2, Rect, Vec2, pos2, vec2};

use super::{PlacedText, TextMeasurer};
use crate::i18n::{Language, relation_kind_name, ring_name, tr_in};
use crate::model::{Project, RelationId, RelationKind, Ring, StakeholderId};

const MARGIN: f32 = 36.0;
const TITLE_HEIGHT: f32 = 70.0;
/// The radius of each ring, from the centre out (the customer's is a disc).
const RADII: [f32; 4] = [90.0, 235.0, 385.0, 535.0];
const NODE: Vec2 = vec2(180.0, 50.0);
const LEGEND_WIDTH: f32 = 190.0;

/// One ring with its name.
#[derive(Clone, Debug, PartialEq)]
pub struct RingLayout {
    pub ring: Ring,
    pub radius: f32,
    pub name: PlacedText,
}

/// One stakeholder's box.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeLayout {
    pub id: StakeholderId,
    pub ring: Ring,
    pub rect: Rect,
    pub name: PlacedText,
    pub role: PlacedText,
}

/// One relation: from edge to edge, with what goes each way.
#[derive(Clone, Debug, PartialEq)]
pub struct RelationLayout {
    pub id: RelationId,
    pub kind: RelationKind,
    pub from: Pos2,
    pub to: Pos2,
    pub both_ways: bool,
    /// What `from` does for `to`, beside the line.
    pub label: PlacedText,
    /// What comes back, on the other side of the line.
    pub back: PlacedText,
}

/// One line of the legend: a sample of the kind's line, and its name.
#[derive(Clone, Debug, PartialEq)]
pub struct KindLegend {
    pub kind: RelationKind,
    pub sample: [Pos2; 2],
    pub name: PlacedText,
}

/// The whole stakeholder map, from (0, 0).
#[derive(Clone, Debug, PartialEq)]
pub struct StakeholderLayout {
    pub size: Vec2,
    pub title: PlacedText,
    pub subtitle: PlacedText,
    pub centre: Pos2,
    pub rings: Vec<RingLayout>,
    pub nodes: Vec<NodeLayout>,
    pub relations: Vec<RelationLayout>,
    pub legend: Vec<KindLegend>,
}

impl StakeholderLayout {
    /// The stakeholder whose box is at `pos`, the topmost first.
    pub fn node_at(&self, pos: Pos2) -> Option<StakeholderId> {
        self.nodes
            .iter()
            .rev()
            .find(|n| n.rect.contains(pos))
            .map(|n| n.id)
    }

    /// The relation whose line passes within `reach` of `pos`, if any.
    pub fn relation_at(&self, pos: Pos2, reach: f32) -> Option<RelationId> {
        self.relations
            .iter()
            .map(|r| (r.id, distance_to_segment(pos, r.from, r.to)))
            .filter(|(_, d)| *d <= reach)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(id, _)| id)
    }

    /// The ring and the angle (degrees clockwise from the top) a box dropped at `pos` takes:
    /// the ring nearest to it.
    pub fn place_at(&self, pos: Pos2) -> (Ring, f32) {
        let d = pos - self.centre;
        let distance = d.length();
        let ring = Ring::ALL
            .into_iter()
            .zip(RADII)
            .min_by(|a, b| {
                let to = |r: f32| (distance - if r == RADII[0] { 0.0 } else { r }).abs();
                to(a.1).total_cmp(&to(b.1))
            })
            .map_or(Ring::Direct, |(ring, _)| ring);
        let angle = d.x.atan2(-d.y).to_degrees().rem_euclid(360.0);
        (ring, angle)
    }
}

fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = ((p - a).dot(ab) / ab.length_sq().max(f32::EPSILON)).clamp(0.0, 1.0);
    (a + ab * t - p).length()
}

fn radius(ring: Ring) -> f32 {
    RADII[Ring::ALL.iter().position(|r| *r == ring).unwrap_or(2)]
}

/// Where a line from the centre of `rect` towards `towards` leaves the box.
fn edge_point(rect: Rect, towards: Pos2) -> Pos2 {
    let c = rect.center();
    let d = towards - c;
    if d.x.abs() < f32::EPSILON && d.y.abs() < f32::EPSILON {
        return c;
    }
    let sx = if d.x.abs() > f32::EPSILON {
        rect.width() / 2.0 / d.x.abs()
    } else {
        f32::INFINITY
    };
    let sy = if d.y.abs() > f32::EPSILON {
        rect.height() / 2.0 / d.y.abs()
    } else {
        f32::INFINITY
    };
    c + d * sx.min(sy).min(1.0)
}

/// Each stakeholder's angle on its ring; one that shares its ring and angle with one before
/// it (stakeholders from a file written before the map had places all stand at the top) is
/// turned on by its share of the circle, so none hides another.
fn spread_angles(project: &Project) -> Vec<f32> {
    let all = &project.stakeholders;
    all.iter()
        .enumerate()
        .map(|(i, s)| {
            let on_ring = all.iter().filter(|o| o.ring == s.ring).count().max(1);
            let same = all[..i]
                .iter()
                .filter(|o| o.ring == s.ring && angle_apart(o.angle, s.angle) < 0.5)
                .count();
            s.angle + 360.0 * same as f32 / on_ring as f32
        })
        .collect()
}

/// How far apart two angles are, round the circle, in degrees.
fn angle_apart(a: f32, b: f32) -> f32 {
    let d = (a - b).rem_euclid(360.0);
    d.min(360.0 - d)
}

/// Lays out the stakeholder map of `project`, its relations of the kinds `shown` only, with
/// its words in `lang`.
pub fn lay_out_stakeholders(
    project: &Project,
    shown: &[RelationKind],
    lang: Language,
    text: &mut TextMeasurer,
) -> StakeholderLayout {
    let disc = RADII[3] + NODE.x / 2.0 + 10.0;
    let size = vec2(2.0 * (MARGIN + disc), TITLE_HEIGHT + 2.0 * (MARGIN + disc));
    let centre = pos2(MARGIN + disc, TITLE_HEIGHT + MARGIN + disc);
    let title = PlacedText {
        pos: pos2(MARGIN, MARGIN * 0.6),
        block: text.block(&tr_in(lang, "stakeholders.heading"), 22.0, true, size.x, 1),
    };
    let subtitle = PlacedText {
        pos: pos2(MARGIN, MARGIN * 0.6 + 30.0),
        block: text.block(&project.title, 11.0, false, size.x, 1),
    };
    let rings = Ring::ALL
        .into_iter()
        .zip(RADII)
        .map(|(ring, r)| {
            let name = text.block(&ring_name(lang, ring).to_uppercase(), 10.0, true, 160.0, 1);
            let pos = if ring == Ring::Customer {
                pos2(centre.x - name.size.x / 2.0, centre.y - r + 8.0)
            } else {
                pos2(centre.x - name.size.x / 2.0, centre.y - r + 4.0)
            };
            RingLayout {
                ring,
                radius: r,
                name: PlacedText { pos, block: name },
            }
        })
        .collect();
    let customers = project
        .stakeholders
        .iter()
        .filter(|s| s.ring == Ring::Customer)
        .count();
    let angles = spread_angles(project);
    let nodes: Vec<NodeLayout> = project
        .stakeholders
        .iter()
        .zip(angles)
        .map(|(s, angle)| {
            let r = if s.ring == Ring::Customer {
                if customers > 1 { 40.0 } else { 0.0 }
            } else {
                radius(s.ring)
            };
            let a = angle.to_radians();
            let at = centre + vec2(a.sin(), -a.cos()) * r;
            let rect = Rect::from_center_size(at, NODE);
            let name = text.block(&s.name, 12.5, true, NODE.x - 12.0, 1);
            let role_words = if s.role.is_empty() {
                &s.organisation
            } else {
                &s.role
            };
            let role = text.block(role_words, 10.0, false, NODE.x - 12.0, 1);
            let height = name.size.y + role.size.y;
            let top = rect.center().y - height / 2.0;
            NodeLayout {
                id: s.id,
                ring: s.ring,
                rect,
                name: PlacedText {
                    pos: pos2(rect.left() + 6.0, top),
                    block: name,
                },
                role: PlacedText {
                    pos: pos2(rect.left() + 6.0, top + height - role.size.y),
                    block: role,
                },
            }
        })
        .collect();
    let node = |id: StakeholderId| nodes.iter().find(|n| n.id == id).map(|n| n.rect);
    // Words go beside their line where they overlap no box and no words placed before: at
    // its middle when that is free, else a little towards either end.
    let mut taken: Vec<Rect> = nodes.iter().map(|n| n.rect).collect();
    let relations = project
        .relations
        .iter()
        .filter(|r| shown.contains(&r.kind))
        .filter_map(|r| {
            let (a, b) = (node(r.from)?, node(r.to)?);
            let from = edge_point(a, b.center());
            let to = edge_point(b, a.center());
            let label = text.block(&r.label, 10.0, false, 170.0, 2);
            let back_words = if r.both_ways { r.back.as_str() } else { "" };
            let back = text.block(back_words, 10.0, false, 170.0, 2);
            let place = |t: f32| {
                let at = from.lerp(to, t);
                (
                    pos2(at.x - label.size.x / 2.0, at.y - label.size.y - 3.0),
                    pos2(at.x - back.size.x / 2.0, at.y + 3.0),
                )
            };
            let rects = |(l, b): (Pos2, Pos2)| {
                [
                    Rect::from_min_size(l, label.size),
                    Rect::from_min_size(b, back.size),
                ]
            };
            let free = |spot: (Pos2, Pos2)| {
                rects(spot)
                    .iter()
                    .filter(|r| r.width() > 0.0)
                    .all(|r| !taken.iter().any(|t| t.intersects(*r)))
            };
            let spot = [0.5, 0.38, 0.62, 0.28, 0.72]
                .into_iter()
                .map(place)
                .find(|spot| free(*spot))
                .unwrap_or_else(|| place(0.5));
            taken.extend(rects(spot).into_iter().filter(|r| r.width() > 0.0));
            Some(RelationLayout {
                id: r.id,
                kind: r.kind,
                from,
                to,
                both_ways: r.both_ways,
                label: PlacedText {
                    pos: spot.0,
                    block: label,
                },
                back: PlacedText {
                    pos: spot.1,
                    block: back,
                },
            })
        })
        .collect();
    // The legend in the top-left corner, outside the outer ring.
    let legend_left = MARGIN;
    let legend = RelationKind::ALL
        .into_iter()
        .enumerate()
        .map(|(i, kind)| {
            let y = TITLE_HEIGHT + 4.0 + 22.0 * i as f32;
            let name = text.block(
                &relation_kind_name(lang, kind),
                11.0,
                false,
                LEGEND_WIDTH,
                1,
            );
            KindLegend {
                kind,
                sample: [
                    pos2(legend_left, y + 7.0),
                    pos2(legend_left + 34.0, y + 7.0),
                ],
                name: PlacedText {
                    pos: pos2(legend_left + 42.0, y),
                    block: name,
                },
            }
        })
        .collect();
    StakeholderLayout {
        size,
        title,
        subtitle,
        centre,
        rings,
        nodes,
        relations,
        legend,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Relation, Stakeholder};

    #[test]
    fn a_box_dropped_near_a_ring_snaps_to_it_at_its_angle() {
        let project = Project::default();
        let mut text = TextMeasurer::new();
        let layout =
            lay_out_stakeholders(&project, &RelationKind::ALL, Language::English, &mut text);
        let c = layout.centre;
        assert_eq!(layout.place_at(c + vec2(0.0, -5.0)).0, Ring::Customer);
        let (ring, angle) = layout.place_at(c + vec2(RADII[1] + 20.0, 0.0));
        assert_eq!(ring, Ring::Core);
        assert!((angle - 90.0).abs() < 0.01, "{angle}");
        let (ring, angle) = layout.place_at(c + vec2(0.0, RADII[3] - 30.0));
        assert_eq!(ring, Ring::Indirect);
        assert!((angle - 180.0).abs() < 0.01, "{angle}");
    }

    #[test]
    fn stakeholders_from_an_older_file_all_at_the_top_are_spread_round_their_ring() {
        let project = Project {
            stakeholders: vec![Stakeholder::default(); 4]
                .into_iter()
                .map(|s| Stakeholder {
                    id: StakeholderId::random(),
                    ..s
                })
                .collect(),
            ..Project::default()
        };
        let mut text = TextMeasurer::new();
        let layout =
            lay_out_stakeholders(&project, &RelationKind::ALL, Language::English, &mut text);
        for (i, a) in layout.nodes.iter().enumerate() {
            for b in &layout.nodes[i + 1..] {
                assert!(!a.rect.intersects(b.rect), "{:?} and {:?}", a.rect, b.rect);
            }
        }
    }

    #[test]
    fn relations_run_between_box_edges_and_the_filter_hides_kinds() {
        let a = Stakeholder {
            ring: Ring::Core,
            angle: 90.0,
            ..Stakeholder::default()
        };
        let b = Stakeholder {
            ring: Ring::Core,
            angle: 270.0,
            ..Stakeholder::default()
        };
        let money = Relation {
            from: a.id,
            to: b.id,
            kind: RelationKind::Money,
            ..Relation::default()
        };
        let project = Project {
            stakeholders: vec![a, b],
            relations: vec![money.clone()],
            ..Project::default()
        };
        let mut text = TextMeasurer::new();
        let all = lay_out_stakeholders(&project, &RelationKind::ALL, Language::English, &mut text);
        let line = &all.relations[0];
        assert!(all.nodes[0].rect.expand(0.5).contains(line.from));
        assert!(all.nodes[1].rect.expand(0.5).contains(line.to));
        assert_eq!(
            all.relation_at(line.from.lerp(line.to, 0.5), 4.0),
            Some(money.id)
        );
        let none = lay_out_stakeholders(
            &project,
            &[RelationKind::Trust],
            Language::English,
            &mut text,
        );
        assert!(none.relations.is_empty());
    }
}
