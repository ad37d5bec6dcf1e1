//! Encoding a resized image into the bytes of an output file.

use std::borrow::Cow;
use std::io::Cursor;

use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::{DynamicImage, ImageEncoder, ImageFormat, RgbImage};

use crate::engine::formats::detect::InputFormat;
use crate::engine::jpeg_options::JpegOptions;
use crate::engine::metadata::Tags;
use crate::engine::settings::{OutputFormat, PngCompression, Settings};

/// The concrete encoder for one output, resolved from the settings and the input's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// JPEG at this quality, with these encoder options.
    Jpeg { quality: u8, options: JpegOptions },
    /// Lossless PNG at this compression level.
    Png { compression: PngCompression },
    /// Lossy WebP at this quality.
    WebP { quality: u8 },
    /// Lossless WebP.
    WebPLossless,
    /// AVIF at this quality and encoder speed.
    Avif { quality: u8, speed: u8 },
    /// JPEG XL at this quality (100: lossless) and encoder effort.
    Jxl { quality: u8, effort: u8 },
    /// JPEG XL holding whole the JPEG that `Jpeg { quality, options }` makes, at this encoder effort.
    JxlFromJpeg {
        quality: u8,
        options: JpegOptions,
        effort: u8,
    },
    /// GIF (256 colours).
    Gif,
    /// Uncompressed BMP.
    Bmp,
    /// TIFF.
    Tiff,
}

impl Encoding {
    /// What the settings give for an input of `input` format. `has_alpha` is asked only when "same as input"
    /// falls back for a format Shrinkray cannot write.
    pub fn resolve(settings: &Settings, input: InputFormat, has_alpha: impl FnOnce() -> bool) -> Self {
        Self::resolve_to(settings.format, settings, input, has_alpha)
    }

    /// What `format` gives for an input of `input` format, with the quality settings of `settings`.
    pub fn resolve_to(
        format: OutputFormat,
        settings: &Settings,
        input: InputFormat,
        has_alpha: impl FnOnce() -> bool,
    ) -> Self {
        let quality = settings.quality;
        let options = JpegOptions {
            progressive: settings.progressive,
            subsampling: settings.subsampling,
            encoder: settings.jpeg_encoder,
        };
        let avif = Self::Avif {
            quality,
            speed: settings.avif_speed,
        };
        let png = Self::Png {
            compression: settings.png_compression,
        };
        let effort = settings.jxl_effort;
        match format {
            OutputFormat::Jpeg => Self::Jpeg { quality, options },
            OutputFormat::Png => png,
            OutputFormat::WebP => Self::WebP { quality },
            OutputFormat::WebPLossless => Self::WebPLossless,
            OutputFormat::Avif => avif,
            OutputFormat::Jxl => Self::Jxl { quality, effort },
            OutputFormat::JxlFromJpeg => Self::JxlFromJpeg {
                quality,
                options,
                effort,
            },
            OutputFormat::Tiff => Self::Tiff,
            OutputFormat::Bmp => Self::Bmp,
            OutputFormat::Gif => Self::Gif,
            OutputFormat::SameAsInput => match input {
                InputFormat::Image(ImageFormat::Jpeg) => Self::Jpeg { quality, options },
                InputFormat::Image(ImageFormat::Png) => png,
                InputFormat::Image(ImageFormat::WebP) => Self::WebP { quality },
                InputFormat::Image(ImageFormat::Gif) => Self::Gif,
                InputFormat::Image(ImageFormat::Bmp) => Self::Bmp,
                InputFormat::Image(ImageFormat::Tiff) => Self::Tiff,
                InputFormat::Avif | InputFormat::Image(ImageFormat::Avif) if cfg!(feature = "heif") => avif,
                InputFormat::Jxl if jxl_writable() => Self::Jxl { quality, effort },
                // HEIC cannot be written (its encoder is patent-encumbered); JPEG is what people want of it.
                _ if has_alpha() => png,
                _ => Self::Jpeg { quality, options },
            },
        }
    }

    /// Whether `input` needs its header read to resolve "same as input" (for its alpha channel).
    pub fn needs_alpha_probe(format: OutputFormat, input: InputFormat) -> bool {
        format == OutputFormat::SameAsInput
            && !matches!(
                input,
                InputFormat::Image(
                    ImageFormat::Jpeg
                        | ImageFormat::Png
                        | ImageFormat::WebP
                        | ImageFormat::Gif
                        | ImageFormat::Bmp
                        | ImageFormat::Tiff
                ) | InputFormat::Avif
            )
            && !(input == InputFormat::Jxl && jxl_writable())
    }

    /// The format written, as an input format (to compare with the input's).
    pub fn format(self) -> InputFormat {
        InputFormat::Image(match self {
            Self::Jpeg { .. } => ImageFormat::Jpeg,
            Self::Png { .. } => ImageFormat::Png,
            Self::WebP { .. } | Self::WebPLossless => ImageFormat::WebP,
            Self::Avif { .. } => return InputFormat::Avif,
            Self::Jxl { .. } | Self::JxlFromJpeg { .. } => return InputFormat::Jxl,
            Self::Gif => ImageFormat::Gif,
            Self::Bmp => ImageFormat::Bmp,
            Self::Tiff => ImageFormat::Tiff,
        })
    }

    /// The extension given to new files of this format.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Jpeg { .. } => "jpg",
            Self::Png { .. } => "png",
            Self::WebP { .. } | Self::WebPLossless => "webp",
            Self::Avif { .. } => "avif",
            Self::Jxl { .. } | Self::JxlFromJpeg { .. } => "jxl",
            Self::Gif => "gif",
            Self::Bmp => "bmp",
            Self::Tiff => "tif",
        }
    }

    /// The quality a lossy encoding uses.
    pub fn quality(self) -> Option<u8> {
        match self {
            Self::Jpeg { quality, .. }
            | Self::WebP { quality }
            | Self::Avif { quality, .. }
            | Self::Jxl { quality, .. }
            | Self::JxlFromJpeg { quality, .. } => Some(quality),
            // Every lossless format by name, so that a new format is a compile error here until it answers.
            Self::Png { .. } | Self::WebPLossless | Self::Gif | Self::Bmp | Self::Tiff => None,
        }
    }

    /// The same encoding at another quality (lossless ones are unchanged).
    pub fn with_quality(self, quality: u8) -> Self {
        match self {
            Self::Jpeg { options, .. } => Self::Jpeg { quality, options },
            Self::WebP { .. } => Self::WebP { quality },
            Self::Avif { speed, .. } => Self::Avif { quality, speed },
            Self::Jxl { effort, .. } => Self::Jxl { quality, effort },
            Self::JxlFromJpeg { options, effort, .. } => Self::JxlFromJpeg {
                quality,
                options,
                effort,
            },
            lossless @ (Self::Png { .. } | Self::WebPLossless | Self::Gif | Self::Bmp | Self::Tiff) => lossless,
        }
    }

    /// Encodes `img` (any colour type) into a new buffer, with the colour profile (byte for byte) and metadata
    /// of `tags` where the format can hold them: the profile in JPEG, PNG, WebP, AVIF, JPEG XL and TIFF; EXIF
    /// and XMP in JPEG, PNG, WebP, AVIF, JPEG XL and TIFF; IPTC in JPEG (and the JPEG inside `JxlFromJpeg`). Alpha is flattened onto `background` (RGB) where the format has none; 16-bit
    /// images become 8-bit where the format has no 16 bits.
    pub(crate) fn encode(self, img: &DynamicImage, tags: &Tags, background: [u8; 3]) -> Result<Vec<u8>, String> {
        let mut out = Vec::with_capacity(estimate(img));
        let icc = tags.icc.as_deref();
        match self {
            Self::Jpeg { quality, options } => {
                encode_jpeg(img, quality, options, background, &mut out)?;
                crate::engine::formats::jpeg::embed_tags(&mut out, tags);
            }
            Self::Png { compression } => {
                let level = match compression {
                    PngCompression::Fast => CompressionType::Fast,
                    PngCompression::Balanced => CompressionType::Default,
                    PngCompression::Best => CompressionType::Best,
                };
                let mut encoder = PngEncoder::new_with_quality(&mut out, level, PngFilter::Adaptive);
                with_icc(&mut encoder, icc)?;
                img.write_with_encoder(encoder).map_err(|e| e.to_string())?;
                tags.metadata.insert_into_png(&mut out);
            }
            Self::WebPLossless => encode_webp(img, tags, &mut out)?,
            Self::WebP { quality } => out = crate::engine::formats::webp::encode_lossy(img, quality, tags)?,
            Self::Avif { quality, speed } => out = encode_avif(img, quality, speed, tags)?,
            Self::Jxl { quality, effort } => {
                let icc = tags
                    .icc
                    .clone()
                    .filter(|p| crate::engine::metadata::colour::fits(p, img));
                let tags = Tags {
                    icc,
                    metadata: tags.metadata.clone(),
                };
                out = encode_jxl(img, quality, effort, &tags)?
            }
            Self::JxlFromJpeg {
                quality,
                options,
                effort,
            } => {
                encode_jpeg(img, quality, options, background, &mut out)?;
                crate::engine::formats::jpeg::embed_tags(&mut out, tags);
                out = jxl_from_jpeg(&out, effort)?
            }
            Self::Gif => {
                DynamicImage::ImageRgba8(img.to_rgba8())
                    .write_to(&mut Cursor::new(&mut out), ImageFormat::Gif)
                    .map_err(|e| e.to_string())?;
            }
            Self::Bmp => {
                let img = to_8bit(img);
                img.write_to(&mut Cursor::new(&mut out), ImageFormat::Bmp)
                    .map_err(|e| e.to_string())?;
            }
            Self::Tiff => {
                out = crate::engine::formats::tiff::encode(
                    img,
                    icc.filter(|p| crate::engine::metadata::colour::fits(p, img)),
                    &tags.metadata,
                )?
            }
        }
        Ok(out)
    }
}

#[cfg(feature = "heif")]
fn encode_avif(img: &DynamicImage, quality: u8, speed: u8, tags: &Tags) -> Result<Vec<u8>, String> {
    crate::engine::formats::heif::encode_avif(img, quality, speed, tags)
}

#[cfg(not(feature = "heif"))]
fn encode_avif(_: &DynamicImage, _: u8, _: u8, _: &Tags) -> Result<Vec<u8>, String> {
    Err("AVIF support is not built in".to_owned())
}

/// Whether JPEG XL copies can be made here: the `jxl` feature is built in and the system's libjxl loads. "Same
/// as input" makes JPEG (or PNG) of JPEG XL inputs otherwise, as of any format Shrinkray cannot write.
fn jxl_writable() -> bool {
    #[cfg(feature = "jxl")]
    return crate::engine::formats::libjxl::api().is_ok();
    #[cfg(not(feature = "jxl"))]
    return false;
}

#[cfg(feature = "jxl")]
fn encode_jxl(img: &DynamicImage, quality: u8, effort: u8, tags: &Tags) -> Result<Vec<u8>, String> {
    crate::engine::formats::jxl_write::encode(img, quality, effort, tags)
}

#[cfg(not(feature = "jxl"))]
fn encode_jxl(_: &DynamicImage, _: u8, _: u8, _: &Tags) -> Result<Vec<u8>, String> {
    Err("JPEG XL writing is not built in".to_owned())
}

/// The JPEG XL that holds `jpeg` whole.
#[cfg(feature = "jxl")]
pub(crate) fn jxl_from_jpeg(jpeg: &[u8], effort: u8) -> Result<Vec<u8>, String> {
    crate::engine::formats::jxl_write::from_jpeg(jpeg, effort)
}

/// The JPEG XL that holds `jpeg` whole.
#[cfg(not(feature = "jxl"))]
pub(crate) fn jxl_from_jpeg(_: &[u8], _: u8) -> Result<Vec<u8>, String> {
    Err("JPEG XL writing is not built in".to_owned())
}

/// Lossless WebP through image-webp directly, which (unlike `image`'s wrapper) also writes XMP.
fn encode_webp(img: &DynamicImage, tags: &Tags, out: &mut Vec<u8>) -> Result<(), String> {
    use image_webp::ColorType as C;
    let img = to_8bit(img);
    let color = match &*img {
        DynamicImage::ImageLuma8(_) => C::L8,
        DynamicImage::ImageLumaA8(_) => C::La8,
        DynamicImage::ImageRgba8(_) => C::Rgba8,
        _ => C::Rgb8,
    };
    let mut encoder = image_webp::WebPEncoder::new(out);
    if let Some(icc) = &tags.icc {
        encoder.set_icc_profile(icc.clone());
    }
    if let Some(exif) = &tags.metadata.exif {
        encoder.set_exif_metadata(exif.clone());
    }
    if let Some(xmp) = &tags.metadata.xmp {
        encoder.set_xmp_metadata(xmp.clone());
    }
    encoder
        .encode(img.as_bytes(), img.width(), img.height(), color)
        .map_err(|e| e.to_string())
}

fn with_icc(encoder: &mut impl ImageEncoder, icc: Option<&[u8]>) -> Result<(), String> {
    match icc {
        Some(icc) => encoder
            .set_icc_profile(icc.to_vec())
            .map_err(|e| format!("the colour profile cannot be written: {e}")),
        None => Ok(()),
    }
}

fn estimate(img: &DynamicImage) -> usize {
    // A quarter of the raw size is generous for JPEG and a fair start for the lossless formats.
    (img.width() as usize * img.height() as usize * 3) / 4
}

fn encode_jpeg(
    img: &DynamicImage,
    quality: u8,
    options: JpegOptions,
    background: [u8; 3],
    out: &mut Vec<u8>,
) -> Result<(), String> {
    if img.width() > 65535 || img.height() > 65535 {
        return Err(format!(
            "{}×{} pixels is more than JPEG's limit of 65535 a side",
            img.width(),
            img.height()
        ));
    }
    let converted = match img {
        DynamicImage::ImageLuma8(_) | DynamicImage::ImageRgb8(_) => None,
        DynamicImage::ImageLuma16(_) => Some(DynamicImage::ImageLuma8(img.to_luma8())),
        other if !other.color().has_alpha() => Some(DynamicImage::ImageRgb8(other.to_rgb8())),
        other => Some(DynamicImage::ImageRgb8(flatten(other, background))),
    };
    *out = crate::engine::formats::jpeg::encode(converted.as_ref().unwrap_or(img), quality, options)?;
    Ok(())
}

/// Composites straight alpha over an opaque `background`, for formats without an alpha channel.
fn flatten(img: &DynamicImage, background: [u8; 3]) -> RgbImage {
    let rgba = img.to_rgba8();
    let mut rgb = RgbImage::new(rgba.width(), rgba.height());
    for (dst, src) in rgb.pixels_mut().zip(rgba.pixels()) {
        let a = u32::from(src.0[3]);
        for ((d, &v), &b) in dst.0.iter_mut().zip(&src.0[..3]).zip(&background) {
            let (v, b) = (u32::from(v), u32::from(b));
            *d = ((v * a + b * (255 - a) + 127) / 255) as u8;
        }
    }
    rgb
}

fn to_8bit(img: &DynamicImage) -> Cow<'_, DynamicImage> {
    match img {
        DynamicImage::ImageLuma8(_)
        | DynamicImage::ImageLumaA8(_)
        | DynamicImage::ImageRgb8(_)
        | DynamicImage::ImageRgba8(_) => Cow::Borrowed(img),
        other if other.color().has_alpha() => Cow::Owned(DynamicImage::ImageRgba8(other.to_rgba8())),
        other => Cow::Owned(DynamicImage::ImageRgb8(other.to_rgb8())),
    }
}
