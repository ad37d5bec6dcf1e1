//! CLI options that reach the engine and change what is written, each checked on the copy itself:
//! `--max-megapixels`, `--avif-speed`, `--size-name`, `--allow-enlarge`, `--linear`; and `SHRINKRAY_STAGES`.

use crate::common;

use std::fs;

use common::*;
use image::ImageFormat;
use serde_json::Value;

/// The CLI's JSON events.
fn events(args: &[&str]) -> (Option<i32>, Vec<Value>) {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let output = cli(&all);
    let events = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (output.status.code(), events)
}

fn of_kind<'a>(events: &'a [Value], kind: &str) -> Vec<&'a Value> {
    events.iter().filter(|e| e["event"] == kind).collect()
}

#[test]
fn max_megapixels_refuses_larger_images_and_passes_smaller_ones() {
    let dir = tempfile::tempdir().unwrap();
    // 3 MP.
    let input = write_photo(&dir.path().join("p.png"), 2000, 1500, ImageFormat::Png);
    let (code, refused) = events(&["--max-megapixels", "2", "--out", p(&dir.path().join("a")), p(&input)]);
    assert_eq!(code, Some(1));
    let failed = of_kind(&refused, "failed");
    assert_eq!(failed.len(), 1, "{refused:?}");
    let message = failed[0]["error"].as_str().unwrap();
    assert!(
        message.starts_with("image too large: 2000×1500 is more than the limit of 2000000 pixels"),
        "{message}"
    );
    let (code, passed) = events(&["--max-megapixels", "4", "--out", p(&dir.path().join("b")), p(&input)]);
    assert_eq!(code, Some(0), "{passed:?}");
    assert_eq!(of_kind(&passed, "done").len(), 1);
}

#[test]
#[cfg_attr(windows, ignore = "needs libheif, which the Windows build does not ship")]
fn avif_speed_reaches_the_encoder() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("p.png"), 640, 480, ImageFormat::Png);
    let mut sizes = Vec::new();
    for speed in ["9", "4"] {
        let out = dir.path().join(speed);
        let (code, events) = events(&["--format", "avif", "--avif-speed", speed, "--out", p(&out), p(&input)]);
        assert_eq!(code, Some(0), "{events:?}");
        let copy = fs::read(out.join("p.avif")).unwrap();
        assert_eq!(&copy[4..12], b"ftypavif", "speed {speed}");
        sizes.push(copy);
    }
    // Another speed, another encoding of the same picture (the slower one searches more).
    assert_ne!(sizes[0], sizes[1]);
    let refused = cli(&[
        "--avif-speed",
        "10",
        "--format",
        "avif",
        "--out",
        p(dir.path()),
        p(&input),
    ]);
    assert_eq!(refused.status.code(), Some(2));
}

#[test]
fn size_name_gives_the_size_token_of_the_main_copy() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("p.jpg"), 400, 300, ImageFormat::Jpeg);
    let out = dir.path().join("out");
    let (code, events) = events(&[
        "--name",
        "{name}-{size}",
        "--size-name",
        "web",
        "--also",
        "thumb=100",
        "--out",
        p(&out),
        p(&input),
    ]);
    assert_eq!(code, Some(0), "{events:?}");
    assert_eq!(
        files_below(&out),
        ["p-thumb.jpg", "p-web.jpg"].map(std::path::PathBuf::from)
    );
}

#[test]
fn allow_enlarge_makes_small_images_bigger_and_without_it_they_stay() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("p.png"), 100, 80, ImageFormat::Png);
    let kept = dir.path().join("kept");
    assert!(cli(&["--width", "300", "--out", p(&kept), p(&input)]).status.success());
    assert_eq!(dims(&kept.join("p.png")), (100, 80));
    let enlarged = dir.path().join("enlarged");
    assert!(
        cli(&["--width", "300", "--allow-enlarge", "--out", p(&enlarged), p(&input)])
            .status
            .success()
    );
    assert_eq!(dims(&enlarged.join("p.png")), (300, 240));
}

/// One-pixel black and white stripes, halved: the light's true average is 50 %, which sRGB stores as 188;
/// averaging the stored values gives 128.
#[test]
fn linear_keeps_the_brightness_of_fine_patterns() {
    let dir = tempfile::tempdir().unwrap();
    let stripes = image::GrayImage::from_fn(64, 64, |x, _| image::Luma([if x % 2 == 0 { 0 } else { 255 }]));
    let input = dir.path().join("stripes.png");
    stripes.save(&input).unwrap();
    for (flag, want) in [(None, 128.0), (Some("--linear"), 188.0)] {
        let out = dir.path().join(if flag.is_some() { "linear" } else { "plain" });
        let mut args = vec!["--width", "32", "--filter", "bilinear", "--out", p(&out)];
        args.extend(flag);
        args.push(p(&input));
        assert!(cli(&args).status.success());
        let copy = image::open(out.join("stripes.png")).unwrap().to_luma8();
        let mean = copy.pixels().map(|p| f64::from(p.0[0])).sum::<f64>() / f64::from(copy.width() * copy.height());
        assert!((mean - want).abs() < 3.0, "{flag:?}: mean {mean:.1}, expected {want}");
    }
}

#[test]
fn shrinkray_stages_says_where_the_time_of_a_run_went() {
    let dir = tempfile::tempdir().unwrap();
    let photos = dir.path().join("in");
    fs::create_dir(&photos).unwrap();
    write_photo(&photos.join("a.jpg"), 800, 600, ImageFormat::Jpeg);
    write_photo(&photos.join("b.png"), 800, 600, ImageFormat::Png);
    let run = |stages: Option<&str>, out: &str| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"));
        command.env("LC_ALL", "C");
        command.args([
            "--width",
            "200",
            "--threads",
            "1",
            "--out",
            p(&dir.path().join(out)),
            p(&photos),
        ]);
        match stages {
            Some(v) => command.env("SHRINKRAY_STAGES", v),
            None => command.env_remove("SHRINKRAY_STAGES"),
        };
        let output = command.output().unwrap();
        assert_eq!(output.status.code(), Some(0));
        String::from_utf8(output.stderr).unwrap()
    };
    let table = run(Some("1"), "timed");
    assert!(table.contains("stages of 2 images"), "{table}");
    // The JPEG goes the planar way (resized plane by plane), the PNG the RGB way (read as it is decoded).
    for stage in ["read", "decode", "resize", "encode", "write"] {
        let line = table
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{stage} ")))
            .unwrap_or_else(|| panic!("no {stage} line in {table}"));
        let runs: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
        let expected = match stage {
            "read" => 1,
            "resize" => 4,
            _ => 2,
        };
        assert_eq!(runs, expected, "{stage}: {table}");
    }
    let decode = table.lines().find(|l| l.trim_start().starts_with("decode ")).unwrap();
    let ms: f64 = decode.split_whitespace().nth(3).unwrap().parse().unwrap();
    assert!(ms > 0.0, "decoding took no time: {table}");
    // Not asked for, or asked with anything but 1: nothing on standard error.
    for v in [None, Some("0")] {
        let quiet = run(v, "quiet");
        assert!(!quiet.contains("stages"), "{quiet}");
    }
}
