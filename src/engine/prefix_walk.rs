//! The objects below a prefix in an object store, in key order: the object store's counterpart of the folder
//! walk (`walk.rs`), streamed a page at a time.
//!
//! What it passes over, as the folder walk does: the output prefix, and any prefix that holds a manifest
//! (`<p>/.shrinkray/…`: an earlier run's output, whose copies are not photos to resize again). Keys come in
//! byte order, and `.shrinkray/` sorts before every name that starts with a letter or a digit, so such a
//! prefix is known before its copies come.

use std::io;
use std::iter::Peekable;
use std::path::Path;

use super::manifest::MANIFEST_DIR;
use super::storage::{self, Listing, Stat, object_url};

/// One thing met below the prefix.
#[derive(Debug)]
pub(crate) enum Met {
    /// An object: its URL, its key below the prefix, and what it is.
    Object { url: String, inside: String, stat: Stat },
    /// The listing failed (at its start: the prefix named nothing, or could not be listed).
    Error(io::Error),
}

/// The walk of one prefix.
pub(crate) struct PrefixWalk {
    listing: Option<Peekable<Listing>>,
    /// The prefix's URL, without a trailing `/`.
    prefix: String,
    /// The output prefix, with a trailing `/`.
    exclude: Option<String>,
    /// Prefixes found to hold a manifest, below `prefix`, each with a trailing `/`.
    outputs: Vec<String>,
    /// An error to report first.
    error: Option<io::Error>,
}

impl PrefixWalk {
    /// Starts listing the prefix `url` (every object below it, or only those directly below when not
    /// `recursive`), never entering `exclude`.
    pub fn new(url: &str, recursive: bool, exclude: Option<&Path>) -> Self {
        let (listing, error) = match storage::list(url, recursive).map(Iterator::peekable) {
            Ok(mut listing) => {
                if listing.peek().is_none() {
                    let none = io::Error::new(io::ErrorKind::NotFound, "no object has this name or prefix");
                    (None, Some(none))
                } else {
                    (Some(listing), None)
                }
            }
            Err(e) => (None, Some(e)),
        };
        Self {
            listing,
            prefix: url.trim_end_matches('/').to_owned(),
            exclude: exclude
                .and_then(object_url)
                .map(|x| x.trim_end_matches('/').to_owned() + "/"),
            outputs: Vec::new(),
            error,
        }
    }

    /// Whether the object below the prefix at `inside` is passed over; notes the prefixes that hold a
    /// manifest as they come.
    fn passed_over(&mut self, url: &str, inside: &str) -> bool {
        let parts: Vec<&str> = inside.split('/').collect();
        if let Some(at) = parts.iter().position(|part| *part == MANIFEST_DIR) {
            if at > 0 {
                let output = parts[..at].join("/") + "/";
                if !self.outputs.contains(&output) {
                    self.outputs.push(output);
                }
            }
            return true;
        }
        self.exclude.as_deref().is_some_and(|x| url.starts_with(x))
            || self.outputs.iter().any(|o| inside.starts_with(o.as_str()))
    }
}

impl Iterator for PrefixWalk {
    type Item = Met;

    fn next(&mut self) -> Option<Met> {
        if let Some(error) = self.error.take() {
            return Some(Met::Error(error));
        }
        loop {
            let listed = match self.listing.as_mut()?.next()? {
                Ok(listed) => listed,
                Err(e) => return Some(Met::Error(e)),
            };
            let inside = listed.url.get(self.prefix.len() + 1..).unwrap_or_default().to_owned();
            if !self.passed_over(&listed.url, &inside) {
                return Some(Met::Object {
                    url: listed.url,
                    inside,
                    stat: listed.stat,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn earlier_outputs_and_the_output_prefix_are_passed_over() {
        let mut walk = PrefixWalk {
            listing: None,
            prefix: "s3://b/lib".to_owned(),
            exclude: Some("s3://b/lib/web/".to_owned()),
            outputs: Vec::new(),
            error: None,
        };
        let mut kept = |inside: &str| !walk.passed_over(&format!("s3://b/lib/{inside}"), inside);
        assert!(kept("2024/a.jpg"));
        assert!(!kept("web/2024/a.jpg"), "the output prefix");
        assert!(
            !kept(".shrinkray/manifest-all.jsonl"),
            "the input prefix's own manifest, alone"
        );
        assert!(kept("b.jpg"));
        assert!(!kept("small/.shrinkray/manifest-1-of-4.jsonl"));
        assert!(!kept("small/2024/a.jpg"), "an earlier run's copies, after its manifest");
        assert!(kept("small.jpg") && kept("smaller/a.jpg"), "only that prefix");
        assert!(
            kept("x.shrinkray/a.jpg"),
            "a name that only ends like the manifest folder"
        );
        assert!(!kept("deep/er/.shrinkray/journal-all-1.jsonl"));
        assert!(!kept("deep/er/c.jpg") && kept("deep/c.jpg"));
    }
}
