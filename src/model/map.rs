//! One map: stages as columns, lanes as rows, cards in cells and the arrows between them (its
//! emotion curves are in `curve`).

use serde::{Deserialize, Serialize};

use super::{
    CardId, ConnectorId, CurveId, DatasetId, EmotionCurve, EmotionScale, EvidenceId, LaneId, MapId,
    PersonaId, Rgb, StageId,
};

/// What sort of map this is; it decides the starting lanes and some of the drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MapKind {
    /// One journey of one persona, in depth.
    CustomerJourney,
    /// The whole customer lifecycle, zooming into journeys.
    CustomerExperience,
    /// Frontstage, backstage and support, with lines of interaction and visibility.
    ServiceBlueprint,
}

impl MapKind {
    /// All kinds, in menu order.
    pub const ALL: [Self; 3] = [
        Self::CustomerJourney,
        Self::CustomerExperience,
        Self::ServiceBlueprint,
    ];

    /// English name, for the CLI and messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::CustomerJourney => "customer journey map",
            Self::CustomerExperience => "customer experience map",
            Self::ServiceBlueprint => "service blueprint",
        }
    }
}

/// A map in a project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Map {
    pub id: MapId,
    pub kind: MapKind,
    pub title: String,
    pub description: String,
    /// The personas whose journey this map follows.
    pub personas: Vec<PersonaId>,
    /// What the customer wants to achieve.
    pub goal: String,
    /// The situation the journey starts from.
    pub scenario: String,
    /// What the customer expects of the organisation on the way.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub expectations: String,
    /// The scale of the emotion scores on this map.
    pub scale: EmotionScale,
    /// Columns, left to right.
    pub stages: Vec<Stage>,
    /// Rows, top to bottom.
    pub lanes: Vec<Lane>,
    /// Cards, in no particular order: their place is `lane`, `stage` and `order`.
    pub cards: Vec<Card>,
    pub curves: Vec<EmotionCurve>,
    /// Two curves compared on the map (the as-is and the to-be, or two personas'): the
    /// difference per stage, the second minus the first, is drawn between them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compare: Option<(CurveId, CurveId)>,
    /// Arrows between cards (a service blueprint's flow), across lanes and stages.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub connectors: Vec<Connector>,
}

/// An arrow from one card to another, with an optional label.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Connector {
    pub id: ConnectorId,
    pub from: CardId,
    pub to: CardId,
    pub label: String,
}

impl Default for Connector {
    fn default() -> Self {
        Self {
            id: ConnectorId::random(),
            from: CardId(0),
            to: CardId(0),
            label: String::new(),
        }
    }
}

impl Default for Map {
    fn default() -> Self {
        Self {
            id: MapId::random(),
            kind: MapKind::CustomerJourney,
            title: String::new(),
            description: String::new(),
            personas: Vec::new(),
            goal: String::new(),
            scenario: String::new(),
            expectations: String::new(),
            scale: EmotionScale::default(),
            stages: Vec::new(),
            lanes: Vec::new(),
            cards: Vec::new(),
            curves: Vec::new(),
            compare: None,
            connectors: Vec::new(),
        }
    }
}

impl Map {
    /// The stage with this id.
    pub fn stage(&self, id: StageId) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// The column of this stage, left to right.
    pub fn stage_index(&self, id: StageId) -> Option<usize> {
        self.stages.iter().position(|s| s.id == id)
    }

    /// The lane with this id.
    pub fn lane(&self, id: LaneId) -> Option<&Lane> {
        self.lanes.iter().find(|l| l.id == id)
    }

    /// The row of this lane, top to bottom.
    pub fn lane_index(&self, id: LaneId) -> Option<usize> {
        self.lanes.iter().position(|l| l.id == id)
    }

    /// The card with this id.
    pub fn card(&self, id: CardId) -> Option<&Card> {
        self.cards.iter().find(|c| c.id == id)
    }

    /// Cards that count as touchpoints: those in a touchpoint lane or with a channel.
    pub fn touchpoints(&self) -> impl Iterator<Item = &Card> {
        self.cards.iter().filter(|c| {
            c.channel.is_some()
                || self
                    .lane(c.lane)
                    .is_some_and(|l| l.kind == LaneKind::Touchpoints)
        })
    }

    /// The cards of one cell, in their order.
    pub fn cards_in_cell(&self, lane: LaneId, stage: StageId) -> Vec<&Card> {
        let mut cards: Vec<&Card> = self
            .cards
            .iter()
            .filter(|c| c.lane == lane && c.stage == stage)
            .collect();
        cards.sort_by_key(|c| (c.order, c.id));
        cards
    }
}

/// A phase of the journey: one column.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Stage {
    pub id: StageId,
    pub name: String,
    pub description: String,
    /// What marks the end of this stage (for example "order placed"); empty when there is none.
    pub milestone: String,
    /// How we know the stage went well for the customer.
    pub success_criteria: String,
    /// The journey map this stage zooms into (on an experience map).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub journey: Option<MapId>,
    /// Research that grounds the stage as a whole.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceId>,
}

impl Default for Stage {
    fn default() -> Self {
        Self {
            id: StageId::random(),
            name: String::new(),
            description: String::new(),
            milestone: String::new(),
            success_criteria: String::new(),
            journey: None,
            evidence: Vec::new(),
        }
    }
}

impl Stage {
    /// A stage with a name and nothing else.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ..Self::default()
        }
    }
}

/// What a lane holds; it decides its look and what analysis looks for in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LaneKind {
    CustomerActions,
    Touchpoints,
    Channels,
    Thoughts,
    Emotions,
    PainPoints,
    Opportunities,
    Owners,
    Frontstage,
    Backstage,
    SupportProcesses,
    Metrics,
    /// A service blueprint's physical evidence: what the customer sees and holds.
    Evidence,
    /// What respondents said: the quotes linked to each stage.
    Quotes,
    Custom,
}

impl LaneKind {
    /// All kinds, in palette order.
    pub const ALL: [Self; 15] = [
        Self::CustomerActions,
        Self::Touchpoints,
        Self::Channels,
        Self::Thoughts,
        Self::Emotions,
        Self::PainPoints,
        Self::Opportunities,
        Self::Owners,
        Self::Frontstage,
        Self::Backstage,
        Self::SupportProcesses,
        Self::Metrics,
        Self::Evidence,
        Self::Quotes,
        Self::Custom,
    ];

    /// English name, for the CLI and messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::CustomerActions => "customer actions",
            Self::Touchpoints => "touchpoints",
            Self::Channels => "channels",
            Self::Thoughts => "thoughts",
            Self::Emotions => "emotions",
            Self::PainPoints => "pain points",
            Self::Opportunities => "opportunities",
            Self::Owners => "owner / department",
            Self::Frontstage => "frontstage",
            Self::Backstage => "backstage",
            Self::SupportProcesses => "support processes",
            Self::Metrics => "metrics",
            Self::Evidence => "evidence",
            Self::Quotes => "quotes",
            Self::Custom => "custom",
        }
    }
}

/// A row of the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Lane {
    pub id: LaneId,
    pub name: String,
    pub kind: LaneKind,
    /// Overrides the kind's colour.
    pub colour: Option<Rgb>,
    /// Shown as a thin band without its cards.
    pub collapsed: bool,
    /// On a metrics lane: the data sets it shows, in order (empty: every data set of the map).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub datasets: Vec<DatasetId>,
}

impl Default for Lane {
    fn default() -> Self {
        Self {
            id: LaneId::random(),
            name: String::new(),
            kind: LaneKind::Custom,
            colour: None,
            collapsed: false,
            datasets: Vec::new(),
        }
    }
}

impl Lane {
    /// A lane of a kind with a name.
    pub fn new(name: impl Into<String>, kind: LaneKind) -> Self {
        Self {
            name: name.into(),
            kind,
            ..Self::default()
        }
    }
}

/// The medium of a touchpoint.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Channel {
    Post,
    Phone,
    Store,
    Web,
    App,
    Email,
    Meeting,
    Chat,
    SocialMedia,
    Video,
    SelfService,
    Other(String),
}

impl Channel {
    /// The fixed channels, in menu order (`Other` is free text).
    pub const FIXED: [Self; 11] = [
        Self::Post,
        Self::Phone,
        Self::Store,
        Self::Web,
        Self::App,
        Self::Email,
        Self::Meeting,
        Self::Chat,
        Self::SocialMedia,
        Self::Video,
        Self::SelfService,
    ];

    /// English name, for the CLI and messages.
    pub fn name(&self) -> &str {
        match self {
            Self::Post => "post",
            Self::Phone => "phone",
            Self::Store => "store",
            Self::Web => "web",
            Self::App => "app",
            Self::Email => "email",
            Self::Meeting => "meeting",
            Self::Chat => "chat",
            Self::SocialMedia => "social media",
            Self::Video => "video",
            Self::SelfService => "self-service",
            Self::Other(name) => name,
        }
    }
}

/// A touchpoint that decides whether the customer stays or leaves.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MomentOfTruth {
    /// Why this moment decides the relationship.
    pub reason: String,
}

/// A card in a cell of the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Card {
    pub id: CardId,
    pub lane: LaneId,
    /// The first stage the card covers.
    pub stage: StageId,
    /// How many stages the card covers, from `stage` on (at least 1).
    pub span: u16,
    /// Position within the cell, top to bottom.
    pub order: u32,
    pub title: String,
    pub body: String,
    pub channel: Option<Channel>,
    /// The department or person responsible.
    pub owner: String,
    /// A touchpoint run by someone else than the organisation (a carrier, a marketplace, a
    /// comparison site): theirs, not its own.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub third_party: bool,
    pub moment_of_truth: Option<MomentOfTruth>,
    pub colour: Option<Rgb>,
    pub tags: Vec<String>,
    pub evidence: Vec<EvidenceId>,
    /// On a service blueprint: a step where the service often fails.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub fail_point: bool,
    /// On a service blueprint: a step where the customer waits.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub wait_point: bool,
}

impl Default for Card {
    fn default() -> Self {
        Self {
            id: CardId::random(),
            lane: LaneId(0),
            stage: StageId(0),
            span: 1,
            order: 0,
            title: String::new(),
            body: String::new(),
            channel: None,
            third_party: false,
            owner: String::new(),
            moment_of_truth: None,
            colour: None,
            tags: Vec::new(),
            evidence: Vec::new(),
            fail_point: false,
            wait_point: false,
        }
    }
}
