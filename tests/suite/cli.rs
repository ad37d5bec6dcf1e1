//! The real `shrinkray-cli` binary on real files: exit codes, the `--json` stream, the output on disk.

use crate::common;

use std::fs;
use std::io::{BufReader, Lines};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Output};

use common::*;
use image::ImageFormat;
use serde_json::Value;
use shrinkray::engine::TEMP_PREFIX;

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

#[test]
fn exit_zero_when_every_image_is_done() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("photos");
    write_photo(&root.join("a.jpg"), 400, 300, ImageFormat::Jpeg);
    write_photo(&root.join("b/c.png"), 300, 400, ImageFormat::Png);
    let out = dir.path().join("out");
    let run = cli(&["--out", p(&out), "--width", "100", "--height", "100", p(&root)]);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(dims(&out.join("photos/a.jpg")), (100, 75));
    assert_eq!(dims(&out.join("photos/b/c.png")), (75, 100));
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.contains("2 done, 0 failed"), "{stdout}");
}

#[test]
fn exit_one_when_an_image_fails_and_the_rest_are_done() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("photos");
    write_photo(&root.join("good.jpg"), 200, 100, ImageFormat::Jpeg);
    fs::write(root.join("bad.jpg"), b"\xff\xd8\xff\xe0 this is no jpeg").unwrap();
    let out = dir.path().join("out");
    let run = cli(&["--out", p(&out), "--long-edge", "50", p(&root)]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("bad.jpg"), "the failure names the file: {stderr}");
    assert_eq!(dims(&out.join("photos/good.jpg")), (50, 25));
}

#[test]
fn exit_two_for_usage_and_setup_errors() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("a.jpg"), 20, 20, ImageFormat::Jpeg);
    // No --out.
    assert_eq!(cli(&[p(&input)]).status.code(), Some(2));
    // Quality out of range.
    let out = dir.path().join("out");
    assert_eq!(
        cli(&["--out", p(&out), "--quality", "0", p(&input)]).status.code(),
        Some(2)
    );
    // Fill needs both sides.
    assert_eq!(
        cli(&["--out", p(&out), "--mode", "fill", "--width", "9", p(&input)])
            .status
            .code(),
        Some(2)
    );
    // An output folder below a file cannot be created; the message names it.
    fs::write(dir.path().join("plain-file"), "x").unwrap();
    let blocked = dir.path().join("plain-file/out");
    let run = cli(&["--out", p(&blocked), p(&input)]);
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.trim_end().ends_with(p(&blocked)), "{stderr}");
}

#[test]
fn json_stream_has_one_event_per_image_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("photos");
    for i in 0..4 {
        write_photo(&root.join(format!("{i}.jpg")), 120, 90, ImageFormat::Jpeg);
    }
    fs::write(root.join("notes.txt"), "hello").unwrap();
    fs::write(root.join("zzz.jpg"), b"\xff\xd8\xff\xe0 broken").unwrap();
    let out = dir.path().join("out");
    let run = cli(&["--out", p(&out), "--width", "60", "--threads", "2", "--json", p(&root)]);
    assert_eq!(run.status.code(), Some(1));
    let events = json_lines(&run);
    let kinds: Vec<&str> = events.iter().map(|e| e["event"].as_str().unwrap()).collect();
    assert_eq!(kinds.first(), Some(&"started"));
    assert_eq!(kinds.last(), Some(&"finished"));
    assert_eq!(events[0]["total"], 6);
    assert_eq!(kinds.iter().filter(|k| **k == "done").count(), 4);
    assert_eq!(kinds.iter().filter(|k| **k == "failed").count(), 1);
    assert_eq!(kinds.iter().filter(|k| **k == "skipped").count(), 1);
    assert_eq!(kinds.iter().filter(|k| **k == "finished").count(), 1);
    for e in &events {
        match e["event"].as_str().unwrap() {
            "done" => {
                let output = e["output"].as_str().unwrap();
                assert_eq!(dims(Path::new(output)), (60, 45));
                assert!(e["input"].as_str().unwrap().starts_with(p(&root)));
                assert!(e.get("thumbnail").is_none());
            }
            "failed" => {
                assert!(e["input"].as_str().unwrap().ends_with("zzz.jpg"));
                assert!(e["error"].as_str().unwrap().ends_with("zzz.jpg"));
            }
            "skipped" => assert!(e["input"].as_str().unwrap().ends_with("notes.txt")),
            _ => {}
        }
    }
    let finished = events.last().unwrap();
    assert_eq!(
        (finished["done"].as_u64(), finished["failed"].as_u64()),
        (Some(4), Some(1))
    );
}

#[test]
fn options_reach_the_engine() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("IMG_7.png"), 300, 200, ImageFormat::Png);
    let out = dir.path().join("out");
    let run = cli(&[
        "--out",
        p(&out),
        "--width",
        "100",
        "--height",
        "100",
        "--mode",
        "fill",
        "--format",
        "webp",
        "--name",
        "{name}-{width}x{height}",
        "--threads",
        "1",
        p(&input),
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let output = out.join("IMG_7-100x100.webp");
    assert_eq!(image::ImageFormat::from_path(&output).unwrap(), ImageFormat::WebP);
    assert_eq!(dims(&output), (100, 100));

    // A file that is not Shrinkray's copy of this input is never replaced: the copy is numbered beside it; a
    // run after that replaces its own numbered copy rather than adding another; --on-collision skip leaves it.
    fs::write(out.join("IMG_7.png"), b"someone else's file").unwrap();
    let again = |policy: &str| {
        cli(&[
            "--out",
            p(&out),
            "--percent",
            "10",
            "--on-collision",
            policy,
            "--json",
            p(&input),
        ])
    };
    assert_eq!(again("rename").status.code(), Some(0));
    assert_eq!(again("rename").status.code(), Some(0));
    assert_eq!(fs::read(out.join("IMG_7.png")).unwrap(), b"someone else's file");
    assert_eq!(dims(&out.join("IMG_7 (1).png")), (30, 20));
    assert!(!out.join("IMG_7 (2).png").exists());
    let skipped = json_lines(&again("skip"));
    assert_eq!(skipped[1]["event"], "skipped");
}

#[test]
fn background_and_keep_dates_reach_the_engine() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_transparent_png(&dir.path().join("disc.png"), 120);
    // A day in 2001, so "now" cannot pass for it.
    let then = std::time::UNIX_EPOCH + std::time::Duration::from_secs(978_350_400);
    fs::File::options()
        .write(true)
        .open(&input)
        .unwrap()
        .set_modified(then)
        .unwrap();
    let out = dir.path().join("out");
    let run = cli(&[
        "--out",
        p(&out),
        "--format",
        "jpeg",
        "--background",
        "#000080",
        "--keep-dates",
        p(&input),
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let output = out.join("disc.jpg");
    let corner = image::open(&output).unwrap().to_rgb8().get_pixel(2, 2).0;
    assert!(
        corner[0] < 10 && corner[1] < 10 && corner[2].abs_diff(128) < 10,
        "corner {corner:?}"
    );
    assert_eq!(fs::metadata(&output).unwrap().modified().unwrap(), then);

    // Without the options: white, and the time of writing.
    let plain = dir.path().join("plain");
    assert_eq!(
        cli(&["--out", p(&plain), "--format", "jpeg", p(&input)]).status.code(),
        Some(0)
    );
    let corner = image::open(plain.join("disc.jpg")).unwrap().to_rgb8().get_pixel(2, 2).0;
    assert!(corner.iter().all(|&c| c > 245), "corner {corner:?}");
    assert!(fs::metadata(plain.join("disc.jpg")).unwrap().modified().unwrap() > then);

    let bad = cli(&["--out", p(&out), "--background", "pinkish", p(&input)]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("#RRGGBB"));
}

#[test]
fn formats_target_size_and_skip_if_larger_reach_the_engine() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("big.png"), 1200, 900, ImageFormat::Png);
    for (format, ext) in [
        ("webp", "webp"),
        ("avif", "avif"),
        ("webp-lossless", "webp"),
        ("tiff", "tif"),
        ("bmp", "bmp"),
        ("gif", "gif"),
    ] {
        if format == "avif" && !HEIF {
            continue;
        }
        let out = dir.path().join(format);
        let run = cli(&["--out", p(&out), "--format", format, "--json", p(&input)]);
        assert_eq!(
            run.status.code(),
            Some(0),
            "{format}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert!(out.join(format!("big.{ext}")).is_file(), "{format}");
    }
    // The WebP copies are what they claim: lossless gives back every pixel, lossy stays close.
    let original = image::open(&input).unwrap().to_rgb8();
    let lossless = image::open(dir.path().join("webp-lossless/big.webp"))
        .unwrap()
        .to_rgb8();
    assert!(lossless == original, "the lossless WebP copy changed pixels");
    let lossy = image::open(dir.path().join("webp/big.webp")).unwrap().to_rgb8();
    let diff = mean_diff(&original, &lossy);
    assert!(diff > 0.0 && diff < 4.0, "lossy WebP mean difference {diff}");

    // --skip-if-larger on a photo that cannot shrink (within the box, saved at a lower quality than q85): the
    // original itself, byte for byte.
    let small = dir.path().join("small");
    let made = cli(&["--out", p(&small), "--format", "jpeg", "--quality", "40", p(&input)]);
    assert_eq!(made.status.code(), Some(0));
    let small = small.join("big.jpg");
    let kept = dir.path().join("kept");
    let run = cli(&["--out", p(&kept), "--skip-if-larger", "--json", p(&small)]);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let done = json_lines(&run).into_iter().find(|e| e["event"] == "done").unwrap();
    assert_eq!(done["kept_original"], true, "{done}");
    assert_eq!(fs::read(kept.join("big.jpg")).unwrap(), fs::read(&small).unwrap());

    let out = dir.path().join("target");
    let run = cli(&[
        "--out",
        p(&out),
        "--format",
        "jpeg",
        "--target-size",
        "50KB",
        "--json",
        p(&input),
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let done = json_lines(&run).into_iter().find(|e| e["event"] == "done").unwrap();
    assert!(done["output_bytes"].as_u64().unwrap() <= 50_000, "{done}");
    assert!(done["quality"].as_u64().unwrap() < 85, "{done}");
    assert_eq!(done["kept_original"], false);

    let run = cli(&["--out", p(&out), "--format", "jpeg", "--target-size", "1KB", p(&input)]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("even at quality 1"));
    let bad = cli(&["--out", p(&out), "--shrink-to-fit", p(&input)]);
    assert_eq!(bad.status.code(), Some(2), "--shrink-to-fit needs --target-size");

    let sizes = dir.path().join("sizes");
    let run = cli(&[
        "--out",
        p(&sizes),
        "--format",
        "webp",
        "--long-edge",
        "1000",
        "--name",
        "{name}-{size}",
        "--also",
        "thumb=200",
        "--also",
        "mid=600x600:jpeg",
        "--json",
        p(&input),
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let done = json_lines(&run).into_iter().find(|e| e["event"] == "done").unwrap();
    assert_eq!(dims(&sizes.join("big-large.webp")), (1000, 750));
    assert_eq!(done["extra"].as_array().unwrap().len(), 2, "{done}");
    assert!(
        sizes.join("big-thumb.webp").is_file(),
        "the main copy's format by default"
    );
    assert_eq!(dims(&sizes.join("big-mid.jpg")), (600, 450));
    let bad = cli(&["--out", p(&sizes), "--also", "thumb", p(&input)]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("NAME=SIZE"));
}

#[test]
fn metadata_and_colour_options_reach_the_engine() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let dir = tempfile::tempdir().unwrap();
    let has = |path: &Path, needle: &[u8]| fs::read(path).unwrap().windows(needle.len()).any(|w| w == needle);
    let inputs = [data.join("exif-gps.jpg"), data.join("adobe-rgb.jpg")];
    let [gps, adobe] = [0, 1].map(|i| p(&inputs[i]));
    // The Adobe RGB profile's description, in UTF-16.
    let adobe_name: Vec<u8> = "Adobe".encode_utf16().flat_map(u16::to_be_bytes).collect();
    let kept = dir.path().join("kept");
    assert_eq!(cli(&["--out", p(&kept), gps, adobe]).status.code(), Some(0));
    assert!(has(&kept.join("exif-gps.jpg"), b"GPS") && has(&kept.join("exif-gps.jpg"), b"Ann Example"));
    assert!(has(&kept.join("adobe-rgb.jpg"), &adobe_name));

    let located = dir.path().join("no-location");
    assert_eq!(
        cli(&["--out", p(&located), "--remove-location", gps]).status.code(),
        Some(0)
    );
    assert!(!has(&located.join("exif-gps.jpg"), b"GPS") && has(&located.join("exif-gps.jpg"), b"Ann Example"));

    let stripped = dir.path().join("stripped");
    let run = cli(&[
        "--out",
        p(&stripped),
        "--strip-metadata",
        "--to-srgb",
        "--linear",
        gps,
        adobe,
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(!has(&stripped.join("exif-gps.jpg"), b"Ann Example"));
    // Converted: tagged with the sRGB profile (UTF-16 description) instead of Adobe RGB.
    assert!(has(&stripped.join("adobe-rgb.jpg"), b"s\0R\0G\0B"));
    assert!(!has(&stripped.join("adobe-rgb.jpg"), &adobe_name));
}

/// Starts the CLI with `--json` on 40 photos in `dir`, one thread, and returns once the first is written:
/// the folder of photos, the output folder, the running process and the rest of its event lines.
fn start_on_40_photos(dir: &Path) -> (PathBuf, PathBuf, Child, Lines<BufReader<ChildStdout>>) {
    let root = dir.join("photos");
    for i in 0..40 {
        write_photo(&root.join(format!("{i:02}.png")), 500, 400, ImageFormat::Png);
    }
    let out = dir.join("out");
    let args = [
        "--out",
        p(&out),
        "--threads",
        "1",
        "--percent",
        "50",
        "--json",
        p(&root),
    ];
    let (child, mut lines) = spawn_cli(&args);
    for line in lines.by_ref() {
        if line.unwrap().contains("\"event\":\"done\"") {
            break;
        }
    }
    (root, out, child, lines)
}

// Unix only: a console program on Windows gets Ctrl-C from its console (GenerateConsoleCtrlEvent), which a
// test cannot aim at one child alone.
#[cfg(unix)]
#[test]
fn ctrl_c_cancels_cleanly_with_status_130() {
    let dir = tempfile::tempdir().unwrap();
    // Interrupt once the first image is written, as a user pressing Ctrl-C mid-run.
    let (_, out, mut child, lines) = start_on_40_photos(dir.path());
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let rest: Vec<Value> = lines.map(|l| serde_json::from_str(&l.unwrap()).unwrap()).collect();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    let finished = rest.last().expect("a finished event");
    assert_eq!(finished["event"], "finished");
    assert_eq!(finished["cancelled"], true);
    let done = finished["done"].as_u64().unwrap() as usize;
    assert!(done < 40);
    let written = files_below(&out);
    assert_eq!(written.len(), done, "only complete outputs remain: {written:?}");
    for file in written {
        image::open(out.join(file)).unwrap();
    }
}

#[test]
fn kill_9_leaves_only_complete_outputs_and_the_next_run_sweeps_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let (root, out, mut child, _) = start_on_40_photos(dir.path());
    child.kill().unwrap(); // SIGKILL (TerminateProcess on Windows): no handler runs, no cleanup.
    child.wait().unwrap();
    for file in files_below(&out) {
        if !file.to_string_lossy().contains(TEMP_PREFIX) {
            image::open(out.join(&file)).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        }
    }
    let again = cli(&["--on-collision", "skip", "--out", p(&out), "--percent", "50", p(&root)]);
    assert_eq!(again.status.code(), Some(0));
    let written = files_below(&out);
    assert_eq!(written.len(), 40, "{written:?}");
    for file in written {
        assert!(!file.to_string_lossy().contains(TEMP_PREFIX), "{}", file.display());
        image::open(out.join(file)).unwrap();
    }
}

/// The CLI run with the environment's language `locale` (`LANG=…`, no `LC_ALL`). Linux reads its language
/// so; Windows and macOS read the user's language from the system, which a test cannot set per process.
#[cfg(all(unix, not(target_os = "macos")))]
fn cli_in(locale: &str, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("LANG", locale)
        .output()
        .expect("run shrinkray-cli")
}

#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn the_summary_and_errors_speak_the_systems_language_and_json_stays_english() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("photos");
    write_photo(&root.join("a.jpg"), 400, 300, ImageFormat::Jpeg);
    fs::write(root.join("zzz.jpg"), b"\xff\xd8\xff\xe0 broken").unwrap();
    let out = dir.path().join("out");
    let args = ["--out", p(&out), "--width", "100", p(&root)];

    let german = cli_in("de_DE.UTF-8", &args);
    let (stdout, stderr) = (
        String::from_utf8_lossy(&german.stdout),
        String::from_utf8_lossy(&german.stderr),
    );
    assert!(
        stdout.contains("1 fertig, 1 fehlgeschlagen, 0 übersprungen"),
        "{stdout}"
    );
    assert!(
        stderr.contains("Fehler: Das JPEG kann nicht dekodiert werden"),
        "{stderr}"
    );
    assert!(stderr.contains("zzz.jpg"), "the path ends the message: {stderr}");

    let english = cli_in("C", &["--out", p(&dir.path().join("c")), "--width", "100", p(&root)]);
    let stdout = String::from_utf8_lossy(&english.stdout);
    assert!(stdout.contains("1 done, 1 failed, 0 skipped"), "{stdout}");

    let json = cli_in(
        "fr_FR.UTF-8",
        &["--out", p(&dir.path().join("j")), "--width", "100", "--json", p(&root)],
    );
    let events = json_lines(&json);
    let failed = events.iter().find(|e| e["event"] == "failed").expect("a failed event");
    assert!(
        failed["error"].as_str().unwrap().starts_with("cannot decode the JPEG"),
        "JSON is for scripts: {failed}"
    );

    // The CLI's own errors, and the engine's beneath them, are in the user's language too.
    let empty = dir.path().join("leer.txt");
    fs::write(&empty, "").unwrap();
    let refused = cli_in("de_DE.UTF-8", &["--out", p(&out), "--from-file", p(&empty)]);
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr.contains("keine Eingaben: die Liste ist leer:"), "{stderr}");
    assert!(
        stderr.trim_end().ends_with("leer.txt"),
        "the path ends the message: {stderr}"
    );
    let not_a_folder = cli_in("de_DE.UTF-8", &["--out", p(&empty), "--width", "100", p(&root)]);
    let stderr = String::from_utf8_lossy(&not_a_folder.stderr);
    assert!(
        stderr.contains("Der Ausgabeordner kann nicht verwendet werden: "),
        "{stderr}"
    );
    assert!(!stderr.contains("cannot"), "no English of ours: {stderr}");
}
