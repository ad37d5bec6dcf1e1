//! Running a batch: one dedicated rayon pool per job, one event per image over a channel.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use crossbeam_channel::{Receiver, Sender};
use rayon::prelude::*;

use super::budget::{Budget, auto_memory_budget};
use super::codecs::isolated_file;
use super::error::{SetupError, panic_message};
use super::event::{JobEvent, Summary};
use super::pipeline::process;
use super::plan::{PlanEntry, plan};
use super::settings::Settings;
use super::task::Task;

/// Called after every event, from a worker thread; a GUI passes one that requests a repaint.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// Long edge of the thumbnails in `ImageDone` events, in pixels.
pub const THUMBNAIL_EDGE: u32 = 256;

/// Worker threads are named this, then their number.
const WORKER_PREFIX: &str = "shrinkray-worker-";

/// Keeps the panics the engine catches out of the terminal: a decoder that panics on a worker thread becomes that
/// image's `ImageFailed`, with the panic's message, so printing it as well (with a backtrace, even) would only
/// alarm. Panics on other threads print as before. For programs to call once at start-up; the engine never
/// changes the process's panic hook by itself.
pub fn quiet_worker_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let on_worker = std::thread::current()
            .name()
            .is_some_and(|n| n.starts_with(WORKER_PREFIX));
        if !on_worker {
            default(info);
        }
    }));
}

/// Per-run choices that are not user settings.
#[derive(Clone, Copy, Debug, Default)]
pub struct JobOptions {
    /// Put a thumbnail in every `ImageDone` (the desktop app wants them; the CLI does not).
    pub thumbnails: bool,
}

/// A running (or finished) job. Dropping it cancels the job.
pub struct JobHandle {
    events: Receiver<JobEvent>,
    cancel: Arc<AtomicBool>,
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
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("{WORKER_PREFIX}{i}"))
            .build()
            .map_err(|e| SetupError::ThreadPool {
                threads,
                why: e.to_string(),
            })?;
        let (tx, rx) = crossbeam_channel::unbounded();
        let cancel = Arc::new(AtomicBool::new(false));
        let budget = Budget::new(settings.limits.memory_budget.unwrap_or_else(auto_memory_budget));
        let run = Run {
            budget,
            tx,
            waker,
            cancel: Arc::clone(&cancel),
            settings,
            options,
        };
        // The pool's threads end once this, its only work, is done and `pool` is dropped here.
        pool.spawn(move || run.run(&inputs));
        Ok(JobHandle {
            events: rx,
            cancel,
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

/// Cancels its job from anywhere; cloning is cheap.
#[derive(Clone, Debug)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    /// Same as `JobHandle::cancel`.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    /// Whether the job was cancelled.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// The job's side of the channel.
struct Run {
    budget: Budget,
    tx: Sender<JobEvent>,
    waker: Waker,
    cancel: Arc<AtomicBool>,
    settings: Settings,
    options: JobOptions,
}

impl Run {
    fn send(&self, event: JobEvent) {
        // A receiver that hung up has stopped listening; the job still finishes its files cleanly.
        let _ = self.tx.send(event);
        (self.waker)();
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    fn run(self, inputs: &[PathBuf]) {
        let start = Instant::now();
        let plan = match catch_unwind(AssertUnwindSafe(|| plan(inputs, &self.settings))) {
            Ok(Ok(plan)) => plan,
            Ok(Err(error)) => return self.finish_early(start, error),
            Err(panic) => {
                let why = format!("planning failed unexpectedly ({})", panic_message(&*panic));
                return self.finish_early(start, SetupError::Internal(why));
            }
        };
        let total = plan.total();
        self.send(JobEvent::Started { total });

        // Workers take entries one at a time as they become free, so a slow image never holds back others,
        // and an entry is planned only when it is taken. Nothing new starts once the job is cancelled.
        let mut plan = plan;
        let entries = std::iter::from_fn(|| if self.cancelled() { None } else { plan.next() });
        let counts = entries
            .par_bridge()
            .map(|entry| self.entry(entry))
            .reduce(Counts::default, Counts::add);
        let summary = Summary {
            total: total.max(counts.entries),
            done: counts.done,
            failed: counts.failed,
            skipped: counts.skipped,
            input_bytes: counts.input_bytes,
            output_bytes: counts.output_bytes,
            cancelled: self.cancelled(),
            elapsed: start.elapsed(),
            setup_error: None,
        };
        self.send(JobEvent::Finished { summary });
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

    fn thumbnail_edge(&self) -> Option<u32> {
        self.options.thumbnails.then_some(THUMBNAIL_EDGE)
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
