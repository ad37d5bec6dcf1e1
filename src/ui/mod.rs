//! The desktop app: one module per part of the window. The UI thread only draws; scanning, dialogs and the
//! job itself run elsewhere and report back over channels drained at the start of each frame.

mod access;
mod app;
mod command;
mod desktop;
mod dialogs;
mod estimate;
mod fonts;
mod frame_stats;
mod freshness;
pub mod gpu;
mod inputs;
mod platform;
mod presets;
mod preview;
mod run;
mod settings_panel;
pub mod single_instance;
mod state;
mod thumbnails;

pub use app::{ShrinkrayApp, shortcuts};
pub use command::Command;
pub use state::{AppState, Preset, Theme};
pub use thumbnails::TEXTURE_CAP;
