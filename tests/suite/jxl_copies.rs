//! JPEG XL copies: they decode with `djxl` and with jxl-oxide alike (lossless ones exactly), carry or leave
//! out metadata as the other formats do; "from the JPEG" copies give back, through `djxl`, the very JPEG that
//! `--format jpeg` writes (the look's choice too), or the original when nothing needed changing; without libjxl
//! they fail naming the package. Writing needs the system's libjxl and these tests `djxl` (Debian's libjxl0.7
//! and libjxl-tools, which `./run test` installs); the Windows build ships no libjxl.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use image::{DynamicImage, ImageFormat};
use shrinkray::engine::{JobEvent, Limits, OutputFormat, ResizeMode, Settings, open};

use super::jxl::{fixture, max_step};

/// The JPEG that libjxl's `djxl` gives back from `jxl` (written in `dir`).
fn jpeg_inside(jxl: &Path, dir: &Path) -> Vec<u8> {
    let back = dir.join(format!("{}.back.jpg", jxl.file_name().unwrap().to_str().unwrap()));
    let status = Command::new("djxl").arg(jxl).arg(&back).output().expect("djxl");
    assert!(status.status.success(), "djxl {}: {status:?}", jxl.display());
    fs::read(&back).unwrap()
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
        assert_eq!(
            jpeg_inside(&jxl, dir.path()),
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
    assert_eq!(
        jpeg_inside(&jxl, dir.path()),
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
    assert_eq!(
        jpeg_inside(&outputs(&events)[0], dir.path()),
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
                .env("LC_ALL", "C")
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
    // "Same as input" makes JPEG of a JPEG XL input then, and PNG of one with alpha, as of HEIC.
    let same = dir.path().join("same");
    for (input, copy) in [("lossy.jxl", "lossy.jpg"), ("alpha.jxl", "alpha.png")] {
        let output = started(|| {
            Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"))
                .env("LC_ALL", "C")
                .args(["--format", "same", "--out", p(&same), p(&fixture(input))])
                .env("SHRINKRAY_LIBJXL", dir.path().join("no-such-libjxl"))
                .output()
        })
        .unwrap();
        assert!(output.status.success(), "{input}: {output:?}");
        assert!(same.join(copy).is_file(), "{input} → {copy}");
    }
    // Reading JPEG XL needs no libjxl.
    let out_png = dir.path().join("png");
    let output = started(|| {
        Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"))
            .env("LC_ALL", "C")
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
