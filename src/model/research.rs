//! Research that grounds a map: the interview register and the evidence drawn from it.

use serde::{Deserialize, Serialize};

use super::EvidenceId;

/// How a respondent was heard.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ResearchMethod {
    /// A face-to-face interview.
    #[default]
    Interview,
    /// An interview by phone.
    Phone,
    /// An interview by video call.
    Video,
    /// Someone observed in the field (shadowing, a store visit).
    Observation,
    /// A focus group or workshop with customers.
    FocusGroup,
    /// An open answer in a survey.
    Survey,
    /// A diary study.
    Diary,
}

impl ResearchMethod {
    /// All methods, in menu order.
    pub const ALL: [Self; 7] = [
        Self::Interview,
        Self::Phone,
        Self::Video,
        Self::Observation,
        Self::FocusGroup,
        Self::Survey,
        Self::Diary,
    ];

    /// English name, for the CLI and messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Interview => "interview",
            Self::Phone => "phone interview",
            Self::Video => "video interview",
            Self::Observation => "observation",
            Self::FocusGroup => "focus group",
            Self::Survey => "survey",
            Self::Diary => "diary study",
        }
    }
}

/// One person who was heard, known by a code rather than a name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Respondent {
    /// The code that identifies the respondent everywhere, such as `R07`.
    pub code: String,
    /// The group the respondent belongs to, such as "huurder, 65+".
    pub segment: String,
    /// When they were heard, as typed (`2026-10-14`, or "juni 2026"); may be empty.
    pub date: String,
    pub method: ResearchMethod,
    /// Their real name, when the consultant keeps it; never shown on a pseudonymised export.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
}

impl Respondent {
    /// A respondent with a code and nothing else.
    pub fn coded(code: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            ..Self::default()
        }
    }
}

/// What kind of research a piece of evidence comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EvidenceKind {
    /// Something a respondent said.
    #[default]
    Quote,
    /// Something seen in the field.
    Observation,
    /// A number from a survey, a log or a report.
    Metric,
    /// A document or desk research.
    Document,
}

impl EvidenceKind {
    /// All kinds, in menu order.
    pub const ALL: [Self; 4] = [Self::Quote, Self::Observation, Self::Metric, Self::Document];
}

/// Research that grounds a card or a step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Evidence {
    pub id: EvidenceId,
    pub kind: EvidenceKind,
    pub text: String,
    /// Where it comes from, such as "interviews oktober 2026".
    pub source: String,
    /// The codes of the respondents who said or showed this (see `Project::respondents`).
    pub respondents: Vec<String>,
    /// How many respondents said or showed this (at least the number of codes listed).
    pub respondent_count: u32,
}

impl Default for Evidence {
    fn default() -> Self {
        Self {
            id: EvidenceId::random(),
            kind: EvidenceKind::Quote,
            text: String::new(),
            source: String::new(),
            respondents: Vec::new(),
            respondent_count: 0,
        }
    }
}

impl Evidence {
    /// How many respondents this piece stands for: the codes listed or the count given,
    /// whichever is larger.
    pub fn weight(&self) -> usize {
        self.respondents.len().max(self.respondent_count as usize)
    }
}
