//! `--dpi`: the print density the copies carry, read back by ImageMagick's `identify` and by `exiftool`, as
//! the programs that print photos read it.

#![cfg(not(windows))]

use crate::common;

use std::path::Path;
use std::process::Command;

use common::*;

/// What `identify` says of `path`, in dots per inch.
fn identify_dpi(path: &Path) -> f64 {
    let out = Command::new("identify")
        .args(["-format", "%x %U", p(path)])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (value, unit) = text.split_once(' ').unwrap_or_else(|| panic!("{path:?}: {text:?}"));
    let value: f64 = value.parse().unwrap();
    match unit.trim() {
        "PixelsPerInch" => value,
        "PixelsPerCentimeter" => value * 2.54,
        other => panic!("{path:?}: no density ({value} {other})"),
    }
}

/// What `exiftool` says of the EXIF resolution of `path`: "300 inches".
fn exif_resolution(path: &Path) -> String {
    let out = Command::new("exiftool")
        .args(["-s3", "-EXIF:XResolution", "-EXIF:ResolutionUnit", p(path)])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_chosen_density_is_what_identify_and_exiftool_read_in_every_format_that_keeps_one() {
    let dir = tempfile::tempdir().unwrap();
    // A camera JPEG whose EXIF says 72 dpi, and its copies in seven formats at 300.
    let photo = data("exif-gps.jpg");
    for (format, ext) in [
        ("jpeg", "jpg"),
        ("png", "png"),
        ("tiff", "tif"),
        ("bmp", "bmp"),
        ("webp", "webp"),
    ] {
        let out = dir.path().join(format);
        let run = cli(&["--out", p(&out), "--format", format, "--dpi", "300", p(&photo)]);
        assert!(run.status.success(), "{run:?}");
        let copy = out.join(format!("exif-gps.{ext}"));
        if !["webp", "avif", "jxl"].contains(&format) {
            // These formats have no field for it, only their EXIF.
            let dpi = identify_dpi(&copy);
            assert!((dpi - 300.0).abs() < 0.1, "{format}: identify says {dpi}");
        }
        if format != "bmp" {
            assert_eq!(exif_resolution(&copy), "300 inches", "{format}: exiftool");
        }
    }
}

#[test]
fn keep_carries_the_originals_density_over() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("print.jpg");
    let mut bytes = Vec::new();
    let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90);
    encoder.set_pixel_density(image::codecs::jpeg::PixelDensity::dpi(240));
    encoder.encode_image(&photo(640, 480, 3)).unwrap();
    std::fs::write(&source, bytes).unwrap();
    assert!((identify_dpi(&source) - 240.0).abs() < 0.1);
    for (format, ext) in [("jpeg", "jpg"), ("png", "png")] {
        let out = dir.path().join(format);
        let run = cli(&[
            "--out",
            p(&out),
            "--format",
            format,
            "--dpi",
            "keep",
            "--width",
            "320",
            p(&source),
        ]);
        assert!(run.status.success(), "{run:?}");
        let copy = out.join(format!("print.{ext}"));
        let dpi = identify_dpi(&copy);
        assert!((dpi - 240.0).abs() < 0.5, "{format}: {dpi}");
    }
    // Without --dpi, a PNG copy says nothing of density: the flag is what carries it.
    let plain = dir.path().join("plain");
    assert!(
        cli(&["--out", p(&plain), "--format", "png", p(&source)])
            .status
            .success()
    );
    let text = Command::new("identify")
        .args(["-format", "%U", p(&plain.join("print.png"))])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&text.stdout), "Undefined");
}
