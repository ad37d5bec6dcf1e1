//! Reading and decoding an input under the limits, upright: JPEG through libjpeg-turbo (shrunk on load),
//! HEIC and AVIF through libheif, JPEG XL through jxl-oxide (`decode_jxl`), the rest through the `image` crate.

use std::io::{BufRead, Cursor, Read as _, Seek};
use std::path::Path;

use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};

use super::input::{Decoded, Source, check_pixels, image_limits, open_input, read};
use crate::engine::budget::Budget;
use crate::engine::codecs::isolated_file;
use crate::engine::error::ImageError;
use crate::engine::formats::detect::InputFormat;
use crate::engine::formats::jpeg;
use crate::engine::metadata::colour;
use crate::engine::metadata::jpeg_segments;
use crate::engine::metadata::{Metadata, Tags};
use crate::engine::settings::Limits;

/// Reads and decodes a file under the limits, then turns it upright by its EXIF orientation. `scale` tells,
/// from the upright full size, how large the result will end up relative to it; decoders that can shrink
/// while decoding (JPEG) do so as far as that allows, the rest decode in full.
pub(crate) fn decode<'b>(
    path: &Path,
    format: InputFormat,
    limits: &Limits,
    scale: impl FnOnce(u32, u32) -> f64,
    budget: &'b Budget,
) -> Result<Decoded<'b>, ImageError> {
    match format {
        InputFormat::Image(ImageFormat::Jpeg) => {
            let (data, frame) = jpeg_input(read(path, limits)?, limits, path)?;
            decode_jpeg(data, &frame, path, limits, scale, budget)
        }
        f if f.is_heif() => decode_heif(read(path, limits)?, path, f, limits, budget),
        InputFormat::Jxl => super::decode_jxl::decode_jxl(read(path, limits)?, path, limits, budget),
        InputFormat::Image(f) => decode_other(Source::File, path, f, limits, budget),
        f => Err(ImageError::Unsupported {
            format: f.name(),
            path: path.to_owned(),
        }),
    }
}

/// The upright size and alpha of a HEIC or AVIF file, from its header.
#[cfg(feature = "heif")]
pub(crate) fn heif_header(path: &Path, format: InputFormat, limits: &Limits) -> Result<(u32, u32, bool), ImageError> {
    let data = read(path, limits)?;
    let header = crate::engine::formats::heif::header(&data).map_err(|why| heif_error(why, format, path))?;
    check_pixels(header.0, header.1, limits, path)?;
    Ok(header)
}

#[cfg(not(feature = "heif"))]
pub(crate) fn heif_header(path: &Path, format: InputFormat, _: &Limits) -> Result<(u32, u32, bool), ImageError> {
    Err(ImageError::NotBuiltIn {
        format: format.name(),
        path: path.to_owned(),
    })
}

/// Decodes a HEIC or AVIF file already read, through libheif, upright.
#[cfg(feature = "heif")]
pub(super) fn decode_heif<'b>(
    data: Vec<u8>,
    path: &Path,
    format: InputFormat,
    limits: &Limits,
    budget: &'b Budget,
) -> Result<Decoded<'b>, ImageError> {
    let (w, h, alpha) = crate::engine::formats::heif::header(&data).map_err(|why| heif_error(why, format, path))?;
    check_pixels(w, h, limits, path)?;
    // libheif's own planes (YCbCr) and the interleaved copy made of them, at up to 2 bytes a sample.
    let pixels = u64::from(w) * u64::from(h);
    let hold = budget.hold(data.len() as u64 + pixels * 2 * (3 + if alpha { 4 } else { 3 }));
    let picture = crate::engine::formats::heif::decode(&data).map_err(|why| heif_error(why, format, path))?;
    Ok(Decoded::full(picture.img, picture.icc, picture.metadata, hold))
}

#[cfg(not(feature = "heif"))]
pub(super) fn decode_heif<'b>(
    _: Vec<u8>,
    path: &Path,
    format: InputFormat,
    _: &Limits,
    _: &'b Budget,
) -> Result<Decoded<'b>, ImageError> {
    Err(ImageError::NotBuiltIn {
        format: format.name(),
        path: path.to_owned(),
    })
}

#[cfg(feature = "heif")]
fn heif_error(why: String, format: InputFormat, path: &Path) -> ImageError {
    if why.contains("security limit") || why.contains("exceeds the maximum") {
        return ImageError::Codec {
            format: format.name(),
            why: format!("the image is larger than the limit: {why}"),
            path: path.to_owned(),
        };
    }
    ImageError::Codec {
        format: format.name(),
        why,
        path: path.to_owned(),
    }
}

/// Decodes a format other than JPEG; from a file it is streamed, so its compressed data is never held whole.
pub(super) fn decode_other<'b>(
    source: Source,
    path: &Path,
    format: ImageFormat,
    limits: &Limits,
    budget: &'b Budget,
) -> Result<Decoded<'b>, ImageError> {
    match source {
        Source::File => decode_with_image(open_input(path)?, 0, path, format, limits, budget),
        Source::Bytes(data) => {
            let held = data.len() as u64;
            decode_with_image(Cursor::new(data), held, path, format, limits, budget)
        }
    }
}

/// Decodes with the `image` crate's decoders; `held_data` is what the caller keeps in memory meanwhile.
fn decode_with_image<'b, R: BufRead + Seek>(
    reader: R,
    held_data: u64,
    path: &Path,
    format: ImageFormat,
    limits: &Limits,
    budget: &'b Budget,
) -> Result<Decoded<'b>, ImageError> {
    let decode_err = |source| ImageError::Decode {
        source,
        path: path.to_owned(),
    };
    let mut reader = reader;
    let through_profile = if format == ImageFormat::Tiff {
        super::cmyk::tiff_to_srgb(&mut reader, limits, budget).map_err(|why| ImageError::Codec {
            format: "TIFF".to_owned(),
            why,
            path: path.to_owned(),
        })?
    } else {
        None
    };
    let mut reader = ImageReader::with_format(reader, format);
    reader.limits(image_limits(limits, format));
    let mut decoder = reader.into_decoder().map_err(decode_err)?;
    let (width, height) = decoder.dimensions();
    check_pixels(width, height, limits, path)?;
    // A broken orientation tag is no reason to lose the picture: it then counts as upright.
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    // A profile that cannot be read is no reason to lose the picture.
    let mut icc = decoder.icc_profile().ok().flatten();
    let metadata = Metadata::from_decoder(&mut decoder);
    let (mut img, hold) = match through_profile {
        Some((rgb, hold)) => {
            // The CMYK profile cannot describe the RGB copy; the colours are now sRGB's.
            icc = Some(colour::srgb_profile().to_vec());
            (rgb, hold)
        }
        None => {
            let hold = budget.hold(held_data + pixel_bytes(decoder.total_bytes(), orientation));
            (DynamicImage::from_decoder(decoder).map_err(decode_err)?, hold)
        }
    };
    img.apply_orientation(orientation);
    Ok(Decoded {
        full_size: (img.width(), img.height()),
        img,
        found: Tags { icc, metadata },
        note: None,
        _hold: hold,
    })
}

/// Memory for decoded pixels of `bytes`, counting the copy that turning them upright makes.
fn pixel_bytes(bytes: u64, orientation: Orientation) -> u64 {
    if orientation == Orientation::NoTransforms {
        bytes
    } else {
        bytes.saturating_mul(2)
    }
}

/// What a JPEG's header segments say, checked against the pixel limit before any pixel is decoded.
pub(crate) struct JpegFrame {
    /// The frame header.
    pub header: jpeg::Header,
    /// The EXIF orientation (upright when absent or invalid).
    pub orientation: Orientation,
    /// The size once turned upright.
    pub upright: (u32, u32),
    /// The file had no end marker, and one was added to the data: a decoding error then means the file really
    /// stops early.
    pub unended: bool,
}

/// The note of a copy made from a JPEG whose end marker was missing.
pub(crate) const UNENDED: &str = "the file has no end marker (EOI), though all its image data is there";

/// `data` with a JPEG end marker (`FF D9`) added when it has none after its first scan, and whether one was.
/// Some cameras and tools write complete JPEGs without it; decoding is strict, so a file that really stops
/// early still fails, where libjpeg-turbo's own reading of a missing end would only warn.
pub(crate) fn with_end_marker(mut data: Vec<u8>) -> (Vec<u8>, bool) {
    // Nearly every JPEG ends with its marker: only the others are walked, segment by segment.
    if !data.starts_with(&[0xFF, 0xD8]) || data.ends_with(&[0xFF, 0xD9]) || jpeg_segments::jpeg_is_complete(&data) {
        return (data, false);
    }
    data.extend_from_slice(&[0xFF, 0xD9]);
    // Only a file that reaches its image data is helped by the marker.
    if jpeg_segments::jpeg_is_complete(&data) {
        (data, true)
    } else {
        data.truncate(data.len() - 2);
        (data, false)
    }
}

/// A JPEG's data, its end marker added when missing (`with_end_marker`), and its [`JpegFrame`].
pub(crate) fn jpeg_input(data: Vec<u8>, limits: &Limits, path: &Path) -> Result<(Vec<u8>, JpegFrame), ImageError> {
    let (data, unended) = with_end_marker(data);
    let frame = jpeg_frame(&data, limits, path)?;
    Ok((data, JpegFrame { unended, ..frame }))
}

/// Reads a JPEG's [`JpegFrame`].
pub(crate) fn jpeg_frame(data: &[u8], limits: &Limits, path: &Path) -> Result<JpegFrame, ImageError> {
    let header = jpeg::header(data).map_err(|why| jpeg_error(why, path))?;
    check_pixels(header.width, header.height, limits, path)?;
    let orientation = jpeg_segments::orientation(data);
    let upright = if turns(orientation) {
        (header.height, header.width)
    } else {
        (header.width, header.height)
    };
    Ok(JpegFrame {
        header,
        orientation,
        upright,
        unended: false,
    })
}

/// Decodes a JPEG already read: libjpeg-turbo with shrink-on-load for grey and colour, the `image` crate for
/// CMYK and YCCK, which libjpeg-turbo cannot turn into RGB.
pub(super) fn decode_jpeg<'b>(
    data: Vec<u8>,
    frame: &JpegFrame,
    path: &Path,
    limits: &Limits,
    scale: impl FnOnce(u32, u32) -> f64,
    budget: &'b Budget,
) -> Result<Decoded<'b>, ImageError> {
    let held_data = data.len() as u64;
    if !frame.header.decodable {
        if frame.unended || !jpeg_segments::jpeg_is_complete(&data) {
            // zune-jpeg fills a cut-off picture with grey and calls it a success; a half-grey copy is worse
            // than a clear error.
            return Err(ImageError::Truncated { path: path.to_owned() });
        }
        if let Some(icc) = super::cmyk::profile(&data) {
            let pixels = u64::from(frame.header.width) * u64::from(frame.header.height);
            // Four bytes of ink and three of colour a pixel.
            let hold = budget.hold(held_data + pixel_bytes(pixels * 7, frame.orientation));
            let converted = super::cmyk::to_srgb(&data, &icc, limits.max_alloc).map_err(|why| jpeg_error(why, path))?;
            if let Some(rgb) = converted {
                let mut img = DynamicImage::ImageRgb8(rgb);
                img.apply_orientation(frame.orientation);
                // The CMYK profile cannot describe the RGB copy; the colours are now sRGB's.
                let found = Tags {
                    icc: Some(colour::srgb_profile().to_vec()),
                    metadata: Metadata::from_jpeg(&data),
                };
                let full_size = frame.upright;
                return Ok(Decoded {
                    img,
                    full_size,
                    found,
                    note: None,
                    _hold: hold,
                });
            }
        }
        return decode_with_image(Cursor::new(data), held_data, path, ImageFormat::Jpeg, limits, budget);
    }
    let (w, h) = frame.upright;
    let (fw, fh) = (frame.header.width, frame.header.height);
    let shrink = jpeg::shrink_for(fw, fh, scale(w, h) * jpeg::FILTER_MARGIN);
    let pixels = u64::from(fw.div_ceil(shrink)) * u64::from(fh.div_ceil(shrink));
    let hold = budget.hold(held_data + pixel_bytes(pixels * 3, frame.orientation));
    let mut img = jpeg::decode(&data, shrink, limits.max_alloc).map_err(|why| match frame.unended {
        // The added end marker did not make the file whole: it stops early.
        true => ImageError::Truncated { path: path.to_owned() },
        false => jpeg_error(why, path),
    })?;
    let icc = jpeg_segments::icc_profile(&data);
    let metadata = Metadata::from_jpeg(&data);
    drop(data);
    img.apply_orientation(frame.orientation);
    Ok(Decoded {
        img,
        full_size: frame.upright,
        found: Tags { icc, metadata },
        note: frame.unended.then_some(UNENDED),
        _hold: hold,
    })
}

/// libjpeg-turbo's complaint as the error a user reads: a cut-off file is called truncated.
pub(crate) fn jpeg_error(why: String, path: &Path) -> ImageError {
    if why.contains("Premature end") {
        return ImageError::Truncated { path: path.to_owned() };
    }
    // The library's name says nothing to a user; its own message (lower-cased to read as a clause) does.
    let why = why.strip_prefix("TurboJPEG error: ").unwrap_or(&why);
    let mut chars = why.chars();
    let why = match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => "the data is corrupt".to_owned(),
    };
    ImageError::Jpeg {
        why,
        path: path.to_owned(),
    }
}

/// Whether an EXIF orientation swaps width and height.
pub(crate) fn turns(orientation: Orientation) -> bool {
    matches!(
        orientation,
        Orientation::Rotate90 | Orientation::Rotate270 | Orientation::Rotate90FlipH | Orientation::Rotate270FlipH
    )
}

/// The format of a file Shrinkray can read, told by its first bytes.
pub(super) fn sniff_file(path: &Path) -> Result<InputFormat, ImageError> {
    let mut head = Vec::with_capacity(64);
    crate::engine::storage::open(path)
        .and_then(|f| std::io::Read::take(f, 64).read_to_end(&mut head))
        .map_err(|source| ImageError::Read {
            source,
            path: path.to_owned(),
        })?;
    InputFormat::sniff(&head, path)
        .filter(|f| f.readable())
        .ok_or_else(|| ImageError::NotAnImage { path: path.to_owned() })
}

/// Decodes an encoded image held in memory (a copy just made), upright and at full size, with what it carries.
pub(super) fn decode_in_memory(
    data: Vec<u8>,
    path: &Path,
    limits: &Limits,
) -> Result<(DynamicImage, Tags), ImageError> {
    let format = InputFormat::sniff(data.get(..64).unwrap_or(&data), path)
        .filter(|f| f.readable())
        .ok_or_else(|| ImageError::NotAnImage { path: path.to_owned() })?;
    let unbounded = Budget::new(u64::MAX);
    let decoded = match format.image_format() {
        Some(ImageFormat::Jpeg) => {
            let (data, frame) = jpeg_input(data, limits, path)?;
            decode_jpeg(data, &frame, path, limits, |_, _| 1.0, &unbounded)?
        }
        Some(other) => decode_other(Source::Bytes(data), path, other, limits, &unbounded)?,
        None if format == InputFormat::Jxl => super::decode_jxl::decode_jxl(data, path, limits, &unbounded)?,
        None => decode_heif(data, path, format, limits, &unbounded)?,
    };
    Ok((decoded.img, decoded.found))
}

/// Decodes any image file Shrinkray reads (the format told by its content), upright and at full size: for
/// tools and tests that look at copies; jobs decode through their own path. Like every image, it leaves no
/// decoder state behind on the caller's thread when it fails.
pub fn open(path: &Path, limits: &Limits) -> Result<DynamicImage, ImageError> {
    isolated_file(path, || open_upright(path, limits))
}

fn open_upright(path: &Path, limits: &Limits) -> Result<DynamicImage, ImageError> {
    let format = sniff_file(path)?;
    let unbounded = Budget::new(u64::MAX);
    Ok(decode(path, format, limits, |_, _| 1.0, &unbounded)?.img)
}
