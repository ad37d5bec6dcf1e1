//! An in-place run on the job's pool: the swaps a killed run left are settled first, then every image is
//! planned, made and swapped in by a worker, with the same events, report and failed list as any run.

use std::path::PathBuf;
use std::time::Instant;

use super::counts::Counts;
use super::run::{Run, Stage};
use crate::engine::codecs::isolated_file;
use crate::engine::error::SetupError;
use crate::engine::event::{JobEvent, SkipReason};
use crate::engine::guard::Keep;
use crate::engine::in_place::{SwapJournal, recover, swapped_before};
use crate::engine::pipeline::{Replaced, replace};
use crate::engine::plan::plan_in_place;
use crate::engine::task::Task;

impl Run {
    /// Runs an in-place job over `inputs`, the originals going to `keep` (a backup folder, canonical, is never
    /// walked).
    pub(super) fn run_in_place(self, inputs: &[PathBuf], keep: &Keep) {
        let start = Instant::now();
        let journal = match SwapJournal::open(&keep.to_string()) {
            Ok(journal) => journal,
            Err(why) => return self.finish_early(start, SetupError::InPlace(why)),
        };
        // A killed run's swaps are finished before this run's plan sweeps their temporary files away.
        let stuck = recover();
        let exclude = match keep {
            Keep::Backup(dir) => Some(dir.clone()),
            Keep::Trash => None,
        };
        // `start_in_place` made the settings the in-place ones.
        let plan = plan_in_place(inputs, &self.settings, exclude, swapped_before());
        let (total, protected) = (plan.total(), plan.protected());
        if let Err(error) = self.open_side_files(&protected) {
            return self.finish_early(start, error);
        }
        self.send(JobEvent::Started { total });
        let stage = Stage {
            journal: None,
            out_dir: std::path::Path::new(""),
            offset: 0,
            swaps: Some((keep, &journal)),
        };
        let counts = self.work_through(plan, &stage);
        let stuck = (!stuck.is_empty()).then(|| {
            format!(
                "an earlier in-place run was killed, and some of its swaps could not be finished: {}",
                stuck.join("; ")
            )
        });
        self.finish(start, total, &counts, stuck, protected);
    }

    /// Makes one image's copy and swaps it in for the original; the event says what became of it.
    pub(super) fn replace(&self, task: &Task, keep: &Keep, journal: &SwapJournal) -> Counts {
        let result = isolated_file(&task.input, || {
            let note = |record: &_| journal.note_swap(record);
            replace(task, &self.settings, self.thumbnail_edge(), &self.budget, keep, &note)
        });
        match result {
            Ok(Replaced::Done(done, record)) => {
                if let Some(record) = &record {
                    journal.note_done(record);
                }
                let counts = Counts {
                    done: 1,
                    input_bytes: done.input_bytes,
                    output_bytes: done.output_bytes,
                    ..Counts::default()
                };
                self.send(JobEvent::ImageDone(done));
                counts
            }
            Ok(Replaced::Left(why)) => {
                self.send(JobEvent::ImageSkipped {
                    index: task.index,
                    input: task.input.clone(),
                    reason: SkipReason::LeftAlone(why),
                });
                Counts {
                    skipped: 1,
                    ..Counts::default()
                }
            }
            Err(error) => self.failed(task, error),
        }
    }
}
