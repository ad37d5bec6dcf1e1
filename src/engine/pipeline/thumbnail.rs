//! Small RGBA copies for the desktop app's grid.

use std::path::Path;

use image::DynamicImage;

use super::decode::decode;
use super::resample::{Resample, resize};
use crate::engine::budget::Budget;
use crate::engine::codecs::isolated_file;
use crate::engine::error::ImageError;
use crate::engine::event::Thumbnail;
use crate::engine::formats::detect::InputFormat;
use crate::engine::geometry::target_size;
use crate::engine::settings::{Filter, Limits, ResizeMode};

/// Reads an image file (an output, typically) and makes a thumbnail of it, for a UI that let an earlier one go.
/// Like every image, it leaves no decoder state behind on the caller's thread when it fails.
pub fn load_thumbnail(path: &Path, edge: u32, limits: &Limits) -> Result<Thumbnail, ImageError> {
    load_thumbnail_sized(path, edge, limits).map(|(thumbnail, _)| thumbnail)
}

/// `load_thumbnail`, with the image's upright size in the file (JPEG shrinks on load, so this costs no more).
pub fn load_thumbnail_sized(path: &Path, edge: u32, limits: &Limits) -> Result<(Thumbnail, (u32, u32)), ImageError> {
    isolated_file(path, || thumbnail_of(path, edge, limits))
}

fn thumbnail_of(path: &Path, edge: u32, limits: &Limits) -> Result<(Thumbnail, (u32, u32)), ImageError> {
    let format = InputFormat::from_path(path)
        .filter(|f| f.readable())
        .ok_or_else(|| ImageError::NotAnImage { path: path.to_owned() })?;
    // A thumbnail is one image on its own, outside any job's budget.
    let unbounded = Budget::new(u64::MAX);
    let decoded = decode(
        path,
        format,
        limits,
        |w, h| f64::from(edge) / f64::from(w.max(h)),
        &unbounded,
    )?;
    let thumbnail = make_thumbnail(&decoded.img, edge).ok_or_else(|| ImageError::Resize {
        why: "the thumbnail could not be made".to_owned(),
        path: path.to_owned(),
    })?;
    Ok((thumbnail, decoded.full_size))
}

/// A small RGBA8 copy for the UI, its long edge at most `edge` pixels.
pub(crate) fn make_thumbnail(img: &DynamicImage, edge: u32) -> Option<Thumbnail> {
    let (w, h) = target_size(img.width(), img.height(), ResizeMode::LongEdge(edge), true);
    // Resample in the image's own pixel type, then convert only the small result.
    let rgba = match resize(
        img,
        w,
        h,
        Resample {
            filter: Filter::Bilinear,
            crop: false,
            linear: false,
        },
    )
    .ok()?
    {
        Some(small) => small.into_rgba8(),
        None => img.to_rgba8(),
    };
    Some(Thumbnail {
        width: rgba.width(),
        height: rgba.height(),
        rgba: rgba.into_raw(),
    })
}
