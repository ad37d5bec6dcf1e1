//! "Resize with Shrinkray" in Windows Explorer: a cascading verb on images and folders, one entry per preset,
//! and a "Send to" shortcut per preset. The installer writes the built-ins' verbs per machine
//! (`HKLM\Software\Classes`, from `packaging/windows/menus.nsh`, made here); the app writes the user's presets per
//! user (`HKCU\Software\Classes`). Windows merges the two into `HKEY_CLASSES_ROOT` and the user's keys win where
//! both name the same verb, so the user's presets replace the installer's menu once the app has written them.
//! Windows 11 shows these under "Show more options": its top-level menu needs a signed package with a COM
//! handler, which this is not.

use super::menus::{SUBMENU, ids};
#[cfg(windows)]
use super::registry;
use crate::engine::Preset;

/// The keys below `Software\Classes` whose `shell` gets the verb: every image type, and folders.
pub const ROOTS: [&str; 2] = [r"SystemFileAssociations\image", "Directory"];

/// The verb's key name below each root's `shell`.
pub const VERB: &str = "Shrinkray";

/// One registry value: key below `Software\Classes`, value name (empty: the key's default), string data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegValue {
    /// The key.
    pub key: String,
    /// The value's name.
    pub name: String,
    /// Its data.
    pub data: String,
}

/// The values of the cascading verb for `presets`, each entry running `exe --preset NAME "%1"` (Explorer starts
/// one process per selected item; they meet in one window).
pub fn registry_values(presets: &[Preset], exe: &str) -> Vec<RegValue> {
    let mut values = Vec::new();
    let mut put = |key: String, name: &str, data: String| {
        values.push(RegValue {
            key,
            name: name.to_owned(),
            data,
        })
    };
    for root in ROOTS {
        let verb = format!(r"{root}\shell\{VERB}");
        put(verb.clone(), "MUIVerb", SUBMENU.to_owned());
        put(verb.clone(), "Icon", format!("{exe},0"));
        // Empty: the entries are the `shell` subkeys below.
        put(verb.clone(), "SubCommands", String::new());
        for (i, (preset, id)) in presets.iter().zip(ids(presets)).enumerate() {
            // The number keeps Explorer's (alphabetical) order the presets' order.
            let entry = format!(r"{verb}\shell\{i:02}-{id}");
            put(entry.clone(), "MUIVerb", preset.name.clone());
            // Any number of selected items, each its own process.
            put(entry.clone(), "MultiSelectModel", "Player".to_owned());
            put(
                format!(r"{entry}\command"),
                "",
                format!("\"{exe}\" --preset \"{}\" \"%1\"", preset.name.replace('"', "'")),
            );
        }
    }
    values
}

/// `packaging/windows/menus.nsh`: NSIS macros that write (`ShrinkrayMenus`) and remove (`RemoveShrinkrayMenus`)
/// the built-ins' verbs per machine and their "Send to" shortcuts, for the installer to include.
pub fn nsis_include(presets: &[Preset]) -> String {
    let nsis = |s: &str| s.replace('$', "$$").replace('"', "$\\\"");
    let mut text = format!(
        "; {}: \"{SUBMENU}\" in Explorer for the built-in presets. Made by\n; `shrinkray \
         --write-explorer-menus FILE`; a test keeps it in step with the built-ins.\n\n!macro ShrinkrayMenus\n",
        super::menus::MARK
    );
    for v in registry_values(presets, "$INSTDIR\\shrinkray.exe") {
        // $INSTDIR must stay NSIS's variable; everything else is literal.
        let data = nsis(&v.data).replace("$$INSTDIR", "$INSTDIR");
        text.push_str(&format!(
            "  WriteRegStr HKLM \"Software\\Classes\\{}\" \"{}\" \"{}\"\n",
            v.key, v.name, data
        ));
    }
    for preset in presets {
        text.push_str(&format!(
            "  CreateShortcut \"$SENDTO\\Shrinkray - {}.lnk\" \"$INSTDIR\\shrinkray.exe\" '--preset \"{}\"'\n",
            nsis(&link_name(&preset.name)),
            nsis(&preset.name)
        ));
    }
    text.push_str("!macroend\n\n!macro RemoveShrinkrayMenus\n");
    for root in ROOTS {
        text.push_str(&format!(
            "  DeleteRegKey HKLM \"Software\\Classes\\{root}\\shell\\{VERB}\"\n"
        ));
    }
    for preset in presets {
        text.push_str(&format!(
            "  Delete \"$SENDTO\\Shrinkray - {}.lnk\"\n",
            nsis(&link_name(&preset.name))
        ));
    }
    text.push_str("!macroend\n");
    text
}

/// A preset's name as a file name: the characters Windows refuses in one become `-`.
fn link_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if "<>:\"/\\|?*".contains(c) || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect()
}

/// Writes the verbs for `presets` per user (`HKCU\Software\Classes`), replacing those written before, titled in
/// the current language; `exe` is the program the entries run. Returns the number of values written.
#[cfg(windows)]
pub fn install_for_user(presets: &[Preset], exe: &str) -> std::io::Result<usize> {
    remove_for_user()?;
    let mut values = registry_values(presets, exe);
    // The user's verb is in the language of the moment (the installer's, for every user, stays English).
    #[cfg(feature = "i18n")]
    for v in values.iter_mut().filter(|v| v.name == "MUIVerb" && v.data == SUBMENU) {
        v.data = crate::tr!("menu-resize-with");
    }
    for v in &values {
        registry::set(&format!(r"Software\Classes\{}", v.key), &v.name, &v.data)?;
    }
    Ok(values.len())
}

/// Removes the verbs `install_for_user` wrote.
#[cfg(windows)]
pub fn remove_for_user() -> std::io::Result<()> {
    for root in ROOTS {
        registry::delete_tree(&format!(r"Software\Classes\{root}\shell\{VERB}"))?;
    }
    Ok(())
}

/// Whether the user's verbs are there (written by the app, so it keeps them in step with the presets).
#[cfg(windows)]
pub fn installed_for_user() -> bool {
    registry::exists(&format!(r"Software\Classes\{}\shell\{VERB}", ROOTS[0]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_is_an_entry_under_images_and_folders() {
        let presets = crate::engine::builtin_presets();
        let values = registry_values(&presets, r"C:\Program Files\Shrinkray\shrinkray.exe");
        let commands: Vec<&RegValue> = values.iter().filter(|v| v.key.ends_with(r"\command")).collect();
        assert_eq!(commands.len(), 2 * presets.len());
        assert_eq!(
            commands[0].data,
            r#""C:\Program Files\Shrinkray\shrinkray.exe" --preset "Web 1920" "%1""#
        );
        assert!(
            commands[0]
                .key
                .starts_with(r"SystemFileAssociations\image\shell\Shrinkray\shell\00-web-1920")
        );
        assert_eq!(link_name("a/b: c"), "a-b- c");
    }
}
