//! The matrix puts each action in its quadrant and reads a drop back as scores; the roadmap
//! puts each action in its owner's row and its quarter's column.

use super::*;
use crate::model::{Owner, Stakeholder};

fn scored(title: &str, impact: u8, effort: u8) -> Action {
    Action::scored(title, impact, effort)
}

#[test]
fn each_dot_stands_in_its_quadrant_and_a_drop_reads_back_as_its_scores() {
    let project = Project::default();
    let list = [
        scored("win", 5, 1),
        scored("bet", 4, 4),
        scored("fill", 1, 2),
        scored("pit", 2, 5),
        scored("edge", 3, 3),
        scored("unscored", 0, 0),
    ];
    let refs: Vec<&Action> = list.iter().collect();
    let l = lay_out_priorities(&project, &refs, Language::English, &mut TextMeasurer::new());
    assert_eq!(l.dots.len(), 5, "the unscored one is only in the list");
    assert_eq!(l.list.len(), 6);
    let quadrant_of = |pos: Pos2| {
        l.quadrants
            .iter()
            .find(|q| q.rect.contains(pos))
            .map(|q| q.quadrant)
    };
    for (dot, a) in l.dots.iter().zip(&list) {
        assert_eq!(dot.action, a.id);
        assert_eq!(
            quadrant_of(dot.centre),
            Quadrant::of(a.impact, a.effort),
            "{}",
            a.title
        );
        assert_eq!(
            l.score_at(dot.centre),
            Some((a.impact, a.effort)),
            "{}",
            a.title
        );
        assert_eq!(l.dot_at(dot.centre), Some(a.id));
    }
    // Numbers as in the list.
    assert_eq!(&*l.list[1].number.block.lines[0].text, "2.");
    let unscored = l.unscored.as_ref().unwrap();
    assert!(
        unscored.block.lines[0]
            .text
            .starts_with("1 action is not yet scored")
    );
    // Every corner of the field, and outside it.
    let p = l.plot;
    assert_eq!(l.score_at(p.left_bottom() + vec2(1.0, -1.0)), Some((1, 1)));
    assert_eq!(l.score_at(p.right_top() + vec2(-1.0, 1.0)), Some((5, 5)));
    assert_eq!(l.score_at(p.left_top() + vec2(1.0, 1.0)), Some((5, 1)));
    assert_eq!(l.score_at(p.right_bottom() + vec2(40.0, 40.0)), None);
    assert_eq!(l.cell_centre(3, 2), l.cell_centre(3, 2));
    // The list and the matrix do not overlap, and everything is inside the page.
    assert!(l.list.iter().all(|r| r.number.pos.x > p.right()));
    let page = Rect::from_min_size(Pos2::ZERO, l.size);
    assert!(l.list.iter().all(|r| page.contains(r.meta.pos)));
}

#[test]
fn dots_of_one_cell_are_spread_so_none_hides_another() {
    let list = [scored("a", 4, 2), scored("b", 4, 2), scored("c", 4, 2)];
    let refs: Vec<&Action> = list.iter().collect();
    let l = lay_out_priorities(
        &Project::default(),
        &refs,
        Language::Dutch,
        &mut TextMeasurer::new(),
    );
    for (i, a) in l.dots.iter().enumerate() {
        for b in &l.dots[i + 1..] {
            assert!((a.centre - b.centre).length() >= a.radius * 2.0 - 0.5);
        }
        assert_eq!(l.score_at(a.centre), Some((4, 2)));
        assert_eq!(l.dot_at(a.centre), Some(a.action));
    }
}

#[test]
fn the_roadmap_has_a_row_per_owner_and_a_column_per_quarter() {
    let mut project = Project::default();
    project.stakeholders.push(Stakeholder {
        name: "Schadeafdeling".into(),
        ..Stakeholder::default()
    });
    let claims = Some(Owner::Stakeholder(project.stakeholders[0].id));
    let named = Some(Owner::Named("Expertisebureau".into()));
    let at = |title: &str, owner: &Option<Owner>, due: &str, status| Action {
        title: title.to_owned(),
        owner: owner.clone(),
        due: due.to_owned(),
        status,
        ..Action::default()
    };
    let list = [
        at("a", &claims, "2026-Q3", ActionStatus::Planned),
        at("b", &named, "2027-03-31", ActionStatus::InProgress),
        at("c", &claims, "2026-Q3", ActionStatus::Idea),
        at("d", &None, "", ActionStatus::Idea),
        at("e", &claims, "2026-Q4", ActionStatus::Dropped),
    ];
    let refs: Vec<&Action> = list.iter().collect();
    let l = lay_out_timeline(&project, &refs, Language::Dutch, &mut TextMeasurer::new());
    let labels: Vec<&str> = l
        .columns
        .iter()
        .map(|c| &*c.label.block.lines[0].text)
        .collect();
    assert_eq!(labels, ["Q3 2026", "Q4 2026", "Q1 2027", "Niet gepland"]);
    let rows: Vec<&str> = l
        .rows
        .iter()
        .map(|r| &*r.name.block.lines[0].text)
        .collect();
    assert_eq!(rows, ["Expertisebureau", "Schadeafdeling", "geen eigenaar"]);
    assert_eq!(l.bars.len(), 4, "a dropped action is left out");
    let cell = |title: &str| {
        let bar = l
            .bars
            .iter()
            .find(|b| &*b.title.block.lines[0].text == title)
            .unwrap();
        let c = l
            .columns
            .iter()
            .position(|c| c.rect.contains(bar.rect.center()));
        let r = l
            .rows
            .iter()
            .position(|r| r.rect.contains(bar.rect.center()));
        (r, c)
    };
    assert_eq!(cell("a"), (Some(1), Some(0)));
    assert_eq!(cell("c"), (Some(1), Some(0)));
    assert_eq!(cell("b"), (Some(0), Some(2)));
    assert_eq!(cell("d"), (Some(2), Some(3)));
    // Two in one cell are stacked, not on top of each other.
    let (a, c) = (&l.bars[0], &l.bars[1]);
    assert!(!a.rect.intersects(c.rect));
    the_grid_holds_together(&l);
}

/// The roadmap's grid: rows one under the other from the columns' heads down, as wide as the
/// owner names and the columns together; columns side by side to the rows' right edge; every
/// bar wholly inside its row and its column, its words inside it; all of it on the page, under
/// the title.
fn the_grid_holds_together(l: &TimelineLayout) {
    let page = Rect::from_min_size(Pos2::ZERO, l.size);
    let head = l.columns[0].rect.top();
    let under_title = l.subtitle.pos.y + l.subtitle.block.size.y;
    assert!(
        under_title <= head + 0.01 && head - under_title < 50.0,
        "{under_title} {head}"
    );
    assert!(l.title.pos.x < l.rows[0].rect.left() + 0.01);
    assert!((l.rows[0].rect.top() - (head + 24.0)).abs() < 0.01);
    for pair in l.rows.windows(2) {
        assert!((pair[0].rect.bottom() - pair[1].rect.top()).abs() < 0.01);
        assert_eq!(pair[0].rect.x_range(), pair[1].rect.x_range());
    }
    for pair in l.columns.windows(2) {
        assert!((pair[0].rect.right() - pair[1].rect.left()).abs() < 0.01);
    }
    let last = l.columns.last().unwrap().rect;
    assert!((last.right() - l.rows[0].rect.right()).abs() < 0.01);
    assert!((last.bottom() - l.rows.last().unwrap().rect.bottom()).abs() < 0.01);
    let first_column = l.columns[0].rect.left();
    for row in &l.rows {
        assert!(page.contains_rect(row.rect));
        assert!(row.rect.contains(row.name.pos));
        assert!(row.rect.left() < first_column);
        // The owner's name in the owners' column, at the row's top, wrapped to fit it.
        assert!(row.name.pos.x - row.rect.left() < 10.0);
        assert!(row.name.pos.y - row.rect.top() < 12.0);
        assert!(
            row.name.pos.x + row.name.block.size.x <= first_column,
            "{:?}",
            row.name.pos
        );
    }
    for column in &l.columns {
        assert!(column.rect.contains(column.label.pos));
        // The quarter's name over the rows, inside its column.
        assert!(column.label.pos.y + column.label.block.size.y <= l.rows[0].rect.top());
        assert!(column.label.pos.x + column.label.block.size.x <= column.rect.right());
    }
    for (i, a) in l.bars.iter().enumerate() {
        for b in &l.bars[i + 1..] {
            assert!(!a.rect.intersects(b.rect), "{:?} and {:?}", a.rect, b.rect);
        }
    }
    for bar in &l.bars {
        let row = l
            .rows
            .iter()
            .find(|r| r.rect.contains(bar.rect.center()))
            .unwrap();
        let column = l
            .columns
            .iter()
            .find(|c| c.rect.contains(bar.rect.center()))
            .unwrap();
        assert!(
            row.rect.contains_rect(bar.rect),
            "{:?} in {:?}",
            bar.rect,
            row.rect
        );
        assert!(column.rect.contains_rect(bar.rect));
        assert!(bar.rect.contains(bar.title.pos) && bar.rect.contains(bar.status_name.pos));
        assert!(bar.status_name.pos.y > bar.title.pos.y);
    }
    assert!(page.max.y >= l.rows.last().unwrap().rect.bottom());
    // A row is as tall as its fullest cell needs, no taller.
    for row in &l.rows {
        let lowest = l
            .bars
            .iter()
            .filter(|b| row.rect.contains(b.rect.center()))
            .map(|b| b.rect.bottom())
            .fold(row.rect.top(), f32::max);
        assert!(
            row.rect.bottom() - lowest <= 12.0,
            "{:?} ends {lowest}",
            row.rect
        );
    }
}

#[test]
fn quarters_past_the_twelfth_join_the_last_column() {
    let list: Vec<Action> = ["2026-Q1", "2030-Q2"]
        .iter()
        .map(|due| Action {
            title: (*due).to_owned(),
            due: (*due).to_owned(),
            ..Action::default()
        })
        .collect();
    let refs: Vec<&Action> = list.iter().collect();
    let l = lay_out_timeline(
        &Project::default(),
        &refs,
        Language::English,
        &mut TextMeasurer::new(),
    );
    assert_eq!(l.columns.len(), MAX_QUARTERS);
    assert_eq!(
        &*l.columns.last().unwrap().label.block.lines[0].text,
        "Q4 2028 and later"
    );
    let last = l.columns.last().unwrap().rect;
    assert!(last.contains(l.bars[1].rect.center()));
    // Nothing planned at all: one column, and no row without an action.
    let none = lay_out_timeline(
        &Project::default(),
        &[],
        Language::English,
        &mut TextMeasurer::new(),
    );
    assert!(none.columns.is_empty() && none.rows.is_empty() && none.bars.is_empty());
}

/// Reported: one owner written once as "Één loket" and once as "ÉÉN LOKET" got one row, but the
/// second action was looked up by ASCII case only, missed it, and went to the row after the
/// last (out of bounds when no action was without an owner). Names are the same whatever the
/// case of their letters, accented ones too.
#[test]
fn an_owner_written_in_other_capitals_shares_its_row() {
    let project = Project::default();
    let owned = |title: &str, name: &str| Action {
        title: title.to_owned(),
        owner: Some(Owner::Named(name.to_owned())),
        due: "2026-Q3".to_owned(),
        ..Action::default()
    };
    let list = [owned("a", "Één loket"), owned("b", "ÉÉN LOKET")];
    let refs: Vec<&Action> = list.iter().collect();
    let l = lay_out_timeline(&project, &refs, Language::Dutch, &mut TextMeasurer::new());
    assert_eq!(l.rows.len(), 1);
    assert!(
        l.bars
            .iter()
            .all(|b| l.rows[0].rect.contains(b.rect.center()))
    );
}

/// An owner with a long name, and several actions in one cell: the grid still holds together.
#[test]
fn a_long_owner_name_and_a_full_cell_keep_to_their_places() {
    let project = Project::default();
    let owned = |title: &str| Action {
        title: title.to_owned(),
        // Short words fill each line close to the width it may take.
        owner: Some(Owner::Named("ab ".repeat(40).trim().to_owned())),
        due: "2026-Q3".to_owned(),
        ..Action::default()
    };
    let list = [owned("a"), owned("b"), owned("c")];
    let refs: Vec<&Action> = list.iter().collect();
    let l = lay_out_timeline(&project, &refs, Language::Dutch, &mut TextMeasurer::new());
    assert_eq!(l.bars.len(), 3);
    the_grid_holds_together(&l);
}
