//! The window in other languages (issue #34 point 7): what a person reads comes from the language's file,
//! nothing is left in English, and long German words stay inside the window.

#![cfg(feature = "gui")]

use crate::common;

use std::collections::BTreeSet;
use std::sync::Arc;

use common::app::*;
use common::*;
use eframe::egui;
use egui_kittest::kittest::{By, NodeT, Queryable};
use image::ImageFormat;
use shrinkray::i18n;

/// The messages without variables as `tag` words them.
fn plain_messages(tag: &str) -> Vec<(String, String)> {
    i18n::pin_thread_language(Some(tag));
    let said = i18n::message_ids()
        .into_iter()
        .map(|id| {
            let text = i18n::message(&id, None);
            (id, text)
        })
        .collect();
    i18n::pin_thread_language(None);
    said
}

/// A window with three photos and every settings section open, speaking `tag`; the sections' names are
/// that language's.
fn window_in(
    tag: &str,
) -> (
    tempfile::TempDir,
    egui_kittest::Harness<'static, shrinkray::ui::ShrinkrayApp>,
) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("trip");
    for i in 0..3 {
        write_photo(&root.join(format!("{i}.jpg")), 640, 480, ImageFormat::Jpeg);
    }
    let mut harness = app_harness(None);
    i18n::pin_thread_language(Some(tag));
    // Boxes rather than a panic while a script's font is still being read (the app's own policy).
    harness.ctx.set_missing_glyph_policy(egui::MissingGlyphPolicy::Tofu);
    harness.state_mut().state_mut().settings.output_dir = Some(dir.path().join("out"));
    harness.input_mut().dropped_files.push(Arc::new(Dropped(root)));
    harness.step();
    step_until(&mut harness, "the grid of inputs", |app| app.input_tiles() == 3);
    for key in [
        "section-more-sizes",
        "section-metadata",
        "section-advanced",
        "section-window",
    ] {
        harness.get_by_label(&i18n::message(key, None)).click_accesskit();
        harness.step();
    }
    settle(&mut harness);
    (dir, harness)
}

#[test]
fn the_german_window_says_nothing_in_english() {
    let (_dir, harness) = window_in("de");
    // The glossary's words and the controls a user starts with.
    harness.get_by_label("Ordner hinzufügen…");
    harness.get_by_label("Sprache");
    harness.get_by_label_contains("3 Bilder verkleinern");
    harness.get_by_label_contains("3 Bilder,");

    // Every English text that German words differently ("JPEG" and "OK" are the same in both).
    let german: BTreeSet<String> = plain_messages("de").into_iter().map(|(_, text)| text).collect();
    let english_only: BTreeSet<String> = plain_messages("en")
        .into_iter()
        .map(|(_, text)| text)
        .filter(|text| !german.contains(text))
        .collect();
    assert!(english_only.len() > 200, "only {} messages differ", english_only.len());
    let screen = harness.ctx.content_rect();
    let mut english = vec![];
    let mut outside = vec![];
    let mut seen = 0;
    for node in harness.query_all(By::new()) {
        let Some(label) = node.accesskit_node().label() else {
            continue;
        };
        seen += 1;
        if english_only.contains(label.trim()) {
            english.push(label.to_owned());
        }
        // Long German words wrap or are cut by the panel's edge, never run out of the window.
        let rect = node.rect();
        if rect.max.x > screen.max.x + 1.0 {
            outside.push(format!("{label:?} at {rect:?}"));
        }
    }
    assert!(seen > 50, "only {seen} labelled nodes");
    assert!(english.is_empty(), "English in the German window: {english:?}");
    assert!(outside.is_empty(), "text past the window's edge: {outside:#?}");
}

#[test]
fn the_chinese_window_uses_its_own_words_and_numbers() {
    let (_dir, mut harness) = window_in("zh-CN");
    // The system's CJK font is read on a thread of its own; until it is in, the glyphs are boxes. Then every
    // glyph drawn must come from a font (kittest's own policy panics on a box).
    let start = std::time::Instant::now();
    while !harness
        .ctx
        .fonts(|f| f.definitions().font_data.contains_key("shrinkray-cjk"))
    {
        assert!(
            start.elapsed().as_secs() < 60,
            "no CJK font was loaded (install fonts-noto-cjk)"
        );
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    harness.ctx.set_missing_glyph_policy(egui::MissingGlyphPolicy::Panic);
    settle(&mut harness);
    harness.get_by_label("添加文件夹…");
    harness.get_by_label_contains("缩小 3 张图片");
    harness.get_by_label("语言");
}

#[test]
fn numbers_and_plurals_follow_the_language() {
    i18n::pin_thread_language(Some("de"));
    assert_eq!(shrinkray::text::count(1_234_567), "1.234.567");
    assert_eq!(shrinkray::text::bytes(3_100_000), "3,1 MB");
    assert_eq!(shrinkray::tr!("copies-made", count = 1), "1 Kopie gemacht");
    assert_eq!(shrinkray::tr!("copies-made", count = 1204), "1.204 Kopien gemacht");
    i18n::pin_thread_language(Some("fr"));
    assert_eq!(shrinkray::text::bytes(3_100_000), "3,1 Mo");
    assert_eq!(shrinkray::tr!("copies-made", count = 0), "0 copie faite");
    i18n::pin_thread_language(Some("es"));
    assert_eq!(shrinkray::text::count(1234), "1234");
    assert_eq!(shrinkray::text::count(12345), "12.345");
    i18n::pin_thread_language(Some("en"));
    assert_eq!(shrinkray::tr!("copies-made", count = 1), "1 copy made");
    assert_eq!(shrinkray::tr!("copies-made", count = 2), "2 copies made");
    i18n::pin_thread_language(None);
}
