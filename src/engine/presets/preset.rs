//! One preset: its name, what it makes, where its copies go, and its settings; how it applies to the settings
//! of a run and how it is described in one line.

use std::path::PathBuf;

use crate::engine::settings::Settings;

/// One named preset.
#[derive(Clone, Debug, PartialEq)]
pub struct Preset {
    /// Its name, unique in the list regardless of case.
    pub name: String,
    /// One line saying what it makes. Default: empty.
    pub description: String,
    /// Where the copies go when no output folder is given (a file manager's menu). Default: a `resized` folder
    /// beside the selection.
    pub output: PresetOutput,
    /// Close the window a few seconds after a run without failures started from a file manager. Default:
    /// `false`.
    pub close_when_done: bool,
    /// Everything else the copies are made with; its `output_dir` is never stored (`output` says it).
    pub settings: Settings,
}

/// Where a preset's copies go when no output folder is given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PresetOutput {
    /// A folder of this name beside the selected files (inside a selected folder).
    Beside(String),
    /// This folder (absolute).
    Folder(PathBuf),
}

impl Default for PresetOutput {
    fn default() -> Self {
        Self::Beside("resized".to_owned())
    }
}

impl Preset {
    /// A preset of `settings`; what belongs to a machine or a run (output folder, threads, limits, incremental
    /// mode) is left out.
    pub fn of(name: &str, output: PresetOutput, settings: &Settings) -> Self {
        Self {
            name: name.trim().to_owned(),
            description: describe(settings),
            output,
            close_when_done: false,
            settings: shaping(settings),
        }
    }

    /// `current` made this preset's: what shapes the copies comes from the preset; the threads, limits and
    /// incremental mode stay the user's, and so does the output folder unless the preset names one.
    pub fn apply_to(&self, current: &Settings) -> Settings {
        Settings {
            output_dir: match &self.output {
                PresetOutput::Folder(dir) => Some(dir.clone()),
                PresetOutput::Beside(_) => current.output_dir.clone(),
            },
            threads: current.threads,
            limits: current.limits,
            update: current.update,
            ..self.settings.clone()
        }
    }

    /// Whether `current` makes the copies this preset makes (the output folder, threads, limits and
    /// incremental mode aside).
    pub fn matches(&self, current: &Settings) -> bool {
        shaping(&self.settings) == shaping(current)
    }
}

/// `settings` without what belongs to a machine or a run rather than to the copies.
fn shaping(settings: &Settings) -> Settings {
    Settings {
        output_dir: None,
        threads: None,
        limits: crate::engine::settings::Limits::default(),
        update: false,
        ..settings.clone()
    }
}

/// A one-line description of what `settings` make ("JPEG: fits 1920×1920, quality 85"), for presets saved
/// from the command line or the app.
pub fn describe(settings: &Settings) -> String {
    use crate::engine::geometry::ResizeMode;
    use crate::engine::settings::OutputFormat;
    let size = match settings.resize {
        ResizeMode::Fit { width, height } => format!("fits {width}×{height}"),
        ResizeMode::Fill { width, height } => format!("fills {width}×{height}"),
        ResizeMode::Stretch { width, height } => format!("{width}×{height} exactly"),
        ResizeMode::Width(w) => format!("{w} wide"),
        ResizeMode::Height(h) => format!("{h} high"),
        ResizeMode::LongEdge(n) => format!("long edge {n}"),
        ResizeMode::Percent(p) => format!("{p} %"),
    };
    let format = match settings.format {
        OutputFormat::SameAsInput => "Same format",
        OutputFormat::Jpeg => "JPEG",
        OutputFormat::Png => "PNG",
        OutputFormat::WebP => "WebP",
        OutputFormat::WebPLossless => "WebP lossless",
        OutputFormat::Avif => "AVIF",
        OutputFormat::Jxl => "JPEG XL",
        OutputFormat::JxlFromJpeg => "JPEG XL from the JPEG",
        OutputFormat::Tiff => "TIFF",
        OutputFormat::Bmp => "BMP",
        OutputFormat::Gif => "GIF",
    };
    let quality = match settings.min_score {
        Some(score) => format!("quality by look {score}"),
        None => format!("quality {}", settings.quality),
    };
    format!("{format}: {size}, {quality}")
}
