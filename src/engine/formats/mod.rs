//! The formats, one room each: what a file is (`detect`), and each codec's reading and writing (`jpeg`,
//! `webp`, `tiff`, and HEIF/AVIF through the system's libheif: `heif`, its loader `libheif`, and the EXIF
//! inside a HEIF item `heif_exif`); `encode` chooses the encoder for a copy. A new format is a new room here,
//! and the compiler lists every place it must answer (`Encoding`'s matches are exhaustive). Formats may use
//! `metadata/` (the tags a copy carries) but never `pipeline/` or `plan/`, which use them.

pub(crate) mod detect;
pub(crate) mod encode;
#[cfg(feature = "heif")]
pub(crate) mod heif;
#[cfg(feature = "heif")]
pub(crate) mod heif_exif;
pub(crate) mod jpeg;
#[cfg(feature = "heif")]
pub(crate) mod libheif;
pub(crate) mod tiff;
pub(crate) mod webp;
