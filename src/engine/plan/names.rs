//! Naming one copy: its encoding and its path, from the template and, when the template or the format needs
//! them, the input's size and alpha read from its header.

use std::path::{Path, PathBuf};

use crate::engine::discover::Candidate;
use crate::engine::error::ImageError;
use crate::engine::formats::detect::InputFormat;
use crate::engine::formats::encode::Encoding;
use crate::engine::geometry::target_size;
use crate::engine::naming::{NameParts, check_template, file_name, needs_size, render};
use crate::engine::pipeline::read_header;
use crate::engine::settings::{ResizeMode, Settings, SettingsError, Variant};

/// Resolves the encoding and renders the template for one copy (reading the header when it must).
pub(super) fn name_one(
    c: &Candidate,
    format: InputFormat,
    variant: Variant,
    settings: &Settings,
    out_dir: &Path,
    image_no: usize,
    digits: usize,
) -> Result<(Encoding, PathBuf), ImageError> {
    let want_size = needs_size(&settings.name_template);
    let header = if want_size || Encoding::needs_alpha_probe(variant.format, format) {
        Some(read_header(&c.path, format, &settings.limits)?)
    } else {
        None
    };
    let encoding = Encoding::resolve_to(variant.format, settings, format, || {
        header.as_ref().is_some_and(|h| h.has_alpha)
    });
    let size = header
        .as_ref()
        .map(|h| target_size(h.width, h.height, variant.resize, settings.dont_enlarge));
    let parts = NameParts {
        name: c.path.file_stem().unwrap_or_default(),
        ext: c.path.extension().unwrap_or_default(),
        size,
        size_name: variant.name,
        index: image_no,
        index_digits: digits,
    };
    let folder = c
        .relative
        .parent()
        .map_or_else(|| out_dir.to_owned(), |p| out_dir.join(p));
    Ok((
        encoding,
        output_path(&settings.name_template, &parts, format, encoding, &folder),
    ))
}

/// `folder/NAME.EXT`: the template filled in, and the encoding's extension, or the input's own spelling of it
/// (.JPG, .jpeg) when the format stays the same.
fn output_path(template: &str, parts: &NameParts, format: InputFormat, encoding: Encoding, folder: &Path) -> PathBuf {
    let name = render(template, parts);
    let ext = parts
        .ext
        .to_str()
        .filter(|e| encoding.format() == format && format.extensions().contains(&e.to_ascii_lowercase().as_str()))
        .unwrap_or(encoding.extension());
    folder.join(file_name(&name, &format!(".{ext}")))
}

/// The output a job would give `file` (found `relative_dir` deep in an input folder), worked out from the
/// settings alone so that a UI can show it before a job without reading the file: the size is the resize
/// box's (1920×1080 where the mode has none), `{index}` is 42, and the format is the extension's. Fails as the
/// job would for a bad template or no output folder.
pub fn example_output(settings: &Settings, file: &Path, relative_dir: &Path) -> Result<PathBuf, SettingsError> {
    check_template(&settings.name_template)?;
    let out_dir = settings.output_dir.as_ref().ok_or(SettingsError::NoOutputDir)?;
    let format = InputFormat::from_path(file).unwrap_or(InputFormat::Image(image::ImageFormat::Jpeg));
    let encoding = Encoding::resolve(settings, format, || false);
    let parts = NameParts {
        name: file.file_stem().unwrap_or_default(),
        ext: file.extension().unwrap_or_default(),
        size: Some(match settings.resize {
            ResizeMode::Fit { width, height }
            | ResizeMode::Fill { width, height }
            | ResizeMode::Stretch { width, height } => (width, height),
            _ => (1920, 1080),
        }),
        size_name: &settings.size_name,
        index: 42,
        index_digits: 4,
    };
    Ok(output_path(
        &settings.name_template,
        &parts,
        format,
        encoding,
        &out_dir.join(relative_dir),
    ))
}
