//! A real S3 API for the object storage tests: moto in server mode (installed by `./run test` into
//! `target/s3-server`), one server per test on a free port, and a loopback proxy in front of it that can answer
//! 503 SlowDown (which moto cannot) or stall an upload halfway, counting what passes.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// moto's environment: `SHRINKRAY_S3_SERVER` (a folder with `bin/moto_server`), else `target/s3-server`.
fn venv() -> PathBuf {
    let dir = std::env::var_os("SHRINKRAY_S3_SERVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/s3-server"));
    assert!(
        dir.join("bin/moto_server").exists(),
        "no S3 server for the object storage tests at {}: `./run test` installs moto there (pip install 'moto[server]')",
        dir.display()
    );
    dir
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A moto server, stopped when dropped.
pub struct S3 {
    child: Child,
    pub port: u16,
}

impl S3 {
    /// Starts a server with bucket `bucket`.
    pub fn start(bucket: &str) -> S3 {
        let port = free_port();
        let child = Command::new(venv().join("bin/moto_server"))
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start moto_server");
        let s3 = S3 { child, port };
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "moto_server did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        s3.py(&["mkbucket", bucket]);
        s3
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Runs the side door (`s3.py`) and returns what it printed.
    pub fn py(&self, args: &[&str]) -> String {
        let out = Command::new(venv().join("bin/python"))
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/common/s3.py"))
            .arg(self.endpoint())
            .args(args)
            .output()
            .expect("run s3.py");
        assert!(
            out.status.success(),
            "s3.py {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Puts `bytes` as the object `key` of `bucket`, as someone else would.
    pub fn put_bytes(&self, bucket: &str, key: &str, bytes: &[u8]) {
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), bytes).unwrap();
        self.py(&["put", bucket, key, file.path().to_str().unwrap()]);
    }

    /// Every object below `prefix`: key -> (size, ETag).
    pub fn list(&self, bucket: &str, prefix: &str) -> BTreeMap<String, (u64, String)> {
        self.py(&["list", bucket, prefix])
            .lines()
            .map(|line| {
                let mut parts = line.split('\t');
                let key = parts.next().unwrap().to_owned();
                let size = parts.next().unwrap().parse().unwrap();
                (key, (size, parts.next().unwrap().to_owned()))
            })
            .collect()
    }
}

impl Drop for S3 {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `shrinkray-cli` with `args`, talking to the S3 API at `endpoint` as `AWS_*` variables tell any S3 tool.
pub fn cli_at(endpoint: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_shrinkray-cli"));
    cmd.env("LC_ALL", "C")
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .env("AWS_REGION", "us-east-1")
        .env("AWS_ENDPOINT_URL", endpoint)
        .env("AWS_ALLOW_HTTP", "true")
        .env_remove("AWS_PROFILE")
        .args(args);
    cmd
}

/// What the proxy does to requests.
#[derive(Default)]
pub struct Rules {
    /// Every `n`th request is answered 503 SlowDown without reaching the server.
    pub throttle_every: Option<usize>,
    /// A PUT whose key contains this sends half its body to the server, then hangs until `release`.
    pub stall_put: Option<String>,
    /// Just before a PUT whose key contains this reaches the server, someone else's object is put there.
    pub plant_before_put: Option<String>,
}

/// What `plant_before_put` puts.
pub const PLANTED: &[u8] = b"someone else's object, put after the plan looked";

/// A loopback HTTP proxy before the server: one request per connection, passed on whole.
pub struct Proxy {
    pub port: u16,
    /// Requests seen, by method.
    pub seen: Arc<Mutex<BTreeMap<String, usize>>>,
    /// 503s answered.
    pub throttled: Arc<AtomicUsize>,
    /// Set once a stalled PUT has sent half its body on.
    pub stalled: Arc<AtomicBool>,
    /// Lets stalled PUTs go: their connection to the server is closed, the rest of the body never sent.
    pub release: Arc<AtomicBool>,
}

impl Proxy {
    pub fn start(upstream: u16, rules: Rules) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let proxy = Proxy {
            port,
            seen: Arc::default(),
            throttled: Arc::default(),
            stalled: Arc::default(),
            release: Arc::default(),
        };
        let rules = Arc::new(rules);
        let count = Arc::new(AtomicUsize::new(0));
        let (seen, throttled, stalled, release) = (
            Arc::clone(&proxy.seen),
            Arc::clone(&proxy.throttled),
            Arc::clone(&proxy.stalled),
            Arc::clone(&proxy.release),
        );
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let (rules, count, seen, throttled, stalled, release) = (
                    Arc::clone(&rules),
                    Arc::clone(&count),
                    Arc::clone(&seen),
                    Arc::clone(&throttled),
                    Arc::clone(&stalled),
                    Arc::clone(&release),
                );
                std::thread::spawn(move || {
                    let _ = serve(client, upstream, &rules, &count, &seen, &throttled, &stalled, &release);
                });
            }
        });
        proxy
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn count(&self, method: &str) -> usize {
        self.seen.lock().unwrap().get(method).copied().unwrap_or(0)
    }
}

#[allow(clippy::too_many_arguments)]
fn serve(
    client: TcpStream,
    upstream: u16,
    rules: &Rules,
    count: &AtomicUsize,
    seen: &Mutex<BTreeMap<String, usize>>,
    throttled: &AtomicUsize,
    stalled: &AtomicBool,
    release: &AtomicBool,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(client.try_clone()?);
    let mut client = client;
    loop {
        // One request: its head, then its body by Content-Length.
        let mut head = Vec::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line)? == 0 {
                return Ok(());
            }
            let end = line == "\r\n";
            head.push(line);
            if end {
                break;
            }
        }
        let length: usize = head
            .iter()
            .find_map(|l| {
                let (name, value) = l.split_once(':')?;
                name.eq_ignore_ascii_case("content-length")
                    .then(|| value.trim().parse().ok())?
            })
            .unwrap_or(0);
        let mut body = vec![0; length];
        reader.read_exact(&mut body)?;
        let method = head[0].split(' ').next().unwrap_or_default().to_owned();
        *seen.lock().unwrap().entry(method.clone()).or_default() += 1;
        let n = count.fetch_add(1, Ordering::SeqCst) + 1;
        if rules.throttle_every.is_some_and(|every| n.is_multiple_of(every)) {
            throttled.fetch_add(1, Ordering::SeqCst);
            let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>";
            write!(
                client,
                "HTTP/1.1 503 Slow Down\r\nContent-Type: application/xml\r\nContent-Length: {}\r\n\r\n{xml}",
                xml.len()
            )?;
            continue;
        }
        if method == "PUT" && rules.plant_before_put.as_deref().is_some_and(|k| head[0].contains(k)) {
            let target = head[0].split(' ').nth(1).unwrap_or_default();
            let mut planter = TcpStream::connect(("127.0.0.1", upstream))?;
            write!(
                planter,
                "PUT {target} HTTP/1.1\r\nHost: 127.0.0.1:{upstream}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                PLANTED.len()
            )?;
            planter.write_all(PLANTED)?;
            planter.read_to_end(&mut Vec::new())?;
        }
        let mut server = TcpStream::connect(("127.0.0.1", upstream))?;
        let request_head: String = head
            .iter()
            .filter(|l| !l.to_ascii_lowercase().starts_with("connection:"))
            .map(|l| {
                if l == "\r\n" {
                    "Connection: close\r\n\r\n"
                } else {
                    l.as_str()
                }
            })
            .collect();
        server.write_all(request_head.as_bytes())?;
        let stall = method == "PUT" && rules.stall_put.as_deref().is_some_and(|k| head[0].contains(k));
        if stall {
            server.write_all(&body[..body.len() / 2])?;
            server.flush()?;
            stalled.store(true, Ordering::SeqCst);
            while !release.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(20));
            }
            // The upload dies halfway: the server never gets the rest.
            drop(server);
            return Ok(());
        }
        server.write_all(&body)?;
        let mut response = Vec::new();
        server.read_to_end(&mut response)?;
        client.write_all(&response)?;
    }
}
