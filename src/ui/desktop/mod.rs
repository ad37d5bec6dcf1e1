//! What the desktop shows of a run outside the window: progress on the taskbar or dock, and a notification when
//! a long run ends. Every call to the desktop (D-Bus on Linux) happens on one background thread, so the UI
//! thread never waits for it; each platform has its own small module.

#[cfg(all(unix, not(target_os = "macos")))]
mod linux;
#[cfg(all(unix, not(target_os = "macos")))]
use linux as platform;
#[cfg(not(all(unix, not(target_os = "macos"))))]
mod elsewhere;
#[cfg(not(all(unix, not(target_os = "macos"))))]
use elsewhere as platform;

use crossbeam_channel::Sender;
use eframe::egui;

/// A request to the desktop thread.
enum Request {
    /// The run's progress (0 to 1), or none to hide it.
    Progress(Option<f64>),
    /// A notification; clicking it brings the window forward.
    Notify { title: String, body: String },
}

/// The app's line to the desktop. Progress is sent only when it moves by a visible step.
pub struct Desktop {
    requests: Option<Sender<Request>>,
    /// The last progress sent, in thousandths.
    shown: Option<Option<u32>>,
}

impl Desktop {
    /// Starts the desktop thread; without it (the thread could not start) the calls do nothing.
    pub fn start(ctx: &egui::Context) -> Self {
        let (tx, rx) = crossbeam_channel::unbounded::<Request>();
        let ctx = ctx.clone();
        let started = std::thread::Builder::new()
            .name("shrinkray-desktop".into())
            .spawn(move || {
                let mut desktop = platform::Platform::new(ctx);
                for request in rx {
                    match request {
                        Request::Progress(p) => desktop.progress(p),
                        Request::Notify { title, body } => desktop.notify(&title, &body),
                    }
                }
            })
            .is_ok();
        Self {
            requests: started.then_some(tx),
            shown: None,
        }
    }

    /// Shows `progress` (0 to 1) on the taskbar or dock, or hides it (`None`).
    pub fn progress(&mut self, progress: Option<f64>) {
        let step = progress.map(|p| (p.clamp(0.0, 1.0) * 1000.0).round() as u32);
        if moved(self.shown, step) {
            self.shown = Some(step);
            self.send(Request::Progress(progress));
        }
    }

    /// Shows a notification: `title` and `body`.
    pub fn notify(&self, title: &str, body: &str) {
        self.send(Request::Notify {
            title: title.to_owned(),
            body: body.to_owned(),
        });
    }

    fn send(&self, request: Request) {
        if let Some(tx) = &self.requests {
            // The thread ends only with the app.
            let _ = tx.send(request);
        }
    }
}

/// Whether progress at `step` (thousandths, or hidden) differs visibly from what the desktop shows: by 0.5 %
/// (finer moves are invisible, and each is a D-Bus signal), or reaching the end, or shown or hidden.
fn moved(shown: Option<Option<u32>>, step: Option<u32>) -> bool {
    match (shown, step) {
        (Some(Some(a)), Some(b)) => a.abs_diff(b) >= 5 || (b == 1000 && a != 1000),
        (Some(a), b) => a != b,
        (None, _) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::moved;

    #[test]
    fn progress_reaches_the_desktop_in_visible_steps_only() {
        assert!(moved(None, None), "the first word is always said");
        assert!(!moved(Some(None), None));
        assert!(moved(Some(None), Some(0)), "a run begins");
        assert!(!moved(Some(Some(270)), Some(273)));
        assert!(moved(Some(Some(270)), Some(275)));
        assert!(moved(Some(Some(998)), Some(1000)), "the end is shown");
        assert!(moved(Some(Some(1000)), None), "and then hidden");
    }
}
