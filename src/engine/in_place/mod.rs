//! Shrinking a library where it is: the records of in-place runs (`journal`), finishing the swaps of a run that
//! was killed (`recover`), and putting originals back (`undo`). The swap itself is the guard's
//! (`guard::swap_in`); the job runs it for each image (`pipeline::replace`).

mod journal;
mod undo;

use std::fs::OpenOptions;
use std::io;

pub use journal::journals;
pub(crate) use journal::{SwapJournal, swapped_before};
pub use undo::{Undone, last_run, undo_run};

use crate::engine::guard::{Settled, SwapRecord, open_regular, settle};
use journal::{Line, State};

impl SwapJournal {
    /// Notes a swap about to happen (synced): the guard calls this before it touches the original.
    pub(crate) fn note_swap(&self, record: &SwapRecord) -> io::Result<()> {
        self.write(&Line::Swap(record.clone()))
    }

    /// Notes that a swap is done.
    pub(crate) fn note_done(&self, record: &SwapRecord) {
        // A swap whose "done" is lost is found done again by the next run's `recover`.
        let _ = self.write(&Line::Done {
            temp: record.temp.clone(),
        });
    }
}

/// Finishes the swaps that in-place runs which have ended (killed, or their machine stopped) left in the
/// middle: each is completed or rolled back, and its journal says which. Returns, for each swap that could be
/// neither, why.
pub(crate) fn recover() -> Vec<String> {
    let mut stuck = Vec::new();
    for path in journals() {
        // Held while this run settles the journal, so no other run settles it at the same time.
        let Ok(file) = open_regular(&path, OpenOptions::new().read(true)) else {
            continue;
        };
        if file.try_lock().is_err() {
            continue;
        }
        let Ok(swaps) = journal::read(&path) else {
            continue;
        };
        for (record, state) in swaps {
            if state != State::Pending {
                continue;
            }
            let temp = record.temp.clone();
            let line = match settle(&record) {
                Settled::Done => Line::Done { temp },
                Settled::RolledBack => Line::RolledBack { temp },
                Settled::Stuck(why) => {
                    stuck.push(why);
                    continue;
                }
            };
            if let Err(e) = journal::append(&path, &line) {
                stuck.push(format!("cannot write the in-place journal: {e}: {}", path.display()));
            }
        }
    }
    stuck
}
