//! What the canvas asks for: every change the user makes on the map comes out as a
//! [`CanvasAction`], which the app turns into an edit after the frame.

use crate::model::{CardId, CurveId, LaneId, LaneKind, StageId};
use crate::ui::command::Command;
use crate::ui::toolbox::CardTemplate;

/// What a text being edited in place belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextTarget {
    CardTitle(CardId),
    StageName(StageId),
    LaneName(LaneId),
    /// The customer's goal, the scenario or the expectations, in the band.
    Goal(crate::layout::GoalField),
    /// A stage's milestone or success criteria, in the band.
    Milestone(StageId, crate::layout::MilestonePart),
}

/// A change the user made on the canvas.
#[derive(Clone, Debug, PartialEq)]
pub enum CanvasAction {
    /// Evidence dragged from the research view onto a card.
    LinkEvidence {
        card: CardId,
        evidence: crate::model::EvidenceId,
    },
    /// Zoom into the journey map a stage stands for.
    OpenJourney(crate::model::MapId),
    /// An arrow from one card to another (a blueprint's flow).
    AddConnector {
        from: CardId,
        to: CardId,
    },
    MoveCards {
        cards: Vec<CardId>,
        lane: LaneId,
        stage: StageId,
        index: usize,
    },
    SetSpan {
        card: CardId,
        span: u16,
    },
    MoveStage {
        stage: StageId,
        to: usize,
    },
    MoveLane {
        lane: LaneId,
        to: usize,
    },
    /// Add a card (of a toolbox template, if given) to a cell and start editing its title.
    AddCard {
        lane: LaneId,
        stage: StageId,
        template: Option<CardTemplate>,
    },
    /// Add a card to a cell with `text` typed as its title, and go on editing it.
    TypeCard {
        lane: LaneId,
        stage: StageId,
        text: String,
    },
    /// Add a stage at `index`, else after the selected stage (else at the end).
    AddStage {
        index: Option<usize>,
    },
    /// Add a lane (of `kind`, else a custom one) at `index`, else after the selected lane.
    AddLane {
        kind: Option<LaneKind>,
        index: Option<usize>,
    },
    CommitText {
        target: TextTarget,
        text: String,
    },
    /// A command chosen from a context menu.
    Run(Command),
    /// Change one emotion curve: set scores of some of its points, add points to stages,
    /// remove a point.
    EditCurve(CurveEdit),
}

/// A change to one emotion curve, as one undo step.
#[derive(Clone, Debug, PartialEq)]
pub struct CurveEdit {
    pub curve: CurveId,
    /// (index in the curve's points, new score).
    pub set: Vec<(usize, f64)>,
    /// New points: (stage, score).
    pub add: Vec<(StageId, f64)>,
    /// A point to remove (index).
    pub remove: Option<usize>,
}

impl CurveEdit {
    /// No change yet to `curve`.
    pub fn new(curve: CurveId) -> Self {
        Self {
            curve,
            set: Vec::new(),
            add: Vec::new(),
            remove: None,
        }
    }

    /// Whether it changes anything.
    pub fn is_empty(&self) -> bool {
        self.set.is_empty() && self.add.is_empty() && self.remove.is_none()
    }
}

/// A context menu of `commands` at the pointer; a chosen one comes out as an action.
///
/// Built from a bare `Popup` rather than `Response::context_menu`: that one hangs the menu under
/// the clicked widget in the accessibility tree, and egui leaves the menu out of the tree when
/// that widget is a custom-drawn card or the canvas; a screen reader (and a test) could not
/// find its items.
pub(super) fn command_menu(
    response: &egui::Response,
    commands: &[Command],
    actions: &mut Vec<CanvasAction>,
) {
    let open = if response.secondary_clicked() {
        Some(egui::SetOpenCommand::Bool(true))
    } else if response.clicked() {
        Some(egui::SetOpenCommand::Bool(false))
    } else {
        None
    };
    egui::Popup::new(
        response.id.with("context-menu"),
        response.ctx.clone(),
        egui::PopupAnchor::PointerFixed,
        response.layer_id,
    )
    .kind(egui::PopupKind::Menu)
    .layout(egui::Layout::top_down_justified(egui::Align::Min))
    .style(egui::containers::menu::menu_style)
    .open_memory(open)
    .show(|ui| {
        for command in commands {
            let mut button = egui::Button::new(command.label());
            if let Some(s) = command.shortcut() {
                button = button.shortcut_text(crate::ui::command::shortcut_text(ui.ctx(), &s));
            }
            if ui.add(button).on_hover_text(command.tooltip()).clicked() {
                actions.push(CanvasAction::Run(*command));
                ui.close();
            }
        }
    });
}
