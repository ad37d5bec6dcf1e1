//! What the output folder already holds of the inputs ("9,940 up to date"), worked out off the UI thread
//! whenever the inputs, the settings or the output folder's contents change.

use std::path::PathBuf;
use std::thread;

use crossbeam_channel::{Receiver, Sender};
use eframe::egui;

use crate::engine::{CopiesFound, Settings, copies_found};

/// The question a count answers: these inputs, these settings, after this many finished jobs.
type Key = (Vec<PathBuf>, Settings, u64);

/// The latest count, and the one being made.
pub struct Freshness {
    found: Option<(Key, CopiesFound)>,
    asked: Option<Key>,
    tx: Sender<(Key, CopiesFound)>,
    rx: Receiver<(Key, CopiesFound)>,
    /// Bumped when a job ends, since it changed what the output folder holds.
    generation: u64,
}

impl Default for Freshness {
    fn default() -> Self {
        let (tx, rx) = crossbeam_channel::unbounded();
        Self {
            found: None,
            asked: None,
            tx,
            rx,
            generation: 0,
        }
    }
}

impl Freshness {
    /// The output folder changed under us (a job ended): count again.
    pub fn invalidate(&mut self) {
        self.generation += 1;
    }

    /// Takes in a finished count and, when the question changed and no count is running, starts one. At most
    /// one count runs at a time, so typing in a field does not start a thread per keystroke.
    pub fn poll(&mut self, inputs: Vec<PathBuf>, settings: &Settings, ctx: &egui::Context) {
        for (key, found) in self.rx.try_iter() {
            if self.asked.as_ref() == Some(&key) {
                self.asked = None;
            }
            self.found = Some((key, found));
        }
        let key = (inputs, settings.clone(), self.generation);
        let answered = self.found.as_ref().is_some_and(|(k, _)| *k == key);
        if answered || self.asked.is_some() || key.0.is_empty() || settings.output_dir.is_none() {
            return;
        }
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        let asked = key.clone();
        let spawned = thread::Builder::new()
            .name("shrinkray-fresh".to_owned())
            .spawn(move || {
                let found = copies_found(&asked.0, &asked.1);
                let _ = tx.send((asked, found));
                ctx.request_repaint();
            });
        if spawned.is_ok() {
            self.asked = Some(key);
        }
    }

    /// The count for the current question; `None` while it is being made (or there are no inputs).
    pub fn current(&self, inputs: &[PathBuf], settings: &Settings) -> Option<CopiesFound> {
        let (key, found) = self.found.as_ref()?;
        (key.0 == inputs && key.1 == *settings && key.2 == self.generation).then_some(*found)
    }
}
