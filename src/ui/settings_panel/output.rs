//! The Output section: format, quality, folder, file names, what happens on collisions, target size.

use std::path::PathBuf;

use eframe::egui;

use crate::engine::{Collision, LOOKS, Look, OutputFormat, PngCompression, Settings, SettingsError, example_output};
use crate::i18n::format_label;
use crate::ui::access::{self, NamedBy};
use crate::ui::command::Command;
use crate::ui::state::AppState;
use crate::{i18n, text, tr};

/// Where the copies go.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Destination {
    OneFolder,
    Beside,
    Originals,
}

impl Destination {
    fn label(self) -> String {
        match self {
            Self::OneFolder => tr!("put-one-folder"),
            Self::Beside => tr!("put-beside"),
            Self::Originals => tr!("put-in-place"),
        }
    }
}

/// The rows of an in-place run: where the originals go, and the undo of the last run.
fn originals_go_to(ui: &mut egui::Ui, backup_dir: &mut Option<PathBuf>, commands: &mut Vec<Command>) {
    ui.label(tr!("originals-go-to"));
    ui.vertical(|ui| {
        if ui
            .radio(backup_dir.is_none(), tr!("the-trash"))
            .on_hover_text(tr!("the-trash-help"))
            .clicked()
        {
            *backup_dir = None;
        }
        let folder = match backup_dir {
            Some(dir) => text::path(dir),
            None => tr!("a-folder"),
        };
        if ui
            .radio(backup_dir.is_some(), folder)
            .on_hover_text(tr!("a-folder-help"))
            .clicked()
        {
            commands.push(Command::PickBackupDir);
        }
    });
    ui.end_row();
    ui.label("");
    if ui
        .button(tr!("undo-in-place"))
        .on_hover_text(tr!("undo-in-place-help"))
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
            let named = ui.label(tr!("format"));
            egui::ComboBox::from_id_salt("format")
                .selected_text(format_label(settings.format))
                .show_ui(ui, |ui| {
                    for f in OutputFormat::ALL {
                        ui.selectable_value(&mut settings.format, f, format_label(f));
                    }
                })
                .response
                .named_by(named.id)
                .on_hover_text(tr!("format-help"));
            ui.end_row();

            if settings.format.is_lossy() {
                let named = ui.label(tr!("quality"));
                quality(ui, settings, named.id);
                ui.end_row();
            }
            if settings.format.is_lossy() && settings.min_score.is_none() {
                target_size(ui, settings);
            }
            if matches!(settings.format, OutputFormat::Png | OutputFormat::SameAsInput) {
                let named = ui.label(tr!("png-compression"));
                egui::ComboBox::from_id_salt("png-compression")
                    .selected_text(png_label(settings.png_compression))
                    .show_ui(ui, |ui| {
                        for c in [PngCompression::Fast, PngCompression::Balanced, PngCompression::Best] {
                            ui.selectable_value(&mut settings.png_compression, c, png_label(c));
                        }
                    })
                    .response
                    .named_by(named.id)
                    .on_hover_text(tr!("png-compression-help"));
                ui.end_row();
            }
            if settings.format == OutputFormat::Avif {
                let named = ui.label(tr!("avif-speed"));
                ui.add(egui::Slider::new(&mut settings.avif_speed, 0..=9))
                    .named_by(named.id)
                    .on_hover_text(tr!("avif-speed-help"));
                ui.end_row();
            }

            if matches!(settings.format, OutputFormat::Jxl | OutputFormat::JxlFromJpeg) {
                let named = ui.label(tr!("jxl-effort"));
                ui.add(egui::Slider::new(&mut settings.jxl_effort, 1..=9))
                    .named_by(named.id)
                    .on_hover_text(tr!("jxl-effort-help"));
                ui.end_row();
            }

            let put = ui.label(tr!("put-copies"));
            let mut place = match (&beside, *in_place) {
                (_, true) => Destination::Originals,
                (Some(_), false) => Destination::Beside,
                (None, false) => Destination::OneFolder,
            };
            egui::ComboBox::from_id_salt("put-copies")
                .selected_text(place.label())
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut place, Destination::OneFolder, Destination::OneFolder.label())
                        .on_hover_text(tr!("put-one-folder-help"));
                    ui.selectable_value(&mut place, Destination::Beside, Destination::Beside.label())
                        .on_hover_text(tr!("put-beside-help"));
                    ui.selectable_value(&mut place, Destination::Originals, Destination::Originals.label())
                        .on_hover_text(tr!("put-in-place-help"));
                })
                .response
                .named_by(put.id);
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
                let named = ui.label(tr!("subfolder"));
                ui.add(egui::TextEdit::singleline(folder).desired_width(170.0))
                    .named_by(named.id)
                    .on_hover_text(tr!("subfolder-help"));
                ui.end_row();
            } else {
                output_folder(ui, settings, commands);
            }

            let named = ui.label(tr!("file-name"));
            ui.add(egui::TextEdit::singleline(&mut settings.name_template).desired_width(170.0))
                .named_by(named.id)
                .on_hover_text(tr!("file-name-help", tokens = crate::engine::naming::token_list()));
            ui.end_row();

            let named = ui.label(tr!("if-it-exists"));
            egui::ComboBox::from_id_salt("collision")
                .selected_text(collision_label(settings.on_collision))
                .show_ui(ui, |ui| {
                    for c in [Collision::Rename, Collision::Overwrite, Collision::Skip] {
                        ui.selectable_value(&mut settings.on_collision, c, collision_label(c));
                    }
                })
                .response
                .named_by(named.id)
                .on_hover_text(tr!("if-it-exists-help"));
            ui.end_row();
        });
    state.beside = beside;
    ui.checkbox(&mut state.settings.skip_if_larger, tr!("skip-if-larger"))
        .on_hover_text(tr!("skip-if-larger-help"));
    ui.checkbox(&mut state.settings.update, tr!("only-new"))
        .on_hover_text(tr!("only-new-help"));
    ui.checkbox(&mut state.auto_report, tr!("auto-report"))
        .on_hover_text(tr!("auto-report-help"));
    if let Some(example) = name_example(state, example_input) {
        ui.weak(example);
    }
}

/// The output folder's row: its path, and Choose… for the native dialog.
fn output_folder(ui: &mut egui::Ui, settings: &mut Settings, commands: &mut Vec<Command>) {
    let named = ui.label(tr!("folder"));
    ui.horizontal(|ui| {
        let mut text = settings
            .output_dir
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let edit = egui::TextEdit::singleline(&mut text)
            .hint_text(tr!("choose-output-folder"))
            .desired_width(170.0);
        if ui
            .add(edit)
            .named_by(named.id)
            .on_hover_text(tr!("folder-help"))
            .changed()
        {
            settings.output_dir = (!text.trim().is_empty()).then(|| PathBuf::from(text.trim()));
        }
        if ui.button(tr!("choose")).on_hover_text(tr!("choose-help")).clicked() {
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
        .unwrap_or_else(|| (PathBuf::from("IMG_0042.jpg"), PathBuf::new())); // not translated: a camera's file name, the same everywhere
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
        Err(e) => Some(i18n::errors::settings_error(&e)),
    }
}

/// "Target size" as a row of the Output grid: a checkbox, the size in kilobytes, and "shrink to fit".
fn target_size(ui: &mut egui::Ui, settings: &mut Settings) {
    ui.label(tr!("target-size"));
    ui.horizontal(|ui| {
        let mut on = settings.target_size.is_some();
        let help = tr!("target-size-help");
        if ui.checkbox(&mut on, tr!("at-most")).on_hover_text(&help).changed() {
            settings.target_size = on.then_some(200_000);
        }
        let mut kb = settings.target_size.map_or(200, |b| b / 1000);
        let size = egui::DragValue::new(&mut kb)
            .range(1..=100_000)
            .suffix(format!(" {}", tr!("unit-kb")));
        let size = ui.add_enabled(on, size).on_hover_text(&help);
        access::name(&size, &tr!("target-size-kb"));
        if size.changed() {
            settings.target_size = Some(kb * 1000);
        }
        ui.add_enabled(
            on,
            egui::Checkbox::new(&mut settings.shrink_to_fit, tr!("shrink-to-fit")),
        )
        .on_hover_text(tr!("shrink-to-fit-help"));
    });
    ui.end_row();
}

fn png_label(c: PngCompression) -> String {
    match c {
        PngCompression::Fast => tr!("png-fast"),
        PngCompression::Balanced => tr!("png-balanced"),
        PngCompression::Best => tr!("png-best"),
    }
}

fn collision_label(c: Collision) -> String {
    match c {
        Collision::Rename => tr!("collision-rename"),
        Collision::Overwrite => tr!("collision-overwrite"),
        Collision::Skip => tr!("collision-skip"),
    }
}

/// A look's name in the current language ("High").
pub fn look_label(look: &Look) -> String {
    i18n::message(&format!("look-{}", look.name), None)
}

/// A fixed number, or a look that picks the lowest quality per image; both named by the row's label `named`.
fn quality(ui: &mut egui::Ui, settings: &mut crate::engine::Settings, named: egui::Id) {
    ui.horizontal(|ui| {
        let selected = match settings.min_score {
            None => tr!("quality-number"),
            Some(score) => LOOKS.iter().find(|l| (l.target - score).abs() < 0.01).map_or_else(
                || tr!("quality-score", score = i18n::decimal(f64::from(score), 1)),
                look_label,
            ),
        };
        egui::ComboBox::from_id_salt("quality-mode")
            .selected_text(selected)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut settings.min_score, None, tr!("quality-number"))
                    .on_hover_text(tr!("quality-number-help"));
                for look in LOOKS {
                    let means = i18n::message(&format!("look-{}-means", look.name), None);
                    ui.selectable_value(&mut settings.min_score, Some(look.target), look_label(&look))
                        .on_hover_text(tr!("look-help", means = means, score = look.target));
                }
            })
            .response
            .named_by(named)
            .on_hover_text(tr!("quality-mode-help"));
        if settings.min_score.is_none() {
            ui.add(egui::Slider::new(&mut settings.quality, 1..=100))
                .named_by(named)
                .on_hover_text(tr!("quality-help"));
        }
    });
}
