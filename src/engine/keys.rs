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

/// Settings fields added after the first manifests, as they serialise at their defaults. A new field that
/// shapes copies goes here with its default (and its default must then never change without bumping
/// `OUTPUT_REVISION`).
const ADDED_AT_DEFAULT: [&str; 9] = [
    "\"min_score\":null,",
    "\"sharpen\":false,",
    "\"progressive\":false,",
    "\"subsampling\":\"auto\",",
    "\"jxl_effort\":7,",
    "\"optimize_jpeg\":false,",
    "\"only_if_needed\":false,",
    "\"dpi\":null,",
    "\"jpeg_encoder\":\"auto\",",
];

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
    let mut text = serde_json::to_string(&shaping).unwrap_or_default();
    // Settings added since manifests were first written leave the text as it was while they keep their
    // defaults, so an upgrade does not make every recorded copy stale (they would come out the same).
    for added in ADDED_AT_DEFAULT {
        text = text.replacen(added, "", 1);
    }
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

    #[test]
    fn settings_added_later_leave_earlier_fingerprints_alone_until_used() {
        // What 0.1's manifests recorded for the default settings (a run of `shrinkray-cli --out DIR` before
        // quality by look, sharpening and the JPEG options existed): an upgrade must not make every copy stale.
        let base = Settings::default();
        assert_eq!(fingerprint(&base), "1-509e4c1aa4000e8a");
        for changed in [
            Settings {
                min_score: Some(80.0),
                ..base.clone()
            },
            Settings {
                sharpen: true,
                ..base.clone()
            },
            Settings {
                progressive: true,
                ..base.clone()
            },
            Settings {
                subsampling: crate::engine::Subsampling::S444,
                ..base.clone()
            },
            Settings {
                jxl_effort: 9,
                ..base.clone()
            },
        ] {
            assert_ne!(fingerprint(&changed), fingerprint(&base), "{changed:?}");
        }
    }
}
