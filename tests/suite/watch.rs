//! Watch folders (`Watch`): photos dropped into a watched folder get their copies, whatever way they arrive
//! (all at once, slowly in chunks, renamed into place, in a burst of thousands, changed later), exactly once
//! each, and the watch never feeds on its own copies.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use crate::common::{dims, files_below, photo, settings_to, write_photo};
use image::ImageFormat;
use shrinkray::engine::{JobEvent, JobOptions, Listen, PassTrigger, ResizeMode, Settings, Watch, WatchOptions};

/// A watch with short waits, and every event it sent so far.
struct Watching {
    watch: Watch,
    events: Vec<JobEvent>,
}

fn options(settle_ms: u64) -> WatchOptions {
    WatchOptions {
        settle: Duration::from_millis(settle_ms),
        rescan: Duration::from_secs(600),
        give_up: Duration::from_secs(3),
        listen: Listen::Events,
    }
}

fn settings(out: &Path) -> Settings {
    Settings {
        resize: ResizeMode::LongEdge(64),
        ..settings_to(out)
    }
}

impl Watching {
    fn start(inputs: &[PathBuf], settings: Settings, options: WatchOptions) -> Self {
        let watch = Watch::start(
            inputs.to_vec(),
            settings,
            JobOptions::default(),
            options,
            Arc::new(|| {}),
        )
        .unwrap();
        let mut w = Self {
            watch,
            events: Vec::new(),
        };
        // Armed, and its first pass over: a file written from now on is news to it.
        w.until("the first pass", |e| {
            e.iter().any(|e| matches!(e, JobEvent::Pass { .. }))
        });
        w
    }

    /// Collects events until `done` holds of them all; fails after 60 s.
    fn until(&mut self, what: &str, done: impl Fn(&[JobEvent]) -> bool) {
        self.until_within(Duration::from_secs(60), what, done);
    }

    /// `until`, failing after `time`.
    fn until_within(&mut self, time: Duration, what: &str, done: impl Fn(&[JobEvent]) -> bool) {
        let start = Instant::now();
        while !done(&self.events) {
            if start.elapsed() > time {
                let last = &self.events[self.events.len().saturating_sub(6)..];
                panic!("timed out waiting for {what}; the last events: {last:#?}");
            }
            if let Ok(e) = self.watch.events().recv_timeout(Duration::from_millis(50)) {
                self.events.push(e);
            }
        }
    }

    /// Collects events for `time`, whatever comes.
    fn for_a_while(&mut self, time: Duration) {
        let end = Instant::now() + time;
        while let Some(left) = end.checked_duration_since(Instant::now()) {
            if let Ok(e) = self.watch.events().recv_timeout(left) {
                self.events.push(e);
            }
        }
    }

    /// How many copies were made of each input (by file name).
    fn done_per_input(&self) -> HashMap<String, usize> {
        let mut n = HashMap::new();
        for e in &self.events {
            if let JobEvent::ImageDone(d) = e {
                *n.entry(name(&d.input)).or_default() += 1;
            }
        }
        n
    }

    fn done(&self) -> usize {
        self.done_per_input().values().sum()
    }

    fn failed(&self) -> Vec<String> {
        self.events
            .iter()
            .filter_map(|e| match e {
                JobEvent::ImageFailed { input, .. } => Some(name(input)),
                _ => None,
            })
            .collect()
    }

    fn passes(&self) -> usize {
        self.events
            .iter()
            .filter(|e| matches!(e, JobEvent::Pass { .. }))
            .count()
    }

    /// Stops the watch and returns `Finished`'s (done, failed).
    fn stop(mut self) -> (usize, usize) {
        self.watch.stop();
        self.until("the watch to end", |e| {
            e.iter().any(|e| matches!(e, JobEvent::Finished { .. }))
        });
        match self.events.last() {
            Some(JobEvent::Finished { summary }) => {
                assert!(summary.setup_error.is_none(), "{:?}", summary.setup_error);
                (summary.done, summary.failed)
            }
            other => panic!("the last event is {other:?}"),
        }
    }
}

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

fn jpeg_bytes(width: u32, height: u32, seed: u32) -> Vec<u8> {
    let mut bytes = std::io::Cursor::new(Vec::new());
    photo(width, height, seed)
        .write_to(&mut bytes, ImageFormat::Jpeg)
        .unwrap();
    bytes.into_inner()
}

/// The copies below `out`, without the manifest.
fn copies(out: &Path) -> Vec<PathBuf> {
    files_below(out)
        .into_iter()
        .filter(|p| !p.components().any(|c| c.as_os_str() == ".shrinkray"))
        .collect()
}

#[test]
fn photos_dropped_in_while_it_runs_get_one_copy_each_and_then_it_rests() {
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("camera"), dir.path().join("small"));
    for i in 0..40 {
        write_photo(&input.join(format!("first{i}.jpg")), 320, 240, ImageFormat::Jpeg);
    }
    let mut w = Watching::start(std::slice::from_ref(&input), settings(&out), options(300));
    // Some arrive while the first passes work through the others, some in a folder made meanwhile.
    for i in 0..20 {
        write_photo(&input.join(format!("during{i}.jpg")), 320, 240, ImageFormat::Jpeg);
    }
    write_photo(&input.join("new folder/later.png"), 320, 240, ImageFormat::Png);
    w.until("61 copies", |e| {
        e.iter().filter(|e| matches!(e, JobEvent::ImageDone(_))).count() >= 61
    });
    w.for_a_while(Duration::from_secs(2));
    let per_input = w.done_per_input();
    assert_eq!(per_input.len(), 61);
    assert!(per_input.values().all(|&n| n == 1), "{per_input:?}");
    assert_eq!(copies(&out).len(), 61);
    assert!(out.join("camera/new folder/later.png").exists());
    // At rest, nothing more happens: no pass without a reason.
    let passes = w.passes();
    w.for_a_while(Duration::from_secs(2));
    assert_eq!(w.passes(), passes, "passes ran with nothing changed");
    assert_eq!(w.stop(), (61, 0));
}

#[test]
fn a_photo_written_slowly_in_chunks_is_copied_once_and_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    fs::create_dir_all(&input).unwrap();
    let mut w = Watching::start(std::slice::from_ref(&input), settings(&out), options(800));
    let bytes = jpeg_bytes(640, 480, 7);
    let mut file = fs::File::create(input.join("slow.jpg")).unwrap();
    // Twelve chunks, a quarter of a second apart: three seconds of a file that is not whole yet, while other
    // photos arrive and start passes that meet it half-written.
    for (i, chunk) in bytes.chunks(bytes.len().div_ceil(12)).enumerate() {
        file.write_all(chunk).unwrap();
        file.flush().unwrap();
        if i % 3 == 0 {
            write_photo(&input.join(format!("other{i}.jpg")), 320, 240, ImageFormat::Jpeg);
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    drop(file);
    w.until("the copy", |e| {
        e.iter()
            .any(|e| matches!(e, JobEvent::ImageDone(d) if d.input.ends_with("slow.jpg")))
    });
    w.for_a_while(Duration::from_secs(2));
    assert_eq!(w.done_per_input().get("slow.jpg"), Some(&1), "{:?}", w.events);
    assert_eq!(w.done(), 5);
    assert!(w.failed().is_empty(), "{:?}", w.failed());
    assert_eq!(dims(&out.join("in/slow.jpg")), (64, 48), "made from the whole photo");
    w.stop();
}

#[test]
fn a_download_renamed_into_place_is_copied_under_its_final_name_only() {
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("Downloads"), dir.path().join("out"));
    fs::create_dir_all(&input).unwrap();
    let mut w = Watching::start(std::slice::from_ref(&input), settings(&out), options(300));
    let part = input.join(".k1.jpg.part");
    let bytes = jpeg_bytes(400, 300, 3);
    let mut file = fs::File::create(&part).unwrap();
    for chunk in bytes.chunks(bytes.len().div_ceil(4)) {
        file.write_all(chunk).unwrap();
        std::thread::sleep(Duration::from_millis(400));
    }
    drop(file);
    fs::rename(&part, input.join("k1.jpg")).unwrap();
    w.until("the copy", |e| e.iter().any(|e| matches!(e, JobEvent::ImageDone(_))));
    w.for_a_while(Duration::from_secs(1));
    assert_eq!(w.done_per_input(), HashMap::from([("k1.jpg".to_owned(), 1)]));
    assert_eq!(copies(&out), [Path::new("Downloads/k1.jpg")]);
    w.stop();
}

#[test]
fn a_burst_of_5000_photos_gets_exactly_5000_copies() {
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("burst"), dir.path().join("out"));
    fs::create_dir_all(&input).unwrap();
    let mut w = Watching::start(std::slice::from_ref(&input), settings(&out), options(300));
    let bytes = jpeg_bytes(24, 16, 1);
    for i in 0..5000 {
        let folder = input.join(format!("{}", i % 10));
        if i < 10 {
            fs::create_dir(&folder).unwrap();
        }
        fs::write(folder.join(format!("{i}.jpg")), &bytes).unwrap();
    }
    // Under Wine, 5,000 files take minutes.
    w.until_within(Duration::from_secs(600), "5000 copies", |e| {
        e.iter().filter(|e| matches!(e, JobEvent::ImageDone(_))).count() >= 5000
    });
    w.for_a_while(Duration::from_secs(1));
    let per_input = w.done_per_input();
    assert_eq!(per_input.len(), 5000);
    assert!(per_input.values().all(|&n| n == 1));
    assert_eq!(copies(&out).len(), 5000);
    assert_eq!(w.stop(), (5000, 0));
}

#[test]
fn copies_inside_the_watched_folder_never_become_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("photos");
    let out = input.join("small");
    write_photo(&input.join("a.jpg"), 320, 240, ImageFormat::Jpeg);
    let mut w = Watching::start(std::slice::from_ref(&input), settings(&out), options(300));
    w.until("the copy", |e| e.iter().any(|e| matches!(e, JobEvent::ImageDone(_))));
    write_photo(&input.join("b.jpg"), 320, 240, ImageFormat::Jpeg);
    w.until("the second copy's pass", |e| {
        e.iter().filter(|e| matches!(e, JobEvent::ImageDone(_))).count() >= 2
            && matches!(e.last(), Some(JobEvent::Pass { .. }))
    });
    let passes = w.passes();
    w.for_a_while(Duration::from_secs(3));
    assert_eq!(
        w.passes(),
        passes,
        "the watch's own writes started passes: {:?}",
        w.events
    );
    assert_eq!(copies(&out), [Path::new("photos/a.jpg"), Path::new("photos/b.jpg")]);
    assert_eq!(w.stop(), (2, 0));
}

#[test]
fn a_changed_photo_is_redone_in_place_of_its_copy_and_a_deleted_one_leaves_its_copy() {
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    write_photo(&input.join("a.jpg"), 320, 240, ImageFormat::Jpeg);
    write_photo(&input.join("b.jpg"), 320, 240, ImageFormat::Jpeg);
    let mut w = Watching::start(std::slice::from_ref(&input), settings(&out), options(300));
    w.until("two copies", |e| {
        e.iter().filter(|e| matches!(e, JobEvent::ImageDone(_))).count() >= 2
    });
    // The same name, another picture (portrait now).
    let changed = Instant::now();
    fs::write(input.join("a.jpg"), jpeg_bytes(240, 320, 9)).unwrap();
    w.until("the new copy", |e| {
        e.iter().filter(|e| matches!(e, JobEvent::ImageDone(_))).count() >= 3
    });
    assert!(
        changed.elapsed() < Duration::from_millis(300) + Duration::from_secs(5),
        "redone within settle + 5 s"
    );
    assert_eq!(dims(&out.join("in/a.jpg")), (48, 64), "the copy follows the photo");
    fs::remove_file(input.join("b.jpg")).unwrap();
    w.until("the input gone", |e| {
        e.iter()
            .any(|e| matches!(e, JobEvent::InputGone { input } if input.ends_with("b.jpg")))
    });
    w.for_a_while(Duration::from_secs(1));
    assert_eq!(
        copies(&out),
        [Path::new("in/a.jpg"), Path::new("in/b.jpg")],
        "no numbered copy; b's copy stays"
    );
    w.stop();
}

#[test]
fn events_lost_are_made_up_for_by_the_rescan() {
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("share"), dir.path().join("out"));
    fs::create_dir_all(&input).unwrap();
    let deaf = WatchOptions {
        listen: Listen::RescanOnly,
        rescan: Duration::from_secs(2),
        ..options(300)
    };
    let mut w = Watching::start(std::slice::from_ref(&input), settings(&out), deaf);
    write_photo(&input.join("a.jpg"), 320, 240, ImageFormat::Jpeg);
    w.until("the rescan to find it", |e| {
        e.iter()
            .any(|e| matches!(e, JobEvent::Pass { trigger: PassTrigger::Rescan, summary, .. } if summary.done == 1))
    });
    w.stop();
}

#[test]
fn a_photo_that_is_not_whole_yet_is_retried_and_only_a_broken_one_fails_once() {
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    fs::create_dir_all(&input).unwrap();
    let one_thread = Settings {
        threads: std::num::NonZeroUsize::new(1),
        ..settings(&out)
    };
    let mut w = Watching::start(std::slice::from_ref(&input), one_thread, options(300));
    let whole = jpeg_bytes(640, 480, 5);
    // Both start as the first 600 bytes of a JPEG: a header and nothing more, which does not decode.
    fs::write(input.join("broken.jpg"), &whole[..600]).unwrap();
    fs::write(input.join("late.jpg"), &whole[..600]).unwrap();
    let written = SystemTime::now();
    std::thread::sleep(Duration::from_millis(1500));
    // The rest of one arrives a second and a half later (a slow copy that paused); a good photo follows.
    fs::write(input.join("late.jpg"), &whole).unwrap();
    write_photo(&input.join("good.jpg"), 320, 240, ImageFormat::Jpeg);
    w.until("the broken photo reported", |e| {
        e.iter().any(|e| matches!(e, JobEvent::ImageFailed { .. }))
    });
    assert!(
        written.elapsed().unwrap() >= Duration::from_secs(3),
        "failed only after 3 s unchanged"
    );
    // Another arrival starts more passes; the broken one is not reported again.
    write_photo(&input.join("after.jpg"), 320, 240, ImageFormat::Jpeg);
    w.until("the copy after", |e| {
        e.iter()
            .any(|e| matches!(e, JobEvent::ImageDone(d) if d.input.ends_with("after.jpg")))
    });
    w.for_a_while(Duration::from_secs(1));
    assert_eq!(w.failed(), ["broken.jpg"]);
    let per_input = w.done_per_input();
    assert_eq!(per_input.get("late.jpg"), Some(&1), "{per_input:?}");
    assert_eq!(per_input.get("good.jpg"), Some(&1), "{per_input:?}");
    assert_eq!(dims(&out.join("in/late.jpg")), (64, 48));
    assert_eq!(w.stop(), (3, 1));
}

#[test]
fn polling_finds_photos_as_events_would() {
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("nfs"), dir.path().join("out"));
    fs::create_dir_all(&input).unwrap();
    let polling = WatchOptions {
        listen: Listen::Polling,
        ..options(500)
    };
    let mut w = Watching::start(std::slice::from_ref(&input), settings(&out), polling);
    assert!(matches!(w.events[0], JobEvent::Watching { polling: true, .. }));
    write_photo(&input.join("sub/a.jpg"), 320, 240, ImageFormat::Jpeg);
    // Found by polling, not by a rescan (which is ten minutes away).
    w.until("the pass that copies it", |e| {
        e.iter()
            .any(|e| matches!(e, JobEvent::Pass { trigger: PassTrigger::Changes(_), summary, .. } if summary.done == 1))
    });
    assert_eq!(w.stop(), (1, 0));
}
