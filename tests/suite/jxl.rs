//! JPEG XL inputs: files made by `cjxl` 0.7 (lossy, lossless with a Display P3 profile, alpha, 16-bit, an
//! animation, a JPEG stored for reconstruction, a turned picture) decode as libjxl's own `djxl` does (its
//! decodings are kept beside them); their profile, metadata and frames reach the copies; broken ones fail alone
//! and the limits hold. Copies in JPEG XL are `jxl_copies`.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use image::DynamicImage;
use shrinkray::engine::{Limits, OutputFormat, ResizeMode, Settings, open};

/// A file of `tests/data/jxl/`.
pub(crate) fn fixture(name: &str) -> PathBuf {
    data(&format!("jxl/{name}"))
}

/// The largest difference between two pictures' samples, in 1/255 steps (16-bit samples scaled).
pub(crate) fn max_step(a: &DynamicImage, b: &DynamicImage) -> f64 {
    assert_eq!(
        a.dimensions_and_colour(),
        b.dimensions_and_colour(),
        "size and channels"
    );
    let (a, b) = (a.to_rgba16(), b.to_rgba16());
    a.as_raw()
        .iter()
        .zip(b.as_raw())
        .map(|(&x, &y)| f64::from(x.abs_diff(y)) / 257.0)
        .fold(0.0, f64::max)
}

trait Shape {
    fn dimensions_and_colour(&self) -> (u32, u32, bool);
}

impl Shape for DynamicImage {
    fn dimensions_and_colour(&self) -> (u32, u32, bool) {
        (self.width(), self.height(), self.color().has_alpha())
    }
}

#[test]
fn jxl_inputs_decode_as_djxl_decodes_them() {
    let dir = tempfile::tempdir().unwrap();
    // (file, size once upright, largest difference from djxl's decoding in 1/255 steps)
    for (file, size, tolerance) in [
        ("lossless-p3.jxl", (64, 48), 0.0),
        ("alpha.jxl", (32, 24), 0.0),
        ("deep-16bit.jxl", (64, 48), 0.0),
        ("from-jpeg.jxl", (320, 240), 1.0),
        ("lossy.jxl", (320, 240), 1.0),
        ("orientation-6.jxl", (48, 32), 1.0),
        // Its first frame (djxl writes an APNG; `image` reads its first frame).
        ("animated.jxl", (64, 48), 0.0),
    ] {
        let ours = open(&fixture(file), &Limits::default()).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!((ours.width(), ours.height()), size, "{file}: upright, turned once");
        let theirs = fixture(&file.replace(".jxl", ".djxl.png"));
        let theirs = image::open(&theirs).unwrap();
        let step = max_step(&ours, &theirs);
        assert!(step <= tolerance, "{file}: {step} steps from djxl's decoding");
        if file == "deep-16bit.jxl" {
            assert!(matches!(ours, DynamicImage::ImageRgb16(_)), "{file}: 16 bits kept");
        }
    }
    drop(dir);
}

#[test]
fn a_jxl_input_s_profile_and_metadata_reach_its_copy() {
    let dir = tempfile::tempdir().unwrap();
    // A lossless picture in Display P3: the PNG copy carries the profile its pixels are in.
    let events = run(
        &[fixture("lossless-p3.jxl")],
        Settings {
            format: OutputFormat::Png,
            ..settings_to(&dir.path().join("p3"))
        },
    );
    let png = fs::read(&outputs(&events)[0]).unwrap();
    assert!(png.windows(4).any(|w| w == b"iCCP"), "the copy has a colour profile");
    // cjxl carried exif-gps.jpg's EXIF and XMP into boxes (it does so only when it stores a JPEG): the JPEG
    // copy has them, GPS included, and is upright once (the box still says "turned 90°").
    let events = run(
        &[fixture("from-jpeg.jxl")],
        Settings {
            format: OutputFormat::Jpeg,
            ..settings_to(&dir.path().join("exif"))
        },
    );
    let copy = outputs(&events)[0].clone();
    assert_eq!(dims(&copy), (320, 240), "upright, turned once");
    let exif = exif::Reader::new()
        .read_from_container(&mut std::io::BufReader::new(fs::File::open(&copy).unwrap()))
        .expect("the copy has EXIF");
    let make = exif.get_field(exif::Tag::Make, exif::In::PRIMARY).unwrap();
    assert!(make.display_value().to_string().contains("Shrinkray Test Camera"));
    assert!(exif.get_field(exif::Tag::GPSLatitude, exif::In::PRIMARY).is_some());
    let orientation = exif.get_field(exif::Tag::Orientation, exif::In::PRIMARY);
    assert!(
        orientation.is_none_or(|o| o.value.get_uint(0) == Some(1)),
        "the upright copy says it is upright"
    );
    let bytes = fs::read(&copy).unwrap();
    assert!(bytes.windows(20).any(|w| w == b"http://ns.adobe.com/"), "XMP kept");
}

#[test]
fn an_animated_jxl_keeps_its_frames_where_the_copy_can_animate() {
    let dir = tempfile::tempdir().unwrap();
    let events = run(
        &[fixture("animated.jxl")],
        Settings {
            resize: ResizeMode::Width(32),
            format: OutputFormat::Gif,
            ..settings_to(&dir.path().join("gif"))
        },
    );
    let gif = outputs(&events)[0].clone();
    let decoder = image::codecs::gif::GifDecoder::new(std::io::BufReader::new(fs::File::open(&gif).unwrap())).unwrap();
    let frames = image::AnimationDecoder::into_frames(decoder).collect_frames().unwrap();
    let delays: Vec<_> = frames
        .iter()
        .map(|f| {
            let (n, d) = f.delay().numer_denom_ms();
            (f.buffer().dimensions(), n / d)
        })
        .collect();
    assert_eq!(
        delays,
        [100, 200, 300, 400].map(|d| ((32, 24), d)),
        "every frame, resized, with its delay"
    );
    let events = run(
        &[fixture("animated.jxl")],
        Settings {
            format: OutputFormat::Jpeg,
            ..settings_to(&dir.path().join("jpeg"))
        },
    );
    assert_eq!(
        done(&events).note.as_deref(),
        Some("animated, but JPEG cannot animate: only the first frame was kept")
    );
}

#[test]
fn a_broken_jxl_is_one_error_and_the_next_file_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let good = fs::read(fixture("lossy.jxl")).unwrap();
    let inputs = vec![
        write(dir.path(), "cut.jxl", &good[..good.len() / 2]),
        write(dir.path(), "head.jxl", &good[..40]),
        write(dir.path(), "signature.jxl", &[0xFF, 0x0A]),
        fixture("lossy.jxl"),
    ];
    let settings = Settings {
        threads: std::num::NonZeroUsize::new(1),
        format: OutputFormat::Png,
        ..settings_to(&dir.path().join("out"))
    };
    let events = run(&inputs, settings.clone());
    let failed = failures(&events);
    assert_eq!(failed.len(), 3, "{events:?}");
    for (path, error) in &failed {
        assert!(error.starts_with("JPEG XL") || error.contains("JPEG XL"), "{error}");
        assert!(error.ends_with(p(path)), "the path last: {error}");
    }
    let after = fs::read(&outputs(&events)[0]).unwrap();
    let alone = run(
        &[fixture("lossy.jxl")],
        Settings {
            output_dir: Some(dir.path().join("alone")),
            ..settings
        },
    );
    assert_eq!(
        after,
        fs::read(&outputs(&alone)[0]).unwrap(),
        "the good file as if alone"
    );
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn jxl_inputs_obey_the_limits() {
    let tight = |max_pixels, max_alloc| Limits {
        max_pixels,
        max_alloc,
        ..Limits::default()
    };
    let error = open(&fixture("lossy.jxl"), &tight(320 * 240 - 1, 2 << 30))
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("76800") || error.contains("320"),
        "over the pixel limit: {error}"
    );
    let error = open(&fixture("lossy.jxl"), &tight(1 << 30, 64 << 10))
        .unwrap_err()
        .to_string();
    assert!(error.contains("limit"), "over the allocation limit: {error}");
    // And then the same file decodes under the usual limits, on the same thread.
    assert!(open(&fixture("lossy.jxl"), &Limits::default()).is_ok());
}
