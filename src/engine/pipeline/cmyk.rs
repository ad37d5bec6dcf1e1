//! CMYK JPEGs through their colour profile: printers' and stock-photo files whose inks only their profile can
//! turn into the colours they were meant to show. Without a profile the `image` crate's arithmetic does.

use image::RgbImage;

use crate::engine::colour;
use crate::engine::jpeg;
use crate::engine::markers;

/// The CMYK profile a CMYK or YCCK JPEG carries, if any.
pub(super) fn profile(data: &[u8]) -> Option<Vec<u8>> {
    markers::icc_profile(data).filter(|p| p.get(16..20) == Some(b"CMYK"))
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
        markers::has_adobe_segment(data),
    ))
}
