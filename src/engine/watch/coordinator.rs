//! The watch's own thread: a pass, then waiting for changes, a retry or the rescan, then the next pass, until
//! it is stopped.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use crossbeam_channel::{Receiver, Sender, select};
use notify_debouncer_full::DebounceEventResult;
use notify_debouncer_full::notify::RecursiveMode;

use super::changes::{Listener, Seen, classify, ignored_by, listen, out_of_watches, poll};
use super::options::{Listen, WatchOptions};
use crate::engine::control::CancelToken;
use crate::engine::error::SetupError;
use crate::engine::event::{JobEvent, PassTrigger, SkipReason, Summary};
use crate::engine::job::{JobHandle, JobOptions, Waker, WatchPass};
use crate::engine::plan::OutputGroup;
use crate::engine::platform::canonicalize;
use crate::engine::selection::PassFilter;
use crate::engine::settings::Settings;

/// How often a waiting watch looks at its stop switch.
const STOP_CHECK: Duration = Duration::from_millis(100);

/// Files whose failure or skip is reported, with their size and modification time then.
type Reported = HashMap<PathBuf, (u64, Option<SystemTime>)>;

pub(super) struct Coordinator {
    groups: Vec<OutputGroup>,
    settings: Settings,
    options: JobOptions,
    watch: WatchOptions,
    waker: Waker,
    tx: Sender<JobEvent>,
    stop: CancelToken,
    /// Reported outcomes that passes leave alone until the file changes.
    reported: Arc<Reported>,
    /// Every pass summed, for `Finished`.
    totals: Summary,
}

impl Coordinator {
    pub(super) fn new(
        groups: Vec<OutputGroup>,
        settings: Settings,
        options: JobOptions,
        watch: WatchOptions,
        waker: Waker,
        tx: Sender<JobEvent>,
        stop: CancelToken,
    ) -> Self {
        Self {
            groups,
            settings,
            options,
            watch,
            waker,
            tx,
            stop,
            reported: Arc::default(),
            totals: Summary::default(),
        }
    }

    fn send(&self, event: JobEvent) {
        let _ = self.tx.send(event);
        (self.waker)();
    }

    pub(super) fn run(mut self) {
        let start = Instant::now();
        // Armed before the first pass, so that nothing written while it runs goes unheard.
        let roots: Vec<PathBuf> = self
            .groups
            .iter()
            .flat_map(|g| &g.inputs)
            .map(|p| canonicalize(p).unwrap_or_else(|_| p.clone()))
            .collect();
        let (fs_tx, fs_rx) = crossbeam_channel::unbounded();
        let mode = if self.settings.recursive {
            RecursiveMode::Recursive
        } else {
            RecursiveMode::NonRecursive
        };
        let mut listener = match self.watch.listen {
            Listen::Events => listen(&roots, mode, self.watch.settle, &fs_tx),
            Listen::Polling => poll(&roots, mode, self.watch.settle, &fs_tx),
            Listen::RescanOnly => Listener::None,
        };
        self.send(JobEvent::Watching {
            folders: roots.clone(),
            polling: listener.polling(),
        });
        let mut trigger = PassTrigger::Start;
        let mut next_rescan = Instant::now() + self.watch.rescan;
        for number in 1.. {
            if trigger == PassTrigger::Rescan {
                next_rescan = Instant::now() + self.watch.rescan;
                self.forget_vanished();
            }
            let (summary, due) = self.pass(number, trigger);
            if number == 1
                && let Some(error) = summary.setup_error
            {
                // The watch cannot even begin (an output folder that cannot be made, another run holding it).
                return self.send(JobEvent::Finished {
                    summary: Summary {
                        setup_error: Some(error),
                        elapsed: start.elapsed(),
                        ..Summary::default()
                    },
                });
            }
            // Hours of passes, each freeing all it took, stay flat because each pass's job gives freed memory
            // back when it ends (`Job::start_with`).
            self.add_up(&summary);
            self.send(JobEvent::Pass {
                number,
                trigger,
                summary,
            });
            let outputs = self.outputs();
            match self.wait(&fs_rx, &outputs, due, next_rescan) {
                Some(Woken::Pass(next)) => trigger = next,
                Some(Woken::OutOfWatches) => {
                    drop(listener);
                    listener = poll(&roots, mode, self.watch.settle, &fs_tx);
                    self.send(JobEvent::Watching {
                        folders: roots.clone(),
                        polling: true,
                    });
                    trigger = PassTrigger::Rescan;
                }
                None => break,
            }
        }
        drop(listener);
        let mut totals = std::mem::take(&mut self.totals);
        totals.elapsed = start.elapsed();
        self.send(JobEvent::Finished { summary: totals });
    }

    /// Runs one pass and forwards its events; returns its summary and when files it left for later are due.
    fn pass(&mut self, number: u64, trigger: PassTrigger) -> (Summary, Option<SystemTime>) {
        let settled_before = SystemTime::now()
            .checked_sub(self.watch.settle)
            .unwrap_or(SystemTime::UNIX_EPOCH);
        let filter = Arc::new(PassFilter::new(settled_before, Arc::clone(&self.reported)));
        let mut options = self.options.clone();
        options.selection.watch = Some(Arc::clone(&filter));
        options.watch_pass = Some(WatchPass {
            hold_failures: self.watch.give_up,
            append_report: number > 1 || trigger != PassTrigger::Start,
        });
        // The pass's own events are drained here; the watch wakes its listener as it forwards them.
        let quiet: Waker = Arc::new(|| {});
        let job = match JobHandle::start_groups(self.groups.clone(), self.settings.clone(), options, quiet) {
            Ok(job) => job,
            Err(error) => {
                let summary = Summary {
                    setup_error: Some(error),
                    ..Summary::default()
                };
                return (summary, None);
            }
        };
        let mut notes = Vec::new();
        let summary = loop {
            select! {
                recv(job.events()) -> event => match event {
                    Ok(JobEvent::Finished { summary }) => break summary,
                    Ok(JobEvent::Started { .. }) => {}
                    Ok(event) => {
                        notes.push(outcome(&event));
                        self.send(event);
                    }
                    Err(_) => {
                        let why = "the pass ended without reporting its result".to_owned();
                        break Summary { setup_error: Some(SetupError::Internal(why)), ..Summary::default() };
                    }
                },
                default(STOP_CHECK) => if self.stop.is_cancelled() { job.cancel() },
            }
        };
        drop(job);
        let deferred = filter.deferred().and_then(|t| t.checked_add(self.watch.settle));
        drop(filter);
        let reported = Arc::make_mut(&mut self.reported);
        for (path, reported_now) in notes.into_iter().flatten() {
            if reported_now {
                let meta = std::fs::metadata(&path);
                let size = meta.as_ref().map_or(0, std::fs::Metadata::len);
                reported.insert(path, (size, meta.and_then(|m| m.modified()).ok()));
            } else {
                reported.remove(&path);
            }
        }
        let due = [deferred, summary.retry_at].into_iter().flatten().min();
        (summary, due)
    }

    /// Waits for a reason to run the next pass; `None` once stopped.
    fn wait(
        &mut self,
        fs: &Receiver<DebounceEventResult>,
        outputs: &[PathBuf],
        due: Option<SystemTime>,
        next_rescan: Instant,
    ) -> Option<Woken> {
        let due = due.map(|t| {
            let wait = t.duration_since(SystemTime::now()).unwrap_or_default();
            // A moment past the due time, so the file is surely settled when the pass looks.
            Instant::now() + wait + Duration::from_millis(100)
        });
        let sides: Vec<PathBuf> = self.options.report.iter().map(|r| absolute(r)).collect();
        let ignored = |p: &std::path::Path| ignored_by(outputs, &sides, p);
        loop {
            if self.stop.is_cancelled() {
                return None;
            }
            let now = Instant::now();
            if now >= next_rescan {
                return Some(Woken::Pass(PassTrigger::Rescan));
            }
            if due.is_some_and(|d| now >= d) {
                return Some(Woken::Pass(PassTrigger::Retry));
            }
            let until = [Some(next_rescan), due, Some(now + STOP_CHECK)]
                .into_iter()
                .flatten()
                .min();
            let timeout = until.map_or(STOP_CHECK, |u| u.saturating_duration_since(now));
            let Ok(first) = fs.recv_timeout(timeout) else { continue };
            let mut seen = Seen::default();
            for result in std::iter::once(first).chain(fs.try_iter()) {
                match result {
                    Ok(events) => events.iter().for_each(|e| classify(e, &ignored, &mut seen)),
                    Err(errors) if out_of_watches(&errors) => return Some(Woken::OutOfWatches),
                    // Events the system could not deliver: only a full look finds what they were.
                    Err(_) => seen.rescan = true,
                }
            }
            for input in std::mem::take(&mut seen.gone) {
                if !seen.changed.contains(&input) {
                    Arc::make_mut(&mut self.reported).remove(&input);
                    self.send(JobEvent::InputGone { input });
                }
            }
            if seen.rescan {
                return Some(Woken::Pass(PassTrigger::Rescan));
            }
            if !seen.changed.is_empty() {
                seen.changed.sort();
                seen.changed.dedup();
                return Some(Woken::Pass(PassTrigger::Changes(seen.changed.len())));
            }
        }
    }

    /// The output folders as events name them (resolved: the roots are watched by their resolved paths).
    fn outputs(&self) -> Vec<PathBuf> {
        self.groups.iter().map(|g| absolute(&g.out_dir)).collect()
    }

    /// Drops the reported outcomes of files that are no longer there, so the map follows the folders.
    fn forget_vanished(&mut self) {
        Arc::make_mut(&mut self.reported).retain(|path, _| path.exists());
    }

    fn add_up(&mut self, pass: &Summary) {
        let t = &mut self.totals;
        t.total += pass.total;
        t.done += pass.done;
        t.failed += pass.failed;
        t.skipped += pass.skipped;
        t.input_bytes += pass.input_bytes;
        t.output_bytes += pass.output_bytes;
        if pass.report.is_some() {
            t.report.clone_from(&pass.report);
        }
        if pass.report_error.is_some() {
            t.report_error.clone_from(&pass.report_error);
        }
        if pass.manifest_error.is_some() {
            t.manifest_error.clone_from(&pass.manifest_error);
        }
    }
}

/// Why a waiting watch woke.
enum Woken {
    /// To run a pass.
    Pass(PassTrigger),
    /// The system has no watches left: poll instead.
    OutOfWatches,
}

/// What an event says about its input for later passes: `(path, true)` when its failure or skip is reported
/// (left alone until it changes), `(path, false)` when it was made (a later failure is news again).
fn outcome(event: &JobEvent) -> Option<(PathBuf, bool)> {
    match event {
        JobEvent::ImageFailed { input, .. } => Some((input.clone(), true)),
        JobEvent::ImageSkipped { input, reason, .. } if *reason != SkipReason::UpToDate => Some((input.clone(), true)),
        JobEvent::ImageDone(done) => Some((done.input.clone(), false)),
        _ => None,
    }
}

/// `path` resolved (its folder, when it does not exist yet), as events name it.
fn absolute(path: &std::path::Path) -> PathBuf {
    if let Ok(p) = canonicalize(path) {
        return p;
    }
    match (path.parent(), path.file_name()) {
        (Some(dir), Some(name)) => canonicalize(if dir.as_os_str().is_empty() {
            std::path::Path::new(".")
        } else {
            dir
        })
        .map(|d| d.join(name))
        .unwrap_or_else(|_| path.to_owned()),
        _ => path.to_owned(),
    }
}
