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

/// Naming a control by the label beside it, as [`egui::Response::labelled_by`] does, or by a name of its own.
pub trait NamedBy {
    /// Names this control by the label `label`. A combo box on Linux gets its current value in its name too
    /// ("Format: Same as input"): AccessKit does not expose a combo box's value over AT-SPI, so Orca would say
    /// only "Format combo box", and it says the new name when the value changes. Elsewhere the screen readers
    /// read the value themselves (UI Automation's value, VoiceOver's).
    fn named_by(self, label: egui::Id) -> Self;

    /// Names this control `name` (no label beside it says so), with a combo box's value on Linux as above.
    fn named(self, name: String) -> Self;
}

impl NamedBy for egui::Response {
    fn named_by(self, label: egui::Id) -> Self {
        // egui keeps a label's text as its value (AccessKit's "label comes from value").
        let label_text = || {
            self.ctx
                .accesskit_node_builder(label, |n| n.label().or(n.value()).map(str::to_owned))
                .flatten()
        };
        match combo_value(&self).and_then(|value| Some((label_text()?, value))) {
            Some((said, value)) => with_value(self, &said, &value),
            None => self.labelled_by(label),
        }
    }

    fn named(self, said: String) -> Self {
        match combo_value(&self) {
            Some(value) => with_value(self, &said, &value),
            None => {
                name(&self, &said);
                self
            }
        }
    }
}

/// Names `response` "`said`: `value`" in the current language.
fn with_value(response: egui::Response, said: &str, value: &str) -> egui::Response {
    name(&response, &crate::tr!("named-value", name = said, value = value));
    response
}

/// A combo box's current value, where the screen reader needs it in the name (Linux; see [`NamedBy`]).
fn combo_value(response: &egui::Response) -> Option<String> {
    if !cfg!(all(unix, not(target_os = "macos"))) {
        return None;
    }
    response
        .ctx
        .accesskit_node_builder(response.id, |n| {
            (n.role() == egui::accesskit::Role::ComboBox)
                .then(|| n.value().map(str::to_owned))
                .flatten()
        })
        .flatten()
}
