//! What a batch will give before it runs: the plan, made without writing, and a few images spread across it
//! converted in memory, from which the total output size and the run's time are extrapolated.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use super::budget::Budget;
use super::codecs::isolated_file;
use super::control::CancelToken;
use super::error::SetupError;
use super::format::InputFormat;
use super::pipeline::make_copies;
use super::plan::{PlanEntry, plan_dry};
use super::selection::Selection;
use super::settings::Settings;
use super::task::Task;

/// Images converted to make an estimate, unless the caller asks for another number: enough to land within about
/// 15 % on a folder of photos, few enough to take a second or two.
pub const SAMPLE_IMAGES: usize = 16;

/// How much faster than one thread `n` threads go, as measured on this project's benchmark corpus (2 cores:
/// 1.85× with 2 threads): each thread beyond the first adds this share of one.
const EXTRA_THREAD_GAIN: f64 = 0.85;

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
    // The centre of each of `sample` equal stretches of the plan: one image from each, so every folder of a
    // large batch has its say.
    let mut targets = (0..sample)
        .map(|k| (2 * k + 1) * total / (2 * sample.max(1)))
        .peekable();
    let mut chosen: Vec<Task> = Vec::with_capacity(sample);
    // Formats give very different copies (a PNG kept PNG against a JPEG), so each format met gets at least one
    // sampled image (its first), and each is extrapolated on its own.
    let mut first_of: Vec<Task> = Vec::new();
    let mut bytes_of: HashMap<InputFormat, u64> = HashMap::new();
    for entry in plan {
        if cancel.is_cancelled() {
            return Ok(None);
        }
        seen(&entry);
        match entry {
            PlanEntry::Task(task) => {
                estimate.images += 1;
                estimate.input_bytes += task.input_bytes;
                let first = !bytes_of.contains_key(&task.format);
                *bytes_of.entry(task.format).or_default() += task.input_bytes;
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
    if let Some((bytes, seconds)) = extrapolate(&measured, &bytes_of) {
        estimate.output_bytes = Some(bytes.round() as u64);
        estimate.seconds = Some(seconds / speedup(estimate.threads));
    }
    Ok(Some(estimate))
}

/// The whole batch's output bytes and one-thread seconds, from the sampled images: per input format, the sample's
/// bytes out and seconds per byte in, carried over to that format's bytes in (larger files take longer and give
/// larger copies). A format without a converted sample takes the ratios of all the samples together.
fn extrapolate(measured: &[Measured], bytes_of: &HashMap<InputFormat, u64>) -> Option<(f64, f64)> {
    let ratios = |of: &mut dyn Iterator<Item = &Measured>| {
        let (mut input, mut output, mut seconds) = (0u64, 0u64, 0.0);
        for m in of {
            input += m.input_bytes;
            output += m.output_bytes;
            seconds += m.seconds;
        }
        (input > 0).then(|| (output as f64 / input as f64, seconds / input as f64))
    };
    let overall = ratios(&mut measured.iter())?;
    let (mut bytes, mut seconds) = (0.0, 0.0);
    for (format, &input) in bytes_of {
        let (out_per_byte, secs_per_byte) =
            ratios(&mut measured.iter().filter(|m| m.format == *format)).unwrap_or(overall);
        bytes += out_per_byte * input as f64;
        seconds += secs_per_byte * input as f64;
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
