//! The export dialog: format, paper, orientation, margins, scale, title block, DPI and tiling,
//! with a live preview of the page; the export itself runs on its own thread so the window
//! stays responsive, with a progress line until it is done.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Instant;

use crate::export::{self, ExportOptions, Format, Orientation, PaperSize, Scale, Tiling, Written};
use crate::i18n::{tr, tr_args};
use crate::model::{Map, Project};

/// An export running on its thread.
struct Job {
    path: PathBuf,
    started: Instant,
    result: Receiver<Result<Written, String>>,
}

/// What the dialog has to say to the app.
pub enum Outcome {
    /// The user asked to export: the app asks where, then calls [`ExportDialog::start`].
    Choose {
        file_name: String,
        extension: &'static str,
    },
    /// An export finished (or failed) with this message.
    Finished { message: String, error: bool },
}

/// The preview on show: the options it was made for (as a key) and what it says.
struct Shown {
    key: String,
    texture: egui::TextureHandle,
    legibility: Option<export::Legibility>,
    remedy: Option<export::Remedy>,
    pages: usize,
    pixels: Option<(u32, u32)>,
}

/// The dialog's state between frames.
pub struct ExportDialog {
    pub open: bool,
    pub options: ExportOptions,
    tile: bool,
    tiling: Tiling,
    preview: Option<Shown>,
    /// Why the export cannot be made with the current options (its key, the message): shown
    /// before anyone starts it, and the Export button stays off.
    preview_error: Option<(String, String)>,
    /// A preview being rendered: its key and where the result arrives.
    rendering: Option<(
        String,
        Receiver<Result<export::Preview, export::ExportError>>,
    )>,
    job: Option<Job>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        Self {
            open: false,
            options: ExportOptions::default(),
            tile: false,
            tiling: Tiling {
                sheet: PaperSize::A4,
                overlap_mm: 10.0,
            },
            preview: None,
            preview_error: None,
            rendering: None,
            job: None,
        }
    }
}

impl ExportDialog {
    /// Opens the dialog with `remembered` options (this project's last export), if any.
    pub fn show_with(&mut self, remembered: Option<ExportOptions>, lens: Option<String>) {
        if let Some(options) = remembered {
            self.tile = options.tiling.is_some();
            if let Some(t) = options.tiling {
                self.tiling = t;
            }
            self.options = options;
        }
        // The poster is printed as the map shows: through the department's lens when one is on.
        self.options.lens = lens;
        self.open = true;
        self.preview = None;
        self.preview_error = None;
    }

    /// Whether an export is running.
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// Starts exporting `map` to `path` on a thread.
    pub fn start(&mut self, project: &Project, map: &Map, path: PathBuf) {
        let (send, result) = std::sync::mpsc::channel();
        let (project, map, options) = (project.clone(), map.clone(), self.options.clone());
        let target = path.clone();
        std::thread::spawn(move || {
            let outcome = crate::file::replace_with(&target, |out| {
                export::export_map(&project, &map, &options, out)
            })
            .map_err(|e| e.flatten().at(&target).to_string());
            // The window may be gone; then nobody needs the answer.
            let _ = send.send(outcome);
        });
        self.job = Some(Job {
            path,
            started: Instant::now(),
            result,
        });
        self.open = false;
    }

    /// Checks on a running export; shows its progress line. Returns its outcome when done.
    pub fn progress_ui(&mut self, ui: &mut egui::Ui) -> Option<Outcome> {
        let job = self.job.as_ref()?;
        match job.result.try_recv() {
            Err(TryRecvError::Empty) => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(tr_args(
                        "export.running",
                        &[
                            ("path", &job.path.display()),
                            (
                                "seconds",
                                &format!("{:.0}", job.started.elapsed().as_secs_f32()),
                            ),
                        ],
                    ));
                });
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(200));
                None
            }
            Ok(Ok(written)) => {
                let message = super::export_words::done_message(&written, &job.path);
                self.job = None;
                Some(Outcome::Finished {
                    message,
                    error: false,
                })
            }
            Ok(Err(e)) => {
                self.job = None;
                Some(Outcome::Finished {
                    message: tr_args("export.failed", &[("error", &e)]),
                    error: true,
                })
            }
            Err(TryRecvError::Disconnected) => {
                self.job = None;
                Some(Outcome::Finished {
                    message: tr_args("export.failed", &[("error", &tr("export.stopped"))]),
                    error: true,
                })
            }
        }
    }

    /// The dialog window; returns what the user asked for.
    /// Shows the dialog; `on_top` when no modal dialog is above it, so Esc is its to close it
    /// by (whichever widget had the keyboard, or none).
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        (project, map, revision): (&Project, &Map, u64),
        on_top: bool,
    ) -> Option<Outcome> {
        if !self.open {
            return None;
        }
        if on_top && ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.open = false;
            return None;
        }
        let mut outcome = None;
        let mut open = self.open;
        egui::Window::new(tr("export.title"))
            .open(&mut open)
            .collapsible(false)
            .resizable(true)
            .default_width(760.0)
            .default_pos(ctx.content_rect().center() - egui::vec2(380.0, 220.0))
            .show(ctx, |ui| {
                ui.horizontal_top(|ui| {
                    ui.vertical(|ui| {
                        ui.set_width(300.0);
                        let owners = crate::analysis::lens::owners(project);
                        self.options_ui(ui, &owners, !project.actions.is_empty());
                        ui.add_space(8.0);
                        let ext = self.options.format.extension();
                        if ui
                            .add_enabled(
                                !self.busy() && self.preview_error.is_none(),
                                egui::Button::new(tr("export.button")),
                            )
                            .clicked()
                        {
                            let file_name =
                                super::export_words::file_name(&self.options, &map.title);
                            outcome = Some(Outcome::Choose {
                                file_name: format!("{file_name}.{ext}"),
                                extension: ext,
                            });
                        }
                    });
                    ui.separator();
                    ui.vertical(|ui| self.preview_ui(ui, project, map, revision));
                });
            });
        self.open = open && self.open;
        outcome
    }

    fn options_ui(&mut self, ui: &mut egui::Ui, owners: &[String], has_actions: bool) {
        let o = &mut self.options;
        egui::Grid::new("export-options")
            .num_columns(2)
            .spacing([10.0, 6.0])
            .show(ui, |ui| {
                let name = ui.label(tr("export.format"));
                egui::ComboBox::from_id_salt("export-format")
                    .selected_text(super::export_words::format_name(o.format))
                    .show_ui(ui, |ui| {
                        for f in [
                            Format::Pdf,
                            Format::Svg,
                            Format::Png,
                            Format::Markdown,
                            Format::Csv,
                            Format::Mermaid,
                            Format::PersonaSheets,
                            Format::Brief,
                            Format::Html,
                        ] {
                            if f == Format::Brief && owners.is_empty() {
                                continue;
                            }
                            ui.selectable_value(
                                &mut o.format,
                                f,
                                super::export_words::format_name(f),
                            );
                        }
                    })
                    .response
                    .labelled_by(name.id);
                ui.end_row();
                if o.format == Format::Csv {
                    // Which Excel opens it as a table: `;` and 12,5 for a Dutch one.
                    ui.label(tr("export.excel"));
                    ui.horizontal(|ui| {
                        for (choice, key) in [
                            (None, "export.excel.project"),
                            (Some(crate::i18n::Language::Dutch), "export.excel.nl"),
                            (Some(crate::i18n::Language::English), "export.excel.en"),
                        ] {
                            ui.radio_value(&mut o.excel, choice, tr(key));
                        }
                    });
                    ui.end_row();
                }
                super::export_department::rows(ui, o, owners);
                if matches!(o.format, Format::Html | Format::Markdown) {
                    if o.format == Format::Html {
                        super::export_rows::quotes_row(ui, o);
                    }
                    super::export_rows::comments_row(ui, o);
                    return;
                }
                let page_format = matches!(o.format, Format::Pdf | Format::Svg | Format::Png);
                if !page_format {
                    return;
                }
                ui.label(tr("export.subject"));
                ui.vertical(|ui| {
                    ui.horizontal(|ui| {
                        ui.radio_value(
                            &mut o.subject,
                            export::Subject::Map,
                            tr("export.subject_map"),
                        );
                        ui.radio_value(
                            &mut o.subject,
                            export::Subject::Stakeholders,
                            tr("export.subject_stakeholders"),
                        );
                        if o.format == Format::Pdf {
                            ui.radio_value(
                                &mut o.subject,
                                export::Subject::Roadmap,
                                tr("export.subject_roadmap"),
                            )
                            .on_hover_text(tr("export.subject_roadmap.tip"));
                        }
                    });
                    // The actions' posters, on a line of their own so the dialog stays narrow.
                    if has_actions {
                        ui.horizontal(|ui| {
                            ui.radio_value(
                                &mut o.subject,
                                export::Subject::Priorities,
                                tr("export.subject_priorities"),
                            )
                            .on_hover_text(tr("export.subject_priorities.tip"));
                            ui.radio_value(
                                &mut o.subject,
                                export::Subject::ActionRoadmap,
                                tr("export.subject_action_roadmap"),
                            )
                            .on_hover_text(tr("export.subject_action_roadmap.tip"));
                        });
                    }
                });
                ui.end_row();
                super::export_rows::quotes_row(ui, o);
                let name = ui.label(tr("export.paper"));
                let custom = matches!(o.setup.paper, PaperSize::Custom { .. });
                egui::ComboBox::from_id_salt("export-paper")
                    .selected_text(if custom {
                        tr("export.custom").into_owned()
                    } else {
                        o.setup.paper.name()
                    })
                    .show_ui(ui, |ui| {
                        for p in PaperSize::NAMED {
                            ui.selectable_value(&mut o.setup.paper, p, p.name());
                        }
                        if ui.selectable_label(custom, tr("export.custom")).clicked() && !custom {
                            o.setup.paper = PaperSize::Custom {
                                width_mm: 1000.0,
                                height_mm: 700.0,
                            };
                        }
                    })
                    .response
                    .labelled_by(name.id);
                ui.end_row();
                if let PaperSize::Custom {
                    width_mm,
                    height_mm,
                } = &mut o.setup.paper
                {
                    ui.label(tr("export.size_mm"));
                    ui.horizontal(|ui| {
                        ui.add(
                            egui::DragValue::new(width_mm)
                                .range(10.0..=export::paper::MAX_PAPER_MM)
                                .suffix(" mm"),
                        );
                        ui.label("×");
                        ui.add(
                            egui::DragValue::new(height_mm)
                                .range(10.0..=export::paper::MAX_PAPER_MM)
                                .suffix(" mm"),
                        );
                    });
                    ui.end_row();
                }
                ui.label(tr("export.orientation"));
                ui.horizontal(|ui| {
                    ui.radio_value(
                        &mut o.setup.orientation,
                        Orientation::Landscape,
                        tr("export.landscape"),
                    );
                    ui.radio_value(
                        &mut o.setup.orientation,
                        Orientation::Portrait,
                        tr("export.portrait"),
                    );
                });
                ui.end_row();
                let name = ui.label(tr("export.margin"));
                ui.add(
                    egui::DragValue::new(&mut o.setup.margin_mm)
                        .range(ExportOptions::MARGIN_MM)
                        .suffix(" mm"),
                )
                .labelled_by(name.id);
                ui.end_row();
                ui.label(tr("export.scale"));
                ui.horizontal(|ui| {
                    let fit = matches!(o.setup.scale, Scale::Fit);
                    if ui.radio(fit, tr("export.fit")).clicked() {
                        o.setup.scale = Scale::Fit;
                    }
                    let mut factor = match o.setup.scale {
                        Scale::Fixed(f) => f,
                        Scale::Fit => 1.0,
                    };
                    if ui.radio(!fit, tr("export.fixed")).clicked() {
                        o.setup.scale = Scale::Fixed(factor);
                    }
                    if !fit
                        && ui
                            .add(
                                egui::DragValue::new(&mut factor)
                                    .range(ExportOptions::SCALE)
                                    .speed(0.01)
                                    .suffix("×"),
                            )
                            .changed()
                    {
                        o.setup.scale = Scale::Fixed(factor);
                    }
                });
                ui.end_row();
                ui.label("");
                ui.checkbox(&mut o.setup.title_block, tr("export.title_block"));
                ui.end_row();
                if o.format == Format::Png {
                    let name = ui.label(tr("export.dpi"));
                    ui.add(egui::Slider::new(&mut o.dpi, ExportOptions::DPI).step_by(1.0))
                        .labelled_by(name.id);
                    ui.end_row();
                }
                if o.format == Format::Pdf {
                    ui.label("");
                    ui.add_enabled(
                        o.subject == export::Subject::Map,
                        egui::Checkbox::new(&mut o.all_maps, tr("export.all_maps")),
                    );
                    ui.end_row();
                    ui.label("");
                    ui.add_enabled(
                        !o.all_maps && o.subject != export::Subject::Roadmap,
                        egui::Checkbox::new(&mut self.tile, tr("export.tile")),
                    );
                    ui.end_row();
                    if self.tile {
                        let name = ui.label(tr("export.sheet"));
                        egui::ComboBox::from_id_salt("export-sheet")
                            .selected_text(self.tiling.sheet.name())
                            .show_ui(ui, |ui| {
                                for p in [
                                    PaperSize::A4,
                                    PaperSize::A3,
                                    PaperSize::Letter,
                                    PaperSize::Tabloid,
                                ] {
                                    ui.selectable_value(&mut self.tiling.sheet, p, p.name());
                                }
                            })
                            .response
                            .labelled_by(name.id);
                        ui.end_row();
                        let name = ui.label(tr("export.overlap"));
                        ui.add(
                            egui::DragValue::new(&mut self.tiling.overlap_mm)
                                .range(ExportOptions::OVERLAP_MM)
                                .suffix(" mm"),
                        )
                        .labelled_by(name.id);
                        ui.end_row();
                    }
                }
            });
        self.options.all_maps &=
            self.options.format == Format::Pdf && self.options.subject == export::Subject::Map;
        if !matches!(self.options.format, Format::Pdf | Format::Svg | Format::Png) {
            self.options.subject = export::Subject::Map;
        }
        self.options.tiling = (self.tile
            && self.options.format == Format::Pdf
            && !self.options.all_maps
            && self.options.subject != export::Subject::Roadmap)
            .then_some(self.tiling);
    }

    fn preview_ui(&mut self, ui: &mut egui::Ui, project: &Project, map: &Map, revision: u64) {
        if !matches!(
            self.options.format,
            Format::Pdf | Format::Svg | Format::Png | Format::PersonaSheets | Format::Brief
        ) {
            ui.weak(tr("export.no_preview"));
            return;
        }
        // The preview is rendered on a thread (a big map takes a second); the last one stays
        // on show, with a spinner, until the new one is ready.
        let key = format!("{revision} {:?} {:?}", map.id, self.options);
        let current = self.preview.as_ref().is_some_and(|p| p.key == key)
            || self.preview_error.as_ref().is_some_and(|e| e.0 == key);
        // One at a time: while options change quickly (dragging the margin), the next preview
        // starts when the running one is done, for the options then.
        if !current && self.rendering.is_none() {
            let (send, receive) = std::sync::mpsc::channel();
            let (project, map, options) = (project.clone(), map.clone(), self.options.clone());
            let ctx = ui.ctx().clone();
            std::thread::spawn(move || {
                let _ = send.send(export::preview(&project, &map, &options, 420.0));
                ctx.request_repaint();
            });
            self.rendering = Some((key.clone(), receive));
        }
        if let Some((k, receive)) = &self.rendering {
            match receive.try_recv() {
                Ok(Ok(p)) => {
                    let image = egui::ColorImage::from_rgba_premultiplied(
                        [p.width as usize, p.height as usize],
                        &p.rgba,
                    );
                    let texture = ui.ctx().load_texture(
                        "export-preview",
                        image,
                        egui::TextureOptions::LINEAR,
                    );
                    if *k != key {
                        // The options changed meanwhile: draw again for them.
                        ui.ctx().request_repaint();
                    }
                    self.preview = Some(Shown {
                        key: k.clone(),
                        texture,
                        legibility: p.legibility,
                        remedy: p.remedy,
                        pages: p.pages,
                        pixels: p.pixels,
                    });
                    if self.preview_error.take().is_some() {
                        ui.ctx().request_repaint();
                    }
                    self.rendering = None;
                }
                Ok(Err(e)) => {
                    self.preview = None;
                    self.preview_error = Some((k.clone(), e.to_string()));
                    // The Export button, drawn before this, turns off on the next frame.
                    ui.ctx().request_repaint();
                    self.rendering = None;
                }
                Err(TryRecvError::Empty) => {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.weak(tr("export.previewing"));
                    });
                }
                Err(TryRecvError::Disconnected) => self.rendering = None,
            }
        }
        if let Some((_, e)) = &self.preview_error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        let Some(Shown {
            texture,
            legibility,
            remedy,
            pages,
            pixels,
            ..
        }) = &self.preview
        else {
            return;
        };
        ui.add(egui::Image::new(texture).fit_to_exact_size(texture.size_vec2()))
            .on_hover_text(tr("export.preview"));
        match pixels {
            Some((w, h)) => ui.label(tr_args(
                "export.pixels",
                &[("width", &w.to_string()), ("height", &h.to_string())],
            )),
            None => ui.label(crate::i18n::tr_count("export.pages", *pages)),
        };
        // The note informs; only text too small to read where it is read warns, once, with
        // what helps.
        if let Some(l) = legibility {
            let lang = crate::i18n::language();
            if export::too_small(l) {
                let warning =
                    export::legibility_warning(l, *remedy, lang, super::export_words::scale_advice);
                ui.colored_label(ui.visuals().warn_fg_color, warning);
            } else {
                ui.weak(export::legibility_note(l, lang));
            }
        }
    }
}
