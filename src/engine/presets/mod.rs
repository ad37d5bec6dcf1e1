//! Named presets: a whole `Settings` with a name, a line saying what it makes, and where its copies go when it
//! is started from a file manager. They live in one human-readable TOML file in the user's configuration
//! folder (`presets.toml`; `SHRINKRAY_CONFIG_DIR` names another folder, for tests), which holds the built-ins
//! too once anything was saved. Without the file, the built-ins are the list; a file that cannot be read gives
//! the built-ins and one message, and is not overwritten until the user saves.

mod book;
mod builtin;
mod file;
mod preset;

pub use book::{Presets, presets_path};
pub use builtin::builtin_presets;
pub use preset::{Preset, PresetOutput, describe};
