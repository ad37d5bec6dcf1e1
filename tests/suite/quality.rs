//! Quality by look (the lowest quality whose copy scores at least a SSIMULACRA2 target) and the JPEG encoder's
//! options (progressive scans, chroma subsampling), read back from the copies.

use crate::common;

use std::fs;
use std::path::Path;

use common::*;
use image::{DynamicImage, GenericImageView, ImageFormat};
use serde_json::Value;
use shrinkray::engine::{JpegEncoder, OutputFormat, Settings, Subsampling, open, ssimulacra2};

/// What an image's event says of its copy.
struct Made {
    output: std::path::PathBuf,
    output_bytes: u64,
    quality: Option<u8>,
    score: Option<f32>,
    note: Option<String>,
}

/// The copy of `input` made with `settings`, decoded, and what its event says.
fn copy_of(input: &Path, settings: Settings) -> (DynamicImage, Made) {
    let events = run(&[input.to_owned()], settings);
    let d = done(&events);
    let made = Made {
        output: d.output.clone(),
        output_bytes: d.output_bytes,
        quality: d.quality,
        score: d.score,
        note: d.note.clone(),
    };
    (open(&made.output, &Default::default()).unwrap(), made)
}

#[test]
fn the_quality_chosen_by_look_reaches_the_target_and_one_lower_does_not() {
    let dir = tempfile::tempdir().unwrap();
    // Within the default box, so the picture before encoding is the input itself: the reference for the check.
    let input = write_photo(&dir.path().join("photo.png"), 640, 480, ImageFormat::Png);
    let reference = image::open(&input).unwrap();
    for (format, target) in [
        (OutputFormat::Jpeg, 80.0),
        (OutputFormat::Jpeg, 90.0),
        (OutputFormat::WebP, 80.0),
        (OutputFormat::Avif, 70.0),
    ] {
        if format == OutputFormat::Avif && !HEIF {
            continue;
        }
        let out = dir.path().join(format!("{format:?}-{target}"));
        let look = Settings {
            format,
            min_score: Some(target),
            ..settings_to(&out)
        };
        let (copy, done) = copy_of(&input, look);
        let (quality, score) = (done.quality.unwrap(), done.score.unwrap());
        let measured = ssimulacra2(&reference, &copy).unwrap();
        assert!(
            measured >= f64::from(target),
            "{format:?} q{quality}: {measured} < {target}"
        );
        assert!(
            (measured - f64::from(score)).abs() < 0.01,
            "event says {score}, the copy scores {measured}"
        );
        match &done.note {
            // The search may stop before proving the answer the lowest, but then it says so.
            Some(note) => assert!(note.contains("the search stopped"), "{note}"),
            None => {
                // At the subsampling the search kept (a fixed quality's auto may differ).
                let subsampling = match format {
                    OutputFormat::Jpeg if frame(&done.output).1[0] == (1, 1) => Subsampling::S444,
                    OutputFormat::Jpeg => Subsampling::S420,
                    _ => Subsampling::Auto,
                };
                // A look's JPEG is jpegli's (a fixed quality's auto would be libjpeg-turbo's).
                let below = Settings {
                    format,
                    quality: quality - 1,
                    subsampling,
                    jpeg_encoder: JpegEncoder::Jpegli,
                    ..settings_to(&dir.path().join(format!("{format:?}-{target}-below")))
                };
                let (lower, _) = copy_of(&input, below);
                let lower_score = ssimulacra2(&reference, &lower).unwrap();
                assert!(
                    lower_score < f64::from(target),
                    "{format:?} q{} also scores {lower_score}",
                    quality - 1
                );
            }
        }
    }
}

/// A JPEG chosen by look is written progressive, and its pixels are those of the baseline copy at the same
/// quality, which is what the search scored.
#[test]
fn jpegs_chosen_by_look_are_progressive_with_the_pixels_the_search_scored() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("photo.png"), 640, 480, ImageFormat::Png);
    let look = Settings {
        format: OutputFormat::Jpeg,
        min_score: Some(83.5),
        ..settings_to(&dir.path().join("look"))
    };
    let (copy, made) = copy_of(&input, look);
    let bytes = fs::read(&made.output).unwrap();
    assert!(bytes.windows(2).any(|w| w == [0xFF, 0xC2]), "a progressive frame");
    // A look's JPEG is jpegli's, whose auto is full colour at every quality.
    assert_eq!(frame(&made.output).1, vec![(1, 1), (1, 1), (1, 1)]);
    let baseline = Settings {
        format: OutputFormat::Jpeg,
        quality: made.quality.unwrap(),
        jpeg_encoder: JpegEncoder::Jpegli,
        ..settings_to(&dir.path().join("fixed"))
    };
    let (fixed, fixed_made) = copy_of(&input, baseline);
    assert!(
        fs::read(&fixed_made.output)
            .unwrap()
            .windows(2)
            .any(|w| w == [0xFF, 0xC0]),
        "a baseline frame"
    );
    assert_eq!(copy.to_rgb8(), fixed.to_rgb8(), "the same pixels");
    assert!(
        made.output_bytes < fixed_made.output_bytes,
        "{} ≥ {}",
        made.output_bytes,
        fixed_made.output_bytes
    );
}

/// A look's JPEG is jpegli's unless told otherwise: it reaches the same target in fewer bytes than
/// libjpeg-turbo's (about a tenth fewer on the benchmark corpus, benches/quality.sh).
#[test]
fn a_look_reaches_its_target_in_fewer_bytes_with_jpegli_than_with_libjpeg_turbo() {
    let dir = tempfile::tempdir().unwrap();
    // A real photograph: generated grain is not what either encoder is tuned for.
    let input = data("bridge.jpg");
    let look = |encoder| {
        let settings = Settings {
            format: OutputFormat::Jpeg,
            min_score: Some(83.5),
            jpeg_encoder: encoder,
            ..settings_to(&dir.path().join(format!("{encoder:?}")))
        };
        copy_of(&input, settings).1
    };
    let (auto, turbo) = (look(JpegEncoder::Auto), look(JpegEncoder::Turbo));
    for made in [&auto, &turbo] {
        assert!(made.score.unwrap() >= 83.5, "{:?} {:?}", made.score, made.note);
    }
    assert!(
        auto.output_bytes * 100 < turbo.output_bytes * 95,
        "auto: {} bytes at q{:?}, libjpeg-turbo: {} bytes at q{:?}",
        auto.output_bytes,
        auto.quality,
        turbo.output_bytes,
        turbo.quality
    );
}

#[test]
fn a_higher_target_costs_more_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("photo.jpg"), 1600, 1200, ImageFormat::Jpeg);
    let bytes = |target| {
        let settings = Settings {
            min_score: Some(target),
            ..settings_to(&dir.path().join(format!("{target}")))
        };
        copy_of(&input, settings).1.output_bytes
    };
    let (good, high, lossless) = (bytes(70.0), bytes(80.0), bytes(90.0));
    assert!(good < high && high < lossless, "{good} {high} {lossless}");
}

/// A 640×480 picture of smooth gradients under grain: `luma` levels of it shared by the three channels, and
/// `chroma` levels moving red and green apart (colour detail that halving the colour resolution loses).
fn grainy(path: &Path, luma: i32, chroma: i32) -> std::path::PathBuf {
    let mut state = 12_345u32;
    let mut grain = |amplitude: i32| {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        if amplitude == 0 {
            0
        } else {
            (state >> 16) as i32 % (2 * amplitude + 1) - amplitude
        }
    };
    let img = image::RgbImage::from_fn(640, 480, |x, y| {
        let (g, c) = (grain(luma), grain(chroma));
        let (fx, fy) = (x as f32 / 640.0, y as f32 / 480.0);
        let px = |v: f32, d: i32| (v * 255.0 + d as f32).clamp(0.0, 255.0) as u8;
        image::Rgb([
            px(fx, g + c),
            px(fy * 0.8 + 0.1, g - c),
            px(((fx + fy) * 3.0).sin() * 0.5 + 0.5, g),
        ])
    });
    img.save(path).unwrap();
    path.to_owned()
}

/// libjpeg-turbo's `auto` subsampling at a fixed quality turns to 4:4:4 at quality 90, a step in bytes and
/// score. A look with libjpeg-turbo keeps one subsampling through its search instead (4:2:0 below a target of
/// 90), so where the lowest passing quality is near 90 the copy is not a 4:4:4 one that overshoots the target at
/// a higher cost.
#[test]
fn a_look_with_auto_subsampling_costs_no_more_than_with_4_2_0() {
    let dir = tempfile::tempdir().unwrap();
    // Grain that needs about quality 90 at 4:2:0 to reach 83.5.
    let input = grainy(&dir.path().join("grain.png"), 24, 0);
    let look = |subsampling| {
        let settings = Settings {
            format: OutputFormat::Jpeg,
            min_score: Some(83.5),
            subsampling,
            jpeg_encoder: JpegEncoder::Turbo,
            ..settings_to(&dir.path().join(format!("{subsampling:?}")))
        };
        copy_of(&input, settings).1
    };
    let (auto, halved) = (look(Subsampling::Auto), look(Subsampling::S420));
    assert!(auto.score.unwrap() >= 83.5 && auto.note.is_none(), "{:?}", auto.note);
    assert_eq!(frame(&auto.output).1, vec![(2, 2), (1, 1), (1, 1)], "4:2:0");
    assert!(
        auto.output_bytes <= halved.output_bytes,
        "auto: {} bytes at q{:?}, 4:2:0: {} bytes at q{:?}",
        auto.output_bytes,
        auto.quality,
        halved.output_bytes,
        halved.quality
    );
}

/// Colour detail that 4:2:0 cannot keep at any quality: a look with libjpeg-turbo then searches again at 4:4:4
/// and reaches its target; and a visually lossless look keeps colour at full resolution throughout.
#[test]
fn a_look_falls_back_to_4_4_4_where_4_2_0_cannot_reach_the_target() {
    let dir = tempfile::tempdir().unwrap();
    let input = grainy(&dir.path().join("colour.png"), 12, 24);
    for (target, name) in [(83.5, "high"), (90.0, "lossless")] {
        let settings = Settings {
            format: OutputFormat::Jpeg,
            min_score: Some(target),
            jpeg_encoder: JpegEncoder::Turbo,
            ..settings_to(&dir.path().join(name))
        };
        let (_, made) = copy_of(&input, settings);
        assert!(
            made.score.unwrap() >= target,
            "{name}: {:?} {:?}",
            made.score,
            made.note
        );
        assert!(made.note.is_none(), "{name}: {:?}", made.note);
        assert_eq!(frame(&made.output).1, vec![(1, 1), (1, 1), (1, 1)], "{name}: 4:4:4");
    }
}

/// The JPEG's frame: whether it is progressive, and each component's sampling factors.
fn frame(path: &Path) -> (bool, Vec<(u8, u8)>) {
    let data = fs::read(path).unwrap();
    let mut i = 2;
    while i + 4 <= data.len() {
        assert_eq!(data[i], 0xFF, "not at a marker");
        let marker = data[i + 1];
        let len = usize::from(u16::from_be_bytes([data[i + 2], data[i + 3]]));
        if matches!(marker, 0xC0..=0xC2) {
            let components = usize::from(data[i + 9]);
            let factors = (0..components)
                .map(|c| {
                    let f = data[i + 11 + 3 * c];
                    (f >> 4, f & 0x0F)
                })
                .collect();
            return (marker == 0xC2, factors);
        }
        i += 2 + len;
    }
    panic!("no frame header in {}", path.display());
}

#[test]
fn progressive_and_subsampling_reach_the_encoder_on_both_jpeg_routes() {
    let dir = tempfile::tempdir().unwrap();
    // A PNG goes through RGB; a JPEG through its planes; a turned JPEG through its planes, turned.
    let png = write_photo(&dir.path().join("in/a.png"), 900, 600, ImageFormat::Png);
    let jpeg = write_photo(&dir.path().join("in/b.jpg"), 900, 600, ImageFormat::Jpeg);
    let turned = data("orientation/6.jpg");
    // jpegli's auto is 4:4:4 at every quality; it takes the RGB route from a JPEG too.
    for (progressive, subsampling, quality, factors, encoder) in [
        (false, Subsampling::Auto, 85, (2, 2), JpegEncoder::Auto),
        (false, Subsampling::Auto, 90, (1, 1), JpegEncoder::Auto),
        (true, Subsampling::S420, 95, (2, 2), JpegEncoder::Auto),
        (true, Subsampling::S422, 85, (2, 1), JpegEncoder::Auto),
        (false, Subsampling::S444, 60, (1, 1), JpegEncoder::Auto),
        (false, Subsampling::Auto, 85, (1, 1), JpegEncoder::Jpegli),
        (true, Subsampling::S420, 80, (2, 2), JpegEncoder::Jpegli),
        (false, Subsampling::S422, 95, (2, 1), JpegEncoder::Jpegli),
    ] {
        for input in [&png, &jpeg, &turned] {
            let out = dir
                .path()
                .join(format!("{progressive}-{subsampling:?}-{quality}-{encoder:?}"));
            let settings = Settings {
                format: OutputFormat::Jpeg,
                quality,
                progressive,
                subsampling,
                jpeg_encoder: encoder,
                resize: shrinkray::engine::ResizeMode::LongEdge(500),
                ..settings_to(&out)
            };
            let (copy, done) = copy_of(input, settings);
            let (is_progressive, sampling) = frame(&done.output);
            let case = format!(
                "{} {progressive} {subsampling:?} q{quality} {encoder:?}",
                input.display()
            );
            assert_eq!(is_progressive, progressive, "{case}");
            assert_eq!(sampling, vec![factors, (1, 1), (1, 1)], "{case}");
            // The picture survives either way, the right way up and the right size (the turned file is 48×32
            // upright, too small to shrink).
            let expected = if input == &turned { (48, 32) } else { (500, 333) };
            assert_eq!(copy.dimensions(), expected, "{case}");
        }
    }
}

#[test]
fn the_cli_takes_a_look_or_a_score_and_reports_the_quality_and_score_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("in/photo.png"), 640, 480, ImageFormat::Png);
    let reference = image::open(&input).unwrap();
    let high = f64::from(
        shrinkray::engine::LOOKS
            .iter()
            .find(|l| l.name == "high")
            .unwrap()
            .target,
    );
    for (args, target) in [(&["--quality", "high"][..], high), (&["--min-score", "85"][..], 85.0)] {
        let out = dir.path().join(format!("out-{target}"));
        let run = cli(&[&["--json", "--format", "jpeg", "--out", p(&out)], args, &[p(&input)]].concat());
        assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
        let stdout = String::from_utf8_lossy(&run.stdout);
        let done: Value = stdout
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .find(|v| v["event"] == "done")
            .unwrap();
        let score = done["score"].as_f64().unwrap();
        assert!(score >= target, "{done}");
        // Decoded as the engine scored it (libjpeg-turbo; another decoder's upsampling moves the score a little).
        let copy = open(Path::new(done["output"].as_str().unwrap()), &Default::default()).unwrap();
        assert!((ssimulacra2(&reference, &copy).unwrap() - score).abs() < 0.01, "{done}");
        assert!(done["quality"].as_u64().unwrap() < 100);
    }
    let fixed = cli(&["--json", "--out", p(&dir.path().join("fixed")), p(&input)]);
    let stdout = String::from_utf8_lossy(&fixed.stdout);
    assert!(stdout.contains("\"score\":null"), "{stdout}");
    let bad = cli(&["--quality", "superb", "--out", p(&dir.path().join("bad")), p(&input)]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("give 1-100, or visually-lossless, high or good"));
}

/// Sum of absolute differences between neighbouring pixels: edge contrast.
fn edge_contrast(img: &DynamicImage) -> u64 {
    let grey = img.to_luma8();
    let mut sum = 0u64;
    for y in 0..grey.height() {
        for x in 1..grey.width() {
            sum += u64::from(grey.get_pixel(x, y)[0].abs_diff(grey.get_pixel(x - 1, y)[0]));
        }
    }
    sum
}

#[test]
fn sharpen_for_screen_adds_edge_contrast_to_copies_made_smaller_only() {
    let dir = tempfile::tempdir().unwrap();
    // Hard-edged bars, and a JPEG (whose copies otherwise go the planar way, which cannot sharpen).
    let bars = dir.path().join("in/bars.png");
    fs::create_dir_all(bars.parent().unwrap()).unwrap();
    image::RgbImage::from_fn(1200, 800, |x, _| {
        if (x / 37) % 2 == 0 {
            image::Rgb([30, 40, 50])
        } else {
            image::Rgb([220, 210, 200])
        }
    })
    .save(&bars)
    .unwrap();
    let jpeg = write_photo(&dir.path().join("in/photo.jpg"), 1200, 800, ImageFormat::Jpeg);
    for input in [&bars, &jpeg] {
        let made = |sharpen, resize| {
            let settings = Settings {
                sharpen,
                resize,
                format: OutputFormat::Png,
                ..settings_to(&dir.path().join(format!("{sharpen}-{resize:?}")))
            };
            copy_of(input, settings).0
        };
        let smaller = shrinkray::engine::ResizeMode::LongEdge(400);
        let (plain, sharp) = (made(false, smaller), made(true, smaller));
        assert!(
            edge_contrast(&sharp) as f64 > edge_contrast(&plain) as f64 * 1.02,
            "{}: {} vs {}",
            input.display(),
            edge_contrast(&sharp),
            edge_contrast(&plain)
        );
        // Not made smaller: nothing to give back, nothing changes.
        let same = shrinkray::engine::ResizeMode::Percent(100.0);
        assert_eq!(
            made(false, same).as_bytes(),
            made(true, same).as_bytes(),
            "{}",
            input.display()
        );
    }
    // The flag reaches the engine from the command line.
    let out = |flag: &[&str], name: &str| {
        let out = dir.path().join(name);
        let run = cli(&[
            &["--out", p(&out), "--long-edge", "400", "--format", "png"],
            flag,
            &[p(&jpeg)],
        ]
        .concat());
        assert_eq!(run.status.code(), Some(0));
        image::open(out.join("photo.png")).unwrap()
    };
    assert!(edge_contrast(&out(&["--sharpen"], "cli-sharp")) > edge_contrast(&out(&[], "cli-plain")));
}
