//! ICC profiles for colour given as ITU-T H.273 code points (CICP; "NCLX" in HEIF and AVIF files), so that a
//! copy, which can only carry an ICC profile, keeps the gamut its original had.

use moxcms::{
    CicpColorPrimaries, CicpProfile, ColorProfile, LocalizableString, MatrixCoefficients, ProfileText,
    TransferCharacteristics,
};

/// An ICC profile equivalent to ITU-T H.273 code points (a HEIF or AVIF file's NCLX colour), made by moxcms:
/// "Display P3" for P3 primaries with the sRGB curve (Android phones' and recent iPhones' photos), others named
/// by their codes. `None` for sRGB itself (an untagged copy is read as sRGB), for HDR transfers (PQ, HLG), which
/// an 8-bit copy with a profile cannot show as meant, and for codes without a defined colour.
pub(crate) fn icc_for_cicp(primaries: u8, transfer: u8, matrix: u8, full_range: bool) -> Option<Vec<u8>> {
    const SRGB_CURVE: u8 = 13;
    const BT709: u8 = 1;
    if (primaries == BT709 && transfer == SRGB_CURVE) || matches!(transfer, 16 | 18) {
        return None;
    }
    let cicp = CicpProfile {
        color_primaries: CicpColorPrimaries::try_from(primaries).ok()?,
        transfer_characteristics: TransferCharacteristics::try_from(transfer).ok()?,
        matrix_coefficients: MatrixCoefficients::try_from(matrix).unwrap_or(MatrixCoefficients::Bt709),
        full_range,
    };
    let mut profile = ColorProfile::new_from_cicp(cicp);
    // moxcms leaves the curves out when a code has no colorimetry (unspecified, reserved).
    profile.red_trc.as_ref()?;
    let name = if primaries == 12 && transfer == SRGB_CURVE {
        "Display P3".to_owned()
    } else {
        format!("RGB from H.273 colour codes {primaries}/{transfer}")
    };
    profile.description = Some(ProfileText::Localizable(vec![LocalizableString::new(
        "en".to_owned(),
        "US".to_owned(),
        name,
    )]));
    let mut icc = tidy_icc(&profile.encode().ok()?);
    // moxcms stamps the profile with the time it is made; a fixed date keeps a copy's bytes the same on every
    // run (2026-01-01 00:00:00, as ICC's dateTimeNumber: six big-endian u16).
    if let Some(date) = icc.get_mut(24..36) {
        date.copy_from_slice(&[0x07, 0xEA, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
    }
    Some(icc)
}

/// A profile laid out as strict readers (libpng) require: every tag's data at a 4-byte boundary and the
/// header's illuminant exactly D50 as ICC encodes it; the profile ID is cleared, as the bytes change.
fn tidy_icc(icc: &[u8]) -> Vec<u8> {
    let be = |at: usize| {
        icc.get(at..at + 4)
            .map_or(0, |b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    let count = be(128);
    let table_end = 132 + count * 12;
    if icc.len() < table_end {
        return icc.to_vec();
    }
    let mut out = icc[..table_end].to_vec();
    // Tags may share their data; each piece is copied once.
    let mut placed: Vec<((usize, usize), usize)> = Vec::new();
    for i in 0..count {
        let entry = 132 + i * 12;
        let (offset, size) = (be(entry + 4), be(entry + 8));
        let Some(data) = icc.get(offset..offset + size) else {
            return icc.to_vec();
        };
        let at = match placed.iter().find(|(key, _)| *key == (offset, size)) {
            Some(&(_, at)) => at,
            None => {
                out.resize(out.len().next_multiple_of(4), 0);
                let at = out.len();
                out.extend_from_slice(data);
                placed.push(((offset, size), at));
                at
            }
        };
        out[entry + 4..entry + 8].copy_from_slice(&(at as u32).to_be_bytes());
    }
    out.resize(out.len().next_multiple_of(4), 0);
    let len = out.len() as u32;
    out[..4].copy_from_slice(&len.to_be_bytes());
    // D50 in s15Fixed16: 0.9642, 1.0, 0.8249.
    out[68..80].copy_from_slice(&[0, 0, 0xF6, 0xD6, 0, 1, 0, 0, 0, 0, 0xD3, 0x2D]);
    out[84..100].fill(0);
    out
}

#[cfg(test)]
mod tests {
    use image::{DynamicImage, Rgb};

    use super::*;
    use crate::engine::metadata::colour::to_srgb;

    /// moxcms stamps a profile with the time it is made: a copy made a second later had other bytes, so the
    /// same photo and settings gave a different file on every run.
    #[test]
    fn a_profile_is_the_same_bytes_whenever_it_is_made() {
        let first = icc_for_cicp(12, 13, 6, true).expect("Display P3");
        std::thread::sleep(std::time::Duration::from_millis(1100));
        assert_eq!(icc_for_cicp(12, 13, 6, true), Some(first));
    }

    #[test]
    fn cicp_profiles_are_made_only_where_they_add_something_and_are_laid_out_strictly() {
        assert_eq!(icc_for_cicp(1, 13, 6, true), None, "sRGB itself");
        assert_eq!(icc_for_cicp(9, 16, 9, false), None, "PQ");
        assert_eq!(icc_for_cicp(9, 18, 9, false), None, "HLG");
        assert_eq!(icc_for_cicp(2, 2, 2, true), None, "unspecified");
        let p3 = icc_for_cicp(12, 13, 6, true).expect("Display P3");
        let be = |at: usize| u32::from_be_bytes([p3[at], p3[at + 1], p3[at + 2], p3[at + 3]]) as usize;
        assert_eq!(be(0), p3.len());
        assert_eq!(&p3[16..20], b"RGB ");
        assert_eq!(&p3[68..80], &[0, 0, 0xF6, 0xD6, 0, 1, 0, 0, 0, 0, 0xD3, 0x2D]);
        for tag in 0..be(128) {
            let (offset, size) = (be(132 + tag * 12 + 4), be(132 + tag * 12 + 8));
            assert_eq!(offset % 4, 0, "tag {tag} at {offset}");
            assert!(offset + size <= p3.len());
        }
        // It converts as Display P3 does: P3's pure red is outside sRGB, clipped to sRGB's red.
        let img = DynamicImage::ImageRgb8(image::RgbImage::from_pixel(1, 1, Rgb([200, 40, 40])));
        let srgb = to_srgb(&img, &p3).unwrap().into_rgb8();
        let got = srgb.get_pixel(0, 0).0;
        assert!(
            got.iter().zip([218u8, 0, 26]).all(|(g, w)| g.abs_diff(w) <= 1),
            "{got:?}, lcms2 says (218, 0, 26)"
        );
    }
}
