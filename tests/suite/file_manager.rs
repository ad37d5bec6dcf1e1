//! "Resize with Shrinkray" in the file managers: the packaged menu files are exactly those the built-in presets
//! give, they validate, a user's own entries survive installing and removing Shrinkray's, and every command line
//! the menus hold, run as the file manager runs it on paths with spaces and non-ASCII names, reaches the running
//! window with the right preset and paths and ends with the copies where the preset says.

#![cfg(all(feature = "gui", unix))]

use crate::common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use common::*;
use image::ImageFormat;
use shrinkray::desktop::{UserFolders, install, menu_files, remove};
use shrinkray::engine::{JobHandle, JobOptions, PresetOutput, Presets, Settings, beside_each_input, builtin_presets};
use shrinkray::ui::single_instance::{Claim, Handoff, Place, claim};

fn packaged() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("packaging/linux/file-manager")
}

fn files_below(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                found.push(path.strip_prefix(dir).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    found.sort();
    found
}

#[test]
fn the_packaged_menus_are_those_of_the_builtin_presets() {
    let generated = menu_files(&builtin_presets(), "shrinkray");
    let mut expected: Vec<String> = generated.iter().map(|f| f.relative.clone()).collect();
    expected.sort();
    assert_eq!(
        files_below(&packaged()),
        expected,
        "regenerate with: cargo run --bin shrinkray -- --write-file-manager-menus packaging/linux/file-manager"
    );
    for file in generated {
        assert_eq!(
            fs::read_to_string(packaged().join(&file.relative)).unwrap(),
            file.text,
            "{} is out of date: cargo run --bin shrinkray -- --write-file-manager-menus packaging/linux/file-manager",
            file.relative
        );
    }
}

/// The groups of an INI-style file, each as key → value.
fn ini(text: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut groups: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut current = String::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name.to_owned();
            groups.entry(current.clone()).or_default();
        } else if let Some((k, v)) = line.split_once('=') {
            groups
                .entry(current.clone())
                .or_default()
                .insert(k.to_owned(), v.to_owned());
        } else {
            panic!("not a key or group: {line:?}");
        }
    }
    groups
}

#[test]
fn the_menu_files_validate() {
    let dir = packaged();
    let validate = |path: &Path| {
        let out = Command::new("desktop-file-validate")
            .arg(path)
            .output()
            .expect("desktop-file-validate (desktop-file-utils; ./run test installs it)");
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
    };
    for file in fs::read_dir(dir.join("Thunar/sendto")).unwrap() {
        let path = file.unwrap().path();
        assert_eq!(validate(&path), "", "{}", path.display());
    }
    // A KDE service menu is a Service, which the validator knows only as far as to object to its MimeType and
    // Actions keys: nothing else may be wrong.
    let dolphin = dir.join("kio/servicemenus/org.shrinkray.Shrinkray.desktop");
    let said = validate(&dolphin);
    for line in said.lines() {
        assert!(
            line.contains("key \"MimeType\" is present") || line.contains("key \"Actions\" is present"),
            "{line}"
        );
    }
    let groups = ini(&fs::read_to_string(&dolphin).unwrap());
    let actions = &groups["Desktop Entry"]["Actions"];
    for id in actions.trim_end_matches(';').split(';') {
        let action = &groups[&format!("Desktop Action {id}")];
        assert!(action["Exec"].starts_with("shrinkray --preset "), "{action:?}");
    }

    let py = Command::new("python3")
        .args(["-m", "py_compile"])
        .arg(dir.join("nautilus-python/extensions/shrinkray.py"))
        .env("PYTHONPYCACHEPREFIX", tempfile::tempdir().unwrap().path())
        .status()
        .expect("python3");
    assert!(py.success());

    // Nemo actions and FileManager-Actions are not desktop entries: their own required keys.
    for file in fs::read_dir(dir.join("nemo/actions")).unwrap() {
        let path = file.unwrap().path();
        let groups = ini(&fs::read_to_string(&path).unwrap());
        let action = &groups["Nemo Action"];
        for key in ["Name", "Exec", "Selection", "Mimetypes"] {
            assert!(action.contains_key(key), "{key} in {}", path.display());
        }
        assert!(action["Exec"].contains("%F"));
    }
    let fma = dir.join("file-manager/actions");
    let menu = ini(&fs::read_to_string(fma.join("shrinkray-menu.desktop")).unwrap());
    assert_eq!(menu["Desktop Entry"]["Type"], "Menu");
    for id in menu["Desktop Entry"]["ItemsList"].trim_end_matches(';').split(';') {
        let action = ini(&fs::read_to_string(fma.join(format!("{id}.desktop"))).unwrap());
        assert_eq!(action["Desktop Entry"]["Type"], "Action");
        assert_eq!(action["Desktop Entry"]["Profiles"], "main;");
        assert!(action["X-Action-Profile main"]["Exec"].contains("%F"));
    }
}

/// The Nautilus extension's submenu title and first preset's tooltip under the environment `env`, as Nautilus
/// (its Python, with stand-ins for the GObject modules) would see them.
fn nautilus_words(env: &[(&str, &str)]) -> String {
    let stub = tempfile::tempdir().unwrap();
    fs::create_dir(stub.path().join("gi")).unwrap();
    fs::write(stub.path().join("gi/__init__.py"), "").unwrap();
    fs::write(
        stub.path().join("gi/repository.py"),
        "class GObject:\n    class GObject: pass\nclass Nautilus:\n    class MenuProvider: pass\n",
    )
    .unwrap();
    let script = "import importlib.util, sys\n\
        spec = importlib.util.spec_from_file_location('shrinkray', sys.argv[1])\n\
        m = importlib.util.module_from_spec(spec)\n\
        spec.loader.exec_module(m)\n\
        language = m._language()\n\
        name, description, elsewhere = m.PRESETS[0]\n\
        print(m.TITLES.get(language, ('Resize with Shrinkray',))[0], '|', elsewhere.get(language, description))\n";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(packaged().join("nautilus-python/extensions/shrinkray.py"))
        .env_clear()
        .env("PYTHONPATH", stub.path())
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .envs(env.iter().copied())
        .output()
        .expect("python3");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

#[test]
fn the_menus_speak_each_users_language() {
    let dolphin =
        ini(&fs::read_to_string(packaged().join("kio/servicemenus/org.shrinkray.Shrinkray.desktop")).unwrap());
    let entry = &dolphin["Desktop Entry"];
    assert_eq!(entry["Name"], "Resize with Shrinkray");
    assert_eq!(entry["Name[de]"], "Mit Shrinkray verkleinern");
    assert_eq!(entry["X-KDE-Submenu[zh_CN]"], "用 Shrinkray 缩小");
    let fma = ini(&fs::read_to_string(packaged().join("file-manager/actions/shrinkray-menu.desktop")).unwrap());
    assert_eq!(fma["Desktop Entry"]["Name[fr]"], "Réduire avec Shrinkray");
    let nemo = ini(&fs::read_to_string(packaged().join("nemo/actions/shrinkray-web-1920.nemo_action")).unwrap());
    assert_eq!(
        nemo["Nemo Action"]["Comment[de]"],
        "JPEG für Websites: passt in 1920×1920, Qualität 85, Ort entfernt"
    );

    let web = "JPEG for websites: fits 1920×1920, quality 85, location removed";
    assert_eq!(nautilus_words(&[]), format!("Resize with Shrinkray | {web}"));
    assert_eq!(
        nautilus_words(&[("LANG", "de_DE.UTF-8")]),
        "Mit Shrinkray verkleinern | JPEG für Websites: passt in 1920×1920, Qualität 85, Ort entfernt"
    );
    assert_eq!(
        nautilus_words(&[("LANG", "de_DE.UTF-8"), ("LC_ALL", "C")]),
        format!("Resize with Shrinkray | {web}"),
        "C means English, as in the app"
    );
    assert!(nautilus_words(&[("LANG", "pt_PT.UTF-8")]).starts_with("Reduzir com o Shrinkray |"));
    assert!(nautilus_words(&[("LANG", "fr_FR.UTF-8"), ("LANGUAGE", "zh_CN:fr")]).starts_with("用 Shrinkray 缩小 |"));
}

#[test]
fn installing_for_a_user_keeps_their_own_entries_and_removing_takes_only_ours() {
    let home = tempfile::tempdir().unwrap();
    let folders = UserFolders {
        data: home.path().join("data"),
        config: home.path().join("config"),
    };
    let theirs = folders.data.join("nemo/actions/shrinkray-web-1920.nemo_action");
    fs::create_dir_all(theirs.parent().unwrap()).unwrap();
    fs::write(&theirs, "[Nemo Action]\nName=the user's own\n").unwrap();
    let uca = folders.config.join("Thunar/uca.xml");
    fs::create_dir_all(uca.parent().unwrap()).unwrap();
    let own_action = "<action>\n\t<name>Open terminal here</name>\n\t<unique-id>1234</unique-id>\n\t\
                      <command>xterm</command>\n</action>";
    fs::write(
        &uca,
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<actions>\n{own_action}\n</actions>\n"),
    )
    .unwrap();

    let presets = builtin_presets();
    let done = install(&folders, &presets, "shrinkray");
    assert_eq!(
        done.problems.len(),
        1,
        "only the user's own file is refused: {:?}",
        done.problems
    );
    assert!(done.problems[0].contains("did not make"), "{:?}", done.problems);
    assert_eq!(
        fs::read_to_string(&theirs).unwrap(),
        "[Nemo Action]\nName=the user's own\n"
    );
    assert!(
        folders
            .data
            .join("kio/servicemenus/org.shrinkray.Shrinkray.desktop")
            .is_file()
    );
    let script = folders.data.join("nautilus/scripts/Resize with Shrinkray/Web 1920");
    assert!(script.is_file());
    let xml = fs::read_to_string(&uca).unwrap();
    assert!(
        xml.contains(own_action) && xml.contains("<unique-id>shrinkray-web-1920</unique-id>"),
        "{xml}"
    );
    let lint = Command::new("xmllint")
        .arg("--noout")
        .arg(&uca)
        .status()
        .expect("xmllint");
    assert!(lint.success());

    // Again: the same files, nothing doubled.
    install(&folders, &presets, "shrinkray");
    assert_eq!(fs::read_to_string(&uca).unwrap(), xml);

    let done = remove(&folders);
    assert!(done.problems.is_empty(), "{:?}", done.problems);
    assert!(
        !script.exists()
            && !folders
                .data
                .join("kio/servicemenus/org.shrinkray.Shrinkray.desktop")
                .exists()
    );
    assert!(theirs.is_file(), "the user's own entry stays");
    let xml = fs::read_to_string(&uca).unwrap();
    assert!(xml.contains(own_action) && !xml.contains("shrinkray-"), "{xml}");
}

/// An `Exec` value split into arguments as the Desktop Entry specification says, `%F` given `paths`.
fn desktop_exec(value: &str, paths: &[PathBuf]) -> Vec<String> {
    let mut unescaped = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('s') => unescaped.push(' '),
                Some('\\') => unescaped.push('\\'),
                Some(other) => {
                    unescaped.push('\\');
                    unescaped.push(other);
                }
                None => {}
            }
        } else {
            unescaped.push(c);
        }
    }
    let mut args: Vec<String> = Vec::new();
    let (mut word, mut in_word, mut quoted) = (String::new(), false, false);
    let mut chars = unescaped.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                quoted = !quoted;
                in_word = true;
            }
            '\\' if quoted => word.extend(chars.next()),
            c if c.is_whitespace() && !quoted => {
                if in_word {
                    args.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            c => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        args.push(word);
    }
    let mut out = Vec::new();
    for arg in args {
        if arg == "%F" {
            out.extend(paths.iter().map(|p| p.to_string_lossy().into_owned()));
        } else {
            out.push(arg.replace("%%", "%"));
        }
    }
    out
}

fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

#[test]
fn every_menu_command_line_ends_with_the_copies_where_the_preset_says() {
    let dir = tempfile::tempdir().unwrap();
    let runtime = dir.path().join("run");
    let Claim::Primary(endpoint) = claim(&Place::in_dir(&runtime), &Handoff::default()).unwrap() else {
        panic!("the test is the running window");
    };
    let (tx, rx) = crossbeam_channel::unbounded();
    endpoint.serve(tx, || {}).unwrap();
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_shrinkray")).parent().unwrap().to_owned();
    let path_var = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());

    let photos = dir.path().join("Fotos für Oma");
    let folder = photos.join("Été 2026 (Nice)");
    fs::create_dir_all(&folder).unwrap();
    write_photo(&folder.join("a b.jpg"), 2400, 1200, ImageFormat::Jpeg);
    let loose = write_photo(&photos.join("lose Ü 'quote'.jpg"), 1800, 1200, ImageFormat::Jpeg);
    let selection = vec![folder.clone(), loose.clone()];

    // Every command line, as its file manager runs it.
    let mut launches: Vec<(String, Command)> = Vec::new();
    let mut exec = |what: String, argv: Vec<String>| {
        let mut cmd = Command::new(&argv[0]);
        cmd.args(&argv[1..]);
        launches.push((what, cmd));
    };
    for file in menu_files(&builtin_presets(), "shrinkray") {
        if file.relative.ends_with(".py") {
            continue;
        }
        for (group, keys) in ini(&file.text) {
            if let Some(value) = keys.get("Exec") {
                exec(format!("{} [{group}]", file.relative), desktop_exec(value, &selection));
            }
        }
    }
    let home = tempfile::tempdir().unwrap();
    let folders = UserFolders {
        data: home.path().join("data"),
        config: home.path().join("config"),
    };
    assert!(install(&folders, &builtin_presets(), "shrinkray").problems.is_empty());
    let listed: String = selection.iter().map(|p| format!("{}\n", p.display())).collect();
    for script in fs::read_dir(folders.data.join("nautilus/scripts/Resize with Shrinkray")).unwrap() {
        let script = script.unwrap().path();
        let mut cmd = Command::new(&script);
        cmd.env("NAUTILUS_SCRIPT_SELECTED_FILE_PATHS", &listed);
        launches.push((format!("Nautilus script {}", script.display()), cmd));
    }
    let uca = fs::read_to_string(folders.config.join("Thunar/uca.xml")).unwrap();
    for command in uca
        .split("<command>")
        .skip(1)
        .filter_map(|c| c.split_once("</command>"))
        .map(|c| c.0)
    {
        let command = command
            .replace("&apos;", "'")
            .replace("&quot;", "\"")
            .replace("&amp;", "&");
        let quoted: Vec<String> = selection.iter().map(|p| sh_quote(&p.to_string_lossy())).collect();
        let mut cmd = Command::new("sh");
        cmd.args(["-c", &command.replace("%F", &quoted.join(" "))]);
        launches.push((format!("Thunar custom action {command}"), cmd));
    }

    let mut presets_seen = std::collections::BTreeSet::new();
    for (what, mut cmd) in launches {
        let status = cmd
            .env("PATH", &path_var)
            .env("SHRINKRAY_RUNTIME_DIR", &runtime)
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .status()
            .unwrap();
        assert!(status.success(), "{what}");
        let handoff = rx
            .recv_timeout(Duration::from_secs(20))
            .unwrap_or_else(|_| panic!("{what}: nothing arrived"));
        assert_eq!(handoff.paths, selection, "{what}");
        let preset = handoff.preset.unwrap_or_else(|| panic!("{what}: no preset"));
        assert!(Presets::builtin().find(&preset).is_some(), "{what}: {preset}");
        presets_seen.insert(preset);
    }
    assert_eq!(presets_seen.len(), builtin_presets().len(), "{presets_seen:?}");

    // What the window then does with each: the copies land where the preset says.
    for name in presets_seen {
        let preset = Presets::builtin().find(&name).unwrap().clone();
        if !JXL && name.contains("JPEG XL") {
            continue;
        }
        let PresetOutput::Beside(sub) = &preset.output else {
            panic!("the built-ins put their copies beside the photos");
        };
        let settings = preset.apply_to(&Settings::default());
        let groups = beside_each_input(&selection, sub).unwrap();
        let job = JobHandle::start_groups(groups, settings, JobOptions::default(), Arc::new(|| {})).unwrap();
        let events = collect(&job);
        assert_eq!(failures(&events), vec![], "{name}");
        let copies = |d: &Path| {
            fs::read_dir(d.join(sub)).map_or(0, |r| {
                r.flatten()
                    .filter(|e| e.path().is_file() && !e.file_name().to_string_lossy().starts_with('.'))
                    .count()
            })
        };
        assert!(
            copies(&folder) >= 1 && copies(&photos) >= 1,
            "{name}: copies in {sub}/ beside each"
        );
    }
}
