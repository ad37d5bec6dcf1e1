//! Lossy WebP through libwebp, with the colour profile and metadata put into the extended (VP8X) container,
//! which libwebp's simple encoder does not write.

use image::DynamicImage;
use webp::{Encoder, PixelLayout};

use crate::engine::metadata::Tags;

/// Encodes `img` as lossy WebP at `quality` (alpha kept, compressed losslessly), with the profile, EXIF and
/// XMP of `tags`.
pub(crate) fn encode_lossy(img: &DynamicImage, quality: u8, tags: &Tags) -> Result<Vec<u8>, String> {
    let (w, h) = (img.width(), img.height());
    if w > 16_383 || h > 16_383 {
        return Err(format!("{w}×{h} pixels is more than WebP's limit of 16383 a side"));
    }
    let alpha = img.color().has_alpha();
    let pixels = if alpha {
        DynamicImage::ImageRgba8(img.to_rgba8())
    } else {
        DynamicImage::ImageRgb8(img.to_rgb8())
    };
    let layout = if alpha { PixelLayout::Rgba } else { PixelLayout::Rgb };
    let encoded = Encoder::new(pixels.as_bytes(), layout, w, h)
        .encode_simple(false, f32::from(quality.min(100)))
        .map_err(|e| format!("libwebp failed: {e:?}"))?;
    with_tags(&encoded, (w, h), tags)
}

/// Rewraps a simple WebP file (VP8 or VP8L, with ALPH in a VP8X file) in an extended container holding the
/// profile and metadata of `tags`. A file that needs none is returned as it is.
pub(crate) fn with_tags(webp: &[u8], (w, h): (u32, u32), tags: &Tags) -> Result<Vec<u8>, String> {
    let (icc, exif, xmp) = (&tags.icc, &tags.metadata.exif, &tags.metadata.xmp);
    if icc.is_none() && exif.is_none() && xmp.is_none() {
        return Ok(webp.to_vec());
    }
    let mut image_chunks = Vec::new();
    let mut has_alpha = false;
    for (fourcc, payload) in chunks(webp)? {
        match &fourcc {
            b"VP8 " | b"VP8L" | b"ALPH" => {
                // A lossless bitstream says in its header whether it uses alpha.
                has_alpha |=
                    &fourcc == b"ALPH" || (&fourcc == b"VP8L" && payload.get(4).is_some_and(|b| b & 0x10 != 0));
                chunk(&mut image_chunks, &fourcc, payload);
            }
            _ => {}
        }
    }
    let mut flags = 0u8;
    flags |= if icc.is_some() { 0x20 } else { 0 };
    flags |= if has_alpha { 0x10 } else { 0 };
    flags |= if exif.is_some() { 0x08 } else { 0 };
    flags |= if xmp.is_some() { 0x04 } else { 0 };
    let mut vp8x = vec![flags, 0, 0, 0];
    vp8x.extend_from_slice(&(w - 1).to_le_bytes()[..3]);
    vp8x.extend_from_slice(&(h - 1).to_le_bytes()[..3]);
    let mut body = b"WEBP".to_vec();
    chunk(&mut body, b"VP8X", &vp8x);
    if let Some(icc) = icc {
        chunk(&mut body, b"ICCP", icc);
    }
    body.extend_from_slice(&image_chunks);
    if let Some(exif) = exif {
        chunk(&mut body, b"EXIF", exif);
    }
    if let Some(xmp) = xmp {
        chunk(&mut body, b"XMP ", xmp);
    }
    let size = u32::try_from(body.len()).map_err(|_| "the WebP file would be over 4 GB".to_owned())?;
    let mut out = b"RIFF".to_vec();
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&body);
    Ok(out)
}

/// A RIFF chunk: its four-character code and payload.
type Chunk<'a> = ([u8; 4], &'a [u8]);

/// The top-level chunks of a WebP file.
fn chunks(webp: &[u8]) -> Result<Vec<Chunk<'_>>, String> {
    if webp.get(..4) != Some(b"RIFF") || webp.get(8..12) != Some(b"WEBP") {
        return Err("libwebp wrote no WebP file".to_owned());
    }
    let mut out = Vec::new();
    let mut i = 12;
    while let Some(head) = webp.get(i..i + 8) {
        let fourcc = [head[0], head[1], head[2], head[3]];
        let len = u32::from_le_bytes([head[4], head[5], head[6], head[7]]) as usize;
        let payload = webp.get(i + 8..i + 8 + len).ok_or("libwebp wrote a cut chunk")?;
        out.push((fourcc, payload));
        i += 8 + len + len % 2;
    }
    Ok(out)
}

fn chunk(out: &mut Vec<u8>, fourcc: &[u8; 4], payload: &[u8]) {
    out.extend_from_slice(fourcc);
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.extend_from_slice(payload);
    if payload.len() % 2 == 1 {
        out.push(0);
    }
}
