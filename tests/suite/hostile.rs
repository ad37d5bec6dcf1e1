//! Files built to hurt a decoder: headers written by hand that declare enormous pictures. Each must fail alone,
//! quickly, before its pixels are allocated, while the good image beside it is done.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::bombs::*;
use common::*;
use image::ImageFormat;
use shrinkray::engine::{ImageError, JobEvent};

#[test]
fn pictures_that_declare_huge_sizes_are_refused_before_allocation() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = vec![
        png_bomb(&dir.path().join("bomb.png")),
        jpeg_bomb(&dir.path().join("bomb.jpg"), dir.path()),
        gif_bomb(&dir.path().join("bomb.gif")),
        tiff_bomb(&dir.path().join("bomb.tif")),
        bmp_bomb(&dir.path().join("bomb.bmp")),
        write_photo(&dir.path().join("fine.png"), 64, 48, ImageFormat::Png),
    ];
    let events = run(&inputs, settings_to(&dir.path().join("out")));
    for event in &events {
        if let JobEvent::ImageFailed { input, error, .. } = event {
            assert!(
                matches!(error, ImageError::TooLarge { .. }),
                "{}: refused for the wrong reason: {error}",
                input.display()
            );
        }
    }
    let summary = summary(&events);
    assert_eq!((summary.failed, summary.done), (5, 1), "{events:?}");
}

/// Fails `inputs` (named on the command line, as a user drops files) next to one good photo, and returns each
/// failed file's message.
fn failures_beside_a_good_photo(dir: &Path, mut inputs: Vec<PathBuf>) -> Vec<(PathBuf, String)> {
    let count = inputs.len();
    inputs.push(write_photo(&dir.join("good.jpg"), 120, 90, ImageFormat::Jpeg));
    let events = run(&inputs, settings_to(&dir.join("out")));
    assert_eq!(summary(&events).done, 1, "{events:?}");
    let failed = failures(&events);
    assert_eq!(failed.len(), count, "{failed:?}");
    failed
}

#[test]
fn broken_files_fail_one_by_one_with_the_path_last() {
    let dir = tempfile::tempdir().unwrap();
    let all = common::hostile::broken_files(dir.path());
    for (input, message) in failures_beside_a_good_photo(dir.path(), all) {
        assert!(
            message.ends_with(&input.display().to_string()),
            "the path comes last: {message}"
        );
        assert!(
            message.len() > input.display().to_string().len() + 10,
            "says why: {message}"
        );
    }
    assert!(
        files_below(&dir.path().join("out")) == [PathBuf::from("good.jpg")],
        "no output for any broken file"
    );
}

#[test]
fn a_picture_under_the_wrong_extension_is_read_by_its_content() {
    let dir = tempfile::tempdir().unwrap();
    let png = fs::read(write_photo(&dir.path().join("seed.png"), 300, 200, ImageFormat::Png)).unwrap();
    let disguised = dir.path().join("holiday.jpg");
    fs::write(&disguised, png).unwrap();
    let out = dir.path().join("out");
    let events = run(&[disguised], settings_to(&out));
    assert_eq!(summary(&events).done, 1, "{events:?}");
    // Same format as the input means PNG, and the copy's name says so.
    let copy = out.join("holiday.png");
    assert_eq!(image::ImageFormat::from_path(&copy).unwrap(), ImageFormat::Png);
    assert_eq!(image::open(&copy).unwrap().width(), 300);
}

#[test]
fn a_decoder_that_panics_fails_only_its_own_file() {
    let dir = tempfile::tempdir().unwrap();
    let tiff = tiled_planar_tiff(&dir.path().join("tiles.tif"));
    let failed = failures_beside_a_good_photo(dir.path(), vec![tiff.clone()]);
    // If a newer tiff crate decodes this file, the test needs another file that makes a decoder panic.
    assert!(
        failed[0]
            .1
            .starts_with("internal error while processing the image (assertion failed"),
        "{failed:?}"
    );
    assert!(failed[0].1.ends_with(&tiff.display().to_string()));
}
