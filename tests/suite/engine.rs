//! The engine as the apps use it: real files in, real files out, one event per image.

use crate::common;

use std::fs;
use std::path::PathBuf;

use common::*;
use image::ImageFormat;
use shrinkray::engine::{Collision, ImageError, JobEvent, OutputFormat, ResizeMode, Settings, TEMP_PREFIX};

fn one_image_with(resize: ResizeMode, dont_enlarge: bool, width: u32, height: u32) -> (u32, u32) {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("in.jpg"), width, height, ImageFormat::Jpeg);
    let out = dir.path().join("out");
    let settings = Settings {
        resize,
        dont_enlarge,
        ..settings_to(&out)
    };
    let events = run(&[input], settings);
    assert_eq!(summary(&events).done, 1, "{events:?}");
    let outputs = outputs(&events);
    let (w, h) = dims(&outputs[0]);
    // The event reports what is on disk.
    let reported = events.iter().find_map(|e| match e {
        JobEvent::ImageDone(d) => Some(d.output_size),
        _ => None,
    });
    assert_eq!(reported, Some((w, h)));
    (w, h)
}

#[test]
fn every_mode_gives_its_dimensions() {
    let fit = ResizeMode::Fit {
        width: 200,
        height: 200,
    };
    assert_eq!(one_image_with(fit, true, 640, 480), (200, 150));
    assert_eq!(one_image_with(fit, true, 480, 640), (150, 200));
    let fill = ResizeMode::Fill {
        width: 200,
        height: 100,
    };
    assert_eq!(one_image_with(fill, true, 640, 480), (200, 100));
    let stretch = ResizeMode::Stretch {
        width: 123,
        height: 321,
    };
    assert_eq!(one_image_with(stretch, false, 640, 480), (123, 321));
    assert_eq!(one_image_with(ResizeMode::Width(320), true, 640, 480), (320, 240));
    assert_eq!(one_image_with(ResizeMode::Height(120), true, 640, 480), (160, 120));
    assert_eq!(one_image_with(ResizeMode::LongEdge(100), true, 480, 640), (75, 100));
    assert_eq!(one_image_with(ResizeMode::Percent(50.0), true, 640, 480), (320, 240));
}

#[test]
fn aspect_ratio_is_kept_for_odd_shapes() {
    let fit = ResizeMode::Fit {
        width: 300,
        height: 300,
    };
    let (w, h) = one_image_with(fit, true, 1000, 370);
    assert_eq!(w, 300);
    assert!((f64::from(w) / f64::from(h) - 1000.0 / 370.0).abs() < 0.03, "{w}×{h}");
}

#[test]
fn small_images_are_not_enlarged_unless_asked() {
    let fit = ResizeMode::Fit {
        width: 1920,
        height: 1920,
    };
    assert_eq!(one_image_with(fit, true, 400, 300), (400, 300));
    assert_eq!(one_image_with(fit, false, 400, 300), (1920, 1440));
}

#[test]
fn folder_trees_are_mirrored_below_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("Holiday");
    write_photo(&root.join("day1/beach.jpg"), 64, 48, ImageFormat::Jpeg);
    write_photo(&root.join("day2/evening/sunset.png"), 64, 48, ImageFormat::Png);
    write_photo(&root.join("cover.jpg"), 64, 48, ImageFormat::Jpeg);
    let out = dir.path().join("out");
    let events = run(&[root], settings_to(&out));
    assert_eq!(summary(&events).done, 3);
    assert_eq!(
        files_below(&out),
        [
            "Holiday/cover.jpg",
            "Holiday/day1/beach.jpg",
            "Holiday/day2/evening/sunset.png"
        ]
        .map(PathBuf::from)
    );
}

#[test]
fn recursion_can_be_turned_off() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    write_photo(&root.join("top.jpg"), 32, 32, ImageFormat::Jpeg);
    write_photo(&root.join("sub/deep.jpg"), 32, 32, ImageFormat::Jpeg);
    let out = dir.path().join("out");
    let settings = Settings {
        recursive: false,
        ..settings_to(&out)
    };
    let events = run(&[root], settings);
    assert_eq!(summary(&events).done, 1);
    assert_eq!(files_below(&out), [PathBuf::from("in/top.jpg")]);
}

#[test]
fn existing_outputs_get_a_number_and_inputs_never_share_one() {
    let dir = tempfile::tempdir().unwrap();
    let a = write_photo(&dir.path().join("in/photo.jpg"), 40, 30, ImageFormat::Jpeg);
    let b = write_photo(&dir.path().join("in/photo.png"), 40, 30, ImageFormat::Png);
    let out = dir.path().join("out");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("photo.jpg"), b"someone else's file").unwrap();
    let settings = Settings {
        format: OutputFormat::Jpeg,
        ..settings_to(&out)
    };
    let events = run(&[a, b], settings);
    assert_eq!(summary(&events).done, 2);
    assert_eq!(fs::read(out.join("photo.jpg")).unwrap(), b"someone else's file");
    assert_eq!(
        files_below(&out),
        ["photo (1).jpg", "photo (2).jpg", "photo.jpg"].map(PathBuf::from)
    );
}

/// A name template that gives every input the same name: numbered in input order, whatever the thread count.
#[test]
fn a_template_that_collides_numbers_in_input_order_at_one_and_four_threads() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    for (i, name) in ["a.jpg", "b.png", "c.jpg", "d.jpg", "e.png", "f.jpg"]
        .iter()
        .enumerate()
    {
        let format = if name.ends_with("png") {
            ImageFormat::Png
        } else {
            ImageFormat::Jpeg
        };
        write_photo(&root.join(name), 40 + i as u32, 30, format);
    }
    for threads in [1, 4] {
        let out = dir.path().join(format!("out-{threads}"));
        let settings = Settings {
            format: OutputFormat::Jpeg,
            name_template: "holiday".to_owned(),
            threads: std::num::NonZeroUsize::new(threads),
            ..settings_to(&out)
        };
        let events = run(std::slice::from_ref(&root), settings);
        assert_eq!(summary(&events).done, 6, "{events:?}");
        let named = names_and_widths(&out.join("in"));
        let expected = [
            ("holiday (1).jpg", 41),
            ("holiday (2).jpg", 42),
            ("holiday (3).jpg", 43),
            ("holiday (4).jpg", 44),
            ("holiday (5).jpg", 45),
            ("holiday.jpg", 40),
        ];
        assert_eq!(named, expected.map(|(n, w)| (n.to_owned(), w)), "{threads} threads");
    }
}

#[test]
fn overwrite_replaces_and_skip_leaves_existing_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("in/a.jpg"), 40, 30, ImageFormat::Jpeg);
    let out = dir.path().join("out");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("a.jpg"), b"old").unwrap();

    let skip = Settings {
        on_collision: Collision::Skip,
        ..settings_to(&out)
    };
    let events = run(std::slice::from_ref(&input), skip);
    assert_eq!((summary(&events).done, summary(&events).skipped), (0, 1));
    assert_eq!(fs::read(out.join("a.jpg")).unwrap(), b"old");

    let overwrite = Settings {
        on_collision: Collision::Overwrite,
        ..settings_to(&out)
    };
    let events = run(&[input], overwrite);
    assert_eq!(summary(&events).done, 1);
    assert_eq!(dims(&out.join("a.jpg")), (40, 30));
    assert_eq!(files_below(&out), [PathBuf::from("a.jpg")]);
}

#[test]
fn an_output_never_replaces_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("a.jpg"), 300, 200, ImageFormat::Jpeg);
    let original = fs::read(&input).unwrap();
    let settings = Settings {
        on_collision: Collision::Overwrite,
        resize: ResizeMode::Width(100),
        ..settings_to(dir.path())
    };
    let events = run(std::slice::from_ref(&input), settings);
    assert_eq!(summary(&events).failed, 1);
    let error = events.iter().find_map(|e| match e {
        JobEvent::ImageFailed { error, .. } => Some(error),
        _ => None,
    });
    assert!(matches!(error, Some(ImageError::OutputIsInput { .. })), "{error:?}");
    assert!(error.unwrap().to_string().ends_with(&input.display().to_string()));
    assert_eq!(fs::read(&input).unwrap(), original);

    // With the default policy the copy lands beside the original under a new name.
    let settings = Settings {
        resize: ResizeMode::Width(100),
        ..settings_to(dir.path())
    };
    let events = run(std::slice::from_ref(&input), settings);
    assert_eq!(outputs(&events), [dir.path().join("a (1).jpg")]);
    assert_eq!(fs::read(&input).unwrap(), original);
}

#[test]
fn non_images_in_folders_are_skipped_and_named_ones_fail() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    write_photo(&root.join("a.jpg"), 32, 32, ImageFormat::Jpeg);
    fs::write(root.join("notes.txt"), "not a picture").unwrap();
    // A PNG under a misleading name is still an image: content decides.
    write_photo(&root.join("looks-like-text.txt"), 32, 32, ImageFormat::Png);
    let out = dir.path().join("out");
    let events = run(std::slice::from_ref(&root), settings_to(&out));
    let s = summary(&events);
    assert_eq!((s.done, s.skipped, s.failed), (2, 1, 0));
    assert!(out.join("in/looks-like-text.png").is_file());

    let events = run(&[root.join("notes.txt")], settings_to(&out));
    let s = summary(&events);
    assert_eq!((s.done, s.skipped, s.failed), (0, 0, 1));
}

#[test]
fn a_corrupt_file_fails_alone() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    for i in 0..5 {
        write_photo(&root.join(format!("ok{i}.jpg")), 80, 60, ImageFormat::Jpeg);
    }
    // Cut in the middle of the picture data, as an interrupted download is.
    let good = fs::read(write_photo(&dir.path().join("big.jpg"), 400, 300, ImageFormat::Jpeg)).unwrap();
    fs::write(root.join("broken.jpg"), &good[..good.len() / 2]).unwrap();
    let out = dir.path().join("out");
    let events = run(&[root], settings_to(&out));
    let failures = failures(&events);
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(failures[0].0.ends_with("broken.jpg"));
    assert!(
        failures[0].1.ends_with("broken.jpg"),
        "the path comes last: {}",
        failures[0].1
    );
    assert_eq!(summary(&events).done, 5);
    assert!(!out.join("in/broken.jpg").exists());
}

#[test]
fn transparent_png_to_jpeg_is_flattened_on_white() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_transparent_png(&dir.path().join("disc.png"), 90);
    let out = dir.path().join("out");
    let settings = Settings {
        format: OutputFormat::Jpeg,
        ..settings_to(&out)
    };
    let events = run(&[input], settings);
    assert_eq!(summary(&events).done, 1);
    let img = image::open(out.join("disc.jpg")).unwrap().to_rgb8();
    let corner = img.get_pixel(2, 2).0;
    assert!(corner.iter().all(|&c| c > 245), "corner should be white, is {corner:?}");
}

// Unix only: it needs a FIFO, which Windows folders cannot hold.
#[cfg(unix)]
#[test]
fn symlink_loops_and_special_files_do_not_hang_the_walk() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    write_photo(&root.join("a.jpg"), 20, 20, ImageFormat::Jpeg);
    std::os::unix::fs::symlink(&root, root.join("loop")).unwrap();
    std::os::unix::fs::symlink(root.join("missing.jpg"), root.join("dangling.jpg")).unwrap();
    let fifo = root.join("pipe.jpg");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let events = run(&[root], settings_to(&dir.path().join("out")));
    let s = summary(&events);
    assert_eq!(s.done, 1);
    assert_eq!(s.failed, 0);
    assert_eq!(s.skipped, 2 + usize::from(made), "{events:?}");
}

#[test]
fn jpeg_copies_keep_their_colours_when_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("p.png"), 640, 480, ImageFormat::Png);
    let out = dir.path().join("out");
    let settings = Settings {
        format: OutputFormat::Jpeg,
        resize: ResizeMode::Width(320),
        ..settings_to(&out)
    };
    assert_eq!(summary(&run(std::slice::from_ref(&input), settings)).done, 1);
    let copy = image::open(out.join("p.jpg")).unwrap().to_rgb8();
    let reference = image::imageops::resize(
        &image::open(&input).unwrap().to_rgb8(),
        320,
        240,
        image::imageops::FilterType::Lanczos3,
    );
    let mean = mean_diff(&copy, &reference);
    // Measured 2.08, the noise of JPEG at q85.
    assert!(mean < 3.0, "mean difference {mean:.2} per channel");
}

#[test]
fn formats_without_an_encoder_fall_back_to_jpeg_or_png_by_alpha() {
    let dir = tempfile::tempdir().unwrap();
    let opaque = write_photo(&dir.path().join("scan.pnm"), 60, 40, ImageFormat::Pnm);
    let rgba = image::RgbaImage::from_fn(40, 40, |x, _| image::Rgba([200, 10, 10, (x * 6) as u8]));
    let transparent = dir.path().join("sprite.qoi");
    rgba.save_with_format(&transparent, ImageFormat::Qoi).unwrap();
    let out = dir.path().join("out");
    let events = run(&[opaque, transparent], settings_to(&out));
    assert_eq!(summary(&events).done, 2, "{events:?}");
    assert_eq!(files_below(&out), ["scan.jpg", "sprite.png"].map(PathBuf::from));
    assert!(image::open(out.join("sprite.png")).unwrap().color().has_alpha());
}

#[test]
fn leftovers_of_a_killed_run_are_swept_and_those_of_a_live_one_kept() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_photo(&dir.path().join("a.png"), 60, 40, ImageFormat::Png);
    let out = dir.path().join("out");
    fs::create_dir_all(&out).unwrap();
    // The id of a process that has surely ended: one just run and waited for.
    let gone = std::process::Command::new(std::env::current_exe().unwrap())
        .arg("--list")
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let gone_pid = gone.id();
    drop(gone.wait_with_output());
    // Names of the older form (`PREFIX-PID-…`) carry no host: their PID may be another host's, so they go only
    // once a day old. (Leftovers of this host's dead runs go at once: `cli::kill_9_…`.)
    let stale = out.join(format!("{TEMP_PREFIX}{gone_pid}-x1y2z3"));
    let young = out.join(format!("{TEMP_PREFIX}{gone_pid}-y1y2z3"));
    let live = out.join(format!("{TEMP_PREFIX}{}-a1b2c3", std::process::id()));
    let unrelated = out.join(".shrinkray-tmp-notapid");
    for f in [&stale, &young, &live, &unrelated] {
        fs::write(f, b"half an image").unwrap();
    }
    let day_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(25 * 3600);
    fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(day_ago)
        .unwrap();
    assert_eq!(summary(&run(&[input], settings_to(&out))).done, 1);
    assert!(!stale.exists(), "a leftover over a day old is removed");
    assert!(young.exists(), "a younger one may be another host's, in flight");
    assert!(live.exists(), "a running job's temporary file is left alone");
    assert!(
        unrelated.exists(),
        "a name Shrinkray cannot read is another's, until a day old"
    );
}
