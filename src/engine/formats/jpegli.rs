//! JPEG encoding through jpegli (libjxl's libjpeg-compatible encoder, BSD-3): adaptive quantisation and its own
//! quantisation tables give fewer bytes than libjpeg-turbo at the same look (measured in `benches/quality.sh`).
//! Its files are ordinary JPEGs that every decoder reads; decoding stays with libjpeg-turbo. jpegli exports
//! `jpegli_*` names only, so both libraries link into one binary.
//!
//! Each call builds and destroys its own encoder: nothing is kept between images. jpegli reports an error by
//! calling the error manager's `error_exit`, which must not return; ours unwinds (jpegli is built with unwind
//! tables and declared `C-unwind`) back to `encode`, which turns it into an error and destroys the encoder.

use std::ffi::CStr;
use std::os::raw::{c_int, c_uchar, c_ulong};
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::ptr;

use jpegli_sys as j;

use crate::engine::jpeg_options::Subsampling;

// Part of jpegli's own API, which the bindings leave out (libjxl's lib/jpegli/encode.h).
unsafe extern "C-unwind" {
    fn jpegli_set_progressive_level(cinfo: *mut j::jpegli_compress_struct, level: c_int);
}

/// The picture handed to [`encode`]: 8-bit grey (one byte a pixel) or RGB (three), rows packed.
pub(crate) struct Pixels<'a> {
    /// The samples, `width × channels` bytes a row.
    pub data: &'a [u8],
    /// Pixels across.
    pub width: u32,
    /// Rows.
    pub height: u32,
    /// Whether the picture is grey (else RGB).
    pub grey: bool,
}

/// What jpegli's `error_exit` unwinds with: its message.
struct Failure(String);

/// Encodes `pixels` at libjpeg's `quality` scale (jpegli maps it to a target distance), with optimised Huffman
/// tables, the chroma subsampling asked for (4:4:4 for `Auto`: the caller settles it) and progressive scans
/// when asked.
pub(crate) fn encode(
    pixels: &Pixels<'_>,
    quality: u8,
    subsampling: Subsampling,
    progressive: bool,
) -> Result<Vec<u8>, String> {
    let channels: usize = if pixels.grey { 1 } else { 3 };
    let row = pixels.width as usize * channels;
    if pixels.width == 0 || pixels.height == 0 || pixels.width > 65_500 || pixels.height > 65_500 {
        return Err(format!(
            "jpegli cannot encode {}×{} pixels",
            pixels.width, pixels.height
        ));
    }
    if pixels.data.len() != row * pixels.height as usize {
        return Err("internal: the pixels do not fill the picture".to_owned());
    }
    // The encoder lives inside: an error unwinding out of jpegli drops it on the way, which destroys it.
    let run = catch_unwind(AssertUnwindSafe(|| {
        let mut encoder = Encoder::new();
        // SAFETY: `encoder` was created by `Encoder::new`, its error manager unwinds instead of returning, and
        // every row pointer points into `pixels.data`, which outlives the call.
        unsafe { encoder.compress(pixels, quality, subsampling, progressive, row) };
        encoder.output().to_vec()
    }));
    match run {
        Ok(bytes) => Ok(bytes),
        Err(payload) => match payload.downcast::<Failure>() {
            Ok(failure) => Err(format!("jpegli: {}", failure.0)),
            Err(other) => resume_unwind(other),
        },
    }
}

/// One jpegli compressor with its error manager and in-memory destination; boxed, because jpegli keeps
/// pointers to each of them.
struct Encoder {
    cinfo: Box<j::jpegli_compress_struct>,
    err: Box<j::jpegli_error_mgr>,
    out: Box<*mut c_uchar>,
    size: Box<c_ulong>,
}

impl Encoder {
    fn new() -> Self {
        // SAFETY: both are plain C structs for which all-zero is the state libjpeg expects before creation.
        let mut encoder = unsafe {
            Encoder {
                cinfo: Box::new(std::mem::zeroed()),
                err: Box::new(std::mem::zeroed()),
                out: Box::new(ptr::null_mut()),
                size: Box::new(0),
            }
        };
        // SAFETY: `err` is boxed, so the pointer jpegli keeps stays valid as long as `cinfo`.
        unsafe {
            j::jpegli_std_error(&mut encoder.err);
            encoder.err.error_exit = Some(error_exit);
            encoder.err.emit_message = Some(ignore_message);
            encoder.cinfo.common.err = &mut *encoder.err;
            j::jpegli_create_compress(&mut encoder.cinfo);
        }
        encoder
    }

    unsafe fn compress(
        &mut self,
        pixels: &Pixels<'_>,
        quality: u8,
        subsampling: Subsampling,
        progressive: bool,
        row: usize,
    ) {
        unsafe {
            let cinfo = &mut *self.cinfo;
            j::jpegli_mem_dest(cinfo, &mut *self.out, &mut *self.size);
            cinfo.image_width = pixels.width;
            cinfo.image_height = pixels.height;
            cinfo.input_components = if pixels.grey { 1 } else { 3 };
            cinfo.in_color_space = if pixels.grey {
                j::J_COLOR_SPACE::JCS_GRAYSCALE
            } else {
                j::J_COLOR_SPACE::JCS_RGB
            };
            j::jpegli_set_defaults(cinfo);
            // Baseline tables (no quantiser above 255), so every decoder reads the file.
            j::jpegli_set_quality(cinfo, c_int::from(quality.clamp(1, 100)), 1);
            if !pixels.grey {
                let (h, v) = match subsampling {
                    Subsampling::S420 => (2, 2),
                    Subsampling::S422 => (2, 1),
                    Subsampling::Auto | Subsampling::S444 => (1, 1),
                };
                let luma = &mut *cinfo.comp_info;
                luma.h_samp_factor = h;
                luma.v_samp_factor = v;
            }
            cinfo.optimize_coding = 1;
            jpegli_set_progressive_level(cinfo, if progressive { 2 } else { 0 });
            j::jpegli_start_compress(cinfo, 1);
            let rows: Vec<j::JSAMPROW> = pixels.data.chunks_exact(row).map(<[u8]>::as_ptr).collect();
            let mut next = 0;
            while next < rows.len() {
                let left = (rows.len() - next) as j::JDIMENSION;
                let written = j::jpegli_write_scanlines(cinfo, rows[next..].as_ptr(), left);
                if written == 0 {
                    resume_unwind(Box::new(Failure("the encoder took no rows".to_owned())));
                }
                next += written as usize;
            }
            j::jpegli_finish_compress(cinfo);
        }
    }

    fn output(&self) -> &[u8] {
        if self.out.is_null() {
            return &[];
        }
        // SAFETY: jpegli's memory destination left `size` bytes at `out`, which stays allocated until drop.
        unsafe { std::slice::from_raw_parts(*self.out, *self.size as usize) }
    }
}

impl Drop for Encoder {
    fn drop(&mut self) {
        // SAFETY: destroying is valid in any state, after an error too (libjpeg's rule); the output buffer is
        // jpegli's `malloc`, ours to free.
        unsafe {
            j::jpegli_destroy_compress(&mut self.cinfo);
            if !self.out.is_null() {
                libc::free((*self.out).cast());
            }
        }
    }
}

unsafe extern "C-unwind" fn error_exit(cinfo: &mut j::jpegli_common_struct) {
    // SAFETY: `err` is the manager `Encoder::new` installed; jpegli wrote its message, NUL-terminated, there.
    let message = unsafe {
        let text = &(*cinfo.err).msg_parm.s;
        let bytes = std::slice::from_raw_parts(text.as_ptr().cast::<u8>(), text.len());
        CStr::from_bytes_until_nul(bytes).map_or_else(|_| "unknown error".to_owned(), |s| s.to_string_lossy().into())
    };
    resume_unwind(Box::new(Failure(message)));
}

/// Warnings are not errors, and a batch has no console to print them on.
unsafe extern "C-unwind" fn ignore_message(_: &mut j::jpegli_common_struct, _: c_int) {}

#[cfg(test)]
mod tests {
    use super::*;

    fn gradient(width: u32, height: u32) -> Vec<u8> {
        (0..height)
            .flat_map(|y| (0..width).flat_map(move |x| [(x * 255 / width) as u8, (y * 255 / height) as u8, 90]))
            .collect()
    }

    #[test]
    fn encodes_a_picture_every_decoder_reads_back() {
        let data = gradient(64, 48);
        let pixels = Pixels {
            data: &data,
            width: 64,
            height: 48,
            grey: false,
        };
        for (subsampling, progressive) in [(Subsampling::S420, false), (Subsampling::S444, true)] {
            let jpeg = encode(&pixels, 85, subsampling, progressive).expect("encodes");
            let back = image::load_from_memory(&jpeg).expect("decodes").to_rgb8();
            assert_eq!(back.dimensions(), (64, 48));
            let diff = back
                .as_raw()
                .iter()
                .zip(&data)
                .map(|(a, b)| a.abs_diff(*b) as u32)
                .max()
                .unwrap();
            assert!(diff < 24, "largest error {diff}");
        }
    }

    #[test]
    fn an_error_inside_jpegli_is_an_error_and_the_next_picture_encodes() {
        let data = gradient(16, 16);
        let pixels = Pixels {
            data: &data,
            width: 16,
            height: 16,
            grey: false,
        };
        // Quality is clamped, so force an error jpegli itself raises: an impossible sampling factor.
        let mut encoder = Encoder::new();
        let failed = catch_unwind(AssertUnwindSafe(|| unsafe {
            let cinfo = &mut *encoder.cinfo;
            j::jpegli_mem_dest(cinfo, &mut *encoder.out, &mut *encoder.size);
            cinfo.image_width = 16;
            cinfo.image_height = 16;
            cinfo.input_components = 3;
            cinfo.in_color_space = j::J_COLOR_SPACE::JCS_RGB;
            j::jpegli_set_defaults(cinfo);
            (*cinfo.comp_info).h_samp_factor = 9;
            j::jpegli_start_compress(cinfo, 1);
        }));
        let message = failed
            .expect_err("jpegli refuses")
            .downcast::<Failure>()
            .expect("our failure")
            .0;
        assert!(!message.is_empty());
        drop(encoder);
        assert!(encode(&pixels, 85, Subsampling::S420, false).is_ok());
    }
}
