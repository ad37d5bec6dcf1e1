//! `SHRINKRAY_FRAME_STATS=1`: the CPU time of each frame drawn while a job streams events, printed when the
//! job ends, to check that the window keeps its frame budget at 10,000 images.

use std::time::Duration;

/// Frame times of the current job; off unless the variable is set.
#[derive(Default)]
pub struct FrameStats {
    on: bool,
    /// Seconds of CPU per frame; one float per frame drawn, a few thousand a minute at most.
    frames: Vec<f32>,
    /// Seconds spent in the app's own `ui` (layout and drawing commands, not rendering), per frame.
    ui: Vec<f32>,
}

impl FrameStats {
    /// On when `SHRINKRAY_FRAME_STATS` is set to anything but `0`.
    pub fn from_env() -> Self {
        Self {
            on: std::env::var_os("SHRINKRAY_FRAME_STATS").is_some_and(|v| v != "0"),
            frames: Vec::new(),
            ui: Vec::new(),
        }
    }

    /// Notes the previous frame's CPU time (eframe measures it: the app's `ui` plus rendering).
    pub fn record(&mut self, cpu_seconds: Option<f32>) {
        if let (true, Some(s)) = (self.on, cpu_seconds) {
            self.frames.push(s);
        }
    }

    /// Notes the time this frame's `ui` took.
    pub fn record_ui(&mut self, seconds: f32) {
        if self.on {
            self.ui.push(seconds);
        }
    }

    /// Whether stats are being kept (so the caller need not time anything otherwise).
    pub fn is_on(&self) -> bool {
        self.on
    }

    /// Prints `frame CPU while running: N frames, median …, p99 …, max …` on stderr and starts again.
    pub fn report(&mut self) {
        if !self.on || self.frames.is_empty() {
            return;
        }
        let line = summary(&mut self.frames);
        eprintln!("shrinkray: frame CPU while running: {line}");
        if !self.ui.is_empty() {
            eprintln!("shrinkray: of which the app's ui: {}", summary(&mut self.ui));
        }
        self.frames.clear();
        self.ui.clear();
    }
}

/// `N frames, median 1.2 ms, p99 4.5 ms, max 9.0 ms`.
fn summary(frames: &mut [f32]) -> String {
    frames.sort_unstable_by(f32::total_cmp);
    let at = |q: f64| {
        let i = ((frames.len() - 1) as f64 * q).round() as usize;
        Duration::from_secs_f32(frames[i].max(0.0)).as_secs_f64() * 1000.0
    };
    format!(
        "{} frames, median {:.2} ms, p99 {:.2} ms, max {:.2} ms", // not translated: a log line for benches/frames.sh
        frames.len(),
        at(0.5),
        at(0.99),
        at(1.0)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_reads_the_quantiles() {
        let mut frames: Vec<f32> = (1..=100).map(|ms| ms as f32 / 1000.0).collect();
        frames.reverse();
        assert_eq!(
            summary(&mut frames),
            "100 frames, median 51.00 ms, p99 99.00 ms, max 100.00 ms"
        );
    }
}
