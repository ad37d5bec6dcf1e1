//! Output file names: the template, and the ` (1)` suffix that resolves collisions.

use std::path::{Path, PathBuf};

use super::error::SettingsError;

/// The tokens a name template may use.
pub const TOKENS: [&str; 5] = ["name", "ext", "width", "height", "index"];

/// Values for one image's template tokens.
#[derive(Debug)]
pub struct NameParts<'a> {
    /// The input's file name without extension.
    pub name: &'a str,
    /// The input's extension, without the dot (may be empty).
    pub ext: &'a str,
    /// Output width, when known (templates without `{width}`/`{height}` do not need it).
    pub size: Option<(u32, u32)>,
    /// Position among the job's images, from 1.
    pub index: usize,
    /// How many digits `{index}` is padded to, so names sort in order.
    pub index_digits: usize,
}

/// Rejects unknown tokens, unbalanced braces, path separators and templates that can give an empty name.
pub fn check_template(template: &str) -> Result<(), SettingsError> {
    let bad = |why: &str| SettingsError::Template {
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
                TOKENS.map(|t| format!("{{{t}}}")).join(" ")
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
/// as it is.
pub fn render(template: &str, parts: &NameParts) -> String {
    let (w, h) = parts.size.unwrap_or((0, 0));
    let mut out = String::with_capacity(template.len() + parts.name.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(len) = rest[open..].find('}') else {
            rest = &rest[open..];
            break;
        };
        match &rest[open + 1..open + len] {
            "name" => out.push_str(parts.name),
            "ext" => out.push_str(parts.ext),
            "width" => out.push_str(&w.to_string()),
            "height" => out.push_str(&h.to_string()),
            "index" => out.push_str(&format!("{:0width$}", parts.index, width = parts.index_digits)),
            other => {
                out.push('{');
                out.push_str(other);
                out.push('}');
            }
        }
        rest = &rest[open + len + 1..];
    }
    out.push_str(rest);
    if out.trim().is_empty() { "image".to_owned() } else { out }
}

/// `dir/stem (n).ext`: the name tried for the n-th collision.
pub fn numbered(path: &Path, n: u32) -> PathBuf {
    let stem = path.file_stem().map(|s| s.to_string_lossy()).unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem} ({n}).{}", ext.to_string_lossy()),
        None => format!("{stem} ({n})"),
    };
    path.with_file_name(name)
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
            name: "IMG_1",
            ext: "JPG",
            size: Some((640, 480)),
            index: 7,
            index_digits: 3,
        };
        assert_eq!(
            render("{name}-{width}x{height}-{index}.{ext}", &parts),
            "IMG_1-640x480-007.JPG"
        );
    }

    #[test]
    fn collisions_get_a_number_before_the_extension() {
        assert_eq!(numbered(Path::new("/o/a.jpg"), 2), Path::new("/o/a (2).jpg"));
        assert_eq!(numbered(Path::new("/o/a"), 1), Path::new("/o/a (1)"));
    }
}
