//! One run at a time per output folder, shards excepted: two runs of the same inputs into one folder would
//! each see the other's fresh copies as someone else's files and number their own beside them.
//!
//! A run holds `.shrinkray/run.lock` for as long as it plans and writes: exclusively, or shared when it is one
//! shard of a sharded run (shards take disjoint inputs and may share the folder), and then also the lock of its
//! own shard, so the same shard cannot run twice. A run that cannot take its locks at once is refused.

use std::fs::{File, OpenOptions};

use std::path::Path;

use super::folder::MANIFEST_DIR;
use crate::engine::guard::{open_regular, real_dir};
use crate::engine::selection::Shard;

/// The locks a run holds on its output folder, released when dropped (or when the process ends).
#[derive(Debug)]
pub(crate) struct RunLock {
    _files: Vec<File>,
}

impl RunLock {
    /// Takes the output folder `out_dir` for this run (`shard`, if it is one). `Err(())` when another run holds
    /// it; `Ok(None)` when the folder cannot hold locks (an unusable `.shrinkray`, a file system without
    /// locks): the run goes on unguarded, as the journal reports.
    pub fn take(out_dir: &Path, shard: Option<Shard>) -> Result<Option<Self>, ()> {
        let dir = out_dir.join(MANIFEST_DIR);
        if real_dir(&dir).is_err() {
            return Ok(None);
        }
        let open = |name: &str| {
            open_regular(
                &dir.join(name),
                OpenOptions::new().create(true).truncate(false).write(true),
            )
        };
        let Ok(run) = open("run.lock") else { return Ok(None) };
        let taken = match shard {
            None => run.try_lock(),
            Some(_) => run.try_lock_shared(),
        };
        match taken {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => return Err(()),
            Err(std::fs::TryLockError::Error(_)) => return Ok(None),
        }
        let mut files = vec![run];
        if let Some(shard) = shard {
            let Ok(own) = open(&format!("run-{}-of-{}.lock", shard.index, shard.count)) else {
                return Ok(None);
            };
            match own.try_lock() {
                Ok(()) => files.push(own),
                Err(std::fs::TryLockError::WouldBlock) => return Err(()),
                Err(std::fs::TryLockError::Error(_)) => return Ok(None),
            }
        }
        Ok(Some(Self { _files: files }))
    }
}
