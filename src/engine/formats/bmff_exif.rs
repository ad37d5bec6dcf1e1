//! Where the EXIF lies inside an ISO base media `Exif` item or box (a HEIF item, a JPEG XL box). The standard
//! (ISO/IEC 23008-12, annex A) is a 4-byte big-endian offset, then that many bytes (usually `Exif\0\0`), then the TIFF header; iPhones and libheif
//! follow it. Other makers do not: some phones (Xiaomi's among them) put a whole JPEG APP1 segment after the
//! offset (`FF E1`, a length, `Exif\0\0`, then TIFF), and some files have no offset field at all. Reading
//! past the offset blindly gave those copies a broken EXIF block that was then dropped.

/// Farthest into the item a TIFF header is looked for when the offset does not lead to one.
const SEARCH: usize = 64;

/// The EXIF of a HEIF `Exif` item, from its TIFF header on, or `None` when no TIFF header is found.
pub(crate) fn tiff_in_item(item: &[u8]) -> Option<&[u8]> {
    // As the standard says: the offset leads to the TIFF header, possibly through `Exif\0\0`.
    let by_offset = item
        .get(..4)
        .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
        .and_then(|offset| item.get(offset.checked_add(4)?..));
    if let Some(tiff) = by_offset.and_then(tiff_at_start) {
        return Some(tiff);
    }
    // Otherwise the first TIFF header near the start (after an APP1 marker and `Exif\0\0`, or at byte 0).
    (0..item.len().min(SEARCH)).find_map(|at| item.get(at..).filter(|rest| is_tiff_header(rest)))
}

/// `data` if it starts with a TIFF header, or with `Exif\0\0` and then one.
fn tiff_at_start(data: &[u8]) -> Option<&[u8]> {
    let data = data.strip_prefix(b"Exif\0\0").unwrap_or(data);
    is_tiff_header(data).then_some(data)
}

fn is_tiff_header(data: &[u8]) -> bool {
    data.starts_with(b"II*\0") || data.starts_with(b"MM\0*")
}

#[cfg(test)]
mod tests {
    use super::*;

    const TIFF: &[u8] = b"MM\0*\0\0\0\x08\0\0";

    fn with(prefix: &[u8]) -> Vec<u8> {
        [prefix, TIFF].concat()
    }

    #[test]
    fn every_layout_makers_use_gives_the_tiff_block() {
        let app1 = [&b"\0\0\0\0\xFF\xE1\0\x12Exif\0\0"[..]].concat();
        for (what, item) in [
            ("standard: offset 6 and Exif", with(b"\0\0\0\x06Exif\0\0")),
            ("offset 0 (libheif)", with(b"\0\0\0\0")),
            ("offset 0 then Exif", with(b"\0\0\0\0Exif\0\0")),
            ("an APP1 segment after a zero offset", with(&app1)),
            ("no offset field", TIFF.to_vec()),
            (
                "little-endian",
                [&b"\0\0\0\x06Exif\0\0II*\0"[..], &[8, 0, 0, 0]].concat(),
            ),
        ] {
            let found = tiff_in_item(&item).unwrap_or_else(|| panic!("{what}: none"));
            assert!(is_tiff_header(found) && item.ends_with(found), "{what}");
            assert_eq!(
                found.len(),
                item.len() - item.windows(4).position(is_tiff_header).unwrap(),
                "{what}"
            );
        }
    }

    #[test]
    fn items_without_a_tiff_header_give_nothing() {
        for item in [&b""[..], b"\0\0", b"\0\0\0\x06Exif\0\0garbage", b"\xFF\xFF\xFF\xFFMM"] {
            assert_eq!(tiff_in_item(item), None, "{item:?}");
        }
    }
}
