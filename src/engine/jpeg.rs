//! JPEG through libjpeg-turbo: decoding straight at 1/2, 1/4 or 1/8 scale inside the inverse DCT
//! ("shrink-on-load"), and SIMD encoding with optimised Huffman tables. Both are several times faster than
//! decoding every pixel of a 12 MP photo only to throw most of them away.

use image::metadata::Orientation;
use image::{DynamicImage, GrayImage, RgbImage};
use turbojpeg::{Colorspace, Compressor, Image, PixelFormat, ScalingFactor, Subsamp, YuvImage};

// libjpeg-turbo's handles hold their working memory, so each worker thread keeps one of each (in `codecs`,
// which drops them after any failure).
use super::codecs::with_decompressor;

/// What the header of a JPEG says, read without decoding any pixels.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Header {
    /// Stored width, before orientation.
    pub width: u32,
    /// Stored height, before orientation.
    pub height: u32,
    /// Whether libjpeg-turbo can give RGB or grey for it (CMYK and YCCK it cannot).
    pub decodable: bool,
    /// Whether its planes are Y, Cb and Cr (or Y alone), the same colour model the encoder writes.
    pub ycc: bool,
}

/// Reads the header, or says why it cannot.
pub(crate) fn header(data: &[u8]) -> Result<Header, String> {
    with_decompressor(|d| {
        let h = d.read_header(data).map_err(|e| e.to_string())?;
        Ok(Header {
            width: dim(h.width)?,
            height: dim(h.height)?,
            decodable: matches!(h.colorspace, Colorspace::YCbCr | Colorspace::RGB | Colorspace::Gray),
            ycc: matches!(h.colorspace, Colorspace::YCbCr | Colorspace::Gray),
        })
    })
}

/// How much larger than the output a shrunk-on-load image must stay. A shrink in the DCT is a brick-wall
/// filter per 8×8 block; a real filter reducing by this much afterwards smooths its block edges away.
/// Measured on five photos of each size of the benchmark corpus, fitted to 1920 px, mean DSSIM against a
/// linear-light Lanczos reference (lower is better): 12 MP decoded in full 0.000782, shrunk to half (1.04×
/// left for Lanczos) 0.000879, vipsthumbnail 0.000793; 24 MP in full 0.000787, shrunk to half (1.56× left)
/// 0.000809, vipsthumbnail 0.000794. A margin of 2 would decode 24 MP photos in full, for a difference no one
/// sees, at 108–120 MB peak for the corpus at 2 threads instead of 87 MB.
pub(crate) const FILTER_MARGIN: f64 = 1.5;

/// The largest DCT shrink (1, 2, 4 or 8) that keeps the decoded image at least `scale` times the stored size
/// in both directions. Callers pass their output's scale times [`FILTER_MARGIN`].
pub(crate) fn shrink_for(width: u32, height: u32, scale: f64) -> u32 {
    let need = |n: u32| (f64::from(n) * scale).ceil() as u64;
    [8u32, 4, 2]
        .into_iter()
        .find(|&d| u64::from(width.div_ceil(d)) >= need(width) && u64::from(height.div_ceil(d)) >= need(height))
        .unwrap_or(1)
}

/// Decodes `data` at 1/`shrink` scale into grey or RGB, failing on any corruption libjpeg-turbo notices
/// (its warnings, such as a premature end of data, count as errors: a half-grey copy is worse than none).
pub(crate) fn decode(data: &[u8], shrink: u32, max_alloc: u64) -> Result<DynamicImage, String> {
    with_decompressor(|d| {
        let h = d.read_header(data).map_err(|e| e.to_string())?;
        let factor = ScalingFactor::new(1, shrink as usize);
        d.set_scaling_factor(factor).map_err(|e| e.to_string())?;
        let scaled = h.scaled(factor);
        let (width, height) = (dim(scaled.width)?, dim(scaled.height)?);
        let grey = h.colorspace == Colorspace::Gray;
        let format = if grey { PixelFormat::GRAY } else { PixelFormat::RGB };
        let bytes = scaled.width as u64 * scaled.height as u64 * format.size() as u64;
        if bytes > max_alloc {
            return Err(format!(
                "decoding needs {bytes} bytes, more than the limit of {max_alloc} bytes"
            ));
        }
        let mut pixels = vec![0u8; bytes as usize];
        let image = Image {
            pixels: pixels.as_mut_slice(),
            width: scaled.width,
            pitch: scaled.width * format.size(),
            height: scaled.height,
            format,
        };
        d.decompress(data, image).map_err(|e| e.to_string())?;
        let img = if grey {
            GrayImage::from_raw(width, height, pixels).map(DynamicImage::ImageLuma8)
        } else {
            RgbImage::from_raw(width, height, pixels).map(DynamicImage::ImageRgb8)
        };
        img.ok_or_else(|| "the decoder returned fewer pixels than its header promised".to_owned())
    })
}

/// Decodes `data` at 1/`shrink` scale into its own planes (Y, or Y, Cb and Cr at their stored subsampling),
/// rows packed without padding, in `buffer` (reused between images so a worker's large buffer is allocated
/// once, not once per photo). Corruption fails as in [`decode`].
pub(crate) fn decode_planes(
    data: &[u8],
    shrink: u32,
    max_alloc: u64,
    mut buffer: Vec<u8>,
) -> Result<YuvImage<Vec<u8>>, String> {
    with_decompressor(|d| {
        let h = d.read_header(data).map_err(|e| e.to_string())?;
        let factor = ScalingFactor::new(1, shrink as usize);
        d.set_scaling_factor(factor).map_err(|e| e.to_string())?;
        let scaled = h.scaled(factor);
        let len = turbojpeg::yuv_pixels_len(scaled.width, 1, scaled.height, h.subsamp).map_err(|e| e.to_string())?;
        if len as u64 > max_alloc {
            return Err(format!(
                "decoding needs {len} bytes, more than the limit of {max_alloc} bytes"
            ));
        }
        buffer.resize(len, 0);
        let mut planes = YuvImage {
            pixels: buffer,
            width: scaled.width,
            align: 1,
            height: scaled.height,
            subsamp: h.subsamp,
        };
        d.decompress_to_yuv(data, planes.as_deref_mut())
            .map_err(|e| e.to_string())?;
        Ok(planes)
    })
}

/// Encodes planes as they are (no colour conversion or resampling) at `quality` with optimised Huffman tables.
pub(crate) fn encode_planes(planes: YuvImage<&[u8]>, quality: u8) -> Result<Vec<u8>, String> {
    with_compressor(quality, planes.subsamp, |c| c.compress_yuv_to_vec(planes))
}

/// Encodes 8-bit grey or RGB pixels at `quality` with 4:2:0 chroma and optimised Huffman tables.
pub(crate) fn encode(img: &DynamicImage, quality: u8) -> Result<Vec<u8>, String> {
    let (pixels, format) = match img {
        DynamicImage::ImageLuma8(grey) => (grey.as_raw(), PixelFormat::GRAY),
        DynamicImage::ImageRgb8(rgb) => (rgb.as_raw(), PixelFormat::RGB),
        _ => return Err("internal: JPEG encoding needs 8-bit grey or RGB pixels".to_owned()),
    };
    let image = Image {
        pixels: pixels.as_slice(),
        width: img.width() as usize,
        pitch: img.width() as usize * format.size(),
        height: img.height() as usize,
        format,
    };
    let subsamp = if format == PixelFormat::GRAY {
        Subsamp::Gray
    } else {
        Subsamp::Sub2x2
    };
    with_compressor(quality, subsamp, |c| c.compress_to_vec(image))
}

fn with_compressor(
    quality: u8,
    subsamp: Subsamp,
    f: impl FnOnce(&mut Compressor) -> turbojpeg::Result<Vec<u8>>,
) -> Result<Vec<u8>, String> {
    super::codecs::with_compressor(|c| {
        c.set_quality(i32::from(quality.clamp(1, 100)))
            .map_err(|e| e.to_string())?;
        c.set_subsamp(subsamp).map_err(|e| e.to_string())?;
        c.set_optimize(true).map_err(|e| e.to_string())?;
        f(c).map_err(|e| e.to_string())
    })
}

/// The EXIF orientation of a JPEG, from its APP1 segment; absent or invalid counts as upright.
pub(crate) fn orientation(data: &[u8]) -> Orientation {
    header_segments(data)
        .find_map(|(marker, body)| {
            (marker == 0xE1)
                .then(|| body.strip_prefix(b"Exif\0\0"))
                .flatten()
                .and_then(Orientation::from_exif_chunk)
        })
        .unwrap_or(Orientation::NoTransforms)
}

/// The colour profile a JPEG carries, put together from its numbered APP2 pieces; `None` when there is none or
/// the pieces do not add up.
pub(crate) fn icc_profile(data: &[u8]) -> Option<Vec<u8>> {
    // Each piece: "ICC_PROFILE\0", its number from 1, how many there are, then its part of the profile.
    let mut pieces: Vec<(u8, u8, &[u8])> = header_segments(data)
        .filter(|(marker, body)| *marker == 0xE2 && body.len() > 14 && body.starts_with(b"ICC_PROFILE\0"))
        .map(|(_, body)| (body[12], body[13], &body[14..]))
        .collect();
    pieces.sort_by_key(|&(seq, _, _)| seq);
    let whole = pieces
        .iter()
        .enumerate()
        .all(|(i, &(seq, count, _))| usize::from(seq) == i + 1 && usize::from(count) == pieces.len());
    (whole && !pieces.is_empty()).then(|| pieces.iter().flat_map(|(_, _, p)| p.iter().copied()).collect())
}

/// Carries a copy's colour profile (byte for byte: without it an Adobe RGB or Display P3 photo would look
/// washed out) and metadata into its encoded JPEG: EXIF first, as the EXIF standard asks, then the profile,
/// XMP and IPTC.
pub(crate) fn embed_tags(jpeg: &mut Vec<u8>, tags: &super::encode::Tags) {
    let (mut raw, rest) = tags.metadata.jpeg_segments();
    if let Some(icc) = &tags.icc {
        raw.extend_from_slice(&icc_to_segments(icc));
    }
    raw.extend_from_slice(&rest);
    insert_segments(jpeg, &raw);
}

/// A colour profile as the APP2 segments that carry it in a JPEG (65,519 bytes of profile at most in each).
fn icc_to_segments(profile: &[u8]) -> Vec<u8> {
    const PIECE: usize = 65_535 - 2 - 14;
    let count = profile.len().div_ceil(PIECE);
    let Ok(count) = u8::try_from(count) else {
        // Over 16 MB: more than a JPEG can carry; the copy goes without rather than with half a profile.
        return Vec::new();
    };
    let mut out = Vec::with_capacity(profile.len() + usize::from(count) * 18);
    for (i, piece) in profile.chunks(PIECE).enumerate() {
        out.extend_from_slice(&[0xFF, 0xE2]);
        out.extend_from_slice(&((piece.len() + 16) as u16).to_be_bytes());
        out.extend_from_slice(b"ICC_PROFILE\0");
        out.extend_from_slice(&[i as u8 + 1, count]);
        out.extend_from_slice(piece);
    }
    out
}

/// Puts raw header segments into an encoded JPEG, after its JFIF segment (which must stay first).
fn insert_segments(jpeg: &mut Vec<u8>, raw: &[u8]) {
    if raw.is_empty() || !jpeg.starts_with(&[0xFF, 0xD8]) {
        return;
    }
    let at = match header_segments(jpeg).next() {
        Some((0xE0, body)) => 2 + 4 + body.len(),
        _ => 2,
    };
    jpeg.splice(at..at, raw.iter().copied());
}

/// The header segments before the first scan, as (marker, body) pairs, walked by their lengths.
pub(crate) fn header_segments(data: &[u8]) -> impl Iterator<Item = (u8, &[u8])> {
    let mut i = if data.starts_with(&[0xFF, 0xD8]) { 2 } else { data.len() };
    std::iter::from_fn(move || {
        while data.get(i..i + 2) == Some(&[0xFF, 0xFF]) {
            i += 1;
        }
        let &[0xFF, marker, hi, lo] = data.get(i..i + 4)? else {
            return None;
        };
        if marker == 0xDA || marker == 0xD9 {
            return None;
        }
        let end = i + 2 + usize::from(u16::from_be_bytes([hi, lo]));
        let body = data.get(i + 4..end)?;
        i = end;
        Some((marker, body))
    })
}

fn dim(n: usize) -> Result<u32, String> {
    u32::try_from(n).map_err(|_| format!("{n} pixels is more than Shrinkray handles"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shrink_keeps_at_least_the_needed_size() {
        // 4000×3000 to fit 1920: half size (2000×1500) is still larger than 1920×1440.
        assert_eq!(shrink_for(4000, 3000, 0.48), 2);
        // Just over half: no shrink, or the last step would enlarge.
        assert_eq!(shrink_for(4000, 3000, 0.51), 1);
        assert_eq!(shrink_for(4000, 3000, 0.05), 8);
        assert_eq!(shrink_for(4000, 3000, 0.2), 4);
        assert_eq!(shrink_for(4000, 3000, 1.0), 1);
        assert_eq!(shrink_for(4000, 3000, 2.0), 1);
    }

    #[test]
    fn orientation_is_read_from_exif() {
        let exif: &[u8] = &[
            b'E', b'x', b'i', b'f', 0, 0, b'I', b'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0,
            0, 0, 0, 0, 0,
        ];
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE1];
        jpeg.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
        jpeg.extend_from_slice(exif);
        jpeg.extend_from_slice(&[0xFF, 0xDA, 0, 2, 0xFF, 0xD9]);
        assert_eq!(orientation(&jpeg), Orientation::Rotate90);
        assert_eq!(orientation(&jpeg[..10]), Orientation::NoTransforms);
    }
}
