//! Hostile and broken files: each gives a clear error, never a panic or a hang.

#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

mod pictures;

use std::path::Path;
use std::time::{Duration, Instant};

use klantreis::file::{self, FileError, RECURSION_LIMIT};

fn example_text() -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/ikea-winkelbezoek.klantreis.ron");
    std::fs::read_to_string(path).unwrap()
}

/// A real picture of 4 × 4 pixels, encoded as `format`.
fn tiny_picture(format: image::ImageFormat) -> Vec<u8> {
    pictures::picture(4, 4, format)
}

use pictures::png_claiming;

fn load_text(text: &str) -> Result<file::Loaded, FileError> {
    let start = Instant::now();
    let result = file::from_ron_str(text, Path::new("test.klantreis.ron"));
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "took {:?}",
        start.elapsed()
    );
    result
}

fn error_of(text: &str) -> String {
    match load_text(text) {
        Ok(_) => panic!("expected an error"),
        Err(e) => {
            let message = e.to_string();
            assert!(
                message.contains("test.klantreis.ron"),
                "no path in {message}"
            );
            message
        }
    }
}

#[test]
fn empty_file() {
    assert!(error_of("").contains("empty"));
    assert!(error_of("  \n ").contains("empty"));
}

#[test]
fn random_bytes_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("random.klantreis.ron");
    let mut rng = fastrand::Rng::with_seed(7);
    let bytes: Vec<u8> = (0..10_000).map(|_| rng.u8(..)).collect();
    std::fs::write(&path, bytes).unwrap();
    let e = file::load(&path).unwrap_err();
    assert!(matches!(e, FileError::NotText { .. }), "{e}");
    // Printable garbage is text, but not RON.
    let garbage: String = (0..10_000).map(|_| rng.alphanumeric()).collect();
    let message = error_of(&garbage);
    assert!(message.contains("line 1"), "{message}");
}

#[test]
fn truncated_file_names_line_and_column() {
    let text = example_text();
    for cut in [10, text.len() / 3, text.len() / 2, text.len() - 3] {
        let mut end = cut;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let message = error_of(&text[..end]);
        assert!(message.contains("line "), "{message}");
        assert!(message.contains("column "), "{message}");
    }
}

#[test]
fn deeply_nested_brackets() {
    let text = format!(
        "(format: (1, 0), project: {}{})",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let message = error_of(&text);
    // A list where the project belongs fails at its first bracket, with the place (the one
    // parse meets the wrong type before it meets the depth).
    assert!(message.contains("line 1, column 27"), "{message}");
    // Brackets where the grammar allows no nesting fail at once, with a position.
    let text = "(".repeat(100_000);
    let message = error_of(&text);
    assert!(message.contains("line 1, column"), "{message}");
    // Nesting inside a field this version does not know is bounded too.
    let text = format!(
        "(format: (1, 0), future: {}{}, project: ())",
        "(".repeat(100_000),
        ")".repeat(100_000)
    );
    assert!(error_of(&text).contains("nested"));
}

#[test]
fn the_nesting_limit_that_fires_is_the_one_the_message_states() {
    let nested = |depth: usize| {
        format!(
            "(format: (1, 0), future: {}{}, project: (title: \"T\"))",
            "(".repeat(depth),
            ")".repeat(depth)
        )
    };
    // The parser counts two levels for each bracket of a value it skips: 40 brackets are 80
    // levels, over our limit of 64 but within the parser's own default of 128.
    let message = error_of(&nested(40));
    assert!(
        message.contains(&format!("nested more than {RECURSION_LIMIT} levels")),
        "{message}"
    );
    // Within the limit, the unknown field is only skipped.
    assert!(load_text(&nested(RECURSION_LIMIT / 2 - 2)).is_ok());
}

#[test]
fn nan_and_infinite_scores() {
    let text = example_text();
    for bad in ["NaN", "inf", "-inf"] {
        let replaced = text.replacen("score: 2.0", &format!("score: {bad}"), 1);
        assert_ne!(replaced, text);
        let message = error_of(&replaced);
        assert!(
            message.contains("score") && message.contains("finite"),
            "{message}"
        );
    }
    let replaced = text.replacen("score: 2.0", "score: 9.0", 1);
    assert!(error_of(&replaced).contains("outside the map's scale"));
}

#[test]
fn duplicate_ids() {
    let project = file::from_ron_str(&example_text(), Path::new("x"))
        .unwrap()
        .project;
    let mut broken = project.clone();
    broken.maps[0].cards[1].id = broken.maps[0].cards[0].id;
    let text = file::to_ron_string(&broken).unwrap();
    let message = error_of(&text);
    assert!(message.contains("used twice"), "{message}");
    assert!(message.contains("cards[1]"), "{message}");
}

#[test]
fn dangling_references() {
    let project = file::from_ron_str(&example_text(), Path::new("x"))
        .unwrap()
        .project;
    let mut broken = project.clone();
    broken.maps[0].cards[0].lane = klantreis::model::LaneId(42);
    broken.maps[0].curves[0].points[0].stage = klantreis::model::StageId(43);
    broken.maps[0]
        .personas
        .push(klantreis::model::PersonaId(44));
    let text = file::to_ron_string(&broken).unwrap();
    let message = error_of(&text);
    assert!(message.contains("lane-42"), "{message}");
    assert!(message.contains("stage-43"), "{message}");
    assert!(message.contains("persona-44"), "{message}");
    assert!(
        message.contains("does not exist") || message.contains("not a"),
        "{message}"
    );
}

#[test]
fn newer_major_version_is_refused_by_name() {
    let text = example_text().replacen("format: (1, 4)", "format: (2, 3)", 1);
    let message = error_of(&text);
    assert!(message.contains("2.3"), "{message}");
    assert!(message.contains("newer"), "{message}");
    // Even when the body does not fit this version's model.
    let message = error_of("(format: (7, 0), project: (whatever: [1, 2, 3], maps: \"new\"))");
    assert!(message.contains("7.0"), "{message}");
}

#[test]
fn newer_minor_version_opens_with_a_warning() {
    let text = example_text()
        .replacen("format: (1, 4)", "format: (1, 5)", 1)
        .replacen("title: ", "future_field: [1, 2], title: ", 1);
    let loaded = load_text(&text).unwrap();
    assert_eq!(loaded.warnings.len(), 1);
    assert!(loaded.warnings[0].to_string().contains("1.5"));
}

#[test]
fn a_40_megabyte_file_is_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.klantreis.ron");
    let mut text = example_text();
    let padding = " ".repeat(40 * 1024 * 1024);
    text.push_str(&padding);
    std::fs::write(&path, text).unwrap();
    let start = Instant::now();
    let e = file::load(&path).unwrap_err();
    assert!(matches!(e, FileError::TooLarge { .. }), "{e}");
    assert!(e.to_string().contains("MB"));
    assert!(start.elapsed() < Duration::from_secs(5));
}

#[test]
fn long_strings_and_huge_counts_are_refused() {
    let project = file::from_ron_str(&example_text(), Path::new("x"))
        .unwrap()
        .project;
    let mut broken = project.clone();
    broken.maps[0].cards[0].title = "x".repeat(10_000);
    let message = error_of(&file::to_ron_string(&broken).unwrap());
    assert!(message.contains("characters"), "{message}");
    let mut broken = project;
    let stage = broken.maps[0].stages[0].clone();
    broken.maps[0].stages = (0..600)
        .map(|_| klantreis::model::Stage {
            id: klantreis::model::StageId::random(),
            ..stage.clone()
        })
        .collect();
    let message = error_of(&file::to_ron_string(&broken).unwrap());
    assert!(message.contains("600 stages"), "{message}");
}

#[test]
fn a_file_that_is_not_a_project() {
    let message = error_of("(title: \"no header\")");
    assert!(message.contains("format"), "{message}");
    let message = error_of("(format: (1, 0), project: (maps: [(kind: Spaceship)]))");
    assert!(message.contains("Spaceship"), "{message}");
    let message = error_of("(format: (0, 9), project: ())");
    assert!(message.contains("0.9"), "{message}");
}

#[test]
fn messages_name_no_internal_types_and_a_byte_order_mark_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let headless = dir.path().join("headless.klantreis.ron");
    std::fs::write(&headless, "(project: ())").unwrap();
    let e = file::load(&headless).unwrap_err().to_string();
    assert!(!e.contains("HeaderIn") && !e.contains("FileIn"), "{e}");
    assert!(e.contains("format"), "{e}");
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join("ikea-winkelbezoek.klantreis.ron");
    let mut bytes = "\u{FEFF}".as_bytes().to_vec();
    bytes.extend(std::fs::read(&example).unwrap());
    let bom = dir.path().join("bom.klantreis.ron");
    std::fs::write(&bom, bytes).unwrap();
    assert_eq!(
        file::load(&bom).unwrap().project,
        file::load(&example).unwrap().project
    );
}

#[test]
fn a_file_just_over_the_limit_says_it_is_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.klantreis.ron");
    let size = file::MAX_FILE_BYTES + 1;
    std::fs::write(&path, vec![b' '; size as usize]).unwrap();
    let e = file::load(&path).unwrap_err().to_string();
    assert!(e.contains("32.1 MB, more than the 32 MB"), "{e}");
}

#[test]
fn a_file_of_exactly_the_limit_is_read_whole_and_a_larger_one_says_its_own_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("full.klantreis.ron");
    // A comment fills the file up to the limit; the project's closing bracket is its last byte,
    // so a read that stopped one byte short would not parse.
    let project = example_text();
    let project = project.trim_end();
    let limit = usize::try_from(file::MAX_FILE_BYTES).unwrap();
    let mut text = "//".to_owned();
    text.push_str(&" ".repeat(limit - project.len() - 3));
    text.push('\n');
    text.push_str(project);
    assert_eq!(text.len(), limit);
    std::fs::write(&path, &text).unwrap();
    assert_eq!(
        file::load(&path).unwrap().project,
        file::from_ron_str(project, Path::new("x")).unwrap().project
    );

    // Far over the limit: the message gives the file's size, not the size of what was read.
    let big = dir.path().join("big.klantreis.ron");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(40 * 1024 * 1024)
        .unwrap();
    let e = file::load(&big).unwrap_err().to_string();
    assert!(e.contains("40.0 MB, more than the 32 MB"), "{e}");
}

#[test]
fn a_project_too_large_even_compact_is_refused_with_its_size() {
    let mut project = file::from_ron_str(&example_text(), Path::new("x"))
        .unwrap()
        .project;
    // One and a half MiB of description, and a limit of one MiB.
    project.description = "x".repeat(3 * 512 * 1024);
    let e = file::file_text(&project, Path::new("p.klantreis.ron"), 1024 * 1024)
        .unwrap_err()
        .to_string();
    // The compact text is the description and the rest of the example: 1.5 MB and a little.
    let size: f64 = e
        .split("would take ")
        .nth(1)
        .and_then(|rest| rest.split(" MB").next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_default();
    assert!(
        (1.5..1.7).contains(&size) && e.contains("MB on disk, more than the 1 MB"),
        "{e}"
    );
}

#[test]
fn a_problem_is_located_by_quoted_names_cut_at_forty_characters() {
    let mut project = file::from_ron_str(&example_text(), Path::new("x"))
        .unwrap()
        .project;
    let long = "Een winkelbezoek van begin tot eind, met alle omwegen erbij";
    project.maps[0].title = long.to_owned();
    project.maps[0].cards[1].title = "Parkeren".to_owned();
    project.maps[0].cards[1].lane = klantreis::model::LaneId::random();
    let problems = file::validate(&project, &klantreis::model::Limits::default());
    assert_eq!(problems.len(), 1, "{problems:?}");
    let cut: String = long.chars().take(40).collect();
    assert_eq!(
        problems[0].location,
        format!("maps[0] \"{cut}\"… › cards[1] \"Parkeren\" › lane")
    );
    // Exactly forty characters are shown whole.
    project.maps[0].title = cut.clone();
    let problems = file::validate(&project, &klantreis::model::Limits::default());
    assert!(
        problems[0]
            .location
            .starts_with(&format!("maps[0] \"{cut}\" › ")),
        "{problems:?}"
    );
}

#[test]
fn a_long_text_over_its_limit_is_a_problem_where_it_is() {
    let mut project = file::from_ron_str(&example_text(), Path::new("x"))
        .unwrap()
        .project;
    let limits = klantreis::model::Limits::default();
    project.maps[0].cards[0].body = "x".repeat(limits.long_text_chars);
    assert!(file::validate(&project, &limits).is_empty());
    project.maps[0].cards[0].body.push('x');
    let problems = file::validate(&project, &limits);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].location.ends_with("› body"), "{problems:?}");
}

/// The locations of the problems validation finds in `project` with `limits`.
fn problems_in(
    project: &klantreis::model::Project,
    limits: &klantreis::model::Limits,
) -> Vec<String> {
    file::validate(project, limits)
        .into_iter()
        .map(|p| p.location)
        .collect()
}

#[test]
fn each_project_rule_fires_just_past_its_bound() {
    use klantreis::model::{DataPoint, Dataset, ImageId, Limits, Persona};
    let good = klantreis::model::Project::default();
    let limits = Limits {
        items: 3,
        short_text_chars: 10,
        ..Limits::default()
    };
    let first = |edit: &dyn Fn(&mut klantreis::model::Project)| {
        let mut p = good.clone();
        edit(&mut p);
        problems_in(&p, &limits)
    };
    assert_eq!(first(&|_| ()), Vec::<String>::new());

    // Lists: exactly the limit is allowed.
    let authors =
        |n: usize| move |p: &mut klantreis::model::Project| p.authors = vec!["A".to_owned(); n];
    assert!(first(&authors(3)).is_empty());
    assert_eq!(first(&authors(4)), ["authors"]);
    // Text is counted in characters, not bytes: ten é are ten characters.
    assert!(first(&|p| p.title = "é".repeat(10)).is_empty());
    assert_eq!(first(&|p| p.title = "é".repeat(11)), ["title"]);
    // A language tag of 35 characters is the longest allowed.
    assert!(first(&|p| p.language = "x".repeat(35)).is_empty());
    assert_eq!(first(&|p| p.language = "x".repeat(36)), ["language"]);
    // Times: empty (unknown) or RFC 3339.
    assert!(first(&|p| p.created = String::new()).is_empty());
    assert_eq!(first(&|p| p.created = "gisteren".to_owned()), ["created"]);
    // A persona's photo must be one of the project's images.
    let with_photo = |image: Option<ImageId>| {
        move |p: &mut klantreis::model::Project| {
            p.personas.push(Persona {
                name: "Anna".to_owned(),
                image,
                ..Persona::default()
            });
        }
    };
    assert!(first(&with_photo(None)).is_empty());
    let photo = {
        use base64::Engine as _;
        klantreis::model::EmbeddedImage {
            name: "foto".to_owned(),
            mime: "image/png".to_owned(),
            data_base64: base64::engine::general_purpose::STANDARD
                .encode(tiny_picture(image::ImageFormat::Png)),
            ..klantreis::model::EmbeddedImage::default()
        }
    };
    let with_one_image = |image: Option<ImageId>| {
        let photo = photo.clone();
        move |p: &mut klantreis::model::Project| {
            p.images.push(photo.clone());
            with_photo(image)(p);
        }
    };
    assert!(first(&with_one_image(Some(photo.id))).is_empty());
    // Images: at most `image_bytes` once decoded, refused before decoding.
    let image_of = |size: usize| {
        use base64::Engine as _;
        let mut bytes = tiny_picture(image::ImageFormat::Png);
        assert!(bytes.len() < size);
        bytes.resize(size, 0);
        let image = klantreis::model::EmbeddedImage {
            data_base64: base64::engine::general_purpose::STANDARD.encode(bytes),
            ..photo.clone()
        };
        move |p: &mut klantreis::model::Project| p.images = vec![image.clone()]
    };
    let small = Limits {
        image_bytes: 1000,
        ..limits.clone()
    };
    let check = |edit: &dyn Fn(&mut klantreis::model::Project)| {
        let mut p = good.clone();
        edit(&mut p);
        problems_in(&p, &small)
    };
    assert!(check(&image_of(999)).is_empty());
    assert_eq!(check(&image_of(1002)), ["images[0] \"foto\" › data_base64"]);
    assert_eq!(
        first(&with_one_image(Some(ImageId::random()))),
        ["personas[0] \"Anna\" › image"]
    );
    assert_eq!(
        first(&with_photo(Some(ImageId::random()))),
        ["personas[0] \"Anna\" › image"]
    );
    // Data values are finite numbers.
    let with_value = |value: f64| {
        move |p: &mut klantreis::model::Project| {
            p.datasets = vec![Dataset {
                name: "NPS".to_owned(),
                values: vec![DataPoint {
                    label: "Q1".to_owned(),
                    value,
                    ..DataPoint::default()
                }],
                ..Dataset::default()
            }];
        }
    };
    assert!(first(&with_value(-12.5)).is_empty());
    assert_eq!(
        first(&with_value(f64::NAN)),
        ["datasets[0] \"NPS\" › values[0] › value"]
    );
}

#[test]
fn a_custom_scale_is_finite_ascending_and_at_most_its_span_wide() {
    use klantreis::model::{EmotionScale, Limits, Map, Project};
    let limits = Limits::default();
    let problems = |min: f64, max: f64| {
        let project = Project {
            maps: vec![Map {
                title: "M".to_owned(),
                scale: EmotionScale::Custom { min, max },
                ..Map::default()
            }],
            ..Project::default()
        };
        problems_in(&project, &limits)
    };
    assert!(
        (limits.max_scale_span - 1000.0).abs() < 1e-9,
        "the cases below assume a span of 1000"
    );
    for (min, max) in [(0.0, 10.0), (-600.0, 300.0), (400.0, 700.0), (0.0, 1000.0)] {
        assert!(problems(min, max).is_empty(), "{min}..{max}");
    }
    for (min, max) in [
        (5.0, 5.0),
        (5.0, 1.0),
        (0.0, 1000.5),
        (0.0, f64::INFINITY),
        (f64::NAN, 1.0),
        (f64::NEG_INFINITY, 0.0),
    ] {
        assert_eq!(
            problems(min, max),
            ["maps[0] \"M\" › scale"],
            "{min}..{max}"
        );
    }
}

#[test]
fn an_embedded_image_must_be_what_its_type_says() {
    use base64::Engine as _;
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let project = file::from_ron_str(&example_text(), Path::new("x"))
        .unwrap()
        .project;
    let with_image = |mime: &str, data: String| {
        let mut p = project.clone();
        p.images.push(klantreis::model::EmbeddedImage {
            name: "foto".to_owned(),
            mime: mime.to_owned(),
            data_base64: data,
            ..klantreis::model::EmbeddedImage::default()
        });
        file::to_ron_string(&p).unwrap()
    };
    // A PNG and a JPEG load.
    let png = with_image("image/png", b64(&tiny_picture(image::ImageFormat::Png)));
    assert!(load_text(&png).is_ok());
    let jpeg = with_image("image/jpeg", b64(&tiny_picture(image::ImageFormat::Jpeg)));
    assert!(load_text(&jpeg).is_ok());
    // An executable claiming to be a PNG, a JPEG claiming to be a PNG, base64 that is not.
    for (mime, data, expected) in [
        (
            "image/png",
            b64(b"MZ\x90\x00 not an image"),
            "not a image/png image",
        ),
        (
            "image/png",
            b64(b"\xff\xd8\xff\xe0rest"),
            "not a image/png image",
        ),
        (
            "image/jpeg",
            b64(b"\x89PNG\r\n\x1a\n"),
            "not a image/jpeg image",
        ),
        ("image/png", "***".to_owned(), "not valid base64"),
        // A few dozen bytes that claim 65,535 × 65,535 pixels (16 GB decoded): refused by
        // their header, before anything is decoded.
        (
            "image/png",
            b64(&png_claiming(65_535, 65_535)),
            "65535 × 65535 pixels",
        ),
        // A PNG that starts right but stops before its header ends.
        (
            "image/png",
            b64(b"\x89PNG\r\n\x1a\nrest of the image"),
            "damaged",
        ),
        (
            "image/gif",
            b64(b"GIF89a"),
            "\"image/gif\" is not supported",
        ),
    ] {
        let message = error_of(&with_image(mime, data));
        assert!(message.contains(expected), "{mime}: {message}");
        let at = format!("images[{}]", project.images.len());
        assert!(message.contains(&at), "where: {message}");
    }
}

#[test]
fn a_card_may_span_up_to_the_last_stage_and_no_further() {
    let project = file::from_ron_str(&example_text(), Path::new("x"))
        .unwrap()
        .project;
    let stages = project.maps[0].stages.len();
    let second_to_last = project.maps[0].stages[stages - 2].id;
    let with_span = |span: u16| {
        let mut p = project.clone();
        let card = &mut p.maps[0].cards[0];
        card.stage = second_to_last;
        card.span = span;
        file::to_ron_string(&p).unwrap()
    };
    // From the second-to-last stage, two stages reach the end exactly.
    assert!(load_text(&with_span(2)).is_ok());
    let message = error_of(&with_span(3));
    assert!(
        message.contains(&format!(
            "covers 3 stages from stage {}, but the map has only {stages} stages",
            stages - 1
        )),
        "{message}"
    );
    assert!(error_of(&with_span(0)).contains("at least 1 stage"));
}
