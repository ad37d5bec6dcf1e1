//! One image's copy made in memory with the current settings, and the original beside it at the same size, for
//! a before/after view. Nothing is written.

use std::path::Path;

use image::{DynamicImage, RgbaImage};

use super::convert::convert;
use super::copy::Names;
use super::decode::{decode, decode_in_memory, sniff_file};
use super::header::read_header;
use super::input::Source;
use super::resample::{Resample, resize_to};
use crate::engine::budget::Budget;
use crate::engine::codecs::isolated_file;
use crate::engine::control::CancelToken;
use crate::engine::error::ImageError;
use crate::engine::formats::encode::Encoding;
use crate::engine::metadata::Tags;
use crate::engine::metadata::colour;
use crate::engine::settings::{Filter, Settings};

/// An image and its copy, ready to show: both upright, in sRGB, and the same size, so that one pixel of the
/// original lines up with one of the copy.
pub struct Preview {
    /// The original, resampled (without compression) to the size `after` is shown at.
    pub before: RgbaImage,
    /// The copy as a viewer would decode it.
    pub after: RgbaImage,
    /// The original's upright size.
    pub input_size: (u32, u32),
    /// The copy's size.
    pub output_size: (u32, u32),
    /// The original's size in bytes.
    pub input_bytes: u64,
    /// The copy's size in bytes.
    pub output_bytes: u64,
    /// The copy's format, as the app names it ("JPEG", "WebP").
    pub format: String,
    /// The quality the copy was encoded at (the one a target size or a look chose), for lossy formats.
    pub quality: Option<u8>,
    /// The copy's SSIMULACRA2, when its quality was chosen by look.
    pub score: Option<f32>,
    /// What else the user should know: an animation reduced, a profile converted, the original kept.
    pub notes: Vec<String>,
    /// The copy is no smaller than the original, which "skip if larger" would keep instead.
    pub would_grow: bool,
    /// `after`'s size over the copy's: 1 unless the copy is larger than the preview's edge.
    pub shown_scale: f32,
}

/// Makes the copy of `path` a job with `settings` would write (the real pipeline, in memory) and the original at
/// the same size, both at most `max_edge` pixels long. `Ok(None)` when `cancel` was set meanwhile (a newer
/// setting superseded this one). Blocks for as long as the image takes: run it off the UI thread.
pub fn preview(
    path: &Path,
    settings: &Settings,
    max_edge: u32,
    cancel: &CancelToken,
) -> Result<Option<Preview>, ImageError> {
    isolated_file(path, || make_preview(path, settings, max_edge, cancel))
}

fn make_preview(
    path: &Path,
    settings: &Settings,
    max_edge: u32,
    cancel: &CancelToken,
) -> Result<Option<Preview>, ImageError> {
    let input_bytes = std::fs::metadata(path)
        .map_err(|source| ImageError::Read {
            source,
            path: path.to_owned(),
        })?
        .len();
    let format = sniff_file(path)?;
    let limits = &settings.limits;
    let encoding = Encoding::resolve(settings, format, || {
        read_header(path, format, limits).is_ok_and(|h| h.has_alpha)
    });
    let unbounded = Budget::new(u64::MAX);
    let names = Names {
        input: path,
        output: path,
    };
    let copy = convert(Source::File, format, encoding, settings, &unbounded, names)?;
    if cancel.is_cancelled() {
        return Ok(None);
    }
    let output_bytes = copy.bytes.len() as u64;
    let would_grow = encoding.format() == format && output_bytes >= input_bytes;
    let mut notes: Vec<String> = copy.note.iter().cloned().collect();
    if would_grow {
        notes.push(if settings.skip_if_larger {
            "no smaller than the original: the original would be copied instead".to_owned()
        } else {
            "no smaller than the original (\"Skip if larger\" would copy the original instead)".to_owned()
        });
    }
    let after = decode_bytes(copy.bytes, path, settings)?;
    if cancel.is_cancelled() {
        return Ok(None);
    }
    let (ow, oh) = copy.output_size;
    let scale = |w: u32, h: u32| f64::max(f64::from(ow) / f64::from(w), f64::from(oh) / f64::from(h));
    let original = decode(path, format, limits, scale, &unbounded)?;
    let (before, profiled) = on_screen(original.img, original.found);
    if profiled && settings.to_srgb {
        notes.push("colour converted to sRGB through the original's profile".to_owned());
    }
    let resize_err = |why| ImageError::Resize {
        why,
        path: path.to_owned(),
    };
    let before = resize_to(&before, ow, oh, Resample::of(settings, settings.resize)).map_err(resize_err)?;
    // Very large copies are shown smaller, both halves alike, so a texture stays within what a GPU takes.
    let shown_scale = (max_edge as f32 / ow.max(oh) as f32).min(1.0);
    let (sw, sh) = (
        ((ow as f32 * shown_scale).round() as u32).max(1),
        ((oh as f32 * shown_scale).round() as u32).max(1),
    );
    let fit = Resample {
        filter: Filter::CatmullRom,
        crop: false,
        linear: false,
    };
    let (before, after) = if (sw, sh) == (ow, oh) {
        (before, after)
    } else {
        (
            resize_to(&before, sw, sh, fit).map_err(resize_err)?,
            resize_to(&after, sw, sh, fit).map_err(resize_err)?,
        )
    };
    Ok(Some(Preview {
        before: before.into_rgba8(),
        after: after.into_rgba8(),
        input_size: copy.input_size,
        output_size: copy.output_size,
        input_bytes,
        output_bytes,
        format: encoding.format().name(),
        quality: copy.quality,
        score: copy.score,
        notes,
        would_grow,
        shown_scale,
    }))
}

/// Decodes an encoded copy held in memory, as a viewer would: upright, in sRGB.
fn decode_bytes(data: Vec<u8>, path: &Path, settings: &Settings) -> Result<DynamicImage, ImageError> {
    let (img, found) = decode_in_memory(data, path, &settings.limits)?;
    Ok(on_screen(img, found).0)
}

/// The pixels as an sRGB screen shows them: converted through their profile when they carry one other than
/// sRGB's (the flag says so).
fn on_screen(img: DynamicImage, found: Tags) -> (DynamicImage, bool) {
    let profile = found
        .icc
        .filter(|p| colour::fits(p, &img) && p.as_slice() != colour::srgb_profile());
    match profile.and_then(|p| colour::to_srgb(&img, &p)) {
        Some(converted) => (converted, true),
        None => (img, false),
    }
}
