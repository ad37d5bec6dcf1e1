//! Where a user's settings files live on each system (the presets file), and its state (the in-place journals): written by hand rather than with the
//! `dirs` crate, whose `option-ext` dependency is MPL-2.0, as eframe does for its own storage folder.

use std::path::PathBuf;

/// Shrinkray's folder in the user's configuration folder: `$XDG_CONFIG_HOME/shrinkray` (else
/// `~/.config/shrinkray`) on Linux and BSD, `~/Library/Application Support/Shrinkray` on macOS,
/// `%APPDATA%\Shrinkray` on Windows. `None` when the system says nothing of a home folder.
pub fn config_dir() -> Option<PathBuf> {
    let var = |name| std::env::var_os(name).map(PathBuf::from).filter(|p| p.is_absolute());
    if cfg!(windows) {
        var("APPDATA").map(|p| p.join("Shrinkray"))
    } else if cfg!(target_os = "macos") {
        std::env::home_dir().map(|h| h.join("Library").join("Application Support").join("Shrinkray"))
    } else {
        var("XDG_CONFIG_HOME")
            .or_else(|| std::env::home_dir().map(|h| h.join(".config")))
            .map(|p| p.join("shrinkray"))
    }
}

/// Shrinkray's folder for state that is no setting (the journals of in-place runs, which undo reads):
/// `$SHRINKRAY_STATE_DIR` when set (tests, portable installs), else `$XDG_STATE_HOME/shrinkray` (else
/// `~/.local/state/shrinkray`) on Linux and BSD, `~/Library/Application Support/Shrinkray/State` on macOS,
/// `%LOCALAPPDATA%\Shrinkray\State` on Windows. `None` when the system says nothing of a home folder.
pub fn state_dir() -> Option<PathBuf> {
    if let Some(dir) = STATE_DIR.get() {
        return Some(dir.clone());
    }
    let var = |name| std::env::var_os(name).map(PathBuf::from).filter(|p| p.is_absolute());
    if let Some(dir) = var("SHRINKRAY_STATE_DIR") {
        return Some(dir);
    }
    if cfg!(windows) {
        var("LOCALAPPDATA").map(|p| p.join("Shrinkray").join("State"))
    } else if cfg!(target_os = "macos") {
        config_dir().map(|c| c.join("State"))
    } else {
        var("XDG_STATE_HOME")
            .or_else(|| std::env::home_dir().map(|h| h.join(".local").join("state")))
            .map(|p| p.join("shrinkray"))
    }
}

/// The state folder `set_state_dir` chose for this process.
static STATE_DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

/// Makes `dir` this process's state folder (`state_dir`), before any in-place run; later calls change
/// nothing. For programs that keep their state apart (a test, a portable install) without changing the
/// environment, which other threads may be reading.
pub fn set_state_dir(dir: PathBuf) {
    let _ = STATE_DIR.set(dir);
}
