//! The desktop app over long batches: up-to-date copies before Start, pause and resume, retry failed, reports.

#![cfg(feature = "gui")]

use crate::common;

use std::fs;
use std::num::NonZeroUsize;
use std::sync::Arc;

use common::app::*;
use common::*;
use eframe::egui;
use egui_kittest::kittest::{NodeT, Queryable};
use image::ImageFormat;

#[test]
fn a_second_run_is_offered_only_new_and_changed_and_has_nothing_to_do_when_all_is_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("holiday");
    for i in 0..4 {
        write_photo(&root.join(format!("IMG_{i:04}.jpg")), 160, 120, ImageFormat::Jpeg);
    }
    let out = dir.path().join("resized");
    let mut harness = app_harness(None);
    assert!(
        harness.state().state().settings.update,
        "the app starts with only new and changed on"
    );
    harness.state_mut().state_mut().settings.output_dir = Some(out.clone());
    harness.state_mut().state_mut().settings.update = false;
    harness.input_mut().dropped_files.push(Arc::new(Dropped(root.clone())));
    harness.step();
    step_until(&mut harness, "the count", |app| app.plan_line().starts_with("4 images"));
    start_button(&harness).click();
    harness.step();
    step_until(&mut harness, "the job", |app| !app.is_running());

    step_until(&mut harness, "the copies to be found", |app| {
        app.plan_line().contains("already made")
    });
    let line = harness.state().plan_line();
    assert!(
        line.starts_with("4 images, ") && line.contains(", 4 already made with these settings"),
        "{line}"
    );
    harness.get_by_label("Only new and changed").click();
    harness.step();
    assert!(harness.state().state().settings.update);
    step_until(&mut harness, "the count", |app| app.plan_line().contains("up to date"));
    let line = harness.state().plan_line();
    assert!(line.contains(", 4 up to date, 0 to do"), "{line}");

    // Every copy is up to date: Start says there is nothing to do, and does nothing.
    assert_eq!(harness.state().start_label(), "Nothing to do");
    assert!(start_button(&harness).accesskit_node().is_disabled());
    harness.get_by_label_contains("Every copy is up to date");
    start_button(&harness).click();
    harness.step();
    assert!(!harness.state().is_running());
    assert_eq!(files_below(&out).len(), 4);
}

#[test]
fn pause_holds_the_job_and_space_resumes_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("big");
    for i in 0..12 {
        write_photo(&root.join(format!("{i:02}.png")), 1000, 800, ImageFormat::Png);
    }
    let out = dir.path().join("out");
    let mut harness = app_harness(None);
    {
        let settings = &mut harness.state_mut().state_mut().settings;
        settings.output_dir = Some(out.clone());
        settings.threads = NonZeroUsize::new(1);
    }
    harness.input_mut().dropped_files.push(Arc::new(Dropped(root)));
    harness.step();
    step_until(&mut harness, "the count", |app| {
        app.plan_line().starts_with("12 images")
    });
    start_button(&harness).click();
    harness.step();
    step_until(&mut harness, "a first image", |app| app.thumbnail_count() >= 1);
    harness.get_by_label("Pause").click();
    // The click becomes a command at the end of the frame; the next frame shows its effect.
    harness.step();
    harness.step();
    harness.get_by_label("Resume");
    harness.get_by_label_contains("paused: images in flight finish");
    // The image in flight may finish; after that, nothing new is written while paused.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    harness.step();
    let held = files_below(&out).len();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    harness.step();
    assert_eq!(files_below(&out).len(), held, "an image was written while paused");
    assert!(held < 12);
    harness.key_press(egui::Key::Space);
    harness.step();
    harness.step();
    harness.get_by_label("Pause");
    step_until(&mut harness, "the job", |app| !app.is_running());
    harness.get_by_label_contains("12 done, 0 failed");
}

#[test]
fn retry_failed_runs_those_images_alone_and_a_report_is_offered() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("holiday");
    for i in 0..3 {
        write_photo(&root.join(format!("sub/IMG_{i}.jpg")), 160, 120, ImageFormat::Jpeg);
    }
    fs::write(root.join("sub/broken.jpg"), b"\xff\xd8\xff\xe0 cut short").unwrap();
    let out = dir.path().join("resized");
    let mut harness = app_harness(None);
    harness.state_mut().state_mut().settings.output_dir = Some(out.clone());
    harness.state_mut().state_mut().auto_report = true;
    harness.input_mut().dropped_files.push(Arc::new(Dropped(root.clone())));
    harness.step();
    step_until(&mut harness, "the count", |app| app.plan_line().starts_with("4 images"));
    start_button(&harness).click();
    harness.step();
    step_until(&mut harness, "the job", |app| !app.is_running());
    harness.get_by_label_contains("3 done, 1 failed");
    harness.get_by_label("Save report…");
    let reports: Vec<_> = fs::read_dir(&out)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("shrinkray-report-"))
        .collect();
    assert_eq!(reports.len(), 1, "the report beside the copies");
    let text = fs::read_to_string(reports[0].path()).unwrap();
    assert_eq!(text.lines().count(), 5, "{text}");

    // The user repairs the file and retries: only it runs, and its copy lands where the full run puts copies.
    write_photo(&root.join("sub/broken.jpg"), 160, 120, ImageFormat::Jpeg);
    harness.get_by_label("Retry failed (1)").click();
    harness.step();
    step_until(&mut harness, "the retry", |app| !app.is_running());
    harness.get_by_label_contains("1 done, 0 failed, 0 skipped");
    assert_eq!(dims(&out.join("holiday/sub/broken.jpg")), (160, 120));
}
