//! "Only when it needs it": an image already within the size, staying in its format, with nothing to take out,
//! is copied byte for byte (not decoded or encoded again); everything else is made as usual.

use crate::common;

use std::fs;

use common::*;
use image::ImageFormat;
use shrinkray::engine::{ResizeMode, Settings};

fn only_if_needed(out: &std::path::Path) -> Settings {
    Settings {
        only_if_needed: true,
        resize: ResizeMode::LongEdge(1000),
        ..settings_to(out)
    }
}

#[test]
fn what_is_already_small_enough_is_copied_as_it_is_and_the_rest_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let small = write_photo(&dir.path().join("small.png"), 300, 200, ImageFormat::Png);
    let large = write_photo(&dir.path().join("large.jpg"), 2000, 1000, ImageFormat::Jpeg);
    let located = data("exif-gps.jpg");
    let out = dir.path().join("out");
    let events = run(&[small.clone(), large, located.clone()], only_if_needed(&out));
    assert_eq!(failures(&events), vec![]);
    assert_eq!(
        fs::read(out.join("small.png")).unwrap(),
        fs::read(&small).unwrap(),
        "byte for byte"
    );
    assert_eq!(fs::read(out.join("exif-gps.jpg")).unwrap(), fs::read(&located).unwrap());
    assert_eq!(image::image_dimensions(out.join("large.jpg")).unwrap(), (1000, 500));
    let small_done = events
        .iter()
        .find_map(|e| match e {
            shrinkray::engine::JobEvent::ImageDone(d) if d.input == small => Some(d),
            _ => None,
        })
        .unwrap();
    assert!(small_done.kept_original && small_done.note.as_deref().unwrap_or("").contains("as it is"));

    // Asked to take the location out, the small photo is made anew without it.
    let out2 = dir.path().join("out2");
    let events = run(
        std::slice::from_ref(&located),
        Settings {
            remove_location: true,
            ..only_if_needed(&out2)
        },
    );
    assert_eq!(failures(&events), vec![]);
    assert_ne!(
        fs::read(out2.join("exif-gps.jpg")).unwrap(),
        fs::read(&located).unwrap()
    );
    // Over the target file size, it is made anew too.
    let out3 = dir.path().join("out3");
    let events = run(
        std::slice::from_ref(&small),
        Settings {
            target_size: Some(1000),
            format: shrinkray::engine::OutputFormat::SameAsInput,
            ..only_if_needed(&out3)
        },
    );
    let done = common::done(&events);
    assert!(!done.kept_original && done.note.is_none(), "{done:?}");
}
