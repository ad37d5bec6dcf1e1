//! libjxl, the system's, loaded when the first JPEG XL copy is written rather than compiled into the program
//! (as libheif is: building its C++ from source would add minutes and CMake to every clean build, while
//! Debian 12 and Ubuntu 24.04 ship `libjxl0.7`). Reading JPEG XL needs none of this: jxl-oxide does it in
//! Rust. Without libjxl, JPEG XL copies fail with an error that names the package, and everything else works.
//!
//! Only the C functions Shrinkray calls are looked up; all exist with these signatures since libjxl 0.7.
//! `SHRINKRAY_LIBJXL` names another library file to load (one built elsewhere, or a missing one for tests).

use std::ffi::{c_int, c_void};
use std::sync::OnceLock;

/// `JxlEncoder` and `JxlEncoderFrameSettings`: opaque to us.
pub(crate) enum RawEncoder {}
pub(crate) enum FrameSettings {}

/// `JxlBasicInfo` (codestream_header.h): the image's global header. Filled by `JxlEncoderInitBasicInfo`
/// first, so fields added in the padding by later versions keep their defaults.
#[repr(C)]
pub(crate) struct BasicInfo {
    pub have_container: c_int,
    pub xsize: u32,
    pub ysize: u32,
    pub bits_per_sample: u32,
    pub exponent_bits_per_sample: u32,
    pub intensity_target: f32,
    pub min_nits: f32,
    pub relative_to_max_display: c_int,
    pub linear_below: f32,
    pub uses_original_profile: c_int,
    pub have_preview: c_int,
    pub have_animation: c_int,
    pub orientation: c_int,
    pub num_color_channels: u32,
    pub num_extra_channels: u32,
    pub alpha_bits: u32,
    pub alpha_exponent_bits: u32,
    pub alpha_premultiplied: c_int,
    pub preview: [u32; 2],
    pub animation: [u32; 4],
    pub intrinsic_xsize: u32,
    pub intrinsic_ysize: u32,
    pub padding: [u8; 100],
}

/// `JxlColorEncoding` (color_encoding.h), only ever filled by `JxlColorEncodingSetToSRGB`.
#[repr(C)]
pub(crate) struct ColorEncoding {
    color_space: c_int,
    white_point: c_int,
    white_point_xy: [f64; 2],
    primaries: c_int,
    primaries_xy: [f64; 6],
    transfer_function: c_int,
    gamma: f64,
    rendering_intent: c_int,
}

/// `JxlPixelFormat` (types.h): how the samples handed over are laid out.
#[repr(C)]
pub(crate) struct PixelFormat {
    pub num_channels: u32,
    pub data_type: c_int,
    pub endianness: c_int,
    pub align: usize,
}

/// `JXL_TYPE_UINT8`, `JXL_TYPE_UINT16`; `JXL_NATIVE_ENDIAN`.
pub(crate) const TYPE_UINT8: c_int = 2;
pub(crate) const TYPE_UINT16: c_int = 3;
pub(crate) const NATIVE_ENDIAN: c_int = 0;
/// `JXL_ENC_SUCCESS`, `JXL_ENC_NEED_MORE_OUTPUT`.
pub(crate) const SUCCESS: c_int = 0;
pub(crate) const NEED_MORE_OUTPUT: c_int = 2;
/// `JXL_ENC_FRAME_SETTING_EFFORT`.
pub(crate) const SETTING_EFFORT: c_int = 0;

/// The oldest libjxl whose functions below all behave as used (0.7: Debian 12, Ubuntu 24.04), as
/// `JxlEncoderVersion` counts (major × 1,000,000 + minor × 1,000 + patch).
const OLDEST: u32 = 7_000;

super::system_library::functions! {
    "libjxl";
    JxlEncoderVersion: fn() -> u32;
    JxlEncoderCreate: fn(*const c_void) -> *mut RawEncoder;
    JxlEncoderDestroy: fn(*mut RawEncoder);
    JxlEncoderGetError: fn(*mut RawEncoder) -> c_int;
    JxlEncoderInitBasicInfo: fn(*mut BasicInfo);
    JxlEncoderSetBasicInfo: fn(*mut RawEncoder, *const BasicInfo) -> c_int;
    JxlColorEncodingSetToSRGB: fn(*mut ColorEncoding, c_int);
    JxlEncoderSetColorEncoding: fn(*mut RawEncoder, *const ColorEncoding) -> c_int;
    JxlEncoderSetICCProfile: fn(*mut RawEncoder, *const u8, usize) -> c_int;
    JxlEncoderUseContainer: fn(*mut RawEncoder, c_int) -> c_int;
    JxlEncoderUseBoxes: fn(*mut RawEncoder) -> c_int;
    JxlEncoderAddBox: fn(*mut RawEncoder, *const u8, *const u8, usize, c_int) -> c_int;
    JxlEncoderCloseBoxes: fn(*mut RawEncoder);
    JxlEncoderStoreJPEGMetadata: fn(*mut RawEncoder, c_int) -> c_int;
    JxlEncoderFrameSettingsCreate: fn(*mut RawEncoder, *const FrameSettings) -> *mut FrameSettings;
    JxlEncoderFrameSettingsSetOption: fn(*mut FrameSettings, c_int, i64) -> c_int;
    JxlEncoderSetFrameLossless: fn(*mut FrameSettings, c_int) -> c_int;
    JxlEncoderSetFrameDistance: fn(*mut FrameSettings, f32) -> c_int;
    JxlEncoderAddImageFrame: fn(*const FrameSettings, *const PixelFormat, *const c_void, usize) -> c_int;
    JxlEncoderAddJPEGFrame: fn(*const FrameSettings, *const u8, usize) -> c_int;
    JxlEncoderCloseInput: fn(*mut RawEncoder);
    JxlEncoderProcessOutput: fn(*mut RawEncoder, *mut *mut u8, *mut usize) -> c_int;
}

impl ColorEncoding {
    /// sRGB (grey with sRGB's transfer when `grey`), as libjxl fills it in.
    pub(crate) fn srgb(api: &Api, grey: bool) -> ColorEncoding {
        let mut encoding = ColorEncoding {
            color_space: 0,
            white_point: 0,
            white_point_xy: [0.0; 2],
            primaries: 0,
            primaries_xy: [0.0; 6],
            transfer_function: 0,
            gamma: 0.0,
            rendering_intent: 0,
        };
        // SAFETY: fills the struct it is given, which has the C layout.
        unsafe { (api.JxlColorEncodingSetToSRGB)(&mut encoding, c_int::from(grey)) };
        encoding
    }
}

/// The file names libjxl has on each platform, tried in order (newest first).
const NAMES: &[&str] = if cfg!(windows) {
    &["jxl.dll", "libjxl.dll"]
} else if cfg!(target_os = "macos") {
    &[
        "libjxl.dylib",
        "/opt/homebrew/lib/libjxl.dylib",
        "/usr/local/lib/libjxl.dylib",
    ]
} else {
    &[
        "libjxl.so.0.11",
        "libjxl.so.0.10",
        "libjxl.so.0.9",
        "libjxl.so.0.8",
        "libjxl.so.0.7",
    ]
};

/// What to install when libjxl is missing, for error messages.
pub(crate) const PACKAGE: &str = if cfg!(windows) {
    "jxl.dll (from vcpkg or MSYS2) beside shrinkray.exe"
} else if cfg!(target_os = "macos") {
    "libjxl (brew install jpeg-xl)"
} else {
    "the package libjxl0.7 (libjxl0.11 on newer Debian, libjxl on Fedora and Arch)"
};

/// libjxl, loaded on first use; the error says why it could not be, once for the whole process.
pub(crate) fn api() -> Result<&'static Api, String> {
    static API: OnceLock<Result<Api, String>> = OnceLock::new();
    API.get_or_init(load).as_ref().map_err(Clone::clone)
}

fn load() -> Result<Api, String> {
    // SAFETY: a library under libjxl's name is libjxl; its initialisers only set up tables.
    let (library, name) = unsafe { super::system_library::open_first("SHRINKRAY_LIBJXL", NAMES) }
        .map_err(|tried| format!("libjxl is not installed: install {PACKAGE} ({tried})"))?;
    // SAFETY: a library under libjxl's name is libjxl.
    let api = unsafe { Api::new(library) }.map_err(|e| format!("{} is not a usable libjxl: {e}", name.display()))?;
    // SAFETY: takes no arguments, returns a number.
    let version = unsafe { (api.JxlEncoderVersion)() };
    if version < OLDEST {
        return Err(format!(
            "libjxl {}.{}.{} is too old (0.7 or newer is needed)",
            version / 1_000_000,
            version / 1_000 % 1_000,
            version % 1_000
        ));
    }
    Ok(api)
}

/// What `JxlEncoderGetError`'s code means, for a user.
pub(crate) fn error_text(code: c_int) -> &'static str {
    match code {
        2 => "it ran out of memory",
        3 => "the JPEG cannot be stored for reconstruction",
        4 => "the input is not valid",
        0x80 => "the input needs a feature this libjxl does not have",
        0x81 => "it was called in a wrong order",
        _ => "it failed",
    }
}
