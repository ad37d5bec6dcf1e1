//! Every hostile input the tests know, in one place: broken, cut and bit-flipped files, files that trip a
//! particular decoder state (two SOI markers, a bogus Huffman table, a cut progressive scan), size and
//! metadata bombs, a decoder panic, a picture under the wrong extension, and what the fuzzer found.

use std::fs;
use std::path::{Path, PathBuf};

use image::ImageFormat;

use super::bombs::*;
use super::{data, photo, write_photo};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

/// Damaged files as disks and downloads leave them: empty, cut short at many points, text under an image
/// name, and a JPEG with bits flipped all through its picture data. Each must fail.
pub fn broken_files(dir: &Path) -> Vec<PathBuf> {
    fs::create_dir_all(dir).unwrap();
    let jpeg = fs::read(write_photo(&dir.join("seed.jpg"), 300, 200, ImageFormat::Jpeg)).unwrap();
    let png = fs::read(write_photo(&dir.join("seed.png"), 300, 200, ImageFormat::Png)).unwrap();
    fs::remove_file(dir.join("seed.jpg")).unwrap();
    fs::remove_file(dir.join("seed.png")).unwrap();
    let mut flipped = jpeg.clone();
    // Flip bits all through the picture data (after the headers), as a failing disk or bad copy does.
    for i in (jpeg.len() / 3..jpeg.len() - 2).step_by(97) {
        flipped[i] ^= 0x5A;
    }
    let mut files = vec![
        write(dir, "empty.jpg", &[]),
        write(dir, "header-only.png", &png[..33]),
        write(dir, "cut.png", &png[..png.len() / 2]),
        write(dir, "notes.jpg", b"these are not the pixels you are looking for"),
    ];
    // The last cut takes the end of the picture data with the end marker (a file missing only its end marker is
    // complete, and copied: the JPEG tests).
    for cut in [2, 20, 200, jpeg.len() / 2, jpeg.len() - 12] {
        files.push(write(dir, &format!("cut-{cut}.jpg"), &jpeg[..cut]));
    }
    files.push(write(dir, "flipped.jpg", &flipped));
    let jxl = fs::read(data("jxl/lossy.jxl")).unwrap();
    for cut in [2, 40, jxl.len() / 2] {
        files.push(write(dir, &format!("cut-{cut}.jxl"), &jxl[..cut]));
    }
    files
}

/// Files that leave a decoder in a state of their own when they fail, each of which must fail.
pub fn decoder_traps(dir: &Path) -> Vec<PathBuf> {
    fs::create_dir_all(dir).unwrap();
    // What a user found in a real folder: an EXIF segment, then a second SOI marker.
    let two_soi = b"\xff\xd8\xff\xe1\x00\x0eExif\x00\x00II*\x00\x08\x00\xff\xd8\xff\xd9";
    let exif_only = b"\xff\xd8\xff\xe1\x00\x0eExif\x00\x00II*\x00\x08\x00\xff\xd9";

    let baseline = fs::read(write_photo(&dir.join("seed.jpg"), 160, 120, ImageFormat::Jpeg)).unwrap();
    fs::remove_file(dir.join("seed.jpg")).unwrap();
    let mut bad_huffman = baseline.clone();
    let dht = bad_huffman
        .windows(2)
        .position(|w| w == [0xFF, 0xC4])
        .expect("a Huffman table");
    // The 16 code counts after the table's class byte: 2 × 255 codes is more than a table may hold.
    bad_huffman[dht + 5 + 14] = 255;
    bad_huffman[dht + 5 + 15] = 255;

    let progressive = progressive_jpeg(160, 120);
    let scans: Vec<usize> = progressive
        .windows(2)
        .enumerate()
        .filter(|(_, w)| *w == [0xFF, 0xDA])
        .map(|(i, _)| i)
        .collect();
    assert!(scans.len() > 3, "a progressive JPEG has several scans");
    // Halfway through the third scan's data.
    let cut_progressive = &progressive[..(scans[2] + scans[3]) / 2];

    let mut png = Vec::new();
    image::DynamicImage::ImageRgb8(photo(64, 48, 5))
        .write_to(&mut std::io::Cursor::new(&mut png), ImageFormat::Png)
        .unwrap();
    let idat = png.windows(4).position(|w| w == b"IDAT").expect("an IDAT chunk");
    let len = u32::from_be_bytes(png[idat - 4..idat].try_into().unwrap()) as usize;
    png[idat + 4 + len] ^= 0xFF;

    let no_frames = b"GIF89a\x10\x00\x10\x00\x00\x00\x00\x3B";

    let mut heic = fs::read(data("small.heic")).unwrap();
    let iloc = heic.windows(4).position(|w| w == b"iloc").expect("an iloc box");
    // A box too short to hold its own header.
    heic[iloc - 4..iloc].copy_from_slice(&3u32.to_be_bytes());

    // CMYK through its profile (its own decoding path): a broken Huffman table, and a TIFF cut in its strips.
    let mut cmyk = fs::read(data("cmyk-fogra39.jpg")).unwrap();
    // Walked by segment lengths: the embedded profile's bytes may hold FF C4 too.
    let mut at = 2;
    while cmyk[at + 1] != 0xC4 {
        at += 2 + usize::from(u16::from_be_bytes([cmyk[at + 2], cmyk[at + 3]]));
    }
    cmyk[at + 5..at + 5 + 16].fill(255);
    let cmyk_tif = fs::read(data("cmyk-fogra39.tif")).unwrap();

    vec![
        write(dir, "bad-huffman-cmyk.jpg", &cmyk),
        write(dir, "cut-cmyk.tif", &cmyk_tif[..cmyk_tif.len() / 3]),
        write(dir, "two-soi.jpg", two_soi),
        write(dir, "exif-only.jpg", exif_only),
        write(dir, "bad-huffman.jpg", &bad_huffman),
        write(dir, "cut-progressive.jpg", cut_progressive),
        write(dir, "bad-crc.png", &png),
        write(dir, "no-frames.gif", no_frames),
        write(dir, "broken-box.heic", &heic),
    ]
}

/// A progressive JPEG of a generated photo, written by libjpeg-turbo.
pub fn progressive_jpeg(width: u32, height: u32) -> Vec<u8> {
    let pixels = photo(width, height, 9);
    let mut c = turbojpeg::Compressor::new().unwrap();
    c.set_quality(85).unwrap();
    c.set_progressive(true).unwrap();
    c.compress_to_vec(turbojpeg::Image {
        pixels: pixels.as_raw().as_slice(),
        width: width as usize,
        pitch: width as usize * 3,
        height: height as usize,
        format: turbojpeg::PixelFormat::RGB,
    })
    .unwrap()
}

/// The inputs the fuzzer found a fault with (`tests/data/fuzz/`), without the byte that chose their settings.
pub fn fuzz_findings(dir: &Path) -> Vec<PathBuf> {
    fs::create_dir_all(dir).unwrap();
    let mut files: Vec<PathBuf> = fs::read_dir(data("fuzz"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_none_or(|e| e != "md"))
        .map(|path| {
            let bytes = fs::read(&path).unwrap();
            write(
                dir,
                path.file_name().unwrap().to_str().unwrap(),
                bytes.get(1..).unwrap_or_default(),
            )
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no regression files in tests/data/fuzz");
    files
}

/// Every hostile input: the broken files, the decoder traps, the size and metadata bombs, the TIFF that
/// makes its decoder panic, a PNG named `.jpg`, and the fuzzer's findings, each in a folder of its own.
pub fn every_hostile_input(dir: &Path) -> Vec<PathBuf> {
    let mut files = broken_files(&dir.join("broken"));
    files.extend(decoder_traps(&dir.join("traps")));
    let bombs = dir.join("bombs");
    fs::create_dir_all(&bombs).unwrap();
    files.extend([
        png_bomb(&bombs.join("bomb.png")),
        jpeg_bomb(&bombs.join("bomb.jpg"), &bombs),
        gif_bomb(&bombs.join("bomb.gif")),
        tiff_bomb(&bombs.join("bomb.tif")),
        bmp_bomb(&bombs.join("bomb.bmp")),
        ztxt_bomb(&bombs.join("text-bomb.png")),
        iccp_bomb(&bombs.join("profile-bomb.png")),
        tiled_planar_tiff(&bombs.join("panics.tif")),
    ]);
    let png = fs::read(write_photo(&bombs.join("seed.png"), 80, 60, ImageFormat::Png)).unwrap();
    fs::remove_file(bombs.join("seed.png")).unwrap();
    files.push(write(&bombs, "disguised.jpg", &png));
    files.extend(fuzz_findings(&dir.join("fuzz")));
    files
}
