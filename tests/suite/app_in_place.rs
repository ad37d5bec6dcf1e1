//! "Replace the originals" in the app, driven as a user would: chosen in the Output section, Start asks first
//! (naming the count and where the originals go), the run replaces them, and "Undo the last in-place run"
//! puts every original back.

#![cfg(feature = "gui")]

use crate::common;

use std::collections::HashMap;
use std::fs;
use std::path::PathBuf;

use common::app::{app_harness_with, settle, start_button, step_until};
use common::write_photo;
use egui_kittest::kittest::{By, Queryable};
use image::ImageFormat;
use shrinkray::engine::ResizeMode;

fn snapshot(paths: &[PathBuf]) -> HashMap<PathBuf, Vec<u8>> {
    paths.iter().map(|p| (p.clone(), fs::read(p).unwrap())).collect()
}

#[test]
fn replacing_the_originals_asks_first_keeps_them_and_undo_puts_them_back() {
    let dir = tempfile::tempdir().unwrap();
    // Journals of in-place runs stay in this test's folder, not the user's.
    shrinkray::engine::set_state_dir(dir.path().join("state"));
    let lib = dir.path().join("library");
    fs::create_dir_all(&lib).unwrap();
    let photos: Vec<PathBuf> = (0..3)
        .map(|i| write_photo(&lib.join(format!("p{i}.jpg")), 1600, 1200, ImageFormat::Jpeg))
        .collect();
    let before = snapshot(&photos);
    let backup = dir.path().join("originals");

    let mut harness = app_harness_with(None, vec![lib.clone()]);
    harness.state_mut().state_mut().settings.resize = ResizeMode::LongEdge(800);
    harness.state_mut().state_mut().backup_dir = Some(backup.clone());
    settle(&mut harness);
    // Named "Put copies: in one folder" (on Linux the value is in the name).
    harness
        .get(
            By::new()
                .role(eframe::egui::accesskit::Role::ComboBox)
                .label_contains("Put copies"),
        )
        .click();
    settle(&mut harness);
    harness.get_by_label("in place of the originals").click();
    settle(&mut harness);
    assert!(harness.state().state().in_place);
    assert!(
        harness.state().plan_line().contains("replacing the originals"),
        "{}",
        harness.state().plan_line()
    );
    step_until(&mut harness, "the inputs counted", |app| app.start_blocker().is_none());
    start_button(&harness).click();
    settle(&mut harness);
    // Nothing happens before the user says yes.
    assert!(!harness.state().is_running());
    harness.get_by_label("Replace the originals of 3 images?");
    assert_eq!(snapshot(&photos), before);
    harness.get_by_label("Replace the originals").click();
    harness.step();
    step_until(&mut harness, "the run to end", |app| !app.is_running());
    for photo in &photos {
        assert_eq!(
            image::image_dimensions(photo).unwrap(),
            (800, 600),
            "{photo:?} replaced"
        );
        let kept = backup.join("library").join(photo.file_name().unwrap());
        assert_eq!(fs::read(kept).unwrap(), before[photo], "the original is kept");
    }

    harness.get_by_label("Undo the last in-place run").click();
    harness.step();
    step_until(&mut harness, "the undo", |app| {
        app.notice().is_some_and(|n| n.contains("put back"))
    });
    assert_eq!(harness.state().notice(), Some("3 originals put back"));
    assert_eq!(snapshot(&photos), before, "every original back, byte for byte");
}
