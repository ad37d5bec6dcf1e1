//! `--undo`: putting back the originals of an in-place run.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};
use shrinkray::engine::{last_in_place_run, undo_run};
use shrinkray::tr;

/// Undoes the run whose report or journal is `file` ("last": the most recent in-place run). Prints one line
/// per original that could not be put back; exit code 1 when there was one, 0 otherwise.
pub(crate) fn undo(file: &Path) -> anyhow::Result<ExitCode> {
    let file = if file == Path::new("last") {
        last_in_place_run().context(tr!("undo-nothing"))?
    } else {
        file.to_owned()
    };
    let undone = undo_run(&file).map_err(anyhow::Error::msg)?;
    for (_, why) in &undone.failed {
        eprintln!("shrinkray-cli: {}", tr!("cli-not-put-back", why = why.as_str()));
    }
    println!(
        "{}",
        tr!(
            "cli-undone",
            count = undone.restored.len(),
            failed = undone.failed.len(),
            path = file.display().to_string()
        )
    );
    if undone.restored.is_empty() && undone.failed.is_empty() {
        bail!("{}", tr!("cli-nothing-to-undo", path = file.display().to_string()));
    }
    Ok(if undone.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
