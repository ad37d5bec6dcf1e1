//! The Output section: format, quality, folder, file names, what happens on collisions, target size.

use std::path::PathBuf;

use eframe::egui;

use crate::engine::{Collision, LOOKS, OutputFormat, PngCompression, Settings, SettingsError, example_output};
use crate::text;
use crate::ui::access;
use crate::ui::command::Command;
use crate::ui::state::AppState;

/// Where the copies go.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Destination {
    OneFolder,
    Beside,
    Originals,
}

impl Destination {
    fn label(self) -> &'static str {
        match self {
            Self::OneFolder => "in one folder",
            Self::Beside => "beside each input",
            Self::Originals => "in place of the originals",
        }
    }
}

/// The rows of an in-place run: where the originals go, and the undo of the last run.
fn originals_go_to(ui: &mut egui::Ui, backup_dir: &mut Option<PathBuf>, commands: &mut Vec<Command>) {
    ui.label("Originals go to");
    ui.vertical(|ui| {
        if ui
            .radio(backup_dir.is_none(), "the Trash")
            .on_hover_text("Put back from the Trash by \"Undo\", or by hand from the file manager")
            .clicked()
        {
            *backup_dir = None;
        }
        let folder = match backup_dir {
            Some(dir) => text::path(dir),
            None => "a folder…".to_owned(),
        };
        if ui
            .radio(backup_dir.is_some(), folder)
            .on_hover_text("Each original at its place below its input folder's name")
            .clicked()
        {
            commands.push(Command::PickBackupDir);
        }
    });
    ui.end_row();
    ui.label("");
    if ui
        .button("Undo the last in-place run")
        .on_hover_text("Put its originals back where they were; the smaller copies go where the originals were kept")
        .clicked()
    {
        commands.push(Command::UndoInPlace);
    }
    ui.end_row();
}

pub(super) fn show(
    ui: &mut egui::Ui,
    state: &mut AppState,
    example_input: Option<&(PathBuf, PathBuf)>,
    commands: &mut Vec<Command>,
) {
    let settings = &mut state.settings;
    // Held apart while the grid borrows the settings.
    let mut beside = state.beside.take();
    let (in_place, backup_dir) = (&mut state.in_place, &mut state.backup_dir);
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
                quality(ui, settings);
                ui.end_row();
            }
            if settings.format.is_lossy() && settings.min_score.is_none() {
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

            if matches!(settings.format, OutputFormat::Jxl | OutputFormat::JxlFromJpeg) {
                ui.label("JPEG XL effort");
                ui.add(egui::Slider::new(&mut settings.jxl_effort, 1..=9))
                    .on_hover_text(
                        "1 is fastest; 9 makes the smallest files slowly. 7 is libjxl's own choice. \
                     Quality 100 makes a lossless JPEG XL.",
                    );
                ui.end_row();
            }

            let put = ui.label("Put copies");
            let mut place = match (&beside, *in_place) {
                (_, true) => Destination::Originals,
                (Some(_), false) => Destination::Beside,
                (None, false) => Destination::OneFolder,
            };
            egui::ComboBox::from_id_salt("put-copies")
                .selected_text(place.label())
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut place, Destination::OneFolder, Destination::OneFolder.label())
                        .on_hover_text("Every copy goes to the output folder below");
                    ui.selectable_value(&mut place, Destination::Beside, Destination::Beside.label())
                        .on_hover_text(
                            "A subfolder inside each folder you added (X/resized/), and beside the photos you \
                             added one by one: as \"Resize with Shrinkray\" in the file manager does",
                        );
                    ui.selectable_value(&mut place, Destination::Originals, Destination::Originals.label())
                        .on_hover_text(
                            "Each smaller copy takes its original's place, name and dates; the original goes \
                             to the Trash (or a folder you choose) first. Asks before every run.",
                        );
                })
                .response
                .labelled_by(put.id);
            *in_place = place == Destination::Originals;
            match (place, &beside) {
                (Destination::Beside, None) => beside = Some("resized".to_owned()),
                (Destination::OneFolder | Destination::Originals, Some(_)) => beside = None,
                _ => {}
            }
            ui.end_row();

            if *in_place {
                originals_go_to(ui, backup_dir, commands);
                return;
            }
            if let Some(folder) = &mut beside {
                ui.label("Subfolder");
                ui.add(egui::TextEdit::singleline(folder).desired_width(170.0))
                    .on_hover_text("The name of the subfolder made beside each input");
                ui.end_row();
            } else {
                output_folder(ui, settings, commands);
            }

            ui.label("File name");
            ui.add(egui::TextEdit::singleline(&mut settings.name_template).desired_width(170.0))
                .on_hover_text(format!("Tokens: {}", crate::engine::naming::token_list()));
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
    state.beside = beside;
    ui.checkbox(&mut state.settings.skip_if_larger, "Skip if larger")
        .on_hover_text(
            "Keep a copy of the original instead when the resized file would be larger than it (already small or \
         heavily compressed originals)",
        );
    ui.checkbox(&mut state.settings.update, "Only new and changed images")
        .on_hover_text(
            "Skip the images whose copies in the output folder were made from the same file with the same \
             settings and are untouched since; the rest (new, changed, failed or never finished) are made",
        );
    ui.checkbox(&mut state.auto_report, "Save a report beside the copies")
        .on_hover_text("After each run, write shrinkray-report-DATE.csv in the output folder: one row per image");
    if let Some(example) = name_example(state, example_input) {
        ui.weak(example);
    }
}

/// The output folder's row: its path, and Choose… for the native dialog.
fn output_folder(ui: &mut egui::Ui, settings: &mut Settings, commands: &mut Vec<Command>) {
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
}

/// `IMG_0042.jpg → ~/Pictures/resized/2024/IMG_0042.jpg` as the engine would name it, or the template's error;
/// nothing until an output folder is chosen.
fn name_example(state: &AppState, example_input: Option<&(PathBuf, PathBuf)>) -> Option<String> {
    let (file, relative_dir) = example_input
        .cloned()
        .unwrap_or_else(|| (PathBuf::from("IMG_0042.jpg"), PathBuf::new()));
    // Beside each input, a folder's copies go straight into its subfolder, without the folder's own name.
    let (settings, relative_dir) = match &state.beside {
        Some(folder) => (
            state.settings.in_folder(std::path::Path::new(folder)),
            relative_dir.components().skip(1).collect(),
        ),
        None => (state.settings.clone(), relative_dir),
    };
    match example_output(&settings, &file, &relative_dir) {
        Ok(target) => Some(format!(
            "{} → {}",
            file.file_name().map(|n| n.to_string_lossy()).unwrap_or_default(),
            crate::text::path(&target)
        )),
        Err(SettingsError::NoOutputDir) => None,
        Err(e) => Some(e.to_string()),
    }
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
        let size = ui.add_enabled(on, size).on_hover_text(help);
        access::name(&size, "Target size in kilobytes");
        if size.changed() {
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

fn collision_label(c: Collision) -> &'static str {
    match c {
        Collision::Rename => "Add a number",
        Collision::Overwrite => "Replace it",
        Collision::Skip => "Skip the image",
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
        OutputFormat::Jxl => "JPEG XL",
        OutputFormat::JxlFromJpeg => "JPEG XL (from the JPEG, reversible)",
        OutputFormat::Tiff => "TIFF",
        OutputFormat::Bmp => "BMP",
        OutputFormat::Gif => "GIF",
    }
}

/// `text` with its first letter in capitals.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A fixed number, or a look that picks the lowest quality per image.
fn quality(ui: &mut egui::Ui, settings: &mut crate::engine::Settings) {
    ui.horizontal(|ui| {
        let selected = match settings.min_score {
            None => "Number".to_owned(),
            Some(score) => LOOKS
                .iter()
                .find(|l| (l.target - score).abs() < 0.01)
                .map_or_else(|| format!("Score {score:.1}"), |l| l.label.to_owned()),
        };
        egui::ComboBox::from_id_salt("quality-mode")
            .selected_text(selected)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut settings.min_score, None, "Number")
                    .on_hover_text("The same quality for every image");
                for look in LOOKS {
                    ui.selectable_value(&mut settings.min_score, Some(look.target), look.label)
                        .on_hover_text(format!(
                            "{}: each image gets the lowest quality whose copy scores at least {} in SSIMULACRA2 \
                             (about twenty times slower than a fixed quality)",
                            capitalised(look.means),
                            look.target
                        ));
                }
            })
            .response
            .on_hover_text("Choose the quality by how each copy looks, or give one number for all");
        if settings.min_score.is_none() {
            ui.add(egui::Slider::new(&mut settings.quality, 1..=100))
                .on_hover_text("JPEG, WebP and AVIF quality: higher is sharper and larger; 85 suits photos");
        }
    });
}
