//! Finding the images among the inputs: walking folders and telling images by their content.

use std::fs::{self, File, Metadata};
use std::io::Read;
use std::path::{Path, PathBuf};

use image::ImageFormat;
use rayon::prelude::*;

use super::error::ImageError;
use super::write::TEMP_PREFIX;

/// One file found among the inputs, before it is known to be an image.
#[derive(Debug)]
pub(crate) struct Candidate {
    /// The file as found (not canonicalised: that is what the user recognises).
    pub path: PathBuf,
    /// Where it goes below the output folder, extension included: a folder root's own name, then the path
    /// inside it; for a file named directly, just its name.
    pub relative: PathBuf,
    /// Named directly by the user rather than found in a folder.
    pub explicit: bool,
    /// Size in bytes.
    pub bytes: u64,
    /// Identity of the file, to tell whether an output would land on an input.
    pub id: FileId,
}

/// What discovery makes of one path.
#[derive(Debug)]
pub(crate) enum Found {
    /// An image in a format Shrinkray decodes.
    Image(Candidate, ImageFormat),
    /// Left alone: a non-image inside a folder, a special file, a symlink loop.
    Skipped { path: PathBuf, reason: String },
    /// A path the user named that cannot be processed.
    Failed(ImageError),
}

/// Walks every input in the order given (folders in sorted order) and sniffs each file's first bytes.
/// `exclude` is a folder never entered (the output folder, so earlier copies are not resized again).
pub(crate) fn discover(inputs: &[PathBuf], recursive: bool, exclude: Option<&Path>) -> Vec<Found> {
    let mut candidates: Vec<Result<Candidate, Found>> = Vec::new();
    for input in inputs {
        collect(input, recursive, exclude, &mut candidates);
    }
    // Sniffing opens every file: the one part of planning worth spreading over the pool.
    candidates
        .into_par_iter()
        .map(|c| match c {
            Ok(candidate) => sniff(candidate),
            Err(found) => found,
        })
        .collect()
}

fn collect(input: &Path, recursive: bool, exclude: Option<&Path>, out: &mut Vec<Result<Candidate, Found>>) {
    let meta = match fs::metadata(input) {
        Ok(meta) => meta,
        Err(source) => {
            out.push(Err(Found::Failed(ImageError::Read {
                source,
                path: input.to_owned(),
            })));
            return;
        }
    };
    if meta.is_file() {
        let name = input.file_name().map_or_else(|| input.to_owned(), PathBuf::from);
        out.push(Ok(candidate(input.to_owned(), name, true, &meta)));
        return;
    }
    if !meta.is_dir() {
        out.push(Err(Found::Failed(ImageError::NotAFile { path: input.to_owned() })));
        return;
    }
    let root_name = root_name(input);
    let walker = walkdir::WalkDir::new(input)
        .follow_links(true)
        .sort_by_file_name()
        .max_depth(if recursive { usize::MAX } else { 1 })
        .into_iter()
        .filter_entry(|e| !(e.depth() > 0 && e.file_type().is_dir() && exclude.is_some_and(|x| same_dir(e.path(), x))));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                out.push(Err(walk_error(err, input)));
                continue;
            }
        };
        let ft = entry.file_type();
        if ft.is_dir() {
            continue;
        }
        let path = entry.path();
        if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(TEMP_PREFIX))
        {
            continue;
        }
        if !ft.is_file() {
            out.push(Err(Found::Skipped {
                path: path.to_owned(),
                reason: "not a regular file".to_owned(),
            }));
            continue;
        }
        let meta = match entry.metadata() {
            Ok(meta) => meta,
            Err(err) => {
                out.push(Err(walk_error(err, input)));
                continue;
            }
        };
        let inside = path.strip_prefix(input).unwrap_or(path);
        out.push(Ok(candidate(path.to_owned(), root_name.join(inside), false, &meta)));
    }
}

fn candidate(path: PathBuf, relative: PathBuf, explicit: bool, meta: &Metadata) -> Candidate {
    Candidate {
        id: FileId::of(&path, meta),
        path,
        relative,
        explicit,
        bytes: meta.len(),
    }
}

/// The name a folder root keeps below the output folder; `.` and `..` become the real folder's name.
fn root_name(root: &Path) -> PathBuf {
    match root.file_name() {
        Some(name) => PathBuf::from(name),
        None => fs::canonicalize(root)
            .ok()
            .and_then(|p| p.file_name().map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("root")),
    }
}

fn same_dir(a: &Path, b: &Path) -> bool {
    fs::canonicalize(a).is_ok_and(|a| a == b)
}

fn walk_error(err: walkdir::Error, root: &Path) -> Found {
    let path = err.path().unwrap_or(root).to_owned();
    if err.loop_ancestor().is_some() {
        return Found::Skipped {
            path,
            reason: "symbolic link loop".to_owned(),
        };
    }
    let dangling =
        fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) && fs::metadata(&path).is_err();
    if dangling {
        return Found::Skipped {
            path,
            reason: "broken symbolic link".to_owned(),
        };
    }
    let source = err
        .into_io_error()
        .unwrap_or_else(|| std::io::Error::other("cannot walk the folder"));
    Found::Failed(ImageError::Read { source, path })
}

/// Reads the first bytes and decides by content; the extension only breaks the tie for TGA, which has no
/// signature.
fn sniff(c: Candidate) -> Found {
    let mut head = [0u8; 64];
    let n = match File::open(&c.path).and_then(|mut f| read_up_to(&mut f, &mut head)) {
        Ok(n) => n,
        Err(source) => return Found::Failed(ImageError::Read { source, path: c.path }),
    };
    let format = image::guess_format(&head[..n]).ok().or_else(|| {
        let ext = c.path.extension()?.to_str()?.to_ascii_lowercase();
        (ext == "tga" && n > 0).then_some(ImageFormat::Tga)
    });
    match format {
        Some(format) if format.reading_enabled() => Found::Image(c, format),
        Some(format) if c.explicit => Found::Failed(ImageError::Unsupported {
            format: format!("{format:?}"),
            path: c.path,
        }),
        Some(format) => Found::Skipped {
            path: c.path,
            reason: format!("{format:?} images are not supported"),
        },
        None if c.explicit => Found::Failed(ImageError::NotAnImage { path: c.path }),
        None => Found::Skipped {
            path: c.path,
            reason: "not an image".to_owned(),
        },
    }
}

fn read_up_to(f: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// A file's identity (device and inode on Unix), so an output that is an input is caught even through
/// hard links, symlinks or a case-insensitive file system.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct FileId(u64, u64);

impl FileId {
    #[cfg(unix)]
    pub fn of(_path: &Path, meta: &Metadata) -> Self {
        use std::os::unix::fs::MetadataExt;
        Self(meta.dev(), meta.ino())
    }

    /// Without inode numbers, a hash of the canonical path stands in.
    #[cfg(not(unix))]
    pub fn of(path: &Path, _meta: &Metadata) -> Self {
        use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
        let canonical = fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        let key = canonical.to_string_lossy().to_lowercase();
        Self(BuildHasherDefault::<DefaultHasher>::default().hash_one(key), 0)
    }
}

/// What one input holds, as the desktop app lists it before a job.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InputCount {
    /// Images Shrinkray would resize.
    pub images: usize,
    /// Their total size in bytes.
    pub bytes: u64,
    /// Files that are not images (or cannot be read).
    pub other: usize,
}

/// Counts the images in one input (file or folder) by content, without decoding. Blocks; run it off the UI
/// thread.
pub fn count_images(input: &Path, recursive: bool) -> InputCount {
    let mut count = InputCount::default();
    for found in discover(std::slice::from_ref(&input.to_owned()), recursive, None) {
        match found {
            Found::Image(c, _) => {
                count.images += 1;
                count.bytes += c.bytes;
            }
            Found::Skipped { .. } | Found::Failed(_) => count.other += 1,
        }
    }
    count
}
