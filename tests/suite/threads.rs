//! The thread count: the real CLI runs exactly the workers asked for, read from the kernel's list of its
//! threads while it works (each worker is named `shrinkray-worker-N`); Auto honours `RAYON_NUM_THREADS`; the
//! cap holds. Linux only: the threads are read from `/proc`.
#![cfg(target_os = "linux")]

use crate::common;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use common::*;
use image::ImageFormat;

/// The most threads named like a worker seen in the CLI's process while it converts `input`, with `threads`
/// and `RAYON_NUM_THREADS` as given. The pool is made whole before the first image, so one look while the
/// job runs counts it; the process is watched until it ends.
fn workers_seen(input: &Path, out: &Path, threads: &str, rayon: Option<&str>) -> usize {
    let mut command = Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"));
    command.env("LC_ALL", "C");
    command
        .args(["--json", "--threads", threads, "--out", p(out), p(input)])
        .env_remove("RAYON_NUM_THREADS")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Some(n) = rayon {
        command.env("RAYON_NUM_THREADS", n);
    }
    let mut child = command.spawn().unwrap();
    let tasks = format!("/proc/{}/task", child.id());
    let mut most = 0;
    while child.try_wait().unwrap().is_none() {
        let count = fs::read_dir(&tasks)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|t| {
                // The kernel keeps the first 15 bytes of a thread's name.
                fs::read_to_string(t.path().join("comm")).is_ok_and(|c| c.trim_end() == "shrinkray-worke")
            })
            .count();
        most = most.max(count);
    }
    assert!(child.wait().unwrap().success());
    assert_eq!(files_below(out).len(), 24, "every image converted");
    most
}

fn photos(dir: &Path) -> std::path::PathBuf {
    let root = dir.join("in");
    // Enough work that the run lasts a good fraction of a second on two cores.
    let one = write_photo(&dir.join("one.jpg"), 1600, 1200, ImageFormat::Jpeg);
    fs::create_dir_all(&root).unwrap();
    for i in 0..24 {
        fs::hard_link(&one, root.join(format!("{i:02}.jpg"))).unwrap();
    }
    root
}

#[test]
fn the_number_of_workers_is_the_number_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let input = photos(dir.path());
    assert_eq!(workers_seen(&input, &dir.path().join("3"), "3", None), 3);
    assert_eq!(
        workers_seen(&input, &dir.path().join("1"), "1", Some("4")),
        1,
        "a number given wins"
    );
}

#[test]
fn auto_is_rayon_num_threads_when_set_else_every_core() {
    let dir = tempfile::tempdir().unwrap();
    let input = photos(dir.path());
    assert_eq!(workers_seen(&input, &dir.path().join("env"), "0", Some("5")), 5);
    let cores = std::thread::available_parallelism().unwrap().get();
    assert_eq!(workers_seen(&input, &dir.path().join("auto"), "0", None), cores);
}

#[test]
fn no_more_than_256_workers_whatever_is_asked() {
    let dir = tempfile::tempdir().unwrap();
    let input = photos(dir.path());
    assert_eq!(workers_seen(&input, &dir.path().join("env"), "0", Some("1000")), 256);
    let refused = cli(&["--threads", "300", "--out", p(&dir.path().join("x")), p(&input)]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("300 is not in 0..=256"));
}
