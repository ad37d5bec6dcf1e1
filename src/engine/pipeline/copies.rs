//! A task's copies made in memory (`make_copies`), and what the writing routes share: the thumbnail of a copy,
//! and whether an image needs any work at all.

use crate::engine::budget::Budget;
use crate::engine::error::ImageError;
use crate::engine::event::Thumbnail;
use crate::engine::formats::{density, jpeg};
use crate::engine::geometry::target_size;
use crate::engine::settings::{Dpi, Settings};
use crate::engine::task::Task;

use super::convert::{convert, convert_many};
use super::copy::{Converted, Names};
use super::header::read_header;
use super::input::Source;
use super::thumbnail::make_thumbnail;

/// A task's copies, encoded and not yet written: what `process` writes and a batch estimate measures.
pub(crate) struct Copies {
    /// The main copy.
    pub main: Converted,
    /// The extra copies, in the task's order.
    pub extras: Vec<Converted>,
    /// The main copy, in the original's format, came out no smaller than the original, and the settings
    /// say to keep the original then (`skip_if_larger`).
    pub keep_original: bool,
}

/// Decodes, resizes and encodes every copy of `task`, in memory. The decoded pixels are held against `budget`
/// until the copies are encoded.
pub(crate) fn make_copies(task: &Task, settings: &Settings, budget: &Budget) -> Result<Copies, ImageError> {
    let names = Names {
        input: &task.input,
        output: &task.output,
    };
    let (main, extras) = if task.extra.is_empty() {
        let converted = convert(Source::File, task.format, task.encoding, settings, budget, names)?;
        (converted, Vec::new())
    } else {
        let mut all = convert_many(task, settings, budget)?.into_iter();
        let main = all.next().ok_or_else(|| ImageError::Encode {
            why: "no copy was made".to_owned(),
            path: task.output.clone(),
        })?;
        (main, all.collect())
    };
    // A copy in the original's format that came out larger: the original is the better copy.
    let keep_original =
        settings.skip_if_larger && task.encoding.format() == task.format && main.bytes.len() as u64 >= task.input_bytes;
    let mut copies = Copies {
        main,
        extras,
        keep_original,
    };
    if let Some(dpi) = settings.dpi {
        set_density(&mut copies, task, dpi);
    }
    Ok(copies)
}

/// Gives every copy the density asked for: `dpi`, or the original's (when it has one).
fn set_density(copies: &mut Copies, task: &Task, dpi: Dpi) {
    let wanted = match dpi {
        Dpi::Set(n) => Some(n),
        Dpi::Keep => crate::engine::storage::read(&task.input)
            .ok()
            .and_then(|original| density::read(&original))
            .map(|d| d.round().clamp(1.0, 65535.0) as u16),
    };
    if let Some(n) = wanted {
        for copy in std::iter::once(&mut copies.main).chain(copies.extras.iter_mut()) {
            density::write(&mut copy.bytes, n);
        }
    }
}

/// The thumbnail of a copy just made.
pub(super) fn thumbnail_of(converted: &Converted, edge: u32, settings: &Settings) -> Option<Thumbnail> {
    match &converted.resized {
        Some(resized) => make_thumbnail(resized, edge),
        // The planar path keeps no RGB picture: decode the small copy at reduced scale instead.
        None => {
            let (tw, th) = converted.output_size;
            let shrink = jpeg::shrink_for(tw, th, f64::from(edge) / f64::from(tw.max(th)));
            let jpeg = converted.jpeg_inside.as_deref().unwrap_or(&converted.bytes);
            let small = jpeg::decode(jpeg, shrink, settings.limits.max_alloc).ok()?;
            make_thumbnail(&small, edge)
        }
    }
}

/// With `only_if_needed`, the size of an image that needs nothing: already within the size (and the target
/// file size), staying in its format, with no metadata to take out or colours to convert. None when it needs
/// work.
pub(super) fn needs_nothing(task: &Task, settings: &Settings) -> Option<(u32, u32)> {
    // A JPEG that optimising losslessly can make smaller goes that way instead.
    let optimised = settings.optimize_jpeg
        && task.format == crate::engine::formats::detect::InputFormat::Image(image::ImageFormat::Jpeg);
    let asks_for_work = settings.strip_metadata
        || settings.remove_location
        || settings.to_srgb
        || optimised
        || matches!(settings.dpi, Some(Dpi::Set(_)));
    if !settings.only_if_needed
        || asks_for_work
        || !task.extra.is_empty()
        || task.encoding.format() != task.format
        || settings.target_size.is_some_and(|most| task.input_bytes > most)
    {
        return None;
    }
    let header = read_header(&task.input, task.format, &settings.limits).ok()?;
    let size = (header.width, header.height);
    (target_size(size.0, size.1, settings.resize, settings.dont_enlarge) == size).then_some(size)
}
