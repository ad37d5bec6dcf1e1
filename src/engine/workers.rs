//! The threads a job runs on: one named rayon pool per job, its priority, and the panic hook that keeps the
//! panics a worker catches quiet.

use super::error::SetupError;

/// Worker threads are named this, then their number.
const WORKER_PREFIX: &str = "shrinkray-worker-";

/// Keeps the panics the engine catches out of the terminal: a decoder that panics on a worker thread becomes that
/// image's `ImageFailed`, with the panic's message, so printing it as well (with a backtrace, even) would only
/// alarm. Panics on other threads print as before. For programs to call once at start-up; the engine never
/// changes the process's panic hook by itself.
pub fn quiet_worker_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let on_worker = std::thread::current()
            .name()
            .is_some_and(|n| n.starts_with(WORKER_PREFIX));
        if !on_worker {
            default(info);
        }
    }));
}

/// A pool of `threads` threads named `shrinkray-worker-N`, at the lowest priority the platform has when `background`.
pub(crate) fn worker_pool(threads: usize, background: bool) -> Result<rayon::ThreadPool, SetupError> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("{WORKER_PREFIX}{i}"))
        .start_handler(move |_| {
            if background {
                crate::engine::platform::lower_thread_priority();
            }
        })
        .build()
        .map_err(|e| SetupError::ThreadPool {
            threads,
            why: e.to_string(),
        })
}
