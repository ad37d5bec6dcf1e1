//! `SHRINKRAY_STAGES=1`: after a run, where its time went (read, decode, resize, encode, write), summed
//! over the workers, on standard error; for benchmarks (`benches/compare.sh` prints it), so that whoever makes
//! Shrinkray faster next starts from numbers.

use std::time::Duration;

use shrinkray::engine::Summary;
use shrinkray::engine::stages;

/// Whether the environment asks for the breakdown; if so, timing starts now.
pub(crate) fn start_if_asked() -> bool {
    let asked = std::env::var_os("SHRINKRAY_STAGES").is_some_and(|v| v == "1");
    if asked {
        stages::enable();
    }
    asked
}

/// Prints the breakdown of the run `summary` ends.
pub(crate) fn print(summary: &Summary) {
    let totals = stages::totals();
    let all: Duration = totals.iter().map(|t| t.total).sum();
    let images = summary.done.max(1) as f64;
    eprintln!(
        "stages of {} images, {:.2} s wall (times summed over the workers):",
        summary.done,
        summary.elapsed.as_secs_f64()
    );
    eprintln!(
        "  {:<8} {:>6} {:>9} {:>10} {:>7}",
        "stage", "runs", "total (s)", "per image", "share"
    );
    for t in &totals {
        let share = if all.is_zero() {
            0.0
        } else {
            t.total.as_secs_f64() / all.as_secs_f64() * 100.0
        };
        eprintln!(
            "  {:<8} {:>6} {:>9.2} {:>7.1} ms {:>6.1} %",
            t.stage.name(),
            t.times,
            t.total.as_secs_f64(),
            t.total.as_secs_f64() * 1000.0 / images,
            share
        );
    }
    eprintln!(
        "  {:<8} {:>6} {:>9.2} {:>7.1} ms",
        "all",
        "",
        all.as_secs_f64(),
        all.as_secs_f64() * 1000.0 / images
    );
}
