//! The bar along the top of the window: adding inputs.

use eframe::egui;

use super::ShrinkrayApp;
use crate::ui::command::Command;

impl ShrinkrayApp {
    /// The title, Add folders… and Add files…, and a spinner while a dialog is open.
    pub(super) fn top_bar(&mut self, ui: &mut egui::Ui) {
        let idle = !self.is_running();
        ui.horizontal(|ui| {
            ui.heading("Shrinkray");
            ui.separator();
            let folders = ui
                .add_enabled(idle, egui::Button::new("Add folders…"))
                .on_hover_text("Add folders of images (Ctrl+Shift+O)");
            if folders.clicked() {
                self.commands.push(Command::PickFolders);
            }
            let files = ui
                .add_enabled(idle, egui::Button::new("Add files…"))
                .on_hover_text("Add image files (Ctrl+O)");
            if files.clicked() {
                self.commands.push(Command::PickFiles);
            }
            if self.dialogs.is_open() {
                ui.spinner().on_hover_text("A dialog is open");
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("Shortcuts")
                    .on_hover_text("The keyboard shortcuts (F1)")
                    .clicked()
                {
                    self.help_open = !self.help_open;
                }
            });
        });
    }
}
