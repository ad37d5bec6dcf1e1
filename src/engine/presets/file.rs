//! The presets file: TOML, one `[[preset]]` table each with its `[preset.settings]`, which holds only what
//! differs from Shrinkray's defaults (so a preset reads as what it changes). Unknown keys are reported, never
//! silently dropped; a preset that cannot be used is left out with a message saying why.

use std::path::{Path, PathBuf};

use serde_json::Value as Json;

use super::builtin::builtin_presets;
use super::preset::{Preset, PresetOutput};
use crate::engine::settings::Settings;

const HEADER: &str = "\
# Shrinkray's presets, one [[preset]] each. `output` is a folder name (made beside the selected files, or inside
# a selected folder) or an absolute folder. [preset.settings] holds what differs from Shrinkray's defaults; the
# README's command-line table describes each setting. Edit by hand or from the app; a line this file does not
# understand is reported, never silently dropped.
";

/// The keys a preset table may have.
const PRESET_KEYS: [&str; 5] = ["name", "description", "output", "close_when_done", "settings"];

/// The file's text for `presets`.
pub(super) fn write(presets: &[Preset]) -> String {
    let defaults = settings_json(&Settings::default());
    let mut tables = Vec::new();
    for p in presets {
        let mut table = toml::Table::new();
        table.insert("name".into(), p.name.clone().into());
        table.insert("description".into(), p.description.clone().into());
        let output = match &p.output {
            PresetOutput::Beside(name) => name.clone(),
            PresetOutput::Folder(dir) => dir.to_string_lossy().into_owned(),
        };
        table.insert("output".into(), output.into());
        table.insert("close_when_done".into(), p.close_when_done.into());
        let mut changed = toml::Table::new();
        if let (Json::Object(now), Json::Object(default)) = (settings_json(&p.settings), &defaults) {
            for (key, value) in now {
                if key != "output_dir"
                    && default.get(&key) != Some(&value)
                    && let Some(value) = to_toml(value)
                {
                    changed.insert(key, value);
                }
            }
        }
        table.insert("settings".into(), toml::Value::Table(changed));
        tables.push(toml::Value::Table(table));
    }
    let mut root = toml::Table::new();
    root.insert("preset".into(), toml::Value::Array(tables));
    format!("{HEADER}\n{}", toml::to_string(&root).unwrap_or_default())
}

/// What a preset file's `text` holds, and what was wrong with it (one message each); `path` is for the
/// messages.
pub(super) fn parse(text: &str, path: &Path) -> (Vec<Preset>, Vec<String>) {
    let mut presets = Parsed::default();
    let root: toml::Table = match text.parse() {
        Ok(root) => root,
        Err(e) => {
            let why = e.to_string().replace('\n', " ");
            let problem = format!(
                "the presets file is not valid TOML ({}); the built-in presets are used: {}",
                why.trim(),
                path.display()
            );
            return (builtin_presets(), vec![problem]);
        }
    };
    for key in root.keys().filter(|k| *k != "preset") {
        presets.problems.push(format!(
            "unknown key {key:?} in the presets file (ignored): {}",
            path.display()
        ));
    }
    let tables = root
        .get("preset")
        .and_then(toml::Value::as_array)
        .cloned()
        .unwrap_or_default();
    for (i, value) in tables.into_iter().enumerate() {
        match one(value, &mut presets, path) {
            Ok(preset) if presets.has(&preset.name) => presets.problems.push(format!(
                "preset {} repeats the name {:?} (left out): {}",
                i + 1,
                preset.name,
                path.display()
            )),
            Ok(preset) => presets.list.push(preset),
            Err(why) => presets
                .problems
                .push(format!("preset {} {why} (left out): {}", i + 1, path.display())),
        }
    }
    (presets.list, presets.problems)
}

/// The presets read so far and the problems met.
#[derive(Default)]
struct Parsed {
    list: Vec<Preset>,
    problems: Vec<String>,
}

impl Parsed {
    /// Whether a preset of this name (regardless of case) was read already.
    fn has(&self, name: &str) -> bool {
        self.list.iter().any(|p| p.name.eq_ignore_ascii_case(name))
    }
}

/// One `[[preset]]` table; unknown keys are noted in `presets.problems`.
fn one(value: toml::Value, presets: &mut Parsed, path: &Path) -> Result<Preset, String> {
    let toml::Value::Table(mut table) = value else {
        return Err("is not a table".to_owned());
    };
    let name = match table.remove("name") {
        Some(toml::Value::String(name)) if !name.trim().is_empty() => name.trim().to_owned(),
        _ => return Err("has no name".to_owned()),
    };
    let mut note = |what: String| {
        presets
            .problems
            .push(format!("preset {name:?}: {what} (ignored): {}", path.display()))
    };
    for key in table.keys().filter(|k| !PRESET_KEYS.contains(&k.as_str())) {
        note(format!("unknown key {key:?}"));
    }
    let known = settings_json(&Settings::default());
    let settings_table = match table.remove("settings") {
        Some(toml::Value::Table(t)) => t,
        None => toml::Table::new(),
        Some(_) => return Err(format!("{name:?} has settings that are not a table")),
    };
    for key in settings_table.keys() {
        if key == "output_dir" || known.get(key).is_none() {
            note(format!("unknown setting {key:?}"));
        }
    }
    let settings: Settings = toml::Value::Table(settings_table)
        .try_into()
        .map_err(|e: toml::de::Error| format!("{name:?} has a setting Shrinkray cannot use: {}", e.message()))?;
    let checked = Settings {
        output_dir: Some(PathBuf::from("checked")),
        ..settings.clone()
    };
    checked.validate().map_err(|e| format!("{name:?}: {e}"))?;
    let output = match table.get("output") {
        None => PresetOutput::default(),
        Some(toml::Value::String(text)) => output_rule(text).ok_or_else(|| {
            format!("{name:?} has output {text:?}, which is neither a folder name nor an absolute folder")
        })?,
        Some(_) => return Err(format!("{name:?} has an output that is not text")),
    };
    Ok(Preset {
        description: table
            .get("description")
            .and_then(toml::Value::as_str)
            .unwrap_or_default()
            .to_owned(),
        close_when_done: table
            .get("close_when_done")
            .and_then(toml::Value::as_bool)
            .unwrap_or(false),
        output,
        settings: Settings {
            output_dir: None,
            ..settings
        },
        name,
    })
}

/// A folder name (beside the selection) or an absolute folder.
fn output_rule(text: &str) -> Option<PresetOutput> {
    let path = Path::new(text);
    if path.is_absolute() {
        return Some(PresetOutput::Folder(path.to_owned()));
    }
    let plain = !text.is_empty() && !text.contains(['/', '\\']) && !matches!(text, "." | "..");
    plain.then(|| PresetOutput::Beside(text.to_owned()))
}

fn settings_json(settings: &Settings) -> Json {
    serde_json::to_value(settings).unwrap_or(Json::Null)
}

/// A JSON value as TOML, leaving out nulls (TOML has none; the setting's default stands for them).
fn to_toml(value: Json) -> Option<toml::Value> {
    Some(match value {
        Json::Null => return None,
        Json::Bool(b) => b.into(),
        Json::Number(n) => match n.as_i64() {
            Some(i) => i.into(),
            None => n.as_f64()?.into(),
        },
        Json::String(s) => s.into(),
        Json::Array(items) => toml::Value::Array(items.into_iter().filter_map(to_toml).collect()),
        Json::Object(map) => toml::Value::Table(map.into_iter().filter_map(|(k, v)| Some((k, to_toml(v)?))).collect()),
    })
}
