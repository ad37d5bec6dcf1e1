//! Decode → resize → encode of one file held in memory, with the input's first byte choosing the output
//! format and size, so every decoder, both JPEG paths and every encoder get fuzzed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shrinkray::engine::resize_bytes;
use shrinkray::fuzzing::settings_for;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, image)) = data.split_first() else {
        return;
    };
    // Errors are fine; a panic, a crash or a hang is what the fuzzer reports.
    let _ = resize_bytes(image.to_vec(), &settings_for(choice));
});
