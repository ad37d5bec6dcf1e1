//! What the window shows while files are dragged over it.

use eframe::egui;

use super::ShrinkrayApp;
use crate::tr;

impl ShrinkrayApp {
    /// While files are dragged over the window: a dimmed window and a readable (and screen-readable) hint.
    pub(super) fn drop_overlay(&self, ctx: &egui::Context) {
        if ctx.input(|i| i.raw.hovered_files.is_empty()) {
            return;
        }
        let rect = ctx.content_rect();
        let message = if self.is_running() {
            tr!("drop-wait")
        } else {
            tr!("drop-to-add")
        };
        egui::Area::new(egui::Id::unique("shrinkray-drop-overlay"))
            .order(egui::Order::Foreground)
            .fixed_pos(rect.min)
            .interactable(false)
            .show(ctx, |ui| {
                ui.painter()
                    .rect_filled(rect, 0.0, egui::Color32::from_black_alpha(170));
                ui.put(
                    rect,
                    egui::Label::new(egui::RichText::new(message).size(36.0).color(egui::Color32::WHITE)),
                );
            });
    }
}
