//! `--dry-run`: the plan and the estimate, printed; nothing is created or written.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use shrinkray::engine::{
    CancelToken, Estimate, PlanEntry, SAMPLE_IMAGES, Selection, Settings, SkipReason, estimate, estimate_json,
    planned_json,
};
use shrinkray::text;

use crate::json::print_json;

/// What the plan did with names, for the closing lines.
#[derive(Default)]
struct Tally {
    /// Copies per output folder.
    folders: BTreeMap<PathBuf, usize>,
    numbered: usize,
    replaced: usize,
    up_to_date: usize,
}

/// Prints the plan entry by entry as it is made, then the output folders, collisions and the estimate. Exit
/// status as for a run: 1 when an input would fail (at planning, or among the sampled images), else 0.
pub(crate) fn dry_run(
    inputs: &[PathBuf],
    settings: &Settings,
    selection: &Selection,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let mut tally = Tally::default();
    let mut broken = None;
    let seen = |entry: &PlanEntry| {
        if broken.is_some() {
            return;
        }
        let written = if json {
            print_json(&planned_json(entry))
                .then_some(())
                .ok_or(std::io::ErrorKind::BrokenPipe.into())
        } else {
            writeln!(out, "{}", line(entry))
        };
        if let Err(e) = written {
            broken = Some(e);
        }
        tally.note(entry);
    };
    let cancel = CancelToken::new();
    let estimate = estimate(inputs, settings, selection, SAMPLE_IMAGES, &cancel, seen)
        .context("cannot plan the job")?
        .context("the estimate was cancelled")?;
    if broken.is_some() {
        // stdout is gone (`| head`): nobody reads the rest.
        return Ok(ExitCode::SUCCESS);
    }
    if json {
        print_json(&estimate_json(&estimate));
    } else {
        let mut out = std::io::stdout().lock();
        tally
            .print(&mut out, settings)
            .context("cannot write to standard output")?;
        writeln!(
            out,
            "Plan: {} to resize, {} skipped, {} failing",
            text::count(estimate.images),
            text::count(estimate.skipped),
            text::count(estimate.failed)
        )
        .and_then(|()| writeln!(out, "{}", summary(&estimate)))
        .context("cannot write to standard output")?;
    }
    let failed = estimate.failed > 0 || estimate.sample_failed > 0;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// One input's line: `in → out`, with what settled its name; or why it is skipped or fails.
fn line(entry: &PlanEntry) -> String {
    match entry {
        PlanEntry::Task(t) => {
            let mut line = format!("{} → {}", t.input.display(), t.output.display());
            for extra in &t.extra {
                line.push_str(&format!(" + {}", extra.output.display()));
            }
            if let Some(wanted) = &t.numbered_from {
                line.push_str(&format!("  (numbered: {} is taken)", wanted.display()));
            } else if t.replace() {
                line.push_str("  (replaces the file there)");
            }
            line
        }
        PlanEntry::Skip { input, reason, .. } => format!("{}: skipped: {reason}", input.display()),
        PlanEntry::Fail { error, .. } => format!("failed: {error}"),
    }
}

impl Tally {
    fn note(&mut self, entry: &PlanEntry) {
        match entry {
            PlanEntry::Task(t) => {
                for output in std::iter::once(&t.output).chain(t.extra.iter().map(|e| &e.output)) {
                    let folder = output.parent().unwrap_or(Path::new("")).to_owned();
                    *self.folders.entry(folder).or_default() += 1;
                }
                self.numbered += usize::from(t.numbered_from.is_some());
                self.replaced += usize::from(t.replace());
            }
            PlanEntry::Skip {
                reason: SkipReason::UpToDate,
                ..
            } => self.up_to_date += 1,
            _ => {}
        }
    }

    fn print(&self, out: &mut impl Write, settings: &Settings) -> std::io::Result<()> {
        writeln!(out)?;
        writeln!(out, "Output folders (nothing created):")?;
        for (folder, copies) in &self.folders {
            let s = if *copies == 1 { "y" } else { "ies" };
            writeln!(out, "  {}  {} cop{s}", folder.display(), text::count(*copies))?;
        }
        if self.folders.is_empty() {
            writeln!(out, "  none: no copy would be written")?;
        }
        let rule = match settings.on_collision {
            shrinkray::engine::Collision::Rename => "taken names get a number",
            shrinkray::engine::Collision::Skip => "inputs whose copy exists are skipped",
            shrinkray::engine::Collision::Overwrite => "existing files are replaced",
        };
        writeln!(
            out,
            "Collisions ({rule}): {} numbered, {} replacing a file",
            text::count(self.numbered),
            text::count(self.replaced)
        )?;
        if self.up_to_date > 0 {
            writeln!(out, "Up to date (skipped): {}", text::count(self.up_to_date))?;
        }
        Ok(())
    }
}

/// `Estimate: 10,000 images, 991 MB → ≈ 180 MB (-82 %), ≈ 1 min 40 s at 2 threads (from 8 images)`.
fn summary(e: &Estimate) -> String {
    let head = format!(
        "Estimate: {} images, {}",
        text::count(e.images),
        text::bytes(e.input_bytes)
    );
    if e.images == 0 {
        return "Estimate: nothing to resize".to_owned();
    }
    let (Some(bytes), Some(seconds)) = (e.output_bytes, e.seconds) else {
        return format!("{head}: no sampled image could be converted, so no estimate");
    };
    let change = if e.input_bytes > 0 {
        format!(" ({:+.0} %)", (bytes as f64 / e.input_bytes as f64 - 1.0) * 100.0)
    } else {
        String::new()
    };
    let mut line = format!(
        "{head} → ≈ {}{change}, ≈ {} at {} thread{} (from {} sampled image{})",
        text::bytes(bytes),
        text::rough_duration(seconds),
        e.threads,
        if e.threads == 1 { "" } else { "s" },
        e.sampled,
        if e.sampled == 1 { "" } else { "s" },
    );
    if e.not_smaller * 2 > e.sampled - e.sample_failed {
        line.push_str(&format!(
            "\nMost sampled copies ({} of {}) are no smaller than their originals; --skip-if-larger keeps the original then",
            e.not_smaller,
            e.sampled - e.sample_failed
        ));
    }
    line
}
