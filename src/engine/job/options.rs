//! What a job is started with besides the settings: per-run choices and how it wakes its listener.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::engine::failed_list::FailedListSpec;
use crate::engine::selection::Selection;

/// Called after every event, from a worker thread; a GUI passes one that requests a repaint.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// Long edge of the thumbnails in `ImageDone` events, in pixels.
pub const THUMBNAIL_EDGE: u32 = 256;

/// Events waiting in the channel beyond which a finished image's event carries no thumbnail: a window that
/// stops drawing (hidden, minimised) stops draining, and 10,000 thumbnails of 256 KB would pile up to 2.5 GB.
/// Below this, at most about 33 MB of pixels wait; the app loads a missing thumbnail from the output file when
/// its tile is shown.
pub const QUEUED_WITH_THUMBNAILS: usize = 128;

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
    /// Run as one pass of a watch (`Watch`). Default: none (an ordinary batch).
    pub watch_pass: Option<WatchPass>,
}

/// How a job runs as one pass of a watch: inputs up to date are counted but not reported one by one (every pass
/// meets them all again), a file that fails soon after it changed is tried again later, and the report grows.
#[derive(Clone, Debug)]
pub struct WatchPass {
    /// A failure of a file modified less than this long ago is held back, not reported: the file may still be
    /// being written, and the next pass tries it again (`Summary::retry_at` says when).
    pub hold_failures: Duration,
    /// The report continues the one earlier passes of the watch wrote instead of starting afresh.
    pub append_report: bool,
}
