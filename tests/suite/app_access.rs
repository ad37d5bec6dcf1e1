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
    // A control of each opened section is there; a second size adds its row of controls.
    harness.get_by_label("Add a size").click_accesskit();
    harness.step();
    harness.step();
    harness.get_by_label("Theme");

    let mut unnamed = Vec::new();
    let mut seen = 0;
    for node in harness.query_all(By::new().predicate(|n| CONTROLS.contains(&n.role()))) {
        seen += 1;
        let name = node.accesskit_node().label().unwrap_or_default();
        let description = node.accesskit_node().description().unwrap_or_default();
        // A unit or a glyph alone ("px", "KB", "✕") tells a listener nothing; nor does a name that is only the
        // tooltip, which is what Orca falls back to ("Same as input keeps each image's format … combo box").
        let only_tooltip = name == description && name.chars().count() > 40;
        if name.trim().is_empty() || ["px", "KB", "✕", "×"].contains(&name.trim()) || only_tooltip {
            unnamed.push(format!(
                "{:?} at {:?}: {name:?}",
                node.accesskit_node().role(),
                node.rect()
            ));
        }
    }
    // On Linux a combo box's name says its value too: AccessKit gives AT-SPI no other way to it, and Orca would
    // say only "Format combo box".
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        let formats: Vec<String> = harness
            .query_all(By::new().role(Role::ComboBox).label_contains("Format"))
            .filter_map(|n| n.accesskit_node().label())
            .collect();
        assert!(formats.iter().any(|f| f == "Format: Same as input"), "{formats:?}");
    }
    // Orca announces the window by its name.
    assert_eq!(
        harness.root().accesskit_node().label().as_deref(),
        Some("Shrinkray"),
        "the window has no name (Orca says \"frame\")"
    );
    // The open sections' controls, the bars' buttons and the three tiles: far more than a handful.
    assert!(seen > 40, "only {seen} controls found");
    assert!(unnamed.is_empty(), "controls a screen reader cannot name: {unnamed:#?}");
}

#[test]
fn tab_brings_each_control_it_reaches_into_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_harness(None);
    harness.state_mut().state_mut().settings.output_dir = Some(dir.path().join("out"));
    // Every section open: the settings panel is then far taller than the 720-pixel window.
    for section in ["More sizes", "Metadata and colour", "Advanced", "Window"] {
        harness.get_by_label(section).click_accesskit();
        harness.step();
    }
    settle(&mut harness);
    let screen = harness.ctx.content_rect();
    // The last section's header starts out below the window, so Tab must scroll the panel to show it.
    let (window_section, below) = {
        let node = harness.get_by_label("Window");
        (node.accesskit_node().locate().0, node.rect())
    };
    assert!(
        below.min.y > screen.max.y,
        "the panel fits the window ({below:?}): nothing to scroll"
    );
    let (mut reached, mut reached_window) = (0, false);
    for _ in 0..150 {
        harness.key_press(egui::Key::Tab);
        // Focus moves on the pass that sees Tab (or, wrapping round to the first control, the pass after), the
        // panel scrolls at the end of that pass, and the pass after draws it there.
        for _ in 0..3 {
            harness.step();
        }
        let Some(id) = harness.ctx.memory(|m| m.focused()) else {
            continue;
        };
        let rect = harness.ctx.read_response(id).unwrap().rect;
        reached += 1;
        assert!(
            screen.contains_rect(rect),
            "Tab's {reached}th control is out of view at {rect:?} (the window is {screen:?})"
        );
        reached_window |= id.accesskit_id() == window_section;
    }
    assert!(
        reached_window,
        "Tab never reached the Window section in {reached} presses"
    );
}
