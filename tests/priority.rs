//! Worker priority, alone in its own test binary: it reads every thread of the process, so no other test's
//! workers may run beside it. Linux only, as it reads `/proc`; Windows' idle priority is checked by the
//! unit tests of `src/engine/platform/windows.rs`.
#![cfg(target_os = "linux")]

mod common;

use std::fs;
use std::sync::Arc;

use common::*;
use image::ImageFormat;
use shrinkray::engine::{JobHandle, JobOptions};

/// The app runs its workers in the idle scheduling class so the window gets a core at once; the CLI does not.
#[test]
fn background_jobs_run_their_workers_at_idle_priority() {
    fn worker_policies() -> Vec<i64> {
        let mut nices = Vec::new();
        for task in fs::read_dir("/proc/self/task").unwrap().flatten() {
            let comm = fs::read_to_string(task.path().join("comm")).unwrap_or_default();
            if comm.starts_with("shrinkray-worke") {
                let stat = fs::read_to_string(task.path().join("stat")).unwrap_or_default();
                // Field 41 is the scheduling policy (5: SCHED_IDLE, 0: SCHED_OTHER); the fields after the ")"
                // that ends the name start at 3.
                // A thread that ended while being read has no stat left: it is no worker any more.
                let Some(end) = stat.rfind(')') else { continue };
                let after = &stat[end + 2..];
                nices.push(after.split(' ').nth(41 - 3).unwrap().parse().unwrap());
            }
        }
        nices
    }
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    for i in 0..6 {
        write_photo(&root.join(format!("{i}.png")), 1200, 900, ImageFormat::Png);
    }
    for (background, policy) in [(true, 5), (false, 0)] {
        // The previous job's workers end just after its `Finished`: on a busy machine a few may still be there.
        let start = std::time::Instant::now();
        while !worker_policies().is_empty() && start.elapsed() < std::time::Duration::from_secs(10) {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let options = JobOptions {
            background,
            ..JobOptions::default()
        };
        let settings = settings_to(&dir.path().join(format!("out-{background}")));
        let job = JobHandle::start(vec![root.clone()], settings, options, Arc::new(|| {})).unwrap();
        // Workers exist from the first event to the last. Each takes its class in its start handler, before any
        // image; on a loaded machine one may still be between its creation and that handler at the first event,
        // so the class is awaited (a worker that never takes it still fails the test, after 10 s).
        job.events().recv().unwrap();
        let waited = std::time::Instant::now();
        let mut policies = worker_policies();
        while policies.iter().any(|&p| p != policy) && waited.elapsed() < std::time::Duration::from_secs(10) {
            std::thread::sleep(std::time::Duration::from_millis(10));
            match worker_policies() {
                // The job's workers have ended: the last reading stands.
                now if now.is_empty() => break,
                now => policies = now,
            }
        }
        collect(&job);
        assert!(!policies.is_empty());
        assert!(
            policies.iter().all(|&p| p == policy),
            "background {background}: {policies:?}"
        );
    }
}
