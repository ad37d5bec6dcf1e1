//! "Resize with Shrinkray" in Windows Explorer: the installer's macros are those of the built-in presets, and
//! on Windows the app's per-user verbs are written, found and removed.

use std::path::Path;

use shrinkray::desktop::explorer::{nsis_include, registry_values};
use shrinkray::engine::builtin_presets;

#[test]
fn the_installers_menus_are_those_of_the_builtin_presets() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("packaging/windows/menus.nsh");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap().replace("\r\n", "\n"),
        nsis_include(&builtin_presets()),
        "regenerate with: cargo run --bin shrinkray -- --write-explorer-menus packaging/windows/menus.nsh"
    );
    let values = registry_values(&builtin_presets(), r"C:\Shrinkray\shrinkray.exe");
    for root in [r"SystemFileAssociations\image", "Directory"] {
        assert!(
            values
                .iter()
                .any(|v| v.key == format!(r"{root}\shell\Shrinkray") && v.data == "Resize with Shrinkray"),
            "{root}"
        );
    }
}

#[cfg(windows)]
#[test]
fn the_app_writes_and_removes_the_users_verbs() {
    use shrinkray::desktop::explorer::{install_for_user, installed_for_user, remove_for_user};
    // The user's verb speaks the user's language.
    shrinkray::i18n::pin_thread_language(Some("de"));
    let written = install_for_user(&builtin_presets(), r"C:\Shrinkray\shrinkray.exe");
    shrinkray::i18n::pin_thread_language(None);
    let written = written.unwrap();
    assert!(written >= 2 * 3 * builtin_presets().len());
    assert!(installed_for_user());
    let out = std::process::Command::new("reg")
        .args([
            "query",
            r"HKCU\Software\Classes\Directory\shell\Shrinkray\shell\00-web-1920\command",
        ])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains(r#"--preset "Web 1920" "%1""#), "{said}");
    let out = std::process::Command::new("reg")
        .args([
            "query",
            r"HKCU\Software\Classes\Directory\shell\Shrinkray",
            "/v",
            "MUIVerb",
        ])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("Mit Shrinkray verkleinern"), "{said}");
    remove_for_user().unwrap();
    assert!(!installed_for_user());
}

#[cfg(windows)]
#[test]
fn the_app_registers_its_id_so_that_its_toasts_show() {
    use shrinkray::desktop::app_id;
    app_id::register_for_user().unwrap();
    assert!(app_id::registered_for_user());
    let out = std::process::Command::new("reg")
        .args(["query", &format!(r"HKCU\{}", app_id::key()), "/v", "DisplayName"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("Shrinkray"), "toasts show under this name: {said}");
}
