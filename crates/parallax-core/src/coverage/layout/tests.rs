//! The matrix layout over small hand-made matrices: sizes, positions, wrapped headings, second
//! lines, empty cells and bars to scale; and the SVG drawn from it.

use super::*;

/// Support quoted, oppose reported, neutral in the outlet's words: `[[sq, sr, so], [oq, or, oo],
/// [nq, nr, no]]`.
fn counts(n: [[u32; 3]; 3]) -> Counts {
    Counts::from_grid(n)
}

const EMPTY: [[u32; 3]; 3] = [[0; 3]; 3];

fn row(
    key: &str,
    group: &str,
    via: &[&str],
    articles: usize,
    cells: &[[[u32; 3]; 3]],
) -> MatrixRow {
    MatrixRow {
        key: key.into(),
        label: key.to_uppercase(),
        group: group.into(),
        articles,
        via: via.iter().map(|v| v.to_string()).collect(),
        cells: cells.iter().map(|c| counts(*c)).collect(),
    }
}

fn matrix(by: Rows, targets: &[&str], rows: Vec<MatrixRow>) -> Matrix {
    Matrix {
        rows_by: by,
        targets: targets
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("t{i}"), t.to_string()))
            .collect(),
        rows,
    }
}

#[test]
fn sizes_follow_the_rows_and_columns() {
    let one = [[1, 0, 0], [0; 3], [0; 3]];
    for (name, m, rows, columns, width, height) in [
        (
            "no rows, no targets: room for one row",
            matrix(Rows::Outlets, &[], vec![]),
            0,
            0,
            246.0,
            204.0,
        ),
        (
            "two rows by three targets",
            matrix(
                Rows::Outlets,
                &["A", "B", "C"],
                vec![
                    row("tass", "", &[], 2, &[one, EMPTY, EMPTY]),
                    row("reuters", "", &[], 1, &[EMPTY, one, one]),
                ],
            ),
            2,
            3,
            546.0,
            244.0,
        ),
    ] {
        let l = m.layout();
        assert_eq!(l.rows.len(), rows, "{name}");
        assert_eq!(l.columns.len(), columns, "{name}");
        assert!(l.rows.iter().all(|r| r.cells.len() == columns), "{name}");
        assert_eq!((l.width, l.height), (width, height), "{name}");
    }
}

#[test]
fn rows_and_columns_are_placed_on_a_grid() {
    let m = matrix(
        Rows::Actors,
        &["A", "B", "C"],
        vec![
            row("eu", "EU", &[], 1, &[EMPTY; 3]),
            row("kremlin", "Russia", &[], 1, &[EMPTY; 3]),
            row("putin", "Russia", &[], 1, &[EMPTY; 3]),
        ],
    );
    let l = m.layout();
    let xs: Vec<f64> = l.columns.iter().map(|c| c.x).collect();
    assert_eq!(xs, [236.0, 336.0, 436.0]);
    let ys: Vec<f64> = l.rows.iter().map(|r| r.y).collect();
    assert_eq!(ys, [108.0, 148.0, 188.0]);
    for r in &l.rows {
        let cell_xs: Vec<f64> = r.cells.iter().map(|c| c.x).collect();
        assert_eq!(cell_xs, xs, "a cell sits in its column");
        let keys: Vec<&str> = r.cells.iter().map(|c| c.target.as_str()).collect();
        assert_eq!(keys, ["t0", "t1", "t2"]);
    }
    assert_eq!(l.heading, "Actor");
    assert_eq!(
        matrix(Rows::Outlets, &[], vec![]).layout().heading,
        "Outlet"
    );
}

#[test]
fn column_headings_wrap_into_at_most_three_lines() {
    for (label, want) in [
        ("Sanctions", &["Sanctions"][..]),
        ("Election legitimacy", &["Election", "legitimacy"]),
        ("Release of farmers", &["Release of", "farmers"]),
        (
            "Dialogue between authorities and opposition",
            &["Dialogue", "between", "authorities…"],
        ),
        (
            "Überprüfung der Wahlergebnisse",
            &["Überprüfung", "der", "Wahlergebnisse"],
        ),
        ("Санкции ЕС", &["Санкции ЕС"]),
        ("", &[]),
    ] {
        let l = matrix(Rows::Outlets, &[label], vec![]).layout();
        assert_eq!(l.columns[0].lines, want, "{label:?}");
        assert_eq!(l.columns[0].label, label, "the whole label is kept");
    }
}

#[test]
fn a_rows_second_line_names_its_group_and_outlets_or_counts_its_articles() {
    for (name, r, want) in [
        ("an outlet", row("tass", "", &[], 2, &[]), "2 articles"),
        (
            "an outlet of one article",
            row("tass", "", &[], 1, &[]),
            "1 article",
        ),
        (
            "an actor's group",
            row("eu", "European Union", &[], 1, &[]),
            "European Union",
        ),
        (
            "an actor heard in outlets",
            row("putin", "Russia", &["Reuters", "TASS"], 2, &[]),
            "Russia · in Reuters, TASS",
        ),
    ] {
        let l = matrix(Rows::Actors, &[], vec![r]).layout();
        assert_eq!(l.rows[0].sub, want, "{name}");
    }
}

#[test]
fn empty_cells_have_no_signs_and_no_bar_and_bars_are_to_scale() {
    let m = matrix(
        Rows::Outlets,
        &["A", "B", "C"],
        vec![row(
            "tass",
            "",
            &[],
            1,
            &[
                [[2, 1, 0], [0, 0, 1], [0; 3]],
                EMPTY,
                [[0; 3], [0; 3], [1, 0, 1]],
            ],
        )],
    );
    let l = m.layout();
    let cells = &l.rows[0].cells;
    for (name, c, empty, signs, segments, drawn) in [
        (
            "the fullest cell: for and against",
            &cells[0],
            false,
            &[(Polarity::Support, 3), (Polarity::Oppose, 1)][..],
            3,
            BAR_WIDTH,
        ),
        ("an empty cell", &cells[1], true, &[], 0, 0.0),
        (
            "a neutral cell of two",
            &cells[2],
            false,
            &[(Polarity::NeutralReport, 2)],
            2,
            BAR_WIDTH / 2.0,
        ),
    ] {
        assert_eq!(c.is_empty(), empty, "{name}");
        assert_eq!(c.signs, signs, "{name}");
        assert_eq!(c.bar.len(), segments, "{name}");
        let length: f64 = c.bar.iter().map(|s| s.width + 1.0).sum();
        assert!((length - drawn).abs() < 1e-9, "{name}: {length} ≠ {drawn}");
    }
}

#[test]
fn the_svg_draws_the_layout() {
    let m = matrix(
        Rows::Outlets,
        &["Dialogue between authorities and opposition", "B"],
        vec![row(
            "tass",
            "",
            &[],
            3,
            &[[[1, 1, 0], [0, 0, 1], [0; 3]], EMPTY],
        )],
    );
    let l = m.layout();
    let svg = m.svg("T");
    assert_eq!(svg, l.svg("T"), "Matrix::svg is its layout's");
    assert!(svg.contains(&format!("viewBox=\"0 0 {} {}\"", l.width, l.height)));
    for line in &l.columns[0].lines {
        assert!(svg.contains(&format!(">{line}</text>")), "{line}");
    }
    assert!(svg.contains(">TASS</text>") && svg.contains(">3 articles</text>"));
    assert_eq!(
        svg.matches(">–</text>").count(),
        1,
        "one empty cell, one dash"
    );
    assert_eq!(svg.matches("<rect x=").count(), 3, "a rect per bar segment");
}
