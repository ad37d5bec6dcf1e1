//! The patched fast_image_resize (`patches/fast_image_resize/PATCH.md`). Its one-channel horizontal pass pads
//! each filter window with zero taps to whole SIMD steps. Zero taps add nothing, so the AVX2 and SSE4.1 passes
//! must give exactly the bytes of the library's scalar code, for every window, including windows at a row's
//! ends (widened to the left there) and rows narrower than a padded window (left as they are).

use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{CpuExtensions, FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};

/// A one-channel picture with detail in every column (a smooth picture would hide a misplaced tap).
fn plane(width: u32, height: u32, seed: u32) -> Vec<u8> {
    (0..width * height)
        .map(|i| {
            let x = i % width;
            let y = i / width;
            let n = (x.wrapping_mul(2_654_435_761) ^ y.wrapping_mul(40_503) ^ seed) >> 23;
            (x * 7 + y * 3) as u8 ^ n as u8
        })
        .collect()
}

fn resize(src: &[u8], size: (u32, u32), to: (u32, u32), filter: FilterType, cpu: CpuExtensions) -> Vec<u8> {
    let src = ImageRef::new(size.0, size.1, src, PixelType::U8).unwrap();
    let mut dst = Image::new(to.0, to.1, PixelType::U8);
    let mut resizer = Resizer::new();
    // SAFETY: only extensions this CPU has are chosen (`is_supported` below).
    unsafe { resizer.set_cpu_extensions(cpu) };
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(filter));
    resizer.resize(&src, &mut dst, &options).unwrap();
    dst.into_vec()
}

#[test]
fn the_padded_simd_passes_give_the_scalar_bytes() {
    let simd: Vec<CpuExtensions> = [CpuExtensions::Avx2, CpuExtensions::Sse4_1]
        .into_iter()
        .filter(|c| c.is_supported())
        .collect();
    if simd.is_empty() {
        eprintln!("skipped: this CPU has neither AVX2 nor SSE4.1");
        return;
    }
    let filters = [
        FilterType::Lanczos3,
        FilterType::CatmullRom,
        FilterType::Mitchell,
        FilterType::Bilinear,
    ];
    // Widths from narrower than one padded window to a photo's; factors from a slight shrink to 5x, the
    // photo's own (4000 -> 1920) among them.
    let mut cases = Vec::new();
    for width in [5, 9, 13, 16, 17, 23, 31, 40, 97, 641] {
        for factor in [1.3, 2.08, 3.0, 5.0] {
            let to = ((f64::from(width) / factor).round() as u32).max(1);
            cases.push((width, to));
        }
    }
    cases.push((4000, 1920));
    cases.push((2000, 960));
    for (i, &(width, to)) in cases.iter().enumerate() {
        let height = if width > 1000 { 8 } else { 5 };
        let src = plane(width, height, i as u32);
        for filter in filters {
            let scalar = resize(&src, (width, height), (to, height), filter, CpuExtensions::None);
            for &cpu in &simd {
                let fast = resize(&src, (width, height), (to, height), filter, cpu);
                assert!(
                    fast == scalar,
                    "{cpu:?} differs from the scalar pass: {width} -> {to} px with {filter:?}"
                );
            }
        }
    }
}

/// The patch's second change: a resizer keeps the coefficients of its last few passes. One resizer taking many
/// sizes, crops and filters in turn (more than it keeps, and coming back to earlier ones) must give exactly what
/// a fresh resizer gives for each.
#[test]
fn a_resizer_that_kept_coefficients_gives_a_fresh_resizers_bytes() {
    let src = plane(640, 480, 7);
    let image = ImageRef::new(640, 480, &src, PixelType::U8).unwrap();
    let jobs = [
        ((320, 240), FilterType::Lanczos3, None),
        ((320, 240), FilterType::Mitchell, None),
        // Crops that differ only in where they start (the end and the sizes alike).
        ((320, 240), FilterType::Lanczos3, Some((0.25, 0.0, 639.75, 480.0))),
        ((320, 240), FilterType::Lanczos3, Some((0.5, 0.0, 639.5, 480.0))),
        ((160, 120), FilterType::Lanczos3, None),
        ((240, 320), FilterType::Lanczos3, None),
        ((321, 241), FilterType::Lanczos3, None),
        ((320, 240), FilterType::Lanczos3, Some((0.0, 0.25, 640.0, 479.75))),
        ((320, 240), FilterType::Lanczos3, Some((0.0, 0.5, 640.0, 479.5))),
        ((100, 75), FilterType::Bilinear, None),
    ];
    let mut kept = Resizer::new();
    for round in 0..2 {
        for (i, &(to, filter, crop)) in jobs.iter().enumerate() {
            let mut options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(filter));
            if let Some((left, top, width, height)) = crop {
                options = options.crop(left, top, width, height);
            }
            let mut once = Image::new(to.0, to.1, PixelType::U8);
            Resizer::new().resize(&image, &mut once, &options).unwrap();
            let mut again = Image::new(to.0, to.1, PixelType::U8);
            kept.resize(&image, &mut again, &options).unwrap();
            assert!(once.buffer() == again.buffer(), "job {i} of round {round} differs");
        }
    }
}
