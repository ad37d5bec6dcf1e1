//! `score`: SSIMULACRA2 of copies against references, for `benches/quality.sh`. Reads lines `REFERENCE COPY`
//! (tab-separated) on standard input and prints `COPY<TAB>SCORE` for each; a copy whose size differs from its
//! reference by a pixel or two (tools round differently) is resampled to it first, and one that cannot be read
//! prints `nan`. Copies are decoded as Shrinkray decodes them (libjpeg-turbo, libheif), references with `image`.
//!
//! `cargo bench --bench score < pairs.tsv`

use std::io::{BufRead, Write};
use std::path::Path;

use image::imageops::FilterType;
use shrinkray::engine::{Limits, open, ssimulacra2};

fn main() {
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    for line in stdin.lock().lines().map_while(Result::ok) {
        let Some((reference, copy)) = line.split_once('\t') else {
            continue;
        };
        let score = score(Path::new(reference), Path::new(copy)).unwrap_or(f64::NAN);
        if writeln!(out, "{copy}\t{score:.3}").is_err() {
            return;
        }
    }
}

fn score(reference: &Path, copy: &Path) -> Option<f64> {
    let reference = image::open(reference).ok()?;
    let mut copy = open(copy, &Limits::default()).ok()?;
    if copy.width().abs_diff(reference.width()) > 2 || copy.height().abs_diff(reference.height()) > 2 {
        return None;
    }
    if (copy.width(), copy.height()) != (reference.width(), reference.height()) {
        copy = copy.resize_exact(reference.width(), reference.height(), FilterType::Lanczos3);
    }
    ssimulacra2(&reference, &copy).ok()
}
