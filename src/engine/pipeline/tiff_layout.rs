//! TIFF layouts the `tiff` crate cannot decode without panicking, refused before it tries.

use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use tiff::decoder::{ChunkType, Decoder};
use tiff::tags::Tag;

use crate::engine::error::ImageError;

/// Refuses a TIFF whose first image is tiled with one set of tiles per colour plane (planar configuration 2):
/// `tiff` 0.11 asserts while expanding such edge tiles. A panic is contained, but its message tells the user
/// nothing; this says what the file holds. The reader is put back where it was; a TIFF this cannot read is
/// left to the decoder, whose error is the better one.
pub(super) fn refuse_unsupported<R: Read + Seek>(reader: &mut R, path: &Path) -> Result<(), ImageError> {
    let start = reader.stream_position().map_err(|source| read_error(source, path))?;
    let planar_tiles = Decoder::new(&mut *reader).ok().is_some_and(|mut d| {
        d.get_chunk_type() == ChunkType::Tile && d.get_tag_u32(Tag::PlanarConfiguration).is_ok_and(|p| p == 2)
    });
    reader
        .seek(SeekFrom::Start(start))
        .map_err(|source| read_error(source, path))?;
    if planar_tiles {
        return Err(ImageError::Codec {
            format: "TIFF".to_owned(),
            why: "tiles that hold one colour plane each (planar configuration 2) are not supported".to_owned(),
            path: path.to_owned(),
        });
    }
    Ok(())
}

fn read_error(source: std::io::Error, path: &Path) -> ImageError {
    ImageError::Read {
        source,
        path: path.to_owned(),
    }
}
