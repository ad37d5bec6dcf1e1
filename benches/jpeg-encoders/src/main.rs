//! `jpeg-encoders CONFIG TARGET < pairs`: for each line `resized.png<TAB>copy.jpg` on stdin, finds the lowest
//! quality (1-100) whose JPEG, decoded, scores at least TARGET (SSIMULACRA2, `fast-ssim2` as Shrinkray's look
//! uses it) against the resized picture, and writes that copy (progressive, as a look writes it). Prints one
//! line per picture: the copy, its quality, bytes, score and the milliseconds of its final encode.
//!
//! CONFIG is one of
//! - `mozjpeg-444`, `mozjpeg-420`: mozjpeg's defaults (trellis quantisation, its tables, optimised scans);
//! - `turbo-tables-444`, `turbo-tables-420`: libjpeg-turbo's encoder (mozjpeg's fastest profile, which gives
//!   files identical to libjpeg-turbo's) with the tables mozjpeg ships (ImageMagick's, by N. Robidoux), scaled
//!   by quality the libjpeg way: what libjpeg-turbo's own API could do with no second library;
//! - `turbo-444`, `turbo-420`: the same without the tables, as a check against Shrinkray's own libjpeg-turbo.

use std::io::BufRead;
use std::time::Instant;

use fast_ssim2::{PixelDescriptor, PixelSlice, Ssimulacra2Reference};
use mozjpeg::{ColorSpace, Compress, Decompress, qtable};

#[derive(Clone, Copy)]
enum Encoder {
    Mozjpeg,
    TurboTables,
    Turbo,
}

fn encode(rgb: &image::RgbImage, quality: u8, encoder: Encoder, halve: bool) -> Vec<u8> {
    let mut c = Compress::new(ColorSpace::JCS_RGB);
    if !matches!(encoder, Encoder::Mozjpeg) {
        c.set_fastest_defaults();
    }
    c.set_size(rgb.width() as usize, rgb.height() as usize);
    c.set_quality(f32::from(quality));
    if matches!(encoder, Encoder::TurboTables) {
        let q = f32::from(quality);
        c.set_luma_qtable(&qtable::NRobidoux.scaled(q, q));
        c.set_chroma_qtable(&qtable::NRobidoux.scaled(q, q));
    }
    let sizes = if halve { (2, 2) } else { (1, 1) };
    c.set_chroma_sampling_pixel_sizes(sizes, sizes);
    c.set_progressive_mode();
    c.set_optimize_coding(true);
    let mut started = c.start_compress(Vec::new()).expect("start");
    started.write_scanlines(rgb.as_raw()).expect("rows");
    started.finish().expect("finish")
}

fn decode(jpeg: &[u8]) -> Vec<u8> {
    let mut d = Decompress::new_mem(jpeg).expect("header").rgb().expect("start");
    let pixels: Vec<[u8; 3]> = d.read_scanlines().expect("rows");
    d.finish().expect("finish");
    pixels.into_iter().flatten().collect()
}

fn slice(rgb: &[u8], width: u32, height: u32) -> PixelSlice<'_> {
    PixelSlice::new(rgb, width, height, width as usize * 3, PixelDescriptor::RGB8_SRGB).expect("slice")
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (config, target) = (args[1].as_str(), args[2].parse::<f64>().expect("target"));
    let (encoder, halve) = match config {
        "mozjpeg-444" => (Encoder::Mozjpeg, false),
        "mozjpeg-420" => (Encoder::Mozjpeg, true),
        "turbo-tables-444" => (Encoder::TurboTables, false),
        "turbo-tables-420" => (Encoder::TurboTables, true),
        "turbo-444" => (Encoder::Turbo, false),
        "turbo-420" => (Encoder::Turbo, true),
        other => panic!("unknown config {other}"),
    };
    let pairs: Vec<(String, String)> = std::io::stdin()
        .lock()
        .lines()
        .map(|l| {
            let l = l.expect("line");
            let (a, b) = l.split_once('\t').expect("two columns");
            (a.to_owned(), b.to_owned())
        })
        .collect();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some((png, out)) = pairs.get(i) else { break };
                    let rgb = image::open(png).expect("png").to_rgb8();
                    let (w, h) = rgb.dimensions();
                    let reference = Ssimulacra2Reference::new(&slice(rgb.as_raw(), w, h)).expect("reference");
                    let score = |q: u8| {
                        let jpeg = encode(&rgb, q, encoder, halve);
                        let s = reference.compare(&slice(&decode(&jpeg), w, h)).expect("score");
                        (s, jpeg)
                    };
                    // Bisection for the lowest passing quality: the score rises with quality.
                    let (mut lo, mut hi) = (0u8, 101u8);
                    let mut best: Option<(f64, Vec<u8>)> = None;
                    while hi - lo > 1 {
                        let q = lo + (hi - lo) / 2;
                        let (s, jpeg) = score(q);
                        if s >= target {
                            hi = q;
                            best = Some((s, jpeg));
                        } else {
                            lo = q;
                        }
                    }
                    let (s, jpeg) = best.unwrap_or_else(|| score(100));
                    let started = Instant::now();
                    let _ = encode(&rgb, hi.min(100), encoder, halve);
                    let ms = started.elapsed().as_secs_f64() * 1000.0;
                    std::fs::write(out, &jpeg).expect("write");
                    println!("{out}\t{}\t{}\t{s:.2}\t{ms:.1}", hi.min(100), jpeg.len());
                }
            });
        }
    });
}
