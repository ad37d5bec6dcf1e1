//! The manifest's own objects in an object store (`<out>/.shrinkray/manifest-….jsonl`, `journal-….jsonl`):
//! written and removed only here, only directly inside a manifest prefix, and only under their own names.

use std::io;

use crate::engine::storage::{self, PutError, PutMode};

/// What the manifest prefix's objects are called: a plain name in the prefix itself, starting so.
fn own_name(url: &str, starts: &[&str]) -> bool {
    let Some((dir, name)) = url.rsplit_once('/') else {
        return false;
    };
    dir.ends_with("/.shrinkray")
        && name.ends_with(".jsonl")
        && starts.iter().any(|s| name.starts_with(s))
        && !name.contains(['/', '\\'])
}

fn refused(url: &str) -> PutError {
    PutError::Io(io::Error::new(
        io::ErrorKind::PermissionDenied,
        format!("not one of the manifest's own objects: {url}"),
    ))
}

/// Writes the manifest's object `url` (a manifest or a journal chunk), create-only or over the very version
/// read.
pub(crate) fn put_manifest_object(url: &str, bytes: &[u8], mode: PutMode) -> Result<(), PutError> {
    if !own_name(url, &["manifest-", "journal-"]) {
        return Err(refused(url));
    }
    storage::put(url, bytes, mode, None)
}

/// Removes a journal chunk a manifest object now holds. Nothing else is ever removed from an object store.
pub(crate) fn remove_journal_object(url: &str) -> io::Result<()> {
    if !own_name(url, &["journal-"]) {
        return Err(io::Error::new(io::ErrorKind::PermissionDenied, "not a journal object"));
    }
    storage::delete(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_manifests_own_names_in_its_own_prefix() {
        assert!(own_name("s3://b/web/.shrinkray/manifest-1-of-4.jsonl", &["manifest-"]));
        assert!(own_name("s3://b/web/.shrinkray/journal-all-1-2-3.jsonl", &["journal-"]));
        for url in [
            "s3://b/web/photos/a.jpg",
            "s3://b/web/.shrinkray/photo.jpg",
            "s3://b/web/.shrinkray/sub/journal-x.jsonl",
            "s3://b/web/x.shrinkray/manifest-all.jsonl",
            "s3://b/photos/journal-a.jsonl",
        ] {
            assert!(!own_name(url, &["manifest-", "journal-"]), "{url}");
        }
        assert!(!own_name("s3://b/web/.shrinkray/manifest-all.jsonl", &["journal-"]));
    }
}
