//! Every input the fuzzer (`fuzz/`) found a fault with, kept under `tests/data/fuzz/` (first byte: the fuzz
//! target's choice of settings, then the file). Each is replayed as the fuzzer ran it, through `resize_bytes`
//! with its own settings, which lets a panic through: a fault that returns fails here rather than becoming an
//! ordinary per-file error. Then each goes through a real job with every setting the fuzz target can choose:
//! one event per file, and the job finishes.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use shrinkray::engine::{ImageError, JobEvent, Settings, resize_bytes};
use shrinkray::fuzzing::{CHOICES, settings_for};

/// What each file must give under its own settings: the error variant's name, "copy" for a copy, or
/// "Panicked" for a panic inside a third-party decoder that a job contains (`ImageError::Panicked`); any other
/// panic fails the test.
const EXPECTED: &[(&str, &str)] = &[
    ("tiff-tiled-planar-assert", "Panicked"),
    ("avif-security-limits-overread", "copy"),
    ("ftyp-box-longer-than-file", "NotAnImage"),
];

fn regression_files() -> Vec<PathBuf> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    let mut files: Vec<PathBuf> = fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_none_or(|e| e != "md"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no regression files in {}", data.display());
    files
}

/// The variant's name, as the fuzzer's artefacts and the README name them.
fn kind(result: &Result<Vec<u8>, ImageError>) -> String {
    match result {
        Ok(_) => "copy".to_owned(),
        Err(e) => format!("{e:?}")
            .split([' ', '(', '{'])
            .next()
            .unwrap_or_default()
            .to_owned(),
    }
}

#[test]
fn each_file_replayed_as_the_fuzzer_ran_it_gives_its_expected_outcome() {
    for file in regression_files() {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = fs::read(&file).unwrap();
        let (&choice, image) = bytes.split_first().unwrap();
        let expected = EXPECTED
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("{name}: add its expected outcome to EXPECTED"))
            .1;
        // Without libheif (the Windows build), an AVIF that would make a copy fails to decode instead.
        let expected = if !HEIF && name.starts_with("avif") && expected == "copy" {
            "Codec"
        } else {
            expected
        };
        let replay = |choice: u8| {
            let work = || resize_bytes(image.to_vec(), &settings_for(choice));
            if expected == "Panicked" {
                std::panic::catch_unwind(work).map_or_else(|_| "Panicked".to_owned(), |r| kind(&r))
            } else {
                kind(&work())
            }
        };
        assert_eq!(replay(choice % CHOICES), expected, "{name}");
        // Every other choice of settings: no panic unless this file is the contained kind.
        for other in 0..CHOICES {
            replay(other);
        }
    }
}

#[test]
fn inputs_the_fuzzer_found_end_in_one_event_each_in_a_job() {
    let dir = tempfile::tempdir().unwrap();
    let mut inputs: Vec<PathBuf> = Vec::new();
    for file in regression_files() {
        let bytes = fs::read(&file).unwrap();
        let input = dir.path().join(file.file_name().unwrap());
        fs::write(&input, bytes.get(1..).unwrap_or_default()).unwrap();
        inputs.push(input);
    }
    for choice in 0..CHOICES {
        let settings = Settings {
            output_dir: Some(dir.path().join(format!("out-{choice}"))),
            ..settings_for(choice)
        };
        let events = run(&inputs, settings);
        let per_image = events
            .iter()
            .filter(|e| matches!(e, JobEvent::ImageDone(_) | JobEvent::ImageFailed { .. }))
            .count();
        assert_eq!(per_image, inputs.len(), "settings {choice}: {events:?}");
        assert!(summary(&events).setup_error.is_none());
    }
}
