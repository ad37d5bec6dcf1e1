//! The job as the apps run it: cancelling, thread counts, the order and number of events, thumbnails, the
//! waker, and setup errors.

use crate::common;

use std::fs;
use std::num::NonZeroUsize;
use std::sync::Arc;

use common::*;
use image::ImageFormat;
use shrinkray::engine::{JobEvent, JobHandle, JobOptions, ResizeMode, Settings, TEMP_PREFIX};

#[test]
fn cancelling_stops_new_images_and_leaves_no_partial_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    for i in 0..40 {
        write_photo(&root.join(format!("p{i:02}.png")), 600, 400, ImageFormat::Png);
    }
    let out = dir.path().join("out");
    let settings = Settings {
        threads: NonZeroUsize::new(2),
        resize: ResizeMode::Percent(50.0),
        ..settings_to(&out)
    };
    let job = JobHandle::start(vec![root], settings, JobOptions::default(), Arc::new(|| {})).unwrap();
    // Cancel as soon as the first image is done.
    let mut events = Vec::new();
    while let Ok(event) = job.events().recv() {
        let first_done = matches!(event, JobEvent::ImageDone(_));
        events.push(event);
        if first_done {
            job.cancel();
            break;
        }
    }
    events.extend(collect(&job));
    let s = summary(&events);
    assert!(s.cancelled);
    assert!(s.done < 40, "cancel came too late to matter: {} done", s.done);
    assert_eq!(
        events.iter().filter(|e| matches!(e, JobEvent::Finished { .. })).count(),
        1
    );
    let written = files_below(&out);
    assert_eq!(
        written.len(),
        s.done,
        "one file per done event, nothing else: {written:?}"
    );
    for file in written {
        assert!(!file.to_string_lossy().contains(TEMP_PREFIX));
        // Every file present decodes completely.
        image::open(out.join(&file)).unwrap();
    }
}

#[test]
fn one_and_four_threads_write_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    for i in 0..8 {
        write_photo(
            &root.join(format!("j{i}.jpg")),
            300 + i * 7,
            200 + i * 3,
            ImageFormat::Jpeg,
        );
        write_photo(&root.join(format!("p{i}.png")), 250 + i * 5, 180, ImageFormat::Png);
    }
    let mut results = Vec::new();
    for threads in [1, 4] {
        let out = dir.path().join(format!("out{threads}"));
        let settings = Settings {
            threads: NonZeroUsize::new(threads),
            resize: ResizeMode::Fit {
                width: 150,
                height: 150,
            },
            name_template: "{index}-{name}-{width}x{height}".to_owned(),
            ..settings_to(&out)
        };
        let events = run(std::slice::from_ref(&root), settings);
        assert_eq!(summary(&events).done, 16);
        let files = files_below(&out);
        let bytes: Vec<_> = files.iter().map(|f| fs::read(out.join(f)).unwrap()).collect();
        results.push((files, bytes));
    }
    assert_eq!(results[0].0, results[1].0);
    assert!(results[0].1 == results[1].1, "outputs differ between 1 and 4 threads");
}

#[test]
fn every_input_gets_one_event_and_finished_comes_once_last() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    for i in 0..6 {
        write_photo(&root.join(format!("{i}.jpg")), 50, 40, ImageFormat::Jpeg);
    }
    fs::write(root.join("readme.md"), "# hi").unwrap();
    fs::write(root.join("bad.png"), b"\x89PNG\r\n\x1a\n broken").unwrap();
    let events = run(&[root], settings_to(&dir.path().join("out")));
    let JobEvent::Started { total } = events[0] else {
        panic!("first event is not Started: {:?}", events[0]);
    };
    assert_eq!(total, 8);
    let mut indices: Vec<usize> = events
        .iter()
        .filter_map(|e| match e {
            JobEvent::ImageDone(d) => Some(d.index),
            JobEvent::ImageFailed { index, .. } | JobEvent::ImageSkipped { index, .. } => Some(*index),
            _ => None,
        })
        .collect();
    indices.sort();
    assert_eq!(indices, (0..8).collect::<Vec<_>>());
    assert_eq!(
        events.iter().filter(|e| matches!(e, JobEvent::Finished { .. })).count(),
        1
    );
    let s = summary(&events);
    assert_eq!((s.total, s.done, s.failed, s.skipped), (8, 6, 1, 1));
}

#[test]
fn thumbnails_are_small_rgba() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("big.jpg"), 1200, 800, ImageFormat::Jpeg);
    let job = JobHandle::start(
        vec![input],
        settings_to(&dir.path().join("out")),
        JobOptions {
            thumbnails: true,
            ..JobOptions::default()
        },
        Arc::new(|| {}),
    )
    .unwrap();
    let events = collect(&job);
    let thumb = events
        .iter()
        .find_map(|e| match e {
            JobEvent::ImageDone(d) => d.thumbnail.clone(),
            _ => None,
        })
        .expect("a thumbnail");
    assert_eq!((thumb.width, thumb.height), (256, 171));
    assert_eq!(thumb.rgba.len(), 256 * 171 * 4);
}

#[test]
fn the_waker_is_called_for_every_event() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    for i in 0..3 {
        write_photo(&root.join(format!("{i}.jpg")), 50, 40, ImageFormat::Jpeg);
    }
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let waker = Arc::new(move || {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    let job = JobHandle::start(
        vec![root],
        settings_to(&dir.path().join("out")),
        JobOptions::default(),
        waker,
    )
    .unwrap();
    let events = collect(&job);
    // Each event is sent, then the waker called: the last call can come just after `Finished` is received. The
    // channel closes when the job has let go of it, after its last call.
    while job.events().recv().is_ok() {}
    assert_eq!(calls.load(Ordering::SeqCst), events.len());
}

#[test]
fn an_output_folder_that_cannot_be_made_is_a_setup_error() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("a.jpg"), 20, 20, ImageFormat::Jpeg);
    fs::write(dir.path().join("file"), "x").unwrap();
    let events = run(&[input], settings_to(&dir.path().join("file/out")));
    assert_eq!(events.len(), 1);
    let s = summary(&events);
    let error = s.setup_error.as_ref().expect("a setup error");
    assert!(error.to_string().ends_with("file/out"), "{error}");
}

// Names that downloaders and editors write before renaming into place are not photos yet: hidden files,
// backups (`~`), `.part`, `.crdownload`, `.tmp`. Found in a folder, they are passed over (`.k1.jpg.part` was
// resized to `.k1.jpg.jpg`); named on purpose, they are taken.
#[test]
fn unfinished_downloads_hidden_files_and_backups_in_a_folder_are_passed_over() {
    let dir = tempfile::tempdir().unwrap();
    let photos = dir.path().join("photos");
    std::fs::create_dir_all(&photos).unwrap();
    for name in [
        "a.jpg",
        ".k1.jpg.part",
        ".hidden.jpg",
        "b.jpg~",
        "c.jpg.part",
        "d.jpg.crdownload",
        "e.tmp",
        "f.JPG.PART",
    ] {
        write_photo(&photos.join(name), 64, 48, image::ImageFormat::Jpeg);
    }
    let out = dir.path().join("out");
    let events = run(std::slice::from_ref(&photos), settings_to(&out));
    let Some(shrinkray::engine::JobEvent::Started { total }) = events.first() else {
        panic!("no start")
    };
    assert_eq!(*total, 1, "only a.jpg is an input");
    let made: Vec<_> = std::fs::read_dir(out.join("photos"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(made, ["a.jpg"]);
    // Named on purpose, an unusual name is still taken.
    let named = run(&[photos.join("c.jpg.part")], settings_to(&dir.path().join("out2")));
    assert_eq!(failures(&named), vec![]);
    assert!(dir.path().join("out2/c.jpg.jpg").exists() || dir.path().join("out2/c.jpg.part").exists());
}
