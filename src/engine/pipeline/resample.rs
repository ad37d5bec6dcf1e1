//! Resampling: the filter, cropping to fill, premultiplied alpha, and linear light.

use fast_image_resize::{self as fir, ResizeAlg, ResizeOptions};
use image::DynamicImage;

use crate::engine::codecs;
use crate::engine::settings::{Filter, ResizeMode, Settings};

/// How a picture is resampled.
#[derive(Clone, Copy, Debug)]
pub(super) struct Resample {
    /// The filter.
    pub filter: Filter,
    /// Cut the centre of the source to the target's shape first (fill).
    pub crop: bool,
    /// Resample in linear light.
    pub linear: bool,
}

impl Resample {
    /// As the settings ask, for a copy resized by `resize`.
    pub fn of(settings: &Settings, resize: ResizeMode) -> Self {
        Resample {
            filter: settings.filter,
            crop: resize.crops(),
            linear: settings.linear,
        }
    }

    /// The same without cropping (a picture already cut to its shape, made smaller).
    pub fn uncropped(self) -> Self {
        Resample { crop: false, ..self }
    }
}

/// `resize`, giving a copy of `img` when it already has the size.
pub(super) fn resize_to(img: &DynamicImage, width: u32, height: u32, how: Resample) -> Result<DynamicImage, String> {
    Ok(resize(img, width, height, how)?.unwrap_or_else(|| img.clone()))
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

/// Resamples to exactly `width`×`height`; with `how.crop`, the centre of the source is cut to the target's shape
/// first. Alpha is premultiplied while resampling, so transparent pixels lend no colour to their neighbours.
/// With `how.linear`, the samples are taken from sRGB's curve to linear light (16 bits) and back around it.
pub(super) fn resize(
    img: &DynamicImage,
    width: u32,
    height: u32,
    how: Resample,
) -> Result<Option<DynamicImage>, String> {
    let Resample { filter, crop, linear } = how;
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
