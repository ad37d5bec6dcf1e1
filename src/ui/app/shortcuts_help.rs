//! The keyboard shortcuts, listed in a small window that F1 (or the top bar's "Shortcuts" button) opens.

use eframe::egui;

use super::ShrinkrayApp;

/// Every shortcut the window answers, as shown in the list: keys, then what they do.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Enter", "Start (when no text field is being edited)"),
    ("Esc", "Close the preview; else cancel the run or stop watching"),
    ("Space", "Pause or resume the run"),
    ("Ctrl+O", "Add image files"),
    ("Ctrl+Shift+O", "Add folders"),
    ("← →", "The previous or next image in the preview"),
    (
        "Tab, Shift+Tab",
        "Move between the controls; Space or Enter presses the one in focus",
    ),
    ("F1", "Show or hide this list"),
];

impl ShrinkrayApp {
    /// The shortcuts window, while it is open.
    pub(super) fn shortcuts_help(&mut self, ctx: &egui::Context) {
        let mut open = self.help_open;
        egui::Window::new("Keyboard shortcuts")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts")
                    .num_columns(2)
                    .spacing([24.0, 6.0])
                    .show(ui, |ui| {
                        for (keys, what) in SHORTCUTS {
                            ui.strong(*keys);
                            ui.label(*what);
                            ui.end_row();
                        }
                    });
            });
        self.help_open = open;
    }
}
