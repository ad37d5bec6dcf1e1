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

use std::path::PathBuf;
use std::time::Duration;

use crossbeam_channel::Receiver;

use super::control::CancelToken;
use super::error::SetupError;
use super::event::JobEvent;
use super::job::{JobOptions, Waker};
use super::plan::OutputGroup;
use super::settings::Settings;
use coordinator::Coordinator;

/// How a watch waits, settles and retries.
#[derive(Clone, Debug)]
pub struct WatchOptions {
    /// How long a file must go unmodified before a pass takes it: it may still be being written. Default: 2 s
    /// (`--settle`).
    pub settle: Duration,
    /// How often every input is looked at in full, whatever the events said. Default: 300 s (`--rescan`).
    pub rescan: Duration,
    /// How long after its last change a file that does not decode is tried again before it is reported failed.
    /// Default: 30 s.
    pub give_up: Duration,
    /// How changes are heard of between rescans. Default: the system's events.
    pub listen: Listen,
}

/// How a watch hears of changes between its rescans.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Listen {
    /// The system's file-system events (inotify, ReadDirectoryChangesW, FSEvents); polling when the system has
    /// no watches left (inotify's `max_user_watches`).
    #[default]
    Events,
    /// Looking at every file every `settle` seconds, as when the system has no watches left.
    Polling,
    /// Nothing: only the rescan finds changes, as on a network share that sends no events.
    RescanOnly,
}

impl Default for WatchOptions {
    fn default() -> Self {
        Self {
            settle: Duration::from_secs(2),
            rescan: Duration::from_secs(300),
            give_up: Duration::from_secs(30),
            listen: Listen::Events,
        }
    }
}

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
