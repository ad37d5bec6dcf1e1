//! What the app remembers between runs.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::engine::{ResizeMode, Settings};

/// The persisted part of the app: the engine settings and the size preset they came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppState {
    /// Everything the next job uses, output folder and thread count included.
    pub settings: Settings,
    /// The size last picked from the common sizes (Custom once the size is edited by hand).
    pub preset: Preset,
    /// Write a CSV report of every run beside the copies (`shrinkray-report-DATE.csv`). Default: off.
    pub auto_report: bool,
    /// The named preset last chosen or saved (the plan line says whether the settings still match it).
    /// Default: none.
    pub named_preset: Option<String>,
    /// Put the copies in a subfolder of this name beside each input (inside a folder input) instead of the
    /// output folder, as the presets the file manager's menus start do. Default: none (the output folder).
    pub beside: Option<String>,
    /// Replace the originals by their smaller copies (an in-place run) instead of making copies elsewhere.
    /// Never remembered: every session starts out making copies, and each run asks before it starts.
    /// Default: off.
    #[serde(skip)]
    pub in_place: bool,
    /// Where an in-place run keeps the originals: this folder, or the system's Trash when none. Default: the
    /// Trash.
    pub backup_dir: Option<PathBuf>,
    /// After Start, keep watching the inputs: copies of new and changed photos are made as they arrive, until
    /// Stop. Default: off.
    pub keep_watching: bool,
    /// Light or dark, or as the desktop says (followed live). Default: as the desktop says.
    pub theme: Theme,
    /// A desktop notification when a run of more than ten seconds ends while the window is not in front.
    /// Default: on.
    pub notify_when_done: bool,
    /// The language of the window, as a tag of `i18n::LOCALES` (`de`, `pt-BR`); none follows the system's.
    /// Default: the system's.
    pub language: Option<String>,
}

/// The window's colours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// As the desktop says, followed while the app runs.
    #[default]
    System,
    /// Dark text on light panels.
    Light,
    /// Light text on dark panels.
    Dark,
}

impl Theme {
    /// The preference egui applies.
    pub fn preference(self) -> eframe::egui::ThemePreference {
        match self {
            Self::System => eframe::egui::ThemePreference::System,
            Self::Light => eframe::egui::ThemePreference::Light,
            Self::Dark => eframe::egui::ThemePreference::Dark,
        }
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            settings: Settings {
                output_dir: default_output_dir(),
                // A copy that is up to date is the copy this run would make again, byte for byte: skipping it
                // is what someone who adds this month's photos to a library and presses Start expects.
                update: true,
                ..Settings::default()
            },
            preset: Preset::Custom,
            auto_report: false,
            named_preset: None,
            beside: None,
            in_place: false,
            backup_dir: None,
            keep_watching: false,
            theme: Theme::System,
            notify_when_done: true,
            language: None,
        }
    }
}

impl AppState {
    /// Key under which eframe stores the state.
    pub const KEY: &'static str = "shrinkray.state";

    /// The saved state, or the defaults when there is none (or it is unreadable).
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage
            .and_then(|s| eframe::get_value(s, Self::KEY))
            .unwrap_or_default()
    }

    /// Writes the state for the next run.
    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Self::KEY, self);
    }
}

/// `~/Pictures/resized`, a folder people find again; none when there is no home folder.
fn default_output_dir() -> Option<PathBuf> {
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"))?;
    Some(PathBuf::from(home).join("Pictures").join("resized")) // not translated: the folder's name on disk
}

/// Common target sizes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Preset {
    /// 854×480.
    Small,
    /// 1366×768.
    Medium,
    /// 1920×1080.
    Large,
    /// 320×568.
    Phone,
    /// Whatever the size fields say.
    #[default]
    Custom,
}

impl Preset {
    /// Every preset, in menu order.
    pub const ALL: [Preset; 5] = [
        Preset::Small,
        Preset::Medium,
        Preset::Large,
        Preset::Phone,
        Preset::Custom,
    ];

    /// Width and height of the box, none for Custom.
    pub fn size(self) -> Option<(u32, u32)> {
        match self {
            Preset::Small => Some((854, 480)),
            Preset::Medium => Some((1366, 768)),
            Preset::Large => Some((1920, 1080)),
            Preset::Phone => Some((320, 568)),
            Preset::Custom => None,
        }
    }

    /// The name shown in the menu.
    pub fn label(self) -> String {
        match self.size() {
            Some((w, h)) => format!("{} {w}×{h}", self.name()),
            None => self.name(),
        }
    }

    fn name(self) -> String {
        match self {
            Preset::Small => crate::tr!("size-small"),
            Preset::Medium => crate::tr!("size-medium"),
            Preset::Large => crate::tr!("size-large"),
            Preset::Phone => crate::tr!("size-phone"),
            Preset::Custom => crate::tr!("size-custom"),
        }
    }

    /// The resize mode this preset gives, keeping fill or stretch when one of those box modes is in use.
    pub fn apply(self, current: ResizeMode) -> ResizeMode {
        let Some((width, height)) = self.size() else {
            return current;
        };
        match current {
            ResizeMode::Fill { .. } => ResizeMode::Fill { width, height },
            ResizeMode::Stretch { .. } => ResizeMode::Stretch { width, height },
            _ => ResizeMode::Fit { width, height },
        }
    }
}
