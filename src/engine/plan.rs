//! Planning: which inputs are images, and exactly which file each one becomes. No pixels are decoded.

use std::collections::HashSet;
use std::fs;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use image::metadata::Orientation;
use image::{ImageDecoder, ImageFormat, ImageReader};
use rayon::prelude::*;

use super::discover::{Candidate, FileId, Found, discover};
use super::encode::Encoding;
use super::error::{ImageError, SetupError};
use super::geometry::target_size;
use super::naming::{NameParts, needs_size, numbered, render};
use super::pipeline::{check_pixels, image_limits, turns};
use super::settings::{Collision, Limits, Settings};
use super::write::sweep_leftovers;

/// Everything a job will do, in order.
#[derive(Debug)]
pub struct Plan {
    /// One entry per per-image event to come; `index` fields count through this list.
    pub entries: Vec<PlanEntry>,
}

/// What will happen to one input.
#[derive(Debug)]
pub enum PlanEntry {
    /// It will be resized.
    Task(Task),
    /// It is left alone.
    Skip {
        /// Position in the plan.
        index: usize,
        /// The input.
        input: PathBuf,
        /// Why.
        reason: String,
    },
    /// It cannot be processed.
    Fail {
        /// Position in the plan.
        index: usize,
        /// The input.
        input: PathBuf,
        /// Why.
        error: ImageError,
    },
}

/// One image to resize.
#[derive(Debug)]
pub struct Task {
    /// Position in the plan.
    pub index: usize,
    /// The input file.
    pub input: PathBuf,
    /// The output file; distinct from every other task's output and from every input.
    pub output: PathBuf,
    /// Input format, from its content.
    pub format: ImageFormat,
    /// How the output is encoded.
    pub encoding: Encoding,
    /// Input file size.
    pub input_bytes: u64,
    /// The output may replace an existing file (the overwrite policy, and that file is no input).
    pub replace: bool,
}

impl Plan {
    /// Number of images that will be resized.
    pub fn task_count(&self) -> usize {
        self.entries.iter().filter(|e| matches!(e, PlanEntry::Task(_))).count()
    }
}

/// Creates the output folder, finds the images, and names every output. Runs on the current rayon pool.
pub fn plan(inputs: &[PathBuf], settings: &Settings) -> Result<Plan, SetupError> {
    settings.validate()?;
    let out_dir = settings.output_dir.as_deref().unwrap_or(Path::new("."));
    // Outputs are named in the user's terms; the canonical path only keeps discovery out of the output folder.
    let canonical_out = prepare_output_dir(out_dir)?;
    let found = discover(inputs, settings.recursive, Some(&canonical_out));
    let input_ids: HashSet<FileId> = found
        .iter()
        .filter_map(|f| match f {
            Found::Image(c, _) => Some(c.id),
            _ => None,
        })
        .collect();
    let image_count = found.iter().filter(|f| matches!(f, Found::Image(..))).count();
    let digits = image_count.max(1).to_string().len();

    // Header reads (only for templates with a size, or formats whose fallback depends on alpha) go in parallel.
    let mut image_no = 0;
    let prepared: Vec<Prepared> = found
        .into_iter()
        .map(|f| match f {
            Found::Image(c, format) => {
                image_no += 1;
                Prepared::Image(c, format, image_no)
            }
            Found::Skipped { path, reason } => Prepared::Skip(path, reason),
            Found::Failed(error) => Prepared::Fail(error),
        })
        .collect();
    let named: Vec<Named> = prepared
        .into_par_iter()
        .map(|p| name_one(p, settings, out_dir, digits))
        .collect();

    let mut taken = HashSet::new();
    let entries = named
        .into_iter()
        .enumerate()
        .map(|(index, n)| match n {
            Named::Image(c, format, encoding, output) => place(
                index,
                c,
                format,
                encoding,
                output,
                settings.on_collision,
                &input_ids,
                &mut taken,
            ),
            Named::Skip(input, reason) => PlanEntry::Skip { index, input, reason },
            Named::Fail(error) => PlanEntry::Fail {
                index,
                input: error.path().to_owned(),
                error,
            },
        })
        .collect::<Vec<_>>();
    // Leftovers of a killed run go before this run writes beside them.
    let folders: std::collections::BTreeSet<&Path> = entries
        .iter()
        .filter_map(|e| match e {
            PlanEntry::Task(t) => t.output.parent(),
            _ => None,
        })
        .collect();
    for folder in folders {
        sweep_leftovers(folder);
    }
    Ok(Plan { entries })
}

fn prepare_output_dir(dir: &Path) -> Result<PathBuf, SetupError> {
    let err = |source| SetupError::OutputDir {
        source,
        path: dir.to_owned(),
    };
    fs::create_dir_all(dir).map_err(err)?;
    let canonical = fs::canonicalize(dir).map_err(err)?;
    if !canonical.is_dir() {
        return Err(err(std::io::Error::new(
            std::io::ErrorKind::NotADirectory,
            "not a folder",
        )));
    }
    Ok(canonical)
}

enum Prepared {
    Image(Candidate, ImageFormat, usize),
    Skip(PathBuf, String),
    Fail(ImageError),
}

enum Named {
    Image(Candidate, ImageFormat, Encoding, PathBuf),
    Skip(PathBuf, String),
    Fail(ImageError),
}

/// Resolves the encoding and renders the template (reading the header when it must).
fn name_one(p: Prepared, settings: &Settings, out_dir: &Path, digits: usize) -> Named {
    let (c, format, image_no) = match p {
        Prepared::Image(c, format, n) => (c, format, n),
        Prepared::Skip(path, reason) => return Named::Skip(path, reason),
        Prepared::Fail(error) => return Named::Fail(error),
    };
    let want_size = needs_size(&settings.name_template);
    let header = if want_size || Encoding::needs_alpha_probe(settings.format, format) {
        match read_header(&c.path, format, &settings.limits) {
            Ok(h) => Some(h),
            Err(error) => return Named::Fail(error),
        }
    } else {
        None
    };
    let encoding = Encoding::resolve(settings.format, settings.quality, format, || {
        header.as_ref().is_some_and(|h| h.has_alpha)
    });
    let size = header
        .as_ref()
        .map(|h| target_size(h.width, h.height, settings.resize, settings.dont_enlarge));
    let stem = c.path.file_stem().map(|s| s.to_string_lossy()).unwrap_or_default();
    let in_ext = c.path.extension().map(|s| s.to_string_lossy()).unwrap_or_default();
    let name = render(
        &settings.name_template,
        &NameParts {
            name: &stem,
            ext: &in_ext,
            size,
            index: image_no,
            index_digits: digits,
        },
    );
    // Same format as the input: keep the user's spelling of the extension (.JPG, .jpeg).
    let keeps_ext = encoding.image_format() == format
        && !in_ext.is_empty()
        && format.extensions_str().contains(&in_ext.to_ascii_lowercase().as_str());
    let ext = if keeps_ext {
        in_ext.to_string()
    } else {
        encoding.extension().to_owned()
    };
    let folder = c
        .relative
        .parent()
        .map_or_else(|| out_dir.to_owned(), |p| out_dir.join(p));
    let output = folder.join(format!("{name}.{ext}"));
    Named::Image(c, format, encoding, output)
}

struct Header {
    width: u32,
    height: u32,
    has_alpha: bool,
}

/// Dimensions (upright) and alpha from the header alone.
fn read_header(path: &Path, format: ImageFormat, limits: &Limits) -> Result<Header, ImageError> {
    let file = fs::File::open(path).map_err(|source| ImageError::Read {
        source,
        path: path.to_owned(),
    })?;
    let decode_err = |source| ImageError::Decode {
        source,
        path: path.to_owned(),
    };
    let mut reader = ImageReader::with_format(BufReader::new(file), format);
    reader.limits(image_limits(limits));
    let mut decoder = reader.into_decoder().map_err(decode_err)?;
    let (w, h) = decoder.dimensions();
    check_pixels(w, h, limits, path)?;
    let turned = turns(decoder.orientation().unwrap_or(Orientation::NoTransforms));
    let (width, height) = if turned { (h, w) } else { (w, h) };
    Ok(Header {
        width,
        height,
        has_alpha: decoder.color_type().has_alpha(),
    })
}

/// Settles collisions in plan order, so the result never depends on timing or thread count. Two inputs never
/// share an output (compared without case, for case-insensitive file systems), and an input is never replaced.
#[allow(clippy::too_many_arguments)]
fn place(
    index: usize,
    c: Candidate,
    format: ImageFormat,
    encoding: Encoding,
    wanted: PathBuf,
    policy: Collision,
    input_ids: &HashSet<FileId>,
    taken: &mut HashSet<String>,
) -> PlanEntry {
    let mut output = wanted.clone();
    let mut n = 0;
    let mut replace = false;
    loop {
        let key = output.to_string_lossy().to_lowercase();
        if taken.contains(&key) {
            n += 1;
            output = numbered(&wanted, n);
            continue;
        }
        if let Ok(existing) = fs::symlink_metadata(&output) {
            match policy {
                Collision::Rename => {
                    n += 1;
                    output = numbered(&wanted, n);
                    continue;
                }
                Collision::Skip => {
                    return PlanEntry::Skip {
                        index,
                        input: c.path,
                        reason: format!("the output exists: {}", output.display()),
                    };
                }
                Collision::Overwrite => {
                    let target = fs::metadata(&output).unwrap_or(existing);
                    if input_ids.contains(&FileId::of(&output, &target)) {
                        return PlanEntry::Fail {
                            index,
                            input: c.path,
                            error: ImageError::OutputIsInput { path: output },
                        };
                    }
                    replace = true;
                }
            }
        }
        taken.insert(key);
        return PlanEntry::Task(Task {
            index,
            input: c.path,
            output,
            format,
            encoding,
            input_bytes: c.bytes,
            replace,
        });
    }
}
