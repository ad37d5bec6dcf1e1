//! JPEG XL inputs through the pipeline: the header for planning, a still picture decoded under the limits and
//! the memory budget, and an animation's frames resized as they are rendered (as for GIF and WebP).

use std::path::Path;

use image::DynamicImage;

use super::animation::{Animation, can_animate};
use super::input::{Decoded, check_pixels};
use super::resample::{Resample, resize};
use crate::engine::budget::Budget;
use crate::engine::error::ImageError;
use crate::engine::formats::encode::Encoding;
use crate::engine::formats::jxl::{self, Header};
use crate::engine::geometry::target_size;
use crate::engine::settings::{Limits, Settings};

/// What a JPEG XL file gives.
pub(super) enum JxlRead<'b> {
    /// A still picture (or the first frame, when the copy cannot animate or the file has one frame).
    Still(Decoded<'b>),
    /// The frames of an animation, resized.
    Animated(Animation),
}

/// The upright size and alpha of a JPEG XL file, from its header.
pub(crate) fn jxl_header(path: &Path, limits: &Limits) -> Result<Header, ImageError> {
    let file = crate::engine::storage::open(path).map_err(|source| ImageError::Read {
        source,
        path: path.to_owned(),
    })?;
    let header = jxl::header(std::io::BufReader::new(file), limits.max_alloc).map_err(|why| jxl_error(why, path))?;
    check_pixels(header.width, header.height, limits, path)?;
    Ok(header)
}

/// Whether a JPEG XL file is an animation, by its header (`false` when it cannot be read: decoding says why).
pub(super) fn jxl_animates(path: &Path, limits: &Limits) -> bool {
    jxl_header(path, limits).is_ok_and(|h| h.animated)
}

/// Decodes a JPEG XL file already read: its first frame, upright, with its profile and metadata.
pub(super) fn decode_jxl<'b>(
    data: Vec<u8>,
    path: &Path,
    limits: &Limits,
    budget: &'b Budget,
) -> Result<Decoded<'b>, ImageError> {
    let image = open(&data, path, limits)?;
    // jxl-oxide holds every channel as 32-bit floats while it renders, beside the samples handed out.
    let hold = budget.hold(data.len() as u64 + pixels(&image) * 4 * (4 + 2));
    still(&image, hold, path)
}

/// Reads a JPEG XL file for a copy of `encoding`: its frames resized when it animates and the copy can too
/// (else the first two, to tell the user the animation was flattened), else its still picture.
pub(super) fn read_jxl<'b>(
    data: Vec<u8>,
    encoding: Encoding,
    settings: &Settings,
    budget: &'b Budget,
    path: &Path,
) -> Result<JxlRead<'b>, ImageError> {
    let limits = &settings.limits;
    let image = open(&data, path, limits)?;
    let hold = budget.hold(data.len() as u64 + pixels(&image) * 4 * (4 + 2));
    if image.image_header().metadata.animation.is_none() {
        return still(&image, hold, path).map(JxlRead::Still);
    }
    let max_frames = if can_animate(encoding) { usize::MAX } else { 2 };
    let full_size = (image.width(), image.height());
    let mut frames = Vec::new();
    let mut held = 0u64;
    let loops = jxl::frames(&image, max_frames, |frame, delay| {
        let (tw, th) = target_size(frame.width(), frame.height(), settings.resize, settings.dont_enlarge);
        let frame = DynamicImage::ImageRgba8(frame);
        let small = match resize(&frame, tw, th, Resample::of(settings, settings.resize))? {
            Some(small) => small.into_rgba8(),
            None => frame.into_rgba8(),
        };
        held += small.as_raw().len() as u64;
        if held > limits.max_alloc {
            return Err(format!(
                "the animation's frames need more than {} bytes",
                limits.max_alloc
            ));
        }
        frames.push((small, delay));
        Ok(())
    })
    .map_err(|why| jxl_error(why, path))?;
    Ok(JxlRead::Animated(Animation {
        frames,
        loops,
        full_size,
    }))
}

fn open(data: &[u8], path: &Path, limits: &Limits) -> Result<jxl_oxide::JxlImage, ImageError> {
    let mut too_large = None;
    jxl::open(data, limits.max_alloc, |h| {
        check_pixels(h.width, h.height, limits, path).map_err(|e| {
            let why = e.to_string();
            too_large = Some(e);
            why
        })
    })
    .map_err(|why| too_large.unwrap_or_else(|| jxl_error(why, path)))
}

fn pixels(image: &jxl_oxide::JxlImage) -> u64 {
    u64::from(image.width()) * u64::from(image.height())
}

fn still<'b>(
    image: &jxl_oxide::JxlImage,
    hold: crate::engine::budget::Hold<'b>,
    path: &Path,
) -> Result<Decoded<'b>, ImageError> {
    let picture = jxl::decode(image).map_err(|why| jxl_error(why, path))?;
    Ok(Decoded::full(picture.img, picture.icc, picture.metadata, hold))
}

/// jxl-oxide's complaint as the error a user reads; running out of the allocation limit is said so.
fn jxl_error(why: String, path: &Path) -> ImageError {
    let why = if why.contains("failed to allocate") {
        format!("the image needs more memory than the limit allows: {why}")
    } else {
        why
    };
    ImageError::Codec {
        format: "JPEG XL".to_owned(),
        why,
        path: path.to_owned(),
    }
}
