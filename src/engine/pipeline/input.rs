//! Reading an input under the limits, before any decoder runs: the whole file or a buffered stream, the pixel
//! limit checked from a header, the `image` crate's limits, and what every decoder gives back (`Decoded`). The
//! decoders (`decode`, `decode_jxl`, `animation`) all stand on this room and never on each other's.

use std::io::BufReader;
use std::path::Path;

use image::{DynamicImage, ImageFormat};

use crate::engine::budget::Hold;
use crate::engine::error::ImageError;
use crate::engine::metadata::{Metadata, Tags};
use crate::engine::settings::Limits;
use crate::engine::stages::{self, Stage};
use crate::engine::storage::{self, ReadError, Reader};

/// Where an image's pixels come from.
pub(super) enum Source {
    /// The input file, read as each format likes best.
    File,
    /// Its whole content, already in memory.
    Bytes(Vec<u8>),
}

impl Source {
    /// The whole content, read under the limits if it is still in the file.
    pub(super) fn into_bytes(self, path: &Path, limits: &Limits) -> Result<Vec<u8>, ImageError> {
        match self {
            Source::File => read(path, limits),
            Source::Bytes(data) => Ok(data),
        }
    }
}

/// A decoded image, upright, possibly smaller than the file's full size.
pub(crate) struct Decoded<'b> {
    /// The pixels, at full size or shrunk on load.
    pub img: DynamicImage,
    /// The upright size of the image in the file.
    pub full_size: (u32, u32),
    /// The colour profile (byte for byte) and the EXIF, XMP and IPTC the file carries, as found.
    pub found: Tags,
    /// What the copy's note says about how the file was read (a JPEG without its end marker), if anything.
    pub note: Option<&'static str>,
    /// The pixels' share of the memory budget, given back with them.
    pub(super) _hold: Hold<'b>,
}

impl<'b> Decoded<'b> {
    /// A picture decoded at its full size, with its profile and metadata, holding `hold` of the budget.
    pub(super) fn full(img: DynamicImage, icc: Option<Vec<u8>>, metadata: Metadata, hold: Hold<'b>) -> Self {
        Self {
            full_size: (img.width(), img.height()),
            img,
            found: Tags { icc, metadata },
            note: None,
            _hold: hold,
        }
    }
}

/// Reads a whole input file (or object), refusing files larger than the allocation limit before reading them.
pub(super) fn read(path: &Path, limits: &Limits) -> Result<Vec<u8>, ImageError> {
    stages::time(Stage::Read, || storage::read_at_most(path, limits.max_alloc)).map_err(|e| match e {
        ReadError::TooLarge(bytes) => ImageError::FileTooLarge {
            bytes,
            max: limits.max_alloc,
            path: path.to_owned(),
        },
        ReadError::Io(source) => ImageError::Read {
            source,
            path: path.to_owned(),
        },
    })
}

/// The input file (or object), buffered for a decoder that streams it.
pub(super) fn open_input(path: &Path) -> Result<BufReader<Reader>, ImageError> {
    storage::open(path)
        .map(BufReader::new)
        .map_err(|source| ImageError::Read {
            source,
            path: path.to_owned(),
        })
}

/// What the PNG decoder may allocate for itself: row buffers and metadata, not the picture (which is checked
/// against the pixel limit and the budget). The png crate's own default; a real colour profile or comment is a
/// few kilobytes, while a hostile one can inflate to gigabytes.
const PNG_METADATA_LIMIT: u64 = 64 << 20;

/// The `image` crate's limits for ours, for a decoder of `format`.
pub(crate) fn image_limits(limits: &Limits, format: ImageFormat) -> image::Limits {
    let mut l = image::Limits::default();
    l.max_alloc = Some(if format == ImageFormat::Png {
        limits.max_alloc.min(PNG_METADATA_LIMIT)
    } else {
        limits.max_alloc
    });
    l
}

/// Refuses images over the pixel limit, before their pixels are allocated.
pub(crate) fn check_pixels(width: u32, height: u32, limits: &Limits, path: &Path) -> Result<(), ImageError> {
    if u64::from(width) * u64::from(height) > limits.max_pixels {
        return Err(ImageError::TooLarge {
            width,
            height,
            max: limits.max_pixels,
            path: path.to_owned(),
        });
    }
    Ok(())
}
