//! The bar along the bottom: the job's progress and errors, the plan line, and Start or Cancel.

use eframe::egui;

use super::ShrinkrayApp;
use crate::engine::{OutputFormat, naming};
use crate::ui::command::Command;
use crate::ui::run::RunView;
use crate::ui::settings_panel;
use crate::{text, tr};

impl ShrinkrayApp {
    /// The one-line plan above Start, e.g. `10,000 images, 991 MB → ≈ 180 MB, ≈ 1 min 40 s · into
    /// ~/Pictures/resized · JPEG q85 · fit 1920×1920 · 8 threads`.
    pub fn plan_line(&self) -> String {
        let s = &self.state.settings;
        let (images, bytes, counting) = self.inputs.totals();
        let found = if counting {
            tr!("plan-counting", count = images)
        } else {
            tr!("plan-found", count = images, size = text::bytes(bytes))
        };
        let out = match &self.state.beside {
            _ if self.state.in_place => {
                let (place, kept) = self.keep_place();
                tr!("plan-in-place", place = place, kept = kept)
            }
            Some(folder) => tr!("plan-beside", folder = folder.as_str()),
            None => s.output_dir.as_deref().map_or_else(
                || tr!("plan-no-output-folder"),
                |dir| tr!("plan-into", path = text::path(dir)),
            ),
        };
        // "q85", or the look's target when the quality is chosen per image.
        let q = s.min_score.map_or_else(
            || format!("q{}", s.quality),
            |score| match crate::engine::LOOKS.iter().find(|l| (l.target - score).abs() < 0.01) {
                Some(look) => tr!("plan-look", look = settings_panel::look_label(look), score = score),
                None => tr!("plan-score", score = score),
            },
        );
        let format = match s.format {
            OutputFormat::SameAsInput => tr!("plan-same-format", quality = q),
            other if other.is_lossy() => format!("{} {q}", settings_panel::format_label(other)),
            other => settings_panel::format_label(other),
        };
        let size = crate::i18n::resize_label(s.resize);
        let threads = s.thread_count();
        let fresh = self.fresh_part(images, counting);
        // Extra sizes as "+ small (WebP)", so the line says every file each image becomes.
        let extras: String = s
            .extra_outputs
            .iter()
            .map(|e| format!(" + {} ({})", e.name, settings_panel::format_label(e.format)))
            .collect();
        let estimate = self.estimate_part(counting);
        let preset = self
            .presets
            .plan_name(&self.state)
            .map(|p| format!("{} · ", tr!("plan-preset", name = p)))
            .unwrap_or_default();
        let threads = tr!("plan-threads", count = threads);
        format!("{found}{fresh}{estimate} · {out} · {preset}{format} · {size}{extras} · {threads}")
    }

    /// ` → ≈ 180 MB, ≈ 1 min 40 s`, or ` · estimating…` while the sample is converted; nothing while counting,
    /// during a job, or with no images.
    fn estimate_part(&self, counting: bool) -> String {
        if counting || self.is_running() || self.inputs.roots().is_empty() {
            return String::new();
        }
        match self.estimate() {
            None => format!(" · {}", tr!("plan-estimating")),
            Some(e) if e.images == 0 => format!(" → {}", tr!("plan-estimate-nothing")),
            Some(e) => match (e.output_bytes, e.seconds) {
                (Some(bytes), Some(seconds)) => format!(
                    " → {}",
                    tr!(
                        "plan-estimate",
                        size = text::bytes(bytes),
                        time = text::rough_duration(seconds)
                    )
                ),
                _ => format!(" → {}", tr!("plan-no-estimate")),
            },
        }
    }

    /// The batch estimate for the current inputs and settings, once made.
    pub fn estimate(&self) -> Option<&crate::engine::Estimate> {
        let version = [self.inputs.version(), self.jobs_finished];
        self.estimates
            .current(&self.inputs.paths(), version, &self.state.settings)
    }

    /// The warning when most sampled copies come out no smaller than their originals, with "Skip if larger"
    /// in one click.
    fn would_not_shrink(&mut self, ui: &mut egui::Ui) {
        let Some(e) = self.estimate() else { return };
        if !e.mostly_not_smaller(&self.state.settings) {
            return;
        }
        let converted = e.sampled - e.sample_failed;
        let message = tr!("would-not-shrink", count = e.not_smaller, sampled = converted);
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(ui.visuals().warn_fg_color, message);
            if ui
                .small_button(tr!("skip-if-larger"))
                .on_hover_text(tr!("skip-if-larger-short-help"))
                .clicked()
            {
                self.commands.push(Command::SkipIfLarger);
            }
        });
    }

    /// `, 9,940 up to date, 60 to do` with "only new and changed" on; `, 9,940 already made with these
    /// settings` with it off; nothing while counting or when the output folder holds no copies of them.
    fn fresh_part(&self, images: usize, counting: bool) -> String {
        let Some(found) = self.copies_found() else {
            return String::new();
        };
        if found.up_to_date == 0 {
            return String::new();
        }
        let fresh = found.up_to_date;
        let part = match (self.state.settings.update, counting) {
            (true, false) => tr!("plan-fresh-to-do", fresh = fresh, count = images.saturating_sub(fresh)),
            (true, true) => tr!("plan-fresh", fresh = fresh),
            (false, _) => tr!("plan-already-made", count = fresh),
        };
        format!(", {part}")
    }

    /// What the output folder holds of the inputs, when known for the current inputs and settings.
    pub(super) fn copies_found(&self) -> Option<crate::engine::CopiesFound> {
        if self.is_running() || self.state.beside.is_some() || self.state.in_place {
            return None;
        }
        self.freshness.current(&self.inputs.paths(), &self.state.settings)
    }

    /// Why Start is disabled, or None when a job can start.
    pub fn start_blocker(&self) -> Option<String> {
        let (images, _, counting) = self.inputs.totals();
        if self.is_running() {
            return Some(tr!("blocked-running"));
        }
        if self.inputs.roots().is_empty() {
            return Some(tr!("blocked-no-inputs"));
        }
        if !counting && images == 0 && !self.watches() {
            return Some(tr!("blocked-no-images"));
        }
        if let Some(why) = self.all_up_to_date() {
            return Some(why);
        }
        if self.undoing() {
            return Some(tr!("undo-in-progress"));
        }
        if self.state.in_place {
            return (!self.state.settings.extra_outputs.is_empty()).then(|| tr!("blocked-in-place-extras"));
        }
        if let Some(folder) = &self.state.beside {
            if let Err(e) = crate::engine::check_subfolder(folder) {
                return Some(e.to_string());
            }
        } else if self.state.settings.output_dir.is_none() {
            return Some(tr!("choose-output-folder"));
        }
        if let Err(e) = naming::check_template(&self.state.settings.name_template) {
            return Some(e.to_string());
        }
        if self.state.beside.is_some() {
            return None;
        }
        self.output_check.1.clone()
    }

    /// Progress and errors of the job, the plan line, and Start or Cancel.
    pub(super) fn bottom_panel(&mut self, ui: &mut egui::Ui) {
        ui.add_space(4.0);
        if let Some(run) = &self.run {
            run.show_progress(ui, &mut self.commands);
            run.show_errors(ui);
            if let Some(at) = self.closing_at {
                let left = at.saturating_duration_since(std::time::Instant::now()).as_secs() + 1;
                ui.horizontal(|ui| {
                    ui.label(tr!("closing-in", s = left));
                    if ui.button(tr!("keep-open")).clicked() {
                        self.commands.push(Command::KeepOpen);
                    }
                });
            }
            ui.separator();
        }
        if let Some(notice) = &self.notice {
            ui.colored_label(ui.visuals().error_fg_color, notice);
        }
        // One row: the primary action (or Cancel and Pause), then the plan line and why Start cannot start.
        ui.horizontal(|ui| {
            let blocker = if self.is_running() {
                self.running_buttons(ui);
                None
            } else {
                let blocker = self.start_blocker();
                self.start_button(ui, blocker.is_none());
                blocker
            };
            ui.vertical(|ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(self.plan_line());
                    let redo = self
                        .copies_found()
                        .is_some_and(|f| f.up_to_date > 0 && !self.state.settings.update);
                    if redo
                        && ui
                            .small_button(tr!("only-new-short"))
                            .on_hover_text(tr!("only-new-short-help"))
                            .clicked()
                    {
                        self.commands.push(Command::OnlyNewAndChanged);
                    }
                });
                if let Some(reason) = blocker {
                    ui.weak(reason);
                }
            });
        });
        // An in-place run never swaps in a copy that is not smaller: the warning and its remedy mean nothing there.
        if !self.is_running() && !self.state.in_place {
            self.would_not_shrink(ui);
        }
        ui.add_space(4.0);
    }

    /// Cancel and Pause (or Resume), in Start's place while a job runs.
    fn running_buttons(&mut self, ui: &mut egui::Ui) {
        let size = egui::vec2(96.0, 34.0);
        let watching = self.run.as_ref().is_some_and(RunView::is_watching);
        let (label, help) = if watching {
            (tr!("stop"), tr!("stop-help"))
        } else {
            (tr!("cancel"), tr!("cancel-help"))
        };
        if ui
            .add(egui::Button::new(label).min_size(size))
            .on_hover_text(help)
            .clicked()
        {
            self.commands.push(Command::Cancel);
        }
        if watching {
            // A watch has no end to pause before: Stop it, and Start it again later.
            return;
        }
        let paused = self.run.as_ref().is_some_and(|r| r.is_paused());
        let (label, help) = if paused {
            (tr!("resume"), tr!("resume-help"))
        } else {
            (tr!("pause"), tr!("pause-help"))
        };
        if ui
            .add(egui::Button::new(label).min_size(size))
            .on_hover_text(help)
            .clicked()
        {
            self.commands.push(Command::TogglePause);
        }
    }
}
