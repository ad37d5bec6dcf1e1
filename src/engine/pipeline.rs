//! One image, start to finish: read, decode, orient, resize, encode, write, thumbnail.

use std::cell::RefCell;
use std::fs;
use std::io::Cursor;
use std::path::Path;

use fast_image_resize::{self as fir, ResizeAlg, ResizeOptions, Resizer};
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};

use super::encode::Encoding;
use super::error::ImageError;
use super::event::Thumbnail;
use super::geometry::target_size;
use super::jpeg;
use super::plan::Task;
use super::planar;
use super::settings::{Filter, Limits, Settings};
use super::write::write_atomically;

thread_local! {
    // The resizer keeps scratch buffers; one per worker thread saves reallocating them for every image.
    static RESIZER: RefCell<Resizer> = RefCell::new(Resizer::new());
}

/// What became of one image that went through.
#[derive(Debug)]
pub(crate) struct Processed {
    pub input_size: (u32, u32),
    pub output_size: (u32, u32),
    pub output_bytes: u64,
    pub thumbnail: Option<Thumbnail>,
}

/// Runs the whole pipeline for `task`. Nothing is written unless every step before the write succeeded.
pub(crate) fn process(task: &Task, settings: &Settings, thumbnail_edge: Option<u32>) -> Result<Processed, ImageError> {
    let target = |w, h| target_size(w, h, settings.resize, settings.dont_enlarge);
    let data = read(&task.input, &settings.limits)?;
    if let (ImageFormat::Jpeg, Encoding::Jpeg { quality }) = (task.format, task.encoding) {
        let frame = jpeg_frame(&data, &settings.limits, &task.input)?;
        if frame.header.ycc {
            return planar::process(data, &frame, task, settings, quality, thumbnail_edge, target);
        }
    }
    let decoded = decode_data(data, &task.input, task.format, &settings.limits, |w, h| {
        let (tw, th) = target(w, h);
        f64::max(f64::from(tw) / f64::from(w), f64::from(th) / f64::from(h))
    })?;
    let input_size = decoded.full_size;
    let (tw, th) = target(input_size.0, input_size.1);
    let crop = matches!(settings.resize, super::settings::ResizeMode::Fill { .. });
    let resized = match resize(&decoded.img, tw, th, settings.filter, crop) {
        Ok(Some(resized)) => resized,
        Ok(None) => decoded.img,
        Err(why) => {
            return Err(ImageError::Resize {
                why,
                path: task.input.clone(),
            });
        }
    };
    let bytes = task.encoding.encode(&resized).map_err(|why| ImageError::Encode {
        why,
        path: task.output.clone(),
    })?;
    write_atomically(&task.output, &bytes, task.replace)?;
    let thumbnail = thumbnail_edge.and_then(|edge| make_thumbnail(&resized, edge));
    Ok(Processed {
        input_size,
        output_size: (tw, th),
        output_bytes: bytes.len() as u64,
        thumbnail,
    })
}

/// A decoded image, upright, possibly smaller than the file's full size.
pub(crate) struct Decoded {
    /// The pixels, at full size or shrunk on load.
    pub img: DynamicImage,
    /// The upright size of the image in the file.
    pub full_size: (u32, u32),
}

/// Reads and decodes a file under the limits, then turns it upright by its EXIF orientation. `scale` tells,
/// from the upright full size, how large the result will end up relative to it; decoders that can shrink
/// while decoding (JPEG) do so as far as that allows, the rest decode in full.
pub(crate) fn decode(
    path: &Path,
    format: ImageFormat,
    limits: &Limits,
    scale: impl FnOnce(u32, u32) -> f64,
) -> Result<Decoded, ImageError> {
    decode_data(read(path, limits)?, path, format, limits, scale)
}

/// Reads a whole input file, refusing files larger than the allocation limit before reading them.
fn read(path: &Path, limits: &Limits) -> Result<Vec<u8>, ImageError> {
    let read_err = |source| ImageError::Read {
        source,
        path: path.to_owned(),
    };
    let size = fs::metadata(path).map_err(read_err)?.len();
    if size > limits.max_alloc {
        return Err(ImageError::FileTooLarge {
            bytes: size,
            max: limits.max_alloc,
            path: path.to_owned(),
        });
    }
    fs::read(path).map_err(read_err)
}

/// [`decode`] for a file already read.
fn decode_data(
    data: Vec<u8>,
    path: &Path,
    format: ImageFormat,
    limits: &Limits,
    scale: impl FnOnce(u32, u32) -> f64,
) -> Result<Decoded, ImageError> {
    let decode_err = |source| ImageError::Decode {
        source,
        path: path.to_owned(),
    };
    if format == ImageFormat::Jpeg {
        if let Some(decoded) = decode_jpeg(&data, limits, scale, path)? {
            return Ok(decoded);
        }
        if !jpeg_is_complete(&data) {
            // zune-jpeg fills a cut-off picture with grey and calls it a success; a half-grey copy is worse
            // than a clear error.
            return Err(ImageError::Truncated { path: path.to_owned() });
        }
    }
    let mut reader = ImageReader::with_format(Cursor::new(data.as_slice()), format);
    reader.limits(image_limits(limits));
    let mut decoder = reader.into_decoder().map_err(decode_err)?;
    let (width, height) = decoder.dimensions();
    check_pixels(width, height, limits, path)?;
    // A broken orientation tag is no reason to lose the picture: it then counts as upright.
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(decode_err)?;
    drop(data);
    img.apply_orientation(orientation);
    Ok(Decoded {
        full_size: (img.width(), img.height()),
        img,
    })
}

/// What a JPEG's header segments say, checked against the pixel limit before any pixel is decoded.
pub(crate) struct JpegFrame {
    /// The frame header.
    pub header: jpeg::Header,
    /// The EXIF orientation (upright when absent or invalid).
    pub orientation: Orientation,
    /// The size once turned upright.
    pub upright: (u32, u32),
}

/// Reads a JPEG's [`JpegFrame`].
pub(crate) fn jpeg_frame(data: &[u8], limits: &Limits, path: &Path) -> Result<JpegFrame, ImageError> {
    let header = jpeg::header(data).map_err(|why| jpeg_error(why, path))?;
    check_pixels(header.width, header.height, limits, path)?;
    let orientation = jpeg::orientation(data);
    let upright = if turns(orientation) {
        (header.height, header.width)
    } else {
        (header.width, header.height)
    };
    Ok(JpegFrame {
        header,
        orientation,
        upright,
    })
}

/// The libjpeg-turbo path, with shrink-on-load; `None` for JPEGs it cannot turn into RGB (CMYK, YCCK).
fn decode_jpeg(
    data: &[u8],
    limits: &Limits,
    scale: impl FnOnce(u32, u32) -> f64,
    path: &Path,
) -> Result<Option<Decoded>, ImageError> {
    let frame = jpeg_frame(data, limits, path)?;
    if !frame.header.decodable {
        return Ok(None);
    }
    let (w, h) = frame.upright;
    let shrink = jpeg::shrink_for(
        frame.header.width,
        frame.header.height,
        scale(w, h) * jpeg::FILTER_MARGIN,
    );
    let mut img = jpeg::decode(data, shrink, limits.max_alloc).map_err(|why| jpeg_error(why, path))?;
    img.apply_orientation(frame.orientation);
    Ok(Some(Decoded {
        img,
        full_size: frame.upright,
    }))
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

/// Runs `f` with this worker thread's resizer, whose scratch buffers outlive one image.
pub(crate) fn with_resizer<T>(f: impl FnOnce(&mut Resizer) -> T) -> T {
    RESIZER.with_borrow_mut(f)
}

/// Whether a JPEG has its end-of-image marker after the first scan. The header segments are walked by their
/// lengths (an EXIF thumbnail holds markers of its own); inside scan data `FF D9` can only be the real end.
fn jpeg_is_complete(data: &[u8]) -> bool {
    if !data.starts_with(&[0xFF, 0xD8]) {
        return false;
    }
    let mut i = 2;
    loop {
        while data.get(i..i + 2) == Some(&[0xFF, 0xFF]) {
            i += 1;
        }
        let Some(&[0xFF, marker, hi, lo]) = data.get(i..i + 4) else {
            return false;
        };
        let next = i + 2 + usize::from(u16::from_be_bytes([hi, lo]));
        match marker {
            0xDA => {
                i = next;
                break;
            }
            0xD9 => return false,
            _ => i = next,
        }
    }
    data.get(i..)
        .is_some_and(|rest| rest.windows(2).any(|w| w == [0xFF, 0xD9]))
}

/// The `image` crate's limits for ours.
pub(crate) fn image_limits(limits: &Limits) -> image::Limits {
    let mut l = image::Limits::default();
    l.max_alloc = Some(limits.max_alloc);
    l
}

/// Refuses images over the pixel limit, before their pixels are allocated.
pub(crate) fn check_pixels(width: u32, height: u32, limits: &Limits, path: &Path) -> Result<(), ImageError> {
    if u64::from(width) * u64::from(height) > limits.max_pixels {
        return Err(ImageError::TooLarge {
            width,
            height,
            max: limits.max_pixels,
            path: path.to_owned(),
        });
    }
    Ok(())
}

pub(crate) fn algorithm(filter: Filter) -> ResizeAlg {
    use fir::FilterType as F;
    match filter {
        Filter::Lanczos3 => ResizeAlg::Convolution(F::Lanczos3),
        Filter::CatmullRom => ResizeAlg::Convolution(F::CatmullRom),
        Filter::Mitchell => ResizeAlg::Convolution(F::Mitchell),
        Filter::Bilinear => ResizeAlg::Convolution(F::Bilinear),
        Filter::Nearest => ResizeAlg::Nearest,
    }
}

/// Resamples to exactly `width`×`height`; with `crop`, the centre of the source is cut to the target's shape
/// first. Alpha is premultiplied while resampling, so transparent pixels lend no colour to their neighbours.
fn resize(
    img: &DynamicImage,
    width: u32,
    height: u32,
    filter: Filter,
    crop: bool,
) -> Result<Option<DynamicImage>, String> {
    if (img.width(), img.height()) == (width, height) {
        return Ok(None);
    }
    // fast_image_resize handles 8- and 16-bit and float pixels; anything else goes through RGBA8.
    let converted;
    let img = match img {
        DynamicImage::ImageLuma8(_)
        | DynamicImage::ImageLumaA8(_)
        | DynamicImage::ImageRgb8(_)
        | DynamicImage::ImageRgba8(_)
        | DynamicImage::ImageLuma16(_)
        | DynamicImage::ImageLumaA16(_)
        | DynamicImage::ImageRgb16(_)
        | DynamicImage::ImageRgba16(_)
        | DynamicImage::ImageRgb32F(_)
        | DynamicImage::ImageRgba32F(_) => img,
        other => {
            converted = DynamicImage::ImageRgba8(other.to_rgba8());
            &converted
        }
    };
    let mut dst = DynamicImage::new(width, height, img.color());
    let mut options = ResizeOptions::new().resize_alg(algorithm(filter));
    if crop {
        options = options.fit_into_destination(Some((0.5, 0.5)));
    }
    RESIZER
        .with_borrow_mut(|r| r.resize(img, &mut dst, &options))
        .map_err(|e| e.to_string())?;
    Ok(Some(dst))
}

/// Reads an image file (an output, typically) and makes a thumbnail of it, for a UI that let an earlier one go.
pub fn load_thumbnail(path: &Path, edge: u32, limits: &Limits) -> Result<Thumbnail, ImageError> {
    let format = image::ImageFormat::from_path(path)
        .ok()
        .filter(|f| f.reading_enabled())
        .ok_or_else(|| ImageError::NotAnImage { path: path.to_owned() })?;
    let decoded = decode(path, format, limits, |w, h| f64::from(edge) / f64::from(w.max(h)))?;
    make_thumbnail(&decoded.img, edge).ok_or_else(|| ImageError::Resize {
        why: "the thumbnail could not be made".to_owned(),
        path: path.to_owned(),
    })
}

/// A small RGBA8 copy for the UI, its long edge at most `edge` pixels.
pub(crate) fn make_thumbnail(img: &DynamicImage, edge: u32) -> Option<Thumbnail> {
    let (w, h) = target_size(
        img.width(),
        img.height(),
        super::settings::ResizeMode::LongEdge(edge),
        true,
    );
    // Resample in the image's own pixel type, then convert only the small result.
    let rgba = match resize(img, w, h, Filter::Bilinear, false).ok()? {
        Some(small) => small.into_rgba8(),
        None => img.to_rgba8(),
    };
    Some(Thumbnail {
        width: rgba.width(),
        height: rgba.height(),
        rgba: rgba.into_raw(),
    })
}

#[cfg(test)]
mod tests {
    use super::jpeg_is_complete;

    #[test]
    fn cut_jpegs_are_found() {
        let mut jpeg = Vec::new();
        let img = image::RgbImage::from_fn(64, 64, |x, y| image::Rgb([x as u8 * 4, y as u8 * 4, 90]));
        img.write_to(&mut std::io::Cursor::new(&mut jpeg), image::ImageFormat::Jpeg)
            .unwrap();
        assert!(jpeg_is_complete(&jpeg));
        let mut trailing = jpeg.clone();
        trailing.extend_from_slice(b"trailing bytes after the end are common and harmless");
        assert!(jpeg_is_complete(&trailing));
        for cut in [3, 20, jpeg.len() / 2, jpeg.len() - 2] {
            assert!(!jpeg_is_complete(&jpeg[..cut]), "cut at {cut}");
        }
    }
}
