//! EXIF, XMP and IPTC: kept by default and made true of the copy (orientation 1, the copy's pixel size, no EXIF
//! thumbnail), all left out with "strip metadata", only the location left out with "remove location". Read
//! back from the copies with kamadak-exif and from the raw bytes.

use crate::common;

use std::fs;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use common::*;
use exif::{In, Tag};
use shrinkray::engine::{OutputFormat, ResizeMode, Settings};

/// The fixtures: a 240×320 photo stored on its side (EXIF orientation 6) with camera, author, copyright,
/// date, GPS, an EXIF thumbnail, XMP (creator, rights, GPS) and, in the JPEG, IPTC (by-line, copyright,
/// keyword). The PNG is 96×128, with EXIF (`eXIf`) and XMP (`iTXt`). Copies are made 80×60.
fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

fn convert(input: &Path, out: &Path, format: OutputFormat, change: impl FnOnce(&mut Settings)) -> PathBuf {
    let mut settings = Settings {
        resize: ResizeMode::LongEdge(80),
        format,
        ..settings_to(out)
    };
    change(&mut settings);
    let written = outputs(&run(&[input.to_owned()], settings));
    assert_eq!(written.len(), 1, "{}", input.display());
    written[0].clone()
}

fn exif_of(path: &Path) -> Option<exif::Exif> {
    let mut reader = BufReader::new(fs::File::open(path).unwrap());
    exif::Reader::new().read_from_container(&mut reader).ok()
}

fn text(exif: &exif::Exif, tag: Tag) -> Option<String> {
    exif.get_field(tag, In::PRIMARY)
        .map(|f| f.display_value().to_string().trim_matches('"').to_owned())
}

fn number(exif: &exif::Exif, tag: Tag) -> Option<u32> {
    exif.get_field(tag, In::PRIMARY).and_then(|f| f.value.get_uint(0))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every output format that holds EXIF and XMP, from both fixtures (the JPEG → JPEG copy goes through the
/// planar path, the others through RGB).
fn cases() -> Vec<(&'static str, OutputFormat)> {
    let mut cases = Vec::new();
    for input in ["exif-gps.jpg", "exif-gps.png"] {
        for format in [
            OutputFormat::Jpeg,
            OutputFormat::Png,
            OutputFormat::WebP,
            OutputFormat::Tiff,
        ] {
            cases.push((input, format));
        }
    }
    cases
}

#[test]
fn exif_xmp_and_iptc_are_kept_and_made_true_of_the_copy() {
    let dir = tempfile::tempdir().unwrap();
    // A JPEG whose quality a look chooses is jpegli's: the same promises.
    let looks = ["exif-gps.jpg", "exif-gps.png"].map(|input| (input, OutputFormat::Jpeg));
    let runs = cases()
        .into_iter()
        .map(|c| (c, None))
        .chain(looks.map(|c| (c, Some(83.5))));
    for (i, ((input, format), look)) in runs.enumerate() {
        let copy = convert(&fixture(input), &dir.path().join(i.to_string()), format, |s| {
            s.min_score = look;
        });
        let what = format!("{input} → {} (look {look:?})", copy.display());
        assert_eq!(dims(&copy), (80, 60), "{what}: upright and resized");
        let exif = exif_of(&copy).unwrap_or_else(|| panic!("{what}: no EXIF"));
        assert_eq!(
            text(&exif, Tag::Make).as_deref(),
            Some("Shrinkray Test Camera"),
            "{what}"
        );
        assert_eq!(text(&exif, Tag::Artist).as_deref(), Some("Ann Example"), "{what}");
        assert_eq!(
            text(&exif, Tag::DateTimeOriginal).as_deref(),
            Some("2026-05-01 12:34:56"),
            "{what}"
        );
        assert_eq!(number(&exif, Tag::Orientation), Some(1), "{what}: orientation reset");
        // TIFF gives the size in its own directory; the EXIF pixel dimensions describe compressed data.
        let (w, h) = if format == OutputFormat::Tiff {
            (Tag::ImageWidth, Tag::ImageLength)
        } else {
            (Tag::PixelXDimension, Tag::PixelYDimension)
        };
        assert_eq!(number(&exif, w), Some(80), "{what}: width updated");
        assert_eq!(number(&exif, h), Some(60), "{what}: height updated");
        assert!(
            exif.get_field(Tag::GPSLatitude, In::PRIMARY).is_some(),
            "{what}: location kept"
        );
        assert!(
            exif.fields().all(|f| f.ifd_num != In::THUMBNAIL),
            "{what}: the EXIF thumbnail is dropped"
        );
        let bytes = fs::read(&copy).unwrap();
        assert!(contains(&bytes, b"<x:xmpmeta"), "{what}: XMP kept");
        assert!(
            contains(&bytes, b"<rdf:li>Ann Example</rdf:li>"),
            "{what}: XMP creator kept"
        );
        assert!(contains(&bytes, b"exif:GPSLatitude"), "{what}: XMP location kept");
        if input.ends_with("jpg") && format == OutputFormat::Jpeg {
            assert!(contains(&bytes, b"<tiff:Orientation>1</tiff:Orientation>"), "{what}");
            // IPTC record 2, dataset 80 (By-line), in the Photoshop segment.
            assert!(contains(&bytes, b"Photoshop 3.0\0"), "{what}: IPTC kept");
            assert!(
                contains(&bytes, b"\x1c\x02\x50\x00\x0bAnn Example"),
                "{what}: IPTC by-line kept"
            );
        }
    }
}

#[test]
fn remove_location_drops_gps_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (input, format)) in cases().into_iter().enumerate() {
        let copy = convert(&fixture(input), &dir.path().join(i.to_string()), format, |s| {
            s.remove_location = true;
        });
        let what = format!("{input} → {}", copy.display());
        let exif = exif_of(&copy).unwrap_or_else(|| panic!("{what}: no EXIF"));
        assert!(
            exif.fields().all(|f| f.tag.context() != exif::Context::Gps),
            "{what}: no GPS field left"
        );
        assert!(exif.get_field(Tag::GPSInfoIFDPointer, In::PRIMARY).is_none(), "{what}");
        assert_eq!(
            text(&exif, Tag::Copyright).as_deref(),
            Some("(c) 2026 Ann Example"),
            "{what}"
        );
        assert_eq!(number(&exif, Tag::Orientation), Some(1), "{what}");
        let bytes = fs::read(&copy).unwrap();
        assert!(!contains(&bytes, b"GPS"), "{what}: no GPS in XMP either");
        assert!(
            contains(&bytes, b"<rdf:li>Ann Example</rdf:li>"),
            "{what}: the rest of XMP kept"
        );
        // 48°51'30.24": the latitude's rationals must not survive anywhere in the file, even unreferenced.
        for seconds in [&3024u32.to_be_bytes(), &3024u32.to_le_bytes()] {
            assert!(!contains(&bytes, seconds), "{what}: latitude bytes remain");
        }
        if input.ends_with("jpg") && format == OutputFormat::Jpeg {
            assert!(
                contains(&bytes, b"\x1c\x02\x50\x00\x0bAnn Example"),
                "{what}: IPTC kept"
            );
        }
    }
}

#[test]
fn strip_metadata_keeps_only_the_colour_profile() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (input, format)) in cases().into_iter().enumerate() {
        let copy = convert(&fixture(input), &dir.path().join(i.to_string()), format, |s| {
            s.strip_metadata = true;
        });
        let what = format!("{input} → {}", copy.display());
        // A TIFF is itself read as EXIF: its own directory stays, with nothing of the original's in it.
        match exif_of(&copy) {
            Some(exif) if format == OutputFormat::Tiff => {
                for tag in [
                    Tag::Make,
                    Tag::Artist,
                    Tag::Copyright,
                    Tag::DateTimeOriginal,
                    Tag::GPSLatitude,
                ] {
                    assert!(exif.get_field(tag, In::PRIMARY).is_none(), "{what}: {tag} left");
                }
            }
            exif => assert!(exif.is_none(), "{what}: EXIF left"),
        }
        let bytes = fs::read(&copy).unwrap();
        for needle in [&b"xmpmeta"[..], b"Photoshop", b"Ann Example", b"Shrinkray Test Camera"] {
            assert!(
                !contains(&bytes, needle),
                "{what}: {} left",
                String::from_utf8_lossy(needle)
            );
        }
        assert_eq!(dims(&copy), (80, 60), "{what}: still upright");
    }
    let icc = |path: &Path| {
        use image::ImageDecoder;
        let reader = image::ImageReader::open(path).unwrap().with_guessed_format().unwrap();
        reader.into_decoder().unwrap().icc_profile().unwrap()
    };
    let original = icc(&fixture("adobe-rgb.jpg")).unwrap();
    for format in [OutputFormat::Jpeg, OutputFormat::Png, OutputFormat::WebP] {
        let copy = convert(&fixture("adobe-rgb.jpg"), &dir.path().join("icc"), format, |s| {
            s.strip_metadata = true;
        });
        assert_eq!(icc(&copy).as_ref(), Some(&original), "{}", copy.display());
    }
}

/// A big-endian EXIF block: IFD0 with Make and Model, an EXIF IFD with ExposureTime 1/200 and a maker note of
/// `note` bytes, a GPS IFD with a latitude. Written by hand: no tool here writes maker notes at will.
fn exif_with_maker_note(note: usize) -> Vec<u8> {
    let entry = |b: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: u32| {
        b.extend_from_slice(&tag.to_be_bytes());
        b.extend_from_slice(&kind.to_be_bytes());
        b.extend_from_slice(&count.to_be_bytes());
        b.extend_from_slice(&value.to_be_bytes());
    };
    let mut b = b"MM\0*\0\0\0\x08".to_vec();
    // IFD0 at 8, 4 entries: ends at 8 + 2 + 48 + 4 = 62. Values: "Maker Inc\0" (10) at 62, "M-1\0" inline.
    b.extend_from_slice(&4u16.to_be_bytes());
    entry(&mut b, 0x010F, 2, 10, 62);
    entry(&mut b, 0x0110, 2, 4, u32::from_be_bytes(*b"M-1\0"));
    entry(&mut b, 0x8769, 4, 1, 72);
    entry(&mut b, 0x8825, 4, 1, 102);
    b.extend_from_slice(&0u32.to_be_bytes());
    b.extend_from_slice(b"Maker Inc\0");
    // EXIF IFD at 72, 2 entries: ends at 72 + 2 + 24 + 4 = 102; the exposure at 144, the note after it.
    b.extend_from_slice(&2u16.to_be_bytes());
    entry(&mut b, 0x829A, 5, 1, 144);
    entry(&mut b, 0x927C, 7, note as u32, 152);
    b.extend_from_slice(&0u32.to_be_bytes());
    // GPS IFD at 102, 1 entry: ends at 102 + 2 + 12 + 4 = 120; the latitude (3 rationals) at 120..144.
    b.extend_from_slice(&1u16.to_be_bytes());
    entry(&mut b, 0x0002, 5, 3, 120);
    b.extend_from_slice(&0u32.to_be_bytes());
    for v in [48u32, 1, 51, 1, 30, 1, 1, 200] {
        b.extend_from_slice(&v.to_be_bytes());
    }
    b.extend(std::iter::repeat_n(0x5A, note));
    b
}

/// EXIF larger than a JPEG segment (a long maker note) loses its maker note, not the camera, exposure and
/// location; before, the JPEG copy had no EXIF at all. The input is a PNG, whose `eXIf` has no such limit.
#[test]
fn exif_too_large_for_a_jpeg_segment_keeps_all_but_its_maker_note() {
    let dir = tempfile::tempdir().unwrap();
    let seed = fs::read(write_photo(
        &dir.path().join("seed.png"),
        120,
        90,
        image::ImageFormat::Png,
    ))
    .unwrap();
    let mut png = seed[..33].to_vec();
    common::bombs::png_chunk(&mut png, b"eXIf", &exif_with_maker_note(80_000));
    png.extend_from_slice(&seed[33..]);
    let input = dir.path().join("long-note.png");
    fs::write(&input, png).unwrap();
    for remove_location in [false, true] {
        let copy = convert(
            &input,
            &dir.path().join(format!("out-{remove_location}")),
            OutputFormat::Jpeg,
            |s| {
                s.remove_location = remove_location;
            },
        );
        let exif =
            exif_of(&copy).unwrap_or_else(|| panic!("no EXIF in the copy (location removed: {remove_location})"));
        assert_eq!(text(&exif, Tag::Make).as_deref(), Some("Maker Inc"));
        assert_eq!(text(&exif, Tag::Model).as_deref(), Some("M-1"));
        assert_eq!(text(&exif, Tag::ExposureTime).as_deref(), Some("1/200"));
        assert!(exif.get_field(Tag::MakerNote, In::PRIMARY).is_none());
        assert_eq!(
            exif.get_field(Tag::GPSLatitude, In::PRIMARY).is_some(),
            !remove_location
        );
        assert!(
            fs::metadata(&copy).unwrap().len() < 40_000,
            "the note is not in the file"
        );
    }
}
