//! Applying the frame's commands, once, after it is drawn; starting jobs.

use std::sync::Arc;

use eframe::egui;

use super::{ShrinkrayApp, WAKE_INTERVAL};
use crate::engine::{JobHandle, JobOptions, OutputGroup, Selection, Watch, WatchOptions, beside_each_input};
use crate::text;
use crate::ui::command::Command;
use crate::ui::dialogs::DialogKind;
use crate::ui::platform;
use crate::ui::run::RunView;
use crate::{i18n, tr};

impl ShrinkrayApp {
    pub(super) fn apply_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            match command {
                Command::AddPaths(paths) => {
                    self.show_results &= self.is_running();
                    self.inputs.add(paths, ctx);
                }
                Command::PickFiles => self.dialogs.open(DialogKind::Files, ctx, self.last_input_dir()),
                Command::PickFolders => self.dialogs.open(DialogKind::Folders, ctx, self.last_input_dir()),
                Command::PickBackupDir => {
                    let start = self.state.backup_dir.clone();
                    self.dialogs.open(DialogKind::BackupDir, ctx, start);
                }
                Command::ConfirmInPlace | Command::CancelInPlace | Command::UndoInPlace => {
                    self.in_place_command(ctx, &command);
                }
                Command::PickOutputDir => {
                    let start = self.state.settings.output_dir.clone();
                    self.dialogs.open(DialogKind::OutputDir, ctx, start);
                }
                Command::RemoveInput(i) => {
                    self.show_results = false;
                    self.inputs.remove(i);
                }
                Command::ClearInputs => {
                    self.show_results = false;
                    self.preview = None;
                    self.inputs.clear();
                }
                Command::Start => self.start(ctx),
                Command::Cancel => {
                    if let Some(run) = &self.run {
                        run.cancel();
                    }
                }
                Command::TogglePause => {
                    if let Some(run) = self.run.as_mut().filter(|r| r.is_running()) {
                        let paused = run.is_paused();
                        run.set_paused(!paused);
                    }
                }
                Command::RetryFailed => {
                    let failed = self
                        .run
                        .as_ref()
                        .map(|r| r.failed_inputs().to_vec())
                        .unwrap_or_default();
                    if !failed.is_empty() {
                        let only = Selection {
                            shard: None,
                            only: Some(Arc::new(failed.into_iter().collect())),
                            watch: None,
                        };
                        if self.state.in_place {
                            // An in-place run skips what it already shrank: all of it again is the rest.
                            self.ask_in_place();
                        } else {
                            self.start_job(ctx, only);
                        }
                    }
                }
                Command::SaveReport => {
                    if let Some((report, protected)) = self.run.as_ref().and_then(RunView::report) {
                        let start = self.state.settings.output_dir.clone();
                        self.dialogs
                            .save_report(report.to_owned(), protected.clone(), ctx, start);
                    }
                }
                Command::OnlyNewAndChanged => self.state.settings.update = true,
                Command::SkipIfLarger => self.state.settings.skip_if_larger = true,
                Command::OpenPreview(index) => self.open_preview(index),
                Command::ClosePreview => self.preview = None,
                Command::KeepOpen => self.closing_at = None,
                Command::PreviewStep(by) => {
                    if let Some(preview) = &mut self.preview {
                        preview.step(by);
                    }
                }
                Command::OpenOutputFolder => {
                    if let Some(run) = &self.run
                        && let Err(e) = platform::open_folder(&run.output_dir)
                    {
                        self.notice = Some(tr!(
                            "open-folder-failed",
                            error = e.to_string(),
                            path = run.output_dir.display().to_string()
                        ));
                    }
                }
            }
        }
    }

    fn start(&mut self, ctx: &egui::Context) {
        if self.start_blocker().is_some() {
            return;
        }
        if self.state.in_place {
            // Never without asking: the confirmation names the count and where the originals go.
            return self.ask_in_place();
        }
        self.start_job(ctx, Selection::default());
    }

    /// Starts a job on the inputs `selection` takes, with the current settings.
    fn start_job(&mut self, ctx: &egui::Context, selection: Selection) {
        if self.is_running() {
            return;
        }
        let repaint = ctx.clone();
        let waker = Arc::new(move || repaint.request_repaint_after(WAKE_INTERVAL));
        let settings = self.state.settings.clone();
        let groups = match &self.state.beside {
            Some(folder) => match beside_each_input(&self.inputs.paths(), folder) {
                Ok(groups) => groups,
                Err(e) => {
                    self.notice = Some(e.to_string());
                    return;
                }
            },
            None => {
                let out = settings.output_dir.clone().unwrap_or_default();
                vec![OutputGroup::single(out, self.inputs.paths())]
            }
        };
        // "Show the copies" opens the first folder they go to.
        let out = groups.first().map(|g| g.out_dir.clone()).unwrap_or_default();
        // Every run keeps a report, so "Save report…" can offer it afterwards: beside the copies when asked,
        // else in the temporary folder (one per app, replaced by its next run).
        let report = if self.state.auto_report {
            out.join(format!(
                "shrinkray-report-{}.csv",
                text::file_stamp(std::time::SystemTime::now())
            ))
        } else {
            std::env::temp_dir().join(format!("shrinkray-report-{}.csv", std::process::id()))
        };
        let options = JobOptions {
            thumbnails: true,
            selection,
            report: Some(report),
            failed_list: None,
            background: true,
            watch_pass: None,
        };
        // "Keep watching" watches the inputs; retrying the failed images is a job of its own.
        let watch = self.watches() && options.selection.only.is_none();
        let threads = settings.thread_count();
        let started = if watch {
            Watch::start_groups(groups, settings, options, WatchOptions::default(), waker)
                .map(|watch| RunView::watching(watch, out, threads))
        } else {
            JobHandle::start_groups(groups, settings, options, waker).map(|job| RunView::new(Some(job), out, threads))
        };
        match started {
            Ok(run) => {
                self.run = Some(run);
                self.notice = None;
                self.show_results = true;
                self.preview = None;
                // The job needs the processor more than a guess at it.
                self.estimates.cancel();
            }
            Err(e) => self.notice = Some(i18n::errors::setup_error(&e)),
        }
    }
}
