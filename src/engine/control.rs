//! The switches a caller holds on a running job: cancel and pause.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// Cancels its job (or a preview, or an estimate) from anywhere; cloning is cheap.
#[derive(Clone, Debug, Default)]
pub struct CancelToken(pub(crate) Arc<AtomicBool>);

impl CancelToken {
    /// A token not cancelled yet, for work started outside a job (a preview, an estimate).
    pub fn new() -> Self {
        Self::default()
    }

    /// Same as `JobHandle::cancel`.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    /// Whether the job was cancelled.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// The pause switch: workers finish the images they hold and wait before taking another.
#[derive(Default)]
pub(crate) struct Pause {
    paused: Mutex<bool>,
    resumed: Condvar,
}

impl Pause {
    /// Pauses (`true`) or resumes, waking the workers that wait.
    pub fn set(&self, paused: bool) {
        if let Ok(mut p) = self.paused.lock() {
            *p = paused;
        }
        self.resumed.notify_all();
    }

    /// Whether paused now.
    pub fn is_paused(&self) -> bool {
        self.paused.lock().map(|p| *p).unwrap_or(false)
    }

    /// Waits while paused; a cancel (which may come from a `CancelToken` that cannot notify) is seen within
    /// a tenth of a second.
    pub fn wait(&self, cancel: &AtomicBool) {
        let Ok(mut paused) = self.paused.lock() else { return };
        while *paused && !cancel.load(Ordering::Relaxed) {
            match self.resumed.wait_timeout(paused, Duration::from_millis(100)) {
                Ok((guard, _)) => paused = guard,
                Err(_) => return,
            }
        }
    }
}
