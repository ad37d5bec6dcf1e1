//! The engine's error types. Every message says what failed, why, and ends with the path.

use std::io;
use std::path::PathBuf;

use super::settings::SettingsError;

/// Why a job could not start at all (as opposed to one image failing).
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    /// The settings are invalid.
    #[error(transparent)]
    Settings(#[from] SettingsError),
    /// The output folder could not be created or is not a folder.
    #[error("cannot use the output folder: {source}: {}", path.display())]
    OutputDir {
        /// The OS error.
        source: io::Error,
        /// The output folder.
        path: PathBuf,
    },
    /// The report file could not be created.
    #[error("cannot write the report: {source}: {}", path.display())]
    Report {
        /// The OS error.
        source: io::Error,
        /// The report file.
        path: PathBuf,
    },
    /// The failed list could not be created.
    #[error("cannot write the failed list: {source}: {}", path.display())]
    FailedList {
        /// The OS error, or what the guard found.
        source: io::Error,
        /// The failed list.
        path: PathBuf,
    },
    /// Another run is writing into the same output folder (a shard may share it only with other shards).
    #[error(
        "another Shrinkray run is writing into this output folder (wait for it to end, or choose another \
         folder): {}",
        path.display()
    )]
    Busy {
        /// The output folder.
        path: PathBuf,
    },
    /// An in-place run cannot keep its records (its journal), or its backup folder cannot be used; the message
    /// ends with the path.
    #[error("cannot shrink in place: {0}")]
    InPlace(String),
    /// A bug in planning, caught so the caller still gets its `Finished`.
    #[error("internal error: {0}")]
    Internal(String),
    /// The worker thread pool could not be started.
    #[error("cannot start {threads} worker threads: {why}")]
    ThreadPool {
        /// Threads asked for.
        threads: usize,
        /// What the OS said.
        why: String,
    },
}

/// Why one image failed. The batch carries on.
#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    /// The path does not exist, cannot be listed, or cannot be read.
    #[error("cannot read the file: {source}: {}", path.display())]
    Read {
        /// The OS error.
        source: io::Error,
        /// The input.
        path: PathBuf,
    },
    /// A path named explicitly is a FIFO, device, socket or similar.
    #[error("not a regular file: {}", path.display())]
    NotAFile {
        /// The input.
        path: PathBuf,
    },
    /// A file named explicitly whose content is not an image Shrinkray reads.
    #[error("not an image (unrecognised content): {}", path.display())]
    NotAnImage {
        /// The input.
        path: PathBuf,
    },
    /// An image format Shrinkray recognises but does not decode.
    #[error("unsupported image format {format}: {}", path.display())]
    Unsupported {
        /// The format's name.
        format: String,
        /// The input.
        path: PathBuf,
    },
    /// An image format this build was made without (HEIC and AVIF need the `heif` feature).
    #[error("{format} support is not built in: {}", path.display())]
    NotBuiltIn {
        /// The format's name.
        format: String,
        /// The input.
        path: PathBuf,
    },
    /// A decoder (libheif for HEIC and AVIF, the frame decoders of animations) could not read the file.
    #[error("cannot decode the {format} image: {why}: {}", path.display())]
    Codec {
        /// The format's name.
        format: String,
        /// The decoder's message.
        why: String,
        /// The input.
        path: PathBuf,
    },
    /// The file is larger than the decoder's allocation limit, so it is not even read.
    #[error("file too large: {bytes} bytes is more than the limit of {max} bytes: {}", path.display())]
    FileTooLarge {
        /// The file's size.
        bytes: u64,
        /// The limit in force.
        max: u64,
        /// The input.
        path: PathBuf,
    },
    /// The decoder rejected the data.
    #[error("cannot decode the image: {source}: {}", path.display())]
    Decode {
        /// The decoder's error.
        source: image::ImageError,
        /// The input.
        path: PathBuf,
    },
    /// libjpeg-turbo rejected the data, or found it corrupt.
    #[error("cannot decode the JPEG: {why}: {}", path.display())]
    Jpeg {
        /// libjpeg-turbo's message.
        why: String,
        /// The input.
        path: PathBuf,
    },
    /// The file ends before the image does (an interrupted download or copy).
    #[error("the file is truncated (the image data stops before its end): {}", path.display())]
    Truncated {
        /// The input.
        path: PathBuf,
    },
    /// The image is larger than `Limits::max_pixels`.
    #[error("image too large: {width}×{height} is more than the limit of {max} pixels: {}", path.display())]
    TooLarge {
        /// Declared width.
        width: u32,
        /// Declared height.
        height: u32,
        /// The limit in force.
        max: u64,
        /// The input.
        path: PathBuf,
    },
    /// Resampling failed.
    #[error("cannot resize the image: {why}: {}", path.display())]
    Resize {
        /// The resizer's message.
        why: String,
        /// The input.
        path: PathBuf,
    },
    /// Encoding the output failed.
    #[error("cannot encode the output: {why}: {}", path.display())]
    Encode {
        /// The encoder's message.
        why: String,
        /// The output.
        path: PathBuf,
    },
    /// Even the lowest quality gives a file over the target size.
    #[error("even at quality 1 the copy takes {bytes} bytes, more than the target of {target} bytes (allow \
             shrinking to fit, or a smaller size): {}", path.display())]
    OverTarget {
        /// The size at quality 1.
        bytes: u64,
        /// The target.
        target: u64,
        /// The output.
        path: PathBuf,
    },
    /// Writing or renaming the output failed; nothing is left behind.
    #[error("cannot write the output: {source}: {}", path.display())]
    Write {
        /// The OS error.
        source: io::Error,
        /// The output.
        path: PathBuf,
    },
    /// The planned output is one of the job's inputs (or the input itself).
    #[error("the output would replace an input file, which Shrinkray never does: {}", path.display())]
    OutputIsInput {
        /// The output path that equals an input.
        path: PathBuf,
    },
    /// A file appeared at the output path after planning, and the policy forbids replacing it.
    #[error("the output file appeared while the job ran and was left alone: {}", path.display())]
    OutputAppeared {
        /// The output.
        path: PathBuf,
    },
    /// The copy would land where Shrinkray never writes (outside the output folder, onto an input, a file
    /// that is not Shrinkray's or not a regular file); nothing was written.
    #[error("cannot write the copy: {why}: {}", path.display())]
    Refused {
        /// What the guard found.
        why: String,
        /// The output.
        path: PathBuf,
    },
    /// A bug or assertion inside a decoder or encoder; caught so the batch carries on.
    #[error("internal error while processing the image ({message}): {}", path.display())]
    Panicked {
        /// The panic message.
        message: String,
        /// The input.
        path: PathBuf,
    },
}

impl ImageError {
    /// The file the error is about: the input, or the output for write and encode errors.
    pub fn path(&self) -> &std::path::Path {
        match self {
            Self::Read { path, .. }
            | Self::NotAFile { path }
            | Self::NotAnImage { path }
            | Self::Unsupported { path, .. }
            | Self::NotBuiltIn { path, .. }
            | Self::Codec { path, .. }
            | Self::FileTooLarge { path, .. }
            | Self::Decode { path, .. }
            | Self::Truncated { path }
            | Self::Jpeg { path, .. }
            | Self::TooLarge { path, .. }
            | Self::Resize { path, .. }
            | Self::Encode { path, .. }
            | Self::OverTarget { path, .. }
            | Self::Write { path, .. }
            | Self::OutputIsInput { path }
            | Self::OutputAppeared { path }
            | Self::Refused { path, .. }
            | Self::Panicked { path, .. } => path,
        }
    }
}

/// The text a panic carried, for the error that reports it.
pub(crate) fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_owned())
}
