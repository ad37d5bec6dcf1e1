//! A job as the window shows it: progress, speed, time left, errors, and the summary at the end.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use eframe::egui;

use super::command::Command;
use super::desktop::{Progress, ProgressState};
use super::thumbnails::ThumbGrid;
use crate::engine::{JobEvent, JobHandle, Summary, Watch};
use crate::text;
use crate::{i18n, tr};

/// The current or last job.
pub struct RunView {
    job: Option<JobHandle>,
    /// The watch, when Start began one ("Keep watching"); its passes stream events like a job's.
    watch: Option<Watch>,
    /// While watching: the folders watched, and when the last copy was made.
    watching: Option<Watching>,
    /// Per-image events due; known once planning is done.
    total: Option<usize>,
    done: usize,
    failed: usize,
    skipped: usize,
    started: Instant,
    summary: Option<Summary>,
    /// Failed inputs with their messages, in arrival order.
    errors: Vec<(PathBuf, String)>,
    /// The inputs that failed, for "Retry failed".
    failed_inputs: Vec<PathBuf>,
    /// When the current pause began.
    paused_since: Option<Instant>,
    /// Time spent paused before the current pause.
    paused_for: Duration,
    /// Finished images.
    pub thumbs: ThumbGrid,
    /// Where this job writes.
    pub output_dir: PathBuf,
    threads: usize,
    /// When the job ended.
    ended: Option<Instant>,
}

/// What the window says of a watch.
struct Watching {
    folders: usize,
    last_copy: Option<Instant>,
}

/// How long a run must have taken for its end to be worth a notification.
pub const NOTIFY_AFTER: Duration = Duration::from_secs(10);

/// The title and body of the notification at the end of a run.
fn end_message(s: &Summary, watched: bool) -> (String, String) {
    let copies = tr!("copies-made", count = s.done);
    let sizes = format!("{} → {}", text::bytes(s.input_bytes), text::bytes(s.output_bytes));
    let not_started = s.total.saturating_sub(s.done + s.failed + s.skipped);
    let title = match s {
        s if s.setup_error.is_some() => tr!("notify-could-not-start"),
        _ if watched => tr!("notify-stopped-watching"),
        s if s.cancelled => tr!("notify-cancelled"),
        s if s.failed > 0 => tr!("notify-done-with-failures"),
        _ => tr!("notify-done"),
    };
    let body = match s {
        s if s.setup_error.is_some() => s
            .setup_error
            .as_ref()
            .map(i18n::errors::setup_error)
            .unwrap_or_default(),
        s if s.failed > 0 => format!("{copies}, {}", tr!("n-failed", count = s.failed)),
        s if s.cancelled && not_started > 0 => format!("{copies}, {}", tr!("n-not-started", count = not_started)),
        _ => format!("{copies}, {sizes}"),
    };
    (title, body)
}

/// How long the title says a job is done.
pub const DONE_TITLE_FOR: Duration = Duration::from_secs(10);

impl RunView {
    /// Watches a job that was just started (or, with no job, shows events fed by hand).
    pub fn new(job: Option<JobHandle>, output_dir: PathBuf, threads: usize) -> Self {
        Self {
            threads,
            job,
            watch: None,
            watching: None,
            total: None,
            done: 0,
            failed: 0,
            skipped: 0,
            started: Instant::now(),
            summary: None,
            errors: Vec::new(),
            failed_inputs: Vec::new(),
            paused_since: None,
            paused_for: Duration::ZERO,
            thumbs: ThumbGrid::default(),
            output_dir,
            ended: None,
        }
    }

    /// Shows a watch that was just started.
    pub fn watching(watch: Watch, output_dir: PathBuf, threads: usize) -> Self {
        Self {
            watch: Some(watch),
            watching: Some(Watching {
                folders: 0,
                last_copy: None,
            }),
            ..Self::new(None, output_dir, threads)
        }
    }

    /// Whether this is a watch that has not ended yet.
    pub fn is_watching(&self) -> bool {
        self.watching.is_some() && self.summary.is_none()
    }

    /// Whether the job finished with every image done or skipped: nothing failed, nothing was cancelled.
    pub fn finished_cleanly(&self) -> bool {
        self.summary.as_ref().is_some_and(|s| {
            s.failed == 0
                && !s.cancelled
                && s.setup_error.is_none()
                && s.report_error.is_none()
                && s.manifest_error.is_none()
        })
    }

    /// The window's title for this job: `27/120 · Shrinkray` while it runs, `Paused · 27/120 · Shrinkray`,
    /// `Done · Shrinkray` (or `Cancelled`, `3 failed`) for `DONE_TITLE_FOR` after it ends, then none.
    pub fn title(&self) -> Option<String> {
        let processed = self.done + self.failed + self.skipped;
        if self.is_watching() {
            return Some(tr!("title-watching", done = self.done));
        }
        match (&self.summary, self.total) {
            (None, Some(total)) => Some(match self.is_paused() {
                true => tr!("title-paused", done = processed, total = total),
                false => tr!("title-progress", done = processed, total = total),
            }),
            (None, None) => Some(tr!("title-starting")),
            (Some(s), _) if self.ended.is_some_and(|at| at.elapsed() < DONE_TITLE_FOR) => Some(match s {
                s if s.cancelled => tr!("title-cancelled"),
                s if s.failed > 0 => tr!("title-done-failed", failed = s.failed),
                _ => tr!("title-done"),
            }),
            (Some(_), _) => None,
        }
    }

    /// What the taskbar shows of this job: the share of the inputs processed, paused or with failures; none
    /// before the count, while watching (a watch has no end to measure against) and once finished.
    pub fn taskbar(&self) -> Option<Progress> {
        if self.summary.is_some() || self.watching.is_some() {
            return None;
        }
        let total = self.total.filter(|&t| t > 0)?;
        let state = match (self.is_paused(), self.failed) {
            (true, _) => ProgressState::Paused,
            (false, 0) => ProgressState::Normal,
            (false, _) => ProgressState::Failing,
        };
        Some(Progress {
            fraction: (self.done + self.failed + self.skipped) as f64 / total as f64,
            state,
        })
    }

    /// The desktop notification for the run that just ended, when it took longer than `NOTIFY_AFTER`: a title
    /// and "120 copies made, 476 MB → 37 MB" (or what failed, or what was never started).
    pub fn end_notification(&self) -> Option<(String, String)> {
        let s = self.summary.as_ref()?;
        if s.elapsed < NOTIFY_AFTER {
            return None;
        }
        Some(end_message(s, self.watching.is_some()))
    }

    /// Whether the job is still running.
    pub fn is_running(&self) -> bool {
        self.summary.is_none()
    }

    /// Takes in every event that arrived; never blocks.
    pub fn drain(&mut self, ctx: &egui::Context) {
        let events: Vec<JobEvent> = match (&self.job, &self.watch) {
            (Some(job), _) => job.events().try_iter().collect(),
            (None, Some(watch)) => watch.events().try_iter().collect(),
            (None, None) => return,
        };
        for event in events {
            self.apply(ctx, event);
        }
        self.thumbs.poll(ctx);
    }

    /// Applies one event (public so tests can feed synthetic ones).
    pub fn apply(&mut self, ctx: &egui::Context, event: JobEvent) {
        match event {
            JobEvent::Started { total } => self.total = Some(total),
            JobEvent::ImageDone(done) => {
                self.done += 1;
                self.thumbs.push(ctx, *done);
                if let Some(w) = &mut self.watching {
                    w.last_copy = Some(Instant::now());
                }
            }
            JobEvent::ImageFailed { input, error, .. } => {
                self.failed += 1;
                self.errors.push((input.clone(), i18n::errors::image_error(&error)));
                self.failed_inputs.push(input);
            }
            JobEvent::ImageSkipped { .. } => self.skipped += 1,
            JobEvent::Watching { folders, .. } => {
                if let Some(w) = &mut self.watching {
                    w.folders = folders.len();
                }
            }
            // Up-to-date inputs are counted by the pass, not listed: the counts follow the per-image events.
            JobEvent::Pass { .. } | JobEvent::InputGone { .. } => {}
            JobEvent::Finished { summary } => {
                if let Some(error) = &summary.setup_error {
                    self.errors
                        .push((self.output_dir.clone(), i18n::errors::setup_error(error)));
                }
                if let Some(error) = &summary.report_error {
                    self.errors.push((self.output_dir.clone(), error.clone()));
                }
                if let Some(error) = &summary.manifest_error {
                    self.errors.push((self.output_dir.clone(), error.clone()));
                }
                self.set_paused(false);
                self.summary = Some(summary);
                self.ended = Some(Instant::now());
                // The job is over: let its channel and pool go.
                self.job = None;
                self.watch = None;
            }
        }
    }

    /// Stops starting new images.
    pub fn cancel(&self) {
        if let Some(job) = &self.job {
            job.cancel();
        }
        if let Some(watch) = &self.watch {
            watch.stop();
        }
    }

    /// Pauses or resumes the job; the clock that gives images/s and the time left stops meanwhile.
    pub fn set_paused(&mut self, paused: bool) {
        if let Some(job) = &self.job {
            job.set_paused(paused);
        }
        match (paused, self.paused_since) {
            (true, None) if self.job.is_some() => self.paused_since = Some(Instant::now()),
            (false, Some(since)) => {
                self.paused_for += since.elapsed();
                self.paused_since = None;
            }
            _ => {}
        }
    }

    /// Whether the job is paused.
    pub fn is_paused(&self) -> bool {
        self.paused_since.is_some()
    }

    /// Time the job has been working: since Start, less the pauses.
    fn working_time(&self) -> Duration {
        let paused = self.paused_for + self.paused_since.map_or(Duration::ZERO, |s| s.elapsed());
        self.started.elapsed().saturating_sub(paused)
    }

    /// The inputs that failed.
    pub fn failed_inputs(&self) -> &[PathBuf] {
        &self.failed_inputs
    }

    /// The report the job wrote, once it is finished, and the inputs a saved copy of it may not replace.
    pub fn report(&self) -> Option<(&std::path::Path, &crate::engine::Protected)> {
        let summary = self.summary.as_ref()?;
        Some((summary.report.as_deref()?, &summary.protected))
    }

    fn cancelling(&self) -> bool {
        self.job.as_ref().is_some_and(JobHandle::is_cancelled) || self.watch.as_ref().is_some_and(Watch::is_stopped)
    }

    /// Failed inputs with their messages, so far.
    pub fn errors(&self) -> &[(PathBuf, String)] {
        &self.errors
    }

    /// The progress bar with counts, speed and time left; the summary once finished.
    pub fn show_progress(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let processed = self.done + self.failed + self.skipped;
        let elapsed = match &self.summary {
            Some(s) => s.elapsed,
            None => self.working_time(),
        };
        if let Some(summary) = &self.summary {
            self.show_summary(ui, summary, commands);
            return;
        }
        if let Some(watching) = &self.watching {
            return self.show_watching(ui, watching);
        }
        let Some(total) = self.total else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr!("finding-images"));
            });
            return;
        };
        let fraction = if total == 0 {
            1.0
        } else {
            processed as f32 / total as f32
        };
        ui.add(
            egui::ProgressBar::new(fraction)
                .text(tr!("progress-bar", done = processed, total = total))
                .animate(false),
        );
        let rate = if elapsed.as_secs_f64() > 0.5 {
            processed as f64 / elapsed.as_secs_f64()
        } else {
            0.0
        };
        let left = if rate > 0.0 {
            text::duration(Duration::from_secs_f64((total - processed.min(total)) as f64 / rate))
        } else {
            "…".to_owned()
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(tr!("n-done", count = self.done));
            if self.failed > 0 {
                ui.colored_label(ui.visuals().error_fg_color, tr!("n-failed", count = self.failed));
            }
            if self.skipped > 0 {
                ui.label(tr!("n-skipped", count = self.skipped));
            }
            ui.label(format!(
                "· {}",
                tr!(
                    "progress-speed",
                    rate = i18n::decimal(rate, 1),
                    elapsed = text::duration(elapsed),
                    left = left
                )
            ));
            ui.weak(format!("· {}", tr!("plan-threads", count = self.threads)));
            if self.cancelling() {
                ui.weak(format!("· {}", tr!("progress-cancelling")));
            } else if self.is_paused() {
                ui.strong(format!("· {}", tr!("progress-paused")));
            }
        });
    }

    /// "Watching 3 folders · 1,204 done · last copy 12 s ago".
    fn show_watching(&self, ui: &mut egui::Ui, w: &Watching) {
        ui.horizontal_wrapped(|ui| {
            ui.spinner();
            ui.strong(match w.folders {
                0 => tr!("watching-inputs"),
                n => tr!("watching-folders", count = n),
            });
            ui.label(format!("· {}", tr!("n-done", count = self.done)));
            if self.failed > 0 {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("· {}", tr!("n-failed", count = self.failed)),
                );
            }
            match w.last_copy {
                Some(at) => {
                    let ago = at.elapsed().as_secs_f64();
                    ui.label(match ago < 1.0 {
                        true => format!("· {}", tr!("last-copy-now")),
                        false => format!("· {}", tr!("last-copy-ago", time = text::rough_duration(ago))),
                    });
                    // The "ago" moves on while nothing arrives; a frame a second is enough for it.
                    ui.ctx().request_repaint_after(Duration::from_secs(1));
                }
                None => {
                    ui.weak(format!("· {}", tr!("watching-waiting")));
                }
            }
            if self.cancelling() {
                ui.weak(format!("· {}", tr!("watching-stopping")));
            }
        });
    }

    fn show_summary(&self, ui: &mut egui::Ui, s: &Summary, commands: &mut Vec<Command>) {
        let headline = if s.setup_error.is_some() {
            tr!("summary-could-not-start")
        } else if self.watching.is_some() {
            tr!("summary-stopped-watching")
        } else if s.cancelled {
            tr!("summary-cancelled")
        } else {
            tr!("summary-finished")
        };
        // After a cancel, what was never started is said too; Start (with "only new and changed") does the rest.
        let not_started = s.total.saturating_sub(s.done + s.failed + s.skipped);
        let rest = if s.cancelled && not_started > 0 {
            format!(", {}", tr!("n-not-started", count = not_started))
        } else {
            String::new()
        };
        ui.horizontal_wrapped(|ui| {
            ui.strong(headline);
            ui.label(format!(
                "{}{rest} · {} → {} · {}",
                tr!("summary-counts", done = s.done, failed = s.failed, skipped = s.skipped),
                text::bytes(s.input_bytes),
                text::bytes(s.output_bytes),
                text::duration(s.elapsed)
            ));
            if s.done > 0
                && ui
                    .button(tr!("show-copies"))
                    .on_hover_text(tr!("show-copies-help", path = self.output_dir.display().to_string()))
                    .clicked()
            {
                commands.push(Command::OpenOutputFolder);
            }
            if !self.failed_inputs.is_empty()
                && ui
                    .button(tr!("retry-failed", count = self.failed_inputs.len()))
                    .on_hover_text(tr!("retry-failed-help"))
                    .clicked()
            {
                commands.push(Command::RetryFailed);
            }
            if s.report.is_some()
                && ui
                    .button(tr!("save-report"))
                    .on_hover_text(tr!("save-report-help"))
                    .clicked()
            {
                commands.push(Command::SaveReport);
            }
        });
    }

    /// The failed files, selectable and copyable.
    pub fn show_errors(&self, ui: &mut egui::Ui) {
        if self.errors.is_empty() {
            return;
        }
        ui.horizontal(|ui| {
            ui.colored_label(ui.visuals().error_fg_color, tr!("errors", count = self.errors.len()));
            if ui
                .small_button(tr!("copy-all"))
                .on_hover_text(tr!("copy-all-help"))
                .clicked()
            {
                let all: Vec<&str> = self.errors.iter().map(|(_, m)| m.as_str()).collect();
                ui.ctx().copy_text(all.join("\n"));
            }
        });
        egui::ScrollArea::vertical()
            .id_salt("errors")
            .max_height(110.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for (_, message) in &self.errors {
                    ui.add(egui::Label::new(egui::RichText::new(message).monospace()).selectable(true));
                }
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(done: usize, failed: usize, total: usize, cancelled: bool) -> Summary {
        Summary {
            total,
            done,
            failed,
            cancelled,
            input_bytes: 476_000_000,
            output_bytes: 37_000_000,
            elapsed: Duration::from_secs(60),
            ..Summary::default()
        }
    }

    #[test]
    fn the_notification_says_what_was_made_what_failed_and_what_was_not_started() {
        let (title, body) = end_message(&summary(120, 0, 120, false), false);
        assert_eq!(title, "Shrinkray: done");
        assert_eq!(
            body,
            format!(
                "120 copies made, {} → {}",
                text::bytes(476_000_000),
                text::bytes(37_000_000)
            )
        );
        assert_eq!(
            end_message(&summary(117, 3, 120, false), false).1,
            "117 copies made, 3 failed"
        );
        assert_eq!(
            end_message(&summary(104, 0, 120, true), false).1,
            "104 copies made, 16 not started"
        );
        assert_eq!(
            end_message(&summary(1, 0, 1, false), true).0,
            "Shrinkray stopped watching"
        );
    }

    #[test]
    fn a_short_run_ends_without_a_notification() {
        let mut run = RunView::new(None, PathBuf::new(), 2);
        run.summary = Some(Summary {
            elapsed: Duration::from_secs(3),
            ..summary(5, 0, 5, false)
        });
        assert_eq!(run.end_notification(), None);
        run.summary = Some(summary(5, 0, 5, false));
        assert!(run.end_notification().is_some());
    }
}
