//! The guarantees of `safety.rs` as a property: random small trees of inputs, outputs inside and beside them,
//! symbolic and hard links in both directions, planted manifests, reports and failed lists pointed at random
//! places, every collision rule, `--update` and shards, each run through the real job twice. Afterwards every
//! input and every file outside the output folder is byte for byte as it was, and no file a run did not make
//! is replaced (unless the user chose to overwrite, and never an input).
//!
//! `PROPTEST_CASES` sets the number of trees (default 64; CI runs 256).
#![cfg(unix)]

use crate::common;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use common::*;
use image::ImageFormat;
use proptest::prelude::*;
use shrinkray::engine::{Collision, FailedListSpec, JobHandle, JobOptions, ResizeMode, Selection, Settings, Shard};

/// One small photo, made once and copied (encoding one per case would dominate the run).
fn photo_bytes(seed: u32) -> &'static [u8] {
    static BYTES: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    let all = BYTES.get_or_init(|| {
        (0..4)
            .map(|i| {
                let mut v = Vec::new();
                image::DynamicImage::ImageRgb8(photo(24 + 4 * i, 16, i))
                    .write_to(&mut std::io::Cursor::new(&mut v), ImageFormat::Jpeg)
                    .unwrap();
                v
            })
            .collect()
    });
    &all[seed as usize % all.len()]
}

/// What stands at a place in the output folder before the runs.
#[derive(Clone, Debug)]
enum Plant {
    /// Nothing.
    Nothing,
    /// A stranger's file (someone else's photo with the copy's name).
    Stranger,
    /// A symbolic link to input `n`.
    LinkToInput(usize),
    /// A hard link to input `n`.
    HardLinkToInput(usize),
    /// A FIFO.
    Fifo,
}

/// Where the output folder is.
#[derive(Clone, Copy, Debug)]
enum OutAt {
    /// `out/`, beside the inputs.
    Beside,
    /// The inputs' own folder.
    Inputs,
    /// `out/`, whose `photos` subfolder is a link to the inputs.
    LinkedInside,
    /// `out/`, whose `.shrinkray` is a link to `outside/`.
    LinkedManifest,
}

/// Where a report or failed list is pointed.
#[derive(Clone, Copy, Debug)]
enum SidePath {
    None,
    Input(usize),
    LinkToInput(usize),
    Outside,
    InOut,
}

#[derive(Clone, Debug)]
struct Case {
    inputs: usize,
    plants: Vec<Plant>,
    planted_manifest: bool,
    out_at: OutAt,
    collision: Collision,
    update: bool,
    shard: bool,
    report: SidePath,
    failed_list: SidePath,
    bad_input: bool,
}

fn side_path() -> impl Strategy<Value = SidePath> {
    prop_oneof![
        Just(SidePath::None),
        (0..3usize).prop_map(SidePath::Input),
        (0..3usize).prop_map(SidePath::LinkToInput),
        Just(SidePath::Outside),
        Just(SidePath::InOut),
    ]
}

fn case() -> impl Strategy<Value = Case> {
    let plant = prop_oneof![
        Just(Plant::Nothing),
        Just(Plant::Stranger),
        (0..3usize).prop_map(Plant::LinkToInput),
        (0..3usize).prop_map(Plant::HardLinkToInput),
        Just(Plant::Fifo),
    ];
    (
        1..4usize,
        prop::collection::vec(plant, 3),
        any::<bool>(),
        prop_oneof![
            Just(OutAt::Beside),
            Just(OutAt::Inputs),
            Just(OutAt::LinkedInside),
            Just(OutAt::LinkedManifest)
        ],
        prop_oneof![
            Just(Collision::Rename),
            Just(Collision::Skip),
            Just(Collision::Overwrite)
        ],
        any::<bool>(),
        any::<bool>(),
        side_path(),
        side_path(),
        any::<bool>(),
    )
        .prop_map(
            |(inputs, plants, planted_manifest, out_at, collision, update, shard, report, failed_list, bad_input)| {
                Case {
                    inputs,
                    plants,
                    planted_manifest,
                    out_at,
                    collision,
                    update,
                    shard,
                    report,
                    failed_list,
                    bad_input,
                }
            },
        )
}

/// Every regular file below `dir` (links not followed) with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_owned(), fs::read(e.path()).unwrap_or_default()))
        .collect()
}

fn run_case(case: &Case) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let photos = root.join("photos");
    let outside = root.join("outside");
    fs::create_dir_all(&photos).unwrap();
    fs::create_dir_all(&outside).unwrap();
    fs::write(outside.join("precious.txt"), b"precious").unwrap();
    let inputs: Vec<PathBuf> = (0..case.inputs)
        .map(|i| {
            let path = photos.join(format!("p{i}.jpg"));
            fs::write(&path, photo_bytes(i as u32)).unwrap();
            path
        })
        .collect();
    if case.bad_input {
        fs::write(photos.join("bad.jpg"), b"\xFF\xD8\xFF broken").unwrap();
    }
    let input = |n: usize| inputs[n % inputs.len()].clone();
    let out = match case.out_at {
        OutAt::Inputs => photos.clone(),
        _ => root.join("out"),
    };
    let copies = out.join("photos");
    fs::create_dir_all(&out).unwrap();
    match case.out_at {
        OutAt::LinkedInside => symlink(&photos, &copies).unwrap(),
        OutAt::LinkedManifest => {
            symlink(&outside, out.join(".shrinkray")).unwrap();
            fs::create_dir_all(&copies).unwrap();
        }
        _ => fs::create_dir_all(&copies).unwrap(),
    }
    // Plants where the copies of p0, p1, p2 will want to go (in the real folder the copies land in).
    let landing = fs::canonicalize(&copies).unwrap();
    for (i, plant) in case.plants.iter().enumerate() {
        let at = landing.join(format!("p{i}.jpg"));
        if at.exists() || fs::symlink_metadata(&at).is_ok() {
            continue;
        }
        match plant {
            Plant::Nothing => {}
            Plant::Stranger => fs::write(&at, b"a stranger's photo").unwrap(),
            Plant::LinkToInput(n) => symlink(input(*n), &at).unwrap(),
            Plant::HardLinkToInput(n) => fs::hard_link(input(*n), &at).unwrap(),
            Plant::Fifo => {
                let _ = std::process::Command::new("mkfifo").arg(&at).status();
            }
        }
    }
    if case.planted_manifest && !matches!(case.out_at, OutAt::LinkedManifest) {
        // Records claiming every planted name as the copy of every input, with the right sizes and times.
        fs::create_dir_all(out.join(".shrinkray")).unwrap();
        let mut text = String::new();
        for (i, _) in case.plants.iter().enumerate() {
            let at = copies.join(format!("p{i}.jpg"));
            let Ok(meta) = fs::metadata(&at) else { continue };
            let nanos = modified_nanos(&meta);
            // Forged records claim the file for every other input: the manifest's word that "this input made
            // it" must never let one input's run replace what stands for another.
            for who in inputs.iter().filter(|w| !w.ends_with(format!("p{i}.jpg"))) {
                let canonical = fs::canonicalize(who).unwrap();
                let name = who.file_name().unwrap().to_string_lossy();
                text.push_str(&format!(
                    "{{\"input\":\"photos/{name}\",\"bytes\":{},\"modified\":{nanos},\"settings\":\"x\",\
                     \"outputs\":[{{\"path\":\"photos/p{i}.jpg\",\"bytes\":{},\"modified\":{nanos}}},\
                     {{\"path\":\"../outside/precious.txt\",\"bytes\":8,\"modified\":{nanos}}}],\"at\":\"{}\"}}\n",
                    meta.len(),
                    meta.len(),
                    canonical.display()
                ));
            }
        }
        fs::write(out.join(".shrinkray/manifest.jsonl"), text).unwrap();
    }
    let side = |p: SidePath, name: &str| match p {
        SidePath::None => None,
        SidePath::Input(n) => Some(input(n)),
        SidePath::LinkToInput(n) => {
            let link = root.join(format!("link-{name}"));
            let _ = symlink(input(n), &link);
            Some(link)
        }
        SidePath::Outside => Some(outside.join(name)),
        SidePath::InOut => Some(out.join(name)),
    };
    let report = side(case.report, "report.csv");
    let failed = side(case.failed_list, "failed.txt");

    let before_inputs: Vec<Vec<u8>> = inputs.iter().map(|p| fs::read(p).unwrap()).collect();
    let before_outside = files(&outside);
    let before_landing = files(&landing);
    let before_photos = files(&photos);
    for run in 0..2 {
        let settings = Settings {
            on_collision: case.collision,
            update: case.update,
            resize: ResizeMode::Width(12),
            threads: std::num::NonZeroUsize::new(1),
            ..settings_to(&out)
        };
        let options = JobOptions {
            selection: Selection {
                shard: case.shard.then_some(Shard { index: 1, count: 2 }),
                only: None,
                watch: None,
            },
            report: report.clone(),
            failed_list: failed.clone().map(|path| FailedListSpec { path, separator: b'\n' }),
            ..JobOptions::default()
        };
        let job = JobHandle::start(vec![photos.clone()], settings, options, Arc::new(|| {})).unwrap();
        collect(&job);
        for (i, p) in inputs.iter().enumerate() {
            assert_eq!(
                fs::read(p).unwrap(),
                before_inputs[i],
                "run {run}: input {p:?} changed: {case:?}"
            );
        }
        for (path, bytes) in &before_outside {
            assert_eq!(
                &fs::read(path).unwrap(),
                bytes,
                "run {run}: {path:?} outside changed: {case:?}"
            );
        }
        // No file outside the output folder appeared but the report and failed list asked for there.
        for path in files(&outside).keys() {
            let asked = [&report, &failed].iter().any(|p| p.as_deref() == Some(path.as_path()));
            assert!(
                before_outside.contains_key(path) || asked,
                "run {run}: {path:?} appeared outside: {case:?}"
            );
        }
        if !matches!(case.out_at, OutAt::Inputs) {
            for path in files(&photos).keys() {
                assert!(
                    before_photos.contains_key(path),
                    "run {run}: {path:?} appeared among the inputs: {case:?}"
                );
            }
        }
        if case.collision != Collision::Overwrite {
            for (path, bytes) in &before_landing {
                if let Ok(now) = fs::read(path) {
                    assert!(
                        &now == bytes,
                        "run {run}: someone else's {path:?} was replaced: {case:?}"
                    );
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_input_and_nothing_outside_the_output_folder_ever_changes(case in case()) {
        run_case(&case);
    }
}
