//! EXIF, XMP and IPTC: read from the input, made true of the copy, and written where the output format can
//! hold them (JPEG all three; PNG and WebP EXIF and XMP, where IPTC's fields live in XMP anyway). Its rooms:
//! `exif` (reading and editing EXIF), `exif_fit` (rebuilding a block too large for one JPEG segment),
//! `colour` (ICC profiles and the conversion to sRGB), `cicp` (profiles for H.273 colour codes) and
//! `jpeg_segments` (JPEG's APPn segments). Metadata never names `formats/`, `pipeline/` or `plan/`.

#[cfg(feature = "heif")]
pub(crate) mod cicp;
pub(crate) mod colour;
pub(crate) mod exif;
pub(crate) mod exif_fit;
pub(crate) mod jpeg_segments;

/// The metadata carried from an input to its copy, besides the colour profile.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Metadata {
    /// EXIF as a TIFF block (starting `II*\0` or `MM\0*`).
    pub exif: Option<Vec<u8>>,
    /// An XMP packet (XML).
    pub xmp: Option<Vec<u8>>,
    /// Photoshop image resources (a JPEG's APP13 after `Photoshop 3.0\0`), holding the IPTC record.
    pub iptc: Option<Vec<u8>>,
}

/// What a copy carries besides its pixels.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tags {
    /// The colour profile, byte for byte.
    pub icc: Option<Vec<u8>>,
    /// EXIF, XMP and IPTC, already made true of the copy.
    pub metadata: Metadata,
}

/// What to keep of the metadata, from the settings.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Keep {
    /// Keep EXIF, XMP and IPTC at all.
    pub metadata: bool,
    /// Keep the location (EXIF's GPS directory, XMP's `exif:GPS…` properties).
    pub location: bool,
}

const EXIF_PREFIX: &[u8] = b"Exif\0\0";
const XMP_PREFIX: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
const PHOTOSHOP_PREFIX: &[u8] = b"Photoshop 3.0\0";

impl Metadata {
    /// The metadata of a JPEG, from its APP1 and APP13 segments.
    pub fn from_jpeg(data: &[u8]) -> Self {
        let mut m = Self::default();
        for (marker, body) in crate::engine::metadata::jpeg_segments::header_segments(data) {
            match marker {
                0xE1 if m.exif.is_none() && body.starts_with(EXIF_PREFIX) => {
                    m.exif = Some(body[EXIF_PREFIX.len()..].to_vec());
                }
                0xE1 if m.xmp.is_none() && body.starts_with(XMP_PREFIX) => {
                    m.xmp = Some(body[XMP_PREFIX.len()..].to_vec());
                }
                0xED if m.iptc.is_none() && body.starts_with(PHOTOSHOP_PREFIX) => {
                    m.iptc = Some(body[PHOTOSHOP_PREFIX.len()..].to_vec());
                }
                _ => {}
            }
        }
        m
    }

    /// The metadata an `image` decoder (PNG, WebP, TIFF) finds; unreadable parts are left out.
    pub fn from_decoder(decoder: &mut impl image::ImageDecoder) -> Self {
        let exif = decoder.exif_metadata().ok().flatten().map(|mut e| {
            // Some WebP writers keep JPEG's prefix in the EXIF chunk.
            if e.starts_with(EXIF_PREFIX) {
                e.drain(..EXIF_PREFIX.len());
            }
            e
        });
        Self {
            exif,
            xmp: decoder.xmp_metadata().ok().flatten(),
            iptc: None,
        }
    }

    /// Makes the metadata true of a copy of `size` pixels that is upright: orientation 1, pixel dimensions
    /// updated, the EXIF thumbnail dropped; and keeps only what `keep` asks for.
    pub fn for_copy(mut self, size: (u32, u32), keep: Keep) -> Self {
        if !keep.metadata {
            return Self::default();
        }
        let edit = exif::Edit {
            size,
            remove_location: !keep.location,
        };
        self.exif = self.exif.and_then(|mut e| exif::edit(&mut e, edit).map(|()| e));
        self.xmp = self.xmp.and_then(|x| xmp_for_copy(&x, keep.location));
        self.iptc = self.iptc.map(|p| without_thumbnails(&p));
        self
    }

    /// The segments that carry this metadata in a JPEG: EXIF's APP1, then XMP's APP1 and IPTC's APP13.
    pub fn jpeg_segments(&self) -> (Vec<u8>, Vec<u8>) {
        let segment = |out: &mut Vec<u8>, marker: u8, prefix: &[u8], body: &[u8]| {
            let len = 2 + prefix.len() + body.len();
            // A segment holds at most 65,533 bytes; larger XMP or IPTC (rare) is left out rather than cut.
            if let Ok(len) = u16::try_from(len) {
                out.extend_from_slice(&[0xFF, marker]);
                out.extend_from_slice(&len.to_be_bytes());
                out.extend_from_slice(prefix);
                out.extend_from_slice(body);
            }
        };
        let (mut exif, mut rest) = (Vec::new(), Vec::new());
        // EXIF too large for its one segment loses its maker note, then its largest values, rather than all.
        if let Some(e) = self
            .exif
            .as_deref()
            .and_then(|e| exif_fit::fit(e, exif_fit::JPEG_EXIF_MAX))
        {
            segment(&mut exif, 0xE1, EXIF_PREFIX, &e);
        }
        if let Some(x) = &self.xmp {
            segment(&mut rest, 0xE1, XMP_PREFIX, x);
        }
        if let Some(p) = &self.iptc {
            segment(&mut rest, 0xED, PHOTOSHOP_PREFIX, p);
        }
        (exif, rest)
    }

    /// Puts this metadata into an encoded PNG, right after its header chunk: EXIF as `eXIf`, XMP as the
    /// `iTXt` chunk Adobe's XMP specification names.
    pub fn insert_into_png(&self, png: &mut Vec<u8>) {
        // Signature (8) + IHDR chunk (4 + 4 + 13 + 4).
        const AFTER_IHDR: usize = 33;
        if png.len() < AFTER_IHDR || &png[12..16] != b"IHDR" {
            return;
        }
        let mut chunks = Vec::new();
        if let Some(e) = &self.exif {
            png_chunk(&mut chunks, b"eXIf", &[e]);
        }
        if let Some(x) = &self.xmp {
            // Keyword, then: not compressed, no method, no language tag, no translated keyword.
            png_chunk(&mut chunks, b"iTXt", &[b"XML:com.adobe.xmp\0\0\0\0\0", x]);
        }
        png.splice(AFTER_IHDR..AFTER_IHDR, chunks);
    }
}

fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], parts: &[&[u8]]) {
    let len: usize = parts.iter().map(|p| p.len()).sum();
    let Ok(len) = u32::try_from(len) else { return };
    out.extend_from_slice(&len.to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    for p in parts {
        out.extend_from_slice(p);
    }
    let crc = crc32fast::hash(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// An XMP packet made true of an upright copy (`tiff:Orientation` 1), without its `exif:GPS…` properties
/// unless the location is kept. A packet that is not UTF-8 cannot be edited safely and is dropped when the
/// location must go.
fn xmp_for_copy(xmp: &[u8], keep_location: bool) -> Option<Vec<u8>> {
    let Ok(text) = std::str::from_utf8(xmp) else {
        return keep_location.then(|| xmp.to_vec());
    };
    let mut text = set_property(text, "tiff:Orientation", "1");
    if !keep_location {
        text = remove_properties(&text, "exif:GPS");
    }
    Some(text.into_bytes())
}

/// Sets every `name="…"` attribute and `<name>…</name>` element to `value`.
fn set_property(text: &str, name: &str, value: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(name) {
        let (before, at) = rest.split_at(i);
        out.push_str(before);
        let after = &at[name.len()..];
        let ends_name = !after.starts_with(|c: char| c.is_alphanumeric() || c == ':' || c == '_');
        let close = if after.starts_with("=\"") {
            Some(('"', 2))
        } else if after.starts_with("='") {
            Some(('\'', 2))
        } else if after.starts_with('>') && before.ends_with('<') {
            Some(('<', 1))
        } else {
            None
        };
        match close {
            Some((q, skip)) if ends_name => match after[skip..].find(q) {
                Some(end) => {
                    out.push_str(name);
                    out.push_str(&after[..skip]);
                    out.push_str(value);
                    rest = &after[skip + end..];
                }
                None => {
                    out.push_str(at);
                    rest = "";
                }
            },
            _ => {
                out.push_str(name);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Removes every attribute `prefix…="…"` and element `<prefix…>…</prefix…>` (with its contents).
fn remove_properties(text: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(prefix) {
        let (before, at) = rest.split_at(i);
        let name_len = at
            .find(|c: char| !(c.is_alphanumeric() || c == ':' || c == '_'))
            .unwrap_or(at.len());
        let name = &at[..name_len];
        let after = &at[name_len..];
        if let Some(outside) = before.strip_suffix('<') {
            // An element: drop from `<name` to its `</name>`, or to `/>` when it is empty.
            let closing = format!("</{name}>");
            let end = match (after.find("/>"), after.find('>')) {
                (Some(s), Some(g)) if s + 1 == g => Some(s + 2),
                _ => after.find(&closing).map(|c| c + closing.len()),
            };
            if let Some(end) = end {
                out.push_str(outside);
                rest = &after[end..];
                continue;
            }
        } else if before.ends_with(char::is_whitespace) && (after.starts_with("=\"") || after.starts_with("='")) {
            let quote = &after[1..2];
            if let Some(end) = after[2..].find(quote) {
                out.push_str(before.trim_end());
                rest = &after[2 + end + 1..];
                continue;
            }
        }
        out.push_str(before);
        out.push_str(name);
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Photoshop image resources without the thumbnails (resources 1033 and 1036), which show the original.
fn without_thumbnails(resources: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(resources.len());
    let mut i = 0;
    // Each: "8BIM", id (2), Pascal name padded to even length, size (4), data padded to even length.
    while let Some(b"8BIM") = resources.get(i..i + 4) {
        let Some(&[hi, lo, name_len]) = resources.get(i + 4..i + 7) else {
            break;
        };
        let id = u16::from_be_bytes([hi, lo]);
        let name = (1 + usize::from(name_len)).next_multiple_of(2);
        let size_at = i + 6 + name;
        let Some(size) = resources.get(size_at..size_at + 4) else {
            break;
        };
        let size = u32::from_be_bytes([size[0], size[1], size[2], size[3]]) as usize;
        let end = size_at + 4 + size.next_multiple_of(2);
        let Some(resource) = resources.get(i..end.min(resources.len())) else {
            break;
        };
        if id != 1033 && id != 1036 {
            out.extend_from_slice(resource);
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const XMP: &str = r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description tiff:Orientation="6" exif:GPSLatitude="48,51.5N" exif:GPSLongitude='2,21.0E' dc:format="image/jpeg"><exif:GPSVersionID>2.3.0.0</exif:GPSVersionID><exif:GPSAltitude/><tiff:Orientation>8</tiff:Orientation><dc:creator><rdf:Seq><rdf:li>Ann</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"#;

    #[test]
    fn xmp_is_made_upright_and_loses_its_location_only_when_asked() {
        let kept = String::from_utf8(xmp_for_copy(XMP.as_bytes(), true).unwrap()).unwrap();
        assert!(kept.contains(r#"tiff:Orientation="1""#) && kept.contains("<tiff:Orientation>1</tiff:Orientation>"));
        assert!(!kept.contains('6') && !kept.contains(">8<"), "{kept}");
        assert!(kept.contains("exif:GPSLatitude") && kept.contains("<exif:GPSVersionID>"));

        let gone = String::from_utf8(xmp_for_copy(XMP.as_bytes(), false).unwrap()).unwrap();
        assert!(!gone.contains("GPS"), "{gone}");
        assert!(
            gone.contains(r#"<rdf:Description tiff:Orientation="1" dc:format="image/jpeg">"#),
            "{gone}"
        );
        assert!(gone.contains("<rdf:li>Ann</rdf:li>"));
    }

    #[test]
    fn photoshop_thumbnails_are_dropped_and_iptc_kept() {
        let resource = |id: u16, data: &[u8]| {
            let mut r = b"8BIM".to_vec();
            r.extend_from_slice(&id.to_be_bytes());
            r.extend_from_slice(&[0, 0]);
            r.extend_from_slice(&(data.len() as u32).to_be_bytes());
            r.extend_from_slice(data);
            if data.len() % 2 == 1 {
                r.push(0);
            }
            r
        };
        let iptc = resource(1028, b"\x1c\x02\x50\x00\x03Ann");
        let all = [resource(1036, &[7; 33]), iptc.clone(), resource(1033, &[1; 8])].concat();
        assert_eq!(without_thumbnails(&all), iptc);
    }
}
