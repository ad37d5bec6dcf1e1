//! Copies beside each input, as a file manager's "Resize with Shrinkray" makes them: a right-clicked folder `X`
//! gets `X/resized/` (its subfolders mirrored inside), photos selected in `D` get `D/resized/`. Each folder has
//! its own manifest, so a second run skips what is up to date; one job, with one total and one index per input;
//! a copy made for one folder never replaces another folder's input.

use crate::common;

use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;
use std::sync::Arc;

use common::*;
use image::ImageFormat;
use shrinkray::engine::{
    Collision, JobEvent, JobHandle, JobOptions, OutputGroup, ResizeMode, Settings, SkipReason, beside_each_input,
};

fn run_beside(inputs: &[PathBuf], settings: Settings) -> Vec<JobEvent> {
    let groups = beside_each_input(inputs, "resized").unwrap();
    let job = JobHandle::start_groups(groups, settings, JobOptions::default(), Arc::new(|| {})).unwrap();
    collect(&job)
}

fn small() -> Settings {
    Settings {
        resize: ResizeMode::LongEdge(64),
        ..Settings::default()
    }
}

#[test]
fn folders_and_selected_photos_get_their_copies_beside_them() {
    let dir = tempfile::tempdir().unwrap();
    let holiday = dir.path().join("Été à Nice");
    fs::create_dir_all(holiday.join("day 2")).unwrap();
    let a = write_photo(&holiday.join("a.jpg"), 200, 150, ImageFormat::Jpeg);
    write_photo(&holiday.join("day 2/b.png"), 150, 200, ImageFormat::Png);
    let loose = write_photo(&dir.path().join("loose photo.jpg"), 300, 100, ImageFormat::Jpeg);
    let before = fs::read(&a).unwrap();

    let events = run_beside(&[holiday.clone(), loose.clone()], small());
    assert_eq!(failures(&events), vec![]);
    let s = summary(&events);
    assert_eq!((s.total, s.done), (3, 3), "{s:?}");
    assert!(matches!(events[0], JobEvent::Started { total: 3 }), "{:?}", events[0]);
    let indices: BTreeSet<usize> = events
        .iter()
        .filter_map(|e| match e {
            JobEvent::ImageDone(d) => Some(d.index),
            _ => None,
        })
        .collect();
    assert_eq!(
        indices,
        BTreeSet::from([0, 1, 2]),
        "one index per input across the folders"
    );

    // Inside the folder, without a further level named after it; the loose photo beside itself.
    assert!(holiday.join("resized/a.jpg").is_file());
    assert!(holiday.join("resized/day 2/b.png").is_file());
    assert!(dir.path().join("resized/loose photo.jpg").is_file());
    assert!(!holiday.join("resized/Été à Nice").exists());
    assert_eq!(fs::read(&a).unwrap(), before, "the original is untouched");
    assert_eq!(
        image::image_dimensions(holiday.join("resized/a.jpg")).unwrap(),
        (64, 48)
    );

    // Each folder keeps its own record: a second run finds every copy up to date and does not resize the
    // copies themselves.
    let again = run_beside(
        &[holiday.clone(), loose],
        Settings {
            update: true,
            ..small()
        },
    );
    let s = summary(&again);
    assert_eq!((s.total, s.done, s.skipped), (3, 0, 3), "{again:?}");
    assert!(again.iter().all(|e| !matches!(e,
        JobEvent::ImageSkipped { reason, .. } if !matches!(reason, SkipReason::UpToDate))));
}

#[test]
fn a_copy_for_one_folder_never_replaces_another_folders_input() {
    // The user selects the folder `X` and also a photo of theirs that happens to sit at `X/resized/a.jpg`, where
    // the copy of `X/a.jpg` would go. Even with "replace existing files", that photo stays as it was.
    let dir = tempfile::tempdir().unwrap();
    let x = dir.path().join("X");
    fs::create_dir_all(x.join("resized")).unwrap();
    write_photo(&x.join("a.jpg"), 200, 150, ImageFormat::Jpeg);
    let theirs = write_photo(&x.join("resized/a.jpg"), 120, 90, ImageFormat::Jpeg);
    let before = fs::read(&theirs).unwrap();
    let events = run_beside(
        &[x.clone(), theirs.clone()],
        Settings {
            on_collision: Collision::Overwrite,
            ..small()
        },
    );
    assert_eq!(fs::read(&theirs).unwrap(), before, "{events:?}");
    assert!(x.join("resized/resized/a.jpg").is_file(), "its own copy beside it");
    // One more good file after, on one thread: the run carried on.
    let good = write_photo(&dir.path().join("good.jpg"), 100, 100, ImageFormat::Jpeg);
    let events = run_beside(
        &[good],
        Settings {
            threads: std::num::NonZeroUsize::new(1),
            ..small()
        },
    );
    assert_eq!(summary(&events).done, 1);
}

#[test]
fn a_group_per_folder_into_the_named_subfolder_only() {
    let groups = beside_each_input(&[PathBuf::from("a.jpg")], "resized").unwrap();
    assert_eq!(
        groups,
        vec![OutputGroup::single(
            PathBuf::from("./resized"),
            vec![PathBuf::from("a.jpg")]
        )]
    );
    assert!(beside_each_input(&[PathBuf::from("a.jpg")], "../elsewhere").is_err());
}

#[test]
fn the_cli_puts_a_presets_copies_beside_the_photos_when_no_out_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let folder = dir.path().join("Fotos für Oma");
    fs::create_dir_all(&folder).unwrap();
    write_photo(&folder.join("big one.jpg"), 2400, 1600, ImageFormat::Jpeg);
    let out = started(|| {
        std::process::Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"))
            .env("LC_ALL", "C")
            .args(["--preset", "E-mail 1280", p(&folder)])
            .env("SHRINKRAY_CONFIG_DIR", &config)
            .output()
    })
    .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let copy = folder.join("resized/big one.jpg");
    assert_eq!(image::image_dimensions(&copy).unwrap(), (1280, 853));
    let dry = started(|| {
        std::process::Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"))
            .env("LC_ALL", "C")
            .args(["--preset", "E-mail 1280", "--dry-run", p(&folder)])
            .env("SHRINKRAY_CONFIG_DIR", &config)
            .output()
    })
    .unwrap();
    assert_eq!(dry.status.code(), Some(2), "a dry run asks for --out");
}

#[test]
fn a_folder_and_photos_inside_it_selected_together_make_one_run_into_one_subfolder() {
    // What a file manager sends for "select all" in a folder that already holds a selected subfolder, or for a
    // folder and some of its photos: one output folder, one run, no "busy" and no doubled copy.
    let dir = tempfile::tempdir().unwrap();
    let x = dir.path().join("Holiday");
    fs::create_dir_all(&x).unwrap();
    let a = write_photo(&x.join("a.jpg"), 200, 150, ImageFormat::Jpeg);
    write_photo(&x.join("b.jpg"), 200, 150, ImageFormat::Jpeg);
    let groups = beside_each_input(&[a.clone(), x.clone()], "resized").unwrap();
    assert_eq!(groups.len(), 1, "{groups:?}");
    let events = run_beside(&[a, x.clone()], small());
    assert_eq!(failures(&events), vec![], "{events:?}");
    let mut made: Vec<String> = fs::read_dir(x.join("resized"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    made.sort();
    assert_eq!(made, ["a.jpg", "b.jpg"], "{events:?}");
}
