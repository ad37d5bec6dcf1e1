//! The presets Shrinkray ships: the copies people most often make, each in one click.

use super::preset::{Preset, PresetOutput};
use crate::engine::geometry::ResizeMode;
use crate::engine::settings::{OutputFormat, Settings};

/// The built-in presets, in the order menus show them.
pub fn builtin_presets() -> Vec<Preset> {
    let preset = |name: &str, description: &str, output: &str, settings: Settings| Preset {
        name: name.to_owned(),
        description: description.to_owned(),
        output: PresetOutput::Beside(output.to_owned()),
        close_when_done: false,
        settings,
    };
    let base = Settings::default();
    vec![
        preset(
            "Web 1920",
            "JPEG for websites: fits 1920×1920, quality 85, location removed",
            "resized",
            Settings {
                resize: ResizeMode::Fit {
                    width: 1920,
                    height: 1920,
                },
                format: OutputFormat::Jpeg,
                quality: 85,
                remove_location: true,
                ..base.clone()
            },
        ),
        preset(
            "E-mail 1280",
            "JPEG small enough to mail: fits 1280×1280, quality 80, location removed",
            "resized",
            Settings {
                resize: ResizeMode::Fit {
                    width: 1280,
                    height: 1280,
                },
                format: OutputFormat::Jpeg,
                quality: 80,
                remove_location: true,
                ..base.clone()
            },
        ),
        preset(
            "Phone 1080 WebP",
            "WebP for phones and screens: fits 1920×1080, quality 80",
            "resized",
            Settings {
                resize: ResizeMode::Fit {
                    width: 1920,
                    height: 1080,
                },
                format: OutputFormat::WebP,
                quality: 80,
                ..base.clone()
            },
        ),
        preset(
            "Thumbnail 400",
            "Small JPEG previews: fits 400×400, quality 80, no metadata",
            "thumbnails",
            Settings {
                resize: ResizeMode::Fit {
                    width: 400,
                    height: 400,
                },
                format: OutputFormat::Jpeg,
                quality: 80,
                strip_metadata: true,
                ..base.clone()
            },
        ),
        preset(
            "Archive as JPEG XL",
            "JPEG XL holding each JPEG whole: a fifth smaller, and djxl gives the very JPEG back",
            "jpeg-xl",
            Settings {
                resize: ResizeMode::Percent(100.0),
                format: OutputFormat::JxlFromJpeg,
                ..base
            },
        ),
    ]
}
