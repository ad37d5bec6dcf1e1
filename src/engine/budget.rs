//! The memory budget: how many bytes of decoded pixels (and compressed data held whole) all of a job's workers
//! may hold at once, so that many threads on many panoramas cannot exhaust the machine's memory.

use std::sync::{Condvar, Mutex, PoisonError};

/// Shared by a job's workers. A worker asks for what one image will need before allocating it and waits while
/// others hold too much; an image larger than the whole budget runs alone rather than never.
#[derive(Debug)]
pub(crate) struct Budget {
    capacity: u64,
    held: Mutex<u64>,
    freed: Condvar,
    /// Workers waiting for room, so a test can see one wait without guessing how long waiting takes.
    #[cfg(test)]
    waiting: std::sync::atomic::AtomicUsize,
}

/// What one worker holds; given back when dropped.
#[derive(Debug)]
pub(crate) struct Hold<'a> {
    budget: &'a Budget,
    bytes: u64,
}

impl Budget {
    /// A budget of `capacity` bytes.
    pub const fn new(capacity: u64) -> Self {
        Self {
            capacity,
            held: Mutex::new(0),
            freed: Condvar::new(),
            #[cfg(test)]
            waiting: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// Waits until `bytes` fit beside what the other workers hold (or nothing else is held), then takes them.
    /// A worker holds at most one `Hold` at a time, so waiting can never go in a circle.
    pub fn hold(&self, bytes: u64) -> Hold<'_> {
        // The count stays right even if a holder panicked: its Hold is dropped on unwind.
        let mut held = self.held.lock().unwrap_or_else(PoisonError::into_inner);
        while *held > 0 && held.saturating_add(bytes) > self.capacity {
            #[cfg(test)]
            self.waiting.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            held = self.freed.wait(held).unwrap_or_else(PoisonError::into_inner);
            #[cfg(test)]
            self.waiting.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
        }
        *held += bytes;
        Hold { budget: self, bytes }
    }

    #[cfg(test)]
    fn held(&self) -> u64 {
        *self.held.lock().unwrap()
    }
}

impl Drop for Hold<'_> {
    fn drop(&mut self) {
        let mut held = self.budget.held.lock().unwrap_or_else(PoisonError::into_inner);
        *held -= self.bytes;
        self.budget.freed.notify_all();
    }
}

/// The budget when the user sets none: a quarter of the memory this process may use (the machine's, or its
/// control group's limit when lower) on Linux, the physical memory on Windows; 2 GiB elsewhere. Read once
/// per process, so a UI may ask every frame.
pub fn auto_memory_budget() -> u64 {
    static AUTO: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *AUTO.get_or_init(|| crate::engine::platform::usable_memory().map_or(2 << 30, |bytes| bytes / 4))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::Duration;

    #[test]
    fn holders_together_never_exceed_the_budget() {
        let budget = Budget::new(100);
        let peak = AtomicU64::new(0);
        std::thread::scope(|s| {
            for i in 0..8 {
                let (budget, peak) = (&budget, &peak);
                s.spawn(move || {
                    for _ in 0..20 {
                        let _hold = budget.hold(30 + i);
                        peak.fetch_max(budget.held(), Ordering::Relaxed);
                        std::thread::sleep(Duration::from_micros(200));
                    }
                });
            }
        });
        let peak = peak.load(Ordering::Relaxed);
        assert!(peak <= 100, "held {peak} bytes at once");
        assert!(peak >= 60, "two images should fit side by side, peak {peak}");
        assert_eq!(budget.held(), 0);
    }

    #[test]
    fn an_image_larger_than_the_budget_runs_alone() {
        let budget = Budget::new(100);
        let big = budget.hold(500);
        std::thread::scope(|s| {
            let waiter = s.spawn(|| {
                let _small = budget.hold(1);
                budget.held()
            });
            // Until the waiter either waits (as it must) or gets its bytes (the bug).
            while budget.waiting.load(Ordering::SeqCst) == 0 && !waiter.is_finished() {
                std::thread::yield_now();
            }
            assert!(!waiter.is_finished(), "a second image waits while the big one is held");
            assert_eq!(budget.held(), 500);
            drop(big);
            assert_eq!(waiter.join().unwrap(), 1);
        });
    }

    /// A quarter of MemTotal, or of the cgroup v2 limit when there is one and it is lower, read here
    /// independently of `usable_memory`.
    #[cfg(target_os = "linux")]
    #[test]
    fn the_automatic_budget_is_a_quarter_of_the_memory_this_process_may_use() {
        let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap();
        let line = meminfo.lines().find(|l| l.starts_with("MemTotal:")).unwrap();
        let kib: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
        let mut usable = kib * 1024;
        if let Ok(limit) = std::fs::read_to_string("/sys/fs/cgroup/memory.max")
            && limit.trim() != "max"
        {
            usable = usable.min(limit.trim().parse().unwrap());
        }
        assert_eq!(auto_memory_budget(), usable / 4);
    }
}
