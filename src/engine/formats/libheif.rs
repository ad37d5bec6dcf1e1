//! libheif, the system's, loaded when the first HEIC or AVIF file needs it rather than compiled into the
//! program: building libheif's C++ from source took about five minutes of every clean build and needed CMake
//! and three codec `-dev` packages, while every desktop Linux already ships the library (Debian 12: libheif1
//! 1.15, Ubuntu 24.04: 1.17, both with HEVC decoding and AV1 encoding). Without it, HEIC and AVIF files fail
//! with an error that names the package, and everything else works.
//!
//! Only the C functions Shrinkray calls are looked up; their signatures have been stable since libheif 1.12.
//! `SHRINKRAY_LIBHEIF` names another library file to load (a libheif built elsewhere, or a missing one for
//! tests).

use std::ffi::{CStr, c_char, c_int, c_void};
use std::sync::OnceLock;

/// libheif's error value, returned by most of its functions; code 0 is success.
#[repr(C)]
#[derive(Clone, Copy)]
pub(crate) struct HeifError {
    code: c_int,
    subcode: c_int,
    message: *const c_char,
}

impl HeifError {
    /// Success, for callbacks to return.
    pub(crate) const SUCCESS: HeifError = HeifError {
        code: 0,
        subcode: 0,
        message: c"Success".as_ptr(),
    };

    /// What libheif says went wrong, or `Ok` for success.
    pub(crate) fn check(self) -> Result<(), String> {
        if self.code == 0 {
            return Ok(());
        }
        let message = if self.message.is_null() {
            "unknown error".into()
        } else {
            // SAFETY: libheif's messages are static NUL-terminated strings ("is always defined").
            unsafe { CStr::from_ptr(self.message) }.to_string_lossy()
        };
        Err(format!("{message} (libheif error {}.{})", self.code, self.subcode))
    }
}

/// `heif_context`, `heif_image_handle`, `heif_image`, `heif_encoder`: opaque to us.
pub(crate) enum Context {}
pub(crate) enum Handle {}
pub(crate) enum Picture {}
pub(crate) enum Encoder {}

/// `heif_color_profile_nclx`, version 1: the colour given as ITU-T H.273 code points (primaries, transfer,
/// matrix) rather than an ICC profile. libheif allocates it; only read here.
#[repr(C)]
pub(crate) struct Nclx {
    pub version: u8,
    pub color_primaries: u32,
    pub transfer_characteristics: u32,
    pub matrix_coefficients: u32,
    pub full_range_flag: u8,
    /// The primaries' and white point's chromaticities, as libheif decoded them (unused: the codes say it).
    pub chromaticities: [f32; 8],
}

/// `heif_writer`, version 1: one callback that receives the whole file.
#[repr(C)]
pub(crate) struct Writer {
    pub api_version: c_int,
    pub write: unsafe extern "C" fn(*mut Context, *const c_void, usize, *mut c_void) -> HeifError,
}

/// `heif_colorspace_RGB`.
pub(crate) const COLORSPACE_RGB: c_int = 1;
/// `heif_chroma_interleaved_RGB`, `_RGBA`, `_RRGGBB_LE`, `_RRGGBBAA_LE`.
pub(crate) const CHROMA_RGB: c_int = 10;
pub(crate) const CHROMA_RGBA: c_int = 11;
pub(crate) const CHROMA_RRGGBB_LE: c_int = 14;
pub(crate) const CHROMA_RRGGBBAA_LE: c_int = 15;
/// `heif_channel_interleaved`.
pub(crate) const CHANNEL_INTERLEAVED: c_int = 10;
/// `heif_compression_AV1`.
pub(crate) const COMPRESSION_AV1: c_int = 4;
/// `heif_color_profile_type_prof` and `_rICC` (four-character codes): ICC profiles.
pub(crate) const PROFILE_PROF: u32 = u32::from_be_bytes(*b"prof");
pub(crate) const PROFILE_RICC: u32 = u32::from_be_bytes(*b"rICC");
/// `heif_color_profile_type_nclx`: H.273 code points.
pub(crate) const PROFILE_NCLX: u32 = u32::from_be_bytes(*b"nclx");

/// The oldest libheif whose functions below all behave as used (1.12: Ubuntu 22.04).
const OLDEST: u32 = 0x010C_0000;

super::system_library::functions! {
    "libheif";
    heif_get_version_number: fn() -> u32;
    heif_context_alloc: fn() -> *mut Context;
    heif_context_free: fn(*mut Context);
    heif_context_read_from_memory_without_copy: fn(*mut Context, *const c_void, usize, *const c_void) -> HeifError;
    heif_context_set_max_decoding_threads: fn(*mut Context, c_int);
    heif_context_get_primary_image_handle: fn(*mut Context, *mut *mut Handle) -> HeifError;
    heif_image_handle_release: fn(*const Handle);
    heif_image_handle_get_width: fn(*const Handle) -> c_int;
    heif_image_handle_get_height: fn(*const Handle) -> c_int;
    heif_image_handle_has_alpha_channel: fn(*const Handle) -> c_int;
    heif_image_handle_get_luma_bits_per_pixel: fn(*const Handle) -> c_int;
    heif_image_handle_get_color_profile_type: fn(*const Handle) -> u32;
    heif_image_handle_get_raw_color_profile_size: fn(*const Handle) -> usize;
    heif_image_handle_get_raw_color_profile: fn(*const Handle, *mut c_void) -> HeifError;
    heif_image_handle_get_nclx_color_profile: fn(*const Handle, *mut *mut Nclx) -> HeifError;
    heif_nclx_color_profile_free: fn(*mut Nclx);
    heif_image_handle_get_number_of_metadata_blocks: fn(*const Handle, *const c_char) -> c_int;
    heif_image_handle_get_list_of_metadata_block_IDs: fn(*const Handle, *const c_char, *mut u32, c_int) -> c_int;
    heif_image_handle_get_metadata_type: fn(*const Handle, u32) -> *const c_char;
    heif_image_handle_get_metadata_content_type: fn(*const Handle, u32) -> *const c_char;
    heif_image_handle_get_metadata_size: fn(*const Handle, u32) -> usize;
    heif_image_handle_get_metadata: fn(*const Handle, u32, *mut c_void) -> HeifError;
    heif_decode_image: fn(*const Handle, *mut *mut Picture, c_int, c_int, *const c_void) -> HeifError;
    heif_image_create: fn(c_int, c_int, c_int, c_int, *mut *mut Picture) -> HeifError;
    heif_image_release: fn(*const Picture);
    heif_image_add_plane: fn(*mut Picture, c_int, c_int, c_int, c_int) -> HeifError;
    heif_image_get_plane_readonly: fn(*const Picture, c_int, *mut c_int) -> *const u8;
    heif_image_get_plane: fn(*mut Picture, c_int, *mut c_int) -> *mut u8;
    heif_image_get_width: fn(*const Picture, c_int) -> c_int;
    heif_image_get_height: fn(*const Picture, c_int) -> c_int;
    heif_image_get_bits_per_pixel_range: fn(*const Picture, c_int) -> c_int;
    heif_image_set_raw_color_profile: fn(*mut Picture, *const c_char, *const c_void, usize) -> HeifError;
    heif_context_get_encoder_for_format: fn(*mut Context, c_int, *mut *mut Encoder) -> HeifError;
    heif_encoder_release: fn(*mut Encoder);
    heif_encoder_set_lossy_quality: fn(*mut Encoder, c_int) -> HeifError;
    heif_encoder_set_parameter_integer: fn(*mut Encoder, *const c_char, c_int) -> HeifError;
    heif_context_encode_image: fn(*mut Context, *const Picture, *mut Encoder, *const c_void, *mut *mut Handle) -> HeifError;
    heif_context_add_exif_metadata: fn(*mut Context, *const Handle, *const c_void, c_int) -> HeifError;
    heif_context_add_XMP_metadata: fn(*mut Context, *const Handle, *const c_void, c_int) -> HeifError;
    heif_context_write: fn(*mut Context, *mut Writer, *mut c_void) -> HeifError;
}

/// The file names libheif has on each platform, tried in order.
const NAMES: &[&str] = if cfg!(windows) {
    &["libheif.dll", "heif.dll"]
} else if cfg!(target_os = "macos") {
    &[
        "libheif.1.dylib",
        "/opt/homebrew/lib/libheif.1.dylib",
        "/usr/local/lib/libheif.1.dylib",
    ]
} else {
    &["libheif.so.1"]
};

/// What to install when libheif is missing, for error messages.
pub(crate) const PACKAGE: &str = if cfg!(windows) {
    "libheif.dll (from vcpkg or MSYS2) beside shrinkray.exe"
} else if cfg!(target_os = "macos") {
    "libheif (brew install libheif)"
} else {
    "the package libheif1 (libheif on Fedora and Arch)"
};

/// libheif, loaded on first use; the error says why it could not be, once for the whole process.
pub(crate) fn api() -> Result<&'static Api, String> {
    static API: OnceLock<Result<Api, String>> = OnceLock::new();
    API.get_or_init(load).as_ref().map_err(Clone::clone)
}

fn load() -> Result<Api, String> {
    // SAFETY: a library under libheif's name is libheif; its initialisers only set up its codec tables.
    let (library, name) = unsafe { super::system_library::open_first("SHRINKRAY_LIBHEIF", NAMES) }
        .map_err(|tried| format!("libheif is not installed: install {PACKAGE} ({tried})"))?;
    // libheif 1.13 and newer may keep their codecs in plugins, which only `heif_init` loads.
    // SAFETY: `heif_init(const heif_init_params*)`, documented to take NULL.
    let init = unsafe { library.get::<unsafe extern "C" fn(*const c_void) -> HeifError>(b"heif_init\0") }
        .ok()
        .map(|f| *f);
    // SAFETY: a library under libheif's name is libheif.
    let api = unsafe { Api::new(library) }.map_err(|e| format!("{} is not a usable libheif: {e}", name.display()))?;
    // SAFETY: takes no arguments, returns a number.
    let version = unsafe { (api.heif_get_version_number)() };
    if version < OLDEST {
        return Err(format!(
            "libheif {} is too old (1.12 or newer is needed)",
            version_text(version)
        ));
    }
    if let Some(init) = init {
        // SAFETY: see above; called once, as the documentation asks.
        unsafe { init(std::ptr::null()) }.check()?;
    }
    Ok(api)
}

/// libheif's version number (0xHHMMLL00) as "H.M.L".
fn version_text(v: u32) -> String {
    format!("{}.{}.{}", v >> 24, (v >> 16) & 0xFF, (v >> 8) & 0xFF)
}
