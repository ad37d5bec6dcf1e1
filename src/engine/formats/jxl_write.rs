//! Writing JPEG XL through the system's libjxl: pictures (lossy at a distance from the quality setting, or
//! lossless), and JPEGs stored whole, so that libjxl's JPEG reconstruction gives back their very bytes.

use std::ffi::{c_int, c_void};

use image::DynamicImage;

use super::libjxl::{self, Api, BasicInfo, ColorEncoding, FrameSettings, PixelFormat, RawEncoder};
use crate::engine::metadata::Tags;

/// The Butteraugli distance for a quality setting, as libjxl's `JxlEncoderDistanceFromQuality` (0.9) and
/// `cjxl -q` map it, so a quality means here what it means there (Debian 12's libjxl 0.7 lacks the function):
///
/// | quality | 100 | 95 | 90 | 85 | 80 | 75 | 70 | 60 | 50 | 30 | 10 | 1 |
/// |---|---|---|---|---|---|---|---|---|---|---|---|---|
/// | distance | 0 (lossless) | 0.55 | 1.0 | 1.45 | 1.9 | 2.35 | 2.8 | 3.7 | 4.6 | 6.4 | 15.3 | 23.9 |
pub(crate) fn distance(quality: u8) -> f32 {
    let q = f32::from(quality);
    if q >= 100.0 {
        0.0
    } else if q >= 30.0 {
        0.1 + (100.0 - q) * 0.09
    } else {
        53.0 / 3000.0 * q * q - 23.0 / 20.0 * q + 25.0
    }
}

/// One libjxl encoder, destroyed when dropped (also on every early return).
struct Encoder {
    api: &'static Api,
    raw: *mut RawEncoder,
}

impl Encoder {
    fn new() -> Result<Encoder, String> {
        let api = libjxl::api()?;
        // SAFETY: NULL asks for libjxl's own memory manager.
        let raw = unsafe { (api.JxlEncoderCreate)(std::ptr::null()) };
        if raw.is_null() {
            return Err("libjxl could not make an encoder".to_owned());
        }
        Ok(Encoder { api, raw })
    }

    /// `status` as a result, with libjxl's reason for a failure and what was being done.
    fn check(&self, status: c_int, doing: &str) -> Result<(), String> {
        if status == libjxl::SUCCESS {
            return Ok(());
        }
        // SAFETY: the encoder is alive.
        let code = unsafe { (self.api.JxlEncoderGetError)(self.raw) };
        Err(format!("libjxl could not {doing}: {}", libjxl::error_text(code)))
    }

    /// Frame settings at `effort` (1-9), owned by the encoder.
    fn frame_settings(&self, effort: u8) -> Result<*mut FrameSettings, String> {
        // SAFETY: the encoder is alive; NULL means libjxl's defaults.
        let settings = unsafe { (self.api.JxlEncoderFrameSettingsCreate)(self.raw, std::ptr::null()) };
        if settings.is_null() {
            return Err("libjxl could not make frame settings".to_owned());
        }
        // SAFETY: settings belong to this encoder.
        let status =
            unsafe { (self.api.JxlEncoderFrameSettingsSetOption)(settings, libjxl::SETTING_EFFORT, i64::from(effort)) };
        self.check(status, "set the effort")?;
        Ok(settings)
    }

    /// Runs the encoder to the end and returns the file.
    fn finish(self) -> Result<Vec<u8>, String> {
        // SAFETY: the encoder is alive.
        unsafe { (self.api.JxlEncoderCloseInput)(self.raw) };
        let mut out = vec![0u8; 64 << 10];
        let mut written = 0;
        loop {
            let mut next = out[written..].as_mut_ptr();
            let mut avail = out.len() - written;
            // SAFETY: `next` points at `avail` writable bytes of `out`.
            let status = unsafe { (self.api.JxlEncoderProcessOutput)(self.raw, &mut next, &mut avail) };
            written = out.len() - avail;
            match status {
                libjxl::NEED_MORE_OUTPUT => out.resize(out.len() * 2, 0),
                _ => {
                    self.check(status, "encode")?;
                    out.truncate(written);
                    return Ok(out);
                }
            }
        }
    }
}

impl Drop for Encoder {
    fn drop(&mut self) {
        // SAFETY: made by JxlEncoderCreate and destroyed once, here.
        unsafe { (self.api.JxlEncoderDestroy)(self.raw) };
    }
}

/// Encodes `img` at `quality` (100 is lossless) and `effort`, with the profile and metadata of `tags` (EXIF and
/// XMP as `Exif` and `xml ` boxes). Alpha is kept; 16-bit pictures stay 16-bit, floating-point ones become so.
pub(crate) fn encode(img: &DynamicImage, quality: u8, effort: u8, tags: &Tags) -> Result<Vec<u8>, String> {
    let img = samples(img);
    let (channels, grey, alpha) = (
        img.color().channel_count(),
        !img.color().has_color(),
        img.color().has_alpha(),
    );
    let bits = if img.color().bytes_per_pixel() / channels > 1 {
        16
    } else {
        8
    };
    let encoder = Encoder::new()?;
    let api = encoder.api;
    let boxes = boxes(tags);
    if !boxes.is_empty() {
        // SAFETY: the encoder is alive and nothing was added yet.
        encoder.check(unsafe { (api.JxlEncoderUseBoxes)(encoder.raw) }, "start its boxes")?;
    }
    let lossless = quality >= 100;
    // SAFETY: zero is a valid value for every field; libjxl then sets its defaults.
    let mut info: BasicInfo = unsafe { std::mem::zeroed() };
    // SAFETY: fills the struct it is given.
    unsafe { (api.JxlEncoderInitBasicInfo)(&mut info) };
    info.xsize = img.width();
    info.ysize = img.height();
    info.bits_per_sample = bits;
    info.num_color_channels = if grey { 1 } else { 3 };
    info.num_extra_channels = u32::from(alpha);
    info.alpha_bits = if alpha { bits } else { 0 };
    // Lossless keeps the samples as they are; lossy works in XYB, which is what makes it small.
    info.uses_original_profile = c_int::from(lossless);
    // SAFETY: the encoder is alive; the struct has the C layout.
    encoder.check(
        unsafe { (api.JxlEncoderSetBasicInfo)(encoder.raw, &info) },
        "take the image's size",
    )?;
    match &tags.icc {
        Some(icc) => {
            // SAFETY: `icc` is alive for the call; libjxl copies it.
            let status = unsafe { (api.JxlEncoderSetICCProfile)(encoder.raw, icc.as_ptr(), icc.len()) };
            encoder.check(status, "take the colour profile")?;
        }
        None => {
            let srgb = ColorEncoding::srgb(api, grey);
            // SAFETY: as above.
            let status = unsafe { (api.JxlEncoderSetColorEncoding)(encoder.raw, &srgb) };
            encoder.check(status, "take the colour space")?;
        }
    }
    for (kind, contents) in &boxes {
        // SAFETY: the box type is 4 bytes, the contents alive for the call; libjxl copies both.
        let status =
            unsafe { (api.JxlEncoderAddBox)(encoder.raw, kind.as_ptr(), contents.as_ptr(), contents.len(), 0) };
        encoder.check(status, "add the metadata")?;
    }
    if !boxes.is_empty() {
        // SAFETY: the encoder is alive.
        unsafe { (api.JxlEncoderCloseBoxes)(encoder.raw) };
    }
    let settings = encoder.frame_settings(effort)?;
    // SAFETY: settings belong to the encoder.
    let status = unsafe {
        if lossless {
            (api.JxlEncoderSetFrameLossless)(settings, 1)
        } else {
            (api.JxlEncoderSetFrameDistance)(settings, distance(quality))
        }
    };
    encoder.check(status, "set the quality")?;
    let format = PixelFormat {
        num_channels: u32::from(channels),
        data_type: if bits == 16 {
            libjxl::TYPE_UINT16
        } else {
            libjxl::TYPE_UINT8
        },
        endianness: libjxl::NATIVE_ENDIAN,
        align: 0,
    };
    let bytes = img.as_bytes();
    // SAFETY: `bytes` holds the whole picture in the layout `format` describes; libjxl copies it.
    let status =
        unsafe { (api.JxlEncoderAddImageFrame)(settings, &format, bytes.as_ptr().cast::<c_void>(), bytes.len()) };
    encoder.check(status, "take the picture")?;
    encoder.finish()
}

/// A JPEG XL that holds `jpeg` whole: its DCT coefficients recompressed, and what is needed to give back the
/// JPEG byte for byte (`djxl` does). libjxl carries the JPEG's EXIF and XMP over as boxes.
pub(crate) fn from_jpeg(jpeg: &[u8], effort: u8) -> Result<Vec<u8>, String> {
    let encoder = Encoder::new()?;
    let api = encoder.api;
    // SAFETY: the encoder is alive and nothing was added yet.
    encoder.check(
        unsafe { (api.JxlEncoderUseContainer)(encoder.raw, 1) },
        "use the container",
    )?;
    // SAFETY: as above.
    let status = unsafe { (api.JxlEncoderStoreJPEGMetadata)(encoder.raw, 1) };
    encoder.check(status, "keep the JPEG for reconstruction")?;
    let settings = encoder.frame_settings(effort)?;
    // SAFETY: `jpeg` is alive for the call; libjxl copies what it needs.
    let status = unsafe { (api.JxlEncoderAddJPEGFrame)(settings, jpeg.as_ptr(), jpeg.len()) };
    encoder.check(status, "take the JPEG")?;
    encoder.finish()
}

/// The picture with samples libjxl takes: 8 or 16 bits, as `image` lays them out.
fn samples(img: &DynamicImage) -> std::borrow::Cow<'_, DynamicImage> {
    use std::borrow::Cow;
    match img {
        DynamicImage::ImageRgb32F(_) => Cow::Owned(DynamicImage::ImageRgb16(img.to_rgb16())),
        DynamicImage::ImageRgba32F(_) => Cow::Owned(DynamicImage::ImageRgba16(img.to_rgba16())),
        other => Cow::Borrowed(other),
    }
}

/// The metadata boxes for `tags`: EXIF (after the 4-byte offset to its TIFF header the box format asks) and XMP.
fn boxes(tags: &Tags) -> Vec<([u8; 4], Vec<u8>)> {
    let mut boxes = Vec::new();
    if let Some(exif) = &tags.metadata.exif {
        boxes.push((*b"Exif", [&[0u8; 4][..], exif].concat()));
    }
    if let Some(xmp) = &tags.metadata.xmp {
        boxes.push((*b"xml ", xmp.clone()));
    }
    boxes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quality_maps_to_cjxl_distances() {
        assert_eq!(distance(100), 0.0);
        assert!((distance(90) - 1.0).abs() < 1e-6);
        assert!((distance(85) - 1.45).abs() < 1e-6);
        assert!((distance(30) - 6.4).abs() < 1e-5);
        assert!((distance(1) - 23.8677).abs() < 1e-3);
        // Lower quality, larger distance, all the way down.
        assert!((1..100).all(|q| distance(q) > distance(q + 1)));
    }
}
