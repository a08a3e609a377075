//! `klantreis actions`: the project's actions, ranked (quick wins first), filtered by map,
//! owner and status, as text, Markdown, CSV for Excel or JSON — each with what it addresses,
//! the measure it should move and, once done, its measured effect.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;

use super::{err, find_map, load, no_such_map, out, out_raw};
use crate::analysis::priority::{Filter, ranked, same_name};
use crate::export::backlog;
use crate::i18n::Language;
use crate::model::{Action, ActionStatus};

/// What `klantreis actions` is asked.
#[derive(Debug, clap::Args)]
pub struct ActionsArgs {
    pub file: PathBuf,
    /// Only the actions on this map: its id, position (1, 2, ...) or title.
    #[arg(long)]
    pub map: Option<String>,
    /// Only the actions of this owner: a stakeholder's name or the name written on an action.
    #[arg(long)]
    pub owner: Option<String>,
    /// Only the actions with this status.
    #[arg(long, value_enum)]
    pub status: Option<StatusArg>,
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
    /// The language of the words (default: the project's); for CSV also the Excel it is for
    /// (`nl`: `;`, decimal commas; `en`: commas and points).
    #[arg(long, value_enum)]
    pub lang: Option<super::Language>,
}

/// `--status`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum StatusArg {
    Idea,
    Planned,
    InProgress,
    Done,
    Dropped,
}

impl From<StatusArg> for ActionStatus {
    fn from(s: StatusArg) -> Self {
        match s {
            StatusArg::Idea => Self::Idea,
            StatusArg::Planned => Self::Planned,
            StatusArg::InProgress => Self::InProgress,
            StatusArg::Done => Self::Done,
            StatusArg::Dropped => Self::Dropped,
        }
    }
}

/// `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Md,
    Csv,
    Json,
}

pub(super) fn run(args: &ActionsArgs) -> ExitCode {
    let Some(loaded) = load(&args.file) else {
        return ExitCode::FAILURE;
    };
    let project = &loaded.project;
    let mut map = None;
    if let Some(query) = args.map.as_deref() {
        let Some(m) = find_map(project, query) else {
            err(&format!(
                "error: {}",
                no_such_map(project, query, &args.file)
            ));
            return ExitCode::FAILURE;
        };
        map = Some(m.id);
    }
    if let Some(owner) = &args.owner
        && !project.actions.iter().any(|a| {
            a.owner
                .as_ref()
                .and_then(|o| project.owner_name(o))
                .is_some_and(|n| same_name(&n, owner))
        })
    {
        let mut owners: Vec<String> = project
            .actions
            .iter()
            .filter_map(|a| a.owner.as_ref().and_then(|o| project.owner_name(o)))
            .collect();
        owners.sort();
        owners.dedup();
        let known = if owners.is_empty() {
            "no action has an owner yet".to_owned()
        } else {
            format!("the owners of actions are: {}", owners.join(", "))
        };
        err(&format!(
            "error: no action in {} is owned by {owner:?}; {known}",
            args.file.display()
        ));
        return ExitCode::FAILURE;
    }
    let filter = Filter {
        owner: args.owner.clone(),
        status: args.status.map(Into::into),
        map,
    };
    let actions: Vec<&Action> =
        ranked(project.actions.iter().filter(|a| filter.passes(project, a)));
    let language = match args.lang {
        Some(super::Language::En) => Language::English,
        Some(super::Language::Nl) => Language::Dutch,
        None => Language::of_text(&project.language),
    };
    let text = match args.format {
        ListFormat::Text => backlog::text(project, &actions, language),
        ListFormat::Md => backlog::markdown(project, &actions, language),
        ListFormat::Csv => backlog::csv(project, &actions, language),
        ListFormat::Json => {
            match serde_json::to_string_pretty(&backlog::json(project, &actions, language)) {
                Ok(t) => t,
                Err(e) => {
                    err(&format!("error: {e}"));
                    return ExitCode::FAILURE;
                }
            }
        }
    };
    if args.format == ListFormat::Csv {
        // As Excel reads it: every line, the last too, ends in CR LF.
        out_raw(&text);
    } else {
        out(text.trim_end_matches(['\n', '\r']));
    }
    ExitCode::SUCCESS
}
