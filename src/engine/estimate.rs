//! What a batch will give before it runs: the plan, made without writing, and a few images spread across it
//! converted in memory, from which the total output size and the run's time are extrapolated.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use super::budget::Budget;
use super::codecs::isolated_file;
use super::control::CancelToken;
use super::error::SetupError;
use super::pipeline::make_copies;
use super::plan::{PlanEntry, plan_dry};
use super::selection::Selection;
use super::settings::Settings;
use super::task::Task;
use crate::engine::formats::detect::InputFormat;

/// Images converted to make an estimate, unless the caller asks for another number: enough to land within about
/// 15 % on a folder of photos, few enough to take a second or two.
pub const SAMPLE_IMAGES: usize = 16;

/// How much faster than one thread `n` threads go: each thread beyond the first adds this share of one (the
/// JPEG corpus of `benches/compare.sh` runs 1.93× faster on 2 threads than on 1; see the README).
const EXTRA_THREAD_GAIN: f64 = 0.9;

/// A batch's plan in figures, and what it is expected to give.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Estimate {
    /// Images the run would resize.
    pub images: usize,
    /// Inputs it would leave alone (up to date, not images, output exists under "skip").
    pub skipped: usize,
    /// Inputs that already fail at planning.
    pub failed: usize,
    /// The size of the images it would resize.
    pub input_bytes: u64,
    /// Images converted for the estimate.
    pub sampled: usize,
    /// Of those, how many failed (the run would fail them too).
    pub sample_failed: usize,
    /// Expected size of every copy written, extra sizes included; `None` when no sample could be converted.
    pub output_bytes: Option<u64>,
    /// Expected wall time of the run, in seconds, at `threads`.
    pub seconds: Option<f64>,
    /// The threads the estimate is for.
    pub threads: usize,
    /// Sampled images whose copy came out no smaller than the original.
    pub not_smaller: usize,
    /// Of those, the copies in the original's format: the ones "skip if larger" would replace by the original.
    pub not_smaller_same_format: usize,
}

impl Estimate {
    /// Most sampled images would not get smaller, and "skip if larger" would help (it is off, and the copies
    /// keep their format).
    pub fn mostly_not_smaller(&self, settings: &Settings) -> bool {
        let converted = self.sampled - self.sample_failed;
        converted > 0
            && self.not_smaller * 2 > converted
            && !settings.skip_if_larger
            && self.not_smaller_same_format > 0
    }
}

/// Where in a plan of `total` entries the sampled images are taken: one from each of `sample` equal stretches,
/// so every folder of a large batch has its say, at a place within its stretch that looks random but is the
/// same on every run. Not at the same place in each: a batch made by cycling through a few pictures (exports,
/// bursts, generated test sets) would then show only one phase of the cycle (seen: the same 4 pictures again
/// and again over 10,000 files, the time off by 60 %).
fn sample_positions(total: usize, sample: usize) -> Vec<usize> {
    let sample = sample.max(1) as u64;
    let total = total as u64;
    (0..sample)
        .map(|k| {
            let (start, end) = (k * total / sample, (k + 1) * total / sample);
            // splitmix64 of the stretch's number: well spread, and no state to seed.
            let mut z = k.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            (start + z % (end - start).max(1)) as usize
        })
        .collect()
}

/// One sampled image's figures.
#[derive(Clone, Copy, Debug)]
struct Measured {
    format: InputFormat,
    input_bytes: u64,
    output_bytes: u64,
    seconds: f64,
}

/// Plans `inputs` as a job with `settings` would (nothing is created, nothing written), showing `seen` each entry
/// in plan order, then converts up to `sample` images spread evenly across the plan, in memory, on the calling
/// thread. `Ok(None)` when `cancel` was set. Blocks for as long as that takes: run it off a UI thread.
pub fn estimate(
    inputs: &[PathBuf],
    settings: &Settings,
    selection: &Selection,
    sample: usize,
    cancel: &CancelToken,
    mut seen: impl FnMut(&PlanEntry),
) -> Result<Option<Estimate>, SetupError> {
    let plan = plan_dry(inputs, settings, selection)?;
    let total = plan.total().max(1);
    let mut estimate = Estimate {
        threads: settings.thread_count(),
        ..Estimate::default()
    };
    let mut targets = sample_positions(total, sample).into_iter().peekable();
    let mut chosen: Vec<Task> = Vec::with_capacity(sample);
    // Formats give very different copies (a PNG kept PNG against a JPEG), so each format met gets at least one
    // sampled image (its first), and each is extrapolated on its own.
    let mut first_of: Vec<Task> = Vec::new();
    // Bytes and images of each input format.
    let mut batch: HashMap<InputFormat, (u64, usize)> = HashMap::new();
    for entry in plan {
        if cancel.is_cancelled() {
            return Ok(None);
        }
        seen(&entry);
        match entry {
            PlanEntry::Task(task) => {
                estimate.images += 1;
                estimate.input_bytes += task.input_bytes;
                let first = !batch.contains_key(&task.format);
                let of_format = batch.entry(task.format).or_default();
                of_format.0 += task.input_bytes;
                of_format.1 += 1;
                if targets.peek().is_some_and(|&t| task.index >= t) {
                    while targets.next_if(|&t| task.index >= t).is_some() {}
                    first_of.retain(|f| f.format != task.format);
                    chosen.push(task);
                } else if first && sample > 0 && !chosen.iter().any(|c| c.format == task.format) {
                    first_of.push(task);
                }
            }
            PlanEntry::Skip { .. } => estimate.skipped += 1,
            PlanEntry::Fail { .. } => estimate.failed += 1,
        }
    }
    chosen.append(&mut first_of);
    // A run sets up its codecs once per thread; the first image converted here would pay for that alone and
    // count it as its own time (on small photos, by half again). It is converted once untimed.
    if let Some(first) = chosen.first() {
        measure(first, settings);
    }
    let mut measured = Vec::with_capacity(chosen.len());
    for task in &chosen {
        if cancel.is_cancelled() {
            return Ok(None);
        }
        estimate.sampled += 1;
        match measure(task, settings) {
            Some((m, not_smaller)) => {
                if not_smaller {
                    estimate.not_smaller += 1;
                    if task.encoding.format() == task.format {
                        estimate.not_smaller_same_format += 1;
                    }
                }
                measured.push(m);
            }
            None => estimate.sample_failed += 1,
        }
    }
    if let Some((bytes, seconds)) = extrapolate(&measured, &batch) {
        estimate.output_bytes = Some(bytes.round() as u64);
        estimate.seconds = Some(seconds / speedup(estimate.threads));
    }
    Ok(Some(estimate))
}

/// The whole batch's output bytes and one-thread seconds from the sampled images, per input format (a PNG kept
/// PNG and a JPEG differ in both): the sample's bytes out per byte in, carried over to the format's bytes in
/// (larger files give larger copies), and its mean seconds per image, times the format's images (time follows
/// pixels more than bytes: a flat picture of few bytes takes as long as a busy one of the same size). A format
/// without a converted sample takes the figures of all the samples together.
fn extrapolate(measured: &[Measured], batch: &HashMap<InputFormat, (u64, usize)>) -> Option<(f64, f64)> {
    let figures = |of: &mut dyn Iterator<Item = &Measured>| {
        let (mut input, mut output, mut seconds, mut images) = (0u64, 0u64, 0.0, 0usize);
        for m in of {
            input += m.input_bytes;
            output += m.output_bytes;
            seconds += m.seconds;
            images += 1;
        }
        (input > 0).then(|| (output as f64 / input as f64, seconds / images as f64))
    };
    let overall = figures(&mut measured.iter())?;
    let (mut bytes, mut seconds) = (0.0, 0.0);
    for (format, &(input, images)) in batch {
        let (out_per_byte, per_image) =
            figures(&mut measured.iter().filter(|m| m.format == *format)).unwrap_or(overall);
        bytes += out_per_byte * input as f64;
        seconds += per_image * images as f64;
    }
    Some((bytes, seconds))
}

/// Converts one task's copies in memory and times it; `None` when it fails. The flag: its main copy is no
/// smaller than the original.
fn measure(task: &Task, settings: &Settings) -> Option<(Measured, bool)> {
    let start = Instant::now();
    let budget = Budget::new(settings.limits.memory_budget.unwrap_or(u64::MAX));
    let copies = isolated_file(&task.input, || make_copies(task, settings, &budget)).ok()?;
    let seconds = start.elapsed().as_secs_f64();
    let main = copies.main.bytes.len() as u64;
    let not_smaller = main >= task.input_bytes;
    let written = if copies.keep_original { task.input_bytes } else { main };
    let extras: u64 = copies.extras.iter().map(|c| c.bytes.len() as u64).sum();
    Some((
        Measured {
            format: task.format,
            input_bytes: task.input_bytes,
            output_bytes: written + extras,
            seconds,
        },
        not_smaller,
    ))
}

/// How many times faster than one thread a job on `threads` runs: no faster than the machine has cores.
fn speedup(threads: usize) -> f64 {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let useful = threads.clamp(1, cores.max(1));
    1.0 + (useful - 1) as f64 * EXTRA_THREAD_GAIN
}

#[cfg(test)]
mod tests {
    use super::sample_positions;

    #[test]
    fn samples_come_one_from_each_stretch_and_not_all_at_one_phase_of_a_cycle() {
        let positions = sample_positions(10_000, 16);
        assert_eq!(positions.len(), 16);
        for (k, &p) in positions.iter().enumerate() {
            assert!((k * 625..(k + 1) * 625).contains(&p), "sample {k} at {p}");
        }
        assert_eq!(positions, sample_positions(10_000, 16), "the same on every run");
        // A batch that cycles through 25 pictures: the samples see many of them, not one.
        let phases: std::collections::HashSet<usize> = positions.iter().map(|p| p % 25).collect();
        assert!(phases.len() >= 8, "{phases:?}");
        // Fewer entries than samples: each entry at most once.
        assert_eq!(sample_positions(3, 16).iter().filter(|&&p| p >= 3).count(), 0);
    }
}
