//! For keyboard and screen-reader users: names where a widget's own would say too little (a number field names
//! itself by its unit, "px"; a small button by its glyph, "✕"), and the focused widget kept in view.

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

/// Brings the widget that has just taken the keyboard focus into view, when it lies in `ui`, the content of a
/// scroll area (call it last inside the area). egui does not scroll to a focused widget by itself, so Tab
/// through a settings panel taller than the window would move the focus out of sight.
pub fn follow_focus(ui: &egui::Ui) {
    let Some(id) = ui.memory(|m| m.focused()) else {
        return;
    };
    let Some(response) = ui.ctx().read_response(id) else {
        return;
    };
    // Only on the pass focus arrives, so the user can still scroll away from a focused widget.
    if response.gained_focus() && ui.min_rect().contains_rect(response.rect) {
        response.scroll_to_me_animation(None, egui::style::ScrollAnimation::none());
    }
}

/// Naming a control by the label beside it, as [`egui::Response::labelled_by`] does.
pub trait NamedBy {
    /// Names this control by the label `label`. A combo box on Linux gets its current value in its name too
    /// ("Format: Same as input"): AccessKit does not expose a combo box's value over AT-SPI, so Orca would say
    /// only "Format combo box", and it says the new name when the value changes. Elsewhere the screen readers
    /// read the value themselves (UI Automation's value, VoiceOver's).
    fn named_by(self, label: egui::Id) -> Self;
}

impl NamedBy for egui::Response {
    fn named_by(self, label: egui::Id) -> Self {
        #[cfg(all(unix, not(target_os = "macos")))]
        {
            use egui::accesskit::Role;
            let label_text = self
                .ctx
                // egui keeps a label's text as its value (AccessKit's "label comes from value").
                .accesskit_node_builder(label, |n| n.label().or(n.value()).map(str::to_owned))
                .flatten();
            let value = self
                .ctx
                .accesskit_node_builder(self.id, |n| {
                    (n.role() == Role::ComboBox)
                        .then(|| n.value().map(str::to_owned))
                        .flatten()
                })
                .flatten();
            if let (Some(said), Some(value)) = (label_text, value) {
                name(&self, &crate::tr!("named-value", name = said, value = value));
                return self;
            }
        }
        self.labelled_by(label)
    }
}
