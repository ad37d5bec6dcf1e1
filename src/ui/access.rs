//! Names for screen readers where a widget's own would say too little: a number field names itself by its unit
//! ("px"), a small button by its glyph ("✕").

use eframe::egui;

/// Gives `response`'s widget the name a screen reader says, in place of the one the widget chose.
pub fn name(ui: &egui::Ui, response: &egui::Response, name: &str) {
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_label(name));
}
