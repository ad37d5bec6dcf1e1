//! A run's journal: one line per finished image, appended as it finishes, folded into the manifest at the end
//! under the folder's lock. A run holds a lock on its own journal, so the next run can tell a journal still
//! being written from one a killed run left (which it folds).

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use super::folder::{JOURNAL_PREFIX, MANIFEST_DIR, MANIFEST_FILE, journals, lock};
use super::records::{Manifest, Record};
use crate::engine::guard::{open_regular, real_dir, sweep_leftovers, temp_builder};

/// Why nothing a run makes will be remembered, as the run reports it once.
fn forgotten(why: impl std::fmt::Display, path: &Path) -> String {
    format!(
        "nothing from this run will be remembered (a later incremental run makes these copies again): {why}: {}",
        path.display()
    )
}

/// This run's journal. Dropping it without `finish` leaves it for the next run to read (as a kill would).
pub(crate) struct Journal {
    file: Mutex<File>,
    path: PathBuf,
    dir: PathBuf,
}

impl Journal {
    /// Starts a journal in `out_dir`'s manifest folder, which must be a real folder (made when missing). The
    /// journal is made under a temporary name, locked, and only then given its name, so no other run can take
    /// it for a dead run's. `Err` says, once, why this run will leave no record.
    pub fn open(out_dir: &Path) -> Result<Self, String> {
        let dir = out_dir.join(MANIFEST_DIR);
        real_dir(&dir).map_err(|e| forgotten(e, &dir))?;
        // A run killed between making its journal and naming it left a temporary file.
        sweep_leftovers(&dir);
        let stamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        // The start time first, zero-padded, so journals sort in the order their runs began.
        let path = dir.join(format!("{JOURNAL_PREFIX}{stamp:024}-{}.jsonl", std::process::id()));
        let tmp = temp_builder(&dir, "journal-").map_err(|e| forgotten(e, &dir))?;
        // Held until the run ends, to tell other runs that this journal is still being written.
        tmp.as_file()
            .try_lock()
            .map_err(|e| forgotten(format!("cannot lock the journal: {e}"), &dir))?;
        let file = tmp.persist_noclobber(&path).map_err(|e| forgotten(e.error, &path))?;
        Ok(Self {
            file: Mutex::new(file),
            path,
            dir,
        })
    }

    /// Appends one record as one write, so a kill leaves at most one line cut short.
    pub fn record(&self, record: &Record) {
        let Ok(mut line) = serde_json::to_vec(record) else {
            return;
        };
        line.push(b'\n');
        if let Ok(mut file) = self.file.lock() {
            // A record that cannot be written costs only a copy made again by a later incremental run.
            let _ = file.write_all(&line);
        }
    }

    /// Folds this journal, and those of runs that are gone, into the manifest. `Err` says why the records
    /// could not be kept.
    pub fn finish(self) -> Result<(), String> {
        let Self { file, path, dir } = self;
        drop(file);
        let _lock = lock(&dir);
        let mut manifest = Manifest::default();
        manifest.read(&dir.join(MANIFEST_FILE));
        let mut folded = Vec::new();
        for journal in journals(&dir) {
            let ours = journal == path;
            // A journal whose lock can be taken belongs to a run that ended without folding it (killed).
            let gone =
                ours || open_regular(&journal, OpenOptions::new().read(true)).is_ok_and(|f| f.try_lock().is_ok());
            if gone {
                manifest.read(&journal);
                folded.push(journal);
            }
        }
        let target = dir.join(MANIFEST_FILE);
        // Written record by record through a buffer, never built whole in memory first.
        let written = temp_builder(&dir, "manifest-").and_then(|tmp| {
            let mut out = BufWriter::new(tmp);
            for record in manifest.sorted() {
                serde_json::to_writer(&mut out, record)?;
                out.write_all(b"\n")?;
            }
            let tmp = out.into_inner().map_err(io::IntoInnerError::into_error)?;
            tmp.persist(&target).map_err(|e| e.error)
        });
        written.map_err(|e| format!("cannot write the manifest: {e}: {}", target.display()))?;
        for journal in folded {
            let _ = fs::remove_file(journal);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::identity::Input;
    use super::*;

    const T: u64 = 5;

    /// An input file `name` in `dir`/in with its recorded size and time, and its copy `output` in `dir`.
    fn record(dir: &Path, name: &str, output: &str) -> Record {
        let input = dir.join("in").join(name);
        fs::create_dir_all(input.parent().unwrap()).unwrap();
        fs::write(&input, b"0123456789").unwrap();
        let path = dir.join(output);
        fs::write(&path, b"copy").unwrap();
        let t = Some(UNIX_EPOCH + std::time::Duration::from_secs(T));
        Record::new(
            format!("photos/{name}"),
            &Input::new(&input, 10, t),
            "s".to_owned(),
            dir,
            &[&path],
        )
    }

    fn input(dir: &Path, name: &str, bytes: u64) -> PathBuf {
        let _ = bytes;
        dir.join("in").join(name)
    }

    #[test]
    fn a_killed_runs_journal_is_read_and_folded_by_the_next_run() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let killed = Journal::open(d).unwrap();
        killed.record(&record(d, "a.jpg", "a.jpg"));
        // A kill: the journal is never finished, and its lock goes with the process (here, the file handle).
        drop(killed);
        let t = Some(UNIX_EPOCH + std::time::Duration::from_secs(T));
        let a = input(d, "a.jpg", 10);
        let b = input(d, "b.jpg", 10);
        assert!(
            Manifest::load(d)
                .up_to_date("photos/a.jpg", &Input::new(&a, 10, t), "s", d)
                .is_some()
        );

        let next = Journal::open(d).unwrap();
        next.record(&record(d, "b.jpg", "b.jpg"));
        next.finish().unwrap();
        let left: Vec<_> = journals(&d.join(MANIFEST_DIR));
        assert!(left.is_empty(), "{left:?}");
        let manifest = Manifest::load(d);
        assert_eq!(manifest.len(), 2);
        // Changed input, changed settings, or a copy changed since: not up to date.
        assert!(
            manifest
                .up_to_date("photos/b.jpg", &Input::new(&b, 11, t), "s", d)
                .is_none()
        );
        assert!(
            manifest
                .up_to_date("photos/b.jpg", &Input::new(&b, 10, t), "other", d)
                .is_none()
        );
        fs::write(d.join("b.jpg"), b"edited").unwrap();
        assert!(
            manifest
                .up_to_date("photos/b.jpg", &Input::new(&b, 10, t), "s", d)
                .is_none()
        );
        let own = |key: &str, input: &Path, output: &str| {
            manifest.is_own_copy(key, &Input::new(input, 10, t), &d.join(output), d)
        };
        assert!(!own("photos/b.jpg", &b, "b.jpg"));
        assert!(own("photos/a.jpg", &a, "a.jpg"));
        assert!(!own("photos/b.jpg", &b, "a.jpg"));
        // Another input with the same key (another card's photos/a.jpg) is not the one that copy was made of.
        assert!(!own("photos/a.jpg", &b, "a.jpg"));
    }

    #[test]
    fn a_live_runs_journal_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let live = Journal::open(dir.path()).unwrap();
        live.record(&record(dir.path(), "a.jpg", "a.jpg"));
        Journal::open(dir.path()).unwrap().finish().unwrap();
        assert_eq!(journals(&dir.path().join(MANIFEST_DIR)), vec![live.path.clone()]);
        live.finish().unwrap();
        assert_eq!(Manifest::load(dir.path()).len(), 1);
    }

    #[test]
    fn a_bad_line_costs_that_line_only_and_planted_paths_are_not_believed() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let journal = Journal::open(d).unwrap();
        journal.record(&record(d, "a.jpg", "a.jpg"));
        let mut outside = record(d, "c.jpg", "c.jpg");
        outside.outputs[0].path = "../c.jpg".to_owned();
        journal.record(&outside);
        journal.file.lock().unwrap().write_all(b"\xff\xfe not UTF-8\n").unwrap();
        journal.record(&record(d, "b.jpg", "b.jpg"));
        journal.finish().unwrap();
        let manifest = Manifest::load(d);
        assert_eq!(
            manifest.len(),
            2,
            "a and b, around the bad line; not the record pointing outside"
        );
        assert!(!manifest.contains("photos/c.jpg"));
    }
}
