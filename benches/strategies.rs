//! The experiment Shrinkray was born from: the same per-image work (the engine's real `process_task`) over one
//! folder, scheduled four ways. Run by `benches/strategies.sh`, which makes the image sets, guards the machine's
//! memory and prints the table; one invocation measures one strategy and prints one line:
//!
//!     strategy=<name> threads=<n> images=<n> failed=<n> wall_s=<s> cpu_s=<s> peak_rss_mb=<mb> straggle_s=<s>
//!
//! usage: strategies STRATEGY INPUT OUTPUT [THREADS]
//!   loop      one thread, one image after another
//!   spawn     `std::thread::spawn` for every image, all at once, joined at the end (nothing capped)
//!   chunks    THREADS threads, each given an equal, fixed share of the images in plan order
//!   pool      Shrinkray's job: a named rayon pool of THREADS threads, events over the channel
//! `straggle_s`: for spawn and chunks, how long the last thread ran after all the others had finished.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use shrinkray::engine::{JobEvent, JobHandle, JobOptions, PlanEntry, ResizeMode, Settings, Task, plan, process_task};

fn main() {
    // `cargo bench` passes `--bench`; it means nothing here.
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let [strategy, input, output, rest @ ..] = args.as_slice() else {
        eprintln!("usage: strategies loop|spawn|chunks|pool INPUT OUTPUT [THREADS]");
        std::process::exit(2);
    };
    let threads: usize = rest.first().and_then(|t| t.parse().ok()).unwrap_or(2);
    let settings = Settings {
        resize: ResizeMode::LongEdge(1600),
        output_dir: Some(PathBuf::from(output)),
        threads: std::num::NonZeroUsize::new(threads),
        ..Settings::default()
    };
    let inputs = vec![PathBuf::from(input)];
    let start = Instant::now();
    let (images, failed, straggle) = match strategy.as_str() {
        "loop" => run_loop(&inputs, &settings),
        "spawn" => run_spawn(&inputs, &settings),
        "chunks" => run_chunks(&inputs, &settings, threads),
        "pool" => run_pool(&inputs, &settings),
        other => {
            eprintln!("unknown strategy {other}");
            std::process::exit(2);
        }
    };
    let wall = start.elapsed();
    let (cpu, peak_mb) = usage();
    let threads = match strategy.as_str() {
        "loop" => 1,
        "spawn" => images,
        _ => threads,
    };
    println!(
        "strategy={strategy} threads={threads} images={images} failed={failed} wall_s={:.2} cpu_s={:.2} \
         peak_rss_mb={peak_mb:.0} straggle_s={}",
        wall.as_secs_f64(),
        cpu.as_secs_f64(),
        straggle.map_or_else(|| "-".to_owned(), |s| format!("{:.2}", s.as_secs_f64()))
    );
}

/// The images of the inputs, planned as a job plans them (names and collisions settled), all at once.
fn tasks(inputs: &[PathBuf], settings: &Settings) -> Vec<Task> {
    let plan = plan(inputs, settings).unwrap_or_else(|e| panic!("cannot plan: {e}"));
    plan.filter_map(|entry| match entry {
        PlanEntry::Task(task) => Some(task),
        _ => None,
    })
    .collect()
}

fn run_loop(inputs: &[PathBuf], settings: &Settings) -> (usize, usize, Option<Duration>) {
    let tasks = tasks(inputs, settings);
    let failed = tasks.iter().filter(|t| process_task(t, settings).is_err()).count();
    (tasks.len(), failed, None)
}

fn run_spawn(inputs: &[PathBuf], settings: &Settings) -> (usize, usize, Option<Duration>) {
    let tasks = tasks(inputs, settings);
    let n = tasks.len();
    let settings = Arc::new(settings.clone());
    let start = Instant::now();
    let mut handles = Vec::with_capacity(n);
    for (i, task) in tasks.into_iter().enumerate() {
        let settings = Arc::clone(&settings);
        let spawned = std::thread::Builder::new().spawn(move || {
            let ok = process_task(&task, &settings).is_ok();
            (ok, start.elapsed())
        });
        match spawned {
            Ok(handle) => handles.push(handle),
            Err(e) => {
                // The experiment caps nothing; when the system refuses a thread, that is the result.
                println!("spawn failed at thread {} of {n}: {e}", i + 1);
                std::process::exit(3);
            }
        }
    }
    let results: Vec<(bool, Duration)> = handles.into_iter().filter_map(|h| h.join().ok()).collect();
    let failed = n - results.iter().filter(|(ok, _)| *ok).count();
    let ends = results.iter().map(|(_, end)| *end).collect();
    (n, failed, Some(straggle(ends)))
}

fn run_chunks(inputs: &[PathBuf], settings: &Settings, threads: usize) -> (usize, usize, Option<Duration>) {
    let tasks = tasks(inputs, settings);
    let n = tasks.len();
    let per = n.div_ceil(threads.max(1));
    let start = Instant::now();
    let results: Vec<(usize, Duration)> = std::thread::scope(|scope| {
        let handles: Vec<_> = tasks
            .chunks(per.max(1))
            .map(|chunk| {
                scope.spawn(move || {
                    let failed = chunk.iter().filter(|t| process_task(t, settings).is_err()).count();
                    (failed, start.elapsed())
                })
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    let failed = results.iter().map(|(f, _)| f).sum();
    (n, failed, Some(straggle(results.iter().map(|(_, end)| *end).collect())))
}

fn run_pool(inputs: &[PathBuf], settings: &Settings) -> (usize, usize, Option<Duration>) {
    let job = JobHandle::start(
        inputs.to_vec(),
        settings.clone(),
        JobOptions::default(),
        Arc::new(|| {}),
    )
    .unwrap_or_else(|e| panic!("cannot start the job: {e}"));
    for event in job.events() {
        if let JobEvent::Finished { summary } = event {
            return (summary.done + summary.failed, summary.failed, None);
        }
    }
    panic!("the job ended without Finished")
}

/// How long the last thread ran after every other had finished.
fn straggle(mut ends: Vec<Duration>) -> Duration {
    ends.sort_unstable();
    match ends.as_slice() {
        [.., before_last, last] => *last - *before_last,
        _ => Duration::ZERO,
    }
}

/// CPU time (user + system) and peak resident memory in MB of this process so far.
#[cfg(unix)]
fn usage() -> (Duration, f64) {
    // SAFETY: getrusage fills the struct it is given and nothing else.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    (
        time(usage.ru_utime) + time(usage.ru_stime),
        usage.ru_maxrss as f64 / 1024.0,
    )
}

/// Not measured on Windows (the benchmark's figures are taken on Linux): zero.
#[cfg(not(unix))]
fn usage() -> (Duration, f64) {
    (Duration::ZERO, 0.0)
}
