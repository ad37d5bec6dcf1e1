//! The middle of the window: the grid of inputs before a job, of finished copies during and after one, or the
//! before/after preview of one image.

use eframe::egui;

use super::ShrinkrayApp;
use crate::tr;
use crate::ui::command::Command;
use crate::ui::preview::PreviewPane;
use crate::ui::thumbnails::ThumbGrid;

impl ShrinkrayApp {
    /// The grid on screen: the finished copies from Start until the inputs change, else the inputs.
    fn grid(&self) -> Option<&ThumbGrid> {
        match &self.run {
            Some(run) if self.show_results && !run.thumbs.is_empty() => Some(&run.thumbs),
            _ if !self.input_grid.is_empty() => Some(&self.input_grid),
            _ => None,
        }
    }

    /// Opens the preview of the grid's image at `index`; arrows then step through the grid's images.
    pub(super) fn open_preview(&mut self, index: usize) {
        if let Some(grid) = self.grid()
            && index < grid.len()
        {
            self.preview = Some(PreviewPane::new(grid.inputs(), index));
        }
    }

    /// Whether the preview is open.
    pub fn is_previewing(&self) -> bool {
        self.preview.is_some()
    }

    /// The preview's figures line ("Original … → copy …"), once made with the current settings.
    pub fn preview_figures(&self) -> Option<String> {
        self.preview.as_ref()?.figures(&self.state.settings)
    }

    /// The image the preview shows.
    pub fn preview_path(&self) -> Option<&std::path::Path> {
        self.preview.as_ref()?.path().map(|p| p.as_path())
    }

    /// Tiles in the grid of inputs.
    pub fn input_tiles(&self) -> usize {
        self.input_grid.len()
    }

    pub(super) fn central(&mut self, ui: &mut egui::Ui) {
        if let Some(preview) = &mut self.preview {
            preview.show(ui, &self.state.settings, &mut self.commands);
            return;
        }
        let results = self.show_results && self.run.as_ref().is_some_and(|r| !r.thumbs.is_empty());
        let clicked = match &mut self.run {
            Some(run) if results => run.thumbs.show(ui),
            _ if !self.input_grid.is_empty() => self.input_grid.show(ui),
            _ => {
                drop_zone(ui, &mut self.commands);
                None
            }
        };
        if let Some(index) = clicked {
            self.commands.push(Command::OpenPreview(index));
        }
    }
}

/// The empty window's invitation: a framed zone saying where to drop, with the folder picker inside it.
fn drop_zone(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    let area = ui.available_rect_before_wrap().shrink(24.0);
    let stroke = egui::Stroke::new(2.0, ui.visuals().widgets.inactive.fg_stroke.color.gamma_multiply(0.5));
    ui.painter().rect_stroke(area, 12.0, stroke, egui::StrokeKind::Inside);
    let inner = egui::Rect::from_center_size(area.center(), egui::vec2(area.width().min(420.0), 150.0));
    ui.scope_builder(egui::UiBuilder::new().max_rect(inner), |ui| {
        ui.vertical_centered(|ui| {
            ui.label(egui::RichText::new(tr!("drop-here")).size(22.0).strong());
            ui.add_space(8.0);
            ui.weak(tr!("drop-or"));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                // Centred by hand: a horizontal row inside a centred column starts at the left.
                ui.add_space((ui.available_width() - 230.0).max(0.0) / 2.0);
                if ui.button(tr!("add-folders")).clicked() {
                    commands.push(Command::PickFolders);
                }
                if ui.button(tr!("add-files")).clicked() {
                    commands.push(Command::PickFiles);
                }
            });
            ui.add_space(10.0);
            ui.weak(tr!("click-to-preview"));
        });
    });
}
