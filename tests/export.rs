#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Exports written for real and read back: page sizes, text, fonts, pixels, escaping.

use std::path::{Path, PathBuf};

use klantreis::export::{
    ExportError, ExportOptions, Format, Orientation, PageSetup, PaperSize, Scale, Tiling, Written,
};
use klantreis::model::{Map, Project};

/// Exports as the app and the command line do: the bytes saved atomically to `path`.
fn export_map(
    project: &Project,
    map: &Map,
    options: &ExportOptions,
    path: &Path,
) -> Result<Written, ExportError> {
    klantreis::file::replace_with(path, |out| {
        klantreis::export::export_map(project, map, options, out)
    })
    .map_err(|e| e.flatten().at(path))
}

fn example(name: &str) -> Project {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name);
    klantreis::file::load(&path).unwrap().project
}

fn out(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    dir.path().join(name)
}

fn media_boxes(doc: &lopdf::Document) -> Vec<(f32, f32)> {
    doc.get_pages()
        .values()
        .map(|id| {
            let page = doc.get_dictionary(*id).unwrap();
            let mb = page.get(b"MediaBox").unwrap().as_array().unwrap();
            let n = |i: usize| mb[i].as_float().unwrap();
            (n(2) - n(0), n(3) - n(1))
        })
        .collect()
}

/// The fonts a content stream names, by resource name.
type Encodings<'a> = std::collections::HashMap<Vec<u8>, lopdf::Encoding<'a>>;

/// The content streams that draw `page`: its own content, and every form `XObject` it (or one
/// of them) draws; each with the fonts it names.
fn drawings(doc: &lopdf::Document, page: lopdf::ObjectId) -> Vec<(Vec<u8>, Encodings<'_>)> {
    use lopdf::Object;
    let resolve = |o: &Object| -> Option<lopdf::Dictionary> {
        match o {
            Object::Reference(id) => doc.get_dictionary(*id).ok().cloned(),
            Object::Dictionary(d) => Some(d.clone()),
            _ => None,
        }
    };
    let encodings = |resources: Option<lopdf::Dictionary>| {
        resources
            .and_then(|r| r.get(b"Font").ok().and_then(resolve))
            .map(|fonts| {
                fonts
                    .iter()
                    .filter_map(|(name, f)| {
                        let f = match f {
                            Object::Reference(id) => doc.get_dictionary(*id).ok()?,
                            _ => return None,
                        };
                        Some((name.clone(), f.get_font_encoding(doc).ok()?))
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let forms = |resources: Option<lopdf::Dictionary>| -> Vec<lopdf::ObjectId> {
        resources
            .and_then(|r| r.get(b"XObject").ok().and_then(resolve))
            .map(|x| {
                x.iter()
                    .filter_map(|(_, o)| o.as_reference().ok())
                    .collect()
            })
            .unwrap_or_default()
    };
    let page_dict = doc.get_dictionary(page).unwrap();
    let page_resources = page_dict.get(b"Resources").ok().and_then(resolve);
    let mut out = vec![(
        doc.get_page_content(page),
        encodings(page_resources.clone()),
    )];
    let mut pending = forms(page_resources);
    let mut seen = std::collections::HashSet::new();
    while let Some(id) = pending.pop() {
        if !seen.insert(id) {
            continue;
        }
        let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
            continue;
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
            continue;
        }
        let resources = stream.dict.get(b"Resources").ok().and_then(resolve);
        pending.extend(forms(resources.clone()));
        if let Ok(content) = stream.decompressed_content() {
            out.push((content, encodings(resources)));
        }
    }
    out
}

/// All text of the document, page by page, decoded through the fonts' `ToUnicode` maps.
fn text_of(doc: &lopdf::Document) -> String {
    page_texts(doc).concat()
}

/// The text of each page, in page order.
fn page_texts(doc: &lopdf::Document) -> Vec<String> {
    doc.get_pages()
        .into_values()
        .map(|page| page_text(doc, page))
        .collect()
}

fn page_text(doc: &lopdf::Document, page: lopdf::ObjectId) -> String {
    use lopdf::Object;
    let mut text = String::new();
    {
        for (content, encodings) in drawings(doc, page) {
            let Ok(content) = lopdf::content::Content::decode(&content) else {
                continue;
            };
            let mut current = None;
            for op in &content.operations {
                match op.operator.as_str() {
                    "Tf" => {
                        current = op
                            .operands
                            .first()
                            .and_then(|o| o.as_name().ok())
                            .and_then(|n| encodings.get(n));
                    }
                    "Tj" | "TJ" => {
                        let Some(encoding) = current else { continue };
                        let mut strings = Vec::new();
                        for operand in &op.operands {
                            match operand {
                                Object::String(bytes, _) => strings.push(bytes.clone()),
                                Object::Array(items) => {
                                    for item in items {
                                        if let Object::String(bytes, _) = item {
                                            strings.push(bytes.clone());
                                        }
                                    }
                                }
                                _ => {}
                            }
                        }
                        for bytes in strings {
                            if let Ok(s) = lopdf::Document::decode_text(encoding, &bytes) {
                                text.push_str(&s);
                            }
                        }
                    }
                    "ET" => text.push('\n'),
                    _ => {}
                }
            }
        }
    }
    text
}

#[test]
fn an_a0_landscape_poster_has_the_page_size_every_card_title_and_embedded_fonts() {
    let project = example("ikea-winkelbezoek.klantreis.ron");
    let map = &project.maps[0];
    let dir = tempfile::tempdir().unwrap();
    let path = out(&dir, "ikea.pdf");
    let options = ExportOptions::default();
    assert_eq!(options.setup.paper, PaperSize::A0);
    let written = export_map(&project, map, &options, &path).unwrap();
    assert_eq!(written.pages, 1);
    let doc = lopdf::Document::load(&path).unwrap();
    let boxes = media_boxes(&doc);
    assert_eq!(boxes.len(), 1);
    assert_eq!((boxes[0].0.round(), boxes[0].1.round()), (3370.0, 2384.0));
    let text = text_of(&doc);
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let all = squeeze(&text);
    for card in &map.cards {
        // A title may wrap over lines; compare without spaces.
        assert!(
            all.contains(&squeeze(&card.title)),
            "missing {:?}",
            card.title
        );
    }
    // Every font is embedded (a font file in its descriptor).
    let mut fonts = 0;
    for object in doc.objects.values() {
        if let Ok(dict) = object.as_dict()
            && dict.get(b"Type").and_then(lopdf::Object::as_name).ok() == Some(b"FontDescriptor")
        {
            fonts += 1;
            assert!(
                dict.has(b"FontFile") || dict.has(b"FontFile2") || dict.has(b"FontFile3"),
                "a font is not embedded: {dict:?}"
            );
        }
    }
    assert!(fonts >= 2, "regular and bold");
    // Each font is embedded once, however many cards use it.
    assert!(fonts <= 4, "{fonts} font descriptors");
    // The document says what it is: the project and the map, in the project's language.
    assert_eq!(
        pdf_title(&path),
        format!("{} \u{2014} {}", project.title, map.title)
    );
    let catalog = doc.catalog().unwrap();
    let lang = lopdf::decode_text_string(catalog.get(b"Lang").unwrap()).unwrap();
    assert_eq!(lang, project.language);
}

#[test]
fn a_tiled_poster_prints_on_a4_sheets_with_an_overview() {
    let project = example("wasmachine-kapot.klantreis.ron");
    let dir = tempfile::tempdir().unwrap();
    let path = out(&dir, "tiles.pdf");
    let options = ExportOptions {
        tiling: Some(Tiling {
            sheet: PaperSize::A4,
            overlap_mm: 10.0,
        }),
        setup: PageSetup {
            paper: PaperSize::A1,
            ..PageSetup::default()
        },
        ..ExportOptions::default()
    };
    let written = export_map(&project, &project.maps[0], &options, &path).unwrap();
    let doc = lopdf::Document::load(&path).unwrap();
    let boxes = media_boxes(&doc);
    assert_eq!(boxes.len(), written.pages);
    // A1 over A4 with a 10 mm overlap: at least 2 x 4 sheets, plus the overview.
    assert!(written.pages >= 9, "{}", written.pages);
    for (w, h) in boxes {
        let (short, long) = (w.min(h).round(), w.max(h).round());
        assert_eq!((short, long), (595.0, 842.0));
    }
    let text: String = text_of(&doc).split_whitespace().collect();
    assert!(text.contains("A1·") && text.contains("B2·"), "sheet labels");
}

/// Reported: A4 sheets over an A0 poster printed three completely blank sheets. A sheet that
/// nothing of the poster falls on is left out, and the export and the overview say how many.
#[test]
fn blank_sheets_of_a_tiled_poster_are_left_out_and_counted() {
    let project = example("waterschade-claim.klantreis.ron");
    let dir = tempfile::tempdir().unwrap();
    let path = out(&dir, "tiles.pdf");
    let options = ExportOptions {
        tiling: Some(Tiling {
            sheet: PaperSize::A4,
            overlap_mm: 10.0,
        }),
        ..ExportOptions::default()
    };
    let written = export_map(&project, &project.maps[0], &options, &path).unwrap();
    let doc = lopdf::Document::load(&path).unwrap();
    // The grid is 5 × 5; the fifth column holds nothing but its last sheet (the title block).
    assert_eq!(written.blank_sheets, 4);
    assert_eq!(written.pages, 1 + 25 - 4);
    assert_eq!(media_boxes(&doc).len(), written.pages);
    let overview = doc.extract_text(&[1]).unwrap();
    assert!(overview.contains("4 lege vellen weggelaten"), "{overview}");
    let text: String = text_of(&doc).split_whitespace().collect();
    assert!(!text.contains("A5·") && text.contains("E5·"), "{text}");
    // Every sheet printed shows some of the poster besides its own label and position.
    for page in 2..=written.pages as u32 {
        let drawn = drawings(&doc, doc.get_pages()[&page]);
        assert!(!drawn.is_empty(), "sheet on page {page} is blank");
    }
}

/// The dashed glue lines drawn on one page (in the drawing its page shows): each as
/// `(vertical, length)`. The glue line is the only stroke dashed 3 on, 1.8 off.
fn glue_lines(doc: &lopdf::Document, page: lopdf::ObjectId) -> Vec<(bool, f32)> {
    use lopdf::Object;
    let number = |o: &Object| {
        o.as_float()
            .ok()
            .or_else(|| o.as_i64().ok().map(|i| i as f32))
    };
    let mut lines = Vec::new();
    for (content, _) in drawings(doc, page) {
        let content = lopdf::content::Content::decode(&content).unwrap();
        let (mut glue, mut from, mut to) = (false, None, None);
        for op in &content.operations {
            let xy = || {
                let v: Vec<f32> = op.operands.iter().filter_map(number).collect();
                (v.len() == 2).then(|| (v[0], v[1]))
            };
            match op.operator.as_str() {
                "d" => {
                    let dash: Vec<f32> = op.operands[0]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter_map(number)
                        .collect();
                    glue = dash.len() == 2
                        && (dash[0] - 3.0).abs() < 0.01
                        && (dash[1] - 1.8).abs() < 0.01;
                }
                "m" => from = xy(),
                "l" => to = xy(),
                "S" if glue => {
                    if let (Some(a), Some(b)) = (from, to) {
                        let vertical = (a.0 - b.0).abs() < 0.01;
                        lines.push((vertical, (a.0 - b.0).abs().max((a.1 - b.1).abs())));
                    }
                }
                _ => {}
            }
        }
    }
    lines
}

#[test]
fn every_sheet_with_a_neighbour_has_a_dashed_glue_line_where_it_overlaps() {
    let project = example("ikea-winkelbezoek.klantreis.ron");
    let dir = tempfile::tempdir().unwrap();
    let path = out(&dir, "tiles.pdf");
    let options = a1_over_a3();
    export_map(&project, &project.maps[0], &options, &path).unwrap();
    let doc = lopdf::Document::load(&path).unwrap();
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    // The overview, then 2 rows of 4 sheets, row by row.
    let (rows, columns) = (2, 4);
    assert_eq!(pages.len(), 1 + rows * columns);
    assert!(
        glue_lines(&doc, pages[0]).is_empty(),
        "the overview has none"
    );
    for (i, page) in pages[1..].iter().enumerate() {
        let (row, column) = (i / columns, i % columns);
        let mut lines = glue_lines(&doc, *page);
        lines.sort_by_key(|l| l.0);
        let expected: Vec<bool> = [(row + 1 < rows, false), (column + 1 < columns, true)]
            .into_iter()
            .filter_map(|(has, vertical)| has.then_some(vertical))
            .collect();
        let found: Vec<bool> = lines.iter().map(|l| l.0).collect();
        assert_eq!(found, expected, "sheet {row},{column}: {lines:?}");
        // Each runs along the sheet's part of the poster, not a dot.
        assert!(lines.iter().all(|l| l.1 > 100.0), "{lines:?}");
    }
}

#[test]
fn a_png_has_the_pixels_for_its_paper_and_dpi() {
    let project = example("library-reservation.klantreis.ron");
    let dir = tempfile::tempdir().unwrap();
    let path = out(&dir, "map.png");
    let options = ExportOptions {
        format: Format::Png,
        setup: PageSetup {
            paper: PaperSize::A3,
            orientation: Orientation::Landscape,
            ..PageSetup::default()
        },
        dpi: 100.0,
        ..ExportOptions::default()
    };
    let written = export_map(&project, &project.maps[0], &options, &path).unwrap();
    // 420 x 297 mm at 100 dpi.
    assert_eq!(written.pixels, Some((1654, 1169)));
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&path).unwrap()));
    let reader = decoder.read_info().unwrap();
    assert_eq!((reader.info().width, reader.info().height), (1654, 1169));
}

#[test]
fn an_svg_parses_and_holds_no_script_even_when_a_card_holds_markup() {
    let mut project = example("library-reservation.klantreis.ron");
    let hostile = "<script>alert('x')</script> & <b onload=\"evil()\">";
    project.maps[0].cards[0].title = hostile.to_owned();
    let dir = tempfile::tempdir().unwrap();
    let path = out(&dir, "map.svg");
    let options = ExportOptions {
        format: Format::Svg,
        setup: PageSetup {
            scale: Scale::Fixed(1.0),
            ..PageSetup::default()
        },
        ..ExportOptions::default()
    };
    export_map(&project, &project.maps[0], &options, &path).unwrap();
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(!svg.to_lowercase().contains("<script"));
    assert!(!svg.contains("<b "));
    assert!(svg.contains("&lt;script&gt;"));
    assert!(svg.contains("@font-face"), "the font travels with the file");
    let tree = usvg::Tree::from_str(&svg, &usvg::Options::default()).unwrap();
    assert!(tree.size().width() > 100.0);
}

#[test]
fn markdown_csv_and_mermaid_say_the_same_map() {
    let project = example("ikea-winkelbezoek.klantreis.ron");
    let map = &project.maps[0];
    let dir = tempfile::tempdir().unwrap();
    let read = |format, name: &str| {
        let path = out(&dir, name);
        let options = ExportOptions {
            format,
            ..ExportOptions::default()
        };
        export_map(&project, map, &options, &path).unwrap();
        std::fs::read_to_string(&path).unwrap()
    };
    let md = read(Format::Markdown, "a.md");
    assert!(md.contains("Herinnerd"), "{md}");
    assert!(md.contains("Zelfbedieningsmagazijn"));
    let csv = read(Format::Csv, "a.csv");
    // The header, a row per lane of cards, a row per curve and per data set shown, each
    // ending in CRLF (cells hold line breaks in quotes). A Dutch project opens in a Dutch
    // Excel: a byte-order mark, semicolons.
    let figures_lanes = map
        .lanes
        .iter()
        .filter(|l| matches!(l.kind, klantreis::model::LaneKind::Emotions))
        .count();
    let data_rows: usize = map
        .lanes
        .iter()
        .filter(|l| matches!(l.kind, klantreis::model::LaneKind::Metrics))
        .map(|l| klantreis::layout::shown_datasets(&project, map, l).len())
        .sum();
    // A lane of figures with cards of its own also has a row of them.
    let card_lanes = map
        .lanes
        .iter()
        .filter(|l| match l.kind {
            klantreis::model::LaneKind::Emotions => {
                map.curves.is_empty() || map.cards.iter().any(|c| c.lane == l.id)
            }
            klantreis::model::LaneKind::Metrics => {
                klantreis::layout::shown_datasets(&project, map, l).is_empty()
                    || map.cards.iter().any(|c| c.lane == l.id)
            }
            _ => true,
        })
        .count();
    assert_eq!(
        csv.matches("\r\n").count(),
        1 + card_lanes + figures_lanes * map.curves.len() + data_rows,
        "{csv}"
    );
    assert!(csv.starts_with("\u{feff};Voorbereiden thuis;"), "{csv}");
    for curve in &map.curves {
        assert!(
            csv.contains(&klantreis::layout::curve_name(&project, curve)),
            "{csv}"
        );
    }
    let mermaid = read(Format::Mermaid, "a.mmd");
    assert!(mermaid.starts_with("journey\n  title Zaterdag naar IKEA"));
    assert_eq!(mermaid.matches("  section ").count(), map.stages.len());
    for line in mermaid.lines().filter(|l| l.starts_with("    ")) {
        let score: u8 = line.split(':').nth(1).unwrap().trim().parse().unwrap();
        assert!((1..=5).contains(&score), "{line}");
    }
}

/// How many pictures (image `XObject`s) a PDF holds.
fn image_count(doc: &lopdf::Document) -> usize {
    doc.objects
        .values()
        .filter(|o| {
            o.as_stream().is_ok_and(|s| {
                s.dict
                    .get(b"Subtype")
                    .and_then(lopdf::Object::as_name)
                    .is_ok_and(|n| n == b"Image")
            })
        })
        .count()
}

#[test]
fn a_map_shows_its_personas_photos_in_every_format() {
    let project = example("ikea-winkelbezoek.klantreis.ron");
    let dir = tempfile::tempdir().unwrap();
    // PDF: the photo is a picture in the file.
    let pdf = out(&dir, "map.pdf");
    export_map(&project, &project.maps[0], &ExportOptions::default(), &pdf).unwrap();
    assert_eq!(image_count(&lopdf::Document::load(&pdf).unwrap()), 1);
    // SVG: an image element with the JPEG inside, clipped round.
    let svg_path = out(&dir, "map.svg");
    let svg = ExportOptions {
        format: Format::Svg,
        ..ExportOptions::default()
    };
    export_map(&project, &project.maps[0], &svg, &svg_path).unwrap();
    let text = std::fs::read_to_string(&svg_path).unwrap();
    assert_eq!(text.matches("<image ").count(), 1);
    assert!(text.contains("href=\"data:image/jpeg;base64,"));
    // PNG: the photo's pixels are there (Sanne's brown hair), and gone with the photo.
    let png = ExportOptions {
        format: Format::Png,
        dpi: 72.0,
        setup: klantreis::export::PageSetup {
            paper: PaperSize::A3,
            ..klantreis::export::PageSetup::default()
        },
        ..ExportOptions::default()
    };
    let hair_pixels = |project: &klantreis::model::Project, name: &str| {
        let path = out(&dir, name);
        export_map(project, &project.maps[0], &png, &path).unwrap();
        let image = image::open(&path).unwrap().to_rgb8();
        image
            .pixels()
            .filter(|p| {
                p[0].abs_diff(0x7a) < 8 && p[1].abs_diff(0x4a) < 8 && p[2].abs_diff(0x2a) < 8
            })
            .count()
    };
    assert!(hair_pixels(&project, "map.png") > 20);
    let mut without = project.clone();
    without.personas[0].image = None;
    assert_eq!(hair_pixels(&without, "without.png"), 0);
}

#[test]
fn persona_sheets_print_one_a4_page_per_persona() {
    let project = example("ikea-winkelbezoek.klantreis.ron");
    let dir = tempfile::tempdir().unwrap();
    let path = out(&dir, "personas.pdf");
    let options = ExportOptions {
        format: Format::PersonaSheets,
        ..ExportOptions::default()
    };
    let written = export_map(&project, &project.maps[0], &options, &path).unwrap();
    assert_eq!(written.pages, project.personas.len());
    let doc = lopdf::Document::load(&path).unwrap();
    for (w, h) in media_boxes(&doc) {
        assert_eq!((w.round(), h.round()), (595.0, 842.0));
    }
    let text: String = text_of(&doc).split_whitespace().collect();
    let name: String = project.personas[0].name.split_whitespace().collect();
    assert!(text.contains(&name), "{text}");
    // The new parts of a persona are on its sheet: needs, behaviour, the channels used.
    for heading in ["Behoeften", "Gedrag", "Gebruiktekanalen"] {
        assert!(text.contains(heading), "{heading}: {text}");
    }
    // Each sheet carries its persona's photo, as a picture of its own.
    assert_eq!(image_count(&doc), project.personas.len());
    // No personas: a clear error and no file.
    let mut empty = project.clone();
    empty.personas.clear();
    for m in &mut empty.maps {
        m.personas.clear();
        for c in &mut m.curves {
            c.persona = None;
        }
    }
    let none = out(&dir, "none.pdf");
    let err = export_map(&empty, &empty.maps[0], &options, &none).unwrap_err();
    assert!(err.to_string().contains("no personas"));
    assert!(!none.exists());
}

#[test]
fn every_map_on_its_own_page() {
    let mut project = example("waterschade-claim.klantreis.ron");
    let mut second = project.maps[0].clone();
    second.id = klantreis::model::MapId::random();
    second.title = "Tweede kaart".to_owned();
    project.maps.push(second);
    let dir = tempfile::tempdir().unwrap();
    let path = out(&dir, "all.pdf");
    let options = ExportOptions {
        all_maps: true,
        setup: PageSetup {
            paper: PaperSize::A3,
            ..PageSetup::default()
        },
        ..ExportOptions::default()
    };
    let written = export_map(&project, &project.maps[0], &options, &path).unwrap();
    assert_eq!(written.pages, 2);
    let doc = lopdf::Document::load(&path).unwrap();
    assert_eq!(media_boxes(&doc).len(), 2);
    let text: String = text_of(&doc).split_whitespace().collect();
    assert!(text.contains("Tweedekaart"));
}

#[test]
fn an_export_that_cannot_be_made_leaves_the_old_file_and_says_why() {
    let project = example("library-reservation.klantreis.ron");
    let dir = tempfile::tempdir().unwrap();
    let path = out(&dir, "poster.png");
    std::fs::write(&path, b"the previous poster").unwrap();
    let options = ExportOptions {
        format: Format::Png,
        setup: PageSetup {
            paper: PaperSize::Custom {
                width_mm: 5_000.0,
                height_mm: 5_000.0,
            },
            ..PageSetup::default()
        },
        dpi: 600.0,
        ..ExportOptions::default()
    };
    let err = export_map(&project, &project.maps[0], &options, &path).unwrap_err();
    assert!(err.to_string().contains("pixels"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), b"the previous poster");
    // No temporary files left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_poster_needing_too_many_sheets_is_refused_with_the_count() {
    let project = example("ikea-winkelbezoek.klantreis.ron");
    let dir = tempfile::tempdir().unwrap();
    let path = out(&dir, "tiles.pdf");
    let options = ExportOptions {
        setup: PageSetup {
            paper: PaperSize::Custom {
                width_mm: 5_000.0,
                height_mm: 4_000.0,
            },
            ..PageSetup::default()
        },
        tiling: Some(Tiling {
            sheet: PaperSize::A5,
            overlap_mm: 10.0,
        }),
        ..ExportOptions::default()
    };
    let err = export_map(&project, &project.maps[0], &options, &path).unwrap_err();
    assert!(err.to_string().contains("sheets"), "{err}");
    assert!(!path.exists());
}

#[test]
fn text_the_font_lacks_is_drawn_by_a_fallback_or_as_a_box_and_named_once() {
    let mut project = example("ikea-winkelbezoek.klantreis.ron");
    project.maps[0].cards[0].title = "Klant ❤ 😀 שלום".to_owned();
    project.maps[0].cards[1].title = "שלום".to_owned();
    let dir = tempfile::tempdir().unwrap();
    let path = out(&dir, "glyphs.pdf");
    let written = export_map(&project, &project.maps[0], &ExportOptions::default(), &path).unwrap();
    let expected: Vec<char> = "😀שלום"
        .chars()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(written.missing_glyphs, expected);
    let doc = lopdf::Document::load(&path).unwrap();
    let text: String = text_of(&doc).split_whitespace().collect();
    assert!(text.contains('❤'), "the symbol font draws the heart");
    assert!(text.contains("Klant❤"), "{text}");
    assert!(
        text.contains('□'),
        "a box stands where a letter could not be drawn"
    );
}

#[test]
fn a_png_too_large_to_make_is_refused_by_the_preview_before_anyone_starts_it() {
    let project = example("library-reservation.klantreis.ron");
    let mut options = ExportOptions {
        format: Format::Png,
        dpi: 300.0,
        ..ExportOptions::default()
    };
    options.setup.paper = PaperSize::Custom {
        width_mm: 5000.0,
        height_mm: 3000.0,
    };
    let Err(e) = klantreis::export::preview(&project, &project.maps[0], &options, 100.0) else {
        panic!("a 59,055 × 35,433 pixel PNG was previewed as if it could be made");
    };
    let message = e.to_string();
    assert!(
        message.contains("lower the DPI or the paper size"),
        "{message}"
    );
    // At a DPI that fits, the preview says how large the image will be.
    options.dpi = 100.0;
    let preview = klantreis::export::preview(&project, &project.maps[0], &options, 100.0).unwrap();
    assert_eq!(preview.pixels, Some((19685, 11811)));
}

/// The square of `TILE` pixels whose channels differ most on average between two RGBA images,
/// and its corner.
fn worst_tile(w: u32, h: u32, before: &[u8], after: &[u8]) -> (f64, (u32, u32)) {
    const TILE: u32 = 16;
    let mut worst = (0.0, (0, 0));
    for ty in (0..h).step_by(TILE as usize) {
        for tx in (0..w).step_by(TILE as usize) {
            let (mut sum, mut n) = (0_u64, 0_u64);
            for y in ty..(ty + TILE).min(h) {
                for x in tx..(tx + TILE).min(w) {
                    let i = ((y * w + x) * 4) as usize;
                    sum += channel_difference(&before[i..i + 4], &after[i..i + 4]);
                    n += 1;
                }
            }
            let mean = sum as f64 / n as f64;
            if mean > worst.0 {
                worst = (mean, (tx, ty));
            }
        }
    }
    worst
}

/// The largest difference between two RGBA pixels' channels.
fn channel_difference(a: &[u8], b: &[u8]) -> u64 {
    a.iter()
        .zip(b)
        .map(|(x, y)| u64::from(x.abs_diff(*y)))
        .max()
        .unwrap_or(0)
}

#[test]
fn a_poster_drawn_straight_from_the_scene_looks_as_it_did_through_svg() {
    use klantreis::export::{self, svg};
    // The example with a persona photo, on A2 at 150 dpi.
    let project = example("ikea-winkelbezoek.klantreis.ron");
    let mut text = klantreis::layout::TextMeasurer::new();
    let analysis = klantreis::analysis::analyse(&project, &project.maps[0]);
    let prepared = export::prepare(&project, &project.maps[0], &analysis, &mut text);
    let setup = PageSetup {
        paper: PaperSize::A2,
        ..PageSetup::default()
    };
    let (page, _) = prepared.page(&setup, &mut text);
    let baselines = svg::Baselines::measure_with(&mut text);
    let mut png = Vec::new();
    let (w, h) = export::png_from_scene(&page, baselines, 150.0, &mut png).unwrap();
    assert_eq!((w, h), (3508, 2480));
    let after = rgba_of(png);
    // Before: PNGs were the SVG page rendered by resvg, with the shipped fonts.
    let mut fonts = usvg::fontdb::Database::new();
    for (_, data) in klantreis::fonts::definitions().font_data {
        fonts.load_font_data((*data.font).as_ref().to_vec());
    }
    fonts.set_sans_serif_family(svg::FAMILY);
    let options = usvg::Options {
        fontdb: std::sync::Arc::new(fonts),
        font_family: svg::FAMILY.to_owned(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(
        &svg::write_scene(&page, svg::Fonts::Reference, baselines),
        &options,
    )
    .unwrap();
    let mut whole = resvg::tiny_skia::Pixmap::new(w, h).unwrap();
    let scale = 150.0 / 72.0;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut whole.as_mut(),
    );
    let before: Vec<u8> = whole
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    // Text is antialiased a little differently; nothing may be missing, moved or
    // recoloured: on average the channels differ by little, and few pixels differ much...
    let pixels = (w * h) as f64;
    let (mut total, mut far) = (0_u64, 0_u64);
    for (a, b) in before.chunks_exact(4).zip(after.chunks_exact(4)) {
        let d = channel_difference(a, b);
        total += d;
        far += u64::from(d > 96);
    }
    let (mean, far_share) = (total as f64 / pixels, far as f64 / pixels);
    // (Measured: 0.26 and 0.14 %; without its text a page is at 4.2 and 1.9 %.)
    assert!(
        mean < 1.0 && far_share < 0.005,
        "mean difference {mean:.3}, pixels far off {:.3} %",
        far_share * 100.0
    );
    // ...nor does any small part of the page differ much: a missing photo or icon would be
    // lost in the page's average. (The last row of the page, which resvg leaves half
    // transparent, differs by about 9; a missing photo by more than 60.)
    let (worst, at) = worst_tile(w, h, &before, &after);
    assert!(
        worst < 20.0,
        "the 16 px square at {at:?} differs by {worst:.1} on average"
    );
}

#[test]
fn the_preview_counts_the_pages_the_export_will_print() {
    // The example's journey and a copy of it (its experience map left out).
    let mut project = example("ikea-winkelbezoek.klantreis.ron");
    project.maps.truncate(1);
    let second = klantreis::edit::maps::duplicate(&project.maps[0], "Tweede kaart".to_owned());
    project.maps.push(second);
    let map = &project.maps[0];
    let preview = |options: &ExportOptions| {
        klantreis::export::preview(&project, map, options, 120.0)
            .unwrap()
            .pages
    };
    let one = ExportOptions::default();
    assert_eq!(preview(&one), 1);
    let all = ExportOptions {
        all_maps: true,
        ..ExportOptions::default()
    };
    assert_eq!(preview(&all), 2, "every map on a page of its own");
    let tiled = a1_over_a3();
    // As the tiled export itself: the overview and 2 rows of 4 sheets.
    assert_eq!(preview(&tiled), 1 + 2 * 4);
    // Every map with sheets asked for: every map one page each (tiling applies to one map).
    let all_tiled = ExportOptions {
        all_maps: true,
        ..tiled.clone()
    };
    assert_eq!(preview(&all_tiled), 2);
    // And the exports print what their previews promised.
    let dir = tempfile::tempdir().unwrap();
    for (options, pages) in [(&tiled, 9), (&all_tiled, 2)] {
        let written = export_map(&project, map, options, &out(&dir, "p.pdf")).unwrap();
        assert_eq!(written.pages, pages);
    }
}

#[test]
fn legibility_is_the_smallest_text_at_the_print_scale() {
    use klantreis::render::{Scene, Shape};
    let text = |size: f32| Shape::Text {
        pos: egui::Pos2::ZERO,
        text: "Wachten".into(),
        size,
        bold: false,
        colour: egui::Color32::BLACK,
    };
    let scene = Scene {
        size: egui::vec2(100.0, 100.0),
        background: egui::Color32::WHITE,
        shapes: vec![text(20.0), text(10.0), text(14.0)],
    };
    let l = klantreis::export::legibility(&scene, 0.5).unwrap();
    assert!((l.smallest_pt - 5.0).abs() < 1e-4, "{l:?}");
    // A third of the letters are 10 pt, so most text is 5 pt on paper: an x-height of 2.5 pt
    // (0.88 mm), readable from about 0.35 m; a poster of 18 mm is read from 40 cm.
    assert!((l.body_pt - 5.0).abs() < 1e-4, "{l:?}");
    assert!((l.readable_from_m - 0.3528).abs() < 1e-3, "{l:?}");
    assert!((l.read_from_m - 0.4).abs() < 1e-4, "{l:?}");
    assert!(klantreis::export::too_small(&l));
    // Too small is under 6 pt anywhere, or the poster's text unreadable from where a poster
    // that size is read; either is enough.
    let at = |smallest_pt, readable_from_m, read_from_m| {
        klantreis::export::too_small(&klantreis::export::Legibility {
            body_pt: 12.0,
            smallest_pt,
            readable_from_m,
            read_from_m,
        })
    };
    assert!(!at(20.0, 2.0, 1.0));
    assert!(at(5.9, 2.0, 1.0), "letters too small to print");
    assert!(
        at(12.0, 0.8, 1.0),
        "large enough letters, but not from where it is read"
    );
    assert!(!at(6.0, 1.0, 1.0), "exactly at both limits is readable");
    assert!(!at(8.0, 0.5, 0.5), "a small poster is read from nearer");
    let no_text = Scene {
        shapes: Vec::new(),
        ..scene
    };
    assert_eq!(klantreis::export::legibility(&no_text, 1.0), None);
    // An A4 print of the IKEA map warns; the warning is the preview's figure.
    let project = example("ikea-winkelbezoek.klantreis.ron");
    let options = ExportOptions {
        setup: PageSetup {
            paper: PaperSize::A4,
            ..PageSetup::default()
        },
        ..ExportOptions::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let written = export_map(&project, &project.maps[0], &options, &out(&dir, "a4.pdf")).unwrap();
    let preview = klantreis::export::preview(&project, &project.maps[0], &options, 100.0).unwrap();
    assert_eq!(written.warnings.len(), 1);
    assert_eq!(Some(written.warnings[0].legibility), preview.legibility);
    assert_eq!(written.warnings[0].remedy, preview.remedy);
    assert!(written.warnings[0].legibility.smallest_pt < 6.0);
}

/// The title in a PDF's document properties.
fn pdf_title(path: &Path) -> String {
    let doc = lopdf::Document::load(path).unwrap();
    let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let info = doc.get_dictionary(info).unwrap();
    lopdf::decode_text_string(info.get(b"Title").unwrap()).unwrap()
}

#[test]
fn a_pdf_of_the_whole_project_is_titled_by_the_project_and_one_map_by_both() {
    let mut project = example("ikea-winkelbezoek.klantreis.ron");
    let dir = tempfile::tempdir().unwrap();
    let path = out(&dir, "t.pdf");
    let map = project.maps[0].clone();
    let all = ExportOptions {
        all_maps: true,
        ..ExportOptions::default()
    };
    export_map(&project, &map, &all, &path).unwrap();
    assert_eq!(pdf_title(&path), project.title);
    let personas = ExportOptions {
        format: Format::PersonaSheets,
        ..ExportOptions::default()
    };
    export_map(&project, &map, &personas, &path).unwrap();
    assert_eq!(pdf_title(&path), project.title);
    // A map without a title: the project's; a project without one: the map's.
    let untitled = Map {
        title: "  ".to_owned(),
        ..map.clone()
    };
    export_map(&project, &untitled, &ExportOptions::default(), &path).unwrap();
    assert_eq!(pdf_title(&path), project.title);
    project.title = String::new();
    export_map(&project, &map, &ExportOptions::default(), &path).unwrap();
    assert_eq!(pdf_title(&path), map.title);
}

#[test]
fn a_png_draws_its_text() {
    use klantreis::render::{Scene, Shape};
    // Dark pixels of `text` drawn large in black on white.
    let ink = |text: &str| {
        let scene = Scene {
            size: egui::vec2(200.0, 60.0),
            background: egui::Color32::WHITE,
            shapes: vec![Shape::Text {
                pos: egui::pos2(10.0, 10.0),
                text: text.into(),
                size: 30.0,
                bold: false,
                colour: egui::Color32::BLACK,
            }],
        };
        let mut png = Vec::new();
        let baselines = klantreis::export::svg::Baselines::measure();
        klantreis::export::png_from_scene(&scene, baselines, 72.0, &mut png).unwrap();
        rgba_of(png).chunks_exact(4).filter(|p| p[0] < 128).count()
    };
    assert!(ink("Wachten") > 100, "Inter draws the word");
    // A character no font has comes out as an empty box (200 dark pixels here); Ubuntu, the
    // canvas's fallback, draws the fraction Inter lacks.
    assert_ne!(ink("⅔"), ink("\u{E000}"), "the fallback draws the fraction");
}

/// The pixels of an RGBA PNG.
fn rgba_of(png: Vec<u8>) -> Vec<u8> {
    let mut reader = png::Decoder::new(std::io::Cursor::new(png))
        .read_info()
        .unwrap();
    let mut pixels = vec![0; reader.output_buffer_size()];
    reader.next_frame(&mut pixels).unwrap();
    pixels
}

/// An A1 poster tiled over A3 sheets overlapping by 10 mm: for the IKEA map, an overview and
/// 2 rows of 4 sheets.
fn a1_over_a3() -> ExportOptions {
    ExportOptions {
        tiling: Some(Tiling {
            sheet: PaperSize::A3,
            overlap_mm: 10.0,
        }),
        setup: PageSetup {
            paper: PaperSize::A1,
            ..PageSetup::default()
        },
        ..ExportOptions::default()
    }
}

/// Reported: the poster's date was the last save, not the day it was printed. A poster on the
/// wall says the day it was exported, in the project's language, whenever it was saved.
#[test]
fn the_title_block_is_dated_the_day_it_is_printed() {
    let mut project = example("ikea-winkelbezoek.klantreis.ron");
    let mut text = klantreis::layout::TextMeasurer::new();
    let mut date = |project: &klantreis::model::Project| {
        let analysis = klantreis::analysis::analyse(project, &project.maps[0]);
        klantreis::export::prepare(project, &project.maps[0], &analysis, &mut text)
            .title
            .date
    };
    project.modified = "2024-03-05T10:00:00Z".to_owned();
    let printed = date(&project);
    assert_eq!(
        printed,
        klantreis::dates::today(klantreis::i18n::Language::Dutch)
    );
    assert!(!printed.contains("2024"), "{printed}");
    project.modified = String::new();
    assert_eq!(date(&project), printed);
}

#[test]
fn a_sheet_holds_its_part_of_the_poster_a_centimetre_in_and_marks_the_overlap() {
    use klantreis::render::Shape;
    let project = example("ikea-winkelbezoek.klantreis.ron");
    let mut text = klantreis::layout::TextMeasurer::new();
    let analysis = klantreis::analysis::analyse(&project, &project.maps[0]);
    let prepared = klantreis::export::prepare(&project, &project.maps[0], &analysis, &mut text);
    let options = a1_over_a3();
    let tiling = options.tiling.unwrap();
    let (page, plan) = prepared.page(&options.setup, &mut text);
    let pages =
        klantreis::export::pages::tiled(&project, &prepared, (&page, &plan), &tiling, &mut text)
            .unwrap()
            .pages;
    // The first sheet (row 1, column 1) has neighbours to its right and below.
    let sheet = &pages[1];
    let cm = 10.0 * klantreis::export::paper::PT_PER_MM;
    let part = sheet
        .shapes
        .iter()
        .find_map(|s| match s {
            Shape::Group { clip: Some(c), .. } => Some(*c),
            _ => None,
        })
        .unwrap();
    assert!(
        (part.min.x - cm).abs() < 0.01 && (part.min.y - cm).abs() < 0.01,
        "{part:?}"
    );
    // The dashed glue lines lie 10 mm (the overlap) inside the part's right and bottom edges.
    let glue: Vec<(f32, f32, f32, f32)> = sheet
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Path {
                points,
                stroke: Some(line),
                ..
            } if line.dash.is_some() => Some((points[0].x, points[0].y, points[1].x, points[1].y)),
            _ => None,
        })
        .collect();
    assert_eq!(glue.len(), 2, "{glue:?}");
    let x = part.right() - cm;
    let y = part.bottom() - cm;
    assert!(
        glue.iter()
            .any(|g| (g.0 - x).abs() < 0.01 && (g.2 - x).abs() < 0.01),
        "{glue:?}"
    );
    assert!(
        glue.iter()
            .any(|g| (g.1 - y).abs() < 0.01 && (g.3 - y).abs() < 0.01),
        "{glue:?}"
    );
}

/// The content stream of the only page of a PDF made from `shapes` on a 200 × 100 pt page.
fn pdf_operations(shapes: Vec<klantreis::render::Shape>) -> Vec<lopdf::content::Operation> {
    let mut text = klantreis::layout::TextMeasurer::new();
    let baselines = klantreis::export::svg::Baselines::measure_with(&mut text);
    let scene = klantreis::render::Scene {
        size: epaint::vec2(200.0, 100.0),
        background: epaint::Color32::WHITE,
        shapes,
    };
    let info = klantreis::export::pdf::DocumentInfo {
        title: "T".to_owned(),
        language: "nl".to_owned(),
    };
    let pdf = klantreis::export::pdf::pdf_from_scenes(&[scene], baselines, &info).unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let page = *doc.get_pages().values().next().unwrap();
    lopdf::content::Content::decode(&doc.get_page_content(page))
        .unwrap()
        .operations
}

fn numbers(op: &lopdf::content::Operation) -> Vec<f32> {
    op.operands
        .iter()
        .filter_map(|o| {
            o.as_float()
                .ok()
                .or_else(|| o.as_i64().ok().map(|i| i as f32))
        })
        .collect()
}

#[test]
fn the_pdf_strokes_a_rectangle_inside_its_edge_and_skips_what_cannot_be_seen() {
    use epaint::{Color32, Rect, pos2};
    use klantreis::render::{Line, Shape};
    let rect = |fill: Option<Color32>, stroke: Option<Line>| Shape::Rect {
        rect: Rect::from_min_max(pos2(10.0, 10.0), pos2(110.0, 60.0)),
        radius: 0.0,
        fill,
        stroke,
    };
    let red = Color32::RED;
    let ops = pdf_operations(vec![
        rect(None, Some(Line::solid(4.0, red))),
        // Nothing to see: a clear fill, a stroke of no width, a clear stroke.
        rect(Some(Color32::TRANSPARENT), None),
        rect(None, Some(Line::solid(0.0, red))),
        rect(None, Some(Line::solid(2.0, Color32::TRANSPARENT))),
    ]);
    let painted: Vec<&str> = ops
        .iter()
        .map(|op| op.operator.as_str())
        .filter(|o| matches!(*o, "f" | "S" | "B" | "f*" | "B*" | "b" | "s"))
        .collect();
    // The page's background, then the one stroke.
    assert_eq!(painted, ["f", "S"]);
    // Stroked inside its edge: the path runs half the stroke's width in.
    let corners: Vec<Vec<f32>> = ops
        .iter()
        .skip_while(|op| op.operator != "w")
        .filter(|op| matches!(op.operator.as_str(), "m" | "l"))
        .map(numbers)
        .collect();
    assert_eq!(
        corners,
        [[12.0, 12.0], [108.0, 12.0], [108.0, 58.0], [12.0, 58.0]]
    );
}

#[test]
fn pdf_text_sits_on_its_baseline_and_invisible_text_is_left_out() {
    use epaint::{Color32, pos2};
    use klantreis::render::Shape;
    let text = |y: f32, s: &str, size: f32, colour: Color32| Shape::Text {
        pos: pos2(20.0, y),
        text: s.into(),
        size,
        bold: false,
        colour,
    };
    let black = Color32::BLACK;
    let ops = pdf_operations(vec![
        text(10.0, "Klant", 10.0, black),
        text(40.0, "Klant", 20.0, black),
        // Not drawn: blank, no size, clear.
        text(70.0, "  ", 10.0, black),
        text(70.0, "Klant", 0.0, black),
        text(70.0, "Klant", 10.0, Color32::TRANSPARENT),
    ]);
    let baselines = klantreis::export::svg::Baselines::measure_with(
        &mut klantreis::layout::TextMeasurer::new(),
    );
    // Inter's baseline sits a little under one em below the top of its line box, bold or not.
    for b in [baselines.regular, baselines.bold] {
        assert!((0.8..1.0).contains(&b), "{b}");
    }
    let baseline = baselines.regular;
    let at: Vec<(f32, f32)> = ops
        .iter()
        .filter(|op| op.operator == "Tm")
        .map(|op| {
            let n = numbers(op);
            (n[4], n[5])
        })
        .collect();
    assert_eq!(at.len(), 2, "{at:?}");
    for ((x, y), (top, size)) in at.iter().zip([(10.0, 10.0), (40.0, 20.0)]) {
        assert!((x - 20.0).abs() < 0.01, "{at:?}");
        assert!((y - (top + baseline * size)).abs() < 0.05, "{at:?}");
    }
}
#[test]
fn pdf_text_changes_font_only_where_inter_lacks_a_character_and_runs_on_where_the_last_ended() {
    use epaint::{Color32, pos2};
    // Inter lacks ⅔, which the fallback font has; the space between stays in its run.
    let runs = |size: f32| -> Vec<(String, f32)> {
        let ops = pdf_operations(vec![klantreis::render::Shape::Text {
            pos: pos2(20.0, 10.0),
            text: "A⅔ ⅔B".into(),
            size,
            bold: false,
            colour: Color32::BLACK,
        }]);
        let mut font = String::new();
        let mut runs = Vec::new();
        for op in &ops {
            match op.operator.as_str() {
                "Tf" => font = String::from_utf8_lossy(op.operands[0].as_name().unwrap()).into(),
                "Tm" => runs.push((font.clone(), numbers(op)[4])),
                _ => {}
            }
        }
        runs
    };
    let at_10 = runs(10.0);
    let fonts: Vec<&str> = at_10.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(fonts.len(), 3, "{at_10:?}");
    assert!(fonts[0] == fonts[2] && fonts[0] != fonts[1], "{at_10:?}");
    // Each run starts where the one before ended: after an "A" (about two thirds of an em).
    let x: Vec<f32> = at_10.iter().map(|(_, x)| *x).collect();
    assert!((x[0] - 20.0).abs() < 0.01, "{x:?}");
    assert!(x[1] - x[0] > 5.0 && x[1] - x[0] < 8.0, "{x:?}");
    assert!(x[2] - x[1] > 10.0, "{x:?}");
    // A joiner stays with the character before it, whichever font has it.
    let ops = pdf_operations(vec![klantreis::render::Shape::Text {
        pos: pos2(20.0, 10.0),
        text: "⅔\u{200D}⅔\u{FE0F}⅔".into(),
        size: 10.0,
        bold: false,
        colour: Color32::BLACK,
    }]);
    // (The PDF may still break the line into text objects around the joiners, in one font.)
    let fonts: std::collections::BTreeSet<Vec<u8>> = ops
        .iter()
        .filter(|op| op.operator == "Tf")
        .map(|op| op.operands[0].as_name().unwrap().to_vec())
        .collect();
    assert_eq!(fonts.len(), 1, "{ops:?}");
    // Twice the size, twice the advance.
    let at_20: Vec<f32> = runs(20.0).iter().map(|(_, x)| *x).collect();
    for i in 1..3 {
        assert!(
            ((at_20[i] - 20.0) - 2.0 * (x[i] - 20.0)).abs() < 0.05,
            "{x:?} {at_20:?}"
        );
    }
}

#[test]
fn pdf_corners_are_rounded_by_at_most_half_the_shorter_side_and_colours_keep_their_alpha() {
    use epaint::{Color32, Rect, pos2};
    use klantreis::render::Shape;
    let rect = |radius: f32, fill: Color32| Shape::Rect {
        rect: Rect::from_min_max(pos2(10.0, 10.0), pos2(110.0, 60.0)),
        radius,
        fill: Some(fill),
        stroke: None,
    };
    let path = |radius: f32| -> Vec<(String, Vec<f32>)> {
        pdf_operations(vec![rect(radius, Color32::BLACK)])
            .iter()
            .skip_while(|op| op.operator != "f")
            .skip(1)
            .filter(|op| matches!(op.operator.as_str(), "m" | "l" | "c" | "re"))
            .map(|op| (op.operator.clone(), numbers(op)))
            .collect()
    };
    // Square corners: a plain rectangle.
    let square = path(0.0);
    assert!(square.iter().all(|(o, _)| o != "c"), "{square:?}");
    // A radius of 10: each edge starts and ends 10 in, each corner a quarter circle.
    let k = 10.0 * (1.0 - 0.552_284_8);
    let want: Vec<(&str, Vec<f32>)> = vec![
        ("m", vec![20.0, 10.0]),
        ("l", vec![100.0, 10.0]),
        ("c", vec![110.0 - k, 10.0, 110.0, 10.0 + k, 110.0, 20.0]),
        ("l", vec![110.0, 50.0]),
        ("c", vec![110.0, 60.0 - k, 110.0 - k, 60.0, 100.0, 60.0]),
        ("l", vec![20.0, 60.0]),
        ("c", vec![10.0 + k, 60.0, 10.0, 60.0 - k, 10.0, 50.0]),
        ("l", vec![10.0, 20.0]),
        ("c", vec![10.0, 10.0 + k, 10.0 + k, 10.0, 20.0, 10.0]),
    ];
    let round = path(10.0);
    assert_eq!(round.len(), want.len(), "{round:?}");
    for ((op, got), (want_op, want)) in round.iter().zip(&want) {
        assert_eq!(op, want_op, "{round:?}");
        assert!(
            got.iter().zip(want).all(|(a, b)| (a - b).abs() < 0.01),
            "{got:?} is not {want:?}"
        );
    }
    // A radius larger than half the 50-point height is cut to 25.
    assert_eq!(path(40.0)[0], ("m".to_owned(), vec![35.0, 10.0]));

    // Colours: the fill's colour, and its alpha as the graphics state's opacity.
    let ops = pdf_operations(vec![rect(
        0.0,
        Color32::from_rgba_unmultiplied(204, 102, 51, 128),
    )]);
    let fills: Vec<Vec<f32>> = ops
        .iter()
        .filter(|op| op.operator == "rg")
        .map(numbers)
        .collect();
    assert_eq!(fills.len(), 2, "{fills:?}");
    let want = [0.8, 0.4, 0.2];
    assert!(
        fills[1].iter().zip(want).all(|(a, b)| (a - b).abs() < 0.01),
        "{fills:?}"
    );
    let states =
        |ops: &[lopdf::content::Operation]| ops.iter().filter(|op| op.operator == "gs").count();
    assert_eq!(states(&ops), 1, "a translucent fill sets an opacity");
    assert_eq!(states(&pdf_operations(vec![rect(0.0, Color32::RED)])), 0);
}

#[test]
fn a_pdf_circle_is_four_quarter_circles_around_its_centre() {
    use epaint::{Color32, pos2};
    use klantreis::render::Shape;
    let circle = |radius: f32| Shape::Circle {
        center: pos2(50.0, 40.0),
        radius,
        fill: Some(Color32::BLACK),
        stroke: None,
    };
    let ops = pdf_operations(vec![circle(5.0), circle(0.0)]);
    let path: Vec<(String, Vec<f32>)> = ops
        .iter()
        .skip_while(|op| op.operator != "f")
        .skip(1)
        .filter(|op| matches!(op.operator.as_str(), "m" | "c"))
        .map(|op| (op.operator.clone(), numbers(op)))
        .collect();
    // Starting at the top, then four curves; the circle of no radius draws nothing.
    assert_eq!(path.len(), 5, "{path:?}");
    assert_eq!(path[0], ("m".to_owned(), vec![50.0, 35.0]));
    let ends: Vec<(f32, f32)> = path[1..].iter().map(|(_, c)| (c[4], c[5])).collect();
    assert_eq!(
        ends,
        [(55.0, 40.0), (50.0, 45.0), (45.0, 40.0), (50.0, 35.0)]
    );
}

#[test]
fn a_poster_printed_to_fit_fills_its_page_instead_of_leaving_bands() {
    // Reported: the default A0 poster left empty bands above and below the map. (Without its
    // goal band and one more stage, the example is wider than A0, as it was then.)
    let mut project = example("ikea-winkelbezoek.klantreis.ron");
    let wide = &mut project.maps[0];
    wide.goal.clear();
    wide.scenario.clear();
    wide.expectations.clear();
    let extra = klantreis::model::Stage::default();
    wide.stages.push(extra);
    let map = &project.maps[0];
    let mut text = klantreis::layout::TextMeasurer::new();
    let analysis = klantreis::analysis::analyse(&project, map);
    let setup = klantreis::export::PageSetup::default();
    let filled_by = |prepared: &klantreis::export::Prepared| {
        let size = prepared.scene.size;
        let plan = setup.plan((size.x, size.y));
        let area = plan.map_area;
        (size.x * plan.scale / area.2, size.y * plan.scale / area.3)
    };
    // As on the canvas, the map is not shaped as A0: bands beside it, or above and below.
    let plain = klantreis::export::prepare(&project, map, &analysis, &mut text);
    let (wide, tall) = filled_by(&plain);
    assert!(wide.min(tall) < 0.95, "{wide} × {tall}");
    // Stretched for the page, it fills it both ways.
    let fitted =
        klantreis::export::prepare_for_page(&project, map, (&analysis, None), &setup, &mut text);
    let (wide, tall) = filled_by(&fitted);
    assert!(wide > 0.98 && tall > 0.98, "{wide} × {tall}");
    // At a fixed scale nothing is stretched: the map prints at its own size.
    let fixed = klantreis::export::PageSetup {
        scale: klantreis::export::Scale::Fixed(1.0),
        ..setup
    };
    let same =
        klantreis::export::prepare_for_page(&project, map, (&analysis, None), &fixed, &mut text);
    assert_eq!(same.scene.size, plain.scene.size);
}

#[test]
fn the_band_above_the_stages_shows_the_goal_and_each_milestone_with_its_criteria() {
    let mut project = example("ikea-winkelbezoek.klantreis.ron");
    let map = &mut project.maps[0];
    map.stages[1].milestone = String::new();
    let map = map.clone();
    let mut text = klantreis::layout::TextMeasurer::new();
    let laid = klantreis::layout::lay_out(
        &project,
        &map,
        &klantreis::layout::Metrics::default(),
        &mut text,
    );
    let words = |placed: &klantreis::layout::PlacedText| -> Vec<String> {
        placed
            .block
            .lines
            .iter()
            .map(|l| l.text.to_string())
            .collect()
    };
    // The goal row: goal, scenario and expectations side by side, above the stage headers.
    let goal = laid.band.goal.as_ref().expect("the map has a goal");
    let fields: Vec<klantreis::layout::GoalField> = goal.cells.iter().map(|c| c.field).collect();
    assert_eq!(fields, klantreis::layout::GoalField::ALL);
    assert_eq!(words(&goal.cells[0].text).join(" "), map.goal);
    assert!(goal.rect.bottom() <= laid.grid.top());
    // The milestones row: one cell per stage, the milestone above its success criteria.
    let row = laid
        .band
        .milestones
        .as_ref()
        .expect("the map has milestones");
    assert_eq!(row.cells.len(), map.stages.len());
    assert_eq!(words(&row.cells[0].milestone), ["◆ Wensenlijst klaar"]);
    assert_eq!(
        words(&row.cells[0].criteria),
        ["✓ Wensenlijst compleet en voorraad bekend"]
    );
    // Without a milestone the criteria still show.
    assert!(words(&row.cells[1].milestone).is_empty());
    assert_eq!(
        words(&row.cells[1].criteria),
        ["✓ Binnen 10 minuten binnen"]
    );
    assert!(goal.rect.bottom() <= row.rect.top() && row.rect.bottom() <= laid.grid.top());
    // Each cell holds its words; the stage headers keep only the description.
    for cell in &row.cells {
        let bottom = cell.criteria.pos.y + cell.criteria.block.size.y;
        assert!(bottom <= cell.rect.bottom(), "{bottom} > {:?}", cell.rect);
    }
    let header = words(&laid.stages[0].detail).join(" ");
    assert_eq!(
        header.split_whitespace().collect::<Vec<_>>(),
        map.stages[0]
            .description
            .split_whitespace()
            .collect::<Vec<_>>()
    );
    // A map without any of it has no band.
    let mut bare = map.clone();
    bare.goal.clear();
    bare.scenario.clear();
    bare.expectations.clear();
    for stage in &mut bare.stages {
        stage.milestone.clear();
        stage.success_criteria.clear();
    }
    let laid = klantreis::layout::lay_out(
        &project,
        &bare,
        &klantreis::layout::Metrics::default(),
        &mut text,
    );
    assert_eq!(laid.band, klantreis::layout::Band::default());
}

#[test]
fn the_stakeholder_map_prints_as_a_poster_in_every_format() {
    let project = example("ikea-winkelbezoek.klantreis.ron");
    let dir = tempfile::tempdir().unwrap();
    let options = |format| ExportOptions {
        format,
        subject: klantreis::export::Subject::Stakeholders,
        setup: PageSetup {
            paper: PaperSize::A3,
            ..PageSetup::default()
        },
        dpi: 72.0,
        ..ExportOptions::default()
    };
    // PDF: one page with the heading, every stakeholder and what the relations carry.
    let pdf = out(&dir, "stakeholders.pdf");
    let written = export_map(&project, &project.maps[0], &options(Format::Pdf), &pdf).unwrap();
    assert_eq!(written.pages, 1);
    let doc = lopdf::Document::load(&pdf).unwrap();
    let text: String = text_of(&doc).split_whitespace().collect();
    assert!(text.contains("Stakeholderkaart"), "{text}");
    for s in &project.stakeholders {
        let name: String = s.name.split_whitespace().collect();
        assert!(text.contains(&name), "{name}: {text}");
    }
    assert!(text.contains("voorraadperVestiging") || text.contains("voorraadpervestiging"));
    // SVG and PNG from the same scene.
    let svg = out(&dir, "stakeholders.svg");
    export_map(&project, &project.maps[0], &options(Format::Svg), &svg).unwrap();
    assert!(
        std::fs::read_to_string(&svg)
            .unwrap()
            .contains("Leveranciers")
    );
    let png = out(&dir, "stakeholders.png");
    let written = export_map(&project, &project.maps[0], &options(Format::Png), &png).unwrap();
    assert_eq!(written.pixels, Some((1191, 842)));
    // Without stakeholders: a clear error and no file; as text: refused by the options.
    let mut empty = project.clone();
    empty.stakeholders.clear();
    empty.relations.clear();
    let none = out(&dir, "none.pdf");
    let err = export_map(&empty, &empty.maps[0], &options(Format::Pdf), &none).unwrap_err();
    assert!(err.to_string().contains("no stakeholders"), "{err}");
    assert!(!none.exists());
    let md = options(Format::Markdown)
        .validate()
        .unwrap_err()
        .to_string();
    assert!(md.contains("--stakeholders"), "{md}");
}

#[test]
fn the_roadmap_is_one_pdf_of_personas_stakeholders_and_every_map_experience_first() {
    let project = example("ikea-winkelbezoek.klantreis.ron");
    let dir = tempfile::tempdir().unwrap();
    let path = out(&dir, "roadmap.pdf");
    let options = ExportOptions {
        subject: klantreis::export::Subject::Roadmap,
        setup: PageSetup {
            paper: PaperSize::A3,
            ..PageSetup::default()
        },
        ..ExportOptions::default()
    };
    // The preview promises what the export prints: 2 personas, the stakeholder map, 2 maps,
    // the actions' priorities and their roadmap.
    let preview = klantreis::export::preview(&project, &project.maps[0], &options, 100.0).unwrap();
    assert_eq!(preview.pages, 7);
    let written = export_map(&project, &project.maps[0], &options, &path).unwrap();
    assert_eq!(written.pages, 7);
    let doc = lopdf::Document::load(&path).unwrap();
    let pages: Vec<String> = page_texts(&doc)
        .iter()
        .map(|t| t.split_whitespace().collect())
        .collect();
    assert_eq!(pages.len(), 7);
    let squeeze = |s: &str| -> String { s.split_whitespace().collect() };
    assert!(pages[0].contains(&squeeze(&project.personas[0].name)));
    assert!(pages[1].contains(&squeeze(&project.personas[1].name)));
    assert!(pages[2].contains("Stakeholderkaart"), "{}", pages[2]);
    // The experience map before the journey it zooms into.
    let experience = &project.maps[1];
    assert_eq!(
        experience.kind,
        klantreis::model::MapKind::CustomerExperience
    );
    assert!(
        pages[3].contains(&squeeze(&experience.title)),
        "{}",
        pages[3]
    );
    assert!(
        pages[4].contains(&squeeze(&project.maps[0].title)),
        "{}",
        pages[4]
    );
    assert!(pages[5].contains("Prioriteiten"), "{}", pages[5]);
    assert!(pages[6].contains("Actieplanning"), "{}", pages[6]);
    // A roadmap is a PDF.
    let svg = ExportOptions {
        format: Format::Svg,
        ..options
    };
    assert!(
        svg.validate()
            .unwrap_err()
            .to_string()
            .contains("--roadmap")
    );
}

#[test]
fn the_poster_shows_the_metrics_lane_evidence_and_quotes_as_chosen() {
    let project = example("waterschade-claim.klantreis.ron");
    let map = &project.maps[0];
    let dir = tempfile::tempdir().unwrap();
    let path = out(&dir, "poster.pdf");
    let text_with = |quotes| {
        let options = ExportOptions {
            quotes,
            ..ExportOptions::default()
        };
        export_map(&project, map, &options, &path).unwrap();
        text_of(&lopdf::Document::load(&path).unwrap())
    };
    let full = text_with(klantreis::export::Quotes::Full);
    // The metrics lane: the data set, its latest figure in Dutch, a call reason; the footnote
    // names the file and the as-of date.
    for expected in [
        "Gesprekken contactcentrum",
        "3.005",
        "Schade melden",
        "waterschade-contactcentrum.csv",
        "peildatum 31-10-2026",
        // Evidence on a card, out of the register's 14.
        "6 van 14 respondenten",
        // A quote, with who said it.
        "twintig minuten",
        "huurder, 30-45",
    ] {
        assert!(full.contains(expected), "{expected:?} is not on the poster");
    }
    let coded = text_with(klantreis::export::Quotes::Pseudonymised);
    assert!(coded.contains("twintig minuten"));
    assert!(coded.contains("P01"));
    assert!(
        !coded.contains("huurder, 30-45"),
        "a segment on a pseudonymised poster"
    );
    let without = text_with(klantreis::export::Quotes::Hidden);
    assert!(
        !without.contains("twintig minuten"),
        "a quote on a poster without quotes"
    );
    // What backs the cards is a count, not a quote: it stays.
    assert!(without.contains("6 van 14 respondenten"));
}

/// The actions on paper: the matrix names its quadrants and ranks the actions, each with its
/// owner, status and scores; the roadmap of actions puts them under their quarters and owners.
#[test]
fn the_priorities_and_the_roadmap_of_actions_print_what_the_actions_say() {
    let project = example("waterschade-claim.klantreis.ron");
    let dir = tempfile::tempdir().unwrap();
    let print = |subject, name: &str| {
        let path = out(&dir, name);
        let options = ExportOptions {
            subject,
            setup: PageSetup {
                paper: PaperSize::A4,
                orientation: Orientation::Landscape,
                ..PageSetup::default()
            },
            ..ExportOptions::default()
        };
        let written = export_map(&project, &project.maps[0], &options, &path).unwrap();
        assert_eq!(written.pages, 1);
        let doc = lopdf::Document::load(&path).unwrap();
        let [(w, h)] = media_boxes(&doc)[..] else {
            panic!("one page")
        };
        assert!(
            (w - 841.89).abs() < 0.1 && (h - 595.28).abs() < 0.1,
            "{w} × {h}"
        );
        text_of(&doc)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let matrix = print(klantreis::export::Subject::Priorities, "prioriteiten.pdf");
    for words in [
        "Prioriteiten: impact tegen moeite",
        "Snelle winst",
        "Grote projecten",
        "Tussendoortjes",
        "Geldputten",
        "1. Online schadeformulier",
        "Klantcontactcentrum · klaar · impact 4, moeite 2",
        "6. Bewaaradvies bij het ontdekken van schade",
        "geen eigenaar · idee · impact 2, moeite 1",
    ] {
        assert!(matrix.contains(words), "{words:?} in {matrix}");
    }
    let timeline = print(klantreis::export::Subject::ActionRoadmap, "planning.pdf");
    for words in [
        "Actieplanning",
        "Q2 2026",
        "Q1 2027",
        "Niet gepland",
        "Klantcontactcentrum",
        "Online schadeformulier",
        "klaar",
        "geen eigenaar",
    ] {
        assert!(timeline.contains(words), "{words:?} in {timeline}");
    }
    // A project without actions has none to print, and says so.
    let mut none = project.clone();
    none.actions.clear();
    let options = ExportOptions {
        subject: klantreis::export::Subject::Priorities,
        ..ExportOptions::default()
    };
    let e = export_map(&none, &none.maps[0], &options, &out(&dir, "x.pdf")).unwrap_err();
    assert!(e.to_string().contains("no actions to print"), "{e}");
    // They are posters, not text.
    let md = ExportOptions {
        format: Format::Markdown,
        ..options
    };
    assert!(
        md.validate()
            .unwrap_err()
            .to_string()
            .contains("--priorities")
    );
}
