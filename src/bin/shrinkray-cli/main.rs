//! `shrinkray-cli`: the Shrinkray engine from scripts and terminals.
//!
//! Exit status: 0 when every image is done (skipped non-images do not count against it), 1 when at least one
//! failed, 2 for a usage or setup error, 130 when cancelled with Ctrl-C. A `--watch` ends with 0 when stopped
//! (Ctrl-C, SIGTERM): failures along the way are in its events and report.
//!
//! `SHRINKRAY_STAGES=1` in the environment prints where a run's time went, stage by stage, on standard error.

mod args;
mod dry_run;
mod in_place;
mod inputs;
mod json;
mod presets;
mod report;
mod said;
mod stages;
mod values;
mod watch;

use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, bail};
use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches};
use shrinkray::engine::{
    CancelToken, FailedListSpec, JobEvent, JobHandle, JobOptions, Keep, OutputGroup, Selection, beside_each_input,
};
use shrinkray::tr;

use args::Cli;
use report::Report;
use said::Said;

fn main() -> ExitCode {
    shrinkray::engine::quiet_worker_panics();
    // What the CLI says to people follows the system's language (LANG=C for English); JSON stays English.
    shrinkray::i18n::set_language(None);
    let matches = Cli::command().get_matches();
    let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    cli.given = matches
        .ids()
        .filter(|id| matches.value_source(id.as_str()) == Some(ValueSource::CommandLine))
        .map(|id| id.to_string())
        .collect();
    if cli.list_presets {
        return presets::list();
    }
    match run(&cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("shrinkray-cli: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    if let Some(file) = &cli.undo {
        return in_place::undo(file);
    }
    let settings = cli.settings()?;
    if let Some(name) = &cli.save_preset {
        presets::save(cli, name, &settings)?;
        if cli.inputs.is_empty() && cli.from_file.is_none() && cli.from_file0.is_none() {
            return Ok(ExitCode::SUCCESS);
        }
    }
    let beside = match settings.output_dir {
        _ if cli.in_place => None,
        Some(_) => None,
        None => Some(presets::beside_folder(cli).context(tr!("cli-no-output-folder"))?),
    };
    let inputs = cli.all_inputs()?;
    if let (Some(folder), true) = (&beside, cli.dry_run) {
        bail!("{}", tr!("cli-dry-run-beside", folder = folder.as_str()));
    }
    if cli.dry_run {
        let selection = Selection {
            shard: cli.shard,
            only: None,
            watch: None,
        };
        return dry_run::dry_run(&inputs, &settings, &selection, cli.json);
    }
    let options = JobOptions {
        thumbnails: false,
        selection: Selection {
            shard: cli.shard,
            only: None,
            watch: None,
        },
        report: cli.report.clone(),
        failed_list: failed_list(cli),
        background: false,
        watch_pass: None,
    };
    if cli.watch {
        let groups = match beside {
            Some(folder) => beside_each_input(&inputs, &folder)
                .said()
                .context(tr!("cli-cannot-put-beside"))?,
            None => vec![OutputGroup::single(
                settings.output_dir.clone().unwrap_or_default(),
                inputs,
            )],
        };
        return watch::watch(cli, groups, settings, options);
    }
    let timed = stages::start_if_asked();
    let job = match beside {
        _ if cli.in_place => {
            let keep = cli.backup.clone().map_or(Keep::Trash, Keep::Backup);
            JobHandle::start_in_place(inputs, settings, keep, options, Arc::new(|| {}))
        }
        Some(folder) => {
            let groups = beside_each_input(&inputs, &folder)
                .said()
                .context(tr!("cli-cannot-put-beside"))?;
            JobHandle::start_groups(groups, settings, options, Arc::new(|| {}))
        }
        None => JobHandle::start(inputs, settings, options, Arc::new(|| {})),
    }
    .said()
    .context(tr!("cli-cannot-start"))?;
    on_ctrl_c(job.cancel_token(), tr!("cli-cancelling"))?;

    let mut report = Report::new(cli.json);
    for event in job.events() {
        if let JobEvent::Finished { summary } = event {
            if timed {
                stages::print(&summary);
            }
            return report.finish(&summary);
        }
        if !report.event(&event) {
            // stdout was closed (for example `| head`): nobody is listening, so stop starting new images.
            job.cancel();
        }
    }
    // The engine always sends `Finished`; a closed channel without it means its thread died.
    bail!("{}", tr!("cli-no-result"))
}

/// Ctrl-C (or SIGTERM) stops `token`'s work, saying `saying`; a second one quits at once. Temporary files left by
/// the images in flight carry a recognisable prefix and are removed by the next run into that folder.
pub(crate) fn on_ctrl_c(token: CancelToken, saying: String) -> anyhow::Result<()> {
    ctrlc::set_handler(move || {
        if token.is_cancelled() {
            std::process::exit(130);
        }
        eprintln!("shrinkray-cli: {saying}");
        token.cancel();
    })
    .context(tr!("cli-no-ctrl-c"))
}

/// `--failed-list`/`--failed-list0`: the inputs that failed, one per line or NUL-separated. The engine writes it
/// through its guard (never onto an input), whole at the end of the run.
fn failed_list(cli: &Cli) -> Option<FailedListSpec> {
    match (&cli.failed_list, &cli.failed_list0) {
        (Some(path), _) => Some(FailedListSpec {
            path: path.clone(),
            separator: b'\n',
        }),
        (None, Some(path)) => Some(FailedListSpec {
            path: path.clone(),
            separator: 0,
        }),
        (None, None) => None,
    }
}
