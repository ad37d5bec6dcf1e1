//! The command line: every option, and how it maps onto the engine's `Settings`.

use std::num::NonZeroUsize;
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::Parser;
use shrinkray::engine::{
    Collision, Dpi, ExtraOutput, Filter, JpegEncoder, Limits, PngCompression, ResizeMode, Settings, Shard, Subsampling,
};
use shrinkray::text;
use shrinkray::tr;

use crate::inputs::local_or_url;
use crate::said::Said;
use crate::values::*;

/// Resize images in bulk: every image found in the inputs gets a smaller copy below the output folder.
#[derive(Debug, Parser)]
#[command(name = "shrinkray-cli", version, about, after_help = EXAMPLES)]
pub(crate) struct Cli {
    /// Files and folders to resize (folders are walked recursively).
    #[arg(required_unless_present_any = ["from_file", "from_file0", "list_presets", "save_preset", "undo"], value_name = "INPUT")]
    pub(crate) inputs: Vec<PathBuf>,

    /// More inputs, read from FILE, one path a line ("-": standard input); blank lines are ignored.
    #[arg(long, value_name = "FILE", conflicts_with = "from_file0")]
    pub(crate) from_file: Option<PathBuf>,

    /// As --from-file, the paths separated by NUL bytes (as find -print0 writes them), for names with newlines.
    #[arg(long, value_name = "FILE")]
    pub(crate) from_file0: Option<PathBuf>,

    /// Only new and changed images: skip an input whose copies exist, untouched, and were made from this very
    /// file with these very settings (as the output folder's .shrinkray/ manifest records). Resumes a run that
    /// was killed or cancelled, and retries the images that failed.
    #[arg(long)]
    update: bool,

    /// Process only shard K of N (1-based): the inputs whose path below their folder hashes to K, the same
    /// on every machine, so N machines (a Kubernetes Indexed Job, a Slurm array) share a library.
    #[arg(long, value_name = "K/N")]
    pub(crate) shard: Option<Shard>,

    /// Write a report of every input to FILE: .csv (one row per input), .json (an array of the --json
    /// objects) or .jsonl (one object a line; the reports of shards merge with cat).
    #[arg(long, value_name = "FILE", value_parser = parse_report)]
    pub(crate) report: Option<PathBuf>,

    /// Write the inputs that failed to FILE, one path a line (empty when none failed); feed it back with
    /// --from-file.
    #[arg(long, value_name = "FILE", conflicts_with = "failed_list0")]
    pub(crate) failed_list: Option<PathBuf>,

    /// As --failed-list, each path followed by a NUL byte (for --from-file0 or xargs -0).
    #[arg(long, value_name = "FILE")]
    pub(crate) failed_list0: Option<PathBuf>,

    /// Folder the copies go to; each input folder's tree is mirrored below it.
    #[arg(short, long, value_name = "DIR", required_unless_present_any = ["list_presets", "save_preset", "preset", "in_place", "undo"])]
    pub(crate) out: Option<PathBuf>,

    /// Replace the originals by their copies, where they are (no --out). Only a copy that comes out smaller
    /// replaces its original, which goes to the Trash first (or to --backup); a new format renames the file.
    /// Symbolic links, files with several hard links and files a new name would overwrite are left as they
    /// are. Running it again shrinks nothing twice; a killed run is finished by the next. Undo with --undo.
    #[arg(long, conflicts_with_all = ["out", "update", "shard", "dry_run", "also"])]
    pub(crate) in_place: bool,

    /// With --in-place: keep the originals in DIR, below their input folder's name, instead of the Trash.
    #[arg(long, value_name = "DIR", requires = "in_place")]
    pub(crate) backup: Option<PathBuf>,

    /// Put back the originals of an in-place run, from the Trash or backup folder (each copy goes where its
    /// original was kept). FILE is the run's --report, its journal (in $XDG_STATE_HOME/shrinkray/in-place/),
    /// or "last" for the most recent in-place run.
    #[arg(long, value_name = "FILE", exclusive = true)]
    pub(crate) undo: Option<PathBuf>,

    /// Start from the named preset (see --list-presets); options given as well override its settings.
    #[arg(long, value_name = "NAME")]
    pub(crate) preset: Option<String>,

    /// Print the presets, one a line: the name, two spaces, what it makes; then exit.
    #[arg(long, exclusive = true)]
    pub(crate) list_presets: bool,

    /// Save these options (over --preset's, if given) as the preset NAME, replacing one of that name; with
    /// inputs, then run as usual.
    #[arg(long, value_name = "NAME")]
    pub(crate) save_preset: Option<String>,

    /// The options given on the command line itself (filled after parsing), which override a preset's.
    #[arg(skip)]
    pub(crate) given: Vec<String>,

    /// Target width in pixels. With --height: fit inside (or see --mode); alone: this width.
    #[arg(long, value_name = "PX", value_parser = clap::value_parser!(u32).range(1..))]
    width: Option<u32>,

    /// Target height in pixels. With --width: fit inside (or see --mode); alone: this height.
    #[arg(long, value_name = "PX", value_parser = clap::value_parser!(u32).range(1..))]
    height: Option<u32>,

    /// Make the longer side this many pixels.
    #[arg(long, value_name = "PX", conflicts_with_all = ["width", "height", "percent"],
          value_parser = clap::value_parser!(u32).range(1..))]
    long_edge: Option<u32>,

    /// Scale both sides by this percentage.
    #[arg(long, value_name = "P", conflicts_with_all = ["width", "height"])]
    percent: Option<f32>,

    /// How --width and --height together are applied.
    #[arg(long, value_enum, default_value_t = Mode::Fit)]
    mode: Mode,

    /// Allow output larger than the input (by default images are never enlarged).
    #[arg(long)]
    allow_enlarge: bool,

    /// Resampling filter.
    #[arg(long, value_enum, default_value_t = FilterArg::Lanczos3)]
    filter: FilterArg,

    /// Output format; "same" keeps the input's format where Shrinkray can write it.
    #[arg(long, value_enum, default_value_t = FormatArg::Same)]
    format: FormatArg,

    /// Quality of JPEG, WebP and AVIF copies: 1-100, or chosen per image by how the copy looks:
    /// visually-lossless, high or good (the lowest quality whose copy scores at least 90, 83.5 or 70 in
    /// SSIMULACRA2 against the resized picture; up to 6 encodes an image, 12 for a JPEG that needs 4:4:4).
    #[arg(short, long, default_value = "85", value_name = "Q|LOOK", value_parser = parse_quality)]
    quality: QualityArg,

    /// Quality by look with this SSIMULACRA2 target (1-100) instead of a named one.
    #[arg(long, value_name = "S", value_parser = parse_score, conflicts_with_all = ["quality", "target_size"])]
    min_score: Option<f32>,

    /// JPEG copies in progressive scans (smaller files, slower to write).
    #[arg(long)]
    progressive: bool,

    /// JPEGs already within the size are not re-encoded: their entropy coding is optimised losslessly (the same
    /// pixels, every marker kept, a smaller file).
    #[arg(long)]
    optimize_jpeg: bool,

    /// Images already within the size (and under --target-size), staying in their format, are copied as they
    /// are, not re-encoded.
    #[arg(long)]
    only_if_needed: bool,

    /// Print density of the copies: N dots per inch, or "keep" (the original's), written where the format
    /// keeps one (JPEG's JFIF and EXIF, PNG's pHYs, TIFF's tags, BMP's header, WebP's EXIF).
    #[arg(long, value_name = "N|keep", value_parser = parse_dpi)]
    dpi: Option<Dpi>,

    /// Sharpen copies made smaller, lightly and by how much smaller ("sharpen for screen").
    #[arg(long)]
    sharpen: bool,

    /// JPEG chroma subsampling: auto (4:4:4 at quality 90 and above, 4:2:0 below; with jpegli, as a look
    /// uses by default, 4:4:4), 420, 422 or 444.
    #[arg(long, value_enum, default_value_t = SubsamplingArg::Auto)]
    subsampling: SubsamplingArg,

    /// JPEG encoder: auto (jpegli when --min-score or a look chooses the quality, libjpeg-turbo at a fixed
    /// quality), libjpeg-turbo or jpegli.
    #[arg(long, value_enum, default_value_t = JpegEncoderArg::Auto)]
    jpeg_encoder: JpegEncoderArg,

    /// Largest file for JPEG, WebP and AVIF copies (e.g. 200KB, 1.5MB): the quality is lowered until the copy
    /// fits; an image that does not fit even at quality 1 fails (see --shrink-to-fit).
    #[arg(long, value_name = "SIZE", value_parser = text::parse_bytes)]
    target_size: Option<u64>,

    /// With --target-size: make pictures smaller when even quality 1 is over the target, instead of failing.
    #[arg(long, requires = "target_size")]
    shrink_to_fit: bool,

    /// Keep a copy of the original instead when the resized file (in the original's format) would be larger.
    #[arg(long)]
    skip_if_larger: bool,

    /// PNG compression: fast (default), balanced or best (smallest files, slowest).
    #[arg(long, value_enum, default_value_t = PngArg::Fast)]
    png_compression: PngArg,

    /// AVIF encoder speed: 0 (smallest files, very slow) to 9 (fastest).
    #[arg(long, value_name = "0-9", default_value_t = 8, value_parser = clap::value_parser!(u8).range(0..=9))]
    avif_speed: u8,

    /// JPEG XL encoder effort: 1 (fastest) to 9 (smallest files, slowest).
    #[arg(long, value_name = "1-9", default_value_t = 7, value_parser = clap::value_parser!(u8).range(1..=9))]
    jxl_effort: u8,

    /// Output file name without extension (the tokens are listed in --help).
    #[arg(long, value_name = "TEMPLATE", default_value = "{name}",
          help = format!("Output file name without extension; tokens: {}", shrinkray::engine::naming::token_list()))]
    name: String,

    /// One more copy of each image, from the same decoding: NAME=SIZE[:FORMAT], SIZE being WxH (fit inside) or
    /// N (long edge), FORMAT as for --format (default: the main copy's). Repeatable; NAME fills {size}.
    #[arg(long, value_name = "NAME=SIZE[:FORMAT]", value_parser = parse_extra)]
    also: Vec<Also>,

    /// What {size} gives for the main copy.
    #[arg(long, value_name = "NAME", default_value = "large")]
    size_name: String,

    /// What to do when an output file already exists.
    #[arg(long, value_enum, default_value_t = CollisionArg::Rename)]
    on_collision: CollisionArg,

    /// Worker threads; 0 means auto (RAYON_NUM_THREADS if set, else all available cores).
    #[arg(short = 'j', long, default_value_t = 0, value_parser = clap::value_parser!(u16).range(0..=256))]
    threads: u16,

    /// Only the files directly inside each input folder.
    #[arg(long)]
    no_recursive: bool,

    /// Colour transparent pixels are flattened onto in formats without transparency (JPEG): #RRGGBB, white or
    /// black.
    #[arg(long, value_name = "COLOR", default_value = "white", value_parser = parse_colour)]
    background: [u8; 3],

    /// Give each copy its original's modification time.
    #[arg(long)]
    keep_dates: bool,

    /// Leave out EXIF, XMP and IPTC (by default they are kept, with orientation 1, the new pixel size and no
    /// EXIF thumbnail); the colour profile stays.
    #[arg(long)]
    strip_metadata: bool,

    /// Leave out the location (EXIF GPS and XMP exif:GPS properties) and keep the rest of the metadata.
    #[arg(long)]
    remove_location: bool,

    /// Convert colours from the input's profile (Adobe RGB, Display P3, ...) to sRGB and tag the copy sRGB.
    #[arg(long)]
    to_srgb: bool,

    /// Resample in linear light (gamma-correct): fine bright detail on dark keeps its brightness.
    #[arg(long)]
    linear: bool,

    /// Refuse images larger than this many megapixels before decoding them (decompression bombs).
    #[arg(long, value_name = "MP", default_value_t = 256, value_parser = clap::value_parser!(u32).range(1..))]
    max_megapixels: u32,

    /// Memory that decoded images of all threads together may take (e.g. 2GB, 512MiB); a thread waits
    /// before decoding an image that would go over it. "auto": a quarter of the machine's memory.
    #[arg(long, value_name = "SIZE", default_value = "auto", value_parser = parse_budget)]
    memory_budget: Budget,

    /// Print one JSON object per event on stdout ("event": started, done, failed, skipped, finished; with
    /// --dry-run: planned, estimate).
    #[arg(long)]
    pub(crate) json: bool,

    /// Write nothing: print what would happen to each input (its copy's path, skips and why, names numbered
    /// or replaced), the output folders, and an estimate of the copies' total size and the run's time from a
    /// few images converted in memory.
    #[arg(long, conflicts_with_all = ["report", "failed_list", "failed_list0"])]
    pub(crate) dry_run: bool,

    /// Keep watching the inputs: after the first pass, copies of new and changed images are made as files
    /// arrive, until Ctrl-C or SIGTERM (the images in flight finish first; exit status 0). Implies --update.
    /// --report must be .csv or .jsonl: each pass appends its rows. With --json, besides the usual events:
    /// watching, pass (after every pass, with its figures) and input_gone (an input deleted or renamed away;
    /// its copies stay).
    #[arg(long, conflicts_with_all = ["in_place", "dry_run", "failed_list", "failed_list0"])]
    pub(crate) watch: bool,

    /// With --watch: take a file once it has gone SECS seconds unmodified, as it may still be being written.
    #[arg(long, value_name = "SECS", default_value = "2", value_parser = parse_secs, requires = "watch")]
    pub(crate) settle: std::time::Duration,

    /// With --watch: look at every input in full every SECS seconds, whatever the file-system events said
    /// (a network share sends none).
    #[arg(long, value_name = "SECS", default_value = "300", value_parser = parse_secs, requires = "watch")]
    pub(crate) rescan: std::time::Duration,
}

const EXAMPLES: &str = "Examples:
  shrinkray-cli --out ~/resized --width 1920 --height 1920 ~/Pictures/2024
  shrinkray-cli --out web --long-edge 1200 --format webp --json photos/ > events.jsonl";

impl Cli {
    pub(crate) fn settings(&self) -> anyhow::Result<Settings> {
        let resize = match (self.width, self.height, self.long_edge, self.percent) {
            (Some(width), Some(height), _, _) => match self.mode {
                Mode::Fit => ResizeMode::Fit { width, height },
                Mode::Fill => ResizeMode::Fill { width, height },
                Mode::Stretch => ResizeMode::Stretch { width, height },
            },
            (w, h, _, _) if !matches!(self.mode, Mode::Fit) && (w.is_some() || h.is_some()) => {
                bail!("{}", tr!("cli-mode-needs-both"))
            }
            (Some(w), None, _, _) => ResizeMode::Width(w),
            (None, Some(h), _, _) => ResizeMode::Height(h),
            (None, None, Some(n), _) => ResizeMode::LongEdge(n),
            (None, None, None, Some(p)) => ResizeMode::Percent(p),
            (None, None, None, None) => Settings::default().resize,
        };
        let settings = Settings {
            resize,
            dont_enlarge: !self.allow_enlarge,
            filter: match self.filter {
                FilterArg::Lanczos3 => Filter::Lanczos3,
                FilterArg::CatmullRom => Filter::CatmullRom,
                FilterArg::Mitchell => Filter::Mitchell,
                FilterArg::Bilinear => Filter::Bilinear,
                FilterArg::Nearest => Filter::Nearest,
            },
            format: output_format(self.format),
            size_name: self.size_name.clone(),
            extra_outputs: self
                .also
                .iter()
                .map(|a| ExtraOutput {
                    format: output_format(a.format.unwrap_or(self.format)),
                    ..a.extra.clone()
                })
                .collect(),
            quality: match self.quality {
                QualityArg::Number(n) => n,
                QualityArg::Look(_) => Settings::default().quality,
            },
            min_score: match (self.min_score, self.quality) {
                (Some(s), _) | (None, QualityArg::Look(s)) => Some(s),
                (None, QualityArg::Number(_)) => None,
            },
            progressive: self.progressive,
            optimize_jpeg: self.optimize_jpeg,
            only_if_needed: self.only_if_needed,
            dpi: self.dpi,
            sharpen: self.sharpen,
            subsampling: match self.subsampling {
                SubsamplingArg::Auto => Subsampling::Auto,
                SubsamplingArg::S420 => Subsampling::S420,
                SubsamplingArg::S422 => Subsampling::S422,
                SubsamplingArg::S444 => Subsampling::S444,
            },
            jpeg_encoder: match self.jpeg_encoder {
                JpegEncoderArg::Auto => JpegEncoder::Auto,
                JpegEncoderArg::Turbo => JpegEncoder::Turbo,
                JpegEncoderArg::Jpegli => JpegEncoder::Jpegli,
            },
            avif_speed: self.avif_speed,
            jxl_effort: self.jxl_effort,
            png_compression: match self.png_compression {
                PngArg::Fast => PngCompression::Fast,
                PngArg::Balanced => PngCompression::Balanced,
                PngArg::Best => PngCompression::Best,
            },
            target_size: self.target_size,
            shrink_to_fit: self.shrink_to_fit,
            skip_if_larger: self.skip_if_larger,
            output_dir: self.out.as_deref().map(local_or_url),
            name_template: self.name.clone(),
            update: self.update || self.watch,
            on_collision: match self.on_collision {
                CollisionArg::Rename => Collision::Rename,
                CollisionArg::Overwrite => Collision::Overwrite,
                CollisionArg::Skip => Collision::Skip,
            },
            threads: NonZeroUsize::new(usize::from(self.threads)),
            recursive: !self.no_recursive,
            background: self.background,
            keep_dates: self.keep_dates,
            strip_metadata: self.strip_metadata,
            remove_location: self.remove_location,
            to_srgb: self.to_srgb,
            linear: self.linear,
            limits: Limits {
                max_pixels: u64::from(self.max_megapixels) * 1_000_000,
                memory_budget: self.memory_budget.0,
                ..Limits::default()
            },
        };
        let settings = crate::presets::over_preset(self, settings)?;
        if self.out.is_some() || settings.output_dir.is_some() {
            settings.validate().said().context(tr!("cli-invalid-options"))?;
        }
        Ok(settings)
    }
}
