//! What a metrics lane shows in each stage (per data set: the latest figure, a bar against the
//! other stages, a sparkline over time, the top labels such as call reasons), the content of
//! lanes above their cards (metrics here, quotes in `quotes`), and the sources' footnote.

use epaint::{Pos2, Rect, Vec2, pos2, vec2};

use super::{Metrics, PlacedText, TextMeasurer};
use crate::i18n::{Language, tr_args_in, tr_in};
use crate::model::{DatasetId, LaneId, LaneKind, Map, Project, StageId};

/// One data set's figure in one stage.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricItem {
    pub dataset: DatasetId,
    /// The data set's name, muted.
    pub name: PlacedText,
    /// The latest figure, large.
    pub value: PlacedText,
    /// The figure against the largest stage's: the track and how much of it is filled.
    pub bar: (Rect, f32),
    /// The figure over time, oldest first (empty with fewer than two dates).
    pub spark: Vec<Pos2>,
    /// The largest labels (call reasons, questions) with their share of the stage's figure.
    pub breakdown: Vec<(PlacedText, Rect, f32)>,
    /// Where the figure comes from, for a tooltip: file, sheet, as-of date.
    pub source: String,
}

/// What a metrics lane shows in one stage.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricCell {
    pub lane: LaneId,
    pub stage: StageId,
    pub rect: Rect,
    pub items: Vec<MetricItem>,
}

/// Content at the top of lane rows, before the cards: laid out at the origin and moved into
/// place once the rows are known.
#[derive(Default)]
pub(super) struct LaneContent {
    /// Per lane index: the height the content takes.
    pub heights: Vec<f32>,
    pub metrics: Vec<(usize, MetricCell)>,
    pub quotes: Vec<(usize, super::QuoteLayout)>,
}

pub(super) fn shift(t: &mut PlacedText, by: Vec2) {
    t.pos += by;
}

impl MetricCell {
    fn translate(&mut self, by: Vec2) {
        self.rect = self.rect.translate(by);
        for item in &mut self.items {
            shift(&mut item.name, by);
            shift(&mut item.value, by);
            item.bar.0 = item.bar.0.translate(by);
            for p in &mut item.spark {
                *p += by;
            }
            for (t, r, _) in &mut item.breakdown {
                shift(t, by);
                *r = r.translate(by);
            }
        }
    }
}

impl LaneContent {
    /// Moves each lane's content to its row: `(left of the first stage, top of the row)`.
    pub fn place(&mut self, lane_tops: &[f32], cells_left: f32, m: &Metrics, stages: &[StageId]) {
        let column = |stage: StageId| stages.iter().position(|s| *s == stage).unwrap_or(0);
        for (lane, cell) in &mut self.metrics {
            let x = cells_left + m.stage_width * column(cell.stage) as f32;
            cell.translate(vec2(x, lane_tops[*lane]));
        }
        for (lane, quote) in &mut self.quotes {
            quote.translate(vec2(cells_left, lane_tops[*lane]));
        }
    }
}

/// A number as the project's language writes it: `1.234` and `3,5` in Dutch.
pub fn format_number(value: f64, lang: Language) -> String {
    let decimals = usize::from(value.fract().abs() >= 0.05 && value.abs() < 100.0);
    crate::i18n::number(value, decimals, false, lang)
}

/// The data sets a metrics lane shows: its own list, or every data set of the map.
pub fn shown_datasets<'a>(
    project: &'a Project,
    map: &Map,
    lane: &crate::model::Lane,
) -> Vec<&'a crate::model::Dataset> {
    if lane.datasets.is_empty() {
        project
            .datasets
            .iter()
            .filter(|d| d.map == Some(map.id))
            .collect()
    } else {
        lane.datasets
            .iter()
            .filter_map(|id| project.dataset(*id))
            .collect()
    }
}

/// A stage's figure of a data set on each date, oldest first, and the labels' figures on the
/// latest date, largest first.
type Series = (Vec<(String, f64)>, Vec<(String, f64)>);

/// `values` (one stage's values of data set `d`) per date and, on the latest date, per label.
fn series(map: &Map, d: &crate::model::Dataset, values: &[&crate::model::DataPoint]) -> Series {
    let mut by_date: std::collections::BTreeMap<&str, Vec<f64>> = std::collections::BTreeMap::new();
    for v in values {
        by_date.entry(v.date.as_str()).or_default().push(v.value);
    }
    let dates: Vec<(String, f64)> = by_date
        .iter()
        .map(|(date, values)| ((*date).to_owned(), d.combine(values)))
        .collect();
    let latest = dates.last().map_or("", |(date, _)| date.as_str());
    let mut labels: Vec<(String, Vec<f64>)> = Vec::new();
    for v in values.iter().filter(|v| v.date == latest) {
        let label = if v.label.is_empty() {
            v.card
                .and_then(|c| map.card(c))
                .map(|c| c.title.clone())
                .unwrap_or_default()
        } else {
            v.label.clone()
        };
        if label.is_empty() {
            continue;
        }
        match labels.iter_mut().find(|(l, _)| *l == label) {
            Some((_, values)) => values.push(v.value),
            None => labels.push((label, vec![v.value])),
        }
    }
    let mut labels: Vec<(String, f64)> = labels
        .into_iter()
        .map(|(l, values)| (l, d.combine(&values)))
        .collect();
    labels.sort_by(|a, b| b.1.total_cmp(&a.1));
    (dates, labels)
}

/// Each stage's series of data set `d`, in stage order: its values sorted by stage once.
fn stage_series(map: &Map, d: &crate::model::Dataset) -> Vec<Series> {
    let mut by_stage: std::collections::HashMap<StageId, Vec<&crate::model::DataPoint>> =
        std::collections::HashMap::new();
    for v in &d.values {
        if let Some(stage) = v.stage {
            by_stage.entry(stage).or_default().push(v);
        }
    }
    map.stages
        .iter()
        .map(|s| series(map, d, by_stage.get(&s.id).map_or(&[][..], Vec::as_slice)))
        .collect()
}

const SPARK_WIDTH: f32 = 56.0;
const BAR_HEIGHT: f32 = 4.0;
const BREAKDOWN: usize = 3;

/// Where one data set's figure for one stage goes: `y` is the top, moved below it.
struct Place<'a> {
    m: &'a Metrics,
    lang: Language,
    left: f32,
    inner: f32,
}

impl Place<'_> {
    /// The figure over time as a polyline at the right of the value's line.
    fn sparkline(&self, dates: &[(String, f64)], top: f32, height: f32) -> Vec<Pos2> {
        if dates.len() < 2 {
            return Vec::new();
        }
        let lo = dates.iter().map(|x| x.1).fold(f64::INFINITY, f64::min);
        let hi = dates.iter().map(|x| x.1).fold(f64::NEG_INFINITY, f64::max);
        let span = (hi - lo).max(f64::EPSILON);
        let x0 = self.left + self.inner - SPARK_WIDTH;
        dates
            .iter()
            .enumerate()
            .map(|(i, (_, v))| {
                let t = i as f32 / (dates.len() - 1) as f32;
                let u = ((v - lo) / span) as f32;
                pos2(x0 + t * SPARK_WIDTH, top + 1.0 + (1.0 - u) * height)
            })
            .collect()
    }

    /// The largest labels with a thin bar each, and how many more there are.
    fn breakdown(
        &self,
        labels: &[(String, f64)],
        y: &mut f32,
        text: &mut TextMeasurer,
    ) -> Vec<(PlacedText, Rect, f32)> {
        let mut out = Vec::new();
        let top = labels.first().map_or(0.0, |x| x.1.abs());
        for (label, v) in labels.iter().take(BREAKDOWN) {
            let line = format!("{} · {}", format_number(*v, self.lang), label);
            let block = text.block(&line, self.m.card_meta_size, false, self.inner, 1);
            let pos = pos2(self.left, *y);
            *y += block.size.y;
            let share = if top > 0.0 {
                (v.abs() / top) as f32
            } else {
                0.0
            };
            let track = Rect::from_min_size(pos2(self.left, *y + 0.5), vec2(self.inner * 0.6, 2.0));
            *y += 5.0;
            out.push((PlacedText { pos, block }, track, share));
        }
        if labels.len() > BREAKDOWN {
            let count = labels.len() - BREAKDOWN;
            let more = tr_args_in(self.lang, "metrics.more", &[("count", &count)]);
            let block = text.block(&more, self.m.card_meta_size, false, self.inner, 1);
            let pos = pos2(self.left, *y);
            *y += block.size.y;
            out.push((PlacedText { pos, block }, Rect::NOTHING, 0.0));
        }
        out
    }

    /// One data set's figure in one stage: name, value, bar, sparkline, breakdown.
    fn item(
        &self,
        d: &crate::model::Dataset,
        (dates, labels): &Series,
        largest: f64,
        y: &mut f32,
        text: &mut TextMeasurer,
    ) -> Option<MetricItem> {
        let (_, latest) = dates.last()?;
        let m = self.m;
        let name = text.block(&d.name, m.card_meta_size, false, self.inner, 1);
        let name = PlacedText {
            pos: pos2(self.left, *y),
            block: name,
        };
        *y += name.block.size.y + 1.0;
        let number = format_number(*latest, self.lang);
        let value_text = if d.unit.is_empty() {
            number
        } else {
            format!("{number} {}", d.unit)
        };
        let spark_room = if dates.len() > 1 {
            SPARK_WIDTH + 6.0
        } else {
            0.0
        };
        let value = text.block(
            &value_text,
            m.card_title_size + 1.0,
            true,
            self.inner - spark_room,
            1,
        );
        let spark = self.sparkline(dates, *y, value.size.y - 2.0);
        let value = PlacedText {
            pos: pos2(self.left, *y),
            block: value,
        };
        *y += value.block.size.y + 2.0;
        let fill = if largest > 0.0 {
            (latest.abs() / largest) as f32
        } else {
            0.0
        };
        let bar = (
            Rect::from_min_size(pos2(self.left, *y), vec2(self.inner, BAR_HEIGHT)),
            fill,
        );
        *y += BAR_HEIGHT + 3.0;
        // The labels when they say more than the figure: several, or one that is not the name.
        let telling =
            labels.len() > 1 || (labels.len() == 1 && dates.len() == 1 && labels[0].0 != d.name);
        let breakdown = if telling {
            self.breakdown(labels, y, text)
        } else {
            Vec::new()
        };
        *y += m.gap;
        Some(MetricItem {
            dataset: d.id,
            name,
            value,
            bar,
            spark,
            breakdown,
            source: source_line(d, self.lang),
        })
    }
}

/// One metrics lane's cells, at the origin of each stage's column.
fn metric_cells(
    project: &Project,
    map: &Map,
    lane: &crate::model::Lane,
    m: &Metrics,
    lang: Language,
    text: &mut TextMeasurer,
) -> (f32, Vec<MetricCell>) {
    let datasets = shown_datasets(project, map, lane);
    let place = Place {
        m,
        lang,
        left: m.card_padding,
        inner: m.stage_width - 2.0 * m.card_padding,
    };
    let per_stage: Vec<Vec<Series>> = datasets.iter().map(|d| stage_series(map, d)).collect();
    // Each data set's largest latest figure over the stages, for the bars.
    let largest: Vec<f64> = per_stage
        .iter()
        .map(|stages| {
            stages
                .iter()
                .filter_map(|(dates, _)| dates.last().map(|x| x.1.abs()))
                .fold(0.0, f64::max)
        })
        .collect();
    let mut cells = Vec::new();
    let mut tallest: f32 = 0.0;
    for (si, stage) in map.stages.iter().enumerate() {
        let mut y = m.gap;
        let items: Vec<MetricItem> = datasets
            .iter()
            .enumerate()
            .filter_map(|(di, d)| place.item(d, &per_stage[di][si], largest[di], &mut y, text))
            .collect();
        tallest = tallest.max(y);
        if !items.is_empty() {
            cells.push(MetricCell {
                lane: lane.id,
                stage: stage.id,
                rect: Rect::from_min_size(Pos2::ZERO, vec2(m.stage_width, y)),
                items,
            });
        }
    }
    (tallest, cells)
}

/// The content of every metrics and evidence lane, at the origin.
pub(super) fn lane_content(
    project: &Project,
    map: &Map,
    m: &Metrics,
    lang: Language,
    text: &mut TextMeasurer,
) -> LaneContent {
    let mut content = LaneContent {
        heights: vec![0.0; map.lanes.len()],
        ..LaneContent::default()
    };
    for (i, lane) in map.lanes.iter().enumerate() {
        if lane.collapsed {
            continue;
        }
        match lane.kind {
            LaneKind::Metrics => {
                let (h, cells) = metric_cells(project, map, lane, m, lang, text);
                content.heights[i] = h;
                content.metrics.extend(cells.into_iter().map(|c| (i, c)));
            }
            LaneKind::Quotes => {
                let (h, quotes) = super::quotes::quote_cells(project, map, m, lang, text);
                content.heights[i] = h;
                content.quotes.extend(quotes.into_iter().map(|q| (i, q)));
            }
            _ => {}
        }
    }
    content
}

/// The sources under the map: per data set shown, its file, sheet and as-of date; per curve
/// that follows a score, how the score maps onto the scale.
pub(super) fn footnote(project: &Project, map: &Map, lang: Language) -> String {
    let mut shown: Vec<&crate::model::Dataset> = Vec::new();
    for lane in map.lanes.iter().filter(|l| l.kind == LaneKind::Metrics) {
        for d in shown_datasets(project, map, lane) {
            if !shown.iter().any(|x| x.id == d.id) {
                shown.push(d);
            }
        }
    }
    let mut parts = Vec::new();
    for d in &shown {
        parts.push(source_line(d, lang));
    }
    for curve in &map.curves {
        let Some(data) = curve.data else { continue };
        let Some(d) = project.dataset(data.dataset) else {
            continue;
        };
        if !shown.iter().any(|x| x.id == d.id) {
            parts.push(source_line(d, lang));
        }
        let name = super::curve_name(project, curve);
        parts.push(tr_args_in(
            lang,
            "metrics.curve_mapping",
            &[
                ("curve", &name),
                ("data", &d.name),
                ("low", &format_number(data.low, lang)),
                (
                    "bottom",
                    &crate::i18n::score(map.scale, map.scale.min(), 1, lang),
                ),
                ("high", &format_number(data.high, lang)),
                (
                    "top",
                    &crate::i18n::score(map.scale, map.scale.max(), 1, lang),
                ),
            ],
        ));
    }
    if parts.is_empty() {
        return String::new();
    }
    format!("{} {}", tr_in(lang, "metrics.sources"), parts.join(" · "))
}

/// `Gesprekken: gesprekken.xlsx, blad Gesprekken, peildatum 31-10-2026`.
pub fn source_line(d: &crate::model::Dataset, lang: Language) -> String {
    let mut bits = Vec::new();
    if !d.source.is_empty() {
        bits.push(d.source.clone());
    }
    if let Some(import) = &d.import {
        let file = std::path::Path::new(&import.file)
            .file_name()
            .map_or_else(|| import.file.clone(), |f| f.to_string_lossy().into_owned());
        bits.push(file);
        if !import.sheet.is_empty() {
            bits.push(tr_args_in(
                lang,
                "metrics.sheet",
                &[("sheet", &import.sheet)],
            ));
        }
    }
    if let Some(date) = d.latest_date() {
        bits.push(tr_args_in(
            lang,
            "metrics.as_of",
            &[("date", &display_date(date, lang))],
        ));
    }
    if bits.is_empty() {
        d.name.clone()
    } else {
        format!("{}: {}", d.name, bits.join(", "))
    }
}

/// `2026-10-31` as the language writes it: `31-10-2026` in Dutch.
pub fn display_date(iso: &str, lang: Language) -> String {
    match (lang, iso.split('-').collect::<Vec<_>>().as_slice()) {
        (Language::Dutch, [y, m, d]) => format!("{d}-{m}-{y}"),
        _ => iso.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_each_language_writes_them() {
        assert_eq!(format_number(1234.4, Language::Dutch), "1.234");
        assert_eq!(format_number(1234.4, Language::English), "1,234");
        assert_eq!(format_number(2.75, Language::Dutch), "2,8");
        assert_eq!(format_number(-3.5, Language::English), "−3.5");
        // Rounded to nothing, a small negative figure has no minus.
        assert_eq!(format_number(-0.04, Language::Dutch), "0");
        assert_eq!(format_number(-120.0, Language::Dutch), "−120");
    }
}
