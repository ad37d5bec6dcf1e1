//! The app's Preset section, driven as a user would: choose a preset (the settings follow and the plan line
//! names it), change a setting (the plan line says so), save the settings as a new preset (it reaches the
//! presets file), delete it.

#![cfg(feature = "gui")]

use std::time::{Duration, Instant};

use crate::common::app::settle;
use egui_kittest::kittest::Queryable;
use shrinkray::engine::{Presets, ResizeMode};

#[test]
fn choose_change_save_and_delete_a_preset() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config/presets.toml");
    let mut harness = english_harness()
        .with_size(eframe::egui::vec2(1280.0, 900.0))
        .build_eframe(|cc| {
            shrinkray::ui::ShrinkrayApp::new(&cc.egui_ctx, None, Vec::new()).with_presets_file(file.clone())
        });
    settle(&mut harness);
    harness.get_by_value("None (your settings)").click();
    settle(&mut harness);
    harness.get_by_label("Thumbnail 400").click();
    settle(&mut harness);
    let settings = harness.state().state().settings.clone();
    assert_eq!(
        settings.resize,
        ResizeMode::Fit {
            width: 400,
            height: 400
        }
    );
    assert!(settings.strip_metadata);
    assert!(settings.output_dir.is_some(), "the output folder stays the user's");
    assert!(
        harness
            .state()
            .plan_line()
            .contains("· preset Thumbnail 400 · JPEG q80"),
        "{}",
        harness.state().plan_line()
    );

    harness.state_mut().state_mut().settings.quality = 70;
    settle(&mut harness);
    assert!(harness.state().plan_line().contains("preset Thumbnail 400, changed"));

    harness.get_by_label("Save as…").click();
    settle(&mut harness);
    harness.get_by_label("Name").focus();
    settle(&mut harness);
    harness.get_by_label("Name").type_text("Small 70");
    settle(&mut harness);
    harness.get_by_label("OK").click();
    settle(&mut harness);
    assert!(
        harness.state().plan_line().contains("preset Small 70 ·"),
        "{}",
        harness.state().plan_line()
    );
    let saved = wait_for(|| Presets::load(&file).find("Small 70").cloned());
    assert_eq!(saved.settings.quality, 70);
    assert_eq!(
        saved.settings.resize,
        ResizeMode::Fit {
            width: 400,
            height: 400
        }
    );

    harness.get_by_label("Delete").click();
    settle(&mut harness);
    assert!(harness.state().presets().find("Small 70").is_none());
    wait_for(|| Presets::load(&file).find("Small 70").is_none().then_some(()));
    assert!(
        !harness.state().plan_line().contains("preset"),
        "no preset chosen any more"
    );
}

/// What `f` gives once it gives something (the app writes the file on a thread of its own).
fn wait_for<T>(f: impl Fn() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "timed out");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn the_preset_named_on_the_command_line_is_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("presets.toml");
    let mut harness = english_harness().build_eframe(|cc| {
        let mut app = shrinkray::ui::ShrinkrayApp::new(&cc.egui_ctx, None, Vec::new()).with_presets_file(file.clone());
        app.choose_preset("e-mail 1280");
        app.choose_preset("No such preset");
        app
    });
    settle(&mut harness);
    let state = harness.state().state();
    assert_eq!(
        state.named_preset.as_deref(),
        Some("E-mail 1280"),
        "an unknown name changes nothing"
    );
    assert_eq!(
        state.settings.resize,
        ResizeMode::Fit {
            width: 1280,
            height: 1280
        }
    );
    harness.get_by_label_contains("There is no preset called \"No such preset\"");
}

/// The app as `shrinkray --preset NAME PATHS` starts it, its presets in `file`.
fn started_from_a_selection(
    file: std::path::PathBuf,
    preset: &'static str,
    paths: Vec<std::path::PathBuf>,
) -> egui_kittest::Harness<'static, shrinkray::ui::ShrinkrayApp> {
    english_harness()
        .with_size(eframe::egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| {
            let mut app =
                shrinkray::ui::ShrinkrayApp::new(&cc.egui_ctx, None, paths.clone()).with_presets_file(file.clone());
            assert!(app.choose_preset(preset));
            app.start_when_ready();
            app
        })
}

#[test]
fn a_preset_and_a_selection_start_at_once_and_put_the_copies_beside_them() {
    use crate::common::app::step_until;
    use crate::common::*;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("Ferien 2026");
    std::fs::create_dir_all(&folder).unwrap();
    write_photo(&folder.join("a.jpg"), 2000, 1000, image::ImageFormat::Jpeg);
    write_photo(&folder.join("b.png"), 800, 600, image::ImageFormat::Png);
    let mut harness = started_from_a_selection(dir.path().join("presets.toml"), "E-mail 1280", vec![folder.clone()]);
    step_until(&mut harness, "the run to start", |app| {
        app.is_running() || app.thumbnail_count() > 0
    });
    step_until(&mut harness, "the run to end", |app| !app.is_running());
    assert_eq!(
        image::image_dimensions(folder.join("resized/a.jpg")).unwrap(),
        (1280, 640)
    );
    assert!(folder.join("resized/b.jpg").is_file(), "E-mail 1280 makes JPEGs");
    harness.get_by_label_contains("Finished");
    harness.get_by_label("Show the copies");
    assert!(
        harness.state().closing_at().is_none(),
        "the built-in presets leave the window open"
    );
}

#[test]
fn the_window_closes_itself_after_a_clean_run_only_when_the_preset_asks() {
    use crate::common::app::step_until;
    use crate::common::*;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("presets.toml");
    let mut presets = Presets::builtin();
    let mut quick = presets.find("Thumbnail 400").unwrap().clone();
    quick.name = "Quick".to_owned();
    quick.close_when_done = true;
    presets.put(quick);
    presets.save(&file).unwrap();

    let good = dir.path().join("good");
    std::fs::create_dir_all(&good).unwrap();
    write_photo(&good.join("a.jpg"), 900, 600, image::ImageFormat::Jpeg);
    let mut harness = started_from_a_selection(file.clone(), "Quick", vec![good.clone()]);
    step_until(&mut harness, "the run to end", |app| app.closing_at().is_some());
    assert!(good.join("thumbnails/a.jpg").is_file());
    harness.get_by_label_contains("Closing in");
    harness.get_by_label("Keep open").click();
    settle(&mut harness);
    assert!(harness.state().closing_at().is_none(), "Keep open keeps it open");

    // A run with a failure stays open, so its error can be read.
    let bad = dir.path().join("bad");
    std::fs::create_dir_all(&bad).unwrap();
    write_photo(&bad.join("a.jpg"), 900, 600, image::ImageFormat::Jpeg);
    std::fs::write(bad.join("broken.jpg"), b"\xff\xd8\xff\xe0 not really").unwrap();
    let mut harness = started_from_a_selection(file, "Quick", vec![bad]);
    step_until(&mut harness, "the run to start", |app| {
        app.is_running() || !app.error_messages().is_empty()
    });
    step_until(&mut harness, "the run to end", |app| !app.is_running());
    for _ in 0..5 {
        harness.step();
    }
    assert_eq!(
        harness.state().error_messages().len(),
        1,
        "{:?}",
        harness.state().error_messages()
    );
    assert!(harness.state().closing_at().is_none());
}

#[test]
fn a_selection_handed_over_by_a_later_launch_is_added_and_run() {
    use crate::common::app::step_until;
    use crate::common::*;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("later");
    std::fs::create_dir_all(&folder).unwrap();
    write_photo(&folder.join("a.jpg"), 1600, 1200, image::ImageFormat::Jpeg);
    let file = dir.path().join("presets.toml");
    let mut harness = english_harness().build_eframe(|cc| {
        shrinkray::ui::ShrinkrayApp::new(&cc.egui_ctx, None, Vec::new()).with_presets_file(file.clone())
    });
    settle(&mut harness);
    let ctx = harness.ctx.clone();
    harness.state_mut().receive_handoff(
        &ctx,
        shrinkray::ui::single_instance::Handoff {
            preset: Some("Thumbnail 400".to_owned()),
            paths: vec![folder.clone()],
        },
    );
    step_until(&mut harness, "the run to start", |app| app.is_running());
    step_until(&mut harness, "the run to end", |app| !app.is_running());
    assert_eq!(
        image::image_dimensions(folder.join("thumbnails/a.jpg")).unwrap(),
        (400, 300)
    );

    // The next selection from the menu is a run of its own: the folder of the last one is not redone.
    let other = dir.path().join("other");
    std::fs::create_dir_all(&other).unwrap();
    write_photo(&other.join("b.jpg"), 1600, 1200, image::ImageFormat::Jpeg);
    harness.state_mut().receive_handoff(
        &ctx,
        shrinkray::ui::single_instance::Handoff {
            preset: Some("E-mail 1280".to_owned()),
            paths: vec![other.join("b.jpg")],
        },
    );
    step_until(&mut harness, "the second run to start", |app| app.is_running());
    step_until(&mut harness, "the second run to end", |app| !app.is_running());
    assert!(other.join("resized/b.jpg").is_file());
    assert!(
        !folder.join("resized").exists(),
        "the earlier selection is not run again"
    );
    assert_eq!(harness.state().thumbnail_count(), 1);
}

/// A harness builder whose thread reads English, whatever the machine's language is.
fn english_harness() -> egui_kittest::HarnessBuilder<shrinkray::ui::ShrinkrayApp> {
    shrinkray::i18n::pin_thread_language(Some("en"));
    egui_kittest::Harness::builder()
}
