//! A sorted, loop-safe walk of a folder tree that follows symbolic links.
//!
//! Each folder's listing is sorted before its entries are given out, so order never depends on the file system.
//! A listing holds only the names, packed into one buffer: a flat folder of 10,000 photos costs about 250 KB
//! while it is walked, not the megabyte or more that a list of full paths would, so a job's memory stays flat.

use std::ffi::OsStr;
use std::fs::{self, Metadata};
use std::io;
use std::path::{Path, PathBuf};

use super::manifest::MANIFEST_DIR;
use super::platform::FileId;

/// One thing met on the walk. Folders themselves are not reported, only what is in them.
#[derive(Debug)]
pub(crate) enum Entry {
    /// A regular file (through any symbolic links), with its metadata.
    File(PathBuf, Metadata),
    /// Neither file nor folder: a FIFO, socket or device (or a link to one).
    Special(PathBuf),
    /// A link back to a folder the walk is already inside.
    Loop(PathBuf),
    /// A symbolic link to nothing.
    Dangling(PathBuf),
    /// A file or folder that cannot be examined or listed.
    Error(PathBuf, io::Error),
}

/// Walks one folder: every entry in name order, descending into subfolders (when recursive) where they sort.
pub(crate) struct FolderWalk {
    stack: Vec<Listing>,
    recursive: bool,
    /// A folder never entered (the output folder), as a canonical path.
    exclude: Option<PathBuf>,
    /// An error listing the root itself, reported first.
    root_error: Option<(PathBuf, io::Error)>,
}

impl FolderWalk {
    /// Lists `root` at once; its subfolders are listed as the walk reaches them.
    pub fn new(root: &Path, recursive: bool, exclude: Option<PathBuf>) -> Self {
        let id = fs::metadata(root).map(|m| FileId::of(root, &m));
        let listing = id.and_then(|id| Listing::read(root.to_owned(), id));
        let (stack, root_error) = match listing {
            Ok(listing) => (vec![listing], None),
            Err(err) => (Vec::new(), Some((root.to_owned(), err))),
        };
        Self {
            stack,
            recursive,
            exclude,
            root_error,
        }
    }

    /// Decides about a subfolder: enter it (`None`), or report why not. The output folder is never entered,
    /// nor any folder holding a `.shrinkray` manifest folder: the copies an earlier run made, into whatever
    /// folder, are not photos to resize again (`--out photos/web photos`, then `--out photos/small photos`).
    fn enter(&mut self, path: PathBuf, meta: &Metadata) -> Option<Entry> {
        if !self.recursive
            || self
                .exclude
                .as_deref()
                .is_some_and(|x| crate::engine::platform::canonicalize(&path).is_ok_and(|p| p == x))
            || fs::symlink_metadata(path.join(MANIFEST_DIR)).is_ok_and(|m| m.is_dir())
        {
            return None;
        }
        let id = FileId::of(&path, meta);
        if self.stack.iter().any(|l| l.id == id) {
            return Some(Entry::Loop(path));
        }
        match Listing::read(path.clone(), id) {
            Ok(listing) => {
                self.stack.push(listing);
                None
            }
            Err(err) => Some(Entry::Error(path, err)),
        }
    }
}

impl Iterator for FolderWalk {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        if let Some((path, err)) = self.root_error.take() {
            return Some(Entry::Error(path, err));
        }
        loop {
            let top = self.stack.last_mut()?;
            let Some(path) = top.next_path() else {
                self.stack.pop();
                continue;
            };
            match fs::metadata(&path) {
                Ok(meta) if meta.is_file() => return Some(Entry::File(path, meta)),
                Ok(meta) if meta.is_dir() => {
                    if let Some(entry) = self.enter(path, &meta) {
                        return Some(entry);
                    }
                }
                Ok(_) => return Some(Entry::Special(path)),
                Err(err) => {
                    let is_link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
                    return Some(if is_link && err.kind() == io::ErrorKind::NotFound {
                        Entry::Dangling(path)
                    } else {
                        Entry::Error(path, err)
                    });
                }
            }
        }
    }
}

/// One folder's names, sorted, packed into one buffer.
struct Listing {
    dir: PathBuf,
    id: FileId,
    names: Vec<u8>,
    /// Where each name lies in `names`, in sorted order.
    spans: Vec<(usize, usize)>,
    next: usize,
}

impl Listing {
    fn read(dir: PathBuf, id: FileId) -> io::Result<Self> {
        let mut names = Vec::new();
        let mut spans = Vec::new();
        for entry in fs::read_dir(&dir)? {
            let name = entry?.file_name();
            let start = names.len();
            names.extend_from_slice(name.as_encoded_bytes());
            spans.push((start, names.len()));
        }
        spans.sort_unstable_by(|a, b| names[a.0..a.1].cmp(&names[b.0..b.1]));
        names.shrink_to_fit();
        Ok(Self {
            dir,
            id,
            names,
            spans,
            next: 0,
        })
    }

    fn next_path(&mut self) -> Option<PathBuf> {
        let &(start, end) = self.spans.get(self.next)?;
        self.next += 1;
        // SAFETY: the bytes are exactly those `as_encoded_bytes` gave for one whole name in `read`, in this
        // process, which is what `from_encoded_bytes_unchecked` requires.
        let name = unsafe { OsStr::from_encoded_bytes_unchecked(&self.names[start..end]) };
        Some(self.dir.join(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each entry as "kind path", with `/` between the parts on every platform.
    fn names(walk: FolderWalk, root: &Path) -> Vec<String> {
        walk.map(|e| match e {
            Entry::File(p, _) => format!("file {}", p.strip_prefix(root).unwrap().display()),
            Entry::Special(p) => format!("special {}", p.strip_prefix(root).unwrap().display()),
            Entry::Loop(p) => format!("loop {}", p.strip_prefix(root).unwrap().display()),
            Entry::Dangling(p) => format!("dangling {}", p.strip_prefix(root).unwrap().display()),
            Entry::Error(p, e) => format!("error {} {e}", p.display()),
        })
        .map(|line| line.replace('\\', "/"))
        .collect()
    }

    #[test]
    fn entries_come_in_name_order_with_subfolders_where_they_sort() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        // `B.jpg` and `b.jpg` are one file where letter case does not count (Windows, macOS).
        let upper = cfg!(target_os = "linux").then_some("B.jpg");
        for name in ["b.jpg", "a.jpg", "c/z.jpg", "c/d/e.jpg", "ä.jpg"]
            .into_iter()
            .chain(upper)
        {
            let path = root.join(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, b"x").unwrap();
        }
        let with_upper = |names: &[&str]| -> Vec<String> {
            upper
                .map(|u| format!("file {u}"))
                .into_iter()
                .chain(names.iter().map(|n| format!("file {n}")))
                .collect()
        };
        let all = names(FolderWalk::new(root, true, None), root);
        assert_eq!(all, with_upper(&["a.jpg", "b.jpg", "c/d/e.jpg", "c/z.jpg", "ä.jpg"]));
        let top = names(FolderWalk::new(root, false, None), root);
        assert_eq!(top, with_upper(&["a.jpg", "b.jpg", "ä.jpg"]));
        let canonical = fs::canonicalize(root.join("c/d")).unwrap();
        let outside = names(FolderWalk::new(root, true, Some(canonical)), root);
        assert!(!outside.contains(&"file c/d/e.jpg".to_owned()), "{outside:?}");
    }

    #[cfg(unix)]
    #[test]
    fn loops_and_dangling_links_are_reported_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("sub")).unwrap();
        fs::write(root.join("sub/a.jpg"), b"x").unwrap();
        std::os::unix::fs::symlink(root, root.join("sub/up")).unwrap();
        std::os::unix::fs::symlink(root.join("nothing"), root.join("gone.jpg")).unwrap();
        let all = names(FolderWalk::new(root, true, None), root);
        assert_eq!(all, ["dangling gone.jpg", "file sub/a.jpg", "loop sub/up"]);
    }

    #[test]
    fn a_missing_root_is_one_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing");
        let all: Vec<Entry> = FolderWalk::new(&missing, true, None).collect();
        assert!(matches!(&all[..], [Entry::Error(p, _)] if *p == missing), "{all:?}");
    }
}
