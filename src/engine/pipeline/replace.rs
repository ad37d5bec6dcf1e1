//! One image of an in-place run: its copy made in memory as for any run, then, if it is smaller, swapped in
//! for the original by the guard (`guard::swap_in`), which keeps the original first.

use std::io;
use std::path::Path;
use std::time::Instant;

use super::copies::{make_copies, needs_nothing, thumbnail_of};
use super::decode::decode_in_memory;
use crate::engine::budget::Budget;
use crate::engine::error::ImageError;
use crate::engine::event::ImageDone;
use crate::engine::guard::{Keep, NotSwapped, Swap, SwapRecord, swap_in};
use crate::engine::settings::Settings;
use crate::engine::task::Task;

/// What became of one original.
pub(crate) enum Replaced {
    /// Replaced by its copy (the record of the swap), or kept as it was (`kept_original`, none).
    Done(Box<ImageDone>, Option<SwapRecord>),
    /// Left as it is, for this reason: a skip.
    Left(String),
}

/// Makes `task`'s copy and, when it is smaller than the original, puts it in the original's place, the
/// original going to `keep`; `note` writes the swap to the run's journal before the original is touched.
pub(crate) fn replace(
    task: &Task,
    settings: &Settings,
    thumbnail_edge: Option<u32>,
    budget: &Budget,
    keep: &Keep,
    note: &dyn Fn(&SwapRecord) -> io::Result<()>,
) -> Result<Replaced, ImageError> {
    let start = Instant::now();
    let unchanged = |size: (u32, u32), why: &str| ImageDone {
        index: task.index,
        input: task.input.clone(),
        output: task.input.clone(),
        input_bytes: task.input_bytes,
        output_bytes: task.input_bytes,
        quality: None,
        score: None,
        kept_original: true,
        note: Some(why.to_owned()),
        extra: Vec::new(),
        input_size: size,
        output_size: size,
        elapsed: start.elapsed(),
        thumbnail: None,
    };
    if let Some(size) = needs_nothing(task, settings) {
        let done = unchanged(size, "already within the size: left as it is");
        return Ok(Replaced::Done(Box::new(done), None));
    }
    let copies = make_copies(task, settings, budget)?;
    let converted = copies.main;
    if copies.keep_original || converted.bytes.len() as u64 >= task.input_bytes {
        let done = unchanged(converted.input_size, "the copy was not smaller: the original stays");
        return Ok(Replaced::Done(Box::new(done), None));
    }
    let (Some(expected), Some(new_name)) = (task.replaces, task.output.file_name()) else {
        return Ok(Replaced::Left("it was not planned for an in-place run".to_owned()));
    };
    let size = converted.output_size;
    let limits = settings.limits;
    let output = task.output.clone();
    let check = move |data: Vec<u8>| -> Result<(), String> {
        let (img, _) = decode_in_memory(data, &output, &limits).map_err(|e| e.to_string())?;
        let got = (img.width(), img.height());
        // A copy may keep an orientation tag that turns it upright: either way round is its size.
        if got == size || got == (size.1, size.0) {
            Ok(())
        } else {
            Err(format!("it is {}x{}, not {}x{}", got.0, got.1, size.0, size.1))
        }
    };
    let swap = Swap {
        original: &task.input,
        expected,
        new_name,
        relative: Path::new(&task.key),
        keep,
    };
    let record = match swap_in(&swap, &converted.bytes, &check, note) {
        Ok(record) => record,
        Err(NotSwapped::Left(why)) => return Ok(Replaced::Left(why)),
        Err(NotSwapped::Failed(error)) => return Err(error),
    };
    let mut notes: Vec<String> = converted.note.clone().into_iter().collect();
    if record.name != record.new_name {
        notes.push(format!(
            "now {}, renamed {}",
            task.encoding.format().name(),
            record.new_name
        ));
    }
    notes.push(format!("the original is in {keep}"));
    let thumbnail = thumbnail_edge.and_then(|edge| thumbnail_of(&converted, edge, settings));
    let done = ImageDone {
        index: task.index,
        input: task.input.clone(),
        output: task.output.clone(),
        input_bytes: task.input_bytes,
        output_bytes: converted.bytes.len() as u64,
        quality: converted.quality,
        score: converted.score,
        kept_original: false,
        note: Some(notes.join("; ")),
        extra: Vec::new(),
        input_size: converted.input_size,
        output_size: converted.output_size,
        elapsed: start.elapsed(),
        thumbnail,
    };
    Ok(Replaced::Done(Box::new(done), Some(record)))
}
