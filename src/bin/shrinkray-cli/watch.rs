//! `--watch`: the same job, run again whenever the inputs change, until Ctrl-C or SIGTERM.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, bail};
use shrinkray::engine::{
    JobEvent, JobOptions, OutputGroup, PassTrigger, ReportFormat, Settings, Summary, Watch, WatchOptions,
};
use shrinkray::text;
use shrinkray::{i18n, tr};

use crate::args::Cli;
use crate::json::print_json;
use crate::said::Said;
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
        bail!("{}", tr!("cli-watch-json-report"));
    }
    let watch_options = WatchOptions {
        settle: cli.settle,
        rescan: cli.rescan,
        ..WatchOptions::default()
    };
    let watch = Watch::start_groups(groups, settings, options, watch_options, Arc::new(|| {}))
        .said()
        .context(tr!("cli-cannot-watch"))?;
    crate::on_ctrl_c(watch.stop_token(), tr!("cli-stopping"))?;

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
    bail!("{}", tr!("cli-watch-no-result"))
}

/// The human-readable line of an event, if it has one.
fn human(event: &JobEvent) {
    match event {
        JobEvent::Watching { folders, polling } => {
            let folders = list(folders);
            eprintln!(
                "{}",
                if *polling {
                    tr!("cli-watching-polling", folders = folders)
                } else {
                    tr!("cli-watching", folders = folders)
                }
            );
        }
        JobEvent::ImageFailed { error, .. } => {
            eprintln!("{}", tr!("cli-error", error = i18n::errors::image_error(error)));
        }
        JobEvent::InputGone { input } => {
            eprintln!("{}", tr!("cli-gone", path = input.display().to_string()));
        }
        JobEvent::Pass {
            number,
            trigger,
            summary,
        } => {
            if let Some(error) = &summary.setup_error {
                eprintln!(
                    "shrinkray-cli: {}",
                    tr!(
                        "cli-pass-failed",
                        number = *number,
                        error = i18n::errors::setup_error(error)
                    )
                );
            } else if summary.done + summary.failed > 0 {
                let why = match trigger {
                    PassTrigger::Start => tr!("cli-pass-first"),
                    PassTrigger::Changes(n) => tr!("cli-pass-changes", count = *n),
                    PassTrigger::Retry => tr!("cli-pass-retry"),
                    PassTrigger::Rescan => tr!("cli-pass-rescan"),
                };
                println!(
                    "{}: {}, {}: {}",
                    tr!("cli-pass", number = *number, why = why),
                    tr!("n-done", count = summary.done),
                    tr!("n-failed", count = summary.failed),
                    tr!(
                        "cli-sizes-in",
                        from = text::bytes(summary.input_bytes),
                        to = text::bytes(summary.output_bytes),
                        seconds = i18n::decimal(summary.elapsed.as_secs_f64(), 1)
                    )
                );
            }
        }
        _ => {}
    }
}

fn list(folders: &[PathBuf]) -> String {
    match folders {
        [one] => one.display().to_string(),
        many => tr!("cli-folders", count = many.len()),
    }
}

/// The watch's end: every pass summed. Stopping is how a watch ends, so it is a success; a watch that could
/// not begin is a setup error (2).
fn finish(json: bool, summary: &Summary) -> anyhow::Result<ExitCode> {
    crate::report::side_errors(summary)?;
    if !json {
        println!(
            "{}: {}, {}: {} → {}",
            tr!("cli-watched-for", seconds = summary.elapsed.as_secs_f64().round()),
            tr!("n-done", count = summary.done),
            tr!("n-failed", count = summary.failed),
            text::bytes(summary.input_bytes),
            text::bytes(summary.output_bytes),
        );
    }
    Ok(ExitCode::SUCCESS)
}
