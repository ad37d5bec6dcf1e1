//! Formats: HEIC from a phone and AVIF read through libheif; every output format written and read back with
//! the right size and pixels.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

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

/// A copy decoded by another decoder than the one that wrote it: the `image` crate's, except for AVIF, which
/// only the engine (libheif) reads here.
fn read_back(copy: &Path) -> DynamicImage {
    if copy.extension().is_some_and(|e| e == "avif") {
        open(copy, &Limits::default()).unwrap()
    } else {
        image::open(copy).unwrap_or_else(|e| panic!("{}: {e}", copy.display()))
    }
}

#[test]
#[cfg_attr(windows, ignore = "needs libheif, which the Windows build does not ship")]
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
    let ours = image::open(&copy).unwrap().to_rgb8();
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
#[cfg_attr(windows, ignore = "needs libheif, which the Windows build does not ship")]
fn avif_is_read_ten_bits_and_alpha_included() {
    let img = open(&fixture("rgba-10bit.avif"), &Limits::default()).unwrap();
    assert_eq!((img.width(), img.height()), (128, 128));
    assert_eq!(img.color(), image::ColorType::Rgba16, "10 bits kept as 16");
    // Every sample is a 10-bit value widened to 16 bits (its top bits repeated below), and the ten bits are
    // really used: rounding to 8 bits would leave every 10-bit value a multiple of 4.
    let samples = img.to_rgba16().into_raw();
    assert!(samples.iter().all(|&v| v == ((v >> 6) << 6 | (v >> 6) >> 4)));
    assert!(samples.iter().any(|&v| (v >> 6) % 4 != 0), "no precision beyond 8 bits");
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
        if format == OutputFormat::Avif && !HEIF {
            continue;
        }
        let copy = convert(
            &input,
            &dir.path().join(ext).join(format!("{format:?}")),
            format,
            ResizeMode::Width(200),
        );
        assert_eq!(copy.extension().unwrap(), ext, "{format:?}");
        let back: RgbImage = read_back(&copy).to_rgb8();
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
        if format == OutputFormat::Avif && !HEIF {
            continue;
        }
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
        if format == OutputFormat::Avif && !HEIF {
            continue;
        }
        let copy = convert(
            &input,
            &dir.path().join(format!("{format:?}")),
            format,
            ResizeMode::Width(60),
        );
        let back = read_back(&copy).to_rgba8();
        assert_eq!(back.get_pixel(1, 1).0[3], 0, "{format:?}: corner stays transparent");
        assert_eq!(back.get_pixel(30, 30).0[3], 255, "{format:?}: disc stays opaque");
    }
}

#[test]
fn a_target_size_is_met_with_the_highest_quality_that_fits() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("photo.png"), 1200, 900, ImageFormat::Png);
    let target = 60_000;
    for format in [OutputFormat::Jpeg, OutputFormat::WebP, OutputFormat::Avif] {
        if format == OutputFormat::Avif && !HEIF {
            continue;
        }
        let settings = |quality, target_size| Settings {
            format,
            quality,
            target_size,
            ..settings_to(&dir.path().join(format!("{format:?}-{quality}-{target_size:?}")))
        };
        let untargeted = run(std::slice::from_ref(&input), settings(85, None));
        assert!(
            done(&untargeted).output_bytes > target,
            "{format:?}: the test needs a photo over the target"
        );

        let events = run(std::slice::from_ref(&input), settings(85, Some(target)));
        let d = done(&events);
        let quality = d.quality.unwrap();
        assert!(d.output_bytes <= target, "{format:?}: {} bytes", d.output_bytes);
        assert_eq!(std::fs::metadata(&d.output).unwrap().len(), d.output_bytes);
        assert!(quality < 85, "{format:?}: quality {quality}");
        assert_eq!(d.output_size, (1200, 900), "{format:?}: the size is kept");
        // One step higher would not fit: this is the largest file under the target.
        let above = run(std::slice::from_ref(&input), settings(quality + 1, None));
        assert!(
            done(&above).output_bytes > target,
            "{format:?}: quality {} also fits",
            quality + 1
        );
    }
}

#[test]
fn a_target_no_quality_meets_fails_the_image_or_shrinks_it_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("photo.png"), 1200, 900, ImageFormat::Png);
    let target = 3_000;
    let settings = |shrink_to_fit, out: &str| Settings {
        format: OutputFormat::Jpeg,
        target_size: Some(target),
        shrink_to_fit,
        ..settings_to(&dir.path().join(out))
    };
    let events = run(std::slice::from_ref(&input), settings(false, "strict"));
    let failed = failures(&events);
    assert_eq!(failed.len(), 1, "{events:?}");
    assert!(failed[0].1.contains("even at quality 1"), "{}", failed[0].1);
    assert!(
        files_below(&dir.path().join("strict")).is_empty(),
        "no file for a failed image"
    );

    let events = run(std::slice::from_ref(&input), settings(true, "shrunk"));
    let d = done(&events);
    assert!(d.output_bytes <= target, "{} bytes", d.output_bytes);
    let (w, h) = d.output_size;
    assert!(w < 1200 && h < 900 && w > 100, "{w}×{h}");
    assert_eq!(dims(&d.output), (w, h));
    assert!(
        (f64::from(w) / f64::from(h) - 4.0 / 3.0).abs() < 0.02,
        "aspect kept: {w}×{h}"
    );
}

#[test]
fn skip_if_larger_keeps_the_original_when_the_copy_would_grow() {
    let dir = tempfile::tempdir().unwrap();
    // A small PNG squeezed with the best compression: written again at Shrinkray's fast level, it grows.
    let input = dir.path().join("small.png");
    let file = std::fs::File::create(&input).unwrap();
    let encoder = image::codecs::png::PngEncoder::new_with_quality(
        file,
        image::codecs::png::CompressionType::Best,
        image::codecs::png::FilterType::Adaptive,
    );
    photo(640, 480, 5).write_with_encoder(encoder).unwrap();
    let settings = |skip_if_larger, out: &str| Settings {
        skip_if_larger,
        ..settings_to(&dir.path().join(out))
    };
    let grown = run(std::slice::from_ref(&input), settings(false, "plain"));
    let input_bytes = std::fs::metadata(&input).unwrap().len();
    assert!(
        done(&grown).output_bytes > input_bytes,
        "{} vs {input_bytes}",
        done(&grown).output_bytes
    );
    assert!(!done(&grown).kept_original);

    let events = run(std::slice::from_ref(&input), settings(true, "skip"));
    let d = done(&events);
    assert!(d.kept_original);
    assert_eq!(std::fs::read(&d.output).unwrap(), std::fs::read(&input).unwrap());

    // A large original that shrinks is resized as usual.
    let large = write_photo(&dir.path().join("large.jpg"), 2400, 1800, ImageFormat::Jpeg);
    let events = run(&[large], settings(true, "large"));
    assert!(!done(&events).kept_original);
    assert_eq!(done(&events).output_size, (1920, 1440));
}

#[test]
fn two_sizes_in_two_formats_from_one_image() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("photo.jpg"), 3000, 2000, ImageFormat::Jpeg);
    let settings = Settings {
        resize: ResizeMode::LongEdge(1920),
        format: OutputFormat::Jpeg,
        name_template: "{name}-{size}".to_owned(),
        extra_outputs: vec![shrinkray::engine::ExtraOutput {
            name: "thumb".to_owned(),
            resize: ResizeMode::LongEdge(400),
            format: OutputFormat::WebP,
        }],
        ..settings_to(&dir.path().join("out"))
    };
    let events = run(std::slice::from_ref(&input), settings);
    let d = done(&events);
    assert_eq!(d.output, dir.path().join("out/photo-large.jpg"));
    assert_eq!(dims(&d.output), (1920, 1280));
    assert_eq!(d.extra.len(), 1);
    let thumb = &d.extra[0];
    assert_eq!(thumb.output, dir.path().join("out/photo-thumb.webp"));
    assert_eq!(thumb.output_size, (400, 267));
    assert_eq!(image::open(&thumb.output).unwrap().width(), 400);
    assert_eq!(thumb.output_bytes, std::fs::metadata(&thumb.output).unwrap().len());
    let summary = summary(&events);
    assert_eq!((summary.done, summary.failed), (1, 0));
    assert_eq!(summary.output_bytes, d.output_bytes + thumb.output_bytes);
    assert_eq!(files_below(&dir.path().join("out")).len(), 2);
}

#[test]
fn png_compression_trades_time_for_size_without_changing_pixels() {
    use shrinkray::engine::PngCompression;
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("photo.jpg"), 800, 600, ImageFormat::Jpeg);
    let copy = |compression| {
        let settings = Settings {
            format: OutputFormat::Png,
            png_compression: compression,
            ..settings_to(&dir.path().join(format!("{compression:?}")))
        };
        outputs(&run(std::slice::from_ref(&input), settings))[0].clone()
    };
    let (fast, best) = (copy(PngCompression::Fast), copy(PngCompression::Best));
    let size = |p: &Path| std::fs::metadata(p).unwrap().len();
    assert!(
        size(&best) < size(&fast),
        "best {} vs fast {}",
        size(&best),
        size(&fast)
    );
    assert_eq!(
        image::open(&fast).unwrap().to_rgb8(),
        image::open(&best).unwrap().to_rgb8()
    );
}

/// Through the real CLI, since libheif is loaded once per process.
#[test]
fn without_libheif_heic_files_fail_naming_the_package_and_the_rest_are_done() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("photos");
    write_photo(&root.join("a.jpg"), 200, 100, ImageFormat::Jpeg);
    fs::copy(data("small.heic"), root.join("phone.heic")).unwrap();
    let out = dir.path().join("out");
    let run = Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"))
        .env("LC_ALL", "C")
        .args(["--out", p(&out), "--long-edge", "50", "--json", p(&root)])
        .env("SHRINKRAY_LIBHEIF", dir.path().join("no-such-libheif.so.1"))
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1), "{}", String::from_utf8_lossy(&run.stderr));
    let events: Vec<serde_json::Value> = String::from_utf8(run.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let failed: Vec<&serde_json::Value> = events.iter().filter(|e| e["event"] == "failed").collect();
    assert_eq!(failed.len(), 1, "{events:?}");
    let error = failed[0]["error"].as_str().unwrap();
    let advice = if cfg!(windows) {
        "libheif is not installed: install libheif.dll (from vcpkg or MSYS2) beside shrinkray.exe"
    } else {
        "libheif is not installed: install the package libheif1"
    };
    assert!(error.contains(advice), "{error}");
    assert!(
        error.ends_with(&root.join("phone.heic").display().to_string()),
        "{error}"
    );
    assert_eq!(dims(&out.join("photos/a.jpg")), (50, 25));

    // With the system's libheif (the normal case), the same file is read.
    if !HEIF {
        return;
    }
    let run = Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"))
        .env("LC_ALL", "C")
        .args(["--out", p(&dir.path().join("out2")), "--long-edge", "50", p(&root)])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(dims(&dir.path().join("out2/photos/phone.jpg")), (50, 33));
}

/// Windows looks for a DLL in the current folder too; a `libheif.dll` planted in a folder of photos (the
/// folder a user runs Shrinkray from) must never be loaded. The planted DLL is not libheif: loading it would
/// say "not a usable libheif". Built by `./run windows test` (SHRINKRAY_PLANTED_DLL).
#[cfg(windows)]
#[test]
fn a_libheif_dll_planted_among_the_photos_is_never_loaded() {
    let Some(planted) = std::env::var_os("SHRINKRAY_PLANTED_DLL") else {
        eprintln!("skipped: SHRINKRAY_PLANTED_DLL is not set (./run windows test builds it)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let photos = dir.path().join("photos");
    fs::create_dir_all(&photos).unwrap();
    fs::copy(planted, photos.join("libheif.dll")).unwrap();
    fs::copy(data("small.heic"), photos.join("phone.heic")).unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"))
        .env("LC_ALL", "C")
        .args(["--out", p(&dir.path().join("out")), "phone.heic"])
        .current_dir(&photos)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{said}");
    assert!(said.contains("libheif is not installed"), "{said}");
    assert!(!said.contains("usable"), "the planted DLL was loaded: {said}");
}
