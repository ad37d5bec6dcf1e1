//! Colour management with moxcms (pure Rust, already used by `image`): which profile a copy may carry, and
//! converting pixels to sRGB for "Convert to sRGB".

use image::{DynamicImage, ImageBuffer, Luma, Rgb, RgbImage, Rgba};
use moxcms::{ColorProfile, DataColorSpace, Layout, TransformOptions};

/// The sRGB profile copies converted to sRGB are tagged with: 616 bytes, where common sRGB profiles take 3–7 KB
/// (which would add a quarter to a small web thumbnail). Made by moxcms 0.8.1 (`ColorProfile::new_srgb()
/// .encode()`) with its tags moved to 4-byte boundaries and the D50 illuminant written exactly, as libpng
/// insists; converting it to sRGB with libvips (lcms2) changes no pixel value.
pub(crate) fn srgb_profile() -> &'static [u8] {
    include_bytes!("srgb.icc")
}

/// Whether `icc` describes pixels like `img`'s: an RGB profile for colour, a grey one for grey. A CMYK
/// JPEG's profile, for one, must not be attached to the RGB copy made of it.
pub(crate) fn fits(icc: &[u8], img: &DynamicImage) -> bool {
    let space = icc.get(16..20);
    if img.color().has_color() {
        space == Some(b"RGB ")
    } else {
        space == Some(b"GRAY")
    }
}

/// Converts `img` from the colours of `icc` to sRGB (perceptual intent). `None` when the profile cannot be
/// read or does not fit the pixels: the image then keeps its pixels and its own profile, which is still right
/// in any colour-managed viewer.
pub(crate) fn to_srgb(img: &DynamicImage, icc: &[u8]) -> Option<DynamicImage> {
    let source = ColorProfile::new_from_slice(icc).ok()?;
    let srgb = ColorProfile::new_srgb();
    let options = TransformOptions::default();
    let (w, h) = (img.width(), img.height());
    let rgb8 = |layout: Layout, data: &[u8], channels: usize| -> Option<Vec<u8>> {
        let t = source
            .create_transform_8bit(layout, &srgb, out_layout(layout), options)
            .ok()?;
        let mut out = vec![0u8; data.len() / channels * out_channels(layout)];
        t.transform(data, &mut out).ok()?;
        Some(out)
    };
    let rgb16 = |layout: Layout, data: &[u16], channels: usize| -> Option<Vec<u16>> {
        let t = source
            .create_transform_16bit(layout, &srgb, out_layout(layout), options)
            .ok()?;
        let mut out = vec![0u16; data.len() / channels * out_channels(layout)];
        t.transform(data, &mut out).ok()?;
        Some(out)
    };
    match (source.color_space, img) {
        (DataColorSpace::Rgb, DynamicImage::ImageRgb8(i)) => {
            ImageBuffer::<Rgb<u8>, _>::from_raw(w, h, rgb8(Layout::Rgb, i, 3)?).map(DynamicImage::ImageRgb8)
        }
        (DataColorSpace::Rgb, DynamicImage::ImageRgba8(i)) => {
            ImageBuffer::<Rgba<u8>, _>::from_raw(w, h, rgb8(Layout::Rgba, i, 4)?).map(DynamicImage::ImageRgba8)
        }
        (DataColorSpace::Rgb, DynamicImage::ImageRgb16(i)) => {
            ImageBuffer::<Rgb<u16>, _>::from_raw(w, h, rgb16(Layout::Rgb, i, 3)?).map(DynamicImage::ImageRgb16)
        }
        (DataColorSpace::Rgb, DynamicImage::ImageRgba16(i)) => {
            ImageBuffer::<Rgba<u16>, _>::from_raw(w, h, rgb16(Layout::Rgba, i, 4)?).map(DynamicImage::ImageRgba16)
        }
        // A grey profile's tone curve applied through sRGB's: the copy stays grey.
        (DataColorSpace::Gray, DynamicImage::ImageLuma8(i)) => {
            let rgb = rgb8(Layout::Gray, i, 1)?;
            let grey = rgb.chunks_exact(3).map(|p| p[1]).collect();
            ImageBuffer::<Luma<u8>, _>::from_raw(w, h, grey).map(DynamicImage::ImageLuma8)
        }
        (DataColorSpace::Gray, DynamicImage::ImageLuma16(i)) => {
            let rgb = rgb16(Layout::Gray, i, 1)?;
            let grey = rgb.chunks_exact(3).map(|p| p[1]).collect();
            ImageBuffer::<Luma<u16>, _>::from_raw(w, h, grey).map(DynamicImage::ImageLuma16)
        }
        (DataColorSpace::Rgb, other) if other.color().has_color() => {
            let converted = if other.color().has_alpha() {
                DynamicImage::ImageRgba16(other.to_rgba16())
            } else {
                DynamicImage::ImageRgb16(other.to_rgb16())
            };
            to_srgb(&converted, icc)
        }
        _ => None,
    }
}

/// Turns CMYK ink values (`width`×`height`, four bytes a pixel; `inverted` when 0 means full ink, as in files
/// with Adobe's segment) into sRGB through the CMYK profile `icc`, as a print shop's colour management would.
/// `None` when `icc` is not a CMYK profile moxcms can use; the caller then falls back to arithmetic.
pub(crate) fn cmyk_to_srgb(mut cmyk: Vec<u8>, width: u32, height: u32, icc: &[u8], inverted: bool) -> Option<RgbImage> {
    let transform = cmyk_profile(icc)?
        .create_transform_8bit(
            Layout::Rgba,
            &ColorProfile::new_srgb(),
            Layout::Rgb,
            TransformOptions::default(),
        )
        .ok()?;
    if inverted {
        cmyk.iter_mut().for_each(|v| *v = 255 - *v);
    }
    let mut rgb = vec![0u8; cmyk.len() / 4 * 3];
    transform.transform(&cmyk, &mut rgb).ok()?;
    RgbImage::from_raw(width, height, rgb)
}

/// `icc` read as a CMYK profile.
fn cmyk_profile(icc: &[u8]) -> Option<ColorProfile> {
    ColorProfile::new_from_slice(icc)
        .ok()
        .filter(|p| p.color_space == DataColorSpace::Cmyk)
}

/// [`cmyk_to_srgb`] for 16-bit inks (0 is no ink), as TIFFs store them.
pub(crate) fn cmyk16_to_srgb(
    inks: &[u16],
    width: u32,
    height: u32,
    icc: &[u8],
) -> Option<ImageBuffer<Rgb<u16>, Vec<u16>>> {
    let transform = cmyk_profile(icc)?
        .create_transform_16bit(
            Layout::Rgba,
            &ColorProfile::new_srgb(),
            Layout::Rgb,
            TransformOptions::default(),
        )
        .ok()?;
    let mut rgb = vec![0u16; inks.len() / 4 * 3];
    transform.transform(inks, &mut rgb).ok()?;
    ImageBuffer::from_raw(width, height, rgb)
}

fn out_layout(input: Layout) -> Layout {
    match input {
        Layout::Rgba => Layout::Rgba,
        _ => Layout::Rgb,
    }
}

fn out_channels(input: Layout) -> usize {
    if input == Layout::Rgba { 4 } else { 3 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn srgb_to_srgb_changes_nothing_visible_and_the_profile_is_rgb() {
        let img = DynamicImage::ImageRgb8(image::RgbImage::from_fn(16, 16, |x, y| {
            Rgb([x as u8 * 16, y as u8 * 16, 128])
        }));
        let profile = srgb_profile();
        assert!(fits(profile, &img));
        let out = to_srgb(&img, profile).unwrap().into_rgb8();
        for (a, b) in out.pixels().zip(img.to_rgb8().pixels()) {
            for c in 0..3 {
                assert!(a.0[c].abs_diff(b.0[c]) <= 1, "{a:?} vs {b:?}");
            }
        }
        assert!(!fits(profile, &DynamicImage::ImageLuma8(image::GrayImage::new(1, 1))));
        assert!(to_srgb(&img, b"not a profile").is_none());
    }
}
