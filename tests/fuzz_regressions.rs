//! Every input the fuzzer (`fuzz/`) found a fault with, kept under `tests/data/fuzz/` (first byte: the fuzz
//! target's choice of settings, then the file), goes through a real job with every setting the fuzz target can
//! choose: each file must end in exactly one event, done or failed, and the job must finish.

mod common;

use std::fs;
use std::path::PathBuf;

use common::*;
use shrinkray::engine::{JobEvent, Settings};
use shrinkray::fuzzing::{CHOICES, settings_for};

#[test]
fn inputs_the_fuzzer_found_end_in_one_event_each() {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    let dir = tempfile::tempdir().unwrap();
    let mut inputs: Vec<PathBuf> = Vec::new();
    for entry in fs::read_dir(&data).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = fs::read(&path).unwrap();
        let input = dir.path().join(path.file_name().unwrap());
        fs::write(&input, bytes.get(1..).unwrap_or_default()).unwrap();
        inputs.push(input);
    }
    assert!(!inputs.is_empty(), "no regression files in {}", data.display());
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
