//! Quality by look: the lowest encoder quality whose copy, decoded, still scores at least a SSIMULACRA2 target
//! against the picture before encoding, found in a few encodes.

use std::path::Path;

use image::DynamicImage;

use super::decode::decode_in_memory;
use crate::engine::formats::encode::Encoding;
use crate::engine::jpeg_options::{JpegEncoder, JpegOptions, Subsampling};
use crate::engine::score::Scorer;
use crate::engine::settings::Limits;

/// Most encodes a search makes.
pub(crate) const MAX_ENCODES: usize = 6;

/// The copy a search chose.
pub(crate) struct Looked {
    pub bytes: Vec<u8>,
    pub quality: u8,
    pub score: f64,
    /// Set when the answer is not proven the lowest: the target was out of reach, or the encodes ran out
    /// before neighbouring qualities were tried.
    pub note: Option<String>,
}

/// Where a search starts, per format: the quality that usually lands near `target` on photos (measured on the
/// benchmark corpus). Always the same for the same target, never the previous image's answer: a copy must not
/// depend on what was converted before it.
fn start(encoding: Encoding, target: f64) -> u8 {
    let offset = match encoding {
        // jpegli's quality scale climbs faster with the target: the medians of its answers on corpus photos are
        // about 79.5 for 80, 87 for 83.5 and 97.5 for 90.
        Encoding::Jpeg { options, .. } if options.encoder == JpegEncoder::Jpegli => (target - 80.0) * 1.2 - 0.5,
        // The JPEG inside decides the look of `JxlFromJpeg`.
        Encoding::Jpeg { .. } | Encoding::JxlFromJpeg { .. } => 4.0,
        Encoding::Jxl { .. } => 0.0,
        Encoding::WebP { .. } => 8.0,
        Encoding::Avif { .. } => -2.0,
        // Lossless encodings have no quality to search; named so that a new format must answer here.
        Encoding::Png { .. } | Encoding::WebPLossless | Encoding::Gif | Encoding::Bmp | Encoding::Tiff => -2.0,
    };
    (target + offset).round().clamp(20.0, 98.0) as u8
}

/// Finds the lowest quality of `encoding` whose copy of `img` scores at least `target` (see `search`). A JPEG's
/// `auto` subsampling is settled by the target first: at a fixed quality it turns to 4:4:4 at 90, a step in
/// bytes and score that would let a search choose a 4:4:4 copy overshooting the target where a 4:2:0 one a
/// quality higher passes in fewer bytes. So targets below 90 search at 4:2:0 (fewer bytes at equal score on the
/// benchmark corpus), and again at 4:4:4 only when 4:2:0 cannot reach the target at any quality (fine colour
/// detail); 90 and above search at 4:4:4 (fewer bytes there).
pub(crate) fn encode_by_look(
    img: &DynamicImage,
    encoding: Encoding,
    target: f64,
    encode: impl Fn(Encoding) -> Result<Vec<u8>, String>,
) -> Result<Looked, String> {
    let scorer = Scorer::new(img)?;
    // A look is where jpegli earns its time: the same score in fewer bytes.
    let encoding = match encoding {
        Encoding::Jpeg { quality, options } if options.encoder == JpegEncoder::Auto => Encoding::Jpeg {
            quality,
            options: JpegOptions {
                encoder: JpegEncoder::Jpegli,
                ..options
            },
        },
        other => other,
    };
    let with = |subsampling| match encoding {
        Encoding::Jpeg { quality, options } => Encoding::Jpeg {
            quality,
            options: JpegOptions { subsampling, ..options },
        },
        other => other,
    };
    let auto = matches!(encoding, Encoding::Jpeg { options, .. } if options.subsampling == Subsampling::Auto);
    // jpegli's tables and adaptive quantisation are tuned for full colour: at 4:2:0 it needs more bytes than at
    // 4:4:4 for the same score (benches/quality.sh), so its `auto` is always 4:4:4.
    let halve = !matches!(encoding, Encoding::Jpeg { options, .. } if options.encoder == JpegEncoder::Jpegli);
    let (encoding, looked) = if auto && halve && target < 90.0 {
        let (halved, full) = (with(Subsampling::S420), with(Subsampling::S444));
        let looked = search(&scorer, halved, target, &encode)?;
        if looked.score >= target {
            (halved, looked)
        } else {
            (full, search(&scorer, full, target, &encode)?)
        }
    } else {
        let encoding = if auto { with(Subsampling::S444) } else { encoding };
        (encoding, search(&scorer, encoding, target, &encode)?)
    };
    Ok(Looked {
        bytes: progressive(encoding, looked.quality, looked.bytes, &encode)?,
        ..looked
    })
}

/// Finds the lowest quality of `encoding` whose copy scores at least `target` against `scorer`'s picture, in
/// at most `MAX_ENCODES` encodes; the copy returned is the one scored (baseline for JPEG). The score rises with
/// quality almost linearly over a few steps, so each next quality is where the line through the two nearest
/// results meets the target (one step past it when it lands on a quality already tried), kept strictly between
/// the highest failing and the lowest passing quality once both are known. The search ends when they are
/// neighbours: the answer is then proven the lowest.
fn search(
    scorer: &Scorer,
    encoding: Encoding,
    target: f64,
    encode: &impl Fn(Encoding) -> Result<Vec<u8>, String>,
) -> Result<Looked, String> {
    let limits = Limits::default();
    let evaluate = |quality: u8| -> Result<(f64, Vec<u8>), String> {
        let bytes = encode(encoding.with_quality(quality))?;
        let (copy, _) = decode_in_memory(bytes.clone(), Path::new("(copy)"), &limits).map_err(|e| e.to_string())?;
        Ok((scorer.score(&copy)?, bytes))
    };
    let mut pass: Option<(u8, f64, Vec<u8>)> = None;
    let mut fail: Option<(u8, f64, Vec<u8>)> = None;
    let mut quality = start(encoding, target);
    // The last two results, for the slope.
    let mut last: Option<(u8, f64)> = None;
    for _ in 0..MAX_ENCODES {
        let (score, bytes) = evaluate(quality)?;
        let slope = last
            .filter(|(q, s)| *q != quality && (score - s).abs() > 1e-6)
            .map_or(1.0, |(q, s)| {
                ((score - s) / (f64::from(quality) - f64::from(q))).max(0.2)
            });
        last = Some((quality, score));
        if score >= target {
            if pass.as_ref().is_none_or(|(p, ..)| quality < *p) {
                pass = Some((quality, score, bytes));
            }
        } else if fail.as_ref().is_none_or(|(f, ..)| quality > *f) {
            fail = Some((quality, score, bytes));
        }
        let (lo, hi) = (fail.as_ref().map_or(0, |f| f.0), pass.as_ref().map_or(101, |p| p.0));
        if hi <= 1 || lo >= 100 || hi - lo <= 1 {
            break;
        }
        // Where the line meets the target, nudged one further so a near miss is not tried twice.
        let aim = f64::from(quality) + (target - score) / slope;
        let aim = if score >= target { aim.floor() } else { aim.ceil() };
        let mut next = aim.clamp(f64::from(lo + 1), f64::from(hi - 1)) as u8;
        if next == quality {
            next = if score >= target { quality - 1 } else { quality + 1 };
        }
        quality = next.clamp(lo + 1, hi - 1);
    }
    match (pass, fail) {
        (Some((quality, score, bytes)), fail) => {
            let proven = fail.as_ref().is_some_and(|(f, ..)| *f + 1 == quality) || quality == 1;
            let note = (!proven).then(|| {
                let below = fail.as_ref().map_or(1, |(f, ..)| f + 1);
                format!(
                    "quality {quality} scores {score:.1}; the search stopped after {MAX_ENCODES} encodes, so one \
                     of {below}–{} might also reach {target}",
                    quality - 1
                )
            });
            Ok(Looked {
                bytes,
                quality,
                score,
                note,
            })
        }
        (None, Some((quality, score, bytes))) => Ok(Looked {
            bytes,
            note: Some(format!(
                "no quality reached a score of {target}: quality {quality}, the highest tried, scores {score:.1}"
            )),
            quality,
            score,
        }),
        (None, None) => Err("the quality search made no copy".to_owned()),
    }
}

/// A JPEG chosen by look is written progressive: the same coefficients as the baseline copy the search scored,
/// so the same pixels and score, in about 4 % fewer bytes (measured on the benchmark corpus), for one encode
/// more beside the search's 3 to 6 encodes, decodes and scores (per subsampling tried).
fn progressive(
    encoding: Encoding,
    quality: u8,
    baseline: Vec<u8>,
    encode: impl Fn(Encoding) -> Result<Vec<u8>, String>,
) -> Result<Vec<u8>, String> {
    match encoding {
        Encoding::Jpeg { options, .. } if !options.progressive => encode(Encoding::Jpeg {
            quality,
            options: JpegOptions {
                progressive: true,
                ..options
            },
        }),
        _ => Ok(baseline),
    }
}
