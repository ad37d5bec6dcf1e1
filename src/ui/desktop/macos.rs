//! macOS: not built yet (nothing here can build or run it). The dock tile's badge and a notification need
//! AppKit (`NSApp.dockTile`, `UNUserNotificationCenter`); until then the window title carries the progress.

use eframe::egui;

pub(super) struct Platform;

impl Platform {
    pub(super) fn new(_ctx: egui::Context) -> Self {
        Self
    }

    pub(super) fn progress(&mut self, _progress: Option<f64>) {}

    pub(super) fn notify(&mut self, _title: &str, _body: &str) {}
}
