//! Temporary files: how they are named, and how a later run tells a dead run's leftovers from a live one's,
//! even when several hosts or containers share the output folder.
//!
//! A name is `.shrinkray-tmp-TAG-PID-…`, where TAG is a hash of the host name, its boot id and the PID
//! namespace: a PID means something only on the host, boot and namespace that gave it. A leftover whose TAG is
//! ours and whose process is gone is removed at once; any other (another host's, a container's, the older
//! `.shrinkray-tmp-PID-…` form) only once it is a day old, since its writer may still be running elsewhere.

use std::fs;
use std::io;
use std::path::Path;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use crate::engine::keys::stable_hash;
use crate::engine::platform::{host_parts, process_is_alive};

/// Every temporary file starts with this, so discovery never takes one for an image and a later run can find
/// the leftovers of a run that was killed.
pub const TEMP_PREFIX: &str = ".shrinkray-tmp-";

/// Reports of the version before this one, which named their temporary files apart.
const OLD_REPORT_PREFIX: &str = ".shrinkray-report-";

/// A leftover of another host (or one whose writer cannot be checked) is removed only once it is this old.
const FOREIGN_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

/// This host, boot and PID namespace, as 16 hex digits.
fn host_tag() -> &'static str {
    static TAG: OnceLock<String> = OnceLock::new();
    TAG.get_or_init(|| format!("{:016x}", stable_hash(host_parts().join("\n").as_bytes())))
}

/// A temporary file in `dir` named so a later run can tell whose it is (`kind`, such as `report-`, follows the
/// PID). On Unix it gets the usual permissions (0666 less the umask), not tempfile's private 0600, so a copy,
/// a report or the manifest can be read by whoever may read the folder.
pub(crate) fn temp_builder(dir: &Path, kind: &str) -> io::Result<tempfile::NamedTempFile> {
    let prefix = format!("{TEMP_PREFIX}{}-{}-{kind}", host_tag(), std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

/// A fresh temporary file name (not yet made): `kind`, then a number no other name of this process has had
/// and some of the clock, so names of processes that share a PID on different hosts rarely meet (a clash only
/// costs a retry: files are created with `O_EXCL`).
pub(crate) fn temp_name(kind: &str) -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let clock = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!(
        "{TEMP_PREFIX}{}-{}-{kind}{n:x}.{clock:08x}",
        host_tag(),
        std::process::id()
    )
}

/// Whose a leftover is, from its name: `Some((ours, pid))` for a current name (ours: this host, boot and
/// namespace), `None` for an older form.
fn owner(rest: &str) -> Option<(bool, u32)> {
    let mut parts = rest.split('-');
    let tag = parts.next()?;
    let pid = parts.next()?.parse::<u32>().ok()?;
    (tag.len() == 16 && tag.bytes().all(|b| b.is_ascii_hexdigit())).then(|| (tag == host_tag(), pid))
}

/// Removes the temporary files that dead runs left in `dir`; returns how many. Files of a run still going, in
/// this process or another, here or on another host, are left alone.
pub(crate) fn sweep_leftovers(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let now = SystemTime::now();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let rest = match (name.strip_prefix(TEMP_PREFIX), name.strip_prefix(OLD_REPORT_PREFIX)) {
            (Some(rest), _) => rest,
            (None, Some(_)) => "",
            (None, None) => continue,
        };
        // Only regular files: a folder or link with such a name is not Shrinkray's.
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let stale = match owner(rest) {
            Some((true, pid)) => pid != std::process::id() && !process_is_alive(pid),
            _ => meta
                .modified()
                .ok()
                .and_then(|m| now.duration_since(m).ok())
                .is_some_and(|age| age > FOREIGN_AFTER),
        };
        if stale && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn age(path: &Path, hours: u64) {
        let file = fs::File::options().write(true).open(path).unwrap();
        file.set_modified(SystemTime::now() - Duration::from_secs(hours * 3600))
            .unwrap();
    }

    #[test]
    fn only_dead_runs_of_this_host_go_at_once_and_others_after_a_day() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let dead = format!("{TEMP_PREFIX}{}-4000000-abc", host_tag());
        let live = format!("{TEMP_PREFIX}{}-{}-abc", host_tag(), std::process::id());
        let other_host = format!("{TEMP_PREFIX}00000000deadbeef-4000000-abc");
        let old_form = format!("{TEMP_PREFIX}4000000-abc");
        let old_other = format!("{TEMP_PREFIX}00000000deadbeef-1-x");
        for name in [&dead, &live, &other_host, &old_form, &old_other] {
            fs::write(d.join(name), b"x").unwrap();
        }
        age(&d.join(&old_other), 25);
        fs::create_dir(d.join(format!("{TEMP_PREFIX}{}-4000001-dir", host_tag()))).unwrap();
        assert_eq!(sweep_leftovers(d), 2);
        let mut left: Vec<String> = fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        let mut want = vec![
            live,
            other_host,
            old_form,
            format!("{TEMP_PREFIX}{}-4000001-dir", host_tag()),
        ];
        want.sort();
        assert_eq!(left, want);
    }
}
