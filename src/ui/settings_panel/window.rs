//! The Window section: how the app looks and tells the desktop about its runs.

use eframe::egui;

use crate::ui::state::{AppState, Theme};

/// Theme and notifications.
pub(super) fn show(ui: &mut egui::Ui, state: &mut AppState) {
    ui.horizontal(|ui| {
        let label = ui.label("Theme");
        egui::ComboBox::from_id_salt("theme")
            .selected_text(theme_label(state.theme))
            .show_ui(ui, |ui| {
                for theme in [Theme::System, Theme::Light, Theme::Dark] {
                    ui.selectable_value(&mut state.theme, theme, theme_label(theme));
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("Light or dark, or as the desktop says (followed while Shrinkray runs)");
    });
    ui.checkbox(&mut state.notify_when_done, "Notify when a long run ends")
        .on_hover_text(
            "When a run of more than ten seconds ends and Shrinkray is not in front, the desktop says so; \
             clicking the notification brings the window forward",
        );
}

fn theme_label(theme: Theme) -> &'static str {
    match theme {
        Theme::System => "As the desktop",
        Theme::Light => "Light",
        Theme::Dark => "Dark",
    }
}
