//! Shrinking a library in place (`--in-place`), through the real `shrinkray-cli`: originals replaced only by
//! smaller copies, kept in the Trash or a backup folder first, nothing shrunk twice, nothing lost to a kill,
//! and `--undo` putting every original back byte for byte.

use crate::common;

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::*;
use image::ImageFormat;

/// A home for one test: the state folder (journals) and the data folder (the freedesktop Trash).
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"));
        command.env("LC_ALL", "C");
        command
            .args(args)
            .env("SHRINKRAY_STATE_DIR", self.path().join("state"))
            .env("XDG_DATA_HOME", self.path().join("data"))
            .env_remove("RAYON_NUM_THREADS");
        command
    }

    fn cli(&self, args: &[&str]) -> Output {
        started(|| self.command(args).output()).unwrap()
    }

    /// The freedesktop Trash's files, by content.
    #[cfg(all(unix, not(target_os = "macos")))]
    fn trashed(&self) -> HashSet<Vec<u8>> {
        contents(&self.path().join("data/Trash/files"))
    }
}

fn contents(dir: &Path) -> HashSet<Vec<u8>> {
    fs::read_dir(dir)
        .map(|entries| entries.map(|e| fs::read(e.unwrap().path()).unwrap()).collect())
        .unwrap_or_default()
}

fn ok(output: &Output) -> String {
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

/// Every file below `dir`, by path, with its bytes.
fn files(dir: &Path) -> HashMap<PathBuf, Vec<u8>> {
    let mut found = HashMap::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(files(&path));
        } else {
            found.insert(path.clone(), fs::read(&path).unwrap());
        }
    }
    found
}

/// A library of `n` photos of 1600×1200, in `lib/` and `lib/sub/`.
fn library(dir: &Path, n: u32) -> PathBuf {
    let lib = dir.join("lib");
    fs::create_dir_all(lib.join("sub")).unwrap();
    for i in 0..n {
        let folder = if i % 2 == 0 { lib.clone() } else { lib.join("sub") };
        write_photo(&folder.join(format!("p{i}.jpg")), 1600, 1200, ImageFormat::Jpeg);
    }
    lib
}

#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn originals_go_to_the_trash_the_copies_take_their_names_times_and_permissions_and_undo_puts_them_back() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new();
    let lib = library(home.path(), 4);
    let a = lib.join("p0.jpg");
    let past = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_500_000_000);
    fs::File::options()
        .write(true)
        .open(&a)
        .unwrap()
        .set_modified(past)
        .unwrap();
    fs::set_permissions(&a, fs::Permissions::from_mode(0o640)).unwrap();
    let before = files(&lib);

    let out = ok(&home.cli(&["--in-place", "--width", "800", "--json", p(&lib)]));
    assert_eq!(out.matches("\"event\":\"done\"").count(), 4, "{out}");
    let after = files(&lib);
    assert_eq!(
        after.keys().collect::<HashSet<_>>(),
        before.keys().collect::<HashSet<_>>(),
        "the same names, and nothing else in the library (no manifest, no temporary file)"
    );
    for (path, bytes) in &after {
        assert!(bytes.len() < before[path].len(), "{path:?} is smaller");
        assert_eq!(image::image_dimensions(path).unwrap(), (800, 600));
    }
    let meta = fs::metadata(&a).unwrap();
    assert_eq!(meta.modified().unwrap(), past, "the original's modification time");
    assert_eq!(meta.permissions().mode() & 0o777, 0o640, "the original's permissions");
    // The real freedesktop layout: every original in files/, and where it came from in info/.
    assert_eq!(home.trashed(), before.values().cloned().collect::<HashSet<_>>());
    let info = fs::read_to_string(home.path().join("data/Trash/info/p0.jpg.trashinfo")).unwrap();
    assert!(info.starts_with("[Trash Info]\nPath=/"), "{info}");
    assert!(info.contains(&format!("Path={}\n", fs::canonicalize(&a).unwrap().display())));
    assert!(info.contains("DeletionDate="));
    let journals = fs::read_dir(home.path().join("state/in-place"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "jsonl"))
        .count();
    assert_eq!(journals, 1, "one journal for the run, in the state folder");

    // The same command again: nothing is shrunk a second time.
    let again = ok(&home.cli(&["--in-place", "--width", "800", "--json", p(&lib)]));
    assert_eq!(again.matches("already shrunk in place").count(), 4, "{again}");
    assert_eq!(files(&lib), after);

    // Undo: every original back, byte for byte, with its time; the copies are in the Trash now.
    let undone = ok(&home.cli(&["--undo", "last"]));
    assert!(undone.starts_with("4 originals put back, 0 could not be"), "{undone}");
    assert_eq!(files(&lib), before);
    assert_eq!(fs::metadata(&a).unwrap().modified().unwrap(), past);
    let trashed = home.trashed();
    assert!(
        after.values().all(|copy| trashed.contains(copy)),
        "the copies are kept, not deleted"
    );
    assert!(
        home.cli(&["--undo", "last"]).status.code() == Some(2),
        "nothing left to undo"
    );
}

#[test]
fn a_new_format_renames_the_file_a_taken_name_is_left_alone_and_the_report_undoes_it() {
    let home = Home::new();
    let lib = library(home.path(), 2);
    fs::write(lib.join("sub/p1.webp"), b"someone else's file").unwrap();
    let before = files(&lib);
    let backup = home.path().join("backup");
    let report = home.path().join("run.csv");
    let out = ok(&home.cli(&[
        "--in-place",
        "--width",
        "800",
        "--format",
        "webp",
        "--backup",
        p(&backup),
        "--report",
        p(&report),
        "--json",
        p(&lib),
    ]));
    assert!(out.contains("renamed p0.webp"), "{out}");
    assert!(!lib.join("p0.jpg").exists());
    assert_eq!(image::image_dimensions(lib.join("p0.webp")).unwrap(), (800, 600));
    assert_eq!(
        fs::read(backup.join("lib/p0.jpg")).unwrap(),
        before[&lib.join("p0.jpg")]
    );
    // p1.jpg would become p1.webp, which is someone else's: both stay as they were.
    assert!(out.contains("a file named p1.webp is already there"), "{out}");
    assert_eq!(
        fs::read(lib.join("sub/p1.jpg")).unwrap(),
        before[&lib.join("sub/p1.jpg")]
    );
    assert_eq!(fs::read(lib.join("sub/p1.webp")).unwrap(), b"someone else's file");

    let undone = ok(&home.cli(&["--undo", p(&report)]));
    assert!(undone.starts_with("1 originals put back"), "{undone}");
    assert_eq!(files(&lib), before);
    assert_eq!(
        contents(&backup.join("lib")).len(),
        1,
        "the copy is kept beside the original's old place"
    );
}

#[cfg(unix)]
#[test]
fn links_copies_that_are_not_smaller_and_a_broken_file_leave_the_rest_to_shrink() {
    let home = Home::new();
    let lib = library(home.path(), 2);
    std::os::unix::fs::symlink(lib.join("p0.jpg"), lib.join("link.jpg")).unwrap();
    let twice = lib.join("sub/twice.jpg");
    write_photo(&twice, 1600, 1200, ImageFormat::Jpeg);
    fs::hard_link(&twice, lib.join("twice-too.jpg")).unwrap();
    write_photo(&lib.join("tiny.png"), 40, 30, ImageFormat::Png);
    // A hidden folder (the Trash of a home folder, .git) is left alone.
    fs::create_dir_all(lib.join(".local/Trash")).unwrap();
    write_photo(&lib.join(".local/Trash/trashed.jpg"), 1600, 1200, ImageFormat::Jpeg);
    let good = fs::read(lib.join("p0.jpg")).unwrap();
    fs::write(lib.join("a-broken.jpg"), &good[..good.len() / 3]).unwrap();
    let before = files(&lib);
    let backup = home.path().join("backup");
    let out = ok_or_failed(&home.cli(&[
        "--in-place",
        "--width",
        "800",
        "--threads",
        "1",
        "--backup",
        p(&backup),
        "--json",
        p(&lib),
    ]));
    assert!(out.contains("it is a symbolic link"), "{out}");
    assert_eq!(out.matches("more than one name").count(), 2, "{out}");
    assert!(out.contains("the copy was not smaller"), "{out}");
    assert_eq!(out.matches("\"event\":\"failed\"").count(), 1, "{out}");
    let after = files(&lib);
    assert!(out.contains("inside a hidden folder"), "{out}");
    for name in [
        "a-broken.jpg",
        "sub/twice.jpg",
        "twice-too.jpg",
        "tiny.png",
        ".local/Trash/trashed.jpg",
    ] {
        assert_eq!(after[&lib.join(name)], before[&lib.join(name)], "{name} is as it was");
    }
    // The good photos after the broken one, on the same thread, are shrunk as usual.
    for name in ["p0.jpg", "sub/p1.jpg"] {
        assert_eq!(image::image_dimensions(lib.join(name)).unwrap(), (800, 600), "{name}");
    }
    assert_eq!(fs::read_link(lib.join("link.jpg")).unwrap(), lib.join("p0.jpg"));
}

/// The output of a run in which some images failed (exit code 1).
#[cfg(unix)]
fn ok_or_failed(output: &Output) -> String {
    assert!(matches!(output.status.code(), Some(0 | 1)), "{output:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Kills in-place runs at random moments, each followed by another run, and checks after every kill that no
/// photo was lost: each is its original, or a smaller good copy with its original in the Trash.
#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn runs_killed_at_random_moments_never_lose_a_photo() {
    let home = Home::new();
    let lib = library(home.path(), 24);
    let originals = files(&lib);
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    eprintln!("seed {seed}");
    let mut random = move |below: u32| {
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        (seed >> 8) % below
    };
    let mut caught_mid_run = 0;
    // A kill that lands before the first swap proves little; on a busy machine (the other tests of this binary)
    // a run takes longer to get going, so the window the kills fall in widens until one lands in a run.
    let mut window = 600;
    let mut kill = 0;
    while kill < 10 || (caught_mid_run == 0 && kill < 30) {
        kill += 1;
        let mut child = started(|| {
            home.command(&["--in-place", "--width", "800", "--threads", "2", p(&lib)])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
        })
        .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(u64::from(random(window))));
        // SIGKILL: no cleanup of any kind.
        child.kill().unwrap();
        child.wait().unwrap();
        assert_nothing_lost(&home, &lib, &originals, kill);
        let now = files(&lib);
        let shrunk = originals
            .iter()
            .filter(|(path, bytes)| now.get(*path) != Some(bytes))
            .count();
        caught_mid_run += usize::from(shrunk > 0 && shrunk < originals.len());
        if shrunk == 0 {
            window = (window + 500).min(10_000);
        }
    }
    assert!(caught_mid_run > 0, "no kill landed in the middle of a run");
    ok(&home.cli(&["--in-place", "--width", "800", p(&lib)]));
    assert_nothing_lost(&home, &lib, &originals, 99);
    let now = files(&lib);
    assert_eq!(
        now.len(),
        originals.len(),
        "no temporary file is left once a run completes"
    );
    assert!(
        now.iter().all(|(path, bytes)| bytes.len() < originals[path].len()),
        "all shrunk in the end"
    );
    ok(&home.cli(&["--undo", "last"]));
    // Every run's journal: undo the earlier ones too.
    for journal in fs::read_dir(home.path().join("state/in-place")).unwrap() {
        let _ = home.cli(&["--undo", p(&journal.unwrap().path())]);
    }
    assert_eq!(files(&lib), originals, "every original back, byte for byte");
}

#[cfg(all(unix, not(target_os = "macos")))]
fn assert_nothing_lost(home: &Home, lib: &Path, originals: &HashMap<PathBuf, Vec<u8>>, kill: u32) {
    let trashed = home.trashed();
    for (path, original) in originals {
        let now = fs::read(path).unwrap_or_default();
        if &now == original {
            continue;
        }
        assert!(
            trashed.contains(original),
            "after kill {kill}: {path:?} is not its original, and the original is not in the Trash"
        );
        let copy = image::load_from_memory(&now).unwrap_or_else(|e| panic!("after kill {kill}: {path:?}: {e}"));
        assert_eq!((copy.width(), copy.height()), (800, 600), "after kill {kill}: {path:?}");
    }
    // Besides the photos, at most the temporary files of the run just killed.
    for path in files(lib).keys() {
        let name = path.file_name().unwrap().to_str().unwrap();
        assert!(
            originals.contains_key(path) || name.starts_with(".shrinkray-tmp-"),
            "after kill {kill}: {path:?}"
        );
    }
}
