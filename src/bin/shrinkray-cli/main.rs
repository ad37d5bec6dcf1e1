//! `shrinkray-cli`: the Shrinkray engine from scripts and terminals.
//!
//! Exit status: 0 when every image is done (skipped non-images do not count against it), 1 when at least one
//! failed, 2 for a usage or setup error, 130 when cancelled with Ctrl-C.

mod args;
mod dry_run;
mod inputs;
mod json;
mod report;
mod values;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, bail};
use clap::Parser;
use shrinkray::engine::{JobEvent, JobHandle, JobOptions, Selection};

use args::Cli;
use report::Report;

fn main() -> ExitCode {
    shrinkray::engine::quiet_worker_panics();
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("shrinkray-cli: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    let settings = cli.settings()?;
    let inputs = cli.all_inputs()?;
    if cli.dry_run {
        let selection = Selection {
            shard: cli.shard,
            only: None,
        };
        return dry_run::dry_run(&inputs, &settings, &selection, cli.json);
    }
    let mut failed_list = FailedList::create(cli)?;
    let options = JobOptions {
        thumbnails: false,
        selection: Selection {
            shard: cli.shard,
            only: None,
        },
        report: cli.report.clone(),
        background: false,
    };
    let job = JobHandle::start(inputs, settings, options, Arc::new(|| {})).context("cannot start the job")?;
    let token = job.cancel_token();
    ctrlc::set_handler(move || {
        if token.is_cancelled() {
            // A second Ctrl-C: the user wants out now. Temporary files left by the images in flight carry a
            // recognisable prefix and are removed by the next run into that folder.
            std::process::exit(130);
        }
        eprintln!("shrinkray-cli: cancelling; images in flight finish first (Ctrl-C again to quit at once)");
        token.cancel();
    })
    .context("cannot install the Ctrl-C handler")?;

    let mut report = Report::new(cli.json);
    for event in job.events() {
        if let JobEvent::Finished { summary } = event {
            failed_list.finish()?;
            return report.finish(&summary);
        }
        if let JobEvent::ImageFailed { input, .. } = &event {
            failed_list.add(input)?;
        }
        if !report.event(&event) {
            // stdout was closed (for example `| head`): nobody is listening, so stop starting new images.
            job.cancel();
        }
    }
    // The engine always sends `Finished`; a closed channel without it means its thread died.
    bail!("the job ended without reporting its result")
}

/// `--failed-list`/`--failed-list0`: the inputs that failed, written as they fail.
struct FailedList {
    out: Option<(BufWriter<File>, PathBuf, u8)>,
}

impl FailedList {
    /// Creates (or empties) the file at once, so a path that cannot be written stops the run before it starts.
    fn create(cli: &Cli) -> anyhow::Result<Self> {
        let (path, separator) = match (&cli.failed_list, &cli.failed_list0) {
            (Some(p), _) => (p, b'\n'),
            (None, Some(p)) => (p, 0),
            (None, None) => return Ok(Self { out: None }),
        };
        let file = File::create(path).with_context(|| format!("cannot write the failed list: {}", path.display()))?;
        Ok(Self {
            out: Some((BufWriter::new(file), path.clone(), separator)),
        })
    }

    fn add(&mut self, input: &Path) -> anyhow::Result<()> {
        let Some((out, path, separator)) = &mut self.out else {
            return Ok(());
        };
        out.write_all(input.as_os_str().as_encoded_bytes())
            .and_then(|()| out.write_all(&[*separator]))
            .with_context(|| format!("cannot write the failed list: {}", path.display()))
    }

    fn finish(&mut self) -> anyhow::Result<()> {
        let Some((out, path, _)) = &mut self.out else {
            return Ok(());
        };
        out.flush()
            .with_context(|| format!("cannot write the failed list: {}", path.display()))
    }
}
