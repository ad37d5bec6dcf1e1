//! The formats, one room each: what a file is (`detect`), and each codec's reading and writing (`jpeg`, with
//! `jpegli` beside it for the JPEGs of a look, `webp`, `tiff`; HEIF/AVIF through the system's libheif: `heif`
//! and its loader `libheif`; JPEG XL read by jxl-oxide in `jxl` and written through the system's libjxl in
//! `jxl_write`, loaded by `libjxl`). Shared by them: `system_library` (opening a codec library at run time) and
//! `bmff_exif` (the EXIF inside a HEIF item or JPEG XL box); `encode` chooses the encoder for a copy. A new
//! format is a new room here, and the compiler lists every place it must answer (`Encoding`'s matches are
//! exhaustive). Formats may use `metadata/` (the tags a copy carries) but never `pipeline/` or `plan/`, which
//! use them.

pub(crate) mod bmff_exif;
pub(crate) mod density;
pub(crate) mod detect;
pub(crate) mod encode;
#[cfg(feature = "heif")]
pub(crate) mod heif;
pub(crate) mod jpeg;
pub(crate) mod jpegli;
pub(crate) mod jxl;
#[cfg(feature = "jxl")]
pub(crate) mod jxl_write;
#[cfg(feature = "heif")]
pub(crate) mod libheif;
#[cfg(feature = "jxl")]
pub(crate) mod libjxl;
#[cfg(any(feature = "heif", feature = "jxl"))]
pub(crate) mod system_library;
pub(crate) mod tiff;
pub(crate) mod webp;
