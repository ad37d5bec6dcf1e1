//! The three routes from a file to an encoded copy, side by side: animated (frames resized as they are read),
//! planar JPEG (the decoder's own planes resampled and encoded again), and RGB (everything else); and several
//! copies from one decoding.

use std::path::Path;

use image::{DynamicImage, ImageFormat};

use super::animation::Animation;
use super::animation::{self, read_animation};
use super::copy::{Converted, Names};
use super::decode::{UNENDED, decode, decode_heif, decode_jpeg, decode_other, jpeg_input};
use super::decode_jxl::{JxlRead, jxl_animates, read_jxl};
use super::input::{Source, image_limits};
use super::look::encode_by_look;
use super::planar;
use super::resample::{Resample, resize, resize_to};
use super::sharpen::sharpen_for_screen;
use super::target_size::{FitError, encode_fitting};
use crate::engine::budget::Budget;
use crate::engine::codecs;
use crate::engine::error::ImageError;
use crate::engine::formats::detect::InputFormat;
use crate::engine::formats::encode::Encoding;
use crate::engine::geometry::target_size;
use crate::engine::jpeg_options::JpegEncoder;
use crate::engine::metadata::colour;
use crate::engine::metadata::jpeg_segments;
use crate::engine::metadata::{Keep, Metadata, Tags};
use crate::engine::settings::{Dpi, Settings};
use crate::engine::stages::{self, Stage};
use crate::engine::task::Task;

/// Makes every copy of a task with extra outputs from one decoding: at the scale the largest copy needs (JPEG
/// shrinks on load no further than that), then resized and encoded once per copy. An input that may animate
/// (GIF, animated WebP and PNG) is converted once per copy instead, each keeping its frames.
pub(super) fn convert_many(task: &Task, settings: &Settings, budget: &Budget) -> Result<Vec<Converted>, ImageError> {
    let main = (task.encoding, settings.resize, task.output.as_path());
    let outputs: Vec<_> = std::iter::once(main)
        .chain(task.extra.iter().map(|e| (e.encoding, e.resize, e.output.as_path())))
        .collect();
    let (path, limits) = (task.input.as_path(), &settings.limits);
    let animates = match task.format.image_format() {
        Some(f) => animation::may_animate(path, f, &image_limits(limits, f)),
        None => task.format == InputFormat::Jxl && jxl_animates(path, limits),
    };
    if animates {
        return outputs
            .iter()
            .map(|&(encoding, resize, output)| {
                let one = Settings {
                    resize,
                    ..settings.clone()
                };
                let names = Names { input: path, output };
                convert(Source::File, task.format, encoding, &one, budget, names)
            })
            .collect();
    }
    let scale = |w: u32, h: u32| {
        outputs
            .iter()
            .map(|&(_, resize, _)| {
                let (tw, th) = target_size(w, h, resize, settings.dont_enlarge);
                f64::max(f64::from(tw) / f64::from(w), f64::from(th) / f64::from(h))
            })
            .fold(0.0, f64::max)
    };
    let decoded = stages::time(Stage::Decode, || decode(path, task.format, limits, scale, budget))?;
    bump_decodes();
    let input_size = decoded.full_size;
    outputs
        .iter()
        .map(|&(encoding, resize, output)| {
            let (tw, th) = target_size(input_size.0, input_size.1, resize, settings.dont_enlarge);
            let resized = stages::time(Stage::Resize, || {
                resize_to(&decoded.img, tw, th, Resample::of(settings, resize))
            })
            .map_err(|why| ImageError::Resize {
                why,
                path: path.to_owned(),
            })?;
            let names = Names { input: path, output };
            let (found, note) = (decoded.found.clone(), decoded.note.map(str::to_owned));
            stages::time(Stage::Encode, || {
                encode_copy(resized, input_size, found, note, encoding, settings, names)
            })
        })
        .collect()
}

#[cfg(test)]
thread_local! {
    pub(super) static DECODES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Counts decodings of tasks with several copies, so a test can see there is one per image.
fn bump_decodes() {
    #[cfg(test)]
    DECODES.set(DECODES.get() + 1);
}

/// Resizes one image held in memory, with `settings`, and returns the encoded copy: the whole pipeline
/// without files (what the fuzzer drives). The format is read from the content. Like every image in a job, it
/// leaves no state behind when it fails; a codec's panic goes on to the caller, so the fuzzer sees it.
pub fn resize_bytes(data: Vec<u8>, settings: &Settings) -> Result<Vec<u8>, ImageError> {
    codecs::isolated(|| resize_in_memory(data, settings)).unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

fn resize_in_memory(data: Vec<u8>, settings: &Settings) -> Result<Vec<u8>, ImageError> {
    let path = Path::new("(memory)");
    let format = InputFormat::sniff(data.get(..64).unwrap_or(&data), path)
        .filter(|f| f.readable())
        .ok_or_else(|| ImageError::NotAnImage { path: path.to_owned() })?;
    let encoding = Encoding::resolve(settings, format, || true);
    let budget = Budget::new(settings.limits.memory_budget.unwrap_or(u64::MAX));
    let names = Names {
        input: path,
        output: path,
    };
    Ok(convert(Source::Bytes(data), format, encoding, settings, &budget, names)?.bytes)
}

/// Decodes, orients, resizes and encodes.
pub(super) fn convert(
    source: Source,
    format: InputFormat,
    encoding: Encoding,
    settings: &Settings,
    budget: &Budget,
    names: Names,
) -> Result<Converted, ImageError> {
    let target = |w, h| target_size(w, h, settings.resize, settings.dont_enlarge);
    let scale = |w, h| {
        let (tw, th) = target(w, h);
        f64::max(f64::from(tw) / f64::from(w), f64::from(th) / f64::from(h))
    };
    let (path, limits) = (names.input, &settings.limits);
    let resize_err = |why| ImageError::Resize {
        why,
        path: path.to_owned(),
    };
    if let Some(animated) = format
        .image_format()
        .filter(|f| matches!(f, ImageFormat::Gif | ImageFormat::WebP | ImageFormat::Png))
    {
        let read = read_animation(&source, animated, encoding, settings, budget, path)?;
        if let animation::Read::Animated(anim) = read {
            return from_animation(anim, encoding, settings, names);
        }
    }
    let decoded = if let Some(format) = format.image_format().filter(|&f| f != ImageFormat::Jpeg) {
        stages::time(Stage::Decode, || decode_other(source, path, format, limits, budget))?
    } else if format.is_heif() {
        let data = source.into_bytes(path, limits)?;
        stages::time(Stage::Decode, || decode_heif(data, path, format, limits, budget))?
    } else if format == InputFormat::Jxl {
        match read_jxl(source.into_bytes(path, limits)?, encoding, settings, budget, path)? {
            JxlRead::Still(decoded) => decoded,
            JxlRead::Animated(anim) => return from_animation(anim, encoding, settings, names),
        }
    } else {
        let (data, frame) = jpeg_input(source.into_bytes(path, limits)?, limits, path)?;
        let noted = |copy: Result<Converted, ImageError>| {
            copy.map(|mut c| {
                if frame.unended {
                    c.note = Some(join_notes(c.note.take(), UNENDED));
                }
                c
            })
        };
        let (jpeg, wrap) = match encoding {
            Encoding::Jpeg { quality, options } => (Some((quality, options)), None),
            Encoding::JxlFromJpeg {
                quality,
                options,
                effort,
            } => (Some((quality, options)), Some(effort)),
            _ => (None, None),
        };
        if let Some(copy) = lossless_copy(&data, &frame, encoding, settings, names) {
            return noted(copy);
        }
        if let Some(effort) = wrap
            && frame.header.decodable
            && target(frame.upright.0, frame.upright.1) == frame.upright
            && !(settings.strip_metadata || settings.remove_location || settings.sharpen || settings.to_srgb)
            && settings.min_score.is_none()
            && settings.target_size.is_none()
        {
            return noted(super::jxl_copy::archive(data, frame.upright, effort, names));
        }
        if let (Some((quality, options)), true) = (jpeg, frame.header.ycc) {
            let icc = jpeg_segments::icc_profile(&data);
            // The planes go from file to file without colour maths, and are encoded once.
            // The planes are resampled and encoded as they are: anything that works on the RGB picture (linear
            // light, colour conversion, sharpening) or encodes it more than once goes the RGB way.
            let searched = settings.target_size.is_some() || settings.min_score.is_some();
            // jpegli encodes RGB pictures only.
            let jpegli = options.encoder == JpegEncoder::Jpegli;
            if !(settings.linear || settings.to_srgb && icc.is_some() || searched || settings.sharpen || jpegli) {
                let metadata = Metadata::from_jpeg(&data);
                let found = Tags { icc, metadata };
                let tags = move |size| tags_for_copy(found, size, settings);
                let copy = planar::convert(data, &frame, settings, (quality, options), budget, names, tags).map_err(
                    |e| match (frame.unended, e) {
                        (true, ImageError::Jpeg { .. }) => ImageError::Truncated { path: path.to_owned() },
                        (_, e) => e,
                    },
                )?;
                return noted(match wrap {
                    Some(effort) => super::jxl_copy::wrap(copy, effort, names),
                    None => Ok(copy),
                });
            }
        }
        stages::time(Stage::Decode, || decode_jpeg(data, &frame, path, limits, scale, budget))?
    };
    let input_size = decoded.full_size;
    let (tw, th) = target(input_size.0, input_size.1);
    let resized = match stages::time(Stage::Resize, || {
        resize(&decoded.img, tw, th, Resample::of(settings, settings.resize))
    }) {
        Ok(Some(resized)) => resized,
        Ok(None) => decoded.img,
        Err(why) => return Err(resize_err(why)),
    };
    let note = decoded.note.map(str::to_owned);
    stages::time(Stage::Encode, || {
        encode_copy(resized, input_size, decoded.found, note, encoding, settings, names)
    })
}

/// The copy of an animation: its frames when the copy can animate, else its first frame (and a note).
fn from_animation(
    anim: Animation,
    encoding: Encoding,
    settings: &Settings,
    names: Names,
) -> Result<Converted, ImageError> {
    let resize_err = |why| ImageError::Resize {
        why,
        path: names.input.to_owned(),
    };
    let frames = anim.frames.len();
    let input_size = anim.full_size;
    let output_size = anim
        .frames
        .first()
        .map(|(f, _)| f.dimensions())
        .ok_or_else(|| resize_err("no frame".to_owned()))?;
    if frames > 1 && animation::can_animate(encoding) {
        let bytes = animation::encode(&anim, encoding).map_err(|why| ImageError::Encode {
            why,
            path: names.output.to_owned(),
        })?;
        return Ok(Converted {
            bytes,
            input_size,
            output_size,
            quality: encoding.quality(),
            score: None,
            note: Some(format!("animation of {frames} frames")),
            resized: animation::first_frame(anim),
            jpeg_inside: None,
        });
    }
    let note = (frames > 1).then(|| {
        format!(
            "animated, but {} cannot animate: only the first frame was kept",
            encoding.format().name()
        )
    });
    let first = animation::first_frame(anim).ok_or_else(|| resize_err("no frame".to_owned()))?;
    encode_copy(first, input_size, Tags::default(), note, encoding, settings, names)
}

/// Colour, metadata and encoding of a resized picture: the profile checked and converted to sRGB if asked, the
/// metadata made true of the copy, and the quality lowered to meet a target size.
fn encode_copy(
    mut resized: DynamicImage,
    input_size: (u32, u32),
    found: Tags,
    note: Option<String>,
    encoding: Encoding,
    settings: &Settings,
    names: Names,
) -> Result<Converted, ImageError> {
    if let Encoding::JxlFromJpeg {
        quality,
        options,
        effort,
    } = encoding
    {
        // The JPEG copy first, its quality searched on the JPEG itself (look, target size), so that it is the
        // very copy `--format jpeg` makes; then stored whole.
        let jpeg = Encoding::Jpeg { quality, options };
        let copy = encode_copy(resized, input_size, found, note, jpeg, settings, names)?;
        return super::jxl_copy::wrap(copy, effort, names);
    }
    let Tags { icc, metadata } = found;
    if settings.sharpen {
        let scale = f64::from(resized.width()) / f64::from(input_size.0.max(1));
        resized = sharpen_for_screen(resized, scale);
    }
    let mut icc = icc.filter(|p| colour::fits(p, &resized));
    if settings.to_srgb
        && let Some(profile) = &icc
        && let Some(converted) = colour::to_srgb(&resized, profile)
    {
        resized = converted;
        icc = None;
    }
    let found = Tags { icc, metadata };
    let tags = |size| tags_for_copy(found.clone(), size, settings);
    // A malformed EXIF block (cut, or directories that loop or fan out) is left out rather than carried wrong;
    // the user hears why the copy has none.
    let exif_dropped = !settings.strip_metadata
        && found.metadata.exif.is_some()
        && tags((resized.width(), resized.height())).metadata.exif.is_none();
    let note = [
        note,
        exif_dropped.then(|| "EXIF left out: the original's is malformed".to_owned()),
    ]
    .into_iter()
    .flatten()
    .reduce(|a, b| format!("{a}; {b}"));
    let output = names.output;
    let encode_err = |why| ImageError::Encode {
        why,
        path: output.to_owned(),
    };
    if let (Some(target), Some(_)) = (settings.min_score, encoding.quality()) {
        let size = (resized.width(), resized.height());
        let copy_tags = tags(size);
        let encode = |e: Encoding| e.encode(&resized, &copy_tags, settings.background);
        let looked = encode_by_look(&resized, encoding, f64::from(target), encode).map_err(encode_err)?;
        let note = [note, looked.note].into_iter().flatten().collect::<Vec<_>>();
        return Ok(Converted {
            bytes: looked.bytes,
            input_size,
            output_size: size,
            quality: Some(looked.quality),
            score: Some(looked.score as f32),
            note: (!note.is_empty()).then(|| note.join("; ")),
            resized: Some(resized),
            jpeg_inside: None,
        });
    }
    let smaller = |img: &DynamicImage, w, h| resize_to(img, w, h, Resample::of(settings, settings.resize).uncropped());
    let fitted = encode_fitting(
        &resized,
        encoding,
        settings.target_size,
        settings.shrink_to_fit,
        tags,
        settings.background,
        smaller,
    )
    .map_err(|e| match e {
        FitError::Encode(why) => encode_err(why),
        FitError::OverTarget(bytes) => ImageError::OverTarget {
            bytes,
            target: settings.target_size.unwrap_or_default(),
            path: output.to_owned(),
        },
    })?;
    let resized = fitted.img.unwrap_or(resized);
    Ok(Converted {
        bytes: fitted.bytes,
        input_size,
        output_size: (resized.width(), resized.height()),
        quality: fitted.quality,
        score: None,
        note,
        resized: Some(resized),
        jpeg_inside: None,
    })
}

/// What a copy of `size` carries: its colour profile (sRGB's when converting to sRGB and the pixels have no
/// other) and its metadata, made true of it and filtered by the settings.
fn tags_for_copy(found: Tags, size: (u32, u32), settings: &Settings) -> Tags {
    let Tags { icc, metadata } = found;
    let icc = match icc {
        None if settings.to_srgb => Some(colour::srgb_profile().to_vec()),
        icc => icc,
    };
    let keep = Keep {
        metadata: !settings.strip_metadata,
        location: !settings.remove_location,
    };
    let mut metadata = metadata.for_copy(size, keep);
    // A density asked for goes into the EXIF of every format that carries one (AVIF and JPEG XL have no other
    // place); the formats with a field of their own get it there too (`formats::density`).
    if let (Some(Dpi::Set(dpi)), Some(exif)) = (settings.dpi, metadata.exif.as_mut()) {
        let _ = crate::engine::metadata::exif::set_resolution(exif, dpi);
    }
    Tags { icc, metadata }
}

/// `note`, with `more` after it.
fn join_notes(note: Option<String>, more: &str) -> String {
    match note {
        Some(note) => format!("{note}; {more}"),
        None => more.to_owned(),
    }
}

/// The copy of a JPEG that `optimize_jpeg` makes without re-encoding it, when the copy keeps the size and
/// nothing asked changes its pixels or metadata; none when it does not apply.
fn lossless_copy(
    data: &[u8],
    frame: &super::decode::JpegFrame,
    encoding: Encoding,
    settings: &Settings,
    names: Names,
) -> Option<Result<Converted, ImageError>> {
    let Encoding::Jpeg { options, .. } = encoding else {
        return None;
    };
    let (w, h) = frame.upright;
    let applies = settings.optimize_jpeg
        && frame.header.decodable
        && target_size(w, h, settings.resize, settings.dont_enlarge) == (w, h)
        && settings.min_score.is_none()
        && settings.target_size.is_none()
        && !(settings.sharpen || settings.to_srgb || settings.strip_metadata || settings.remove_location);
    if !applies {
        return None;
    }
    let optimized =
        crate::engine::formats::jpeg::optimize_losslessly(data, options.progressive, settings.limits.max_alloc);
    Some(match optimized {
        Ok(bytes) => Ok(Converted {
            bytes,
            input_size: (w, h),
            output_size: (w, h),
            quality: None,
            score: None,
            note: Some("optimised losslessly: the same pixels, smaller".to_owned()),
            resized: None,
            jpeg_inside: None,
        }),
        Err(why) => Err(super::decode::jpeg_error(why, names.input)),
    })
}
