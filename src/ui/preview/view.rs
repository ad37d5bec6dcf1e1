//! How the two pictures are laid out: split by a draggable line or side by side, zoomed and panned together so
//! the same spot of both is always in view.

use crate::tr;
use eframe::egui::{self, Color32, Rect, Sense, Vec2, pos2, vec2};

/// Zoom, pan and layout of the preview.
pub struct Viewport {
    /// The copy's pixels per physical screen pixel (1 = 100 %); `None` fits the picture to the pane.
    zoom: Option<f32>,
    /// The picture's point at the pane's centre, in picture pixels from its centre.
    pan: Vec2,
    /// Where the split line is, as a share of the pane's width.
    split: f32,
    side_by_side: bool,
    dragging_split: bool,
}

impl Default for Viewport {
    fn default() -> Self {
        Self {
            zoom: None,
            pan: Vec2::ZERO,
            split: 0.5,
            side_by_side: false,
            dragging_split: false,
        }
    }
}

impl Viewport {
    /// Layout and zoom buttons. `shown_scale`: the pictures' size over the copy's.
    pub fn controls(&mut self, ui: &mut egui::Ui, shown_scale: f32) {
        ui.selectable_value(&mut self.side_by_side, false, tr!("preview-split"))
            .on_hover_text(tr!("preview-split-help"));
        ui.selectable_value(&mut self.side_by_side, true, tr!("preview-side-by-side"));
        ui.separator();
        if ui.selectable_label(self.zoom.is_none(), tr!("preview-fit")).clicked() {
            self.zoom = None;
            self.pan = Vec2::ZERO;
        }
        for zoom in [1.0, 2.0] {
            let on = self.zoom.is_some_and(|z| (z - zoom).abs() < 1e-3);
            if ui
                .selectable_label(on, tr!("percent", n = zoom * 100.0))
                .on_hover_text(tr!("preview-zoom-help"))
                .clicked()
            {
                self.zoom = Some(zoom);
            }
        }
        if let Some(zoom) = self.zoom.filter(|z| ![1.0, 2.0].iter().any(|p| (z - p).abs() < 1e-3)) {
            ui.weak(tr!("percent", n = (zoom * 100.0).round()));
        }
        if shown_scale < 1.0 {
            ui.weak(tr!("preview-scaled", percent = (shown_scale * 100.0).round()));
        }
    }

    /// Draws both pictures in the space left. `current`: they were made with the settings shown; when not,
    /// they are dimmed. `shown_scale`: the pictures' size over the copy's.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        (before, after): (&egui::TextureHandle, &egui::TextureHandle),
        current: bool,
        shown_scale: f32,
    ) {
        let (area, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        let texture = after.size_vec2();
        let panes: Vec<Rect> = if self.side_by_side {
            let half = (area.width() - 6.0) / 2.0;
            vec![
                Rect::from_min_size(area.min, vec2(half, area.height())),
                Rect::from_min_size(pos2(area.min.x + half + 6.0, area.min.y), vec2(half, area.height())),
            ]
        } else {
            vec![area]
        };
        let pane = panes[0].size();
        let fit = (pane.x / texture.x).min(pane.y / texture.y);
        // Points per picture pixel: the zoom is in screen pixels, and the picture may be a reduced copy.
        let per_copy_pixel = 1.0 / ui.ctx().pixels_per_point();
        let scale = self.zoom.map_or(fit, |z| z * per_copy_pixel / shown_scale);
        self.interact(&response, &area, scale, fit * shown_scale / per_copy_pixel);
        // Keep some of the picture in view whatever the pan.
        let limit = ((texture * scale - pane) / 2.0 / scale).max(Vec2::ZERO);
        self.pan = self.pan.clamp(-limit, limit);
        let tint = if current {
            Color32::WHITE
        } else {
            Color32::from_gray(120)
        };
        let uv = Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));
        let placed = |pane: Rect| Rect::from_center_size(pane.center() - self.pan * scale, texture * scale);
        let painter = ui.painter_at(area);
        if self.side_by_side {
            painter
                .with_clip_rect(panes[0])
                .image(before.id(), placed(panes[0]), uv, tint);
            painter
                .with_clip_rect(panes[1])
                .image(after.id(), placed(panes[1]), uv, tint);
            label(&painter, panes[0].left_top(), &tr!("preview-original"));
            label(&painter, panes[1].left_top(), &tr!("preview-copy"));
        } else {
            let x = area.left() + area.width() * self.split;
            let left = Rect::from_min_max(area.min, pos2(x, area.max.y));
            let right = Rect::from_min_max(pos2(x, area.min.y), area.max);
            painter.with_clip_rect(left).image(before.id(), placed(area), uv, tint);
            painter.with_clip_rect(right).image(after.id(), placed(area), uv, tint);
            let stroke = egui::Stroke::new(2.0, ui.visuals().selection.bg_fill);
            painter.vline(x, area.y_range(), stroke);
            painter.circle_filled(pos2(x, area.center().y), 7.0, ui.visuals().selection.bg_fill);
            label(&painter, area.left_top(), &tr!("preview-original"));
            label(&painter, pos2(x, area.top()), &tr!("preview-copy"));
        }
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, tr!("preview-spoken")));
    }

    /// Drag pans (or moves the split line, when grabbed near it), the wheel zooms, a double-click switches
    /// between fitting and 100 %.
    /// `fit_zoom`: the zoom at which the picture fits the pane.
    fn interact(&mut self, response: &egui::Response, area: &Rect, scale: f32, fit_zoom: f32) {
        if response.drag_started() {
            let x = area.left() + area.width() * self.split;
            // Where the button went down, not where the drag was noticed: a quick drag is far off by then.
            let origin = response.ctx.input(|i| i.pointer.press_origin());
            self.dragging_split = !self.side_by_side && origin.is_some_and(|p| (p.x - x).abs() < 12.0);
        }
        if response.dragged() {
            if self.dragging_split {
                if let Some(p) = response.interact_pointer_pos() {
                    self.split = ((p.x - area.left()) / area.width()).clamp(0.0, 1.0);
                }
            } else {
                self.pan -= response.drag_delta() / scale;
            }
        }
        if response.drag_stopped() {
            self.dragging_split = false;
        }
        if response.double_clicked() {
            self.zoom = match self.zoom {
                Some(_) => None,
                None => Some(1.0),
            };
        }
        if response.hovered() {
            let scroll = response.ctx.input(|i| i.smooth_scroll_delta.y);
            if scroll != 0.0 {
                let now = self.zoom.unwrap_or(fit_zoom);
                self.zoom = Some((now * (scroll / 200.0).exp()).clamp(0.05, 16.0));
            }
        }
    }
}

fn label(painter: &egui::Painter, at: egui::Pos2, text: &str) {
    let galley = painter.layout_no_wrap(text.to_owned(), egui::FontId::proportional(13.0), Color32::WHITE);
    let rect = Rect::from_min_size(at + vec2(6.0, 6.0), galley.size() + vec2(8.0, 4.0));
    painter.rect_filled(rect, 3.0, Color32::from_black_alpha(160));
    painter.galley(rect.min + vec2(4.0, 2.0), galley, Color32::WHITE);
}
