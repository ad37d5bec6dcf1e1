//! SSIMULACRA2, the perceptual score "quality by look" aims at: 100 for identical pictures, 90 for differences
//! no one sees even flicking between them at 1:1, 80 for none seen side by side, 70 for artefacts hard to notice
//! without the original (the metric's own calibration, cloudinary/ssimulacra2's README). Computed by `fast-ssim2`
//! (BSD/MIT); `dssim-core` would have been AGPL.

use fast_ssim2::{PixelDescriptor, PixelSlice, Ssimulacra2Reference};
use image::{DynamicImage, RgbImage};

/// A picture prepared once to score several copies of it against.
pub(crate) struct Scorer {
    reference: Ssimulacra2Reference,
    size: (u32, u32),
}

impl Scorer {
    /// Prepares `reference` (its RGB; alpha is left out of the score).
    pub fn new(reference: &DynamicImage) -> Result<Self, String> {
        let rgb = reference.to_rgb8();
        let reference = Ssimulacra2Reference::new(&slice(&rgb)?).map_err(|e| e.to_string())?;
        Ok(Self {
            reference,
            size: rgb.dimensions(),
        })
    }

    /// The score of `copy` (same size) against the reference.
    pub fn score(&self, copy: &DynamicImage) -> Result<f64, String> {
        if copy.width() != self.size.0 || copy.height() != self.size.1 {
            return Err("the copy to score is not the reference's size".to_owned());
        }
        let rgb = copy.to_rgb8();
        self.reference.compare(&slice(&rgb)?).map_err(|e| e.to_string())
    }
}

fn slice(rgb: &RgbImage) -> Result<PixelSlice<'_>, String> {
    PixelSlice::new(
        rgb.as_raw(),
        rgb.width(),
        rgb.height(),
        rgb.width() as usize * 3,
        PixelDescriptor::RGB8_SRGB,
    )
    .map_err(|e| e.to_string())
}

/// SSIMULACRA2 of `copy` against `reference` (same size; RGB, alpha left out), for tools and tests that check
/// what quality by look chose.
pub fn ssimulacra2(reference: &DynamicImage, copy: &DynamicImage) -> Result<f64, String> {
    Scorer::new(reference)?.score(copy)
}
