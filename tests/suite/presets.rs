//! Named presets: the file round-trips (presets → file → the same presets), what it does not understand is
//! reported rather than dropped in silence, a broken file gives the built-ins and one clear message, and the
//! CLI's `--list-presets`, `--preset` (explicit options win) and `--save-preset` work on a temporary
//! configuration folder.

use crate::common;

use std::fs;
use std::process::Command;

use common::*;
use image::ImageFormat;
use shrinkray::engine::{OutputFormat, Preset, PresetOutput, Presets, ResizeMode, Settings, builtin_presets};

#[test]
fn at_least_four_builtins_with_names_and_descriptions() {
    let builtins = builtin_presets();
    assert!(builtins.len() >= 4);
    for p in &builtins {
        assert!(!p.name.is_empty() && !p.description.is_empty(), "{p:?}");
        assert_eq!(
            p.settings.output_dir, None,
            "{}: no folder of the machine it was made on",
            p.name
        );
    }
}

#[test]
fn presets_round_trip_through_their_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("presets.toml");
    let mut presets = Presets::builtin();
    presets.put(Preset {
        name: "Mine: 800 AVIF, by look".to_owned(),
        description: "for the blog".to_owned(),
        output: PresetOutput::Folder(dir.path().join("blog copies")),
        close_when_done: true,
        settings: Settings {
            resize: ResizeMode::LongEdge(800),
            format: OutputFormat::Avif,
            min_score: Some(83.5),
            background: [10, 20, 30],
            name_template: "{name}-{width}".to_owned(),
            ..Settings::default()
        },
    });
    presets.save(&path).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("[[preset]]") && text.contains("name = \"Web 1920\""),
        "{text}"
    );
    let back = Presets::load(&path);
    assert_eq!(back.problems, Vec::<String>::new());
    assert_eq!(back.list, presets.list, "the same presets come back");
    assert_eq!(back.to_toml(), text, "and the same text");
}

#[test]
fn what_the_file_does_not_understand_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("presets.toml");
    fs::write(
        &path,
        r#"
[[preset]]
name = "Tiny"
colour = "blue"
[preset.settings]
quality = 60
sharpness = 3

[[preset]]
name = "Broken quality"
[preset.settings]
quality = 300

[[preset]]
name = "tiny"
"#,
    )
    .unwrap();
    let presets = Presets::load(&path);
    let names: Vec<_> = presets.list.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Tiny"]);
    assert_eq!(presets.list[0].settings.quality, 60);
    let problems = presets.problems.join("\n");
    for expected in [
        "unknown key \"colour\"",
        "unknown setting \"sharpness\"",
        "Broken quality",
        "repeats the name",
    ] {
        assert!(problems.contains(expected), "{expected}: {problems}");
    }
    assert!(
        presets.problems.iter().all(|p| p.ends_with(p_str(&path))),
        "the path last: {problems}"
    );
}

fn p_str(path: &std::path::Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn a_broken_file_gives_the_builtins_and_one_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("presets.toml");
    fs::write(&path, "[[preset]\nname = ").unwrap();
    let presets = Presets::load(&path);
    assert_eq!(presets.list, builtin_presets());
    assert_eq!(presets.problems.len(), 1, "{:?}", presets.problems);
    assert!(presets.problems[0].contains("not valid TOML") && presets.problems[0].ends_with(p_str(&path)));
    assert_eq!(
        Presets::load(&dir.path().join("none.toml")),
        Presets::builtin(),
        "no file: the built-ins"
    );
}

#[test]
fn rename_delete_and_reset() {
    let mut presets = Presets::builtin();
    assert!(presets.rename("Web 1920", "E-mail 1280").is_err(), "a name in use");
    presets.rename("web 1920", "Site").unwrap();
    assert!(presets.find("site").is_some() && presets.find("Web 1920").is_none());
    assert!(presets.remove("Thumbnail 400"));
    presets.reset_builtins();
    assert!(presets.find("Thumbnail 400").is_some() && presets.find("Web 1920").is_some());
    assert!(presets.find("Site").is_some(), "the user's own stays");
}

/// The real CLI with its configuration folder in `config`.
fn cli_with(config: &std::path::Path, args: &[&str]) -> std::process::Output {
    started(|| {
        Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"))
            .env("LC_ALL", "C")
            .args(args)
            .env("SHRINKRAY_CONFIG_DIR", config)
            .output()
    })
    .unwrap()
}

#[test]
fn the_cli_lists_uses_and_saves_presets() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let list = cli_with(&config, &["--list-presets"]);
    assert_eq!(list.status.code(), Some(0), "{list:?}");
    let text = String::from_utf8(list.stdout).unwrap();
    let lines: Vec<_> = text.lines().collect();
    assert!(lines.len() >= 4, "{text}");
    for (line, preset) in lines.iter().zip(builtin_presets()) {
        assert_eq!(*line, format!("{}  {}", preset.name, preset.description));
    }

    let photo = write_photo(&dir.path().join("photos/photo.jpg"), 3000, 2000, ImageFormat::Jpeg);
    let out = dir.path().join("out");
    // The preset's size and format; an explicit --quality wins over its 85.
    let run = cli_with(
        &config,
        &[
            "--preset",
            "web 1920",
            "--quality",
            "50",
            "--json",
            "--out",
            p(&out),
            p(&photo),
        ],
    );
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    let copy = out.join("photo.jpg");
    assert_eq!(dims(&copy), (1920, 1280));
    let events = String::from_utf8(run.stdout).unwrap();
    assert!(events.contains("\"quality\":50"), "{events}");

    let unknown = cli_with(&config, &["--preset", "No such", "--out", p(&out), p(&photo)]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&unknown.stderr).contains("Web 1920"),
        "the error lists the presets"
    );

    // Saved from the command line: it is listed, and it makes the same copies.
    let save = cli_with(
        &config,
        &["--save-preset", "Tiny WebP", "--long-edge", "300", "--format", "webp"],
    );
    assert_eq!(save.status.code(), Some(0), "{save:?}");
    let list = String::from_utf8(cli_with(&config, &["--list-presets"]).stdout).unwrap();
    assert!(list.lines().any(|l| l.starts_with("Tiny WebP  ")), "{list}");
    let out2 = dir.path().join("out2");
    let run = cli_with(&config, &["--preset", "Tiny WebP", "--out", p(&out2), p(&photo)]);
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    assert_eq!(dims(&out2.join("photo.webp")), (300, 200));
}

#[test]
fn saving_presets_never_writes_through_a_link_or_into_a_special_file() {
    let dir = tempfile::tempdir().unwrap();
    let photo = write_photo(&dir.path().join("photo.jpg"), 40, 30, ImageFormat::Jpeg);
    let before = fs::read(&photo).unwrap();
    let link = dir.path().join("link/presets.toml");
    fs::create_dir_all(link.parent().unwrap()).unwrap();
    if symlink(&photo, &link) {
        assert!(Presets::builtin().save(&link).is_err(), "a link is not replaced");
        assert_eq!(fs::read(&photo).unwrap(), before, "the photo it points at is untouched");
    }
    let folder = dir.path().join("folder/presets.toml");
    fs::create_dir_all(&folder).unwrap();
    assert!(Presets::builtin().save(&folder).is_err(), "a folder is not replaced");
    assert!(folder.is_dir());
}
