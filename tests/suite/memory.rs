//! Memory stays bounded whatever the folder holds: the real `shrinkray-cli` on bombs and large images, its
//! peak resident memory read from the kernel while it runs. Linux only: it is read from `/proc`.
#![cfg(target_os = "linux")]

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::bombs::*;
use common::*;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{ImageFormat, RgbImage};
use serde_json::Value;

/// Runs the CLI with `args` and returns its exit code, its JSON events and its peak resident memory in MB
/// (the kernel's high-water mark, read every few milliseconds until the process ends).
fn run_measured(args: &[&str]) -> (i32, Vec<Value>, u64) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"))
        .env("LC_ALL", "C")
        .args(args)
        .arg("--json")
        .env_remove("RAYON_NUM_THREADS")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start shrinkray-cli");
    let status = format!("/proc/{}/status", child.id());
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || std::io::read_to_string(stdout).unwrap());
    let mut peak_kb = 0;
    let code = loop {
        if let Ok(text) = fs::read_to_string(&status)
            && let Some(kb) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak_kb = peak_kb.max(kb);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status.code().unwrap_or(-1);
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let events = reader
        .join()
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (code, events, peak_kb / 1024)
}

fn count(events: &[Value], kind: &str) -> usize {
    events.iter().filter(|e| e["event"] == kind).count()
}

/// A large RGB PNG, quick to write: a smooth pattern, fast compression.
fn large_png(path: &Path, width: u32, height: u32) -> PathBuf {
    let img = RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x / 32) as u8, (y / 32) as u8, ((x + y) / 64) as u8])
    });
    let file = fs::File::create(path).unwrap();
    let encoder = PngEncoder::new_with_quality(file, CompressionType::Fast, FilterType::Sub);
    img.write_with_encoder(encoder).unwrap();
    path.to_owned()
}

#[test]
fn bombs_and_large_images_at_two_threads_stay_under_500_mb() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    png_bomb(&input.join("bomb.png"));
    jpeg_bomb(&input.join("bomb.jpg"), &input);
    gif_bomb(&input.join("bomb.gif"));
    tiff_bomb(&input.join("bomb.tif"));
    bmp_bomb(&input.join("bomb.bmp"));
    ztxt_bomb(&input.join("text-bomb.png"));
    iccp_bomb(&input.join("profile-bomb.png"));
    for i in 0..4 {
        // 48 MP each: 144 MB decoded.
        large_png(&input.join(format!("large-{i}.png")), 8000, 6000);
    }
    write_photo(&input.join("photo.jpg"), 4000, 3000, ImageFormat::Jpeg);

    let out = dir.path().join("out");
    let (code, events, peak_mb) = run_measured(&["--out", p(&out), "-j", "2", p(&input)]);
    assert_eq!(code, 1, "the five size bombs fail: {events:?}");
    assert_eq!(count(&events, "failed"), 5, "{events:?}");
    assert_eq!(
        count(&events, "done"),
        7,
        "large images, metadata bombs and the photo are done: {events:?}"
    );
    eprintln!("bombs and large images at 2 threads: peak {peak_mb} MB");
    // Measured at 364-368 MB (two 144 MB images at once, and buffers); one bomb decoded at its declared size
    // would be gigabytes.
    assert!(peak_mb < 500, "peak resident memory {peak_mb} MB");
}

#[test]
fn metadata_that_inflates_to_200_mb_is_not_inflated() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    ztxt_bomb(&input.join("text-bomb.png"));
    iccp_bomb(&input.join("profile-bomb.png"));
    let out = dir.path().join("out");
    let (code, events, peak_mb) = run_measured(&["--out", p(&out), "-j", "2", p(&input)]);
    assert_eq!(code, 0, "{events:?}");
    assert_eq!(dims(&out.join("in/text-bomb.png")), (64, 48));
    // Two threads inflating 200 MB each would pass 400 MB.
    eprintln!("metadata bombs at 2 threads: peak {peak_mb} MB");
    assert!(peak_mb < 150, "peak resident memory {peak_mb} MB");
}

#[test]
fn the_memory_budget_decodes_large_images_one_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    for i in 0..3 {
        // 36 MP each: 108 MB decoded.
        large_png(&input.join(format!("large-{i}.png")), 6000, 6000);
    }
    let out = dir.path().join("out");
    let (code, events, peak_mb) = run_measured(&["--out", p(&out), "-j", "2", "--memory-budget", "150MB", p(&input)]);
    assert_eq!(code, 0, "{events:?}");
    assert_eq!(count(&events, "done"), 3);
    eprintln!("three 36 MP images, 150 MB budget: peak {peak_mb} MB");
    // One image at a time peaks near 210 MB (108 MB of pixels, the resampler's and encoder's buffers, the
    // program); two at once, as without a budget, near 310 MB.
    assert!(peak_mb < 260, "peak resident memory {peak_mb} MB with a 150 MB budget");

    // The control: with room for both, the same images peak above that bound, so the bound tells a budget
    // that holds from one that does not.
    let out = dir.path().join("out-without");
    let (code, _, peak_without) = run_measured(&["--out", p(&out), "-j", "2", "--memory-budget", "4GB", p(&input)]);
    assert_eq!(code, 0);
    eprintln!("the same without a budget that binds: peak {peak_without} MB");
    assert!(peak_without > 260, "peak {peak_without} MB with room for two images");
}

/// A window that stops drawing (hidden, minimised, on Wayland) stops draining events: the thumbnails waiting
/// in them must not grow with the number of images.
#[test]
fn image_events_never_drained_hold_under_50_mb_of_thumbnails() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use shrinkray::engine::{JobEvent, JobHandle, JobOptions, QUEUED_WITH_THUMBNAILS};

    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("photos");
    fs::create_dir_all(&root).unwrap();
    // 2,000 names for one 320×240 photo (hard links): each makes a full 256×192 thumbnail, 192 KB, so if every
    // event carried one they would hold 375 MB, and the limit is 16 times over.
    const IMAGES: usize = 2_000;
    let one = write_photo(&dir.path().join("one.jpg"), 320, 240, ImageFormat::Jpeg);
    for i in 0..IMAGES {
        fs::hard_link(&one, root.join(format!("{i:05}.jpg"))).unwrap();
    }
    let events = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&events);
    let waker = Arc::new(move || {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    let options = JobOptions {
        thumbnails: true,
        ..JobOptions::default()
    };
    let job = JobHandle::start(vec![root], settings_to(&dir.path().join("out")), options, waker).unwrap();
    // Started, the images, Finished: all sent, none taken.
    while events.load(Ordering::SeqCst) < IMAGES + 2 {
        std::thread::sleep(Duration::from_millis(50));
    }
    let (mut done, mut with_pixels, mut bytes) = (0, 0, 0);
    for event in job.events().try_iter() {
        if let JobEvent::ImageDone(d) = event {
            done += 1;
            if let Some(t) = &d.thumbnail {
                with_pixels += 1;
                bytes += t.rgba.len();
            }
        }
    }
    assert_eq!(done, IMAGES);
    assert!(
        with_pixels > 0,
        "the first images, while the channel was short, carry thumbnails"
    );
    assert!(bytes < 50 << 20, "{with_pixels} thumbnails, {} MB waiting", bytes >> 20);
    assert!(
        with_pixels <= 2 * QUEUED_WITH_THUMBNAILS,
        "{with_pixels} thumbnails waiting, more than twice the limit of {QUEUED_WITH_THUMBNAILS}"
    );
}
