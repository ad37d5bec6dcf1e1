//! `shrinkray-cli --dry-run` through the real binary: the plan and the estimate printed, nothing written.

use crate::common;

use std::fs;
use std::process::Output;

use common::*;
use image::ImageFormat;
use serde_json::Value;

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// `photo.png` and `photo.jpg` both become `photo.jpg`; `notes.txt` is no image.
fn colliding_folder(root: &std::path::Path) -> std::path::PathBuf {
    let folder = root.join("shoot");
    write_photo(&folder.join("photo.jpg"), 900, 600, ImageFormat::Jpeg);
    write_photo(&folder.join("photo.png"), 600, 900, ImageFormat::Png);
    fs::write(folder.join("notes.txt"), "not a picture").unwrap();
    folder
}

#[test]
fn a_dry_run_prints_the_plan_and_the_estimate_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let folder = colliding_folder(dir.path());
    let out = dir.path().join("out");
    let run = cli(&[
        "--dry-run",
        "--out",
        p(&out),
        "--format",
        "jpeg",
        "--long-edge",
        "300",
        p(&folder),
    ]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(!out.exists(), "a dry run created the output folder");
    let shoot = out.join("shoot");
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines.contains(
            &format!(
                "{} → {}",
                folder.join("photo.jpg").display(),
                shoot.join("photo.jpg").display()
            )
            .as_str()
        ),
        "{stdout}"
    );
    assert!(
        lines.contains(
            &format!(
                "{} → {}  (numbered: {} is taken)",
                folder.join("photo.png").display(),
                shoot.join("photo (1).jpg").display(),
                shoot.join("photo.jpg").display()
            )
            .as_str()
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("{}: skipped: ", folder.join("notes.txt").display())),
        "{stdout}"
    );
    assert!(
        lines.contains(&format!("  {}  2 copies", shoot.display()).as_str()),
        "{stdout}"
    );
    assert!(
        stdout.contains("Collisions (taken names get a number): 1 numbered, 0 replacing a file"),
        "{stdout}"
    );
    assert!(lines.contains(&"Plan: 2 to resize, 1 skipped, 0 failing"), "{stdout}");
    let estimate = lines
        .iter()
        .find(|l| l.starts_with("Estimate: 2 images, "))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(
        estimate.contains(" → ≈ ") && estimate.contains("(from 2 sampled images)"),
        "{estimate}"
    );
    // Then the real run writes what the plan said.
    let real = cli(&["--out", p(&out), "--format", "jpeg", "--long-edge", "300", p(&folder)]);
    assert_eq!(real.status.code(), Some(0));
    assert_eq!(
        files_below(&out),
        vec![
            std::path::PathBuf::from("shoot/photo (1).jpg"),
            "shoot/photo.jpg".into()
        ]
    );
}

#[test]
fn a_dry_run_in_json_gives_one_planned_event_per_input_and_an_estimate() {
    let dir = tempfile::tempdir().unwrap();
    let folder = colliding_folder(dir.path());
    let out = dir.path().join("out");
    let run = cli(&[
        "--dry-run",
        "--json",
        "--out",
        p(&out),
        "--format",
        "jpeg",
        "-j",
        "2",
        p(&folder),
    ]);
    assert_eq!(run.status.code(), Some(0));
    assert!(!out.exists());
    let events = json_lines(&run);
    let planned: Vec<&Value> = events.iter().filter(|e| e["event"] == "planned").collect();
    assert_eq!(planned.len(), 3, "{events:?}");
    let by_name = |name: &str| {
        planned
            .iter()
            .find(|e| e["input"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("no planned event for {name}"))
    };
    assert_eq!(by_name("photo.jpg")["action"], "resize");
    assert_eq!(by_name("photo.jpg")["numbered_from"], Value::Null);
    assert_eq!(by_name("photo.png")["action"], "resize");
    assert_eq!(by_name("photo.png")["format"], "JPEG");
    let output = by_name("photo.png")["output"].as_str().unwrap().replace('\\', "/");
    assert!(output.ends_with("shoot/photo (1).jpg"), "{output}");
    let numbered_from = by_name("photo.png")["numbered_from"]
        .as_str()
        .unwrap()
        .replace('\\', "/");
    assert!(numbered_from.ends_with("shoot/photo.jpg"), "{numbered_from}");
    assert_eq!(by_name("notes.txt")["action"], "skip");
    let estimate = events.last().unwrap();
    assert_eq!(estimate["event"], "estimate");
    assert_eq!(
        (estimate["images"].as_u64(), estimate["skipped"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(
        (estimate["sampled"].as_u64(), estimate["threads"].as_u64()),
        (Some(2), Some(2))
    );
    assert!(estimate["output_bytes"].as_u64().unwrap() > 0);
    assert!(estimate["seconds"].as_f64().unwrap() > 0.0);
}

/// Every path below `dir` with its modification time, in walk order.
fn mtimes(dir: &std::path::Path) -> Vec<(std::path::PathBuf, std::time::SystemTime)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| {
            let e = e.unwrap();
            (e.path().to_owned(), e.metadata().unwrap().modified().unwrap())
        })
        .collect()
}

#[test]
fn a_dry_run_after_a_run_counts_what_is_up_to_date_and_touches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("photos");
    for i in 0..4 {
        write_photo(&folder.join(format!("{i}.jpg")), 640, 480, ImageFormat::Jpeg);
    }
    let out = dir.path().join("out");
    let args = ["--out", p(&out), "--long-edge", "200", p(&folder)];
    assert_eq!(cli(&args).status.code(), Some(0));
    write_photo(&folder.join("new.jpg"), 640, 480, ImageFormat::Jpeg);
    let before = mtimes(&out);
    let run = cli(&[&["--dry-run", "--update"][..], &args].concat());
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("Up to date (skipped): 4"), "{stdout}");
    assert!(
        stdout.contains(&format!("{}: skipped: up to date", folder.join("0.jpg").display())),
        "{stdout}"
    );
    assert!(stdout.contains("Estimate: 1 images, "), "{stdout}");
    let after = mtimes(&out);
    assert_eq!(before, after, "a dry run changed the output folder");
    // Once everything is made, nothing is left to estimate.
    assert_eq!(cli(&args).status.code(), Some(0));
    let again = cli(&[&["--dry-run", "--update"][..], &args].concat());
    let stdout = String::from_utf8_lossy(&again.stdout);
    assert!(stdout.lines().any(|l| l == "Estimate: nothing to resize"), "{stdout}");
}

#[test]
fn a_dry_run_that_meets_a_broken_file_says_so_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_photo(&dir.path().join("in/good.jpg"), 640, 480, ImageFormat::Jpeg);
    let bad = dir.path().join("in/bad.jpg");
    let data = fs::read(&good).unwrap();
    fs::write(&bad, &data[..data.len() / 3]).unwrap();
    let out = dir.path().join("out");
    let run = cli(&["--dry-run", "--out", p(&out), p(&dir.path().join("in"))]);
    assert_eq!(run.status.code(), Some(1), "{}", String::from_utf8_lossy(&run.stdout));
    assert!(!out.exists());
}
