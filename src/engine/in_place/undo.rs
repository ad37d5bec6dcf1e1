//! Putting the originals of an in-place run back: from its journal, or from its report (whose inputs are the
//! originals, looked up in every journal).

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::journal::{self, Line, State};
use crate::engine::guard::{SwapRecord, undo};
use crate::engine::platform::canonicalize;

/// What an undo did.
#[derive(Debug, Default)]
pub struct Undone {
    /// The originals put back in their place.
    pub restored: Vec<PathBuf>,
    /// The originals that could not be, each with why (the copy changed since, the Trash was emptied …).
    pub failed: Vec<(PathBuf, String)>,
}

/// The journal of the most recent in-place run with a swap still to undo.
pub fn last_run() -> Option<PathBuf> {
    journal::journals()
        .into_iter()
        .rev()
        .find(|path| journal::read(path).is_ok_and(|swaps| swaps.iter().any(|(_, state)| *state == State::Done)))
}

/// Undoes the in-place run whose journal or report is `file`: each original still in the Trash or backup folder
/// goes back to its place, and the smaller copy there goes where the original was kept (never deleted).
/// `Err` when `file` is neither.
pub fn undo_run(file: &Path) -> Result<Undone, String> {
    let _held = journal::hold()?;
    let targets = if is_journal(file) {
        journal::read(file)
            .map_err(|e| format!("cannot read the journal: {e}: {}", file.display()))?
            .into_iter()
            .filter(|(_, state)| *state == State::Done)
            .map(|(record, _)| (file.to_owned(), record))
            .collect()
    } else {
        from_report(file)?
    };
    let mut undone = Undone::default();
    // Newest first: an image swapped twice (edited between two runs) gets its first original back last.
    for (journal_path, record) in targets.into_iter().rev() {
        let original = record.original_path();
        match undo(&record) {
            Ok(()) => {
                let line = Line::Undone {
                    temp: record.temp.clone(),
                };
                if let Err(e) = journal::append(&journal_path, &line) {
                    undone.failed.push((
                        original.clone(),
                        format!(
                            "put back, but the journal could not say so: {e}: {}",
                            journal_path.display()
                        ),
                    ));
                }
                undone.restored.push(original);
            }
            Err(why) => undone.failed.push((original, why)),
        }
    }
    Ok(undone)
}

/// Whether `file` is an in-place journal (its first line says the run began).
fn is_journal(file: &Path) -> bool {
    use std::io::BufRead;
    let mut first = String::new();
    fs::File::open(file)
        .and_then(|f| std::io::BufReader::new(f).read_line(&mut first))
        .is_ok_and(|_| matches!(serde_json::from_str::<Line>(first.trim_end()), Ok(Line::Started { .. })))
}

/// The done swaps, in every journal, of the inputs a report (CSV, JSON or JSON lines) lists as done.
fn from_report(file: &Path) -> Result<Vec<(PathBuf, SwapRecord)>, String> {
    let inputs = report_inputs(file)?;
    let mut targets = Vec::new();
    for path in journal::journals() {
        for (record, state) in journal::read(&path).unwrap_or_default() {
            if state == State::Done && inputs.contains(&record.original_path()) {
                targets.push((path.clone(), record));
            }
        }
    }
    Ok(targets)
}

/// The inputs a report says were done, canonical.
fn report_inputs(file: &Path) -> Result<HashSet<PathBuf>, String> {
    let unreadable = |why: String| format!("cannot read it as a journal or report ({why}): {}", file.display());
    let text = fs::read_to_string(file).map_err(|e| unreadable(e.to_string()))?;
    let mut found = Vec::new();
    let is_csv = file.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if is_csv {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().map_err(|e| unreadable(e.to_string()))?.clone();
        let column = |name: &str| headers.iter().position(|h| h == name);
        let (Some(input), Some(status)) = (column("input"), column("status")) else {
            return Err(unreadable("no input and status columns".to_owned()));
        };
        for row in reader.records().flatten() {
            if row.get(status) == Some("done")
                && let Some(path) = row.get(input)
            {
                found.push(PathBuf::from(path));
            }
        }
    } else {
        let values: Vec<serde_json::Value> = match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(serde_json::Value::Array(all)) => all,
            _ => text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect(),
        };
        for value in values {
            if value["event"] == "done"
                && let Some(path) = value["input"].as_str()
            {
                found.push(PathBuf::from(path));
            }
        }
    }
    if found.is_empty() {
        return Err(unreadable("it lists no image done".to_owned()));
    }
    Ok(found
        .into_iter()
        .map(|p| match (p.parent().map(canonicalize), p.file_name()) {
            (Some(Ok(folder)), Some(name)) => folder.join(name),
            _ => p,
        })
        .collect())
}
