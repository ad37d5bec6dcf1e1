//! What each route makes of one image: its encoded copy, and the paths errors name.

use std::path::Path;

use image::DynamicImage;

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
    /// Its SSIMULACRA2 against the picture before encoding, when the quality was chosen by look.
    pub score: Option<f32>,
    /// Something the user should know about this copy (an animation reduced to its first frame).
    pub note: Option<String>,
    /// The resized picture, when the path went through RGB (the planar JPEG path has none).
    pub resized: Option<DynamicImage>,
    /// The JPEG a JPEG XL copy holds whole (`JxlFromJpeg` without RGB picture), for its thumbnail.
    pub jpeg_inside: Option<Vec<u8>>,
}
