//! `shrinkray`: the desktop app. For now a window that says where things stand; the full app (inputs,
//! settings, progress and thumbnails) is being built on the same engine as `shrinkray-cli`.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use eframe::egui;

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Shrinkray")
            .with_inner_size([720.0, 420.0]),
        ..Default::default()
    };
    eframe::run_native("Shrinkray", options, Box::new(|_cc| Ok(Box::new(Placeholder))))
}

/// The window shown until the desktop app lands.
struct Placeholder;

impl eframe::App for Placeholder {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Shrinkray");
            ui.label(format!(
                "The batch engine is ready; this window will soon drive it. Meanwhile: shrinkray-cli --out DIR FOLDER ({} threads by default).",
                shrinkray::engine::auto_threads()
            ));
        });
    }
}
