//! HEIC and AVIF through the system's libheif (loaded at run time, see `libheif`): decoding phone photos
//! (HEVC) and AVIF, and encoding AVIF. libheif applies the container's rotation and mirroring while decoding,
//! so pictures come out upright; the EXIF orientation inside a HEIF file only repeats that and is reset with
//! the rest of the metadata.
//!
//! Every libheif object lives in a small owner that releases it on drop, so an error anywhere frees what was
//! made; nothing outlives the call that made it, so no state passes from one image to the next.

use std::ffi::{CStr, c_int, c_void};
use std::ptr;

use image::{DynamicImage, RgbImage, RgbaImage};

use crate::engine::formats::libheif::{self as ffi, Api, HeifError};
use crate::engine::metadata::Metadata;
use crate::engine::metadata::Tags;
use crate::engine::metadata::cicp;

/// The size and alpha of a HEIF file's primary picture, upright, without decoding it.
pub(crate) fn header(data: &[u8]) -> Result<(u32, u32, bool), String> {
    let ctx = Context::reading(data)?;
    let handle = ctx.primary()?;
    Ok((handle.width()?, handle.height()?, handle.has_alpha()))
}

/// A decoded HEIF picture: upright RGB or RGBA (16-bit when the file has more than 8 bits), its colour profile
/// and its metadata.
pub(crate) struct Picture {
    pub img: DynamicImage,
    pub icc: Option<Vec<u8>>,
    pub metadata: Metadata,
}

/// Decodes a HEIF file's primary picture. The caller has checked its size against the pixel limit and the
/// memory budget with [`header`].
pub(crate) fn decode(data: &[u8]) -> Result<Picture, String> {
    let ctx = Context::reading(data)?;
    let handle = ctx.primary()?;
    let api = ctx.api;
    let alpha = handle.has_alpha();
    // 10- and 12-bit pictures (AVIF, some HEIC) keep their precision as 16-bit samples.
    // SAFETY: a valid handle.
    let deep = unsafe { (api.heif_image_handle_get_luma_bits_per_pixel)(handle.ptr) } > 8;
    let chroma = match (deep, alpha) {
        (false, false) => ffi::CHROMA_RGB,
        (false, true) => ffi::CHROMA_RGBA,
        (true, false) => ffi::CHROMA_RRGGBB_LE,
        (true, true) => ffi::CHROMA_RRGGBBAA_LE,
    };
    let mut raw = ptr::null_mut();
    // SAFETY: a valid handle; NULL options are libheif's defaults (transformations applied).
    unsafe { (api.heif_decode_image)(handle.ptr, &mut raw, ffi::COLORSPACE_RGB, chroma, ptr::null()) }.check()?;
    let decoded = Image { api, ptr: raw };
    let channel = ffi::CHANNEL_INTERLEAVED;
    let mut stride: c_int = 0;
    // SAFETY: a decoded image; the plane stays valid while `decoded` lives.
    let plane = unsafe { (api.heif_image_get_plane_readonly)(decoded.ptr, channel, &mut stride) };
    // SAFETY: as above.
    let (w, h, bits) = unsafe {
        (
            (api.heif_image_get_width)(decoded.ptr, channel),
            (api.heif_image_get_height)(decoded.ptr, channel),
            (api.heif_image_get_bits_per_pixel_range)(decoded.ptr, channel),
        )
    };
    let (Ok(w), Ok(h), Ok(stride)) = (u32::try_from(w), u32::try_from(h), usize::try_from(stride)) else {
        return Err("the decoder gave no pixels".to_owned());
    };
    if plane.is_null() {
        return Err("the decoder gave no pixels".to_owned());
    }
    let channels = if alpha { 4 } else { 3 };
    let sample_bytes = if deep { 2 } else { 1 };
    let row = w as usize * channels * sample_bytes;
    if stride < row {
        return Err("the decoder gave short rows".to_owned());
    }
    let mut bytes = Vec::with_capacity(row * h as usize);
    for y in 0..h as usize {
        // SAFETY: libheif's plane holds `h` rows of `stride` bytes, each with at least `row` bytes of pixels.
        bytes.extend_from_slice(unsafe { std::slice::from_raw_parts(plane.add(y * stride), row) });
    }
    drop(decoded);
    let img = if deep {
        // Stretch N-bit samples to 16 bits, repeating the top bits in the bottom ones so white stays white.
        let bits = bits.clamp(9, 16) as u32;
        let samples: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|b| {
                let v = u32::from(u16::from_le_bytes([b[0], b[1]]));
                ((v << (16 - bits)) | (v >> (2 * bits).saturating_sub(16))) as u16
            })
            .collect();
        if alpha {
            image::ImageBuffer::from_raw(w, h, samples).map(DynamicImage::ImageRgba16)
        } else {
            image::ImageBuffer::from_raw(w, h, samples).map(DynamicImage::ImageRgb16)
        }
    } else if alpha {
        RgbaImage::from_raw(w, h, bytes).map(DynamicImage::ImageRgba8)
    } else {
        RgbImage::from_raw(w, h, bytes).map(DynamicImage::ImageRgb8)
    }
    .ok_or("the decoder gave fewer pixels than it promised")?;
    Ok(Picture {
        img,
        icc: handle.icc_profile(),
        metadata: handle.metadata(),
    })
}

/// Encodes `img` as AVIF at `quality` (0–100) and libaom `speed` (0 slowest … 9 fastest), with the profile
/// and metadata of `tags`. 16-bit and grey pictures are written as 8-bit colour.
pub(crate) fn encode_avif(img: &DynamicImage, quality: u8, speed: u8, tags: &Tags) -> Result<Vec<u8>, String> {
    let api = ffi::api()?;
    let alpha = img.color().has_alpha();
    let rgb: DynamicImage = if alpha {
        DynamicImage::ImageRgba8(img.to_rgba8())
    } else {
        DynamicImage::ImageRgb8(img.to_rgb8())
    };
    let (Ok(w), Ok(h)) = (c_int::try_from(rgb.width()), c_int::try_from(rgb.height())) else {
        return Err("the picture is too large for AVIF".to_owned());
    };
    let chroma = if alpha { ffi::CHROMA_RGBA } else { ffi::CHROMA_RGB };
    let mut raw = ptr::null_mut();
    // SAFETY: plain values in, an image out.
    unsafe { (api.heif_image_create)(w, h, ffi::COLORSPACE_RGB, chroma, &mut raw) }.check()?;
    let image = Image { api, ptr: raw };
    let channel = ffi::CHANNEL_INTERLEAVED;
    // SAFETY: a valid image; one interleaved 8-bit plane of its size.
    unsafe { (api.heif_image_add_plane)(image.ptr, channel, w, h, 8) }.check()?;
    let mut stride: c_int = 0;
    // SAFETY: the plane just added.
    let plane = unsafe { (api.heif_image_get_plane)(image.ptr, channel, &mut stride) };
    let row = rgb.width() as usize * if alpha { 4 } else { 3 };
    let stride = usize::try_from(stride).unwrap_or(0);
    if plane.is_null() || stride < row {
        return Err("libheif gave no plane to fill".to_owned());
    }
    for (y, src) in rgb.as_bytes().chunks(row).enumerate() {
        // SAFETY: the plane holds `h` rows of `stride` (≥ `row`) bytes; `src` is one row.
        unsafe { ptr::copy_nonoverlapping(src.as_ptr(), plane.add(y * stride), row) };
    }
    if let Some(icc) = &tags.icc {
        // SAFETY: a valid image, a NUL-terminated type and the profile's bytes (copied by libheif).
        unsafe { (api.heif_image_set_raw_color_profile)(image.ptr, c"prof".as_ptr(), icc.as_ptr().cast(), icc.len()) }
            .check()?;
    }
    let ctx = Context::new(api)?;
    let mut encoder = ptr::null_mut();
    // SAFETY: a valid context.
    unsafe { (api.heif_context_get_encoder_for_format)(ctx.ptr, ffi::COMPRESSION_AV1, &mut encoder) }
        .check()
        .map_err(|e| format!("no AVIF encoder in libheif: {e}"))?;
    let encoder = EncoderOwner { api, ptr: encoder };
    // SAFETY: a valid encoder; parameter names are NUL-terminated.
    unsafe {
        (api.heif_encoder_set_lossy_quality)(encoder.ptr, c_int::from(quality.min(100))).check()?;
        (api.heif_encoder_set_parameter_integer)(encoder.ptr, c"speed".as_ptr(), c_int::from(speed.min(9))).check()?;
        // One thread per image: the job's pool already runs one image per core. Not every encoder has it.
        let _ = (api.heif_encoder_set_parameter_integer)(encoder.ptr, c"threads".as_ptr(), 1);
    }
    let mut handle = ptr::null_mut();
    // SAFETY: valid context, image and encoder; NULL options are libheif's defaults.
    unsafe { (api.heif_context_encode_image)(ctx.ptr, image.ptr, encoder.ptr, ptr::null(), &mut handle) }.check()?;
    let handle = HandleOwner { api, ptr: handle };
    for (block, add) in [
        (&tags.metadata.exif, api.heif_context_add_exif_metadata),
        (&tags.metadata.xmp, api.heif_context_add_XMP_metadata),
    ] {
        if let Some(block) = block {
            let len = c_int::try_from(block.len()).map_err(|_| "metadata too large for AVIF")?;
            // SAFETY: valid context and handle; libheif copies the bytes.
            unsafe { add(ctx.ptr, handle.ptr, block.as_ptr().cast(), len) }.check()?;
        }
    }
    let mut out: Vec<u8> = Vec::new();
    let mut writer = ffi::Writer {
        api_version: 1,
        write: append,
    };
    // SAFETY: a valid context; `append` receives `out` back as its user data.
    unsafe { (api.heif_context_write)(ctx.ptr, &mut writer, (&raw mut out).cast()) }.check()?;
    Ok(out)
}

/// libheif's writer callback: appends the file to the `Vec<u8>` passed as user data.
unsafe extern "C" fn append(_: *mut ffi::Context, data: *const c_void, size: usize, out: *mut c_void) -> HeifError {
    // SAFETY: `encode_avif` passes its `Vec<u8>` as `out`; libheif passes `size` readable bytes.
    unsafe {
        let out = &mut *out.cast::<Vec<u8>>();
        if size > 0 {
            out.extend_from_slice(std::slice::from_raw_parts(data.cast::<u8>(), size));
        }
    }
    HeifError::SUCCESS
}

/// A `heif_context`, freed on drop; when reading, it borrows the file's bytes.
struct Context<'a> {
    api: &'static Api,
    ptr: *mut ffi::Context,
    _data: std::marker::PhantomData<&'a [u8]>,
}

impl<'a> Context<'a> {
    fn new(api: &'static Api) -> Result<Self, String> {
        // SAFETY: allocates a context.
        let ptr = unsafe { (api.heif_context_alloc)() };
        if ptr.is_null() {
            return Err("libheif could not allocate a context".to_owned());
        }
        Ok(Context {
            api,
            ptr,
            _data: std::marker::PhantomData,
        })
    }

    /// A context reading `data` (not copied: it must outlive the context). Our pixel limit is checked against
    /// the header before any decoding, by the callers; libheif's own default limits guard its parsing.
    fn reading(data: &'a [u8]) -> Result<Context<'a>, String> {
        let ctx = Context::new(ffi::api()?)?;
        let api = ctx.api;
        // SAFETY: a valid context. The job's pool already keeps every core busy with one image each.
        unsafe { (api.heif_context_set_max_decoding_threads)(ctx.ptr, 1) };
        // SAFETY: `data` outlives the context (its lifetime is the context's).
        unsafe {
            (api.heif_context_read_from_memory_without_copy)(ctx.ptr, data.as_ptr().cast(), data.len(), ptr::null())
        }
        .check()?;
        Ok(ctx)
    }

    fn primary(&self) -> Result<HandleOwner, String> {
        let mut ptr = ptr::null_mut();
        // SAFETY: a valid context.
        unsafe { (self.api.heif_context_get_primary_image_handle)(self.ptr, &mut ptr) }.check()?;
        Ok(HandleOwner { api: self.api, ptr })
    }
}

impl Drop for Context<'_> {
    fn drop(&mut self) {
        // SAFETY: allocated by `heif_context_alloc`, freed once.
        unsafe { (self.api.heif_context_free)(self.ptr) };
    }
}

/// A `heif_image_handle`, released on drop.
struct HandleOwner {
    api: &'static Api,
    ptr: *mut ffi::Handle,
}

impl HandleOwner {
    fn width(&self) -> Result<u32, String> {
        // SAFETY: a valid handle.
        u32::try_from(unsafe { (self.api.heif_image_handle_get_width)(self.ptr) }).map_err(|_| "no width".to_owned())
    }

    fn height(&self) -> Result<u32, String> {
        // SAFETY: a valid handle.
        u32::try_from(unsafe { (self.api.heif_image_handle_get_height)(self.ptr) }).map_err(|_| "no height".to_owned())
    }

    fn has_alpha(&self) -> bool {
        // SAFETY: a valid handle.
        unsafe { (self.api.heif_image_handle_has_alpha_channel)(self.ptr) != 0 }
    }

    /// The ICC profile: the file's own, or, when its colour is given by NCLX code points alone (as Android
    /// phones and most AVIF encoders do), an equivalent one (Display P3 for P3 primaries), so that a copy keeps
    /// its gamut. `None` for sRGB and for what a profile cannot say (see `cicp::icc_for_cicp`). A profile
    /// that cannot be read is no reason to lose the picture: it counts as none.
    fn icc_profile(&self) -> Option<Vec<u8>> {
        let api = self.api;
        // SAFETY: a valid handle.
        let kind = unsafe { (api.heif_image_handle_get_color_profile_type)(self.ptr) };
        if kind == ffi::PROFILE_NCLX {
            return self.nclx_profile();
        }
        if kind != ffi::PROFILE_PROF && kind != ffi::PROFILE_RICC {
            return None;
        }
        // SAFETY: a valid handle; the buffer has the size libheif reports.
        let mut icc = vec![0u8; unsafe { (api.heif_image_handle_get_raw_color_profile_size)(self.ptr) }];
        let read = unsafe { (api.heif_image_handle_get_raw_color_profile)(self.ptr, icc.as_mut_ptr().cast()) };
        read.check().ok().map(|()| icc)
    }

    /// An ICC profile for the handle's NCLX code points.
    fn nclx_profile(&self) -> Option<Vec<u8>> {
        let api = self.api;
        let mut nclx: *mut ffi::Nclx = ptr::null_mut();
        // SAFETY: a valid handle; libheif allocates the struct, freed below.
        unsafe { (api.heif_image_handle_get_nclx_color_profile)(self.ptr, &mut nclx) }
            .check()
            .ok()?;
        if nclx.is_null() {
            return None;
        }
        // SAFETY: libheif filled a version-1 struct at least; read before it is freed.
        let codes = unsafe {
            let n = &*nclx;
            (
                n.color_primaries,
                n.transfer_characteristics,
                n.matrix_coefficients,
                n.full_range_flag != 0,
            )
        };
        // SAFETY: the struct libheif gave, freed once.
        unsafe { (api.heif_nclx_color_profile_free)(nclx) };
        let code = |v: u32| u8::try_from(v).ok();
        cicp::icc_for_cicp(code(codes.0)?, code(codes.1)?, code(codes.2)?, codes.3)
    }

    /// EXIF (from its TIFF header on) and XMP; a block that cannot be read is left out.
    fn metadata(&self) -> Metadata {
        let api = self.api;
        let mut metadata = Metadata::default();
        // SAFETY: a valid handle; NULL asks for every type.
        let count = unsafe { (api.heif_image_handle_get_number_of_metadata_blocks)(self.ptr, ptr::null()) };
        let mut ids = vec![0u32; usize::try_from(count).unwrap_or(0)];
        // SAFETY: `ids` holds `count` entries.
        let got = unsafe {
            (api.heif_image_handle_get_list_of_metadata_block_IDs)(self.ptr, ptr::null(), ids.as_mut_ptr(), count)
        };
        ids.truncate(usize::try_from(got).unwrap_or(0));
        for id in ids {
            // SAFETY: ids from the list above; libheif's strings live as long as the handle.
            let (kind, content_type) = unsafe {
                (
                    text((api.heif_image_handle_get_metadata_type)(self.ptr, id)),
                    text((api.heif_image_handle_get_metadata_content_type)(self.ptr, id)),
                )
            };
            // SAFETY: the buffer has the size libheif reports.
            let mut block = vec![0u8; unsafe { (api.heif_image_handle_get_metadata_size)(self.ptr, id) }];
            let read = unsafe { (api.heif_image_handle_get_metadata)(self.ptr, id, block.as_mut_ptr().cast()) };
            if read.check().is_err() {
                continue;
            }
            if kind == "Exif" {
                metadata.exif = crate::engine::formats::bmff_exif::tiff_in_item(&block).map(<[u8]>::to_vec);
            } else if content_type == "application/rdf+xml" {
                metadata.xmp = Some(block);
            }
        }
        metadata
    }
}

impl Drop for HandleOwner {
    fn drop(&mut self) {
        if !self.ptr.is_null() {
            // SAFETY: a handle libheif gave us, released once.
            unsafe { (self.api.heif_image_handle_release)(self.ptr) };
        }
    }
}

/// A `heif_image`, released on drop.
struct Image {
    api: &'static Api,
    ptr: *mut ffi::Picture,
}

impl Drop for Image {
    fn drop(&mut self) {
        if !self.ptr.is_null() {
            // SAFETY: an image libheif gave us, released once.
            unsafe { (self.api.heif_image_release)(self.ptr) };
        }
    }
}

/// A `heif_encoder`, released on drop.
struct EncoderOwner {
    api: &'static Api,
    ptr: *mut ffi::Encoder,
}

impl Drop for EncoderOwner {
    fn drop(&mut self) {
        if !self.ptr.is_null() {
            // SAFETY: an encoder libheif gave us, released once.
            unsafe { (self.api.heif_encoder_release)(self.ptr) };
        }
    }
}

/// A C string libheif returned, or "" for NULL.
///
/// # Safety
/// `s` is NULL or a NUL-terminated string that lives while it is read.
unsafe fn text(s: *const std::ffi::c_char) -> String {
    if s.is_null() {
        String::new()
    } else {
        // SAFETY: the caller's promise.
        unsafe { CStr::from_ptr(s) }.to_string_lossy().into_owned()
    }
}
