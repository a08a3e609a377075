//! Every user-visible string, in English and Dutch.
//!
//! The texts live in `locales/app.yml` (rust-i18n's format 2: each key lists its English and
//! Dutch text side by side) and are compiled into the binary. Code asks for a text by key:
//! [`tr`] in the language of the user interface, [`tr_in`] in a given language (the map's own
//! texts follow the project's language, not the reader's), [`tr_args`] with `%{name}`
//! placeholders and [`tr_count`] for a number that decides between singular and plural.
//!
//! The interface language is kept per thread: the UI thread sets it once per frame from the
//! settings, so tests that run side by side in one process can each use their own language.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt::Display;

use crate::model::{Channel, LaneKind, MapKind};

/// A language the user interface and the templates are written in.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Language {
    #[default]
    English,
    Dutch,
}

impl Language {
    /// Every language, in menu order.
    pub const ALL: [Self; 2] = [Self::English, Self::Dutch];

    /// The BCP 47 tag (`en`, `nl`).
    pub fn tag(self) -> &'static str {
        match self {
            Self::English => "en",
            Self::Dutch => "nl",
        }
    }

    /// The language's name in itself, as language menus show it.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::Dutch => "Nederlands",
        }
    }

    /// The language for a locale such as `nl`, `nl-BE`, `nl_NL.UTF-8` or `en-US`; `None` for one
    /// Klantreis does not speak.
    pub fn from_locale(locale: &str) -> Option<Self> {
        let primary = locale
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "nl" => Some(Self::Dutch),
            "en" => Some(Self::English),
            _ => None,
        }
    }

    /// The language of a project's text (its `language` tag), English where it is neither.
    pub fn of_text(tag: &str) -> Self {
        Self::from_locale(tag).unwrap_or_default()
    }

    /// The language of the system's locale, English where the system speaks neither.
    pub fn system() -> Self {
        sys_locale::get_locales()
            .find_map(|l| Self::from_locale(&l))
            .unwrap_or_default()
    }
}

/// A number as `language` writes it, rounded to at most `decimals` places with trailing zeros
/// dropped: `−0,5`, `2,8` and `1.234` in Dutch, `−0.5`, `2.8` and `1,234` in English. Thousands
/// are grouped from 1 000 on; the minus is a real minus sign (`−`), and `signed` puts a `+`
/// before a positive figure. The one way a figure is written for people, in every language
/// and on every surface (poster, report, persona sheet, command line).
pub fn number(value: f64, decimals: usize, signed: bool, language: Language) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let text = format!("{:.*}", decimals.min(9), value.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = frac.trim_end_matches('0');
    let (group, point) = match language {
        Language::Dutch => ('.', ','),
        Language::English => (',', '.'),
    };
    let mut out = String::new();
    // A sign only where the rounded figure is not zero.
    let zero = int.bytes().all(|b| b == b'0') && frac.is_empty();
    if !zero && value < 0.0 {
        out.push('−');
    } else if !zero && signed {
        out.push('+');
    }
    let grouping = int.len() > 3;
    for (i, c) in int.chars().enumerate() {
        if grouping && i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// A score on `scale` as `language` writes it, to `decimals` places: `+2` and `−1` on a scale
/// around zero, `3,5` on one that starts above it.
pub fn score(
    scale: crate::model::EmotionScale,
    value: f64,
    decimals: usize,
    language: Language,
) -> String {
    number(value, decimals, scale.min() < 0.0, language)
}

/// A scale's short label, such as `−2..+2` or `1..5`.
pub fn scale_label(scale: crate::model::EmotionScale, language: Language) -> String {
    format!(
        "{}..{}",
        score(scale, scale.min(), 2, language),
        score(scale, scale.max(), 2, language)
    )
}

thread_local! {
    static CURRENT: Cell<Language> = const { Cell::new(Language::English) };
}

/// Sets the interface language of this thread.
pub fn set_language(language: Language) {
    CURRENT.with(|c| c.set(language));
}

/// The interface language of this thread.
pub fn language() -> Language {
    CURRENT.with(Cell::get)
}

/// The text for `key` in the interface language.
pub fn tr(key: &'static str) -> Cow<'static, str> {
    tr_in(language(), key)
}

/// The text for `key` in `language`; the English text where the translation is missing, and
/// the key itself where both are (a test keeps both catalogues complete).
pub fn tr_in(language: Language, key: &'static str) -> Cow<'static, str> {
    lookup(language, key).unwrap_or(Cow::Borrowed(key))
}

fn lookup(language: Language, key: &str) -> Option<Cow<'static, str>> {
    crate::_rust_i18n_try_translate(language.tag(), key)
        .or_else(|| crate::_rust_i18n_try_translate("en", key))
}

/// The keys of the undo steps' labels, read once from the locale file the texts come from.
fn undo_keys() -> &'static [String] {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        include_str!("../locales/app.yml")
            .lines()
            .filter_map(|l| l.strip_prefix('"')?.strip_suffix("\":"))
            .filter(|k| k.split('.').next() == Some("undo"))
            .map(str::to_owned)
            .collect()
    })
}

/// An undo step's label written in `from`, in `to`: the menus keep speaking one language after
/// the interface language changes ("Titel bewerken" becomes "Edit title"). A label with one
/// `%{name}` keeps its name. `None` for text that is no label.
pub fn relabel(label: &str, from: Language, to: Language) -> Option<String> {
    undo_keys().iter().find_map(|key| {
        let template = lookup(from, key)?;
        let target = lookup(to, key)?;
        let Some((open, rest)) = template.split_once("%{") else {
            return (template == label).then(|| target.into_owned());
        };
        let (name, close) = rest.split_once('}')?;
        let value = label.strip_prefix(open)?.strip_suffix(close)?;
        Some(target.replace(&format!("%{{{name}}}"), value))
    })
}

/// The text for `key` in the interface language with each `%{name}` replaced by its value.
pub fn tr_args(key: &'static str, args: &[(&str, &dyn Display)]) -> String {
    tr_args_in(language(), key, args)
}

/// The text for `key` in `language` with each `%{name}` replaced by its value.
pub fn tr_args_in(language: Language, key: &'static str, args: &[(&str, &dyn Display)]) -> String {
    fill(tr_in(language, key).into_owned(), args)
}

fn fill(mut text: String, args: &[(&str, &dyn Display)]) -> String {
    for (name, value) in args {
        text = text.replace(&format!("%{{{name}}}"), &value.to_string());
    }
    text
}

/// The text for `key` with `%{count}` set to `count`: the key's `.one` form for 1, its `.other`
/// form otherwise (English and Dutch agree on when to use the plural).
pub fn tr_count(key: &'static str, count: usize) -> String {
    tr_count_in(language(), key, count, &[])
}

/// [`tr_count`] in `language`, with more `%{name}` values to fill in.
pub fn tr_count_in(
    language: Language,
    key: &'static str,
    count: usize,
    args: &[(&str, &dyn Display)],
) -> String {
    let form = format!("{key}.{}", if count == 1 { "one" } else { "other" });
    let text = lookup(language, &form).map_or(form, Cow::into_owned);
    fill(fill(text, &[("count", &count)]), args)
}

/// The name of a lane kind in `language`.
pub fn lane_kind_name(language: Language, kind: LaneKind) -> Cow<'static, str> {
    tr_in(
        language,
        match kind {
            LaneKind::CustomerActions => "lane_kind.customer_actions",
            LaneKind::Touchpoints => "lane_kind.touchpoints",
            LaneKind::Channels => "lane_kind.channels",
            LaneKind::Thoughts => "lane_kind.thoughts",
            LaneKind::Emotions => "lane_kind.emotions",
            LaneKind::PainPoints => "lane_kind.pain_points",
            LaneKind::Opportunities => "lane_kind.opportunities",
            LaneKind::Owners => "lane_kind.owners",
            LaneKind::Frontstage => "lane_kind.frontstage",
            LaneKind::Backstage => "lane_kind.backstage",
            LaneKind::SupportProcesses => "lane_kind.support_processes",
            LaneKind::Metrics => "lane_kind.metrics",
            LaneKind::Evidence => "lane_kind.evidence",
            LaneKind::Quotes => "lane_kind.quotes",
            LaneKind::Custom => "lane_kind.custom",
        },
    )
}

/// The name of a ring of the stakeholder map in `language`.
pub fn ring_name(language: Language, ring: crate::model::Ring) -> Cow<'static, str> {
    use crate::model::Ring;
    tr_in(
        language,
        match ring {
            Ring::Customer => "ring.customer",
            Ring::Core => "ring.core",
            Ring::Direct => "ring.direct",
            Ring::Indirect => "ring.indirect",
        },
    )
}

/// The name of a kind of relation in `language`.
pub fn relation_kind_name(
    language: Language,
    kind: crate::model::RelationKind,
) -> Cow<'static, str> {
    use crate::model::RelationKind as K;
    tr_in(
        language,
        match kind {
            K::Information => "relation.information",
            K::Money => "relation.money",
            K::Service => "relation.service",
            K::Goods => "relation.goods",
            K::Trust => "relation.trust",
        },
    )
}

/// The name of a channel in `language`; an `Other` channel's own name.
pub fn channel_name(language: Language, channel: &Channel) -> Cow<'static, str> {
    let key = match channel {
        Channel::Post => "channel.post",
        Channel::Phone => "channel.phone",
        Channel::Store => "channel.store",
        Channel::Web => "channel.web",
        Channel::App => "channel.app",
        Channel::Email => "channel.email",
        Channel::Meeting => "channel.meeting",
        Channel::Chat => "channel.chat",
        Channel::SocialMedia => "channel.social_media",
        Channel::Video => "channel.video",
        Channel::SelfService => "channel.self_service",
        Channel::Other(name) => return Cow::Owned(name.clone()),
    };
    tr_in(language, key)
}

/// `word` with its first letter a capital ("data set" → "Data set").
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The name of an action's status in `language`.
pub fn action_status_name(
    language: Language,
    status: crate::model::ActionStatus,
) -> Cow<'static, str> {
    use crate::model::ActionStatus as S;
    tr_in(
        language,
        match status {
            S::Idea => "action.status.idea",
            S::Planned => "action.status.planned",
            S::InProgress => "action.status.in_progress",
            S::Done => "action.status.done",
            S::Dropped => "action.status.dropped",
        },
    )
}

/// The name of a quadrant of the impact × effort matrix in `language` ("Quick wins").
pub fn quadrant_name(language: Language, quadrant: crate::model::Quadrant) -> Cow<'static, str> {
    use crate::model::Quadrant as Q;
    tr_in(
        language,
        match quadrant {
            Q::QuickWin => "action.quadrant.quick_win",
            Q::BigBet => "action.quadrant.big_bet",
            Q::FillIn => "action.quadrant.fill_in",
            Q::MoneyPit => "action.quadrant.money_pit",
        },
    )
}

/// What a quadrant advises, in `language` ("high impact, little effort: do first").
pub fn quadrant_advice(language: Language, quadrant: crate::model::Quadrant) -> Cow<'static, str> {
    use crate::model::Quadrant as Q;
    tr_in(
        language,
        match quadrant {
            Q::QuickWin => "action.quadrant.quick_win.advice",
            Q::BigBet => "action.quadrant.big_bet.advice",
            Q::FillIn => "action.quadrant.fill_in.advice",
            Q::MoneyPit => "action.quadrant.money_pit.advice",
        },
    )
}

/// The name of a kind of map in `language`.
pub fn map_kind_name(language: Language, kind: MapKind) -> Cow<'static, str> {
    tr_in(
        language,
        match kind {
            MapKind::CustomerJourney => "map_kind.journey",
            MapKind::CustomerExperience => "map_kind.experience",
            MapKind::ServiceBlueprint => "map_kind.blueprint",
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_map_to_languages() {
        assert_eq!(Language::from_locale("nl"), Some(Language::Dutch));
        assert_eq!(Language::from_locale("nl-BE"), Some(Language::Dutch));
        assert_eq!(Language::from_locale("nl_NL.UTF-8"), Some(Language::Dutch));
        assert_eq!(Language::from_locale("en-GB"), Some(Language::English));
        assert_eq!(Language::from_locale("de-DE"), None);
        assert_eq!(Language::from_locale(""), None);
    }

    #[test]
    fn numbers_are_written_as_each_language_writes_them() {
        let (nl, en) = (Language::Dutch, Language::English);
        assert_eq!(number(-0.5, 1, false, nl), "−0,5");
        assert_eq!(number(-0.5, 1, false, en), "−0.5");
        assert_eq!(number(2.8, 2, false, nl), "2,8");
        assert_eq!(number(1234.0, 1, false, nl), "1.234");
        assert_eq!(number(1234.5, 1, false, en), "1,234.5");
        assert_eq!(number(123.0, 0, false, nl), "123");
        assert_eq!(number(1.26, 1, true, nl), "+1,3");
        assert_eq!(number(-0.04, 1, true, nl), "0");
        assert_eq!(number(0.0, 1, true, en), "0");
        assert_eq!(number(1_234_567.0, 0, false, nl), "1.234.567");
        assert_eq!(number(f64::NAN, 1, false, nl), "–");
        assert_eq!(number(1e300, 0, false, en).len(), 301 + 100);
    }

    #[test]
    fn scores_are_written_as_the_scale_and_the_language_read_them() {
        use crate::model::EmotionScale as S;
        let (nl, en) = (Language::Dutch, Language::English);
        assert_eq!(score(S::MinusFiveToFive, 3.0, 1, nl), "+3");
        assert_eq!(score(S::MinusFiveToFive, -0.375, 2, nl), "−0,38");
        assert_eq!(score(S::OneToFive, 3.5, 1, nl), "3,5");
        assert_eq!(score(S::OneToFive, 3.5, 1, en), "3.5");
        assert_eq!(score(S::MinusTwoToTwo, -0.04, 1, en), "0");
        assert_eq!(scale_label(S::MinusTwoToTwo, nl), "−2..+2");
        assert_eq!(scale_label(S::OneToTen, en), "1..10");
    }

    #[test]
    fn undo_labels_are_said_again_in_another_language() {
        let (nl, en) = (Language::Dutch, Language::English);
        let dutch = tr_in(nl, "undo.edit_map").into_owned();
        assert_eq!(
            relabel(&dutch, nl, en).as_deref(),
            Some(&*tr_in(en, "undo.edit_map"))
        );
        let import = tr_args_in(nl, "undo.import", &[("name", &"CSAT")]);
        assert_eq!(
            relabel(&import, nl, en),
            Some(tr_args_in(en, "undo.import", &[("name", &"CSAT")]))
        );
        assert_eq!(relabel("iets anders", nl, en), None);
    }

    #[test]
    fn texts_follow_the_thread_language() {
        set_language(Language::Dutch);
        assert_eq!(tr("menu.file"), "Bestand");
        assert_eq!(tr_count("status.selected", 1), "1 geselecteerd");
        set_language(Language::English);
        assert_eq!(tr("menu.file"), "File");
        assert_eq!(tr_count("status.selected", 3), "3 selected");
        assert_eq!(tr_in(Language::Dutch, "menu.edit"), "Bewerken");
    }

    #[test]
    fn a_missing_key_shows_itself() {
        assert_eq!(tr("no.such.key"), "no.such.key");
    }
}
