//! Writing one copy: confined to the output folder, whole or absent, replacing only the file the plan saw.

use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::rules::confined;
use super::temp::temp_name;
use crate::engine::error::ImageError;
use crate::engine::platform::{Dir, FileId};
use crate::engine::stages::{self, Stage};
use crate::engine::storage::{self, PutError, PutMode, object_url};

/// Why the guard refused a write.
fn refusal(path: &Path, why: &str) -> ImageError {
    ImageError::Refused {
        why: why.to_owned(),
        path: path.to_owned(),
    }
}

/// The output folder as the user named it (copies are named below it) and as it resolves.
#[derive(Debug)]
pub(crate) struct OutputRoot {
    /// As given.
    pub given: PathBuf,
    /// Canonical.
    pub canonical: PathBuf,
}

/// Writes one copy at `path` inside `root`, through a temporary file renamed into place. With `replaces` `None`
/// an existing file is never replaced, even one that appeared after planning; with the identity the plan saw,
/// only that very file is (a file swapped in since, an input or not, is left alone). `modified`, when given,
/// becomes the file's modification time before it takes its name.
///
/// The folders from the output folder down are opened one by one without following links and held open, and the
/// temporary file is made, renamed and (on failure) removed relative to the last one: a folder swapped for a
/// link between a check and a write cannot lead the copy elsewhere.
pub(crate) fn write_copy(
    root: &OutputRoot,
    path: &Path,
    bytes: &[u8],
    replaces: Option<FileId>,
    modified: Option<SystemTime>,
    made_from: &Path,
) -> Result<(), ImageError> {
    if let Some(url) = object_url(path) {
        return stages::time(Stage::Write, || {
            put_object(root, path, &url, bytes, replaces, made_from)
        });
    }
    stages::time(Stage::Write, || write(root, path, bytes, replaces, modified))
}

/// `write_copy` into an object store: the key stays below the output prefix, and the upload is create-only
/// (`If-None-Match: *`) unless the plan proved the object there is this input's own copy, when it replaces
/// only that very version (`If-Match`). One `PUT`, visible only once whole: there is no temporary object.
fn put_object(
    root: &OutputRoot,
    path: &Path,
    url: &str,
    bytes: &[u8],
    replaces: Option<FileId>,
    made_from: &Path,
) -> Result<(), ImageError> {
    // Below the prefix by plain names only: no empty, `.` or `..` part (a key may hold `:`, unlike a path).
    let inside = object_url(&root.given).is_some_and(|out| {
        url.strip_prefix(out.trim_end_matches('/'))
            .and_then(|rest| rest.strip_prefix('/'))
            .is_some_and(|rest| {
                rest.split('/')
                    .all(|part| !part.is_empty() && part != "." && part != "..")
            })
    });
    if !inside || !confined(&root.given, path) {
        return Err(refusal(path, "its name leads outside the output folder"));
    }
    let mode = match replaces {
        None => PutMode::Create,
        Some(expected) => {
            let seen = storage::stat(path).map_err(|source| ImageError::Write {
                source,
                path: path.to_owned(),
            })?;
            match seen.version {
                Some(version) if FileId::of_object(url, Some(&version)) == expected => PutMode::Replace(version),
                _ => return Err(refusal(path, "the file there changed since the job began")),
            }
        }
    };
    match storage::put(url, bytes, mode, Some(&origin_tag(made_from))) {
        Ok(()) => Ok(()),
        Err(PutError::Taken) if replaces.is_none() => Err(ImageError::OutputAppeared { path: path.to_owned() }),
        Err(PutError::Taken) => Err(refusal(path, "the file there changed since the job began")),
        Err(PutError::Io(source)) => Err(ImageError::Write {
            source,
            path: path.to_owned(),
        }),
    }
}

fn write(
    root: &OutputRoot,
    path: &Path,
    bytes: &[u8],
    replaces: Option<FileId>,
    modified: Option<SystemTime>,
) -> Result<(), ImageError> {
    let write_err = |source: io::Error| ImageError::Write {
        source,
        path: path.to_owned(),
    };
    let (Some(name), Ok(inside)) = (path.file_name(), path.strip_prefix(&root.given)) else {
        return Err(refusal(path, "its name leads outside the output folder"));
    };
    if !confined(&root.given, path) {
        return Err(refusal(path, "its name leads outside the output folder"));
    }
    let parts: Vec<&OsStr> = inside.parent().into_iter().flat_map(Path::iter).collect();
    let dir = Dir::open_below(&root.canonical, &parts).map_err(|e| {
        if e.kind() == io::ErrorKind::InvalidInput {
            refusal(path, "its folder leads outside the output folder")
        } else {
            write_err(e)
        }
    })?;
    let (tmp_name, mut file) = create_temp(&dir).map_err(write_err)?;
    let written = file
        .write_all(bytes)
        .and_then(|()| modified.map_or(Ok(()), |time| file.set_modified(time)));
    drop(file);
    let placed = written.map_err(write_err).and_then(|()| match replaces {
        None => dir.rename(&tmp_name, name, false).map_err(|e| {
            if e.kind() == io::ErrorKind::AlreadyExists {
                ImageError::OutputAppeared { path: path.to_owned() }
            } else {
                write_err(e)
            }
        }),
        Some(expected) => match dir.examine(name).map_err(write_err)? {
            Some((_, false)) => Err(refusal(path, "it is not a regular file")),
            Some((id, true)) if id != expected => Err(refusal(path, "the file there changed since the job began")),
            _ => dir.rename(&tmp_name, name, true).map_err(write_err),
        },
    });
    if placed.is_err() {
        // Nothing half-written stays behind.
        let _ = dir.remove(&tmp_name);
    }
    placed
}

/// What a copy made from the input at `input` says it was made from: a hash of the input's URL or path, as
/// object metadata is ASCII and short.
pub(crate) fn origin_tag(input: &Path) -> String {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    // SipHash with fixed keys: the same on every machine and every run, as shards and reruns must agree.
    let hash = BuildHasherDefault::<DefaultHasher>::default().hash_one(input.to_string_lossy().as_ref());
    format!("{hash:016x}")
}

/// Whether the object at `output` says it was made from `input` and is still the version `id` names: a copy
/// a killed run uploaded but never recorded.
pub(crate) fn made_from_input(output: &Path, id: FileId, input: &Path) -> bool {
    let Some(url) = object_url(output) else {
        return false;
    };
    storage::made_from(&url).is_ok_and(|(stat, tag)| {
        tag.as_deref() == Some(origin_tag(input).as_str()) && FileId::of_object(&url, stat.version.as_deref()) == id
    })
}

/// A new temporary file in `dir`, under a name no file there has.
pub(super) fn create_temp(dir: &Dir) -> io::Result<(OsString, File)> {
    let mut tries = 0;
    loop {
        let name = OsString::from(temp_name(""));
        match dir.create_new(&name) {
            Ok(file) => return Ok((name, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && tries < 16 => tries += 1,
            Err(e) => return Err(e),
        }
    }
}
