//! JPEG XL in and out. Inputs (made by `cjxl` 0.7: lossy, lossless with a Display P3 profile, alpha, 16-bit,
//! an animation, a JPEG stored for reconstruction, a turned picture) decode as libjxl's own `djxl` does. Copies
//! decode with `djxl` and with jxl-oxide alike; "from the JPEG" copies give back, through `djxl`, the very
//! JPEG that `--format jpeg` writes, or the original when nothing needed changing. Writing needs the system's
//! libjxl and the tests `djxl` (Debian's libjxl0.7 and libjxl-tools, which `./run` installs).

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use image::{DynamicImage, ImageFormat};
use shrinkray::engine::{JobEvent, Limits, OutputFormat, ResizeMode, Settings, open};

fn fixture(name: &str) -> PathBuf {
    data(&format!("jxl/{name}"))
}

/// `path` decoded by libjxl's `djxl` (orientation applied, as it does by default).
fn djxl(path: &Path, dir: &Path) -> DynamicImage {
    let out = dir.join(format!("{}.djxl.png", path.file_name().unwrap().to_str().unwrap()));
    let status = Command::new("djxl")
        .arg(path)
        .arg(&out)
        .output()
        .expect("djxl (Debian's libjxl-tools; ./run installs it)");
    assert!(status.status.success(), "djxl {}: {status:?}", path.display());
    image::open(&out).unwrap()
}

/// The largest difference between two pictures' samples, in 1/255 steps (16-bit samples scaled).
fn max_step(a: &DynamicImage, b: &DynamicImage) -> f64 {
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

/// One copy of `input` in `format` at `quality`, fitted to 200 pixels.
fn copy(input: &Path, out: &Path, format: OutputFormat, quality: u8) -> (PathBuf, Vec<JobEvent>) {
    let settings = Settings {
        resize: ResizeMode::Fit {
            width: 200,
            height: 200,
        },
        format,
        quality,
        ..settings_to(out)
    };
    let events = run(&[input.to_owned()], settings);
    let written = outputs(&events);
    assert_eq!(written.len(), 1, "{format:?}: {:?}", failures(&events));
    (written[0].clone(), events)
}

#[test]
#[cfg_attr(windows, ignore = "needs libjxl, which the Windows build does not ship")]
fn jxl_copies_decode_alike_in_djxl_and_jxl_oxide() {
    let dir = tempfile::tempdir().unwrap();
    let photo = write_photo(&dir.path().join("photo.png"), 400, 300, ImageFormat::Png);
    for quality in [60, 85, 100] {
        let (jxl, _) = copy(
            &photo,
            &dir.path().join(format!("q{quality}")),
            OutputFormat::Jxl,
            quality,
        );
        assert_eq!(jxl.extension().unwrap(), "jxl");
        let ours = open(&jxl, &Limits::default()).unwrap();
        let theirs = djxl(&jxl, dir.path());
        let step = max_step(&ours, &theirs);
        assert!(
            step <= 1.0,
            "quality {quality}: {step} steps between jxl-oxide and djxl"
        );
        if quality == 100 {
            // Lossless: exactly the resized picture the PNG copy holds.
            let (png, _) = copy(&photo, &dir.path().join("png"), OutputFormat::Png, 85);
            assert_eq!(ours.to_rgb8(), image::open(&png).unwrap().to_rgb8(), "lossless");
        }
    }
    // Alpha and 16 bits come through lossless copies.
    let (deep, _) = copy(
        &fixture("deep-16bit.jxl"),
        &dir.path().join("deep"),
        OutputFormat::Jxl,
        100,
    );
    assert!(matches!(
        open(&deep, &Limits::default()).unwrap(),
        DynamicImage::ImageRgb16(_)
    ));
    let (alpha, _) = copy(&fixture("alpha.jxl"), &dir.path().join("alpha"), OutputFormat::Jxl, 100);
    let original = open(&fixture("alpha.jxl"), &Limits::default()).unwrap();
    assert_eq!(
        open(&alpha, &Limits::default()).unwrap(),
        original,
        "alpha kept, losslessly"
    );
}

#[test]
#[cfg_attr(windows, ignore = "needs libjxl, which the Windows build does not ship")]
fn a_jxl_copy_keeps_or_strips_metadata_as_other_formats_do() {
    let dir = tempfile::tempdir().unwrap();
    let (kept, _) = copy(&data("exif-gps.jpg"), &dir.path().join("kept"), OutputFormat::Jxl, 85);
    let bytes = fs::read(&kept).unwrap();
    assert!(bytes.windows(4).any(|w| w == b"Exif"), "an Exif box");
    assert!(bytes.windows(4).any(|w| w == b"xml "), "an XMP box");
    // Read back through Shrinkray itself: the EXIF is the original's.
    let (back, _) = copy(&kept, &dir.path().join("back"), OutputFormat::Jpeg, 85);
    let exif = exif::Reader::new()
        .read_from_container(&mut std::io::BufReader::new(fs::File::open(&back).unwrap()))
        .expect("EXIF read back");
    assert!(exif.get_field(exif::Tag::GPSLatitude, exif::In::PRIMARY).is_some());
    let settings = Settings {
        format: OutputFormat::Jxl,
        strip_metadata: true,
        ..settings_to(&dir.path().join("stripped"))
    };
    let events = run(&[data("exif-gps.jpg")], settings);
    let bytes = fs::read(&outputs(&events)[0]).unwrap();
    assert!(
        !bytes.windows(4).any(|w| w == b"Exif" || w == b"xml "),
        "no metadata boxes"
    );
}

#[test]
#[cfg_attr(windows, ignore = "needs libjxl, which the Windows build does not ship")]
fn jxl_from_jpeg_gives_back_the_jpeg_copy_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let photo = write_photo(&dir.path().join("photo.jpg"), 640, 480, ImageFormat::Jpeg);
    for input in [photo.clone(), data("exif-gps.jpg")] {
        let name = input.file_stem().unwrap().to_str().unwrap().to_owned();
        let (jpeg, _) = copy(&input, &dir.path().join(format!("{name}-jpeg")), OutputFormat::Jpeg, 85);
        let (jxl, _) = copy(
            &input,
            &dir.path().join(format!("{name}-jxl")),
            OutputFormat::JxlFromJpeg,
            85,
        );
        assert_eq!(jxl.extension().unwrap(), "jxl");
        let back = dir.path().join(format!("{name}-back.jpg"));
        assert!(
            Command::new("djxl")
                .arg(&jxl)
                .arg(&back)
                .output()
                .unwrap()
                .status
                .success()
        );
        assert_eq!(
            fs::read(&back).unwrap(),
            fs::read(&jpeg).unwrap(),
            "{name}: the very JPEG copy"
        );
        let (jpeg_bytes, jxl_bytes) = (fs::metadata(&jpeg).unwrap().len(), fs::metadata(&jxl).unwrap().len());
        assert!(
            jxl_bytes < jpeg_bytes,
            "{name}: {jxl_bytes} bytes is no fewer than the JPEG's {jpeg_bytes}"
        );
        // The same DCT coefficients: jxl-oxide's decoding (libjxl's precise IDCT and chroma upsampling) is
        // within a few steps of libjpeg-turbo's decoding of the JPEG.
        let ours = open(&jxl, &Limits::default()).unwrap();
        let step = max_step(&ours, &open(&jpeg, &Limits::default()).unwrap());
        assert!(step <= 4.0, "{name}: {step} steps from the JPEG's pixels");
    }
    // With a look, the quality is searched on the JPEG itself: the same JPEG again.
    let looked = |format, out: &str| {
        let settings = Settings {
            resize: ResizeMode::Fit {
                width: 300,
                height: 300,
            },
            format,
            min_score: Some(80.0),
            ..settings_to(&dir.path().join(out))
        };
        outputs(&run(std::slice::from_ref(&photo), settings))[0].clone()
    };
    let (jpeg, jxl) = (
        looked(OutputFormat::Jpeg, "look-jpeg"),
        looked(OutputFormat::JxlFromJpeg, "look-jxl"),
    );
    let back = dir.path().join("look-back.jpg");
    assert!(
        Command::new("djxl")
            .arg(&jxl)
            .arg(&back)
            .output()
            .unwrap()
            .status
            .success()
    );
    assert_eq!(
        fs::read(&back).unwrap(),
        fs::read(&jpeg).unwrap(),
        "the JPEG the look chose"
    );
    // A JPEG that needs no change is stored whole: the original comes back.
    let settings = Settings {
        resize: ResizeMode::Fit {
            width: 4000,
            height: 4000,
        },
        format: OutputFormat::JxlFromJpeg,
        ..settings_to(&dir.path().join("archive"))
    };
    let events = run(std::slice::from_ref(&photo), settings);
    let back = dir.path().join("archive-back.jpg");
    assert!(
        Command::new("djxl")
            .arg(&outputs(&events)[0])
            .arg(&back)
            .output()
            .unwrap()
            .status
            .success()
    );
    assert_eq!(
        fs::read(&back).unwrap(),
        fs::read(&photo).unwrap(),
        "the original, byte for byte"
    );
    assert!(
        done(&events)
            .note
            .as_deref()
            .unwrap()
            .contains("original JPEG stored whole")
    );
}

#[test]
fn without_libjxl_a_jxl_copy_fails_naming_the_package() {
    let dir = tempfile::tempdir().unwrap();
    let photo = write_photo(&dir.path().join("photo.png"), 64, 48, ImageFormat::Png);
    let out = dir.path().join("out");
    let run = |format: &str| {
        started(|| {
            Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"))
                .args(["--format", format, "--out", p(&out), p(&photo)])
                .env("SHRINKRAY_LIBJXL", dir.path().join("no-such-libjxl"))
                .output()
        })
        .unwrap()
    };
    for format in ["jxl", "jxl-from-jpeg"] {
        let output = run(format);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{format}: one image failed: {stderr}");
        let package = if cfg!(windows) { "jxl.dll" } else { "libjxl0.7" };
        assert!(
            stderr.contains("libjxl is not installed") && stderr.contains(package),
            "{stderr}"
        );
    }
    // Reading JPEG XL needs no libjxl.
    let out_png = dir.path().join("png");
    let output = started(|| {
        Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"))
            .args(["--format", "png", "--out", p(&out_png), p(&fixture("lossy.jxl"))])
            .env("SHRINKRAY_LIBJXL", dir.path().join("no-such-libjxl"))
            .output()
    })
    .unwrap();
    assert!(output.status.success(), "{output:?}");
}

#[test]
fn the_cli_takes_the_jxl_names_and_effort() {
    let dir = tempfile::tempdir().unwrap();
    let output = cli(&["--jxl-effort", "0", "--out", p(dir.path()), p(&fixture("lossy.jxl"))]);
    assert_eq!(output.status.code(), Some(2), "effort 0 is refused");
    let help = String::from_utf8(cli(&["--help"]).stdout).unwrap();
    for name in ["jxl-from-jpeg", "--jxl-effort"] {
        assert!(help.contains(name), "--help names {name}");
    }
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
