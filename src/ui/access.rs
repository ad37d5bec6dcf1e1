//! Names for screen readers where a widget's own would say too little: a number field names itself by its unit
//! ("px"), a small button by its glyph ("✕").

use eframe::egui;

/// Gives `response`'s widget the name a screen reader says, in place of the one the widget chose.
pub fn name(response: &egui::Response, name: &str) {
    response
        .ctx
        .accesskit_node_builder(response.id, |node| node.set_label(name));
}

/// Explains `response`'s widget with `text`, both on hover and as the name a screen reader says (for number
/// fields and glyph buttons, whose hover text is the only words they have).
pub fn explain(response: egui::Response, text: &str) -> egui::Response {
    name(&response, text);
    response.on_hover_text(text)
}
