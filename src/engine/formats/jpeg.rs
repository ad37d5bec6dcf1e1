//! JPEG through libjpeg-turbo: decoding straight at 1/2, 1/4 or 1/8 scale inside the inverse DCT
//! ("shrink-on-load"), and SIMD encoding with optimised Huffman tables. Both are several times faster than
//! decoding every pixel of a 12 MP photo only to throw most of them away.

use image::{DynamicImage, GrayImage, RgbImage};
use turbojpeg::{Colorspace, Compressor, Image, PixelFormat, ScalingFactor, Subsamp, YuvImage};

// libjpeg-turbo's handles hold their working memory, so each worker thread keeps one of each (in `codecs`,
// which drops them after any failure).
use crate::engine::codecs::with_decompressor;
use crate::engine::formats::jpegli;
use crate::engine::jpeg_options::{JpegEncoder, JpegOptions, Subsampling};
use crate::engine::metadata::Tags;
use crate::engine::metadata::jpeg_segments::{icc_to_segments, insert_segments};

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
    let pick = |c| {
        if c == Colorspace::Gray {
            PixelFormat::GRAY
        } else {
            PixelFormat::RGB
        }
    };
    let (width, height, format, pixels) = decompress(data, shrink, max_alloc, pick)?;
    let img = if format == PixelFormat::GRAY {
        GrayImage::from_raw(width, height, pixels).map(DynamicImage::ImageLuma8)
    } else {
        RgbImage::from_raw(width, height, pixels).map(DynamicImage::ImageRgb8)
    };
    img.ok_or_else(|| "the decoder returned fewer pixels than its header promised".to_owned())
}

/// Decodes a CMYK or YCCK JPEG at 1/`shrink` scale into its ink values, four bytes a pixel, as stored
/// (inverted in files with Adobe's segment), for a colour profile to turn into RGB.
pub(crate) fn decode_cmyk(data: &[u8], shrink: u32, max_alloc: u64) -> Result<(u32, u32, Vec<u8>), String> {
    let (width, height, _, pixels) = decompress(data, shrink, max_alloc, |_| PixelFormat::CMYK)?;
    Ok((width, height, pixels))
}

/// Decodes into the pixel format `pick` chooses for the file's colour space.
fn decompress(
    data: &[u8],
    shrink: u32,
    max_alloc: u64,
    pick: impl FnOnce(Colorspace) -> PixelFormat,
) -> Result<(u32, u32, PixelFormat, Vec<u8>), String> {
    with_decompressor(|d| {
        let h = d.read_header(data).map_err(|e| e.to_string())?;
        let format = pick(h.colorspace);
        let factor = ScalingFactor::new(1, shrink as usize);
        d.set_scaling_factor(factor).map_err(|e| e.to_string())?;
        let scaled = h.scaled(factor);
        let (width, height) = (dim(scaled.width)?, dim(scaled.height)?);
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
        Ok((width, height, format, pixels))
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

/// Encodes planes as they are (no colour conversion or resampling) at `quality` with optimised Huffman tables,
/// progressive when asked.
pub(crate) fn encode_planes(planes: YuvImage<&[u8]>, quality: u8, progressive: bool) -> Result<Vec<u8>, String> {
    with_compressor(quality, planes.subsamp, progressive, |c| c.compress_yuv_to_vec(planes))
}

/// Encodes 8-bit grey or RGB pixels at `quality` with optimised Huffman tables, the chroma subsampling, scan
/// order and encoder of `options` (libjpeg-turbo unless it names jpegli: `Auto` is settled before here).
pub(crate) fn encode(img: &DynamicImage, quality: u8, options: JpegOptions) -> Result<Vec<u8>, String> {
    let (pixels, format) = match img {
        DynamicImage::ImageLuma8(grey) => (grey.as_raw(), PixelFormat::GRAY),
        DynamicImage::ImageRgb8(rgb) => (rgb.as_raw(), PixelFormat::RGB),
        _ => return Err("internal: JPEG encoding needs 8-bit grey or RGB pixels".to_owned()),
    };
    if options.encoder == JpegEncoder::Jpegli {
        let pixels = jpegli::Pixels {
            data: pixels.as_slice(),
            width: img.width(),
            height: img.height(),
            grey: format == PixelFormat::GRAY,
        };
        // jpegli is tuned for full colour: its `auto` is 4:4:4 at every quality (see `look`).
        let subsampling = match options.subsampling {
            Subsampling::Auto => Subsampling::S444,
            chosen => chosen,
        };
        return jpegli::encode(&pixels, quality, subsampling, options.progressive);
    }
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
        options.subsamp(quality)
    };
    with_compressor(quality, subsamp, options.progressive, |c| c.compress_to_vec(image))
}

fn with_compressor(
    quality: u8,
    subsamp: Subsamp,
    progressive: bool,
    f: impl FnOnce(&mut Compressor) -> turbojpeg::Result<Vec<u8>>,
) -> Result<Vec<u8>, String> {
    // The compressor is kept across images: every parameter is set again for each one.
    crate::engine::codecs::with_compressor(|c| {
        c.set_quality(i32::from(quality.clamp(1, 100)))
            .map_err(|e| e.to_string())?;
        c.set_subsamp(subsamp).map_err(|e| e.to_string())?;
        c.set_optimize(true).map_err(|e| e.to_string())?;
        c.set_progressive(progressive).map_err(|e| e.to_string())?;
        f(c).map_err(|e| e.to_string())
    })
}

/// Carries a copy's colour profile (byte for byte: without it an Adobe RGB or Display P3 photo would look
/// washed out) and metadata into its encoded JPEG: EXIF first, as the EXIF standard asks, then the profile,
/// XMP and IPTC.
pub(crate) fn embed_tags(jpeg: &mut Vec<u8>, tags: &Tags) {
    let (mut raw, rest) = tags.metadata.jpeg_segments();
    if let Some(icc) = &tags.icc {
        raw.extend_from_slice(&icc_to_segments(icc));
    }
    raw.extend_from_slice(&rest);
    insert_segments(jpeg, &raw);
}

fn dim(n: usize) -> Result<u32, String> {
    u32::try_from(n).map_err(|_| format!("{n} pixels is more than Shrinkray handles"))
}

/// `data` with its entropy coding redone: optimised Huffman tables (and progressive scans when asked), the DCT
/// coefficients and every marker (EXIF, ICC, XMP, comments) as they were, so the pixels decode bit for bit the
/// same. The result is decoded once, strictly, so a damaged file fails here as it would on the usual path.
pub(crate) fn optimize_losslessly(data: &[u8], progressive: bool, max_alloc: u64) -> Result<Vec<u8>, String> {
    let mut transform = turbojpeg::Transform::op(turbojpeg::TransformOp::None);
    transform.optimize = true;
    transform.progressive = progressive;
    let optimized = turbojpeg::Transformer::new()
        .and_then(|mut t| t.transform_to_vec(&transform, data))
        .map_err(|e| e.to_string())?;
    // An eighth of the size still reads every coefficient: corruption shows, at a fraction of the work.
    decode(&optimized, 8, max_alloc)?;
    Ok(optimized)
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
}
