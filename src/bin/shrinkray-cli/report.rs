//! What the user sees while a job runs: a progress bar and one line per failure, or JSON lines.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::bail;
use indicatif::{ProgressBar, ProgressStyle};
use shrinkray::engine::{JobEvent, SkipReason, Summary};
use shrinkray::text;
use shrinkray::{i18n, tr};

use crate::json::print_json;
use shrinkray::engine::{event_json, summary_json};

/// Renders events as JSON lines or as a progress bar and error lines.
pub(crate) struct Report {
    json: bool,
    bar: Option<ProgressBar>,
    failed: usize,
    /// Inputs skipped as up to date (`--update`).
    up_to_date: usize,
}

impl Report {
    pub(crate) fn new(json: bool) -> Self {
        Self {
            json,
            bar: None,
            failed: 0,
            up_to_date: 0,
        }
    }

    /// Returns false when stdout is gone.
    pub(crate) fn event(&mut self, event: &JobEvent) -> bool {
        match event {
            JobEvent::Started { total } => self.start_bar(*total),
            JobEvent::ImageSkipped {
                reason: SkipReason::UpToDate,
                ..
            } => self.up_to_date += 1,
            JobEvent::ImageFailed { error, .. } => {
                self.failed += 1;
                if !self.json {
                    self.line(&tr!("cli-error", error = i18n::errors::image_error(error)));
                }
            }
            _ => {}
        }
        if let Some(bar) = &self.bar
            && !matches!(event, JobEvent::Started { .. })
        {
            bar.inc(1);
            bar.set_message(if self.failed > 0 {
                tr!("n-failed", count = self.failed)
            } else {
                String::new()
            });
        }
        if self.json {
            print_json(&event_json(event))
        } else {
            true
        }
    }

    fn start_bar(&mut self, total: usize) {
        if !std::io::stderr().is_terminal() {
            return;
        }
        let bar = ProgressBar::new(total as u64);
        // The time left is labelled in the user's language; the rest are indicatif's placeholders.
        let template = format!(
            "{{bar:40}} {{pos}}/{{len}} {{per_sec}} {} {{eta}} {{msg}}",
            tr!("cli-eta")
        );
        bar.set_style(ProgressStyle::with_template(&template).unwrap_or_else(|_| ProgressStyle::default_bar()));
        bar.enable_steady_tick(Duration::from_millis(250));
        self.bar = Some(bar);
    }

    fn line(&self, text: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{text}")),
            None => eprintln!("{text}"),
        }
    }

    pub(crate) fn finish(&mut self, summary: &Summary) -> anyhow::Result<ExitCode> {
        let interrupted = summary.cancelled;
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
        if self.json {
            print_json(&summary_json(summary));
        }
        side_errors(summary)?;
        if !self.json {
            let counts = tr!(
                "summary-counts",
                done = summary.done,
                failed = summary.failed,
                skipped = summary.skipped
            );
            let up_to_date = if self.up_to_date > 0 {
                format!(" ({})", tr!("plan-fresh", fresh = self.up_to_date))
            } else {
                String::new()
            };
            let cancelled = if interrupted {
                format!(" ({})", tr!("cli-cancelled"))
            } else {
                String::new()
            };
            println!(
                "{counts}{up_to_date}{cancelled}: {}",
                tr!(
                    "cli-sizes-in",
                    from = text::bytes(summary.input_bytes),
                    to = text::bytes(summary.output_bytes),
                    seconds = i18n::decimal(summary.elapsed.as_secs_f64(), 1)
                )
            );
        }
        Ok(if interrupted {
            ExitCode::from(130)
        } else if summary.failed > 0 || summary.report_error.is_some() {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        })
    }
}

/// A job that could not start is an error; a report or manifest that could not be written is said on stderr
/// (the images themselves are fine).
pub(crate) fn side_errors(summary: &Summary) -> anyhow::Result<()> {
    if let Some(error) = &summary.setup_error {
        bail!("{}", i18n::errors::setup_error(error));
    }
    if let Some(error) = &summary.report_error {
        eprintln!("shrinkray-cli: {error}");
    }
    if let Some(error) = &summary.manifest_error {
        eprintln!("shrinkray-cli: warning: {error}");
    }
    Ok(())
}
