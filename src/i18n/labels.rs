//! The engine's settings named in the current language, where the window, its plan line and the presets'
//! descriptions all say them.

use crate::engine::{OutputFormat, ResizeMode};
use crate::tr;

/// An output format's short name ("Same as input", "WebP (lossless)").
pub fn format_label(f: OutputFormat) -> String {
    match f {
        OutputFormat::SameAsInput => tr!("format-same"),
        OutputFormat::Jpeg => tr!("format-jpeg"),
        OutputFormat::Png => tr!("format-png"),
        OutputFormat::WebP => tr!("format-webp"),
        OutputFormat::WebPLossless => tr!("format-webp-lossless"),
        OutputFormat::Avif => tr!("format-avif"),
        OutputFormat::Jxl => tr!("format-jxl"),
        OutputFormat::JxlFromJpeg => tr!("format-jxl-from-jpeg"),
        OutputFormat::Tiff => tr!("format-tiff"),
        OutputFormat::Bmp => tr!("format-bmp"),
        OutputFormat::Gif => tr!("format-gif"),
    }
}

/// What a resize does, briefly ("fit 1920×1920", "long edge 2048").
pub fn resize_label(resize: ResizeMode) -> String {
    // Pixel sizes stay plain digits, as the size fields show them.
    match resize {
        ResizeMode::Fit { width, height } => tr!("plan-fit", width = width.to_string(), height = height.to_string()),
        ResizeMode::Fill { width, height } => {
            tr!("plan-fill", width = width.to_string(), height = height.to_string())
        }
        ResizeMode::Stretch { width, height } => {
            tr!("plan-stretch", width = width.to_string(), height = height.to_string())
        }
        ResizeMode::Width(n) => tr!("plan-width", n = n.to_string()),
        ResizeMode::Height(n) => tr!("plan-height", n = n.to_string()),
        ResizeMode::LongEdge(n) => tr!("plan-long-edge", n = n.to_string()),
        ResizeMode::Percent(p) => tr!("plan-percent", percent = p.to_string()),
    }
}
