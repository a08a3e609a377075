//! The CPU time of one editor frame on a big map: the real app (panels, canvas, inspector)
//! run through egui and tessellated, as eframe does before handing the triangles to the GPU.
//!
//! ```text
//! cargo bench --bench frame
//! ```
//!
//! The map is the generated one (`--stages 20 --lanes 10 --cards 1000`). The figures:
//! - a frame at fit-to-window and at 100 % while the pointer moves over the map, while the
//!   zoom moves and while the map pans (the layout, the painted scene and its mesh are cached,
//!   so this is the cost of every frame);
//! - the frame after an edit, at 1 000 and 4 000 cards: a card added, then the addition undone,
//!   frame after frame (the map is laid out, painted and tessellated again), and the layout and
//!   painting alone after one card's title changed;
//! - opening: the first layout of a map of 4 000 cards, and loading 10 000 cards.

#![allow(
    clippy::print_stdout,
    reason = "a benchmark reports on standard output"
)]

use std::time::{Duration, Instant};

use egui::{Event, Pos2, RawInput, Rect, pos2, vec2};
use klantreis::i18n::Language;
use klantreis::layout::{self, Metrics, TextMeasurer};
use klantreis::sample::{Spec, generate};
use klantreis::ui::command::Command;
use klantreis::ui::dialogs::ScriptedDialogs;
use klantreis::ui::{AppConfig, KlantreisApp};

/// Frames per measurement; `cargo test` runs this file with a handful as a smoke test, and
/// `cargo bench` (which passes `--bench`) with the full count.
fn frames() -> usize {
    if std::env::args().any(|a| a == "--bench") {
        400
    } else {
        5
    }
}

struct Stats {
    median: Duration,
    p95: Duration,
    p99: Duration,
    mean: Duration,
}

fn stats(mut samples: Vec<Duration>) -> Stats {
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    Stats {
        median: at(0.5),
        p95: at(0.95),
        p99: at(0.99),
        mean: samples.iter().sum::<Duration>() / samples.len() as u32,
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn report(name: &str, s: &Stats) {
    println!(
        "{name:<44} median {:>9}   p95 {:>9}   p99 {:>9}   mean {:>9}",
        ms(s.median),
        ms(s.p95),
        ms(s.p99),
        ms(s.mean)
    );
}

struct Window {
    ctx: egui::Context,
    app: KlantreisApp,
    frame: eframe::Frame,
    time: f64,
}

impl Window {
    /// One frame with `events`; returns the time spent in the app's frame and in tessellation.
    fn frame(&mut self, events: Vec<Event>) -> (Duration, Duration) {
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1600.0, 1000.0))),
            time: Some(self.time),
            events,
            ..RawInput::default()
        };
        let start = Instant::now();
        let mut output = self.ctx.run_ui(input, |ui| {
            eframe::App::ui(&mut self.app, ui, &mut self.frame);
        });
        let ran = start.elapsed();
        // No GPU here: the font atlas updates have nowhere to go.
        output.textures_delta.clear();
        let start = Instant::now();
        let primitives = self
            .ctx
            .tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
        let tessellated = start.elapsed();
        std::hint::black_box(primitives);
        (ran, tessellated)
    }

    /// Frames with the pointer gliding over the map; returns (frame, tessellation, total).
    fn measure(&mut self) -> (Stats, Stats, Stats) {
        self.measure_with(|_, pointer| vec![Event::PointerMoved(pointer)])
    }

    /// Frames with the events `gesture` gives for frame `i` and the pointer's place.
    fn measure_with(
        &mut self,
        gesture: impl Fn(usize, Pos2) -> Vec<Event>,
    ) -> (Stats, Stats, Stats) {
        let (mut runs, mut tess, mut total) = (Vec::new(), Vec::new(), Vec::new());
        let n = frames();
        for i in 0..n {
            let t = i as f32 / n as f32;
            let pointer = pos2(300.0 + 1000.0 * t, 200.0 + 600.0 * (t * 7.0).fract());
            let (r, s) = self.frame(gesture(i, pointer));
            runs.push(r);
            tess.push(s);
            total.push(r + s);
        }
        (stats(runs), stats(tess), stats(total))
    }
}

/// `project`'s first map laid out (a new pass of `text`) and painted, as after an edit.
fn lay_out_and_paint(
    project: &klantreis::model::Project,
    text: &mut TextMeasurer,
) -> klantreis::render::Scene {
    let map = &project.maps[0];
    text.begin_pass();
    let layout = layout::lay_out(project, map, &Metrics::default(), text);
    klantreis::render::paint(
        map,
        &layout,
        &klantreis::render::Theme::default(),
        &klantreis::render::PaintOptions::default(),
    )
}

/// The layout and painting of `project`'s first map after one card's title changed, `n`
/// times (a different card each time); the map was laid out once before, as when it opened.
fn after_edit(project: &klantreis::model::Project, text: &mut TextMeasurer, n: usize) -> Stats {
    let mut project = project.clone();
    std::hint::black_box(lay_out_and_paint(&project, text));
    let mut samples = Vec::new();
    for i in 0..n {
        let cards = &mut project.maps[0].cards;
        let count = cards.len();
        cards[i * 37 % count].title.push_str(" (herzien)");
        let start = Instant::now();
        let scene = lay_out_and_paint(&project, text);
        samples.push(start.elapsed());
        std::hint::black_box(scene);
    }
    stats(samples)
}

/// The first layout and painting of `project`'s first map, with text never laid out before.
fn first_layout(project: &klantreis::model::Project, n: usize) -> Stats {
    let mut samples = Vec::new();
    for _ in 0..n {
        let mut text = TextMeasurer::new();
        let start = Instant::now();
        let scene = lay_out_and_paint(project, &mut text);
        samples.push(start.elapsed());
        std::hint::black_box(scene);
    }
    stats(samples)
}

impl Window {
    /// The app with `path` open, fitted to a 1600 × 1000 window, after a few frames.
    fn open(path: std::path::PathBuf) -> Self {
        let ctx = egui::Context::default();
        let cc = eframe::CreationContext::_new_kittest(ctx.clone());
        let app = KlantreisApp::with_config(
            &cc,
            Some(path),
            AppConfig {
                dialogs: Box::new(ScriptedDialogs::default()),
                data_dir: None,
                language: Some(Language::English),
                start_screen: false,
                clock: klantreis::model::time::now_rfc3339,
            },
        );
        let mut window = Window {
            ctx,
            app,
            frame: eframe::Frame::_new_kittest(),
            time: 0.0,
        };
        window.settle();
        window
    }

    fn settle(&mut self) {
        for _ in 0..30 {
            self.frame(Vec::new());
        }
    }

    /// Frames in which a card is added (to the selected cell) and then taken away again:
    /// each one an edit the whole frame follows (layout, painting, mesh).
    fn measure_edits(&mut self) -> (Stats, Stats, Stats) {
        let (mut runs, mut tess, mut total) = (Vec::new(), Vec::new(), Vec::new());
        let cards = self.app.project().maps[0].cards.len();
        for i in 0..frames().min(100) {
            self.app.queue(if i % 2 == 0 {
                Command::AddCard
            } else {
                Command::Undo
            });
            let (r, s) = self.frame(vec![Event::PointerMoved(pos2(700.0, 400.0))]);
            let added = usize::from(i % 2 == 0);
            assert_eq!(
                self.app.project().maps[0].cards.len(),
                cards + added,
                "each frame is an edit"
            );
            runs.push(r);
            tess.push(s);
            total.push(r + s);
        }
        (stats(runs), stats(tess), stats(total))
    }
}

fn main() {
    let spec = Spec {
        stages: 20,
        lanes: 10,
        cards: 1000,
        seed: 1,
    };
    let project = generate(&spec);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("big.klantreis.ron");
    klantreis::file::save(&project, &path).expect("the generated project saves");

    let mut window = Window::open(path);
    assert_eq!(window.app.project().maps[0].cards.len(), 1000);
    println!(
        "Klantreis frame benchmark: {} stages x {} lanes, {} cards, window 1600x1000, {} frames each",
        spec.stages,
        spec.lanes,
        spec.cards,
        frames()
    );
    let (run, tess, total) = window.measure();
    report("fit to window: app frame (egui + canvas)", &run);
    report("fit to window: tessellation", &tess);
    report("fit to window: whole frame", &total);

    window.app.queue(Command::ZoomActual);
    for _ in 0..30 {
        window.frame(Vec::new());
    }
    let (run, tess, total) = window.measure();
    report("100 %: app frame (egui + canvas)", &run);
    report("100 %: tessellation", &tess);
    report("100 %: whole frame", &total);

    // Zooming continuously: Ctrl+scroll (a pinch) every frame, in and out around the middle.
    window.app.queue(Command::ZoomFit);
    for _ in 0..30 {
        window.frame(Vec::new());
    }
    let middle = pos2(800.0, 500.0);
    let (run, tess, total) = window.measure_with(|i, _| {
        let factor = if (i / 50) % 2 == 0 { 1.03 } else { 1.0 / 1.03 };
        vec![Event::PointerMoved(middle), Event::Zoom(factor)]
    });
    report("zooming: app frame (egui + canvas)", &run);
    report("zooming: tessellation", &tess);
    report("zooming: whole frame", &total);

    // Panning at 100 %: the wheel scrolls the map every frame.
    window.app.queue(Command::ZoomActual);
    for _ in 0..30 {
        window.frame(Vec::new());
    }
    let (_, _, total) = window.measure_with(|i, _| {
        let dy = if (i / 50) % 2 == 0 { -24.0 } else { 24.0 };
        vec![
            Event::PointerMoved(middle),
            Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: vec2(0.0, dy),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Unknown,
                modifiers: egui::Modifiers::NONE,
            },
        ]
    });
    report("panning at 100 %: whole frame", &total);

    // After an edit, in the window at fit: the map laid out, painted and tessellated again.
    window.app.queue(Command::ZoomFit);
    window.settle();
    let (_, _, total) = window.measure_edits();
    report("after an edit: whole frame", &total);
    let mut text = TextMeasurer::new();
    report(
        "after an edit: layout + paint of the map",
        &after_edit(&project, &mut text, frames().min(60)),
    );
    // The same at 4 000 cards, a map four times as full.
    let full = generate(&Spec {
        stages: 20,
        lanes: 10,
        cards: 4000,
        seed: 3,
    });
    let full_path = dir.path().join("4000.klantreis.ron");
    klantreis::file::save(&full, &full_path).expect("the 4 000-card project saves");
    let mut full_window = Window::open(full_path);
    let (_, _, total) = full_window.measure_edits();
    report("after an edit at 4 000 cards: whole frame", &total);
    drop(full_window);
    report(
        "after an edit at 4 000 cards: layout + paint",
        &after_edit(&full, &mut text, frames().min(60)),
    );
    report(
        "opening 4 000 cards: first layout + paint",
        &first_layout(&full, frames().min(10)),
    );

    // Loading a project of 10 000 cards from its file (parse, migrate, validate).
    let big = generate(&Spec {
        stages: 40,
        lanes: 12,
        cards: 10_000,
        seed: 2,
    });
    let big_path = dir.path().join("10000.klantreis.ron");
    klantreis::file::save(&big, &big_path).expect("the big project saves");
    let mut samples = Vec::new();
    for _ in 0..frames().min(20) {
        let start = Instant::now();
        let loaded = klantreis::file::load(&big_path).expect("it loads");
        samples.push(start.elapsed());
        std::hint::black_box(loaded);
    }
    report("load of 10 000 cards", &stats(samples));
}
