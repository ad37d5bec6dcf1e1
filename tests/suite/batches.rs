//! Long batches: incremental runs (`update`), re-runs into the same folder, resume after cancel, pause,
//! reports, shards and retrying chosen files, through the real engine on generated photos.

use crate::common;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use common::*;
use image::ImageFormat;
use shrinkray::engine::{JobEvent, JobHandle, JobOptions, Selection, Settings, Shard};

/// `n` photos in `dir/photos` (half of them one folder down), returned in plan order.
fn library(dir: &Path, n: usize) -> PathBuf {
    let root = dir.join("photos");
    for i in 0..n {
        let sub = if i % 2 == 0 { "" } else { "2024" };
        write_photo(
            &root.join(sub).join(format!("img{i:02}.jpg")),
            64 + i as u32,
            48,
            ImageFormat::Jpeg,
        );
    }
    root
}

fn update_to(out: &Path) -> Settings {
    Settings {
        update: true,
        ..settings_to(out)
    }
}

fn mtimes(out: &Path) -> Vec<(PathBuf, SystemTime)> {
    files_below(out)
        .into_iter()
        .map(|f| {
            let t = fs::metadata(out.join(&f)).unwrap().modified().unwrap();
            (f, t)
        })
        .collect()
}

#[test]
fn an_update_run_skips_up_to_date_images_without_opening_them() {
    let dir = tempfile::tempdir().unwrap();
    let root = library(dir.path(), 6);
    let out = dir.path().join("out");
    let first = run(std::slice::from_ref(&root), update_to(&out));
    assert_eq!(summary(&first).done, 6, "{:?}", failures(&first));
    let before = mtimes(&out);

    // The input's bytes change but not its size or time: only opening it would tell, and an up-to-date check
    // must not open it (as make and rsync, it trusts size and time).
    let first_input = root.join("img00.jpg");
    let meta = fs::metadata(&first_input).unwrap();
    fs::write(&first_input, vec![b'x'; meta.len() as usize]).unwrap();
    fs::File::options()
        .write(true)
        .open(&first_input)
        .unwrap()
        .set_modified(meta.modified().unwrap())
        .unwrap();

    let second = run(std::slice::from_ref(&root), update_to(&out));
    let s = summary(&second);
    assert_eq!((s.done, s.failed, s.skipped), (0, 0, 6), "{:?}", failures(&second));
    assert!(
        skips(&second).iter().all(|(_, why)| why == "up to date"),
        "{:?}",
        skips(&second)
    );
    assert_eq!(mtimes(&out), before, "no copy was written again");
}

#[test]
fn a_changed_input_changed_settings_or_a_damaged_copy_is_made_again_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = library(dir.path(), 6);
    let out = dir.path().join("out");
    assert_eq!(summary(&run(std::slice::from_ref(&root), update_to(&out))).done, 6);

    // A changed input, a deleted copy and a copy cut short.
    write_photo(&root.join("img00.jpg"), 90, 60, ImageFormat::Jpeg);
    fs::remove_file(out.join("photos/2024/img01.jpg")).unwrap();
    let cut = out.join("photos/img02.jpg");
    let bytes = fs::read(&cut).unwrap();
    fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let events = run(std::slice::from_ref(&root), update_to(&out));
    let mut made: Vec<String> = outputs(&events)
        .iter()
        .map(|p| slashed(p.strip_prefix(&out).unwrap()))
        .collect();
    made.sort();
    // A copy changed since it was written (cut short here; edited, or optimised by another tool) is not
    // Shrinkray's to replace any more: it stays, and the new copy is numbered beside it.
    assert_eq!(
        made,
        ["photos/2024/img01.jpg", "photos/img00.jpg", "photos/img02 (1).jpg"]
    );
    assert_eq!(dims(&out.join("photos/img00.jpg")), (90, 60));
    assert_eq!(fs::read(&cut).unwrap(), &bytes[..bytes.len() / 2]);
    assert_eq!(files_below(&out).len(), 7, "{:?}", files_below(&out));

    // New settings: every copy again, still in place.
    let q70 = Settings {
        quality: 70,
        ..update_to(&out)
    };
    assert_eq!(summary(&run(std::slice::from_ref(&root), q70.clone())).done, 6);
    assert_eq!(summary(&run(std::slice::from_ref(&root), q70)).skipped, 6);
    assert_eq!(files_below(&out).len(), 7, "{:?}", files_below(&out));
}

#[test]
fn a_plain_rerun_replaces_its_own_copies_and_keeps_a_copy_the_user_edited() {
    let dir = tempfile::tempdir().unwrap();
    let root = library(dir.path(), 4);
    let out = dir.path().join("out");
    for _ in 0..2 {
        let events = run(std::slice::from_ref(&root), settings_to(&out));
        assert_eq!(summary(&events).done, 4);
    }
    assert_eq!(
        files_below(&out).len(),
        4,
        "no `img00 (1).jpg`: {:?}",
        files_below(&out)
    );

    // A copy someone edited since is theirs now: it is kept, and the new copy is numbered beside it.
    fs::write(out.join("photos/img00.jpg"), b"edited by hand").unwrap();
    run(std::slice::from_ref(&root), settings_to(&out));
    assert_eq!(fs::read(out.join("photos/img00.jpg")).unwrap(), b"edited by hand");
    image::open(out.join("photos/img00 (1).jpg")).unwrap();
    assert_eq!(files_below(&out).len(), 5);
}

#[test]
fn an_update_run_after_a_cancel_does_only_what_is_left() {
    let dir = tempfile::tempdir().unwrap();
    // Large enough that the job is still going when the cancel comes.
    let root = dir.path().join("photos");
    for i in 0..8 {
        write_photo(&root.join(format!("{i}.png")), 900, 700, ImageFormat::Png);
    }
    let out = dir.path().join("out");
    let one_thread = Settings {
        threads: std::num::NonZeroUsize::new(1),
        ..update_to(&out)
    };
    let job = JobHandle::start(
        vec![root.clone()],
        one_thread.clone(),
        JobOptions::default(),
        Arc::new(|| {}),
    )
    .unwrap();
    let mut events = Vec::new();
    for event in job.events() {
        if matches!(event, JobEvent::ImageDone(_)) {
            job.cancel();
        }
        let last = matches!(event, JobEvent::Finished { .. });
        events.push(event);
        if last {
            break;
        }
    }
    let first = summary(&events);
    assert!(first.cancelled && (1..8).contains(&first.done), "{first:?}");
    let done_first: HashSet<PathBuf> = outputs(&events).into_iter().collect();

    let again = run(std::slice::from_ref(&root), one_thread);
    let s = summary(&again);
    assert_eq!((s.done, s.skipped), (8 - first.done, first.done), "{s:?}");
    assert!(
        outputs(&again).iter().all(|o| !done_first.contains(o)),
        "nothing made twice"
    );
    assert_eq!(files_below(&out).len(), 8);
}

#[test]
fn a_paused_job_starts_no_new_image_until_resumed_and_a_cancel_ends_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("photos");
    for i in 0..6 {
        write_photo(&root.join(format!("{i}.png")), 900, 700, ImageFormat::Png);
    }
    let settings = Settings {
        threads: std::num::NonZeroUsize::new(1),
        ..settings_to(&dir.path().join("out"))
    };
    let job = JobHandle::start(
        vec![root.clone()],
        settings.clone(),
        JobOptions::default(),
        Arc::new(|| {}),
    )
    .unwrap();
    job.set_paused(true);
    assert!(job.is_paused());
    // At most the one image already taken finishes; then nothing comes while paused.
    let mut done = 0;
    while let Ok(event) = job.events().recv_timeout(Duration::from_millis(1500)) {
        assert!(!matches!(event, JobEvent::Finished { .. }), "finished while paused");
        done += usize::from(matches!(event, JobEvent::ImageDone(_)));
    }
    assert!(done <= 1, "{done} images finished while paused");
    job.set_paused(false);
    let rest = collect(&job);
    let after = rest.iter().filter(|e| matches!(e, JobEvent::ImageDone(_))).count();
    assert_eq!(done + after, 6, "{:?}", failures(&rest));

    let job = JobHandle::start(vec![root], settings, JobOptions::default(), Arc::new(|| {})).unwrap();
    job.set_paused(true);
    job.cancel();
    let events = collect(&job);
    assert!(summary(&events).cancelled);
}

#[test]
fn reports_have_one_row_per_input_in_csv_and_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let root = library(dir.path(), 3);
    fs::write(root.join("broken.jpg"), b"\xff\xd8\xff\xe0 cut short").unwrap();
    fs::write(root.join("notes.txt"), b"hello").unwrap();
    let out = dir.path().join("out");
    for (name, rows) in [("report.csv", 6), ("report.jsonl", 6)] {
        let path = dir.path().join(name);
        let options = JobOptions {
            report: Some(path.clone()),
            ..JobOptions::default()
        };
        let job = JobHandle::start(vec![root.clone()], settings_to(&out), options, Arc::new(|| {})).unwrap();
        let events = collect(&job);
        assert_eq!(summary(&events).report.as_deref(), Some(path.as_path()));
        let text = fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        // CSV: header + 5 inputs; JSON lines: 5 inputs + finished.
        assert_eq!(lines.len(), rows, "{text}");
        if name.ends_with(".csv") {
            assert!(
                lines[0].starts_with("input,outputs,status,reason,input_bytes,output_bytes"),
                "{text}"
            );
            let failed = lines.iter().find(|l| l.contains("broken.jpg")).unwrap();
            assert!(
                failed.contains(",failed,") && failed.contains("cannot decode"),
                "{failed}"
            );
            assert!(
                lines
                    .iter()
                    .any(|l| l.contains("notes.txt") && l.contains(",skipped,not an image"))
            );
            let done = lines.iter().find(|l| l.contains("img00.jpg,")).unwrap();
            assert!(done.contains(",done,,") && done.contains(",64,48,64,48,85,"), "{done}");
        } else {
            let objects: Vec<serde_json::Value> = lines.iter().map(|l| serde_json::from_str(l).unwrap()).collect();
            let kinds: Vec<&str> = objects.iter().map(|o| o["event"].as_str().unwrap()).collect();
            assert_eq!(kinds.iter().filter(|k| **k == "done").count(), 3, "{kinds:?}");
            assert_eq!(kinds.last(), Some(&"finished"));
        }
    }
}

#[test]
fn shards_together_make_exactly_the_files_of_one_full_run() {
    let dir = tempfile::tempdir().unwrap();
    let root = library(dir.path(), 24);
    // Two inputs whose copies share a name: numbered the same way in shards as in the full run.
    write_photo(&root.join("img00.png"), 40, 30, ImageFormat::Png);
    let full = dir.path().join("full");
    let settings = Settings {
        format: shrinkray::engine::OutputFormat::Jpeg,
        ..settings_to(&full)
    };
    assert_eq!(summary(&run(std::slice::from_ref(&root), settings.clone())).done, 25);

    let sharded = dir.path().join("sharded");
    let mut seen = Vec::new();
    for k in 1..=3 {
        let options = JobOptions {
            selection: Selection {
                shard: Some(Shard { index: k, count: 3 }),
                only: None,
                watch: None,
            },
            ..JobOptions::default()
        };
        let s = Settings {
            output_dir: Some(sharded.clone()),
            ..settings.clone()
        };
        let job = JobHandle::start(vec![root.clone()], s, options, Arc::new(|| {})).unwrap();
        let events = collect(&job);
        assert!(
            summary(&events).done > 3,
            "shard {k} is not a fair share: {:?}",
            summary(&events)
        );
        seen.extend(events.iter().filter_map(|e| match e {
            JobEvent::ImageDone(d) => Some(d.input.clone()),
            _ => None,
        }));
    }
    assert_eq!(seen.len(), 25);
    assert_eq!(seen.iter().collect::<HashSet<_>>().len(), 25, "each input once");
    assert_eq!(files_below(&sharded), files_below(&full));
    for file in files_below(&full) {
        assert_eq!(
            fs::read(sharded.join(&file)).unwrap(),
            fs::read(full.join(&file)).unwrap(),
            "{file:?}"
        );
    }
    assert!(files_below(&full).contains(&PathBuf::from("photos/img00 (1).jpg")));
}

#[test]
fn retrying_chosen_files_puts_their_copies_where_the_full_run_would() {
    let dir = tempfile::tempdir().unwrap();
    let root = library(dir.path(), 6);
    let out = dir.path().join("out");
    let only: HashSet<PathBuf> = [root.join("2024/img03.jpg"), root.join("img04.jpg")].into();
    let options = JobOptions {
        selection: Selection {
            shard: None,
            only: Some(Arc::new(only)),
            watch: None,
        },
        ..JobOptions::default()
    };
    let job = JobHandle::start(vec![root], settings_to(&out), options, Arc::new(|| {})).unwrap();
    let events = collect(&job);
    assert_eq!(summary(&events).total, 2);
    assert_eq!(
        files_below(&out),
        [
            PathBuf::from("photos/2024/img03.jpg"),
            PathBuf::from("photos/img04.jpg")
        ]
    );
}

#[test]
fn an_update_run_numbers_index_templates_as_the_full_run_did() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("photos");
    for i in 0..4 {
        write_photo(&root.join(format!("{i}.jpg")), 40, 30, ImageFormat::Jpeg);
    }
    let out = dir.path().join("out");
    let settings = Settings {
        name_template: "{index}".to_owned(),
        ..update_to(&out)
    };
    assert_eq!(summary(&run(std::slice::from_ref(&root), settings.clone())).done, 4);
    fs::remove_file(out.join("photos/3.jpg")).unwrap();
    let events = run(std::slice::from_ref(&root), settings);
    assert_eq!(
        outputs(&events),
        [out.join("photos/3.jpg")],
        "the third image keeps {{index}} 3"
    );
}
