//! The Window section: how the app looks, which language it speaks, and what it tells the desktop about its runs.

use eframe::egui;

use crate::ui::access::NamedBy;
use crate::ui::state::{AppState, Theme};
use crate::{i18n, tr};

/// Theme, language and notifications.
pub(super) fn show(ui: &mut egui::Ui, state: &mut AppState) {
    ui.horizontal(|ui| {
        let label = ui.label(tr!("theme"));
        egui::ComboBox::from_id_salt("theme")
            .selected_text(theme_label(state.theme))
            .show_ui(ui, |ui| {
                for theme in [Theme::System, Theme::Light, Theme::Dark] {
                    ui.selectable_value(&mut state.theme, theme, theme_label(theme));
                }
            })
            .response
            .named_by(label.id)
            .on_hover_text(tr!("theme-help"));
    });
    ui.horizontal(|ui| {
        let label = ui.label(tr!("language"));
        // Each language under its own name, so that someone who cannot read the current one finds theirs.
        let shown = |choice: &Option<String>| match choice.as_deref().and_then(i18n::locale_for) {
            Some(locale) => locale.name.to_owned(),
            None => tr!("language-system"),
        };
        egui::ComboBox::from_id_salt("language")
            .selected_text(shown(&state.language))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.language, None, shown(&None));
                for locale in &i18n::LOCALES {
                    let choice = Some(locale.tag.to_owned());
                    ui.selectable_value(&mut state.language, choice, locale.name);
                }
            })
            .response
            .named_by(label.id)
            .on_hover_text(tr!("language-help"));
    });
    ui.checkbox(&mut state.notify_when_done, tr!("notify-when-done"))
        .on_hover_text(tr!("notify-when-done-help"));
}

fn theme_label(theme: Theme) -> String {
    match theme {
        Theme::System => tr!("theme-system"),
        Theme::Light => tr!("theme-light"),
        Theme::Dark => tr!("theme-dark"),
    }
}
