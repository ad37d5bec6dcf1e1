//! Planning speed: discovery, content sniffing and output naming for 10,000 files, warm cache.
//! Run with `cargo bench --bench plan`. Target: well under a second.

use std::fs;
use std::path::PathBuf;
use std::time::Instant;

use shrinkray::engine::{PlanEntry, Settings, plan};

fn main() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    let root = dir.path().join("photos");
    // A real (tiny) JPEG header is enough: planning never decodes pixels.
    let mut jpeg = Vec::new();
    image::RgbImage::new(8, 8)
        .write_to(&mut std::io::Cursor::new(&mut jpeg), image::ImageFormat::Jpeg)
        .map_err(std::io::Error::other)?;
    for folder in 0..100 {
        let sub = root.join(format!("album-{folder:03}"));
        fs::create_dir_all(&sub)?;
        for i in 0..100 {
            fs::write(sub.join(format!("IMG_{i:04}.jpg")), &jpeg)?;
        }
    }
    let settings = Settings {
        output_dir: Some(dir.path().join("out")),
        ..Settings::default()
    };
    let inputs: Vec<PathBuf> = vec![root];
    // The first run warms the file system cache.
    let _ = plan(&inputs, &settings).map(Iterator::count);
    let mut times = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        let plan = plan(&inputs, &settings).map_err(std::io::Error::other)?;
        let tasks = plan.filter(|e| matches!(e, PlanEntry::Task(_))).count();
        times.push(start.elapsed());
        assert_eq!(tasks, 10_000);
    }
    times.sort();
    println!(
        "plan: 10,000 files in {:.1} ms (median of 5; min {:.1} ms, max {:.1} ms) on {} threads",
        times[2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        times[4].as_secs_f64() * 1e3,
        rayon::current_num_threads()
    );
    Ok(())
}
