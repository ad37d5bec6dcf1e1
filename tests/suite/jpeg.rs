//! JPEG to JPEG, the path most photos take: resampled in the decoder's own planes, shrunk on load when the
//! output is much smaller. Each copy is compared with a careful full-size resize of the same picture.

use crate::common;

use std::fs;
use std::path::Path;

use common::*;
use image::imageops::FilterType;
use image::{DynamicImage, ImageFormat, RgbImage};
use shrinkray::engine::{ImageError, JobEvent, OutputFormat, ResizeMode, Settings};

/// Runs one JPEG through the engine with `resize` and returns the copy, decoded.
fn convert(input: &Path, resize: ResizeMode, out: &Path) -> RgbImage {
    let settings = Settings {
        resize,
        ..settings_to(out)
    };
    let events = run(&[input.to_owned()], settings);
    assert_eq!(summary(&events).done, 1, "{events:?}");
    image::open(&outputs(&events)[0]).unwrap().to_rgb8()
}

fn reference(input: &Path, width: u32, height: u32) -> RgbImage {
    image::imageops::resize(
        &image::open(input).unwrap().to_rgb8(),
        width,
        height,
        FilterType::Lanczos3,
    )
}

#[test]
fn copies_match_a_careful_resize_at_every_kind_of_size() {
    let dir = tempfile::tempdir().unwrap();
    // Even and odd sizes, a small reduction, and one large enough to be shrunk on load (1/8 in the DCT).
    for (w, h, mode, expect) in [
        (640, 480, ResizeMode::Width(320), (320, 240)),
        (
            1001,
            667,
            ResizeMode::Fit {
                width: 251,
                height: 251,
            },
            (251, 167),
        ),
        (1200, 900, ResizeMode::LongEdge(1100), (1100, 825)),
        (2400, 1800, ResizeMode::LongEdge(150), (150, 113)),
    ] {
        let input = write_photo(&dir.path().join(format!("p{w}.jpg")), w, h, ImageFormat::Jpeg);
        let copy = convert(&input, mode, &dir.path().join(format!("out{w}")));
        assert_eq!(copy.dimensions(), expect, "{w}×{h}");
        let diff = mean_diff(&copy, &reference(&input, expect.0, expect.1));
        // Measured 1.45-2.29 (JPEG q85 noise); the filter itself is checked against ImageMagick in resample.rs.
        assert!(diff < 3.0, "{w}×{h}: mean difference {diff:.2} per channel");
    }
}

#[test]
fn fill_cuts_the_centre_on_every_plane() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("wide.jpg"), 900, 450, ImageFormat::Jpeg);
    let copy = convert(
        &input,
        ResizeMode::Fill {
            width: 200,
            height: 200,
        },
        &dir.path().join("out"),
    );
    let centre = image::imageops::crop_imm(&image::open(&input).unwrap().to_rgb8(), 225, 0, 450, 450).to_image();
    let expected = image::imageops::resize(&centre, 200, 200, FilterType::Lanczos3);
    let diff = mean_diff(&copy, &expected);
    // Measured 2.07; a crop off by a few pixels is well above.
    assert!(diff < 3.0, "mean difference {diff:.2} per channel");
}

#[test]
fn grey_photos_stay_grey() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("grey.jpg");
    DynamicImage::ImageRgb8(photo(300, 200, 3))
        .to_luma8()
        .save(&input)
        .unwrap();
    let out = dir.path().join("out");
    let settings = Settings {
        resize: ResizeMode::Width(150),
        ..settings_to(&out)
    };
    let events = run(&[input], settings);
    let copy = image::open(&outputs(&events)[0]).unwrap();
    assert_eq!(copy.color(), image::ColorType::L8);
    assert_eq!((copy.width(), copy.height()), (150, 100));
}

#[test]
fn corrupt_and_cut_jpegs_fail_with_their_reason() {
    let dir = tempfile::tempdir().unwrap();
    let good = fs::read(write_photo(&dir.path().join("good.jpg"), 400, 300, ImageFormat::Jpeg)).unwrap();
    let cut = dir.path().join("cut.jpg");
    fs::write(&cut, &good[..good.len() * 2 / 3]).unwrap();
    let header_only = dir.path().join("header.jpg");
    fs::write(&header_only, &good[..600]).unwrap();
    let events = run(&[cut, header_only], settings_to(&dir.path().join("out")));
    let errors: Vec<&ImageError> = events
        .iter()
        .filter_map(|e| match e {
            JobEvent::ImageFailed { error, .. } => Some(error),
            _ => None,
        })
        .collect();
    assert_eq!(errors.len(), 2, "{events:?}");
    for error in errors {
        assert!(
            matches!(error, ImageError::Truncated { .. } | ImageError::Jpeg { .. }),
            "{error}"
        );
    }
    assert!(files_below(&dir.path().join("out")).is_empty());
}

/// A photo encoded progressively (several scans) or baseline, as some cameras and tools write them: complete,
/// but without the end marker.
fn without_end_marker(path: &Path, progressive: bool) -> Vec<u8> {
    let jpeg = if progressive {
        common::hostile::progressive_jpeg(600, 400)
    } else {
        fs::read(write_photo(path, 600, 400, ImageFormat::Jpeg)).unwrap()
    };
    assert_eq!(jpeg[jpeg.len() - 2..], [0xFF, 0xD9]);
    jpeg[..jpeg.len() - 2].to_vec()
}

#[test]
fn a_complete_jpeg_without_its_end_marker_is_copied_with_a_note_and_a_cut_one_still_fails() {
    let dir = tempfile::tempdir().unwrap();
    let mut inputs = Vec::new();
    for (name, progressive) in [("baseline.jpg", false), ("progressive.jpg", true)] {
        let unended = without_end_marker(&dir.path().join(format!("source-{name}")), progressive);
        let path = dir.path().join(name);
        fs::write(&path, &unended).unwrap();
        // Cut inside its image data too: that file really stops early.
        let cut = dir.path().join(format!("cut-{name}"));
        fs::write(&cut, &unended[..unended.len() * 3 / 4]).unwrap();
        inputs.extend([path, cut]);
    }
    let good = write_photo(&dir.path().join("good.jpg"), 300, 200, ImageFormat::Jpeg);
    inputs.push(good);
    // JPEG copies go the planar way (no RGB picture); PNG copies through the decoded picture.
    for format in [OutputFormat::Jpeg, OutputFormat::Png] {
        let out = dir.path().join(format!("out-{format:?}"));
        let events = run(
            &inputs,
            Settings {
                resize: ResizeMode::LongEdge(200),
                format,
                threads: std::num::NonZeroUsize::new(1),
                ..settings_to(&out)
            },
        );
        let failed: Vec<String> = failures(&events)
            .into_iter()
            .map(|(p, m)| format!("{}: {m}", p.file_name().unwrap().to_string_lossy()))
            .collect();
        assert_eq!(failed.len(), 2, "{failed:?}");
        assert!(
            failed.iter().all(|f| f.starts_with("cut-") && f.contains("truncated")),
            "{failed:?}"
        );
        for name in ["baseline.jpg", "progressive.jpg"] {
            let done = events
                .iter()
                .find_map(|e| match e {
                    JobEvent::ImageDone(d) if d.input.ends_with(name) => Some(d),
                    _ => None,
                })
                .unwrap_or_else(|| panic!("{name} was not copied: {events:?}"));
            assert!(done.note.as_deref().unwrap_or("").contains("no end marker"), "{done:?}");
            image::open(&done.output).unwrap();
        }
        assert_eq!(summary(&events).done, 3, "the good file after them is done too");
    }
}

#[test]
fn optimising_losslessly_keeps_every_pixel_and_marker_and_makes_the_file_smaller() {
    let dir = tempfile::tempdir().unwrap();
    // A camera-like JPEG with EXIF (a location too), within the size box.
    // Written with the standard Huffman tables, as cameras do (the test file's own tables are optimised already).
    let optimised = fs::read(data("exif-gps.jpg")).unwrap();
    let before = turbojpeg::Transformer::new()
        .unwrap()
        .transform_to_vec(&turbojpeg::Transform::op(turbojpeg::TransformOp::None), &optimised)
        .unwrap();
    let input = dir.path().join("camera.jpg");
    fs::write(&input, &before).unwrap();
    let (w, h) = image::image_dimensions(&input).unwrap();
    for progressive in [false, true] {
        let out = dir.path().join(format!("out-{progressive}"));
        let events = run(
            std::slice::from_ref(&input),
            Settings {
                optimize_jpeg: true,
                progressive,
                resize: ResizeMode::LongEdge(w.max(h) + 100),
                ..settings_to(&out)
            },
        );
        let done = done(&events);
        assert!(done.note.as_deref().unwrap_or("").contains("losslessly"), "{done:?}");
        let copy = fs::read(&done.output).unwrap();
        assert!(copy.len() < before.len(), "{} bytes, from {}", copy.len(), before.len());
        let decode = |bytes: &[u8]| {
            image::load_from_memory_with_format(bytes, ImageFormat::Jpeg)
                .unwrap()
                .to_rgb8()
        };
        assert_eq!(decode(&copy), decode(&before), "the same pixels, bit for bit");
        assert_eq!(
            markers(&copy),
            markers(&before),
            "every APPn and comment segment as it was"
        );
        assert!(!markers(&before).is_empty());
    }
    // A copy that must shrink is resized as usual.
    let events = run(
        std::slice::from_ref(&input),
        Settings {
            optimize_jpeg: true,
            resize: ResizeMode::LongEdge(w.max(h) / 2),
            ..settings_to(&dir.path().join("smaller"))
        },
    );
    assert_eq!(done(&events).note, None);
}

/// The APPn and comment segments of a JPEG, in order.
fn markers(jpeg: &[u8]) -> Vec<Vec<u8>> {
    let mut found = Vec::new();
    let mut i = 2;
    while let Some(&[0xFF, marker, hi, lo]) = jpeg.get(i..i + 4) {
        let end = i + 2 + usize::from(u16::from_be_bytes([hi, lo]));
        if marker == 0xDA {
            break;
        }
        if (0xE0..=0xEF).contains(&marker) || marker == 0xFE {
            found.push(jpeg[i..end].to_vec());
        }
        i = end;
    }
    found
}
