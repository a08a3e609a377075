//! The research view: the interview register and the evidence drawn from it (quotes,
//! observations, figures, documents), and the data sets read from the consultant's files.
//! Evidence is linked to cards and stages in the inspector or by dragging it onto a card.

mod datasets;
mod interviews;

use crate::i18n::tr;
use crate::model::{Dataset, DatasetId, Evidence, EvidenceId, Project, Respondent};

/// What the user did in the research view.
#[derive(Clone, Debug, PartialEq)]
pub enum ResearchAnswer {
    /// The register as edited, with the key that merges typing into one undo step.
    Respondents {
        list: Vec<Respondent>,
        merge: Option<u64>,
    },
    AddEvidence,
    ChangeEvidence {
        evidence: Box<Evidence>,
        merge: Option<u64>,
    },
    DeleteEvidence(EvidenceId),
    /// Pick a data file and map it onto the map on show.
    ImportData,
    Reimport(DatasetId),
    ChangeDataset {
        dataset: Box<Dataset>,
        merge: Option<u64>,
    },
    DeleteDataset(DatasetId),
    /// Back to the map on show.
    Back,
}

/// Which half of the research view shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Interviews,
    Data,
}

/// The research view's own state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ResearchView {
    pub tab: Tab,
    /// Only evidence whose text, source or respondents contain this.
    pub filter: String,
    /// The data set whose values are listed.
    pub dataset: Option<DatasetId>,
    /// The respondent code that could not be removed because evidence names it.
    pub in_use: Option<String>,
}

impl ResearchView {
    /// The view; returns what the user did.
    pub fn ui(&mut self, ui: &mut egui::Ui, project: &Project) -> Vec<ResearchAnswer> {
        let mut answers = Vec::new();
        ui.horizontal(|ui| {
            if ui.button(tr("research.back")).clicked() {
                answers.push(ResearchAnswer::Back);
            }
            ui.separator();
            ui.selectable_value(
                &mut self.tab,
                Tab::Interviews,
                tr("research.tab.interviews"),
            );
            ui.selectable_value(&mut self.tab, Tab::Data, tr("research.tab.data"));
        });
        ui.separator();
        match self.tab {
            Tab::Interviews => {
                interviews::ui(
                    ui,
                    project,
                    (&mut self.filter, &mut self.in_use),
                    &mut answers,
                );
            }
            Tab::Data => datasets::ui(ui, project, &mut self.dataset, &mut answers),
        }
        answers
    }
}

/// Where a piece of evidence is used: the titles of the cards and names of the stages it is
/// linked to, over every map.
pub fn used_by(project: &Project, id: EvidenceId) -> Vec<String> {
    let mut out = Vec::new();
    for map in &project.maps {
        for stage in map.stages.iter().filter(|s| s.evidence.contains(&id)) {
            out.push(crate::i18n::tr_args(
                "research.stage_named",
                &[("name", &stage.name)],
            ));
        }
        for card in map.cards.iter().filter(|c| c.evidence.contains(&id)) {
            out.push(card.title.clone());
        }
    }
    out
}

/// A short line for a piece of evidence, for menus and chips: its text, cut.
pub fn evidence_label(e: &Evidence) -> String {
    const MAX: usize = 60;
    let text = e.text.trim().replace('\n', " ");
    if text.chars().count() > MAX {
        format!("{}…", text.chars().take(MAX).collect::<String>())
    } else if text.is_empty() {
        tr("research.untitled_evidence").into_owned()
    } else {
        text
    }
}
