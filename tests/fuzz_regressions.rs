//! Every input the fuzzer (`fuzz/`) found a fault with, kept under `tests/data/fuzz/`, goes through the same
//! in-memory pipeline with every output format and size the fuzz target can choose: each must end in a result
//! or an error, never a panic.

use std::fs;

use shrinkray::engine::{Limits, OutputFormat, ResizeMode, Settings, resize_bytes};

#[test]
fn inputs_the_fuzzer_found_now_fail_cleanly_or_work() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    let Ok(entries) = fs::read_dir(&dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        let data = fs::read(&path).unwrap();
        // The fuzz target's first byte chooses the settings; try the file's image part with all of them.
        let image = data.get(1..).unwrap_or_default();
        for format in [
            OutputFormat::SameAsInput,
            OutputFormat::Jpeg,
            OutputFormat::Png,
            OutputFormat::WebP,
        ] {
            for resize in [
                ResizeMode::Fit { width: 64, height: 64 },
                ResizeMode::Fill { width: 31, height: 17 },
                ResizeMode::Percent(50.0),
            ] {
                let settings = Settings {
                    resize,
                    format,
                    limits: Limits {
                        max_pixels: 4_000_000,
                        max_alloc: 64 << 20,
                        memory_budget: None,
                    },
                    output_dir: Some(".".into()),
                    ..Settings::default()
                };
                let result = std::panic::catch_unwind(|| resize_bytes(image.to_vec(), &settings));
                assert!(result.is_ok(), "{} panics with {format:?} {resize:?}", path.display());
            }
        }
    }
}
