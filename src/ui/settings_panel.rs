//! The settings panel: size, output, threads, advanced. Widgets edit the settings in place; actions with
//! effects (the folder picker) become commands.

use std::num::NonZeroUsize;
use std::path::PathBuf;

use eframe::egui;

use super::command::Command;
use super::state::{AppState, Preset};
use crate::engine::naming::{NameParts, render};
use crate::engine::{
    Collision, Filter, Limits, OutputFormat, PngCompression, ResizeMode, Settings, auto_memory_budget, auto_threads,
};

/// Draws every section. `example_input` names a file for the live name example.
pub fn show(
    ui: &mut egui::Ui,
    state: &mut AppState,
    example_input: Option<&(PathBuf, PathBuf)>,
    commands: &mut Vec<Command>,
) {
    egui::CollapsingHeader::new("Size")
        .default_open(true)
        .show(ui, |ui| size(ui, state));
    egui::CollapsingHeader::new("Output")
        .default_open(true)
        .show(ui, |ui| output(ui, state, example_input, commands));
    egui::CollapsingHeader::new("Threads")
        .default_open(true)
        .show(ui, |ui| threads(ui, state));
    egui::CollapsingHeader::new("More sizes")
        .default_open(!state.settings.extra_outputs.is_empty())
        .show(ui, |ui| extra_outputs(ui, &mut state.settings));
    egui::CollapsingHeader::new("Metadata and colour")
        .default_open(false)
        .show(ui, |ui| fidelity(ui, &mut state.settings));
    egui::CollapsingHeader::new("Advanced")
        .default_open(false)
        .show(ui, |ui| advanced(ui, state));
}

fn size(ui: &mut egui::Ui, state: &mut AppState) {
    let settings = &mut state.settings;
    egui::Grid::new("size")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            ui.label("Preset");
            let before = state.preset;
            egui::ComboBox::from_id_salt("preset")
                .selected_text(state.preset.label())
                .show_ui(ui, |ui| {
                    for preset in Preset::ALL {
                        ui.selectable_value(&mut state.preset, preset, preset.label());
                    }
                })
                .response
                .on_hover_text("Common target sizes; editing the size below makes it Custom");
            if state.preset != before {
                settings.resize = state.preset.apply(settings.resize);
            }
            ui.end_row();

            ui.label("Mode");
            let mut kind = ModeKind::of(settings.resize);
            egui::ComboBox::from_id_salt("mode")
                .selected_text(kind.label())
                .show_ui(ui, |ui| {
                    for k in ModeKind::ALL {
                        ui.selectable_value(&mut kind, k, k.label()).on_hover_text(k.help());
                    }
                })
                .response
                .on_hover_text(kind.help());
            if kind != ModeKind::of(settings.resize) {
                settings.resize = kind.convert(settings.resize);
            }
            ui.end_row();

            let before = settings.resize;
            match &mut settings.resize {
                ResizeMode::Fit { width, height }
                | ResizeMode::Fill { width, height }
                | ResizeMode::Stretch { width, height } => {
                    ui.label("Box");
                    ui.horizontal(|ui| {
                        ui.add(px(width)).on_hover_text("Width in pixels");
                        ui.label("×");
                        ui.add(px(height)).on_hover_text("Height in pixels");
                    });
                    ui.end_row();
                }
                ResizeMode::Width(n) => labelled_px(ui, "Width", n),
                ResizeMode::Height(n) => labelled_px(ui, "Height", n),
                ResizeMode::LongEdge(n) => labelled_px(ui, "Long edge", n),
                ResizeMode::Percent(p) => {
                    ui.label("Scale");
                    ui.add(egui::DragValue::new(p).range(1.0..=400.0).suffix(" %").speed(0.5))
                        .on_hover_text("Percentage of the original size");
                    ui.end_row();
                }
            }
            if settings.resize != before {
                state.preset = Preset::Custom;
            }
        });
    ui.checkbox(&mut settings.dont_enlarge, "Don't enlarge")
        .on_hover_text("Images smaller than the target keep their size");
}

fn labelled_px(ui: &mut egui::Ui, label: &str, n: &mut u32) {
    ui.label(label);
    ui.add(px(n)).on_hover_text(format!("{label} in pixels"));
    ui.end_row();
}

fn px(n: &mut u32) -> egui::DragValue<'_> {
    egui::DragValue::new(n).range(1..=65_535).suffix(" px").speed(4.0)
}

fn output(
    ui: &mut egui::Ui,
    state: &mut AppState,
    example_input: Option<&(PathBuf, PathBuf)>,
    commands: &mut Vec<Command>,
) {
    let settings = &mut state.settings;
    egui::Grid::new("output")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            ui.label("Format");
            egui::ComboBox::from_id_salt("format")
                .selected_text(format_label(settings.format))
                .show_ui(ui, |ui| {
                    for f in OutputFormat::ALL {
                        ui.selectable_value(&mut settings.format, f, format_label(f));
                    }
                })
                .response
                .on_hover_text(
                    "Same as input keeps each image's format (HEIC and formats Shrinkray cannot write become \
                     JPEG, or PNG with transparency). WebP and AVIF make the smallest files for the web.",
                );
            ui.end_row();

            if settings.format.is_lossy() {
                ui.label("Quality");
                ui.add(egui::Slider::new(&mut settings.quality, 1..=100))
                    .on_hover_text("JPEG, WebP and AVIF quality: higher is sharper and larger; 85 suits photos");
                ui.end_row();
            }
            if settings.format.is_lossy() {
                target_size(ui, settings);
            }
            if matches!(settings.format, OutputFormat::Png | OutputFormat::SameAsInput) {
                ui.label("PNG compression");
                egui::ComboBox::from_id_salt("png-compression")
                    .selected_text(png_label(settings.png_compression))
                    .show_ui(ui, |ui| {
                        for c in [PngCompression::Fast, PngCompression::Balanced, PngCompression::Best] {
                            ui.selectable_value(&mut settings.png_compression, c, png_label(c));
                        }
                    })
                    .response
                    .on_hover_text("Fast writes PNGs several times sooner; Best makes them a little smaller");
                ui.end_row();
            }
            if settings.format == OutputFormat::Avif {
                ui.label("AVIF speed");
                ui.add(egui::Slider::new(&mut settings.avif_speed, 0..=9))
                    .on_hover_text(
                        "0 makes the smallest files very slowly; 9 is fastest. 8 takes about 2 s for \
                                    a 1920-pixel photo on one core.",
                    );
                ui.end_row();
            }

            ui.label("Folder");
            ui.horizontal(|ui| {
                let mut text = settings
                    .output_dir
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                let edit = egui::TextEdit::singleline(&mut text)
                    .hint_text("Choose an output folder")
                    .desired_width(170.0);
                if ui.add(edit).on_hover_text("Where the copies go").changed() {
                    settings.output_dir = (!text.trim().is_empty()).then(|| PathBuf::from(text.trim()));
                }
                if ui.button("Choose…").on_hover_text("Pick the output folder").clicked() {
                    commands.push(Command::PickOutputDir);
                }
            });
            ui.end_row();

            ui.label("File name");
            ui.add(egui::TextEdit::singleline(&mut settings.name_template).desired_width(170.0))
                .on_hover_text("Tokens: {name} {ext} {width} {height} {index}");
            ui.end_row();

            ui.label("If it exists");
            egui::ComboBox::from_id_salt("collision")
                .selected_text(collision_label(settings.on_collision))
                .show_ui(ui, |ui| {
                    for c in [Collision::Rename, Collision::Overwrite, Collision::Skip] {
                        ui.selectable_value(&mut settings.on_collision, c, collision_label(c));
                    }
                })
                .response
                .on_hover_text("What happens when an output file already exists (an original is never replaced)");
            ui.end_row();
        });
    ui.checkbox(&mut state.settings.skip_if_larger, "Skip if larger")
        .on_hover_text(
            "Keep a copy of the original instead when the resized file would be larger than it (already small or \
         heavily compressed originals)",
        );
    if let Some(example) = name_example(state, example_input) {
        ui.weak(example);
    }
}

/// `IMG_0042.jpg → ~/Pictures/resized/2024/IMG_0042.jpg`, or the template's error.
fn name_example(state: &AppState, example_input: Option<&(PathBuf, PathBuf)>) -> Option<String> {
    let settings = &state.settings;
    if let Err(e) = crate::engine::naming::check_template(&settings.name_template) {
        return Some(e.to_string());
    }
    let out = settings.output_dir.as_ref()?;
    let (file, relative_dir) = example_input
        .cloned()
        .unwrap_or_else(|| (PathBuf::from("IMG_0042.jpg"), PathBuf::new()));
    let stem = file.file_stem().unwrap_or_default();
    let ext = file.extension().map(|s| s.to_string_lossy()).unwrap_or_default();
    let name = render(
        &settings.name_template,
        &NameParts {
            size_name: &settings.size_name,
            name: stem,
            ext: file.extension().unwrap_or_default(),
            size: Some(match settings.resize {
                ResizeMode::Fit { width, height }
                | ResizeMode::Fill { width, height }
                | ResizeMode::Stretch { width, height } => (width, height),
                _ => (1920, 1080),
            }),
            index: 42,
            index_digits: 4,
        },
    );
    // The engine's own choice of extension, so the example never drifts from what a job writes.
    let out_ext = match settings.format {
        OutputFormat::SameAsInput => ext.to_string(),
        _ => crate::engine::Encoding::resolve(
            settings,
            crate::engine::InputFormat::Image(image::ImageFormat::Jpeg),
            || false,
        )
        .extension()
        .to_owned(),
    };
    let target = out
        .join(relative_dir)
        .join(crate::engine::naming::file_name(&name, &format!(".{out_ext}")));
    Some(format!(
        "{} → {}",
        file.file_name().map(|n| n.to_string_lossy()).unwrap_or_default(),
        crate::text::path(&target)
    ))
}

fn threads(ui: &mut egui::Ui, state: &mut AppState) {
    let settings = &mut state.settings;
    let cores = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    let help = "How many images are resized at once. More threads finish sooner but use more memory; \
                Auto uses every core (or RAYON_NUM_THREADS). Applies to the next job.";
    let mut auto = settings.threads.is_none();
    ui.horizontal(|ui| {
        if ui
            .checkbox(&mut auto, format!("Auto ({})", auto_threads()))
            .on_hover_text(help)
            .changed()
        {
            settings.threads = if auto {
                None
            } else {
                NonZeroUsize::new(auto_threads().min(cores))
            };
        }
        let mut n = settings.threads.map_or(auto_threads().min(cores), NonZeroUsize::get);
        let slider = egui::Slider::new(&mut n, 1..=cores.max(2)).text("threads");
        if ui.add_enabled(!auto, slider).on_hover_text(help).changed() {
            settings.threads = NonZeroUsize::new(n);
        }
    });
}

fn advanced(ui: &mut egui::Ui, state: &mut AppState) {
    let settings = &mut state.settings;
    egui::Grid::new("advanced")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            ui.label("Filter");
            egui::ComboBox::from_id_salt("filter")
                .selected_text(filter_label(settings.filter))
                .show_ui(ui, |ui| {
                    for f in Filter::ALL {
                        ui.selectable_value(&mut settings.filter, f, filter_label(f));
                    }
                })
                .response
                .on_hover_text("Resampling filter: Lanczos3 is sharpest for photos; Nearest keeps pixel art crisp");
            ui.end_row();
            ui.label("Background");
            ui.color_edit_button_srgb(&mut settings.background)
                .on_hover_text("What transparent parts become in formats without transparency (JPEG)");
            ui.end_row();
            limits(ui, &mut settings.limits);
        });
    ui.checkbox(&mut settings.recursive, "Include subfolders")
        .on_hover_text("Look for images in folders inside the added folders too");
}

/// Extra outputs: more copies of each image from the same decoding, one row each.
fn extra_outputs(ui: &mut egui::Ui, settings: &mut Settings) {
    ui.label("Each image is also written at these sizes, decoded once for all of them.");
    ui.horizontal(|ui| {
        ui.label("The main copy is");
        ui.add(egui::TextEdit::singleline(&mut settings.size_name).desired_width(56.0))
            .on_hover_text("What {size} in the file name gives for the main copy");
    });
    let mut remove = None;
    for (i, extra) in settings.extra_outputs.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            ui.add(egui::TextEdit::singleline(&mut extra.name).desired_width(56.0))
                .on_hover_text("Its name, which {size} in the file name gives");
            let mut edge = match extra.resize {
                ResizeMode::LongEdge(n) => n,
                ResizeMode::Fit { width, height } => width.max(height),
                _ => 800,
            };
            if ui
                .add(egui::DragValue::new(&mut edge).range(1..=65_535).suffix(" px"))
                .on_hover_text("Its longer side")
                .changed()
            {
                extra.resize = ResizeMode::LongEdge(edge);
            }
            egui::ComboBox::from_id_salt(("extra-format", i))
                .selected_text(format_label(extra.format))
                .show_ui(ui, |ui| {
                    for f in OutputFormat::ALL {
                        ui.selectable_value(&mut extra.format, f, format_label(f));
                    }
                });
            if ui.small_button("✕").on_hover_text("Remove this size").clicked() {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        settings.extra_outputs.remove(i);
    }
    if ui.button("Add a size").clicked() {
        let name = ["small", "thumb", "tiny"]
            .into_iter()
            .find(|n| settings.extra_outputs.iter().all(|e| e.name != *n))
            .unwrap_or("more");
        let edge = settings.extra_outputs.last().map_or(800, |e| match e.resize {
            ResizeMode::LongEdge(n) => (n / 2).max(1),
            _ => 400,
        });
        settings.extra_outputs.push(crate::engine::ExtraOutput {
            name: name.to_owned(),
            resize: ResizeMode::LongEdge(edge),
            format: settings.format,
        });
        // Copies of one image in one folder need names that differ.
        if !settings.name_template.contains("{size}") {
            settings.name_template.push_str("-{size}");
        }
    }
}

/// Metadata and colour options: what the copies keep of their originals.
fn fidelity(ui: &mut egui::Ui, settings: &mut Settings) {
    ui.checkbox(&mut settings.keep_dates, "Keep dates")
        .on_hover_text("Give each copy the modification time of its original");
    ui.checkbox(&mut settings.strip_metadata, "Strip metadata")
        .on_hover_text(
            "Leave out EXIF, XMP and IPTC (camera, date, author, copyright, location); the colour profile stays. \
         When off, they are kept, with the orientation, pixel size and thumbnail made right for the copy.",
        );
    ui.add_enabled_ui(!settings.strip_metadata, |ui| {
        ui.checkbox(&mut settings.remove_location, "Remove location")
            .on_hover_text("Leave out where the photo was taken (GPS) and keep the rest of the metadata");
    });
    ui.checkbox(&mut settings.to_srgb, "Convert to sRGB").on_hover_text(
        "Convert the colours of Adobe RGB, Display P3 and other wide-gamut photos to sRGB, for websites and \
         apps that ignore colour profiles. When off, the original profile is kept as it is.",
    );
    ui.checkbox(&mut settings.linear, "Resize in linear light")
        .on_hover_text(
            "Gamma-correct resampling: fine bright detail on dark (stars, lit windows, text) keeps its \
         brightness. A little slower.",
        );
}

/// The two guards against huge or hostile files, as two rows of the Advanced grid.
fn limits(ui: &mut egui::Ui, limits: &mut Limits) {
    ui.label("Largest image");
    let mut mp = (limits.max_pixels / 1_000_000).max(1);
    let largest = ui
        .add(egui::DragValue::new(&mut mp).range(1..=10_000).suffix(" MP"))
        .on_hover_text(
            "Images with more megapixels than this are refused before they are decoded, so a broken or \
             hostile file cannot take all memory. Real panoramas rarely pass 256 MP.",
        );
    if largest.changed() {
        limits.max_pixels = mp * 1_000_000;
    }
    ui.end_row();

    ui.label("Memory for images");
    let help = "How much memory the decoded images of all threads may take together; a thread waits before \
                starting an image that would go over it. Auto is a quarter of this computer's memory.";
    let auto_bytes = auto_memory_budget();
    ui.horizontal(|ui| {
        let mut auto = limits.memory_budget.is_none();
        let label = format!("Auto ({})", crate::text::bytes(auto_bytes));
        if ui.checkbox(&mut auto, label).on_hover_text(help).changed() {
            limits.memory_budget = (!auto).then_some(auto_bytes);
        }
        let mut gb = limits.memory_budget.unwrap_or(auto_bytes) as f64 / 1e9;
        let field = egui::DragValue::new(&mut gb)
            .range(0.1..=4096.0)
            .speed(0.1)
            .max_decimals(1)
            .suffix(" GB");
        if ui.add_enabled(!auto, field).on_hover_text(help).changed() {
            limits.memory_budget = Some((gb * 1e9) as u64);
        }
    });
    ui.end_row();
}

/// "Target size" as a row of the Output grid: a checkbox, the size in kilobytes, and "shrink to fit".
fn target_size(ui: &mut egui::Ui, settings: &mut Settings) {
    ui.label("Target size");
    ui.horizontal(|ui| {
        let mut on = settings.target_size.is_some();
        let help = "Lower the quality (never below 1) until each copy is at most this large";
        if ui.checkbox(&mut on, "at most").on_hover_text(help).changed() {
            settings.target_size = on.then_some(200_000);
        }
        let mut kb = settings.target_size.map_or(200, |b| b / 1000);
        let size = egui::DragValue::new(&mut kb).range(1..=100_000).suffix(" KB");
        if ui.add_enabled(on, size).on_hover_text(help).changed() {
            settings.target_size = Some(kb * 1000);
        }
        ui.add_enabled(on, egui::Checkbox::new(&mut settings.shrink_to_fit, "shrink to fit"))
            .on_hover_text("When even quality 1 is too large, make the picture smaller instead of failing it");
    });
    ui.end_row();
}

fn png_label(c: PngCompression) -> &'static str {
    match c {
        PngCompression::Fast => "Fast",
        PngCompression::Balanced => "Balanced",
        PngCompression::Best => "Best (slow)",
    }
}

/// Short names used in the panel and the plan line.
pub fn format_label(f: OutputFormat) -> &'static str {
    match f {
        OutputFormat::SameAsInput => "Same as input",
        OutputFormat::Jpeg => "JPEG",
        OutputFormat::Png => "PNG",
        OutputFormat::WebP => "WebP",
        OutputFormat::WebPLossless => "WebP (lossless)",
        OutputFormat::Avif => "AVIF",
        OutputFormat::Tiff => "TIFF",
        OutputFormat::Bmp => "BMP",
        OutputFormat::Gif => "GIF",
    }
}

fn collision_label(c: Collision) -> &'static str {
    match c {
        Collision::Rename => "Add a number",
        Collision::Overwrite => "Replace it",
        Collision::Skip => "Skip the image",
    }
}

fn filter_label(f: Filter) -> &'static str {
    match f {
        Filter::Lanczos3 => "Lanczos3",
        Filter::CatmullRom => "Catmull-Rom",
        Filter::Mitchell => "Mitchell",
        Filter::Bilinear => "Bilinear",
        Filter::Nearest => "Nearest (pixel art)",
    }
}

/// The resize modes as a menu shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ModeKind {
    Fit,
    Fill,
    Stretch,
    Width,
    Height,
    LongEdge,
    Percent,
}

impl ModeKind {
    const ALL: [ModeKind; 7] = [
        ModeKind::Fit,
        ModeKind::Fill,
        ModeKind::Stretch,
        ModeKind::Width,
        ModeKind::Height,
        ModeKind::LongEdge,
        ModeKind::Percent,
    ];

    fn of(mode: ResizeMode) -> Self {
        match mode {
            ResizeMode::Fit { .. } => ModeKind::Fit,
            ResizeMode::Fill { .. } => ModeKind::Fill,
            ResizeMode::Stretch { .. } => ModeKind::Stretch,
            ResizeMode::Width(_) => ModeKind::Width,
            ResizeMode::Height(_) => ModeKind::Height,
            ResizeMode::LongEdge(_) => ModeKind::LongEdge,
            ResizeMode::Percent(_) => ModeKind::Percent,
        }
    }

    fn label(self) -> &'static str {
        match self {
            ModeKind::Fit => "Fit inside",
            ModeKind::Fill => "Fill and crop",
            ModeKind::Stretch => "Stretch",
            ModeKind::Width => "Width",
            ModeKind::Height => "Height",
            ModeKind::LongEdge => "Long edge",
            ModeKind::Percent => "Percent",
        }
    }

    fn help(self) -> &'static str {
        match self {
            ModeKind::Fit => "Largest size that fits inside the box, keeping the shape",
            ModeKind::Fill => "Cover the box and crop the centre to exactly its size",
            ModeKind::Stretch => "Exactly the box, ignoring the shape",
            ModeKind::Width => "This width; the height follows",
            ModeKind::Height => "This height; the width follows",
            ModeKind::LongEdge => "The longer side becomes this long",
            ModeKind::Percent => "Scale both sides by a percentage",
        }
    }

    /// A mode of this kind, carrying over the numbers of the current one where they fit.
    fn convert(self, current: ResizeMode) -> ResizeMode {
        let (w, h) = match current {
            ResizeMode::Fit { width, height }
            | ResizeMode::Fill { width, height }
            | ResizeMode::Stretch { width, height } => (width, height),
            ResizeMode::Width(n) | ResizeMode::Height(n) | ResizeMode::LongEdge(n) => (n, n),
            ResizeMode::Percent(_) => (1920, 1920),
        };
        match self {
            ModeKind::Fit => ResizeMode::Fit { width: w, height: h },
            ModeKind::Fill => ResizeMode::Fill { width: w, height: h },
            ModeKind::Stretch => ResizeMode::Stretch { width: w, height: h },
            ModeKind::Width => ResizeMode::Width(w),
            ModeKind::Height => ResizeMode::Height(h),
            ModeKind::LongEdge => ResizeMode::LongEdge(w.max(h)),
            ModeKind::Percent => ResizeMode::Percent(50.0),
        }
    }
}
