//! One bad file never spoils the next, fuzzed: each input (first byte: the settings, as in `pipeline`) goes
//! through decode → resize → encode, then a fixed good photo goes through the same settings on the same thread,
//! and its copy must be byte for byte the copy a fresh thread makes. A decoder or encoder that keeps state from
//! a failed (or odd but successful) input makes the second copy differ, and the fuzzer stops there.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use shrinkray::engine::{ImageError, resize_bytes};
use shrinkray::fuzzing::{CHOICES, settings_for};

/// A real 240×320 JPEG with EXIF orientation 6, large enough to be shrunk on load at every fuzzed size.
const GOOD: &[u8] = include_bytes!("../../tests/data/exif-gps.jpg");

/// The good photo's copy for every choice of settings, each made on a thread that ran nothing before.
fn references() -> &'static [Result<Vec<u8>, String>] {
    static REFERENCES: OnceLock<Vec<Result<Vec<u8>, String>>> = OnceLock::new();
    REFERENCES.get_or_init(|| {
        (0..CHOICES)
            .map(|choice| {
                std::thread::spawn(move || good_copy(choice))
                    .join()
                    .expect("the good photo converts")
            })
            .collect()
    })
}

fn good_copy(choice: u8) -> Result<Vec<u8>, String> {
    resize_bytes(GOOD.to_vec(), &settings_for(choice)).map_err(|e: ImageError| e.to_string())
}

fuzz_target!(|data: &[u8]| {
    let references = references();
    let Some((&choice, image)) = data.split_first() else {
        return;
    };
    let choice = choice % CHOICES;
    // Errors are fine; what follows must not notice them.
    let _ = resize_bytes(image.to_vec(), &settings_for(choice));
    let after = good_copy(choice);
    assert!(
        after == references[usize::from(choice)],
        "the good photo came out differently after this input (settings {choice}): {:?}",
        after.as_ref().map(Vec::len)
    );
});
