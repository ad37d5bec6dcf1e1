//! The inputs of a run: the paths on the command line, then those of `--from-file` or `--from-file0`.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use shrinkray::tr;

use crate::args::Cli;

impl Cli {
    /// The inputs: those on the command line, then those of `--from-file`/`--from-file0`.
    pub(crate) fn all_inputs(&self) -> anyhow::Result<Vec<PathBuf>> {
        let mut inputs: Vec<PathBuf> = self.inputs.iter().map(|p| local_or_url(p)).collect();
        let (list, separator) = match (&self.from_file, &self.from_file0) {
            (Some(f), _) => (f, b'\n'),
            (None, Some(f)) => (f, 0),
            (None, None) => return Ok(inputs),
        };
        let bytes = if list.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes).context(tr!("cli-list-from-stdin"))?;
            bytes
        } else {
            std::fs::read(list).with_context(|| tr!("cli-list-unreadable", path = list.display().to_string()))?
        };
        for item in bytes.split(|&b| b == separator) {
            // A list written on Windows may end its lines with CR.
            let item = if separator == b'\n' {
                item.strip_suffix(b"\r").unwrap_or(item)
            } else {
                item
            };
            if item.is_empty() {
                continue;
            }
            inputs.push(local_or_url(&path_from_bytes(item)));
        }
        if inputs.is_empty() {
            bail!("{}", tr!("cli-list-empty", path = list.display().to_string()));
        }
        Ok(inputs)
    }
}

/// A path as the engine takes it: a `file://` URL becomes the local path it names; an object store's URL
/// (`s3://…`) and a plain path stay as they are.
pub(crate) fn local_or_url(arg: &Path) -> PathBuf {
    shrinkray::engine::file_url_path(arg).unwrap_or_else(|| arg.to_owned())
}

#[cfg(unix)]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}
