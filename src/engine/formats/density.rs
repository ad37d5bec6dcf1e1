//! The print density a file says it has (dots per inch), read from and written into encoded images: JPEG's
//! JFIF header and EXIF, PNG's `pHYs`, TIFF's resolution tags, BMP's header, WebP's EXIF. AVIF and JPEG XL
//! keep theirs only in EXIF boxes, which are left as the metadata made them.

use crate::engine::metadata::exif;

const JFIF: &[u8] = b"JFIF\0";
const EXIF: &[u8] = b"Exif\0\0";

/// The density `data` declares, in dots per inch; `None` when it has none (or only an aspect ratio).
pub(crate) fn read(data: &[u8]) -> Option<f64> {
    match data {
        [0xFF, 0xD8, ..] => read_jpeg(data),
        [0x89, b'P', b'N', b'G', ..] => {
            png_chunks(data)
                .find(|(kind, _, _)| kind == b"pHYs")
                .and_then(|(_, body, _)| {
                    let x = u32::from_be_bytes(body.get(..4)?.try_into().ok()?);
                    (body.get(8) == Some(&1)).then(|| f64::from(x) * 0.0254)
                })
        }
        [b'I', b'I', 42, 0, ..] | [b'M', b'M', 0, 42, ..] => exif::resolution(data),
        [b'B', b'M', ..] => {
            let x = i32::from_le_bytes(data.get(38..42)?.try_into().ok()?);
            (x > 0).then(|| f64::from(x) * 0.0254)
        }
        _ => None,
    }
}

/// Writes `dpi` into `data` wherever its format keeps a density.
pub(crate) fn write(data: &mut Vec<u8>, dpi: u16) {
    match data.as_slice() {
        [0xFF, 0xD8, ..] => write_jpeg(data, dpi),
        [0x89, b'P', b'N', b'G', ..] => write_png(data, dpi),
        [b'I', b'I', 42, 0, ..] | [b'M', b'M', 0, 42, ..] => {
            let _ = exif::set_resolution(data, dpi);
        }
        [b'B', b'M', ..] if data.len() >= 54 => {
            let ppm = per_metre(dpi).to_le_bytes();
            data[38..42].copy_from_slice(&ppm);
            data[42..46].copy_from_slice(&ppm);
        }
        [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => write_webp_exif(data, dpi),
        _ => {}
    }
}

fn per_metre(dpi: u16) -> u32 {
    (f64::from(dpi) / 0.0254).round() as u32
}

/// The segments of a JPEG before its first scan: (marker, where its body starts, its body's length).
fn jpeg_segments(data: &[u8]) -> Vec<(u8, usize, usize)> {
    let mut found = Vec::new();
    let mut at = 2;
    while let (Some(&0xFF), Some(&marker)) = (data.get(at), data.get(at + 1)) {
        if marker == 0xDA || marker == 0xD9 {
            break;
        }
        let Some(len) = data
            .get(at + 2..at + 4)
            .map(|b| usize::from(u16::from_be_bytes([b[0], b[1]])))
        else {
            break;
        };
        if len < 2 || at + 2 + len > data.len() {
            break;
        }
        found.push((marker, at + 4, len - 2));
        at += 2 + len;
    }
    found
}

fn read_jpeg(data: &[u8]) -> Option<f64> {
    let segments = jpeg_segments(data);
    for &(marker, body, len) in &segments {
        let b = &data[body..body + len];
        if marker == 0xE0 && b.starts_with(JFIF) && b.len() >= 12 {
            let x = f64::from(u16::from_be_bytes([b[8], b[9]]));
            match b[7] {
                1 => return Some(x),
                2 => return Some(x * 2.54),
                _ => {}
            }
        }
    }
    segments
        .iter()
        .find(|&&(marker, body, len)| marker == 0xE1 && data[body..body + len].starts_with(EXIF))
        .and_then(|&(_, body, len)| exif::resolution(&data[body + EXIF.len()..body + len]))
}

fn write_jpeg(data: &mut Vec<u8>, dpi: u16) {
    let [hi, lo] = dpi.to_be_bytes();
    let segments = jpeg_segments(data);
    let mut has_jfif = false;
    for &(marker, body, len) in &segments {
        if marker == 0xE0 && data[body..body + len].starts_with(JFIF) && len >= 12 {
            data[body + 7] = 1;
            data[body + 8..body + 12].copy_from_slice(&[hi, lo, hi, lo]);
            has_jfif = true;
        }
        if marker == 0xE1 && data[body..body + len].starts_with(EXIF) {
            let _ = exif::set_resolution(&mut data[body + EXIF.len()..body + len], dpi);
        }
    }
    if !has_jfif {
        // JFIF 1.01, dots per inch, no thumbnail, right after the start of image.
        let app0 = [
            0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F', 0, 1, 1, 1, hi, lo, hi, lo, 0, 0,
        ];
        data.splice(2..2, app0);
    }
}

/// The chunks of a PNG: (type, body, where the chunk starts).
fn png_chunks(data: &[u8]) -> impl Iterator<Item = ([u8; 4], &[u8], usize)> {
    let mut at = 8;
    std::iter::from_fn(move || {
        let len = u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?) as usize;
        let kind: [u8; 4] = data.get(at + 4..at + 8)?.try_into().ok()?;
        let body = data.get(at + 8..at.checked_add(8 + len)?)?;
        let start = at;
        at += 12 + len;
        Some((kind, body, start))
    })
}

fn write_png(data: &mut Vec<u8>, dpi: u16) {
    // Its EXIF (eXIf) says the same, where it has the tags; the chunk's checksum follows.
    let exif_chunk = png_chunks(data)
        .find(|(kind, _, _)| kind == b"eXIf")
        .map(|(_, body, start)| (start, body.len()));
    if let Some((start, len)) = exif_chunk
        && exif::set_resolution(&mut data[start + 8..start + 8 + len], dpi).is_some()
    {
        let crc = crc32fast::hash(&data[start + 4..start + 8 + len]);
        data[start + 8 + len..start + 12 + len].copy_from_slice(&crc.to_be_bytes());
    }
    let mut chunk = Vec::with_capacity(21);
    chunk.extend_from_slice(&9u32.to_be_bytes());
    chunk.extend_from_slice(b"pHYs");
    let ppm = per_metre(dpi).to_be_bytes();
    chunk.extend_from_slice(&ppm);
    chunk.extend_from_slice(&ppm);
    chunk.push(1);
    let crc = crc32fast::hash(&chunk[4..]);
    chunk.extend_from_slice(&crc.to_be_bytes());
    let existing = png_chunks(data)
        .find(|(kind, _, _)| kind == b"pHYs")
        .map(|(_, body, start)| (start, body.len()));
    let header_end = png_chunks(data)
        .find(|(kind, _, _)| kind == b"IHDR")
        .map(|(_, body, start)| start + 12 + body.len());
    if let Some((start, len)) = existing {
        data.splice(start..start + 12 + len, chunk);
    } else if let Some(after) = header_end {
        data.splice(after..after, chunk);
    }
}

/// WebP keeps a density only in its EXIF chunk, changed there when it has the tags.
fn write_webp_exif(data: &mut [u8], dpi: u16) {
    let mut at = 12;
    while let Some(head) = data.get(at..at + 8) {
        let len = u32::from_le_bytes([head[4], head[5], head[6], head[7]]) as usize;
        let Some(end) = (at + 8).checked_add(len).filter(|&e| e <= data.len()) else {
            return;
        };
        if &head[..4] == b"EXIF" {
            let body = &mut data[at + 8..end];
            let skip = if body.starts_with(EXIF) { EXIF.len() } else { 0 };
            let _ = exif::set_resolution(&mut body[skip..], dpi);
            return;
        }
        at = end + (len & 1);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn jpeg_png_and_bmp_densities_are_written_and_read_back() {
        for format in [
            image::ImageFormat::Jpeg,
            image::ImageFormat::Png,
            image::ImageFormat::Bmp,
        ] {
            let mut bytes = Vec::new();
            image::RgbImage::new(8, 8)
                .write_to(&mut std::io::Cursor::new(&mut bytes), format)
                .unwrap();
            super::write(&mut bytes, 300);
            let dpi = super::read(&bytes).unwrap();
            assert!((dpi - 300.0).abs() < 0.1, "{format:?}: {dpi}");
            super::write(&mut bytes, 72);
            assert!(
                (super::read(&bytes).unwrap() - 72.0).abs() < 0.1,
                "{format:?} written twice"
            );
            image::load_from_memory(&bytes).unwrap();
        }
    }
}
