//! Driving the real desktop app headless with egui_kittest: a dropped file, storage in memory, stepping until
//! a condition holds.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use eframe::egui;
use egui_kittest::Harness;
use shrinkray::ui::ShrinkrayApp;

/// A file "dropped" on the window, as a desktop would deliver it.
#[derive(Debug)]
pub struct Dropped(pub PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// eframe's storage, in memory.
#[derive(Clone, Default)]
pub struct MemoryStorage(HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}

/// How long a test waits for the app before it calls it hung.
const WAIT_LIMIT: Duration = Duration::from_secs(300);

/// The app as `main` builds it: through `ShrinkrayApp::new` with the saved state (none: first start) and the
/// paths given on the command line.
pub fn app_harness_with(storage: Option<MemoryStorage>, paths: Vec<PathBuf>) -> Harness<'static, ShrinkrayApp> {
    // The tests read English whatever the machine's language is (the app draws on this thread).
    shrinkray::i18n::pin_thread_language(Some("en"));
    Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .build_eframe(move |cc| {
            let storage = storage.as_ref().map(|s| s as &dyn eframe::Storage);
            ShrinkrayApp::new(&cc.egui_ctx, storage, paths)
        })
}

/// [`app_harness_with`] and no paths.
pub fn app_harness(storage: Option<&MemoryStorage>) -> Harness<'static, ShrinkrayApp> {
    app_harness_with(storage.cloned(), Vec::new())
}

/// Steps until `done` holds, failing after five minutes; workers run on their own, so this waits in real time.
/// The app's workers run at idle priority: while other tests of the binary keep both cores busy they get no time
/// at all, so a generous limit is what tells a hang from a busy machine.
pub fn step_until(harness: &mut Harness<'_, ShrinkrayApp>, what: &str, done: impl Fn(&ShrinkrayApp) -> bool) {
    let start = Instant::now();
    while !done(harness.state()) {
        assert!(start.elapsed() < WAIT_LIMIT, "timed out waiting for {what}");
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.step();
}

/// Runs frames until the window stops asking for more, however long background work (counting the inputs,
/// checking which copies are up to date) keeps it busy. `Harness::run` gives up after a few frames, which a slow
/// machine (or Wine) exceeds while that work is still in flight.
pub fn settle(harness: &mut Harness<'_, ShrinkrayApp>) {
    let start = Instant::now();
    while harness.try_run().is_err() {
        assert!(start.elapsed() < WAIT_LIMIT, "the window never settled");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// The primary button, found by what it says it will do ("Resize 7 images", "Nothing to do", …).
pub fn start_button<'h>(harness: &'h Harness<'_, ShrinkrayApp>) -> egui_kittest::Node<'h> {
    use egui_kittest::kittest::Queryable;
    let label = harness.state().start_label();
    harness.get_by(move |node| {
        node.role() == egui::accesskit::Role::Button && node.label().as_deref() == Some(label.as_str())
    })
}
