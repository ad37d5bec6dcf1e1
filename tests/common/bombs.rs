//! Files built to hurt a decoder, written by hand: pictures that declare enormous sizes, and metadata that
//! inflates to hundreds of megabytes.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use image::ImageFormat;

use super::write_photo;

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

pub fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// A PNG that declares 100000×100000 RGBA pixels and holds a few bytes of data.
pub fn png_bomb(path: &Path) -> PathBuf {
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
pub fn jpeg_bomb(path: &Path, dir: &Path) -> PathBuf {
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
pub fn gif_bomb(path: &Path) -> PathBuf {
    let mut gif = b"GIF89a\xFF\xFF\xFF\xFF\x80\x00\x00".to_vec();
    gif.extend_from_slice(&[0, 0, 0, 255, 255, 255]);
    gif.extend_from_slice(b"\x2C\x00\x00\x00\x00\xFF\xFF\xFF\xFF\x00");
    gif.extend_from_slice(&[2, 2, 0x4C, 0x01, 0, 0x3B]);
    fs::write(path, gif).unwrap();
    path.to_owned()
}

/// A little-endian TIFF of 1,000,000×1,000,000 grey pixels with one tiny strip.
pub fn tiff_bomb(path: &Path) -> PathBuf {
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
pub fn bmp_bomb(path: &Path) -> PathBuf {
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

/// `bytes` zero bytes, zlib-compressed (about a thousandth of their size).
fn zeros_zlib(bytes: usize) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let block = vec![0u8; 1 << 20];
    let mut left = bytes;
    while left > 0 {
        let n = left.min(block.len());
        z.write_all(&block[..n]).unwrap();
        left -= n;
    }
    z.finish().unwrap()
}

/// A real small PNG with one extra chunk inserted after IHDR.
fn png_with_chunk(path: &Path, kind: &[u8; 4], data: &[u8]) -> PathBuf {
    let seed = path.with_extension("seed.png");
    let png = fs::read(write_photo(&seed, 64, 48, ImageFormat::Png)).unwrap();
    fs::remove_file(&seed).unwrap();
    // Signature (8) + IHDR chunk (4 + 4 + 13 + 4).
    let (head, rest) = png.split_at(8 + 25);
    let mut out = head.to_vec();
    png_chunk(&mut out, kind, data);
    out.extend_from_slice(rest);
    fs::write(path, out).unwrap();
    path.to_owned()
}

/// A good 64×48 PNG carrying a zTXt comment that inflates to 200 MB.
pub fn ztxt_bomb(path: &Path) -> PathBuf {
    let mut data = b"Comment\0\0".to_vec();
    data.extend(zeros_zlib(200_000_000));
    png_with_chunk(path, b"zTXt", &data)
}

/// A good 64×48 PNG whose colour profile (iCCP) inflates to 200 MB.
pub fn iccp_bomb(path: &Path) -> PathBuf {
    let mut data = b"bomb\0\0".to_vec();
    data.extend(zeros_zlib(200_000_000));
    png_with_chunk(path, b"iCCP", &data)
}

/// A 20×20 RGB TIFF stored as 16×16 tiles, one set of tiles per colour plane (PlanarConfiguration 2). Valid;
/// the tiff crate (0.11) asserts while expanding its edge tiles, which is how a decoder panic is tested.
pub fn tiled_planar_tiff(path: &Path) -> PathBuf {
    const TILE: usize = 16 * 16;
    let tiles = 4 * 3;
    let mut tiff = b"II*\0\0\0\0\0".to_vec();
    let mut offsets = Vec::new();
    for t in 0..tiles {
        offsets.push(tiff.len() as u32);
        tiff.extend((0..TILE).map(|i| (t * 37 + i) as u8));
    }
    let bits_at = tiff.len() as u32;
    tiff.extend([8u16, 8, 8].iter().flat_map(|b| b.to_le_bytes()));
    let offsets_at = tiff.len() as u32;
    tiff.extend(offsets.iter().flat_map(|o| o.to_le_bytes()));
    let counts_at = tiff.len() as u32;
    tiff.extend(std::iter::repeat_n((TILE as u32).to_le_bytes(), tiles).flatten());
    let ifd = tiff.len() as u32;
    tiff[4..8].copy_from_slice(&ifd.to_le_bytes());
    // (tag, type, count, value or offset): SHORT = 3, LONG = 4.
    let entries: [(u16, u16, u32, u32); 11] = [
        (256, 4, 1, 20),                    // ImageWidth
        (257, 4, 1, 20),                    // ImageLength
        (258, 3, 3, bits_at),               // BitsPerSample 8, 8, 8
        (259, 3, 1, 1),                     // Compression: none
        (262, 3, 1, 2),                     // Photometric: RGB
        (277, 3, 1, 3),                     // SamplesPerPixel
        (284, 3, 1, 2),                     // PlanarConfiguration: planes
        (322, 4, 1, 16),                    // TileWidth
        (323, 4, 1, 16),                    // TileLength
        (324, 4, tiles as u32, offsets_at), // TileOffsets
        (325, 4, tiles as u32, counts_at),  // TileByteCounts
    ];
    tiff.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    for (tag, kind, count, value) in entries {
        tiff.extend_from_slice(&tag.to_le_bytes());
        tiff.extend_from_slice(&kind.to_le_bytes());
        tiff.extend_from_slice(&count.to_le_bytes());
        tiff.extend_from_slice(&value.to_le_bytes());
    }
    tiff.extend_from_slice(&0u32.to_le_bytes());
    fs::write(path, tiff).unwrap();
    path.to_owned()
}
