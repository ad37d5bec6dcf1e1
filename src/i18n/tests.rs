//! Every language says everything English says, with the same variables, and every message formats.

use std::collections::BTreeSet;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

use super::*;

/// The ids of a Fluent file, and any id it defines twice.
fn ids(resource: &FluentResource) -> (BTreeSet<String>, Vec<String>) {
    let mut seen = BTreeSet::new();
    let mut twice = vec![];
    for entry in resource.entries() {
        if let ast::Entry::Message(m) = entry
            && !seen.insert(m.id.name.to_owned())
        {
            twice.push(m.id.name.to_owned());
        }
    }
    (seen, twice)
}

fn parsed(locale: &Locale) -> FluentResource {
    match FluentResource::try_new(locale.source.to_owned()) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("i18n/{}.ftl does not parse: {errors:?}", locale.tag),
    }
}

/// The variables a message's pattern names (selectors included).
fn variables(resource: &FluentResource, id: &str) -> BTreeSet<String> {
    fn walk(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_vars(expression, out);
            }
        }
    }
    fn expression_vars(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                inline_vars(selector, out);
                for v in variants {
                    walk(&v.value, out);
                }
            }
            ast::Expression::Inline(inline) => inline_vars(inline, out),
        }
    }
    fn inline_vars(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_owned());
            }
            ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    for entry in resource.entries() {
        if let ast::Entry::Message(m) = entry
            && m.id.name == id
            && let Some(pattern) = &m.value
        {
            walk(pattern, &mut out);
        }
    }
    out
}

#[test]
fn every_language_has_every_english_message_and_no_other() {
    let english = parsed(&LOCALES[0]);
    let (english_ids, twice) = ids(&english);
    assert!(twice.is_empty(), "i18n/en.ftl defines these twice: {twice:?}");
    assert!(english_ids.len() > 100, "only {} English messages", english_ids.len());
    for locale in &LOCALES[1..] {
        let (theirs, twice) = ids(&parsed(locale));
        assert!(
            twice.is_empty(),
            "i18n/{}.ftl defines these twice: {twice:?}",
            locale.tag
        );
        let missing: Vec<_> = english_ids.difference(&theirs).collect();
        let extra: Vec<_> = theirs.difference(&english_ids).collect();
        assert!(missing.is_empty(), "i18n/{}.ftl lacks {missing:?}", locale.tag);
        assert!(
            extra.is_empty(),
            "i18n/{}.ftl has messages English does not: {extra:?}",
            locale.tag
        );
    }
}

#[test]
fn every_translation_uses_the_variables_english_does_and_formats_cleanly() {
    let english = parsed(&LOCALES[0]);
    let (english_ids, _) = ids(&english);
    for locale in &LOCALES {
        let resource = parsed(locale);
        let bundle = Bundle::new(locale);
        for id in &english_ids {
            let wanted = variables(&english, id);
            let used = variables(&resource, id);
            assert_eq!(
                used, wanted,
                "{id} in i18n/{}.ftl names other variables than English",
                locale.tag
            );
            // One and several, to reach every plural branch a language has for the numbers people see.
            for n in [0, 1, 2, 5, 21, 1204] {
                let mut args = Args::new();
                for name in &wanted {
                    args.set(name.as_str(), arg(n));
                }
                let text = bundle.format(id, Some(&args));
                let text = text.unwrap_or_else(|| panic!("{id} in i18n/{}.ftl does not format", locale.tag));
                assert!(!text.trim().is_empty(), "{id} in i18n/{}.ftl is empty", locale.tag);
            }
        }
    }
}

#[test]
fn plurals_follow_each_language() {
    let said = |tag: &str, n: u64| {
        let bundle = Bundle::new(locale_for(tag).expect("a shipped language"));
        let mut args = Args::new();
        args.set("count", arg(n));
        bundle.format("copies-made", Some(&args)).expect("formats")
    };
    assert_eq!(said("en", 1), "1 copy made");
    assert_eq!(said("en", 2), "2 copies made");
    assert!(said("de", 1).starts_with("1 Kopie"), "{}", said("de", 1));
    assert!(said("de", 2).starts_with("2 Kopien"), "{}", said("de", 2));
    assert!(said("fr", 1).starts_with("1 copie "), "{}", said("fr", 1));
    assert!(said("fr", 2).starts_with("2 copies"), "{}", said("fr", 2));
}

#[test]
fn the_systems_language_is_found_from_its_tag() {
    assert_eq!(locale_for("de_DE.UTF-8").map(|l| l.tag), Some("de"));
    assert_eq!(locale_for("de-AT").map(|l| l.tag), Some("de"));
    assert_eq!(locale_for("pt_BR.UTF-8").map(|l| l.tag), Some("pt-BR"));
    assert_eq!(locale_for("pt_PT").map(|l| l.tag), Some("pt-BR"));
    assert_eq!(locale_for("zh_CN.UTF-8").map(|l| l.tag), Some("zh-CN"));
    assert_eq!(locale_for("fr_CA@euro").map(|l| l.tag), Some("fr"));
    assert_eq!(locale_for("en_GB").map(|l| l.tag), Some("en"));
    assert_eq!(locale_for("ja_JP.UTF-8").map(|l| l.tag), None);
    assert!(locale_for("C").is_none());
}

#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn lang_c_means_english_and_lc_all_outranks_lang() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
    };
    assert_eq!(
        system::from_environment(env(&[("LANG", "C"), ("LANGUAGE", "de")])),
        ["en"]
    );
    assert_eq!(
        system::from_environment(env(&[("LANG", "fr_FR.UTF-8"), ("LC_ALL", "de_DE.UTF-8")])),
        ["de_DE.UTF-8"]
    );
    assert_eq!(
        system::from_environment(env(&[("LANG", "es_ES.UTF-8"), ("LANGUAGE", "pt_BR:es")])),
        ["pt_BR", "es", "es_ES.UTF-8"]
    );
    assert!(system::from_environment(env(&[])).is_empty());
}

/// String literals in the app's code that read as words to a person: text that went around the translation
/// layer. Keys (`add-folders`), ids and thread names (`shrinkray-count`), file names, environment variables,
/// format strings without words, logs (`eprintln!`) and tests do not count. A literal that is meant to stay
/// as it is (a brand, a file name) carries `// not translated: why` on its line.
fn untranslated(source: &str) -> Vec<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or(source);
    let mut found = vec![];
    for line in code.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") || trimmed.starts_with('#') || line.contains("not translated:") {
            continue;
        }
        if [
            "eprintln!",
            "println!",
            "panic!",
            ".expect(",
            "unreachable!",
            "debug_assert",
        ]
        .iter()
        .any(|log| line.contains(log))
        {
            continue;
        }
        let mut rest = line;
        while let Some(start) = rest.find('"') {
            let before = &rest[..start];
            let after = &rest[start + 1..];
            let Some(end) = after.find('"') else { break };
            let literal = &after[..end];
            rest = &after[end + 1..];
            // Byte strings and char literals around quotes are not text.
            if before.ends_with('b') || before.ends_with('\'') {
                continue;
            }
            if reads_as_words(literal) {
                found.push(literal.to_owned());
            }
        }
    }
    found
}

fn reads_as_words(literal: &str) -> bool {
    // What is left without `{placeholders}` and escapes.
    let mut text = String::new();
    let mut depth = 0;
    for c in literal.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ if depth == 0 => text.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .collect();
    let Some(first) = words.first() else { return false };
    // Keys, ids, file names and extensions: lower case, joined by dashes, dots or underscores, no spaces.
    let one_token = !text.contains(' ');
    if one_token && !first.starts_with(char::is_uppercase) {
        return false;
    }
    // SHRINKRAY_FRAME_STATS, CSV, JPEG: names, not words.
    if one_token && text.chars().all(|c| !c.is_lowercase()) {
        return false;
    }
    true
}

#[test]
fn the_window_says_nothing_that_bypasses_the_translations() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("src/main.rs")];
    let mut dirs = vec![root.join("src/ui")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/ui is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let mut bypassing = vec![];
    for file in files {
        let source = std::fs::read_to_string(&file).expect("a source file");
        for literal in untranslated(&source) {
            bypassing.push(format!(
                "{}: \"{literal}\"",
                file.strip_prefix(root).unwrap_or(&file).display()
            ));
        }
    }
    assert!(
        bypassing.is_empty(),
        "text that bypasses i18n/*.ftl:\n{}",
        bypassing.join("\n")
    );
}

#[test]
fn the_bypass_check_sees_words_and_lets_keys_pass() {
    let code = r#"
        ui.button("Add folders…");
        ui.label(tr!("add-folders"));
        let name = "shrinkray-count";
        ui.label(format!("{} of {}", a, b));
        eprintln!("shrinkray: a log line");
        let env = "SHRINKRAY_FRAME_STATS";
        ui.heading("Shrinkray"); // not translated: the name
        ui.label("Cancel");
    "#;
    assert_eq!(untranslated(code), ["Add folders…", "{} of {}", "Cancel"]);
}

#[test]
fn every_shipped_preset_is_described_in_every_language() {
    for locale in &LOCALES {
        let bundle = Bundle::new(locale);
        for preset in crate::engine::builtin_presets() {
            let key = presets::preset_key(&preset.name);
            assert!(
                bundle.format(&key, None).is_some(),
                "i18n/{}.ftl lacks {key}",
                locale.tag
            );
        }
    }
    // The English words are the shipped description itself, so nothing changes for an English reader.
    let english = Bundle::new(&LOCALES[0]);
    let web = &crate::engine::builtin_presets()[0];
    assert_eq!(
        english.format("preset-about-web-1920", None).as_deref(),
        Some(web.description.as_str())
    );
}

#[test]
fn a_saved_presets_summary_is_said_in_the_language_of_the_moment() {
    use crate::engine::{OutputFormat, Preset, PresetOutput, ResizeMode, Settings};
    let settings = Settings {
        format: OutputFormat::WebP,
        resize: ResizeMode::Fit {
            width: 800,
            height: 600,
        },
        quality: 70,
        ..Settings::default()
    };
    let mut preset = Preset::of("Mine", PresetOutput::default(), &settings);
    assert_eq!(preset.description, "WebP: fits 800×600, quality 70", "saved in English");
    pin_thread_language(Some("de"));
    let german = preset_description(&preset);
    pin_thread_language(Some("zh-CN"));
    let chinese = preset_description(&preset);
    preset.description = "For the shop".to_owned();
    let own = preset_description(&preset);
    pin_thread_language(None);
    assert_eq!(german, "WebP: einpassen 800×600, Qualität 70");
    assert_eq!(chinese, "WebP：适应 800×600，质量 70");
    assert_eq!(own, "For the shop", "words the user wrote stay as written");
}
