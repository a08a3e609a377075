//! A map's changes in words, for the command line (`klantreis diff`), and as JSON.

use std::fmt::Write as _;

use super::things::ThingChange;
use super::{CardChange, Kind, MapDiff, ProjectDiff};

fn kind_word(kind: Kind) -> &'static str {
    match kind {
        Kind::Added => "added",
        Kind::Removed => "removed",
        Kind::Moved => "moved",
        Kind::Changed => "changed",
    }
}

/// A figure as the English text writes every number people read: two places at most, a real
/// minus, thousands grouped.
fn number(value: Option<f64>) -> String {
    value.map_or_else(
        || "–".to_owned(),
        |v| crate::i18n::number(v, 2, false, crate::i18n::Language::English),
    )
}

fn change(before: Option<f64>, after: Option<f64>) -> String {
    let delta = match (before, after) {
        (Some(a), Some(b)) => {
            let d = crate::i18n::number(b - a, 2, true, crate::i18n::Language::English);
            // No change is said as +0, as before.
            let d = if d == "0" { "+0".to_owned() } else { d };
            format!(" ({d})")
        }
        _ => String::new(),
    };
    format!("{} → {}{delta}", number(before), number(after))
}

fn card_line(out: &mut String, c: &CardChange) {
    let _ = write!(
        out,
        "  {:<8} {:?} ({} › {})",
        kind_word(c.kind),
        c.title,
        c.stage,
        c.lane
    );
    if let Some((stage, lane)) = &c.from {
        let _ = write!(out, ", was in {stage} › {lane}");
    }
    out.push('\n');
    for f in &c.fields {
        let _ = writeln!(
            out,
            "           {}: {:?} → {:?}",
            f.field, f.before, f.after
        );
    }
}

/// The changes of one map as text: a heading, then each kind of change under its own heading,
/// and a line that says so when nothing changed.
pub fn map_text(d: &MapDiff) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Map {:?}: {} → {}", d.title, d.from, d.to);
    if d.is_empty() {
        out.push_str("  no changes\n");
        return out;
    }
    if !d.info.is_empty() {
        out.push_str("Map\n");
        for f in &d.info {
            let _ = writeln!(out, "  {}: {:?} → {:?}", f.field, f.before, f.after);
        }
    }
    for (heading, parts) in [("Stages", &d.stages), ("Lanes", &d.lanes)] {
        if parts.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{heading}");
        for p in parts {
            match &p.was {
                Some(was) => {
                    let _ = writeln!(out, "  renamed  {was:?} → {:?}", p.name);
                }
                None => {
                    let _ = writeln!(out, "  {:<8} {:?}", kind_word(p.kind), p.name);
                }
            }
        }
    }
    if !d.cards.is_empty() {
        let count = |k| d.cards.iter().filter(|c| c.kind == k).count();
        let _ = writeln!(
            out,
            "Cards: {} added, {} removed, {} moved, {} changed",
            count(Kind::Added),
            count(Kind::Removed),
            count(Kind::Moved),
            count(Kind::Changed)
        );
        for c in &d.cards {
            card_line(&mut out, c);
        }
    }
    for c in &d.curves {
        let _ = writeln!(
            out,
            "Curve {:?}: remembered {}",
            c.name,
            change(c.remembered_before, c.remembered_after)
        );
        for s in &c.stages {
            let _ = writeln!(out, "  {}: {}", s.name, change(s.before, s.after));
        }
    }
    things_text(&mut out, &d.parts_changed);
    if !d.metrics.is_empty() {
        out.push_str("Metrics\n");
        for m in &d.metrics {
            let unit = if m.unit.is_empty() {
                String::new()
            } else {
                format!(" ({})", m.unit)
            };
            let _ = writeln!(
                out,
                "  {}{unit}, {}: {}",
                m.dataset,
                m.stage,
                change(m.before, m.after)
            );
        }
    }
    out
}

/// Things changed beyond a grid, a line each with their fields under them.
fn things_text(out: &mut String, things: &[ThingChange]) {
    for t in things {
        let _ = writeln!(
            out,
            "{} {:?}: {}",
            crate::i18n::capitalised(t.thing),
            t.name,
            kind_word(t.kind)
        );
        for f in &t.fields {
            let _ = writeln!(out, "  {}: {:?} → {:?}", f.field, f.before, f.after);
        }
    }
}

/// Two projects' changes as text: the project's own things (personas, stakeholders, evidence,
/// data sets), then every map they share, then the maps only one has.
pub fn project_text(d: &ProjectDiff) -> String {
    let mut out = String::new();
    things_text(&mut out, &d.things);
    for m in &d.maps {
        out.push_str(&map_text(m));
    }
    for title in &d.only_old {
        let _ = writeln!(out, "Map {title:?}: removed");
    }
    for title in &d.only_new {
        let _ = writeln!(out, "Map {title:?}: added");
    }
    out
}

/// Two projects' changes as JSON.
pub fn project_json(d: &ProjectDiff) -> serde_json::Value {
    serde_json::json!({
        "maps": d.maps,
        "removed_maps": d.only_old,
        "added_maps": d.only_new,
        "things": d.things,
    })
}
