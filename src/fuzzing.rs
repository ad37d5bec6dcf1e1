//! The settings the fuzz target (`fuzz/`) tries, shared with the test that replays what it found, so the two
//! never drift apart.

use crate::engine::{Limits, OutputFormat, ResizeMode, Settings};

/// How many different settings `settings_for` gives.
pub const CHOICES: u8 = 24;

/// The settings for a fuzz input's first byte: every output format, with a fit, a crop and a percentage, each
/// once keeping the metadata as found and once removing the location, converting to sRGB and resampling in
/// linear light (the EXIF and XMP editors and the colour transforms read hostile bytes too). Small limits keep
/// each run fast; the limits themselves are tested elsewhere.
pub fn settings_for(choice: u8) -> Settings {
    let format = match choice % 4 {
        0 => OutputFormat::SameAsInput,
        1 => OutputFormat::Jpeg,
        2 => OutputFormat::Png,
        _ => OutputFormat::WebP,
    };
    let resize = match (choice / 4) % 3 {
        0 => ResizeMode::Fit { width: 64, height: 64 },
        1 => ResizeMode::Fill { width: 31, height: 17 },
        _ => ResizeMode::Percent(50.0),
    };
    let edit = choice / 12 % 2 == 1;
    Settings {
        resize,
        format,
        remove_location: edit,
        to_srgb: edit,
        linear: edit,
        limits: Limits {
            max_pixels: 4_000_000,
            max_alloc: 64 << 20,
            memory_budget: None,
        },
        output_dir: Some(".".into()),
        ..Settings::default()
    }
}
