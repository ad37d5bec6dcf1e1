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
use shrinkray::{i18n, tr};

use crate::json::print_json;
use crate::said::Said;

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
        .said()
        .context(tr!("cli-cannot-plan"))?
        .context(tr!("cli-estimate-cancelled"))?;
    if broken.is_some() {
        // stdout is gone (`| head`): nobody reads the rest.
        return Ok(ExitCode::SUCCESS);
    }
    if json {
        print_json(&estimate_json(&estimate));
    } else {
        let mut out = std::io::stdout().lock();
        tally.print(&mut out, settings).context(tr!("cli-stdout"))?;
        writeln!(
            out,
            "{}",
            tr!(
                "cli-plan",
                images = estimate.images,
                skipped = estimate.skipped,
                failed = estimate.failed
            )
        )
        .and_then(|()| writeln!(out, "{}", summary(&estimate)))
        .context(tr!("cli-stdout"))?;
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
                line.push_str(&format!(
                    "  ({})",
                    tr!("cli-numbered", path = wanted.display().to_string())
                ));
            } else if t.replace() {
                line.push_str(&format!("  ({})", tr!("cli-replaces")));
            }
            line
        }
        PlanEntry::Skip { input, reason, .. } => tr!(
            "cli-skipped",
            path = input.display().to_string(),
            why = i18n::errors::skip_reason(reason)
        ),
        PlanEntry::Fail { error, .. } => tr!("cli-failed", error = i18n::errors::image_error(error)),
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
        writeln!(out, "{}", tr!("cli-output-folders"))?;
        for (folder, copies) in &self.folders {
            writeln!(out, "  {}  {}", folder.display(), tr!("cli-copies", count = *copies))?;
        }
        if self.folders.is_empty() {
            writeln!(out, "  {}", tr!("cli-no-copies"))?;
        }
        let rule = match settings.on_collision {
            shrinkray::engine::Collision::Rename => tr!("cli-rule-rename"),
            shrinkray::engine::Collision::Skip => tr!("cli-rule-skip"),
            shrinkray::engine::Collision::Overwrite => tr!("cli-rule-overwrite"),
        };
        writeln!(
            out,
            "{}",
            tr!(
                "cli-collisions",
                rule = rule,
                numbered = self.numbered,
                replaced = self.replaced
            )
        )?;
        if self.up_to_date > 0 {
            writeln!(out, "{}", tr!("cli-up-to-date", count = self.up_to_date))?;
        }
        Ok(())
    }
}

/// `Estimate: 10,000 images, 991 MB → ≈ 180 MB (-82 %), ≈ 1 min 40 s at 2 threads (from 8 images)`.
fn summary(e: &Estimate) -> String {
    let head = tr!("cli-estimate-head", count = e.images, size = text::bytes(e.input_bytes));
    if e.images == 0 {
        return tr!("cli-estimate-nothing");
    }
    let (Some(bytes), Some(seconds)) = (e.output_bytes, e.seconds) else {
        return format!("{head}: {}", tr!("cli-estimate-none"));
    };
    let change = if e.input_bytes > 0 {
        let percent = (bytes as f64 / e.input_bytes as f64 - 1.0) * 100.0;
        let sign = if percent < 0.0 { "-" } else { "+" };
        format!(" ({sign}{})", tr!("percent", n = percent.abs().round()))
    } else {
        String::new()
    };
    let mut line = format!(
        "{head} → ≈ {}{change}, {}",
        text::bytes(bytes),
        tr!(
            "cli-estimate-time",
            time = text::rough_duration(seconds),
            threads = e.threads,
            sampled = e.sampled
        )
    );
    if e.not_smaller * 2 > e.sampled - e.sample_failed {
        line.push('\n');
        line.push_str(&tr!(
            "cli-estimate-not-smaller",
            count = e.not_smaller,
            sampled = e.sampled - e.sample_failed
        ));
    }
    line
}
