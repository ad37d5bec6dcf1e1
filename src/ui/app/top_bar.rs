//! The bar along the top of the window: adding inputs.

use eframe::egui;

use super::ShrinkrayApp;
use crate::tr;
use crate::ui::command::Command;

impl ShrinkrayApp {
    /// The title, Add folders… and Add files…, and a spinner while a dialog is open.
    pub(super) fn top_bar(&mut self, ui: &mut egui::Ui) {
        let idle = !self.is_running();
        ui.horizontal(|ui| {
            ui.heading("Shrinkray"); // not translated: the app's name
            ui.separator();
            let folders = ui
                .add_enabled(idle, egui::Button::new(tr!("add-folders")))
                .on_hover_text(tr!("add-folders-help"));
            if folders.clicked() {
                self.commands.push(Command::PickFolders);
            }
            let files = ui
                .add_enabled(idle, egui::Button::new(tr!("add-files")))
                .on_hover_text(tr!("add-files-help"));
            if files.clicked() {
                self.commands.push(Command::PickFiles);
            }
            if self.dialogs.is_open() {
                ui.spinner().on_hover_text(tr!("dialog-open"));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button(tr!("shortcuts"))
                    .on_hover_text(tr!("shortcuts-help"))
                    .clicked()
                {
                    self.help_open = !self.help_open;
                }
            });
        });
    }
}
