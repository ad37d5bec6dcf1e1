//! The Size section (mode, box, enlarging) and More sizes (extra outputs).

use eframe::egui;

use crate::engine::{OutputFormat, ResizeMode, Settings};
use crate::i18n::format_label;
use crate::tr;
use crate::ui::access::{self, NamedBy};
use crate::ui::state::{AppState, Preset};

pub(super) fn show(ui: &mut egui::Ui, state: &mut AppState) {
    let settings = &mut state.settings;
    egui::Grid::new("size")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let named = ui.label(tr!("common-size"));
            let before = state.preset;
            egui::ComboBox::from_id_salt("preset")
                .selected_text(state.preset.label())
                .show_ui(ui, |ui| {
                    for preset in Preset::ALL {
                        ui.selectable_value(&mut state.preset, preset, preset.label());
                    }
                })
                .response
                .named_by(named.id)
                .on_hover_text(tr!("common-size-help"));
            if state.preset != before {
                settings.resize = state.preset.apply(settings.resize);
            }
            ui.end_row();

            let named = ui.label(tr!("mode"));
            let mut kind = ModeKind::of(settings.resize);
            egui::ComboBox::from_id_salt("mode")
                .selected_text(kind.label())
                .show_ui(ui, |ui| {
                    for k in ModeKind::ALL {
                        ui.selectable_value(&mut kind, k, k.label()).on_hover_text(k.help());
                    }
                })
                .response
                .named_by(named.id)
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
                    ui.label(tr!("box"));
                    ui.horizontal(|ui| {
                        access::explain(ui.add(px(width)), &tr!("width-in-pixels"));
                        ui.label("×");
                        access::explain(ui.add(px(height)), &tr!("height-in-pixels"));
                    });
                    ui.end_row();
                }
                ResizeMode::Width(n) => labelled_px(ui, &tr!("mode-width"), &tr!("width-in-pixels"), n),
                ResizeMode::Height(n) => labelled_px(ui, &tr!("mode-height"), &tr!("height-in-pixels"), n),
                ResizeMode::LongEdge(n) => labelled_px(ui, &tr!("mode-long-edge"), &tr!("long-edge-in-pixels"), n),
                ResizeMode::Percent(p) => {
                    let named = ui.label(tr!("scale"));
                    ui.add(egui::DragValue::new(p).range(1.0..=400.0).suffix(" %").speed(0.5))
                        .named_by(named.id)
                        .on_hover_text(tr!("scale-help"));
                    ui.end_row();
                }
            }
            if settings.resize != before {
                state.preset = Preset::Custom;
            }
        });
    ui.checkbox(&mut settings.dont_enlarge, tr!("dont-enlarge"))
        .on_hover_text(tr!("dont-enlarge-help"));
}

fn labelled_px(ui: &mut egui::Ui, label: &str, spoken: &str, n: &mut u32) {
    ui.label(label);
    access::explain(ui.add(px(n)), spoken);
    ui.end_row();
}

fn px(n: &mut u32) -> egui::DragValue<'_> {
    egui::DragValue::new(n)
        .range(1..=65_535)
        .suffix(format!(" {}", tr!("unit-px")))
        .speed(4.0)
}

/// Extra outputs: more copies of each image from the same decoding, one row each.
pub(super) fn extra_outputs(ui: &mut egui::Ui, settings: &mut Settings) {
    ui.label(tr!("more-sizes-intro"));
    ui.horizontal(|ui| {
        let named = ui.label(tr!("main-copy-is"));
        ui.add(egui::TextEdit::singleline(&mut settings.size_name).desired_width(56.0))
            .named_by(named.id)
            .on_hover_text(tr!("main-copy-is-help"));
    });
    let mut remove = None;
    for (i, extra) in settings.extra_outputs.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            ui.add(egui::TextEdit::singleline(&mut extra.name).desired_width(56.0))
                .accessible_name(tr!("size-name"))
                .on_hover_text(tr!("extra-name-help"));
            let mut edge = match extra.resize {
                ResizeMode::LongEdge(n) => n,
                ResizeMode::Fit { width, height } => width.max(height),
                _ => 800,
            };
            if ui
                .add(
                    egui::DragValue::new(&mut edge)
                        .range(1..=65_535)
                        .suffix(format!(" {}", tr!("unit-px"))),
                )
                .accessible_name(tr!("long-edge-in-pixels"))
                .on_hover_text(tr!("extra-edge-help"))
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
                })
                .response
                .named(tr!("format"));
            if access::explain(ui.small_button("✕"), &tr!("remove-size")).clicked() {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        settings.extra_outputs.remove(i);
    }
    if ui.button(tr!("add-size")).clicked() {
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

    fn label(self) -> String {
        match self {
            ModeKind::Fit => tr!("mode-fit"),
            ModeKind::Fill => tr!("mode-fill"),
            ModeKind::Stretch => tr!("mode-stretch"),
            ModeKind::Width => tr!("mode-width"),
            ModeKind::Height => tr!("mode-height"),
            ModeKind::LongEdge => tr!("mode-long-edge"),
            ModeKind::Percent => tr!("mode-percent"),
        }
    }

    fn help(self) -> String {
        match self {
            ModeKind::Fit => tr!("mode-fit-help"),
            ModeKind::Fill => tr!("mode-fill-help"),
            ModeKind::Stretch => tr!("mode-stretch-help"),
            ModeKind::Width => tr!("mode-width-help"),
            ModeKind::Height => tr!("mode-height-help"),
            ModeKind::LongEdge => tr!("mode-long-edge-help"),
            ModeKind::Percent => tr!("mode-percent-help"),
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
