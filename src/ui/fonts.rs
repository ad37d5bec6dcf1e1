//! Fonts beyond egui's own: a few symbols always, and the system's Chinese font when the window speaks Chinese.

use std::path::PathBuf;

use eframe::egui;
use egui::epaint::text::{FontData, FontInsert, FontPriority, InsertFontFamily};

use crate::i18n::Locale;

/// egui's built-in font has no arrows or ×; a few kilobytes of DejaVu Sans fill in, so no system font is
/// needed for them.
pub fn install_symbols(ctx: &egui::Context) {
    ctx.add_font(FontInsert::new(
        "shrinkray-symbols",
        FontData::from_static(include_bytes!("../../assets/fonts/ShrinkraySymbols.ttf")),
        fallback_families(),
    ));
}

fn fallback_families() -> Vec<InsertFontFamily> {
    [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
        .into_iter()
        .map(|family| InsertFontFamily {
            family,
            priority: FontPriority::Lowest,
        })
        .collect()
}

/// Adds the system's font for `locale`'s script when egui's fonts lack it (Chinese), read on a thread of its
/// own (a CJK font is 20 MB or more): the window shows boxes for a frame or two, then the glyphs. Does nothing
/// for the other languages, or when the system has no such font (the .deb recommends `fonts-noto-cjk`).
pub fn install_for(ctx: &egui::Context, locale: &Locale) {
    if !locale.tag.starts_with("zh") {
        return;
    }
    let ctx = ctx.clone();
    let spawned = std::thread::Builder::new()
        .name("shrinkray-font".to_owned())
        .spawn(move || {
            for (path, index) in cjk_candidates() {
                let Ok(bytes) = std::fs::read(&path) else { continue };
                let mut data = FontData::from_owned(bytes);
                data.index = index;
                ctx.add_font(FontInsert::new("shrinkray-cjk", data, fallback_families()));
                ctx.request_repaint();
                return;
            }
            eprintln!("shrinkray: no Chinese font found (install fonts-noto-cjk); Chinese text shows as boxes");
        });
    if let Err(e) = spawned {
        eprintln!("shrinkray: cannot load the Chinese font ({e})");
    }
}

/// Where systems keep a Simplified Chinese font, with the face's index in a collection (Noto Sans CJK's
/// collections hold Japanese, Korean, Simplified and Traditional Chinese, in that order).
fn cjk_candidates() -> Vec<(PathBuf, u32)> {
    let mut found = vec![];
    // `FILE`, or `FILE#INDEX` for a face of a collection.
    if let Some(named) = std::env::var_os("SHRINKRAY_CJK_FONT").and_then(|v| v.into_string().ok()) {
        let (file, index) = match named.rsplit_once('#') {
            Some((file, index)) if index.parse::<u32>().is_ok() => (file, index.parse().unwrap_or(0)),
            _ => (named.as_str(), 0),
        };
        found.push((PathBuf::from(file), index));
    }
    let known: &[(&str, u32)] = if cfg!(windows) {
        &[(r"C:\Windows\Fonts\msyh.ttc", 0), (r"C:\Windows\Fonts\simsun.ttc", 0)] // not translated: font files
    } else if cfg!(target_os = "macos") {
        &[
            ("/System/Library/Fonts/PingFang.ttc", 0),      // not translated: a file
            ("/System/Library/Fonts/STHeiti Light.ttc", 0), // not translated: a file
        ]
    } else {
        &[
            // Debian and Ubuntu (fonts-noto-cjk), Fedora (google-noto-sans-cjk-fonts), Arch (noto-fonts-cjk).
            ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
            ("/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc", 2),
            ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
            ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
            ("/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc", 0),
        ]
    };
    found.extend(known.iter().map(|(p, i)| (PathBuf::from(p), *i)));
    found
}
