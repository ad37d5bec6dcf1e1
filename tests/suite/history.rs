//! One bad file never spoils the next: on one worker thread, every hostile input the tests know is followed by
//! a good JPEG, PNG, WebP and HEIC, in every output format, and each good copy must be byte for byte the copy
//! a job of that file alone makes. A worker that kept a failed decoder's state (libjpeg-turbo's decompressor
//! once refused every JPEG after one with two SOI markers) fails here.

use crate::common;

use std::collections::HashMap;
use std::fs;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use common::hostile::every_hostile_input;
use common::*;
use image::ImageFormat;
use shrinkray::engine::{JobEvent, JpegEncoder, Limits, OutputFormat, ResizeMode, Settings, load_thumbnail};

/// One worker thread, so the order of the images is the order of the inputs.
fn one_thread(out: &Path, format: OutputFormat, jpeg_encoder: JpegEncoder) -> Settings {
    Settings {
        format,
        jpeg_encoder,
        resize: ResizeMode::Fit { width: 64, height: 64 },
        threads: NonZeroUsize::new(1),
        ..settings_to(out)
    }
}

/// The good files, by kind: a JPEG large enough to be shrunk on load, a PNG, a WebP, a JPEG XL and a HEIC.
fn good_files(dir: &Path) -> Vec<(&'static str, PathBuf)> {
    fs::create_dir_all(dir).unwrap();
    let heic = dir.join("good.heic");
    fs::copy(data("small.heic"), &heic).unwrap();
    let mut files = vec![
        ("jpeg", write_photo(&dir.join("good.jpg"), 320, 240, ImageFormat::Jpeg)),
        ("png", write_photo(&dir.join("good.png"), 90, 70, ImageFormat::Png)),
        ("webp", write_photo(&dir.join("good.webp"), 100, 80, ImageFormat::WebP)),
        ("jxl", dir.join("good.jxl")),
    ];
    fs::copy(data("jxl/lossy.jxl"), dir.join("good.jxl")).unwrap();
    if HEIF {
        files.push(("heic", heic));
    }
    files
}

/// The bytes of the copy a fresh job (new threads, nothing run before) makes of `input` alone.
fn clean_copy(input: &Path, out: &Path, format: OutputFormat, encoder: JpegEncoder) -> Result<Vec<u8>, String> {
    let events = run(&[input.to_owned()], one_thread(out, format, encoder));
    match outputs(&events)[..] {
        [ref written] => Ok(fs::read(written).unwrap()),
        _ => Err(format!(
            "{format:?} ({encoder:?}): {} alone is not done: {:?}",
            input.display(),
            failures(&events)
        )),
    }
}

#[test]
fn good_files_after_any_hostile_input_come_out_as_if_nothing_ran_before() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = every_hostile_input(&dir.path().join("hostile"));
    let goods = good_files(&dir.path().join("good"));
    // The batch: each hostile input, then a copy of every good file under a name of its own.
    let batch = dir.path().join("batch");
    fs::create_dir_all(&batch).unwrap();
    let mut inputs = Vec::new();
    let mut kind_of = HashMap::new();
    let mut after = HashMap::new();
    for (i, bad) in hostile.iter().enumerate() {
        inputs.push(bad.clone());
        for (kind, good) in &goods {
            let copy = batch.join(format!("{i:02}-{}", good.file_name().unwrap().to_str().unwrap()));
            fs::copy(good, &copy).unwrap();
            kind_of.insert(copy.clone(), *kind);
            after.insert(copy.clone(), bad.clone());
            inputs.push(copy);
        }
    }

    let mut problems = Vec::new();
    // Each format with its usual encoder, and JPEG once more with jpegli (a look's encoder).
    let cases = OutputFormat::ALL.map(|format| (format, JpegEncoder::Auto));
    for (format, encoder) in cases.into_iter().chain([(OutputFormat::Jpeg, JpegEncoder::Jpegli)]) {
        if format == OutputFormat::Avif && !HEIF
            || matches!(format, OutputFormat::Jxl | OutputFormat::JxlFromJpeg) && !JXL
        {
            continue;
        }
        let mut reference = HashMap::new();
        for (kind, good) in &goods {
            let clean = dir.path().join(format!("clean-{format:?}-{encoder:?}-{kind}"));
            match clean_copy(good, &clean, format, encoder) {
                Ok(bytes) => drop(reference.insert(*kind, bytes)),
                Err(problem) => problems.push(problem),
            }
        }
        let out = dir.path().join(format!("out-{format:?}-{encoder:?}"));
        let events = run(&inputs, one_thread(&out, format, encoder));
        for event in &events {
            match event {
                JobEvent::ImageDone(done) if kind_of.contains_key(&done.input) => {
                    let kind = kind_of[&done.input];
                    if reference
                        .get(kind)
                        .is_some_and(|r| fs::read(&done.output).unwrap() != *r)
                    {
                        problems.push(format!(
                            "{format:?} ({encoder:?}): the {kind} after {} differs from its clean copy",
                            after[&done.input].display()
                        ));
                    }
                }
                JobEvent::ImageFailed { input, error, .. } if kind_of.contains_key(input) => {
                    problems.push(format!(
                        "{format:?} ({encoder:?}): the {} after {} failed: {error}",
                        kind_of[input],
                        after[input].display()
                    ));
                }
                _ => {}
            }
        }
        let done_goods = events
            .iter()
            .filter(|e| matches!(e, JobEvent::ImageDone(d) if kind_of.contains_key(&d.input)))
            .count();
        if problems.is_empty() {
            assert_eq!(
                done_goods,
                kind_of.len(),
                "{format:?} ({encoder:?}): every good file is done"
            );
        }
    }
    assert!(
        problems.is_empty(),
        "{} good copies spoiled by what ran before them:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn hostile_inputs_in_this_test_really_are_hostile() {
    // Guards the test above: the traps must fail (or it would prove nothing about failed decoders).
    let dir = tempfile::tempdir().unwrap();
    let traps = common::hostile::decoder_traps(&dir.path().join("traps"));
    let events = run(
        &traps,
        one_thread(&dir.path().join("out"), OutputFormat::SameAsInput, JpegEncoder::Auto),
    );
    let failed = failures(&events);
    assert_eq!(failed.len(), traps.len(), "every trap fails: {events:?}");
}

#[test]
fn thumbnails_read_back_after_a_bad_file_on_the_same_thread() {
    // The app's thumbnail loader reads outputs back on one thread of its own, outside any job.
    let dir = tempfile::tempdir().unwrap();
    let traps = common::hostile::decoder_traps(&dir.path().join("traps"));
    let good = write_photo(&dir.path().join("good.jpg"), 320, 240, ImageFormat::Jpeg);
    let clean = std::thread::spawn({
        let good = good.clone();
        move || load_thumbnail(&good, 64, &Limits::default()).map(|t| t.rgba)
    })
    .join()
    .unwrap()
    .unwrap();
    std::thread::spawn(move || {
        for bad in &traps {
            assert!(
                load_thumbnail(bad, 64, &Limits::default()).is_err(),
                "{}",
                bad.display()
            );
            let after = load_thumbnail(&good, 64, &Limits::default())
                .unwrap_or_else(|e| panic!("the good file after {}: {e}", bad.display()));
            assert!(after.rgba == clean, "the thumbnail after {} differs", bad.display());
        }
    })
    .join()
    .unwrap();
}
