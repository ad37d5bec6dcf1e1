//! The before/after preview of one image: the copy the current settings make (by the real engine, in memory, on
//! a thread of its own) beside the original. Remade whenever a setting changes, after a short pause so a
//! dragged slider does not start a conversion per frame; the newest settings win, and a result made for other
//! settings is never shown as current.

mod view;
mod worker;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use eframe::egui;

use super::command::Command;
use crate::engine::Settings;
use crate::tr;
use view::Viewport;
use worker::{Made, Worker};

/// How long settings must stay still before a new copy is made.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// Longest edge of the pictures handed to the GPU; larger copies are shown smaller, both halves alike.
const MAX_EDGE: u32 = 4096;

/// What a preview is made of: this image with these settings.
type Key = (PathBuf, Settings);

/// The preview pane: the images it steps through, the one shown, and its view.
pub struct PreviewPane {
    items: Vec<PathBuf>,
    index: usize,
    worker: Worker,
    /// The last preview made, with what it was made of; kept while a newer one is made.
    shown: Option<(Key, Shown)>,
    /// The last preview that failed, with what it was made of.
    failed: Option<(Key, String)>,
    /// What should be shown, and since when (for the pause before asking).
    wanted: Option<(Key, Instant)>,
    /// What the worker was last asked for.
    asked: Option<Key>,
    view: Viewport,
}

/// A preview made, as textures and figures.
struct Shown {
    before: egui::TextureHandle,
    after: egui::TextureHandle,
    made: Made,
}

impl PreviewPane {
    /// A preview of `items[index]`, which arrows step through.
    pub fn new(items: Vec<PathBuf>, index: usize) -> Self {
        Self {
            index: index.min(items.len().saturating_sub(1)),
            items,
            worker: Worker::default(),
            shown: None,
            failed: None,
            wanted: None,
            asked: None,
            view: Viewport::default(),
        }
    }

    /// The image shown.
    pub fn path(&self) -> Option<&PathBuf> {
        self.items.get(self.index)
    }

    /// Moves `by` images forward (or back), staying within the list.
    pub fn step(&mut self, by: isize) {
        let last = self.items.len().saturating_sub(1);
        self.index = self.index.saturating_add_signed(by).min(last);
    }

    /// The figures line under the preview, when it is current for `settings` (tests read it).
    pub fn figures(&self, settings: &Settings) -> Option<String> {
        let (key, shown) = self.shown.as_ref()?;
        (self.is_current(key, settings)).then(|| shown.made.figures())
    }

    fn is_current(&self, key: &Key, settings: &Settings) -> bool {
        self.path() == Some(&key.0) && key.1 == *settings
    }

    /// Takes in finished previews and asks for a new one once the settings have been still for `DEBOUNCE`.
    pub fn poll(&mut self, settings: &Settings, ctx: &egui::Context) {
        for (key, result) in self.worker.results() {
            match result {
                Ok(mut made) => {
                    // The textures hold the pixels from here on.
                    let before = upload(ctx, "preview-before", &std::mem::take(&mut made.before));
                    let after = upload(ctx, "preview-after", &std::mem::take(&mut made.after));
                    let keep_view = self.shown.as_ref().is_some_and(|(k, _)| k.0 == key.0);
                    if !keep_view {
                        self.view = Viewport::default();
                    }
                    self.shown = Some((key, Shown { before, after, made }));
                    self.failed = None;
                }
                Err(message) => self.failed = Some((key, message)),
            }
        }
        let Some(path) = self.path().cloned() else { return };
        let key = (path, settings.clone());
        if self.wanted.as_ref().is_none_or(|(k, _)| *k != key) {
            self.wanted = Some((key.clone(), Instant::now()));
        }
        if self.asked.as_ref() == Some(&key) {
            return;
        }
        let waited = self.wanted.as_ref().map_or(DEBOUNCE, |(_, since)| since.elapsed());
        // A new image is asked for at once; a change of settings waits until they are still.
        let same_image = self.asked.as_ref().is_some_and(|(p, _)| *p == key.0);
        if same_image && waited < DEBOUNCE {
            ctx.request_repaint_after(DEBOUNCE - waited);
            return;
        }
        self.worker.ask(key.clone(), ctx);
        self.asked = Some(key);
    }

    /// Draws the pane; closing and stepping become commands.
    pub fn show(&mut self, ui: &mut egui::Ui, settings: &Settings, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            if ui
                .button(tr!("preview-back"))
                .on_hover_text(tr!("preview-back-help"))
                .clicked()
            {
                commands.push(Command::ClosePreview);
            }
            ui.add_enabled_ui(self.index > 0, |ui| {
                if ui.button("‹").on_hover_text(tr!("preview-previous")).clicked() {
                    commands.push(Command::PreviewStep(-1));
                }
            });
            ui.add_enabled_ui(self.index + 1 < self.items.len(), |ui| {
                if ui.button("›").on_hover_text(tr!("preview-next")).clicked() {
                    commands.push(Command::PreviewStep(1));
                }
            });
            if let Some(path) = self.path() {
                let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
                ui.strong(name.to_string()).on_hover_text(path.display().to_string());
                ui.weak(tr!("preview-position", n = self.index + 1, count = self.items.len()));
            }
            ui.separator();
            let scale = self.shown.as_ref().map_or(1.0, |(_, s)| s.made.shown_scale);
            self.view.controls(ui, scale);
        });
        let current = self.shown.as_ref().is_some_and(|(k, _)| self.is_current(k, settings));
        let failed = self.failed.as_ref().filter(|(k, _)| self.is_current(k, settings));
        ui.horizontal_wrapped(|ui| match (failed, &self.shown) {
            (Some((_, message)), _) => {
                ui.colored_label(ui.visuals().error_fg_color, message);
            }
            (None, Some((_, shown))) if current => {
                ui.label(shown.made.figures());
                for note in &shown.made.notes {
                    ui.weak(format!("· {note}"));
                }
            }
            _ => {
                ui.spinner();
                ui.label(tr!("preview-making"));
            }
        });
        let same_image = self.shown.as_ref().is_some_and(|(k, _)| Some(&k.0) == self.path());
        match &self.shown {
            // An older copy of this image stays on screen, dimmed, while the new one is made.
            Some((_, shown)) if same_image && failed.is_none() => {
                self.view
                    .show(ui, (&shown.before, &shown.after), current, shown.made.shown_scale);
            }
            _ => {
                ui.centered_and_justified(|ui| {
                    if failed.is_none() {
                        ui.spinner();
                    }
                });
            }
        }
    }
}

fn upload(ctx: &egui::Context, name: &str, image: &image::RgbaImage) -> egui::TextureHandle {
    let size = [image.width() as usize, image.height() as usize];
    let pixels = egui::ColorImage::from_rgba_unmultiplied(size, image.as_raw());
    // Nearest when magnified, so 200 % shows the copy's own pixels rather than a blur of them.
    let options = egui::TextureOptions {
        magnification: egui::TextureFilter::Nearest,
        minification: egui::TextureFilter::Linear,
        ..egui::TextureOptions::default()
    };
    ctx.load_texture(name, pixels, options)
}
