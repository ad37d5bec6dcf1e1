//! The list of presets: loaded from the user's file (or the built-ins), changed, and saved through the guard.

use std::path::{Path, PathBuf};

use super::builtin::builtin_presets;
use super::file;
use super::preset::Preset;

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
            Ok(text) => {
                let (list, problems) = file::parse(&text, path);
                Self { list, problems }
            }
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
