//! The Preset section: choose a named preset, save the current settings as one, rename, delete, put the
//! built-ins back. The presets file is read once at start and written on a short-lived thread, so the UI
//! thread never waits on the disk.

use std::path::PathBuf;

use crossbeam_channel::{Receiver, Sender};
use eframe::egui;

use super::state::AppState;
use crate::engine::{Preset, PresetOutput, Presets};
use crate::ui::access::NamedBy;
use crate::{i18n, tr};

/// What the section's text field is for.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Editing {
    None,
    SaveAs(String),
    Rename(String),
}

/// The presets, the file they live in, and the section's own state.
pub struct PresetsView {
    presets: Presets,
    path: Option<PathBuf>,
    editing: Editing,
    /// Failures of the saving thread, each a message.
    failed: (Sender<String>, Receiver<String>),
    /// The last failure to save, shown under the buttons.
    save_error: Option<String>,
    /// What "Add to file manager" did, from its thread.
    menus: (Sender<String>, Receiver<String>),
    /// Its last message, shown under the buttons.
    menus_note: Option<String>,
}

impl PresetsView {
    /// The presets in `path` (the built-ins when there is none).
    pub fn load(path: Option<PathBuf>) -> Self {
        let presets = path.as_deref().map_or_else(Presets::builtin, Presets::load);
        Self {
            presets,
            path,
            editing: Editing::None,
            failed: crossbeam_channel::unbounded(),
            save_error: None,
            menus: crossbeam_channel::unbounded(),
            menus_note: None,
        }
    }

    /// The presets as they stand.
    pub fn presets(&self) -> &Presets {
        &self.presets
    }

    /// The chosen preset's name for the plan line: `Web 1920`, or `Web 1920, changed` once a setting differs.
    pub fn plan_name(&self, state: &AppState) -> Option<String> {
        let preset = self.presets.find(state.named_preset.as_deref()?)?;
        Some(if preset.matches(&state.settings) {
            preset.name.clone()
        } else {
            tr!("preset-changed", name = preset.name.as_str())
        })
    }

    /// Makes the preset called `name` the chosen one and its settings the app's.
    pub fn choose(&mut self, name: &str, state: &mut AppState) -> Result<(), String> {
        let preset = self.presets.find(name).ok_or_else(|| {
            let names: Vec<_> = self.presets.list.iter().map(|p| p.name.as_str()).collect();
            tr!("preset-unknown", name = name, names = names.join(", "))
        })?;
        take(preset, state);
        Ok(())
    }

    /// Whether the preset called `name` asks for the window to close after a clean finish.
    pub fn closes_when_done(&self, name: &str) -> bool {
        self.presets.find(name).is_some_and(|p| p.close_when_done)
    }

    /// Draws the section.
    pub fn show(&mut self, ui: &mut egui::Ui, state: &mut AppState) {
        if let Some(error) = self.failed.1.try_iter().last() {
            self.save_error = Some(error);
        }
        if let Some(note) = self.menus.1.try_iter().last() {
            self.menus_note = Some(note);
        }
        let chosen = state
            .named_preset
            .as_deref()
            .and_then(|n| self.presets.find(n))
            .cloned();
        ui.horizontal(|ui| {
            let shown = self.plan_name(state).unwrap_or_else(|| tr!("preset-none"));
            egui::ComboBox::from_id_salt("named-preset")
                .selected_text(shown)
                .width(220.0)
                .show_ui(ui, |ui| {
                    for preset in &self.presets.list {
                        let selected = chosen.as_ref().is_some_and(|c| c.name == preset.name);
                        if ui
                            .selectable_label(selected, &preset.name)
                            .on_hover_text(i18n::preset_description(preset))
                            .clicked()
                        {
                            take(preset, state);
                        }
                    }
                })
                .response
                .named(tr!("preset"))
                .on_hover_text(tr!("preset-help"));
        });
        if let Some(preset) = &chosen {
            ui.weak(i18n::preset_description(preset));
            let mut close = preset.close_when_done;
            if ui
                .checkbox(&mut close, tr!("preset-close-when-done"))
                .on_hover_text(tr!("preset-close-when-done-help"))
                .changed()
            {
                if let Some(p) = self.presets.list.iter_mut().find(|p| p.name == preset.name) {
                    p.close_when_done = close;
                }
                self.save();
            }
        }
        match &mut self.editing {
            Editing::None => {
                ui.horizontal(|ui| {
                    if ui
                        .button(tr!("preset-save-as"))
                        .on_hover_text(tr!("preset-save-as-help"))
                        .clicked()
                    {
                        self.editing = Editing::SaveAs(String::new());
                    }
                    if let Some(preset) = &chosen {
                        if ui.button(tr!("preset-rename")).clicked() {
                            self.editing = Editing::Rename(preset.name.clone());
                        }
                        if ui.button(tr!("preset-delete")).clicked() {
                            self.presets.remove(&preset.name);
                            state.named_preset = None;
                            self.save();
                        }
                    }
                    if ui
                        .button(tr!("preset-reset"))
                        .on_hover_text(tr!("preset-reset-help"))
                        .clicked()
                    {
                        self.presets.reset_builtins();
                        self.save();
                    }
                    let label = if cfg!(windows) {
                        tr!("menus-add-explorer")
                    } else {
                        tr!("menus-add")
                    };
                    if !cfg!(target_os = "macos") && ui.button(label).on_hover_text(tr!("menus-add-help")).clicked() {
                        self.add_to_file_manager();
                    }
                });
            }
            Editing::SaveAs(name) | Editing::Rename(name) => {
                let mut done = None;
                ui.horizontal(|ui| {
                    let label = ui.label(tr!("preset-name"));
                    let field = ui
                        .add(
                            egui::TextEdit::singleline(name)
                                .hint_text(tr!("preset-name-hint"))
                                .desired_width(160.0),
                        )
                        .named_by(label.id);
                    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if ui.button(tr!("ok")).clicked() || enter {
                        done = Some(true);
                    }
                    if ui.button(tr!("cancel")).clicked() {
                        done = Some(false);
                    }
                });
                match done {
                    Some(true) => self.finish_editing(state, chosen),
                    Some(false) => self.editing = Editing::None,
                    None => {}
                }
            }
        }
        for problem in self.presets.problems.iter().chain(&self.save_error) {
            ui.colored_label(ui.visuals().warn_fg_color, problem);
        }
        if let Some(note) = &self.menus_note {
            ui.weak(note);
        }
    }

    fn finish_editing(&mut self, state: &mut AppState, chosen: Option<Preset>) {
        match std::mem::replace(&mut self.editing, Editing::None) {
            Editing::SaveAs(name) if !name.trim().is_empty() => {
                let output = match &state.beside {
                    Some(folder) => PresetOutput::Beside(folder.clone()),
                    None => match &state.settings.output_dir {
                        Some(dir) => PresetOutput::Folder(std::path::absolute(dir).unwrap_or_else(|_| dir.clone())),
                        None => chosen.map_or_else(PresetOutput::default, |c| c.output),
                    },
                };
                let preset = Preset::of(&name, output, &state.settings);
                state.named_preset = Some(preset.name.clone());
                self.presets.put(preset);
                self.save();
            }
            Editing::Rename(name) => {
                if let Some(old) = chosen {
                    match self.presets.rename(&old.name, &name) {
                        Ok(()) => {
                            state.named_preset = Some(name.trim().to_owned());
                            self.save();
                        }
                        Err(why) => self.save_error = Some(why),
                    }
                }
            }
            _ => {}
        }
    }

    /// Writes the file managers' menus for the presets into the user's folders, on a short-lived thread.
    fn add_to_file_manager(&mut self) {
        self.menus_note = Some(tr!("menus-adding"));
        let (presets, tx) = (self.presets.list.clone(), self.menus.0.clone());
        std::thread::spawn(move || {
            let _ = tx.send(install_menus(&presets));
        });
    }

    /// Writes the presets on a short-lived thread; a failure comes back as a message.
    fn save(&mut self) {
        self.save_error = None;
        let Some(path) = self.path.clone() else {
            self.save_error = Some(tr!("presets-no-config-folder"));
            return;
        };
        let (presets, tx) = (self.presets.clone(), self.failed.0.clone());
        let menus = self.menus.0.clone();
        std::thread::spawn(move || {
            if let Err(e) = presets.save(&path) {
                let _ = tx.send(tr!(
                    "presets-save-failed",
                    error = e.to_string(),
                    path = path.display().to_string()
                ));
            }
            // Menus added earlier follow the presets.
            if crate::desktop::installed_for_user() {
                let _ = menus.send(install_menus(&presets.list));
            }
        });
    }
}

/// Makes `preset` the app's: its settings, its name, and where it puts the copies.
fn take(preset: &Preset, state: &mut AppState) {
    state.settings = preset.apply_to(&state.settings);
    state.named_preset = Some(preset.name.clone());
    state.beside = match &preset.output {
        PresetOutput::Beside(folder) => Some(folder.clone()),
        PresetOutput::Folder(_) => None,
    };
}

/// Installs the user's menus for `presets` and says what happened, in one line.
fn install_menus(presets: &[Preset]) -> String {
    let done = crate::desktop::install_for_user(presets);
    match done.problems.first() {
        None if cfg!(windows) => tr!("menus-added-explorer", count = presets.len()),
        None => tr!("menus-added", count = presets.len()),
        Some(first) => tr!("menus-failed", count = done.problems.len(), first = first.to_string()),
    }
}
