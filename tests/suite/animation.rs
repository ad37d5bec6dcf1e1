//! Animated GIF, WebP and APNG: every frame resized, timing and loop count kept in every format that animates;
//! the first frame, with a note saying so, in formats that do not.

use crate::common;

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use common::*;
use image::codecs::gif::GifDecoder;
use image::codecs::png::PngDecoder;
use image::codecs::webp::WebPDecoder;
use image::metadata::LoopCount;
use image::{AnimationDecoder, ImageFormat};
use shrinkray::engine::{JobEvent, OutputFormat, ResizeMode, Settings};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

/// Each frame's size and delay in milliseconds.
type Frames = Vec<((u32, u32), u32)>;

/// Frame sizes, delays in milliseconds and loop count (0 for forever), as the `image` crate reads them.
fn frames(path: &Path) -> (Frames, u32) {
    let reader = || BufReader::new(File::open(path).unwrap());
    let (frames, loops) = match ImageFormat::from_path(path).unwrap() {
        ImageFormat::Gif => {
            let d = GifDecoder::new(reader()).unwrap();
            let loops = d.loop_count();
            (d.into_frames().collect_frames().unwrap(), loops)
        }
        ImageFormat::WebP => {
            let d = WebPDecoder::new(reader()).unwrap();
            let loops = d.loop_count();
            (d.into_frames().collect_frames().unwrap(), loops)
        }
        ImageFormat::Png => {
            let d = PngDecoder::new(reader()).unwrap().apng().unwrap();
            let loops = d.loop_count();
            (d.into_frames().collect_frames().unwrap(), loops)
        }
        other => panic!("{other:?}"),
    };
    let list = frames
        .into_iter()
        .map(|f| {
            let (n, d) = f.delay().numer_denom_ms();
            (f.buffer().dimensions(), n / d)
        })
        .collect();
    let loops = match loops {
        LoopCount::Infinite => 0,
        LoopCount::Finite(n) => n.get(),
    };
    (list, loops)
}

#[test]
fn every_frame_is_resized_with_its_timing_and_loop_count() {
    let dir = tempfile::tempdir().unwrap();
    for input in ["animated.gif", "animated.webp", "animated.png"] {
        let (original, loops) = frames(&fixture(input));
        assert_eq!(original.len(), 4, "{input}");
        let delays: Vec<u32> = original.iter().map(|f| f.1).collect();
        assert_eq!(delays, [100, 200, 300, 400], "{input}");
        for format in [
            OutputFormat::Gif,
            OutputFormat::WebP,
            OutputFormat::WebPLossless,
            OutputFormat::Png,
        ] {
            let settings = Settings {
                resize: ResizeMode::Width(32),
                format,
                ..settings_to(&dir.path().join(format!("{input}-{format:?}")))
            };
            let events = run(&[fixture(input)], settings);
            let written = outputs(&events);
            assert_eq!(written.len(), 1, "{input} → {format:?}: {events:?}");
            let (copy, copy_loops) = frames(&written[0]);
            let expected: Vec<_> = delays.iter().map(|&d| ((32, 24), d)).collect();
            assert_eq!(copy, expected, "{input} → {format:?}: frames and delays");
            assert_eq!(copy_loops, loops, "{input} → {format:?}: loop count");
            let note = events.iter().find_map(|e| match e {
                JobEvent::ImageDone(d) => d.note.clone(),
                _ => None,
            });
            assert_eq!(note.as_deref(), Some("animation of 4 frames"), "{input} → {format:?}");
        }
    }
}

#[test]
fn formats_that_cannot_animate_get_the_first_frame_and_a_note() {
    let dir = tempfile::tempdir().unwrap();
    for input in ["animated.gif", "animated.webp", "animated.png"] {
        let settings = Settings {
            format: OutputFormat::Jpeg,
            ..settings_to(&dir.path().join(input))
        };
        let events = run(&[fixture(input)], settings);
        let done = done(&events);
        assert_eq!(done.output_size, (64, 48));
        let note = done.note.as_deref().unwrap_or_default();
        assert!(note.contains("only the first frame"), "{input}: {note:?}");
        // The first frame: the white square at the left edge.
        let copy = image::open(&done.output).unwrap().to_rgb8();
        assert!(copy.get_pixel(6, 24).0.iter().all(|&c| c > 230), "{input}");
        assert!(copy.get_pixel(40, 24).0.iter().any(|&c| c < 200), "{input}");
    }
}

#[test]
fn a_still_gif_webp_or_png_is_an_ordinary_picture() {
    let dir = tempfile::tempdir().unwrap();
    for format in [ImageFormat::Gif, ImageFormat::WebP, ImageFormat::Png] {
        let ext = format.extensions_str()[0];
        let input = write_photo(&dir.path().join(format!("still.{ext}")), 120, 90, format);
        let events = run(
            std::slice::from_ref(&input),
            Settings {
                resize: ResizeMode::Width(60),
                ..settings_to(&dir.path().join(ext))
            },
        );
        let done = done(&events);
        assert_eq!(done.output_size, (60, 45), "{ext}");
        assert_eq!(done.note, None, "{ext}");
    }
}
