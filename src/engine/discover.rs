//! Finding the images among the inputs: walking folders and telling images by their content.

use std::fs::{self, Metadata};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::error::ImageError;
use super::platform::FileId;
use super::prefix_walk::{Met, PrefixWalk};
use super::storage::{self, object_url};
use super::walk::{Entry, FolderWalk};
use crate::engine::event::SkipReason;
use crate::engine::formats::detect::InputFormat;

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
    /// Modification time, where the file system keeps one.
    pub modified: Option<SystemTime>,
    /// Identity of the file, to tell whether an output would land on an input.
    pub id: FileId,
    /// An object's version (its ETag) as listed; `None` for a file.
    pub version: Option<String>,
}

/// What discovery makes of one path.
#[derive(Debug)]
pub(crate) enum Found {
    /// An image in a format Shrinkray decodes.
    Image(Candidate, InputFormat),
    /// Left alone: a non-image inside a folder, a special file, a symlink loop.
    Skipped { path: PathBuf, reason: SkipReason },
    /// A path the user named that cannot be processed.
    Failed(ImageError),
}

/// Every file among the inputs, lazily: each input in the order given, folders in sorted order. `exclude` is
/// a folder never entered (the output folder, so earlier copies are not resized again). Nothing is opened
/// yet; `sniff` decides what each file is.
pub(crate) struct Walk<'a> {
    inputs: std::slice::Iter<'a, PathBuf>,
    current: Option<Box<dyn Iterator<Item = Result<Candidate, Found>> + Send + 'a>>,
    recursive: bool,
    exclude: Option<PathBuf>,
    /// Whether a folder's files go below its own name (`<out>/<folder>/...`) or straight below the output folder.
    root_names: bool,
}

impl<'a> Walk<'a> {
    /// Starts the walk; no file system access until the first item is asked for.
    pub fn new(inputs: &'a [PathBuf], recursive: bool, exclude: Option<PathBuf>) -> Self {
        Self {
            inputs: inputs.iter(),
            current: None,
            recursive,
            exclude,
            root_names: true,
        }
    }

    /// A walk whose folders' files go straight below the output folder, without the folder's own name: for
    /// copies made beside each input (`X/resized/a.jpg` for `X/a.jpg`).
    pub fn without_root_names(mut self) -> Self {
        self.root_names = false;
        self
    }

    fn open(&self, input: &'a Path) -> Box<dyn Iterator<Item = Result<Candidate, Found>> + Send + 'a> {
        if let Some(url) = object_url(input) {
            return self.open_object(input, url);
        }
        let meta = match fs::metadata(input) {
            Ok(meta) => meta,
            Err(source) => {
                return Box::new(std::iter::once(Err(Found::Failed(ImageError::Read {
                    source,
                    path: input.to_owned(),
                }))));
            }
        };
        if meta.is_file() {
            let name = input.file_name().map_or_else(|| input.to_owned(), PathBuf::from);
            return Box::new(std::iter::once(Ok(candidate(input.to_owned(), name, true, &meta))));
        }
        if !meta.is_dir() {
            return Box::new(std::iter::once(Err(Found::Failed(ImageError::NotAFile {
                path: input.to_owned(),
            }))));
        }
        let root_name = if self.root_names {
            root_name(input)
        } else {
            PathBuf::new()
        };
        let walk = FolderWalk::new(input, self.recursive, self.exclude.clone());
        Box::new(walk.filter_map(move |entry| walked(entry, input, &root_name)))
    }
}

impl<'a> Walk<'a> {
    /// An object, or every object below a prefix (a folder in all but name): one `HEAD` tells which, then the
    /// listing streams. Copies of a prefix go below its last name, as a folder's do.
    fn open_object(
        &self,
        input: &'a Path,
        url: String,
    ) -> Box<dyn Iterator<Item = Result<Candidate, Found>> + Send + 'a> {
        if !url.ends_with('/')
            && let Ok(stat) = storage::stat(input)
        {
            let name = input.file_name().map_or_else(|| input.to_owned(), PathBuf::from);
            return Box::new(std::iter::once(Ok(object_candidate(url, name, true, &stat))));
        }
        let root_name = if self.root_names {
            input.file_name().map(PathBuf::from).unwrap_or_default()
        } else {
            PathBuf::new()
        };
        let walk = PrefixWalk::new(&url, self.recursive, self.exclude.as_deref());
        Box::new(walk.filter_map(move |met| match met {
            Met::Object { url, inside, stat } => {
                if inside
                    .rsplit('/')
                    .next()
                    .is_some_and(|name| not_yet_a_photo(name.as_ref()))
                {
                    return None;
                }
                let relative = inside.split('/').fold(root_name.clone(), |r, part| r.join(part));
                Some(Ok(object_candidate(url, relative, false, &stat)))
            }
            Met::Error(source) => Some(Err(Found::Failed(ImageError::Read {
                source,
                path: input.to_owned(),
            }))),
        }))
    }
}

/// The candidate an object makes, known by its URL.
fn object_candidate(url: String, relative: PathBuf, explicit: bool, stat: &storage::Stat) -> Candidate {
    Candidate {
        id: FileId::of_object(&url, None),
        path: PathBuf::from(url),
        relative,
        explicit,
        bytes: stat.len,
        modified: stat.modified,
        version: stat.version.clone(),
    }
}

impl Iterator for Walk<'_> {
    type Item = Result<Candidate, Found>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.current.as_mut().and_then(Iterator::next) {
                return Some(item);
            }
            let input = self.inputs.next()?;
            self.current = Some(self.open(input));
        }
    }
}

/// One walked entry as a candidate, a skip or a failure; `None` for our own temporary files.
fn walked(entry: Entry, root: &Path, root_name: &Path) -> Option<Result<Candidate, Found>> {
    let skipped = |path: PathBuf, reason: SkipReason| Some(Err(Found::Skipped { path, reason }));
    match entry {
        Entry::File(path, meta) => {
            if path.file_name().is_some_and(not_yet_a_photo) {
                return None;
            }
            let inside = path.strip_prefix(root).unwrap_or(&path);
            let relative = root_name.join(inside);
            Some(Ok(candidate(path, relative, false, &meta)))
        }
        Entry::Special(path) => skipped(path, SkipReason::NotRegular),
        Entry::Loop(path) => skipped(path, SkipReason::LinkLoop),
        Entry::Dangling(path) => skipped(path, SkipReason::BrokenLink),
        Entry::Error(path, source) => Some(Err(Found::Failed(ImageError::Read { source, path }))),
    }
}

/// Whether a name found in a folder belongs to a file that is not a finished photo: Shrinkray's own
/// temporary files, hidden files, and what downloaders and editors write before renaming into place (`~`
/// backups, `.part`, `.crdownload`, `.tmp`). Such files are passed over, not counted: resizing `.a.jpg.part`
/// makes a copy of half a download.
pub(crate) fn not_yet_a_photo(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    let lower = name.to_ascii_lowercase();
    name.starts_with('.')
        || name.ends_with('~')
        || [".part", ".crdownload", ".tmp"].iter().any(|ext| lower.ends_with(ext))
}

/// What one walked item is, by content.
pub(crate) fn identify(item: Result<Candidate, Found>) -> Found {
    match item {
        Ok(candidate) => sniff(candidate),
        Err(found) => found,
    }
}

fn candidate(path: PathBuf, relative: PathBuf, explicit: bool, meta: &Metadata) -> Candidate {
    Candidate {
        id: FileId::of(&path, meta),
        path,
        relative,
        explicit,
        bytes: meta.len(),
        modified: meta.modified().ok(),
        version: None,
    }
}

/// The name a folder root keeps below the output folder; `.` and `..` become the real folder's name.
fn root_name(root: &Path) -> PathBuf {
    match root.file_name() {
        Some(name) => PathBuf::from(name),
        None => crate::engine::platform::canonicalize(root)
            .ok()
            .and_then(|p| p.file_name().map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("root")),
    }
}

/// Reads the first bytes and decides by content; the extension only breaks the tie for TGA, which has no
/// signature.
fn sniff(c: Candidate) -> Found {
    let mut head = [0u8; 64];
    let n = match storage::open(&c.path).and_then(|mut f| read_up_to(&mut f, &mut head)) {
        Ok(n) => n,
        Err(source) => return Found::Failed(ImageError::Read { source, path: c.path }),
    };
    let format = InputFormat::sniff(&head[..n], &c.path);
    classify(c, format, InputFormat::readable)
}

/// What a candidate is, from its sniffed format and whether this build reads that format.
fn classify(c: Candidate, format: Option<InputFormat>, readable: impl Fn(InputFormat) -> bool) -> Found {
    match format {
        Some(format) if readable(format) => Found::Image(c, format),
        // Photos the user expects copies of: an error, in folders too, rather than a skip that is easy to miss.
        Some(format) if format.is_heif() => Found::Failed(ImageError::NotBuiltIn {
            format: format.name(),
            path: c.path,
        }),
        Some(format) if c.explicit => Found::Failed(ImageError::Unsupported {
            format: format.name(),
            path: c.path,
        }),
        Some(format) => Found::Skipped {
            path: c.path,
            reason: SkipReason::Unsupported(format.name()),
        },
        None if c.explicit => Found::Failed(ImageError::NotAnImage { path: c.path }),
        None => Found::Skipped {
            path: c.path,
            reason: SkipReason::NotAnImage,
        },
    }
}

fn read_up_to(f: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
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
    list_images(input, recursive).0
}

/// One image found in an input, as a window lists it before a job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListedImage {
    /// The file.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: u64,
}

/// The images in one input (file or folder), told by content without decoding, in the order a job takes them,
/// with their count. Blocks; run it off the UI thread.
pub fn list_images(input: &Path, recursive: bool) -> (InputCount, Vec<ListedImage>) {
    let mut count = InputCount::default();
    let mut images = Vec::new();
    let inputs = [input.to_owned()];
    for found in Walk::new(&inputs, recursive, None).map(identify) {
        match found {
            Found::Image(c, _) => {
                count.images += 1;
                count.bytes += c.bytes;
                images.push(ListedImage {
                    path: c.path,
                    bytes: c.bytes,
                });
            }
            Found::Skipped { .. } | Found::Failed(_) => count.other += 1,
        }
    }
    (count, images)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heic_is_read_or_said_to_be_not_built_in() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("IMG_0001.HEIC");
        fs::write(&path, b"\0\0\0\x18ftypheic\0\0\0\0mif1heic").unwrap();
        let meta = fs::metadata(&path).unwrap();
        let c = || candidate(path.clone(), PathBuf::from("IMG_0001.HEIC"), false, &meta);
        let found = sniff(c());
        assert_eq!(
            matches!(found, Found::Image(_, InputFormat::Heic)),
            cfg!(feature = "heif"),
            "{found:?}"
        );
        // A build without libheif, whichever this one is: an error that says so, even inside a folder.
        let Found::Failed(error) = classify(c(), Some(InputFormat::Heic), |_| false) else {
            panic!("not a failure")
        };
        assert_eq!(
            error.to_string(),
            format!("HEIC support is not built in: {}", path.display())
        );
    }
}
