//! Animated GIF, WebP and PNG (APNG): every frame resized, timing and loop count kept, written as GIF, WebP or
//! APNG. Frames are resized as they are decoded, so only one full-size frame is held at a time.

use std::io::{BufRead, Cursor, Seek};
use std::path::Path;

use image::codecs::gif::{GifDecoder, GifEncoder, Repeat};
use image::codecs::png::PngDecoder;
use image::codecs::webp::WebPDecoder;
use image::metadata::LoopCount;
use image::{AnimationDecoder, DynamicImage, Frame, Frames, ImageDecoder, ImageFormat, ImageReader, RgbaImage};

use super::input::{Source, check_pixels, image_limits, open_input};
use super::resample::{Resample, resize};
use crate::engine::budget::Budget;
use crate::engine::error::ImageError;
use crate::engine::formats::detect::InputFormat;
use crate::engine::formats::encode::Encoding;
use crate::engine::geometry::target_size;
use crate::engine::settings::{Limits, Settings};

/// The frames of an animation, already resized, with how long each shows and how often the whole repeats.
pub(crate) struct Animation {
    /// Each frame, full canvas, with its delay in milliseconds.
    pub frames: Vec<(RgbaImage, u32)>,
    /// How many times it plays.
    pub loops: LoopCount,
    /// The canvas size of the original.
    pub full_size: (u32, u32),
}

/// What reading a file that may animate gives.
pub(crate) enum Read {
    /// It does not animate (WebP, PNG): decode it as a still picture.
    Still,
    /// Its frames (a GIF of one frame comes as an animation of one).
    Animated(Animation),
}

/// Whether a file may hold an animation: any GIF (telling needs decoding its frames), and WebP and PNG files
/// that say so in their headers.
pub(crate) fn may_animate(path: &std::path::Path, format: ImageFormat, limits: &image::Limits) -> bool {
    let Ok(file) = crate::engine::storage::open(path) else {
        return false;
    };
    let reader = std::io::BufReader::new(file);
    match format {
        ImageFormat::Gif => true,
        ImageFormat::WebP => WebPDecoder::new(reader).is_ok_and(|d| d.has_animation()),
        ImageFormat::Png => PngDecoder::with_limits(reader, limits.clone()).is_ok_and(|d| d.is_apng().unwrap_or(false)),
        _ => false,
    }
}

/// Whether an encoding can hold an animation.
pub(crate) fn can_animate(encoding: Encoding) -> bool {
    matches!(
        encoding,
        Encoding::Gif | Encoding::WebP { .. } | Encoding::WebPLossless | Encoding::Png { .. }
    )
}

/// Reads the frames of an animated GIF, WebP or PNG from `reader`; `resize` makes each frame (upright RGBA at
/// the canvas size) the copy's size. Frames beyond what `max_bytes` of resized frames allows fail the image
/// rather than exhaust memory. At most `max_frames` frames are read (2 tell an animation from a still).
pub(crate) fn read<R: BufRead + Seek>(
    reader: R,
    format: ImageFormat,
    max_frames: usize,
    decoder_limits: image::Limits,
    max_bytes: u64,
    resize: impl Fn(RgbaImage) -> Result<RgbaImage, String>,
) -> Result<Read, String> {
    let err = |e: image::ImageError| e.to_string();
    let (frames, loops, full_size): (Frames, LoopCount, (u32, u32)) = match format {
        ImageFormat::Gif => {
            let mut d = GifDecoder::new(reader).map_err(err)?;
            d.set_limits(decoder_limits).map_err(err)?;
            let (size, loops) = (d.dimensions(), d.loop_count());
            (d.into_frames(), loops, size)
        }
        ImageFormat::WebP => {
            let mut d = WebPDecoder::new(reader).map_err(err)?;
            d.set_limits(decoder_limits).map_err(err)?;
            if !d.has_animation() {
                return Ok(Read::Still);
            }
            let (size, loops) = (d.dimensions(), d.loop_count());
            (d.into_frames(), loops, size)
        }
        ImageFormat::Png => {
            // The limits apply from the first chunk: a colour profile or text can be a decompression bomb.
            let d = PngDecoder::with_limits(reader, decoder_limits).map_err(err)?;
            if !d.is_apng().map_err(err)? {
                return Ok(Read::Still);
            }
            let size = d.dimensions();
            let apng = d.apng().map_err(err)?;
            let loops = apng.loop_count();
            (apng.into_frames(), loops, size)
        }
        _ => return Ok(Read::Still),
    };
    let mut out = Vec::new();
    let mut held = 0u64;
    for frame in frames {
        let frame = frame.map_err(err)?;
        let (numer, denom) = frame.delay().numer_denom_ms();
        let delay = numer.checked_div(denom).unwrap_or(0);
        let small = resize(frame.into_buffer())?;
        held += small.as_raw().len() as u64;
        if held > max_bytes {
            return Err(format!("the animation's frames need more than {max_bytes} bytes"));
        }
        out.push((small, delay));
        if out.len() >= max_frames {
            break;
        }
    }
    if out.is_empty() {
        return Err("the animation has no frames".to_owned());
    }
    Ok(Read::Animated(Animation {
        frames: out,
        loops,
        full_size,
    }))
}

/// Encodes an animation as GIF, WebP (lossy at its quality, or lossless) or APNG.
pub(crate) fn encode(anim: &Animation, encoding: Encoding) -> Result<Vec<u8>, String> {
    let (w, h) = anim.frames.first().map(|(f, _)| f.dimensions()).ok_or("no frames")?;
    match encoding {
        Encoding::Gif => {
            let mut out = Vec::new();
            {
                let mut encoder = GifEncoder::new_with_speed(&mut out, 10);
                let repeat = match anim.loops {
                    LoopCount::Infinite => Repeat::Infinite,
                    LoopCount::Finite(n) => Repeat::Finite(u16::try_from(n.get()).unwrap_or(u16::MAX)),
                };
                encoder.set_repeat(repeat).map_err(|e| e.to_string())?;
                let frames = anim.frames.iter().map(|(img, delay)| {
                    Frame::from_parts(img.clone(), 0, 0, image::Delay::from_numer_denom_ms(*delay, 1))
                });
                encoder.encode_frames(frames).map_err(|e| e.to_string())?;
            }
            Ok(out)
        }
        Encoding::Png { .. } => encode_apng(anim, w, h),
        Encoding::WebP { .. } | Encoding::WebPLossless => encode_webp(anim, encoding, w, h),
        other => Err(format!("{other:?} cannot hold an animation")),
    }
}

fn encode_apng(anim: &Animation, w: u32, h: u32) -> Result<Vec<u8>, String> {
    let err = |e: png::EncodingError| e.to_string();
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(Cursor::new(&mut out), w, h);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let plays = match anim.loops {
            LoopCount::Infinite => 0,
            LoopCount::Finite(n) => n.get(),
        };
        encoder.set_animated(anim.frames.len() as u32, plays).map_err(err)?;
        let mut writer = encoder.write_header().map_err(err)?;
        for (img, delay) in &anim.frames {
            writer
                .set_frame_delay(u16::try_from(*delay).unwrap_or(u16::MAX), 1000)
                .map_err(err)?;
            writer.write_image_data(img.as_raw()).map_err(err)?;
        }
        writer.finish().map_err(err)?;
    }
    Ok(out)
}

fn encode_webp(anim: &Animation, encoding: Encoding, w: u32, h: u32) -> Result<Vec<u8>, String> {
    let mut config = webp::WebPConfig::new().map_err(|()| "libwebp has no configuration".to_owned())?;
    match encoding {
        Encoding::WebP { quality } => config.quality = f32::from(quality),
        _ => config.lossless = 1,
    }
    let mut encoder = webp::AnimEncoder::new(w, h, &config);
    encoder.set_loop_count(match anim.loops {
        LoopCount::Infinite => 0,
        LoopCount::Finite(n) => i32::try_from(n.get()).unwrap_or(i32::MAX),
    });
    let mut at = 0i32;
    for (img, delay) in &anim.frames {
        encoder.add_frame(webp::AnimFrame::from_rgba(img.as_raw(), w, h, at));
        at = at.saturating_add(i32::try_from(*delay).unwrap_or(i32::MAX));
    }
    let encoded = encoder.try_encode().map_err(|e| format!("libwebp failed: {e:?}"))?;
    let mut bytes = encoded.to_vec();
    set_webp_durations(&mut bytes, &anim.frames);
    Ok(bytes)
}

/// Writes each frame's duration into the ANMF chunks. The webp crate ends the animation at time 0, which
/// leaves libwebp to guess the last frame's duration; the others are rewritten the same way for certainty.
fn set_webp_durations(webp: &mut [u8], frames: &[(RgbaImage, u32)]) {
    let mut i = 12;
    let mut durations = frames.iter().map(|(_, d)| *d);
    let mut anmf = Vec::new();
    while let Some(head) = webp.get(i..i + 8) {
        let len = u32::from_le_bytes([head[4], head[5], head[6], head[7]]) as usize;
        if &head[..4] == b"ANMF" {
            anmf.push(i + 8 + 12);
        }
        i += 8 + len + len % 2;
    }
    // libwebp may merge identical frames; then the durations no longer line up one to one.
    if anmf.len() != frames.len() {
        return;
    }
    for at in anmf {
        if let (Some(d), Some(field)) = (durations.next(), webp.get_mut(at..at + 3)) {
            field.copy_from_slice(&d.min(0xFF_FFFF).to_le_bytes()[..3]);
        }
    }
}

/// The first frame as a picture, for stills and for outputs that cannot animate.
pub(crate) fn first_frame(anim: Animation) -> Option<DynamicImage> {
    anim.frames
        .into_iter()
        .next()
        .map(|(img, _)| DynamicImage::ImageRgba8(img))
}
/// Reads the frames of a GIF, or of a WebP or PNG that animates, resized to the copy's size: all of them when
/// the output can animate, else the first two (to tell whether it animated).
pub(crate) fn read_animation(
    source: &Source,
    format: ImageFormat,
    encoding: Encoding,
    settings: &Settings,
    budget: &Budget,
    path: &Path,
) -> Result<Read, ImageError> {
    let limits = &settings.limits;
    let max_frames = if can_animate(encoding) { usize::MAX } else { 2 };
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
        Ok(match resize(&frame, tw, th, Resample::of(settings, settings.resize))? {
            Some(small) => small.into_rgba8(),
            None => frame.into_rgba8(),
        })
    };
    let canvas = match source {
        Source::File => crate::engine::storage::open(path)
            .ok()
            .and_then(|r| canvas(ImageReader::new(std::io::BufReader::new(r)), format, limits)),
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
            let limits_for = image_limits(limits, format);
            read(
                open_input(path)?,
                format,
                max_frames,
                limits_for,
                limits.max_alloc,
                resize_frame,
            )
        }
        Source::Bytes(data) => {
            let limits_for = image_limits(limits, format);
            read(
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
