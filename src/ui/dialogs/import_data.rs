//! The mapping step of a data import: the first rows of the file, which column is the key, the
//! value, the date and the label, how keys find stages or touchpoints, and, live, what that
//! gives: the values, the rows that cannot be used (line and reason) and keys to tie by hand.

use std::path::PathBuf;

use crate::data::Table;
use crate::data::mapping::{self, MappingError, Outcome, RowReason};
use crate::data::number::{self, ColumnStyle};
use crate::i18n::{tr, tr_args, tr_count};
use crate::model::{DataImport, Dataset, KeyLink, KeyMatch, Map, MapId, Project};

/// What the user answered.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportAnswer {
    /// Import with this recipe as a data set described as `base`, on `map`.
    Import {
        map: MapId,
        base: Box<Dataset>,
        recipe: Box<DataImport>,
    },
    /// Read another worksheet of the workbook.
    Sheet(String),
    Cancel,
}

/// The mapping step.
pub struct ImportDialog {
    pub path: PathBuf,
    table: Table,
    map: MapId,
    recipe: DataImport,
    base: Dataset,
    /// The outcome of the recipe as it was last shown, and that recipe.
    outcome: Option<(DataImport, MapId, Result<Outcome, MappingError>)>,
    /// How the value column writes its numbers, and for which column that was decided.
    style: (String, ColumnStyle),
    /// Whether the user chose the decimal separator (rather than the column deciding it).
    decimal_chosen: bool,
}

/// A row problem in the interface language.
pub fn reason_text(reason: &RowReason) -> String {
    match reason {
        RowReason::NoKey => tr("import.reason.no_key").into_owned(),
        RowReason::UnknownKey(k) => tr_args("import.reason.unknown_key", &[("key", k)]),
        RowReason::NoValue => tr("import.reason.no_value").into_owned(),
        RowReason::NotANumber(t) => tr_args("import.reason.not_a_number", &[("text", t)]),
        RowReason::NotADate(t) => tr_args("import.reason.not_a_date", &[("text", t)]),
    }
}

impl ImportDialog {
    /// The step for `table`, read from `path`, with a first guess for `map`.
    pub fn new(path: PathBuf, table: Table, project: &Project, map: MapId) -> Self {
        let guess = project
            .map(map)
            .map(|m| mapping::guess(&table, m))
            .unwrap_or_default();
        let name = path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let base = Dataset {
            name,
            mean: guess.value_column.to_lowercase().contains("csat")
                || guess.value_column.to_lowercase().contains("nps")
                || guess.value_column.to_lowercase().contains("score"),
            ..Dataset::default()
        };
        let style = (
            guess.value_column.clone(),
            mapping::value_style(&table, &guess),
        );
        Self {
            path,
            table,
            map,
            recipe: guess,
            base,
            outcome: None,
            style,
            decimal_chosen: false,
        }
    }

    /// The table as read from the file.
    pub fn table(&self) -> &Table {
        &self.table
    }

    /// Carries the user's choices over to the step for another sheet of the same workbook,
    /// where that sheet has the same columns.
    pub fn keep_choices_of(&mut self, old: &Self) {
        self.base = old.base.clone();
        self.map = old.map;
        let has = |c: &str| c.is_empty() || self.table.column(c).is_some();
        let r = &old.recipe;
        if has(&r.key_column) && has(&r.value_column) && has(&r.date_column) && has(&r.label_column)
        {
            let sheet = self.recipe.sheet.clone();
            self.recipe = r.clone();
            self.recipe.sheet = sheet;
            self.decimal_chosen = old.decimal_chosen;
        }
    }

    /// The value column's number style, worked out again when the column changed; where the
    /// column decides and the user has not chosen, the recipe follows it.
    fn value_style(&mut self) -> &ColumnStyle {
        if self.style.0 != self.recipe.value_column {
            self.style = (
                self.recipe.value_column.clone(),
                mapping::value_style(&self.table, &self.recipe),
            );
        }
        if !self.decimal_chosen
            && let Some(comma) = self.style.1.decimal_comma()
        {
            self.recipe.decimal_comma = comma;
        }
        &self.style.1
    }

    /// Whether the numbers can be read: the column says how, or the user did.
    fn decimal_known(&self) -> bool {
        self.decimal_chosen || self.style.1.decimal_comma().is_some()
    }

    /// The decimal separator: decided by the column, or asked for where it reads two ways.
    fn decimal_ui(&mut self, ui: &mut egui::Ui) {
        let style = self.value_style().clone();
        let name = ui.label(tr("import.decimal"));
        ui.vertical(|ui| {
            ui.horizontal(|ui| {
                for (comma, key) in [
                    (true, "import.decimal.comma"),
                    (false, "import.decimal.point"),
                ] {
                    let on = self.decimal_known() && self.recipe.decimal_comma == comma;
                    if ui.radio(on, tr(key)).labelled_by(name.id).clicked() {
                        self.recipe.decimal_comma = comma;
                        self.decimal_chosen = true;
                    }
                }
            });
            let why = match &style {
                ColumnStyle::Undecided(e) => Some(tr_args(
                    "import.decimal.undecided",
                    &[
                        ("line", &e.line),
                        ("text", &e.text),
                        ("comma", &shown(number::parse(&e.text, true))),
                        ("point", &shown(number::parse(&e.text, false))),
                    ],
                )),
                ColumnStyle::Mixed { point, comma } => Some(tr_args(
                    "import.decimal.mixed",
                    &[
                        ("point_line", &point.line),
                        ("point", &point.text),
                        ("comma_line", &comma.line),
                        ("comma", &comma.text),
                    ],
                )),
                _ => None,
            };
            if let Some(why) = why {
                let colour = if self.decimal_chosen {
                    ui.visuals().weak_text_color()
                } else {
                    ui.visuals().warn_fg_color
                };
                ui.add(egui::Label::new(egui::RichText::new(why).color(colour)).wrap());
            }
        });
    }

    fn outcome(&mut self, map: &Map) -> &Result<Outcome, MappingError> {
        let stale = !matches!(&self.outcome, Some((r, m, _)) if *r == self.recipe && *m == map.id);
        if stale {
            let result = mapping::apply(&self.table, &self.recipe, map);
            self.outcome = Some((self.recipe.clone(), map.id, result));
        }
        &self.outcome.as_ref().expect("just set").2
    }

    fn column_combo(
        &mut self,
        ui: &mut egui::Ui,
        key: &'static str,
        which: Column,
        optional: bool,
    ) {
        let name = ui.label(tr(key));
        let current = match which {
            Column::Key => &mut self.recipe.key_column,
            Column::Value => &mut self.recipe.value_column,
            Column::Date => &mut self.recipe.date_column,
            Column::Label => &mut self.recipe.label_column,
        };
        let shown = if current.is_empty() {
            tr("import.none").into_owned()
        } else {
            current.clone()
        };
        egui::ComboBox::from_id_salt(key)
            .selected_text(shown)
            .width(180.0)
            .show_ui(ui, |ui| {
                if optional {
                    ui.selectable_value(current, String::new(), tr("import.none"));
                }
                for h in &self.table.headers {
                    ui.selectable_value(current, h.clone(), h);
                }
            })
            .response
            .labelled_by(name.id);
    }

    fn preview_ui(&self, ui: &mut egui::Ui) {
        const ROWS: usize = 8;
        egui::ScrollArea::horizontal()
            .id_salt("import-preview")
            .show(ui, |ui| {
                egui::Grid::new("import-preview-grid")
                    .striped(true)
                    .show(ui, |ui| {
                        ui.weak(tr("import.line"));
                        for h in &self.table.headers {
                            ui.strong(h);
                        }
                        ui.end_row();
                        let value = self.table.column(&self.recipe.value_column);
                        for row in self.table.rows.iter().take(ROWS) {
                            ui.weak(row.line.to_string());
                            for (i, c) in
                                row.cells.iter().take(self.table.headers.len()).enumerate()
                            {
                                let text = c.text();
                                let short: String = text.chars().take(40).collect();
                                let short = short.replace('\n', " ");
                                if Some(i) == value {
                                    self.value_cell_ui(ui, c, short);
                                } else {
                                    ui.label(short);
                                }
                            }
                            ui.end_row();
                        }
                    });
            });
        ui.weak(tr_count("import.rows", self.table.rows.len()));
    }

    /// A cell of the value column as it will be read: the number in the interface's way of
    /// writing numbers (the cell as written on hover), or the cell in the warning colour when
    /// it is not a number or reads two ways and the user has not said which.
    fn value_cell_ui(&self, ui: &mut egui::Ui, cell: &crate::data::Cell, raw: String) {
        let read = match cell {
            crate::data::Cell::Number(n) => Some(number::Reading::Plain(*n)),
            crate::data::Cell::Text(t) => number::read(t),
            _ => None,
        };
        match read {
            Some(number::Reading::Either { .. }) if !self.decimal_known() => {
                ui.colored_label(ui.visuals().warn_fg_color, format!("{raw} ?"))
                    .on_hover_text(tr("import.decimal.ask"));
            }
            Some(r) => {
                let shown = crate::i18n::number(
                    r.value(self.recipe.decimal_comma),
                    6,
                    false,
                    crate::i18n::language(),
                );
                if shown == raw {
                    ui.label(shown);
                } else {
                    ui.label(shown)
                        .on_hover_text(tr_args("import.as_written", &[("text", &raw)]));
                }
            }
            None if cell.is_empty() => {
                ui.label("");
            }
            None => {
                ui.colored_label(ui.visuals().warn_fg_color, raw);
            }
        }
    }

    /// Keys that name nothing, each with a menu to tie it to a stage or touchpoint; the keys
    /// tied so far, each with a way to untie it.
    fn links_ui(&mut self, ui: &mut egui::Ui, map: &Map, unknown: &[String]) {
        let mut untie = None;
        for (i, link) in self.recipe.links.iter().enumerate() {
            let target = link
                .card
                .and_then(|c| map.card(c))
                .map(|c| c.title.clone())
                .or_else(|| {
                    link.stage
                        .and_then(|s| map.stage(s))
                        .map(|s| s.name.clone())
                })
                .unwrap_or_default();
            ui.horizontal(|ui| {
                ui.label(tr_args(
                    "import.tied",
                    &[("key", &link.key), ("target", &target)],
                ));
                if ui
                    .small_button("×")
                    .on_hover_text(tr("import.untie"))
                    .clicked()
                {
                    untie = Some(i);
                }
            });
        }
        if let Some(i) = untie {
            self.recipe.links.remove(i);
        }
        if unknown.is_empty() {
            return;
        }
        ui.label(tr("import.unknown_keys"));
        for key in unknown.iter().take(12) {
            ui.horizontal(|ui| {
                let name = ui.label(format!("“{key}” →"));
                egui::ComboBox::from_id_salt(("link", key.as_str()))
                    .selected_text(tr("import.link_choose"))
                    .height(480.0)
                    .show_ui(ui, |ui| {
                        for s in &map.stages {
                            if ui.selectable_label(false, &s.name).clicked() {
                                self.recipe.links.push(KeyLink {
                                    key: key.clone(),
                                    stage: Some(s.id),
                                    card: None,
                                });
                            }
                        }
                        if self.recipe.matching == KeyMatch::Card {
                            ui.separator();
                            for c in &map.cards {
                                if ui.selectable_label(false, &c.title).clicked() {
                                    self.recipe.links.push(KeyLink {
                                        key: key.clone(),
                                        stage: Some(c.stage),
                                        card: Some(c.id),
                                    });
                                }
                            }
                        }
                    })
                    .response
                    .labelled_by(name.id);
            });
        }
    }

    fn mapping_ui(&mut self, ui: &mut egui::Ui, project: &Project) {
        egui::Grid::new("import-mapping")
            .num_columns(2)
            .show(ui, |ui| {
                let name = ui.label(tr("import.map"));
                let title = project
                    .map(self.map)
                    .map_or_else(String::new, |m| m.title.clone());
                egui::ComboBox::from_id_salt("import.map")
                    .selected_text(title)
                    .width(180.0)
                    .show_ui(ui, |ui| {
                        for m in &project.maps {
                            ui.selectable_value(&mut self.map, m.id, &m.title);
                        }
                    })
                    .response
                    .labelled_by(name.id);
                ui.end_row();
                self.column_combo(ui, "import.key", Column::Key, false);
                ui.end_row();
                let name = ui.label(tr("import.keys_name"));
                ui.horizontal(|ui| {
                    ui.radio_value(
                        &mut self.recipe.matching,
                        KeyMatch::Stage,
                        tr("import.keys.stages"),
                    )
                    .labelled_by(name.id);
                    ui.radio_value(
                        &mut self.recipe.matching,
                        KeyMatch::Card,
                        tr("import.keys.cards"),
                    );
                });
                ui.end_row();
                self.column_combo(ui, "import.value", Column::Value, false);
                ui.end_row();
                self.column_combo(ui, "import.date", Column::Date, true);
                ui.end_row();
                self.column_combo(ui, "import.label", Column::Label, true);
                ui.end_row();
                self.decimal_ui(ui);
                ui.end_row();
                let name = ui.label(tr("import.name"));
                ui.add(egui::TextEdit::singleline(&mut self.base.name).desired_width(180.0))
                    .labelled_by(name.id);
                ui.end_row();
                let name = ui.label(tr("research.unit"));
                ui.add(egui::TextEdit::singleline(&mut self.base.unit).desired_width(180.0))
                    .labelled_by(name.id);
                ui.end_row();
                ui.label("");
                ui.checkbox(&mut self.base.mean, tr("research.mean"))
                    .on_hover_text(tr("research.mean.tip"));
                ui.end_row();
            });
    }

    /// What the recipe gives, on the right: the values, the rows not used (line and reason);
    /// returns whether there is something to import, and the keys that named nothing.
    fn outcome_ui(&mut self, ui: &mut egui::Ui, map: &Map) -> (bool, Vec<String>) {
        let mut unknown = Vec::new();
        let outcome = match self.outcome(map) {
            Ok(outcome) => outcome,
            Err(e) => {
                ui.colored_label(ui.visuals().error_fg_color, e.to_string());
                return (false, unknown);
            }
        };
        ui.strong(tr_count("import.values", outcome.values.len()));
        if outcome.problems.is_empty() {
            ui.label(tr("import.all_rows"));
        } else {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                tr_count("import.problems", outcome.problems.len()),
            );
            egui::ScrollArea::vertical()
                .id_salt("import-problems")
                .max_height(160.0)
                .show(ui, |ui| {
                    for p in outcome.problems.iter().take(500) {
                        ui.label(tr_args(
                            "import.problem",
                            &[("line", &p.line), ("reason", &reason_text(&p.reason))],
                        ));
                    }
                });
            for p in &outcome.problems {
                if let RowReason::UnknownKey(k) = &p.reason
                    && !unknown.contains(k)
                {
                    unknown.push(k.clone());
                }
            }
        }
        (!outcome.values.is_empty(), unknown)
    }

    /// Shows the step; returns the answer once given.
    pub fn ui(&mut self, ctx: &egui::Context, project: &Project) -> Option<ImportAnswer> {
        let mut answer = None;
        let file = self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        egui::Window::new(tr("import.title"))
            .collapsible(false)
            .resizable(true)
            .default_width(760.0)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.label(tr_args("import.intro", &[("file", &file)]));
                if self.table.sheets.len() > 1 {
                    ui.horizontal(|ui| {
                        let name = ui.label(tr("import.sheet"));
                        let mut sheet = self.table.sheet.clone();
                        egui::ComboBox::from_id_salt("import.sheet")
                            .selected_text(&sheet)
                            .show_ui(ui, |ui| {
                                for s in &self.table.sheets {
                                    ui.selectable_value(&mut sheet, s.clone(), s);
                                }
                            })
                            .response
                            .labelled_by(name.id);
                        if sheet != self.table.sheet {
                            answer = Some(ImportAnswer::Sheet(sheet));
                        }
                    });
                }
                self.preview_ui(ui);
                ui.separator();
                ui.columns(2, |cols| {
                    self.mapping_ui(&mut cols[0], project);
                    let Some(map) = project.map(self.map) else {
                        return;
                    };
                    let ui = &mut cols[1];
                    let (ok, unknown) = self.outcome_ui(ui, map);
                    self.links_ui(ui, map, &unknown);
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui
                            .add_enabled(
                                ok && self.decimal_known() && !self.base.name.trim().is_empty(),
                                egui::Button::new(tr("import.button")),
                            )
                            .clicked()
                        {
                            answer = Some(ImportAnswer::Import {
                                map: self.map,
                                base: Box::new(self.base.clone()),
                                recipe: Box::new(self.recipe.clone()),
                            });
                        }
                        if ui.button(tr("import.cancel")).clicked()
                            || ui.input(|i| i.key_pressed(egui::Key::Escape))
                        {
                            answer = Some(ImportAnswer::Cancel);
                        }
                    });
                });
            });
        answer
    }
}

/// A number for a message, in the interface's way of writing numbers.
fn shown(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| {
        crate::i18n::number(v, 6, false, crate::i18n::language())
    })
}

#[derive(Clone, Copy)]
enum Column {
    Key,
    Value,
    Date,
    Label,
}
