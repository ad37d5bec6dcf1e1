//! The one way user-visible text is made: every string the app shows, and the CLI's human output, is a
//! message of a Fluent file in `i18n/` (`tr!("key", name = value)`), in the language the system asks for or the
//! one chosen in the app's settings. JSON events, reports and logs stay English: scripts read them.
//!
//! Fluent (Mozilla's localisation system; `fluent-bundle`, Apache-2.0/MIT) carries each language's plural rules,
//! so "1 image" and "2 images" are one message with two variants, as are Chinese's one and Polish's three.
//! Numbers inside messages are written the locale's way by [`numbers`].

pub mod errors;
mod labels;
mod numbers;
mod presets;
mod system;

use std::cell::RefCell;
use std::sync::{Arc, OnceLock, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

pub use labels::{format_label, resize_label};
pub use numbers::{count, decimal};
pub use presets::{preset_description, preset_description_elsewhere};

/// A language Shrinkray ships.
#[derive(Debug)]
pub struct Locale {
    /// Its BCP 47 tag, as settings store it: `de`, `pt-BR`.
    pub tag: &'static str,
    /// Its name in itself, as the language menu lists it.
    pub name: &'static str,
    /// Its Fluent file.
    source: &'static str,
    /// How its numbers are written.
    pub(crate) numbers: numbers::Style,
}

/// Every language shipped, English first (the fallback for a missing message).
pub const LOCALES: [Locale; 6] = [
    Locale {
        tag: "en",
        name: "English",
        source: include_str!("../../i18n/en.ftl"),
        numbers: numbers::EN,
    },
    Locale {
        tag: "de",
        name: "Deutsch",
        source: include_str!("../../i18n/de.ftl"),
        numbers: numbers::DE,
    },
    Locale {
        tag: "fr",
        name: "Français",
        source: include_str!("../../i18n/fr.ftl"),
        numbers: numbers::FR,
    },
    Locale {
        tag: "es",
        name: "Español",
        source: include_str!("../../i18n/es.ftl"),
        numbers: numbers::ES,
    },
    Locale {
        tag: "pt-BR",
        name: "Português (Brasil)",
        source: include_str!("../../i18n/pt-BR.ftl"),
        numbers: numbers::PT,
    },
    Locale {
        tag: "zh-CN",
        name: "简体中文",
        source: include_str!("../../i18n/zh-CN.ftl"),
        numbers: numbers::ZH,
    },
];

/// The shipped language for a tag (`de`, `de-AT`, `de_DE.UTF-8`, `pt-BR`, `zh-Hans-CN`), if any is close enough.
pub fn locale_for(tag: &str) -> Option<&'static Locale> {
    let cleaned = tag.split(['.', '@']).next().unwrap_or(tag).replace('_', "-");
    let requested: LanguageIdentifier = cleaned.parse().ok()?;
    // The language must match; a shipped region wins when it is the one asked for, else the language's
    // only entry serves (Portuguese from Portugal reads Brazil's better than English).
    LOCALES
        .iter()
        .filter(|l| l.id().language == requested.language)
        .max_by_key(|l| l.id().region == requested.region)
}

impl Locale {
    fn id(&self) -> LanguageIdentifier {
        self.tag.parse().unwrap_or_default()
    }
}

/// A language's messages, ready to format.
struct Bundle {
    locale: &'static Locale,
    bundle: FluentBundle<FluentResource>,
}

impl Bundle {
    fn new(locale: &'static Locale) -> Self {
        let mut bundle = FluentBundle::new_concurrent(vec![locale.id()]);
        // Unicode isolation marks around every value would be drawn as boxes by egui.
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(numbers::format_value));
        // A file that does not parse keeps the messages that do (the tests fail on any error).
        let resource = FluentResource::try_new(locale.source.to_owned()).unwrap_or_else(|(partial, _)| partial);
        // Duplicate ids keep the first; the tests fail on them.
        let _ = bundle.add_resource(resource);
        Self { locale, bundle }
    }

    fn format(&self, key: &str, args: Option<&FluentArgs>) -> Option<String> {
        let pattern = self.bundle.get_message(key)?.value()?;
        let mut errors = Vec::new();
        let text = numbers::formatting(self.locale.numbers, || {
            self.bundle.format_pattern(pattern, args, &mut errors).into_owned()
        });
        errors.is_empty().then_some(text)
    }
}

/// `locale`'s bundle, parsed once: a language chosen again, a thread pinned to one, and files that carry every
/// language (menus are written per preset) all take the same.
fn bundle_of(locale: &Locale) -> Arc<Bundle> {
    static BUNDLES: [OnceLock<Arc<Bundle>>; LOCALES.len()] = [const { OnceLock::new() }; LOCALES.len()];
    let index = LOCALES.iter().position(|l| l.tag == locale.tag).unwrap_or(0);
    BUNDLES[index]
        .get_or_init(|| Arc::new(Bundle::new(&LOCALES[index])))
        .clone()
}

fn active() -> &'static RwLock<Option<Arc<Bundle>>> {
    static ACTIVE: RwLock<Option<Arc<Bundle>>> = RwLock::new(None);
    &ACTIVE
}

thread_local! {
    /// A language for this thread alone, over the process's: tests that look at one language run beside
    /// tests that look at another.
    static PINNED: RefCell<Option<Arc<Bundle>>> = const { RefCell::new(None) };
}

/// The bundle messages come from now, on this thread.
fn bundle() -> Option<Arc<Bundle>> {
    PINNED
        .with(|p| p.borrow().clone())
        .or_else(|| active().read().ok().and_then(|a| a.clone()))
}

/// Makes this thread speak `tag` (a shipped language; English when it is none of them) whatever the
/// process's language is, or follow the process again with `None`. For tests.
#[doc(hidden)]
pub fn pin_thread_language(tag: Option<&str>) {
    let bundle = tag.map(|t| bundle_of(locale_for(t).unwrap_or(&LOCALES[0])));
    PINNED.with(|p| *p.borrow_mut() = bundle);
}

/// Chooses the language: `choice` (a tag from [`LOCALES`], from the settings), else the system's (on Linux
/// `LC_ALL`, `LC_MESSAGES`, `LANG`, then `LANGUAGE`; `C` and `POSIX` are English), else English.
pub fn set_language(choice: Option<&str>) {
    let locale = choice
        .and_then(locale_for)
        .or_else(|| system::preferred().iter().find_map(|tag| locale_for(tag)))
        .unwrap_or(&LOCALES[0]);
    let same = active()
        .read()
        .is_ok_and(|a| a.as_ref().is_some_and(|b| b.locale.tag == locale.tag));
    if same {
        return;
    }
    let bundle = bundle_of(locale);
    if let Ok(mut active) = active().write() {
        *active = Some(bundle);
    }
}

/// The language messages are in now (English until [`set_language`] is called).
pub fn current() -> &'static Locale {
    bundle().map_or(&LOCALES[0], |b| b.locale)
}

/// The message `key` in the current language, with `args` put in; the English one when the language lacks it,
/// and the key itself when English does too (the tests make sure it never does).
pub fn message(key: &str, args: Option<&FluentArgs>) -> String {
    bundle()
        .and_then(|b| b.format(key, args))
        .or_else(|| bundle_of(&LOCALES[0]).format(key, args))
        .unwrap_or_else(|| key.to_owned())
}

/// The message `key` in every shipped language but English, with its language's tag (for files that carry
/// all languages at once, such as a desktop entry's `Name[de]=`).
pub fn in_other_languages(key: &str) -> Vec<(&'static str, String)> {
    LOCALES[1..]
        .iter()
        .filter_map(|locale| bundle_of(locale).format(key, None).map(|said| (locale.tag, said)))
        .collect()
}

/// Every message id, in the order of the English file (for tests that walk them all).
#[doc(hidden)]
pub fn message_ids() -> Vec<String> {
    // A message starts a line with its id and " ="; continuation lines are indented, comments start with #.
    LOCALES[0]
        .source
        .lines()
        .filter_map(|line| line.split_once(" =").map(|(id, _)| id))
        .filter(|id| id.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter(|id| {
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        .map(str::to_owned)
        .collect()
}

/// A value for a message argument: numbers stay numbers (for plural rules and the locale's digits), the rest
/// becomes text.
pub fn arg<'a>(value: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    value.into()
}

/// `tr!("key")` or `tr!("key", name = value, …)`: the message in the current language, as a `String`.
#[macro_export]
macro_rules! tr {
    ($key:literal) => {
        $crate::i18n::message($key, None)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::Args::new();
        $(args.set(stringify!($name), $crate::i18n::arg($value));)+
        $crate::i18n::message($key, Some(&args))
    }};
}

/// The arguments of a message (re-exported for [`tr!`]).
pub type Args<'a> = FluentArgs<'a>;

#[cfg(test)]
mod tests;
