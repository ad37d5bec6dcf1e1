//! The values options take, and how each is read from the command line.

use std::path::PathBuf;

use clap::ValueEnum;
use shrinkray::engine::{Dpi, ExtraOutput, OutputFormat, ReportFormat, ResizeMode};
use shrinkray::text;

/// One `--also`: the extra output, and its format when given (else the main copy's).
#[derive(Clone, Debug)]
pub(crate) struct Also {
    pub(crate) extra: ExtraOutput,
    pub(crate) format: Option<FormatArg>,
}

/// `--also NAME=SIZE[:FORMAT]`.
pub(crate) fn parse_extra(text: &str) -> Result<Also, String> {
    let usage = || format!("{text:?} is not NAME=SIZE[:FORMAT], such as thumb=400 or small=800x600:webp");
    let (name, spec) = text.split_once('=').ok_or_else(usage)?;
    let (size, format) = match spec.split_once(':') {
        Some((size, format)) => (size, Some(FormatArg::from_str(format, true)?)),
        None => (spec, None),
    };
    let number = |n: &str| n.trim().parse::<u32>().ok().filter(|&n| n > 0);
    let resize = match size.split_once(['x', 'X']) {
        Some((w, h)) => ResizeMode::Fit {
            width: number(w).ok_or_else(usage)?,
            height: number(h).ok_or_else(usage)?,
        },
        None => ResizeMode::LongEdge(number(size).ok_or_else(usage)?),
    };
    Ok(Also {
        extra: ExtraOutput {
            name: name.trim().to_owned(),
            resize,
            format: format.map_or(OutputFormat::SameAsInput, output_format),
        },
        format,
    })
}

pub(crate) fn output_format(format: FormatArg) -> OutputFormat {
    match format {
        FormatArg::Same => OutputFormat::SameAsInput,
        FormatArg::Jpeg => OutputFormat::Jpeg,
        FormatArg::Png => OutputFormat::Png,
        FormatArg::Webp => OutputFormat::WebP,
        FormatArg::WebpLossless => OutputFormat::WebPLossless,
        FormatArg::Avif => OutputFormat::Avif,
        FormatArg::Jxl => OutputFormat::Jxl,
        FormatArg::JxlFromJpeg => OutputFormat::JxlFromJpeg,
        FormatArg::Tiff => OutputFormat::Tiff,
        FormatArg::Bmp => OutputFormat::Bmp,
        FormatArg::Gif => OutputFormat::Gif,
    }
}

pub(crate) fn parse_colour(text: &str) -> Result<[u8; 3], String> {
    match text.to_ascii_lowercase().as_str() {
        "white" => return Ok([255, 255, 255]),
        "black" => return Ok([0, 0, 0]),
        _ => {}
    }
    let hex = text.strip_prefix('#').unwrap_or(text);
    let channel = |i: usize| hex.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok());
    match (hex.len(), channel(0), channel(2), channel(4)) {
        (6, Some(r), Some(g), Some(b)) => Ok([r, g, b]),
        _ => Err(format!(
            "\"{text}\" is not a colour; write it as #RRGGBB (e.g. #FFFFFF), white or black"
        )),
    }
}

pub(crate) fn parse_report(text: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(text);
    match ReportFormat::of(&path) {
        Some(_) => Ok(path),
        None => Err(format!("{text:?} does not end in .csv, .json or .jsonl")),
    }
}

/// `--settle`, `--rescan`: seconds, fractions allowed.
pub(crate) fn parse_secs(text: &str) -> Result<std::time::Duration, String> {
    text.trim()
        .parse::<f64>()
        .ok()
        .and_then(|s| std::time::Duration::try_from_secs_f64(s).ok())
        .ok_or_else(|| format!("{text:?} is not a number of seconds"))
}

/// `--memory-budget`: a size, or `None` for auto.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Budget(pub(crate) Option<u64>);

pub(crate) fn parse_budget(text: &str) -> Result<Budget, String> {
    if text.eq_ignore_ascii_case("auto") {
        return Ok(Budget(None));
    }
    text::parse_bytes(text).map(|b| Budget(Some(b)))
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum Mode {
    /// Fit inside the box, keeping the aspect ratio.
    Fit,
    /// Cover the box and crop the centre to exactly its size.
    Fill,
    /// Exactly the box, ignoring the aspect ratio.
    Stretch,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum FilterArg {
    Lanczos3,
    CatmullRom,
    Mitchell,
    Bilinear,
    Nearest,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum FormatArg {
    Same,
    Jpeg,
    Png,
    /// Lossy WebP, at --quality.
    Webp,
    WebpLossless,
    /// AVIF, at --quality and --avif-speed.
    Avif,
    /// JPEG XL, at --quality (100: lossless) and --jxl-effort.
    Jxl,
    /// JPEG XL holding the JPEG copy whole (djxl gives its bytes back), about a fifth smaller.
    JxlFromJpeg,
    Tiff,
    Bmp,
    Gif,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum PngArg {
    Fast,
    Balanced,
    Best,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum CollisionArg {
    Rename,
    Overwrite,
    Skip,
}

/// `--quality`: a number, or a look (`visually-lossless`, `high`, `good`) that picks it per image.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum QualityArg {
    Number(u8),
    Look(f32),
}

pub(crate) fn parse_quality(text: &str) -> Result<QualityArg, String> {
    if let Some(look) = shrinkray::engine::LOOKS
        .iter()
        .find(|l| l.name.eq_ignore_ascii_case(text.trim()))
    {
        return Ok(QualityArg::Look(look.target));
    }
    match text.trim().parse::<u8>() {
        Ok(n @ 1..=100) => Ok(QualityArg::Number(n)),
        _ => Err(format!(
            "{text:?} is not a quality: give 1-100, or visually-lossless, high or good"
        )),
    }
}

pub(crate) fn parse_score(text: &str) -> Result<f32, String> {
    match text.trim().parse::<f32>() {
        Ok(s) if (1.0..=100.0).contains(&s) => Ok(s),
        _ => Err(format!("{text:?} is not a SSIMULACRA2 score between 1 and 100")),
    }
}

/// `--dpi`: a number of dots per inch, or `keep`.
pub(crate) fn parse_dpi(text: &str) -> Result<Dpi, String> {
    match text.trim() {
        "keep" => Ok(Dpi::Keep),
        n => match n.parse::<u16>() {
            Ok(n) if n > 0 => Ok(Dpi::Set(n)),
            _ => Err(format!(
                "{text:?} is not a density from 1 to 65535 dots per inch, or keep"
            )),
        },
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum SubsamplingArg {
    /// 4:4:4 at quality 90 and above, 4:2:0 below; with libjpeg-turbo and a look or --min-score, 4:2:0 below a
    /// score of 90 (4:4:4 where 4:2:0 cannot reach it), 4:4:4 from 90; with jpegli (a look's default), 4:4:4.
    Auto,
    #[value(name = "420")]
    S420,
    #[value(name = "422")]
    S422,
    #[value(name = "444")]
    S444,
}

/// `--jpeg-encoder`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub(crate) enum JpegEncoderArg {
    /// jpegli when --min-score or a look chooses the quality, libjpeg-turbo at a fixed quality.
    Auto,
    /// libjpeg-turbo for every JPEG copy.
    #[value(name = "libjpeg-turbo")]
    Turbo,
    /// jpegli for every JPEG copy.
    Jpegli,
}
