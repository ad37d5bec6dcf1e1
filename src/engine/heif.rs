//! HEIC and AVIF through libheif: decoding phone photos (HEVC) and AVIF (dav1d), and encoding AVIF (libaom).
//! libheif applies the container's rotation and mirroring while decoding, so pictures come out upright; the
//! EXIF orientation inside a HEIF file only repeats that and is reset with the rest of the metadata.

use image::{DynamicImage, RgbImage, RgbaImage};
use libheif_rs::{
    Channel, ColorProfile, ColorProfileRaw, ColorSpace, CompressionFormat, EncoderParameterValue, EncoderQuality,
    HeifContext, Image, LibHeif, RgbChroma, color_profile_types,
};

use super::encode::Tags;
use super::metadata::Metadata;

/// The size and alpha of a HEIF file's primary picture, upright, without decoding it.
pub(crate) fn header(data: &[u8]) -> Result<(u32, u32, bool), String> {
    let ctx = context(data)?;
    let handle = ctx.primary_image_handle().map_err(|e| e.message)?;
    Ok((handle.width(), handle.height(), handle.has_alpha_channel()))
}

/// A decoded HEIF picture: upright RGB or RGBA (16-bit when the file has more than 8 bits), its colour profile
/// and its metadata.
pub(crate) struct Picture {
    pub img: DynamicImage,
    pub icc: Option<Vec<u8>>,
    pub metadata: Metadata,
}

/// Decodes a HEIF file's primary picture. The caller has checked its size against the pixel limit and the
/// memory budget with [`header`].
pub(crate) fn decode(data: &[u8]) -> Result<Picture, String> {
    let lib = LibHeif::new();
    let ctx = context(data)?;
    let handle = ctx.primary_image_handle().map_err(|e| e.message)?;
    let alpha = handle.has_alpha_channel();
    // 10- and 12-bit pictures (AVIF, some HEIC) keep their precision as 16-bit samples.
    let deep = handle.luma_bits_per_pixel() > 8;
    let chroma = match (deep, alpha) {
        (false, false) => RgbChroma::Rgb,
        (false, true) => RgbChroma::Rgba,
        (true, false) => RgbChroma::HdrRgbLe,
        (true, true) => RgbChroma::HdrRgbaLe,
    };
    let decoded = lib
        .decode(&handle, ColorSpace::Rgb(chroma), None)
        .map_err(|e| e.message)?;
    let planes = decoded.planes();
    let plane = planes.interleaved.ok_or("the decoder gave no pixels")?;
    let channels = if alpha { 4 } else { 3 };
    let sample_bytes = if deep { 2 } else { 1 };
    let row = plane.width as usize * channels * sample_bytes;
    let mut bytes = Vec::with_capacity(row * plane.height as usize);
    for line in plane.data.chunks(plane.stride).take(plane.height as usize) {
        bytes.extend_from_slice(line.get(..row).ok_or("the decoder gave short rows")?);
    }
    let (w, h) = (plane.width, plane.height);
    let img = if deep {
        // Stretch N-bit samples to 16 bits, repeating the top bits in the bottom ones so white stays white.
        let bits = u32::from(plane.bits_per_pixel.clamp(9, 16));
        let samples: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|b| {
                let v = u32::from(u16::from_le_bytes([b[0], b[1]]));
                ((v << (16 - bits)) | (v >> (2 * bits).saturating_sub(16))) as u16
            })
            .collect();
        if alpha {
            image::ImageBuffer::from_raw(w, h, samples).map(DynamicImage::ImageRgba16)
        } else {
            image::ImageBuffer::from_raw(w, h, samples).map(DynamicImage::ImageRgb16)
        }
    } else if alpha {
        RgbaImage::from_raw(w, h, bytes).map(DynamicImage::ImageRgba8)
    } else {
        RgbImage::from_raw(w, h, bytes).map(DynamicImage::ImageRgb8)
    }
    .ok_or("the decoder gave fewer pixels than it promised")?;
    let icc = handle
        .color_profile_raw()
        .filter(|p| matches!(p.profile_type(), color_profile_types::PROF | color_profile_types::R_ICC))
        .map(|p| p.data);
    let mut metadata = Metadata::default();
    for block in handle.all_metadata() {
        if &block.item_type.0 == b"Exif" {
            // The block starts with the offset of the TIFF header after these four bytes.
            let offset = block
                .raw_data
                .get(..4)
                .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
            let tiff = offset.and_then(|o| block.raw_data.get(4usize.checked_add(o as usize)?..));
            metadata.exif = tiff.map(<[u8]>::to_vec);
        } else if block.content_type == "application/rdf+xml" {
            metadata.xmp = Some(block.raw_data);
        }
    }
    Ok(Picture { img, icc, metadata })
}

/// A context reading `data`. Our pixel limit is checked against the header before any decoding (by the
/// callers, with the size this reads); libheif's own default limits guard its parsing. Its limits are not
/// overridden: libheif-rs's limits struct is an older, shorter version than the embedded libheif's, which reads
/// past it (AddressSanitizer caught that on the first HEIF the fuzzer tried; `tests/data/fuzz/`).
fn context(data: &[u8]) -> Result<HeifContext<'_>, String> {
    let mut ctx = HeifContext::new().map_err(|e| e.message)?;
    // The job's pool already keeps every core busy with one image each.
    ctx.set_max_decoding_threads(1);
    ctx.read_bytes(data).map_err(|e| e.message)?;
    Ok(ctx)
}

/// Encodes `img` as AVIF at `quality` (0–100) and libaom `speed` (0 slowest … 9 fastest), with the profile
/// and metadata of `tags`. 16-bit and grey pictures are written as 8-bit colour.
pub(crate) fn encode_avif(img: &DynamicImage, quality: u8, speed: u8, tags: &Tags) -> Result<Vec<u8>, String> {
    let alpha = img.color().has_alpha();
    let rgb: DynamicImage = if alpha {
        DynamicImage::ImageRgba8(img.to_rgba8())
    } else {
        DynamicImage::ImageRgb8(img.to_rgb8())
    };
    let (w, h) = (rgb.width(), rgb.height());
    let chroma = if alpha { RgbChroma::Rgba } else { RgbChroma::Rgb };
    let mut image = Image::new(w, h, ColorSpace::Rgb(chroma)).map_err(|e| e.message)?;
    image
        .create_plane(Channel::Interleaved, w, h, 8)
        .map_err(|e| e.message)?;
    {
        let planes = image.planes_mut();
        let plane = planes.interleaved.ok_or("no plane to fill")?;
        let row = w as usize * if alpha { 4 } else { 3 };
        for (dst, src) in plane.data.chunks_mut(plane.stride).zip(rgb.as_bytes().chunks(row)) {
            dst[..row].copy_from_slice(src);
        }
    }
    if let Some(icc) = &tags.icc {
        image
            .set_color_profile_raw(&ColorProfileRaw::new(color_profile_types::PROF, icc.clone()))
            .map_err(|e| e.message)?;
    }
    let lib = LibHeif::new();
    let mut encoder = lib
        .encoder_for_format(CompressionFormat::Av1)
        .map_err(|e| format!("no AVIF encoder: {}", e.message))?;
    encoder
        .set_quality(EncoderQuality::Lossy(quality.min(100)))
        .map_err(|e| e.message)?;
    encoder
        .set_parameter_value("speed", EncoderParameterValue::Int(i32::from(speed.min(9))))
        .map_err(|e| e.message)?;
    // One thread per image: the job's pool already runs one image per core.
    let _ = encoder.set_parameter_value("threads", EncoderParameterValue::Int(1));
    let mut ctx = HeifContext::new().map_err(|e| e.message)?;
    let handle = ctx.encode_image(&image, &mut encoder, None).map_err(|e| e.message)?;
    if let Some(exif) = &tags.metadata.exif {
        ctx.add_exif_metadata(&handle, exif).map_err(|e| e.message)?;
    }
    if let Some(xmp) = &tags.metadata.xmp {
        ctx.add_xmp_metadata(&handle, xmp).map_err(|e| e.message)?;
    }
    ctx.write_to_bytes().map_err(|e| e.message)
}
