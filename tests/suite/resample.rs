//! Each resampling filter against an independent reference: ImageMagick's output for the same picture, kept in
//! `tests/data/resample/` (how it was made, and the figures, in its README). The real CLI with `--filter`, the
//! copy written as PNG so no encoder noise hides the filter, read back with the `image` crate.

use crate::common;

use std::path::Path;

use common::*;
use image::RgbImage;

/// Shrinkray's filters and ImageMagick's names for the same kernels.
const FILTERS: [(&str, &str); 5] = [
    ("lanczos3", "Lanczos"),
    ("catmull-rom", "Catrom"),
    ("mitchell", "Mitchell"),
    ("bilinear", "Triangle"),
    ("nearest", "Point"),
];

fn data(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/resample")
        .join(name)
}

/// `input` resized to 160×107 with `filter` and `args`, read back.
fn copy_with(input: &str, filter: &str, args: &[&str], out: &Path) -> RgbImage {
    let mut all = vec!["--filter", filter, "--width", "160", "--height", "107", "--out", p(out)];
    all.extend_from_slice(args);
    let source = data(input);
    all.push(p(&source));
    let output = cli(&all);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    image::open(out.join(input)).unwrap().to_rgb8()
}

/// Asserts that each filter's copy is within `bound` levels of the reference with the same kernel and
/// clearly nearer to it than to any other.
fn each_filter_matches_its_reference(input: &str, references: &str, args: &[&str], bound: f64) {
    let dir = tempfile::tempdir().unwrap();
    let references: Vec<(&str, RgbImage)> = FILTERS
        .iter()
        .map(|(_, im)| {
            (
                *im,
                image::open(data(&format!("{references}{im}.png"))).unwrap().to_rgb8(),
            )
        })
        .collect();
    for (ours, theirs) in FILTERS {
        let copy = copy_with(input, ours, args, &dir.path().join(ours));
        let diffs: Vec<(&str, f64)> = references
            .iter()
            .map(|(name, r)| (*name, mean_diff(&copy, r)))
            .collect();
        let own = diffs.iter().find(|(name, _)| *name == theirs).unwrap().1;
        assert!(
            own < bound,
            "{ours}: {own:.3} levels from ImageMagick's {theirs}; all: {diffs:?}"
        );
        for (name, diff) in &diffs {
            if *name != theirs {
                assert!(
                    *diff > own + 0.05,
                    "{ours} is as near to {name} ({diff:.3}) as to {theirs} ({own:.3})"
                );
            }
        }
    }
}

/// Each filter's copy is within half a level of ImageMagick's output with the same kernel, and nearer to it
/// than to any other kernel's: bilinear cannot pass for Lanczos, nor Lanczos for Catmull-Rom.
#[test]
fn every_filter_matches_imagemagick_with_the_same_kernel_and_no_other() {
    each_filter_matches_its_reference("checks.png", "im-", &["--format", "png"], 0.55);
}

/// JPEG to JPEG resamples in the decoder's planes (`pipeline/planar.rs`), a path of its own: the same check on
/// a 4:4:4 JPEG, written at quality 100 with 4:4:4 so the encoder adds almost nothing.
#[test]
fn the_jpeg_path_matches_imagemagick_with_the_same_kernel_and_no_other() {
    each_filter_matches_its_reference(
        "checks.jpg",
        "im-jpeg-",
        &["--quality", "100", "--subsampling", "444"],
        0.8,
    );
}

/// Without `--filter`, Lanczos3.
#[test]
fn the_default_filter_is_lanczos3() {
    let dir = tempfile::tempdir().unwrap();
    let output = cli(&[
        "--width",
        "160",
        "--height",
        "107",
        "--format",
        "png",
        "--out",
        p(dir.path()),
        p(&data("checks.png")),
    ]);
    assert!(output.status.success());
    let copy = image::open(dir.path().join("checks.png")).unwrap().to_rgb8();
    let lanczos = image::open(data("im-Lanczos.png")).unwrap().to_rgb8();
    let diff = mean_diff(&copy, &lanczos);
    assert!(diff < 0.55, "{diff:.3}");
}
