//! The plan of an in-place run: every image among the inputs, its copy named as the original (with the new
//! format's extension when the format changes), in the original's folder. Nothing is written while planning.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::entry::PlanEntry;
use super::names::name_one;
use crate::engine::codecs::isolated_file;
use crate::engine::discover::{Candidate, Found, Walk, identify};
use crate::engine::event::SkipReason;
use crate::engine::formats::detect::InputFormat;
use crate::engine::guard::{OutputRoot, Protected, sweep_leftovers};
use crate::engine::keys::relative_key;
use crate::engine::platform::{FileId, link_count};
use crate::engine::settings::Settings;
use crate::engine::task::Task;

/// An in-place run's plan, entry by entry in input order.
pub struct InPlacePlan<'a> {
    walk: Walk<'a>,
    settings: &'a Settings,
    total: usize,
    next_index: usize,
    /// The copies earlier in-place runs put in place (identity and size): never shrunk again.
    swapped: HashSet<(FileId, u64)>,
    /// Folders already cleared of a killed run's temporary files.
    swept: HashSet<PathBuf>,
    /// The identities of the inputs, which the report and failed list may not replace.
    protected: Protected,
    /// The files met so far: one met again (through a linked folder, or named twice) is left alone.
    met: HashSet<FileId>,
}

impl InPlacePlan<'_> {
    /// The number of entries, as counted when planning began.
    pub fn total(&self) -> usize {
        self.total
    }

    /// The identities of every input.
    pub fn protected(&self) -> Protected {
        self.protected.clone()
    }
}

/// Counts the inputs and starts the plan. `settings` are the in-place ones (`Settings::for_in_place`);
/// `exclude` is a folder never walked (the backup folder); `swapped` what earlier runs put in place.
pub(crate) fn plan_in_place<'a>(
    inputs: &'a [PathBuf],
    settings: &'a Settings,
    exclude: Option<PathBuf>,
    swapped: HashSet<(FileId, u64)>,
) -> InPlacePlan<'a> {
    let (mut total, mut ids) = (0, HashSet::new());
    for item in Walk::new(inputs, settings.recursive, exclude.clone()) {
        total += 1;
        if let Ok(c) = item {
            ids.insert(c.id);
        }
    }
    InPlacePlan {
        walk: Walk::new(inputs, settings.recursive, exclude),
        settings,
        total,
        next_index: 0,
        swapped,
        swept: HashSet::new(),
        protected: Protected::new(ids),
        met: HashSet::new(),
    }
}

impl Iterator for InPlacePlan<'_> {
    type Item = PlanEntry;

    fn next(&mut self) -> Option<PlanEntry> {
        let item = self.walk.next()?;
        let index = self.next_index;
        self.next_index += 1;
        let skip = |input: PathBuf, reason: SkipReason| PlanEntry::Skip { index, input, reason };
        Some(match identify(item) {
            Found::Image(c, format) => {
                if in_hidden_folder(&c) {
                    let why = "it is inside a hidden folder (such as the Trash), which an in-place run leaves alone";
                    return Some(skip(c.path, SkipReason::LeftAlone(why.to_owned())));
                }
                if let Some(why) = left_alone(&c.path) {
                    return Some(skip(c.path, SkipReason::LeftAlone(why.to_owned())));
                }
                if !self.met.insert(c.id) {
                    let why = "the same file was met before under another name (a linked folder)";
                    return Some(skip(c.path, SkipReason::LeftAlone(why.to_owned())));
                }
                if self.swapped.contains(&(c.id, c.bytes)) {
                    return Some(skip(c.path, SkipReason::AlreadyShrunk));
                }
                self.task(index, c, format)
            }
            Found::Skipped { path, reason } => skip(path, reason),
            Found::Failed(error) => PlanEntry::Fail {
                index,
                input: error.path().to_owned(),
                error,
            },
        })
    }
}

/// Whether a file found in a folder lies in a hidden folder below it (`.local/share/Trash`, `.Trash-1000`,
/// `.git`): run over a home folder, an in-place run would otherwise shrink the originals it just trashed.
fn in_hidden_folder(c: &Candidate) -> bool {
    !c.explicit
        && c.relative
            .parent()
            .into_iter()
            .flat_map(Path::components)
            .skip(1)
            .any(|part| part.as_os_str().to_string_lossy().starts_with('.'))
}

/// Why an original is never replaced, known from its name alone.
fn left_alone(path: &Path) -> Option<&'static str> {
    let meta = fs::symlink_metadata(path).ok()?;
    if meta.file_type().is_symlink() {
        return Some("it is a symbolic link (the file it points to is not replaced)");
    }
    if link_count(path).unwrap_or(1) > 1 {
        return Some("it has more than one name (hard links), which would keep the original");
    }
    None
}

impl InPlacePlan<'_> {
    fn task(&mut self, index: usize, c: Candidate, format: InputFormat) -> PlanEntry {
        let folder = c.path.parent().map_or_else(|| PathBuf::from("."), Path::to_owned);
        // Named as the original, in its folder: `{name}` and the format's extension.
        let named = isolated_file(&c.path, || {
            let alone = Candidate {
                path: c.path.clone(),
                relative: PathBuf::from(c.path.file_name().unwrap_or_default()),
                explicit: c.explicit,
                bytes: c.bytes,
                modified: c.modified,
                id: c.id,
                version: c.version.clone(),
            };
            name_one(
                &alone,
                format,
                self.settings.main_variant(),
                self.settings,
                &folder,
                1,
                1,
            )
        });
        let (encoding, output) = match named {
            Ok(named) => named,
            Err(error) => {
                return PlanEntry::Fail {
                    index,
                    input: c.path,
                    error,
                };
            }
        };
        // A killed run's temporary files go before this run writes beside them (those a journal names were
        // settled first).
        if !self.swept.contains(&folder) {
            sweep_leftovers(&folder);
            self.swept.insert(folder.clone());
        }
        PlanEntry::Task(Task {
            index,
            key: relative_key(&c.relative),
            input: c.path,
            format,
            encoding,
            input_bytes: c.bytes,
            modified: c.modified,
            version: c.version,
            numbered_from: None,
            output,
            replaces: Some(c.id),
            root: Arc::new(OutputRoot {
                canonical: folder.clone(),
                given: folder,
            }),
            extra: Vec::new(),
        })
    }
}
