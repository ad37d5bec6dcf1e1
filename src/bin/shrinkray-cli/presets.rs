//! Presets from the command line: `--list-presets`, `--preset NAME` (options given as well win over the
//! preset's), `--save-preset NAME`.

use std::process::ExitCode;

use anyhow::{Context, bail};
use shrinkray::engine::{Preset, PresetOutput, Presets, Settings, presets_path};
use shrinkray::tr;

use crate::args::Cli;

/// The user's presets, with what was wrong with their file said on stderr.
fn load() -> Presets {
    let presets = Presets::load_user();
    for problem in &presets.problems {
        eprintln!("shrinkray-cli: {problem}");
    }
    presets
}

/// `--list-presets`: one a line, its name, two spaces, its description.
pub(crate) fn list() -> ExitCode {
    for preset in load().list {
        println!("{}  {}", preset.name, shrinkray::i18n::preset_description(&preset));
    }
    ExitCode::SUCCESS
}

/// The settings of the command line over those of `--preset`, when one is named: each setting comes from the
/// preset unless an option that shapes it was given.
pub(crate) fn over_preset(cli: &Cli, from_cli: Settings) -> anyhow::Result<Settings> {
    let Some(name) = &cli.preset else {
        return Ok(from_cli);
    };
    let presets = load();
    let Some(preset) = presets.find(name) else {
        let names: Vec<_> = presets.list.iter().map(|p| p.name.as_str()).collect();
        bail!(
            "{}",
            tr!("preset-unknown", name = name.as_str(), names = names.join(", "))
        );
    };
    let given = |ids: &[&str]| ids.iter().any(|id| cli.given.iter().any(|g| g == id));
    let mut s = preset.settings.clone();
    macro_rules! from_cli {
        ($($field:ident <- [$($id:literal),+];)*) => {
            $(if given(&[$($id),+]) {
                s.$field = from_cli.$field.clone();
            })*
        };
    }
    from_cli! {
        resize <- ["width", "height", "long_edge", "percent", "mode"];
        dont_enlarge <- ["allow_enlarge"];
        filter <- ["filter"];
        format <- ["format"];
        extra_outputs <- ["also"];
        quality <- ["quality", "min_score"];
        min_score <- ["quality", "min_score"];
        progressive <- ["progressive"];
        optimize_jpeg <- ["optimize_jpeg"];
        only_if_needed <- ["only_if_needed"];
        sharpen <- ["sharpen"];
        subsampling <- ["subsampling"];
        jpeg_encoder <- ["jpeg_encoder"];
        png_compression <- ["png_compression"];
        avif_speed <- ["avif_speed"];
        jxl_effort <- ["jxl_effort"];
        target_size <- ["target_size"];
        shrink_to_fit <- ["shrink_to_fit"];
        skip_if_larger <- ["skip_if_larger"];
        name_template <- ["name"];
        size_name <- ["size_name"];
        on_collision <- ["on_collision"];
        threads <- ["threads"];
        recursive <- ["no_recursive"];
        background <- ["background"];
        keep_dates <- ["keep_dates"];
        strip_metadata <- ["strip_metadata"];
        remove_location <- ["remove_location"];
        to_srgb <- ["to_srgb"];
        linear <- ["linear"];
        limits <- ["max_megapixels", "memory_budget"];
    }
    // How a run goes is the command line's, never a preset's.
    s.update = from_cli.update;
    s.output_dir = match (&from_cli.output_dir, &preset.output) {
        (Some(out), _) => Some(out.clone()),
        (None, PresetOutput::Folder(dir)) => Some(dir.clone()),
        (None, PresetOutput::Beside(_)) => None,
    };
    Ok(s)
}

/// The subfolder a run puts its copies in beside each input: when no `--out` is given and the preset's rule
/// is "beside the photos".
pub(crate) fn beside_folder(cli: &Cli) -> Option<String> {
    if cli.out.is_some() {
        return None;
    }
    let name = cli.preset.as_deref()?;
    match load().find(name)?.output.clone() {
        PresetOutput::Beside(folder) => Some(folder),
        PresetOutput::Folder(_) => None,
    }
}

/// `--save-preset NAME`: these settings as the preset NAME (over the `--preset` it started from, keeping that
/// one's output rule and description unless `--out` is given), in the user's presets file.
pub(crate) fn save(cli: &Cli, name: &str, settings: &Settings) -> anyhow::Result<()> {
    let path = presets_path().context(tr!("cli-preset-no-config"))?;
    let mut presets = load();
    let base = cli.preset.as_deref().and_then(|p| presets.find(p)).cloned();
    let output = match (&cli.out, &base) {
        (Some(out), _) => PresetOutput::Folder(std::path::absolute(out).context(tr!("cli-cannot-resolve-out"))?),
        (None, Some(base)) => base.output.clone(),
        (None, None) => PresetOutput::default(),
    };
    let description = match (&base, cli.given.is_empty()) {
        (Some(base), true) => base.description.clone(),
        _ => shrinkray::engine::describe_preset(settings),
    };
    presets.put(Preset {
        description,
        close_when_done: base.is_some_and(|b| b.close_when_done),
        ..Preset::of(name, output, settings)
    });
    presets
        .save(&path)
        .with_context(|| tr!("cli-preset-unsaved", path = path.display().to_string()))?;
    eprintln!(
        "shrinkray-cli: {}",
        tr!(
            "cli-preset-saved",
            name = name.trim(),
            path = path.display().to_string()
        )
    );
    Ok(())
}
