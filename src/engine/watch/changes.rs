//! Where a watch hears of changes: the system's file-system events, settled per file by notify's debouncer,
//! or polling where the system cannot deliver them; and which of the changes concern the inputs.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crossbeam_channel::Sender;
use notify_debouncer_full::notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
use notify_debouncer_full::notify::{self, EventKind, PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, NoCache, RecommendedCache};

use crate::engine::discover::not_yet_a_photo;

/// The watcher, kept alive while the watch runs; dropping it stops the events.
pub(super) enum Listener {
    /// Told of changes by the system (inotify, ReadDirectoryChangesW, FSEvents).
    Events {
        _debouncer: Box<Debouncer<RecommendedWatcher, RecommendedCache>>,
    },
    /// Looking at the folders every few seconds.
    Polling {
        _debouncer: Box<Debouncer<PollWatcher, NoCache>>,
    },
    /// Neither: only the rescan finds changes.
    None,
}

impl Listener {
    /// Whether changes are found by polling.
    pub fn polling(&self) -> bool {
        matches!(self, Self::Polling { .. })
    }
}

/// Starts listening for changes under `roots`, each settled for `settle` before it is delivered to `tx`. Falls
/// back to polling when the system refuses the watches (inotify's `max_user_watches`).
pub(super) fn listen(
    roots: &[PathBuf],
    mode: RecursiveMode,
    settle: Duration,
    tx: &Sender<DebounceEventResult>,
) -> Listener {
    let handler = {
        let tx = tx.clone();
        move |result: DebounceEventResult| {
            // The watch has ended when nobody receives.
            let _ = tx.send(result);
        }
    };
    if let Ok(mut debouncer) = notify_debouncer_full::new_debouncer(settle, None, handler)
        && roots.iter().all(|root| debouncer.watch(root, mode).is_ok())
    {
        return Listener::Events {
            _debouncer: Box::new(debouncer),
        };
    }
    poll(roots, mode, settle, tx)
}

/// Polls `roots` for changes, every `settle` (at least a second).
pub(super) fn poll(
    roots: &[PathBuf],
    mode: RecursiveMode,
    settle: Duration,
    tx: &Sender<DebounceEventResult>,
) -> Listener {
    let tx = tx.clone();
    let handler = move |result: DebounceEventResult| {
        let _ = tx.send(result);
    };
    let config = notify::Config::default().with_poll_interval(settle.max(Duration::from_secs(1)));
    match notify_debouncer_full::new_debouncer_opt::<_, PollWatcher, NoCache>(settle, None, handler, NoCache, config) {
        Ok(mut debouncer) => {
            for root in roots {
                // A root that cannot be polled (gone) is still found by the rescan when it comes back.
                let _ = debouncer.watch(root, mode);
            }
            Listener::Polling {
                _debouncer: Box::new(debouncer),
            }
        }
        Err(_) => Listener::None,
    }
}

/// Whether an error from the listener means the system ran out of watches: the watch must poll instead.
pub(super) fn out_of_watches(errors: &[notify::Error]) -> bool {
    errors
        .iter()
        .any(|e| matches!(e.kind, notify::ErrorKind::MaxFilesWatch))
}

/// What one settled event means for the watch.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Seen {
    /// Paths created, written or renamed into place.
    pub changed: Vec<PathBuf>,
    /// Paths deleted or renamed away.
    pub gone: Vec<PathBuf>,
    /// The system lost events: everything must be looked at.
    pub rescan: bool,
}

/// Sorts the paths of `event`; those that are none of the inputs' business (`ignored`) are left out.
pub(super) fn classify(event: &notify::Event, ignored: &impl Fn(&Path) -> bool, seen: &mut Seen) {
    if event.need_rescan() {
        seen.rescan = true;
    }
    let paths = event.paths.iter().filter(|p| !ignored(p)).cloned();
    match event.kind {
        // Shrinkray's own reads open the inputs; only a file closed after writing is news.
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => seen.changed.extend(paths),
        EventKind::Access(_) | EventKind::Other => {}
        EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(RenameMode::From)) => seen.gone.extend(paths),
        EventKind::Modify(ModifyKind::Name(RenameMode::Both)) => {
            let mut both = event.paths.iter();
            if let Some(from) = both.next().filter(|p| !ignored(p)) {
                seen.gone.push(from.clone());
            }
            seen.changed.extend(both.filter(|p| !ignored(p)).cloned());
        }
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Any => seen.changed.extend(paths),
    }
}

/// Whether a path is none of a watch's business: inside an output folder (its own copies, manifest and
/// journal: a watch must never feed on itself), one of its side files (the report), or a name that is not yet
/// a photo (a temporary file, a download in progress, a hidden file).
pub(super) fn ignored_by(outputs: &[PathBuf], side_files: &[PathBuf], path: &Path) -> bool {
    outputs.iter().any(|out| path.starts_with(out))
        || side_files.iter().any(|f| f == path)
        || path.file_name().is_some_and(not_yet_a_photo)
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange, RemoveKind};

    fn event(kind: EventKind, paths: &[&str]) -> notify::Event {
        paths
            .iter()
            .fold(notify::Event::new(kind), |e, p| e.add_path(PathBuf::from(p)))
    }

    fn seen(events: &[notify::Event]) -> Seen {
        let outputs = [PathBuf::from("/photos/small")];
        let sides = [PathBuf::from("/photos/report.csv")];
        let ignored = |p: &Path| ignored_by(&outputs, &sides, p);
        let mut seen = Seen::default();
        for e in events {
            classify(e, &ignored, &mut seen);
        }
        seen
    }

    #[test]
    fn the_watch_never_hears_its_own_copies_reads_or_reports() {
        let s = seen(&[
            event(EventKind::Create(CreateKind::File), &["/photos/small/a.jpg"]),
            event(
                EventKind::Modify(ModifyKind::Data(DataChange::Any)),
                &["/photos/small/.shrinkray/manifest"],
            ),
            event(EventKind::Access(AccessKind::Open(AccessMode::Any)), &["/photos/a.jpg"]),
            event(
                EventKind::Access(AccessKind::Close(AccessMode::Read)),
                &["/photos/a.jpg"],
            ),
            event(EventKind::Create(CreateKind::File), &["/photos/report.csv"]),
            event(
                EventKind::Create(CreateKind::File),
                &["/photos/.shrinkray-tmp-report-x"],
            ),
        ]);
        assert_eq!(s, Seen::default());
    }

    #[test]
    fn a_download_renamed_into_place_is_one_change_and_a_removal_is_gone() {
        let s = seen(&[
            event(EventKind::Create(CreateKind::File), &["/photos/k1.jpg.part"]),
            event(
                EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                &["/photos/k1.jpg.part", "/photos/k1.jpg"],
            ),
            event(
                EventKind::Access(AccessKind::Close(AccessMode::Write)),
                &["/photos/k2.jpg"],
            ),
            event(EventKind::Remove(RemoveKind::File), &["/photos/old.jpg"]),
            event(
                EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                &["/photos/a.jpg", "/photos/b.jpg"],
            ),
        ]);
        assert_eq!(
            s.changed,
            [
                PathBuf::from("/photos/k1.jpg"),
                "/photos/k2.jpg".into(),
                "/photos/b.jpg".into()
            ]
        );
        assert_eq!(s.gone, [PathBuf::from("/photos/old.jpg"), "/photos/a.jpg".into()]);
        assert!(!s.rescan);
    }
}
