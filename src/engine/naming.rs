//! Output file names: the template, and the ` (1)` suffix that resolves collisions.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

/// The tokens a name template may use.
pub const TOKENS: [&str; 6] = ["name", "ext", "width", "height", "index", "size"];

/// The tokens as a template writes them, for help texts: `{name} {ext} …`.
pub fn token_list() -> String {
    TOKENS.map(|t| format!("{{{t}}}")).join(" ")
}

/// Values for one image's template tokens.
#[derive(Debug)]
pub struct NameParts<'a> {
    /// The input's file name without extension, as the file system has it (not always UTF-8).
    pub name: &'a OsStr,
    /// The input's extension, without the dot (may be empty).
    pub ext: &'a OsStr,
    /// Output width, when known (templates without `{width}`/`{height}` do not need it).
    pub size: Option<(u32, u32)>,
    /// The name of the copy's size (`{size}`): the main copy's `size_name` or an extra output's name.
    pub size_name: &'a str,
    /// Position among the job's images, from 1.
    pub index: usize,
    /// How many digits `{index}` is padded to, so names sort in order.
    pub index_digits: usize,
}

/// A file name template that cannot be used, and why.
#[derive(Debug, thiserror::Error)]
#[error("invalid file name template {template:?}: {why}")]
pub struct TemplateError {
    /// The template as given.
    pub template: String,
    /// What is wrong with it.
    pub why: String,
}

/// Rejects unknown tokens, unbalanced braces, path separators and templates that can give an empty name.
pub fn check_template(template: &str) -> Result<(), TemplateError> {
    let bad = |why: &str| TemplateError {
        template: template.to_owned(),
        why: why.to_owned(),
    };
    if template.contains(['/', '\\']) {
        return Err(bad("it may not contain / or \\"));
    }
    let mut rest = template;
    let mut has_token = false;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err(bad("a } without its {"));
        }
        let close = rest[open..].find('}').ok_or_else(|| bad("a { without its }"))? + open;
        let token = &rest[open + 1..close];
        if !TOKENS.contains(&token) {
            return Err(bad(&format!(
                "unknown token {{{token}}}; the tokens are {}",
                token_list()
            )));
        }
        has_token = true;
        rest = &rest[close + 1..];
    }
    if !has_token && template.trim().is_empty() {
        return Err(bad("the name would be empty"));
    }
    Ok(())
}

/// True when the template needs the output size, which planning then reads from each file's header.
pub fn needs_size(template: &str) -> bool {
    template.contains("{width}") || template.contains("{height}")
}

/// True when the template numbers the images, which planning then counts first.
pub fn needs_index(template: &str) -> bool {
    template.contains("{index}")
}

/// Fills in a template that passed `check_template`, in one pass so a file name containing `{ext}` stays
/// as it is. The input's name is kept byte for byte, even when it is not UTF-8.
pub fn render(template: &str, parts: &NameParts) -> OsString {
    let (w, h) = parts.size.unwrap_or((0, 0));
    let mut out = OsString::with_capacity(template.len() + parts.name.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push(&rest[..open]);
        let Some(len) = rest[open..].find('}') else {
            rest = &rest[open..];
            break;
        };
        match &rest[open + 1..open + len] {
            "name" => out.push(parts.name),
            "ext" => out.push(parts.ext),
            "width" => out.push(w.to_string()),
            "height" => out.push(h.to_string()),
            "size" => out.push(parts.size_name),
            "index" => out.push(format!("{:0width$}", parts.index, width = parts.index_digits)),
            other => out.push(format!("{{{other}}}")),
        }
        rest = &rest[open + len + 1..];
    }
    out.push(rest);
    if out.to_string_lossy().trim().is_empty() {
        "image".into()
    } else {
        out
    }
}

/// The longest file name common file systems take, in bytes.
pub const MAX_NAME_BYTES: usize = 255;

/// `stem` followed by `tail` (such as `.jpg` or ` (2).jpg`), the stem cut short when the whole would be longer
/// than `MAX_NAME_BYTES`, so that a long name never makes a write fail.
pub fn file_name(stem: &OsStr, tail: &str) -> OsString {
    let room = MAX_NAME_BYTES.saturating_sub(tail.len());
    let mut name = if stem.len() <= room {
        stem.to_owned()
    } else {
        // Cut on a character boundary; a name that is not UTF-8 is shortened as read, which it rarely needs.
        let lossy = stem.to_string_lossy();
        let mut end = room.min(lossy.len());
        while !lossy.is_char_boundary(end) {
            end -= 1;
        }
        OsString::from(&lossy[..end])
    };
    name.push(tail);
    name
}

/// `dir/stem (n).ext`: the name tried for the n-th collision.
pub fn numbered(path: &Path, n: u32) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default();
    let tail = match path.extension() {
        Some(ext) => format!(" ({n}).{}", ext.to_string_lossy()),
        None => format!(" ({n})"),
    };
    path.with_file_name(file_name(stem, &tail))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_checked() {
        assert!(check_template("{name}").is_ok());
        assert!(check_template("{name}_{width}x{height}-{index}").is_ok());
        assert!(check_template("{nme}").is_err());
        assert!(check_template("{name").is_err());
        assert!(check_template("name}").is_err());
        assert!(check_template("a/{name}").is_err());
        assert!(check_template("  ").is_err());
    }

    #[test]
    fn tokens_are_filled() {
        let parts = NameParts {
            size_name: "large",
            name: OsStr::new("IMG_1"),
            ext: OsStr::new("JPG"),
            size: Some((640, 480)),
            index: 7,
            index_digits: 3,
        };
        assert_eq!(
            render("{name}-{width}x{height}-{index}.{ext}", &parts),
            OsStr::new("IMG_1-640x480-007.JPG")
        );
    }

    #[test]
    fn collisions_get_a_number_before_the_extension() {
        assert_eq!(numbered(Path::new("/o/a.jpg"), 2), Path::new("/o/a (2).jpg"));
        assert_eq!(numbered(Path::new("/o/a"), 1), Path::new("/o/a (1)"));
    }

    #[test]
    fn long_names_are_cut_to_fit_with_their_extension() {
        let long = "é".repeat(200);
        let name = file_name(OsStr::new(&long), ".webp");
        assert!(name.len() <= MAX_NAME_BYTES && name.len() > 250, "{}", name.len());
        assert!(name.to_str().unwrap().ends_with("é.webp"));
        let again = numbered(&Path::new("/o").join(&name), 12);
        let again = again.file_name().unwrap();
        assert!(again.len() <= MAX_NAME_BYTES);
        assert!(again.to_str().unwrap().ends_with(" (12).webp"));
    }
}
