//! "Keep watching" in the app, as a user would use it: ticked beside Start, the window says what it watches and
//! how many copies it made, a photo dropped into the folder meanwhile enters the grid, and Stop ends it.

#![cfg(feature = "gui")]

use crate::common;

use std::time::Duration;

use common::app::{app_harness_with, settle, start_button, step_until};
use common::write_photo;
use egui_kittest::kittest::Queryable;
use image::ImageFormat;

#[test]
fn keep_watching_copies_photos_that_arrive_until_stop() {
    let dir = tempfile::tempdir().unwrap();
    let camera = dir.path().join("Camera");
    let out = dir.path().join("small");
    write_photo(&camera.join("first.jpg"), 640, 480, ImageFormat::Jpeg);
    let mut harness = app_harness_with(None, vec![camera.clone()]);
    harness.state_mut().state_mut().settings.output_dir = Some(out.clone());
    settle(&mut harness);
    harness.get_by_label("Keep watching").click();
    settle(&mut harness);
    assert!(harness.state().state().keep_watching);
    step_until(&mut harness, "the inputs counted", |app| app.start_blocker().is_none());
    start_button(&harness).click();
    harness.step();
    step_until(&mut harness, "the first copy", |app| app.thumbnail_count() == 1);
    assert!(harness.state().is_running(), "a watch goes on after its first pass");
    assert_eq!(harness.state().window_title(), "Watching · 1 done · Shrinkray");
    harness.get_by_label_contains("Watching 1 folder");

    // A photo arrives: its copy enters the grid.
    write_photo(&camera.join("second.jpg"), 640, 480, ImageFormat::Jpeg);
    step_until(&mut harness, "the new photo's copy", |app| app.thumbnail_count() == 2);
    assert!(out.join("Camera/second.jpg").exists());
    harness.get_by_label_contains("last copy");

    harness.get_by_label("Stop").click();
    harness.step();
    step_until(&mut harness, "the watch to stop", |app| !app.is_running());
    harness.get_by_label("Stopped watching");
    // Stopped means stopped: a photo arriving now gets no copy.
    write_photo(&camera.join("third.jpg"), 640, 480, ImageFormat::Jpeg);
    std::thread::sleep(Duration::from_secs(3));
    settle(&mut harness);
    assert!(!out.join("Camera/third.jpg").exists());
}
