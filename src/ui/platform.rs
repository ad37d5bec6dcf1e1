//! Asking the desktop to show a folder.

use std::path::Path;
use std::process::Command;

/// Opens `dir` in the system's file manager without waiting for it.
pub fn open_folder(dir: &Path) -> std::io::Result<()> {
    let program = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let mut child = Command::new(program).arg(dir).spawn()?;
    // Reap the launcher in the background so it never lingers as a zombie.
    std::thread::Builder::new()
        .name("shrinkray-open".to_owned())
        .spawn(move || child.wait())?;
    Ok(())
}
