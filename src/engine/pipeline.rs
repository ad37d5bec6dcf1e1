//! One image, start to finish: read, decode, orient, resize, encode, write, thumbnail.

use std::cell::RefCell;
use std::fs;
use std::io::Cursor;
use std::path::Path;

use fast_image_resize::{self as fir, ResizeAlg, ResizeOptions, Resizer};
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};

use super::error::ImageError;
use super::event::Thumbnail;
use super::geometry::target_size;
use super::plan::Task;
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
    let img = decode(&task.input, task.format, &settings.limits)?;
    let input_size = (img.width(), img.height());
    let (tw, th) = target_size(input_size.0, input_size.1, settings.resize, settings.dont_enlarge);
    let crop = matches!(settings.resize, super::settings::ResizeMode::Fill { .. });
    let resized = match resize(&img, tw, th, settings.filter, crop) {
        Ok(Some(resized)) => resized,
        Ok(None) => img,
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

/// Reads and decodes a file under the limits, then turns it upright by its EXIF orientation.
pub(crate) fn decode(path: &Path, format: ImageFormat, limits: &Limits) -> Result<DynamicImage, ImageError> {
    let read_err = |source| ImageError::Read {
        source,
        path: path.to_owned(),
    };
    let decode_err = |source| ImageError::Decode {
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
    let data = fs::read(path).map_err(read_err)?;
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
    Ok(img)
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

fn algorithm(filter: Filter) -> ResizeAlg {
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

/// A small RGBA8 copy for the UI, its long edge at most `edge` pixels.
fn make_thumbnail(img: &DynamicImage, edge: u32) -> Option<Thumbnail> {
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
