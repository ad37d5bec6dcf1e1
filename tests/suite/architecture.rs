//! The engine's house rules, read from its source: no module imports one that imports it back (directly or
//! round a loop), no module reaches up into the folder module that holds it, and nothing in `src/engine`
//! names a UI or command-line crate. See ARCHITECTURE.md.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A module's path below `engine`, e.g. `["pipeline", "decode"]`; the engine itself is `[]`.
type Module = Vec<String>;

/// Every module file under `src/engine`, by module path.
fn modules(root: &Path) -> BTreeMap<Module, PathBuf> {
    let mut found = BTreeMap::new();
    let mut stack = vec![(root.to_owned(), Vec::new())];
    while let Some((dir, prefix)) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
            if path.is_dir() {
                let mut child = prefix.clone();
                child.push(name);
                stack.push((path, child));
            } else if path.extension().is_some_and(|e| e == "rs") {
                let mut module = prefix.clone();
                if name != "mod" {
                    module.push(name);
                }
                found.insert(module, path);
            }
        }
    }
    found
}

/// The source without comments and without its unit-test module (whose `super` is the file itself).
fn code(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => &text,
    };
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths a use-tree starting at `text` names, as lists of segments (`a::{b, c::d}` gives `a::b`, `a::c::d`).
fn use_paths(text: &str) -> Vec<Vec<String>> {
    fn tree(s: &[u8], i: &mut usize, prefix: &[String], out: &mut Vec<Vec<String>>) {
        let mut path = prefix.to_vec();
        loop {
            while s.get(*i).is_some_and(|c| c.is_ascii_whitespace()) {
                *i += 1;
            }
            if s.get(*i) == Some(&b'{') {
                *i += 1;
                loop {
                    tree(s, i, &path, out);
                    while s.get(*i).is_some_and(|c| c.is_ascii_whitespace()) {
                        *i += 1;
                    }
                    match s.get(*i) {
                        Some(b',') => *i += 1,
                        Some(b'}') => {
                            *i += 1;
                            return;
                        }
                        _ => return,
                    }
                    while s.get(*i).is_some_and(|c| c.is_ascii_whitespace()) {
                        *i += 1;
                    }
                    if s.get(*i) == Some(&b'}') {
                        *i += 1;
                        return;
                    }
                }
            }
            let start = *i;
            while s.get(*i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_') {
                *i += 1;
            }
            if *i == start {
                out.push(path);
                return;
            }
            path.push(String::from_utf8_lossy(&s[start..*i]).into_owned());
            if s.get(*i..*i + 2) == Some(b"::") {
                *i += 2;
            } else {
                out.push(path);
                return;
            }
        }
    }
    let mut out = Vec::new();
    tree(text.as_bytes(), &mut 0, &[], &mut out);
    out
}

/// The modules `module`'s code names, each resolved to the deepest module its path enters.
fn imports(module: &Module, code: &str, known: &BTreeSet<Module>) -> BTreeSet<Module> {
    let mut found = BTreeSet::new();
    for (at, _) in code
        .match_indices("super::")
        .chain(code.match_indices("crate::engine::"))
    {
        // Only the start of a path: not the second `super::` of `super::super::`.
        if code[..at].ends_with("super::") || code[..at].ends_with("crate::engine::") {
            continue;
        }
        let (base, rest): (Module, &str) = match code[at..].strip_prefix("crate::engine::") {
            Some(rest) => (Vec::new(), rest),
            None => {
                // Each `super::` climbs one level from this module.
                let mut rest = &code[at..];
                let mut up = 0;
                while let Some(r) = rest.strip_prefix("super::") {
                    rest = r;
                    up += 1;
                }
                (module[..module.len().saturating_sub(up)].to_vec(), rest)
            }
        };
        for path in use_paths(rest) {
            let mut target = base.clone();
            for segment in path {
                let mut next = target.clone();
                next.push(segment);
                if known.contains(&next) {
                    target = next;
                } else {
                    break;
                }
            }
            found.insert(target);
        }
    }
    found.remove(module);
    found
}

fn name(module: &Module) -> String {
    if module.is_empty() {
        "engine".to_owned()
    } else {
        module.join("::")
    }
}

#[test]
fn the_engine_has_no_import_loops_and_no_upward_imports() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine");
    let files = modules(&root);
    let known: BTreeSet<Module> = files.keys().cloned().collect();
    let mut graph: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    let mut upward = Vec::new();
    for (module, path) in &files {
        let mut edges = imports(module, &code(path), &known);
        for target in edges.clone() {
            // An ancestor (the folder module that holds this one, or the engine's root) is reached upward.
            if module.starts_with(&target) {
                upward.push(format!("{} uses {}", name(module), name(&target)));
                edges.remove(&target);
            }
        }
        graph.insert(module.clone(), edges);
    }
    // A loop is a pair of modules that each reach the other.
    let reach = |from: &Module| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.clone()];
        while let Some(m) = todo.pop() {
            for next in graph.get(&m).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        seen
    };
    let mut loops = BTreeSet::new();
    for a in graph.keys() {
        let from_a = reach(a);
        for b in &from_a {
            if a < b && reach(b).contains(a) {
                loops.insert(format!("{} <-> {}", name(a), name(b)));
            }
        }
    }
    assert!(
        loops.is_empty() && upward.is_empty(),
        "import loops in src/engine:\n{}\nupward imports:\n{}",
        loops.into_iter().collect::<Vec<_>>().join("\n"),
        upward.join("\n")
    );
}

/// The rooms face one way: `metadata/` is used by `formats/`, `pipeline/` and `plan/` and names none of them;
/// `formats/` is used by `pipeline/` and `plan/` and names neither.
#[test]
fn the_format_and_metadata_rooms_face_one_way() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine");
    let files = modules(&root);
    let known: BTreeSet<Module> = files.keys().cloned().collect();
    let mut wrong = Vec::new();
    for (module, path) in &files {
        let forbidden: &[&str] = match module.first().map(String::as_str) {
            Some("metadata") => &["formats", "pipeline", "plan"],
            Some("formats") => &["pipeline", "plan"],
            _ => continue,
        };
        for target in imports(module, &code(path), &known) {
            if target.first().is_some_and(|t| forbidden.contains(&t.as_str())) {
                wrong.push(format!("{} uses {}", name(module), name(&target)));
            }
        }
    }
    assert!(wrong.is_empty(), "rooms facing the wrong way:\n{}", wrong.join("\n"));
}

#[test]
fn the_engine_names_no_ui_or_command_line_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine");
    for (module, path) in modules(&root) {
        let code = code(&path);
        for krate in ["egui", "eframe", "rfd", "clap", "anyhow", "indicatif"] {
            assert!(!code.contains(&format!("{krate}::")), "{} names {krate}", name(&module));
        }
    }
}

#[test]
fn use_trees_are_read_whole() {
    let paths = use_paths("{a, b::{c, d::E}, f::G};");
    let text: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(text, ["a", "b::c", "b::d::E", "f::G"]);
    assert_eq!(use_paths("plan::Task;").len(), 1);
}
