//! The failed list (`--failed-list`): the inputs that failed, one path a line (or NUL-separated), ready to feed
//! back to `--from-file`. Written through the guard like any file a run makes: never onto an input, whole or
//! not at all.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::guard::{Protected, SideFile};

/// Where to list the inputs that fail, and what ends each path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FailedListSpec {
    /// The file; it takes its name when the run ends.
    pub path: PathBuf,
    /// What follows each path: `b'\n'`, or 0 for paths that may hold newlines.
    pub separator: u8,
}

/// A failed list being written.
pub(crate) struct FailedList {
    out: BufWriter<File>,
    side: SideFile,
    separator: u8,
}

impl FailedList {
    /// Starts the list; fails at once for a path the run may not write.
    pub fn create(spec: &FailedListSpec, protected: &Protected) -> io::Result<Self> {
        let (file, side) = SideFile::create(&spec.path, protected, "failed-")?;
        Ok(Self {
            out: BufWriter::new(file),
            side,
            separator: spec.separator,
        })
    }

    /// Where the list goes.
    pub fn path(&self) -> &Path {
        self.side.path()
    }

    /// Adds one failed input.
    pub fn add(&mut self, input: &Path) -> io::Result<()> {
        self.out.write_all(input.as_os_str().as_encoded_bytes())?;
        self.out.write_all(&[self.separator])
    }

    /// Ends the list and gives it its name.
    pub fn finish(self) -> io::Result<PathBuf> {
        let file = self.out.into_inner().map_err(io::IntoInnerError::into_error)?;
        file.sync_all()?;
        self.side.commit()
    }
}
