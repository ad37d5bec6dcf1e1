//! The real desktop app, driven headless with egui_kittest: drop, click, step, read what is on screen.

#![cfg(feature = "gui")]

use crate::common;

use std::fs;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use common::app::*;
use common::*;
use eframe::egui;

use egui_kittest::kittest::NodeT;
use egui_kittest::kittest::Queryable;
use image::ImageFormat;
use shrinkray::engine::{ImageDone, JobEvent, OutputFormat, ResizeMode, Thumbnail};
use shrinkray::ui::TEXTURE_CAP;

#[test]
fn drop_a_folder_set_two_threads_start_and_watch_it_finish() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("holiday");
    for i in 0..6 {
        write_photo(&root.join(format!("IMG_{i:04}.jpg")), 320, 240, ImageFormat::Jpeg);
    }
    let good = fs::read(root.join("IMG_0000.jpg")).unwrap();
    fs::write(root.join("broken.jpg"), &good[..good.len() / 4]).unwrap();
    let out = dir.path().join("resized");

    let mut harness = app_harness(None);
    {
        let settings = &mut harness.state_mut().state_mut().settings;
        settings.output_dir = Some(out.clone());
        // Smaller than the photos, so that the copies really are resized.
        settings.resize = ResizeMode::Fit {
            width: 200,
            height: 200,
        };
    }
    harness.input_mut().dropped_files.push(Arc::new(Dropped(root.clone())));
    harness.step();
    step_until(&mut harness, "the count", |app| app.plan_line().starts_with("7 images"));

    // Threads: leave Auto, then set the slider to 2.
    harness.get_by_label_contains("Auto (").click();
    harness.step();
    harness
        .get_by_role_and_label(egui::accesskit::Role::Slider, "threads")
        .set_value_accesskit(2.0);
    harness.step();
    assert_eq!(harness.state().state().settings.threads, NonZeroUsize::new(2));
    assert!(
        harness.state().plan_line().ends_with("· 2 threads"),
        "{}",
        harness.state().plan_line()
    );

    start_button(&harness).click();
    harness.step();
    step_until(&mut harness, "the job", |app| !app.is_running());

    harness.get_by_label_contains("6 done, 1 failed, 0 skipped");
    assert_eq!(harness.state().thumbnail_count(), 6);
    // Each copy's tile tells a screen reader its name and what became of it.
    let tile = harness.get_by_role_and_label(egui::accesskit::Role::Image, "IMG_0003.jpg");
    let said = tile.accesskit_node().description().unwrap_or_default();
    assert!(said.starts_with("done, 320×240 → 200×150, "), "{said:?}");
    let errors = harness.state().error_messages();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].ends_with("broken.jpg"), "{errors:?}");
    // The error list on screen names the file.
    harness.get_by_label_contains("broken.jpg");
    assert_eq!(files_below(&out).len(), 6);
    for i in 0..6 {
        assert_eq!(dims(&out.join(format!("holiday/IMG_{i:04}.jpg"))), (200, 150));
    }
}

#[test]
fn settings_survive_save_and_restore() {
    let mut harness = app_harness(None);
    {
        let state = harness.state_mut().state_mut();
        state.settings.resize = ResizeMode::LongEdge(1234);
        state.settings.format = OutputFormat::Png;
        state.settings.quality = 61;
        state.settings.threads = NonZeroUsize::new(3);
        state.settings.output_dir = Some(PathBuf::from("/tmp/somewhere/else"));
        state.settings.name_template = "{name}-small".to_owned();
    }
    harness.step();
    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);

    let restored = app_harness(Some(&storage));
    assert_eq!(restored.state().state(), harness.state().state());
    assert_eq!(restored.state().state().settings.threads, NonZeroUsize::new(3));
    assert_eq!(
        restored.state().state().settings.output_dir.as_deref(),
        Some(Path::new("/tmp/somewhere/else"))
    );
}

#[test]
fn plan_line_follows_the_settings() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    for i in 0..3 {
        write_photo(&root.join(format!("{i}.png")), 64, 64, ImageFormat::Png);
    }
    let mut harness = app_harness(None);
    {
        let state = harness.state_mut().state_mut();
        state.settings.output_dir = Some(dir.path().join("out"));
        state.settings.format = OutputFormat::Jpeg;
        state.settings.quality = 70;
        state.settings.resize = ResizeMode::LongEdge(800);
        state.settings.threads = NonZeroUsize::new(3);
    }
    harness.input_mut().dropped_files.push(Arc::new(Dropped(root)));
    harness.step();
    step_until(&mut harness, "the count", |app| app.plan_line().starts_with("3 images"));
    let line = harness.state().plan_line();
    for part in ["JPEG q70", "long edge 800", "3 threads"] {
        assert!(line.contains(part), "{line}");
    }
    harness.get_by_label(&line);

    harness.state_mut().state_mut().settings.resize = ResizeMode::Fit {
        width: 854,
        height: 480,
    };
    harness.step();
    assert!(harness.state().plan_line().contains("fit 854×480"));

    harness.state_mut().state_mut().settings.extra_outputs = vec![shrinkray::engine::ExtraOutput {
        name: "thumb".to_owned(),
        resize: ResizeMode::LongEdge(300),
        format: OutputFormat::WebP,
    }];
    harness.step();
    let line = harness.state().plan_line();
    assert!(line.contains("fit 854×480 + thumb (WebP)"), "{line}");
}

#[test]
fn dragging_files_over_the_window_shows_drop_to_add() {
    let mut harness = app_harness(None);
    harness.step();
    assert!(harness.query_by_label("Drop to add").is_none());
    harness.input_mut().hovered_files.push(egui::HoveredFile {
        path: Some(PathBuf::from("/tmp/photos")),
        ..Default::default()
    });
    harness.step();
    // A new overlay area sizes itself in its first frame and shows in the next.
    harness.step();
    harness.get_by_label("Drop to add");
}

#[test]
fn start_is_disabled_with_a_reason_until_there_is_something_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_harness(None);
    harness.state_mut().state_mut().settings.output_dir = Some(dir.path().join("out"));
    harness.step();
    harness.get_by_label("Add folders or files to start");
    assert!(harness.state().start_blocker().is_some());
    // Disabled on screen, and a click or Enter does nothing.
    assert!(start_button(&harness).accesskit_node().is_disabled());
    start_button(&harness).click();
    harness.key_press(egui::Key::Enter);
    harness.step();
    harness.step();
    assert!(!harness.state().is_running());
    assert!(!dir.path().join("out").exists());

    // With an image, Start is enabled.
    write_photo(&dir.path().join("in/a.jpg"), 40, 30, ImageFormat::Jpeg);
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(dir.path().join("in"))));
    harness.step();
    step_until(&mut harness, "the count", |app| app.plan_line().starts_with("1 image"));
    assert!(!start_button(&harness).accesskit_node().is_disabled());
    assert_eq!(harness.state().start_label(), "Resize 1 image");

    // Once its copy is made and up to date, there is nothing to do, and Start says so.
    start_button(&harness).click();
    harness.step();
    step_until(&mut harness, "the run", |app| !app.is_running());
    step_until(&mut harness, "the freshness", |app| {
        app.start_label() == "Nothing to do"
    });
    assert!(start_button(&harness).accesskit_node().is_disabled());
    harness.get_by_label_contains("Every copy is up to date");
    // A second photo: one to do.
    write_photo(&dir.path().join("in/b.jpg"), 40, 30, ImageFormat::Jpeg);
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(dir.path().join("in/b.jpg"))));
    harness.step();
    step_until(&mut harness, "the label", |app| {
        app.start_label() == "Resize 1 image (1 up to date)"
    });
}

#[test]
fn an_empty_window_shows_where_to_drop() {
    let mut harness = app_harness(None);
    settle(&mut harness);
    harness.get_by_label("Drop folders or images here");
    assert_eq!(harness.state().start_label(), "Nothing to do");
}

#[test]
fn ten_thousand_finished_images_keep_textures_within_the_cap() {
    let mut harness = app_harness(None);
    let ctx = harness.ctx.clone();
    harness.state_mut().receive(&ctx, JobEvent::Started { total: 10_000 });
    for index in 0..10_000 {
        let done = ImageDone {
            index,
            input: PathBuf::from(format!("/photos/{index}.jpg")),
            output: PathBuf::from(format!("/nonexistent/out/{index}.jpg")),
            input_bytes: 4_000_000,
            output_bytes: 400_000,
            quality: Some(85),
            score: None,
            kept_original: false,
            note: None,
            extra: Vec::new(),
            input_size: (4000, 3000),
            output_size: (1920, 1440),
            elapsed: Duration::from_millis(100),
            thumbnail: Some(Thumbnail {
                width: 64,
                height: 48,
                rgba: vec![(index % 251) as u8; 64 * 48 * 4],
            }),
        };
        harness.state_mut().receive(&ctx, JobEvent::ImageDone(Box::new(done)));
        if index % 500 == 0 {
            harness.step();
            assert!(harness.state().live_textures() <= TEXTURE_CAP);
        }
    }
    harness.step();
    assert_eq!(harness.state().thumbnail_count(), 10_000);
    assert!(
        harness.state().live_textures() <= TEXTURE_CAP,
        "{}",
        harness.state().live_textures()
    );
    assert!(harness.state().live_textures() > 0);
}

#[test]
fn metadata_and_colour_options_are_checkboxes_of_their_own_section() {
    let mut harness = app_harness(None);
    settle(&mut harness);
    harness.get_by_label("Metadata and colour").click();
    settle(&mut harness);
    for label in [
        "Remove location",
        "Convert to sRGB",
        "Resize in linear light",
        "Strip metadata",
    ] {
        // The side panel scrolls; a click lands only on what is on screen.
        harness.get_by_label(label).scroll_to_me();
        settle(&mut harness);
        harness.get_by_label(label).click();
        settle(&mut harness);
    }
    let settings = &harness.state().state().settings;
    assert!(settings.remove_location && settings.to_srgb && settings.linear && settings.strip_metadata);
    // With everything stripped, removing only the location means nothing: it is greyed out.
    assert!(harness.get_by_label("Remove location").accesskit_node().is_disabled());
}
