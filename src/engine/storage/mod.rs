//! Where inputs are read and copies written: the local file system, or, with the `cloud` feature, an object
//! store named by a URL (`s3://bucket/photos`, `gs://…`, `az://…`).
//!
//! Why URLs travel as paths: a job names every input and copy by `Path`, in its tasks, events, reports, errors
//! and manifest, and an object's URL is what the user typed and recognises there. Joining a name onto
//! `s3://bucket/photos` gives the URL of the object below it, so planning and naming stay as they are; only the
//! places that touch bytes ask this module, which tells an object's URL from a local path and sends it to the
//! object store (`cloud.rs`), or says plainly that this build has none (`absent.rs`).

#[cfg(not(feature = "cloud"))]
mod absent;
#[cfg(feature = "cloud")]
mod cloud;
mod kinds;
mod reader;

use std::io;
use std::path::Path;

#[cfg(not(feature = "cloud"))]
use absent as objects;
#[cfg(feature = "cloud")]
use cloud as objects;

pub(crate) use kinds::{PutError, PutMode, ReadError, Stat};
pub(crate) use objects::Listing;
pub(crate) use reader::Reader;

/// The URL schemes of object stores.
const SCHEMES: [&str; 3] = ["s3://", "gs://", "az://"];

/// The URL `path` holds, when it names an object (or a prefix) in an object store; `None` for a local path.
/// A Windows join's `\` is read as `/`.
pub fn object_url(path: &Path) -> Option<String> {
    // Asked of every local path too (each stat, read and write): nothing is allocated for one.
    let s = path.to_str()?;
    let head = s.get(..5)?;
    SCHEMES
        .iter()
        .any(|scheme| head.eq_ignore_ascii_case(scheme))
        .then(|| s.replace('\\', "/"))
}

/// Whether `path` names an object store's object or prefix rather than a local file.
pub fn is_object(path: &Path) -> bool {
    object_url(path).is_some()
}

/// The local path a `file://` URL names (`file:///home/me/photos`, `file://localhost/…`, percent-escapes
/// decoded); `None` for anything else. Such inputs are plain files to the engine, under every local rule.
pub fn file_url_path(arg: &Path) -> Option<std::path::PathBuf> {
    let s = arg.to_str()?;
    let rest = s
        .get(..7)
        .filter(|p| p.eq_ignore_ascii_case("file://"))
        .map(|_| &s[7..])?;
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    if !rest.starts_with('/') {
        return None;
    }
    let mut bytes = Vec::with_capacity(rest.len());
    let mut raw = rest.bytes();
    while let Some(b) = raw.next() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b == b'%' {
            let (hi, lo) = (raw.next()?, raw.next()?);
            bytes.push((hex(hi)? * 16 + hex(lo)?) as u8);
        } else {
            bytes.push(b);
        }
    }
    let path = String::from_utf8(bytes).ok()?;
    // file:///C:/photos on Windows.
    #[cfg(windows)]
    let path = if path.as_bytes().get(2) == Some(&b':') {
        path[1..].to_owned()
    } else {
        path
    };
    Some(std::path::PathBuf::from(path))
}

/// The size, time and version of the file or object at `path` (a `stat` following links, or a `HEAD`).
pub(crate) fn stat(path: &Path) -> io::Result<Stat> {
    match object_url(path) {
        Some(url) => objects::head(&url),
        None => {
            let meta = std::fs::metadata(path)?;
            if !meta.is_file() {
                return Err(io::Error::new(io::ErrorKind::InvalidInput, "not a regular file"));
            }
            Ok(Stat {
                len: meta.len(),
                modified: meta.modified().ok(),
                version: None,
            })
        }
    }
}

/// The whole content of the file or object at `path` (one `GET` for an object).
pub(crate) fn read(path: &Path) -> io::Result<Vec<u8>> {
    read_at_most(path, u64::MAX).map_err(|e| match e {
        ReadError::Io(e) => e,
        too_large => io::Error::other(too_large.to_string()),
    })
}

/// `read`, refusing a file or object larger than `max` bytes before reading it (an object's size comes with
/// the answer to its one `GET`).
pub(crate) fn read_at_most(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    match object_url(path) {
        Some(url) => objects::get(&url, max),
        None => {
            let size = std::fs::metadata(path)?.len();
            if size > max {
                return Err(ReadError::TooLarge(size));
            }
            Ok(std::fs::read(path)?)
        }
    }
}

/// A reader of the file or object at `path`. An object is fetched in at most two ranged `GET`s: its first
/// 64 KiB (whose answer gives its size), which is all a header, a format check or a fingerprint needs, then
/// the rest once a decoder reads on.
pub(crate) fn open(path: &Path) -> io::Result<Reader> {
    match object_url(path) {
        Some(url) => Reader::object(url),
        None => std::fs::File::open(path).map(Reader::File),
    }
}

/// The objects below the prefix `url` (`s3://bucket/photos` lists `photos/…`), in key order, fetched a page at
/// a time as they are read: never the whole listing in memory. With `recursive` false, only those directly
/// below it.
pub(crate) fn list(url: &str, recursive: bool) -> io::Result<Listing> {
    objects::list(url, recursive)
}

/// Writes `bytes` as the object `url`, whole or not at all: one `PUT`, which the store makes visible only
/// once complete. `mode` says what may be there already; `made_from`, kept in the object's own metadata,
/// says which input a copy was made from (`made_from`).
pub(crate) fn put(url: &str, bytes: &[u8], mode: PutMode, made_from: Option<&str>) -> Result<(), PutError> {
    objects::put(url, bytes, mode, made_from)
}

/// An object's size, time and version, and the input it says it was made from (one `HEAD`). A run killed
/// after uploading a copy but before its journal went out left that copy unrecorded; this is how the next
/// run knows it for its own instead of numbering a second copy beside it.
pub(crate) fn made_from(url: &str) -> io::Result<(Stat, Option<String>)> {
    objects::made_from(url)
}

/// Removes the object `url` (a manifest's journal this run replaced by its record).
pub(crate) fn delete(url: &str) -> io::Result<()> {
    objects::delete(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_urls_are_told_from_local_paths() {
        assert_eq!(
            object_url(Path::new("s3://bucket/photos/a.jpg")).as_deref(),
            Some("s3://bucket/photos/a.jpg")
        );
        assert_eq!(
            object_url(&Path::new("S3://bucket/photos").join("b.jpg")).as_deref(),
            Some("S3://bucket/photos/b.jpg")
        );
        assert!(is_object(Path::new("gs://bucket")));
        assert!(is_object(Path::new("az://container/x")));
        assert_eq!(
            file_url_path(Path::new("file:///home/me/My%20Photos/a%C3%A9.jpg")),
            Some(std::path::PathBuf::from("/home/me/My Photos/aé.jpg"))
        );
        assert_eq!(
            file_url_path(Path::new("FILE://localhost/srv/x")),
            Some(std::path::PathBuf::from("/srv/x"))
        );
        for not_one in [
            "file://host/x",
            "file:relative",
            "/home/me",
            "file:///bad%zz",
            "s3://b/x",
        ] {
            assert_eq!(file_url_path(Path::new(not_one)), None, "{not_one}");
        }
        for local in ["photos/s3://x", "/s3://x", "s3:/x", "s3", "", "C:\\photos", "./gs://b"] {
            assert!(!is_object(Path::new(local)), "{local}");
        }
    }
}
