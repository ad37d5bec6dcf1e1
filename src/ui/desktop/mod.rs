//! What the desktop shows of a run outside the window: progress on the taskbar or dock, and a notification when
//! a long run ends. Every call to the desktop (D-Bus on Linux, COM and WinRT on Windows) happens on one
//! background thread, so the UI thread never waits for it; each platform has its own small module.

#[cfg(all(unix, not(target_os = "macos")))]
mod linux;
#[cfg(all(unix, not(target_os = "macos")))]
use linux as platform;
#[cfg(target_os = "macos")]
mod macos;
#[cfg(target_os = "macos")]
use macos as platform;
#[cfg(windows)]
mod windows;
#[cfg(windows)]
use windows as platform;

use crossbeam_channel::Sender;
use eframe::egui;
use raw_window_handle::HasWindowHandle;

/// What the taskbar button (or dock tile) shows of a run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    /// The share done, 0 to 1.
    pub fraction: f64,
    /// Running, paused, or running with failures.
    pub state: ProgressState,
}

/// How a run is going, for the colour of its progress where the desktop has colours (Windows: green, yellow,
/// red).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgressState {
    /// Running, nothing failed.
    Normal,
    /// Paused by the user.
    Paused,
    /// Running, and at least one image failed.
    Failing,
}

/// A request to the desktop thread.
enum Request {
    /// The window whose taskbar button shows the progress (Windows needs its handle).
    Attach(platform::Window),
    /// The run's progress, or none to hide it.
    Progress(Option<Progress>),
    /// A notification; clicking it brings the window forward.
    Notify { title: String, body: String },
}

/// The app's line to the desktop. Progress is sent only when it moves by a visible step.
pub struct Desktop {
    requests: Option<Sender<Request>>,
    /// The last progress sent: thousandths and state.
    shown: Option<Option<(u32, ProgressState)>>,
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
                        Request::Attach(window) => desktop.attach(window),
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

    /// Tells the desktop thread which window is the app's (its taskbar button shows the progress on Windows;
    /// elsewhere the app is known by its desktop file or bundle and this does nothing).
    pub fn attach(&self, window: &impl HasWindowHandle) {
        if let Some(window) = window.window_handle().ok().and_then(|w| platform::window(w.as_raw())) {
            self.send(Request::Attach(window));
        }
    }

    /// Shows `progress` on the taskbar or dock, or hides it (`None`).
    pub fn progress(&mut self, progress: Option<Progress>) {
        let step = progress.map(|p| ((p.fraction.clamp(0.0, 1.0) * 1000.0).round() as u32, p.state));
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

/// Whether progress at `step` (thousandths and state, or hidden) differs visibly from what the desktop shows: by
/// 0.5 % (finer moves are invisible, and each is a D-Bus signal or a COM call), or reaching the end, or in
/// state, or shown or hidden.
fn moved(shown: Option<Option<(u32, ProgressState)>>, step: Option<(u32, ProgressState)>) -> bool {
    match (shown, step) {
        (Some(Some((a, was))), Some((b, now))) => a.abs_diff(b) >= 5 || (b == 1000 && a != 1000) || was != now,
        (Some(a), b) => a != b,
        (None, _) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::ProgressState::{Failing, Normal, Paused};
    use super::moved;

    #[test]
    fn progress_reaches_the_desktop_in_visible_steps_only() {
        assert!(moved(None, None), "the first word is always said");
        assert!(!moved(Some(None), None));
        assert!(moved(Some(None), Some((0, Normal))), "a run begins");
        assert!(!moved(Some(Some((270, Normal))), Some((273, Normal))));
        assert!(moved(Some(Some((270, Normal))), Some((275, Normal))));
        assert!(
            moved(Some(Some((998, Normal))), Some((1000, Normal))),
            "the end is shown"
        );
        assert!(moved(Some(Some((1000, Normal))), None), "and then hidden");
        assert!(
            moved(Some(Some((270, Normal))), Some((270, Paused))),
            "a pause is shown at once"
        );
        assert!(
            moved(Some(Some((270, Normal))), Some((271, Failing))),
            "so is the first failure"
        );
    }
}
