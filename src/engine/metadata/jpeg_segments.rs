//! A JPEG's header segments, walked by their lengths: the metadata inside them (orientation, colour profile)
//! and how segments are put into an encoded file. Bytes only; no decoding.

use image::metadata::Orientation;

/// The header segments before the first scan, as (marker, body) pairs, walked by their lengths.
pub(crate) fn header_segments(data: &[u8]) -> impl Iterator<Item = (u8, &[u8])> {
    let mut i = if data.starts_with(&[0xFF, 0xD8]) { 2 } else { data.len() };
    std::iter::from_fn(move || {
        while data.get(i..i + 2) == Some(&[0xFF, 0xFF]) {
            i += 1;
        }
        let &[0xFF, marker, hi, lo] = data.get(i..i + 4)? else {
            return None;
        };
        if marker == 0xDA || marker == 0xD9 {
            return None;
        }
        let end = i + 2 + usize::from(u16::from_be_bytes([hi, lo]));
        let body = data.get(i + 4..end)?;
        i = end;
        Some((marker, body))
    })
}

/// The EXIF orientation of a JPEG, from its APP1 segment; absent or invalid counts as upright.
pub(crate) fn orientation(data: &[u8]) -> Orientation {
    header_segments(data)
        .find_map(|(marker, body)| {
            (marker == 0xE1)
                .then(|| body.strip_prefix(b"Exif\0\0"))
                .flatten()
                .and_then(Orientation::from_exif_chunk)
        })
        .unwrap_or(Orientation::NoTransforms)
}

/// Whether a JPEG has Adobe's APP14 segment, which CMYK files written by Photoshop and its followers carry
/// along with inverted ink values (0 is full ink).
pub(crate) fn has_adobe_segment(data: &[u8]) -> bool {
    header_segments(data).any(|(marker, body)| marker == 0xEE && body.starts_with(b"Adobe"))
}

/// The colour profile a JPEG carries, put together from its numbered APP2 pieces; `None` when there is none or
/// the pieces do not add up.
pub(crate) fn icc_profile(data: &[u8]) -> Option<Vec<u8>> {
    // Each piece: "ICC_PROFILE\0", its number from 1, how many there are, then its part of the profile.
    let mut pieces: Vec<(u8, u8, &[u8])> = header_segments(data)
        .filter(|(marker, body)| *marker == 0xE2 && body.len() > 14 && body.starts_with(b"ICC_PROFILE\0"))
        .map(|(_, body)| (body[12], body[13], &body[14..]))
        .collect();
    pieces.sort_by_key(|&(seq, _, _)| seq);
    let whole = pieces
        .iter()
        .enumerate()
        .all(|(i, &(seq, count, _))| usize::from(seq) == i + 1 && usize::from(count) == pieces.len());
    (whole && !pieces.is_empty()).then(|| pieces.iter().flat_map(|(_, _, p)| p.iter().copied()).collect())
}

/// A colour profile as the APP2 segments that carry it in a JPEG (65,519 bytes of profile at most in each).
pub(crate) fn icc_to_segments(profile: &[u8]) -> Vec<u8> {
    const PIECE: usize = 65_535 - 2 - 14;
    let count = profile.len().div_ceil(PIECE);
    let Ok(count) = u8::try_from(count) else {
        // Over 16 MB: more than a JPEG can carry; the copy goes without rather than with half a profile.
        return Vec::new();
    };
    let mut out = Vec::with_capacity(profile.len() + usize::from(count) * 18);
    for (i, piece) in profile.chunks(PIECE).enumerate() {
        out.extend_from_slice(&[0xFF, 0xE2]);
        out.extend_from_slice(&((piece.len() + 16) as u16).to_be_bytes());
        out.extend_from_slice(b"ICC_PROFILE\0");
        out.extend_from_slice(&[i as u8 + 1, count]);
        out.extend_from_slice(piece);
    }
    out
}

/// Puts raw header segments into an encoded JPEG, after its JFIF segment (which must stay first).
pub(crate) fn insert_segments(jpeg: &mut Vec<u8>, raw: &[u8]) {
    if raw.is_empty() || !jpeg.starts_with(&[0xFF, 0xD8]) {
        return;
    }
    let at = match header_segments(jpeg).next() {
        Some((0xE0, body)) => 2 + 4 + body.len(),
        _ => 2,
    };
    jpeg.splice(at..at, raw.iter().copied());
}

/// Whether a JPEG has its end-of-image marker after the first scan. The header segments are walked by their
/// lengths (an EXIF thumbnail holds markers of its own); inside scan data `FF D9` can only be the real end.
pub(crate) fn jpeg_is_complete(data: &[u8]) -> bool {
    if !data.starts_with(&[0xFF, 0xD8]) {
        return false;
    }
    let mut i = 2;
    loop {
        while data.get(i..i + 2) == Some(&[0xFF, 0xFF]) {
            i += 1;
        }
        let Some(&[0xFF, marker, hi, lo]) = data.get(i..i + 4) else {
            return false;
        };
        let next = i + 2 + usize::from(u16::from_be_bytes([hi, lo]));
        match marker {
            0xDA => {
                i = next;
                break;
            }
            0xD9 => return false,
            _ => i = next,
        }
    }
    data.get(i..)
        .is_some_and(|rest| rest.windows(2).any(|w| w == [0xFF, 0xD9]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orientation_is_read_from_exif() {
        let exif: &[u8] = &[
            b'E', b'x', b'i', b'f', 0, 0, b'I', b'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0,
            0, 0, 0, 0, 0,
        ];
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE1];
        jpeg.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
        jpeg.extend_from_slice(exif);
        jpeg.extend_from_slice(&[0xFF, 0xDA, 0, 2, 0xFF, 0xD9]);
        assert_eq!(orientation(&jpeg), Orientation::Rotate90);
        assert_eq!(orientation(&jpeg[..10]), Orientation::NoTransforms);
    }

    #[test]
    fn cut_jpegs_are_found() {
        let mut jpeg = Vec::new();
        let img = image::RgbImage::from_fn(64, 64, |x, y| image::Rgb([x as u8 * 4, y as u8 * 4, 90]));
        img.write_to(&mut std::io::Cursor::new(&mut jpeg), image::ImageFormat::Jpeg)
            .unwrap();
        assert!(jpeg_is_complete(&jpeg));
        let mut trailing = jpeg.clone();
        trailing.extend_from_slice(b"trailing bytes after the end are common and harmless");
        assert!(jpeg_is_complete(&trailing));
        for cut in [3, 20, jpeg.len() / 2, jpeg.len() - 2] {
            assert!(!jpeg_is_complete(&jpeg[..cut]), "cut at {cut}");
        }
    }
}
