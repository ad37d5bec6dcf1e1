//! JPEG XL copies that hold a JPEG whole ("from the JPEG, reversible"): the JPEG copy the planar route made,
//! or an input JPEG that needs no change at all (a pure recompression of an archive), handed to libjxl so
//! that `djxl` gives the very JPEG bytes back.

use super::copy::{Converted, Names};
use crate::engine::error::ImageError;
use crate::engine::formats::encode::jxl_from_jpeg;

/// `copy` (a JPEG) stored in a JPEG XL.
pub(super) fn wrap(mut copy: Converted, effort: u8, names: Names) -> Result<Converted, ImageError> {
    let jxl = jxl_from_jpeg(&copy.bytes, effort).map_err(|why| encode_error(why, names))?;
    copy.jpeg_inside = Some(std::mem::replace(&mut copy.bytes, jxl));
    Ok(copy)
}

/// The input JPEG itself, of upright size `size`, stored in a JPEG XL: its pixels and every byte kept.
pub(super) fn archive(jpeg: Vec<u8>, size: (u32, u32), effort: u8, names: Names) -> Result<Converted, ImageError> {
    let bytes = jxl_from_jpeg(&jpeg, effort).map_err(|why| encode_error(why, names))?;
    Ok(Converted {
        bytes,
        input_size: size,
        output_size: size,
        quality: None,
        score: None,
        note: Some("the original JPEG stored whole: djxl gives it back byte for byte".to_owned()),
        resized: None,
        jpeg_inside: Some(jpeg),
    })
}

fn encode_error(why: String, names: Names) -> ImageError {
    ImageError::Encode {
        why,
        path: names.output.to_owned(),
    }
}
