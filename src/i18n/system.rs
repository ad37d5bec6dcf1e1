//! The languages the system asks for, most wanted first.

/// On Linux and the BSDs, as gettext reads them: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set
/// decides, and `C` or `POSIX` there means English whatever `LANGUAGE` says; otherwise `LANGUAGE`'s list
/// comes first. Elsewhere, the user's languages as the system lists them.
#[cfg(all(unix, not(target_os = "macos")))]
pub(super) fn preferred() -> Vec<String> {
    from_environment(|name| std::env::var(name).ok())
}

/// `preferred` from the variables `get` gives, so tests need not change the process's environment.
#[cfg(all(unix, not(target_os = "macos")))]
pub(super) fn from_environment(get: impl Fn(&str) -> Option<String>) -> Vec<String> {
    let var = |name: &str| get(name).filter(|v| !v.is_empty());
    let Some(locale) = var("LC_ALL").or_else(|| var("LC_MESSAGES")).or_else(|| var("LANG")) else {
        return vec![];
    };
    let base = locale.split(['.', '@']).next().unwrap_or_default();
    if base == "C" || base == "POSIX" {
        return vec!["en".to_owned()];
    }
    let mut tags: Vec<String> = var("LANGUAGE")
        .map(|list| list.split(':').filter(|t| !t.is_empty()).map(str::to_owned).collect())
        .unwrap_or_default();
    tags.push(locale);
    tags
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
pub(super) fn preferred() -> Vec<String> {
    sys_locale::get_locales().collect()
}
