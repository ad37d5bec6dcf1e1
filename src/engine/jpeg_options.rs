//! How a JPEG copy is encoded besides its quality: scan order and chroma subsampling. Kept apart from the
//! encoder so the settings can name them without reaching into the codec.

use serde::{Deserialize, Serialize};
use turbojpeg::Subsamp;

/// How much colour detail a JPEG copy keeps: its chroma subsampling.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Subsampling {
    /// 4:4:4 at quality 90 and above (where the eye would miss the colour), 4:2:0 below, as libvips does. A
    /// quality chosen by look settles it by its target instead, so that one search keeps one subsampling: 4:2:0
    /// below 90 (4:4:4 only where 4:2:0 cannot reach the target), 4:4:4 from 90.
    #[default]
    #[serde(rename = "auto")]
    Auto,
    /// Colour at half the width and half the height: the smallest files; photos rarely show it.
    #[serde(rename = "420")]
    S420,
    /// Colour at half the width.
    #[serde(rename = "422")]
    S422,
    /// Colour at full resolution: for text, line art and saturated edges.
    #[serde(rename = "444")]
    S444,
}

/// Which library encodes a JPEG copy. Decoding is libjpeg-turbo's either way, and both write ordinary JPEGs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum JpegEncoder {
    /// jpegli where the quality is chosen by look, libjpeg-turbo at a fixed quality (README, "Quality by look":
    /// jpegli reaches a look in about a tenth fewer bytes; a fixed quality keeps libjpeg-turbo's familiar scale
    /// and its slightly faster planar route).
    #[default]
    #[serde(rename = "auto")]
    Auto,
    /// libjpeg-turbo: SIMD throughout, and the planar route (planes resampled and encoded without RGB).
    #[serde(rename = "libjpeg-turbo")]
    Turbo,
    /// jpegli (libjxl's libjpeg-compatible encoder): adaptive quantisation and its own tables.
    #[serde(rename = "jpegli")]
    Jpegli,
}

/// The JPEG encoder's settings besides quality.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct JpegOptions {
    /// Progressive scans (the picture appears coarse first, then sharpens) rather than baseline.
    pub progressive: bool,
    /// Chroma subsampling.
    pub subsampling: Subsampling,
    /// The encoder; `Auto` is settled by whether a look chooses the quality.
    pub encoder: JpegEncoder,
}

impl JpegOptions {
    /// libjpeg-turbo's subsampling for a colour copy at `quality`.
    pub(crate) fn subsamp(self, quality: u8) -> Subsamp {
        match self.subsampling {
            Subsampling::Auto if quality >= 90 => Subsamp::None,
            Subsampling::Auto | Subsampling::S420 => Subsamp::Sub2x2,
            Subsampling::S422 => Subsamp::Sub2x1,
            Subsampling::S444 => Subsamp::None,
        }
    }
}
