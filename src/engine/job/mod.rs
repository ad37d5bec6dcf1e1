//! Running a batch: one dedicated rayon pool per job, one event per image over a channel.

mod counts;
mod in_place;
mod options;
mod run;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crossbeam_channel::Receiver;

pub use options::{JobOptions, QUEUED_WITH_THUMBNAILS, THUMBNAIL_EDGE, Waker, WatchPass};

use super::budget::{Budget, auto_memory_budget};
use super::codecs::isolated_file;
use super::control::{CancelToken, Pause};
use super::error::{ImageError, SetupError};
use super::event::{ImageDone, JobEvent};
use super::guard::Keep;
use super::pipeline::process;
use super::plan::OutputGroup;
use super::platform::{canonicalize, keep_image_buffers, release_free_memory};
use super::settings::Settings;
use super::task::Task;
use super::workers::worker_pool;
use run::Run;

/// Processes one planned image exactly as a job's worker does (isolated codecs, a panic becomes the image's
/// error), on the calling thread and with no memory budget. For benchmarks and tools that schedule images
/// themselves; a program resizing a batch should use `JobHandle`, which bounds threads and memory.
pub fn process_task(task: &Task, settings: &Settings) -> Result<ImageDone, ImageError> {
    static UNLIMITED: Budget = Budget::new(u64::MAX);
    isolated_file(&task.input, || process(task, settings, None, &UNLIMITED))
}

/// A running (or finished) job. Dropping it cancels the job.
pub struct JobHandle {
    events: Receiver<JobEvent>,
    cancel: Arc<AtomicBool>,
    pause: Arc<Pause>,
    threads: usize,
}

impl JobHandle {
    /// Starts a job on its own pool of `settings.thread_count()` threads named `shrinkray-worker-N`, making
    /// copies of `inputs` in `settings.output_dir`. Returns at once: planning and all file access happen on the
    /// pool. Fails only for invalid settings or when the threads cannot be started.
    pub fn start(
        inputs: Vec<PathBuf>,
        settings: Settings,
        options: JobOptions,
        waker: Waker,
    ) -> Result<JobHandle, SetupError> {
        settings.validate()?;
        let out_dir = settings.output_dir.clone().unwrap_or_default();
        Self::start_groups(vec![OutputGroup::single(out_dir, inputs)], settings, options, waker)
    }

    /// `start`, with each group's copies in its own output folder (`beside_each_input`); `settings.output_dir`
    /// is not used. The groups run one after another on the same pool, as one job: one `Started` with the
    /// total of them all, one `Finished`, indices counted across the groups.
    pub fn start_groups(
        groups: Vec<OutputGroup>,
        settings: Settings,
        options: JobOptions,
        waker: Waker,
    ) -> Result<JobHandle, SetupError> {
        for group in &groups {
            settings.in_folder(&group.out_dir).validate()?;
        }
        Self::start_with(settings, options, waker, move |run| run.run(&groups))
    }

    /// Starts the pool and channel of a job whose work is `work`.
    fn start_with(
        settings: Settings,
        options: JobOptions,
        waker: Waker,
        work: impl FnOnce(Run) + Send + 'static,
    ) -> Result<JobHandle, SetupError> {
        let threads = settings.thread_count();
        keep_image_buffers();
        let pool = worker_pool(threads, options.background)?;
        let (tx, rx) = crossbeam_channel::unbounded();
        let cancel = Arc::new(AtomicBool::new(false));
        let pause = Arc::new(Pause::default());
        let budget = Budget::new(settings.limits.memory_budget.unwrap_or_else(auto_memory_budget));
        let run = Run::new(
            budget,
            tx,
            waker,
            Arc::clone(&cancel),
            Arc::clone(&pause),
            settings,
            options,
        );
        // The pool's threads end once this, its only work, is done and `pool` is dropped here.
        // The buffers kept for reuse go back once the job is done: an app or a watch lives on between jobs.
        pool.spawn(move || {
            work(run);
            release_free_memory();
        });
        Ok(JobHandle {
            events: rx,
            cancel,
            pause,
            threads,
        })
    }

    /// Starts an in-place run: every image among `inputs` whose copy (made with `settings`, named as the
    /// original, with the new format's extension if the format changes) comes out smaller replaces its
    /// original, which goes to `keep` first. Settings that make more than one copy are refused; the output
    /// folder and name template are not used. A backup folder is made when missing, and never walked.
    pub fn start_in_place(
        inputs: Vec<PathBuf>,
        settings: Settings,
        keep: Keep,
        options: JobOptions,
        waker: Waker,
    ) -> Result<JobHandle, SetupError> {
        let settings = settings.for_in_place();
        settings.validate()?;
        // Replacing an original keeps it first (the Trash, a backup folder) and swaps by rename, which an
        // object store has neither of.
        if let Some(url) = inputs.iter().find(|p| super::storage::is_object(p)) {
            return Err(SetupError::InPlace(format!(
                "objects in an object store cannot be replaced in place; make copies with --out: {}",
                url.display()
            )));
        }
        let keep = match keep {
            Keep::Backup(dir) => {
                let made = std::fs::create_dir_all(&dir).and_then(|()| canonicalize(&dir));
                Keep::Backup(made.map_err(|e| {
                    SetupError::InPlace(format!("cannot use the backup folder: {e}: {}", dir.display()))
                })?)
            }
            Keep::Trash => Keep::Trash,
        };
        Self::start_with(settings, options, waker, move |run| run.run_in_place(&inputs, &keep))
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
