//! CMYK JPEGs and TIFFs through their colour profile: printers' and stock-photo files whose inks only their
//! profile can turn into the colours they were meant to show. Without a profile the `image` crate's arithmetic
//! does.

use std::io::{Read, Seek, SeekFrom};

use image::{DynamicImage, RgbImage};
use tiff::decoder::{Decoder, DecodingResult};
use tiff::tags::Tag;

use crate::engine::budget::{Budget, Hold};
use crate::engine::formats::jpeg;
use crate::engine::metadata::colour;
use crate::engine::metadata::jpeg_segments;
use crate::engine::settings::Limits;

/// The CMYK profile a CMYK or YCCK JPEG carries, if any.
pub(super) fn profile(data: &[u8]) -> Option<Vec<u8>> {
    jpeg_segments::icc_profile(data).filter(|p| is_cmyk(p))
}

/// Whether a profile's colour space (header bytes 16–19) is CMYK.
fn is_cmyk(icc: &[u8]) -> bool {
    icc.get(16..20) == Some(b"CMYK")
}

/// Decodes `data` at full size (CMYK files are rare and small next to photos) and turns its inks into sRGB
/// through `icc`. `Ok(None)` when moxcms cannot use the profile; `Err` is libjpeg-turbo's complaint.
pub(super) fn to_srgb(data: &[u8], icc: &[u8], max_alloc: u64) -> Result<Option<RgbImage>, String> {
    let (width, height, inks) = jpeg::decode_cmyk(data, 1, max_alloc)?;
    Ok(colour::cmyk_to_srgb(
        inks,
        width,
        height,
        icc,
        jpeg_segments::has_adobe_segment(data),
    ))
}

/// An 8- or 16-bit CMYK TIFF that carries a CMYK profile, decoded and turned into sRGB through it; the reader
/// is put back where it was. `Ok(None)` for any other TIFF, one over the pixel limit (the caller's checks
/// refuse it with the usual error), or a profile moxcms cannot use; `Err` is the tiff crate's complaint. The
/// pixels' share of `budget` (four bytes of ink and three of colour a pixel) is taken before decoding and
/// returned with them.
pub(super) fn tiff_to_srgb<'b, R: Read + Seek>(
    reader: &mut R,
    limits: &Limits,
    budget: &'b Budget,
) -> Result<Option<(DynamicImage, Hold<'b>)>, String> {
    let start = reader.stream_position().map_err(|e| e.to_string())?;
    let converted = (|| {
        let Ok(mut decoder) = Decoder::new(&mut *reader) else {
            return Ok(None);
        };
        let bytes_per_ink = match decoder.colortype() {
            Ok(tiff::ColorType::CMYK(8)) => 1,
            Ok(tiff::ColorType::CMYK(16)) => 2,
            _ => return Ok(None),
        };
        let Some(icc) = decoder.get_tag_u8_vec(Tag::IccProfile).ok().filter(|p| is_cmyk(p)) else {
            return Ok(None);
        };
        let (width, height) = decoder.dimensions().map_err(|e| e.to_string())?;
        if u64::from(width) * u64::from(height) > limits.max_pixels {
            return Ok(None);
        }
        let hold = budget.hold(u64::from(width) * u64::from(height) * 7 * bytes_per_ink);
        let rgb = match decoder.read_image().map_err(|e| e.to_string())? {
            DecodingResult::U8(inks) => {
                colour::cmyk_to_srgb(inks, width, height, &icc, false).map(DynamicImage::ImageRgb8)
            }
            DecodingResult::U16(inks) => {
                colour::cmyk16_to_srgb(&inks, width, height, &icc).map(DynamicImage::ImageRgb16)
            }
            _ => None,
        };
        Ok(rgb.map(|rgb| (rgb, hold)))
    })();
    reader.seek(SeekFrom::Start(start)).map_err(|e| e.to_string())?;
    converted
}
