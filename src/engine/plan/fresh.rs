//! What the output folder already holds of a batch, for a window to show before Start.

use std::path::{Path, PathBuf};

use crate::engine::discover::Walk;
use crate::engine::keys::{fingerprint, relative_key};
use crate::engine::manifest::Input;
use crate::engine::settings::Settings;

/// Copies an earlier run left of the inputs, by the output folder's manifest.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CopiesFound {
    /// Inputs whose copies are up to date: an incremental run (`Settings::update`) skips them.
    pub up_to_date: usize,
    /// Inputs with copies from an earlier run, up to date or not (made with other settings, or changed since).
    pub made_before: usize,
}

/// Counts the inputs whose copies an earlier run made into `settings.output_dir`, from the manifest and `stat`
/// alone: no input is opened. Blocks on the file system (a walk of the inputs); run it off the UI thread.
pub fn copies_found(inputs: &[PathBuf], settings: &Settings) -> CopiesFound {
    let mut found = CopiesFound::default();
    let Some(out_dir) = settings.output_dir.as_deref() else {
        return found;
    };
    let manifest = crate::engine::manifest::load(out_dir);
    if manifest.is_empty() {
        return found;
    }
    let fingerprint = fingerprint(settings);
    let exclude = crate::engine::platform::canonicalize(out_dir).ok();
    for c in Walk::new(inputs, settings.recursive, exclude).flatten() {
        let key = relative_key(&c.relative);
        if manifest.contains(&key) {
            found.made_before += 1;
            if manifest
                .up_to_date(
                    &key,
                    &Input::new(&c.path, c.bytes, c.modified).with_version(c.version.as_deref()),
                    &fingerprint,
                    Path::new(out_dir),
                )
                .is_some()
            {
                found.up_to_date += 1;
            }
        }
    }
    found
}
