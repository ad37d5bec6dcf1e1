//! SSIMULACRA2, the perceptual score "quality by look" aims at: 100 for identical pictures, 90 for differences
//! no one sees even flicking between them at 1:1, 80 for none seen side by side, 70 for artefacts hard to notice
//! without the original (the metric's own calibration, cloudinary/ssimulacra2's README). Computed by `fast-ssim2`
//! (BSD/MIT); `dssim-core` would have been AGPL.

use fast_ssim2::{PixelDescriptor, PixelSlice, Ssimulacra2Reference};
use image::{DynamicImage, RgbImage};

/// A named look of "quality by look": what the CLI and the app call it, its SSIMULACRA2 target, and what it
/// promises.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Look {
    /// The CLI's name (`--quality high`).
    pub name: &'static str,
    /// The app's label.
    pub label: &'static str,
    /// The lowest score each copy gets.
    pub target: f32,
    /// What the target means, for help texts.
    pub means: &'static str,
}

/// The looks, best first. Visually lossless and Good are the metric's own calibration points (90: no difference
/// seen flicking between copy and original at 1:1; 70: artefacts hard to notice without the original). High is
/// anchored to what people export by default instead: 83.5 is where a quality-85 JPEG of a downscaled photo
/// lands, the median over the benchmark corpus (libjpeg-turbo q85 83.6, vipsthumbnail Q=85 83.5, ImageMagick
/// 83.0); a look then gives every photo at least that, where a fixed q85 leaves some near 79.
pub const LOOKS: [Look; 3] = [
    Look {
        name: "visually-lossless",
        label: "Visually lossless",
        target: 90.0,
        means: "no difference seen even flicking between copy and original at 100 %",
    },
    Look {
        name: "high",
        label: "High",
        target: 83.5,
        means: "every photo at least as good as a typical quality-85 export looks",
    },
    Look {
        name: "good",
        label: "Good",
        target: 70.0,
        means: "artefacts hard to notice without the original beside it",
    },
];

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
