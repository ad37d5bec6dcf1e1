//! macOS: the run's progress as the Dock tile's badge ("27%"), and the notification through the notification
//! centre (notify-rust). Written without a Mac to build or run it on: untested.

use dispatch2::DispatchQueue;
use eframe::egui;
use objc2::MainThreadMarker;
use objc2_app_kit::NSApplication;
use objc2_foundation::NSString;
use raw_window_handle::RawWindowHandle;

use super::Progress;

/// No window handle is needed: the Dock tile is the application's.
pub(super) enum Window {}

/// Always none (see `Window`).
pub(super) fn window(_raw: RawWindowHandle) -> Option<Window> {
    None
}

pub(super) struct Platform;

impl Platform {
    pub(super) fn new(_ctx: egui::Context) -> Self {
        Self
    }

    pub(super) fn attach(&mut self, window: Window) {
        match window {}
    }

    pub(super) fn progress(&mut self, progress: Option<Progress>) {
        let label = progress.map(|p| {
            crate::tr!(
                "dock-badge",
                percent = (p.fraction.clamp(0.0, 1.0) * 100.0).floor() as u64
            )
        });
        // AppKit belongs to the main thread (the window's event loop): the badge is set there.
        DispatchQueue::main().exec_async(move || {
            let Some(mtm) = MainThreadMarker::new() else { return };
            let label = label.as_deref().map(NSString::from_str);
            NSApplication::sharedApplication(mtm)
                .dockTile()
                .setBadgeLabel(label.as_deref());
        });
    }

    pub(super) fn notify(&mut self, title: &str, body: &str) {
        // Nobody to tell of a failure: the window's title has said it all.
        let _ = notify_rust::Notification::new().summary(title).body(body).show();
    }
}
