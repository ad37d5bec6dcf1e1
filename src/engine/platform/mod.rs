//! The few calls that differ between operating systems, each behind one function with a twin per platform, so
//! the rest of the engine never names `/proc`, Unix file ids or Windows handles.

#[cfg(unix)]
mod unix;
#[cfg(unix)]
use unix as os;
#[cfg(not(unix))]
mod windows;
#[cfg(not(unix))]
use windows as os;

mod file_id;

pub use file_id::FileId;
pub(crate) use os::{file_system_id, host_parts, open_no_follow, process_is_alive};

#[cfg(unix)]
mod dir_unix;
#[cfg(unix)]
pub(crate) use dir_unix::Dir;
#[cfg(not(unix))]
mod dir_paths;
#[cfg(not(unix))]
pub(crate) use dir_paths::Dir;
