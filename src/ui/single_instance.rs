//! One window: a launch while Shrinkray runs hands its paths (and preset) to the running window and exits.
//!
//! File managers start one process per selected file (or per folder), so 200 selected photos may be 200
//! launches within a second. Each launch takes a lock file in the user's runtime folder, then either delivers
//! its selection to the endpoint there (a Unix socket; a named pipe on Windows) or, when none answers, becomes
//! the endpoint itself. The lock makes the check-then-bind one step, so exactly one launch opens a window. An
//! endpoint that accepts but does not answer within a second is stale (a hung or killed app) and is taken over.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crossbeam_channel::Sender;
use interprocess::local_socket::{Listener, ListenerOptions, Stream, prelude::*};

/// How long a running window has to answer before it counts as stale.
const ANSWER_WITHIN: Duration = Duration::from_secs(1);

/// What the first bytes of a hand-off say, so a stray connection is not taken for one.
const MAGIC: &[u8] = b"shrinkray-open-1";

/// The largest hand-off read: a selection of tens of thousands of long paths.
const MAX_MESSAGE: u64 = 64 << 20;

/// A selection handed to the running window.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Handoff {
    /// The preset to run it with (`--preset NAME`), if any.
    pub preset: Option<String>,
    /// The files and folders, absolute.
    pub paths: Vec<PathBuf>,
}

/// Where the user's running window listens: a folder only this user can use.
#[derive(Clone, Debug)]
pub struct Place {
    dir: PathBuf,
}

impl Place {
    /// The user's: `SHRINKRAY_RUNTIME_DIR`, else `$XDG_RUNTIME_DIR` (per user and per session on Linux), else
    /// the user's temporary folder (per user on Windows and macOS).
    pub fn for_user() -> Self {
        let dir = std::env::var_os("SHRINKRAY_RUNTIME_DIR")
            .or_else(|| std::env::var_os("XDG_RUNTIME_DIR"))
            .map_or_else(std::env::temp_dir, PathBuf::from);
        Self { dir }
    }

    /// The endpoint in `dir` (tests).
    pub fn in_dir(dir: &Path) -> Self {
        Self { dir: dir.to_owned() }
    }

    fn lock_path(&self) -> PathBuf {
        self.dir.join(format!("shrinkray-{}.lock", user_tag()))
    }

    #[cfg(not(windows))]
    fn socket_path(&self) -> PathBuf {
        self.dir.join(format!("shrinkray-{}.sock", user_tag()))
    }

    fn name(&self) -> io::Result<interprocess::local_socket::Name<'static>> {
        #[cfg(windows)]
        {
            // A named pipe lives in one namespace for the machine: the folder's hash keeps users (each with their
            // own temporary folder) and tests apart.
            use interprocess::local_socket::GenericNamespaced;
            let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
            for b in self.dir.to_string_lossy().bytes() {
                hash = (hash ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
            }
            format!("shrinkray-{hash:016x}").to_ns_name::<GenericNamespaced>()
        }
        #[cfg(not(windows))]
        {
            use interprocess::local_socket::GenericFilePath;
            self.socket_path().to_fs_name::<GenericFilePath>()
        }
    }
}

/// The user's id on Unix (so a shared temporary folder still gives each user their own endpoint); on Windows
/// the folder is the user's already.
fn user_tag() -> String {
    #[cfg(unix)]
    {
        // SAFETY: getuid cannot fail and has no preconditions.
        unsafe { libc::getuid() }.to_string()
    }
    #[cfg(not(unix))]
    {
        "user".to_owned()
    }
}

/// What a launch found.
pub enum Claim {
    /// No window was running: this launch is the one, and listens here.
    Primary(Endpoint),
    /// A running window took the selection; this launch should exit.
    HandedOff,
}

/// The running window's listening endpoint.
pub struct Endpoint {
    listener: Listener,
}

impl Endpoint {
    /// Listens on a thread of its own: every hand-off goes to `tx`, then `wake` is called (to repaint the
    /// window, which drains the channel).
    pub fn serve(self, tx: Sender<Handoff>, wake: impl Fn() + Send + Sync + 'static) -> io::Result<()> {
        let wake = std::sync::Arc::new(wake);
        std::thread::Builder::new()
            .name("shrinkray-instance".to_owned())
            .spawn(move || {
                for conn in self.listener.incoming() {
                    let Ok(conn) = conn else { continue };
                    let (tx, wake) = (tx.clone(), std::sync::Arc::clone(&wake));
                    // Each launch on a short-lived thread of its own: one that connects and says nothing cannot
                    // hold up the others (a named pipe has no read timeout).
                    let _ = std::thread::Builder::new()
                        .name("shrinkray-handoff".to_owned())
                        .spawn(move || {
                            let mut conn = conn;
                            if let Ok(handoff) = read_handoff(&mut conn) {
                                // Answered first, so the launch can exit while the window takes the paths in.
                                let _ = conn.write_all(b"k");
                                if tx.send(handoff).is_ok() {
                                    wake();
                                }
                            }
                        });
                }
            })
            .map(|_| ())
    }
}

/// Hands `handoff` to the running window, or becomes it.
pub fn claim(place: &Place, handoff: &Handoff) -> io::Result<Claim> {
    std::fs::create_dir_all(&place.dir)?;
    let lock = crate::engine::open_lock_file(&place.lock_path())?;
    // Held until this launch has either delivered its selection or is listening itself.
    lock.lock()?;
    let name = place.name()?;
    if let Ok(stream) = Stream::connect(name.clone())
        && deliver(stream, handoff).is_ok()
    {
        return Ok(Claim::HandedOff);
    }
    // Nobody answered: what is there (a killed app's socket file, a hung app) is stale.
    #[cfg(unix)]
    crate::engine::remove_stale_socket(&place.socket_path())?;
    let listener = ListenerOptions::new().name(name).create_sync()?;
    Ok(Claim::Primary(Endpoint { listener }))
}

/// Sends the hand-off and waits at most `ANSWER_WITHIN` for the window's answer. The exchange runs on a thread
/// of its own, as a named pipe has no timeouts: a window that never answers leaves that thread waiting, and this
/// launch goes on.
fn deliver(mut stream: Stream, handoff: &Handoff) -> io::Result<()> {
    let message = encode(handoff);
    let (tx, rx) = crossbeam_channel::bounded(1);
    std::thread::Builder::new()
        .name("shrinkray-deliver".to_owned())
        .spawn(move || {
            let mut exchange = || -> io::Result<[u8; 1]> {
                stream.write_all(&(message.len() as u64).to_le_bytes())?;
                stream.write_all(&message)?;
                let mut answer = [0u8; 1];
                stream.read_exact(&mut answer)?;
                Ok(answer)
            };
            let _ = tx.send(exchange());
        })?;
    match rx.recv_timeout(ANSWER_WITHIN) {
        Ok(Ok(answer)) if answer == *b"k" => Ok(()),
        Ok(Ok(_)) => Err(io::Error::new(io::ErrorKind::InvalidData, "unexpected answer")), // not translated: the hand-off's errors go to stderr
        Ok(Err(e)) => Err(e),
        Err(_) => Err(io::Error::new(
            io::ErrorKind::TimedOut,
            "the running window did not answer", // not translated: the hand-off's errors go to stderr
        )),
    }
}

fn read_handoff(conn: &mut Stream) -> io::Result<Handoff> {
    // Where the platform has them (not for named pipes), a launch that stops talking is dropped.
    let _ = conn.set_recv_timeout(Some(ANSWER_WITHIN));
    let _ = conn.set_send_timeout(Some(ANSWER_WITHIN));
    let mut len = [0u8; 8];
    conn.read_exact(&mut len)?;
    let len = u64::from_le_bytes(len);
    if len > MAX_MESSAGE {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "hand-off too large")); // not translated: the hand-off's errors go to stderr
    }
    let mut message = Vec::new();
    conn.take(len).read_to_end(&mut message)?;
    decode(&message).ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "not a hand-off")) // not translated: the hand-off's errors go to stderr
}

/// `MAGIC`, then NUL-terminated fields: `preset`, the name (or `-` and nothing), then each path.
fn encode(handoff: &Handoff) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.push(0);
    match &handoff.preset {
        Some(name) => {
            out.extend_from_slice(b"preset\0");
            out.extend_from_slice(name.as_bytes());
        }
        None => out.extend_from_slice(b"-\0"),
    }
    out.push(0);
    for path in &handoff.paths {
        out.extend_from_slice(&path_bytes(path));
        out.push(0);
    }
    out
}

fn decode(message: &[u8]) -> Option<Handoff> {
    let mut fields = message.split(|b| *b == 0);
    if fields.next()? != MAGIC {
        return None;
    }
    let preset = match fields.next()? {
        b"preset" => Some(String::from_utf8(fields.next()?.to_vec()).ok()?),
        b"-" => {
            fields.next()?;
            None
        }
        _ => return None,
    };
    let paths = fields.filter(|f| !f.is_empty()).map(bytes_path).collect();
    Some(Handoff { preset, paths })
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

#[cfg(unix)]
fn bytes_path(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

// Windows paths are UTF-16; those a file manager passes are valid Unicode, which UTF-8 carries whole.
#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Vec<u8> {
    path.to_string_lossy().into_owned().into_bytes()
}

#[cfg(not(unix))]
fn bytes_path(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_handoff_survives_the_wire() {
        let handoff = Handoff {
            preset: Some("Web 1920".to_owned()),
            paths: vec![PathBuf::from("/home/a/Été 2026/b c.jpg"), PathBuf::from("/x")],
        };
        assert_eq!(decode(&encode(&handoff)), Some(handoff));
        let plain = Handoff {
            preset: None,
            paths: vec![PathBuf::from("/y")],
        };
        assert_eq!(decode(&encode(&plain)), Some(plain));
        assert_eq!(decode(b"something else\0-\0\0/y\0"), None);
    }
}
