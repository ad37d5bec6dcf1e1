//! The few calls that differ between operating systems, each behind one function with a twin per platform, so
//! the rest of the engine never names `/proc`, Unix file ids or Windows handles.

#[cfg(unix)]
mod unix;
#[cfg(unix)]
use unix as os;
#[cfg(windows)]
mod windows;
#[cfg(windows)]
use windows as os;

mod config;
mod file_id;

pub use config::{config_dir, set_state_dir, state_dir};
pub use file_id::FileId;
pub(crate) use os::{
    canonicalize, file_system_id, host_parts, keep_image_buffers, link_count, lower_thread_priority, open_no_follow,
    process_is_alive, release_free_memory, usable_memory,
};

#[cfg(unix)]
mod dir_unix;
#[cfg(unix)]
pub(crate) use dir_unix::Dir;
#[cfg(windows)]
mod dir_paths;
#[cfg(windows)]
pub(crate) use dir_paths::Dir;
