//! `shrinkray-cli --watch`, the real binary: copies as photos arrive, JSON events, a report that grows, and a
//! clean end on SIGTERM (as systemd stops a service).

use crate::common::{cli, p};

// What the tests of SIGTERM (Unix only) need.
#[cfg(unix)]
use crate::common::{files_below, spawn_cli, write_photo};
#[cfg(unix)]
use image::ImageFormat;
#[cfg(unix)]
use serde_json::Value;
#[cfg(unix)]
use std::fs;
#[cfg(unix)]
use std::time::{Duration, Instant};

#[cfg(unix)]
#[test]
fn a_watch_copies_arrivals_and_ends_cleanly_on_sigterm_with_nothing_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let (input, out, report) = (
        dir.path().join("in"),
        dir.path().join("out"),
        dir.path().join("report.jsonl"),
    );
    write_photo(&input.join("already.jpg"), 640, 480, ImageFormat::Jpeg);
    let (mut child, mut lines) = spawn_cli(&[
        "--watch",
        "--json",
        "--settle",
        "0.3",
        "--long-edge",
        "320",
        "--threads",
        "1",
        "--report",
        p(&report),
        "--out",
        p(&out),
        p(&input),
    ]);
    let mut events: Vec<Value> = Vec::new();
    let mut next = |events: &mut Vec<Value>| {
        let line = lines.next().expect("an event").unwrap();
        let value: Value = serde_json::from_str(&line).unwrap();
        events.push(value.clone());
        value
    };
    assert_eq!(next(&mut events)["event"], "watching");
    while next(&mut events)["event"] != "done" {}
    // A batch of bigger photos arrives; SIGTERM comes while they are being made.
    for i in 0..16 {
        write_photo(&input.join(format!("new{i}.jpg")), 1600, 1200, ImageFormat::Jpeg);
    }
    while !(next(&mut events)["event"] == "done" && events.iter().filter(|e| e["event"] == "done").count() >= 3) {}
    let stopped = Instant::now();
    // SAFETY: kill(2) on our own child's pid has no memory effects.
    assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGTERM) }, 0);
    for line in lines {
        events.push(serde_json::from_str(&line.unwrap()).unwrap());
    }
    let status = child.wait().unwrap();
    assert!(
        stopped.elapsed() < Duration::from_secs(10),
        "ended within a few seconds"
    );
    assert!(status.success(), "{status:?}");
    let last = events.last().unwrap();
    assert_eq!(last["event"], "finished", "{events:?}");
    let done = events.iter().filter(|e| e["event"] == "done").count();
    assert!(done < 17, "stopped before the end of the batch: {done}");
    assert_eq!(last["done"], done);
    assert!(events.iter().any(|e| e["event"] == "pass"));
    // Nothing half-written: every file in the output folder is a whole copy of one the events name.
    let copies = files_below(&out);
    assert_eq!(copies.len(), done, "{copies:?}");
    for copy in copies {
        image::open(out.join(&copy)).unwrap_or_else(|e| panic!("{copy:?}: {e}"));
    }
    // The report holds a row per copy, from every pass.
    let rows = fs::read_to_string(&report).unwrap();
    assert_eq!(rows.lines().filter(|l| l.contains(r#""event":"done""#)).count(), done);
}

#[test]
fn a_watch_refuses_a_report_that_cannot_grow() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let out = cli(&["--watch", "--report", p(&report), "--out", p(dir.path()), p(dir.path())]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(".csv or .jsonl"), "{stderr}");
}

/// The systemd unit's command, run as systemd would run it for the instance "Web 1920": it watches the folders
/// its list names, with the preset's settings and output folder, and stops cleanly on SIGTERM.
#[cfg(unix)]
#[test]
fn the_systemd_unit_watches_the_listed_folders_with_its_preset() {
    let unit = fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("packaging/linux/shrinkray-watch@.service"),
    )
    .unwrap();
    let exec = unit.lines().find_map(|l| l.strip_prefix("ExecStart=")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let camera = dir.path().join("Camera");
    fs::create_dir_all(config.join("shrinkray/watch")).unwrap();
    fs::write(
        config.join("shrinkray/watch/Web 1920.folders"),
        format!("{}\n", camera.display()),
    )
    .unwrap();
    write_photo(&camera.join("photo.jpg"), 2400, 1800, ImageFormat::Jpeg);
    // systemd's own splitting: words, double quotes keep spaces; %I is the instance, %E the config folder.
    let words: Vec<String> = exec
        .split('"')
        .enumerate()
        .flat_map(|(i, part)| {
            if i % 2 == 1 {
                vec![part.to_owned()]
            } else {
                part.split_whitespace().map(str::to_owned).collect()
            }
        })
        .map(|w| w.replace("%I", "Web 1920").replace("%E", &config.to_string_lossy()))
        .collect();
    assert_eq!(words[0], "/usr/bin/shrinkray-cli");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"))
        .env("LC_ALL", "C")
        .args(&words[1..])
        .env("SHRINKRAY_CONFIG_DIR", &config)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let copy = camera.join("resized/photo.jpg");
    let start = Instant::now();
    while !copy.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no copy from the unit's command"
        );
        assert!(child.try_wait().unwrap().is_none(), "the unit's command ended");
        std::thread::sleep(Duration::from_millis(100));
    }
    // SAFETY: kill(2) on our own child's pid has no memory effects.
    assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGTERM) }, 0);
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(crate::common::dims(&copy), (1920, 1440), "the preset's size");
}
