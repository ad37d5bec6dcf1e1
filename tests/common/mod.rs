//! Helpers shared by the integration tests: generated images and a job run to completion.

#![allow(dead_code)]

#[cfg(feature = "gui")]
pub mod app;
pub mod bombs;
pub mod hostile;
#[cfg(feature = "cloud")]
pub mod s3;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use image::{ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};
use shrinkray::engine::{JobEvent, JobHandle, JobOptions, Settings, Summary};

/// A file under `tests/data`.
pub fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

/// A photo-like picture: smooth gradients with deterministic grain, so encoders have real work to do.
pub fn photo(width: u32, height: u32, seed: u32) -> RgbImage {
    let mut state = seed.wrapping_mul(2_654_435_761).wrapping_add(12345);
    RgbImage::from_fn(width, height, |x, y| {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let grain = ((state >> 16) % 24) as i32 - 12;
        let fx = x as f32 / width.max(1) as f32;
        let fy = y as f32 / height.max(1) as f32;
        let c = |v: f32| (v * 255.0).clamp(0.0, 255.0) as i32;
        let px = |v: i32| (v + grain).clamp(0, 255) as u8;
        Rgb([
            px(c(fx)),
            px(c(fy * 0.8 + 0.1)),
            px(c(((fx + fy) * 3.0 + seed as f32).sin() * 0.5 + 0.5)),
        ])
    })
}

/// Saves a generated photo in `format` at `path` (creating folders) and returns the path.
pub fn write_photo(path: &Path, width: u32, height: u32, format: ImageFormat) -> PathBuf {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    photo(width, height, width ^ height)
        .save_with_format(path, format)
        .unwrap();
    path.to_owned()
}

/// `count` photos of 1024×768 saved by libjpeg-turbo at quality 40 in `dir/small/sources`, which is returned:
/// inside the default box and below q85, so copies at the default settings come out larger than they are.
pub fn write_inflatable_jpegs(dir: &Path, count: u32) -> PathBuf {
    let sources = dir.join("sources");
    for i in 0..count {
        write_photo(&sources.join(format!("{i}.png")), 1024, 768, ImageFormat::Png);
    }
    let small = dir.join("small");
    let made = run(
        &[sources],
        Settings {
            format: shrinkray::engine::OutputFormat::Jpeg,
            quality: 40,
            ..settings_to(&small)
        },
    );
    assert_eq!(summary(&made).done, count as usize);
    small.join("sources")
}

/// An RGBA image: an opaque red disc on a fully transparent field.
pub fn write_transparent_png(path: &Path, size: u32) -> PathBuf {
    let r = size as f32 / 3.0;
    let c = size as f32 / 2.0;
    let img = RgbaImage::from_fn(size, size, |x, y| {
        let d = ((x as f32 - c).powi(2) + (y as f32 - c).powi(2)).sqrt();
        if d < r {
            Rgba([220, 20, 20, 255])
        } else {
            Rgba([0, 255, 0, 0])
        }
    });
    img.save(path).unwrap();
    path.to_owned()
}

/// The default settings with `out` as the output folder.
pub fn settings_to(out: &Path) -> Settings {
    Settings {
        output_dir: Some(out.to_owned()),
        ..Settings::default()
    }
}

/// Resizes one file into `out` with `resize` (other settings default) and returns the one output's path.
pub fn resize_one(input: &Path, out: &Path, resize: shrinkray::engine::ResizeMode) -> PathBuf {
    let settings = Settings {
        resize,
        ..settings_to(out)
    };
    let written = outputs(&run(&[input.to_owned()], settings));
    assert_eq!(written.len(), 1, "{}", input.display());
    written[0].clone()
}

/// Each failed input with its message, in event order.
pub fn failures(events: &[JobEvent]) -> Vec<(PathBuf, String)> {
    events
        .iter()
        .filter_map(|e| match e {
            JobEvent::ImageFailed { input, error, .. } => Some((input.clone(), error.to_string())),
            _ => None,
        })
        .collect()
}

/// Each skipped input with its reason, in event order.
pub fn skips(events: &[JobEvent]) -> Vec<(PathBuf, String)> {
    events
        .iter()
        .filter_map(|e| match e {
            JobEvent::ImageSkipped { input, reason, .. } => Some((input.clone(), reason.to_string())),
            _ => None,
        })
        .collect()
}

/// Starts the real `shrinkray-cli` with `args` (which should include `--json`), its event lines readable as they
/// come, stderr silenced.
pub fn spawn_cli(
    args: &[&str],
) -> (
    std::process::Child,
    std::io::Lines<std::io::BufReader<std::process::ChildStdout>>,
) {
    use std::io::BufRead;
    let mut child = started(|| {
        std::process::Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"))
            .env("LC_ALL", "C")
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
    })
    .unwrap();
    let lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    (child, lines)
}

/// Runs the real `shrinkray-cli` with `args` to its end (RAYON_NUM_THREADS unset, so "Auto" is the machine's).
pub fn cli(args: &[&str]) -> std::process::Output {
    started(|| {
        std::process::Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"))
            .env("LC_ALL", "C")
            .args(args)
            .env_remove("RAYON_NUM_THREADS")
            .output()
    })
    .expect("run shrinkray-cli")
}

/// A path as a command-line argument.
pub fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Runs a job to the end and returns every event (the last is `Finished`).
pub fn run(inputs: &[PathBuf], settings: Settings) -> Vec<JobEvent> {
    let job = JobHandle::start(inputs.to_vec(), settings, JobOptions::default(), Arc::new(|| {})).unwrap();
    collect(&job)
}

/// Drains a started job until `Finished`, failing the test if it hangs.
pub fn collect(job: &JobHandle) -> Vec<JobEvent> {
    let mut events = Vec::new();
    loop {
        let event = job
            .events()
            .recv_timeout(Duration::from_secs(120))
            .expect("the job sent no event for two minutes");
        let last = matches!(event, JobEvent::Finished { .. });
        events.push(event);
        if last {
            return events;
        }
    }
}

/// The first `ImageDone` of a job (for jobs of one image), failing the test when there is none.
pub fn done(events: &[JobEvent]) -> &shrinkray::engine::ImageDone {
    events
        .iter()
        .find_map(|e| match e {
            JobEvent::ImageDone(d) => Some(&**d),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no image done: {events:?}"))
}

/// The summary from the `Finished` event.
pub fn summary(events: &[JobEvent]) -> &Summary {
    match events.last() {
        Some(JobEvent::Finished { summary }) => summary,
        other => panic!("last event is not Finished: {other:?}"),
    }
}

/// Outputs of the `ImageDone` events, in plan order.
pub fn outputs(events: &[JobEvent]) -> Vec<PathBuf> {
    let mut done: Vec<_> = events
        .iter()
        .filter_map(|e| match e {
            JobEvent::ImageDone(d) => Some((d.index, d.output.clone())),
            _ => None,
        })
        .collect();
    done.sort();
    done.into_iter().map(|(_, p)| p).collect()
}

/// Every file below `dir`, relative to it, sorted; the manifest folder (`.shrinkray/`, the record of what
/// runs made) is left out, as it holds no copies.
pub fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| e.file_name() != shrinkray::engine::MANIFEST_DIR)
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap().to_owned())
        .collect();
    files.sort();
    files
}

/// Width and height of an image file, read from its header.
pub fn dims(path: &Path) -> (u32, u32) {
    image::image_dimensions(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Mean absolute difference per channel between two pictures of the same size.
pub fn mean_diff(a: &RgbImage, b: &RgbImage) -> f64 {
    assert_eq!(a.dimensions(), b.dimensions());
    let sum: u64 = a
        .as_raw()
        .iter()
        .zip(b.as_raw())
        .map(|(&x, &y)| u64::from(x.abs_diff(y)))
        .sum();
    sum as f64 / a.as_raw().len() as f64
}

/// Each file below `dir` (relative path, sorted) with its width: in tests whose inputs differ by width, which
/// input became which output.
pub fn names_and_widths(dir: &Path) -> Vec<(String, u32)> {
    files_below(dir)
        .iter()
        .map(|f| (slashed(f), dims(&dir.join(f)).0))
        .collect()
}

/// A file's modification time in nanoseconds since 1970, as the output folder's manifest records it (for tests
/// that plant records).
pub fn modified_nanos(meta: &std::fs::Metadata) -> u128 {
    meta.modified()
        .unwrap()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

/// Makes `link` a symbolic link to `target` (a file or a folder), the same call on Unix and Windows, and says
/// whether it exists: `false`, with the reason on standard error, where links cannot be made. Wine 8.0 answers
/// `CreateSymbolicLinkW` with success and makes nothing, so a test about links returns early there (its
/// Unix run and a real Windows run keep it meaningful).
pub fn symlink(target: impl AsRef<Path>, link: impl AsRef<Path>) -> bool {
    let (target, link) = (target.as_ref(), link.as_ref());
    #[cfg(unix)]
    let made = std::os::unix::fs::symlink(target, link);
    #[cfg(windows)]
    let made = if target.is_dir() {
        std::os::windows::fs::symlink_dir(target, link)
    } else {
        std::os::windows::fs::symlink_file(target, link)
    };
    match made.and_then(|()| fs::symlink_metadata(link)) {
        Ok(meta) if meta.file_type().is_symlink() => true,
        outcome => {
            eprintln!(
                "skipped: no symbolic link could be made here ({outcome:?}): {}",
                link.display()
            );
            false
        }
    }
}

/// Whether HEIC and AVIF can be read and written here: the Windows build ships no libheif (see the README), so
/// tests leave those formats out there and check its clear error instead (`windows_names`); elsewhere CI
/// installs it.
pub const HEIF: bool = cfg!(not(windows));

/// Whether JPEG XL copies can be written here: as libheif, the Windows build ships no libjxl (reading JPEG XL
/// needs none); elsewhere CI installs it.
pub const JXL: bool = cfg!(not(windows));

/// A path with `/` between its parts whatever the platform, for comparing with names written in a test.
pub fn slashed(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Starts a process with `start`, once more when Wine fails to (it now and then answers "Internal error",
/// 1359, while other processes start); anything else is returned as it came.
pub fn started<T>(start: impl Fn() -> std::io::Result<T>) -> std::io::Result<T> {
    match start() {
        Err(e) if cfg!(windows) && e.raw_os_error() == Some(1359) => start(),
        other => other,
    }
}
