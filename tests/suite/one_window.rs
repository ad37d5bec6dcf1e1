//! One window: launches while Shrinkray runs hand their selection to it and exit, 200 at once too (a file
//! manager that starts one process per selected file), and a window that no longer answers is taken over.

#![cfg(feature = "gui")]

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use shrinkray::ui::single_instance::{Claim, Handoff, Place, claim};

#[test]
fn two_hundred_launches_at_once_end_in_one_window_with_every_path() {
    let dir = tempfile::tempdir().unwrap();
    let runtime = dir.path().join("run");
    let Claim::Primary(endpoint) = claim(&Place::in_dir(&runtime), &Handoff::default()).unwrap() else {
        panic!("no window runs yet: this one is the first");
    };
    let (tx, rx) = crossbeam_channel::unbounded();
    endpoint.serve(tx, || {}).unwrap();

    // A named pipe on Windows (21 s under Wine for the 200), a Unix socket elsewhere (1 s).
    let photos: Vec<PathBuf> = (0..200)
        .map(|i| dir.path().join(format!("Fotos für Oma/bild {i}.jpg")))
        .collect();
    let launches: Vec<_> = photos
        .iter()
        .map(|photo| {
            Command::new(env!("CARGO_BIN_EXE_shrinkray"))
                .args(["--preset", "Web 1920"])
                .arg(photo)
                .env("SHRINKRAY_RUNTIME_DIR", &runtime)
                // Were a launch to open a window of its own, it would fail here and say so.
                .env_remove("DISPLAY")
                .env_remove("WAYLAND_DISPLAY")
                .spawn()
                .unwrap()
        })
        .collect();
    for mut launch in launches {
        assert!(
            launch.wait().unwrap().success(),
            "a launch handed its selection over and exited"
        );
    }
    let mut received = BTreeSet::new();
    while received.len() < photos.len() {
        let handoff = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("every selection arrives");
        assert_eq!(handoff.preset.as_deref(), Some("Web 1920"));
        received.extend(handoff.paths);
    }
    assert_eq!(received, photos.into_iter().collect());
}

#[cfg(unix)]
#[test]
fn a_window_that_does_not_answer_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let place = Place::in_dir(dir.path());
    // Listening, but never serving: a hung app.
    let Claim::Primary(_hung) = claim(&place, &Handoff::default()).unwrap() else {
        panic!("the first launch is the window");
    };
    let started = std::time::Instant::now();
    let taken = claim(
        &place,
        &Handoff {
            preset: None,
            paths: vec![PathBuf::from("/a.jpg")],
        },
    )
    .unwrap();
    assert!(matches!(taken, Claim::Primary(_)), "the new launch becomes the window");
    assert!(started.elapsed() < Duration::from_secs(3));
}
