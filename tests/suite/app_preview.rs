//! The desktop app before Start: the grid of inputs, the before/after preview, and the batch estimate.

#![cfg(feature = "gui")]

use crate::common;

use std::path::Path;
use std::sync::Arc;

use common::app::*;
use common::*;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use image::ImageFormat;
use shrinkray::engine::OutputFormat;
use shrinkray::ui::ShrinkrayApp;

/// The app with `count` photos of a folder dropped on it and an output folder chosen.
fn with_photos(dir: &Path, count: usize) -> Harness<'static, ShrinkrayApp> {
    let root = dir.join("trip");
    for i in 0..count {
        write_photo(
            &root.join(format!("{i}.jpg")),
            800 + 40 * i as u32,
            600,
            ImageFormat::Jpeg,
        );
    }
    let mut harness = app_harness(None);
    harness.state_mut().state_mut().settings.output_dir = Some(dir.join("out"));
    harness.input_mut().dropped_files.push(Arc::new(Dropped(root)));
    harness.step();
    harness
}

fn shown_name(app: &ShrinkrayApp) -> String {
    app.preview_path()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[test]
fn dropped_images_appear_in_a_grid_before_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = with_photos(dir.path(), 5);
    step_until(&mut harness, "the grid of inputs", |app| app.input_tiles() == 5);
    for i in 0..5 {
        let name = format!("{i}.jpg");
        let tile = harness.get_by_role_and_label(egui::accesskit::Role::Image, &name);
        // A screen reader hears the name, then where the image stands.
        let said = tile.accesskit_node().description().unwrap_or_default();
        assert!(said.starts_with("not started"), "{i}.jpg: {said:?}");
    }
    assert!(!dir.path().join("out").exists(), "showing the inputs wrote something");
}

#[test]
fn a_tile_reached_with_the_keyboard_opens_its_preview_with_enter_and_starts_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = with_photos(dir.path(), 3);
    step_until(&mut harness, "the grid of inputs", |app| app.input_tiles() == 3);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Image, "2.jpg")
        .focus();
    harness.step();
    assert!(
        harness
            .get_by_role_and_label(egui::accesskit::Role::Image, "2.jpg")
            .is_focused()
    );
    harness.key_press(egui::Key::Enter);
    harness.step();
    assert!(harness.state().is_previewing());
    assert_eq!(shown_name(harness.state()), "2.jpg");
    assert!(!harness.state().is_running(), "Enter on a tile started a run");
}

#[test]
fn clicking_an_image_opens_its_preview_and_arrows_step_through_the_images() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = with_photos(dir.path(), 4);
    step_until(&mut harness, "the grid of inputs", |app| app.input_tiles() == 4);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Image, "1.jpg")
        .click();
    harness.step();
    assert!(harness.state().is_previewing());
    assert_eq!(shown_name(harness.state()), "1.jpg");
    step_until(&mut harness, "the preview", |app| app.preview_figures().is_some());
    let figures = harness.state().preview_figures().unwrap();
    assert!(
        figures.starts_with("Original 840×600, ") && figures.contains("→ copy 840×600, JPEG q85, "),
        "{figures}"
    );
    harness.get_by_label(&figures);
    harness.get_by_role_and_label(egui::accesskit::Role::Image, "Preview: original and copy");

    harness.key_press(egui::Key::ArrowRight);
    harness.step();
    assert_eq!(shown_name(harness.state()), "2.jpg");
    step_until(&mut harness, "the next preview", |app| app.preview_figures().is_some());
    assert!(
        harness
            .state()
            .preview_figures()
            .unwrap()
            .starts_with("Original 880×600, ")
    );
    harness.key_press(egui::Key::ArrowLeft);
    harness.key_press(egui::Key::ArrowLeft);
    harness.step();
    assert_eq!(shown_name(harness.state()), "0.jpg");
    harness.key_press(egui::Key::ArrowLeft);
    harness.step();
    assert_eq!(shown_name(harness.state()), "0.jpg", "stepped before the first image");

    harness.key_press(egui::Key::Escape);
    harness.step();
    assert!(!harness.state().is_previewing());
    harness.get_by_role_and_label(egui::accesskit::Role::Image, "3.jpg");
}

#[test]
fn changing_the_quality_remakes_the_preview_and_never_shows_the_old_figures_as_current() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = with_photos(dir.path(), 2);
    step_until(&mut harness, "the grid of inputs", |app| app.input_tiles() == 2);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Image, "0.jpg")
        .click();
    harness.step();
    step_until(&mut harness, "the preview", |app| app.preview_figures().is_some());
    let at_85 = harness.state().preview_figures().unwrap();

    harness.state_mut().state_mut().settings.quality = 20;
    harness.step();
    // Outdated: the figures made at q85 are gone from the screen until q20's are made.
    assert_eq!(harness.state().preview_figures(), None);
    assert!(
        harness.query_by_label(&at_85).is_none(),
        "the q85 figures are still shown as current"
    );
    harness.get_by_label("Making the copy with the current settings…");
    step_until(&mut harness, "the preview at q20", |app| {
        app.preview_figures().is_some()
    });
    let at_20 = harness.state().preview_figures().unwrap();
    assert!(at_20.contains("JPEG q20, "), "{at_20}");
    let bytes = |figures: &str| figures.rsplit(", ").next().unwrap().to_owned();
    assert_ne!(bytes(&at_20), bytes(&at_85), "{at_20} / {at_85}");
    harness.get_by_label(&at_20);

    // A format change too: the copy's format is told.
    harness.state_mut().state_mut().settings.format = OutputFormat::WebP;
    harness.step();
    step_until(&mut harness, "the WebP preview", |app| {
        app.preview_figures().is_some_and(|f| f.contains("WEBP q20"))
    });
}

#[test]
fn the_plan_line_shows_the_estimate_and_offers_skip_if_larger_when_copies_would_grow() {
    let dir = tempfile::tempdir().unwrap();
    let small = write_inflatable_jpegs(dir.path(), 4);
    let mut harness = app_harness(None);
    harness.state_mut().state_mut().settings.output_dir = Some(dir.path().join("out"));
    harness.input_mut().dropped_files.push(Arc::new(Dropped(small)));
    harness.step();
    step_until(&mut harness, "the estimate", |app| app.plan_line().contains(" → ≈ "));
    let line = harness.state().plan_line();
    assert!(line.starts_with("4 images, ") && line.contains(" · into "), "{line}");
    harness.get_by_label_contains("4 of 4 sampled images would not get smaller");
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Skip if larger")
        .click();
    harness.step();
    assert!(harness.state().state().settings.skip_if_larger);
    step_until(&mut harness, "the new estimate", |app| {
        app.estimate().is_some_and(|e| e.output_bytes == Some(e.input_bytes))
    });
    assert!(harness.query_by_label_contains("would not get smaller").is_none());
}
