//! Windows and macOS: not built yet. Windows' taskbar button needs `ITaskbarList3` (COM) on the window's handle
//! and a notification the toast API; macOS's dock tile badge and notifications need AppKit
//! (`NSApp.dockTile`, `UNUserNotificationCenter`), which nothing here can build or run. Until then the window
//! title carries the progress there.

use eframe::egui;

pub(super) struct Platform;

impl Platform {
    pub(super) fn new(_ctx: egui::Context) -> Self {
        Self
    }

    pub(super) fn progress(&mut self, _progress: Option<f64>) {}

    pub(super) fn notify(&mut self, _title: &str, _body: &str) {}
}
