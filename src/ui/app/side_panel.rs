//! The panel on the left: the inputs and the settings.

use std::path::{Path, PathBuf};

use eframe::egui;

use super::ShrinkrayApp;
use crate::tr;
use crate::ui::{access, settings_panel};

impl ShrinkrayApp {
    pub(super) fn last_input_dir(&self) -> Option<PathBuf> {
        let last = self.inputs.roots().last()?;
        if last.is_dir {
            Some(last.path.clone())
        } else {
            last.path.parent().map(Path::to_owned)
        }
    }

    pub(super) fn side_panel(&mut self, ui: &mut egui::Ui) {
        let idle = !self.is_running();
        egui::ScrollArea::vertical().id_salt("side").show(ui, |ui| {
            ui.strong(tr!("inputs"));
            self.inputs.show(ui, idle, &mut self.commands);
            ui.separator();
            let example = self.inputs.roots().first().map(|r| {
                if r.is_dir {
                    let root = r.path.file_name().map(PathBuf::from).unwrap_or_default();
                    (PathBuf::from("IMG_0042.jpg"), root) // not translated: a camera's file name, the same everywhere
                } else {
                    (
                        r.path.file_name().map(PathBuf::from).unwrap_or_default(),
                        PathBuf::new(),
                    )
                }
            });
            ui.add_enabled_ui(idle, |ui| {
                egui::CollapsingHeader::new(tr!("preset"))
                    .id_salt("preset")
                    .default_open(true)
                    .show(ui, |ui| self.presets.show(ui, &mut self.state));
                settings_panel::show(ui, &mut self.state, example.as_ref(), &mut self.commands);
            });
            access::follow_focus(ui);
        });
    }
}
