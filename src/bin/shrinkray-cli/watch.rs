//! `--watch`: the same job, run again whenever the inputs change, until Ctrl-C or SIGTERM.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, bail};
use shrinkray::engine::{
    JobEvent, JobOptions, OutputGroup, PassTrigger, ReportFormat, Settings, Summary, Watch, WatchOptions,
};
use shrinkray::text;

use crate::args::Cli;
use crate::json::print_json;
use shrinkray::engine::event_json;

/// Watches `groups` until stopped; prints a line per pass that made or failed something (or every event as
/// JSON with `--json`).
pub(crate) fn watch(
    cli: &Cli,
    groups: Vec<OutputGroup>,
    settings: Settings,
    options: JobOptions,
) -> anyhow::Result<ExitCode> {
    if let Some(report) = &cli.report
        && ReportFormat::of(report) == Some(ReportFormat::Json)
    {
        bail!("--watch appends to its report after every pass: give a .csv or .jsonl report, not .json");
    }
    let watch_options = WatchOptions {
        settle: cli.settle,
        rescan: cli.rescan,
        ..WatchOptions::default()
    };
    let watch = Watch::start_groups(groups, settings, options, watch_options, Arc::new(|| {}))
        .context("cannot start watching")?;
    crate::on_ctrl_c(watch.stop_token(), "stopping; images in flight finish first")?;

    for event in watch.events() {
        if cli.json && !print_json(&event_json(&event)) {
            // Nobody reads the events any more.
            watch.stop();
        }
        match event {
            JobEvent::Finished { summary } => return finish(cli.json, &summary),
            event if !cli.json => human(&event),
            _ => {}
        }
    }
    bail!("the watch ended without reporting its result")
}

/// The human-readable line of an event, if it has one.
fn human(event: &JobEvent) {
    match event {
        JobEvent::Watching { folders, polling } => {
            let how = if *polling {
                " by looking every few seconds (the system gives no file events here)"
            } else {
                ""
            };
            eprintln!(
                "watching {} for new and changed images{how}; Ctrl-C to stop",
                list(folders)
            );
        }
        JobEvent::ImageFailed { error, .. } => eprintln!("error: {error}"),
        JobEvent::InputGone { input } => {
            eprintln!("gone: {} (its copies stay)", input.display());
        }
        JobEvent::Pass {
            number,
            trigger,
            summary,
        } => {
            if let Some(error) = &summary.setup_error {
                eprintln!("shrinkray-cli: pass {number}: {error}");
            } else if summary.done + summary.failed > 0 {
                let why = match trigger {
                    PassTrigger::Start => "first pass".to_owned(),
                    PassTrigger::Changes(n) => format!("{n} changed"),
                    PassTrigger::Retry => "retry".to_owned(),
                    PassTrigger::Rescan => "rescan".to_owned(),
                };
                println!(
                    "pass {number} ({why}): {} done, {} failed: {} → {} in {:.1} s",
                    summary.done,
                    summary.failed,
                    text::bytes(summary.input_bytes),
                    text::bytes(summary.output_bytes),
                    summary.elapsed.as_secs_f64()
                );
            }
        }
        _ => {}
    }
}

fn list(folders: &[PathBuf]) -> String {
    match folders {
        [one] => one.display().to_string(),
        many => format!("{} folders", many.len()),
    }
}

/// The watch's end: every pass summed. Stopping is how a watch ends, so it is a success; a watch that could
/// not begin is a setup error (2).
fn finish(json: bool, summary: &Summary) -> anyhow::Result<ExitCode> {
    crate::report::side_errors(summary)?;
    if !json {
        println!(
            "watched for {:.0} s: {} done, {} failed: {} → {}",
            summary.elapsed.as_secs_f64(),
            summary.done,
            summary.failed,
            text::bytes(summary.input_bytes),
            text::bytes(summary.output_bytes),
        );
    }
    Ok(ExitCode::SUCCESS)
}
