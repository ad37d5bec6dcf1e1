//! Presets' descriptions in the current language: the shipped presets' own words (`preset-about-<name>`), and
//! the one-line summaries the engine writes when a user saves a preset (`engine::describe_preset`), said anew
//! in the language of the moment. Words a user wrote stay as written.

use std::sync::OnceLock;

use super::message;
use crate::engine::{Preset, Settings, describe_preset};
use crate::tr;

/// A preset's description in the current language: a shipped preset's own words while they are as shipped, a
/// saved preset's summary while it is the one saving wrote, the user's words as they wrote them.
pub fn preset_description(preset: &Preset) -> String {
    if shipped(preset) {
        let key = preset_key(&preset.name);
        let said = message(&key, None);
        return if said == key { preset.description.clone() } else { said };
    }
    if preset.description == describe_preset(&preset.settings) {
        return describe(&preset.settings);
    }
    preset.description.clone()
}

/// A shipped preset's description in every other language, by tag, while it is as shipped (none for the
/// user's presets): for files that carry every language at once.
pub fn preset_description_elsewhere(preset: &Preset) -> Vec<(&'static str, String)> {
    if shipped(preset) {
        super::in_other_languages(&preset_key(&preset.name))
    } else {
        Vec::new()
    }
}

/// Whether `preset` is a shipped one with its shipped words.
fn shipped(preset: &Preset) -> bool {
    // The shipped names and words, made once: the app asks for a description every frame.
    static SHIPPED: OnceLock<Vec<(String, String)>> = OnceLock::new();
    SHIPPED
        .get_or_init(|| {
            crate::engine::builtin_presets()
                .into_iter()
                .map(|b| (b.name, b.description))
                .collect()
        })
        .iter()
        .any(|(name, description)| *name == preset.name && *description == preset.description)
}

/// The message of a shipped preset's description: `Web 1920` -> `preset-about-web-1920`.
pub(crate) fn preset_key(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("preset-about-{slug}")
}

/// What `settings` make, in the current language: `engine::describe_preset`'s line ("JPEG: fits 1920×1920,
/// quality 85"), translated.
fn describe(settings: &Settings) -> String {
    let size = super::resize_label(settings.resize);
    let format = super::format_label(settings.format);
    let quality = match settings.min_score {
        Some(score) => tr!("plan-score", score = score),
        None => tr!("preset-quality", quality = settings.quality),
    };
    tr!("preset-described", format = format, size = size, quality = quality)
}
