//! Where each copy goes when its name is taken: collisions settled in plan order, so the result never depends
//! on timing or thread count.

use std::collections::HashSet;
use std::fs;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
use std::path::{Path, PathBuf};

use crate::engine::manifest::Manifest;
use crate::engine::naming::numbered;
use crate::engine::settings::Collision;
use crate::engine::walk::FileId;

/// The outputs a plan has named so far, and the inputs no output may replace.
#[derive(Default)]
pub(crate) struct Taken {
    /// Keys of the outputs named so far, compared without case (for case-insensitive file systems).
    pub keys: HashSet<u64>,
    /// Every input's identity, when outputs may replace files; otherwise empty (an existing file is never
    /// replaced then, input or not).
    pub input_ids: HashSet<FileId>,
}

/// What earlier runs and the settings say about existing files.
pub(crate) struct Existing<'a> {
    pub collision: Collision,
    pub manifest: &'a Manifest,
    pub out_dir: &'a Path,
}

impl Taken {
    /// The path an output gets: `wanted`, or a numbered variant of it, never one taken by another output of
    /// the job; with the overwrite policy, an existing file that is no input may be replaced (`true`), and with
    /// the rename policy, a copy an earlier run made of this same input (`input_key`), untouched since.
    pub fn settle(
        &mut self,
        wanted: PathBuf,
        input_key: &str,
        existing: &Existing,
    ) -> Result<(PathBuf, bool), Unsettled> {
        let mut output = wanted.clone();
        let mut n = 0;
        let mut replace = false;
        loop {
            let key = key(&output);
            if self.keys.contains(&key) {
                n += 1;
                output = numbered(&wanted, n);
                continue;
            }
            if let Ok(found) = fs::symlink_metadata(&output) {
                match existing.collision {
                    Collision::Rename if existing.manifest.is_own_copy(input_key, &output, existing.out_dir) => {
                        replace = true;
                    }
                    Collision::Rename => {
                        n += 1;
                        output = numbered(&wanted, n);
                        continue;
                    }
                    Collision::Skip => return Err(Unsettled::Exists(output)),
                    Collision::Overwrite => {
                        let target = fs::metadata(&output).unwrap_or(found);
                        if self.input_ids.contains(&FileId::of(&output, &target)) {
                            return Err(Unsettled::IsInput(output));
                        }
                        replace = true;
                    }
                }
            }
            self.keys.insert(key);
            return Ok((output, replace));
        }
    }
}

/// Why an output has no path.
pub(crate) enum Unsettled {
    /// The file exists and the policy is to skip.
    Exists(PathBuf),
    /// The file is one of the job's inputs.
    IsInput(PathBuf),
}

/// An output's key for collisions: a hash of its path without case. A false match (1 in 2⁶⁴) costs only a
/// needless ` (1)`.
pub(crate) fn key(path: &Path) -> u64 {
    BuildHasherDefault::<DefaultHasher>::default().hash_one(path.to_string_lossy().to_lowercase())
}
