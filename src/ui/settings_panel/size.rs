//! The Size section (mode, box, enlarging) and More sizes (extra outputs).

use eframe::egui;

use super::output::format_label;
use crate::engine::{OutputFormat, ResizeMode, Settings};
use crate::ui::access;
use crate::ui::state::{AppState, Preset};

pub(super) fn show(ui: &mut egui::Ui, state: &mut AppState) {
    let settings = &mut state.settings;
    egui::Grid::new("size")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            ui.label("Common size");
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
                        access::explain(ui.add(px(width)), "Width in pixels");
                        ui.label("×");
                        access::explain(ui.add(px(height)), "Height in pixels");
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
    access::explain(ui.add(px(n)), &format!("{label} in pixels"));
    ui.end_row();
}

fn px(n: &mut u32) -> egui::DragValue<'_> {
    egui::DragValue::new(n).range(1..=65_535).suffix(" px").speed(4.0)
}

/// Extra outputs: more copies of each image from the same decoding, one row each.
pub(super) fn extra_outputs(ui: &mut egui::Ui, settings: &mut Settings) {
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
            if access::explain(ui.small_button("✕"), "Remove this size").clicked() {
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
