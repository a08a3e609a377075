//! How much a project may hold: the file refuses more, and edits (a paste) stay within it.

/// How much a project may hold. Generous for real work, small enough that a hostile file
/// cannot make the editor crawl.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Titles, names, labels, tags.
    pub short_text_chars: usize,
    /// Descriptions, bodies, quotes.
    pub long_text_chars: usize,
    pub maps: usize,
    pub stages_per_map: usize,
    pub lanes_per_map: usize,
    pub cards_per_map: usize,
    pub curves_per_map: usize,
    pub points_per_curve: usize,
    /// Personas, stakeholders, relations, data sets, authors, tags per card, ...
    pub items: usize,
    pub evidence: usize,
    /// Review comments in a project.
    pub comments: usize,
    pub values_per_dataset: usize,
    pub images: usize,
    pub image_bytes: usize,
    /// The widest a custom emotion scale may be.
    pub max_scale_span: f64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            short_text_chars: 500,
            long_text_chars: 50_000,
            maps: 500,
            stages_per_map: 500,
            lanes_per_map: 200,
            cards_per_map: 50_000,
            curves_per_map: 100,
            points_per_curve: 10_000,
            items: 5_000,
            evidence: 100_000,
            comments: 20_000,
            values_per_dataset: 100_000,
            images: 500,
            image_bytes: 10 * 1024 * 1024,
            max_scale_span: 1000.0,
        }
    }
}
