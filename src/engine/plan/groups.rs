//! Which output folder each input's copies go to. A job usually has one; "beside each input" (what a file
//! manager's "Resize with Shrinkray" asks for) gives every input folder its own, each with its own manifest,
//! lock and guard root, so a right-clicked folder `X` gets `X/resized/` and photos selected in `D` get
//! `D/resized/`.

use std::path::{Path, PathBuf};

use crate::engine::settings::SettingsError;

/// Inputs whose copies share one output folder (and so one manifest and one run lock).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputGroup {
    /// Where the copies go.
    pub out_dir: PathBuf,
    /// The files and folders whose copies go there, in the order given.
    pub inputs: Vec<PathBuf>,
    /// Whether a folder input's copies sit below the folder's own name (`<out>/X/a.jpg`, as for `--out`) or
    /// straight in the output folder (`X/resized/a.jpg`).
    pub root_names: bool,
}

impl OutputGroup {
    /// All `inputs` into `out_dir`, each folder below its own name: the usual job.
    pub fn single(out_dir: PathBuf, inputs: Vec<PathBuf>) -> Self {
        Self {
            out_dir,
            inputs,
            root_names: true,
        }
    }
}

/// The groups that put copies in a subfolder `subfolder` beside each input: inside a folder input (`X` gives
/// `X/<subfolder>/`, its subfolders mirrored below), and in the folder holding a file input (files of one
/// folder share it). Groups come in the order of their first input. The subfolder must be one plain name, so
/// no copy can land outside the inputs' own folders.
pub fn beside_each_input(inputs: &[PathBuf], subfolder: &str) -> Result<Vec<OutputGroup>, SettingsError> {
    check_subfolder(subfolder)?;
    let mut groups: Vec<OutputGroup> = Vec::new();
    for input in inputs {
        let folder = input.is_dir();
        let out_dir = if folder {
            input.join(subfolder)
        } else {
            // A missing file still gets a group: planning reports it as unreadable, in its place in the order.
            match input.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.join(subfolder),
                _ => PathBuf::from(".").join(subfolder),
            }
        };
        // One group per output folder: photos selected inside a folder that is selected too (`X` and `X/a.jpg`)
        // share its `X/<subfolder>/`. The folder's walk finds them: listed again, they would be made twice.
        match groups.iter_mut().find(|g| g.out_dir == out_dir) {
            // Its files are all photos of this folder.
            Some(group) if folder && group.root_names => {
                group.inputs = vec![input.clone()];
                group.root_names = false;
            }
            // A photo of a folder already there.
            Some(group) if !group.root_names && !folder => {}
            Some(group) => group.inputs.push(input.clone()),
            None => groups.push(OutputGroup {
                out_dir,
                inputs: vec![input.clone()],
                root_names: !folder,
            }),
        }
    }
    Ok(groups)
}

/// Refuses a subfolder name that is not one plain name, so no copy can land outside the inputs' own folders.
pub fn check_subfolder(subfolder: &str) -> Result<(), SettingsError> {
    let plain = !subfolder.trim().is_empty()
        && !subfolder.contains(['/', '\\'])
        && !matches!(subfolder.trim(), "." | "..")
        && Path::new(subfolder).is_relative();
    if plain {
        Ok(())
    } else {
        Err(SettingsError::OutputName(subfolder.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_get_their_own_subfolder_and_files_share_their_folders() {
        let dir = tempfile::tempdir().unwrap();
        let x = dir.path().join("X");
        std::fs::create_dir(&x).unwrap();
        let a = dir.path().join("a.jpg");
        let b = dir.path().join("b.jpg");
        let groups = beside_each_input(&[a.clone(), x.clone(), b.clone()], "resized").unwrap();
        assert_eq!(
            groups,
            vec![
                OutputGroup::single(dir.path().join("resized"), vec![a, b]),
                OutputGroup {
                    out_dir: x.join("resized"),
                    inputs: vec![x],
                    root_names: false,
                },
            ]
        );
    }

    #[test]
    fn the_subfolder_is_one_plain_name() {
        for bad in ["", " ", ".", "..", "a/b", "..\\up", "/abs"] {
            assert!(beside_each_input(&[PathBuf::from("a.jpg")], bad).is_err(), "{bad:?}");
        }
    }
}
