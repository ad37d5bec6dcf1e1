//! What a worker thread keeps from one image to the next, and the rule that keeps it honest: after any image
//! fails or panics, all of it is dropped, so the next image starts exactly as the thread's first one did.
//!
//! libjpeg-turbo's handles, the resampler's scratch space and the buffers of decoded and resampled JPEG planes
//! are worth keeping (a 12 MP photo's planes are 18 MB, allocated once per thread instead of once per photo). But a
//! handle that has seen a malformed file can keep that file's state: libjpeg-turbo's decompressor, after a
//! JPEG with two SOI markers, refused every later JPEG with the same error. Rather than a reset at each place
//! that can fail, all such state lives in one [`Codecs`] value per thread, and [`isolated`], which every engine
//! entry that decodes runs under (a job's images and header reads, `open`, `load_thumbnail`, `resize_bytes`),
//! drops it whenever the work it ran did not succeed.
//!
//! The rule for new code: state kept across images goes in `Codecs`, nowhere else. Per-call state (libheif and
//! libwebp contexts, `image` decoders) is created and dropped within one image; read-only tables built once
//! (the sRGB curve) hold nothing an image can change.

use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use fast_image_resize::Resizer;
use turbojpeg::{Compressor, Decompressor};

use super::error::{ImageError, panic_message};

/// Every piece of state a worker thread keeps between images, each built on first use.
#[derive(Default)]
struct Codecs {
    decompressor: Option<Decompressor>,
    compressor: Option<Compressor>,
    resizer: Option<Resizer>,
    /// The decoded planes of the last JPEG, the largest buffer a worker needs.
    planes: Vec<u8>,
    /// The last copy's resampled planes, laid out for the JPEG encoder.
    packed: Vec<u8>,
    /// How many times this thread's `Codecs` was dropped, for tests.
    #[cfg(test)]
    generation: usize,
}

thread_local! {
    static CODECS: RefCell<Codecs> = RefCell::new(Codecs::default());
}

/// Runs one image's work, catching a panic, and drops this thread's codecs unless it succeeded. The outer
/// `Err` is a caught panic's payload.
pub(crate) fn isolated<T, E>(work: impl FnOnce() -> Result<T, E>) -> std::thread::Result<Result<T, E>> {
    let result = catch_unwind(AssertUnwindSafe(work));
    if !matches!(result, Ok(Ok(_))) {
        reset();
    }
    result
}

/// [`isolated`] for the work on one file: a panic becomes that file's [`ImageError::Panicked`]. Every engine
/// entry that decodes a file (a job's images and header reads, `open`, `load_thumbnail`) runs under it.
pub(crate) fn isolated_file<T>(path: &Path, work: impl FnOnce() -> Result<T, ImageError>) -> Result<T, ImageError> {
    isolated(work).unwrap_or_else(|panic| {
        Err(ImageError::Panicked {
            message: panic_message(&*panic),
            path: path.to_owned(),
        })
    })
}

/// Drops every handle and buffer this thread keeps; they are built anew on next use.
fn reset() {
    CODECS.with(|cell| {
        // Nothing is borrowed between images (a panic releases its borrow while unwinding); if something
        // were, replacing the value under it would be wrong, so the state is kept rather than panicking here.
        if let Ok(mut codecs) = cell.try_borrow_mut() {
            #[cfg(test)]
            let generation = codecs.generation + 1;
            *codecs = Codecs::default();
            #[cfg(test)]
            {
                codecs.generation = generation;
            }
        }
    });
}

/// Runs `f` with this thread's libjpeg-turbo decompressor.
pub(crate) fn with_decompressor<T>(f: impl FnOnce(&mut Decompressor) -> Result<T, String>) -> Result<T, String> {
    CODECS.with_borrow_mut(|c| {
        let d = match &mut c.decompressor {
            Some(d) => d,
            slot => slot.insert(Decompressor::new().map_err(|e| e.to_string())?),
        };
        f(d)
    })
}

/// Runs `f` with this thread's libjpeg-turbo compressor. Callers set every parameter they rely on.
pub(crate) fn with_compressor<T>(f: impl FnOnce(&mut Compressor) -> Result<T, String>) -> Result<T, String> {
    CODECS.with_borrow_mut(|c| {
        let compressor = match &mut c.compressor {
            Some(compressor) => compressor,
            slot => slot.insert(Compressor::new().map_err(|e| e.to_string())?),
        };
        f(compressor)
    })
}

/// Runs `f` with this thread's resampler.
pub(crate) fn with_resizer<T>(f: impl FnOnce(&mut Resizer) -> T) -> T {
    CODECS.with_borrow_mut(|c| f(c.resizer.get_or_insert_with(Resizer::new)))
}

/// Takes the planes buffer (empty on first use); give it back with [`keep_planes`].
pub(crate) fn take_planes() -> Vec<u8> {
    CODECS.with_borrow_mut(|c| std::mem::take(&mut c.planes))
}

/// Keeps `buffer` for the next JPEG decoded on this thread.
pub(crate) fn keep_planes(buffer: Vec<u8>) {
    CODECS.with_borrow_mut(|c| c.planes = buffer);
}

/// Takes the buffer of packed planes for the encoder (empty on first use); give it back with [`keep_packed`].
pub(crate) fn take_packed() -> Vec<u8> {
    CODECS.with_borrow_mut(|c| std::mem::take(&mut c.packed))
}

/// Keeps `buffer` for the next JPEG encoded from planes on this thread.
pub(crate) fn keep_packed(buffer: Vec<u8>) {
    CODECS.with_borrow_mut(|c| c.packed = buffer);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generation() -> usize {
        CODECS.with_borrow(|c| c.generation)
    }

    fn held() -> (bool, bool, bool, usize) {
        CODECS.with_borrow(|c| {
            (
                c.decompressor.is_some(),
                c.compressor.is_some(),
                c.resizer.is_some(),
                c.planes.capacity() + c.packed.capacity(),
            )
        })
    }

    fn fill() {
        with_decompressor(|_| Ok(())).unwrap();
        with_compressor(|_| Ok(())).unwrap();
        with_resizer(|_| ());
        keep_planes(vec![0; 600]);
        keep_packed(vec![0; 400]);
    }

    #[test]
    fn a_failure_or_a_panic_drops_everything_a_success_keeps_it() {
        std::thread::spawn(|| {
            fill();
            assert!(matches!(isolated(|| Ok::<_, ()>(1)), Ok(Ok(1))));
            assert_eq!(held(), (true, true, true, 1000), "a good image keeps the state");
            assert_eq!(generation(), 0);

            assert!(matches!(isolated(|| Err::<(), _>("bad")), Ok(Err("bad"))));
            assert_eq!(held(), (false, false, false, 0), "a failed image drops it");
            assert_eq!(generation(), 1);

            fill();
            let panicked = isolated(|| -> Result<(), String> {
                with_decompressor(|_| -> Result<(), String> { panic!("inside the decoder") })?;
                Ok(())
            });
            assert!(panicked.is_err());
            assert_eq!(
                held(),
                (false, false, false, 0),
                "a panic drops it too, even mid-borrow"
            );
            assert_eq!(generation(), 2);
        })
        .join()
        .unwrap();
    }
}
