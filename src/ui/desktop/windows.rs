//! Windows: not built yet. The taskbar button's progress needs `ITaskbarList3` (COM) on the window's handle,
//! and a notification the toast API; until then the window title carries the progress.

use eframe::egui;

pub(super) struct Platform;

impl Platform {
    pub(super) fn new(_ctx: egui::Context) -> Self {
        Self
    }

    pub(super) fn progress(&mut self, _progress: Option<f64>) {}

    pub(super) fn notify(&mut self, _title: &str, _body: &str) {}
}
