//! The JPEG-to-JPEG fast path: the decoder's own Y, Cb and Cr planes are resampled one by one and handed
//! straight back to the encoder. Nothing is converted to RGB and back, chroma is never upsampled only to be
//! subsampled again, and in a 4:2:0 photo the two chroma planes are a quarter of the luma each, so there are
//! half as many samples to filter as in RGB. Colours cannot shift, since no colour maths happens at all.

use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{PixelType, ResizeOptions};
use image::metadata::Orientation;
use image::{DynamicImage, GrayImage};
use turbojpeg::{Subsamp, YuvImage};

use super::copy::{Converted, Names};
use super::decode::{JpegFrame, jpeg_error, turns};
use super::resample::algorithm;
use crate::engine::budget::Budget;
use crate::engine::codecs;
use crate::engine::error::ImageError;
use crate::engine::formats::jpeg;
use crate::engine::geometry::target_size;
use crate::engine::jpeg_options::JpegOptions;
use crate::engine::metadata::Tags;
use crate::engine::settings::Settings;
use crate::engine::stages::{self, Stage};

/// Converts a YCbCr or grey JPEG (`frame.header.ycc`) to a JPEG copy through its planes; `tags` gives what the
/// copy carries, from its size.
pub(crate) fn convert(
    data: Vec<u8>,
    frame: &JpegFrame,
    settings: &Settings,
    (quality, options): (u8, JpegOptions),
    budget: &Budget,
    names: Names,
    tags: impl FnOnce((u32, u32)) -> Tags,
) -> Result<Converted, ImageError> {
    let path = names.input;
    let (header, orientation, input_size) = (&frame.header, frame.orientation, frame.upright);
    let turned = turns(orientation);
    let (tw, th) = target_size(input_size.0, input_size.1, settings.resize, settings.dont_enlarge);
    // The size to resample to, in the file's stored orientation; the small result is turned afterwards.
    let (sw, sh) = if turned { (th, tw) } else { (tw, th) };
    let scale = f64::max(
        f64::from(sw) / f64::from(header.width),
        f64::from(sh) / f64::from(header.height),
    );
    let shrink = jpeg::shrink_for(header.width, header.height, scale * jpeg::FILTER_MARGIN);
    // Three full planes is the most any subsampling needs; the file's data stays held until the planes exist.
    let pixels = u64::from(header.width.div_ceil(shrink)) * u64::from(header.height.div_ceil(shrink));
    let _hold = budget.hold(data.len() as u64 + pixels * 3);
    let buffer = codecs::take_planes();
    let planes = stages::time(Stage::Decode, || {
        jpeg::decode_planes(&data, shrink, settings.limits.max_alloc, buffer)
    })
    .map_err(|why| jpeg_error(why, path))?;
    drop(data);

    let resize_err = |why: String| ImageError::Resize {
        why,
        path: path.to_owned(),
    };
    let fill = settings.resize.crops();
    let out_subsamp = if planes.subsamp == Subsamp::Gray {
        Subsamp::Gray
    } else {
        options.subsamp(quality)
    };
    // The chroma planes' size in the copy (upright), and so before turning.
    let (cw, ch) = (
        tw.div_ceil(out_subsamp.width().max(1) as u32),
        th.div_ceil(out_subsamp.height().max(1) as u32),
    );
    let chroma = if turned { (ch, cw) } else { (cw, ch) };
    let layout = YuvImage {
        pixels: (),
        width: tw as usize,
        align: 1,
        height: th as usize,
        subsamp: out_subsamp,
    };
    let len = turbojpeg::yuv_pixels_len(layout.width, 1, layout.height, out_subsamp)
        .map_err(|e| resize_err(e.to_string()))?;
    // Every byte of the buffer is written below, so what an earlier copy left in it never shows.
    let mut packed = codecs::take_packed();
    packed.resize(len, 0);
    let mut offset = 0;
    for plane in split(&planes) {
        let target = if plane.index == 0 { (sw, sh) } else { chroma };
        let (pw, ph) = if plane.index == 0 {
            layout.y_size()
        } else {
            layout.uv_size()
        };
        let dst = packed
            .get_mut(offset..offset + pw * ph)
            .ok_or_else(|| resize_err(format!("internal: the encoder's planes hold {len} bytes")))?;
        let crop = fill.then_some((sw, sh));
        stages::time(Stage::Resize, || {
            resize_into(&plane, target, crop, orientation, settings, (dst, pw, ph))
        })
        .map_err(resize_err)?;
        offset += pw * ph;
    }
    codecs::keep_planes(planes.pixels);
    if offset != len {
        return Err(resize_err(format!(
            "internal: {offset} plane bytes where the encoder expects {len}"
        )));
    }
    let image = YuvImage {
        pixels: packed.as_slice(),
        width: layout.width,
        align: 1,
        height: layout.height,
        subsamp: out_subsamp,
    };
    let encoded = stages::time(Stage::Encode, || {
        jpeg::encode_planes(image, quality, options.progressive)
    });
    codecs::keep_packed(packed);
    let mut bytes = encoded.map_err(|why| ImageError::Encode {
        why,
        path: names.output.to_owned(),
    })?;
    jpeg::embed_tags(&mut bytes, &tags((tw, th)));
    Ok(Converted {
        bytes,
        input_size,
        output_size: (tw, th),
        quality: Some(quality),
        score: None,
        note: None,
        resized: None,
        jpeg_inside: None,
    })
}

/// One plane of a decoded JPEG: its samples, its size, and how much of it is picture rather than padding
/// (libjpeg-turbo pads planes to whole subsampling blocks).
struct Plane<'a> {
    index: usize,
    samples: &'a [u8],
    width: u32,
    height: u32,
    content: (f64, f64),
}

fn split(planes: &YuvImage<Vec<u8>>) -> Vec<Plane<'_>> {
    let (yw, yh) = planes.y_size();
    let (w, h) = (planes.width as f64, planes.height as f64);
    let mut out = vec![Plane {
        index: 0,
        samples: &planes.pixels[..yw * yh],
        width: yw as u32,
        height: yh as u32,
        content: (w, h),
    }];
    if planes.subsamp != Subsamp::Gray {
        let (cw, ch) = planes.uv_size();
        let (sx, sy) = (planes.subsamp.width() as f64, planes.subsamp.height() as f64);
        for i in 0..2 {
            let start = yw * yh + i * cw * ch;
            out.push(Plane {
                index: i + 1,
                samples: &planes.pixels[start..start + cw * ch],
                width: cw as u32,
                height: ch as u32,
                content: (w / sx, h / sy),
            });
        }
    }
    out
}

/// Resamples the picture part of `plane` to `width`×`height` (in the file's stored orientation), turns it
/// upright and writes it into `dst`, a plane of the encoder's `pw`×`ph` (padded to whole subsampling blocks by
/// repeating the last column and row). An upright plane already of the encoder's size is resampled straight
/// into `dst`, with no copy. With `fill`, the centre is cut to the shape of the luma target first, the same cut
/// on every plane.
fn resize_into(
    plane: &Plane<'_>,
    (width, height): (u32, u32),
    fill: Option<(u32, u32)>,
    orientation: Orientation,
    settings: &Settings,
    (dst, pw, ph): (&mut [u8], usize, usize),
) -> Result<(), String> {
    let (cw, ch) = plane.content;
    let (mut left, mut top, mut w, mut h) = (0.0, 0.0, cw, ch);
    if let Some((fw, fh)) = fill {
        let aspect = f64::from(fw) / f64::from(fh);
        if cw / ch > aspect {
            w = ch * aspect;
            left = (cw - w) / 2.0;
        } else {
            h = cw / aspect;
            top = (ch - h) / 2.0;
        }
    }
    let src = ImageRef::new(plane.width, plane.height, plane.samples, PixelType::U8).map_err(|e| e.to_string())?;
    let options = ResizeOptions::new()
        .resize_alg(algorithm(settings.filter))
        .crop(left, top, w, h);
    if orientation == Orientation::NoTransforms && (width as usize, height as usize) == (pw, ph) {
        let mut direct = Image::from_slice_u8(width, height, dst, PixelType::U8).map_err(|e| e.to_string())?;
        return codecs::with_resizer(|r| r.resize(&src, &mut direct, &options)).map_err(|e| e.to_string());
    }
    let mut small = Image::new(width, height, PixelType::U8);
    codecs::with_resizer(|r| r.resize(&src, &mut small, &options)).map_err(|e| e.to_string())?;
    let small = GrayImage::from_raw(width, height, small.into_vec())
        .ok_or_else(|| "the resized plane has the wrong size".to_owned())?;
    pad_into(dst, &orient(small, orientation), pw, ph);
    Ok(())
}

fn orient(plane: GrayImage, orientation: Orientation) -> GrayImage {
    if orientation == Orientation::NoTransforms {
        return plane;
    }
    let mut img = DynamicImage::ImageLuma8(plane);
    img.apply_orientation(orientation);
    img.into_luma8()
}

/// Writes `plane` into `out`, `width`×`height`, repeating its last column and row where `out` is larger.
fn pad_into(out: &mut [u8], plane: &GrayImage, width: usize, height: usize) {
    let (w, h) = (plane.width() as usize, plane.height() as usize);
    let raw = plane.as_raw();
    for (y, row_out) in out.chunks_exact_mut(width).take(height).enumerate() {
        let row = &raw[y.min(h - 1) * w..][..w];
        if width <= w {
            row_out.copy_from_slice(&row[..width]);
        } else {
            row_out[..w].copy_from_slice(row);
            row_out[w..].fill(row[w - 1]);
        }
    }
}
