//! What the HTML viewer reads besides the pictures: for each view, where its cards, stages and
//! curve steps are in the scene (the layout's rectangles, in the scene's units) and their
//! words — a card's text, channel, owner, moment of truth, evidence (as the export's quote
//! choice allows: the project handed in is already filtered), actions and comments — plus the
//! viewer's own words in the project's language.
//!
//! Written as JSON into a data block of the page; the page's script builds its panels from it
//! with `textContent`, never as markup.

use serde::Serialize;

use crate::i18n::{Language, tr_in};
use crate::layout::Layout;
use crate::model::{Card, Comment, EvidenceKind, Map, Project, Target};

/// Everything the viewer's script reads.
#[derive(Debug, Serialize)]
pub struct Data {
    pub project: ProjectInfo,
    pub words: Vec<(&'static str, String)>,
    pub views: Vec<View>,
}

/// What identifies the project a review is written on.
#[derive(Debug, Serialize)]
pub struct ProjectInfo {
    pub title: String,
    /// When the project was created: with the title, the key the browser keeps a reader's
    /// comments under.
    pub created: String,
    pub language: &'static str,
    /// When the page was made, in the project's language.
    pub made: String,
}

/// One view of the page: a map, the personas, the stakeholder map or the actions.
#[derive(Debug, Default, Serialize)]
pub struct View {
    pub kind: &'static str,
    /// The map's id (0 for the other views).
    pub id: u64,
    pub title: String,
    pub cards: Vec<CardData>,
    pub stages: Vec<StageData>,
    pub steps: Vec<StepData>,
    /// The departments whose lens the page can lay over this map, in the order of the SVG's
    /// veil layers.
    pub lenses: Vec<String>,
    /// Comments on the map as a whole.
    pub comments: Vec<CommentData>,
}

/// A card: where it is and what it says.
#[derive(Debug, Serialize)]
pub struct CardData {
    pub id: u64,
    /// Left, top, width, height in the scene's units.
    pub r: [f32; 4],
    pub title: String,
    pub body: String,
    pub lane: String,
    pub stage: String,
    pub channel: String,
    pub owner: String,
    pub third_party: bool,
    /// Why it is a moment of truth; `None` when it is not one.
    pub truth: Option<String>,
    pub evidence: Vec<Quote>,
    pub actions: Vec<ActionData>,
    pub comments: Vec<CommentData>,
}

/// A piece of evidence on a card.
#[derive(Debug, Serialize)]
pub struct Quote {
    pub text: String,
    /// Who said it, as far as the quote choice allows (codes, segment, name).
    pub who: String,
    pub quote: bool,
}

/// An action that addresses a card.
#[derive(Debug, Serialize)]
pub struct ActionData {
    pub title: String,
    pub status: String,
    pub owner: String,
    pub due: String,
}

/// A stage's header: where it is and what it says.
#[derive(Debug, Serialize)]
pub struct StageData {
    pub id: u64,
    pub r: [f32; 4],
    pub name: String,
    pub description: String,
    pub comments: Vec<CommentData>,
}

/// A step of an emotion curve, for the hover.
#[derive(Debug, Serialize)]
pub struct StepData {
    pub x: f32,
    pub y: f32,
    pub curve: String,
    pub score: String,
    pub label: String,
    pub stage: String,
}

/// A comment of the project shown in the viewer (when the export includes them).
#[derive(Debug, Serialize)]
pub struct CommentData {
    pub author: String,
    pub day: String,
    pub text: String,
    pub replies: usize,
    pub resolved: bool,
}

fn rect(r: epaint::Rect) -> [f32; 4] {
    let round = |v: f32| (v * 10.0).round() / 10.0;
    [
        round(r.left()),
        round(r.top()),
        round(r.width()),
        round(r.height()),
    ]
}

fn comment_data(c: &Comment) -> CommentData {
    CommentData {
        author: c.author.clone(),
        day: c.day().to_owned(),
        text: c.text.clone(),
        replies: c.replies.len(),
        resolved: c.resolved,
    }
}

/// The comments of `map` on `target`, when comments are shown at all.
fn comments_on(project: &Project, map: &Map, target: Target, shown: bool) -> Vec<CommentData> {
    if !shown {
        return Vec::new();
    }
    project
        .comments_on(map.id)
        .filter(|c| c.on == target)
        .map(comment_data)
        .collect()
}

/// A map's view: its cards, stage headers and curve steps where `layout` put them.
pub fn map_view(project: &Project, map: &Map, layout: &Layout, comments: bool) -> View {
    let lang = Language::of_text(&project.language);
    let cards = layout
        .cards
        .iter()
        .filter_map(|c| {
            let card = map.cards.get(c.index).filter(|k| k.id == c.id)?;
            Some(card_data(project, map, card, c.rect, lang, comments))
        })
        .collect();
    let stages = layout
        .stages
        .iter()
        .filter_map(|s| {
            let stage = map.stage(s.id)?;
            Some(StageData {
                id: s.id.0,
                r: rect(s.header),
                name: stage.name.clone(),
                description: stage.description.clone(),
                comments: comments_on(project, map, Target::Stage(s.id), comments),
            })
        })
        .collect();
    let mut steps = Vec::new();
    for laid in &layout.curves {
        let Some(curve) = map.curves.iter().find(|c| c.id == laid.id) else {
            continue;
        };
        let name = crate::layout::curve_name(project, curve);
        for p in &laid.points {
            let Some(point) = curve.points.get(p.index) else {
                continue;
            };
            steps.push(StepData {
                x: (p.pos.x * 10.0).round() / 10.0,
                y: (p.pos.y * 10.0).round() / 10.0,
                curve: name.clone(),
                score: crate::i18n::score(map.scale, point.score, 1, lang),
                label: point.label.clone(),
                stage: map
                    .stage(point.stage)
                    .map(|s| s.name.clone())
                    .unwrap_or_default(),
            });
        }
    }
    let mut own = comments_on(project, map, Target::Map, comments);
    if comments {
        // A comment whose card or stage is gone stays on the map, saying what it was on.
        own.extend(
            project
                .comments_on(map.id)
                .filter(|c| match c.on {
                    Target::Card(id) => map.card(id).is_none(),
                    Target::Stage(id) => map.stage(id).is_none(),
                    Target::Map => false,
                })
                .map(|c| CommentData {
                    text: format!("{} ({})", c.text, gone_words(lang, &c.context)),
                    ..comment_data(c)
                }),
        );
    }
    View {
        kind: "map",
        id: map.id.0,
        title: map.title.clone(),
        cards,
        stages,
        steps,
        lenses: Vec::new(),
        comments: own,
    }
}

fn gone_words(lang: Language, context: &str) -> String {
    crate::i18n::tr_args_in(lang, "review.gone", &[("what", &context)])
}

fn card_data(
    project: &Project,
    map: &Map,
    card: &Card,
    r: epaint::Rect,
    lang: Language,
    comments: bool,
) -> CardData {
    let evidence = card
        .evidence
        .iter()
        .filter_map(|id| project.evidence(*id))
        .filter(|e| !e.text.trim().is_empty())
        .map(|e| Quote {
            text: e.text.clone(),
            who: who(project, &e.respondents, &e.source),
            quote: e.kind == EvidenceKind::Quote,
        })
        .collect();
    let actions = project
        .actions
        .iter()
        .filter(|a| a.cards.contains(&card.id))
        .map(|a| ActionData {
            title: a.title.clone(),
            status: crate::report::actions::status_name(a.status, lang),
            owner: crate::report::actions::owner_name(project, a, lang),
            due: crate::report::actions::due_words(a, lang),
        })
        .collect();
    CardData {
        id: card.id.0,
        r: rect(r),
        title: card.title.clone(),
        body: card.body.clone(),
        lane: map
            .lane(card.lane)
            .map(|l| l.name.clone())
            .unwrap_or_default(),
        stage: map
            .stage(card.stage)
            .map(|s| s.name.clone())
            .unwrap_or_default(),
        channel: card
            .channel
            .as_ref()
            .map(|c| crate::i18n::channel_name(lang, c).into_owned())
            .unwrap_or_default(),
        owner: card.owner.clone(),
        third_party: card.third_party,
        truth: card.moment_of_truth.as_ref().map(|m| m.reason.clone()),
        evidence,
        actions,
        comments: comments_on(project, map, Target::Card(card.id), comments),
    }
}

/// Who said a quote: each respondent's code with the segment and name the (filtered) register
/// keeps, else the source.
fn who(project: &Project, codes: &[String], source: &str) -> String {
    let people: Vec<String> = codes
        .iter()
        .map(|code| {
            let Some(r) = project.respondent(code) else {
                return code.clone();
            };
            let more: Vec<&str> = [r.name.as_str(), r.segment.as_str()]
                .into_iter()
                .filter(|s| !s.trim().is_empty())
                .collect();
            if more.is_empty() {
                code.clone()
            } else {
                format!("{code} ({})", more.join(", "))
            }
        })
        .collect();
    if people.is_empty() {
        source.to_owned()
    } else {
        people.join("; ")
    }
}

/// The viewer's own words, in `lang`.
pub fn words(lang: Language) -> Vec<(&'static str, String)> {
    VIEWER_WORDS
        .iter()
        .map(|(short, key)| (*short, tr_in(lang, key).into_owned()))
        .collect()
}

/// The viewer's words: the name its script uses and the key in `locales/app.yml`.
const VIEWER_WORDS: &[(&str, &str)] = &[
    ("maps", "viewer.maps"),
    ("personas", "viewer.personas"),
    ("stakeholders", "viewer.stakeholders"),
    ("actions", "viewer.actions"),
    ("search", "viewer.search"),
    ("found", "viewer.found"),
    ("none_found", "viewer.none_found"),
    ("fit", "viewer.fit"),
    ("zoom_in", "viewer.zoom_in"),
    ("zoom_out", "viewer.zoom_out"),
    ("lens", "viewer.lens"),
    ("no_lens", "viewer.no_lens"),
    ("close", "viewer.close"),
    ("card", "viewer.card"),
    ("stage", "viewer.stage"),
    ("lane", "viewer.lane"),
    ("channel", "viewer.channel"),
    ("owner", "viewer.owner"),
    ("third_party", "viewer.third_party"),
    ("truth", "viewer.truth"),
    ("evidence", "viewer.evidence"),
    ("card_actions", "viewer.card_actions"),
    ("comments", "viewer.comments"),
    ("comment_map", "viewer.comment_map"),
    ("your_name", "viewer.your_name"),
    ("your_comment", "viewer.your_comment"),
    ("add", "viewer.add"),
    ("mine", "viewer.mine"),
    ("download", "viewer.download"),
    ("delete", "viewer.delete"),
    ("none_yet", "viewer.none_yet"),
    ("name_needed", "viewer.name_needed"),
    ("text_needed", "viewer.text_needed"),
    ("kept", "viewer.kept"),
    ("not_kept", "viewer.not_kept"),
    ("score", "viewer.score"),
    ("resolved", "viewer.resolved"),
    ("replies", "viewer.replies"),
    ("keys", "viewer.keys"),
    ("made", "viewer.made"),
    ("on_map", "viewer.on_map"),
    ("downloaded", "viewer.downloaded"),
];
