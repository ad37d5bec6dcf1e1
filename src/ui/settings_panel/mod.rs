//! The settings panel: one collapsible section per concern. Widgets edit the settings in place; actions with
//! effects (the folder picker) become commands.

mod advanced;
mod output;
mod size;
mod window;

use std::path::PathBuf;

use eframe::egui;

use super::command::Command;
use super::state::AppState;
pub use crate::i18n::format_label;
use crate::tr;
pub use output::look_label;

/// Draws every section. `example_input` names a file for the live name example.
pub fn show(
    ui: &mut egui::Ui,
    state: &mut AppState,
    example_input: Option<&(PathBuf, PathBuf)>,
    commands: &mut Vec<Command>,
) {
    egui::CollapsingHeader::new(tr!("section-size"))
        .id_salt("size")
        .default_open(true)
        .show(ui, |ui| size::show(ui, state));
    egui::CollapsingHeader::new(tr!("section-output"))
        .id_salt("output")
        .default_open(true)
        .show(ui, |ui| output::show(ui, state, example_input, commands));
    egui::CollapsingHeader::new(tr!("section-threads"))
        .id_salt("threads")
        .default_open(true)
        .show(ui, |ui| advanced::threads(ui, state));
    egui::CollapsingHeader::new(tr!("section-more-sizes"))
        .id_salt("more-sizes")
        .default_open(!state.settings.extra_outputs.is_empty())
        .show(ui, |ui| size::extra_outputs(ui, &mut state.settings));
    egui::CollapsingHeader::new(tr!("section-metadata"))
        .id_salt("metadata")
        .default_open(false)
        .show(ui, |ui| advanced::fidelity(ui, &mut state.settings));
    egui::CollapsingHeader::new(tr!("section-advanced"))
        .id_salt("advanced")
        .default_open(false)
        .show(ui, |ui| advanced::advanced(ui, state));
    egui::CollapsingHeader::new(tr!("section-window"))
        .id_salt("window")
        .default_open(false)
        .show(ui, |ui| window::show(ui, state));
}
