//! Named presets: a whole `Settings` with a name, a line saying what it makes, and where its copies go when it
//! is started from a file manager. They live in one human-readable TOML file in the user's configuration
//! folder (`presets.toml`; `SHRINKRAY_CONFIG_DIR` names another folder, for tests), which holds the built-ins
//! too once anything was saved. Without the file, the built-ins are the list; a file that cannot be read gives
//! the built-ins and one message, and is not overwritten until the user saves.

mod builtin;
mod file;

use std::path::{Path, PathBuf};

pub use builtin::builtin_presets;

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

/// The presets and what was wrong with the file they came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Presets {
    /// Every preset, in the order the file (or the built-ins) lists them.
    pub list: Vec<Preset>,
    /// What could not be read, one message each (path last); empty when all was well.
    pub problems: Vec<String>,
}

impl Presets {
    /// The built-ins alone.
    pub fn builtin() -> Self {
        Self {
            list: builtin_presets(),
            problems: Vec::new(),
        }
    }

    /// The presets in `path`: the built-ins when there is no such file, the built-ins and one message when it
    /// cannot be read or parsed, and every preset it holds otherwise (with a message for each one left out).
    pub fn load(path: &Path) -> Self {
        match std::fs::read_to_string(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Self::builtin(),
            Err(e) => Self {
                problems: vec![format!(
                    "the presets cannot be read ({e}); the built-in ones are used: {}",
                    path.display()
                )],
                ..Self::builtin()
            },
            Ok(text) => file::parse(&text, path),
        }
    }

    /// The presets of the user's file ([`presets_path`]), or the built-ins when there is no such place.
    pub fn load_user() -> Self {
        presets_path().map_or_else(Self::builtin, |p| Self::load(&p))
    }

    /// The preset called `name` (case does not matter).
    pub fn find(&self, name: &str) -> Option<&Preset> {
        self.list.iter().find(|p| p.name.eq_ignore_ascii_case(name))
    }

    /// Adds `preset`, or replaces the one of the same name in its place.
    pub fn put(&mut self, preset: Preset) {
        match self.list.iter_mut().find(|p| p.name.eq_ignore_ascii_case(&preset.name)) {
            Some(old) => *old = preset,
            None => self.list.push(preset),
        }
    }

    /// Removes the preset called `name`; whether there was one.
    pub fn remove(&mut self, name: &str) -> bool {
        let before = self.list.len();
        self.list.retain(|p| !p.name.eq_ignore_ascii_case(name));
        self.list.len() != before
    }

    /// Renames a preset; refused when `to` is another preset's name or empty.
    pub fn rename(&mut self, from: &str, to: &str) -> Result<(), String> {
        let to = to.trim();
        if to.is_empty() {
            return Err("a preset needs a name".to_owned());
        }
        if !from.eq_ignore_ascii_case(to) && self.find(to).is_some() {
            return Err(format!("there is already a preset called {to:?}"));
        }
        let preset = self.list.iter_mut().find(|p| p.name.eq_ignore_ascii_case(from));
        let preset = preset.ok_or_else(|| format!("there is no preset called {from:?}"))?;
        preset.name = to.to_owned();
        Ok(())
    }

    /// Puts every built-in back as it was shipped (changed ones restored, deleted ones added again); the
    /// user's own presets stay.
    pub fn reset_builtins(&mut self) {
        for preset in builtin_presets() {
            self.put(preset);
        }
    }

    /// The file's text for these presets.
    pub fn to_toml(&self) -> String {
        file::write(&self.list)
    }

    /// Writes them to `path` (its folder is made if missing), whole or not at all, through the guard.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        use std::io::Write as _;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let protected = crate::engine::guard::Protected::default();
        let (mut file, side) = crate::engine::guard::SideFile::create(path, &protected, "presets-")?;
        file.write_all(self.to_toml().as_bytes())?;
        file.sync_all()?;
        side.commit().map(drop)
    }
}

/// The user's presets file: `presets.toml` in `$SHRINKRAY_CONFIG_DIR`, else in Shrinkray's configuration folder.
pub fn presets_path() -> Option<PathBuf> {
    std::env::var_os("SHRINKRAY_CONFIG_DIR")
        .map(PathBuf::from)
        .or_else(crate::engine::platform::config_dir)
        .map(|dir| dir.join("presets.toml"))
}
