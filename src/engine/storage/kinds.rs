//! What the storage room speaks in: a file's or object's size, time and version, a listed object, and how an
//! object may be written.

use std::io;
use std::time::SystemTime;

/// What a file or object is, as far as reading and replacing it goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Stat {
    /// Its size in bytes.
    pub len: u64,
    /// When it last changed.
    pub modified: Option<SystemTime>,
    /// An object's version (its ETag), which a replacement must still match; `None` for a local file.
    pub version: Option<String>,
}

/// One object met while listing a prefix.
#[derive(Clone, Debug)]
pub(crate) struct Listed {
    /// Its URL.
    pub url: String,
    /// What it is.
    pub stat: Stat,
}

/// How an object may be written.
#[derive(Clone, Debug)]
#[cfg_attr(
    not(feature = "cloud"),
    allow(dead_code, reason = "a build without object stores writes none")
)]
pub(crate) enum PutMode {
    /// Only where nothing is (`If-None-Match: *`): the store refuses if an object appeared.
    Create,
    /// Only over the very version named (`If-Match`), which the manifest proved is this input's copy.
    Replace(String),
}

/// Why a whole read gave nothing.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ReadError {
    /// The file or object is larger than the limit (its size).
    #[error("larger than the limit: {0} bytes")]
    TooLarge(u64),
    /// It could not be read.
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// What a write was refused for, or failed with.
#[derive(Debug, thiserror::Error)]
#[cfg_attr(
    not(feature = "cloud"),
    allow(dead_code, reason = "a build without object stores writes none")
)]
pub(crate) enum PutError {
    /// An object is there (create-only), or it is no longer the version the plan saw.
    #[error("another object is there")]
    Taken,
    /// The store failed or could not be reached.
    #[error("{0}")]
    Io(#[from] io::Error),
}
