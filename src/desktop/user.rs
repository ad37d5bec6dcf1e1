//! The menus for one user, whatever the system: the file managers' files in the user's folders, or on Windows
//! Explorer's verbs under `HKEY_CURRENT_USER`. What the app's "Add to file manager" and the command line's
//! `--install-file-manager-actions` do alike.

use crate::engine::Preset;

use super::install::Installed;

/// Writes the user's menus for `presets`, replacing those written before.
pub fn install_for_user(presets: &[Preset]) -> Installed {
    #[cfg(windows)]
    {
        let exe = std::env::current_exe()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| "shrinkray.exe".to_owned());
        registry_result(super::explorer::install_for_user(presets, &exe).map(drop), true)
    }
    #[cfg(not(windows))]
    {
        match super::install::UserFolders::from_env() {
            Some(folders) => super::install::install(&folders, presets, &super::install::menu_program()),
            None => no_home(),
        }
    }
}

/// Takes the user's menus out.
pub fn remove_for_user() -> Installed {
    #[cfg(windows)]
    {
        registry_result(super::explorer::remove_for_user(), false)
    }
    #[cfg(not(windows))]
    {
        match super::install::UserFolders::from_env() {
            Some(folders) => super::install::remove(&folders),
            None => no_home(),
        }
    }
}

/// Whether the user's menus are there (so the app keeps them in step with the presets).
pub fn installed_for_user() -> bool {
    #[cfg(windows)]
    {
        super::explorer::installed_for_user()
    }
    #[cfg(not(windows))]
    {
        super::install::UserFolders::from_env().is_some_and(|f| {
            f.data
                .join("kio/servicemenus/org.shrinkray.Shrinkray.desktop")
                .is_file()
        })
    }
}

#[cfg(not(windows))]
fn no_home() -> Installed {
    Installed {
        problems: vec!["there is no home folder for the menus (set HOME)".to_owned()],
        ..Installed::default()
    }
}

/// A registry change as what it wrote or removed.
#[cfg(windows)]
fn registry_result(result: std::io::Result<()>, written: bool) -> Installed {
    const CLASSES: &str = r"HKEY_CURRENT_USER\Software\Classes";
    let mut done = Installed::default();
    match result {
        Ok(()) if written => done.written.push(CLASSES.into()),
        Ok(()) => done.removed.push(CLASSES.into()),
        Err(e) => done
            .problems
            .push(format!("cannot change Explorer's menu: {e}: {CLASSES}")),
    }
    done
}
