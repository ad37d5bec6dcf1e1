//! Threads, Metadata and colour, and Advanced (filter, background, dates, limits).

use std::num::NonZeroUsize;

use eframe::egui;

use crate::engine::{Dpi, Filter, JpegEncoder, Limits, Settings, Subsampling, auto_memory_budget, auto_threads};
use crate::tr;
use crate::ui::access::NamedBy;
use crate::ui::state::AppState;

pub(super) fn threads(ui: &mut egui::Ui, state: &mut AppState) {
    let settings = &mut state.settings;
    let cores = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    let help = tr!("threads-help");
    let mut auto = settings.threads.is_none();
    ui.horizontal(|ui| {
        if ui
            .checkbox(&mut auto, tr!("auto-value", value = auto_threads().to_string()))
            .on_hover_text(&help)
            .changed()
        {
            settings.threads = if auto {
                None
            } else {
                NonZeroUsize::new(auto_threads().min(cores))
            };
        }
        let mut n = settings.threads.map_or(auto_threads().min(cores), NonZeroUsize::get);
        let slider = egui::Slider::new(&mut n, 1..=cores.max(2)).text(tr!("threads-unit"));
        if ui.add_enabled(!auto, slider).on_hover_text(&help).changed() {
            settings.threads = NonZeroUsize::new(n);
        }
    });
}

pub(super) fn advanced(ui: &mut egui::Ui, state: &mut AppState) {
    let settings = &mut state.settings;
    egui::Grid::new("advanced")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let named = ui.label(tr!("filter"));
            egui::ComboBox::from_id_salt("filter")
                .selected_text(filter_label(settings.filter))
                .show_ui(ui, |ui| {
                    for f in Filter::ALL {
                        ui.selectable_value(&mut settings.filter, f, filter_label(f));
                    }
                })
                .response
                .named_by(named.id)
                .on_hover_text(tr!("filter-help"));
            ui.end_row();
            let named = ui.label(tr!("background"));
            ui.color_edit_button_srgb(&mut settings.background)
                .named_by(named.id)
                .on_hover_text(tr!("background-help"));
            ui.end_row();
            let named = ui.label(tr!("jpeg-colour"));
            egui::ComboBox::from_id_salt("subsampling")
                .selected_text(subsampling_label(settings.subsampling))
                .show_ui(ui, |ui| {
                    for s in [
                        Subsampling::Auto,
                        Subsampling::S420,
                        Subsampling::S422,
                        Subsampling::S444,
                    ] {
                        ui.selectable_value(&mut settings.subsampling, s, subsampling_label(s));
                    }
                })
                .response
                .named_by(named.id)
                .on_hover_text(tr!("jpeg-colour-help"));
            ui.end_row();
            let label = ui.label(tr!("jpeg-encoder"));
            egui::ComboBox::from_id_salt("jpeg_encoder")
                .selected_text(encoder_label(settings.jpeg_encoder))
                .show_ui(ui, |ui| {
                    for e in [JpegEncoder::Auto, JpegEncoder::Turbo, JpegEncoder::Jpegli] {
                        ui.selectable_value(&mut settings.jpeg_encoder, e, encoder_label(e));
                    }
                })
                .response
                .named_by(label.id)
                .on_hover_text(tr!("jpeg-encoder-help"));
            ui.end_row();
            limits(ui, &mut settings.limits);
        });
    ui.checkbox(&mut settings.sharpen, tr!("sharpen"))
        .on_hover_text(tr!("sharpen-help"));
    ui.checkbox(&mut settings.progressive, tr!("progressive"))
        .on_hover_text(tr!("progressive-help"));
    ui.checkbox(&mut settings.optimize_jpeg, tr!("optimise-jpeg"))
        .on_hover_text(tr!("optimise-jpeg-help"));
    ui.checkbox(&mut settings.only_if_needed, tr!("only-if-needed"))
        .on_hover_text(tr!("only-if-needed-help"));
    ui.checkbox(&mut settings.recursive, tr!("recursive"))
        .on_hover_text(tr!("recursive-help"));
    print_density(ui, settings);
}

/// "Print density": as the encoder writes it, the original's, or a number of dots per inch.
fn print_density(ui: &mut egui::Ui, settings: &mut Settings) {
    ui.horizontal(|ui| {
        let heading = ui.label(tr!("print-density"));
        let label = match settings.dpi {
            None => tr!("dpi-as-written"),
            Some(Dpi::Keep) => tr!("dpi-original"),
            Some(Dpi::Set(n)) => tr!("dpi-value", n = n.to_string()),
        };
        egui::ComboBox::from_id_salt("dpi")
            .selected_text(label)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut settings.dpi, None, tr!("dpi-as-written"));
                ui.selectable_value(&mut settings.dpi, Some(Dpi::Keep), tr!("dpi-original"));
                for n in [72, 96, 150, 300, 600] {
                    ui.selectable_value(
                        &mut settings.dpi,
                        Some(Dpi::Set(n)),
                        tr!("dpi-value", n = n.to_string()),
                    );
                }
            })
            .response
            .named_by(heading.id)
            .on_hover_text(tr!("print-density-help"));
        if let Some(Dpi::Set(n)) = &mut settings.dpi {
            ui.add(
                egui::DragValue::new(n)
                    .range(1..=65535)
                    .suffix(format!(" {}", tr!("unit-dpi"))),
            );
        }
    });
}

/// Metadata and colour options: what the copies keep of their originals.
pub(super) fn fidelity(ui: &mut egui::Ui, settings: &mut Settings) {
    ui.checkbox(&mut settings.keep_dates, tr!("keep-dates"))
        .on_hover_text(tr!("keep-dates-help"));
    ui.checkbox(&mut settings.strip_metadata, tr!("strip-metadata"))
        .on_hover_text(tr!("strip-metadata-help"));
    ui.add_enabled_ui(!settings.strip_metadata, |ui| {
        ui.checkbox(&mut settings.remove_location, tr!("remove-location"))
            .on_hover_text(tr!("remove-location-help"));
    });
    ui.checkbox(&mut settings.to_srgb, tr!("to-srgb"))
        .on_hover_text(tr!("to-srgb-help"));
    ui.checkbox(&mut settings.linear, tr!("linear"))
        .on_hover_text(tr!("linear-help"));
}

/// The two guards against huge or hostile files, as two rows of the Advanced grid.
fn limits(ui: &mut egui::Ui, limits: &mut Limits) {
    let named = ui.label(tr!("largest-image"));
    let mut mp = (limits.max_pixels / 1_000_000).max(1);
    let largest = ui
        .add(
            egui::DragValue::new(&mut mp)
                .range(1..=10_000)
                .suffix(format!(" {}", tr!("unit-mp"))),
        )
        .named_by(named.id)
        .on_hover_text(tr!("largest-image-help"));
    if largest.changed() {
        limits.max_pixels = mp * 1_000_000;
    }
    ui.end_row();

    ui.label(tr!("memory"));
    let help = tr!("memory-help");
    let auto_bytes = auto_memory_budget();
    ui.horizontal(|ui| {
        let mut auto = limits.memory_budget.is_none();
        let label = tr!("auto-value", value = crate::text::bytes(auto_bytes));
        if ui.checkbox(&mut auto, label).on_hover_text(&help).changed() {
            limits.memory_budget = (!auto).then_some(auto_bytes);
        }
        let mut gb = limits.memory_budget.unwrap_or(auto_bytes) as f64 / 1e9;
        let field = egui::DragValue::new(&mut gb)
            .range(0.1..=4096.0)
            .speed(0.1)
            .max_decimals(1)
            .suffix(format!(" {}", tr!("unit-gb")));
        if ui.add_enabled(!auto, field).on_hover_text(&help).changed() {
            limits.memory_budget = Some((gb * 1e9) as u64);
        }
    });
    ui.end_row();
}

fn filter_label(f: Filter) -> String {
    match f {
        Filter::Lanczos3 => tr!("filter-lanczos3"),
        Filter::CatmullRom => tr!("filter-catmull-rom"),
        Filter::Mitchell => tr!("filter-mitchell"),
        Filter::Bilinear => tr!("filter-bilinear"),
        Filter::Nearest => tr!("filter-nearest"),
    }
}

fn encoder_label(e: JpegEncoder) -> String {
    match e {
        JpegEncoder::Auto => tr!("encoder-auto"),
        JpegEncoder::Turbo => tr!("encoder-turbo"),
        JpegEncoder::Jpegli => tr!("encoder-jpegli"),
    }
}

fn subsampling_label(s: Subsampling) -> String {
    match s {
        Subsampling::Auto => tr!("subsampling-auto"),
        Subsampling::S420 => tr!("subsampling-420"),
        Subsampling::S422 => tr!("subsampling-422"),
        Subsampling::S444 => tr!("subsampling-444"),
    }
}
