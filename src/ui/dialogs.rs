//! The one place that calls rfd. Native dialogs block, so each runs on its own short-lived thread and its
//! answer comes back over a channel drained at the start of a frame.

use std::path::PathBuf;
use std::thread;

use crossbeam_channel::{Receiver, Sender};
use eframe::egui;

use crate::tr;

/// Which dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogKind {
    /// Pick image files to add.
    Files,
    /// Pick folders to add.
    Folders,
    /// Choose the output folder.
    OutputDir,
    /// Choose the folder an in-place run keeps the originals in.
    BackupDir,
    /// Save a report: the answer is where it was copied.
    ReportSaved,
    /// A report could not be copied: the answer is the destination, the message comes in `poll`'s notices.
    ReportFailed,
}

/// A dialog's answer: nothing when the user cancelled.
pub type DialogAnswer = (DialogKind, Vec<PathBuf>);

/// Opens native dialogs off the UI thread, one at a time.
pub struct Dialogs {
    tx: Sender<DialogAnswer>,
    rx: Receiver<DialogAnswer>,
    open: bool,
}

impl Default for Dialogs {
    fn default() -> Self {
        let (tx, rx) = crossbeam_channel::unbounded();
        Self { tx, rx, open: false }
    }
}

impl Dialogs {
    /// Whether a dialog is showing (a second one is not opened over it).
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Shows a dialog; its answer arrives through `poll`.
    pub fn open(&mut self, kind: DialogKind, ctx: &egui::Context, start_dir: Option<PathBuf>) {
        self.spawn(ctx, start_dir, move |dialog| {
            let paths = match kind {
                DialogKind::Files => dialog
                    .set_title(tr!("dialog-add-images"))
                    .add_filter(
                        tr!("dialog-images"),
                        &[
                            "jpg", "jpeg", "png", "webp", "gif", "bmp", "tif", "tiff", "tga", "ico", "pnm", "ppm",
                            "qoi",
                        ],
                    )
                    .add_filter(tr!("dialog-all-files"), &["*"])
                    .pick_files()
                    .unwrap_or_default(),
                DialogKind::Folders => dialog
                    .set_title(tr!("dialog-add-folders"))
                    .pick_folders()
                    .unwrap_or_default(),
                DialogKind::OutputDir => dialog
                    .set_title(tr!("dialog-output-folder"))
                    .pick_folder()
                    .into_iter()
                    .collect(),
                DialogKind::BackupDir => dialog
                    .set_title(tr!("dialog-backup-folder"))
                    .pick_folder()
                    .into_iter()
                    .collect(),
                DialogKind::ReportSaved | DialogKind::ReportFailed => Vec::new(),
            };
            (kind, paths)
        });
    }

    /// Asks where to save the report `from` and copies it there (never onto one of the run's inputs,
    /// `protected`), all off the UI thread.
    pub fn save_report(
        &mut self,
        from: PathBuf,
        protected: crate::engine::Protected,
        ctx: &egui::Context,
        start_dir: Option<PathBuf>,
    ) {
        self.spawn(ctx, start_dir, move |dialog| {
            let dialog = dialog
                .set_title(tr!("dialog-save-report"))
                .set_file_name("shrinkray-report.csv")
                .add_filter("CSV", &["csv"]);
            match dialog.save_file() {
                None => (DialogKind::ReportSaved, Vec::new()),
                Some(to) => match crate::engine::save_copy(&from, &to, &protected) {
                    Ok(_) => (DialogKind::ReportSaved, vec![to]),
                    Err(_) => (DialogKind::ReportFailed, vec![to]),
                },
            }
        });
    }

    /// Runs `show` with a dialog opened in `start_dir` on a thread of its own, unless a dialog is showing;
    /// its answer arrives through `poll`.
    fn spawn(
        &mut self,
        ctx: &egui::Context,
        start_dir: Option<PathBuf>,
        show: impl FnOnce(rfd::FileDialog) -> DialogAnswer + Send + 'static,
    ) {
        if self.open {
            return;
        }
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        let spawned = thread::Builder::new()
            .name("shrinkray-dialog".to_owned())
            .spawn(move || {
                let mut dialog = rfd::FileDialog::new();
                if let Some(dir) = start_dir.filter(|d| d.is_dir()) {
                    dialog = dialog.set_directory(dir);
                }
                // The app may have closed meanwhile; then nobody needs the answer.
                let _ = tx.send(show(dialog));
                ctx.request_repaint();
            });
        self.open = spawned.is_ok();
    }

    /// Answers that arrived since the last frame.
    pub fn poll(&mut self) -> Vec<DialogAnswer> {
        let answers: Vec<_> = self.rx.try_iter().collect();
        if !answers.is_empty() {
            self.open = false;
        }
        answers
    }
}
