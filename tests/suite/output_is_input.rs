//! An output that would land on an input is refused however the path reaches it: through a symbolic link, a
//! hard link, or another spelling of the folder. The input is never touched.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use image::ImageFormat;
use shrinkray::engine::{Collision, ImageError, JobEvent, ResizeMode, Settings};

/// Runs `input` into `out` with the overwrite policy (the only one that would replace a file) and asserts the
/// image fails as output-is-input, naming the output, with the input byte for byte as it was.
fn refused(input: &Path, out: &Path, expected_output: &Path) {
    let before = fs::read(input).unwrap();
    let settings = Settings {
        on_collision: Collision::Overwrite,
        resize: ResizeMode::Width(100),
        ..settings_to(out)
    };
    let events = run(&[input.to_owned()], settings);
    let error = events.iter().find_map(|e| match e {
        JobEvent::ImageFailed { error, .. } => Some(error),
        _ => None,
    });
    assert!(matches!(error, Some(ImageError::OutputIsInput { .. })), "{events:?}");
    let message = error.unwrap().to_string();
    assert!(message.ends_with(&expected_output.display().to_string()), "{message}");
    assert_eq!(fs::read(input).unwrap(), before, "the input changed");
}

fn photo(dir: &Path) -> PathBuf {
    write_photo(&dir.join("in/a.jpg"), 300, 200, ImageFormat::Jpeg)
}

#[test]
fn through_a_symbolic_link_in_the_output_folder() {
    let dir = tempfile::tempdir().unwrap();
    let input = photo(dir.path());
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    if !symlink(&input, out.join("a.jpg")) {
        return;
    }
    refused(&input, &out, &out.join("a.jpg"));
    assert!(
        fs::symlink_metadata(out.join("a.jpg"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn through_a_hard_link_in_the_output_folder() {
    let dir = tempfile::tempdir().unwrap();
    let input = photo(dir.path());
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    fs::hard_link(&input, out.join("a.jpg")).unwrap();
    refused(&input, &out, &out.join("a.jpg"));
}

#[test]
fn through_another_spelling_of_the_input_folder() {
    let dir = tempfile::tempdir().unwrap();
    let input = photo(dir.path());
    fs::create_dir(dir.path().join("elsewhere")).unwrap();
    // The input's own folder, reached through a sibling and `..`, and through a link to it.
    let roundabout = dir.path().join("elsewhere/../in");
    refused(&input, &roundabout, &roundabout.join("a.jpg"));
    if !symlink(dir.path().join("in"), dir.path().join("link-to-in")) {
        return;
    }
    let linked = dir.path().join("link-to-in");
    refused(&input, &linked, &linked.join("a.jpg"));
}
