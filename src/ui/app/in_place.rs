//! Replacing the originals from the app: the confirmation each in-place run asks for (naming how many images
//! and where the originals go), starting it, and "Undo the last in-place run" on a thread of its own.

use std::sync::Arc;

use crossbeam_channel::Receiver;
use eframe::egui;

use super::{ShrinkrayApp, WAKE_INTERVAL};
use crate::engine::{JobHandle, JobOptions, Keep, Undone, last_in_place_run, undo_run};
use crate::text;
use crate::ui::command::Command;
use crate::ui::run::RunView;
use crate::{i18n, tr};

/// What the app holds of in-place runs between frames.
#[derive(Default)]
pub(super) struct InPlaceView {
    /// The confirmation is showing.
    confirming: bool,
    /// The undo under way: its answer arrives here.
    undo: Option<Receiver<Result<Undone, String>>>,
}

impl ShrinkrayApp {
    /// Where the originals of an in-place run go, as chosen.
    pub(super) fn keep(&self) -> Keep {
        self.state.backup_dir.clone().map_or(Keep::Trash, Keep::Backup)
    }

    /// Where the originals go, for a message: `("trash", "")`, or `("folder", "~/Originals")` (each language
    /// words "in the Trash" and "in this folder" its own way).
    pub(super) fn keep_place(&self) -> (&'static str, String) {
        match &self.state.backup_dir {
            None => ("trash", String::new()),
            Some(dir) => ("folder", text::path(dir)),
        }
    }

    /// Start was pressed with "replace the originals": ask first.
    pub(super) fn ask_in_place(&mut self) {
        self.in_place.confirming = true;
    }

    /// The line shown above the plan (an error, or what the undo did).
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Whether an undo is running.
    pub(super) fn undoing(&self) -> bool {
        self.in_place.undo.is_some()
    }

    /// Draws the confirmation while it is asked for.
    pub(super) fn confirm_in_place(&mut self, ctx: &egui::Context) {
        if !self.in_place.confirming {
            return;
        }
        let (images, _, counting) = self.inputs.totals();
        let counted = if counting {
            tr!("count-so-far", count = images)
        } else {
            text::count(images)
        };
        let (place, kept) = self.keep_place();
        let modal = egui::Modal::new(egui::Id::unique("shrinkray-confirm-in-place")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading(tr!("in-place-title", count = images, n = counted));
            ui.add_space(6.0);
            ui.label(tr!("in-place-explain", place = place, kept = kept.as_str()));
            ui.label(tr!("in-place-exceptions"));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let replace = ui.button(egui::RichText::new(tr!("in-place-confirm")).strong());
                if replace.clicked() {
                    self.commands.push(Command::ConfirmInPlace);
                }
                if ui.button(tr!("cancel")).clicked() {
                    self.commands.push(Command::CancelInPlace);
                }
            });
        });
        if modal.should_close() {
            self.commands.push(Command::CancelInPlace);
        }
    }

    /// Applies the in-place commands.
    pub(super) fn in_place_command(&mut self, ctx: &egui::Context, command: &Command) {
        match command {
            Command::ConfirmInPlace => {
                self.in_place.confirming = false;
                self.start_in_place(ctx);
            }
            Command::CancelInPlace => self.in_place.confirming = false,
            Command::UndoInPlace => self.undo_in_place(ctx),
            _ => {}
        }
    }

    /// Starts the in-place run over the inputs.
    fn start_in_place(&mut self, ctx: &egui::Context) {
        if self.is_running() || self.undoing() {
            return;
        }
        let repaint = ctx.clone();
        let waker = Arc::new(move || repaint.request_repaint_after(WAKE_INTERVAL));
        let paths = self.inputs.paths();
        // "Show the copies" opens the folder of the first input: the copies are where the originals were.
        let shown = paths
            .first()
            .map(|p| {
                if p.is_dir() {
                    p.clone()
                } else {
                    p.parent().unwrap_or(p).to_owned()
                }
            })
            .unwrap_or_default();
        let options = JobOptions {
            thumbnails: true,
            report: Some(std::env::temp_dir().join(format!("shrinkray-report-{}.csv", std::process::id()))),
            background: true,
            ..JobOptions::default()
        };
        match JobHandle::start_in_place(paths, self.state.settings.clone(), self.keep(), options, waker) {
            Ok(job) => {
                let threads = job.threads();
                self.run = Some(RunView::new(Some(job), shown, threads));
                self.notice = None;
                self.show_results = true;
                self.preview = None;
                self.estimates.cancel();
            }
            Err(e) => self.notice = Some(i18n::errors::setup_error(&e)),
        }
    }

    /// Puts back the originals of the last in-place run, on a thread of its own (it moves files).
    fn undo_in_place(&mut self, ctx: &egui::Context) {
        if self.is_running() || self.undoing() {
            return;
        }
        let (tx, rx) = crossbeam_channel::bounded(1);
        let repaint = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("shrinkray-undo".to_owned())
            .spawn(move || {
                let result = last_in_place_run()
                    .ok_or_else(|| tr!("undo-nothing"))
                    .and_then(|journal| undo_run(&journal));
                let _ = tx.send(result);
                repaint.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.in_place.undo = Some(rx);
                self.notice = Some(tr!("undo-in-progress"));
            }
            Err(e) => self.notice = Some(tr!("undo-start-failed", error = e.to_string())),
        }
    }

    /// Takes the undo's answer when it has come.
    pub(super) fn poll_undo(&mut self) {
        let Some(answer) = self.in_place.undo.as_ref().and_then(|rx| rx.try_recv().ok()) else {
            return;
        };
        self.in_place.undo = None;
        self.freshness.invalidate();
        self.notice = Some(match answer {
            Ok(undone) if undone.failed.is_empty() => tr!("undo-done", count = undone.restored.len()),
            Ok(undone) => tr!(
                "undo-partly-done",
                count = undone.restored.len(),
                failed = undone.failed.len(),
                first = undone.failed[0].1.as_str()
            ),
            Err(why) => why,
        });
    }
}
