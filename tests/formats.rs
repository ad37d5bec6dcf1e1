//! Formats: HEIC from a phone and AVIF read through libheif; every output format written and read back with
//! the right size and pixels.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use image::{DynamicImage, ImageFormat, RgbImage};
use shrinkray::engine::{Limits, OutputFormat, ResizeMode, Settings, open};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

fn convert(input: &Path, out: &Path, format: OutputFormat, resize: ResizeMode) -> PathBuf {
    let settings = Settings {
        resize,
        format,
        ..settings_to(out)
    };
    let events = run(&[input.to_owned()], settings);
    let written = outputs(&events);
    assert_eq!(written.len(), 1, "{format:?}: {events:?}");
    written[0].clone()
}

#[test]
fn a_real_iphone_heic_comes_out_upright_at_its_size() {
    // An iPhone 8 Plus photo, 4032×3024 stored, rotated 90° by its container: an arrow drawn on lined paper.
    let dir = tempfile::tempdir().unwrap();
    let full = open(&fixture("iphone-arrow.heic"), &Limits::default()).unwrap();
    assert_eq!((full.width(), full.height()), (3024, 4032), "upright, portrait");

    // Against ImageMagick's own decoding (Debian's libheif 1.15), made small: the arrow points up in both.
    let copy = convert(
        &fixture("iphone-arrow.heic"),
        dir.path(),
        OutputFormat::Png,
        ResizeMode::Width(60),
    );
    assert_eq!(copy.extension().unwrap(), "png");
    let ours = open(&copy, &Limits::default()).unwrap().to_rgb8();
    let reference = image::open(fixture("iphone-arrow-reference.png")).unwrap().to_rgb8();
    let diff = mean_diff(&ours, &reference);
    assert!(diff < 6.0, "mean difference {diff:.2} from ImageMagick's decoding");
    let turned = DynamicImage::ImageRgb8(reference.clone()).rotate180().to_rgb8();
    assert!(
        mean_diff(&ours, &turned) > diff + 4.0,
        "the test can tell an upside-down arrow"
    );

    // "Same as input" makes a JPEG of a HEIC, with the camera's metadata and its Display P3 profile.
    let jpeg = convert(
        &fixture("iphone-arrow.heic"),
        &dir.path().join("same"),
        OutputFormat::SameAsInput,
        ResizeMode::LongEdge(400),
    );
    assert_eq!(jpeg.extension().unwrap(), "jpg");
    assert_eq!(dims(&jpeg), (300, 400));
    let bytes = std::fs::read(&jpeg).unwrap();
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(has(b"iPhone 8 Plus") && has(b"Display P3"), "EXIF and profile carried");
}

#[test]
fn avif_is_read_ten_bits_and_alpha_included() {
    let img = open(&fixture("rgba-10bit.avif"), &Limits::default()).unwrap();
    assert_eq!((img.width(), img.height()), (128, 128));
    assert!(img.color().has_alpha());
}

/// A 400×300 photo, and the same with a transparent hole, resized to 200×150 into every format.
#[test]
fn every_output_format_round_trips_with_its_size_and_pixels() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("photo.png"), 400, 300, ImageFormat::Png);
    let expected = image::imageops::resize(
        &photo(400, 300, 400 ^ 300),
        200,
        150,
        image::imageops::FilterType::Lanczos3,
    );
    // Mean difference per channel allowed, out of 255: lossless formats only differ by resampling; GIF has
    // 256 colours.
    let cases = [
        (OutputFormat::Jpeg, "jpg", 4.0),
        (OutputFormat::Png, "png", 1.5),
        (OutputFormat::WebP, "webp", 4.0),
        (OutputFormat::WebPLossless, "webp", 1.5),
        (OutputFormat::Avif, "avif", 4.0),
        (OutputFormat::Tiff, "tif", 1.5),
        (OutputFormat::Bmp, "bmp", 1.5),
        (OutputFormat::Gif, "gif", 8.0),
    ];
    for (format, ext, tolerance) in cases {
        let copy = convert(
            &input,
            &dir.path().join(ext).join(format!("{format:?}")),
            format,
            ResizeMode::Width(200),
        );
        assert_eq!(copy.extension().unwrap(), ext, "{format:?}");
        let back: RgbImage = open(&copy, &Limits::default()).unwrap().to_rgb8();
        assert_eq!(back.dimensions(), (200, 150), "{format:?}");
        let diff = mean_diff(&back, &expected);
        assert!(diff < tolerance, "{format:?}: mean difference {diff:.2}");
    }
}

#[test]
fn lossy_formats_are_smaller_than_lossless_ones_and_follow_the_quality() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("photo.png"), 800, 600, ImageFormat::Png);
    let size = |format, quality| {
        let settings = Settings {
            format,
            quality,
            ..settings_to(&dir.path().join(format!("{format:?}-{quality}")))
        };
        let written = outputs(&run(std::slice::from_ref(&input), settings));
        std::fs::metadata(&written[0]).unwrap().len()
    };
    let lossless = size(OutputFormat::WebPLossless, 85);
    for format in [OutputFormat::Jpeg, OutputFormat::WebP, OutputFormat::Avif] {
        let (low, high) = (size(format, 30), size(format, 90));
        assert!(low < high, "{format:?}: quality 30 gives {low} bytes, 90 gives {high}");
        assert!(
            high < lossless,
            "{format:?}: {high} bytes is not smaller than lossless WebP's {lossless}"
        );
    }
}

#[test]
fn transparency_survives_in_the_formats_that_have_it() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_transparent_png(&dir.path().join("disc.png"), 120);
    for format in [
        OutputFormat::Png,
        OutputFormat::WebP,
        OutputFormat::WebPLossless,
        OutputFormat::Avif,
        OutputFormat::Tiff,
    ] {
        let copy = convert(
            &input,
            &dir.path().join(format!("{format:?}")),
            format,
            ResizeMode::Width(60),
        );
        let back = open(&copy, &Limits::default()).unwrap().to_rgba8();
        assert_eq!(back.get_pixel(1, 1).0[3], 0, "{format:?}: corner stays transparent");
        assert_eq!(back.get_pixel(30, 30).0[3], 255, "{format:?}: disc stays opaque");
    }
}
