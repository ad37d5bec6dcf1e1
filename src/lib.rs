//! Shrinkray: a batch image resizer. The `engine` does the work; the `shrinkray` desktop app and the
//! `shrinkray-cli` command-line tool drive it.

pub mod engine;
