//! Watch folders: the incremental pass of a batch, run again whenever files change, for hours.
//!
//! Events only *start* passes; what a pass does never depends on them. Every pass is an ordinary incremental
//! job (`Settings::update`) over the whole of the inputs, which skips what is up to date from the manifest and
//! `stat` alone, so an event lost (a full queue, a network share that sends none, inotify's watch limit) costs
//! latency, never a copy: the periodic rescan is the same pass. A pass leaves for later the files modified in
//! the last `settle` seconds (they may still be being written) and holds back failures of files that changed
//! less than `give_up` ago (a half-written photo does not decode).

mod changes;
mod coordinator;
mod options;

use std::path::PathBuf;

use crossbeam_channel::Receiver;

use super::control::CancelToken;
use super::error::SetupError;
use super::event::JobEvent;
use super::job::{JobOptions, Waker};
use super::plan::OutputGroup;
use super::settings::Settings;
use coordinator::Coordinator;
pub use options::{Listen, WatchOptions};

/// A running watch. Its events: `Watching` once, then the per-image events of every pass, each pass closed by
/// `Pass`, `InputGone` when an input disappears, and `Finished` (every pass summed) after `stop`. Dropping it
/// stops it.
pub struct Watch {
    events: Receiver<JobEvent>,
    stop: CancelToken,
}

impl Watch {
    /// Starts watching `inputs`, their copies going to `settings.output_dir` as with `JobHandle::start`.
    /// Returns at once; passes run one at a time, each on its own pool.
    pub fn start(
        inputs: Vec<PathBuf>,
        settings: Settings,
        options: JobOptions,
        watch: WatchOptions,
        waker: Waker,
    ) -> Result<Watch, SetupError> {
        settings.validate()?;
        let out_dir = settings.output_dir.clone().unwrap_or_default();
        Self::start_groups(
            vec![OutputGroup::single(out_dir, inputs)],
            settings,
            options,
            watch,
            waker,
        )
    }

    /// `start`, with each group's copies in its own folder (`beside_each_input`), as `JobHandle::start_groups`.
    pub fn start_groups(
        groups: Vec<OutputGroup>,
        mut settings: Settings,
        options: JobOptions,
        watch: WatchOptions,
        waker: Waker,
    ) -> Result<Watch, SetupError> {
        settings.update = true;
        for group in &groups {
            settings.in_folder(&group.out_dir).validate()?;
        }
        let (tx, rx) = crossbeam_channel::unbounded();
        let stop = CancelToken::new();
        let coordinator = Coordinator::new(groups, settings, options, watch, waker, tx, stop.clone());
        std::thread::Builder::new()
            .name("shrinkray-watch".into())
            .spawn(move || coordinator.run())
            .map_err(|e| SetupError::Internal(format!("cannot start the watch's thread: {e}")))?;
        Ok(Watch { events: rx, stop })
    }

    /// The events, in order; `Finished` is the last. Drain with `try_iter()` on a UI thread.
    pub fn events(&self) -> &Receiver<JobEvent> {
        &self.events
    }

    /// Ends the watch: the images in flight finish (nothing new starts), then `Finished` arrives.
    pub fn stop(&self) {
        self.stop.cancel();
    }

    /// Whether `stop` was called.
    pub fn is_stopped(&self) -> bool {
        self.stop.is_cancelled()
    }

    /// A stop switch that can be moved to another thread (a signal handler).
    pub fn stop_token(&self) -> CancelToken {
        self.stop.clone()
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.stop();
    }
}
