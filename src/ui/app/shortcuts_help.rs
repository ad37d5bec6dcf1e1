//! The keyboard shortcuts, listed in a small window that F1 (or the top bar's "Shortcuts" button) opens.

use eframe::egui;

use super::ShrinkrayApp;
use crate::{i18n, tr};

/// Every shortcut the window answers, as message keys: the keys to press, then what they do.
const SHORTCUTS: &[(&str, &str)] = &[
    ("keys-enter", "shortcut-start"),
    ("keys-esc", "shortcut-esc"),
    ("keys-space", "shortcut-pause"),
    ("keys-ctrl-o", "shortcut-add-files"),
    ("keys-ctrl-shift-o", "shortcut-add-folders"),
    ("keys-arrows", "shortcut-arrows"),
    ("keys-tab", "shortcut-tab"),
    ("keys-f1", "shortcut-f1"),
];

/// Every shortcut, in the current language, as the list shows it: keys, then what they do.
pub fn shortcuts() -> Vec<(String, String)> {
    SHORTCUTS
        .iter()
        .map(|(keys, what)| (i18n::message(keys, None), i18n::message(what, None)))
        .collect()
}

impl ShrinkrayApp {
    /// The shortcuts window, while it is open.
    pub(super) fn shortcuts_help(&mut self, ctx: &egui::Context) {
        let mut open = self.help_open;
        egui::Window::new(tr!("shortcuts-title"))
            .id(egui::Id::unique("shortcuts-help"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts")
                    .num_columns(2)
                    .spacing([24.0, 6.0])
                    .show(ui, |ui| {
                        for (keys, what) in shortcuts() {
                            ui.strong(keys);
                            ui.label(what);
                            ui.end_row();
                        }
                    });
            });
        self.help_open = open;
    }
}
