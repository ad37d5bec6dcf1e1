//! One image, start to finish: read, decode, orient, resize, encode, write, thumbnail.

use std::fs::{self, File};
use std::io::{BufRead, BufReader, Cursor, Read as _, Seek};
use std::path::Path;

use fast_image_resize::{self as fir, ResizeAlg, ResizeOptions};
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};

use super::animation;
use super::budget::{Budget, Hold};
use super::codecs;
use super::colour;
use super::encode::{Encoding, Tags};
use super::error::ImageError;
use super::event::{ExtraDone, Thumbnail};
use super::fit::{FitError, encode_fitting};
use super::format::InputFormat;
use super::geometry::target_size;
use super::jpeg;
use super::metadata::{Keep, Metadata};
use super::plan::Task;
use super::planar;
use super::settings::{Filter, Limits, Settings};
use super::write::write_atomically;

/// What became of one image that went through.
#[derive(Debug)]
pub(crate) struct Processed {
    pub input_size: (u32, u32),
    pub output_size: (u32, u32),
    pub output_bytes: u64,
    pub quality: Option<u8>,
    pub kept_original: bool,
    pub note: Option<String>,
    pub extra: Vec<ExtraDone>,
    pub thumbnail: Option<Thumbnail>,
}

/// Runs the whole pipeline for `task`. Nothing is written unless every step before the write succeeded. The
/// decoded pixels are held against `budget` from just before they are allocated until the image is written.
pub(crate) fn process(
    task: &Task,
    settings: &Settings,
    thumbnail_edge: Option<u32>,
    budget: &Budget,
) -> Result<Processed, ImageError> {
    let names = Names {
        input: &task.input,
        output: &task.output,
    };
    let (converted, extras) = if task.extra.is_empty() {
        let converted = convert(Source::File, task.format, task.encoding, settings, budget, names)?;
        (converted, Vec::new())
    } else {
        let mut all = convert_many(task, settings, budget)?.into_iter();
        let main = all.next().ok_or_else(|| ImageError::Encode {
            why: "no copy was made".to_owned(),
            path: task.output.clone(),
        })?;
        (main, all.collect())
    };
    let modified = if settings.keep_dates { task.modified } else { None };
    // A copy in the original's format that came out larger: the original is the better copy.
    let keep_original = settings.skip_if_larger
        && task.encoding.format() == task.format
        && converted.bytes.len() as u64 >= task.input_bytes;
    let original;
    let bytes = if keep_original {
        original = fs::read(&task.input).map_err(|source| ImageError::Read {
            source,
            path: task.input.clone(),
        })?;
        &original
    } else {
        &converted.bytes
    };
    write_atomically(&task.output, bytes, task.replace, modified)?;
    let mut extra = Vec::with_capacity(extras.len());
    for (copy, out) in extras.iter().zip(&task.extra) {
        write_atomically(&out.output, &copy.bytes, out.replace, modified)?;
        extra.push(ExtraDone {
            output: out.output.clone(),
            output_bytes: copy.bytes.len() as u64,
            output_size: copy.output_size,
        });
    }
    let thumbnail = thumbnail_edge.and_then(|edge| match &converted.resized {
        Some(resized) => make_thumbnail(resized, edge),
        // The planar path keeps no RGB picture: decode the small copy at reduced scale instead.
        None => {
            let (tw, th) = converted.output_size;
            let shrink = jpeg::shrink_for(tw, th, f64::from(edge) / f64::from(tw.max(th)));
            let small = jpeg::decode(&converted.bytes, shrink, settings.limits.max_alloc).ok()?;
            make_thumbnail(&small, edge)
        }
    });
    Ok(Processed {
        input_size: converted.input_size,
        output_size: if keep_original {
            converted.input_size
        } else {
            converted.output_size
        },
        output_bytes: bytes.len() as u64,
        quality: if keep_original { None } else { converted.quality },
        kept_original: keep_original,
        note: converted.note,
        extra,
        thumbnail,
    })
}

/// Makes every copy of a task with extra outputs from one decoding: at the scale the largest copy needs (JPEG
/// shrinks on load no further than that), then resized and encoded once per copy. An input that may animate
/// (GIF, animated WebP and PNG) is converted once per copy instead, each keeping its frames.
fn convert_many(task: &Task, settings: &Settings, budget: &Budget) -> Result<Vec<Converted>, ImageError> {
    let main = (task.encoding, settings.resize, task.output.as_path());
    let outputs: Vec<_> = std::iter::once(main)
        .chain(task.extra.iter().map(|e| (e.encoding, e.resize, e.output.as_path())))
        .collect();
    let (path, limits) = (task.input.as_path(), &settings.limits);
    if let Some(f) = task.format.image_format()
        && animation::may_animate(path, f, &image_limits(limits, f))
    {
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
    let decoded = decode(path, task.format, limits, scale, budget)?;
    bump_decodes();
    let input_size = decoded.full_size;
    outputs
        .iter()
        .map(|&(encoding, resize, output)| {
            let (tw, th) = target_size(input_size.0, input_size.1, resize, settings.dont_enlarge);
            let crop = matches!(resize, super::settings::ResizeMode::Fill { .. });
            let resized = resize_to(&decoded.img, tw, th, settings.filter, crop, settings.linear).map_err(|why| {
                ImageError::Resize {
                    why,
                    path: path.to_owned(),
                }
            })?;
            let names = Names { input: path, output };
            encode_copy(
                resized,
                input_size,
                decoded.icc.clone(),
                decoded.metadata.clone(),
                None,
                encoding,
                settings,
                names,
            )
        })
        .collect()
}

/// `resize`, giving a copy of `img` when it already has the size.
fn resize_to(
    img: &DynamicImage,
    width: u32,
    height: u32,
    filter: Filter,
    crop: bool,
    linear: bool,
) -> Result<DynamicImage, String> {
    Ok(resize(img, width, height, filter, crop, linear)?.unwrap_or_else(|| img.clone()))
}

#[cfg(test)]
thread_local! {
    static DECODES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
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

/// Where an image's pixels come from.
enum Source {
    /// The input file, read as each format likes best.
    File,
    /// Its whole content, already in memory.
    Bytes(Vec<u8>),
}

impl Source {
    /// The whole content, read under the limits if it is still in the file.
    fn into_bytes(self, path: &Path, limits: &Limits) -> Result<Vec<u8>, ImageError> {
        match self {
            Source::File => read(path, limits),
            Source::Bytes(data) => Ok(data),
        }
    }
}

/// The paths errors name.
#[derive(Clone, Copy)]
pub(crate) struct Names<'a> {
    pub input: &'a Path,
    pub output: &'a Path,
}

/// One image's encoded copy, before it is written.
pub(crate) struct Converted {
    pub bytes: Vec<u8>,
    pub input_size: (u32, u32),
    pub output_size: (u32, u32),
    /// The quality it was encoded at, for lossy formats.
    pub quality: Option<u8>,
    /// Something the user should know about this copy (an animation reduced to its first frame).
    pub note: Option<String>,
    /// The resized picture, when the path went through RGB (the planar JPEG path has none).
    pub resized: Option<DynamicImage>,
}

/// Decodes, orients, resizes and encodes.
fn convert(
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
    let crop = matches!(settings.resize, super::settings::ResizeMode::Fill { .. });
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
            let frames = anim.frames.len();
            let input_size = anim.full_size;
            let output_size = anim.frames[0].0.dimensions();
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
                    note: Some(format!("animation of {frames} frames")),
                    resized: animation::first_frame(anim),
                });
            }
            let note = (frames > 1).then(|| {
                format!(
                    "animated, but {} cannot animate: only the first frame was kept",
                    encoding.format().name()
                )
            });
            let first = animation::first_frame(anim).ok_or_else(|| resize_err("no frame".to_owned()))?;
            return encode_copy(
                first,
                input_size,
                None,
                Metadata::default(),
                note,
                encoding,
                settings,
                names,
            );
        }
    }
    let decoded = if let Some(format) = format.image_format().filter(|&f| f != ImageFormat::Jpeg) {
        decode_other(source, path, format, limits, budget)?
    } else if format.is_heif() {
        decode_heif(source.into_bytes(path, limits)?, path, format, limits, budget)?
    } else {
        let data = source.into_bytes(path, limits)?;
        let frame = jpeg_frame(&data, limits, path)?;
        if let (Encoding::Jpeg { quality }, true) = (encoding, frame.header.ycc) {
            let icc = jpeg::icc_profile(&data);
            // The planes go from file to file without colour maths, and are encoded once.
            if !(settings.linear || settings.to_srgb && icc.is_some() || settings.target_size.is_some()) {
                let metadata = Metadata::from_jpeg(&data);
                let tags = move |size| tags_for_copy(icc, metadata, size, settings);
                return planar::convert(data, &frame, settings, quality, budget, names, tags);
            }
        }
        decode_jpeg(data, &frame, path, limits, scale, budget)?
    };
    let input_size = decoded.full_size;
    let (tw, th) = target(input_size.0, input_size.1);
    let resized = match resize(&decoded.img, tw, th, settings.filter, crop, settings.linear) {
        Ok(Some(resized)) => resized,
        Ok(None) => decoded.img,
        Err(why) => return Err(resize_err(why)),
    };
    encode_copy(
        resized,
        input_size,
        decoded.icc,
        decoded.metadata,
        None,
        encoding,
        settings,
        names,
    )
}

/// Reads the frames of a GIF, or of a WebP or PNG that animates, resized to the copy's size: all of them when
/// the output can animate, else the first two (to tell whether it animated).
fn read_animation(
    source: &Source,
    format: ImageFormat,
    encoding: Encoding,
    settings: &Settings,
    budget: &Budget,
    path: &Path,
) -> Result<animation::Read, ImageError> {
    let limits = &settings.limits;
    let crop = matches!(settings.resize, super::settings::ResizeMode::Fill { .. });
    let max_frames = if animation::can_animate(encoding) {
        usize::MAX
    } else {
        2
    };
    let decode_err = |why: String| ImageError::Codec {
        format: InputFormat::Image(format).name(),
        why,
        path: path.to_owned(),
    };
    let resize_frame = |frame: image::RgbaImage| {
        let (w, h) = frame.dimensions();
        check_pixels(w, h, limits, path).map_err(|e| e.to_string())?;
        let (tw, th) = target_size(w, h, settings.resize, settings.dont_enlarge);
        let frame = DynamicImage::ImageRgba8(frame);
        Ok(match resize(&frame, tw, th, settings.filter, crop, settings.linear)? {
            Some(small) => small.into_rgba8(),
            None => frame.into_rgba8(),
        })
    };
    let canvas = match source {
        Source::File => ImageReader::open(path).ok().and_then(|r| canvas(r, format, limits)),
        Source::Bytes(data) => canvas(ImageReader::new(Cursor::new(data.as_slice())), format, limits),
    };
    if let Some((w, h)) = canvas {
        check_pixels(w, h, limits, path)?;
    }
    // The frame being decoded and the canvas it is composed on; the resized frames are bounded by the
    // allocation limit.
    let _hold = budget.hold(canvas.map_or(0, |(w, h)| u64::from(w) * u64::from(h) * 8));
    match source {
        Source::File => {
            let file = File::open(path).map_err(|source| ImageError::Read {
                source,
                path: path.to_owned(),
            })?;
            let limits_for = image_limits(limits, format);
            animation::read(
                BufReader::new(file),
                format,
                max_frames,
                limits_for,
                limits.max_alloc,
                resize_frame,
            )
        }
        Source::Bytes(data) => {
            let limits_for = image_limits(limits, format);
            animation::read(
                Cursor::new(data.as_slice()),
                format,
                max_frames,
                limits_for,
                limits.max_alloc,
                resize_frame,
            )
        }
    }
    .map_err(decode_err)
}

/// The canvas size of an image, from its header (`None` when it cannot be read; decoding will say why).
fn canvas<R: BufRead + Seek>(mut reader: ImageReader<R>, format: ImageFormat, limits: &Limits) -> Option<(u32, u32)> {
    reader.set_format(format);
    reader.limits(image_limits(limits, format));
    reader.into_dimensions().ok()
}

/// Colour, metadata and encoding of a resized picture: the profile checked and converted to sRGB if asked, the
/// metadata made true of the copy, and the quality lowered to meet a target size.
#[allow(clippy::too_many_arguments)]
fn encode_copy(
    mut resized: DynamicImage,
    input_size: (u32, u32),
    icc: Option<Vec<u8>>,
    metadata: Metadata,
    note: Option<String>,
    encoding: Encoding,
    settings: &Settings,
    names: Names,
) -> Result<Converted, ImageError> {
    let mut icc = icc.filter(|p| colour::fits(p, &resized));
    if settings.to_srgb
        && let Some(profile) = &icc
        && let Some(converted) = colour::to_srgb(&resized, profile)
    {
        resized = converted;
        icc = None;
    }
    let tags = |size| tags_for_copy(icc.clone(), metadata.clone(), size, settings);
    let smaller = |img: &DynamicImage, w, h| resize_to(img, w, h, settings.filter, false, settings.linear);
    let output = names.output;
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
        FitError::Encode(why) => ImageError::Encode {
            why,
            path: output.to_owned(),
        },
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
        note,
        resized: Some(resized),
    })
}

/// What a copy of `size` carries: its colour profile (sRGB's when converting to sRGB and the pixels have no
/// other) and its metadata, made true of it and filtered by the settings.
fn tags_for_copy(icc: Option<Vec<u8>>, metadata: Metadata, size: (u32, u32), settings: &Settings) -> Tags {
    let icc = match icc {
        None if settings.to_srgb => Some(colour::srgb_profile().to_vec()),
        icc => icc,
    };
    let keep = Keep {
        metadata: !settings.strip_metadata,
        location: !settings.remove_location,
    };
    Tags {
        icc,
        metadata: metadata.for_copy(size, keep),
    }
}

/// A decoded image, upright, possibly smaller than the file's full size.
pub(crate) struct Decoded<'b> {
    /// The pixels, at full size or shrunk on load.
    pub img: DynamicImage,
    /// The upright size of the image in the file.
    pub full_size: (u32, u32),
    /// The colour profile the file carries, byte for byte.
    pub icc: Option<Vec<u8>>,
    /// Its EXIF, XMP and IPTC, as found.
    pub metadata: Metadata,
    /// The pixels' share of the memory budget, given back with them.
    _hold: Hold<'b>,
}

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
            let data = read(path, limits)?;
            let frame = jpeg_frame(&data, limits, path)?;
            decode_jpeg(data, &frame, path, limits, scale, budget)
        }
        f if f.is_heif() => decode_heif(read(path, limits)?, path, f, limits, budget),
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
    let header = super::heif::header(&data).map_err(|why| heif_error(why, format, path))?;
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
fn decode_heif<'b>(
    data: Vec<u8>,
    path: &Path,
    format: InputFormat,
    limits: &Limits,
    budget: &'b Budget,
) -> Result<Decoded<'b>, ImageError> {
    let (w, h, alpha) = super::heif::header(&data).map_err(|why| heif_error(why, format, path))?;
    check_pixels(w, h, limits, path)?;
    // libheif's own planes (YCbCr) and the interleaved copy made of them, at up to 2 bytes a sample.
    let pixels = u64::from(w) * u64::from(h);
    let hold = budget.hold(data.len() as u64 + pixels * 2 * (3 + if alpha { 4 } else { 3 }));
    let picture = super::heif::decode(&data).map_err(|why| heif_error(why, format, path))?;
    Ok(Decoded {
        full_size: (picture.img.width(), picture.img.height()),
        img: picture.img,
        icc: picture.icc,
        metadata: picture.metadata,
        _hold: hold,
    })
}

#[cfg(not(feature = "heif"))]
fn decode_heif<'b>(
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

/// Decodes a format other than JPEG; from a file it is streamed, so its compressed data is never held whole.
fn decode_other<'b>(
    source: Source,
    path: &Path,
    format: ImageFormat,
    limits: &Limits,
    budget: &'b Budget,
) -> Result<Decoded<'b>, ImageError> {
    match source {
        Source::File => {
            let file = File::open(path).map_err(|source| ImageError::Read {
                source,
                path: path.to_owned(),
            })?;
            decode_with_image(BufReader::new(file), 0, path, format, limits, budget)
        }
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
    let mut reader = ImageReader::with_format(reader, format);
    reader.limits(image_limits(limits, format));
    let mut decoder = reader.into_decoder().map_err(decode_err)?;
    let (width, height) = decoder.dimensions();
    check_pixels(width, height, limits, path)?;
    // A broken orientation tag is no reason to lose the picture: it then counts as upright.
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    // A profile that cannot be read is no reason to lose the picture.
    let icc = decoder.icc_profile().ok().flatten();
    let metadata = Metadata::from_decoder(&mut decoder);
    let hold = budget.hold(held_data + pixel_bytes(decoder.total_bytes(), orientation));
    let mut img = DynamicImage::from_decoder(decoder).map_err(decode_err)?;
    img.apply_orientation(orientation);
    Ok(Decoded {
        full_size: (img.width(), img.height()),
        img,
        icc,
        metadata,
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

/// Decodes a JPEG already read: libjpeg-turbo with shrink-on-load for grey and colour, the `image` crate for
/// CMYK and YCCK, which libjpeg-turbo cannot turn into RGB.
fn decode_jpeg<'b>(
    data: Vec<u8>,
    frame: &JpegFrame,
    path: &Path,
    limits: &Limits,
    scale: impl FnOnce(u32, u32) -> f64,
    budget: &'b Budget,
) -> Result<Decoded<'b>, ImageError> {
    let held_data = data.len() as u64;
    if !frame.header.decodable {
        if !jpeg_is_complete(&data) {
            // zune-jpeg fills a cut-off picture with grey and calls it a success; a half-grey copy is worse
            // than a clear error.
            return Err(ImageError::Truncated { path: path.to_owned() });
        }
        return decode_with_image(Cursor::new(data), held_data, path, ImageFormat::Jpeg, limits, budget);
    }
    let (w, h) = frame.upright;
    let (fw, fh) = (frame.header.width, frame.header.height);
    let shrink = jpeg::shrink_for(fw, fh, scale(w, h) * jpeg::FILTER_MARGIN);
    let pixels = u64::from(fw.div_ceil(shrink)) * u64::from(fh.div_ceil(shrink));
    let hold = budget.hold(held_data + pixel_bytes(pixels * 3, frame.orientation));
    let mut img = jpeg::decode(&data, shrink, limits.max_alloc).map_err(|why| jpeg_error(why, path))?;
    let icc = jpeg::icc_profile(&data);
    let metadata = Metadata::from_jpeg(&data);
    drop(data);
    img.apply_orientation(frame.orientation);
    Ok(Decoded {
        img,
        full_size: frame.upright,
        icc,
        metadata,
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

/// What the PNG decoder may allocate for itself: row buffers and metadata, not the picture (which is checked
/// against the pixel limit and the budget). The png crate's own default; a real colour profile or comment is a
/// few kilobytes, while a hostile one can inflate to gigabytes.
const PNG_METADATA_LIMIT: u64 = 64 << 20;

/// The `image` crate's limits for ours, for a decoder of `format`.
pub(crate) fn image_limits(limits: &Limits, format: ImageFormat) -> image::Limits {
    let mut l = image::Limits::default();
    l.max_alloc = Some(if format == ImageFormat::Png {
        limits.max_alloc.min(PNG_METADATA_LIMIT)
    } else {
        limits.max_alloc
    });
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
/// With `linear`, the samples are taken from sRGB's curve to linear light (16 bits) and back around it.
fn resize(
    img: &DynamicImage,
    width: u32,
    height: u32,
    filter: Filter,
    crop: bool,
    linear: bool,
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
    let wide = linear.then(|| wide_type(img.color())).flatten();
    match wide {
        Some(wide) => {
            let mapper = srgb_mapper();
            let mut src16 = DynamicImage::new(img.width(), img.height(), wide);
            mapper.forward_map(img, &mut src16).map_err(|e| e.to_string())?;
            let mut dst16 = DynamicImage::new(width, height, wide);
            codecs::with_resizer(|r| r.resize(&src16, &mut dst16, &options)).map_err(|e| e.to_string())?;
            drop(src16);
            mapper.backward_map(&dst16, &mut dst).map_err(|e| e.to_string())?;
        }
        None => codecs::with_resizer(|r| r.resize(img, &mut dst, &options)).map_err(|e| e.to_string())?,
    }
    Ok(Some(dst))
}

/// The 16-bit pixel type linear light is resampled in, for 8- and 16-bit types (float ones are left alone).
fn wide_type(color: image::ColorType) -> Option<image::ColorType> {
    use image::ColorType as C;
    Some(match color {
        C::L8 | C::L16 => C::L16,
        C::La8 | C::La16 => C::La16,
        C::Rgb8 | C::Rgb16 => C::Rgb16,
        C::Rgba8 | C::Rgba16 => C::Rgba16,
        _ => return None,
    })
}

/// sRGB's transfer curve both ways, as lookup tables built once.
fn srgb_mapper() -> &'static fir::PixelComponentMapper {
    static MAPPER: std::sync::OnceLock<fir::PixelComponentMapper> = std::sync::OnceLock::new();
    MAPPER.get_or_init(fir::create_srgb_mapper)
}

/// Decodes any image file Shrinkray reads (the format told by its content), upright and at full size: for
/// tools and tests that look at copies; jobs decode through their own path.
pub fn open(path: &Path, limits: &Limits) -> Result<DynamicImage, ImageError> {
    let mut head = Vec::with_capacity(64);
    File::open(path)
        .and_then(|f| std::io::Read::take(f, 64).read_to_end(&mut head))
        .map_err(|source| ImageError::Read {
            source,
            path: path.to_owned(),
        })?;
    let format = InputFormat::sniff(&head, path)
        .filter(|f| f.readable())
        .ok_or_else(|| ImageError::NotAnImage { path: path.to_owned() })?;
    let unbounded = Budget::new(u64::MAX);
    Ok(decode(path, format, limits, |_, _| 1.0, &unbounded)?.img)
}

/// Reads an image file (an output, typically) and makes a thumbnail of it, for a UI that let an earlier one go.
pub fn load_thumbnail(path: &Path, edge: u32, limits: &Limits) -> Result<Thumbnail, ImageError> {
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
    let rgba = match resize(img, w, h, Filter::Bilinear, false, false).ok()? {
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
    fn several_copies_come_from_one_decoding() {
        use crate::engine::{ExtraOutput, OutputFormat, ResizeMode, Settings};
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("photo.jpg");
        image::RgbImage::from_fn(640, 480, |x, y| image::Rgb([x as u8, y as u8, 128]))
            .save(&input)
            .unwrap();
        let settings = Settings {
            resize: ResizeMode::LongEdge(320),
            output_dir: Some(dir.path().join("out")),
            name_template: "{name}-{size}".to_owned(),
            extra_outputs: vec![ExtraOutput {
                name: "thumb".to_owned(),
                resize: ResizeMode::LongEdge(100),
                format: OutputFormat::WebP,
            }],
            ..Settings::default()
        };
        let inputs = [input];
        let mut plan = crate::engine::plan(&inputs, &settings).unwrap();
        let Some(crate::engine::PlanEntry::Task(task)) = plan.next() else {
            panic!("no task")
        };
        super::DECODES.set(0);
        let budget = super::Budget::new(u64::MAX);
        let done = super::process(&task, &settings, None, &budget).unwrap();
        assert_eq!(super::DECODES.get(), 1, "one decoding for two copies");
        assert_eq!(done.output_size, (320, 240));
        assert_eq!(done.extra.len(), 1);
        assert_eq!(done.extra[0].output_size, (100, 75));
        assert!(done.extra[0].output.ends_with("out/photo-thumb.webp"));
        assert!(task.output.ends_with("out/photo-large.jpg"));
    }

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
