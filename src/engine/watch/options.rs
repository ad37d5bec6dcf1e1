//! How a watch waits, settles, retries and hears of changes.

use std::time::Duration;

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
