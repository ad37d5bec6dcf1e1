//! TIFF copies with what the original said about itself: the colour profile, XMP (tag 700), and EXIF as TIFF
//! keeps it, the camera's tags in the image's own directory and the rest in EXIF and GPS directories it points
//! to. The `image` crate's encoder writes only the profile, so the `tiff` crate (the version `image` uses) is
//! driven here directly, with the same layout `image` gives (one strip set, no compression).

use std::io::{Cursor, Seek, Write};

use image::DynamicImage;
use tiff::encoder::colortype::{ColorType, Gray8, Gray16, RGB8, RGB16, RGBA8, RGBA16};
use tiff::encoder::{DirectoryEncoder, TiffEncoder, TiffKindStandard, TiffValue};
use tiff::tags::{Tag, Type};

use crate::engine::metadata::Metadata;
use crate::engine::metadata::exif_fit::{self, Dir, EXIF_IFD, GPS_IFD, INTEROP_IFD, MAKER_NOTE, Value};

/// Tags of EXIF's IFD0 that describe the picture and its maker, copied into the TIFF's own directory. The rest
/// of IFD0 (size, strips, resolution, orientation) is the encoder's to write for the copy.
const CAMERA_TAGS: [u16; 7] = [0x010E, 0x010F, 0x0110, 0x0131, 0x0132, 0x013B, 0x8298];
/// XMP's tag in a TIFF directory.
const XMP: u16 = 700;
/// EXIF tags that describe a JPEG's compressed data (components, pixel dimensions) and have no place in TIFF.
const JPEG_ONLY: [u16; 3] = [0x9101, 0xA002, 0xA003];

/// Encodes `img` (grey, RGB or RGBA, 8 or 16 bits; other types are converted) as TIFF with `icc` and
/// `metadata`. Maker notes are left out: they hold offsets into the EXIF block that moving it would break.
pub(crate) fn encode(img: &DynamicImage, icc: Option<&[u8]>, metadata: &Metadata) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut encoder = TiffEncoder::new(Cursor::new(&mut out)).map_err(|e| e.to_string())?;
    let (little, root) = match metadata.exif.as_deref().and_then(exif_fit::parse) {
        Some((little, mut root)) => {
            for tag in [MAKER_NOTE, INTEROP_IFD].into_iter().chain(JPEG_ONLY) {
                root.remove(tag);
            }
            (little, root)
        }
        None => (cfg!(target_endian = "little"), Dir { entries: Vec::new() }),
    };
    // The EXIF and GPS directories first: the image's directory holds their offsets.
    let mut pointers = Vec::new();
    for (tag, value) in &root.entries {
        if let Value::Sub(dir) = value
            && matches!(*tag, EXIF_IFD | GPS_IFD)
        {
            let mut sub = encoder.extra_directory().map_err(|e| e.to_string())?;
            copy_entries(&mut sub, dir, little)?;
            let at = sub.finish_with_offsets().map_err(|e| e.to_string())?;
            pointers.push((*tag, at.offset));
        }
    }
    let camera = Dir {
        entries: root
            .entries
            .into_iter()
            .filter(|(tag, value)| CAMERA_TAGS.contains(tag) && matches!(value, Value::Data(..)))
            .collect(),
    };
    let extra = Extra {
        icc,
        xmp: metadata.xmp.as_deref(),
        camera,
        little,
        pointers,
    };
    write_image(&mut encoder, img, &extra)?;
    Ok(out)
}

/// What goes into the image's directory besides the pixels.
struct Extra<'a> {
    icc: Option<&'a [u8]>,
    xmp: Option<&'a [u8]>,
    camera: Dir,
    /// The byte order of the EXIF values in `camera`.
    little: bool,
    /// EXIF and GPS directories already written: (pointer tag, offset).
    pointers: Vec<(u16, u32)>,
}

fn write_image<W: Write + Seek>(
    encoder: &mut TiffEncoder<W, TiffKindStandard>,
    img: &DynamicImage,
    extra: &Extra,
) -> Result<(), String> {
    let (w, h) = (img.width(), img.height());
    match img {
        DynamicImage::ImageLuma8(i) => write::<Gray8, _>(encoder, w, h, i.as_raw(), extra),
        DynamicImage::ImageLuma16(i) => write::<Gray16, _>(encoder, w, h, i.as_raw(), extra),
        DynamicImage::ImageRgb8(i) => write::<RGB8, _>(encoder, w, h, i.as_raw(), extra),
        DynamicImage::ImageRgb16(i) => write::<RGB16, _>(encoder, w, h, i.as_raw(), extra),
        DynamicImage::ImageRgba16(i) => write::<RGBA16, _>(encoder, w, h, i.as_raw(), extra),
        DynamicImage::ImageLumaA16(_) => write::<RGBA16, _>(encoder, w, h, img.to_rgba16().as_raw(), extra),
        DynamicImage::ImageRgb32F(_) => write::<RGB16, _>(encoder, w, h, img.to_rgb16().as_raw(), extra),
        DynamicImage::ImageRgba32F(_) => write::<RGBA16, _>(encoder, w, h, img.to_rgba16().as_raw(), extra),
        DynamicImage::ImageRgba8(i) => write::<RGBA8, _>(encoder, w, h, i.as_raw(), extra),
        // Grey with alpha has no encoder here: RGBA keeps both.
        _ => write::<RGBA8, _>(encoder, w, h, img.to_rgba8().as_raw(), extra),
    }
}

fn write<C: ColorType, W: Write + Seek>(
    encoder: &mut TiffEncoder<W, TiffKindStandard>,
    width: u32,
    height: u32,
    data: &[C::Inner],
    extra: &Extra,
) -> Result<(), String>
where
    [C::Inner]: TiffValue,
{
    let e = |e: tiff::TiffError| e.to_string();
    let mut image = encoder.new_image::<C>(width, height).map_err(e)?;
    let dir = image.encoder();
    if let Some(icc) = extra.icc {
        // UNDEFINED, as the ICC specification asks (the `image` crate writes BYTE).
        let entry = dir.write_entry_bytes(Type::UNDEFINED, icc).map_err(e)?;
        let mut one = tiff::Directory::empty();
        one.extend([(Tag::IccProfile, entry)]);
        dir.extend_from(&one);
    }
    if let Some(xmp) = extra.xmp {
        dir.write_tag(Tag::Unknown(XMP), xmp).map_err(e)?;
    }
    // The copy is upright whatever the original said.
    dir.write_tag(Tag::Orientation, 1u16).map_err(e)?;
    copy_entries(dir, &extra.camera, extra.little)?;
    for &(tag, offset) in &extra.pointers {
        // LONG, as EXIF defines these pointers (some readers refuse the IFD type).
        dir.write_tag(Tag::from_u16_exhaustive(tag), offset).map_err(e)?;
    }
    image.write_data(data).map_err(e)
}

/// Writes `dir`'s data entries into `to`, each value turned from the EXIF block's byte order into the file's.
fn copy_entries<W: Write + Seek>(
    to: &mut DirectoryEncoder<'_, W, TiffKindStandard>,
    dir: &Dir,
    little: bool,
) -> Result<(), String> {
    for (tag, value) in &dir.entries {
        let Value::Data(kind, _, bytes) = value else { continue };
        let Some(ty) = Type::from_u16(*kind) else {
            continue;
        };
        let unit = match kind {
            3 | 8 => 2,
            4 | 9 | 11 | 5 | 10 => 4,
            12 => 8,
            _ => 1,
        };
        let mut native = bytes.clone();
        if little != cfg!(target_endian = "little") && unit > 1 {
            native.chunks_exact_mut(unit).for_each(<[u8]>::reverse);
        }
        let entry = to.write_entry_bytes(ty, &native).map_err(|e| e.to_string())?;
        let mut one = tiff::Directory::empty();
        one.extend([(Tag::from_u16_exhaustive(*tag), entry)]);
        to.extend_from(&one);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// EXIF as found in a file, damaged anywhere: the TIFF copy is still written, with whatever could be read.
    #[test]
    fn damaged_exif_never_stops_the_copy() {
        let img = DynamicImage::ImageRgb8(image::RgbImage::new(4, 3));
        // IFD0 with Make (inline) and an EXIF pointer to a directory with one RATIONAL (ExposureTime).
        let mut exif = b"MM\0*\0\0\0\x08\0\x02".to_vec();
        exif.extend_from_slice(&[0x01, 0x0F, 0, 2, 0, 0, 0, 4, b'C', b'a', b'm', 0]);
        exif.extend_from_slice(&[0x87, 0x69, 0, 4, 0, 0, 0, 1, 0, 0, 0, 38]);
        exif.extend_from_slice(&[0, 0, 0, 0]);
        exif.extend_from_slice(&[0, 1, 0x82, 0x9A, 0, 5, 0, 0, 0, 1, 0, 0, 0, 56, 0, 0, 0, 0]);
        exif.extend_from_slice(&[0, 0, 0, 1, 0, 0, 0, 200]);
        let clean = Metadata {
            exif: Some(exif.clone()),
            ..Metadata::default()
        };
        let written = encode(&img, None, &clean).unwrap();
        assert!(written.windows(4).any(|w| w == b"Cam\0"), "the camera is carried");
        for at in 0..exif.len() {
            let mut bad = exif.clone();
            bad[at] ^= 0xFF;
            let metadata = Metadata {
                exif: Some(bad),
                ..Metadata::default()
            };
            let copy = encode(&img, None, &metadata).unwrap_or_else(|e| panic!("byte {at}: {e}"));
            assert!(
                image::load_from_memory(&copy).is_ok(),
                "byte {at}: the copy does not decode"
            );
        }
    }
}
