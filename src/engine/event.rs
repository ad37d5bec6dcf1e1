//! What a running job tells its caller: one `JobEvent` per image, framed by `Started` and `Finished`.

use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use super::error::{ImageError, SetupError};
use super::guard::Protected;

/// Why an input is left alone. Its text (`Display`) is what reports and `--json` give as `reason`, word for
/// word as before the enum: scripts match them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// A copy an earlier run made is up to date: "up to date".
    UpToDate,
    /// The output exists and the policy is to skip: "the output exists: PATH".
    OutputExists(PathBuf),
    /// Neither a main output nor an extra one is asked for: "no output is asked for".
    NoOutput,
    /// A FIFO, device or socket met in a folder: "not a regular file".
    NotRegular,
    /// "symbolic link loop".
    LinkLoop,
    /// "broken symbolic link".
    BrokenLink,
    /// A format Shrinkray recognises but does not read, met in a folder: "FORMAT images are not supported".
    Unsupported(String),
    /// A file in a folder that is no image: "not an image".
    NotAnImage,
    /// An in-place run left the original as it is: "left as it is: WHY" (a symbolic link, several hard links,
    /// the Trash cannot take it, the new name is taken).
    LeftAlone(String),
    /// An in-place run's earlier swap put this very file here: "already shrunk in place".
    AlreadyShrunk,
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::UpToDate => f.write_str("up to date"),
            Self::OutputExists(path) => write!(f, "the output exists: {}", path.display()),
            Self::NoOutput => f.write_str("no output is asked for"),
            Self::NotRegular => f.write_str("not a regular file"),
            Self::LinkLoop => f.write_str("symbolic link loop"),
            Self::BrokenLink => f.write_str("broken symbolic link"),
            Self::Unsupported(format) => write!(f, "{format} images are not supported"),
            Self::NotAnImage => f.write_str("not an image"),
            Self::LeftAlone(why) => write!(f, "left as it is: {why}"),
            Self::AlreadyShrunk => f.write_str("already shrunk in place"),
        }
    }
}

/// A worker-to-caller message. Per-image events come in completion order; `Finished` is always last, exactly
/// once.
#[derive(Debug)]
pub enum JobEvent {
    /// The inputs are counted: `total` per-image events (done, failed or skipped) follow, unless files are
    /// added or removed while the job runs or it is cancelled.
    Started {
        /// How many per-image events follow.
        total: usize,
    },
    /// One image was resized and written.
    ImageDone(Box<ImageDone>),
    /// One input could not be processed; the batch goes on.
    ImageFailed {
        /// Position in the plan, from 0.
        index: usize,
        /// The input.
        input: PathBuf,
        /// What failed, why, and the path.
        error: ImageError,
    },
    /// One input was left alone on purpose (not an image, or its output exists and the policy says skip).
    ImageSkipped {
        /// Position in the plan, from 0.
        index: usize,
        /// The input.
        input: PathBuf,
        /// Why it was skipped.
        reason: SkipReason,
    },
    /// A watch (`Watch`) is armed: file-system events under `folders` start passes. `polling`: the system
    /// could not deliver events (inotify's watch limit, say), so the folders are scanned every few seconds.
    /// Sent once, before the first pass. A watch sends no `Started`; each pass ends with `Pass`.
    Watching {
        /// The folders (and files) watched.
        folders: Vec<PathBuf>,
        /// Whether they are polled rather than told of changes.
        polling: bool,
    },
    /// One pass of a watch is over: what it did, and why it ran.
    Pass {
        /// 1 for the first pass, counting up.
        number: u64,
        /// What started it.
        trigger: PassTrigger,
        /// Its figures (up-to-date inputs count as skipped).
        summary: Summary,
    },
    /// A watch saw an input deleted or renamed away; copies made of it stay as they are.
    InputGone {
        /// Where the input was.
        input: PathBuf,
    },
    /// The job is over; nothing more will come.
    Finished {
        /// Counts and totals.
        summary: Summary,
    },
}

/// What started a pass of a watch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PassTrigger {
    /// The watch began: "start".
    Start,
    /// Files changed (this many paths): "changes".
    Changes(usize),
    /// Files left for later (still being written, or failing moments after a change) are due: "retry".
    Retry,
    /// The periodic full look, which finds what events missed: "rescan".
    Rescan,
}

impl PassTrigger {
    /// The name in JSON events and reports.
    pub fn name(self) -> &'static str {
        match self {
            Self::Start => "start",
            Self::Changes(_) => "changes",
            Self::Retry => "retry",
            Self::Rescan => "rescan",
        }
    }
}

/// One extra output of a finished image.
#[derive(Clone, Debug)]
pub struct ExtraDone {
    /// The file written.
    pub output: PathBuf,
    /// Its size in bytes.
    pub output_bytes: u64,
    /// Its width and height.
    pub output_size: (u32, u32),
}

/// The details of one finished image.
#[derive(Debug)]
pub struct ImageDone {
    /// Position in the plan, from 0.
    pub index: usize,
    /// The input file.
    pub input: PathBuf,
    /// The file written.
    pub output: PathBuf,
    /// Size of the input file.
    pub input_bytes: u64,
    /// Size of the output file.
    pub output_bytes: u64,
    /// The quality the copy was encoded at (lossy formats), lower than asked when a target size made it so.
    pub quality: Option<u8>,
    /// The copy's SSIMULACRA2 against the resized picture before encoding, when its quality was chosen by look
    /// (`Settings::min_score`).
    pub score: Option<f32>,
    /// The copy would have been larger than the original, so the original was copied instead
    /// (`skip_if_larger`).
    pub kept_original: bool,
    /// Something the user should know about this copy, such as an animation reduced to its first frame.
    pub note: Option<String>,
    /// The extra outputs written from the same image (`Settings::extra_outputs`).
    pub extra: Vec<ExtraDone>,
    /// Input width and height, upright.
    pub input_size: (u32, u32),
    /// Output width and height.
    pub output_size: (u32, u32),
    /// Time this image took, from read to rename.
    pub elapsed: Duration,
    /// A small copy for display, when the job asked for thumbnails.
    pub thumbnail: Option<Thumbnail>,
}

/// A small RGBA8 picture of an output (long edge at most 256 px), for the UI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Thumbnail {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Pixels, row by row, 4 bytes each (straight alpha).
    pub rgba: Vec<u8>,
}

/// The outcome of a whole job.
#[derive(Debug, Default)]
pub struct Summary {
    /// Per-image events that were due: `Started`'s count, or more when files appeared while the job ran.
    pub total: usize,
    /// Images written.
    pub done: usize,
    /// Inputs that failed.
    pub failed: usize,
    /// Inputs skipped.
    pub skipped: usize,
    /// Bytes read, over the images written.
    pub input_bytes: u64,
    /// Bytes written.
    pub output_bytes: u64,
    /// Wall time of the whole job, planning included.
    pub elapsed: Duration,
    /// The job was cancelled before every image was started.
    pub cancelled: bool,
    /// The job could not start (for example, the output folder cannot be created); nothing was processed.
    pub setup_error: Option<SetupError>,
    /// The report file written (`JobOptions::report`).
    pub report: Option<PathBuf>,
    /// Why the report asked for could not be written whole, with its path last; the images are unaffected.
    pub report_error: Option<String>,
    /// Why nothing from this run will be remembered in the output folder's manifest (so a later incremental
    /// run makes these copies again), with the path last; the images are unaffected.
    pub manifest_error: Option<String>,
    /// The run's inputs, which a file saved afterwards (the app's "Save report…") may not replace either.
    pub protected: Protected,
    /// A watch's pass: failures held back because their files changed only moments ago (`WatchPass`).
    pub held: usize,
    /// A watch's pass: when the earliest held-back failure should be tried again.
    pub retry_at: Option<SystemTime>,
}
