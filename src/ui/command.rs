//! Intents raised by widgets during a frame and applied once, after the frame is drawn.

use std::path::PathBuf;

/// Something a widget asks the app to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Add files or folders to the inputs (dropped, picked, or given on the command line).
    AddPaths(Vec<PathBuf>),
    /// Open the native dialog to pick image files.
    PickFiles,
    /// Open the native dialog to pick folders.
    PickFolders,
    /// Open the native dialog to choose the output folder.
    PickOutputDir,
    /// Remove the input at this position.
    RemoveInput(usize),
    /// Remove every input.
    ClearInputs,
    /// Start a job with the current inputs and settings.
    Start,
    /// Cancel the running job.
    Cancel,
    /// Pause the running job, or resume it when paused.
    TogglePause,
    /// Run the inputs that failed in the last job again, with the current settings.
    RetryFailed,
    /// Ask where to save the last job's report, and copy it there.
    SaveReport,
    /// Turn on "only new and changed images".
    OnlyNewAndChanged,
    /// Show the output folder in the file manager.
    OpenOutputFolder,
    /// Open the before/after preview of the image at this place in the grid on screen.
    OpenPreview(usize),
    /// Close the preview, back to the grid.
    ClosePreview,
    /// Show the next (1) or previous (-1) image in the preview.
    PreviewStep(isize),
    /// Do not close the window after all (its preset asked for it to close after a clean finish).
    KeepOpen,
    /// Turn on "skip if larger" (the estimate found most copies would not shrink).
    SkipIfLarger,
    /// Open the native dialog to choose the folder an in-place run keeps the originals in.
    PickBackupDir,
    /// Start the in-place run the confirmation asked about.
    ConfirmInPlace,
    /// Close the confirmation without starting.
    CancelInPlace,
    /// Put back the originals of the last in-place run.
    UndoInPlace,
}
