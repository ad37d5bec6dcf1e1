//! The batch estimate on the plan line ("≈ 180 MB, ≈ 1 min 40 s"), made off the UI thread from a few images
//! converted in memory, whenever the inputs or the settings change and have stayed so for a moment. A newer
//! question cancels the estimate being made.

use std::path::PathBuf;
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender};
use eframe::egui;

use crate::engine::{CancelToken, Estimate, SAMPLE_IMAGES, Selection, Settings, estimate};

/// How long inputs and settings must stay still before an estimate starts: typing a width or dragging the
/// quality slider would otherwise start one per frame.
const DEBOUNCE: Duration = Duration::from_millis(400);

/// The question an estimate answers: these inputs (as listed at this version, after this many finished jobs),
/// these settings.
type Key = (Vec<PathBuf>, [u64; 2], Settings);

/// The latest estimate, and the one being made.
pub struct Estimates {
    found: Option<(Key, Estimate)>,
    asked: Option<(Key, CancelToken)>,
    wanted: Option<(Key, Instant)>,
    tx: Sender<(Key, Estimate)>,
    rx: Receiver<(Key, Estimate)>,
}

impl Default for Estimates {
    fn default() -> Self {
        let (tx, rx) = crossbeam_channel::unbounded();
        Self {
            found: None,
            asked: None,
            wanted: None,
            tx,
            rx,
        }
    }
}

impl Estimates {
    /// Takes in a finished estimate and, once the question has been still for `DEBOUNCE`, starts one for it,
    /// cancelling the one under way.
    pub fn poll(&mut self, inputs: Vec<PathBuf>, version: [u64; 2], settings: &Settings, ctx: &egui::Context) {
        for (key, estimate) in self.rx.try_iter() {
            if self.asked.as_ref().is_some_and(|(k, _)| *k == key) {
                self.asked = None;
            }
            self.found = Some((key, estimate));
        }
        let key = (inputs, version, settings.clone());
        if key.0.is_empty() || self.found.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        if self.asked.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        if self.wanted.as_ref().is_none_or(|(k, _)| *k != key) {
            self.wanted = Some((key.clone(), Instant::now()));
        }
        let waited = self.wanted.as_ref().map_or(DEBOUNCE, |(_, since)| since.elapsed());
        if waited < DEBOUNCE {
            ctx.request_repaint_after(DEBOUNCE - waited);
            return;
        }
        if let Some((_, previous)) = self.asked.take() {
            previous.cancel();
        }
        let cancel = CancelToken::new();
        let (tx, ctx, asked, token) = (self.tx.clone(), ctx.clone(), key.clone(), cancel.clone());
        let spawned = thread::Builder::new()
            .name("shrinkray-estimate".to_owned())
            .spawn(move || {
                let mut settings = asked.2.clone();
                // Nothing is written, but planning wants a folder to name the copies in.
                if settings.output_dir.is_none() {
                    settings.output_dir = Some(std::env::temp_dir().join("shrinkray-estimate"));
                }
                let all = Selection::default();
                if let Ok(Some(estimate)) = estimate(&asked.0, &settings, &all, SAMPLE_IMAGES, &token, |_| {}) {
                    let _ = tx.send((asked, estimate));
                    ctx.request_repaint();
                }
            });
        if spawned.is_ok() {
            self.asked = Some((key, cancel));
        }
    }

    /// Stops the estimate under way (a job is starting and needs the processor).
    pub fn cancel(&mut self) {
        if let Some((_, token)) = self.asked.take() {
            token.cancel();
        }
        self.wanted = None;
    }

    /// The estimate for this question, if made.
    pub fn current(&self, inputs: &[PathBuf], version: [u64; 2], settings: &Settings) -> Option<&Estimate> {
        let (key, estimate) = self.found.as_ref()?;
        (key.0 == inputs && key.1 == version && key.2 == *settings).then_some(estimate)
    }
}
