//! Colour profiles: whatever the input format carries reaches every output format that can hold one, byte for
//! byte, so Adobe RGB, Display P3 and ProPhoto photos keep their colours.

use crate::common;

use std::path::{Path, PathBuf};

use common::*;
use image::{ImageDecoder, ImageEncoder, ImageFormat};
use shrinkray::engine::{OutputFormat, ResizeMode, Settings};

/// A stand-in RGB profile of `size` bytes: what is tested is that the bytes arrive unchanged.
fn profile(size: usize) -> Vec<u8> {
    let mut profile: Vec<u8> = (0..size).map(|i| (i * 7 % 251) as u8).collect();
    profile[16..20].copy_from_slice(b"RGB ");
    profile[36..40].copy_from_slice(b"acsp");
    profile
}

/// A 400×300 photo in `format` carrying `icc`.
fn photo_with_profile(path: &Path, format: ImageFormat, icc: &[u8]) -> PathBuf {
    let file = std::fs::File::create(path).unwrap();
    let img = photo(400, 300, 3);
    match format {
        ImageFormat::Jpeg => {
            let mut e = image::codecs::jpeg::JpegEncoder::new_with_quality(file, 90);
            e.set_icc_profile(icc.to_vec()).unwrap();
            img.write_with_encoder(e).unwrap();
        }
        ImageFormat::Png => {
            let mut e = image::codecs::png::PngEncoder::new(file);
            e.set_icc_profile(icc.to_vec()).unwrap();
            img.write_with_encoder(e).unwrap();
        }
        ImageFormat::WebP => {
            let mut e = image::codecs::webp::WebPEncoder::new_lossless(file);
            e.set_icc_profile(icc.to_vec()).unwrap();
            img.write_with_encoder(e).unwrap();
        }
        other => panic!("no profile writer for {other:?}"),
    }
    path.to_owned()
}

fn icc_of(path: &Path) -> Option<Vec<u8>> {
    let mut decoder = image::ImageReader::open(path)
        .unwrap()
        .with_guessed_format()
        .unwrap()
        .into_decoder()
        .unwrap();
    decoder.icc_profile().unwrap()
}

#[test]
fn profiles_reach_every_output_format_that_holds_one() {
    let dir = tempfile::tempdir().unwrap();
    // 3 KB fits one JPEG segment; 100 KB needs two.
    for size in [3_000, 100_000] {
        let icc = profile(size);
        for input_format in [ImageFormat::Jpeg, ImageFormat::Png, ImageFormat::WebP] {
            let ext = input_format.extensions_str()[0];
            let input = photo_with_profile(&dir.path().join(format!("in-{size}.{ext}")), input_format, &icc);
            // The last: a JPEG whose quality a look chooses, jpegli's.
            for (output, look) in [
                (OutputFormat::Jpeg, None),
                (OutputFormat::Png, None),
                (OutputFormat::WebP, None),
                (OutputFormat::Jpeg, Some(83.5)),
            ] {
                let out = dir.path().join(format!("out-{size}-{ext}-{output:?}-{look:?}"));
                let settings = Settings {
                    resize: ResizeMode::Width(200),
                    format: output,
                    min_score: look,
                    ..settings_to(&out)
                };
                let events = run(std::slice::from_ref(&input), settings);
                let written = outputs(&events);
                assert_eq!(written.len(), 1, "{events:?}");
                assert_eq!(
                    icc_of(&written[0]).as_deref(),
                    Some(icc.as_slice()),
                    "{size}-byte profile from {input_format:?} to {output:?} (look {look:?})"
                );
            }
        }
    }
}

#[test]
fn images_without_a_profile_get_none() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("plain.png"), 120, 90, ImageFormat::Png);
    for output in [OutputFormat::Jpeg, OutputFormat::Png, OutputFormat::WebP] {
        let out = dir.path().join(format!("out-{output:?}"));
        let settings = Settings {
            format: output,
            ..settings_to(&out)
        };
        let written = outputs(&run(std::slice::from_ref(&input), settings));
        assert_eq!(icc_of(&written[0]), None, "{output:?}");
    }
}

#[test]
fn cmyk_jpegs_come_out_as_rgb_with_their_colours() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let dir = tempfile::tempdir().unwrap();
    let original = image::open(data.join("cmyk-original.png")).unwrap().to_rgb8();
    for output in [OutputFormat::Png, OutputFormat::Jpeg] {
        let out = dir.path().join(format!("out-{output:?}"));
        let settings = Settings {
            format: output,
            ..settings_to(&out)
        };
        let written = outputs(&run(&[data.join("cmyk.jpg")], settings));
        let copy = image::open(&written[0]).unwrap();
        assert!(
            matches!(copy.color(), image::ColorType::Rgb8),
            "{output:?}: {:?}",
            copy.color()
        );
        // Measured: 0.9 per channel out of 255 to PNG, 2.6 to JPEG q85; inverted or unconverted CMYK is off by
        // well over 50.
        let diff = mean_diff(&copy.to_rgb8(), &original);
        assert!(diff < 4.0, "{output:?}: mean difference {diff:.2} per channel");
    }
}

/// CMYK files with a real CMYK profile (FOGRA39, built from the FOGRA39L characterisation data) go through
/// that profile: within a level of what lcms2 makes of them (libvips' icc_transform), where converting the inks
/// by arithmetic is 23 levels off. JPEG (Adobe, inverted inks), 8-bit and 16-bit TIFF; the copy is RGB and
/// tagged sRGB, with or without "Convert to sRGB".
#[test]
fn cmyk_files_with_a_profile_are_converted_through_it_as_lcms2_does() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let dir = tempfile::tempdir().unwrap();
    // Measured: 0.87, 0.86 and 0.84 levels to PNG (at most 4 on one channel); 1.64 for JPEG to JPEG at q85.
    for (input, reference, output, to_srgb, bound) in [
        (
            "cmyk-fogra39.jpg",
            "cmyk-fogra39-lcms.png",
            OutputFormat::Png,
            false,
            1.2,
        ),
        (
            "cmyk-fogra39.jpg",
            "cmyk-fogra39-lcms.png",
            OutputFormat::Png,
            true,
            1.2,
        ),
        (
            "cmyk-fogra39.jpg",
            "cmyk-fogra39-lcms.png",
            OutputFormat::Jpeg,
            false,
            2.5,
        ),
        (
            "cmyk-fogra39.tif",
            "cmyk-fogra39-tif-lcms.png",
            OutputFormat::Png,
            false,
            1.2,
        ),
        (
            "cmyk-fogra39-16bit.tif",
            "cmyk-fogra39-16bit-lcms.png",
            OutputFormat::Png,
            false,
            1.2,
        ),
    ] {
        let what = format!("{input} to {output:?}, to sRGB {to_srgb}");
        let out = dir.path().join(&what);
        let settings = Settings {
            format: output,
            to_srgb,
            ..settings_to(&out)
        };
        let written = outputs(&run(&[data.join(input)], settings));
        let copy = image::open(&written[0]).unwrap();
        assert!(
            copy.color().has_color() && !copy.color().has_alpha(),
            "{what}: {:?}",
            copy.color()
        );
        let lcms2 = image::open(data.join(reference)).unwrap().to_rgb8();
        let diff = mean_diff(&copy.to_rgb8(), &lcms2);
        assert!(diff < bound, "{what}: mean difference {diff:.2} from lcms2");
        let icc = icc_of(&written[0]).expect("a profile");
        assert!(
            is_srgb(&icc),
            "{what}: tagged with {} bytes that are not sRGB",
            icc.len()
        );
    }
}

#[test]
fn transparent_pixels_lend_no_colour_to_the_edges() {
    let dir = tempfile::tempdir().unwrap();
    // A red disc on a field that is fully transparent but green underneath: resampling that ignores alpha
    // would fringe the disc with green.
    let input = write_transparent_png(&dir.path().join("disc.png"), 300);
    let copy = image::open(resize_one(&input, &dir.path().join("out"), ResizeMode::Width(75))).unwrap();
    let rgba = copy.to_rgba8();
    let mut edge = 0;
    for px in rgba.pixels().filter(|p| p.0[3] > 0) {
        let [r, g, b, a] = px.0;
        assert!(
            g < 40 && b < 40,
            "edge pixel {:?} carries colour from the transparent field",
            [r, g, b, a]
        );
        // Nearly transparent pixels keep little precision in 8 bits; the visible ones stay the disc's red.
        assert!(a < 32 || r > 180, "edge pixel {:?} lost its red", [r, g, b, a]);
        edge += usize::from(a < 255);
    }
    assert!(edge > 20, "the disc has a soft edge to check ({edge} pixels)");
}

/// The fixtures `adobe-rgb.jpg` (colord's Adobe RGB (1998) profile) and `display-p3.png` (a Display P3 profile
/// made by moxcms) hold four flat patches, stored values (200, 40, 40), (40, 180, 60), (50, 60, 200) and grey
/// 128, each 32×24.
fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

fn patches(path: &Path) -> [[u8; 3]; 4] {
    let img = image::open(path).unwrap().to_rgb8();
    [(16, 12), (48, 12), (16, 36), (48, 36)].map(|(x, y)| img.get_pixel(x, y).0)
}

#[test]
fn real_adobe_rgb_and_display_p3_profiles_are_carried_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    for input in ["adobe-rgb.jpg", "display-p3.png"] {
        let original = icc_of(&fixture(input)).unwrap();
        for output in [OutputFormat::Jpeg, OutputFormat::Png, OutputFormat::WebP] {
            let out = dir.path().join(format!("{input}-{output:?}"));
            let settings = Settings {
                format: output,
                ..settings_to(&out)
            };
            let written = outputs(&run(&[fixture(input)], settings));
            assert_eq!(icc_of(&written[0]).as_ref(), Some(&original), "{input} → {output:?}");
            // Carried, not converted: the stored values stay.
            let want = [[200, 40, 40], [40, 180, 60], [50, 60, 200], [128; 3]];
            for (got, want) in patches(&written[0]).iter().zip(want) {
                assert!(
                    got.iter().zip(want).all(|(&g, w)| g.abs_diff(w) <= 3),
                    "{input} → {output:?}: {got:?}"
                );
            }
        }
    }
}

/// Whether a profile's description names sRGB (ASCII in version 2 profiles, UTF-16 in version 4).
fn is_srgb(icc: &[u8]) -> bool {
    describes(icc, "sRGB")
}

/// Whether `name` is in a profile, in ASCII or in UTF-16 (big-endian, as version 4 profiles store text).
fn describes(icc: &[u8], name: &str) -> bool {
    let utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_be_bytes).collect();
    icc.windows(name.len()).any(|w| w == name.as_bytes()) || icc.windows(utf16.len()).any(|w| w == utf16)
}

#[test]
fn convert_to_srgb_matches_lcms2_and_tags_the_copy_srgb() {
    // What libvips' icc_transform (lcms2) and ImageMagick make of the same patches (they differ by at most 1).
    let expected = [
        (
            "adobe-rgb.jpg",
            [[233, 35, 35], [0, 180, 42], [43, 57, 206], [129, 129, 129]],
        ),
        (
            "display-p3.png",
            [[218, 0, 26], [0, 183, 30], [47, 60, 208], [128, 128, 128]],
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (input, want) in expected {
        for output in [OutputFormat::Png, OutputFormat::Jpeg, OutputFormat::WebP] {
            let out = dir.path().join(format!("{input}-{output:?}"));
            let settings = Settings {
                format: output,
                to_srgb: true,
                ..settings_to(&out)
            };
            let written = outputs(&run(&[fixture(input)], settings));
            let icc = icc_of(&written[0]).unwrap();
            assert_eq!(&icc[16..20], b"RGB ", "{input} → {output:?}");
            assert!(is_srgb(&icc), "{input} → {output:?}: not tagged sRGB");
            let tolerance = if output == OutputFormat::Jpeg { 4 } else { 2 };
            for (got, want) in patches(&written[0]).iter().zip(want) {
                assert!(
                    got.iter().zip(want).all(|(&g, w)| g.abs_diff(w) <= tolerance),
                    "{input} → {output:?}: {got:?}, lcms2 says {want:?}"
                );
            }
        }
    }
    // An image without a profile is taken as sRGB already: tagged, pixels unchanged.
    let plain = write_photo(&dir.path().join("plain.png"), 64, 48, ImageFormat::Png);
    let settings = Settings {
        to_srgb: true,
        ..settings_to(&dir.path().join("plain-out"))
    };
    let written = outputs(&run(std::slice::from_ref(&plain), settings));
    assert!(is_srgb(&icc_of(&written[0]).unwrap()));
    assert_eq!(
        image::open(&written[0]).unwrap().to_rgb8(),
        image::open(&plain).unwrap().to_rgb8()
    );
}

#[test]
fn linear_light_keeps_the_brightness_of_fine_patterns() {
    // One-pixel black and white stripes, halved: the true average of the light is 50 % linear, which sRGB
    // stores as 188; averaging the stored values gives 128, visibly too dark.
    let dir = tempfile::tempdir().unwrap();
    let stripes = image::GrayImage::from_fn(64, 64, |x, _| image::Luma([if x % 2 == 0 { 0 } else { 255 }]));
    let input = dir.path().join("stripes.png");
    stripes.save(&input).unwrap();
    for (linear, want) in [(false, 128u8), (true, 188)] {
        let settings = Settings {
            resize: ResizeMode::Width(32),
            linear,
            filter: shrinkray::engine::Filter::Bilinear,
            ..settings_to(&dir.path().join(format!("out-{linear}")))
        };
        let written = outputs(&run(std::slice::from_ref(&input), settings));
        let copy = image::open(&written[0]).unwrap().to_luma8();
        let mean = copy.pixels().map(|p| f64::from(p.0[0])).sum::<f64>() / copy.pixels().len() as f64;
        assert!(
            (mean - f64::from(want)).abs() < 3.0,
            "linear {linear}: mean {mean:.1}, expected {want}"
        );
    }
}

/// An AVIF whose colour is given by NCLX code points alone (Display P3 primaries, sRGB curve), as Android
/// phones' HEIC and most AVIF encoders write it: the copy carries an equivalent "Display P3" profile and the
/// stored values (libvips converts that copy to the same sRGB values as it converts `display-p3.png`), or,
/// with "Convert to sRGB", lcms2's sRGB values. Before, the copy was untagged and lost its gamut.
#[cfg(feature = "heif")]
#[test]
#[cfg_attr(windows, ignore = "needs libheif, which the Windows build does not ship")]
fn nclx_colour_becomes_an_equivalent_profile_or_srgb() {
    let dir = tempfile::tempdir().unwrap();
    let lcms2 = [[218, 0, 26], [0, 183, 30], [47, 60, 208], [128, 128, 128]];
    let stored = [[200, 40, 40], [40, 180, 60], [50, 60, 200], [128; 3]];
    let close = |got: &[[u8; 3]; 4], want: [[u8; 3]; 4], tolerance: u8| {
        got.iter()
            .zip(want)
            .all(|(g, w)| g.iter().zip(w).all(|(&g, w)| g.abs_diff(w) <= tolerance))
    };
    for output in [OutputFormat::Png, OutputFormat::Jpeg] {
        let tolerance = if output == OutputFormat::Jpeg { 4 } else { 2 };
        let settings = Settings {
            format: output,
            ..settings_to(&dir.path().join(format!("kept-{output:?}")))
        };
        let kept = outputs(&run(&[fixture("display-p3-nclx.avif")], settings));
        let icc = icc_of(&kept[0]).expect("a profile");
        assert!(describes(&icc, "Display P3"), "{output:?}: not Display P3");
        assert!(
            close(&patches(&kept[0]), stored, tolerance),
            "{output:?}: {:?}",
            patches(&kept[0])
        );
        // The profile means what the codes mean: converting the copy by it gives lcms2's sRGB values.
        let settings = Settings {
            format: OutputFormat::Png,
            to_srgb: true,
            ..settings_to(&dir.path().join(format!("again-{output:?}")))
        };
        let again = outputs(&run(&[kept[0].clone()], settings));
        assert!(
            close(&patches(&again[0]), lcms2, tolerance),
            "{output:?}: {:?}",
            patches(&again[0])
        );

        let settings = Settings {
            format: output,
            to_srgb: true,
            ..settings_to(&dir.path().join(format!("srgb-{output:?}")))
        };
        let converted = outputs(&run(&[fixture("display-p3-nclx.avif")], settings));
        assert!(is_srgb(&icc_of(&converted[0]).unwrap()), "{output:?}");
        assert!(
            close(&patches(&converted[0]), lcms2, tolerance),
            "{output:?}: {:?}",
            patches(&converted[0])
        );
    }
}
