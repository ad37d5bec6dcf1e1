//! "Sharpen for screen": a light unsharp mask after shrinking, as Lightroom and XnConvert offer. Downscaling with
//! a soft filter loses some edge contrast; a mask as wide as a fraction of a pixel of the copy gives it back
//! without halos.

use image::DynamicImage;

/// Sharpens a copy made at `scale` of its original (copy width over original width); copies not made smaller
/// are left as they are. The mask's radius grows with the reduction (sigma 0.5 px of the copy at half size,
/// 0.65 at a quarter, at most 0.8), and differences of 2 levels or less are left alone so flat areas and noise
/// are not amplified.
pub(super) fn sharpen_for_screen(img: DynamicImage, scale: f64) -> DynamicImage {
    if !(scale > 0.0 && scale < 0.99) {
        return img;
    }
    // The image crate's mask clamps float pixels to whole numbers; those are never sharpened.
    if matches!(img, DynamicImage::ImageRgb32F(_) | DynamicImage::ImageRgba32F(_)) {
        return img;
    }
    let sigma = (0.35 + 0.15 * (1.0 / scale).log2()).clamp(0.35, 0.8) as f32;
    img.unsharpen(sigma, 2)
}
