//! Which of the found inputs a job takes: all of them, one shard of them (to spread a library over several
//! machines), or only some files (to retry the ones that failed).

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use super::keys::{relative_key, stable_hash};

/// A subset of the inputs. Default: every input.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Only the inputs of this shard. Default: none (all shards).
    pub shard: Option<Shard>,
    /// Only these files, as the walk finds them (the paths `ImageFailed` reported, say). Default: none (all).
    pub only: Option<Arc<HashSet<PathBuf>>>,
    /// For a pass of a watch: what it leaves for a later pass. Default: none (every file is taken).
    pub watch: Option<Arc<PassFilter>>,
}

/// What a watch's pass leaves out: files that may still be being written, and files whose outcome (a failure,
/// a skip) is already reported and that have not changed since.
#[derive(Debug)]
pub struct PassFilter {
    /// Files modified at or after this moment may still be being written: left for a later pass.
    settled_before: SystemTime,
    /// Files already reported as failed or skipped, with their size and modification time then.
    reported: Arc<HashMap<PathBuf, (u64, Option<SystemTime>)>>,
    /// The latest modification time among the files left for a later pass.
    deferred: Mutex<Option<SystemTime>>,
}

impl PassFilter {
    /// A pass that takes files modified before `settled_before`, except the `reported` ones that are unchanged.
    pub fn new(settled_before: SystemTime, reported: Arc<HashMap<PathBuf, (u64, Option<SystemTime>)>>) -> Self {
        Self {
            settled_before,
            reported,
            deferred: Mutex::new(None),
        }
    }

    /// Whether the pass takes the file at `path` with this size and modification time; notes it when it is
    /// left for later. A file without a modification time is taken.
    pub(crate) fn takes(&self, path: &Path, bytes: u64, modified: Option<SystemTime>) -> bool {
        if let Some(m) = modified
            && m >= self.settled_before
        {
            if let Ok(mut latest) = self.deferred.lock() {
                *latest = Some(latest.map_or(m, |l| l.max(m)));
            }
            return false;
        }
        self.reported.get(path) != Some(&(bytes, modified))
    }

    /// The latest modification time of the files left for a later pass; none when every file was taken.
    pub fn deferred(&self) -> Option<SystemTime> {
        self.deferred.lock().ok().and_then(|d| *d)
    }
}

impl Selection {
    /// Whether the file found at `path`, `relative` below the output folder, is taken.
    pub(crate) fn takes(&self, path: &Path, relative: &Path) -> bool {
        self.shard.is_none_or(|s| s.contains(relative)) && self.only.as_ref().is_none_or(|only| only.contains(path))
    }

    /// Whether an input that is no image candidate (a folder that cannot be read, a broken link) is reported:
    /// by the first shard only, so that the shards' reports together list it once, and never when retrying
    /// chosen files.
    pub(crate) fn reports_others(&self) -> bool {
        self.shard.is_none_or(|s| s.index == 1) && self.only.is_none()
    }
}

/// Shard `index` of `count` (1-based), as `--shard 2/3` gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// Which shard, from 1 to `count`.
    pub index: u32,
    /// How many shards.
    pub count: u32,
}

impl Shard {
    /// Whether the input `relative` below the output folder is in this shard. Decided by a stable hash of the
    /// path without its extension and case, so the same file falls in the same shard on every machine and
    /// run, and inputs whose copies would share a name (`a.png` and `A.jpg` both become `a.jpg`) fall in the
    /// same shard, where they are numbered just as in one full run.
    pub fn contains(&self, relative: &Path) -> bool {
        let key = relative_key(&relative.with_extension("")).to_lowercase();
        stable_hash(key.as_bytes()) % u64::from(self.count) == u64::from(self.index - 1)
    }
}

/// A shard that is not `K/N` with 1 ≤ K ≤ N.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid shard {0:?}: write K/N, such as 2/3, with K from 1 to N")]
pub struct ShardError(String);

impl FromStr for Shard {
    type Err = ShardError;

    fn from_str(s: &str) -> Result<Self, ShardError> {
        let bad = || ShardError(s.to_owned());
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u32 = k.trim().parse().map_err(|_| bad())?;
        let count: u32 = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || index > count {
            return Err(bad());
        }
        Ok(Self { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_is_in_exactly_one_shard_and_the_shards_are_even() {
        let shards: Vec<Shard> = (1..=3).map(|k| format!("{k}/3").parse().unwrap()).collect();
        let mut sizes = [0; 3];
        for i in 0..3000 {
            let path = PathBuf::from(format!("photos/2024/IMG_{i:04}.jpg"));
            let in_: Vec<usize> = (0..3).filter(|&k| shards[k].contains(&path)).collect();
            assert_eq!(in_.len(), 1, "{path:?}");
            sizes[in_[0]] += 1;
        }
        assert!(sizes.iter().all(|&n| (900..1100).contains(&n)), "{sizes:?}");
        // Names whose copies would collide stay together.
        for shard in &shards {
            assert_eq!(
                shard.contains(Path::new("p/a.png")),
                shard.contains(Path::new("p/A.jpg"))
            );
        }
    }

    #[test]
    fn a_shard_is_k_of_n() {
        assert_eq!("2/3".parse(), Ok(Shard { index: 2, count: 3 }));
        for bad in ["0/3", "4/3", "3", "a/b", "1/0"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }
}
