//! Meeting a target file size: the highest quality whose file fits, found by bisection, and, when asked,
//! a smaller picture when no quality fits.

use image::DynamicImage;

use crate::engine::formats::encode::Encoding;
use crate::engine::metadata::Tags;

/// An encoded copy and the quality it took.
pub(crate) struct Fitted {
    pub bytes: Vec<u8>,
    pub quality: Option<u8>,
    /// The picture encoded: the one given, or a smaller one when it had to shrink to fit.
    pub img: Option<DynamicImage>,
}

/// Why no copy fits.
pub(crate) enum FitError {
    /// An encoder failed.
    Encode(String),
    /// Quality 1 gave this many bytes, over the target.
    OverTarget(u64),
}

/// Encodes `img` with `encoding`, and when `target` is set and the copy is larger, lowers the quality by
/// bisection to the highest that fits: at most 8 encodes (the asked quality, then 7 halvings of 1–99). With
/// `shrink`, a picture too large even at quality 1 is scaled down (by the square root of how far over it is,
/// a little more each round) until it fits; `resize` makes the smaller picture and `tags` what it carries.
pub(crate) fn encode_fitting(
    img: &DynamicImage,
    encoding: Encoding,
    target: Option<u64>,
    shrink: bool,
    tags: impl Fn((u32, u32)) -> Tags,
    background: [u8; 3],
    resize: impl Fn(&DynamicImage, u32, u32) -> Result<DynamicImage, String>,
) -> Result<Fitted, FitError> {
    let encode = |img: &DynamicImage, e: Encoding| {
        e.encode(img, &tags((img.width(), img.height())), background)
            .map_err(FitError::Encode)
    };
    let first = encode(img, encoding)?;
    let (Some(target), Some(asked)) = (target, encoding.quality()) else {
        return Ok(Fitted {
            bytes: first,
            quality: encoding.quality(),
            img: None,
        });
    };
    if first.len() as u64 <= target {
        return Ok(Fitted {
            bytes: first,
            quality: Some(asked),
            img: None,
        });
    }
    let mut smaller: Option<DynamicImage> = None;
    for round in 0..6 {
        let current = smaller.as_ref().unwrap_or(img);
        let (mut lo, mut hi) = (1u8, asked.saturating_sub(1).max(1));
        let mut best = None;
        let mut at_one = None;
        while lo <= hi {
            let mid = lo + (hi - lo) / 2;
            let bytes = encode(current, encoding.with_quality(mid))?;
            if mid == 1 {
                at_one = Some(bytes.len() as u64);
            }
            if bytes.len() as u64 <= target {
                best = Some((bytes, mid));
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if let Some((bytes, quality)) = best {
            return Ok(Fitted {
                bytes,
                quality: Some(quality),
                img: smaller,
            });
        }
        let over = at_one.unwrap_or(u64::MAX);
        if !shrink {
            return Err(FitError::OverTarget(over));
        }
        // File size grows roughly with the pixel count; aim a little under, more so each round.
        let scale = (target as f64 / over as f64).sqrt() * (0.95 - 0.05 * f64::from(round));
        let (w, h) = (current.width(), current.height());
        let (nw, nh) = (
            ((f64::from(w) * scale) as u32).clamp(1, w.saturating_sub(1).max(1)),
            ((f64::from(h) * scale) as u32).clamp(1, h.saturating_sub(1).max(1)),
        );
        if (nw, nh) == (w, h) {
            return Err(FitError::OverTarget(over));
        }
        smaller = Some(resize(current, nw, nh).map_err(FitError::Encode)?);
    }
    Err(FitError::OverTarget(target.saturating_add(1)))
}
