//! EXIF orientation: every copy is upright, whatever the input format carries it in, and carries no tag that
//! would turn it again; values outside 1–8 count as upright.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use image::imageops::FilterType;
use image::metadata::Orientation;
use image::{DynamicImage, GenericImageView, ImageDecoder, ImageEncoder, ImageFormat, RgbImage};
use shrinkray::engine::ResizeMode;

/// EXIF as a little-endian TIFF structure with one entry: orientation (0x0112), SHORT, `value`.
fn exif(value: u16) -> Vec<u8> {
    let mut exif = b"II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0".to_vec();
    exif.extend_from_slice(&value.to_le_bytes());
    exif.extend_from_slice(&[0; 6]);
    exif
}

/// `img` stored as `format` with EXIF orientation `value`.
fn with_orientation(path: &Path, format: ImageFormat, img: &RgbImage, value: u16) -> PathBuf {
    match format {
        ImageFormat::Jpeg => {
            let mut jpeg = Vec::new();
            img.write_to(&mut std::io::Cursor::new(&mut jpeg), ImageFormat::Jpeg)
                .unwrap();
            let mut body = b"Exif\0\0".to_vec();
            body.extend(exif(value));
            let mut app1 = vec![0xFF, 0xE1];
            app1.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
            app1.extend(body);
            jpeg.splice(2..2, app1);
            fs::write(path, jpeg).unwrap();
        }
        ImageFormat::Png => {
            let mut e = image::codecs::png::PngEncoder::new(fs::File::create(path).unwrap());
            e.set_exif_metadata(exif(value)).unwrap();
            img.write_with_encoder(e).unwrap();
        }
        ImageFormat::WebP => {
            let mut e = image::codecs::webp::WebPEncoder::new_lossless(fs::File::create(path).unwrap());
            e.set_exif_metadata(exif(value)).unwrap();
            img.write_with_encoder(e).unwrap();
        }
        other => panic!("no EXIF writer for {other:?}"),
    }
    path.to_owned()
}

fn convert(input: &Path, out: &Path) -> PathBuf {
    resize_one(input, out, ResizeMode::LongEdge(120))
}

fn orientation_of(path: &Path) -> Orientation {
    let mut decoder = image::ImageReader::open(path).unwrap().into_decoder().unwrap();
    decoder.orientation().unwrap()
}

#[test]
fn every_orientation_in_png_webp_and_jpeg_comes_out_upright() {
    let dir = tempfile::tempdir().unwrap();
    let stored = photo(240, 120, 7);
    for format in [ImageFormat::Png, ImageFormat::WebP, ImageFormat::Jpeg] {
        let ext = format.extensions_str()[0];
        for value in 1..=8u8 {
            let input = with_orientation(
                &dir.path().join(format!("o{value}.{ext}")),
                format,
                &stored,
                value.into(),
            );
            let copy_path = convert(&input, &dir.path().join(format!("out-{ext}-{value}")));
            let copy = image::open(&copy_path).unwrap().to_rgb8();
            let mut upright = DynamicImage::ImageRgb8(stored.clone());
            upright.apply_orientation(Orientation::from_exif(value).unwrap());
            let (w, h) = if value >= 5 { (60, 120) } else { (120, 60) };
            assert_eq!(copy.dimensions(), (w, h), "{format:?} orientation {value}");
            let expected = image::imageops::resize(&upright.to_rgb8(), w, h, FilterType::Lanczos3);
            let diff = mean_diff(&copy, &expected);
            // Measured 0.16 (PNG), 2.33-2.36 (JPEG), 2.50-2.59 (WebP).
            assert!(diff < 3.5, "{format:?} orientation {value}: mean difference {diff:.2}");
            assert_eq!(
                orientation_of(&copy_path),
                Orientation::NoTransforms,
                "{format:?} {value}"
            );
        }
    }
}

#[test]
fn orientation_values_outside_one_to_eight_count_as_upright() {
    let dir = tempfile::tempdir().unwrap();
    let stored = photo(240, 120, 9);
    for format in [ImageFormat::Png, ImageFormat::Jpeg] {
        let ext = format.extensions_str()[0];
        for value in [0u16, 9, 65535] {
            let input = with_orientation(&dir.path().join(format!("bad{value}.{ext}")), format, &stored, value);
            let copy = image::open(convert(&input, &dir.path().join(format!("out-{ext}-{value}")))).unwrap();
            assert_eq!(copy.dimensions(), (120, 60), "{format:?} orientation {value}");
        }
    }
}

/// `tests/data/orientation/N.jpg` and `N.png` (N = 1–8, tagged by exiftool) and `6.tif` (ImageMagick's
/// `-orient`) store a 48×32 picture of four quadrants, red, green / blue, white, turned so that orientation N
/// shows it upright.
#[test]
fn real_files_with_every_orientation_come_out_upright() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/orientation");
    let dir = tempfile::tempdir().unwrap();
    let mut inputs: Vec<PathBuf> = (1..=8)
        .flat_map(|n| [data.join(format!("{n}.jpg")), data.join(format!("{n}.png"))])
        .collect();
    inputs.push(data.join("6.tif"));
    for input in inputs {
        let name = input.file_name().unwrap().to_string_lossy().replace('.', "-");
        let copy_path = resize_one(&input, &dir.path().join(name), ResizeMode::LongEdge(48));
        let copy = image::open(&copy_path).unwrap().to_rgb8();
        assert_eq!(copy.dimensions(), (48, 32), "{}", input.display());
        let quadrants = [
            ((12, 8), [255, 0, 0]),
            ((36, 8), [0, 192, 0]),
            ((12, 24), [0, 0, 255]),
            ((36, 24), [255; 3]),
        ];
        for ((x, y), want) in quadrants {
            let got = copy.get_pixel(x, y).0;
            assert!(
                got.iter().zip(want).all(|(&g, w)| g.abs_diff(w) < 40),
                "{}: pixel ({x}, {y}) is {got:?}, expected {want:?}",
                input.display()
            );
        }
        assert_eq!(
            orientation_of(&copy_path),
            Orientation::NoTransforms,
            "{}",
            input.display()
        );
    }
}
