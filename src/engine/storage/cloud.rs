//! Object stores through Apache's `object_store`: S3 (and what speaks its API), Google Cloud Storage and Azure
//! Blob Storage, configured from the environment as their own tools are (`AWS_ACCESS_KEY_ID`, `AWS_REGION`,
//! `AWS_ENDPOINT_URL`, `AWS_ALLOW_HTTP`, `GOOGLE_APPLICATION_CREDENTIALS`, `AZURE_STORAGE_ACCOUNT_NAME`…, or
//! an instance's own credentials). A custom endpoint is addressed path-style (`http://host/bucket/key`).
//!
//! `object_store` is async; the engine's workers are not. One small runtime per process (two threads, named
//! `shrinkray-io`) carries every request, and each worker waits for its own: the number of requests in flight
//! is the number of workers, as with files. Throttling (503 SlowDown) and other server errors are retried by
//! `object_store` with exponential backoff and jitter, up to ten times within three minutes.

use std::collections::HashMap;
use std::io;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::SystemTime;

use futures_util::StreamExt;
use futures_util::stream::BoxStream;
use object_store::path::Path as Key;
use object_store::{
    Attribute, GetOptions, GetRange, ObjectMeta, ObjectStore, ObjectStoreExt, PutOptions, PutPayload, UpdateVersion,
};

use super::kinds::{Listed, PutError, PutMode, ReadError, Stat};

/// The process's runtime for object requests.
fn runtime() -> io::Result<&'static tokio::runtime::Runtime> {
    static RUNTIME: OnceLock<Result<tokio::runtime::Runtime, String>> = OnceLock::new();
    RUNTIME
        .get_or_init(|| {
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .thread_name("shrinkray-io")
                .enable_all()
                .build()
                .map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|e| io::Error::other(format!("cannot start the object storage client: {e}")))
}

/// One object's URL, split: the store it is in (`s3://bucket`) and its key there.
struct Parsed {
    store: Arc<dyn ObjectStore>,
    /// `scheme://bucket`, the start of every URL of this store.
    base: String,
    key: Key,
}

/// The store and key of `url`. Keys are taken as written, like the cloud providers' own command-line tools:
/// `s3://b/my photos/a.jpg` is the key `my photos/a.jpg`, with no percent-decoding.
fn parse(url: &str) -> io::Result<Parsed> {
    let invalid = |why: &str| io::Error::new(io::ErrorKind::InvalidInput, format!("{why}: {url}"));
    let (scheme, rest) = url.split_once("://").ok_or_else(|| invalid("not a URL"))?;
    let scheme = scheme.to_ascii_lowercase();
    let (bucket, key) = rest.split_once('/').unwrap_or((rest, ""));
    if bucket.is_empty() {
        return Err(invalid("the URL names no bucket"));
    }
    let key = key.trim_end_matches('/');
    let key = if key.is_empty() {
        Key::default()
    } else {
        Key::parse(key).map_err(|e| invalid(&format!("not an object key ({e})")))?
    };
    let base = format!("{scheme}://{bucket}");
    Ok(Parsed {
        store: store(&scheme, bucket, &base)?,
        base,
        key,
    })
}

/// The client of one bucket (or container), made once per process.
fn store(scheme: &str, bucket: &str, base: &str) -> io::Result<Arc<dyn ObjectStore>> {
    static STORES: OnceLock<Mutex<HashMap<String, Arc<dyn ObjectStore>>>> = OnceLock::new();
    let stores = STORES.get_or_init(Mutex::default);
    // A panic while a client was being made (in another image's worker) leaves the map as it was: go on.
    let mut stores = stores.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(store) = stores.get(base) {
        return Ok(Arc::clone(store));
    }
    // rustls needs its cryptography chosen once per process, before the first client: ring, as object_store
    // signs with. (Its lack of post-quantum key exchange is why rustls deprecates it; aws-lc-rs would need
    // cmake.) Another provider already chosen is as good.
    #[allow(deprecated)]
    let _ = rustls::crypto::ring::default_provider().install_default();
    let made: object_store::Result<Arc<dyn ObjectStore>> = match scheme {
        "s3" => object_store::aws::AmazonS3Builder::from_env()
            .with_bucket_name(bucket)
            .build()
            .map(|s| Arc::new(s) as _),
        "gs" => object_store::gcp::GoogleCloudStorageBuilder::from_env()
            .with_bucket_name(bucket)
            .build()
            .map(|s| Arc::new(s) as _),
        _ => object_store::azure::MicrosoftAzureBuilder::from_env()
            .with_container_name(bucket)
            .build()
            .map(|s| Arc::new(s) as _),
    };
    let made = made.map_err(|e| io::Error::other(format!("cannot reach the object store: {e}")))?;
    stores.insert(base.to_owned(), Arc::clone(&made));
    Ok(made)
}

/// `object_store`'s error as an I/O error of the same kind, so a missing object reads as a missing file.
fn io_error(e: object_store::Error) -> io::Error {
    let kind = match &e {
        object_store::Error::NotFound { .. } => io::ErrorKind::NotFound,
        object_store::Error::AlreadyExists { .. } | object_store::Error::Precondition { .. } => {
            io::ErrorKind::AlreadyExists
        }
        object_store::Error::PermissionDenied { .. } | object_store::Error::Unauthenticated { .. } => {
            io::ErrorKind::PermissionDenied
        }
        _ => io::ErrorKind::Other,
    };
    // object_store's message names the store and key already; the caller adds the URL last.
    io::Error::new(kind, e.to_string())
}

fn stat_of(meta: &ObjectMeta) -> Stat {
    Stat {
        len: meta.size,
        modified: Some(SystemTime::from(meta.last_modified)),
        version: meta.e_tag.clone(),
    }
}

fn block_on<T>(f: impl Future<Output = object_store::Result<T>>) -> io::Result<T> {
    runtime()?.block_on(f).map_err(io_error)
}

pub(super) fn head(url: &str) -> io::Result<Stat> {
    let p = parse(url)?;
    // A bucket's own URL is no object (a HEAD there asks about the bucket).
    if p.key.as_ref().is_empty() {
        return Err(io::Error::new(io::ErrorKind::NotFound, "a bucket is not an object"));
    }
    block_on(p.store.head(&p.key)).map(|m| stat_of(&m))
}

pub(super) fn get(url: &str, max: u64) -> Result<Vec<u8>, ReadError> {
    let p = parse(url)?;
    // The size comes with the response's headers: a file over the limit is refused before its body is read.
    let got = block_on(p.store.get(&p.key))?;
    if got.meta.size > max {
        return Err(ReadError::TooLarge(got.meta.size));
    }
    Ok(block_on(got.bytes()).map(Vec::from)?)
}

pub(super) fn get_first(url: &str, n: u64) -> io::Result<(Vec<u8>, u64)> {
    let p = parse(url)?;
    let options = GetOptions {
        range: Some(GetRange::Bounded(0..n)),
        ..GetOptions::default()
    };
    let got = block_on(p.store.get_opts(&p.key, options));
    match got {
        Ok(got) => {
            let size = got.meta.size;
            Ok((Vec::from(block_on(got.bytes())?), size))
        }
        // An empty object has no byte 0 to ask for; a HEAD tells it from a missing one.
        Err(e) => match head(url) {
            Ok(stat) if stat.len == 0 => Ok((Vec::new(), 0)),
            _ => Err(e),
        },
    }
}

pub(super) fn get_range(url: &str, range: Range<u64>) -> io::Result<Vec<u8>> {
    let p = parse(url)?;
    block_on(p.store.get_range(&p.key, range)).map(Vec::from)
}

pub(super) fn put(url: &str, bytes: &[u8], mode: PutMode, made_from: Option<&str>) -> Result<(), PutError> {
    let p = parse(url)?;
    let mode = match mode {
        PutMode::Create => object_store::PutMode::Create,
        PutMode::Replace(e_tag) => object_store::PutMode::Update(UpdateVersion {
            e_tag: Some(e_tag),
            version: None,
        }),
    };
    let payload = PutPayload::from(bytes.to_vec());
    let mut options = PutOptions::from(mode);
    if let Some(tag) = made_from {
        options
            .attributes
            .insert(Attribute::Metadata(MADE_FROM.into()), tag.to_owned().into());
    }
    let put = runtime()?.block_on(p.store.put_opts(&p.key, payload, options));
    match put {
        // The manifest asks for the copy's ETag with a HEAD when it records it.
        Ok(_) => Ok(()),
        Err(object_store::Error::AlreadyExists { .. } | object_store::Error::Precondition { .. }) => {
            Err(PutError::Taken)
        }
        Err(e) => Err(PutError::Io(io_error(e))),
    }
}

/// The user metadata (`x-amz-meta-…`) a copy carries: what it was made from.
const MADE_FROM: &str = "shrinkray-made-from";

pub(super) fn made_from(url: &str) -> io::Result<(Stat, Option<String>)> {
    let p = parse(url)?;
    let options = GetOptions {
        head: true,
        ..GetOptions::default()
    };
    let got = block_on(p.store.get_opts(&p.key, options))?;
    let tag = got
        .attributes
        .get(&Attribute::Metadata(MADE_FROM.into()))
        .map(|v| v.as_ref().to_owned());
    Ok((stat_of(&got.meta), tag))
}

pub(super) fn delete(url: &str) -> io::Result<()> {
    let p = parse(url)?;
    block_on(p.store.delete(&p.key))
}

/// The objects below a prefix, a page (1,000 keys on S3) at a time.
pub(crate) struct Listing {
    stream: BoxStream<'static, object_store::Result<ObjectMeta>>,
    base: String,
    /// The prefix's key, to tell what lies directly below it.
    prefix: String,
    recursive: bool,
}

pub(super) fn list(url: &str, recursive: bool) -> io::Result<Listing> {
    let p = parse(url)?;
    let prefix = p.key.as_ref().to_owned();
    let stream = p.store.list(Some(&p.key));
    Ok(Listing {
        stream,
        base: p.base,
        prefix,
        recursive,
    })
}

impl Iterator for Listing {
    type Item = io::Result<Listed>;

    fn next(&mut self) -> Option<Self::Item> {
        let runtime = match runtime() {
            Ok(r) => r,
            Err(e) => return Some(Err(e)),
        };
        loop {
            let meta = match runtime.block_on(self.stream.next())? {
                Ok(meta) => meta,
                Err(e) => return Some(Err(io_error(e))),
            };
            let key = meta.location.as_ref();
            let below = key.strip_prefix(&self.prefix).unwrap_or(key).trim_start_matches('/');
            if !self.recursive && below.contains('/') {
                continue;
            }
            return Some(Ok(Listed {
                url: format!("{}/{}", self.base, key),
                stat: stat_of(&meta),
            }));
        }
    }
}
