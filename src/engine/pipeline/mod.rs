//! One image, start to finish: read, decode, orient, resize, encode, write, thumbnail.

mod animation;
mod cmyk;
mod convert;
mod copies;
mod copy;
mod decode;
mod decode_jxl;
mod header;
mod input;
mod jxl_copy;
mod look;
mod planar;
mod preview;
mod replace;
mod resample;
mod sharpen;
mod target_size;
mod thumbnail;

use std::time::Instant;

pub use convert::resize_bytes;
pub use decode::open;
pub(crate) use header::read_header;
pub use preview::{Preview, preview};
pub(crate) use replace::{Replaced, replace};
pub use thumbnail::{load_thumbnail, load_thumbnail_sized};

use crate::engine::budget::Budget;
use crate::engine::error::ImageError;
use crate::engine::event::{ExtraDone, ImageDone};
use crate::engine::guard::write_copy;
use crate::engine::settings::Settings;
use crate::engine::task::Task;
pub(crate) use copies::{Copies, make_copies};
use copies::{needs_nothing, thumbnail_of};

/// Runs the whole pipeline for `task` and says what became of it. Nothing is written unless every step before
/// the write succeeded. The decoded pixels are held against `budget` from just before they are allocated until
/// the image is written.
pub(crate) fn process(
    task: &Task,
    settings: &Settings,
    thumbnail_edge: Option<u32>,
    budget: &Budget,
) -> Result<ImageDone, ImageError> {
    let start = Instant::now();
    if let Some(done) = untouched(task, settings, thumbnail_edge, start) {
        return done;
    }
    let Copies {
        main: converted,
        extras,
        keep_original,
    } = make_copies(task, settings, budget)?;
    let modified = if settings.keep_dates { task.modified } else { None };
    let original;
    let bytes = if keep_original {
        original = crate::engine::storage::read(&task.input).map_err(|source| ImageError::Read {
            source,
            path: task.input.clone(),
        })?;
        &original
    } else {
        &converted.bytes
    };
    write_copy(&task.root, &task.output, bytes, task.replaces, modified, &task.input)?;
    let mut extra = Vec::with_capacity(extras.len());
    for (copy, out) in extras.iter().zip(&task.extra) {
        write_copy(
            &task.root,
            &out.output,
            &copy.bytes,
            out.replaces,
            modified,
            &task.input,
        )?;
        extra.push(ExtraDone {
            output: out.output.clone(),
            output_bytes: copy.bytes.len() as u64,
            output_size: copy.output_size,
        });
    }
    let thumbnail = thumbnail_edge.and_then(|edge| thumbnail_of(&converted, edge, settings));
    Ok(ImageDone {
        index: task.index,
        input: task.input.clone(),
        output: task.output.clone(),
        input_bytes: task.input_bytes,
        output_bytes: bytes.len() as u64,
        quality: if keep_original { None } else { converted.quality },
        score: if keep_original { None } else { converted.score },
        kept_original: keep_original,
        note: converted.note,
        extra,
        input_size: converted.input_size,
        output_size: if keep_original {
            converted.input_size
        } else {
            converted.output_size
        },
        elapsed: start.elapsed(),
        thumbnail,
    })
}

/// With `only_if_needed`, the copy of an image that needs nothing: already within the size (and the target
/// file size), staying in its format, with no metadata to take out or colours to convert. It is the original,
/// byte for byte, and is not decoded. None when the image needs work.
fn untouched(
    task: &Task,
    settings: &Settings,
    thumbnail_edge: Option<u32>,
    start: Instant,
) -> Option<Result<ImageDone, ImageError>> {
    let size = needs_nothing(task, settings)?;
    let copied = || -> Result<ImageDone, ImageError> {
        let original = crate::engine::storage::read(&task.input).map_err(|source| ImageError::Read {
            source,
            path: task.input.clone(),
        })?;
        let modified = if settings.keep_dates { task.modified } else { None };
        write_copy(
            &task.root,
            &task.output,
            &original,
            task.replaces,
            modified,
            &task.input,
        )?;
        let thumbnail =
            thumbnail_edge.and_then(|edge| thumbnail::load_thumbnail(&task.input, edge, &settings.limits).ok());
        Ok(ImageDone {
            index: task.index,
            input: task.input.clone(),
            output: task.output.clone(),
            input_bytes: task.input_bytes,
            output_bytes: original.len() as u64,
            quality: None,
            score: None,
            kept_original: true,
            note: Some("already within the size: copied as it is".to_owned()),
            extra: Vec::new(),
            input_size: size,
            output_size: size,
            elapsed: start.elapsed(),
            thumbnail,
        })
    };
    Some(copied())
}

#[cfg(test)]
mod tests {
    #[test]
    fn several_copies_come_from_one_decoding() {
        use crate::engine::{ExtraOutput, OutputFormat, ResizeMode, Settings};
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("photo.jpg");
        image::RgbImage::from_fn(640, 480, |x, y| image::Rgb([x as u8, y as u8, 128]))
            .save(&input)
            .unwrap();
        let settings = Settings {
            resize: ResizeMode::LongEdge(320),
            output_dir: Some(dir.path().join("out")),
            name_template: "{name}-{size}".to_owned(),
            extra_outputs: vec![ExtraOutput {
                name: "thumb".to_owned(),
                resize: ResizeMode::LongEdge(100),
                format: OutputFormat::WebP,
            }],
            ..Settings::default()
        };
        let inputs = [input];
        let mut plan = crate::engine::plan(&inputs, &settings).unwrap();
        let Some(crate::engine::PlanEntry::Task(task)) = plan.next() else {
            panic!("no task")
        };
        super::convert::DECODES.set(0);
        let budget = super::Budget::new(u64::MAX);
        let done = super::process(&task, &settings, None, &budget).unwrap();
        assert_eq!(super::convert::DECODES.get(), 1, "one decoding for two copies");
        assert_eq!(done.output_size, (320, 240));
        assert_eq!(done.extra.len(), 1);
        assert_eq!(done.extra[0].output_size, (100, 75));
        assert!(done.extra[0].output.ends_with("out/photo-thumb.webp"));
        assert!(task.output.ends_with("out/photo-large.jpg"));
    }
}
