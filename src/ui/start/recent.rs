//! The recent projects as the start screen shows them: each read once when the screen opens,
//! with the first map laid out and painted by the one painter for its thumbnail; a project that
//! moved, vanished or no longer opens says so instead.

use std::path::{Path, PathBuf};

use crate::layout::{self, Metrics, TextMeasurer};
use crate::model::Project;
use crate::render::{self, Scene, Theme};

/// A recent project as found on disk.
pub enum Found {
    /// It opens: its title, its first map's title, when it was last changed, and its first
    /// map painted.
    Project {
        title: String,
        map: String,
        modified: String,
        scene: Option<Scene>,
    },
    /// Nothing is there any more.
    Missing,
    /// It is there but does not open; why, in the user's words.
    Unreadable(String),
}

/// One recent project.
pub struct Recent {
    pub path: PathBuf,
    pub found: Found,
}

impl Recent {
    /// Reads the project at `path` and paints its first map.
    pub fn read(path: &Path, text: &mut TextMeasurer) -> Self {
        let found = if path.exists() {
            match crate::file::load(path) {
                Ok(loaded) => {
                    let project = loaded.project;
                    let scene = paint_first_map(&project, text);
                    Found::Project {
                        map: project
                            .maps
                            .first()
                            .map(|m| m.title.clone())
                            .unwrap_or_default(),
                        modified: day_of(&project.modified, path),
                        title: project.title,
                        scene,
                    }
                }
                Err(e) => Found::Unreadable(crate::ui::messages::file_error(&e)),
            }
        } else {
            Found::Missing
        };
        Self {
            path: path.to_path_buf(),
            found,
        }
    }
}

/// The first map of `project`, laid out and painted as on the canvas.
pub fn paint_first_map(project: &Project, text: &mut TextMeasurer) -> Option<Scene> {
    let map = project.maps.first()?;
    text.begin_pass();
    let laid = layout::lay_out(project, map, &Metrics::default(), text);
    let options = render::PaintOptions::default();
    Some(render::paint(map, &laid, &Theme::default(), &options))
}

/// The day a project was last changed: from the project (`2026-11-30T14:41:00Z`), else the
/// file's modification time.
fn day_of(modified: &str, path: &Path) -> String {
    if crate::model::time::is_valid_timestamp(modified) {
        return modified[..10].to_owned();
    }
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| crate::model::time::rfc3339_from_unix(d.as_secs() as i64)[..10].to_owned())
        .unwrap_or_default()
}
