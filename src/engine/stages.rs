//! Where the time of a run goes: read, decode, resize, encode and write, each summed over every worker
//! of every job in the process. A benchmark's tool, not a feature: it is off until `enable` is called (the CLI
//! does so for `SHRINKRAY_STAGES=1`), and while off a stage costs one relaxed atomic load, so the pipeline can
//! be timed as it runs for users rather than in a copy of it.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// A step of one image's work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Reading the input file into memory.
    Read,
    /// Decoding it (for a JPEG on the planar route, to its Y, Cb and Cr planes).
    Decode,
    /// Resampling to the copy's size, and turning it upright (for a JPEG's planes, into the encoder's buffer).
    Resize,
    /// Encoding the copy, metadata included.
    Encode,
    /// Writing it: the temporary file and its rename into place.
    Write,
}

impl Stage {
    /// Every stage, in the order an image passes through them.
    pub const ALL: [Stage; 5] = [Stage::Read, Stage::Decode, Stage::Resize, Stage::Encode, Stage::Write];

    /// The stage's name in a table: "read", "decode", ...
    pub fn name(self) -> &'static str {
        match self {
            Stage::Read => "read",
            Stage::Decode => "decode",
            Stage::Resize => "resize",
            Stage::Encode => "encode",
            Stage::Write => "write",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

static ON: AtomicBool = AtomicBool::new(false);
static NANOS: [AtomicU64; 5] = [const { AtomicU64::new(0) }; 5];
static TIMES: [AtomicU64; 5] = [const { AtomicU64::new(0) }; 5];

/// Starts timing stages, from zero, for the rest of the process.
pub fn enable() {
    for (nanos, times) in NANOS.iter().zip(&TIMES) {
        nanos.store(0, Ordering::Relaxed);
        times.store(0, Ordering::Relaxed);
    }
    ON.store(true, Ordering::Relaxed);
}

/// Runs `f` as `stage`, adding its time to the stage's total when timing is on.
pub(crate) fn time<T>(stage: Stage, f: impl FnOnce() -> T) -> T {
    if !ON.load(Ordering::Relaxed) {
        return f();
    }
    let start = Instant::now();
    let out = f();
    let nanos = u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX);
    NANOS[stage.index()].fetch_add(nanos, Ordering::Relaxed);
    TIMES[stage.index()].fetch_add(1, Ordering::Relaxed);
    out
}

/// One stage's total since `enable`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StageTime {
    /// Which stage.
    pub stage: Stage,
    /// Its time summed over every worker (so up to threads × the wall time).
    pub total: Duration,
    /// How many times it ran (a plane's resize counts once per plane).
    pub times: u64,
}

/// Every stage's total since `enable` (all zero when timing was never enabled).
pub fn totals() -> Vec<StageTime> {
    Stage::ALL
        .iter()
        .map(|&stage| StageTime {
            stage,
            total: Duration::from_nanos(NANOS[stage.index()].load(Ordering::Relaxed)),
            times: TIMES[stage.index()].load(Ordering::Relaxed),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timed_stage_adds_up_only_once_enabled() {
        // One test owns the process-wide counters, so it checks both states in turn.
        time(Stage::Write, || std::thread::sleep(Duration::from_millis(2)));
        assert_eq!(totals()[Stage::Write.index()].times, 0, "timed while off");
        enable();
        let got = time(Stage::Write, || {
            std::thread::sleep(Duration::from_millis(5));
            7
        });
        assert_eq!(got, 7);
        let write = totals()[Stage::Write.index()];
        assert_eq!(write.stage, Stage::Write);
        // Other tests' images may be timed too once timing is on.
        assert!(write.times >= 1);
        assert!(write.total >= Duration::from_millis(5), "{:?}", write.total);
    }
}
