//! The app's Preset section, driven as a user would: choose a preset (the settings follow and the plan line
//! names it), change a setting (the plan line says so), save the settings as a new preset (it reaches the
//! presets file), delete it.

#![cfg(feature = "gui")]

use std::time::{Duration, Instant};

use egui_kittest::kittest::Queryable;
use shrinkray::engine::{Presets, ResizeMode};

#[test]
fn choose_change_save_and_delete_a_preset() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config/presets.toml");
    let mut harness = egui_kittest::Harness::builder()
        .with_size(eframe::egui::vec2(1280.0, 900.0))
        .build_eframe(|cc| {
            shrinkray::ui::ShrinkrayApp::new(&cc.egui_ctx, None, Vec::new()).with_presets_file(file.clone())
        });
    harness.run();
    harness.get_by_value("None (your settings)").click();
    harness.run();
    harness.get_by_label("Thumbnail 400").click();
    harness.run();
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
    harness.run();
    assert!(harness.state().plan_line().contains("preset Thumbnail 400, changed"));

    harness.get_by_label("Save as…").click();
    harness.run();
    harness.get_by_label("Name").focus();
    harness.run();
    harness.get_by_label("Name").type_text("Small 70");
    harness.run();
    harness.get_by_label("OK").click();
    harness.run();
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
    harness.run();
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
    let mut harness = egui_kittest::Harness::builder().build_eframe(|cc| {
        let mut app = shrinkray::ui::ShrinkrayApp::new(&cc.egui_ctx, None, Vec::new()).with_presets_file(file.clone());
        app.choose_preset("e-mail 1280");
        app.choose_preset("No such preset");
        app
    });
    harness.run();
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
