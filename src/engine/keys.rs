//! Stable keys: a path as the manifest writes it, a hash that is the same on every machine and in every run,
//! and the fingerprint of the settings that shape a copy.

use std::path::{Component, Path};

use super::settings::{Collision, Limits, Settings};

/// Raised when the same settings start giving different copies (a codec or a default changed), so copies made
/// before are made again.
const OUTPUT_REVISION: u32 = 1;

/// A relative path as a manifest key: its normal components joined by `/` on every system.
pub(crate) fn relative_key(path: &Path) -> String {
    let mut key = String::new();
    for part in path.components() {
        if let Component::Normal(name) = part {
            if !key.is_empty() {
                key.push('/');
            }
            key.push_str(&name.to_string_lossy());
        }
    }
    key
}

/// A fingerprint of the settings that shape a copy: its pixels, its bytes, its name and its date. Left out are
/// those that only decide which files are taken or how the run goes (threads, recursion, collisions, limits,
/// the output folder, incremental mode itself).
pub(crate) fn fingerprint(settings: &Settings) -> String {
    let shaping = Settings {
        output_dir: None,
        threads: None,
        recursive: true,
        on_collision: Collision::default(),
        limits: Limits::default(),
        update: false,
        ..settings.clone()
    };
    let text = serde_json::to_string(&shaping).unwrap_or_default();
    format!("{OUTPUT_REVISION}-{:016x}", stable_hash(text.as_bytes()))
}

/// FNV-1a, 64 bits: the same on every machine and in every run, unlike the standard library's hasher, so
/// manifests and shards agree across machines.
pub(crate) fn stable_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_follows_what_shapes_a_copy_only() {
        let base = Settings::default();
        let fp = fingerprint(&base);
        let threads = Settings {
            threads: std::num::NonZeroUsize::new(3),
            output_dir: Some("x".into()),
            ..base.clone()
        };
        assert_eq!(fingerprint(&threads), fp);
        assert_ne!(fingerprint(&Settings { quality: 70, ..base }), fp);
        assert_eq!(stable_hash(b"a"), 0xaf63_dc4c_8601_ec8c, "FNV-1a's published value");
    }
}
