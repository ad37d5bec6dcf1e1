//! Seeing a batch before it runs: one image's before/after preview and the batch estimate, both made by the real
//! pipeline in memory, neither writing anything.

use crate::common;

use std::fs;
use std::path::PathBuf;

use common::*;
use image::ImageFormat;
use shrinkray::engine::{CancelToken, OutputFormat, ResizeMode, Selection, Settings, estimate, preview};

fn mean_rgba_diff(a: &image::RgbaImage, b: &image::RgbaImage) -> f64 {
    assert_eq!(a.dimensions(), b.dimensions());
    let sum: u64 = a
        .as_raw()
        .iter()
        .zip(b.as_raw())
        .map(|(x, y)| u64::from(x.abs_diff(*y)))
        .sum();
    sum as f64 / a.as_raw().len() as f64
}

#[test]
fn the_preview_is_the_copy_a_run_writes_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("in/photo.jpg"), 1600, 1200, ImageFormat::Jpeg);
    let out = dir.path().join("out");
    let settings = Settings {
        resize: ResizeMode::LongEdge(800),
        ..settings_to(&out)
    };
    let shown = preview(&input, &settings, 4096, &CancelToken::new()).unwrap().unwrap();
    assert!(!out.exists(), "a preview created the output folder");
    assert_eq!(shown.input_size, (1600, 1200));
    assert_eq!(shown.output_size, (800, 600));
    assert_eq!(shown.before.dimensions(), (800, 600));
    assert_eq!(shown.after.dimensions(), (800, 600));
    assert_eq!(shown.quality, Some(85));
    assert_eq!(shown.input_bytes, fs::metadata(&input).unwrap().len());
    // The run writes exactly the bytes the preview measured.
    let written = resize_one(&input, &out, ResizeMode::LongEdge(800));
    assert_eq!(shown.output_bytes, fs::metadata(&written).unwrap().len());
    // Before and after line up pixel for pixel: they differ by compression only.
    assert!(mean_rgba_diff(&shown.before, &shown.after) < 4.0);
}

#[test]
fn lower_quality_shows_fewer_bytes_and_a_copy_further_from_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("photo.png"), 1200, 900, ImageFormat::Png);
    let at = |quality| {
        let settings = Settings {
            format: OutputFormat::Jpeg,
            quality,
            resize: ResizeMode::LongEdge(600),
            ..settings_to(&dir.path().join("out"))
        };
        preview(&input, &settings, 4096, &CancelToken::new()).unwrap().unwrap()
    };
    let (high, low) = (at(95), at(20));
    assert!(
        low.output_bytes * 2 < high.output_bytes,
        "{} vs {}",
        low.output_bytes,
        high.output_bytes
    );
    assert!(mean_rgba_diff(&low.before, &low.after) > mean_rgba_diff(&high.before, &high.after));
    assert_eq!((high.format.as_str(), high.quality), ("JPEG", Some(95)));
}

#[test]
fn a_fill_preview_shows_the_same_crop_on_both_sides() {
    let dir = tempfile::tempdir().unwrap();
    // Left half red, right half blue: a crop taken off-centre on one side only would show.
    let input = dir.path().join("wide.png");
    image::RgbImage::from_fn(1200, 400, |x, _| {
        if x < 600 {
            image::Rgb([220, 30, 30])
        } else {
            image::Rgb([30, 30, 220])
        }
    })
    .save(&input)
    .unwrap();
    let settings = Settings {
        resize: ResizeMode::Fill {
            width: 300,
            height: 300,
        },
        ..settings_to(&dir.path().join("out"))
    };
    let shown = preview(&input, &settings, 4096, &CancelToken::new()).unwrap().unwrap();
    assert_eq!(shown.output_size, (300, 300));
    assert_eq!(shown.before.dimensions(), (300, 300));
    assert!(mean_rgba_diff(&shown.before, &shown.after) < 3.0);
    // The centre of a 1200×400 picture cut square: red on the left, blue on the right.
    assert!(shown.after.get_pixel(20, 150)[0] > 180 && shown.after.get_pixel(280, 150)[2] > 180);
}

#[test]
fn a_large_copy_is_shown_smaller_on_both_sides_alike() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("big.png"), 1000, 500, ImageFormat::Png);
    let settings = Settings {
        resize: ResizeMode::Percent(100.0),
        ..settings_to(&dir.path().join("out"))
    };
    let shown = preview(&input, &settings, 400, &CancelToken::new()).unwrap().unwrap();
    assert_eq!(shown.output_size, (1000, 500));
    assert_eq!(
        (shown.before.dimensions(), shown.after.dimensions()),
        ((400, 200), (400, 200))
    );
    assert!((shown.shown_scale - 0.4).abs() < 1e-6);
}

#[test]
fn a_superseded_preview_gives_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("photo.jpg"), 800, 600, ImageFormat::Jpeg);
    let cancel = CancelToken::new();
    cancel.cancel();
    let shown = preview(&input, &settings_to(&dir.path().join("out")), 4096, &cancel).unwrap();
    assert!(shown.is_none());
}

#[test]
fn a_bad_file_is_an_error_that_names_it_and_the_next_preview_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.jpg");
    let good_file = write_photo(&dir.path().join("good.jpg"), 800, 600, ImageFormat::Jpeg);
    let mut data = fs::read(&good_file).unwrap();
    data.truncate(data.len() / 3);
    fs::write(&bad, data).unwrap();
    let settings = settings_to(&dir.path().join("out"));
    let clean = preview(&good_file, &settings, 4096, &CancelToken::new())
        .unwrap()
        .unwrap();
    let error = preview(&bad, &settings, 4096, &CancelToken::new())
        .err()
        .expect("a truncated file previewed");
    assert!(error.to_string().ends_with(&bad.display().to_string()), "{error}");
    let after = preview(&good_file, &settings, 4096, &CancelToken::new())
        .unwrap()
        .unwrap();
    assert_eq!(after.after.as_raw(), clean.after.as_raw());
    assert_eq!(after.output_bytes, clean.output_bytes);
}

/// A batch of photos in three folders, of different sizes and two formats.
fn batch(root: &std::path::Path) -> Vec<PathBuf> {
    for i in 0..30u32 {
        let (w, h) = (900 + 37 * i, 700 + 23 * i);
        let (folder, format, ext) = match i % 3 {
            0 => ("a", ImageFormat::Jpeg, "jpg"),
            1 => ("b", ImageFormat::Jpeg, "jpg"),
            _ => ("c", ImageFormat::Png, "png"),
        };
        write_photo(&root.join(folder).join(format!("{i:02}.{ext}")), w, h, format);
    }
    vec![root.join("a"), root.join("b"), root.join("c")]
}

#[test]
fn the_estimate_is_near_the_real_run_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = batch(&dir.path().join("in"));
    let out = dir.path().join("out");
    let settings = Settings {
        resize: ResizeMode::LongEdge(600),
        format: OutputFormat::WebP,
        quality: 80,
        ..settings_to(&out)
    };
    let mut seen = 0;
    let guess = estimate(
        &inputs,
        &settings,
        &Selection::default(),
        16,
        &CancelToken::new(),
        |_| seen += 1,
    )
    .unwrap()
    .unwrap();
    assert!(!out.exists(), "the estimate created the output folder");
    assert_eq!(
        (seen, guess.images, guess.sampled, guess.sample_failed),
        (30, 30, 16, 0)
    );
    let events = run(&inputs, settings);
    let real = summary(&events).output_bytes as f64;
    let estimated = guess.output_bytes.unwrap() as f64;
    assert!(
        (estimated / real - 1.0).abs() < 0.15,
        "estimated {estimated}, real {real}"
    );
    assert!(guess.seconds.unwrap() > 0.0);
}

#[test]
fn copies_that_would_not_shrink_are_told() {
    let dir = tempfile::tempdir().unwrap();
    let root = write_inflatable_jpegs(dir.path(), 6);
    let inputs = vec![root];
    let settings = settings_to(&dir.path().join("out"));
    let guess = estimate(
        &inputs,
        &settings,
        &Selection::default(),
        8,
        &CancelToken::new(),
        |_| {},
    )
    .unwrap()
    .unwrap();
    assert_eq!(guess.not_smaller, 6);
    assert!(guess.mostly_not_smaller(&settings));
    assert!(guess.output_bytes.unwrap() > guess.input_bytes);
    let skipping = Settings {
        skip_if_larger: true,
        ..settings.clone()
    };
    let guess = estimate(
        &inputs,
        &skipping,
        &Selection::default(),
        8,
        &CancelToken::new(),
        |_| {},
    )
    .unwrap()
    .unwrap();
    assert!(!guess.mostly_not_smaller(&skipping));
    // The originals would be copied: the batch comes out its own size.
    assert_eq!(guess.output_bytes, Some(guess.input_bytes));
}

#[test]
fn a_cancelled_estimate_gives_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = batch(&dir.path().join("in"));
    let cancel = CancelToken::new();
    cancel.cancel();
    let settings = settings_to(&dir.path().join("out"));
    assert!(
        estimate(&inputs, &settings, &Selection::default(), 8, &cancel, |_| {})
            .unwrap()
            .is_none()
    );
}
