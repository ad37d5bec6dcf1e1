//! The guard's one exception to "never an input": an in-place run replacing an original by its smaller copy.
//! It is done in steps that a kill may interrupt anywhere, each leaving the original in its place or kept:
//!
//! 1. the copy is written beside the original under a temporary name, with the original's permissions and
//!    times, synced, read back and checked by the caller;
//! 2. the original's place in the Trash or backup folder is reserved, and the swap is noted (synced) in the
//!    run's journal;
//! 3. the original is kept there (a second name; the system's Trash moves it);
//! 4. the copy takes the original's name (or, for a new format, its new name, never over a file);
//! 5. for a new format, the original's name is removed: its file is kept.
//!
//! `settle` finishes (or rolls back) a swap its run was killed in, from the journal; `undo` puts an original
//! back, keeping the copy the same way.

use std::ffi::{OsStr, OsString};
use std::fs::{self, FileTimes};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::copy::create_temp;
use super::keep::{Keep, KeptAt};
use crate::engine::error::ImageError;
use crate::engine::platform::{Dir, FileId, canonicalize, link_count};

/// One swap, as the run's journal holds it: enough to finish it after a kill, and to undo it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SwapRecord {
    /// The folder of the original (canonical).
    pub folder: PathBuf,
    /// The original's name.
    pub name: String,
    /// The copy's name: the original's, or with the new format's extension.
    pub new_name: String,
    /// The copy's temporary name until it takes `new_name`.
    pub temp: String,
    /// The original's identity (`FileId::parts`) and size.
    pub original: (u64, u64),
    /// The original's size in bytes.
    pub original_bytes: u64,
    /// The copy's identity, which it keeps when renamed.
    pub copy: (u64, u64),
    /// The copy's size in bytes.
    pub copy_bytes: u64,
    /// Where the original is kept.
    pub kept: KeptAt,
}

impl SwapRecord {
    /// The original's path.
    pub fn original_path(&self) -> PathBuf {
        self.folder.join(&self.name)
    }

    /// The copy's path once the swap is done.
    pub fn copy_path(&self) -> PathBuf {
        self.folder.join(&self.new_name)
    }

    /// The copy's identity.
    pub(crate) fn copy_id(&self) -> FileId {
        FileId::from_parts(self.copy.0, self.copy.1)
    }

    fn original_id(&self) -> FileId {
        FileId::from_parts(self.original.0, self.original.1)
    }
}

/// One original to replace.
pub(crate) struct Swap<'a> {
    /// The original, as found.
    pub original: &'a Path,
    /// Its identity when the run planned it: anything else found there is left alone.
    pub expected: FileId,
    /// The copy's name (the original's, or with a new extension).
    pub new_name: &'a OsStr,
    /// The original's place below its input folder (a backup folder mirrors it).
    pub relative: &'a Path,
    /// Where the original goes.
    pub keep: &'a Keep,
}

/// Why an original was not replaced.
#[derive(Debug)]
pub(crate) enum NotSwapped {
    /// Left as it is, with the reason (a link, several names, the Trash cannot take it): a skip, not a failure.
    Left(String),
    /// Something failed; the original is in its place.
    Failed(ImageError),
}

/// How far `swap_until` goes: a kill after each step is simulated by stopping there (tests).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Step {
    /// The copy is written and checked under its temporary name.
    Written,
    /// The swap is noted in the journal.
    Noted,
    /// The original is kept.
    Kept,
    /// The copy has its name.
    Placed,
    /// All of it.
    Whole,
}

/// Replaces `swap.original` by `bytes`: `check` reads the copy back from the disk and says whether it is a
/// good image; `note` writes the record to the run's journal (synced) before the original is touched.
pub(crate) fn swap_in(
    swap: &Swap,
    bytes: &[u8],
    check: &dyn Fn(Vec<u8>) -> Result<(), String>,
    note: &dyn Fn(&SwapRecord) -> io::Result<()>,
) -> Result<SwapRecord, NotSwapped> {
    swap_until(swap, bytes, check, note, Step::Whole)
}

/// `swap_in`, stopping after `until` as if killed there.
pub(crate) fn swap_until(
    swap: &Swap,
    bytes: &[u8],
    check: &dyn Fn(Vec<u8>) -> Result<(), String>,
    note: &dyn Fn(&SwapRecord) -> io::Result<()>,
    until: Step,
) -> Result<SwapRecord, NotSwapped> {
    let path = swap.original;
    let left = |why: &str| NotSwapped::Left(why.to_owned());
    let write_err = |source: io::Error| {
        NotSwapped::Failed(ImageError::Write {
            source,
            path: path.to_owned(),
        })
    };
    let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
        return Err(left("it has no folder"));
    };
    let meta = fs::symlink_metadata(path).map_err(|source| {
        NotSwapped::Failed(ImageError::Read {
            source,
            path: path.to_owned(),
        })
    })?;
    if meta.file_type().is_symlink() {
        return Err(left("it is a symbolic link (the file it points to is not replaced)"));
    }
    if !meta.is_file() {
        return Err(left("it is not a regular file"));
    }
    if link_count(path).unwrap_or(1) > 1 {
        return Err(left(
            "it has more than one name (hard links), which would keep the original",
        ));
    }
    let (Some(name_text), Some(new_text)) = (name.to_str(), swap.new_name.to_str()) else {
        return Err(left("its name is not valid Unicode, which the journal cannot hold"));
    };
    let folder = canonicalize(folder).map_err(write_err)?;
    let dir = Dir::open_below(&folder, &[]).map_err(write_err)?;
    match dir.examine(name).map_err(write_err)? {
        Some((id, true)) if id == swap.expected => {}
        _ => return Err(left("it changed since the run began")),
    }
    if swap.new_name != name && dir.examine(swap.new_name).map_err(write_err)?.is_some() {
        return Err(NotSwapped::Left(format!("a file named {new_text} is already there")));
    }

    // 1. The copy, whole, checked, under a temporary name.
    let (temp, copy_id) = write_checked(&dir, &meta, bytes, check).map_err(|e| match e {
        Checked::Io(source) => write_err(source),
        Checked::Bad(why) => NotSwapped::Failed(ImageError::Encode {
            why: format!("the copy did not read back as a good image ({why}); the original stays"),
            path: path.to_owned(),
        }),
    })?;
    let drop_temp = |e: NotSwapped| {
        let _ = dir.remove(&temp);
        e
    };
    // 2. Its place in the Trash or backup folder, and the journal.
    let kept = KeptAt::reserve(swap.keep, &folder.join(name), swap.relative)
        .map_err(|why| drop_temp(NotSwapped::Left(why)))?;
    let record = SwapRecord {
        folder: folder.clone(),
        name: name_text.to_owned(),
        new_name: new_text.to_owned(),
        temp: temp.to_string_lossy().into_owned(),
        original: swap.expected.parts(),
        original_bytes: meta.len(),
        copy: copy_id.parts(),
        copy_bytes: bytes.len() as u64,
        kept,
    };
    if until == Step::Written {
        return Ok(record);
    }
    if let Err(e) = note(&record) {
        record.kept.release();
        return Err(drop_temp(write_err(e)));
    }
    if until == Step::Noted {
        return Ok(record);
    }
    // 3. The original kept.
    if let Err(e) = record.kept.keep(&dir, name, &folder.join(name)) {
        return Err(drop_temp(NotSwapped::Left(format!(
            "it cannot be kept in {}: {e}",
            swap.keep
        ))));
    }
    if until == Step::Kept {
        return Ok(record);
    }
    // 4. The copy in its place: over the original only while it is still the file kept.
    let same_name = swap.new_name == name;
    let placed = match dir.examine(name) {
        Ok(Some((id, true))) if id == swap.expected || !same_name => dir.rename(&temp, swap.new_name, same_name),
        Ok(None) if matches!(record.kept, KeptAt::System) => dir.rename(&temp, swap.new_name, false),
        Ok(_) => Err(io::Error::other("the original changed while it was being replaced")),
        Err(e) => Err(e),
    };
    if let Err(e) = placed {
        let _ = dir.remove(&temp);
        if dir
            .examine(name)
            .ok()
            .flatten()
            .is_some_and(|(id, _)| id == swap.expected)
        {
            record.kept.release();
        }
        return Err(write_err(e));
    }
    if until == Step::Placed {
        return Ok(record);
    }
    // 5. A new format: the original's old name goes; its file is kept.
    if !same_name {
        remove_old_name(&dir, &record);
    }
    Ok(record)
}

/// What became of a swap whose run was killed.
#[derive(Debug, PartialEq, Eq)]
pub enum Settled {
    /// The copy is in place and the original kept.
    Done,
    /// The copy never got whole: the original is in its place, as before.
    RolledBack,
    /// Neither could be made true; the reason (nothing was removed).
    Stuck(String),
}

/// Finishes, or rolls back, a swap a killed run noted but may not have completed.
pub(crate) fn settle(record: &SwapRecord) -> Settled {
    let dir = match Dir::open_below(&record.folder, &[]) {
        Ok(dir) => dir,
        Err(e) => return Settled::Stuck(format!("cannot open its folder: {e}: {}", record.folder.display())),
    };
    let at = |name: &str| {
        dir.examine(OsStr::new(name))
            .ok()
            .flatten()
            .filter(|f| f.1)
            .map(|f| f.0)
    };
    let (original, copy) = (record.original_id(), record.copy_id());
    let in_place = at(&record.name) == Some(original);
    let kept = record.kept.holds(original, record.original_bytes, in_place);
    let same_name = record.name == record.new_name;
    if at(&record.new_name) == Some(copy) {
        if !same_name && in_place && kept {
            remove_old_name(&dir, record);
        }
        return Settled::Done;
    }
    if at(&record.temp) == Some(copy) {
        if !kept {
            if !in_place {
                return Settled::Stuck(format!(
                    "the original is neither in its place nor kept: {}",
                    record.original_path().display()
                ));
            }
            if let Err(e) = record
                .kept
                .keep(&dir, OsStr::new(&record.name), &record.original_path())
            {
                let _ = dir.remove(OsStr::new(&record.temp));
                record.kept.release();
                return Settled::Stuck(format!("cannot keep the original ({e}); it stays in its place"));
            }
        }
        let replace = same_name && in_place;
        return match dir.rename(OsStr::new(&record.temp), OsStr::new(&record.new_name), replace) {
            Ok(()) => {
                if !same_name {
                    remove_old_name(&dir, record);
                }
                Settled::Done
            }
            Err(e) => Settled::Stuck(format!(
                "cannot give the copy its name: {e}: {}",
                record.copy_path().display()
            )),
        };
    }
    if in_place {
        if kept && !matches!(record.kept, KeptAt::System) {
            record.kept.release();
        }
        return Settled::RolledBack;
    }
    Settled::Stuck(format!(
        "the copy is gone and the original is not in its place (look in the Trash or backup folder): {}",
        record.original_path().display()
    ))
}

/// Puts the original of a done swap back in its place; the copy is kept where the original was (the Trash,
/// or beside the original in the backup folder). `Err` says why it could not, with nothing changed.
pub(crate) fn undo(record: &SwapRecord) -> Result<(), String> {
    let original_path = record.original_path();
    let copy_path = record.copy_path();
    let dir = Dir::open_below(&record.folder, &[])
        .map_err(|e| format!("cannot open its folder: {e}: {}", record.folder.display()))?;
    let at = |name: &str| dir.examine(OsStr::new(name)).ok().flatten().map(|f| f.0);
    if at(&record.new_name) != Some(record.copy_id()) {
        return Err(format!(
            "the copy changed since the run, so it stays: {}",
            copy_path.display()
        ));
    }
    if !matches!(record.kept, KeptAt::System) && !record.kept.holds(record.original_id(), record.original_bytes, false)
    {
        return Err(format!(
            "the original is no longer in {}: {}",
            kept_where(&record.kept),
            original_path.display()
        ));
    }
    let same_name = record.name == record.new_name;
    if !same_name && at(&record.name).is_some() {
        return Err(format!("a file is at the original's name: {}", original_path.display()));
    }
    let copy_kept = record.kept.reserve_for_undo(&copy_path)?;
    copy_kept
        .keep(&dir, OsStr::new(&record.new_name), &copy_path)
        .map_err(|e| format!("cannot keep the copy ({e}): {}", copy_path.display()))?;
    let replace = same_name && !matches!(record.kept, KeptAt::System);
    if let Err(e) = record
        .kept
        .restore(&dir, OsStr::new(&record.name), &original_path, replace)
    {
        if !matches!(copy_kept, KeptAt::System) {
            copy_kept.release();
        }
        return Err(format!(
            "cannot put the original back ({e}): {}",
            original_path.display()
        ));
    }
    if !same_name && !matches!(copy_kept, KeptAt::System) {
        let _ = dir.remove(OsStr::new(&record.new_name));
    }
    Ok(())
}

/// The words for where an original is kept.
fn kept_where(kept: &KeptAt) -> &'static str {
    match kept {
        KeptAt::Trash { .. } | KeptAt::System => "the Trash",
        KeptAt::Backup { .. } => "the backup folder",
    }
}

/// Removes the original's old name after a change of format, only while it is the original and kept.
fn remove_old_name(dir: &Dir, record: &SwapRecord) {
    let name = OsStr::new(&record.name);
    let is_original = dir.examine(name).ok().flatten() == Some((record.original_id(), true));
    if is_original && record.kept.holds(record.original_id(), record.original_bytes, true) {
        let _ = dir.remove(name);
    }
}

enum Checked {
    Io(io::Error),
    Bad(String),
}

/// Writes `bytes` to a new temporary file in `dir` with the original's permissions and times, syncs it, reads
/// it back for `check`. Returns its name and identity; on any failure it is removed.
fn write_checked(
    dir: &Dir,
    original: &fs::Metadata,
    bytes: &[u8],
    check: &dyn Fn(Vec<u8>) -> Result<(), String>,
) -> Result<(OsString, FileId), Checked> {
    let (temp, mut file) = create_temp(dir).map_err(Checked::Io)?;
    let result = (|| {
        file.write_all(bytes).map_err(Checked::Io)?;
        file.set_permissions(original.permissions()).map_err(Checked::Io)?;
        file.set_times(times_of(original)).map_err(Checked::Io)?;
        file.sync_all().map_err(Checked::Io)?;
        drop(file);
        let mut back = Vec::with_capacity(bytes.len());
        dir.open_read(&temp)
            .and_then(|mut f| f.read_to_end(&mut back))
            .map_err(Checked::Io)?;
        if back != bytes {
            return Err(Checked::Bad("the bytes read back differ from those written".to_owned()));
        }
        check(back).map_err(Checked::Bad)?;
        match dir.examine(&temp).map_err(Checked::Io)? {
            Some((id, true)) => Ok(id),
            _ => Err(Checked::Io(io::Error::other("the copy vanished"))),
        }
    })();
    match result {
        Ok(id) => Ok((temp, id)),
        Err(e) => {
            let _ = dir.remove(&temp);
            Err(e)
        }
    }
}

/// The original's modification and access times, and its creation time where the system lets it be set.
fn times_of(meta: &fs::Metadata) -> FileTimes {
    let mut times = FileTimes::new();
    if let Ok(t) = meta.modified() {
        times = times.set_modified(t);
    }
    if let Ok(t) = meta.accessed() {
        times = times.set_accessed(t);
    }
    #[cfg(windows)]
    if let Ok(t) = meta.created() {
        use std::os::windows::fs::FileTimesExt;
        times = times.set_created(t);
    }
    #[cfg(target_os = "macos")]
    if let Ok(t) = meta.created() {
        use std::os::macos::fs::FileTimesExt;
        times = times.set_created(t);
    }
    times
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;

    const ORIGINAL: &[u8] = b"the original photo, larger";
    const COPY: &[u8] = b"smaller copy";

    struct Library {
        _dir: tempfile::TempDir,
        photos: PathBuf,
        backup: PathBuf,
    }

    fn library() -> Library {
        let dir = tempfile::tempdir().unwrap();
        let photos = dir.path().join("photos");
        let backup = dir.path().join("backup");
        fs::create_dir_all(&photos).unwrap();
        fs::create_dir_all(&backup).unwrap();
        fs::write(photos.join("a.jpg"), ORIGINAL).unwrap();
        Library {
            photos: canonicalize(&photos).unwrap(),
            backup: canonicalize(&backup).unwrap(),
            _dir: dir,
        }
    }

    fn id(path: &Path) -> FileId {
        FileId::of(path, &fs::symlink_metadata(path).unwrap())
    }

    /// Runs a swap of `photos/a.jpg` to `new_name` that stops after `until`, as a kill there would.
    fn swap_killed_after(lib: &Library, new_name: &str, until: Step) -> (Option<SwapRecord>, Keep) {
        let original = lib.photos.join("a.jpg");
        let keep = Keep::Backup(lib.backup.clone());
        let noted = RefCell::new(None);
        let swap = Swap {
            original: &original,
            expected: id(&original),
            new_name: OsStr::new(new_name),
            relative: Path::new("photos/a.jpg"),
            keep: &keep,
        };
        let note = |r: &SwapRecord| {
            *noted.borrow_mut() = Some(r.clone());
            Ok(())
        };
        swap_until(&swap, COPY, &|_| Ok(()), &note, until).unwrap();
        (noted.into_inner(), keep)
    }

    /// The promise at every moment: the original is in its place, or the copy is in its place and the original
    /// is kept. Never neither, never a half file.
    fn assert_nothing_lost(lib: &Library, new_name: &str) {
        let original_here = fs::read(lib.photos.join("a.jpg")).ok();
        let copy_here = fs::read(lib.photos.join(new_name)).ok();
        let kept = fs::read(lib.backup.join("photos/a.jpg")).ok();
        let whole = original_here.as_deref() == Some(ORIGINAL)
            || (copy_here.as_deref() == Some(COPY) && kept.as_deref() == Some(ORIGINAL));
        assert!(whole, "here: {original_here:?}, copy: {copy_here:?}, kept: {kept:?}");
        for entry in fs::read_dir(&lib.photos).unwrap() {
            let bytes = fs::read(entry.unwrap().path()).unwrap();
            assert!(bytes == ORIGINAL || bytes == COPY, "a half file: {bytes:?}");
        }
    }

    #[test]
    fn a_kill_after_any_step_loses_nothing_and_the_next_run_finishes_or_rolls_back() {
        for new_name in ["a.jpg", "a.webp"] {
            for until in [Step::Written, Step::Noted, Step::Kept, Step::Placed, Step::Whole] {
                let lib = library();
                let (noted, _) = swap_killed_after(&lib, new_name, until);
                assert_nothing_lost(&lib, new_name);
                let Some(record) = noted else {
                    // Killed before the journal knew of it: the original never moved.
                    assert_eq!(fs::read(lib.photos.join("a.jpg")).unwrap(), ORIGINAL);
                    continue;
                };
                let settled = settle(&record);
                assert_nothing_lost(&lib, new_name);
                let names: Vec<_> = fs::read_dir(&lib.photos)
                    .unwrap()
                    .map(|e| e.unwrap().file_name().into_string().unwrap())
                    .collect();
                if until == Step::Noted {
                    assert_eq!(settled, Settled::Done, "the copy was whole and checked: finished");
                }
                match settled {
                    Settled::Done => {
                        assert_eq!(fs::read(lib.photos.join(new_name)).unwrap(), COPY, "{until:?}");
                        assert_eq!(fs::read(lib.backup.join("photos/a.jpg")).unwrap(), ORIGINAL);
                        assert_eq!(names, [new_name], "{until:?} {new_name}: only the copy stays");
                    }
                    other => panic!("{until:?} {new_name}: {other:?}"),
                }
                // Settling again changes nothing.
                assert_eq!(settle(&record), Settled::Done);
            }
        }
    }

    #[test]
    fn a_swap_whose_copy_never_got_whole_is_rolled_back() {
        let lib = library();
        let (noted, _) = swap_killed_after(&lib, "a.jpg", Step::Kept);
        let record = noted.unwrap();
        // The temporary copy lost (a sweep, a disk check): the original stays, its second name goes.
        fs::remove_file(lib.photos.join(&record.temp)).unwrap();
        assert_eq!(settle(&record), Settled::RolledBack);
        assert_eq!(fs::read(lib.photos.join("a.jpg")).unwrap(), ORIGINAL);
        assert!(!lib.backup.join("photos/a.jpg").exists());
    }

    #[test]
    fn undo_puts_the_original_back_and_keeps_the_copy() {
        for new_name in ["a.jpg", "a.webp"] {
            let lib = library();
            let (noted, _) = swap_killed_after(&lib, new_name, Step::Whole);
            let record = noted.unwrap();
            undo(&record).unwrap();
            assert_eq!(fs::read(lib.photos.join("a.jpg")).unwrap(), ORIGINAL);
            if new_name != "a.jpg" {
                assert!(!lib.photos.join(new_name).exists());
            }
            let shrunk = fs::read_dir(lib.backup.join("photos"))
                .unwrap()
                .map(|e| e.unwrap().path())
                .find(|p| fs::read(p).unwrap() == COPY);
            assert!(shrunk.is_some(), "the copy is kept in the backup folder");
            // A second undo finds the copy gone and changes nothing.
            assert!(undo(&record).is_err());
            assert_eq!(fs::read(lib.photos.join("a.jpg")).unwrap(), ORIGINAL);
        }
    }

    #[test]
    fn links_several_names_and_a_taken_new_name_are_left_alone() {
        let lib = library();
        let keep = Keep::Backup(lib.backup.clone());
        let original = lib.photos.join("a.jpg");
        let attempt = |path: &Path, new_name: &str| {
            let swap = Swap {
                original: path,
                expected: id(&original),
                new_name: OsStr::new(new_name),
                relative: Path::new("photos/x.jpg"),
                keep: &keep,
            };
            swap_in(&swap, COPY, &|_| Ok(()), &|_| Ok(()))
        };
        fs::write(lib.photos.join("a.webp"), b"someone else's").unwrap();
        assert!(matches!(attempt(&original, "a.webp"), Err(NotSwapped::Left(_))));
        assert_eq!(fs::read(lib.photos.join("a.webp")).unwrap(), b"someone else's");
        #[cfg(unix)]
        {
            let link = lib.photos.join("link.jpg");
            std::os::unix::fs::symlink(&original, &link).unwrap();
            assert!(matches!(attempt(&link, "link.jpg"), Err(NotSwapped::Left(_))));
        }
        fs::hard_link(&original, lib.photos.join("second.jpg")).unwrap();
        assert!(matches!(attempt(&original, "a.jpg"), Err(NotSwapped::Left(_))));
        assert_eq!(fs::read(&original).unwrap(), ORIGINAL);
        assert_eq!(
            fs::read_dir(&lib.backup).unwrap().count(),
            0,
            "nothing kept, nothing swapped"
        );
    }

    #[test]
    fn a_copy_that_does_not_read_back_is_never_swapped_in() {
        let lib = library();
        let keep = Keep::Backup(lib.backup.clone());
        let original = lib.photos.join("a.jpg");
        let swap = Swap {
            original: &original,
            expected: id(&original),
            new_name: OsStr::new("a.jpg"),
            relative: Path::new("photos/a.jpg"),
            keep: &keep,
        };
        let result = swap_in(&swap, COPY, &|_| Err("truncated".to_owned()), &|_| Ok(()));
        assert!(matches!(result, Err(NotSwapped::Failed(_))));
        assert_eq!(fs::read(&original).unwrap(), ORIGINAL);
        assert_eq!(fs::read_dir(&lib.photos).unwrap().count(), 1, "no temporary file left");
    }
}
