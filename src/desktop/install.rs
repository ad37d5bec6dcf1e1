//! Putting the menus in the user's own folders (`shrinkray --install-file-manager-actions`, or "Add to file
//! manager" in the app), made from the user's presets, and taking them out again. Only files carrying
//! Shrinkray's mark are replaced or removed; Thunar's `uca.xml`, which holds the user's own custom actions too,
//! gets Shrinkray's actions merged in and theirs kept.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::menus::{MARK, SUBMENU, ids, menu_files};
use crate::engine::{Preset, remove_empty_folder, remove_marked, write_marked};

/// The user's folders the menus go in.
#[derive(Clone, Debug)]
pub struct UserFolders {
    /// `$XDG_DATA_HOME`, else `~/.local/share`.
    pub data: PathBuf,
    /// `$XDG_CONFIG_HOME`, else `~/.config`.
    pub config: PathBuf,
}

impl UserFolders {
    /// The current user's, from the environment; none without a home folder.
    pub fn from_env() -> Option<Self> {
        let home = std::env::var_os("HOME").map(PathBuf::from);
        let xdg = |var: &str, fallback: &str| {
            std::env::var_os(var)
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
                .or_else(|| home.as_ref().map(|h| h.join(fallback)))
        };
        Some(Self {
            data: xdg("XDG_DATA_HOME", ".local/share")?,
            config: xdg("XDG_CONFIG_HOME", ".config")?,
        })
    }

    fn uca(&self) -> PathBuf {
        self.config.join("Thunar/uca.xml")
    }

    fn scripts(&self) -> PathBuf {
        self.data.join("nautilus/scripts").join(SUBMENU)
    }
}

/// The command the user's menus run: the AppImage when Shrinkray runs from one (`$APPIMAGE`), `shrinkray`
/// when that name on the `PATH` is this program (as the .deb installs it), else this program's own path.
pub fn menu_program() -> String {
    if let Some(appimage) = std::env::var_os("APPIMAGE").filter(|a| !a.is_empty()) {
        return PathBuf::from(appimage).display().to_string();
    }
    let me = std::env::current_exe().ok().and_then(|p| fs::canonicalize(p).ok());
    let on_path = std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|dir| fs::canonicalize(dir.join("shrinkray")).ok() == me && me.is_some())
    });
    match me {
        Some(me) if !on_path => me.display().to_string(),
        _ => "shrinkray".to_owned(),
    }
}

/// Where the menus went, and what could not be written (each a message ending with the path).
#[derive(Debug, Default)]
pub struct Installed {
    /// Files written.
    pub written: Vec<PathBuf>,
    /// Shrinkray's files removed (presets that are gone, or everything on removal).
    pub removed: Vec<PathBuf>,
    /// What failed.
    pub problems: Vec<String>,
}

/// Writes the menus for `presets` into the user's folders, replacing those an earlier install made (a preset
/// deleted since loses its entry). `program` is what the entries run.
pub fn install(folders: &UserFolders, presets: &[Preset], program: &str) -> Installed {
    let mut done = Installed::default();
    // Thunar's actions are replaced in the one rewrite below.
    remove_entries(folders, &mut done);
    done.removed.clear();
    for file in menu_files(presets, program) {
        let path = folders.data.join(&file.relative);
        match write_marked(&path, &file.text, MARK, file.executable) {
            Ok(()) => done.written.push(path),
            Err(e) => done
                .problems
                .push(format!("cannot write the menu entry: {e}: {}", path.display())),
        }
    }
    for preset in presets {
        // The script's file name is the menu item's label; a slash would make it a folder.
        let path = folders.scripts().join(preset.name.replace(['/', '\\'], "-"));
        match write_marked(&path, &nautilus_script(program, &preset.name), MARK, true) {
            Ok(()) => done.written.push(path),
            Err(e) => done
                .problems
                .push(format!("cannot write the Nautilus script: {e}: {}", path.display())),
        }
    }
    let uca = folders.uca();
    match merge_uca(&uca, Some((presets, program))) {
        Ok(true) => done.written.push(uca),
        Ok(false) => {}
        Err(e) => done
            .problems
            .push(format!("cannot add Thunar's custom actions: {e}: {}", uca.display())),
    }
    done
}

/// Takes out every menu entry an install made; the user's own files and Thunar actions stay.
pub fn remove(folders: &UserFolders) -> Installed {
    let mut done = Installed::default();
    remove_entries(folders, &mut done);
    let scripts = folders.scripts();
    if let Err(e) = remove_empty_folder(&scripts) {
        done.problems
            .push(format!("cannot remove the scripts folder: {e}: {}", scripts.display()));
    }
    let uca = folders.uca();
    match merge_uca(&uca, None) {
        Ok(true) => done.removed.push(uca),
        Ok(false) => {}
        Err(e) => done
            .problems
            .push(format!("cannot update Thunar's custom actions: {e}: {}", uca.display())),
    }
    done
}

/// Removes the menu files an install made (those carrying Shrinkray's mark), noting each in `done`.
fn remove_entries(folders: &UserFolders, done: &mut Installed) {
    let folders_with_ours = [
        folders.data.join("kio/servicemenus"),
        folders.data.join("nemo/actions"),
        folders.data.join("Thunar/sendto"),
        folders.data.join("file-manager/actions"),
        folders.data.join("nautilus-python/extensions"),
        folders.scripts(),
    ];
    for dir in folders_with_ours {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().to_lowercase();
            let candidate =
                name.starts_with("shrinkray") || name.starts_with("org.shrinkray") || dir.ends_with(SUBMENU);
            if !candidate {
                continue;
            }
            match remove_marked(&path, MARK) {
                Ok(true) => done.removed.push(path),
                Ok(false) => {}
                Err(e) => done
                    .problems
                    .push(format!("cannot remove the menu entry: {e}: {}", path.display())),
            }
        }
    }
}

/// A Nautilus script: Nautilus lists the selection, one path a line, in an environment variable.
fn nautilus_script(program: &str, preset: &str) -> String {
    format!(
        "#!/bin/sh\n# {MARK}: the Nautilus script for the preset {preset:?}.\nset -f\nIFS='\n'\n\
         exec {} --preset {} $NAUTILUS_SCRIPT_SELECTED_FILE_PATHS\n",
        sh_quote(program),
        sh_quote(preset)
    )
}

/// One shell word, in single quotes.
fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Thunar's custom actions with Shrinkray's replaced by those for `with` (none: taken out). Says whether the
/// file changed. A file that is not Thunar's `<actions>` list is left alone and reported.
fn merge_uca(path: &Path, with: Option<(&[Preset], &str)>) -> io::Result<bool> {
    let old = match fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if old.is_none() && with.is_none() {
        return Ok(false);
    }
    let old = old.unwrap_or_else(|| "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<actions>\n</actions>\n".to_owned());
    let Some(end) = old.rfind("</actions>") else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "not a list of Thunar actions",
        ));
    };
    // The user's actions, as they were; Shrinkray's are known by their unique id.
    let mut kept = String::new();
    let mut rest = &old[..end];
    while let Some(start) = rest.find("<action>") {
        let Some(close) = rest[start..].find("</action>").map(|i| start + i + "</action>".len()) else {
            break;
        };
        kept.push_str(&rest[..start]);
        let block = &rest[start..close];
        if !block.contains("<unique-id>shrinkray-") {
            kept.push_str(block);
        }
        rest = &rest[close..];
    }
    kept.push_str(rest);
    let mut text = kept.trim_end().to_owned();
    text.push('\n');
    if let Some((presets, program)) = with {
        let patterns =
            "*.jpg;*.jpeg;*.png;*.webp;*.gif;*.bmp;*.tif;*.tiff;*.heic;*.heif;*.avif;*.jxl;*.tga;*.ico;*.qoi;*";
        for (preset, id) in presets.iter().zip(ids(presets)) {
            let command = format!("{} --preset {} %F", sh_quote(program), sh_quote(&preset.name));
            text.push_str(&format!(
                "<action>\n\t<icon>org.shrinkray.Shrinkray</icon>\n\t<name>Shrinkray: {}</name>\n\t\
                 <unique-id>shrinkray-{id}</unique-id>\n\t<command>{}</command>\n\t<description>{}</description>\n\t\
                 <patterns>{patterns}</patterns>\n\t<directories/>\n\t<image-files/>\n</action>\n",
                xml_escape(&preset.name),
                xml_escape(&command),
                xml_escape(&format!("{MARK}: {}", preset.description)),
            ));
        }
    }
    text.push_str(&old[end..]);
    if text == old {
        return Ok(false);
    }
    // The user's file, edited rather than ours: written whole through the guard like everything else.
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let (mut file, side) = crate::engine::SideFile::create(path, &crate::engine::Protected::default(), "uca-")?;
    io::Write::write_all(&mut file, text.as_bytes())?;
    file.sync_all()?;
    side.commit()?;
    Ok(true)
}
