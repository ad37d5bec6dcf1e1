//! Linux: progress through the Unity launcher API (a D-Bus signal that the GNOME Dash-to-Dock, Ubuntu's dock,
//! KDE's task manager and Plank read), notifications through the desktop's notification service.

use std::collections::HashMap;

use eframe::egui;
use raw_window_handle::RawWindowHandle;
use zbus::zvariant::Value;

use super::Progress;

/// The desktop file the launcher entry belongs to.
const APP_URI: &str = "application://org.shrinkray.Shrinkray.desktop";

/// No window handle is needed: the launcher entry is the desktop file's.
pub(super) enum Window {}

/// Always none (see `Window`).
pub(super) fn window(_raw: RawWindowHandle) -> Option<Window> {
    None
}

pub(super) struct Platform {
    ctx: egui::Context,
    /// The session bus, once reached; `None` when there is none (no desktop session).
    bus: Option<zbus::blocking::Connection>,
}

impl Platform {
    pub(super) fn new(ctx: egui::Context) -> Self {
        Self {
            ctx,
            bus: zbus::blocking::Connection::session().ok(),
        }
    }

    pub(super) fn attach(&mut self, window: Window) {
        match window {}
    }

    /// The fraction only: the launcher API has no colours for paused or failing.
    pub(super) fn progress(&mut self, progress: Option<Progress>) {
        let Some(bus) = &self.bus else { return };
        let mut properties: HashMap<&str, Value<'_>> = HashMap::new();
        properties.insert("progress-visible", Value::from(progress.is_some()));
        properties.insert("progress", Value::from(progress.map_or(0.0, |p| p.fraction)));
        // A dock that does not listen loses nothing; there is nobody to tell of a failure.
        let _ = bus.emit_signal(
            None::<&str>,
            "/org/shrinkray/Shrinkray/launcher",
            "com.canonical.Unity.LauncherEntry",
            "Update", // not translated: a D-Bus signal's name
            &(APP_URI, properties),
        );
    }

    pub(super) fn notify(&mut self, title: &str, body: &str) {
        let shown = notify_rust::Notification::new()
            .appname("Shrinkray") // not translated: the app's name
            .summary(title)
            .body(body)
            .icon("org.shrinkray.Shrinkray")
            .action("default", &crate::tr!("notify-show"))
            .show();
        let Ok(handle) = shown else { return };
        // Waiting for the click holds this thread until the notification closes; the next requests wait too,
        // which only delays a progress update of a run started meanwhile. So the wait gets its own thread.
        let ctx = self.ctx.clone();
        let _ = std::thread::Builder::new()
            .name("shrinkray-notification".into())
            .spawn(move || {
                handle.wait_for_action(|action| {
                    if action == "default" {
                        ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
                        ctx.request_repaint();
                    }
                });
            });
    }
}
