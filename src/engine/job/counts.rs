//! What a job's entries came to, summed as workers finish them.

use std::time::SystemTime;

/// What a run's entries came to.
#[derive(Default)]
pub(super) struct Counts {
    pub entries: usize,
    pub done: usize,
    pub skipped: usize,
    pub failed: usize,
    pub input_bytes: u64,
    pub output_bytes: u64,
    /// Failures a watch held back, and when the earliest may be tried again.
    pub held: usize,
    pub retry_at: Option<SystemTime>,
}

impl Counts {
    pub(super) fn add(self, other: Self) -> Self {
        Self {
            entries: self.entries + other.entries,
            done: self.done + other.done,
            skipped: self.skipped + other.skipped,
            failed: self.failed + other.failed,
            input_bytes: self.input_bytes + other.input_bytes,
            output_bytes: self.output_bytes + other.output_bytes,
            held: self.held + other.held,
            retry_at: match (self.retry_at, other.retry_at) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            },
        }
    }
}
