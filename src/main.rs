//! `shrinkray`: the desktop app. Paths given on the command line ("Open with", a drop on the app icon) are
//! added as inputs; `--preset NAME` opens with that preset chosen, and `--preset NAME PATHS...` (a file
//! manager's "Resize with Shrinkray") also starts at once. `--watch PATHS...` starts watching them at once
//! ("Keep watching": copies of new photos as they arrive, until Stop), as an autostart entry would.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod menus_command;

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use eframe::egui;
use shrinkray::ui::ShrinkrayApp;
use shrinkray::ui::single_instance::{self, Claim, Handoff, Place};

fn main() -> eframe::Result {
    shrinkray::engine::quiet_worker_panics();
    if let Some(code) = menus_command::run() {
        std::process::exit(code);
    }
    // `--preset NAME` chooses a preset; everything else after the program name that is not an option is an input.
    let mut preset = None;
    let mut watch = false;
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--preset" {
            preset = args.next().map(|n| n.to_string_lossy().into_owned());
        } else if arg == "--watch" {
            watch = true;
        } else if !arg.to_string_lossy().starts_with("--") {
            paths.push(PathBuf::from(arg));
        }
    }
    // The selection goes to a window already running, if there is one; this launch then has nothing more to do.
    let handoff = Handoff {
        preset: preset.clone(),
        paths: paths
            .iter()
            .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone()))
            .collect(),
    };
    let (handoffs_tx, handoffs) = crossbeam_channel::unbounded();
    let window: Arc<OnceLock<egui::Context>> = Arc::default();
    match single_instance::claim(&Place::for_user(), &handoff) {
        Ok(Claim::HandedOff) => return Ok(()),
        Ok(Claim::Primary(endpoint)) => {
            let window = Arc::clone(&window);
            let wake = move || {
                if let Some(ctx) = window.get() {
                    ctx.request_repaint();
                }
            };
            if let Err(e) = endpoint.serve(handoffs_tx, wake) {
                eprintln!("shrinkray: other launches cannot reach this window ({e}); each opens its own");
            }
        }
        Err(e) => eprintln!("shrinkray: cannot look for a running window ({e}); opening a new one"),
    }
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Shrinkray") // not translated: the app's name
        .with_app_id("org.shrinkray.Shrinkray")
        .with_inner_size([1180.0, 700.0])
        .with_min_inner_size([760.0, 480.0])
        .with_drag_and_drop(true);
    match eframe::icon_data::from_png_bytes(include_bytes!("../assets/icon-256.png")) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(e) => eprintln!("shrinkray: the window icon could not be read ({e}); using the default"),
    }
    let mut options = eframe::NativeOptions {
        viewport,
        persist_window: true,
        ..Default::default()
    };
    options.wgpu_options.wgpu_setup = shrinkray::ui::gpu::wgpu_setup();
    eframe::run_native(
        "Shrinkray", // not translated: the app's name
        options,
        Box::new(move |cc| {
            let paths_given = paths.clone();
            let _ = window.set(cc.egui_ctx.clone());
            let mut app = ShrinkrayApp::new(&cc.egui_ctx, cc.storage, paths).with_handoffs(handoffs);
            app.attach_window(cc);
            if let Some(name) = &preset {
                // A preset and a selection: what a file manager's "Resize with Shrinkray" sends. Start at once
                // (not with the user's last settings when the preset is unknown: the notice says so instead).
                if app.choose_preset(name) && !paths_given.is_empty() {
                    app.start_when_ready();
                }
            }
            if watch {
                app.set_keep_watching(true);
                if !paths_given.is_empty() {
                    app.start_when_ready();
                }
            }
            Ok(Box::new(app))
        }),
    )
}
