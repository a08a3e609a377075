//! The built-in file field, for where the system's file dialog cannot open (no desktop portal,
//! no zenity): a path to type, the folder's matching entries to complete it, the recent
//! folders, and a question before an existing file is replaced.

use std::path::{Path, PathBuf};

use crate::i18n::{tr, tr_args};

/// The field's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldAnswer {
    Chosen(PathBuf),
    Cancel,
}

/// What the field asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// An existing project file.
    Open,
    /// Where to save the project.
    Save,
    /// Where to write an export with this extension.
    Export(&'static str),
    /// An existing picture.
    Picture,
    /// An existing data file (CSV or workbook).
    Data,
    /// An existing file to import maps from (Mermaid, Markdown, a journey grid).
    Import,
    /// An existing review file of comments.
    Review,
}

/// The built-in file field and what has been typed into it.
#[derive(Clone, Debug, PartialEq)]
pub struct FileField {
    pub kind: FieldKind,
    /// The path typed so far.
    pub text: String,
    /// Folders to offer with one click (of recent files).
    pub recent_folders: Vec<PathBuf>,
    /// The file that exists, while the field asks whether to replace it.
    confirm: Option<PathBuf>,
    /// Why the typed path cannot be used, once the user tried.
    problem: Option<String>,
    focused: bool,
    /// The completions of the text they were listed for: the folder is read again only when
    /// the text changes, not on every frame the field is shown.
    listed: Option<(String, Vec<String>)>,
}

/// How many completions are listed.
const COMPLETIONS: usize = 12;

impl FileField {
    /// A field for `kind`, starting at `start` (a folder and a suggested name).
    pub fn new(kind: FieldKind, start: &Path, recent_folders: Vec<PathBuf>) -> Self {
        Self {
            kind,
            text: start.display().to_string(),
            recent_folders,
            confirm: None,
            problem: None,
            focused: false,
            listed: None,
        }
    }

    /// The typed path as it would be used: with the extension the kind needs.
    pub fn chosen(&self) -> PathBuf {
        let path = PathBuf::from(self.text.trim());
        match self.kind {
            FieldKind::Open
            | FieldKind::Picture
            | FieldKind::Data
            | FieldKind::Import
            | FieldKind::Review => path,
            FieldKind::Save => super::with_extension(path),
            FieldKind::Export(extension) => super::with_export_extension(path, extension),
        }
    }

    /// Entries of the typed folder whose names start like the typed name, folders with a `/`.
    fn completions(&self) -> Vec<String> {
        let text = self.text.trim();
        let (folder, prefix) = match text.rfind(std::path::MAIN_SEPARATOR) {
            Some(i) => (&text[..=i], &text[i + 1..]),
            None => ("", text),
        };
        let Ok(entries) = std::fs::read_dir(if folder.is_empty() { "." } else { folder }) else {
            return Vec::new();
        };
        let prefix = prefix.to_lowercase();
        let mut names: Vec<String> = entries
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let wanted = name.to_lowercase().starts_with(&prefix) && !name.starts_with('.');
                wanted.then(|| {
                    let dir = e.file_type().is_ok_and(|t| t.is_dir());
                    let sep = if dir {
                        std::path::MAIN_SEPARATOR_STR
                    } else {
                        ""
                    };
                    format!("{folder}{name}{sep}")
                })
            })
            .collect();
        names.sort();
        names.truncate(COMPLETIONS);
        names
    }

    /// Checks the typed path; returns the answer when it can be used (or after the user
    /// agreed to replace a file).
    fn submit(&mut self) -> Option<FieldAnswer> {
        let path = self.chosen();
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
        if self.text.trim().is_empty() || path.is_dir() {
            self.problem = Some(tr("filefield.need_name").into_owned());
            return None;
        }
        if folder.is_some_and(|f| !f.is_dir()) {
            let folder = folder.map(Path::display);
            self.problem = Some(tr_args(
                "filefield.no_folder",
                &[("path", &folder.map(|f| f.to_string()).unwrap_or_default())],
            ));
            return None;
        }
        match self.kind {
            FieldKind::Open
            | FieldKind::Picture
            | FieldKind::Data
            | FieldKind::Import
            | FieldKind::Review
                if !path.is_file() =>
            {
                self.problem = Some(tr_args("filefield.not_found", &[("path", &path.display())]));
                None
            }
            FieldKind::Save | FieldKind::Export(_) if path.exists() => {
                self.confirm = Some(path);
                None
            }
            _ => Some(FieldAnswer::Chosen(path)),
        }
    }

    /// Shows the field; returns its answer once given.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<FieldAnswer> {
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("file-field")).show(ctx, |ui| {
            ui.set_width(520.0);
            let title = match self.kind {
                FieldKind::Open => "filefield.title.open",
                FieldKind::Save => "filefield.title.save",
                FieldKind::Export(_) => "filefield.title.export",
                FieldKind::Picture => "filefield.title.picture",
                FieldKind::Data => "filefield.title.data",
                FieldKind::Import => "filefield.title.import",
                FieldKind::Review => "filefield.title.review",
            };
            ui.heading(tr(title));
            if let Some(existing) = self.confirm.clone() {
                answer = self.confirm_ui(ui, &existing);
                return;
            }
            ui.label(tr("filefield.explain"));
            let name = ui.label(tr("filefield.path"));
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut self.text)
                        .id_salt("file-field-path")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(name.id);
            if !self.focused {
                response.request_focus();
                self.focused = true;
            }
            if response.changed() {
                self.problem = None;
            }
            self.completions_ui(ui);
            if !self.recent_folders.is_empty() {
                ui.label(tr("filefield.recent"));
                ui.horizontal_wrapped(|ui| {
                    for folder in self.recent_folders.clone() {
                        if ui.small_button(folder.display().to_string()).clicked() {
                            let name = self.chosen();
                            let name = name.file_name().map(PathBuf::from).unwrap_or_default();
                            self.text = folder.join(name).display().to_string();
                        }
                    }
                });
            }
            if let Some(problem) = &self.problem {
                ui.colored_label(ui.visuals().error_fg_color, problem);
            }
            let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                let ok = match self.kind {
                    FieldKind::Open => "filefield.open",
                    FieldKind::Save => "filefield.save",
                    FieldKind::Export(_) => "filefield.export",
                    FieldKind::Picture
                    | FieldKind::Data
                    | FieldKind::Import
                    | FieldKind::Review => "filefield.use",
                };
                if ui.button(tr(ok)).clicked() || enter {
                    answer = self.submit();
                }
                if ui.button(tr("filefield.cancel")).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Escape))
                {
                    answer = Some(FieldAnswer::Cancel);
                }
            });
        });
        answer
    }

    /// The folder's entries that complete the typed name: a click takes one.
    fn completions_ui(&mut self, ui: &mut egui::Ui) {
        if self
            .listed
            .as_ref()
            .is_none_or(|(text, _)| *text != self.text)
        {
            self.listed = Some((self.text.clone(), self.completions()));
        }
        let completions = self
            .listed
            .as_ref()
            .map_or_else(Vec::new, |(_, c)| c.clone());
        if completions.is_empty() {
            return;
        }
        egui::ScrollArea::vertical()
            .max_height(160.0)
            .id_salt("file-field-completions")
            .show(ui, |ui| {
                for completion in completions {
                    let shown = Path::new(completion.trim_end_matches(std::path::MAIN_SEPARATOR))
                        .file_name()
                        .map_or_else(|| completion.clone(), |n| n.to_string_lossy().into_owned());
                    let shown = if completion.ends_with(std::path::MAIN_SEPARATOR) {
                        format!("{shown}{}", std::path::MAIN_SEPARATOR)
                    } else {
                        shown
                    };
                    if ui.selectable_label(false, shown).clicked() {
                        self.text = completion;
                        self.problem = None;
                    }
                }
            });
    }

    /// "Replace the existing file?"
    fn confirm_ui(&mut self, ui: &mut egui::Ui, existing: &Path) -> Option<FieldAnswer> {
        ui.label(tr_args(
            "filefield.replace.body",
            &[("path", &existing.display())],
        ));
        let mut answer = None;
        ui.horizontal(|ui| {
            if ui.button(tr("filefield.replace")).clicked() {
                answer = Some(FieldAnswer::Chosen(existing.to_path_buf()));
            }
            if ui.button(tr("filefield.other_name")).clicked()
                || ui.input(|i| i.key_pressed(egui::Key::Escape))
            {
                self.confirm = None;
            }
        });
        answer
    }
}
