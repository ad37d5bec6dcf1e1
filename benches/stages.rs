//! The stages of one 12 MP JPEG fitted to 1920 px, each way Shrinkray could do it, so the choices in
//! `src/engine/jpeg.rs` and `src/engine/planar.rs` rest on numbers. Run with
//! `cargo bench --no-default-features --bench stages`. Uses `benches/corpus/jpeg12/photo-000.jpg` (from
//! `benches/make-corpus.sh`) when present, else a generated 4000×3000 picture.

use std::hint::black_box;
use std::io::Cursor;

use criterion::{Criterion, criterion_group, criterion_main};
use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::{DynamicImage, ImageFormat, RgbImage};
use turbojpeg::{Compressor, Decompressor, PixelFormat, ScalingFactor, Subsamp, YuvImage};

const TARGET: (u32, u32) = (1920, 1440);

fn photo() -> Vec<u8> {
    if let Ok(data) = std::fs::read("benches/corpus/jpeg12/photo-000.jpg") {
        return data;
    }
    // Smooth gradients with fine texture, which is what costs JPEG codecs their time.
    let img = RgbImage::from_fn(4000, 3000, |x, y| {
        let n = (x.wrapping_mul(2_654_435_761) ^ y.wrapping_mul(40503)) >> 27;
        image::Rgb([(x / 16) as u8 ^ n as u8, (y / 12) as u8, ((x + y) / 28) as u8])
    });
    let mut out = Vec::new();
    DynamicImage::ImageRgb8(img)
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Jpeg)
        .expect("encoding the generated photo");
    out
}

fn decode_rgb(data: &[u8], shrink: usize) -> turbojpeg::Image<Vec<u8>> {
    let mut d = Decompressor::new().expect("decompressor");
    let h = d
        .read_header(data)
        .expect("header")
        .scaled(ScalingFactor::new(1, shrink));
    d.set_scaling_factor(ScalingFactor::new(1, shrink)).expect("scale");
    let mut img = turbojpeg::Image {
        pixels: vec![0; h.width * h.height * 3],
        width: h.width,
        pitch: h.width * 3,
        height: h.height,
        format: PixelFormat::RGB,
    };
    d.decompress(data, img.as_deref_mut()).expect("decode");
    img
}

fn decode_yuv(data: &[u8]) -> YuvImage<Vec<u8>> {
    let mut d = Decompressor::new().expect("decompressor");
    let h = d.read_header(data).expect("header");
    let len = turbojpeg::yuv_pixels_len(h.width, 1, h.height, h.subsamp).expect("size");
    let mut img = YuvImage {
        pixels: vec![0; len],
        width: h.width,
        align: 1,
        height: h.height,
        subsamp: h.subsamp,
    };
    d.decompress_to_yuv(data, img.as_deref_mut()).expect("decode");
    img
}

fn lanczos() -> ResizeOptions {
    ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3))
}

fn stages(c: &mut Criterion) {
    let data = photo();
    let mut g = c.benchmark_group("decode 12 MP");
    g.sample_size(10);
    g.bench_function("image (zune-jpeg), RGB", |b| {
        b.iter(|| image::load_from_memory_with_format(black_box(&data), ImageFormat::Jpeg).expect("decode"))
    });
    g.bench_function("libjpeg-turbo, RGB", |b| b.iter(|| decode_rgb(black_box(&data), 1)));
    g.bench_function("libjpeg-turbo, RGB at 1/2", |b| {
        b.iter(|| decode_rgb(black_box(&data), 2))
    });
    g.bench_function("libjpeg-turbo, YCbCr planes", |b| {
        b.iter(|| decode_yuv(black_box(&data)))
    });
    g.finish();

    let rgb = decode_rgb(&data, 1);
    let yuv = decode_yuv(&data);
    let mut g = c.benchmark_group("resize to 1920×1440, Lanczos3");
    g.sample_size(10);
    let mut resizer = Resizer::new();
    g.bench_function("RGB", |b| {
        let src = ImageRef::new(rgb.width as u32, rgb.height as u32, &rgb.pixels, PixelType::U8x3).expect("src");
        b.iter(|| {
            let mut dst = Image::new(TARGET.0, TARGET.1, PixelType::U8x3);
            resizer.resize(&src, &mut dst, &lanczos()).expect("resize");
            dst
        })
    });
    g.bench_function("Y, Cb, Cr planes (4:2:0)", |b| {
        let (yw, yh) = yuv.y_size();
        let (cw, ch) = yuv.uv_size();
        let y = ImageRef::new(yw as u32, yh as u32, &yuv.pixels[..yw * yh], PixelType::U8).expect("y");
        let cb = ImageRef::new(cw as u32, ch as u32, &yuv.pixels[yw * yh..][..cw * ch], PixelType::U8).expect("cb");
        b.iter(|| {
            let mut dy = Image::new(TARGET.0, TARGET.1, PixelType::U8);
            resizer.resize(&y, &mut dy, &lanczos()).expect("resize");
            for _ in 0..2 {
                let mut dc = Image::new(TARGET.0 / 2, TARGET.1 / 2, PixelType::U8);
                resizer.resize(&cb, &mut dc, &lanczos()).expect("resize");
            }
            dy
        })
    });
    g.finish();

    let small = image::imageops::resize(
        &RgbImage::from_raw(rgb.width as u32, rgb.height as u32, rgb.pixels.clone()).expect("rgb"),
        TARGET.0,
        TARGET.1,
        image::imageops::FilterType::Triangle,
    );
    let small_yuv = {
        let mut c = Compressor::new().expect("compressor");
        c.set_subsamp(Subsamp::Sub2x2).expect("subsamp");
        let jpeg = c
            .compress_to_vec(turbojpeg::Image {
                pixels: small.as_raw().as_slice(),
                width: TARGET.0 as usize,
                pitch: TARGET.0 as usize * 3,
                height: TARGET.1 as usize,
                format: PixelFormat::RGB,
            })
            .expect("encode");
        decode_yuv(&jpeg)
    };
    let mut g = c.benchmark_group("encode 1920×1440 q85");
    g.sample_size(20);
    g.bench_function("image (its own JPEG encoder)", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85);
            small.write_with_encoder(enc).expect("encode");
            out
        })
    });
    for optimize in [false, true] {
        g.bench_function(format!("libjpeg-turbo RGB, optimised Huffman {optimize}"), |b| {
            let mut c = Compressor::new().expect("compressor");
            c.set_quality(85).expect("quality");
            c.set_subsamp(Subsamp::Sub2x2).expect("subsamp");
            c.set_optimize(optimize).expect("optimize");
            b.iter(|| {
                c.compress_to_vec(turbojpeg::Image {
                    pixels: small.as_raw().as_slice(),
                    width: TARGET.0 as usize,
                    pitch: TARGET.0 as usize * 3,
                    height: TARGET.1 as usize,
                    format: PixelFormat::RGB,
                })
                .expect("encode")
            })
        });
    }
    g.bench_function("libjpeg-turbo planes, optimised Huffman", |b| {
        let mut c = Compressor::new().expect("compressor");
        c.set_quality(85).expect("quality");
        c.set_optimize(true).expect("optimize");
        b.iter(|| c.compress_yuv_to_vec(small_yuv.as_deref()).expect("encode"))
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
