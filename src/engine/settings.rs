//! The one `Settings` type shared by the CLI and the desktop app.

use std::num::NonZeroUsize;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub use super::geometry::ResizeMode;
use super::jpeg_options::{JpegEncoder, Subsampling};
use super::naming::TemplateError;

/// Most threads a job may ask for; more only adds memory and contention.
pub const MAX_THREADS: usize = 256;

/// Settings a job cannot run with.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// A size of zero, or a percentage out of range.
    #[error("invalid size {0:?}: every dimension must be at least 1 and a percentage between 0 and 10000")]
    Size(ResizeMode),
    /// Quality out of 1–100.
    #[error("invalid quality {0}: it must be between 1 and 100")]
    Quality(u8),
    /// A look target out of 1–100.
    #[error("invalid score {0}: a SSIMULACRA2 target must be between 1 and 100")]
    MinScore(f32),
    /// AVIF speed out of 0–9.
    #[error("invalid AVIF speed {0}: it must be between 0 and 9")]
    AvifSpeed(u8),
    /// JPEG XL effort out of 1–9.
    #[error("invalid JPEG XL effort {0}: it must be between 1 and 9")]
    JxlEffort(u8),
    /// An extra output's name is empty or has a path separator.
    #[error("invalid output name {0:?}: it must not be empty, . or .., or contain / or \\")]
    OutputName(String),
    /// More threads than `MAX_THREADS`.
    #[error("invalid thread count {0}: it must be between 1 and {max}", max = MAX_THREADS)]
    Threads(usize),
    /// No output folder chosen.
    #[error("no output folder chosen")]
    NoOutputDir,
    /// The file name template has an unknown token, an unclosed brace, or a path separator.
    #[error(transparent)]
    Template(#[from] TemplateError),
}

/// Everything that decides what a job does. Every field documents its default (see `Settings::default`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// How the output size is computed. Default: fit inside 1920×1920.
    pub resize: ResizeMode,
    /// Never make an image larger than it was. Default: `true`.
    pub dont_enlarge: bool,
    /// Resampling filter. Default: Lanczos3.
    pub filter: Filter,
    /// Output format. Default: same as the input.
    pub format: OutputFormat,
    /// Quality of the lossy formats (JPEG, WebP, AVIF, JPEG XL; JPEG XL at 100 is lossless), 1–100. Default: 85.
    pub quality: u8,
    /// Quality by look: instead of `quality`, each lossy copy (JPEG, WebP, AVIF, JPEG XL) gets the lowest quality whose
    /// decoded copy scores at least this SSIMULACRA2 against the resized picture, found in at most 6 encodes
    /// (12 for a JPEG that 4:2:0 cannot bring to the target, searched again at 4:4:4). The named looks are
    /// `engine::LOOKS` (90, 83.5, 70); `target_size` is not used with it.
    /// Default: none (the fixed `quality`).
    pub min_score: Option<f32>,
    /// A light unsharp mask on copies made smaller, sized to how much smaller ("sharpen for screen"). Default:
    /// `false`.
    pub sharpen: bool,
    /// JPEG copies in progressive scans rather than baseline. Default: `false` (see the README's JPEG table:
    /// progressive files are smaller, and take longer to write).
    pub progressive: bool,
    /// JPEG chroma subsampling. Default: auto (libjpeg-turbo: 4:4:4 at quality 90 and above, 4:2:0 below; with a
    /// look, by its target: 4:2:0 below 90 unless it cannot reach the target, 4:4:4 from 90; jpegli, which encodes
    /// looks by default: 4:4:4).
    pub subsampling: Subsampling,
    /// The JPEG encoder. Default: auto (jpegli for a quality chosen by look, libjpeg-turbo at a fixed quality).
    pub jpeg_encoder: JpegEncoder,
    /// PNG compression: how hard deflate works. Default: fast (on the benchmark's 20 photos, 1.7 s of CPU
    /// instead of 19 s for the balanced level, with files only 7 % larger).
    pub png_compression: PngCompression,
    /// AVIF encoder speed, 0 (smallest files, slowest) to 9 (fastest). Default: 8, about 1.8 s for a
    /// 1920×1440 copy on one core (speed 6 takes 3 s, 9 takes 0.4 s).
    pub avif_speed: u8,
    /// JPEG XL encoder effort, 1 (fastest) to 9 (smallest files, slowest). Default: 7, libjxl's own.
    pub jxl_effort: u8,
    /// Optimise JPEGs losslessly: a JPEG input whose JPEG copy keeps its size (already within the box) and
    /// needs nothing that changes its pixels or metadata (no look, target size, sharpening, sRGB conversion,
    /// stripping or location removal) is not re-encoded: its entropy coding is redone with optimised tables
    /// (progressive when `progressive` is on), so the copy decodes bit for bit like the original, keeps every
    /// marker, and is smaller. Default: `false`.
    pub optimize_jpeg: bool,
    /// Only when it needs it: an image already within the size (and under `target_size`), staying in its
    /// format, with no metadata to take out or colours to convert, is copied byte for byte, not decoded or
    /// encoded again (reported as kept). Default: `false`.
    pub only_if_needed: bool,
    /// The print density the copies carry: a number of dots per inch, written wherever the format keeps one
    /// (JPEG's JFIF header and EXIF, PNG's pHYs, TIFF's resolution tags, BMP's header, the EXIF of WebP), or
    /// the original's, carried over. Default: none (what the encoder writes; EXIF as the original's).
    pub dpi: Option<Dpi>,
    /// Largest file a lossy copy (JPEG, WebP, AVIF, JPEG XL) may be, in bytes: when the copy at `quality` is larger, the
    /// quality is lowered by bisection (at most 8 encodes) to the highest one that fits. Lossless copies ignore
    /// it. Default: none.
    pub target_size: Option<u64>,
    /// When even quality 1 is over `target_size`, make the picture smaller until it fits instead of failing the
    /// image. Default: `false`.
    pub shrink_to_fit: bool,
    /// When a copy in its original's format would be larger than the original, write a copy of the original
    /// instead. Default: `false`.
    pub skip_if_larger: bool,
    /// Folder the copies go to; the input folder trees are mirrored below it. Default: none (must be set).
    pub output_dir: Option<PathBuf>,
    /// File name template without extension; tokens `{name}` `{ext}` `{width}` `{height}` `{index}` `{size}`.
    /// Default: `{name}`.
    pub name_template: String,
    /// What `{size}` gives for the main copy (the one `resize` and `format` describe). Default: `large`.
    pub size_name: String,
    /// More copies of each image, each with its own size and format: every input is decoded once and written
    /// once per entry, after the main copy. Default: none.
    pub extra_outputs: Vec<ExtraOutput>,
    /// What to do when the output file already exists. Default: add ` (1)`, ` (2)`, …. A copy that an earlier
    /// run made of the same input, untouched since (the output folder's manifest says so), is replaced rather
    /// than numbered, so running a batch again never leaves `photo (1).jpg` beside `photo.jpg`.
    pub on_collision: Collision,
    /// Only new and changed images: skip an input whose copies all exist, untouched, and were made from this
    /// very file (same size and modification time) with these very settings, as the output folder's manifest
    /// records (see `ARCHITECTURE.md`). Nothing of a skipped input is opened. Default: `false` (the CLI's
    /// `--update`; the desktop app starts with it on).
    pub update: bool,
    /// Worker threads; `None` means auto (`RAYON_NUM_THREADS` if set, else the available parallelism).
    /// Default: auto.
    pub threads: Option<NonZeroUsize>,
    /// Walk folders recursively. Default: `true`.
    pub recursive: bool,
    /// Colour (RGB) that transparent pixels are flattened onto for formats without alpha (JPEG). Default: white.
    pub background: [u8; 3],
    /// Give each copy its original's modification time. Default: `false` (the time it was written).
    pub keep_dates: bool,
    /// Leave out EXIF, XMP and IPTC; only the colour profile is kept. Default: `false` (they are kept, made
    /// true of the copy: orientation 1, new pixel dimensions, no embedded EXIF thumbnail).
    pub strip_metadata: bool,
    /// Leave out the location (EXIF's GPS directory and XMP's `exif:GPS…` properties) and nothing else.
    /// Default: `false`.
    pub remove_location: bool,
    /// Convert the pixels from the input's colour profile to sRGB and tag the copy sRGB, for viewers and sites
    /// that ignore profiles. Default: `false` (the profile is carried over byte for byte).
    pub to_srgb: bool,
    /// Resample in linear light (gamma-correct): fine light-on-dark detail keeps its brightness. Default:
    /// `false` (resample the stored, gamma-encoded values, as nearly every tool does).
    pub linear: bool,
    /// Decoding limits that protect memory from huge or hostile files. Default: see `Limits`.
    pub limits: Limits,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            resize: ResizeMode::Fit {
                width: 1920,
                height: 1920,
            },
            dont_enlarge: true,
            filter: Filter::Lanczos3,
            format: OutputFormat::SameAsInput,
            quality: 85,
            avif_speed: 8,
            jxl_effort: 7,
            optimize_jpeg: false,
            only_if_needed: false,
            dpi: None,
            png_compression: PngCompression::Fast,
            min_score: None,
            sharpen: false,
            progressive: false,
            subsampling: Subsampling::Auto,
            jpeg_encoder: JpegEncoder::Auto,
            target_size: None,
            shrink_to_fit: false,
            skip_if_larger: false,
            output_dir: None,
            name_template: "{name}".to_owned(),
            size_name: "large".to_owned(),
            extra_outputs: Vec::new(),
            on_collision: Collision::Rename,
            update: false,
            threads: None,
            recursive: true,
            background: [255, 255, 255],
            keep_dates: false,
            strip_metadata: false,
            remove_location: false,
            to_srgb: false,
            linear: false,
            limits: Limits::default(),
        }
    }
}

impl Settings {
    /// Checks the values a job cannot run with, before any file is touched.
    pub fn validate(&self) -> Result<(), SettingsError> {
        if !self.resize.is_valid() {
            return Err(SettingsError::Size(self.resize));
        }
        if !(1..=100).contains(&self.quality) {
            return Err(SettingsError::Quality(self.quality));
        }
        if let Some(score) = self.min_score
            && !(score.is_finite() && (1.0..=100.0).contains(&score))
        {
            return Err(SettingsError::MinScore(score));
        }
        if self.avif_speed > 9 {
            return Err(SettingsError::AvifSpeed(self.avif_speed));
        }
        if !(1..=9).contains(&self.jxl_effort) {
            return Err(SettingsError::JxlEffort(self.jxl_effort));
        }
        if let Some(n) = self.threads
            && n.get() > MAX_THREADS
        {
            return Err(SettingsError::Threads(n.get()));
        }
        if self.output_dir.is_none() {
            return Err(SettingsError::NoOutputDir);
        }
        super::naming::check_template(&self.name_template)?;
        // The size name goes into file names through `{size}`: a path in it would lead out of the output folder.
        if self.size_name.contains(['/', '\\']) || matches!(self.size_name.trim(), "." | "..") {
            return Err(SettingsError::OutputName(self.size_name.clone()));
        }
        for extra in &self.extra_outputs {
            if !extra.resize.is_valid() {
                return Err(SettingsError::Size(extra.resize));
            }
            if extra.name.trim().is_empty()
                || extra.name.contains(['/', '\\'])
                || matches!(extra.name.trim(), "." | "..")
            {
                return Err(SettingsError::OutputName(extra.name.clone()));
            }
        }
        Ok(())
    }

    /// The number of worker threads this job will use.
    pub fn thread_count(&self) -> usize {
        match self.threads {
            Some(n) => n.get().min(MAX_THREADS),
            None => auto_threads(),
        }
    }
}

/// "Auto": `RAYON_NUM_THREADS` when it holds a positive number, else `std::thread::available_parallelism()`
/// (which honours container CPU limits), else 1.
pub fn auto_threads() -> usize {
    let from_env = std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0);
    from_env
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, NonZeroUsize::get))
        .min(MAX_THREADS)
}

/// One more copy of each image, besides the main one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExtraOutput {
    /// Its name, for the `{size}` token (e.g. `thumb`).
    pub name: String,
    /// Its size.
    pub resize: ResizeMode,
    /// Its format.
    pub format: OutputFormat,
}

/// One copy every image gets: the main one or an extra output.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Variant<'a> {
    /// The `{size}` name.
    pub name: &'a str,
    /// Its size.
    pub resize: ResizeMode,
    /// Its format.
    pub format: OutputFormat,
}

impl Settings {
    /// These settings with `dir` as the output folder: one output group's settings.
    pub fn in_folder(&self, dir: &std::path::Path) -> Settings {
        Settings {
            output_dir: Some(dir.to_owned()),
            ..self.clone()
        }
    }

    /// These settings for an in-place run: each copy named as its original (`{name}`), one copy per image,
    /// nothing incremental (earlier swaps are known from the in-place journals instead).
    pub fn for_in_place(&self) -> Settings {
        Settings {
            output_dir: Some(std::path::PathBuf::from(".")),
            name_template: "{name}".to_owned(),
            extra_outputs: Vec::new(),
            update: false,
            ..self.clone()
        }
    }

    /// The main copy.
    pub(crate) fn main_variant(&self) -> Variant<'_> {
        Variant {
            name: &self.size_name,
            resize: self.resize,
            format: self.format,
        }
    }

    /// The extra copies.
    pub(crate) fn extra_variants(&self) -> impl Iterator<Item = Variant<'_>> {
        self.extra_outputs.iter().map(|e| Variant {
            name: &e.name,
            resize: e.resize,
            format: e.format,
        })
    }
}

/// Resampling filter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Filter {
    /// Sharpest of the smooth filters; the usual choice for photos.
    #[default]
    Lanczos3,
    /// Bicubic (Catmull-Rom): a little softer than Lanczos3.
    CatmullRom,
    /// Bicubic (Mitchell-Netravali): softer still, no ringing.
    Mitchell,
    /// Bilinear: fast and soft.
    Bilinear,
    /// Nearest neighbour: keeps hard pixel edges (pixel art).
    Nearest,
}

impl Filter {
    /// Every filter, in the order a picker shows them.
    pub const ALL: [Filter; 5] = [
        Filter::Lanczos3,
        Filter::CatmullRom,
        Filter::Mitchell,
        Filter::Bilinear,
        Filter::Nearest,
    ];
}

/// Output file format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutputFormat {
    /// The input's format; a format Shrinkray cannot write (HEIC; JPEG XL without libjxl) becomes JPEG, or PNG
    /// when it has alpha.
    #[default]
    SameAsInput,
    /// JPEG (4:2:0 chroma, optimised Huffman tables).
    Jpeg,
    /// PNG (lossless).
    Png,
    /// WebP, lossy (libwebp), at the quality setting.
    WebP,
    /// WebP, lossless.
    WebPLossless,
    /// AVIF (libaom through libheif), at the quality and AVIF speed settings.
    Avif,
    /// JPEG XL (libjxl), at the quality (100: lossless) and effort settings.
    Jxl,
    /// JPEG XL holding the JPEG copy whole (libjxl's JPEG reconstruction gives its bytes back): the JPEG's
    /// pixels, about a fifth fewer bytes.
    JxlFromJpeg,
    /// TIFF (uncompressed; 16 bits kept).
    Tiff,
    /// BMP (uncompressed).
    Bmp,
    /// GIF (256 colours).
    Gif,
}

impl OutputFormat {
    /// Every format, in the order a picker shows them.
    pub const ALL: [OutputFormat; 11] = [
        OutputFormat::SameAsInput,
        OutputFormat::Jpeg,
        OutputFormat::WebP,
        OutputFormat::Avif,
        OutputFormat::Jxl,
        OutputFormat::JxlFromJpeg,
        OutputFormat::Png,
        OutputFormat::WebPLossless,
        OutputFormat::Tiff,
        OutputFormat::Bmp,
        OutputFormat::Gif,
    ];

    /// Whether the quality setting applies to it (for "same as input", to JPEG, WebP, AVIF and JPEG XL inputs).
    pub fn is_lossy(self) -> bool {
        matches!(
            self,
            Self::SameAsInput | Self::Jpeg | Self::WebP | Self::Avif | Self::Jxl | Self::JxlFromJpeg
        )
    }
}

/// How hard PNG's deflate compression works.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PngCompression {
    /// fdeflate's fast mode: several times faster, files a little larger.
    #[default]
    Fast,
    /// zlib's default level.
    Balanced,
    /// The smallest files, slowly.
    Best,
}

/// What to do when an output file already exists on disk.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Collision {
    /// Add ` (1)`, ` (2)`, … to the name until it is free.
    #[default]
    Rename,
    /// Replace the existing file (never an input of the job).
    Overwrite,
    /// Leave the existing file and skip the image.
    Skip,
}

/// A print density for the copies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dpi {
    /// The original's, where it has one.
    Keep,
    /// This many dots per inch (1 to 65535).
    Set(u16),
}

/// Limits applied before and while decoding, so a hostile or huge file fails instead of exhausting memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Limits {
    /// Largest image, in pixels (width × height), that is decoded. Default: 256 megapixels, enough for
    /// real panoramas.
    pub max_pixels: u64,
    /// Largest single allocation a decoder may make, in bytes. Default: 2 GiB (256 MP of 16-bit RGBA
    /// would need more, and is refused).
    pub max_alloc: u64,
    /// Bytes of decoded pixels (and of compressed data held whole) that all workers together may hold at once;
    /// a worker waits before decoding an image that would go over it, and an image larger than the whole budget
    /// runs alone. Default: `None`, automatic: a quarter of the memory the process may use (see
    /// `auto_memory_budget`).
    pub memory_budget: Option<u64>,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_pixels: 256_000_000,
            max_alloc: 2 << 30,
            memory_budget: None,
        }
    }
}
