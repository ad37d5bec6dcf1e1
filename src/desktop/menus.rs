//! "Resize with Shrinkray" in each file manager's menu, one entry per preset, as the text of the files each file
//! manager reads. Every entry runs `shrinkray --preset NAME` with the selected paths; the running window takes
//! them (`ui::single_instance`), so a selection launched file by file still makes one run.

use crate::engine::Preset;

/// The first line (or comment) of every file made here: what `install` looks for before it replaces or removes
/// a file, so a file the user wrote is never touched.
pub const MARK: &str = "Made by Shrinkray";

/// The submenu's title where the file manager has submenus.
pub const SUBMENU: &str = "Resize with Shrinkray";

/// The submenu's tooltip where the file manager shows one.
const TIP: &str = "Make smaller copies";

/// The types the menus appear for: the images Shrinkray reads, and folders.
pub const MIME_TYPES: &[&str] = &[
    "image/jpeg",
    "image/png",
    "image/webp",
    "image/gif",
    "image/bmp",
    "image/tiff",
    "image/heif",
    "image/heic",
    "image/avif",
    "image/jxl",
    "image/x-tga",
    "image/x-icon",
    "image/vnd.microsoft.icon",
    "image/x-portable-anymap",
    "image/qoi",
    "inode/directory",
];

/// One file of the menus: where it goes below a data folder (`/usr/share` or `~/.local/share`) and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MenuFile {
    /// Path below the data folder, e.g. `kio/servicemenus/org.shrinkray.Shrinkray.desktop`.
    pub relative: String,
    /// The file's contents.
    pub text: String,
    /// Whether it must be executable (Nautilus scripts, KDE 6 service menus in a user's folder).
    pub executable: bool,
}

/// Every menu file for `presets`: Dolphin (one service menu with a submenu), Nemo and Thunar (flat
/// "Shrinkray: NAME" entries, as they have no submenus), FileManager-Actions for Caja and PCManFM (a menu and
/// one action per preset), and the Nautilus extension. `program` is the command the entries run (`shrinkray`).
pub fn menu_files(presets: &[Preset], program: &str) -> Vec<MenuFile> {
    let ids = ids(presets);
    let mut files = vec![dolphin(presets, &ids, program)];
    for (preset, id) in presets.iter().zip(&ids) {
        files.push(nemo(preset, id, program));
        files.push(thunar_sendto(preset, id, program));
        files.push(fma_action(preset, id, program));
    }
    files.push(fma_menu(&ids));
    files.push(nautilus(presets, program));
    files
}

/// A file-name-safe id per preset (`web-1920`), unique among them.
pub fn ids(presets: &[Preset]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for preset in presets {
        let slug: String = preset
            .name
            .to_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let base = if slug.is_empty() { "preset".to_owned() } else { slug };
        let mut id = base.clone();
        let mut n = 2;
        while ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        ids.push(id);
    }
    ids
}

/// The `Exec` value that runs `program --preset NAME` on the selection (`%F`), quoted as the Desktop Entry
/// specification says and escaped as its string values are.
pub fn exec_line(program: &str, preset: &str) -> String {
    let line = format!("{} --preset {} %F", quote_arg(program), quote_arg(preset));
    // A string value's own escapes: a backslash is written twice.
    line.replace('\\', "\\\\")
}

/// One argument of an `Exec` line: bare when it has no reserved character, else in double quotes with `"`,
/// `` ` ``, `$` and `\` escaped; `%` is doubled either way (field codes start with it).
fn quote_arg(arg: &str) -> String {
    let arg = arg.replace('%', "%%");
    let reserved = |c: char| c.is_whitespace() || "\"'\\><~|&;$*?#()`=".contains(c);
    if !arg.is_empty() && !arg.contains(reserved) {
        return arg;
    }
    let mut out = String::from('"');
    for c in arg.chars() {
        if matches!(c, '"' | '`' | '$' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// A value on one line: the description or a name, with line breaks made spaces.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

/// The message `key` in every other language built in, by desktop-entry tag (`de`, `pt_BR`): the files carry
/// them all, and each user's file manager shows the one of their language.
fn other_languages(key: &str) -> Vec<(String, String)> {
    #[cfg(feature = "i18n")]
    return by_desktop_tag(crate::i18n::in_other_languages(key));
    #[cfg(not(feature = "i18n"))]
    {
        let _ = key;
        Vec::new()
    }
}

/// A shipped preset's description in every other language, as [`other_languages`] (none for the user's own
/// presets, which are in their own words).
fn description_elsewhere(preset: &Preset) -> Vec<(String, String)> {
    #[cfg(feature = "i18n")]
    return by_desktop_tag(crate::i18n::preset_description_elsewhere(preset));
    #[cfg(not(feature = "i18n"))]
    {
        let _ = preset;
        Vec::new()
    }
}

#[cfg(feature = "i18n")]
fn by_desktop_tag(said: Vec<(&str, String)>) -> Vec<(String, String)> {
    said.into_iter()
        .map(|(tag, text)| (tag.replace('-', "_"), text))
        .collect()
}

/// `key[tag]=text` lines of a desktop entry, one per other language.
fn localized(key: &str, said: &[(String, String)]) -> String {
    said.iter()
        .map(|(tag, text)| format!("{key}[{tag}]={}\n", one_line(text)))
        .collect()
}

fn mime_list() -> String {
    MIME_TYPES.iter().map(|m| format!("{m};")).collect()
}

fn dolphin(presets: &[Preset], ids: &[String], program: &str) -> MenuFile {
    let mut text = format!(
        "# {MARK}: Dolphin's \"{SUBMENU}\" submenu, one entry per preset.\n[Desktop Entry]\nType=Service\n\
         Name={SUBMENU}\n{}\
         ServiceTypes=KonqPopupMenu/Plugin\nX-KDE-ServiceTypes=KonqPopupMenu/Plugin\nMimeType={}\nActions={}\n\
         X-KDE-Submenu={SUBMENU}\n{}Icon=org.shrinkray.Shrinkray\n",
        localized("Name", &other_languages("menu-resize-with")),
        mime_list(),
        ids.iter().map(|id| format!("{id};")).collect::<String>(),
        localized("X-KDE-Submenu", &other_languages("menu-resize-with")),
    );
    for (preset, id) in presets.iter().zip(ids) {
        text.push_str(&format!(
            "\n[Desktop Action {id}]\nName={}\nIcon=org.shrinkray.Shrinkray\nExec={}\n",
            one_line(&preset.name),
            exec_line(program, &preset.name)
        ));
    }
    MenuFile {
        relative: "kio/servicemenus/org.shrinkray.Shrinkray.desktop".to_owned(),
        text,
        executable: true,
    }
}

fn nemo(preset: &Preset, id: &str, program: &str) -> MenuFile {
    // Nemo (Debian 12's 5.6) has no submenus for actions: one flat entry per preset.
    let text = format!(
        "# {MARK}: the Nemo action for the preset {name:?}.\n[Nemo Action]\nName=Shrinkray: {name}\n\
         Comment={comment}\n{comments}Exec={exec}\nIcon-Name=org.shrinkray.Shrinkray\nSelection=notnone\n\
         Mimetypes={mimes}\n",
        name = one_line(&preset.name),
        comment = one_line(&preset.description),
        comments = localized("Comment", &description_elsewhere(preset)),
        exec = exec_line(program, &preset.name),
        mimes = mime_list(),
    );
    MenuFile {
        relative: format!("nemo/actions/shrinkray-{id}.nemo_action"),
        text,
        executable: false,
    }
}

fn thunar_sendto(preset: &Preset, id: &str, program: &str) -> MenuFile {
    let text = format!(
        "# {MARK}: Thunar's \"Send To\" entry for the preset {name:?}.\n[Desktop Entry]\nType=Application\n\
         Version=1.0\nName=Shrinkray: {name}\nComment={comment}\n{comments}Icon=org.shrinkray.Shrinkray\n\
         Exec={exec}\nMimeType={mimes}\n",
        name = one_line(&preset.name),
        comment = one_line(&preset.description),
        comments = localized("Comment", &description_elsewhere(preset)),
        exec = exec_line(program, &preset.name),
        mimes = mime_list(),
    );
    MenuFile {
        relative: format!("Thunar/sendto/shrinkray-{id}.desktop"),
        text,
        executable: false,
    }
}

fn fma_action(preset: &Preset, id: &str, program: &str) -> MenuFile {
    let text = format!(
        "# {MARK}: the FileManager-Actions entry (Caja, PCManFM) for the preset {name:?}.\n[Desktop Entry]\n\
         Type=Action\nName={name}\nTooltip={comment}\n{comments}Icon=org.shrinkray.Shrinkray\nProfiles=main;\n\n\
         [X-Action-Profile main]\nName=Resize\nExec={exec}\nMimeTypes={mimes}\n",
        name = one_line(&preset.name),
        comment = one_line(&preset.description),
        comments = localized("Tooltip", &description_elsewhere(preset)),
        exec = exec_line(program, &preset.name),
        mimes = mime_list(),
    );
    MenuFile {
        relative: format!("file-manager/actions/shrinkray-{id}.desktop"),
        text,
        executable: false,
    }
}

fn fma_menu(ids: &[String]) -> MenuFile {
    let items: String = ids.iter().map(|id| format!("shrinkray-{id};")).collect();
    let text = format!(
        "# {MARK}: the FileManager-Actions submenu holding the presets' actions.\n[Desktop Entry]\nType=Menu\n\
         Name={SUBMENU}\n{}Icon=org.shrinkray.Shrinkray\nItemsList={items}\n",
        localized("Name", &other_languages("menu-resize-with"))
    );
    MenuFile {
        relative: "file-manager/actions/shrinkray-menu.desktop".to_owned(),
        text,
        executable: false,
    }
}

fn nautilus(presets: &[Preset], program: &str) -> MenuFile {
    let list: String = presets
        .iter()
        .map(|p| {
            format!(
                "    ({}, {}, {{{}}}),\n",
                py_str(&p.name),
                py_str(&p.description),
                py_descriptions(p)
            )
        })
        .collect();
    let titles: String = other_languages("menu-resize-with")
        .iter()
        .zip(other_languages("menu-resize-tip"))
        .map(|((tag, title), (_, tip))| format!("    {}: ({}, {}),\n", py_str(tag), py_str(title), py_str(&tip)))
        .collect();
    let text = NAUTILUS_TEMPLATE
        .replace("{MARK}", MARK)
        .replace("{SUBMENU}", &py_str(SUBMENU))
        .replace("{TIP}", &py_str(TIP))
        .replace("{TITLES}", &titles)
        .replace("{PROGRAM}", &py_str(program))
        .replace("{PRESETS}", &list);
    MenuFile {
        relative: "nautilus-python/extensions/shrinkray.py".to_owned(),
        text,
        executable: false,
    }
}

/// A Python dict's items: a shipped preset's description by language tag (`pt_BR`).
fn py_descriptions(preset: &Preset) -> String {
    description_elsewhere(preset)
        .iter()
        .map(|(tag, said)| format!("{}: {}", py_str(tag), py_str(said)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A Python string literal (JSON's escapes are Python's for these characters).
fn py_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
}

/// The Nautilus extension, with `{MARK}`, `{PROGRAM}`, `{PRESETS}`, `{TITLES}`, `{SUBMENU}` and `{TIP}` to fill.
const NAUTILUS_TEMPLATE: &str = include_str!("nautilus.py.in");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exec_lines_quote_what_the_specification_reserves() {
        assert_eq!(exec_line("shrinkray", "Web 1920"), "shrinkray --preset \"Web 1920\" %F");
        assert_eq!(exec_line("shrinkray", "Mine"), "shrinkray --preset Mine %F");
        assert_eq!(
            exec_line("shrinkray", "50% \"best\" $HOME"),
            "shrinkray --preset \"50%% \\\\\"best\\\\\" \\\\$HOME\" %F"
        );
    }

    #[test]
    fn ids_are_unique_and_safe() {
        let preset = |name: &str| Preset {
            name: name.to_owned(),
            ..crate::engine::builtin_presets()[0].clone()
        };
        let presets = [preset("Web 1920"), preset("web-1920"), preset("Ünï ✓")];
        assert_eq!(ids(&presets), ["web-1920", "web-1920-2", "n"]);
    }
}
