//! Nothing Shrinkray writes lands where it must not (issue #28): each case a red-team pass reproduced with the
//! real CLI, run as written. Originals and other photos' copies stay byte for byte, nothing is written outside
//! the folder it is meant for, every run ends, and a bad file costs that file alone. The same tests run on
//! Windows (under Wine in CI); the two that need FIFOs or Unix permission bits are Unix only.

use crate::common;

use std::collections::BTreeMap;
use std::fs;
#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::*;
use image::ImageFormat;

/// Runs the real CLI in `cwd` with `args`, killing it (and failing) if it has not ended within a minute.
fn cli_in(cwd: &Path, args: &[&str]) -> Output {
    let mut child = started(|| {
        Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"))
            .env("LC_ALL", "C")
            .args(args)
            .current_dir(cwd)
            .env_remove("RAYON_NUM_THREADS")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
    })
    .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("shrinkray-cli {args:?} did not end within a minute (a hang)");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every regular file below `dir` (links not followed) with its bytes, by path relative to `dir`.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Small photos `names` in `dir`, each with its own content.
fn photos(dir: &Path, names: &[&str]) -> Vec<PathBuf> {
    names
        .iter()
        .enumerate()
        .map(|(i, n)| write_photo(&dir.join(n), 64 + 8 * i as u32, 48, ImageFormat::Jpeg))
        .collect()
}

/// The file names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| !n.starts_with('.'))
        .collect();
    v.sort();
    v
}

// 1. `--failed-list photos/img1.jpg` truncated that original at start.
#[test]
fn a_failed_list_pointed_at_an_input_leaves_it_whole() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    photos(&d.join("photos"), &["img1.jpg", "img2.jpg"]);
    fs::write(d.join("photos/bad.jpg"), b"\xFF\xD8\xFF not a jpeg").unwrap();
    let before = snapshot(&d.join("photos"));
    let out = cli_in(d, &["--out", "web", "--failed-list", "photos/img1.jpg", "photos"]);
    assert_eq!(snapshot(&d.join("photos")), before, "{}", stderr(&out));
    assert_eq!(out.status.code(), Some(2), "refused before it starts: {}", stderr(&out));
    assert!(stderr(&out).contains("one of the inputs"), "{}", stderr(&out));
}

// 2. `--report photos/holiday.json`, where holiday.json is a JPEG, was renamed over it at the end.
#[test]
fn a_report_pointed_at_an_input_leaves_it_whole() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    photos(&d.join("photos"), &["a.jpg"]);
    fs::copy(d.join("photos/a.jpg"), d.join("photos/holiday.json")).unwrap();
    let before = snapshot(&d.join("photos"));
    let out = cli_in(d, &["--out", "web", "--report", "photos/holiday.json", "photos"]);
    assert_eq!(snapshot(&d.join("photos")), before, "{}", stderr(&out));
    assert_ne!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("one of the inputs"), "{}", stderr(&out));
}

// 3. Two memory cards, both DCIM/IMG_0001.jpg, imported a week apart into one output folder.
#[test]
fn a_second_card_with_the_same_names_never_replaces_the_first_cards_copies() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    photos(&d.join("card1/DCIM"), &["IMG_0001.jpg", "IMG_0002.jpg"]);
    let first = cli_in(d, &["--out", "web", "--width", "40", "card1/DCIM"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let web = snapshot(&d.join("web/DCIM"));
    // The second card: the same names, other photos (other sizes, so the copies differ).
    for (i, n) in ["IMG_0001.jpg", "IMG_0002.jpg"].iter().enumerate() {
        write_photo(&d.join("card2/DCIM").join(n), 120 + 4 * i as u32, 90, ImageFormat::Jpeg);
    }
    let second = cli_in(d, &["--out", "web", "--width", "40", "card2/DCIM"]);
    assert!(second.status.success(), "{}", stderr(&second));
    let after = snapshot(&d.join("web/DCIM"));
    for (path, bytes) in &web {
        assert_eq!(after.get(path), Some(bytes), "the first card's copy {path:?} changed");
    }
    assert_eq!(
        names(&d.join("web/DCIM")),
        ["IMG_0001 (1).jpg", "IMG_0001.jpg", "IMG_0002 (1).jpg", "IMG_0002.jpg"]
    );
    // And with --update, each card's photos are up to date against their own copies.
    for card in ["card1/DCIM", "card2/DCIM"] {
        let again = cli_in(d, &["--out", "web", "--width", "40", "--update", card]);
        assert!(
            String::from_utf8_lossy(&again.stdout).contains("(2 up to date)"),
            "{card}: {again:?}"
        );
    }
    assert_eq!(snapshot(&d.join("web/DCIM")), after);
}

// 4. Two roots with one name in one run: every re-run added another numbered copy and they swapped places.
#[test]
fn two_roots_with_one_name_keep_the_same_two_copies_on_every_run() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_photo(&d.join("a/DCIM/x.jpg"), 300, 100, ImageFormat::Jpeg);
    write_photo(&d.join("b/DCIM/x.jpg"), 200, 100, ImageFormat::Jpeg);
    let mut seen = Vec::new();
    for update in [false, false, true, false] {
        let mut args = vec!["--out", "web", "--threads", "1", "a/DCIM", "b/DCIM"];
        if update {
            args.push("--update");
        }
        let out = cli_in(d, &args);
        assert!(out.status.success(), "{}", stderr(&out));
        seen.push(names_and_widths(&d.join("web/DCIM")));
    }
    assert_eq!(
        seen[0],
        [("x (1).jpg".to_owned(), 200), ("x.jpg".to_owned(), 300)],
        "one copy each, the first root's first"
    );
    for (i, s) in seen.iter().enumerate() {
        assert_eq!(s, &seen[0], "run {i}");
    }
}

// 4b. `--from-file` with two p.jpg from different folders.
#[test]
fn two_listed_files_with_one_name_keep_the_same_two_copies() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_photo(&d.join("one/p.jpg"), 300, 100, ImageFormat::Jpeg);
    write_photo(&d.join("two/p.jpg"), 200, 100, ImageFormat::Jpeg);
    fs::write(d.join("list.txt"), "one/p.jpg\ntwo/p.jpg\n").unwrap();
    let mut seen = Vec::new();
    for _ in 0..3 {
        let out = cli_in(d, &["--out", "web", "--threads", "1", "--from-file", "list.txt"]);
        assert!(out.status.success(), "{}", stderr(&out));
        seen.push(names_and_widths(&d.join("web")));
    }
    assert_eq!(seen[0].len(), 2, "{:?}", seen[0]);
    assert_eq!(seen[1], seen[0]);
    assert_eq!(seen[2], seen[0]);
}

// 5. "Replace our own earlier copy" skipped the input check: re-resizing the output folder in place took the
// earlier copies, now inputs, for its own copies and replaced them; and so did a glob of the inputs' own folder.
#[test]
fn replacing_our_own_copy_never_replaces_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    photos(&d.join("photos"), &["a.jpg", "b.jpg"]);
    assert!(cli_in(d, &["--out", "web", "photos"]).status.success());
    // Now web/photos holds the copies, and the manifest says they are the copies of `photos/a.jpg` and
    // `photos/b.jpg`: the very keys the files in web/photos have as inputs.
    let inputs = snapshot(&d.join("web/photos"));
    let out = cli_in(d, &["--out", "web", "--width", "20", "web/photos"]);
    let after = snapshot(&d.join("web/photos"));
    for (path, bytes) in &inputs {
        assert_eq!(
            after.get(path),
            Some(bytes),
            "the input {path:?} changed: {}",
            stderr(&out)
        );
    }
    // A glob of the inputs' own folder, out into that folder, twice.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    photos(&d.join("pics"), &["a.jpg", "b.jpg"]);
    let originals = snapshot(&d.join("pics"));
    for _ in 0..2 {
        cli_in(d, &["--out", "pics", "--width", "20", "pics/a.jpg", "pics/b.jpg"]);
    }
    let after = snapshot(&d.join("pics"));
    for (path, bytes) in &originals {
        assert_eq!(after.get(path), Some(bytes), "the input {path:?} changed");
    }
}

// 5b. An output subfolder that is a symlink to the originals, with a planted manifest record claiming them.
#[test]
fn a_planted_link_and_manifest_never_lead_a_copy_onto_the_originals() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let originals = d.join("archive/photos");
    photos(&originals, &["a.jpg", "b.jpg"]);
    let canonical = fs::canonicalize(&originals).unwrap();
    fs::create_dir_all(d.join("web/.shrinkray")).unwrap();
    if !symlink(&originals, d.join("web/photos")) {
        return;
    }
    let mut manifest = String::new();
    for n in ["a.jpg", "b.jpg"] {
        let meta = fs::metadata(originals.join(n)).unwrap();
        let nanos = modified_nanos(&meta);
        manifest.push_str(&format!(
            "{{\"input\":\"photos/{n}\",\"bytes\":{},\"modified\":{nanos},\"settings\":\"x\",\
             \"outputs\":[{{\"path\":\"photos/{n}\",\"bytes\":{},\"modified\":{nanos}}}],\
             \"at\":\"{}\"}}\n",
            meta.len(),
            meta.len(),
            canonical.join(n).display()
        ));
    }
    fs::write(d.join("web/.shrinkray/manifest.jsonl"), manifest).unwrap();
    let before = snapshot(&originals);
    let out = cli_in(d, &["--out", "web", "--width", "20", "archive/photos"]);
    assert_eq!(snapshot(&originals), before, "{}", stderr(&out));
}

// 6. `--size-name ../../escaped` wrote outside --out.
#[test]
fn a_size_name_cannot_lead_out_of_the_output_folder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("deep/er");
    photos(&d.join("photos"), &["a.jpg"]);
    let out = cli_in(
        &d,
        &[
            "--out",
            "web",
            "--name",
            "{size}",
            "--size-name",
            "../../escaped",
            "photos",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!dir.path().join("deep/escaped.jpg").exists());
    assert!(!dir.path().join("escaped.jpg").exists());
    assert!(stderr(&out).contains("invalid output name"), "{}", stderr(&out));
}

// 7. A `.shrinkray` that is a symlink made the run write, lock and delete wherever it pointed.
#[test]
fn a_manifest_folder_that_is_a_link_is_never_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    photos(&d.join("photos"), &["a.jpg"]);
    fs::create_dir_all(d.join("victim")).unwrap();
    fs::write(d.join("victim/manifest.jsonl"), b"precious\n").unwrap();
    fs::write(d.join("victim/journal-0001.jsonl"), b"precious too\n").unwrap();
    fs::create_dir_all(d.join("web")).unwrap();
    if !symlink(d.join("victim"), d.join("web/.shrinkray")) {
        return;
    }
    let before = snapshot(&d.join("victim"));
    let out = cli_in(d, &["--out", "web", "photos"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(snapshot(&d.join("victim")), before);
    assert!(
        stderr(&out).contains("nothing from this run will be remembered"),
        "{}",
        stderr(&out)
    );
}

// 7b. Manifest output paths like `../x` made --update skip inputs whose copies are gone.
#[test]
fn manifest_paths_outside_the_folder_are_not_believed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    photos(&d.join("photos"), &["a.jpg"]);
    let first = cli_in(d, &["--out", "web", "photos"]);
    assert!(first.status.success());
    // The copy moves out, and the record is edited to follow it there.
    fs::rename(d.join("web/photos/a.jpg"), d.join("a.jpg")).unwrap();
    let manifest = d.join("web/.shrinkray/manifest.jsonl");
    let text = fs::read_to_string(&manifest).unwrap().replace(
        "\"outputs\":[{\"path\":\"photos/a.jpg\"",
        "\"outputs\":[{\"path\":\"../a.jpg\"",
    );
    assert!(text.contains("../a.jpg"), "{text}");
    fs::write(&manifest, text).unwrap();
    let again = cli_in(d, &["--out", "web", "--update", "photos"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(d.join("web/photos/a.jpg").exists(), "the copy is made again");
}

// 8. Shards on several hosts sharing one output folder deleted each other's in-flight temporary files.
#[test]
fn another_hosts_temporary_files_are_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    photos(&d.join("photos"), &["a.jpg"]);
    fs::create_dir_all(d.join("web/photos")).unwrap();
    // Another host's writer, PID 1 there; and an older version's name whose PID is free here.
    let foreign = d.join(format!(
        "web/photos/{}00000000deadbeef-1-x",
        shrinkray::engine::TEMP_PREFIX
    ));
    let old_form = d.join(format!("web/photos/{}4000000-x", shrinkray::engine::TEMP_PREFIX));
    fs::write(&foreign, b"in flight").unwrap();
    fs::write(&old_form, b"in flight").unwrap();
    let out = cli_in(d, &["--out", "web", "photos"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        foreign.exists() && old_form.exists(),
        "younger than a day: their writers may still run"
    );
}

/// A PNG of `width`×40 whose eXIf chunk is `exif`.
fn png_with_exif(path: &Path, width: u32, exif: &[u8]) -> PathBuf {
    let mut bytes = Vec::new();
    image::DynamicImage::ImageRgb8(photo(width, 40, 3))
        .write_to(&mut std::io::Cursor::new(&mut bytes), ImageFormat::Png)
        .unwrap();
    // The chunk goes right after IHDR (8-byte signature, 25-byte IHDR chunk).
    let mut out = bytes[..33].to_vec();
    bombs::png_chunk(&mut out, b"eXIf", exif);
    out.extend_from_slice(&bytes[33..]);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, out).unwrap();
    path.to_owned()
}

/// A big-endian IFD0 of `n` entries with `tag`, each pointing back at IFD0 itself.
fn pointers_to_itself(n: u16, tag: u16) -> Vec<u8> {
    let mut b = b"MM\0*\0\0\0\x08".to_vec();
    b.extend_from_slice(&n.to_be_bytes());
    for _ in 0..n {
        b.extend_from_slice(&tag.to_be_bytes());
        b.extend_from_slice(&[0, 4, 0, 0, 0, 1, 0, 0, 0, 8]);
    }
    b.extend_from_slice(&[0; 4]);
    b
}

// 9. 5,000 EXIF pointers back to IFD0 (one 62 KB block) made the rebuild read 5,000⁴ directories until the
// whole process aborted, losing every other image of the run. Under a 3 GB address-space limit, on one thread,
// with good files after it: everything is done, the crafted file without its EXIF.
#[test]
fn an_exif_fan_out_costs_at_most_its_own_file() {
    for format in ["jpeg", "tiff"] {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        png_with_exif(&d.join("in/0-crafted.png"), 60, &pointers_to_itself(5000, 0x8769));
        for i in 1..4 {
            write_photo(&d.join(format!("in/{i}-good.png")), 50, 40, ImageFormat::Png);
        }
        let args = [
            "--out",
            "web",
            "--threads",
            "1",
            "--format",
            format,
            "--report",
            "r.csv",
            "in",
        ];
        // The address-space limit is Unix's `ulimit`; on Windows the minute `cli_in` allows bounds the work.
        let out = if cfg!(unix) {
            let script = format!(
                "ulimit -v 3000000; exec '{}' {}",
                env!("CARGO_BIN_EXE_shrinkray-cli"),
                args.join(" ")
            );
            Command::new("sh")
                .arg("-c")
                .arg(script)
                .current_dir(d)
                .output()
                .unwrap()
        } else {
            cli_in(d, &args)
        };
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        assert_eq!(fs::read_dir(d.join("web/in")).unwrap().count(), 4, "{format}");
        // The crafted file's copy says why it has no EXIF; the good ones say nothing.
        let report = fs::read_to_string(d.join("r.csv")).unwrap();
        let noted: Vec<&str> = report.lines().filter(|l| l.contains("EXIF left out")).collect();
        assert_eq!(noted.len(), 1, "{format}: {report}");
        assert!(noted[0].contains("0-crafted"), "{format}: {report}");
    }
}

// 10. A GPS pointer back to IFD0 with --remove-location panicked in the editor: the image failed.
#[test]
fn a_gps_pointer_to_ifd0_with_location_removed_is_a_copy_without_exif() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    png_with_exif(&d.join("in/a.png"), 60, &pointers_to_itself(1, 0x8825));
    let out = cli_in(d, &["--out", "web", "--format", "jpeg", "--remove-location", "in"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(d.join("web/in/a.jpg").exists());
}

/// Makes a FIFO at `path`.
#[cfg(unix)]
fn fifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

// 11. A FIFO where the manifest, a journal or the lock should be hung every run forever. Unix only: Windows
// has no FIFOs in folders (its named pipes live in their own namespace).
#[cfg(unix)]
#[test]
fn fifos_in_the_manifest_folder_never_hang_a_run() {
    for name in ["manifest.jsonl", "journal-0000.jsonl", "lock"] {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        photos(&d.join("photos"), &["a.jpg"]);
        fs::create_dir_all(d.join("web/.shrinkray")).unwrap();
        fifo(&d.join("web/.shrinkray").join(name));
        let dry = cli_in(d, &["--out", "web", "--dry-run", "photos"]);
        assert!(dry.status.success(), "{name}: {}", stderr(&dry));
        let out = cli_in(d, &["--out", "web", "--update", "photos"]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        assert!(d.join("web/photos/a.jpg").exists(), "{name}");
    }
}

// 12. One line of invalid UTF-8 in the manifest dropped every record after it.
#[test]
fn a_damaged_manifest_line_costs_that_line_only() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    photos(&d.join("photos"), &["a.jpg", "b.jpg", "c.jpg"]);
    assert!(cli_in(d, &["--out", "web", "photos"]).status.success());
    let manifest = d.join("web/.shrinkray/manifest.jsonl");
    let text = fs::read(&manifest).unwrap();
    let first_line = text.iter().position(|&b| b == b'\n').unwrap() + 1;
    let mut damaged = text[..first_line].to_vec();
    damaged.extend_from_slice(b"\xFF\xFE damaged\n");
    damaged.extend_from_slice(&text[first_line..]);
    fs::write(&manifest, damaged).unwrap();
    let again = cli_in(d, &["--out", "web", "--update", "photos"]);
    assert!(
        String::from_utf8_lossy(&again.stdout).contains("(3 up to date)"),
        "{again:?}"
    );
    assert_eq!(names(&d.join("web/photos")), ["a.jpg", "b.jpg", "c.jpg"]);
}

// 13. The manifest was written 0600 whatever the umask; an unusable .shrinkray recorded nothing and said
// nothing. Unix only: the umask and mode bits are Unix's.
#[cfg(unix)]
#[test]
fn the_manifest_follows_the_umask_and_an_unusable_folder_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    photos(&d.join("photos"), &["a.jpg"]);
    let script = format!(
        "umask 022; exec '{}' --out web photos",
        env!("CARGO_BIN_EXE_shrinkray-cli")
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(d)
        .output()
        .unwrap();
    assert!(out.status.success());
    for file in ["web/.shrinkray/manifest.jsonl", "web/photos/a.jpg"] {
        let mode = fs::metadata(d.join(file)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "{file}");
    }
    let other = d.join("other");
    fs::create_dir_all(&other).unwrap();
    fs::write(other.join(".shrinkray"), b"a file").unwrap();
    let out = cli_in(d, &["--out", "other", "photos"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    assert_eq!(
        said.matches("nothing from this run will be remembered").count(),
        1,
        "{said}"
    );
    assert!(said.trim_end().ends_with(".shrinkray"), "the path last: {said}");
}

// 14. An earlier run's output folder inside an input root was walked as input by a later run.
#[test]
fn an_earlier_runs_output_folder_is_never_walked_as_input() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    photos(&d.join("photos"), &["a.jpg", "b.jpg"]);
    assert!(cli_in(d, &["--out", "photos/web", "photos"]).status.success());
    assert!(cli_in(d, &["--out", "photos/small", "photos"]).status.success());
    assert!(
        !d.join("photos/small/photos/web").exists(),
        "{:?}",
        snapshot(&d.join("photos/small")).keys()
    );
    assert_eq!(names(&d.join("photos/small/photos")), ["a.jpg", "b.jpg"]);
}

// 15. Two runs of the same inputs into one output folder at once produced numbered duplicates.
#[test]
fn a_second_run_into_a_busy_output_folder_is_refused_and_makes_no_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for i in 0..30 {
        write_photo(&d.join(format!("photos/{i:02}.png")), 600, 400, ImageFormat::Png);
    }
    let args = ["--out", "web", "--threads", "1", "--json", "photos"];
    let (mut first, mut lines) = {
        let mut child = Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"))
            .env("LC_ALL", "C")
            .args(args)
            .current_dir(d)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        (child, std::io::BufRead::lines(std::io::BufReader::new(stdout)))
    };
    // The first run has begun writing.
    let line = lines.next().unwrap().unwrap();
    assert!(line.contains("started"), "{line}");
    let second = cli_in(d, &args);
    let still_running = first.try_wait().unwrap().is_none();
    for _ in lines.by_ref() {}
    assert!(first.wait().unwrap().success());
    if still_running {
        assert_eq!(second.status.code(), Some(2), "{}", stderr(&second));
        assert!(stderr(&second).contains("another Shrinkray run"), "{}", stderr(&second));
    }
    let made = names(&d.join("web/photos"));
    assert_eq!(made.len(), 30, "{made:?}");
    assert!(made.iter().all(|n| !n.contains('(')), "{made:?}");
}

// 16. A CSV report wrote file names as they are: a cell beginning with = runs as a formula in a spreadsheet.
#[test]
fn report_cells_that_a_spreadsheet_would_run_are_written_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Windows names cannot hold quotes, colons or slashes; a plainer formula stands in there.
    let name = if cfg!(windows) {
        "=1+2.jpg"
    } else {
        "=HYPERLINK(\"http://example.invalid\",\"click\").jpg"
    };
    write_photo(&d.join(name), 64, 48, ImageFormat::Jpeg);
    write_photo(&d.join("@sum.jpg"), 64, 48, ImageFormat::Jpeg);
    let out = cli_in(d, &["--out", "web", "--report", "report.csv", name, "@sum.jpg"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut report = csv::Reader::from_path(d.join("report.csv")).unwrap();
    let inputs: Vec<String> = report.records().map(|r| r.unwrap()[0].to_owned()).collect();
    assert!(inputs.contains(&format!("'{name}")), "{inputs:?}");
    assert!(inputs.contains(&"'@sum.jpg".to_owned()), "{inputs:?}");
}

/// The copies' names in `web/photos` with their widths, after a run of `args` in `d`.
fn run_and_list(d: &Path, args: &[&str]) -> Vec<(String, u32)> {
    let out = cli_in(d, args);
    assert!(out.status.success(), "{}", stderr(&out));
    names_and_widths(&d.join("web/photos"))
}

// The manifest knows what an input is: a photo edited in place, or saved by an editor through a new file and
// a rename (a new inode), is the same input, so its copy is replaced, not numbered.
#[test]
fn an_edited_photo_has_its_copy_replaced_however_the_editor_saved_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_photo(&d.join("photos/a.jpg"), 300, 100, ImageFormat::Jpeg);
    let args = ["--out", "web", "photos"];
    assert_eq!(run_and_list(d, &args), [("a.jpg".to_owned(), 300)]);
    // In place: the same file rewritten.
    let edited = fs::read(write_photo(&d.join("edit.jpg"), 280, 100, ImageFormat::Jpeg)).unwrap();
    fs::write(d.join("photos/a.jpg"), &edited).unwrap();
    assert_eq!(run_and_list(d, &args), [("a.jpg".to_owned(), 280)]);
    // Through a new file renamed over it.
    write_photo(&d.join("photos/.a.jpg.tmp"), 260, 100, ImageFormat::Jpeg);
    fs::rename(d.join("photos/.a.jpg.tmp"), d.join("photos/a.jpg")).unwrap();
    assert_eq!(run_and_list(d, &args), [("a.jpg".to_owned(), 260)]);
}

// The same library at another path (another mount point, or a share mounted elsewhere on each cluster node),
// unchanged: up to date.
#[test]
fn the_same_library_at_another_path_is_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    photos(&d.join("mnt1/photos"), &["a.jpg", "b.jpg"]);
    assert!(cli_in(d, &["--out", "web", "mnt1/photos"]).status.success());
    fs::rename(d.join("mnt1"), d.join("mnt2")).unwrap();
    let again = cli_in(d, &["--out", "web", "--update", "mnt2/photos"]);
    assert!(
        String::from_utf8_lossy(&again.stdout).contains("(2 up to date)"),
        "{again:?}"
    );
}

/// Makes `manifest`'s records as the version before wrote them: without the input's identity.
fn strip_identity(manifest: &Path) {
    let old: String = fs::read_to_string(manifest)
        .unwrap()
        .lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            for field in ["fs", "at", "content"] {
                assert!(v.as_object_mut().unwrap().remove(field).is_some(), "{field} in {l}");
            }
            format!("{v}\n")
        })
        .collect();
    fs::write(manifest, old).unwrap();
}

// Records of the version before (no identity): unchanged inputs stay up to date (and a full run replaces their
// copies, as before), but such a record never lets a changed input's run replace a copy: it gets a numbered copy
// once, and is known by its new record after that.
#[test]
fn records_without_identity_keep_up_to_date_copies_but_never_allow_a_replacement() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_photo(&d.join("photos/a.jpg"), 300, 100, ImageFormat::Jpeg);
    write_photo(&d.join("photos/b.jpg"), 200, 100, ImageFormat::Jpeg);
    assert!(cli_in(d, &["--out", "web", "photos"]).status.success());
    let manifest = d.join("web/.shrinkray/manifest.jsonl");
    strip_identity(&manifest);
    let again = cli_in(d, &["--out", "web", "--update", "photos"]);
    assert!(
        String::from_utf8_lossy(&again.stdout).contains("(2 up to date)"),
        "{again:?}"
    );
    let unchanged = [("a.jpg".to_owned(), 300), ("b.jpg".to_owned(), 200)];
    assert_eq!(
        run_and_list(d, &["--out", "web", "photos"]),
        unchanged,
        "a full run piles up nothing"
    );
    strip_identity(&manifest);
    write_photo(&d.join("photos/a.jpg"), 280, 100, ImageFormat::Jpeg);
    let want = [
        ("a (1).jpg".to_owned(), 280),
        ("a.jpg".to_owned(), 300),
        ("b.jpg".to_owned(), 200),
    ];
    assert_eq!(run_and_list(d, &["--out", "web", "--update", "photos"]), want);
    assert_eq!(
        run_and_list(d, &["--out", "web", "--update", "photos"]),
        want,
        "no second numbered copy"
    );
    // Changed again: now its own record says a (1).jpg is its copy, so that one is replaced.
    write_photo(&d.join("photos/a.jpg"), 260, 100, ImageFormat::Jpeg);
    let want = [
        ("a (1).jpg".to_owned(), 260),
        ("a.jpg".to_owned(), 300),
        ("b.jpg".to_owned(), 200),
    ];
    assert_eq!(run_and_list(d, &["--out", "web", "--update", "photos"]), want);
}

// Found by the property test: a report or failed list pointed at a photo of another shard replaced it, since
// only the inputs this shard takes were protected.
#[test]
fn a_failed_list_pointed_at_another_shards_input_leaves_it_whole() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let names: Vec<String> = (0..8).map(|i| format!("p{i}.jpg")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    photos(&d.join("photos"), &refs);
    let before = snapshot(&d.join("photos"));
    for shard in ["1/2", "2/2"] {
        for name in &names {
            let target = format!("photos/{name}");
            cli_in(
                d,
                &["--out", "web", "--shard", shard, "--failed-list", &target, "photos"],
            );
        }
    }
    assert_eq!(snapshot(&d.join("photos")), before);
}

// A folder inside the output folder that is a link leading out: no copy is written through it, and no folder is
// made below its target either.
#[test]
fn a_linked_output_subfolder_creates_nothing_where_it_leads() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    photos(&d.join("photos/sub"), &["a.jpg"]);
    fs::create_dir_all(d.join("elsewhere")).unwrap();
    fs::create_dir_all(d.join("web")).unwrap();
    if !symlink(d.join("elsewhere"), d.join("web/photos")) {
        return;
    }
    let out = cli_in(d, &["--out", "web", "photos"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("its folder leads outside the output folder"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_dir(d.join("elsewhere")).unwrap().count(), 0);
}
