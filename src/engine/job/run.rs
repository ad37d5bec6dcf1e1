//! A job's work on its pool: planning every output group, then one entry at a time to whichever worker is
//! free, and the events, journal, report and failed list that follow.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Instant, SystemTime};

use crossbeam_channel::Sender;
use rayon::prelude::*;

use super::counts::Counts;
use super::options::{JobOptions, QUEUED_WITH_THUMBNAILS, THUMBNAIL_EDGE, Waker};
use crate::engine::budget::Budget;
use crate::engine::codecs::isolated_file;
use crate::engine::control::Pause;
use crate::engine::error::{ImageError, SetupError, panic_message};
use crate::engine::event::{ImageDone, JobEvent, SkipReason, Summary};
use crate::engine::failed_list::FailedList;
use crate::engine::guard::{Keep, Protected};
use crate::engine::in_place::SwapJournal;
use crate::engine::keys::fingerprint;
use crate::engine::manifest::{Input, Keeper, Record};
use crate::engine::pipeline::process;
use crate::engine::plan::{OutputGroup, Plan, PlanEntry, plan_group};
use crate::engine::report::Report;
use crate::engine::settings::Settings;
use crate::engine::task::Task;

/// The job's side of the channel.
pub(super) struct Run {
    pub(super) budget: Budget,
    tx: Sender<JobEvent>,
    waker: Waker,
    cancel: Arc<AtomicBool>,
    pause: Arc<Pause>,
    pub(super) settings: Settings,
    /// `fingerprint` of the settings, for the manifest.
    fingerprint: String,
    options: JobOptions,
    /// The report being written, and the first error writing it (or the failed list).
    report: Mutex<(Option<Report>, Option<String>)>,
    /// The failed list being written.
    failed_list: Mutex<Option<FailedList>>,
}

/// One output group being worked through: its folder's journal, and where its indices start.
pub(super) struct Stage<'a> {
    /// This group's record of what it wrote; none when it cannot be kept.
    pub journal: Option<Keeper>,
    /// The group's output folder.
    pub out_dir: &'a Path,
    /// The number of entries of the groups before it.
    pub offset: usize,
    /// For an in-place run: where originals go, and the run's journal of swaps.
    pub swaps: Option<(&'a Keep, &'a SwapJournal)>,
}

impl Run {
    pub(super) fn new(
        budget: Budget,
        tx: Sender<JobEvent>,
        waker: Waker,
        cancel: Arc<AtomicBool>,
        pause: Arc<Pause>,
        settings: Settings,
        options: JobOptions,
    ) -> Self {
        Self {
            budget,
            tx,
            waker,
            cancel,
            pause,
            fingerprint: fingerprint(&settings),
            settings,
            options,
            report: Mutex::new((None, None)),
            failed_list: Mutex::new(None),
        }
    }

    pub(super) fn send(&self, event: JobEvent) {
        if let Ok(mut guard) = self.report.lock() {
            let (report, error) = &mut *guard;
            if let Some(r) = report
                && let Err(e) = r.event(&event)
            {
                *error = Some(format!("cannot write the report: {e}: {}", r.path().display()));
                *report = None;
            }
        }
        if let JobEvent::ImageFailed { input, .. } = &event
            && let Ok(mut list) = self.failed_list.lock()
            && let Some(l) = list.as_mut()
            && let Err(e) = l.add(input)
        {
            let why = format!("cannot write the failed list: {e}: {}", l.path().display());
            *list = None;
            if let Ok(mut guard) = self.report.lock() {
                guard.1.get_or_insert(why);
            }
        }
        // A receiver that hung up has stopped listening; the job still finishes its files cleanly.
        let _ = self.tx.send(event);
        (self.waker)();
    }

    pub(super) fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    pub(super) fn run(self, groups: &[OutputGroup]) {
        let start = Instant::now();
        let settings: Vec<Settings> = groups.iter().map(|g| self.settings.in_folder(&g.out_dir)).collect();
        // Every group is planned (its folder made, its lock taken, its inputs counted) before the first image:
        // the total is known at `Started`, and no group's copy may replace another group's input.
        let planned = catch_unwind(AssertUnwindSafe(|| {
            groups
                .iter()
                .zip(&settings)
                .map(|(group, settings)| plan_group(group, settings, &self.options.selection))
                .collect::<Result<Vec<Plan>, SetupError>>()
        }));
        let mut plans = match planned {
            Ok(Ok(plans)) => plans,
            Ok(Err(error)) => return self.finish_early(start, error),
            Err(panic) => {
                let why = format!("planning failed unexpectedly ({})", panic_message(&*panic));
                return self.finish_early(start, SetupError::Internal(why));
            }
        };
        let total: usize = plans.iter().map(Plan::total).sum();
        let protected = plans
            .iter()
            .map(Plan::protected)
            .reduce(|a, b| a.union(&b))
            .unwrap_or_default();
        if plans.len() > 1 {
            for plan in &mut plans {
                plan.protect(protected.clone());
            }
        }
        if let Err(error) = self.open_side_files(&protected) {
            drop(plans);
            return self.finish_early(start, error);
        }
        self.send(JobEvent::Started { total });

        let mut counts = Counts::default();
        let mut manifest_error = None;
        for (plan, group) in plans.into_iter().zip(groups) {
            if self.cancelled() {
                break;
            }
            // Planning made the output folder; the journal goes inside it.
            let journal = match Keeper::open(&group.out_dir, self.options.selection.shard) {
                Ok(journal) => Some(journal),
                Err(why) => {
                    manifest_error.get_or_insert(why);
                    None
                }
            };
            let mut stage = Stage {
                journal,
                out_dir: &group.out_dir,
                offset: counts.entries,
                swaps: None,
            };
            counts = counts.add(self.work_through(plan, &stage));
            if let Some(journal) = stage.journal.take()
                && let Err(why) = journal.finish()
            {
                manifest_error.get_or_insert(why);
            }
        }
        self.finish(start, total, &counts, manifest_error, protected);
    }

    /// Sends `Finished` with the run's figures, once the report and failed list are complete.
    pub(super) fn finish(
        &self,
        start: Instant,
        total: usize,
        counts: &Counts,
        manifest_error: Option<String>,
        protected: Protected,
    ) {
        let mut summary = Summary {
            total: total.max(counts.entries),
            done: counts.done,
            failed: counts.failed,
            skipped: counts.skipped,
            input_bytes: counts.input_bytes,
            output_bytes: counts.output_bytes,
            cancelled: self.cancelled(),
            elapsed: start.elapsed(),
            setup_error: None,
            report: None,
            report_error: None,
            manifest_error,
            protected,
            held: counts.held,
            retry_at: counts.retry_at,
        };
        self.finish_failed_list(&mut summary);
        if let Ok(mut guard) = self.report.lock() {
            let (report, error) = &mut *guard;
            summary.report_error = error.take();
            if let Some(report) = report.take() {
                let path = report.path().to_owned();
                let finished = if self.options.watch_pass.is_some() {
                    report.finish_pass()
                } else {
                    report.finish(&summary)
                };
                match finished {
                    Ok(written) => summary.report = Some(written),
                    Err(e) => summary.report_error = Some(format!("cannot write the report: {e}: {}", path.display())),
                }
            }
        }
        self.send(JobEvent::Finished { summary });
    }

    /// Works through one group's plan. Workers take entries one at a time as they become free, so a slow image
    /// never holds back others, and an entry is planned only when it is taken. Nothing new starts once the job
    /// is cancelled, nor while it is paused.
    pub(super) fn work_through(&self, mut plan: impl Iterator<Item = PlanEntry> + Send, stage: &Stage) -> Counts {
        let entries = std::iter::from_fn(|| {
            self.pause.wait(&self.cancel);
            if self.cancelled() { None } else { plan.next() }
        });
        entries
            .par_bridge()
            .map(|entry| self.entry(shifted(entry, stage.offset), stage))
            .reduce(Counts::default, Counts::add)
    }

    /// Starts the report and the failed list asked for; neither may be one of the inputs.
    pub(super) fn open_side_files(&self, protected: &Protected) -> Result<(), SetupError> {
        if let Some(path) = &self.options.report {
            let append = self.options.watch_pass.as_ref().is_some_and(|w| w.append_report);
            let report = if append {
                Report::append(path, protected)
            } else {
                Report::create(path, protected)
            };
            let report = report.map_err(|source| SetupError::Report {
                source,
                path: path.clone(),
            })?;
            if let Ok(mut guard) = self.report.lock() {
                guard.0 = Some(report);
            }
        }
        if let Some(spec) = &self.options.failed_list {
            let list = FailedList::create(spec, protected).map_err(|source| SetupError::FailedList {
                source,
                path: spec.path.clone(),
            })?;
            if let Ok(mut guard) = self.failed_list.lock() {
                *guard = Some(list);
            }
        }
        Ok(())
    }

    /// Gives the failed list its name; an error goes where the report's would.
    fn finish_failed_list(&self, summary: &mut Summary) {
        let Some(list) = self.failed_list.lock().ok().and_then(|mut l| l.take()) else {
            return;
        };
        let path = list.path().to_owned();
        if let Err(e) = list.finish() {
            let why = format!("cannot write the failed list: {e}: {}", path.display());
            summary.report_error.get_or_insert(why);
        }
    }

    fn entry(&self, entry: PlanEntry, stage: &Stage) -> Counts {
        let counts = match entry {
            PlanEntry::Task(task) => self.one(&task, stage),
            PlanEntry::Skip { index, input, reason } => {
                // A watch meets every up-to-date input again on every pass: they are counted, not listed.
                if !(reason == SkipReason::UpToDate && self.options.watch_pass.is_some()) {
                    self.send(JobEvent::ImageSkipped { index, input, reason });
                }
                Counts {
                    skipped: 1,
                    ..Counts::default()
                }
            }
            PlanEntry::Fail { index, input, error } => {
                let modified = std::fs::metadata(&input).and_then(|m| m.modified()).ok();
                self.fail(index, input, modified, error)
            }
        };
        Counts { entries: 1, ..counts }
    }

    pub(super) fn finish_early(&self, start: Instant, error: SetupError) {
        // A report or failed list already begun is dropped (its temporary file removed) before `Finished`: once
        // the caller hears the job is over, it finds nothing half-written.
        if let Ok(mut guard) = self.report.lock() {
            guard.0 = None;
        }
        if let Ok(mut list) = self.failed_list.lock() {
            *list = None;
        }
        let summary = Summary {
            elapsed: start.elapsed(),
            cancelled: self.cancelled(),
            setup_error: Some(error),
            ..Summary::default()
        };
        self.send(JobEvent::Finished { summary });
    }

    /// Processes one task and sends its event; a panic in a codec becomes that image's failure, and after any
    /// failure the worker's codecs are rebuilt before its next image.
    fn one(&self, task: &Task, stage: &Stage) -> Counts {
        if self.cancelled() {
            return Counts::default();
        }
        if let Some((keep, journal)) = stage.swaps {
            return self.replace(task, keep, journal);
        }
        let result = isolated_file(&task.input, || {
            process(task, &self.settings, self.thumbnail_edge(), &self.budget)
        });
        match result {
            Ok(done) => {
                self.record(task, &done, stage);
                let counts = Counts {
                    done: 1,
                    input_bytes: done.input_bytes,
                    output_bytes: done.output_bytes + done.extra.iter().map(|e| e.output_bytes).sum::<u64>(),
                    ..Counts::default()
                };
                self.send(JobEvent::ImageDone(Box::new(done)));
                counts
            }
            Err(error) => self.failed(task, error),
        }
    }

    /// Sends the failure of `task`'s image; its counts.
    pub(super) fn failed(&self, task: &Task, error: ImageError) -> Counts {
        self.fail(task.index, task.input.clone(), task.modified, error)
    }

    /// Sends the failure of `input`, last modified at `modified`, unless a watch holds it back: a file that
    /// changed moments ago may still be being written, and fails to decode only because it is not whole yet.
    fn fail(&self, index: usize, input: PathBuf, modified: Option<SystemTime>, error: ImageError) -> Counts {
        let hold = self.options.watch_pass.as_ref().map(|w| w.hold_failures);
        if let (Some(hold), Some(modified)) = (hold, modified)
            && let Some(retry_at) = modified.checked_add(hold)
            && retry_at > SystemTime::now()
        {
            return Counts {
                held: 1,
                retry_at: Some(retry_at),
                ..Counts::default()
            };
        }
        self.send(JobEvent::ImageFailed { index, input, error });
        Counts {
            failed: 1,
            ..Counts::default()
        }
    }

    /// Notes in the journal what this image's copies were made from, once they are all in place.
    fn record(&self, task: &Task, done: &ImageDone, stage: &Stage) {
        let Some(journal) = &stage.journal else {
            return;
        };
        let outputs: Vec<&std::path::Path> = std::iter::once(done.output.as_path())
            .chain(done.extra.iter().map(|e| e.output.as_path()))
            .collect();
        journal.record(&Record::new(
            task.key.clone(),
            &Input::new(&task.input, task.input_bytes, task.modified).with_version(task.version.as_deref()),
            self.fingerprint.clone(),
            stage.out_dir,
            &outputs,
        ));
    }

    pub(super) fn thumbnail_edge(&self) -> Option<u32> {
        (self.options.thumbnails && self.tx.len() < QUEUED_WITH_THUMBNAILS).then_some(THUMBNAIL_EDGE)
    }
}

/// `entry` with its index counted from the start of the job rather than of its group.
fn shifted(mut entry: PlanEntry, offset: usize) -> PlanEntry {
    match &mut entry {
        PlanEntry::Task(task) => task.index += offset,
        PlanEntry::Skip { index, .. } | PlanEntry::Fail { index, .. } => *index += offset,
    }
    entry
}
