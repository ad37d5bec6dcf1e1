//! One image's work as planning settles it: where it goes, how it is encoded, and its extra copies. Planning
//! makes these; the pipeline carries them out.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

use super::guard::OutputRoot;
use super::platform::FileId;
use super::settings::ResizeMode;
use crate::engine::formats::detect::InputFormat;
use crate::engine::formats::encode::Encoding;

/// One image to resize.
#[derive(Debug)]
pub struct Task {
    /// Position in the plan.
    pub index: usize,
    /// The input file.
    pub input: PathBuf,
    /// The input's place below its root, `/`-separated: its key in the output folder's manifest.
    pub key: String,
    /// The output file; distinct from every other task's output and from every input.
    pub output: PathBuf,
    /// Input format, from its content.
    pub format: InputFormat,
    /// How the output is encoded.
    pub encoding: Encoding,
    /// Input file size.
    pub input_bytes: u64,
    /// Input modification time, as found when planning (what `keep_dates` gives the output).
    pub modified: Option<SystemTime>,
    /// An object input's version (its ETag) as listed; `None` for a file. The manifest knows the input by it
    /// without reading it again.
    pub version: Option<String>,
    /// The existing file the output may replace (the overwrite policy, and that file is no input; or, under
    /// the rename policy, this input's own copy from an earlier run), as planning saw it: any other found there
    /// when writing is left alone.
    pub(crate) replaces: Option<FileId>,
    /// The output folder, which every copy stays inside.
    pub(crate) root: Arc<OutputRoot>,
    /// The path the name template gave, when it was taken (by another copy in this job, or by a file already
    /// there) and `output` is a numbered variant of it.
    pub numbered_from: Option<PathBuf>,
    /// The extra outputs (`Settings::extra_outputs`), made from the same decoded picture.
    pub extra: Vec<ExtraTask>,
}

/// One more copy of a task's image.
#[derive(Debug)]
pub struct ExtraTask {
    /// The output file.
    pub output: PathBuf,
    /// Its size.
    pub resize: ResizeMode,
    /// How it is encoded.
    pub encoding: Encoding,
    /// The file it may replace, as planning saw it.
    pub(crate) replaces: Option<FileId>,
}

impl Task {
    /// Whether the output replaces an existing file.
    pub fn replace(&self) -> bool {
        self.replaces.is_some()
    }
}
