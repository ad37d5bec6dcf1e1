//! Planning: which inputs are images, and exactly which file each one becomes. No pixels are decoded.
//!
//! Planning streams, so a job's memory does not grow with the number of images: a first pass over the inputs
//! only counts them; the second finds, names and places each image just before a worker takes it. What must
//! hold across the whole batch (no two outputs alike, no input replaced) is kept as 8- or 16-byte keys.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod entry;
mod fresh;
mod groups;
mod in_place;
pub(crate) mod names;
mod output_dir;
mod settle;

use output_dir::{canonical_to_be, prepare_output_dir};
use settle::{Existing, Taken, Unsettled, key};

pub use entry::PlanEntry;
pub use fresh::{CopiesFound, copies_found};
pub use groups::{OutputGroup, beside_each_input, check_subfolder};
pub use in_place::InPlacePlan;
pub(crate) use in_place::plan_in_place;

use names::name_one;

use super::codecs::isolated_file;
use super::discover::{Candidate, Found, Walk, identify};
use super::error::{ImageError, SetupError};
use super::guard::{OutputRoot, Protected, sweep_leftovers};
use super::keys::{fingerprint, relative_key};
use super::manifest::{Identities, Input, Manifest, RunLock};
use super::naming::needs_index;
use super::selection::Selection;
use super::settings::{ResizeMode, Settings};
use super::task::{ExtraTask, Task};
use crate::engine::event::SkipReason;
use crate::engine::formats::detect::InputFormat;
use crate::engine::formats::encode::Encoding;

/// A job's plan, entry by entry in input order; each entry is worked out when it is taken. Running it twice on
/// unchanged files gives the same entries.
pub struct Plan<'a> {
    walk: Walk<'a>,
    settings: &'a Settings,
    out_dir: &'a Path,
    total: usize,
    digits: usize,
    next_index: usize,
    image_no: usize,
    /// The outputs named so far, and the inputs they may not replace.
    taken: Taken,
    /// Output folders already cleared of a killed run's leftovers.
    swept: HashSet<PathBuf>,
    /// Which inputs this job takes.
    selection: &'a Selection,
    /// What earlier runs made in the output folder.
    manifest: Manifest,
    /// `fingerprint` of the settings.
    fingerprint: String,
    /// Nothing is created or removed: the output folder is not made, leftovers are not swept.
    dry: bool,
    /// The output folder, as named and as it resolves.
    root: Arc<OutputRoot>,
    /// This run's hold on the output folder (none for a dry plan).
    _run_lock: Option<RunLock>,
    /// Inputs' identities, resolved a folder at a time.
    identities: Identities,
}

impl Plan<'_> {
    /// The number of entries, as counted when planning began (files added or removed since may change the
    /// real number).
    pub fn total(&self) -> usize {
        self.total
    }

    /// The identities of every input: what no file the run writes may replace.
    pub fn protected(&self) -> Protected {
        self.taken.protected.clone()
    }

    /// Protects `all` (the inputs of every group of the job) instead of this plan's own inputs alone: a copy
    /// made beside one input may not replace another group's input.
    pub(crate) fn protect(&mut self, all: Protected) {
        self.taken.protected = all;
    }
}

/// Creates the output folder and counts the inputs; entries are then taken from the returned plan. Blocks on the
/// file system: run it on a worker.
pub fn plan<'a>(inputs: &'a [PathBuf], settings: &'a Settings) -> Result<Plan<'a>, SetupError> {
    static ALL: Selection = Selection {
        shard: None,
        only: None,
        watch: None,
    };
    plan_selected(inputs, settings, &ALL)
}

/// `plan`, for the inputs `selection` takes.
pub fn plan_selected<'a>(
    inputs: &'a [PathBuf],
    settings: &'a Settings,
    selection: &'a Selection,
) -> Result<Plan<'a>, SetupError> {
    start_plan(inputs, settings, selection, false, true)
}

/// `plan_selected` for one of a job's output groups: `settings` name the group's output folder, and a folder
/// input's copies go below it without the folder's name when the group says so.
pub(crate) fn plan_group<'a>(
    group: &'a OutputGroup,
    settings: &'a Settings,
    selection: &'a Selection,
) -> Result<Plan<'a>, SetupError> {
    start_plan(&group.inputs, settings, selection, false, group.root_names)
}

/// The plan a job would follow, made without touching the file system beyond reading it: the output folder is
/// not created and nothing in it is removed (a dry run, an estimate). Its entries are those a job started now
/// would take.
pub fn plan_dry<'a>(
    inputs: &'a [PathBuf],
    settings: &'a Settings,
    selection: &'a Selection,
) -> Result<Plan<'a>, SetupError> {
    start_plan(inputs, settings, selection, true, true)
}

fn start_plan<'a>(
    inputs: &'a [PathBuf],
    settings: &'a Settings,
    selection: &'a Selection,
    dry: bool,
    root_names: bool,
) -> Result<Plan<'a>, SetupError> {
    settings.validate()?;
    let out_dir = settings.output_dir.as_deref().unwrap_or(Path::new("."));
    // Outputs are named in the user's terms; the canonical path only keeps discovery out of the output folder.
    let canonical_out = if dry {
        canonical_to_be(out_dir)
    } else {
        prepare_output_dir(out_dir)?
    };
    let run_lock = if dry {
        None
    } else {
        RunLock::take(out_dir, selection.shard).map_err(|()| SetupError::Busy {
            path: out_dir.to_owned(),
        })?
    };
    // `{index}` is padded to the number of images, so only then does counting open the files.
    let count_images = needs_index(&settings.name_template);
    let (mut total, mut images) = (0, 0);
    let mut input_ids = HashSet::new();
    let walk = || {
        let walk = Walk::new(inputs, settings.recursive, Some(canonical_out.clone()));
        if root_names { walk } else { walk.without_root_names() }
    };
    for item in walk() {
        // Every input is protected, those of other shards (or left out of a retry) too: a report pointed at a
        // photo of shard 2 must not replace it because shard 1 does not resize it.
        if let Ok(c) = &item {
            input_ids.insert(c.id);
        }
        if !selected(selection, &item) {
            continue;
        }
        total += 1;
        if count_images && matches!(identify(item), Found::Image(..)) {
            images += 1;
        }
    }
    Ok(Plan {
        walk: walk(),
        settings,
        out_dir,
        total,
        digits: images.max(1_usize).to_string().len(),
        next_index: 0,
        image_no: 0,
        taken: Taken {
            keys: HashSet::new(),
            protected: Protected::new(input_ids),
        },
        swept: HashSet::new(),
        selection,
        manifest: crate::engine::manifest::load(out_dir),
        fingerprint: fingerprint(settings),
        dry,
        root: Arc::new(OutputRoot {
            given: out_dir.to_owned(),
            canonical: canonical_out,
        }),
        _run_lock: run_lock,
        identities: Identities::default(),
    })
}

fn selected(selection: &Selection, item: &Result<Candidate, Found>) -> bool {
    match item {
        Ok(c) => {
            selection.takes(&c.path, &c.relative)
                && selection
                    .watch
                    .as_ref()
                    .is_none_or(|w| w.takes(&c.path, c.bytes, c.modified))
        }
        Err(_) => selection.reports_others(),
    }
}

impl Iterator for Plan<'_> {
    type Item = PlanEntry;

    fn next(&mut self) -> Option<PlanEntry> {
        let item = loop {
            let item = self.walk.next()?;
            if selected(self.selection, &item) {
                break item;
            }
        };
        let index = self.next_index;
        self.next_index += 1;
        if let Ok(c) = &item
            && let Some(skip) = self.up_to_date(index, c)
        {
            return Some(skip);
        }
        Some(match identify(item) {
            Found::Image(c, format) => {
                self.image_no += 1;
                self.image(index, c, format)
            }
            Found::Skipped { path, reason } => PlanEntry::Skip {
                index,
                input: path,
                reason,
            },
            Found::Failed(error) => PlanEntry::Fail {
                index,
                input: error.path().to_owned(),
                error,
            },
        })
    }
}

impl Plan<'_> {
    /// With `update`, the skip of an input whose copies are up to date, decided from the manifest and `stat`
    /// alone (the input is not opened). Its copies keep their names: no other input's copy takes them.
    fn up_to_date(&mut self, index: usize, c: &Candidate) -> Option<PlanEntry> {
        if !self.settings.update {
            return None;
        }
        let input = Input::new(&c.path, c.bytes, c.modified)
            .with_identity(self.identities.of(&c.path))
            .with_version(c.version.as_deref());
        let record = self
            .manifest
            .up_to_date(&relative_key(&c.relative), &input, &self.fingerprint, self.out_dir)?;
        for output in &record.outputs {
            self.taken.keys.insert(key(&self.out_dir.join(&output.path)));
        }
        // It is still one of the images, so `{index}` numbers the others as a full run would.
        self.image_no += 1;
        Some(PlanEntry::Skip {
            index,
            input: c.path.clone(),
            reason: SkipReason::UpToDate,
        })
    }

    fn image(&mut self, index: usize, c: Candidate, format: InputFormat) -> PlanEntry {
        // Header reads run decoder code on untrusted bytes; a panic there is this file's failure alone, and
        // leaves nothing behind for the next file.
        let named = isolated_file(&c.path, || {
            let mut names = Vec::with_capacity(1 + self.settings.extra_outputs.len());
            for variant in std::iter::once(self.settings.main_variant()).chain(self.settings.extra_variants()) {
                let (encoding, path) = name_one(
                    &c,
                    format,
                    variant,
                    self.settings,
                    self.out_dir,
                    self.image_no,
                    self.digits,
                )?;
                names.push((variant.resize, encoding, path));
            }
            Ok(names)
        });
        let mut names = match named {
            Ok(named) => named.into_iter(),
            Err(error) => {
                return PlanEntry::Fail {
                    index,
                    input: c.path,
                    error,
                };
            }
        };
        let Some((_, encoding, output)) = names.next() else {
            return PlanEntry::Skip {
                index,
                input: c.path,
                reason: SkipReason::NoOutput,
            };
        };
        let mut entry = self.place(index, c, format, encoding, output);
        if let PlanEntry::Task(task) = &mut entry
            && let Err(error) = self.place_extras(task, names)
        {
            entry = PlanEntry::Fail {
                index: task.index,
                input: task.input.clone(),
                error,
            };
        }
        if let PlanEntry::Task(task) = &entry {
            // Leftovers of a killed run go before this run writes beside them.
            let folder = task.output.parent().unwrap_or(self.out_dir);
            if !self.dry && !self.swept.contains(folder) {
                sweep_leftovers(folder);
                self.swept.insert(folder.to_owned());
            }
        }
        entry
    }
}

impl Plan<'_> {
    /// Settles collisions in plan order, so the result never depends on timing or thread count. Two inputs
    /// never share an output (compared without case, for case-insensitive file systems), and an input is never
    /// replaced.
    fn place(
        &mut self,
        index: usize,
        c: Candidate,
        format: InputFormat,
        encoding: Encoding,
        wanted: PathBuf,
    ) -> PlanEntry {
        let input_key = relative_key(&c.relative);
        let template_gave = wanted.clone();
        let input = Input::new(&c.path, c.bytes, c.modified).with_version(c.version.as_deref());
        let settled = self.taken.settle(
            wanted,
            &input_key,
            &input,
            &Existing {
                collision: self.settings.on_collision,
                manifest: &self.manifest,
                out_dir: self.out_dir,
            },
        );
        match settled {
            Ok((output, replaces)) => PlanEntry::Task(Task {
                index,
                key: input_key,
                input: c.path,
                format,
                encoding,
                input_bytes: c.bytes,
                modified: c.modified,
                version: c.version.clone(),
                numbered_from: (output != template_gave).then_some(template_gave),
                output,
                replaces,
                root: Arc::clone(&self.root),
                extra: Vec::new(),
            }),
            Err(Unsettled::Exists(output)) => PlanEntry::Skip {
                index,
                input: c.path,
                reason: SkipReason::OutputExists(output),
            },
            Err(unsettled) => PlanEntry::Fail {
                index,
                input: c.path,
                error: unsettled.into_error(),
            },
        }
    }

    /// Names and places the extra outputs of `task`. An extra output whose file exists under the skip policy is
    /// left out; one that would replace an input, or land outside the output folder, fails the whole image.
    fn place_extras(
        &mut self,
        task: &mut Task,
        named: impl Iterator<Item = (ResizeMode, Encoding, PathBuf)>,
    ) -> Result<(), ImageError> {
        let input = Input::new(&task.input, task.input_bytes, task.modified);
        for (resize, encoding, wanted) in named {
            match self.taken.settle(
                wanted,
                &task.key,
                &input,
                &Existing {
                    collision: self.settings.on_collision,
                    manifest: &self.manifest,
                    out_dir: self.out_dir,
                },
            ) {
                Ok((output, replaces)) => task.extra.push(ExtraTask {
                    output,
                    resize,
                    encoding,
                    replaces,
                }),
                Err(Unsettled::Exists(_)) => {}
                Err(unsettled) => return Err(unsettled.into_error()),
            }
        }
        Ok(())
    }
}
