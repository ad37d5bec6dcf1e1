//! The primary action: one large, accented button that says what it will do ("Resize 120 images", "Resize 16
//! images (104 up to date)", "Replace 6 originals", "Nothing to do"); Cancel and Pause take its place while a
//! job runs (`bottom_bar`).

use eframe::egui;

use super::ShrinkrayApp;
use crate::ui::command::Command;
use crate::{text, tr};

impl ShrinkrayApp {
    /// What Start will do, in words.
    pub fn start_label(&self) -> String {
        let (images, _, counting) = self.inputs.totals();
        if self.inputs.roots().is_empty() {
            return tr!("start-nothing");
        }
        if !counting && images == 0 {
            return if self.watches() {
                tr!("start-watch")
            } else {
                tr!("start-nothing")
            };
        }
        // While counting, the number found so far with a "+".
        let counted = if counting {
            tr!("count-so-far", count = images)
        } else {
            text::count(images)
        };
        if self.state.in_place {
            return tr!("start-replace", count = images, n = counted);
        }
        let up_to_date = self
            .copies_found()
            .filter(|_| self.state.settings.update && !counting)
            .map_or(0, |found| found.up_to_date);
        match images.saturating_sub(up_to_date) {
            0 if self.watches() => tr!("start-watch"),
            _ if up_to_date == 0 => tr!("start-resize", count = images, n = counted),
            0 => tr!("start-nothing"),
            to_do => tr!("start-resize-some", count = to_do, fresh = up_to_date),
        }
    }

    /// With "only new and changed images", why Start has nothing to do: every copy is up to date (a watch
    /// still has something to do: wait for new photos).
    pub(super) fn all_up_to_date(&self) -> Option<String> {
        if self.watches() {
            return None;
        }
        let (images, _, counting) = self.inputs.totals();
        let found = self.copies_found()?;
        (self.state.settings.update && !counting && images > 0 && found.up_to_date >= images)
            .then(|| tr!("start-all-up-to-date"))
    }

    /// Whether Start begins a watch ("Keep watching").
    pub(super) fn watches(&self) -> bool {
        self.state.keep_watching && !self.state.in_place
    }

    /// Draws Start (the bottom bar says beside it why it cannot start).
    pub(super) fn start_button(&mut self, ui: &mut egui::Ui, enabled: bool) {
        let accent = ui.visuals().selection.bg_fill;
        let label = egui::RichText::new(self.start_label()).strong().size(16.0);
        let label = if enabled {
            label.color(ui.visuals().selection.stroke.color)
        } else {
            label
        };
        let button = egui::Button::new(label)
            .min_size(egui::vec2(200.0, 34.0))
            .fill(if enabled {
                accent
            } else {
                ui.visuals().widgets.inactive.bg_fill
            });
        let help = if self.state.in_place {
            tr!("start-replace-help")
        } else {
            tr!("start-help")
        };
        if ui.add_enabled(enabled, button).on_hover_text(help).clicked() {
            self.commands.push(Command::Start);
        }
        if !self.state.in_place {
            ui.checkbox(&mut self.state.keep_watching, tr!("keep-watching"))
                .on_hover_text(tr!("keep-watching-help"));
        }
    }
}
