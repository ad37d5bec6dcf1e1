//! The engine's errors as people read them, in the current language: each kind of error is a message of
//! `i18n/*.ftl` (`error-*`), its details the message's variables. The engine's own `Display` (English) stays
//! what reports, JSON events and logs carry. What a library or the system said (`$why`) is passed on as it
//! came: it has no translation.

use crate::engine::{ImageError, SettingsError, SetupError, SkipReason};
use crate::tr;

/// One image's failure: what failed, why, and the path last.
pub fn image_error(error: &ImageError) -> String {
    let path = error.path().display().to_string();
    match error {
        ImageError::Read { source, .. } => tr!("error-read", why = source.to_string(), path = path),
        ImageError::NotAFile { .. } => tr!("error-not-a-file", path = path),
        ImageError::NotAnImage { .. } => tr!("error-not-an-image", path = path),
        ImageError::Unsupported { format, .. } => tr!("error-unsupported", format = format.as_str(), path = path),
        ImageError::NotBuiltIn { format, .. } => tr!("error-not-built-in", format = format.as_str(), path = path),
        ImageError::Codec { format, why, .. } => {
            tr!("error-codec", format = format.as_str(), why = why.as_str(), path = path)
        }
        ImageError::FileTooLarge { bytes, max, .. } => {
            tr!("error-file-too-large", bytes = *bytes, max = *max, path = path)
        }
        ImageError::Decode { source, .. } => tr!("error-decode", why = source.to_string(), path = path),
        ImageError::Jpeg { why, .. } => tr!("error-jpeg", why = why.as_str(), path = path),
        ImageError::Truncated { .. } => tr!("error-truncated", path = path),
        ImageError::TooLarge { width, height, max, .. } => tr!(
            "error-too-large",
            width = width.to_string(),
            height = height.to_string(),
            max = *max,
            path = path
        ),
        ImageError::Resize { why, .. } => tr!("error-resize", why = why.as_str(), path = path),
        ImageError::Encode { why, .. } => tr!("error-encode", why = why.as_str(), path = path),
        ImageError::OverTarget { bytes, target, .. } => {
            tr!("error-over-target", bytes = *bytes, target = *target, path = path)
        }
        ImageError::Write { source, .. } => tr!("error-write", why = source.to_string(), path = path),
        ImageError::OutputIsInput { .. } => tr!("error-output-is-input", path = path),
        ImageError::OutputAppeared { .. } => tr!("error-output-appeared", path = path),
        ImageError::Refused { why, .. } => tr!("error-refused", why = why.as_str(), path = path),
        ImageError::Panicked { message, .. } => tr!("error-panicked", why = message.as_str(), path = path),
    }
}

/// Why a job could not start.
pub fn setup_error(error: &SetupError) -> String {
    match error {
        SetupError::Settings(e) => settings_error(e),
        SetupError::OutputDir { source, path } => {
            tr!(
                "error-output-dir",
                why = source.to_string(),
                path = path.display().to_string()
            )
        }
        SetupError::Report { source, path } => {
            tr!(
                "error-report",
                why = source.to_string(),
                path = path.display().to_string()
            )
        }
        SetupError::FailedList { source, path } => {
            tr!(
                "error-failed-list",
                why = source.to_string(),
                path = path.display().to_string()
            )
        }
        SetupError::Busy { path } => tr!("error-busy", path = path.display().to_string()),
        SetupError::InPlace(why) => tr!("error-in-place", why = why.as_str()),
        SetupError::Internal(why) => tr!("error-internal", why = why.as_str()),
        SetupError::ThreadPool { threads, why } => {
            tr!("error-thread-pool", count = *threads, why = why.as_str())
        }
    }
}

/// Settings a job cannot run with.
pub fn settings_error(error: &SettingsError) -> String {
    match error {
        SettingsError::Quality(q) => tr!("error-quality", value = u64::from(*q)),
        SettingsError::MinScore(score) => tr!("error-min-score", value = f64::from(*score)),
        SettingsError::AvifSpeed(speed) => tr!("error-avif-speed", value = u64::from(*speed)),
        SettingsError::JxlEffort(effort) => tr!("error-jxl-effort", value = u64::from(*effort)),
        SettingsError::NoOutputDir => tr!("error-no-output-dir"),
        // The rest quote what was typed, which reads the same in every language.
        SettingsError::Size(_)
        | SettingsError::OutputName(_)
        | SettingsError::Threads(_)
        | SettingsError::Template(_) => {
            tr!("error-settings", why = error.to_string())
        }
    }
}

/// Why an image was left alone.
pub fn skip_reason(reason: &SkipReason) -> String {
    match reason {
        SkipReason::UpToDate => tr!("skip-up-to-date"),
        SkipReason::OutputExists(path) => tr!("skip-output-exists", path = path.display().to_string()),
        SkipReason::NoOutput => tr!("skip-no-output"),
        SkipReason::NotRegular => tr!("skip-not-regular"),
        SkipReason::LinkLoop => tr!("skip-link-loop"),
        SkipReason::BrokenLink => tr!("skip-broken-link"),
        SkipReason::Unsupported(format) => tr!("skip-unsupported", format = format.to_string()),
        SkipReason::NotAnImage => tr!("skip-not-an-image"),
        SkipReason::LeftAlone(why) => tr!("skip-left-alone", why = why.to_string()),
        SkipReason::AlreadyShrunk => tr!("skip-already-shrunk"),
    }
}
