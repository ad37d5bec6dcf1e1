//! Editing an EXIF block (a small TIFF structure) in place for a resized copy: orientation reset, pixel
//! dimensions updated, the embedded thumbnail dropped and, on request, the GPS directory removed.
//!
//! Values are patched where they lie instead of rebuilding the block: maker notes (Canon, Nikon, …) hold
//! offsets into the block that a rebuild would break. Whatever is dropped is zeroed, not just unlinked, so a
//! removed location or thumbnail cannot be recovered from the copy.

/// What the copy's EXIF must say.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Edit {
    /// The copy's width and height, in pixels.
    pub size: (u32, u32),
    /// Remove the GPS directory.
    pub remove_location: bool,
}

const ORIENTATION: u16 = 0x0112;
const IMAGE_WIDTH: u16 = 0x0100;
const IMAGE_HEIGHT: u16 = 0x0101;
const EXIF_IFD: u16 = 0x8769;
const GPS_IFD: u16 = 0x8825;
const PIXEL_X: u16 = 0xA002;
const PIXEL_Y: u16 = 0xA003;
const THUMBNAIL_OFFSET: u16 = 0x0201;
const THUMBNAIL_LENGTH: u16 = 0x0202;

/// Edits `tiff` (starting with `II*\0` or `MM\0*`) for the copy. `None` when the block is malformed: the copy
/// then goes without EXIF, since a stale orientation would turn an upright copy again in every viewer.
pub(crate) fn edit(tiff: &mut Vec<u8>, edit: Edit) -> Option<()> {
    let mut t = Tiff::new(tiff)?;
    let ifd0 = t.u32(4)? as usize;
    // Every directory is visited once: a pointer back to one already seen (IFD0 itself, or the EXIF directory
    // twice) makes the block malformed, never a loop, a fan-out or an edit of a directory twice.
    let mut seen = vec![ifd0];
    let mut first_visit = |at: usize| (!seen.contains(&at)).then(|| seen.push(at)).map(|()| at);
    let (w, h) = edit.size;
    for e in t.entries(ifd0)? {
        match e.tag {
            ORIENTATION => t.set_number(&e, 1)?,
            IMAGE_WIDTH => t.set_number(&e, w)?,
            IMAGE_HEIGHT => t.set_number(&e, h)?,
            EXIF_IFD => {
                let exif = first_visit(t.pointer(&e)?)?;
                for e in t.entries(exif)? {
                    match e.tag {
                        PIXEL_X => t.set_number(&e, w)?,
                        PIXEL_Y => t.set_number(&e, h)?,
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    // IFD1 describes the embedded thumbnail, which shows the uncropped, unrotated original.
    let next_at = t.next_pointer_at(ifd0)?;
    let ifd1 = t.u32(next_at)? as usize;
    if ifd1 != 0 {
        let ifd1 = first_visit(ifd1)?;
        if let Some(entries) = t.entries(ifd1) {
            let offset = entries
                .iter()
                .find(|e| e.tag == THUMBNAIL_OFFSET)
                .and_then(|e| t.number(e));
            let length = entries
                .iter()
                .find(|e| e.tag == THUMBNAIL_LENGTH)
                .and_then(|e| t.number(e));
            if let (Some(offset), Some(length)) = (offset, length) {
                t.zero(offset as usize, length as usize);
            }
            t.zero_ifd(ifd1, &entries);
        }
        t.put_u32(next_at, 0)?;
    }
    if edit.remove_location
        && let Some(gps) = t.entries(ifd0)?.into_iter().find(|e| e.tag == GPS_IFD)
    {
        if let Some(dir) = t.pointer(&gps)
            && let Some(dir) = first_visit(dir)
            && let Some(entries) = t.entries(dir)
        {
            t.zero_ifd(dir, &entries);
        }
        t.remove_entry(ifd0, &gps)?;
    }
    let end = t.trailing_zeroed();
    tiff.truncate(end);
    Some(())
}

const X_RESOLUTION: u16 = 0x011A;
const Y_RESOLUTION: u16 = 0x011B;
const RESOLUTION_UNIT: u16 = 0x0128;

/// Sets the print density of a TIFF structure (an EXIF block, or a whole TIFF file) to `dpi` in IFD0, where it
/// has the tags already (they are changed in place, never added). `None` when it is malformed or has none.
pub(crate) fn set_resolution(tiff: &mut [u8], dpi: u16) -> Option<()> {
    let mut t = Tiff::new(tiff)?;
    let ifd0 = t.u32(4)? as usize;
    let mut changed = false;
    for e in t.entries(ifd0)? {
        match (e.tag, e.kind) {
            (X_RESOLUTION | Y_RESOLUTION, 5) => {
                let (at, _) = t.value_range(&e)?;
                t.put_u32(at, u32::from(dpi))?;
                t.put_u32(at + 4, 1)?;
                changed = true;
            }
            (RESOLUTION_UNIT, 3) => t.put_u16(e.at + 8, 2)?,
            _ => {}
        }
    }
    changed.then_some(())
}

/// The print density IFD0 of a TIFF structure gives, in dots per inch.
pub(crate) fn resolution(tiff: &[u8]) -> Option<f64> {
    let little = match tiff.get(..4)? {
        [b'I', b'I', 42, 0] => true,
        [b'M', b'M', 0, 42] => false,
        _ => return None,
    };
    let ifd0 = u32_at(tiff, 4, little)? as usize;
    let count = usize::from(u16_at(tiff, ifd0, little)?);
    let (mut x, mut unit) = (None, 2);
    for i in 0..count.min(512) {
        let e = ifd0 + 2 + 12 * i;
        match (u16_at(tiff, e, little)?, u16_at(tiff, e + 2, little)?) {
            (X_RESOLUTION, 5) => {
                let at = u32_at(tiff, e + 8, little)? as usize;
                let (n, d) = (u32_at(tiff, at, little)?, u32_at(tiff, at + 4, little)?);
                x = (d != 0).then(|| f64::from(n) / f64::from(d));
            }
            (RESOLUTION_UNIT, 3) => unit = u16_at(tiff, e + 8, little)?,
            _ => {}
        }
    }
    match unit {
        2 => x,
        3 => x.map(|v| v * 2.54),
        _ => None,
    }
}

/// The 16-bit number at `at` in a block of the given byte order.
pub(crate) fn u16_at(data: &[u8], at: usize, little: bool) -> Option<u16> {
    let b: [u8; 2] = data.get(at..at.checked_add(2)?)?.try_into().ok()?;
    Some(if little {
        u16::from_le_bytes(b)
    } else {
        u16::from_be_bytes(b)
    })
}

/// The 32-bit number at `at` in a block of the given byte order.
pub(crate) fn u32_at(data: &[u8], at: usize, little: bool) -> Option<u32> {
    let b: [u8; 4] = data.get(at..at.checked_add(4)?)?.try_into().ok()?;
    Some(if little {
        u32::from_le_bytes(b)
    } else {
        u32::from_be_bytes(b)
    })
}

/// One directory entry: where it is and what it says about its value.
struct Entry {
    at: usize,
    tag: u16,
    kind: u16,
    count: u32,
}

struct Tiff<'a> {
    data: &'a mut [u8],
    little: bool,
    /// Byte ranges zeroed so far, to cut the block short when they reach its end.
    zeroed: Vec<(usize, usize)>,
}

impl<'a> Tiff<'a> {
    fn new(data: &'a mut [u8]) -> Option<Self> {
        let little = match data.get(..4)? {
            [b'I', b'I', 42, 0] => true,
            [b'M', b'M', 0, 42] => false,
            _ => return None,
        };
        Some(Self {
            data,
            little,
            zeroed: Vec::new(),
        })
    }

    fn u16(&self, at: usize) -> Option<u16> {
        u16_at(self.data, at, self.little)
    }

    fn u32(&self, at: usize) -> Option<u32> {
        u32_at(self.data, at, self.little)
    }

    fn put_u16(&mut self, at: usize, v: u16) -> Option<()> {
        let b = if self.little { v.to_le_bytes() } else { v.to_be_bytes() };
        self.data.get_mut(at..at + 2)?.copy_from_slice(&b);
        Some(())
    }

    fn put_u32(&mut self, at: usize, v: u32) -> Option<()> {
        let b = if self.little { v.to_le_bytes() } else { v.to_be_bytes() };
        self.data.get_mut(at..at + 4)?.copy_from_slice(&b);
        Some(())
    }

    /// The entries of the directory at `at`, which must lie wholly inside the block.
    fn entries(&self, at: usize) -> Option<Vec<Entry>> {
        let count = usize::from(self.u16(at)?);
        self.data.get(at..at + 2 + 12 * count + 4)?;
        (0..count)
            .map(|i| {
                let e = at + 2 + 12 * i;
                Some(Entry {
                    at: e,
                    tag: self.u16(e)?,
                    kind: self.u16(e + 2)?,
                    count: self.u32(e + 4)?,
                })
            })
            .collect()
    }

    /// Where the offset of the next directory is stored, after the entries of the one at `at`.
    fn next_pointer_at(&self, at: usize) -> Option<usize> {
        Some(at + 2 + 12 * usize::from(self.u16(at)?))
    }

    /// The size in bytes of an entry's value, and where it lies (inside the entry when it fits in 4 bytes).
    fn value_range(&self, e: &Entry) -> Option<(usize, usize)> {
        let unit = match e.kind {
            1 | 2 | 6 | 7 => 1,
            3 | 8 => 2,
            4 | 9 | 11 | 13 => 4,
            5 | 10 | 12 => 8,
            _ => return None,
        };
        let len = unit * e.count as usize;
        let at = if len <= 4 {
            e.at + 8
        } else {
            self.u32(e.at + 8)? as usize
        };
        self.data.get(at..at.checked_add(len)?)?;
        Some((at, len))
    }

    /// A single SHORT or LONG value.
    fn number(&self, e: &Entry) -> Option<u32> {
        match (e.kind, e.count) {
            (3, 1) => self.u16(e.at + 8).map(u32::from),
            (4, 1) => self.u32(e.at + 8),
            _ => None,
        }
    }

    fn set_number(&mut self, e: &Entry, v: u32) -> Option<()> {
        match (e.kind, e.count) {
            (3, 1) => self.put_u16(e.at + 8, v.min(u32::from(u16::MAX)) as u16),
            (4, 1) => self.put_u32(e.at + 8, v),
            // A value of another shape is not one a viewer reads; leave it.
            _ => Some(()),
        }
    }

    /// The directory a pointer entry (EXIF, GPS) leads to.
    fn pointer(&self, e: &Entry) -> Option<usize> {
        (matches!(e.kind, 4 | 13) && e.count == 1)
            .then(|| self.u32(e.at + 8))
            .flatten()
            .map(|v| v as usize)
    }

    fn zero(&mut self, at: usize, len: usize) {
        let end = at.saturating_add(len).min(self.data.len());
        // The header and IFD0's own entries are never wiped, whatever a hostile pointer says.
        if at < 8 || at >= end {
            return;
        }
        self.data[at..end].fill(0);
        self.zeroed.push((at, end));
    }

    /// Zeroes a directory and the values it points to.
    fn zero_ifd(&mut self, at: usize, entries: &[Entry]) {
        let ranges: Vec<_> = entries
            .iter()
            .filter_map(|e| self.value_range(e))
            .filter(|&(v, _)| v >= at + 2 + 12 * entries.len() + 4 || v < at)
            .collect();
        for (v, len) in ranges {
            self.zero(v, len);
        }
        self.zero(at, 2 + 12 * entries.len() + 4);
    }

    /// Takes `e` out of the directory at `ifd`, moving the entries after it (and the next-directory offset)
    /// up, as a directory's entries must stay contiguous and sorted.
    fn remove_entry(&mut self, ifd: usize, e: &Entry) -> Option<()> {
        let count = self.u16(ifd)?;
        let end = self.next_pointer_at(ifd)? + 4;
        self.data.copy_within(e.at + 12..end, e.at);
        self.data[end - 12..end].fill(0);
        self.put_u16(ifd, count.checked_sub(1)?)
    }

    /// Where the block can end: before the zeroed ranges that reach its end (the thumbnail usually lies last).
    fn trailing_zeroed(&mut self) -> usize {
        self.zeroed.sort_unstable();
        let mut end = self.data.len();
        for &(start, stop) in self.zeroed.iter().rev() {
            // Values start on even offsets, so one byte of padding may separate two dropped ranges.
            if stop + 1 >= end && start < end {
                end = start;
            }
        }
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A little- or big-endian block: IFD0 with orientation 6 and GPS and EXIF pointers; an EXIF IFD with
    /// pixel dimensions; a GPS IFD with a latitude; IFD1 with a 100-byte thumbnail at the end.
    fn sample(little: bool) -> Vec<u8> {
        let mut b = Vec::new();
        let u16b = |v: u16| if little { v.to_le_bytes() } else { v.to_be_bytes() };
        let u32b = |v: u32| if little { v.to_le_bytes() } else { v.to_be_bytes() };
        let entry = |b: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]| {
            b.extend_from_slice(&u16b(tag));
            b.extend_from_slice(&u16b(kind));
            b.extend_from_slice(&u32b(count));
            b.extend_from_slice(&value);
        };
        let short = |v: u16| {
            let mut x = [0; 4];
            x[..2].copy_from_slice(&u16b(v));
            x
        };
        b.extend_from_slice(if little { b"II*\0" } else { b"MM\0*" });
        b.extend_from_slice(&u32b(8));
        // IFD0 at 8: 3 entries → ends at 8 + 2 + 36 + 4 = 50.
        b.extend_from_slice(&u16b(3));
        entry(&mut b, ORIENTATION, 3, 1, short(6));
        entry(&mut b, EXIF_IFD, 4, 1, u32b(50));
        entry(&mut b, GPS_IFD, 4, 1, u32b(80));
        b.extend_from_slice(&u32b(130));
        // EXIF IFD at 50: 2 entries → ends at 50 + 2 + 24 + 4 = 80.
        b.extend_from_slice(&u16b(2));
        entry(&mut b, PIXEL_X, 4, 1, u32b(4000));
        entry(&mut b, PIXEL_Y, 3, 1, short(3000));
        b.extend_from_slice(&u32b(0));
        // GPS IFD at 80: 1 entry (3 rationals at 98) → ends at 98; values 98..122; pad to 130.
        b.extend_from_slice(&u16b(1));
        entry(&mut b, 2, 5, 3, u32b(98));
        b.extend_from_slice(&u32b(0));
        for v in [48u32, 1, 51, 1, 30, 1] {
            b.extend_from_slice(&u32b(v));
        }
        b.resize(130, 0);
        // IFD1 at 130: 2 entries → ends at 160; thumbnail 160..260.
        b.extend_from_slice(&u16b(2));
        entry(&mut b, THUMBNAIL_OFFSET, 4, 1, u32b(160));
        entry(&mut b, THUMBNAIL_LENGTH, 4, 1, u32b(100));
        b.extend_from_slice(&u32b(0));
        b.extend(std::iter::repeat_n(0xAB, 100));
        b
    }

    #[test]
    fn orientation_size_thumbnail_and_location_are_edited_in_both_byte_orders() {
        for little in [true, false] {
            let mut tiff = sample(little);
            edit(
                &mut tiff,
                Edit {
                    size: (1920, 1440),
                    remove_location: true,
                },
            )
            .unwrap();
            let t = Tiff::new(&mut tiff).unwrap();
            let ifd0 = t.entries(8).unwrap();
            assert_eq!(ifd0.len(), 2, "GPS pointer removed");
            assert_eq!(t.number(&ifd0[0]), Some(1), "orientation reset");
            assert!(ifd0.iter().all(|e| e.tag != GPS_IFD));
            assert_eq!(t.u32(t.next_pointer_at(8).unwrap()), Some(0), "no IFD1");
            let exif = t.entries(50).unwrap();
            assert_eq!(t.number(&exif[0]), Some(1920));
            assert_eq!(t.number(&exif[1]), Some(1440));
            // The thumbnail and IFD1 were last and are cut off; the GPS values are zeroed.
            assert_eq!(tiff.len(), 130);
            assert!(tiff[80..130].iter().all(|&b| b == 0), "GPS directory and values wiped");
        }
    }

    #[test]
    fn location_is_kept_unless_asked_and_garbage_is_refused() {
        let mut tiff = sample(true);
        edit(
            &mut tiff,
            Edit {
                size: (10, 10),
                remove_location: false,
            },
        )
        .unwrap();
        assert_eq!(Tiff::new(&mut tiff).unwrap().entries(8).unwrap().len(), 3);
        assert_eq!(&tiff[98..102], &48u32.to_le_bytes());
        for bad in [&b"not a tiff"[..], b"II*\0\xFF\xFF\xFF\x7F", b"MM\0*\0\0\0\x08\xFF\xFF"] {
            let mut v = bad.to_vec();
            assert!(
                edit(
                    &mut v,
                    Edit {
                        size: (1, 1),
                        remove_location: true
                    }
                )
                .is_none()
            );
        }
    }

    /// A GPS pointer back to IFD0, with the location to be removed, once wiped IFD0 and then underflowed its
    /// entry count (a panic): now the pointer is taken out and IFD0 left alone. An EXIF pointer back to IFD0
    /// made the editor walk IFD0 again: a malformed block, so the copy goes without EXIF.
    #[test]
    fn pointers_back_to_a_directory_already_seen_are_never_followed() {
        let block = |tag: u16| {
            let mut b = b"II*\0\x08\0\0\0\x01\0".to_vec();
            b.extend_from_slice(&tag.to_le_bytes());
            b.extend_from_slice(&[4, 0, 1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0]);
            b
        };
        let edit_of = |b: &mut Vec<u8>| {
            edit(
                b,
                Edit {
                    size: (1, 1),
                    remove_location: true,
                },
            )
        };
        let mut gps = block(GPS_IFD);
        assert!(edit_of(&mut gps).is_some());
        assert_eq!(
            Tiff::new(&mut gps).unwrap().entries(8).unwrap().len(),
            0,
            "the pointer is gone"
        );
        assert!(edit_of(&mut block(EXIF_IFD)).is_none());
    }
}
