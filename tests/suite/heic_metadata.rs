//! EXIF from HEIC files as different makers store it, carried to the JPEG copy: Apple's and Sony's real files,
//! libheif's own writing (no offset), and the layouts other phones use (a whole JPEG APP1 segment inside the
//! item, as Xiaomi's; no offset field at all). Read back with kamadak-exif. Needs libheif at run time, as the
//! other HEIC tests.
#![cfg(feature = "heif")]

use crate::common;

use std::fs;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use common::*;
use exif::{In, Tag};
use shrinkray::engine::{OutputFormat, ResizeMode, Settings};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

fn copy_exif(input: &Path, out: &Path, remove_location: bool) -> exif::Exif {
    let settings = Settings {
        resize: ResizeMode::LongEdge(64),
        format: OutputFormat::Jpeg,
        remove_location,
        ..settings_to(out)
    };
    let events = run(&[input.to_owned()], settings);
    let written = outputs(&events);
    assert_eq!(written.len(), 1, "{events:?}");
    let mut reader = BufReader::new(fs::File::open(&written[0]).unwrap());
    exif::Reader::new()
        .read_from_container(&mut reader)
        .unwrap_or_else(|e| panic!("{}: the copy has no readable EXIF: {e}", input.display()))
}

fn text(exif: &exif::Exif, tag: Tag) -> Option<String> {
    exif.get_field(tag, In::PRIMARY)
        .map(|f| f.display_value().to_string().trim_matches('"').to_owned())
}

/// (file, make, model, has GPS)
const FILES: [(&str, &str, &str, bool); 5] = [
    ("iphone-arrow.heic", "Apple", "iPhone 8 Plus", false),
    ("heic-exif/sony.heic", "SONY", "ILCE-7SM3", false),
    ("heic-exif/offset-0.heic", "Shrinkray Test Camera", "SR-1", true),
    ("heic-exif/app1-segment.heic", "Shrinkray Test Camera", "SR-1", true),
    ("heic-exif/no-offset.heic", "Shrinkray Test Camera", "SR-1", true),
];

#[test]
#[cfg_attr(windows, ignore = "needs libheif, which the Windows build does not ship")]
fn every_makers_exif_reaches_the_jpeg_copy() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (file, make, model, gps)) in FILES.iter().enumerate() {
        let exif = copy_exif(&fixture(file), &dir.path().join(i.to_string()), false);
        assert_eq!(text(&exif, Tag::Make).as_deref(), Some(*make), "{file}");
        assert_eq!(text(&exif, Tag::Model).as_deref(), Some(*model), "{file}");
        assert_eq!(exif.get_field(Tag::GPSLatitude, In::PRIMARY).is_some(), *gps, "{file}");
    }
}

#[test]
#[cfg_attr(windows, ignore = "needs libheif, which the Windows build does not ship")]
fn remove_location_drops_gps_from_heic_exif_and_keeps_the_camera() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (file, make, _, _)) in FILES.iter().enumerate() {
        let exif = copy_exif(&fixture(file), &dir.path().join(i.to_string()), true);
        assert_eq!(text(&exif, Tag::Make).as_deref(), Some(*make), "{file}");
        assert!(
            exif.fields()
                .all(|f| f.ifd_num != In::PRIMARY || !matches!(f.tag, Tag::GPSLatitude | Tag::GPSLongitude)),
            "{file}"
        );
        for tag in [Tag::GPSLatitude, Tag::GPSLongitude, Tag::GPSAltitude] {
            assert!(exif.get_field(tag, In::PRIMARY).is_none(), "{file}: {tag}");
        }
    }
}
