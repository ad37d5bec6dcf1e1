//! Files built to hurt a decoder: headers written by hand that declare enormous pictures. Each must fail alone,
//! quickly, before its pixels are allocated, while the good image beside it is done.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use image::ImageFormat;
use shrinkray::engine::{ImageError, JobEvent};

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// A PNG that declares 100000×100000 RGBA pixels and holds a few bytes of data.
fn png_bomb(path: &Path) -> PathBuf {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&100_000u32.to_be_bytes());
    ihdr.extend_from_slice(&100_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    png_chunk(&mut png, b"IHDR", &ihdr);
    png_chunk(&mut png, b"IDAT", &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
    png_chunk(&mut png, b"IEND", &[]);
    fs::write(path, png).unwrap();
    path.to_owned()
}

/// A real small JPEG whose frame header is patched to say 65500×65500.
fn jpeg_bomb(path: &Path, dir: &Path) -> PathBuf {
    let mut jpeg = fs::read(write_photo(&dir.join("seed.jpg"), 64, 48, ImageFormat::Jpeg)).unwrap();
    let sof = jpeg
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("a baseline frame header");
    jpeg[sof + 5..sof + 9].copy_from_slice(&[0xFF, 0xDC, 0xFF, 0xDC]);
    fs::remove_file(dir.join("seed.jpg")).unwrap();
    fs::write(path, jpeg).unwrap();
    path.to_owned()
}

/// A GIF whose canvas and only frame are 65535×65535.
fn gif_bomb(path: &Path) -> PathBuf {
    let mut gif = b"GIF89a\xFF\xFF\xFF\xFF\x80\x00\x00".to_vec();
    gif.extend_from_slice(&[0, 0, 0, 255, 255, 255]);
    gif.extend_from_slice(b"\x2C\x00\x00\x00\x00\xFF\xFF\xFF\xFF\x00");
    gif.extend_from_slice(&[2, 2, 0x4C, 0x01, 0, 0x3B]);
    fs::write(path, gif).unwrap();
    path.to_owned()
}

/// A little-endian TIFF of 1,000,000×1,000,000 grey pixels with one tiny strip.
fn tiff_bomb(path: &Path) -> PathBuf {
    let entries: [(u16, u16, u32); 8] = [
        (256, 4, 1_000_000), // ImageWidth, LONG
        (257, 4, 1_000_000), // ImageLength
        (258, 3, 8),         // BitsPerSample
        (259, 3, 1),         // Compression: none
        (262, 3, 1),         // Photometric: black is zero
        (273, 4, 8),         // StripOffsets
        (278, 4, 1_000_000), // RowsPerStrip
        (279, 4, 16),        // StripByteCounts
    ];
    let mut tiff = b"II*\0".to_vec();
    tiff.extend_from_slice(&24u32.to_le_bytes());
    tiff.extend_from_slice(&[0; 16]);
    tiff.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    for (tag, kind, value) in entries {
        tiff.extend_from_slice(&tag.to_le_bytes());
        tiff.extend_from_slice(&kind.to_le_bytes());
        tiff.extend_from_slice(&1u32.to_le_bytes());
        tiff.extend_from_slice(&value.to_le_bytes());
    }
    tiff.extend_from_slice(&0u32.to_le_bytes());
    fs::write(path, tiff).unwrap();
    path.to_owned()
}

/// An 8-bit RLE BMP of 60000×60000 pixels whose few bytes of data would expand to 3.6 gigabytes.
fn bmp_bomb(path: &Path) -> PathBuf {
    let palette = 256 * 4;
    let data: &[u8] = &[0xFF, 0x01, 0x00, 0x01];
    let offset = 14 + 40 + palette;
    let mut bmp = b"BM".to_vec();
    bmp.extend_from_slice(&((offset + data.len()) as u32).to_le_bytes());
    bmp.extend_from_slice(&[0; 4]);
    bmp.extend_from_slice(&(offset as u32).to_le_bytes());
    bmp.extend_from_slice(&40u32.to_le_bytes());
    bmp.extend_from_slice(&60_000i32.to_le_bytes());
    bmp.extend_from_slice(&60_000i32.to_le_bytes());
    bmp.extend_from_slice(&1u16.to_le_bytes());
    bmp.extend_from_slice(&8u16.to_le_bytes());
    bmp.extend_from_slice(&1u32.to_le_bytes()); // BI_RLE8
    bmp.extend_from_slice(&(data.len() as u32).to_le_bytes());
    bmp.extend_from_slice(&[0; 8]);
    bmp.extend_from_slice(&256u32.to_le_bytes());
    bmp.extend_from_slice(&0u32.to_le_bytes());
    bmp.extend(std::iter::repeat_n(0u8, palette));
    bmp.extend_from_slice(data);
    fs::write(path, bmp).unwrap();
    path.to_owned()
}

#[test]
fn pictures_that_declare_huge_sizes_are_refused_before_allocation() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = vec![
        png_bomb(&dir.path().join("bomb.png")),
        jpeg_bomb(&dir.path().join("bomb.jpg"), dir.path()),
        gif_bomb(&dir.path().join("bomb.gif")),
        tiff_bomb(&dir.path().join("bomb.tif")),
        bmp_bomb(&dir.path().join("bomb.bmp")),
        write_photo(&dir.path().join("fine.png"), 64, 48, ImageFormat::Png),
    ];
    let events = run(&inputs, settings_to(&dir.path().join("out")));
    for event in &events {
        if let JobEvent::ImageFailed { input, error, .. } = event {
            assert!(
                matches!(error, ImageError::TooLarge { .. }),
                "{}: refused for the wrong reason: {error}",
                input.display()
            );
        }
    }
    let summary = summary(&events);
    assert_eq!((summary.failed, summary.done), (5, 1), "{events:?}");
}

/// Fails `inputs` (named on the command line, as a user drops files) next to one good photo, and returns each
/// failed file's message.
fn failures_beside_a_good_photo(dir: &Path, mut inputs: Vec<PathBuf>) -> Vec<(PathBuf, String)> {
    let count = inputs.len();
    inputs.push(write_photo(&dir.join("good.jpg"), 120, 90, ImageFormat::Jpeg));
    let events = run(&inputs, settings_to(&dir.join("out")));
    assert_eq!(summary(&events).done, 1, "{events:?}");
    let failed: Vec<_> = events
        .iter()
        .filter_map(|e| match e {
            JobEvent::ImageFailed { input, error, .. } => Some((input.clone(), error.to_string())),
            _ => None,
        })
        .collect();
    assert_eq!(failed.len(), count, "{failed:?}");
    failed
}

#[test]
fn broken_files_fail_one_by_one_with_the_path_last() {
    let dir = tempfile::tempdir().unwrap();
    let jpeg = fs::read(write_photo(&dir.path().join("seed.jpg"), 300, 200, ImageFormat::Jpeg)).unwrap();
    let png = fs::read(write_photo(&dir.path().join("seed.png"), 300, 200, ImageFormat::Png)).unwrap();
    let mut flipped = jpeg.clone();
    // Flip bits all through the picture data (after the headers), as a failing disk or bad copy does.
    for i in (jpeg.len() / 3..jpeg.len() - 2).step_by(97) {
        flipped[i] ^= 0x5A;
    }
    let mut cases = vec![
        ("empty.jpg", Vec::new()),
        ("header-only.png", png[..33].to_vec()),
        ("cut.png", png[..png.len() / 2].to_vec()),
        ("notes.jpg", b"these are not the pixels you are looking for".to_vec()),
    ];
    for cut in [2, 20, 200, jpeg.len() / 2, jpeg.len() - 2] {
        cases.push((
            Box::leak(format!("cut-{cut}.jpg").into_boxed_str()),
            jpeg[..cut].to_vec(),
        ));
    }
    let inputs: Vec<PathBuf> = cases
        .iter()
        .map(|(name, bytes)| {
            let path = dir.path().join(name);
            fs::write(&path, bytes).unwrap();
            path
        })
        .collect();
    let mut all = inputs.clone();
    let flipped_path = dir.path().join("flipped.jpg");
    fs::write(&flipped_path, &flipped).unwrap();
    all.push(flipped_path);
    for (input, message) in failures_beside_a_good_photo(dir.path(), all) {
        assert!(
            message.ends_with(&input.display().to_string()),
            "the path comes last: {message}"
        );
        assert!(
            message.len() > input.display().to_string().len() + 10,
            "says why: {message}"
        );
    }
    assert!(
        files_below(&dir.path().join("out")) == [PathBuf::from("good.jpg")],
        "no output for any broken file"
    );
}

#[test]
fn a_picture_under_the_wrong_extension_is_read_by_its_content() {
    let dir = tempfile::tempdir().unwrap();
    let png = fs::read(write_photo(&dir.path().join("seed.png"), 300, 200, ImageFormat::Png)).unwrap();
    let disguised = dir.path().join("holiday.jpg");
    fs::write(&disguised, png).unwrap();
    let out = dir.path().join("out");
    let events = run(&[disguised], settings_to(&out));
    assert_eq!(summary(&events).done, 1, "{events:?}");
    // Same format as the input means PNG, and the copy's name says so.
    let copy = out.join("holiday.png");
    assert_eq!(image::ImageFormat::from_path(&copy).unwrap(), ImageFormat::Png);
    assert_eq!(image::open(&copy).unwrap().width(), 300);
}
