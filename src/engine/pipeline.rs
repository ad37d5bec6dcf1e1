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
    if format == ImageFormat::Jpeg && !jpeg_is_complete(&data) {
        // The JPEG decoder fills a cut-off picture with grey and calls it a success; a half-grey copy is
        // worse than a clear error.
        return Err(ImageError::Truncated { path: path.to_owned() });
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
    Ok(img)
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

/// Reads an image file (an output, typically) and makes a thumbnail of it, for a UI that let an earlier one go.
pub fn load_thumbnail(path: &Path, edge: u32, limits: &Limits) -> Result<Thumbnail, ImageError> {
    let format = image::ImageFormat::from_path(path)
        .ok()
        .filter(|f| f.reading_enabled())
        .ok_or_else(|| ImageError::NotAnImage { path: path.to_owned() })?;
    let img = decode(path, format, limits)?;
    make_thumbnail(&img, edge).ok_or_else(|| ImageError::Resize {
        why: "the thumbnail could not be made".to_owned(),
        path: path.to_owned(),
    })
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
