//! The app across a session, built as `main` builds it: paths from the command line, a saved state that is
//! damaged or from an older version, Enter and Esc, and a second run after the first.

#![cfg(feature = "gui")]

use crate::common;

use std::path::Path;

use common::app::*;
use common::*;
use eframe::egui;
use egui_kittest::kittest::Queryable;
use image::ImageFormat;
use shrinkray::engine::{ResizeMode, TEMP_PREFIX};
use shrinkray::ui::AppState;

fn photos(folder: &Path, count: usize, width: u32, height: u32, format: ImageFormat) {
    let ext = if format == ImageFormat::Png { "png" } else { "jpg" };
    for i in 0..count {
        write_photo(&folder.join(format!("{i:03}.{ext}")), width, height, format);
    }
}

#[test]
fn paths_given_on_the_command_line_are_added_at_start() {
    let dir = tempfile::tempdir().unwrap();
    photos(&dir.path().join("a"), 2, 40, 30, ImageFormat::Jpeg);
    write_photo(&dir.path().join("b.png"), 40, 30, ImageFormat::Png);
    let mut harness = app_harness_with(None, vec![dir.path().join("a"), dir.path().join("b.png")]);
    step_until(&mut harness, "the count", |app| app.plan_line().starts_with("3 images"));
    step_until(&mut harness, "the inputs grid", |app| app.input_tiles() == 3);
}

#[test]
fn a_damaged_saved_state_gives_the_defaults() {
    let mut storage = MemoryStorage::default();
    eframe::Storage::set_string(
        &mut storage,
        AppState::KEY,
        "(settings: (quality: 61, resize: Fit(wid".to_owned(),
    );
    let harness = app_harness(Some(&storage));
    assert_eq!(*harness.state().state(), AppState::default());
}

#[test]
fn a_state_saved_by_an_older_version_keeps_what_it_has_and_defaults_the_rest() {
    let mut harness = app_harness(None);
    {
        let state = harness.state_mut().state_mut();
        state.settings.quality = 61;
        state.settings.resize = ResizeMode::LongEdge(1234);
        state.auto_report = true;
        state.settings.sharpen = true;
    }
    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    let saved = eframe::Storage::get_string(&storage, AppState::KEY).unwrap();
    // What an older version wrote: no `sharpen` nor `auto_report` yet, and a field since removed.
    let older = saved
        .replace("sharpen:true,", "")
        .replace("auto_report:true", "retired_option:7");
    assert!(
        older != saved && !older.contains("sharpen") && !older.contains("auto_report"),
        "{saved}"
    );
    let mut storage = MemoryStorage::default();
    eframe::Storage::set_string(&mut storage, AppState::KEY, older);

    let restored = app_harness(Some(&storage));
    let state = restored.state().state();
    assert_eq!(state.settings.quality, 61);
    assert_eq!(state.settings.resize, ResizeMode::LongEdge(1234));
    assert!(
        !state.settings.sharpen && !state.auto_report,
        "the missing fields take their defaults"
    );
}

#[test]
fn enter_starts_and_esc_cancels_leaving_only_whole_copies() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    // Slow enough at one thread for Esc to land mid-run.
    photos(&root, 40, 1600, 1200, ImageFormat::Png);
    let out = dir.path().join("out");
    let mut harness = app_harness_with(None, vec![root]);
    {
        let settings = &mut harness.state_mut().state_mut().settings;
        settings.output_dir = Some(out.clone());
        settings.threads = std::num::NonZeroUsize::new(1);
    }
    step_until(&mut harness, "the count", |app| {
        app.plan_line().starts_with("40 images")
    });
    harness.key_press(egui::Key::Enter);
    harness.step();
    assert!(harness.state().is_running(), "Enter starts");
    step_until(&mut harness, "a first copy", |app| app.thumbnail_count() >= 1);
    let title = harness.state().window_title();
    assert!(
        title.ends_with("/40 · Shrinkray") && !title.starts_with("0/"),
        "the title carries the progress: {title}"
    );
    harness.key_press(egui::Key::Escape);
    harness.step();
    step_until(&mut harness, "the end of the job", |app| !app.is_running());
    harness.get_by_label_contains("Cancelled");
    harness.get_by_label_contains("not started");
    assert_eq!(harness.state().window_title(), "Cancelled · Shrinkray");
    let copies = files_below(&out);
    assert!(!copies.is_empty() && copies.len() < 40, "{} copies", copies.len());
    for copy in copies {
        let name = copy.file_name().unwrap().to_string_lossy().into_owned();
        assert!(!name.starts_with(TEMP_PREFIX), "{name}");
        image::open(out.join(&copy)).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn a_second_run_starts_from_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    photos(&root, 3, 64, 48, ImageFormat::Jpeg);
    std::fs::write(root.join("broken.jpg"), b"\xFF\xD8\xFF\xE0 not really").unwrap();
    let mut harness = app_harness_with(None, vec![root.clone()]);
    harness.state_mut().state_mut().settings.output_dir = Some(dir.path().join("first"));
    step_until(&mut harness, "the count", |app| app.plan_line().starts_with("4 images"));
    start_button(&harness).click();
    harness.step();
    step_until(&mut harness, "the first run", |app| !app.is_running());
    harness.get_by_label_contains("3 done, 1 failed, 0 skipped");
    assert_eq!(harness.state().thumbnail_count(), 3);
    assert_eq!(harness.state().error_messages().len(), 1);
    harness.get_by_label("Errors (1)");

    // The broken file is replaced by a good one; a second run into another folder.
    std::fs::copy(root.join("000.jpg"), root.join("broken.jpg")).unwrap();
    harness.state_mut().state_mut().settings.output_dir = Some(dir.path().join("second"));
    harness.step();
    start_button(&harness).click();
    harness.step();
    step_until(&mut harness, "the second run", |app| !app.is_running());
    harness.get_by_label_contains("4 done, 0 failed, 0 skipped");
    assert!(harness.query_by_label_contains("3 done").is_none());
    assert_eq!(
        harness.state().thumbnail_count(),
        4,
        "the first run's thumbnails are gone"
    );
    assert!(
        harness.state().error_messages().is_empty(),
        "{:?}",
        harness.state().error_messages()
    );
    assert!(
        harness.query_by_label_contains("Errors (").is_none(),
        "the error list is gone"
    );
}

#[test]
fn f1_lists_every_shortcut_and_the_shortcuts_button_does_too() {
    let mut harness = app_harness(None);
    settle(&mut harness);
    assert!(harness.query_by_label("Keyboard shortcuts").is_none());
    harness.key_press(egui::Key::F1);
    settle(&mut harness);
    assert!(harness.state().help_open());
    harness.get_by_label("Keyboard shortcuts");
    for (keys, what) in shrinkray::ui::shortcuts() {
        harness.get_by_label(&keys);
        harness.get_by_label(&what);
    }
    harness.key_press(egui::Key::F1);
    settle(&mut harness);
    assert!(harness.query_by_label("Keyboard shortcuts").is_none());
    harness.get_by_label("Shortcuts").click();
    settle(&mut harness);
    harness.get_by_label("Keyboard shortcuts");
}
