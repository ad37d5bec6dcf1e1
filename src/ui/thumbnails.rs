//! The grid of images: the inputs before a job, the finished copies during and after one. Rows are laid out
//! lazily and at most `TEXTURE_CAP` textures live at once: tiles scrolled out of sight give theirs up, and get
//! them back from their file when seen again. Clicking a tile asks for its preview.

use std::collections::HashSet;
use std::path::PathBuf;
use std::thread;

use crossbeam_channel::{Receiver, Sender};
use eframe::egui;

use crate::engine::{ImageDone, Limits, ListedImage, THUMBNAIL_EDGE, Thumbnail, load_thumbnail_sized};
use crate::text;
use crate::{i18n, tr};

/// Most thumbnail textures alive at once (about 175 KB each), whatever the number of images.
pub const TEXTURE_CAP: usize = 300;

/// Edge of a tile on screen, in points.
const TILE: f32 = 120.0;

/// One image of the grid.
struct Tile {
    info: Info,
    texture: Option<egui::TextureHandle>,
    /// Frame in which the tile was last on screen, for evicting the least recently seen.
    seen: u64,
}

/// What a tile shows and tells.
enum Info {
    /// An input, before a job; its size is known once its thumbnail is made.
    Input {
        path: PathBuf,
        bytes: u64,
        size: Option<(u32, u32)>,
    },
    /// A finished copy.
    Done {
        input: PathBuf,
        output: PathBuf,
        input_size: (u32, u32),
        output_size: (u32, u32),
        input_bytes: u64,
        output_bytes: u64,
        /// What else the user should know: the quality a target size chose, a kept original, an animation.
        detail: Option<String>,
    },
}

impl Info {
    /// The file the thumbnail is read from.
    fn source(&self) -> &PathBuf {
        match self {
            Info::Input { path, .. } => path,
            Info::Done { output, .. } => output,
        }
    }

    /// Where the image stands, in words, for screen readers: "not started, 840×600, 120 KB" or "done,
    /// 4000×3000 → 1920×1440, 3.6 MB → 900 KB" (and what else the tooltip tells).
    fn state(&self) -> String {
        match self {
            Info::Input { bytes, size, .. } => match size {
                Some((w, h)) => tr!(
                    "tile-not-started-sized",
                    width = w.to_string(),
                    height = h.to_string(),
                    size = text::bytes(*bytes)
                ),
                None => tr!("tile-not-started", size = text::bytes(*bytes)),
            },
            Info::Done {
                input_size,
                output_size,
                input_bytes,
                output_bytes,
                detail,
                ..
            } => {
                let mut said = tr!(
                    "tile-done",
                    sizes = size_change(*input_size, *output_size),
                    bytes = byte_change(*input_bytes, *output_bytes)
                );
                if let Some(detail) = detail {
                    said.push_str(". ");
                    said.push_str(&detail.replace('\n', ". "));
                }
                said
            }
        }
    }

    /// The input, which a preview shows.
    fn input(&self) -> &PathBuf {
        match self {
            Info::Input { path, .. } | Info::Done { input: path, .. } => path,
        }
    }
}

/// The grid, its textures, and the loader that brings evicted thumbnails back.
#[derive(Default)]
pub struct ThumbGrid {
    tiles: Vec<Tile>,
    live: usize,
    frame: u64,
    pending: HashSet<usize>,
    loader: Option<Loader>,
    /// The grid was scrolled to its end last frame, so new rows move the tiles under a resting pointer.
    following: bool,
    /// When the last tile was added.
    last_push: Option<std::time::Instant>,
    /// A grid of inputs: it starts at the top rather than following new tiles at the end.
    inputs: bool,
}

/// A thumbnail brought back for a tile, with its image's full size; `None` when the file could not be read.
type Loaded = (usize, Option<(Thumbnail, (u32, u32))>);

struct Loader {
    requests: Sender<(usize, PathBuf)>,
    results: Receiver<Loaded>,
}

impl ThumbGrid {
    /// Number of finished images shown.
    pub fn len(&self) -> usize {
        self.tiles.len()
    }

    /// Whether the grid is empty.
    pub fn is_empty(&self) -> bool {
        self.tiles.is_empty()
    }

    /// Textures alive now; never more than `TEXTURE_CAP` after a frame.
    pub fn live_textures(&self) -> usize {
        self.live
    }

    /// A grid of the inputs, their thumbnails made when their rows are first seen.
    pub fn of_inputs<'a>(images: impl Iterator<Item = &'a ListedImage>) -> Self {
        let tiles = images
            .map(|image| Tile {
                info: Info::Input {
                    path: image.path.clone(),
                    bytes: image.bytes,
                    size: None,
                },
                texture: None,
                seen: 0,
            })
            .collect();
        Self {
            tiles,
            inputs: true,
            ..Self::default()
        }
    }

    /// Every tile's input, in grid order (what a preview steps through).
    pub fn inputs(&self) -> Vec<PathBuf> {
        self.tiles.iter().map(|t| t.info.input().clone()).collect()
    }

    /// Adds a finished image, uploading its thumbnail. The pixels are not kept: the texture holds them.
    pub fn push(&mut self, ctx: &egui::Context, done: ImageDone) {
        self.last_push = Some(std::time::Instant::now());
        let index = self.tiles.len();
        let texture = done.thumbnail.as_ref().map(|t| upload(ctx, index, t));
        let detail = detail(&done);
        self.live += usize::from(texture.is_some());
        self.tiles.push(Tile {
            info: Info::Done {
                input: done.input,
                output: done.output,
                input_size: done.input_size,
                output_size: done.output_size,
                input_bytes: done.input_bytes,
                output_bytes: done.output_bytes,
                detail,
            },
            texture,
            seen: self.frame,
        });
        self.enforce_cap();
    }

    /// Takes in thumbnails the loader brought back.
    pub fn poll(&mut self, ctx: &egui::Context) {
        let Some(loader) = &self.loader else { return };
        let results: Vec<_> = loader.results.try_iter().collect();
        for (index, thumb) in results {
            self.pending.remove(&index);
            if let (Some(tile), Some((thumb, full_size))) = (self.tiles.get_mut(index), thumb)
                && tile.texture.is_none()
            {
                if let Info::Input { size, .. } = &mut tile.info {
                    *size = Some(full_size);
                }
                tile.texture = Some(upload(ctx, index, &thumb));
                tile.seen = self.frame;
                self.live += 1;
            }
        }
        self.enforce_cap();
    }

    /// Drops the textures of the tiles seen longest ago until at most three quarters of the cap are alive,
    /// so eviction runs in batches rather than on every new image.
    fn enforce_cap(&mut self) {
        if self.live <= TEXTURE_CAP {
            return;
        }
        let mut alive: Vec<(u64, usize)> = self
            .tiles
            .iter()
            .enumerate()
            .filter(|(_, t)| t.texture.is_some())
            .map(|(i, t)| (t.seen, i))
            .collect();
        alive.sort_unstable();
        let excess = self.live - TEXTURE_CAP * 3 / 4;
        for &(_, i) in alive.iter().take(excess) {
            self.tiles[i].texture = None;
        }
        self.live -= excess.min(alive.len());
    }

    /// Draws the rows on screen only; tiles without a texture ask the loader for one. Returns the tile
    /// clicked, if any.
    pub fn show(&mut self, ui: &mut egui::Ui) -> Option<usize> {
        let mut clicked = None;
        self.frame += 1;
        let spacing = ui.spacing().item_spacing;
        let per_row = (((ui.available_width() + spacing.x) / (TILE + spacing.x)).floor() as usize).max(1);
        let rows = self.tiles.len().div_ceil(per_row);
        let mut wanted = Vec::new();
        // While rows keep arriving under a resting pointer, each new row brings another tile, and so another
        // tooltip, under it: a fade-in that repaints at full speed, frame after frame (on a software renderer
        // it halved the job's speed). Tooltips come back once the grid is still or scrolled away from its end.
        let tooltips = !(self.following && self.last_push.is_some_and(|t| t.elapsed().as_secs_f32() < 1.0));
        let output = egui::ScrollArea::vertical()
            .id_salt("thumbnails")
            .auto_shrink([false, false])
            .stick_to_bottom(!self.inputs)
            .show_rows(ui, TILE, rows, |ui, range| {
                for row in range {
                    ui.horizontal(|ui| {
                        let start = row * per_row;
                        let end = (start + per_row).min(self.tiles.len());
                        for index in start..end {
                            let tile = &mut self.tiles[index];
                            tile.seen = self.frame;
                            if show_tile(ui, tile, tooltips).clicked() {
                                clicked = Some(index);
                            }
                            if tile.texture.is_none() {
                                wanted.push(index);
                            }
                        }
                    });
                }
                // A tile that Tab reaches half out of view comes into view.
                crate::ui::access::follow_focus(ui);
            });
        let end = output.content_size.y - output.inner_rect.height();
        self.following = output.state.clamped_offset().y >= end - 1.0;
        for index in wanted {
            self.request(index, ui.ctx());
        }
        clicked
    }

    fn request(&mut self, index: usize, ctx: &egui::Context) {
        if self.pending.contains(&index) {
            return;
        }
        if self.loader.is_none() {
            self.loader = spawn_loader(ctx.clone());
        }
        let Some(loader) = &self.loader else { return };
        if loader
            .requests
            .send((index, self.tiles[index].info.source().clone()))
            .is_ok()
        {
            self.pending.insert(index);
        }
    }
}

fn upload(ctx: &egui::Context, index: usize, t: &Thumbnail) -> egui::TextureHandle {
    let image = egui::ColorImage::from_rgba_unmultiplied([t.width as usize, t.height as usize], &t.rgba);
    ctx.load_texture(format!("thumb-{index}"), image, egui::TextureOptions::LINEAR)
}

/// Draws one tile; the response says whether it was clicked.
fn show_tile(ui: &mut egui::Ui, tile: &Tile, tooltip: bool) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(TILE, TILE), egui::Sense::click());
    match &tile.texture {
        Some(texture) => {
            let size = texture.size_vec2();
            // A small margin keeps neighbouring pictures, portrait ones especially, from touching.
            let scale = ((TILE - 6.0) / size.x.max(size.y)).min(1.0);
            let shown = egui::Rect::from_center_size(rect.center(), size * scale);
            ui.painter().image(
                texture.id(),
                shown,
                egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0)),
                egui::Color32::WHITE,
            );
        }
        None => {
            ui.painter()
                .rect_filled(rect.shrink(4.0), 4.0, ui.visuals().faint_bg_color);
        }
    }
    if response.hovered() || response.has_focus() {
        // Tab reaches the tiles too (Enter opens the preview), so the focused one is marked as a hovered one.
        let mut stroke = ui.visuals().selection.stroke;
        if response.has_focus() {
            stroke.width = stroke.width.max(2.0);
        }
        ui.painter()
            .rect_stroke(rect.shrink(1.0), 4.0, stroke, egui::StrokeKind::Inside);
    }
    let name = tile
        .info
        .source()
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, name.to_string()));
    // A screen reader says the name, then this: where the image stands, which the picture shows only by sight.
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_description(tile.info.state()));
    if !tooltip {
        return response;
    }
    response.on_hover_ui(|ui| match &tile.info {
        Info::Input { path, bytes, size } => {
            ui.label(text::path(path));
            match size {
                Some((w, h)) => ui.label(format!("{w}×{h} · {}", text::bytes(*bytes))),
                None => ui.label(text::bytes(*bytes)),
            };
            ui.weak(tr!("tile-click-preview"));
        }
        Info::Done {
            input,
            output,
            input_size,
            output_size,
            input_bytes,
            output_bytes,
            detail,
        } => {
            ui.label(format!("{}\n→ {}", text::path(input), text::path(output)));
            ui.label(size_change(*input_size, *output_size));
            ui.label(byte_change(*input_bytes, *output_bytes));
            if let Some(detail) = detail {
                ui.label(detail);
            }
            ui.weak(tr!("tile-click-compare"));
        }
    })
}

/// "4000×3000 → 1920×1440", as the tooltip shows it and a screen reader says it.
fn size_change(from: (u32, u32), to: (u32, u32)) -> String {
    format!("{}×{} → {}×{}", from.0, from.1, to.0, to.1)
}

/// "3.6 MB → 877 KB", likewise.
fn byte_change(from: u64, to: u64) -> String {
    format!("{} → {}", text::bytes(from), text::bytes(to))
}

/// The lines of a finished image's tooltip beyond paths, sizes and bytes; `None` for a plain copy.
fn detail(done: &ImageDone) -> Option<String> {
    let mut lines = Vec::new();
    if done.kept_original {
        lines.push(tr!("tile-kept-original"));
    }
    if let (Some(quality), Some(score)) = (done.quality, done.score) {
        lines.push(tr!(
            "tile-look",
            quality = u64::from(quality),
            score = i18n::decimal(f64::from(score), 1)
        ));
    }
    if let Some(note) = &done.note {
        lines.push(note.clone());
    }
    for extra in &done.extra {
        lines.push(tr!(
            "tile-also",
            path = text::path(&extra.output),
            width = extra.output_size.0.to_string(),
            height = extra.output_size.1.to_string(),
            size = text::bytes(extra.output_bytes)
        ));
    }
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// One background thread that reads outputs back into thumbnails, in request order.
fn spawn_loader(ctx: egui::Context) -> Option<Loader> {
    let (requests, rx) = crossbeam_channel::unbounded::<(usize, PathBuf)>();
    let (tx, results) = crossbeam_channel::unbounded();
    thread::Builder::new()
        .name("shrinkray-thumbs".to_owned())
        .spawn(move || {
            for (index, path) in rx {
                let thumb = load_thumbnail_sized(&path, THUMBNAIL_EDGE, &Limits::default()).ok();
                if tx.send((index, thumb)).is_err() {
                    return;
                }
                ctx.request_repaint();
            }
        })
        .ok()?;
    Some(Loader { requests, results })
}
