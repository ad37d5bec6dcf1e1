//! The app's menu commands, done without a window: `--install-file-manager-actions` (the menus for the user's
//! presets in the user's folders; on Windows, Explorer's verbs under `HKEY_CURRENT_USER`),
//! `--remove-file-manager-actions`, and for packaging `--write-file-manager-menus DIR` (the built-ins' menus
//! below DIR as below `/usr/share`) and `--write-explorer-menus FILE` (the installer's `menus.nsh`).

use std::path::Path;

use shrinkray::desktop::{MARK, explorer, menu_files};
use shrinkray::engine::{Presets, builtin_presets, write_marked};

/// The exit status of the command given, or none when the arguments ask for the window.
pub fn run() -> Option<i32> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match args.first().map(String::as_str)? {
        "--install-file-manager-actions" => install(),
        "--remove-file-manager-actions" => remove(),
        "--write-file-manager-menus" => match args.get(1) {
            Some(dir) => write_packaged(Path::new(dir)),
            None => usage("--write-file-manager-menus needs a folder"),
        },
        "--write-explorer-menus" => match args.get(1) {
            Some(file) => {
                let text = explorer::nsis_include(&builtin_presets());
                written(Path::new(file), write_marked(Path::new(file), &text, MARK, false))
            }
            None => usage("--write-explorer-menus needs a file"),
        },
        _ => return None,
    };
    Some(code)
}

fn usage(why: &str) -> i32 {
    eprintln!("shrinkray: {why}");
    2
}

fn written(path: &Path, result: std::io::Result<()>) -> i32 {
    match result {
        Ok(()) => {
            println!("wrote {}", path.display());
            0
        }
        Err(e) => {
            eprintln!("shrinkray: cannot write the menu file: {e}: {}", path.display());
            1
        }
    }
}

fn write_packaged(dir: &Path) -> i32 {
    let mut code = 0;
    for file in menu_files(&builtin_presets(), "shrinkray") {
        let path = dir.join(&file.relative);
        code = code.max(written(&path, write_marked(&path, &file.text, MARK, file.executable)));
    }
    code
}

fn user_presets() -> Presets {
    let presets = Presets::load_user();
    for problem in &presets.problems {
        eprintln!("shrinkray: {problem}");
    }
    presets
}

fn install() -> i32 {
    report(shrinkray::desktop::install_for_user(&user_presets().list))
}

fn remove() -> i32 {
    report(shrinkray::desktop::remove_for_user())
}

fn report(done: shrinkray::desktop::Installed) -> i32 {
    for path in &done.written {
        println!("wrote {}", path.display());
    }
    for path in &done.removed {
        println!("removed {}", path.display());
    }
    for problem in &done.problems {
        eprintln!("shrinkray: {problem}");
    }
    i32::from(!done.problems.is_empty())
}
