//! The app's identity on Windows, its AppUserModelID: Windows shows an unpackaged app's toasts only under an ID
//! registered with a display name (`HKCU\Software\Classes\AppUserModelId\<id>`), with the icon named there.

/// The app's ID: the reverse-domain name its Linux desktop file and Wayland app id use too.
pub const APP_ID: &str = "org.shrinkray.Shrinkray";

/// The registry key (below `HKEY_CURRENT_USER`) that registers `APP_ID`; the uninstaller removes it.
pub fn key() -> String {
    format!(r"Software\Classes\AppUserModelId\{APP_ID}")
}

/// Registers `APP_ID` for the user: the name toasts show, and their icon (`shrinkray.png` beside the program,
/// which the installer puts there) when there is one. Writing the same values again changes nothing.
#[cfg(windows)]
pub fn register_for_user() -> std::io::Result<()> {
    let key = key();
    super::registry::set(&key, "DisplayName", "Shrinkray")?;
    let icon = std::env::current_exe()?.with_file_name("shrinkray.png");
    if icon.is_file() {
        super::registry::set(&key, "IconUri", &icon.to_string_lossy())?;
    }
    Ok(())
}

/// Whether `APP_ID` is registered for the user.
#[cfg(windows)]
pub fn registered_for_user() -> bool {
    super::registry::exists(&key())
}
