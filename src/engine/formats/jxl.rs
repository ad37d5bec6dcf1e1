//! Reading JPEG XL with jxl-oxide (pure Rust): 8- and 16-bit and floating-point samples, grey or colour, with
//! or without alpha; the colour as the file describes it; orientation (applied by jxl-oxide as it renders,
//! so never again by the caller); EXIF and XMP boxes; every frame of an animation. Its allocations are
//! tracked against the allocation limit, and it decodes on the calling worker alone (Shrinkray's parallelism
//! is across images).

use std::io::Read;

use image::metadata::LoopCount;
use image::{DynamicImage, ImageBuffer, RgbaImage};
use jxl_oxide::{AllocTracker, JxlImage, JxlThreadPool};

use crate::engine::metadata::Metadata;

/// The signature of a bare JPEG XL codestream.
const CODESTREAM: &[u8] = &[0xFF, 0x0A];
/// The signature box of a JPEG XL container.
const CONTAINER: &[u8] = &[0, 0, 0, 0x0C, b'J', b'X', b'L', b' ', 0x0D, 0x0A, 0x87, 0x0A];

/// Whether `head` starts like a JPEG XL file (bare codestream or container).
pub(crate) fn is_jxl(head: &[u8]) -> bool {
    head.starts_with(CODESTREAM) || head.starts_with(CONTAINER)
}

/// What the header of a JPEG XL file says.
pub(crate) struct Header {
    /// Upright size.
    pub width: u32,
    pub height: u32,
    /// Whether it has an alpha channel.
    pub alpha: bool,
    /// Whether it is an animation (which may still hold one frame).
    pub animated: bool,
}

/// A decoded still picture and what it carries.
pub(crate) struct Picture {
    /// The first frame, upright.
    pub img: DynamicImage,
    /// The profile the pixels are in, or `None` for sRGB.
    pub icc: Option<Vec<u8>>,
    /// Its EXIF and XMP.
    pub metadata: Metadata,
}

/// Reads just enough of `reader` for the header.
pub(crate) fn header(mut reader: impl Read, max_alloc: u64) -> Result<Header, String> {
    let mut uninit = builder(max_alloc).build_uninit();
    let mut buf = vec![0u8; 16 << 10];
    let mut held = 0;
    loop {
        let n = reader.read(&mut buf[held..]).map_err(|e| e.to_string())?;
        if n == 0 {
            return Err("the file ends before its header does".to_owned());
        }
        held += n;
        let used = uninit.feed_bytes(&buf[..held]).map_err(|e| e.to_string())?;
        buf.copy_within(used..held, 0);
        held -= used;
        match uninit.try_init().map_err(|e| e.to_string())? {
            jxl_oxide::InitializeResult::NeedMoreData(more) => uninit = more,
            jxl_oxide::InitializeResult::Initialized(image) => return Ok(header_of(&image)),
        }
        if held == buf.len() {
            buf.resize(buf.len() * 2, 0);
        }
    }
}

fn header_of(image: &JxlImage) -> Header {
    Header {
        width: image.width(),
        height: image.height(),
        alpha: image.pixel_format().has_alpha(),
        animated: image.image_header().metadata.animation.is_some(),
    }
}

fn builder(max_alloc: u64) -> jxl_oxide::JxlImageBuilder {
    JxlImage::builder()
        .pool(JxlThreadPool::none())
        .alloc_tracker(AllocTracker::with_limit(
            usize::try_from(max_alloc).unwrap_or(usize::MAX),
        ))
}

/// Parses a whole file held in memory; `check` sees the header before any pixel is decoded.
pub(crate) fn open(
    data: &[u8],
    max_alloc: u64,
    check: impl FnOnce(&Header) -> Result<(), String>,
) -> Result<JxlImage, String> {
    let mut image = builder(max_alloc).read(data).map_err(|e| e.to_string())?;
    check(&header_of(&image))?;
    if image.pixel_format().has_black() {
        // CMYK: rendered to sRGB through the profile, as Shrinkray does for CMYK JPEGs and TIFFs.
        image.request_color_encoding(jxl_oxide::EnumColourEncoding::srgb(
            jxl_oxide::RenderingIntent::Relative,
        ));
    }
    if image.num_loaded_keyframes() == 0 {
        return Err("the file ends before its first frame".to_owned());
    }
    Ok(image)
}

/// The first frame of `image`, and what it carries.
pub(crate) fn decode(image: &JxlImage) -> Result<Picture, String> {
    let img = render(image, 0)?;
    // jxl-oxide renders in the file's own colour space (an ICC profile, or one it makes for an enumerated
    // space), except XYB pictures whose profile it cannot express, which it renders as sRGB.
    let icc = match image.rendered_cicp() {
        Some([1, 13, _, _]) => None,
        _ => Some(image.rendered_icc()),
    };
    Ok(Picture {
        img,
        icc,
        metadata: metadata(image),
    })
}

/// The EXIF (from its TIFF header on) and XMP boxes.
fn metadata(image: &JxlImage) -> Metadata {
    let boxes = image.aux_boxes();
    let exif = match boxes.first_exif() {
        Ok(jxl_oxide::AuxBoxData::Data(exif)) => {
            super::bmff_exif::tiff_in_item(&[&exif.tiff_header_offset().to_be_bytes()[..], exif.payload()].concat())
                .map(<[u8]>::to_vec)
        }
        _ => None,
    };
    let xmp = match boxes.first_xml() {
        jxl_oxide::AuxBoxData::Data(xml) => Some(xml.to_vec()),
        _ => None,
    };
    Metadata { exif, xmp, iptc: None }
}

/// Keyframe `index`, upright, at the bit depth the file has (8, 16, or 32-bit float for colour).
fn render(image: &JxlImage, index: usize) -> Result<DynamicImage, String> {
    let render = image.render_frame(index).map_err(|e| e.to_string())?;
    let mut stream = render.stream();
    let (w, h) = (stream.width(), stream.height());
    let format = image.pixel_format();
    let bits = image.image_header().metadata.bit_depth.bits_per_sample();
    let float = bits > 16 && !format.is_grayscale();
    let samples = w as usize * h as usize * stream.channels() as usize;
    let err = || "the decoded picture has an unexpected size".to_owned();
    macro_rules! picture {
        ($t:ty, $variant:ident, $pixel:ty) => {{
            let mut buf = vec![<$t>::default(); samples];
            stream.write_to_buffer(&mut buf);
            DynamicImage::$variant(ImageBuffer::<$pixel, Vec<$t>>::from_raw(w, h, buf).ok_or_else(err)?)
        }};
    }
    use image::{Luma, LumaA, Rgb, Rgba};
    Ok(match (format.is_grayscale(), format.has_alpha(), float, bits > 8) {
        (false, false, true, _) => picture!(f32, ImageRgb32F, Rgb<f32>),
        (false, true, true, _) => picture!(f32, ImageRgba32F, Rgba<f32>),
        (false, false, false, true) => picture!(u16, ImageRgb16, Rgb<u16>),
        (false, true, false, true) => picture!(u16, ImageRgba16, Rgba<u16>),
        (false, false, false, false) => picture!(u8, ImageRgb8, Rgb<u8>),
        (false, true, false, false) => picture!(u8, ImageRgba8, Rgba<u8>),
        (true, false, _, true) => picture!(u16, ImageLuma16, Luma<u16>),
        (true, true, _, true) => picture!(u16, ImageLumaA16, LumaA<u16>),
        (true, false, _, false) => picture!(u8, ImageLuma8, Luma<u8>),
        (true, true, _, false) => picture!(u8, ImageLumaA8, LumaA<u8>),
    })
}

/// Every frame of an animation (at most `max_frames`), each as RGBA with its delay in milliseconds, handed to
/// `each` as it is rendered; and how often the whole plays.
pub(crate) fn frames(
    image: &JxlImage,
    max_frames: usize,
    mut each: impl FnMut(RgbaImage, u32) -> Result<(), String>,
) -> Result<LoopCount, String> {
    let animation = image.image_header().metadata.animation.as_ref();
    let loops = match animation.map(|a| a.num_loops) {
        Some(n) => std::num::NonZeroU32::new(n).map_or(LoopCount::Infinite, LoopCount::Finite),
        None => LoopCount::Infinite,
    };
    // Ticks per second, as a fraction; a frame's duration is in ticks.
    let (tps_num, tps_den) = animation.map_or((1000, 1), |a| (a.tps_numerator.max(1), a.tps_denominator));
    for index in 0..image.num_loaded_keyframes().min(max_frames) {
        let duration = image.frame_header(index).map_or(0, |f| f.duration);
        let ms = u64::from(duration) * 1000 * u64::from(tps_den) / u64::from(tps_num);
        let frame = render(image, index)?;
        each(frame.into_rgba8(), u32::try_from(ms).unwrap_or(u32::MAX))?;
    }
    Ok(loops)
}
