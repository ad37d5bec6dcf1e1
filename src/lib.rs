//! Shrinkray: a batch image resizer. The `engine` does the work; the `shrinkray` desktop app (`ui`) and the
//! `shrinkray-cli` command-line tool drive it.

pub mod desktop;
pub mod engine;
#[doc(hidden)]
pub mod fuzzing;
#[cfg(feature = "i18n")]
pub mod i18n;
#[cfg(feature = "i18n")]
pub mod text;
#[cfg(feature = "gui")]
pub mod ui;
