//! The window for keyboard and screen-reader users (issue #34 point 6), read from the AccessKit tree a screen
//! reader gets: every control says what it is, with every settings section open.

#![cfg(feature = "gui")]

use crate::common;

use std::sync::Arc;

use common::app::*;
use common::*;
use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::kittest::{By, NodeT, Queryable};
use image::ImageFormat;

/// The roles a user acts on: each must carry a name to be spoken.
const CONTROLS: [Role; 9] = [
    Role::Button,
    Role::CheckBox,
    Role::ComboBox,
    Role::Slider,
    Role::TextInput,
    Role::SpinButton,
    Role::RadioButton,
    Role::Image,
    Role::Link,
];

#[test]
fn every_control_has_a_name_a_screen_reader_can_say() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("trip");
    for i in 0..3 {
        write_photo(&root.join(format!("{i}.jpg")), 640, 480, ImageFormat::Jpeg);
    }
    let mut harness = app_harness(None);
    harness.state_mut().state_mut().settings.output_dir = Some(dir.path().join("out"));
    harness.input_mut().dropped_files.push(Arc::new(Dropped(root)));
    harness.step();
    step_until(&mut harness, "the grid of inputs", |app| app.input_tiles() == 3);
    // The sections closed at first, opened as a screen reader would (they may be below the visible panel).
    for section in ["More sizes", "Metadata and colour", "Advanced", "Window"] {
        harness.get_by_label(section).click_accesskit();
        harness.step();
    }
    settle(&mut harness);
    // A control of each opened section is there.
    harness.get_by_label("Add a size");
    harness.get_by_label_contains("Theme");

    let mut unnamed = Vec::new();
    let mut seen = 0;
    for node in harness.query_all(By::new().predicate(|n| CONTROLS.contains(&n.role()))) {
        seen += 1;
        let name = node.accesskit_node().label().unwrap_or_default();
        // A unit or a glyph alone ("px", "KB", "✕") tells a listener nothing.
        if name.trim().is_empty() || ["px", "KB", "✕", "×"].contains(&name.trim()) {
            unnamed.push(format!("{:?} at {:?}", node.accesskit_node().role(), node.rect()));
        }
    }
    // The open sections' controls, the bars' buttons and the three tiles: far more than a handful.
    assert!(seen > 40, "only {seen} controls found");
    assert!(unnamed.is_empty(), "controls a screen reader cannot name: {unnamed:#?}");
}
