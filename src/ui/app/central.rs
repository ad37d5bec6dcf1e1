//! The middle of the window: the grid of inputs before a job, of finished copies during and after one, or the
//! before/after preview of one image.

use eframe::egui;

use super::ShrinkrayApp;
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
                ui.centered_and_justified(|ui| {
                    ui.weak("Drop folders or images anywhere on the window to add them.\nClick an image to see its copy before you start.");
                });
                None
            }
        };
        if let Some(index) = clicked {
            self.commands.push(Command::OpenPreview(index));
        }
    }
}
