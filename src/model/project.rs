//! The project: everything one file holds.

use serde::{Deserialize, Serialize};

use super::{
    Action, ActionId, Channel, Comment, Conflict, Dataset, DatasetId, Evidence, EvidenceId,
    ImageId, Map, MapId, Opportunity, OpportunityId, PersonaId, RelationId, Respondent, Rgb,
    Snapshot, SnapshotId, StakeholderId,
};

/// A whole project: personas, stakeholders, evidence, data and maps travel together.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Project {
    pub title: String,
    pub description: String,
    /// BCP 47 language tag of the content, such as `nl` or `en`.
    pub language: String,
    pub authors: Vec<String>,
    /// When the project was created, as an RFC 3339 UTC time (`2026-11-23T09:30:00Z`).
    pub created: String,
    /// When it was last saved, in the same form.
    pub modified: String,
    pub personas: Vec<Persona>,
    pub stakeholders: Vec<Stakeholder>,
    pub relations: Vec<Relation>,
    /// The interview register: who was asked, without their names where that is not needed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub respondents: Vec<Respondent>,
    pub evidence: Vec<Evidence>,
    pub datasets: Vec<Dataset>,
    pub images: Vec<EmbeddedImage>,
    pub maps: Vec<Map>,
    /// Dated snapshots of the maps, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub snapshots: Vec<Snapshot>,
    /// What the last merge could not decide alone, kept until the user has picked.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// What could be better, seen on the maps.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub opportunities: Vec<Opportunity>,
    /// What will be done about it, by whom, and the figure it should move.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// Readers' comments on the maps, with their replies.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
}

impl Default for Project {
    fn default() -> Self {
        let now = crate::model::time::now_rfc3339();
        Self {
            title: String::new(),
            description: String::new(),
            language: "nl".to_owned(),
            authors: Vec::new(),
            created: now.clone(),
            modified: now,
            personas: Vec::new(),
            stakeholders: Vec::new(),
            relations: Vec::new(),
            respondents: Vec::new(),
            evidence: Vec::new(),
            datasets: Vec::new(),
            images: Vec::new(),
            maps: Vec::new(),
            snapshots: Vec::new(),
            conflicts: Vec::new(),
            opportunities: Vec::new(),
            actions: Vec::new(),
            comments: Vec::new(),
        }
    }
}

impl Project {
    /// The map with this id.
    pub fn map(&self, id: MapId) -> Option<&Map> {
        self.maps.iter().find(|m| m.id == id)
    }

    /// The persona with this id.
    pub fn persona(&self, id: PersonaId) -> Option<&Persona> {
        self.personas.iter().find(|p| p.id == id)
    }

    /// The evidence with this id.
    pub fn evidence(&self, id: EvidenceId) -> Option<&Evidence> {
        self.evidence.iter().find(|e| e.id == id)
    }

    /// The data set with this id.
    pub fn dataset(&self, id: DatasetId) -> Option<&Dataset> {
        self.datasets.iter().find(|d| d.id == id)
    }

    /// The snapshot with this id.
    pub fn snapshot(&self, id: SnapshotId) -> Option<&Snapshot> {
        self.snapshots.iter().find(|s| s.id == id)
    }

    /// The snapshots of one map, oldest first.
    pub fn snapshots_of(&self, map: MapId) -> impl Iterator<Item = &Snapshot> {
        self.snapshots.iter().filter(move |s| s.map.id == map)
    }

    /// The respondent with this code (such as `R07`).
    pub fn respondent(&self, code: &str) -> Option<&Respondent> {
        self.respondents.iter().find(|r| r.code == code)
    }

    /// The stakeholder with this id.
    pub fn stakeholder(&self, id: StakeholderId) -> Option<&Stakeholder> {
        self.stakeholders.iter().find(|s| s.id == id)
    }

    /// The action with this id.
    pub fn action(&self, id: ActionId) -> Option<&Action> {
        self.actions.iter().find(|a| a.id == id)
    }

    /// The comment with this id.
    pub fn comment(&self, id: crate::model::CommentId) -> Option<&Comment> {
        self.comments.iter().find(|c| c.id == id)
    }

    /// The comments on one map, in the order they were added.
    pub fn comments_on(&self, map: MapId) -> impl Iterator<Item = &Comment> {
        self.comments.iter().filter(move |c| c.map == map)
    }

    /// The opportunity with this id.
    pub fn opportunity(&self, id: OpportunityId) -> Option<&Opportunity> {
        self.opportunities.iter().find(|o| o.id == id)
    }

    /// The card with this id on any map, with its map.
    pub fn find_card(&self, id: crate::model::CardId) -> Option<(&Map, &crate::model::Card)> {
        self.maps.iter().find_map(|m| m.card(id).map(|c| (m, c)))
    }

    /// The stage with this id on any map, with its map.
    pub fn find_stage(&self, id: crate::model::StageId) -> Option<(&Map, &crate::model::Stage)> {
        self.maps.iter().find_map(|m| m.stage(id).map(|s| (m, s)))
    }

    /// The name an action's owner goes by: the stakeholder's name, or the name written.
    pub fn owner_name(&self, owner: &crate::model::Owner) -> Option<String> {
        match owner {
            crate::model::Owner::Stakeholder(id) => self.stakeholder(*id).map(|s| s.name.clone()),
            crate::model::Owner::Named(name) => Some(name.clone()),
        }
    }

    /// The stakeholder a touchpoint's owner names (by name, case and spaces aside), if any.
    pub fn owner_stakeholder(&self, owner: &str) -> Option<&Stakeholder> {
        let owner = owner.trim();
        if owner.is_empty() {
            return None;
        }
        self.stakeholders.iter().find(|s| same_name(&s.name, owner))
    }
}

/// Two names of one owner: the same but for case (accented capitals too) and the spaces around
/// them. Every place that matches an owner's name by name uses this.
pub fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    a == b || a.to_lowercase() == b.to_lowercase()
}

/// An archetypal customer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Persona {
    pub id: PersonaId,
    pub name: String,
    /// Role or segment, such as "gezin met jonge kinderen".
    pub role: String,
    pub description: String,
    pub goals: Vec<String>,
    pub frustrations: Vec<String>,
    /// Something this persona would say.
    pub quote: String,
    pub image: Option<ImageId>,
    pub colour: Option<Rgb>,
    /// Age, or an age range, as the team writes it ("34", "30–40").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub age: String,
    /// What this persona needs from the organisation.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<String>,
    /// How this persona behaves: habits, how they decide, how they seek help.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub behaviour: String,
    /// The channels this persona uses, most used first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Channel>,
}

impl Default for Persona {
    fn default() -> Self {
        Self {
            id: PersonaId::random(),
            name: String::new(),
            role: String::new(),
            description: String::new(),
            goals: Vec::new(),
            frustrations: Vec::new(),
            quote: String::new(),
            image: None,
            colour: None,
            age: String::new(),
            needs: Vec::new(),
            behaviour: String::new(),
            channels: Vec::new(),
        }
    }
}

/// How close to the customer a stakeholder stands, the rings of the stakeholder map from the
/// centre out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Ring {
    /// The customer, in the middle.
    Customer,
    /// Delivers the service to the customer.
    Core,
    /// Works with the core directly.
    #[default]
    Direct,
    /// Affects the service from further away (regulators, the press).
    Indirect,
}

impl Ring {
    /// The rings from the centre out.
    pub const ALL: [Self; 4] = [Self::Customer, Self::Core, Self::Direct, Self::Indirect];
}

/// A party with a stake in the service.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Stakeholder {
    pub id: StakeholderId,
    pub name: String,
    pub role: String,
    pub organisation: String,
    /// Influence on the service, 0 (none) to 5 (decisive).
    pub influence: u8,
    /// Interest in the outcome, 0 (none) to 5 (vital).
    pub interest: u8,
    /// The ring of the stakeholder map it stands on.
    pub ring: Ring,
    /// Where on its ring, in degrees clockwise from the top.
    pub angle: f32,
}

impl Default for Stakeholder {
    fn default() -> Self {
        Self {
            id: StakeholderId::random(),
            name: String::new(),
            role: String::new(),
            organisation: String::new(),
            influence: 0,
            interest: 0,
            ring: Ring::Direct,
            angle: 0.0,
        }
    }
}

/// What flows along a relation on the stakeholder map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RelationKind {
    Information,
    Money,
    #[default]
    Service,
    Goods,
    Trust,
}

impl RelationKind {
    pub const ALL: [Self; 5] = [
        Self::Information,
        Self::Money,
        Self::Service,
        Self::Goods,
        Self::Trust,
    ];
}

/// A relation on the stakeholder map: what `from` does for `to` ("pays", "reports to", ...),
/// and, when the exchange goes both ways, what `to` does for `from`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Relation {
    pub id: RelationId,
    pub from: StakeholderId,
    pub to: StakeholderId,
    /// What `from` does for `to`.
    pub label: String,
    pub kind: RelationKind,
    /// What `to` does for `from`; empty when nothing comes back.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub back: String,
    /// Whether the exchange goes both ways (an arrow at both ends).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub both_ways: bool,
}

impl Default for Relation {
    fn default() -> Self {
        Self {
            id: RelationId::random(),
            from: StakeholderId(0),
            to: StakeholderId(0),
            label: String::new(),
            kind: RelationKind::Service,
            back: String::new(),
            both_ways: false,
        }
    }
}

/// A picture stored inside the project (a persona photo, a screenshot of a touchpoint).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EmbeddedImage {
    pub id: ImageId,
    pub name: String,
    /// `image/png` or `image/jpeg`.
    pub mime: String,
    /// The encoded image, in standard base64.
    pub data_base64: String,
}

impl Default for EmbeddedImage {
    fn default() -> Self {
        Self {
            id: ImageId::random(),
            name: String::new(),
            mime: "image/png".to_owned(),
            data_base64: String::new(),
        }
    }
}

#[cfg(test)]
mod owner_tests {
    use super::*;

    /// A touchpoint's owner names its stakeholder whatever the case of the letters, accented
    /// capitals too (the ASCII-only comparison missed "ÉÉN LOKET" for "Één loket").
    #[test]
    fn an_owner_names_its_stakeholder_in_any_capitals() {
        let project = Project {
            stakeholders: vec![Stakeholder {
                name: "Één loket".into(),
                ..Stakeholder::default()
            }],
            ..Project::default()
        };
        assert!(project.owner_stakeholder(" ÉÉN LOKET ").is_some());
        assert!(project.owner_stakeholder("één loket").is_some());
        assert!(project.owner_stakeholder("Eén loket").is_none());
        assert!(same_name("  Klantenservice ", "KLANTENSERVICE"));
        assert!(!same_name("Klantenservice", "Klanten service"));
    }
}
