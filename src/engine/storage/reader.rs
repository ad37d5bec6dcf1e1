//! Reading a file or an object as a stream: decoders read and seek without knowing which.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};

#[cfg(not(feature = "cloud"))]
use super::absent as objects;
#[cfg(feature = "cloud")]
use super::cloud as objects;

/// What a first ranged `GET` of an object fetches: every header, format check and fingerprint fits.
const FIRST: u64 = 64 * 1024;

/// A file, or an object fetched in ranges as it is read.
#[derive(Debug)]
pub(crate) enum Reader {
    /// A local file.
    File(File),
    /// An object.
    Object(ObjectReader),
}

/// An object read through ranged `GET`s: the first 64 KiB, then (once read past them) the rest in one more.
/// A seek back into what was fetched costs nothing; one elsewhere fetches from there to the end.
#[derive(Debug)]
pub(crate) struct ObjectReader {
    url: String,
    len: u64,
    pos: u64,
    /// What was fetched last, and where it starts.
    held: Vec<u8>,
    held_from: u64,
}

impl Reader {
    /// A reader of the object `url`, its first 64 KiB fetched (and with them its size).
    pub(super) fn object(url: String) -> io::Result<Self> {
        let (held, len) = objects::get_first(&url, FIRST)?;
        Ok(Self::Object(ObjectReader {
            url,
            len,
            pos: 0,
            held,
            held_from: 0,
        }))
    }

    /// The size of what is read.
    pub(crate) fn len(&self) -> io::Result<u64> {
        match self {
            Self::File(f) => f.metadata().map(|m| m.len()),
            Self::Object(o) => Ok(o.len),
        }
    }
}

impl ObjectReader {
    /// Makes `pos` fall inside `held`, fetching if it does not; false at the end.
    fn fill(&mut self) -> io::Result<bool> {
        if self.pos >= self.len {
            return Ok(false);
        }
        let end_held = self.held_from + self.held.len() as u64;
        if (self.held_from..end_held).contains(&self.pos) {
            return Ok(true);
        }
        self.held = objects::get_range(&self.url, self.pos..self.len)?;
        self.held_from = self.pos;
        if self.held.is_empty() {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "the object ended early"));
        }
        Ok(true)
    }
}

impl Read for Reader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let o = match self {
            Self::File(f) => return f.read(buf),
            Self::Object(o) => o,
        };
        if buf.is_empty() || !o.fill()? {
            return Ok(0);
        }
        let at = (o.pos - o.held_from) as usize;
        let n = buf.len().min(o.held.len() - at);
        buf[..n].copy_from_slice(&o.held[at..at + n]);
        o.pos += n as u64;
        Ok(n)
    }
}

impl Seek for Reader {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let o = match self {
            Self::File(f) => return f.seek(to),
            Self::Object(o) => o,
        };
        let pos = match to {
            SeekFrom::Start(n) => Some(n),
            SeekFrom::End(d) => o.len.checked_add_signed(d),
            SeekFrom::Current(d) => o.pos.checked_add_signed(d),
        };
        o.pos = pos.ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "a seek before the start"))?;
        Ok(o.pos)
    }
}
