//! Bit depth and colour type survive resizing: 16-bit PNG and TIFF stay 16-bit, grey stays grey, palette images
//! keep their colours.

use crate::common;

use std::path::Path;

use common::*;
use image::{ColorType, DynamicImage, ImageBuffer, ImageFormat, Luma, Rgb};
use shrinkray::engine::ResizeMode;

fn resized(input: &Path, out: &Path) -> DynamicImage {
    image::open(resize_one(input, out, ResizeMode::Width(100))).unwrap()
}

/// A smooth 16-bit gradient whose low byte matters: 8 bits would lose it.
fn gradient16(width: u32, height: u32) -> ImageBuffer<Rgb<u16>, Vec<u16>> {
    ImageBuffer::from_fn(width, height, |x, y| {
        Rgb([(x * 65535 / width) as u16, (y * 65535 / height) as u16, 12_345])
    })
}

#[test]
fn sixteen_bit_png_and_tiff_stay_sixteen_bit() {
    let dir = tempfile::tempdir().unwrap();
    let img = DynamicImage::ImageRgb16(gradient16(200, 100));
    for format in [ImageFormat::Png, ImageFormat::Tiff] {
        let ext = format.extensions_str()[0];
        let input = dir.path().join(format!("deep.{ext}"));
        img.save_with_format(&input, format).unwrap();
        let copy = resized(&input, &dir.path().join(format!("out-{ext}")));
        assert_eq!(copy.color(), ColorType::Rgb16, "{format:?}");
        assert_eq!((copy.width(), copy.height()), (100, 50));
        // The flat channel keeps its exact 16-bit value, which no 8-bit round trip could give back.
        let blue = copy.as_rgb16().unwrap().get_pixel(50, 25).0[2];
        assert!(blue.abs_diff(12_345) <= 2, "{format:?}: blue {blue}");
    }
}

#[test]
fn grey_stays_grey_in_eight_and_sixteen_bits() {
    let dir = tempfile::tempdir().unwrap();
    let grey8 = DynamicImage::ImageLuma8(ImageBuffer::from_fn(200, 100, |x, _| Luma([x as u8])));
    let grey16 = DynamicImage::ImageLuma16(ImageBuffer::from_fn(200, 100, |x, _| Luma([x as u16 * 300])));
    for (name, img, want) in [("g8", grey8, ColorType::L8), ("g16", grey16, ColorType::L16)] {
        let input = dir.path().join(format!("{name}.png"));
        img.save(&input).unwrap();
        let copy = resized(&input, &dir.path().join(format!("out-{name}")));
        assert_eq!(copy.color(), want, "{name}");
    }
}

#[test]
fn palette_images_keep_their_colours() {
    let dir = tempfile::tempdir().unwrap();
    // A GIF is always a palette image: two flat halves, red and blue.
    let img = image::RgbaImage::from_fn(200, 100, |x, _| {
        if x < 100 {
            image::Rgba([200, 30, 40, 255])
        } else {
            image::Rgba([20, 40, 210, 255])
        }
    });
    let input = dir.path().join("palette.gif");
    img.save(&input).unwrap();
    let copy = resized(&input, &dir.path().join("out")).to_rgb8();
    let left = copy.get_pixel(20, 25).0;
    let right = copy.get_pixel(80, 25).0;
    let near = |a: [u8; 3], b: [u8; 3]| a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= 3);
    assert!(near(left, [200, 30, 40]), "left {left:?}");
    assert!(near(right, [20, 40, 210]), "right {right:?}");
}

/// `tests/data/deep-16bit.png`: a 64×48 ImageMagick gradient written as 48-bit PNG.
#[test]
fn a_real_sixteen_bit_png_keeps_its_sixteen_bits() {
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/deep-16bit.png");
    let dir = tempfile::tempdir().unwrap();
    let original = image::open(&input).unwrap().into_rgb16();
    let same = image::open(resize_one(&input, &dir.path().join("same"), ResizeMode::Width(64)))
        .unwrap()
        .into_rgb16();
    assert_eq!(same, original, "an unresized copy is the same 16-bit picture");
    let half = image::open(resize_one(&input, &dir.path().join("half"), ResizeMode::Width(32))).unwrap();
    assert_eq!(half.color(), ColorType::Rgb16);
    let samples = half.into_rgb16().into_raw();
    assert!(samples.iter().any(|&v| v % 257 != 0), "more precision than 8 bits");
}
