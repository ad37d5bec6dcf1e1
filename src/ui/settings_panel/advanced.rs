//! Threads, Metadata and colour, and Advanced (filter, background, dates, limits).

use std::num::NonZeroUsize;

use eframe::egui;

use crate::engine::{Dpi, Filter, JpegEncoder, Limits, Settings, Subsampling, auto_memory_budget, auto_threads};
use crate::ui::state::AppState;

pub(super) fn threads(ui: &mut egui::Ui, state: &mut AppState) {
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

pub(super) fn advanced(ui: &mut egui::Ui, state: &mut AppState) {
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
            ui.label("JPEG colour");
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
                .on_hover_text(
                    "Chroma subsampling: how much colour detail JPEG copies keep. 4:2:0 gives the smallest files \
                     and suits photos; 4:4:4 keeps red text and sharp colour edges clean",
                );
            ui.end_row();
            let label = ui.label("JPEG encoder");
            egui::ComboBox::from_id_salt("jpeg_encoder")
                .selected_text(encoder_label(settings.jpeg_encoder))
                .show_ui(ui, |ui| {
                    for e in [JpegEncoder::Auto, JpegEncoder::Turbo, JpegEncoder::Jpegli] {
                        ui.selectable_value(&mut settings.jpeg_encoder, e, encoder_label(e));
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text(
                    "jpegli reaches a look in about a tenth fewer bytes than libjpeg-turbo; at a fixed quality \
                     libjpeg-turbo keeps the quality scale people know. Auto uses each where it is better",
                );
            ui.end_row();
            limits(ui, &mut settings.limits);
        });
    ui.checkbox(&mut settings.sharpen, "Sharpen for screen").on_hover_text(
        "A light unsharp mask on copies made smaller, sized to how much smaller: crisper edges on screen",
    );
    ui.checkbox(&mut settings.progressive, "Progressive JPEG")
        .on_hover_text(
            "JPEG copies that appear coarse first and sharpen as they load; a little smaller, slower to write",
        );
    ui.checkbox(&mut settings.optimize_jpeg, "Optimise JPEGs losslessly")
        .on_hover_text(
            "JPEGs already within the size are not re-encoded: their coding is optimised, so the copy has the very \
             same pixels and metadata, a little smaller",
        );
    ui.checkbox(&mut settings.only_if_needed, "Only when it needs it")
        .on_hover_text(
            "Images already within the size (and the target file size) that stay in their format are copied as they \
             are, not encoded again",
        );
    ui.checkbox(&mut settings.recursive, "Include subfolders")
        .on_hover_text("Look for images in folders inside the added folders too");
    print_density(ui, settings);
}

/// "Print density": as the encoder writes it, the original's, or a number of dots per inch.
fn print_density(ui: &mut egui::Ui, settings: &mut Settings) {
    ui.horizontal(|ui| {
        let heading = ui.label("Print density");
        let label = match settings.dpi {
            None => "as written".to_owned(),
            Some(Dpi::Keep) => "the original's".to_owned(),
            Some(Dpi::Set(n)) => format!("{n} dpi"),
        };
        egui::ComboBox::from_id_salt("dpi")
            .selected_text(label)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut settings.dpi, None, "as written");
                ui.selectable_value(&mut settings.dpi, Some(Dpi::Keep), "the original's");
                for n in [72, 96, 150, 300, 600] {
                    ui.selectable_value(&mut settings.dpi, Some(Dpi::Set(n)), format!("{n} dpi"));
                }
            })
            .response
            .labelled_by(heading.id)
            .on_hover_text(
                "The dots per inch the copies say they have, for printing: written in the JPEG, PNG, TIFF and BMP \
                 headers and in the EXIF",
            );
        if let Some(Dpi::Set(n)) = &mut settings.dpi {
            ui.add(egui::DragValue::new(n).range(1..=65535).suffix(" dpi"));
        }
    });
}

/// Metadata and colour options: what the copies keep of their originals.
pub(super) fn fidelity(ui: &mut egui::Ui, settings: &mut Settings) {
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

fn filter_label(f: Filter) -> &'static str {
    match f {
        Filter::Lanczos3 => "Lanczos3",
        Filter::CatmullRom => "Catmull-Rom",
        Filter::Mitchell => "Mitchell",
        Filter::Bilinear => "Bilinear",
        Filter::Nearest => "Nearest (pixel art)",
    }
}

fn encoder_label(e: JpegEncoder) -> &'static str {
    match e {
        JpegEncoder::Auto => "Auto (jpegli for a look)",
        JpegEncoder::Turbo => "libjpeg-turbo (fastest)",
        JpegEncoder::Jpegli => "jpegli (smallest)",
    }
}

fn subsampling_label(s: Subsampling) -> &'static str {
    match s {
        Subsampling::Auto => "Auto (4:4:4 from quality 90)",
        Subsampling::S420 => "4:2:0 (smallest)",
        Subsampling::S422 => "4:2:2",
        Subsampling::S444 => "4:4:4 (full colour)",
    }
}
