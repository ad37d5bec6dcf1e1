//! The one way Shrinkray creates, replaces or deletes a file. Every writer (copies, reports, failed lists, the
//! manifest, journals, locks, leftovers) goes through here, so the rules live in one place:
//!
//! - **confined**: a copy lands inside the output folder: its name has no `..` or absolute part, and the folder
//!   it goes in, once made, resolves (symbolic links followed) to a place inside the output folder;
//! - **never an input**: the identity (device and inode, or the platform's file id) of every input of the run is
//!   known before the first write, and no rule may replace, truncate or delete a file with one of them;
//! - **never someone else's file**: an existing copy is replaced only when the plan proved it is this input's
//!   own (from the manifest) or the user chose to overwrite, and only if it is still the very file the plan saw;
//! - **only regular files**: a FIFO, device, socket, folder or symbolic link is never replaced or written
//!   through, and files are opened so that opening cannot block;
//! - **one exception**: an in-place run, asked for, replaces an original by its smaller copy (`swap`), keeping
//!   the original in the Trash or a backup folder first (`keep`);
//! - **whole or absent**: everything is written to a temporary file in the target folder and renamed into
//!   place; a cancelled or killed run leaves at most temporary files, which the next run removes.
//!
//! In an object store (the `cloud` feature) the same rules, as objects allow them: a copy's key stays below the
//! output prefix by plain parts and is never an input's key; an upload is one PUT, visible only once whole, and
//! create-only (`If-None-Match: *`) unless the plan proved the object this input's own copy, when only that very
//! version is replaced (`If-Match`); the manifest's objects are written and removed only under their own names
//! in their own prefix (`objects.rs`).

mod copy;
mod files;
mod keep;
mod marked;
mod objects;
mod rules;
mod side;
mod swap;
mod temp;
#[cfg(any(windows, target_os = "macos"))]
mod trash_system;
#[cfg(all(unix, not(target_os = "macos")))]
mod trash_xdg;

pub(crate) use copy::{OutputRoot, made_from_input, write_copy};
pub use files::open_lock_file;
#[cfg(unix)]
pub use files::remove_stale_socket;
pub(crate) use files::{open_regular, real_dir};
pub use keep::{Keep, KeptAt};
pub use marked::{remove_empty_folder, remove_marked, write_marked};
pub(crate) use objects::{put_manifest_object, remove_journal_object};
pub use rules::Protected;
pub(crate) use rules::{Found, confined, examine, names_a_device, plain_relative};
pub use side::{SideFile, save_copy};
pub(crate) use swap::{NotSwapped, Swap, settle, swap_in, undo};
pub use swap::{Settled, SwapRecord};
pub use temp::TEMP_PREFIX;
pub(crate) use temp::{sweep_leftovers, temp_builder};
