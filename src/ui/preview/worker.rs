//! The preview's thread: makes one preview at a time, always the newest asked for. Asking again cancels the
//! one being made (it stops at its next step and is never delivered).

use std::thread;

use crossbeam_channel::{Receiver, Sender};
use eframe::egui;

use super::{Key, MAX_EDGE};
use crate::engine::{CancelToken, Preview, preview};
use crate::text;
use crate::{i18n, tr};

/// A preview made: the figures under it, and the two pictures until they are uploaded.
pub struct Made {
    pub before: image::RgbaImage,
    pub after: image::RgbaImage,
    input_size: (u32, u32),
    output_size: (u32, u32),
    input_bytes: u64,
    output_bytes: u64,
    format: String,
    quality: Option<u8>,
    score: Option<f32>,
    /// What else to know: an animation reduced, colour converted, a copy no smaller than its original.
    pub notes: Vec<String>,
    /// The pictures' size over the copy's (1 unless the copy is very large).
    pub shown_scale: f32,
}

impl From<Preview> for Made {
    fn from(p: Preview) -> Self {
        Self {
            before: p.before,
            after: p.after,
            input_size: p.input_size,
            output_size: p.output_size,
            input_bytes: p.input_bytes,
            output_bytes: p.output_bytes,
            format: p.format,
            quality: p.quality,
            score: p.score,
            notes: p.notes,
            shown_scale: p.shown_scale,
        }
    }
}

impl Made {
    /// `Original 4000×3000, 3.1 MB → copy 1920×1440, JPEG q85, 412 KB (−87 %)`.
    pub fn figures(&self) -> String {
        let quality = match (self.quality, self.score) {
            (Some(q), Some(score)) => format!(
                " q{q} ({})",
                tr!("preview-chosen-by-look", score = i18n::decimal(f64::from(score), 1))
            ),
            (Some(q), None) => format!(" q{q}"),
            _ => String::new(),
        };
        let change = if self.input_bytes > 0 {
            let percent = (self.output_bytes as f64 / self.input_bytes as f64 - 1.0) * 100.0;
            let sign = if percent < 0.0 { "−" } else { "+" };
            format!(" ({sign}{})", tr!("percent", n = percent.abs().round()))
        } else {
            String::new()
        };
        tr!(
            "preview-figures",
            input = format!("{}×{}", self.input_size.0, self.input_size.1),
            input_bytes = text::bytes(self.input_bytes),
            output = format!("{}×{}", self.output_size.0, self.output_size.1),
            format = format!("{}{quality}", self.format),
            output_bytes = format!("{}{change}", text::bytes(self.output_bytes))
        )
    }
}

type Request = (Key, CancelToken);
type Result = (Key, std::result::Result<Made, String>);

/// The thread, started on first use, and the switch of the preview being made.
#[derive(Default)]
pub struct Worker {
    channels: Option<(Sender<Request>, Receiver<Result>)>,
    current: Option<CancelToken>,
}

impl Worker {
    /// Asks for the preview of `key`, cancelling the one being made.
    pub fn ask(&mut self, key: Key, ctx: &egui::Context) {
        if let Some(previous) = self.current.take() {
            previous.cancel();
        }
        if self.channels.is_none() {
            self.channels = spawn(ctx.clone());
        }
        let Some((requests, _)) = &self.channels else { return };
        let token = CancelToken::new();
        if requests.send((key, token.clone())).is_ok() {
            self.current = Some(token);
        }
    }

    /// The previews finished since the last call.
    pub fn results(&self) -> Vec<Result> {
        self.channels
            .as_ref()
            .map(|(_, results)| results.try_iter().collect())
            .unwrap_or_default()
    }
}

fn spawn(ctx: egui::Context) -> Option<(Sender<Request>, Receiver<Result>)> {
    let (requests, rx) = crossbeam_channel::unbounded::<Request>();
    let (tx, results) = crossbeam_channel::unbounded();
    thread::Builder::new()
        .name("shrinkray-preview".to_owned())
        .spawn(move || {
            while let Ok(mut request) = rx.recv() {
                // Only the newest request matters.
                while let Ok(newer) = rx.try_recv() {
                    request = newer;
                }
                let ((path, settings), cancel) = request;
                let made = match preview(&path, &settings, MAX_EDGE, &cancel) {
                    Ok(Some(p)) => Ok(Made::from(p)),
                    Ok(None) => continue,
                    Err(e) => Err(i18n::errors::image_error(&e)),
                };
                if cancel.is_cancelled() {
                    continue;
                }
                if tx.send(((path, settings), made)).is_err() {
                    return;
                }
                ctx.request_repaint();
            }
        })
        .ok()?;
    Some((requests, results))
}
