//! Shrinkray's tests of the engine, the real `shrinkray-cli` and the real app, in one test binary.
//!
//! One binary instead of one per file: each links the whole engine, the GUI stack and the codecs, so thirty of
//! them took 2 GB of disk and thirty links on a clean build (CI ran out of space). Tests that watch the whole
//! process, and so must not share it with other tests, keep their own binaries beside this folder
//! (`tests/priority.rs`: every thread's scheduling class; `tests/filesystem.rs`: the bytes the process read).
//!
//! Run one file's tests with its module name as the filter: `cargo test --test suite cli::`.

#[path = "../common/mod.rs"]
mod common;

mod animation;
mod app;
mod app_access;
mod app_batches;
mod app_in_place;
mod app_languages;
mod app_presets;
mod app_preview;
mod app_session;
mod app_watch;
mod architecture;
mod batches;
mod beside;
mod cli;
mod cli_batches;
mod cli_dry_run;
mod cli_options;
mod cli_watch;
#[cfg(feature = "cloud")]
mod cloud;
mod colour;
mod depth;
mod dpi;
mod engine;
mod explorer;
mod file_manager;
mod formats;
mod fuzz_regressions;
mod heic_metadata;
mod history;
mod hostile;
mod in_place;
mod job;
mod jpeg;
mod jxl;
mod jxl_copies;
mod memory;
mod metadata;
mod one_window;
mod only_if_needed;
mod orientation;
mod output_is_input;
mod presets;
mod preview;
mod quality;
mod resample;
mod resize_simd;
mod safety;
mod safety_props;
mod threads;
mod watch;
mod windows_names;
