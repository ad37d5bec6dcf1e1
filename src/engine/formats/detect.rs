//! The formats Shrinkray reads, told by content: those of the `image` crate, the HEIF family (HEIC from
//! phones, AVIF) read through libheif, and JPEG XL read by jxl-oxide.

use std::path::Path;

use image::ImageFormat;

/// A format Shrinkray recognises in a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// A format the `image` crate reads (JPEG through libjpeg-turbo).
    Image(ImageFormat),
    /// HEIC or HEIF: HEVC pictures in a HEIF container, as phones save them.
    Heic,
    /// AVIF: AV1 pictures in a HEIF container.
    Avif,
    /// JPEG XL, bare codestream or container.
    Jxl,
}

impl InputFormat {
    /// Decides by the first bytes of a file (64 are plenty); the extension only breaks the tie for TGA, which
    /// has no signature. `None` when it is no image format Shrinkray knows.
    pub fn sniff(head: &[u8], path: &Path) -> Option<Self> {
        if let Some(heif) = heif_brand(head) {
            return Some(heif);
        }
        if super::jxl::is_jxl(head) {
            return Some(Self::Jxl);
        }
        image::guess_format(head).ok().map(Self::Image).or_else(|| {
            let ext = path.extension()?.to_str()?.to_ascii_lowercase();
            (ext == "tga" && !head.is_empty()).then_some(Self::Image(ImageFormat::Tga))
        })
    }

    /// The format of a file named `path`, by its extension (for outputs, whose format is known).
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "heic" | "heif" | "hif" => Some(Self::Heic),
            "avif" => Some(Self::Avif),
            "jxl" => Some(Self::Jxl),
            _ => ImageFormat::from_extension(&ext).map(Self::Image),
        }
    }

    /// Whether this build can decode it (HEIC and AVIF need the `heif` feature).
    pub fn readable(self) -> bool {
        match self {
            Self::Jxl => true,
            Self::Image(ImageFormat::Avif) => cfg!(feature = "heif"),
            Self::Image(f) => f.reading_enabled(),
            Self::Heic | Self::Avif => cfg!(feature = "heif"),
        }
    }

    /// Whether the picture goes through libheif.
    pub fn is_heif(self) -> bool {
        matches!(self, Self::Heic | Self::Avif | Self::Image(ImageFormat::Avif))
    }

    /// The `image` crate's format, for the formats it decodes.
    pub fn image_format(self) -> Option<ImageFormat> {
        match self {
            Self::Image(f) if !self.is_heif() => Some(f),
            _ => None,
        }
    }

    /// The extensions files of this format usually have, lower case, the usual one first.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Heic => &["heic", "heif", "hif"],
            Self::Avif | Self::Image(ImageFormat::Avif) => &["avif"],
            Self::Jxl => &["jxl"],
            Self::Image(f) => f.extensions_str(),
        }
    }

    /// The name users know it by.
    pub fn name(self) -> String {
        match self {
            Self::Heic => "HEIC".to_owned(),
            Self::Avif => "AVIF".to_owned(),
            Self::Jxl => "JPEG XL".to_owned(),
            Self::Image(f) => format!("{f:?}").to_uppercase(),
        }
    }
}

/// HEIC or AVIF, from an ISO base media file's `ftyp` box: its major brand, or failing that the compatible
/// brands that follow it.
fn heif_brand(head: &[u8]) -> Option<InputFormat> {
    if head.get(4..8)? != b"ftyp" {
        return None;
    }
    let size = u32::from_be_bytes(head.get(..4)?.try_into().ok()?) as usize;
    // The box may claim more than was read, or less than its own header: only what is there counts.
    let compatible = head.get(16..size.min(head.len())).unwrap_or_default();
    let brands = std::iter::once(head.get(8..12)?).chain(compatible.chunks_exact(4));
    let mut found = None;
    for brand in brands {
        match brand {
            b"avif" | b"avis" => return Some(InputFormat::Avif),
            b"heic" | b"heix" | b"heim" | b"heis" | b"hevc" | b"hevx" => return Some(InputFormat::Heic),
            // A generic HEIF brand: HEIC unless a later brand says AVIF.
            b"mif1" | b"msf1" => found = found.or(Some(InputFormat::Heic)),
            _ => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heif_brands_are_told_apart() {
        let ftyp = |major: &[u8; 4], compatible: &[&[u8; 4]]| {
            let mut b = ((16 + 4 * compatible.len()) as u32).to_be_bytes().to_vec();
            b.extend_from_slice(b"ftyp");
            b.extend_from_slice(major);
            b.extend_from_slice(&[0; 4]);
            for c in compatible {
                b.extend_from_slice(*c);
            }
            b
        };
        let p = Path::new("x");
        assert_eq!(
            InputFormat::sniff(&ftyp(b"heic", &[b"mif1"]), p),
            Some(InputFormat::Heic)
        );
        assert_eq!(
            InputFormat::sniff(&ftyp(b"mif1", &[b"heic"]), p),
            Some(InputFormat::Heic)
        );
        assert_eq!(
            InputFormat::sniff(&ftyp(b"avif", &[b"mif1"]), p),
            Some(InputFormat::Avif)
        );
        assert_eq!(
            InputFormat::sniff(&ftyp(b"mif1", &[b"miaf", b"avif"]), p),
            Some(InputFormat::Avif)
        );
        assert_eq!(InputFormat::sniff(&ftyp(b"isom", &[b"mp42"]), p), None, "an MP4 video");
        // Cut short, or claiming a size its bytes do not have (found by the fuzzer: it panicked the planner).
        assert_eq!(InputFormat::sniff(b"\0\0\0\x46ftyp231", p), None);
        assert_eq!(InputFormat::sniff(b"\0\0\0\x46ftypheic", p), Some(InputFormat::Heic));
        assert_eq!(
            InputFormat::sniff(b"\0\0\0\x02ftypavif\0\0\0\0heic", p),
            Some(InputFormat::Avif)
        );
        assert_eq!(InputFormat::sniff(b"\xFF\x0A\xFA", p), Some(InputFormat::Jxl));
        assert_eq!(
            InputFormat::sniff(b"\0\0\0\x0CJXL \r\n\x87\n\0\0\0\x14ftypjxl ", p),
            Some(InputFormat::Jxl)
        );
        assert_eq!(
            InputFormat::sniff(b"\x89PNG\r\n\x1a\n", p),
            Some(InputFormat::Image(ImageFormat::Png))
        );
    }
}
