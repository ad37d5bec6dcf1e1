//! Fitting an EXIF block into the one JPEG segment it may occupy (65,527 bytes after `Exif\0\0`). A copy's EXIF
//! is edited in place (`exif`) so that maker notes keep the offsets they hold into the block; the rare block
//! still too large after its thumbnail is gone (cameras with long maker notes, phones that pad) is rebuilt here:
//! without its maker note first, which is what makes a rebuild safe, then, if needed, without its largest
//! values one by one. The camera, exposure, date and location survive; before, the whole block was dropped.

use std::cell::{Cell, RefCell};

use crate::engine::metadata::exif::{u16_at, u32_at};

/// The most EXIF a JPEG APP1 segment holds: 65,535 less the length field and the `Exif\0\0` prefix.
pub(crate) const JPEG_EXIF_MAX: usize = 65_535 - 2 - 6;

/// The EXIF directory's pointer tag.
pub(crate) const EXIF_IFD: u16 = 0x8769;
/// The GPS directory's pointer tag.
pub(crate) const GPS_IFD: u16 = 0x8825;
/// The interoperability directory's pointer tag (inside the EXIF directory).
pub(crate) const INTEROP_IFD: u16 = 0xA005;
/// The maker note: the camera maker's own data, with offsets into the block.
pub(crate) const MAKER_NOTE: u16 = 0x927C;
/// Pointers a rebuild cannot follow (SubIFDs, and IFD1's thumbnail, already dropped): left out.
const UNFOLLOWED: [u16; 3] = [0x014A, 0x0201, 0x0202];

/// `tiff` (an EXIF block from its TIFF header on) made at most `max` bytes, or `None` when even the directories
/// alone do not fit or the block cannot be read. A block that fits is returned as it is.
pub(crate) fn fit(tiff: &[u8], max: usize) -> Option<Vec<u8>> {
    if tiff.len() <= max {
        return Some(tiff.to_vec());
    }
    let (little, mut root) = parse(tiff)?;
    root.remove(MAKER_NOTE);
    loop {
        let built = Writer::new(little).build(&root);
        if built.len() <= max {
            return Some(built);
        }
        // The largest value left goes next.
        let (path, _) = root.largest(&mut Vec::new())?;
        root.remove_at(&path);
    }
}

/// An EXIF block read into its directories: IFD0 with the EXIF, GPS and interoperability directories it points
/// to (the thumbnail's IFD1 and pointers a copy cannot follow left out), and whether it is little-endian.
pub(crate) fn parse(tiff: &[u8]) -> Option<(bool, Dir)> {
    let little = match tiff.get(..4)? {
        [b'I', b'I', 42, 0] => true,
        [b'M', b'M', 0, 42] => false,
        _ => return None,
    };
    let reader = Reader {
        data: tiff,
        little,
        seen: RefCell::new(Vec::new()),
        budget: Cell::new(ENTRY_BUDGET),
    };
    let root = reader.dir(reader.u32(4)? as usize, 0)?;
    // A directory reached twice (a loop, or many pointers to one directory) or more entries than any camera
    // writes: the block is malformed and the copy goes without it, rather than read it without end.
    (reader.budget.get() > 0).then_some((little, root))
}

/// Entries a block may hold in all its directories: cameras write a few hundred; a crafted block with
/// thousands of pointers must cost no more than this.
const ENTRY_BUDGET: usize = 8192;

/// A directory: its entries, with their values (raw, in the block's byte order) or sub-directories.
#[derive(Clone)]
pub(crate) struct Dir {
    pub entries: Vec<(u16, Value)>,
}

/// An entry's value.
#[derive(Clone)]
pub(crate) enum Value {
    /// Type, count and the value's bytes.
    Data(u16, u32, Vec<u8>),
    /// A directory pointed to.
    Sub(Dir),
}

impl Dir {
    /// Takes out every entry with `tag`, here and in the directories below.
    pub(crate) fn remove(&mut self, tag: u16) {
        self.entries.retain(|(t, _)| *t != tag);
        for (_, v) in &mut self.entries {
            if let Value::Sub(d) = v {
                d.remove(tag);
            }
        }
    }

    /// The path (entry indices) to the largest value stored outside its entry, and its size.
    fn largest(&self, path: &mut Vec<usize>) -> Option<(Vec<usize>, usize)> {
        let mut best: Option<(Vec<usize>, usize)> = None;
        for (i, (_, v)) in self.entries.iter().enumerate() {
            path.push(i);
            let found = match v {
                Value::Data(_, _, bytes) if bytes.len() > 4 => Some((path.clone(), bytes.len())),
                Value::Data(..) => None,
                Value::Sub(d) => d.largest(path),
            };
            path.pop();
            if let Some(f) = found
                && best.as_ref().is_none_or(|b| f.1 > b.1)
            {
                best = Some(f);
            }
        }
        best
    }

    fn remove_at(&mut self, path: &[usize]) {
        match path {
            [i] => {
                self.entries.remove(*i);
            }
            [i, rest @ ..] => {
                if let Some((_, Value::Sub(d))) = self.entries.get_mut(*i) {
                    d.remove_at(rest);
                }
            }
            [] => {}
        }
    }
}

struct Reader<'a> {
    data: &'a [u8],
    little: bool,
    /// Directories read so far, by offset.
    seen: RefCell<Vec<usize>>,
    /// Entries still allowed; 0 once the block proved malformed.
    budget: Cell<usize>,
}

impl Reader<'_> {
    fn u16(&self, at: usize) -> Option<u16> {
        u16_at(self.data, at, self.little)
    }

    fn u32(&self, at: usize) -> Option<u32> {
        u32_at(self.data, at, self.little)
    }

    /// The directory at `at`; `depth` stops a block whose pointers go in circles.
    fn dir(&self, at: usize, depth: u8) -> Option<Dir> {
        if depth > 3 || self.budget.get() == 0 {
            return None;
        }
        if self.seen.borrow().contains(&at) {
            self.budget.set(0);
            return None;
        }
        self.seen.borrow_mut().push(at);
        let count = usize::from(self.u16(at)?);
        let Some(left) = self.budget.get().checked_sub(count) else {
            self.budget.set(0);
            return None;
        };
        // Never 0 after a directory that fits, so only a malformed block reads as spent.
        self.budget.set(left.max(1));
        let mut entries = Vec::with_capacity(count);
        for i in 0..count {
            let e = at + 2 + 12 * i;
            let (tag, kind, n) = (self.u16(e)?, self.u16(e + 2)?, self.u32(e + 4)?);
            if UNFOLLOWED.contains(&tag) {
                continue;
            }
            if matches!(tag, EXIF_IFD | GPS_IFD | INTEROP_IFD) {
                if let Some(sub) = self.u32(e + 8).and_then(|to| self.dir(to as usize, depth + 1)) {
                    entries.push((tag, Value::Sub(sub)));
                }
                continue;
            }
            let unit = match kind {
                1 | 2 | 6 | 7 => 1,
                3 | 8 => 2,
                4 | 9 | 11 => 4,
                5 | 10 | 12 => 8,
                // A type a reader cannot size is one the copy goes without.
                _ => continue,
            };
            let len = unit * n as usize;
            let from = if len <= 4 { e + 8 } else { self.u32(e + 8)? as usize };
            let Some(bytes) = self.data.get(from..from.saturating_add(len)) else {
                continue;
            };
            entries.push((tag, Value::Data(kind, n, bytes.to_vec())));
        }
        Some(Dir { entries })
    }
}

struct Writer {
    out: Vec<u8>,
    little: bool,
}

impl Writer {
    fn new(little: bool) -> Self {
        let mut out = if little { b"II*\0".to_vec() } else { b"MM\0*".to_vec() };
        out.extend_from_slice(&if little { 8u32.to_le_bytes() } else { 8u32.to_be_bytes() });
        Self { out, little }
    }

    fn build(mut self, root: &Dir) -> Vec<u8> {
        self.write_dir(root);
        self.out
    }

    fn put16(&mut self, at: usize, v: u16) {
        let b = if self.little { v.to_le_bytes() } else { v.to_be_bytes() };
        self.out[at..at + 2].copy_from_slice(&b);
    }

    fn put32(&mut self, at: usize, v: u32) {
        let b = if self.little { v.to_le_bytes() } else { v.to_be_bytes() };
        self.out[at..at + 4].copy_from_slice(&b);
    }

    /// Writes `dir` at the end (entries sorted by tag, as TIFF requires), then its values, then its
    /// sub-directories, each at an even offset; returns where the directory starts.
    fn write_dir(&mut self, dir: &Dir) -> u32 {
        let mut entries: Vec<&(u16, Value)> = dir.entries.iter().collect();
        entries.sort_by_key(|(tag, _)| *tag);
        let start = self.out.len();
        self.out.resize(start + 2 + 12 * entries.len() + 4, 0);
        self.put16(start, entries.len() as u16);
        let mut subs = Vec::new();
        for (i, (tag, value)) in entries.iter().enumerate() {
            let e = start + 2 + 12 * i;
            self.put16(e, *tag);
            match value {
                Value::Data(kind, count, bytes) => {
                    self.put16(e + 2, *kind);
                    self.put32(e + 4, *count);
                    if bytes.len() <= 4 {
                        self.out[e + 8..e + 8 + bytes.len()].copy_from_slice(bytes);
                    } else {
                        let at = self.out.len().next_multiple_of(2);
                        self.out.resize(at, 0);
                        self.out.extend_from_slice(bytes);
                        self.put32(e + 8, at as u32);
                    }
                }
                Value::Sub(sub) => {
                    self.put16(e + 2, 4);
                    self.put32(e + 4, 1);
                    subs.push((e + 8, sub));
                }
            }
        }
        for (pointer, sub) in subs {
            let at = self.out.len().next_multiple_of(2);
            self.out.resize(at, 0);
            let sub_at = self.write_dir(sub);
            self.put32(pointer, sub_at);
        }
        start as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A big-endian block: IFD0 (Make "Cam", an EXIF pointer, a GPS pointer), an EXIF IFD (ExposureTime
    /// 1/200, a maker note of `note` bytes, a user comment of `comment` bytes), a GPS IFD (latitude).
    fn block(note: usize, comment: usize) -> Vec<u8> {
        let mut root = Dir { entries: Vec::new() };
        root.entries.push((0x010F, Value::Data(2, 4, b"Cam\0".to_vec())));
        let exif = Dir {
            entries: vec![
                (0x829A, Value::Data(5, 1, [0, 0, 0, 1, 0, 0, 0, 200].to_vec())),
                (MAKER_NOTE, Value::Data(7, note as u32, vec![7; note])),
                (0x9286, Value::Data(7, comment as u32, vec![9; comment])),
            ],
        };
        let gps = Dir {
            entries: vec![(2, Value::Data(5, 3, [0, 0, 0, 48, 0, 0, 0, 1].repeat(3)))],
        };
        root.entries.push((EXIF_IFD, Value::Sub(exif)));
        root.entries.push((GPS_IFD, Value::Sub(gps)));
        Writer::new(false).build(&root)
    }

    fn tags(tiff: &[u8]) -> Vec<u16> {
        let root = parse(tiff).unwrap().1;
        let mut all = Vec::new();
        fn walk(d: &Dir, all: &mut Vec<u16>) {
            for (t, v) in &d.entries {
                all.push(*t);
                if let Value::Sub(s) = v {
                    walk(s, all);
                }
            }
        }
        walk(&root, &mut all);
        all
    }

    #[test]
    fn a_block_that_fits_is_left_as_it_is() {
        let small = block(100, 100);
        assert_eq!(fit(&small, JPEG_EXIF_MAX), Some(small));
    }

    #[test]
    fn the_maker_note_goes_first_and_the_rest_stays_readable() {
        let big = block(70_000, 100);
        let fitted = fit(&big, JPEG_EXIF_MAX).unwrap();
        assert!(fitted.len() <= JPEG_EXIF_MAX, "{}", fitted.len());
        assert_eq!(tags(&fitted), [0x010F, EXIF_IFD, 0x829A, 0x9286, GPS_IFD, 2]);
        // Values read back where the rebuilt pointers say.
        let root = parse(&fitted).unwrap().1;
        assert!(matches!(&root.entries[0].1, Value::Data(2, 4, v) if v == b"Cam\0"));
    }

    #[test]
    fn then_the_largest_values_until_it_fits() {
        let big = block(10, 80_000);
        let fitted = fit(&big, JPEG_EXIF_MAX).unwrap();
        assert!(fitted.len() <= JPEG_EXIF_MAX);
        assert_eq!(tags(&fitted), [0x010F, EXIF_IFD, 0x829A, GPS_IFD, 2]);
        assert_eq!(fit(b"not a block at all, and far too long for the limit", 10), None);
    }

    #[test]
    fn cut_or_damaged_blocks_never_panic() {
        let good = block(300, 300);
        for cut in 0..good.len() {
            let _ = fit(&good[..cut], 200);
        }
        for at in 0..good.len() {
            let mut bad = good.clone();
            bad[at] ^= 0xA5;
            let _ = fit(&bad, 200);
            let _ = parse(&bad);
        }
    }

    /// A big-endian IFD0 of `n` entries with `tag`, each pointing at `to`.
    fn pointers(n: u16, tag: u16, to: u32) -> Vec<u8> {
        let mut b = b"MM\0*\0\0\0\x08".to_vec();
        b.extend_from_slice(&n.to_be_bytes());
        for _ in 0..n {
            b.extend_from_slice(&tag.to_be_bytes());
            b.extend_from_slice(&[0, 4, 0, 0, 0, 1]);
            b.extend_from_slice(&to.to_be_bytes());
        }
        b.extend_from_slice(&[0; 4]);
        b
    }

    /// 5,000 EXIF pointers back to IFD0 fit in one 62 KB segment and once made the rebuild read 5,000⁴
    /// directories, until the process ran out of memory; now the block is malformed at the second visit.
    #[test]
    fn loops_and_fan_outs_are_malformed_blocks_not_endless_reads() {
        let looped = pointers(5000, EXIF_IFD, 8);
        assert!(looped.len() < 65_000);
        assert!(parse(&looped).is_none());
        assert_eq!(fit(&looped, 100), None);
        // Many pointers to one other directory: a fan-out, refused the same way.
        let mut fan = pointers(3, GPS_IFD, 50);
        fan.resize(50, 0);
        fan.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
        assert!(parse(&fan).is_none());
        // One pointer to it is a block like any other.
        let mut one = pointers(1, GPS_IFD, 26);
        one.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
        assert!(parse(&one).is_some());
    }
}
