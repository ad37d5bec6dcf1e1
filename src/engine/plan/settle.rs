//! Where each copy goes when its name is taken: collisions settled in plan order, so the result never depends
//! on timing or thread count, and never onto an input, outside the output folder, or onto a file that is not
//! Shrinkray's own copy of this input unless the user chose to overwrite.

use std::collections::HashSet;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
use std::path::{Path, PathBuf};

use crate::engine::error::ImageError;
use crate::engine::guard::{Found, Protected, confined, examine, made_from_input, names_a_device};
use crate::engine::manifest::{Input, Manifest};
use crate::engine::naming::numbered;
use crate::engine::platform::FileId;
use crate::engine::settings::Collision;

/// The outputs a plan has named so far, and the inputs no output may replace.
#[derive(Default)]
pub(crate) struct Taken {
    /// Keys of the outputs named so far, compared without case (for case-insensitive file systems).
    pub keys: HashSet<u64>,
    /// Every input's identity.
    pub protected: Protected,
}

/// What earlier runs and the settings say about existing files.
pub(crate) struct Existing<'a> {
    pub collision: Collision,
    pub manifest: &'a Manifest,
    pub out_dir: &'a Path,
}

impl Taken {
    /// The path an output gets: `wanted`, or a numbered variant of it, never one taken by another output of
    /// the job and never an input; with the overwrite policy, an existing regular file that is no input may be
    /// replaced, and with the rename policy, a copy an earlier run made of this same input (`input_key`,
    /// `input`), untouched since. The identity returned is the file that may be replaced.
    pub fn settle(
        &mut self,
        wanted: PathBuf,
        input_key: &str,
        input: &Input,
        existing: &Existing,
    ) -> Result<(PathBuf, Option<FileId>), Unsettled> {
        if !confined(existing.out_dir, &wanted) {
            return Err(Unsettled::Outside(wanted));
        }
        if cfg!(windows) && names_a_device(existing.out_dir, &wanted) {
            return Err(Unsettled::Device(wanted));
        }
        let mut output = wanted.clone();
        let mut n = 0;
        loop {
            let key = key(&output);
            if self.keys.contains(&key) {
                n += 1;
                output = numbered(&wanted, n);
                continue;
            }
            let found = examine(&output, &self.protected);
            let replaces = match (found, existing.collision) {
                (Found::Nothing, _) => None,
                (_, Collision::Skip) => return Err(Unsettled::Exists(output)),
                (Found::File(id), Collision::Rename)
                    if existing
                        .manifest
                        .is_own_copy(input_key, input, &output, existing.out_dir)
                        || made_from_input(&output, id, input.path) =>
                {
                    Some(id)
                }
                (_, Collision::Rename) => {
                    n += 1;
                    output = numbered(&wanted, n);
                    continue;
                }
                (Found::File(id), Collision::Overwrite) => Some(id),
                (Found::Input, Collision::Overwrite) => return Err(Unsettled::IsInput(output)),
                (Found::NotRegular, Collision::Overwrite) => return Err(Unsettled::NotRegular(output)),
            };
            self.keys.insert(key);
            return Ok((output, replaces));
        }
    }
}

/// Why an output has no path.
pub(crate) enum Unsettled {
    /// The file exists and the policy is to skip.
    Exists(PathBuf),
    /// The file is one of the job's inputs.
    IsInput(PathBuf),
    /// Something other than a regular file is there (a folder, link, FIFO, device).
    NotRegular(PathBuf),
    /// The name leads outside the output folder.
    Outside(PathBuf),
    /// The name is one Windows keeps for a device.
    Device(PathBuf),
}

impl Unsettled {
    /// The image's error, for the outcomes that fail it (`Exists` is a skip, not an error).
    pub fn into_error(self) -> ImageError {
        match self {
            Self::IsInput(path) => ImageError::OutputIsInput { path },
            Self::Exists(path) => ImageError::OutputAppeared { path },
            Self::NotRegular(path) => ImageError::Refused {
                why: "something that is not a regular file is there".to_owned(),
                path,
            },
            Self::Outside(path) => ImageError::Refused {
                why: "its name leads outside the output folder".to_owned(),
                path,
            },
            Self::Device(path) => ImageError::Refused {
                why: "Windows keeps its name for a device (CON, PRN, AUX, NUL, COM1-9, LPT1-9)".to_owned(),
                path,
            },
        }
    }
}

/// An output's key for collisions: a hash of its path without case. A false match (1 in 2⁶⁴) costs only a
/// needless ` (1)`.
pub(crate) fn key(path: &Path) -> u64 {
    BuildHasherDefault::<DefaultHasher>::default().hash_one(path.to_string_lossy().to_lowercase())
}
