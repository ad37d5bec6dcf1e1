//! The app: persisted state, the runtime around it, and the frame loop (drain, draw, apply commands).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crossbeam_channel::Receiver;
use eframe::egui;

mod bottom_bar;
mod central;
mod commands;
mod drop_overlay;
mod in_place;
mod shortcuts_help;
mod side_panel;
mod start_button;
mod top_bar;

pub use shortcuts_help::shortcuts;

use super::command::Command;
use super::desktop::Desktop;
use super::dialogs::{DialogKind, Dialogs};
use super::estimate::Estimates;
use super::fonts;
use super::frame_stats::FrameStats;
use super::freshness::Freshness;
use super::inputs::Inputs;
use super::presets::PresetsView;
use super::preview::PreviewPane;
use super::run::RunView;
use super::single_instance::Handoff;
use super::state::AppState;
use super::thumbnails::ThumbGrid;
use crate::engine::JobEvent;
use crate::{i18n, tr};

/// Repaints asked for by workers are merged to at most this often; without vsync (Xvfb) a repaint per event
/// would draw hundreds of frames a second.
const WAKE_INTERVAL: Duration = Duration::from_millis(100);

/// How long the finished window stays up before closing itself, when the preset asks for that: long enough to
/// read the summary or press "Keep open".
const CLOSE_AFTER: Duration = Duration::from_secs(5);

/// How long a start from a selection waits for the rest of it: a file manager that launches one process per
/// file delivers 200 files within about this.
const GATHER_SELECTION: Duration = Duration::from_millis(700);

/// The Shrinkray window.
pub struct ShrinkrayApp {
    state: AppState,
    inputs: Inputs,
    dialogs: Dialogs,
    run: Option<RunView>,
    /// A message about the last action that could not be done (a job that could not start, a folder that
    /// could not be opened).
    notice: Option<String>,
    /// Why the output folder cannot be used, checked when it changes rather than every frame.
    output_check: (Option<PathBuf>, Option<String>),
    /// What the output folder already holds of the inputs.
    freshness: Freshness,
    /// Frame CPU times while a job runs (`SHRINKRAY_FRAME_STATS=1`).
    frame_stats: FrameStats,
    /// The inputs as a grid, before a job; `inputs_shown` is the input list's version it shows.
    input_grid: ThumbGrid,
    inputs_shown: u64,
    /// The grid of finished copies is shown (rather than the inputs'): from Start until the inputs change.
    show_results: bool,
    /// The before/after preview, when open.
    preview: Option<PreviewPane>,
    /// The batch estimate.
    estimates: Estimates,
    /// Jobs finished in this session: each changes what the output folder holds.
    jobs_finished: u64,
    /// The named presets and their section.
    presets: PresetsView,
    /// Start as soon as the inputs given at launch can be: `shrinkray --preset NAME PATHS`.
    start_when_ready: bool,
    /// The run started from a selection: close a few seconds after a clean finish when its preset says so.
    close_when_done: bool,
    /// When the window closes itself (after a clean finish of a run whose preset asks for it).
    closing_at: Option<Instant>,
    /// The window title last set.
    title: String,
    /// Selections handed over by later launches (`single_instance`).
    handoffs: Option<Receiver<Handoff>>,
    /// Hand-offs that arrived during a run, applied once it ends.
    waiting_handoffs: Vec<Handoff>,
    /// With `start_when_ready`: no start before this, so the rest of a selection launched file by file
    /// arrives first.
    start_after: Option<Instant>,
    commands: Vec<Command>,
    /// The in-place run's confirmation, and the undo under way.
    in_place: in_place::InPlaceView,
    /// The taskbar's progress and the notification at the end of a long run.
    desktop: Desktop,
    /// The keyboard shortcuts window is open (F1).
    help_open: bool,
    /// The language choice last applied (none before the first frame), so a change in the settings takes
    /// effect on the next frame.
    language_applied: Option<Option<String>>,
    /// The language whose script's font was last asked for.
    fonts_for: &'static str,
}

impl ShrinkrayApp {
    /// The app with its saved state, and `paths` (from the command line) added as inputs.
    pub fn new(ctx: &egui::Context, storage: Option<&dyn eframe::Storage>, paths: Vec<PathBuf>) -> Self {
        fonts::install_symbols(ctx);
        let state = AppState::load(storage);
        i18n::set_language(state.language.as_deref());
        fonts::install_for(ctx, i18n::current());
        let fonts_for = i18n::current().tag;
        let language = state.language.clone();
        let mut inputs = Inputs::new(state.settings.recursive);
        inputs.add(paths, ctx);
        Self {
            state,
            inputs,
            dialogs: Dialogs::default(),
            run: None,
            notice: None,
            output_check: (None, None),
            freshness: Freshness::default(),
            frame_stats: FrameStats::from_env(),
            input_grid: ThumbGrid::default(),
            inputs_shown: u64::MAX,
            show_results: false,
            preview: None,
            estimates: Estimates::default(),
            jobs_finished: 0,
            presets: PresetsView::load(crate::engine::presets_path()),
            start_when_ready: false,
            close_when_done: false,
            closing_at: None,
            title: String::new(),
            handoffs: None,
            waiting_handoffs: Vec::new(),
            start_after: None,
            commands: Vec::new(),
            in_place: in_place::InPlaceView::default(),
            desktop: Desktop::start(ctx),
            help_open: false,
            language_applied: Some(language),
            fonts_for,
        }
    }

    /// Tells the desktop integration which window is the app's: Windows' taskbar button shows the progress by
    /// the window's handle.
    pub fn attach_window(&self, window: &impl raw_window_handle::HasWindowHandle) {
        self.desktop.attach(window);
    }

    /// The app with its presets in `path` instead of the user's file (tests).
    pub fn with_presets_file(mut self, path: PathBuf) -> Self {
        self.presets = PresetsView::load(Some(path));
        self
    }

    /// Chooses the preset called `name`, as picking it in the Preset section does; an unknown name is said in
    /// the notice line (and false returned).
    pub fn choose_preset(&mut self, name: &str) -> bool {
        match self.presets.choose(name, &mut self.state) {
            Ok(()) => true,
            Err(why) => {
                self.notice = Some(why);
                false
            }
        }
    }

    /// Starts a run as soon as the inputs allow, with the chosen preset: what `shrinkray --preset NAME PATHS`
    /// (a file manager's "Resize with Shrinkray") asks for. When the preset says so, the window closes itself
    /// a few seconds after that run finishes with nothing failed.
    pub fn start_when_ready(&mut self) {
        self.start_when_ready = true;
        self.start_after = Some(Instant::now() + GATHER_SELECTION);
        self.close_when_done = self
            .state
            .named_preset
            .as_deref()
            .is_some_and(|name| self.presets.closes_when_done(name));
    }

    /// Whether the keyboard shortcuts window is open.
    pub fn help_open(&self) -> bool {
        self.help_open
    }

    /// Turns "Keep watching" on or off (`shrinkray --watch`).
    pub fn set_keep_watching(&mut self, on: bool) {
        self.state.keep_watching = on;
    }

    /// Takes the selections later launches hand over: their paths are added (after the running job, if any),
    /// and a preset with them chooses it and starts, as if the launch had opened this window.
    pub fn with_handoffs(mut self, handoffs: Receiver<Handoff>) -> Self {
        self.handoffs = Some(handoffs);
        self
    }

    /// Applies a selection handed over by another launch.
    pub fn receive_handoff(&mut self, ctx: &egui::Context, handoff: Handoff) {
        if self.is_running() {
            self.waiting_handoffs.push(handoff);
            return;
        }
        self.closing_at = None;
        self.show_results = false;
        // A new selection from a file manager's menu is a new run of its own; the rest of a selection that is
        // still arriving (one launch per file) joins it.
        if handoff.preset.is_some() && !self.start_when_ready {
            self.preview = None;
            self.inputs.clear();
        }
        self.inputs.add(handoff.paths, ctx);
        if let Some(name) = &handoff.preset
            && self.choose_preset(name)
        {
            self.start_when_ready();
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
    }

    /// The window's title as it should be now: the job's progress, or just "Shrinkray".
    pub fn window_title(&self) -> String {
        self.run
            .as_ref()
            .and_then(RunView::title)
            .unwrap_or_else(|| tr!("title-idle"))
    }

    /// Whether the window is about to close itself, and when.
    pub fn closing_at(&self) -> Option<Instant> {
        self.closing_at
    }

    /// The named presets as the Preset section holds them.
    pub fn presets(&self) -> &crate::engine::Presets {
        self.presets.presets()
    }

    /// The persisted state.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The persisted state, for changing settings from outside the window (tests, command line).
    pub fn state_mut(&mut self) -> &mut AppState {
        &mut self.state
    }

    /// Thumbnail textures alive now.
    pub fn live_textures(&self) -> usize {
        self.run.as_ref().map_or(0, |r| r.thumbs.live_textures())
    }

    /// Thumbnails in the grid.
    pub fn thumbnail_count(&self) -> usize {
        self.run.as_ref().map_or(0, |r| r.thumbs.len())
    }

    /// The error list: each failed input's message.
    pub fn error_messages(&self) -> Vec<String> {
        self.run
            .as_ref()
            .map(|r| r.errors().iter().map(|(_, m)| m.clone()).collect())
            .unwrap_or_default()
    }

    /// Whether a job is running.
    pub fn is_running(&self) -> bool {
        self.run.as_ref().is_some_and(RunView::is_running)
    }

    /// Applies one job event as if the running job had sent it (a job view is made if there is none).
    pub fn receive(&mut self, ctx: &egui::Context, event: JobEvent) {
        let out = self.state.settings.output_dir.clone().unwrap_or_default();
        let threads = self.state.settings.thread_count();
        self.run
            .get_or_insert_with(|| RunView::new(None, out, threads))
            .apply(ctx, event);
    }

    fn frame_start(&mut self, ctx: &egui::Context) {
        self.inputs.poll();
        for (kind, paths) in self.dialogs.poll() {
            match kind {
                DialogKind::Files | DialogKind::Folders => self.commands.push(Command::AddPaths(paths)),
                DialogKind::OutputDir => {
                    if let Some(dir) = paths.into_iter().next() {
                        self.state.settings.output_dir = Some(dir);
                    }
                }
                DialogKind::BackupDir => {
                    if let Some(dir) = paths.into_iter().next() {
                        self.state.backup_dir = Some(dir);
                    }
                }
                DialogKind::ReportSaved => {
                    if let Some(to) = paths.first() {
                        self.notice = Some(tr!("report-saved", path = to.display().to_string()));
                    }
                }
                DialogKind::ReportFailed => {
                    if let Some(to) = paths.first() {
                        self.notice = Some(tr!("report-save-failed", path = to.display().to_string()));
                    }
                }
            }
        }
        self.poll_undo();
        if let Some(run) = &mut self.run {
            let was_running = run.is_running();
            run.drain(ctx);
            if run.is_running() {
                // Keeps the clock and the rate moving between events.
                ctx.request_repaint_after(Duration::from_millis(250));
            } else if was_running {
                // A long run that ends behind other windows says so (clicking the notification brings this one
                // forward).
                let in_front = ctx.input(|i| i.viewport().focused).unwrap_or(true);
                if let Some((title, body)) = run.end_notification()
                    && self.state.notify_when_done
                    && !in_front
                {
                    self.desktop.notify(&title, &body);
                }
                // The job changed what the output folder holds.
                self.freshness.invalidate();
                self.jobs_finished += 1;
                self.frame_stats.report();
                if std::mem::take(&mut self.close_when_done) && run.finished_cleanly() {
                    self.closing_at = Some(Instant::now() + CLOSE_AFTER);
                }
            }
        }
        // The taskbar or dock shows the progress too, where the desktop has a way.
        self.desktop.progress(self.run.as_ref().and_then(RunView::taskbar));
        if self.language_applied.as_ref() != Some(&self.state.language) {
            i18n::set_language(self.state.language.as_deref());
            self.language_applied = Some(self.state.language.clone());
        }
        // The script's font follows the language in use (a test may pin one on this thread).
        if self.fonts_for != i18n::current().tag {
            self.fonts_for = i18n::current().tag;
            fonts::install_for(ctx, i18n::current());
        }
        let theme = self.state.theme.preference();
        if ctx.options(|o| o.theme_preference) != theme {
            ctx.set_theme(theme);
        }
        // The title carries the progress, for a window behind others or minimised to the taskbar.
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        if self.run.as_ref().and_then(RunView::title).is_some() && !self.is_running() {
            // "Done" goes back to "Shrinkray" without another event to wake the window.
            ctx.request_repaint_after(Duration::from_secs(1));
        }
        if let Some(at) = self.closing_at {
            match at.checked_duration_since(Instant::now()) {
                Some(left) => ctx.request_repaint_after(left.min(Duration::from_millis(250))),
                None => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            }
        }
        let handed: Vec<Handoff> = self
            .handoffs
            .as_ref()
            .map(|h| h.try_iter().collect())
            .unwrap_or_default();
        let waiting = if self.is_running() {
            Vec::new()
        } else {
            std::mem::take(&mut self.waiting_handoffs)
        };
        for handoff in waiting.into_iter().chain(handed) {
            self.receive_handoff(ctx, handoff);
        }
        if self.start_when_ready && !self.inputs.roots().is_empty() && self.start_blocker().is_none() {
            match self
                .start_after
                .and_then(|at| at.checked_duration_since(Instant::now()))
            {
                Some(wait) => ctx.request_repaint_after(wait),
                None => {
                    self.start_when_ready = false;
                    self.commands.push(Command::Start);
                }
            }
        }
        if self.inputs_shown != self.inputs.version() {
            self.inputs_shown = self.inputs.version();
            self.input_grid = ThumbGrid::of_inputs(self.inputs.images());
        }
        self.input_grid.poll(ctx);
        if !self.is_running() {
            self.freshness.poll(self.inputs.paths(), &self.state.settings, ctx);
            if !self.inputs.totals().2 {
                let version = [self.inputs.version(), self.jobs_finished];
                self.estimates
                    .poll(self.inputs.paths(), version, &self.state.settings, ctx);
            }
        }
        if let Some(preview) = &mut self.preview {
            preview.poll(&self.state.settings, ctx);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() && !self.is_running() {
            self.commands.push(Command::AddPaths(dropped));
        }
        self.shortcuts(ctx);
        self.inputs.set_recursive(self.state.settings.recursive, ctx);
        if self.output_check.0 != self.state.settings.output_dir {
            let dir = self.state.settings.output_dir.clone();
            self.output_check = (dir.clone(), dir.as_deref().and_then(output_problem));
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, Modifiers};
        let typing = ctx.memory(|m| m.focused().is_some());
        let previewing = self.preview.is_some();
        let (folders, files, enter, esc, space) = ctx.input_mut(|i| {
            (
                i.consume_key(Modifiers::COMMAND | Modifiers::SHIFT, Key::O),
                i.consume_key(Modifiers::COMMAND, Key::O),
                !typing && i.consume_key(Modifiers::NONE, Key::Enter),
                i.consume_key(Modifiers::NONE, Key::Escape),
                !typing && i.consume_key(Modifiers::NONE, Key::Space),
            )
        });
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::F1)) {
            self.help_open = !self.help_open;
        }
        let (back, forward) = ctx.input_mut(|i| {
            (
                previewing && !typing && i.consume_key(Modifiers::NONE, Key::ArrowLeft),
                previewing && !typing && i.consume_key(Modifiers::NONE, Key::ArrowRight),
            )
        });
        if back {
            self.commands.push(Command::PreviewStep(-1));
        }
        if forward {
            self.commands.push(Command::PreviewStep(1));
        }
        if space && self.is_running() {
            self.commands.push(Command::TogglePause);
        }
        if folders {
            self.commands.push(Command::PickFolders);
        } else if files {
            self.commands.push(Command::PickFiles);
        }
        if enter && self.start_blocker().is_none() {
            self.commands.push(Command::Start);
        }
        // Esc closes the preview first; with none open, it cancels the job.
        if esc && previewing {
            self.commands.push(Command::ClosePreview);
        } else if esc && self.is_running() {
            self.commands.push(Command::Cancel);
        }
    }
}

impl eframe::App for ShrinkrayApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        // A screen reader names the window ("Shrinkray frame"). Not by the title, which carries the progress: Orca
        // says every change of the window's name, so it would read "27/120 · Shrinkray" image by image.
        ui.ctx().accesskit_node_builder(egui::accesskit_root_id(), |node| {
            node.set_label("Shrinkray"); // not translated: the app's name
        });
        let ctx = ui.ctx().clone();
        let timing = self.is_running() && self.frame_stats.is_on();
        let started = std::time::Instant::now();
        if self.is_running() {
            self.frame_stats.record(frame.info().cpu_usage);
        }
        self.frame_start(&ctx);
        egui::Panel::top("top").show(ui, |ui| self.top_bar(ui));
        egui::Panel::bottom("bottom").show(ui, |ui| self.bottom_panel(ui));
        egui::Panel::left("side")
            .resizable(true)
            .default_size(390.0)
            .show(ui, |ui| self.side_panel(ui));
        egui::CentralPanel::default().show(ui, |ui| self.central(ui));
        self.drop_overlay(&ctx);
        self.confirm_in_place(&ctx);
        self.shortcuts_help(&ctx);
        self.apply_commands(&ctx);
        if timing {
            self.frame_stats.record_ui(started.elapsed().as_secs_f32());
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.state.save(storage);
    }
}

/// Why `dir` cannot take the outputs: the nearest existing ancestor is a file or read-only.
fn output_problem(dir: &Path) -> Option<String> {
    let existing = dir.ancestors().find(|a| a.exists())?;
    let meta = std::fs::metadata(existing).ok()?;
    if !meta.is_dir() {
        return Some(tr!("output-inside-file", path = existing.display().to_string()));
    }
    if meta.permissions().readonly() {
        return Some(tr!("output-read-only", path = existing.display().to_string()));
    }
    None
}
