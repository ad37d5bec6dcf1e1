//! Object storage against a real S3 API (moto in server mode, `tests/common/s3.rs`): copies from a bucket into
//! a bucket, the guard's rules for keys, `--update`, shards into one bucket, throttling, and a kill mid-upload.
//! Built with the `cloud` feature only (`./run test` turns it on).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Stdio;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use image::ImageFormat;

use crate::common::s3::{PLANTED, Proxy, Rules, S3, cli_at};
use crate::common::write_photo;

/// A server whose bucket `lib` holds `count` photos of 320×240 below `photos/` (made in the folder returned).
fn bucket_of_photos(count: u32) -> (S3, tempfile::TempDir) {
    let s3 = S3::start("lib");
    let dir = tempfile::tempdir().unwrap();
    photos_in_bucket(&s3, dir.path(), count);
    (s3, dir)
}

/// `count` photos of 320×240 in `dir`, uploaded below `photos/` in bucket `lib`.
fn photos_in_bucket(s3: &S3, dir: &Path, count: u32) {
    for i in 0..count {
        write_photo(&dir.join(format!("photo-{i:02}.jpg")), 320, 240, ImageFormat::Jpeg);
    }
    s3.py(&["upload", "lib", "photos", dir.to_str().unwrap()]);
}

/// The copies below `prefix`, without the manifest's objects.
fn copies(s3: &S3, prefix: &str) -> BTreeMap<String, (u64, String)> {
    let mut all = s3.list("lib", prefix);
    all.retain(|key, _| !key.contains("/.shrinkray/"));
    all
}

/// The arguments of a run from `s3://lib/photos` into `s3://lib/web`, then `more`.
fn to_web<'a>(more: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["s3://lib/photos", "--out", "s3://lib/web"];
    args.extend_from_slice(more);
    args
}

fn run(endpoint: &str, args: &[&str]) -> (bool, String, String) {
    let out = cli_at(endpoint, args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_bucket_of_photos_becomes_copies_in_the_bucket_and_an_update_puts_nothing_again() {
    let (s3, _photos) = bucket_of_photos(6);
    // A damaged photo among them, then good ones after it on one thread: one failure, the rest carry on.
    s3.put_bytes("lib", "photos/broken.jpg", b"\xff\xd8\xff\xe0 not really a JPEG");
    let args = to_web(&["--long-edge", "160", "--threads", "1", "--json"]);
    let (ok, stdout, _) = run(&s3.endpoint(), &args);
    assert!(!ok, "one image failed, so the exit code says so");
    assert!(stdout.contains(r#""input":"s3://lib/photos/broken.jpg""#), "{stdout}");
    let made = copies(&s3, "web/");
    let keys: Vec<&str> = made.keys().map(String::as_str).collect();
    let wanted: Vec<String> = (0..6).map(|i| format!("web/photos/photo-{i:02}.jpg")).collect();
    assert_eq!(keys, wanted, "one copy per good photo, at <out>/<root name>/<path>");
    for (key, (size, _)) in &made {
        assert!(*size > 1000 && *size < 20_000, "{key}: {size} bytes");
    }
    let manifests = s3.list("lib", "web/.shrinkray/");
    assert_eq!(
        manifests.keys().collect::<Vec<_>>(),
        ["web/.shrinkray/manifest-all.jsonl"]
    );

    // Again with --update, through a proxy that counts: every copy is up to date and none is put again.
    let proxy = Proxy::start(s3.port, Rules::default());
    let mut update = args.to_vec();
    update.push("--update");
    let (_, stdout, _) = run(&proxy.endpoint(), &update);
    assert_eq!(stdout.matches(r#""reason":"up to date""#).count(), 6, "{stdout}");
    assert_eq!(proxy.count("PUT"), 1, "the manifest object alone");
    assert_eq!(copies(&s3, "web/"), made, "the copies are untouched");

    // The whole bucket as input: the copies below web/ (it holds a manifest) are not photos to resize again.
    let (_, stdout, _) = run(
        &s3.endpoint(),
        &["s3://lib", "--out", "s3://lib/small", "--dry-run", "--json"],
    );
    let planned: Vec<&str> = stdout.lines().filter(|l| l.contains(r#""event":"planned""#)).collect();
    assert_eq!(planned.len(), 7, "{stdout}");
    assert!(
        planned.iter().all(|l| l.contains(r#""input":"s3://lib/photos/"#)),
        "{stdout}"
    );
}

#[test]
fn a_list_of_inputs_mixes_objects_and_file_urls() {
    let s3 = S3::start("lib");
    let dir = tempfile::tempdir().unwrap();
    photos_in_bucket(&s3, &dir.path().join("up"), 2);
    let local = write_photo(&dir.path().join("on disk/local one.png"), 300, 200, ImageFormat::Png);
    let file_url = format!("file://{}", local.to_str().unwrap().replace(' ', "%20"));
    // A key may hold what a Windows path may not.
    let timed = write_photo(&dir.path().join("timed.jpg"), 300, 200, ImageFormat::Jpeg);
    s3.py(&["put", "lib", "photos/at 12:00.jpg", timed.to_str().unwrap()]);
    let list = dir.path().join("list.txt");
    std::fs::write(
        &list,
        format!("s3://lib/photos/photo-01.jpg\n{file_url}\ns3://lib/photos/at 12:00.jpg\n"),
    )
    .unwrap();
    let (ok, _, stderr) = run(
        &s3.endpoint(),
        &[
            "--from-file",
            list.to_str().unwrap(),
            "--out",
            "s3://lib/mixed",
            "--long-edge",
            "100",
        ],
    );
    assert!(ok, "{stderr}");
    let made: Vec<String> = copies(&s3, "mixed/").into_keys().collect();
    assert_eq!(
        made,
        ["mixed/at 12:00.jpg", "mixed/local one.png", "mixed/photo-01.jpg"]
    );
}

#[test]
fn an_object_shrinkray_did_not_make_is_never_replaced_nor_is_an_input() {
    let (s3, _photos) = bucket_of_photos(3);
    // Someone else's object where a copy would go.
    s3.put_bytes("lib", "web/photos/photo-01.jpg", b"someone else's file");
    let before = s3.list("lib", "");
    let (ok, _, stderr) = run(&s3.endpoint(), &to_web(&["--long-edge", "160"]));
    assert!(ok, "{stderr}");
    let after = s3.list("lib", "");
    assert_eq!(
        after["web/photos/photo-01.jpg"], before["web/photos/photo-01.jpg"],
        "theirs is untouched"
    );
    assert!(after.contains_key("web/photos/photo-01 (1).jpg"), "{after:?}");

    // Copies made into the inputs' own prefix, again and again with a name template that would land on the
    // inputs: no input is replaced.
    for template in ["{name}", "../{name}", "photo-00"] {
        let _ = run(
            &s3.endpoint(),
            &[
                "s3://lib/photos",
                "--out",
                "s3://lib",
                "--name",
                template,
                "--long-edge",
                "100",
            ],
        );
    }
    let now = s3.list("lib", "photos/");
    for key in before.keys().filter(|k| k.starts_with("photos/")) {
        assert_eq!(now[key], before[key], "{key} was replaced");
    }
}

#[test]
fn a_listing_of_thousands_of_keys_is_read_page_by_page() {
    let s3 = S3::start("lib");
    let dir = tempfile::tempdir().unwrap();
    // 2,100 tiny PNGs: three pages of S3's 1,000 keys.
    let png = {
        let mut bytes = Vec::new();
        image::RgbImage::new(2, 2)
            .write_to(&mut std::io::Cursor::new(&mut bytes), ImageFormat::Png)
            .unwrap();
        bytes
    };
    for i in 0..2100 {
        let sub = dir.path().join(format!("d{}", i % 7));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(format!("{i:04}.png")), &png).unwrap();
    }
    s3.py(&["upload", "lib", "many", dir.path().to_str().unwrap()]);
    let (ok, stdout, stderr) = run(
        &s3.endpoint(),
        &["s3://lib/many", "--out", "s3://lib/out", "--dry-run", "--json"],
    );
    assert!(ok, "{stderr}");
    assert_eq!(stdout.matches(r#""event":"planned""#).count(), 2100);
    assert!(stdout.contains(r#""output":"s3://lib/out/many/d6/2099.png""#));
}

#[test]
fn four_shards_into_one_bucket_make_every_copy_once() {
    let (s3, _photos) = bucket_of_photos(40);
    let shards: Vec<_> = (1..=4)
        .map(|k| {
            cli_at(
                &s3.endpoint(),
                &to_web(&["--long-edge", "120", "--shard", &format!("{k}/4"), "--threads", "1"]),
            )
            .stdout(Stdio::null())
            .spawn()
            .unwrap()
        })
        .collect();
    for mut shard in shards {
        assert!(shard.wait().unwrap().success());
    }
    let made = copies(&s3, "web/");
    let wanted: Vec<String> = (0..40).map(|i| format!("web/photos/photo-{i:02}.jpg")).collect();
    assert_eq!(made.keys().cloned().collect::<Vec<_>>(), wanted);
    let manifests: Vec<String> = s3.list("lib", "web/.shrinkray/").into_keys().collect();
    assert_eq!(
        manifests,
        (1..=4)
            .map(|k| format!("web/.shrinkray/manifest-{k}-of-4.jsonl"))
            .collect::<Vec<_>>()
    );
    // An --update without --shard reads every shard's manifest: nothing to do.
    let proxy = Proxy::start(s3.port, Rules::default());
    let (ok, stdout, _) = run(
        &proxy.endpoint(),
        &to_web(&["--long-edge", "120", "--update", "--json"]),
    );
    assert!(ok);
    assert_eq!(stdout.matches(r#""reason":"up to date""#).count(), 40);
    assert_eq!(proxy.count("PUT"), 1, "its own manifest object alone");
}

#[test]
fn throttled_requests_are_retried_until_every_copy_is_made() {
    let (s3, _photos) = bucket_of_photos(8);
    // Every third request is answered 503 SlowDown, as S3 does under load.
    let proxy = Proxy::start(
        s3.port,
        Rules {
            throttle_every: Some(3),
            ..Rules::default()
        },
    );
    let (ok, _, stderr) = run(&proxy.endpoint(), &to_web(&["--long-edge", "120"]));
    assert!(ok, "{stderr}");
    assert!(proxy.throttled.load(Ordering::SeqCst) >= 10, "the proxy throttled");
    assert_eq!(copies(&s3, "web/").len(), 8);
}

#[test]
fn a_run_killed_mid_upload_leaves_no_partial_object_and_the_rerun_makes_each_copy_once() {
    let (s3, _photos) = bucket_of_photos(6);
    let proxy = Proxy::start(
        s3.port,
        Rules {
            stall_put: Some("web/photos/photo-03.jpg".to_owned()),
            ..Rules::default()
        },
    );
    let args = to_web(&["--long-edge", "160", "--threads", "1"]);
    let mut child = cli_at(&proxy.endpoint(), &args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !proxy.stalled.load(Ordering::SeqCst) {
        assert!(Instant::now() < deadline, "the upload never started");
        std::thread::sleep(Duration::from_millis(20));
    }
    // SIGKILL while half of photo-03's copy has reached the server.
    child.kill().unwrap();
    child.wait().unwrap();
    proxy.release.store(true, Ordering::SeqCst);
    std::thread::sleep(Duration::from_millis(300));
    let left = copies(&s3, "web/");
    assert!(
        !left.contains_key("web/photos/photo-03.jpg"),
        "a partial object is visible: {left:?}"
    );
    assert_eq!(left.len(), 3, "photos 00-02 were made before the kill: {left:?}");

    // The rerun makes the rest; the copies the killed run uploaded (but never recorded) are known as its own.
    let (ok, _, stderr) = run(&s3.endpoint(), &args);
    assert!(ok, "{stderr}");
    let made = copies(&s3, "web/");
    let wanted: Vec<String> = (0..6).map(|i| format!("web/photos/photo-{i:02}.jpg")).collect();
    assert_eq!(
        made.keys().cloned().collect::<Vec<_>>(),
        wanted,
        "each copy once, none numbered"
    );
}

#[test]
fn an_object_put_after_the_plan_looked_is_not_replaced_the_upload_is_create_only() {
    let (s3, _photos) = bucket_of_photos(3);
    // Between the plan's look (nothing there) and the upload, someone else puts an object at the copy's key.
    let proxy = Proxy::start(
        s3.port,
        Rules {
            plant_before_put: Some("web/photos/photo-01.jpg".to_owned()),
            ..Rules::default()
        },
    );
    let (ok, stdout, _) = run(
        &proxy.endpoint(),
        &to_web(&["--long-edge", "120", "--threads", "1", "--json"]),
    );
    assert!(!ok, "that image failed");
    let failed: Vec<&str> = stdout.lines().filter(|l| l.contains(r#""event":"failed""#)).collect();
    assert_eq!(failed.len(), 1, "{stdout}");
    assert!(failed[0].contains("s3://lib/web/photos/photo-01.jpg"), "{}", failed[0]);
    let there = tempfile::NamedTempFile::new().unwrap();
    s3.py(&["get", "lib", "web/photos/photo-01.jpg", there.path().to_str().unwrap()]);
    assert_eq!(std::fs::read(there.path()).unwrap(), PLANTED, "theirs stands");
    assert_eq!(copies(&s3, "web/").len(), 3, "the two others are made");
}

#[test]
fn objects_are_never_replaced_in_place() {
    let (s3, _photos) = bucket_of_photos(2);
    let before = s3.list("lib", "");
    let (ok, _, stderr) = run(&s3.endpoint(), &["--in-place", "s3://lib/photos", "--long-edge", "100"]);
    assert!(!ok);
    assert!(
        stderr.contains("cannot be replaced in place; make copies with --out: s3://lib/photos"),
        "{stderr}"
    );
    assert_eq!(s3.list("lib", ""), before);
}
