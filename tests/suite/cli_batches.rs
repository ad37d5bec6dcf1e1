//! The real `shrinkray-cli` over long batches: resuming a killed run with `--update`, failed lists and input
//! lists, reports and shards.

use crate::common;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::SystemTime;

use common::*;
use image::ImageFormat;
use serde_json::Value;
use shrinkray::engine::TEMP_PREFIX;

fn cli(args: &[&str]) -> Output {
    cli_with_stdin(args, b"")
}

fn cli_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"))
        .env("LC_ALL", "C")
        .args(args)
        .env_remove("RAYON_NUM_THREADS")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run shrinkray-cli");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn events(out: &Output, kind: &str) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v["event"] == kind)
        .collect()
}

fn mtime(path: &Path) -> SystemTime {
    fs::metadata(path).unwrap().modified().unwrap()
}

#[test]
fn after_kill_9_an_update_run_makes_only_what_is_left_and_each_copy_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("photos");
    for i in 0..40 {
        write_photo(&root.join(format!("{i:02}.png")), 500, 400, ImageFormat::Png);
    }
    let out = dir.path().join("out");
    let args = [
        "--out",
        p(&out),
        "--threads",
        "1",
        "--percent",
        "50",
        "--update",
        "--json",
        p(&root),
    ];
    let (mut child, mut lines) = spawn_cli(&args);
    let mut done = 0;
    for line in lines.by_ref() {
        done += usize::from(line.unwrap().contains("\"event\":\"done\""));
        if done == 5 {
            break;
        }
    }
    child.kill().unwrap(); // SIGKILL: no handler runs, the journal is never folded.
    child.wait().unwrap();
    let before: Vec<(PathBuf, SystemTime)> = files_below(&out)
        .into_iter()
        .filter(|f| !f.to_string_lossy().contains(TEMP_PREFIX))
        .map(|f| (f.clone(), mtime(&out.join(f))))
        .collect();
    assert!((5..40).contains(&before.len()), "{before:?}");

    let again = cli(&args);
    assert_eq!(
        again.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    let skipped = events(&again, "skipped");
    assert_eq!(
        skipped.len(),
        before.len(),
        "every copy the killed run finished is up to date"
    );
    assert!(skipped.iter().all(|s| s["reason"] == "up to date"));
    assert_eq!(events(&again, "done").len(), 40 - before.len());
    let written = files_below(&out);
    assert_eq!(written.len(), 40, "each copy once, none numbered: {written:?}");
    for file in &written {
        assert!(!file.to_string_lossy().contains(TEMP_PREFIX));
        assert_eq!(dims(&out.join(file)), (250, 200));
    }
    for (file, time) in before {
        assert_eq!(mtime(&out.join(&file)), time, "{} was made again", file.display());
    }
    // And a third run has nothing to do, and says so.
    let third = cli(&args);
    assert_eq!(events(&third, "skipped").len(), 40);
    let plain: Vec<&str> = args.iter().copied().filter(|a| *a != "--json").collect();
    let fourth = cli(&plain);
    let said = String::from_utf8_lossy(&fourth.stdout);
    assert!(
        said.starts_with("0 done, 0 failed, 40 skipped (40 up to date): "),
        "{said}"
    );
}

#[test]
fn the_failed_list_feeds_back_as_an_input_list() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("photos");
    write_photo(&root.join("good.jpg"), 80, 60, ImageFormat::Jpeg);
    // A name with a line break, which only a NUL-separated list can carry (Windows names cannot hold one).
    let odd = if cfg!(windows) { "bad;two.jpg" } else { "bad\ntwo.jpg" };
    fs::write(root.join("bad one.jpg"), b"\xff\xd8\xff\xe0 cut").unwrap();
    fs::write(root.join(odd), b"\xff\xd8\xff\xe0 cut").unwrap();
    let out = dir.path().join("out");
    let list0 = dir.path().join("failed0");
    let first = cli(&["--out", p(&out), "--failed-list0", p(&list0), p(&root)]);
    assert_eq!(first.status.code(), Some(1));
    let mut failed: Vec<&[u8]> = Vec::new();
    let bytes = fs::read(&list0).unwrap();
    failed.extend(bytes.split(|&b| b == 0).filter(|s| !s.is_empty()));
    failed.sort();
    let (second, first) = (root.join(odd), root.join("bad one.jpg"));
    let mut wanted = [p(&second).as_bytes(), p(&first).as_bytes()];
    wanted.sort();
    assert_eq!(failed, wanted);

    // Only the failed files run again, from the NUL-separated list and from a line list on stdin.
    let again = cli(&["--out", p(&out), "--json", "--from-file0", p(&list0)]);
    assert_eq!(events(&again, "failed").len(), 2);
    assert_eq!(events(&again, "done").len(), 0);
    let lines = format!("{}\n\n", p(&root.join("good.jpg")));
    let list = dir.path().join("failed.txt");
    let stdin = cli_with_stdin(
        &[
            "--out",
            p(&out),
            "--json",
            "--failed-list",
            p(&list),
            "--from-file",
            "-",
        ],
        lines.as_bytes(),
    );
    assert_eq!(
        stdin.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&stdin.stderr)
    );
    assert_eq!(events(&stdin, "done").len(), 1);
    assert_eq!(fs::read(&list).unwrap(), b"", "nothing failed, the list is empty");
}

#[test]
fn a_report_is_written_and_a_bad_report_name_or_shard_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("photos");
    write_photo(&root.join("a.jpg"), 80, 60, ImageFormat::Jpeg);
    write_photo(&root.join("b.png"), 80, 60, ImageFormat::Png);
    let out = dir.path().join("out");
    let report = dir.path().join("run.json");
    let run = cli(&["--out", p(&out), "--report", p(&report), p(&root)]);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let rows: Vec<Value> = serde_json::from_slice(&fs::read(&report).unwrap()).unwrap();
    assert_eq!(rows.len(), 3, "two images and the summary: {rows:?}");
    assert_eq!(rows[2]["event"], "finished");

    for bad in [&["--report", "run.txt"][..], &["--shard", "4/3"], &["--shard", "0/2"]] {
        let mut args = vec!["--out", p(&out)];
        args.extend_from_slice(bad);
        args.push(p(&root));
        let run = cli(&args);
        assert_eq!(run.status.code(), Some(2), "{bad:?}");
    }
    let shard = cli(&["--out", p(&dir.path().join("s")), "--shard", "1/1", "--json", p(&root)]);
    assert_eq!(events(&shard, "done").len(), 2);
}
