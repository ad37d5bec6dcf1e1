//! Running a batch: one dedicated rayon pool per job, one event per image over a channel.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

use crossbeam_channel::{Receiver, Sender};
use rayon::prelude::*;

use super::budget::{Budget, auto_memory_budget};
use super::codecs::isolated_file;
use super::control::{CancelToken, Pause};
use super::error::{ImageError, SetupError, panic_message};
use super::event::{ImageDone, JobEvent, Summary};
use super::failed_list::{FailedList, FailedListSpec};
use super::guard::Protected;
use super::keys::fingerprint;
use super::manifest::{Input, Journal, Record};
use super::pipeline::process;
use super::plan::{PlanEntry, plan_selected};
use super::report::Report;
use super::selection::Selection;
use super::settings::Settings;
use super::task::Task;
use super::workers::worker_pool;

/// Called after every event, from a worker thread; a GUI passes one that requests a repaint.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// Long edge of the thumbnails in `ImageDone` events, in pixels.
pub const THUMBNAIL_EDGE: u32 = 256;

/// Events waiting in the channel beyond which a finished image's event carries no thumbnail: a window that
/// stops drawing (hidden, minimised) stops draining, and 10,000 thumbnails of 256 KB would pile up to 2.5 GB.
/// Below this, at most about 33 MB of pixels wait; the app loads a missing thumbnail from the output file when
/// its tile is shown.
pub const QUEUED_WITH_THUMBNAILS: usize = 128;

/// Processes one planned image exactly as a job's worker does (isolated codecs, a panic becomes the image's
/// error), on the calling thread and with no memory budget. For benchmarks and tools that schedule images
/// themselves; a program resizing a batch should use `JobHandle`, which bounds threads and memory.
pub fn process_task(task: &Task, settings: &Settings) -> Result<ImageDone, ImageError> {
    static UNLIMITED: Budget = Budget::new(u64::MAX);
    isolated_file(&task.input, || process(task, settings, None, &UNLIMITED))
}

/// Per-run choices that are not user settings.
#[derive(Clone, Debug, Default)]
pub struct JobOptions {
    /// Put a thumbnail in every `ImageDone` (the desktop app wants them; the CLI does not). Default: no.
    pub thumbnails: bool,
    /// Which of the inputs to take. Default: all.
    pub selection: Selection,
    /// Write a report of every input here (`.csv`, `.json` or `.jsonl`; see `Report`). Default: none.
    pub report: Option<PathBuf>,
    /// List the inputs that fail here (`FailedListSpec`). Default: none.
    pub failed_list: Option<FailedListSpec>,
    /// Run the workers at idle priority (Linux's `SCHED_IDLE`): they take every core nothing else wants, and
    /// yield at once to any other thread that wakes, such as the window drawing its next frame (with every core
    /// busy resizing, the app's frames otherwise wait for the scheduler: p99 frame time 14.5 ms instead of
    /// 8). Throughput is unchanged when nothing else runs; a program that keeps every core busy slows the
    /// job down to almost nothing meanwhile. Default: no.
    pub background: bool,
}

/// A running (or finished) job. Dropping it cancels the job.
pub struct JobHandle {
    events: Receiver<JobEvent>,
    cancel: Arc<AtomicBool>,
    pause: Arc<Pause>,
    threads: usize,
}

impl JobHandle {
    /// Starts a job on its own pool of `settings.thread_count()` threads named `shrinkray-worker-N`. Returns
    /// at once: planning and all file access happen on the pool. Fails only for invalid settings or when the
    /// threads cannot be started.
    pub fn start(
        inputs: Vec<PathBuf>,
        settings: Settings,
        options: JobOptions,
        waker: Waker,
    ) -> Result<JobHandle, SetupError> {
        settings.validate()?;
        let threads = settings.thread_count();
        let pool = worker_pool(threads, options.background)?;
        let (tx, rx) = crossbeam_channel::unbounded();
        let cancel = Arc::new(AtomicBool::new(false));
        let pause = Arc::new(Pause::default());
        let budget = Budget::new(settings.limits.memory_budget.unwrap_or_else(auto_memory_budget));
        let run = Run {
            budget,
            tx,
            waker,
            cancel: Arc::clone(&cancel),
            pause: Arc::clone(&pause),
            fingerprint: fingerprint(&settings),
            settings,
            options,
            journal: OnceLock::new(),
            report: Mutex::new((None, None)),
            failed_list: Mutex::new(None),
        };
        // The pool's threads end once this, its only work, is done and `pool` is dropped here.
        pool.spawn(move || run.run(&inputs));
        Ok(JobHandle {
            events: rx,
            cancel,
            pause,
            threads,
        })
    }

    /// The events, in completion order; `Finished` is the last. Drain with `try_iter()` on a UI thread.
    pub fn events(&self) -> &Receiver<JobEvent> {
        &self.events
    }

    /// Stops starting new images. Images in flight finish (or are discarded whole), then `Finished` arrives
    /// with `cancelled: true`.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
        self.pause.set(false);
    }

    /// Pauses (`true`) or resumes the job: while paused, the images in flight finish and no new one starts.
    /// Cancelling a paused job ends it.
    pub fn set_paused(&self, paused: bool) {
        self.pause.set(paused);
    }

    /// Whether the job is paused.
    pub fn is_paused(&self) -> bool {
        self.pause.is_paused()
    }

    /// Whether `cancel` was called.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// A cancel switch that can be moved to another thread (a signal handler, a button).
    pub fn cancel_token(&self) -> CancelToken {
        CancelToken(Arc::clone(&self.cancel))
    }

    /// The number of worker threads.
    pub fn threads(&self) -> usize {
        self.threads
    }
}

impl Drop for JobHandle {
    fn drop(&mut self) {
        self.cancel();
    }
}

/// The job's side of the channel.
struct Run {
    budget: Budget,
    tx: Sender<JobEvent>,
    waker: Waker,
    cancel: Arc<AtomicBool>,
    pause: Arc<Pause>,
    settings: Settings,
    /// `fingerprint` of the settings, for the manifest.
    fingerprint: String,
    options: JobOptions,
    /// This run's record of what it wrote; none until planning made the output folder, or when it cannot be
    /// kept.
    journal: OnceLock<Journal>,
    /// The report being written, and the first error writing it (or the failed list).
    report: Mutex<(Option<Report>, Option<String>)>,
    /// The failed list being written.
    failed_list: Mutex<Option<FailedList>>,
}

impl Run {
    fn send(&self, event: JobEvent) {
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

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    fn run(mut self, inputs: &[PathBuf]) {
        let start = Instant::now();
        let planned = catch_unwind(AssertUnwindSafe(|| {
            plan_selected(inputs, &self.settings, &self.options.selection)
        }));
        let plan = match planned {
            Ok(Ok(plan)) => plan,
            Ok(Err(error)) => return self.finish_early(start, error),
            Err(panic) => {
                let why = format!("planning failed unexpectedly ({})", panic_message(&*panic));
                return self.finish_early(start, SetupError::Internal(why));
            }
        };
        let total = plan.total();
        let protected = plan.protected();
        if let Err(error) = self.open_side_files(&protected) {
            drop(plan);
            return self.finish_early(start, error);
        }
        // Planning made the output folder; the journal goes inside it.
        let mut manifest_error = None;
        match self.settings.output_dir.as_deref().map(Journal::open) {
            Some(Ok(journal)) => {
                let _ = self.journal.set(journal);
            }
            Some(Err(why)) => manifest_error = Some(why),
            None => {}
        }
        self.send(JobEvent::Started { total });

        // Workers take entries one at a time as they become free, so a slow image never holds back others,
        // and an entry is planned only when it is taken. Nothing new starts once the job is cancelled, nor
        // while it is paused.
        let mut plan = plan;
        let entries = std::iter::from_fn(|| {
            self.pause.wait(&self.cancel);
            if self.cancelled() { None } else { plan.next() }
        });
        let counts = entries
            .par_bridge()
            .map(|entry| self.entry(entry))
            .reduce(Counts::default, Counts::add);
        drop(plan);
        if let Some(journal) = self.journal.take()
            && let Err(why) = journal.finish()
        {
            manifest_error.get_or_insert(why);
        }
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
        };
        self.finish_failed_list(&mut summary);
        if let Ok(mut guard) = self.report.lock() {
            let (report, error) = &mut *guard;
            summary.report_error = error.take();
            if let Some(report) = report.take() {
                let path = report.path().to_owned();
                match report.finish(&summary) {
                    Ok(written) => summary.report = Some(written),
                    Err(e) => summary.report_error = Some(format!("cannot write the report: {e}: {}", path.display())),
                }
            }
        }
        self.send(JobEvent::Finished { summary });
    }

    /// Starts the report and the failed list asked for; neither may be one of the inputs.
    fn open_side_files(&self, protected: &Protected) -> Result<(), SetupError> {
        if let Some(path) = &self.options.report {
            let report = Report::create(path, protected).map_err(|source| SetupError::Report {
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

    fn entry(&self, entry: PlanEntry) -> Counts {
        let counts = match entry {
            PlanEntry::Task(task) => self.one(&task),
            PlanEntry::Skip { index, input, reason } => {
                self.send(JobEvent::ImageSkipped { index, input, reason });
                Counts {
                    skipped: 1,
                    ..Counts::default()
                }
            }
            PlanEntry::Fail { index, input, error } => {
                self.send(JobEvent::ImageFailed { index, input, error });
                Counts {
                    failed: 1,
                    ..Counts::default()
                }
            }
        };
        Counts { entries: 1, ..counts }
    }

    fn finish_early(&self, start: Instant, error: SetupError) {
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
    fn one(&self, task: &Task) -> Counts {
        if self.cancelled() {
            return Counts::default();
        }
        let result = isolated_file(&task.input, || {
            process(task, &self.settings, self.thumbnail_edge(), &self.budget)
        });
        match result {
            Ok(done) => {
                self.record(task, &done);
                let counts = Counts {
                    done: 1,
                    input_bytes: done.input_bytes,
                    output_bytes: done.output_bytes + done.extra.iter().map(|e| e.output_bytes).sum::<u64>(),
                    ..Counts::default()
                };
                self.send(JobEvent::ImageDone(Box::new(done)));
                counts
            }
            Err(error) => {
                self.send(JobEvent::ImageFailed {
                    index: task.index,
                    input: task.input.clone(),
                    error,
                });
                Counts {
                    failed: 1,
                    ..Counts::default()
                }
            }
        }
    }

    /// Notes in the journal what this image's copies were made from, once they are all in place.
    fn record(&self, task: &Task, done: &ImageDone) {
        let (Some(journal), Some(out_dir)) = (self.journal.get(), self.settings.output_dir.as_deref()) else {
            return;
        };
        let outputs: Vec<&std::path::Path> = std::iter::once(done.output.as_path())
            .chain(done.extra.iter().map(|e| e.output.as_path()))
            .collect();
        journal.record(&Record::new(
            task.key.clone(),
            &Input::new(&task.input, task.input_bytes, task.modified),
            self.fingerprint.clone(),
            out_dir,
            &outputs,
        ));
    }

    fn thumbnail_edge(&self) -> Option<u32> {
        (self.options.thumbnails && self.tx.len() < QUEUED_WITH_THUMBNAILS).then_some(THUMBNAIL_EDGE)
    }
}

#[derive(Default)]
struct Counts {
    entries: usize,
    done: usize,
    skipped: usize,
    failed: usize,
    input_bytes: u64,
    output_bytes: u64,
}

impl Counts {
    fn add(self, other: Self) -> Self {
        Self {
            entries: self.entries + other.entries,
            done: self.done + other.done,
            skipped: self.skipped + other.skipped,
            failed: self.failed + other.failed,
            input_bytes: self.input_bytes + other.input_bytes,
            output_bytes: self.output_bytes + other.output_bytes,
        }
    }
}
