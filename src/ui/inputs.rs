//! The input list: each root with its image count, counted on a background thread.

use std::path::PathBuf;
use std::thread;

use crossbeam_channel::{Receiver, Sender};
use eframe::egui;

use super::access;
use super::command::Command;
use crate::engine::{InputCount, ListedImage, list_images};
use crate::text;
use crate::tr;

/// One file or folder the user added.
#[derive(Clone, Debug)]
pub struct InputRoot {
    /// As added.
    pub path: PathBuf,
    /// None while counting.
    pub count: Option<InputCount>,
    /// Known once counted.
    pub is_dir: bool,
    /// The images in it, in the order a job takes them; empty while counting.
    pub images: Vec<ListedImage>,
}

/// A finished count: for which path, with which recursion setting, its images, and whether it is a folder.
type Counted = (PathBuf, bool, (InputCount, Vec<ListedImage>), bool);

/// The inputs and their counting.
pub struct Inputs {
    roots: Vec<InputRoot>,
    recursive: bool,
    tx: Sender<Counted>,
    rx: Receiver<Counted>,
    /// Bumped whenever the list of images changes, so the grid of inputs knows to follow.
    version: u64,
}

impl Inputs {
    /// An empty list.
    pub fn new(recursive: bool) -> Self {
        let (tx, rx) = crossbeam_channel::unbounded();
        Self {
            roots: Vec::new(),
            recursive,
            tx,
            rx,
            version: 0,
        }
    }

    /// Changes whenever the images listed change.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Every image of the counted roots, root by root.
    pub fn images(&self) -> impl Iterator<Item = &ListedImage> {
        self.roots.iter().flat_map(|r| r.images.iter())
    }

    /// The roots, in the order added.
    pub fn roots(&self) -> &[InputRoot] {
        &self.roots
    }

    /// The paths to give the engine.
    pub fn paths(&self) -> Vec<PathBuf> {
        self.roots.iter().map(|r| r.path.clone()).collect()
    }

    /// Adds paths not already listed and counts them in the background.
    pub fn add(&mut self, paths: Vec<PathBuf>, ctx: &egui::Context) {
        let new: Vec<PathBuf> = paths
            .into_iter()
            .filter(|p| !self.roots.iter().any(|r| r.path == *p))
            .fold(Vec::new(), |mut acc, p| {
                if !acc.contains(&p) {
                    acc.push(p);
                }
                acc
            });
        if new.is_empty() {
            return;
        }
        self.roots.extend(new.iter().map(|p| InputRoot {
            path: p.clone(),
            count: None,
            is_dir: false,
            images: Vec::new(),
        }));
        self.count(new, ctx);
    }

    /// Removes the root at `index`.
    pub fn remove(&mut self, index: usize) {
        if index < self.roots.len() {
            self.roots.remove(index);
            self.version += 1;
        }
    }

    /// Removes every root.
    pub fn clear(&mut self) {
        self.roots.clear();
        self.version += 1;
    }

    /// Follows a change of the recursion setting by counting everything again.
    pub fn set_recursive(&mut self, recursive: bool, ctx: &egui::Context) {
        if recursive == self.recursive {
            return;
        }
        self.recursive = recursive;
        for root in &mut self.roots {
            root.count = None;
            root.images.clear();
        }
        self.version += 1;
        self.count(self.paths(), ctx);
    }

    /// Takes in counts that finished since the last frame.
    pub fn poll(&mut self) {
        for (path, recursive, (count, images), is_dir) in self.rx.try_iter() {
            if recursive != self.recursive {
                continue;
            }
            if let Some(root) = self.roots.iter_mut().find(|r| r.path == path) {
                root.count = Some(count);
                root.is_dir = is_dir;
                root.images = images;
                self.version += 1;
            }
        }
    }

    /// Images and bytes counted so far, and whether any count is still running.
    pub fn totals(&self) -> (usize, u64, bool) {
        self.roots.iter().fold((0, 0, false), |(n, b, busy), r| match r.count {
            Some(c) => (n + c.images, b + c.bytes, busy),
            None => (n, b, true),
        })
    }

    fn count(&self, paths: Vec<PathBuf>, ctx: &egui::Context) {
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        let recursive = self.recursive;
        // One thread per batch of added roots, counted one after another; the walk itself uses rayon.
        let spawned = thread::Builder::new()
            .name("shrinkray-count".to_owned())
            .spawn(move || {
                for path in paths {
                    let count = list_images(&path, recursive);
                    let is_dir = path.is_dir();
                    if tx.send((path, recursive, count, is_dir)).is_err() {
                        return;
                    }
                    ctx.request_repaint();
                }
            });
        if spawned.is_err() {
            // Without a thread there is no count; the job still finds the images itself.
            for root in self.roots.iter().filter(|r| r.count.is_none()) {
                let _ = self.tx.send((root.path.clone(), recursive, Default::default(), false));
            }
        }
    }

    /// Draws the list; removing and clearing become commands.
    pub fn show(&self, ui: &mut egui::Ui, enabled: bool, commands: &mut Vec<Command>) {
        if self.roots.is_empty() {
            ui.weak(tr!("inputs-empty"));
            return;
        }
        egui::ScrollArea::vertical()
            .id_salt("inputs")
            .max_height(160.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for (i, root) in self.roots.iter().enumerate() {
                    ui.horizontal(|ui| {
                        let remove = ui
                            .add_enabled(enabled, egui::Button::new("✕").small())
                            .on_hover_text(tr!("remove-input", name = root.path.display().to_string()));
                        access::name(&remove, &tr!("remove-input", name = name_of(root)));
                        if remove.clicked() {
                            commands.push(Command::RemoveInput(i));
                        }
                        ui.label(name_of(root)).on_hover_text(root.path.display().to_string());
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            match root.count {
                                Some(c) => {
                                    ui.weak(tr!("input-count", count = c.images, size = text::bytes(c.bytes)));
                                }
                                None => {
                                    ui.spinner().on_hover_text(tr!("counting"));
                                }
                            }
                        });
                    });
                }
            });
        if ui.add_enabled(enabled, egui::Button::new(tr!("clear-all"))).clicked() {
            commands.push(Command::ClearInputs);
        }
    }
}

fn name_of(root: &InputRoot) -> String {
    // A trailing slash marks a folder, as in a shell.
    let slash = if root.is_dir { "/" } else { "" };
    format!("{}{slash}", text::path(&root.path))
}
