//! A build without the `cloud` feature: every object URL gets one clear error.

use std::io;
use std::ops::Range;

use super::kinds::{Listed, PutError, PutMode, ReadError, Stat};

/// What every object request says in this build.
fn not_built_in() -> io::Error {
    io::Error::new(
        io::ErrorKind::Unsupported,
        "object storage is not built in (build with the `cloud` feature)",
    )
}

/// A listing of objects: this build never makes one.
pub(crate) struct Listing(std::convert::Infallible);

impl Iterator for Listing {
    type Item = io::Result<Listed>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.0 {}
    }
}

pub(super) fn head(_url: &str) -> io::Result<Stat> {
    Err(not_built_in())
}

pub(super) fn get(_url: &str, _max: u64) -> Result<Vec<u8>, ReadError> {
    Err(ReadError::Io(not_built_in()))
}

pub(super) fn get_first(_url: &str, _n: u64) -> io::Result<(Vec<u8>, u64)> {
    Err(not_built_in())
}

pub(super) fn get_range(_url: &str, _range: Range<u64>) -> io::Result<Vec<u8>> {
    Err(not_built_in())
}

pub(super) fn list(_url: &str, _recursive: bool) -> io::Result<Listing> {
    Err(not_built_in())
}

pub(super) fn put(_url: &str, _bytes: &[u8], _mode: PutMode, _made_from: Option<&str>) -> Result<(), PutError> {
    Err(PutError::Io(not_built_in()))
}

pub(super) fn made_from(_url: &str) -> io::Result<(Stat, Option<String>)> {
    Err(not_built_in())
}

pub(super) fn delete(_url: &str) -> io::Result<()> {
    Err(not_built_in())
}
