//! What an image's header says (upright size, alpha) without decoding its pixels: for naming, and for choosing
//! an encoding that depends on alpha.

use std::io::BufReader;
use std::path::Path;

use image::metadata::Orientation;
use image::{ImageDecoder, ImageReader};

use super::decode::{heif_header, turns};
use super::input::{check_pixels, image_limits};
use crate::engine::error::ImageError;
use crate::engine::formats::detect::InputFormat;
use crate::engine::settings::Limits;

/// What a header says of an image.
pub(crate) struct Header {
    pub width: u32,
    pub height: u32,
    pub has_alpha: bool,
}

/// Dimensions (upright) and alpha from the header alone.
pub(crate) fn read_header(path: &Path, format: InputFormat, limits: &Limits) -> Result<Header, ImageError> {
    if format == InputFormat::Jxl {
        let header = super::decode_jxl::jxl_header(path, limits)?;
        return Ok(Header {
            width: header.width,
            height: header.height,
            has_alpha: header.alpha,
        });
    }
    let Some(format) = format.image_format() else {
        let (width, height, has_alpha) = heif_header(path, format, limits)?;
        return Ok(Header {
            width,
            height,
            has_alpha,
        });
    };
    let file = crate::engine::storage::open(path).map_err(|source| ImageError::Read {
        source,
        path: path.to_owned(),
    })?;
    let decode_err = |source| ImageError::Decode {
        source,
        path: path.to_owned(),
    };
    let mut reader = ImageReader::with_format(BufReader::new(file), format);
    reader.limits(image_limits(limits, format));
    let mut decoder = reader.into_decoder().map_err(decode_err)?;
    let (w, h) = decoder.dimensions();
    check_pixels(w, h, limits, path)?;
    let turned = turns(decoder.orientation().unwrap_or(Orientation::NoTransforms));
    let (width, height) = if turned { (h, w) } else { (w, h) };
    Ok(Header {
        width,
        height,
        has_alpha: decoder.color_type().has_alpha(),
    })
}
