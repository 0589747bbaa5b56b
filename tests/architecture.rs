//! The layers of docs/ARCHITECTURE.md, checked against the code. Every `crate::…` path in
//! `src/` and `src-tauri/src/` (in `use` statements, use-trees expanded, and inline; `super::`
//! paths resolved) is an edge from the module of the file to the module it names. The test fails
//! when a module imports one of a layer above its own, when two modules import each other
//! (directly or through others, also within one layer), and when a file or a path belongs to no
//! declared module.
//!
//! A module is a top-level file or folder of the source directory; in a layer written as
//! `name/*` (a folder of folders, such as `domain/*`) each subfolder or file is a module.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// One declared layer: its modules (`kernel`, or `domain/contacts` expanded from `domain/*`).
type Layers = Vec<Vec<String>>;

/// The numbered list under `heading` in the architecture doc: each item names its modules in
/// backticks before a dash, e.g. "3. `vault`, `settings` — keys, open, lock".
fn declared_layers(doc: &str, heading: &str, src: &Path) -> Layers {
    let section = format!("\n{doc}");
    let section = section
        .split("\n### ")
        .find(|s| s.starts_with(heading))
        .unwrap_or_else(|| panic!("docs/ARCHITECTURE.md has no section `### {heading}`"));
    let mut layers = Vec::new();
    for line in section.lines().skip(1) {
        let line = line.trim();
        if line.starts_with("### ") || line.starts_with("## ") {
            break;
        }
        let Some((number, rest)) = line.split_once(". ") else { continue };
        if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let names = rest.split(" — ").next().unwrap_or("");
        let mut modules = Vec::new();
        for name in names.split('`').skip(1).step_by(2) {
            match name.strip_suffix("/*") {
                Some(folder) => {
                    // The folder's own mod.rs (declarations, re-exports) is a module of the layer.
                    modules.push(folder.to_string());
                    modules.extend(children(&src.join(folder), folder));
                }
                None => modules.push(name.trim_end_matches(".rs").to_string()),
            }
        }
        assert!(!modules.is_empty(), "layer without modules in `{heading}`: {line}");
        layers.push(modules);
    }
    assert!(!layers.is_empty(), "no numbered layers under `### {heading}`");
    layers
}

/// The modules of a folder of folders: each subfolder and each file but `mod.rs`.
fn children(dir: &Path, prefix: &str) -> Vec<String> {
    let mut out: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.is_dir() || (p.extension().is_some_and(|x| x == "rs") && !p.ends_with("mod.rs"))
        })
        .map(|p| format!("{prefix}/{}", p.file_stem().unwrap().to_string_lossy()))
        .collect();
    out.sort();
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// Source text without comments, string and char literals (so `crate::` in a doc comment or a
/// message is not an import).
fn code_only(text: &str) -> String {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !ident_char(b.get(i.wrapping_sub(1)).copied())
        {
            // Raw string r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == '"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' {
            // A char literal ('a', '\n', '\u{..}'), else a lifetime.
            if next == Some('\\') {
                let mut j = i + 2;
                while j < b.len() && b[j] != '\'' {
                    j += 1;
                }
                i = j + 1;
                out.push_str("' '");
            } else if b.get(i + 2) == Some(&'\'') {
                i += 3;
                out.push_str("' '");
            } else {
                out.push(c);
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// Expands a use-tree (`crate::{a::{b, c}, d as e}`) into its paths, as segment lists.
fn expand_tree(tree: &str) -> Vec<Vec<String>> {
    fn split_top(s: &str) -> Vec<&str> {
        let (mut depth, mut start, mut parts) = (0, 0, Vec::new());
        for (i, c) in s.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(&s[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        parts.push(&s[start..]);
        parts
    }
    let tree: String = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    let tree = tree.trim();
    if tree.is_empty() {
        return Vec::new();
    }
    if let Some(open) = tree.find('{') {
        let prefix = tree[..open].trim_end_matches("::").trim();
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let prefix: Vec<String> =
            prefix.split("::").filter(|s| !s.is_empty()).map(str::to_string).collect();
        let mut out = Vec::new();
        for part in split_top(inner) {
            for rest in expand_tree(part) {
                // `self` inside a tree names the prefix itself.
                let rest: Vec<String> = rest.into_iter().filter(|s| s != "self").collect();
                out.push(prefix.iter().cloned().chain(rest).collect());
            }
        }
        return out;
    }
    let path = tree.split(" as ").next().unwrap_or("").trim();
    vec![path.split("::").map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()]
}

/// Every path of `code` that starts at `crate`, `super` or `self`, resolved to absolute segments
/// below the crate root. `here` is the module path of the file (`["domain", "contacts", "erase"]`).
fn paths(code: &str, here: &[String]) -> Vec<Vec<String>> {
    let mut raw: Vec<Vec<String>> = Vec::new();
    // use statements (with `pub`, `pub(crate)` …), trees expanded.
    let mut rest = code;
    let mut taken = String::new();
    while let Some(pos) = find_word(rest, "use") {
        taken.push_str(&rest[..pos]);
        let after = &rest[pos + 3..];
        let end = after.find(';').unwrap_or(after.len());
        raw.extend(expand_tree(&after[..end]));
        taken.push(' ');
        rest = &after[(end + 1).min(after.len())..];
    }
    taken.push_str(rest);
    // Inline paths in the remaining code.
    let text = taken;
    for start in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(p) = text[from..].find(start) {
            let at = from + p;
            from = at + start.len();
            if ident_char(text[..at].chars().last()) || text[..at].ends_with("::") {
                continue;
            }
            let path: String = text[at..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            raw.push(path.split("::").filter(|s| !s.is_empty()).map(str::to_string).collect());
        }
    }
    let mut out = Vec::new();
    for segs in raw {
        let Some(first) = segs.first() else { continue };
        let resolved = match first.as_str() {
            "crate" => segs[1..].to_vec(),
            "super" | "self" => {
                let mut base: Vec<String> = here.to_vec();
                let mut i = 0;
                while let Some(s) = segs.get(i) {
                    match s.as_str() {
                        "super" => {
                            base.pop();
                        }
                        "self" => {}
                        _ => break,
                    }
                    i += 1;
                }
                base.extend(segs[i..].iter().cloned());
                base
            }
            _ => continue,
        };
        out.push(resolved);
    }
    out
}

fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = text[from..].find(word) {
        let at = from + p;
        let before = text[..at].chars().last();
        let after = text[at + word.len()..].chars().next();
        if !ident_char(before) && after.is_some_and(char::is_whitespace) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// The module path of a file below `src` (`domain/contacts/erase.rs` → domain, contacts, erase).
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap();
    let mut segs: Vec<String> = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
    let last = segs.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" {
        segs.push(stem.to_string());
    }
    segs
}

/// The declared module that `segs` lies in: the longest declared name that is a prefix.
fn owner<'a>(modules: &'a [String], segs: &[String]) -> Option<&'a String> {
    modules
        .iter()
        .filter(|m| {
            let parts: Vec<&str> = m.split('/').collect();
            parts.len() <= segs.len() && parts.iter().zip(segs).all(|(a, b)| a == b)
        })
        .max_by_key(|m| m.split('/').count())
}

/// Checks one source tree against its layers; returns every violation found.
fn check(src: &Path, layers: &Layers, roots: &[&str]) -> Vec<String> {
    let modules: Vec<String> = layers.iter().flatten().cloned().collect();
    let layer_of: BTreeMap<&String, usize> =
        layers.iter().enumerate().flat_map(|(i, l)| l.iter().map(move |m| (m, i))).collect();
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut problems = Vec::new();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let rel = file.strip_prefix(src).unwrap().to_string_lossy().into_owned();
        if roots.contains(&rel.as_str()) {
            continue;
        }
        let here = module_path(src, file);
        let Some(from) = owner(&modules, &here) else {
            problems.push(format!("{rel} is in no layer of docs/ARCHITECTURE.md"));
            continue;
        };
        let code = code_only(&fs::read_to_string(file).unwrap());
        for segs in paths(&code, &here) {
            if segs.is_empty() {
                continue;
            }
            let Some(to) = owner(&modules, &segs) else {
                // A name defined in the crate root (lib.rs / main.rs re-exports or macros).
                if segs.len() == 1 {
                    continue;
                }
                problems
                    .push(format!("{rel}: crate::{} names no declared module", segs.join("::")));
                continue;
            };
            if to == from {
                continue;
            }
            if layer_of[to] > layer_of[from] {
                problems.push(format!(
                    "{rel}: `{from}` imports `{to}` (crate::{}), a layer above it",
                    segs.join("::")
                ));
            }
            edges.entry(from.clone()).or_default().insert(to.clone());
        }
    }
    for cycle in cycles(&edges) {
        problems.push(format!("import cycle: {}", cycle.join(" -> ")));
    }
    problems
}

/// The cycles of the graph, one per strongly connected component with more than one module.
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    let nodes: BTreeSet<&String> = edges.keys().chain(edges.values().flatten()).collect();
    let mut found = Vec::new();
    let mut seen_in_cycle: BTreeSet<String> = BTreeSet::new();
    for start in nodes {
        if seen_in_cycle.contains(start) {
            continue;
        }
        // Shortest path back to `start` by breadth-first search.
        let mut prev: BTreeMap<String, String> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([start.clone()]);
        let mut back = None;
        while let Some(n) = queue.pop_front() {
            for m in edges.get(&n).into_iter().flatten() {
                if m == start {
                    back = Some(n.clone());
                    queue.clear();
                    break;
                }
                if !prev.contains_key(m) {
                    prev.insert(m.clone(), n.clone());
                    queue.push_back(m.clone());
                }
            }
        }
        if let Some(mut n) = back {
            let mut cycle = vec![n.clone()];
            while &n != start {
                n = prev[&n].clone();
                cycle.push(n.clone());
            }
            cycle.reverse();
            cycle.push(start.clone());
            seen_in_cycle.extend(cycle.iter().cloned());
            found.push(cycle);
        }
    }
    found
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn doc() -> String {
    fs::read_to_string(root().join("docs/ARCHITECTURE.md")).expect("docs/ARCHITECTURE.md")
}

#[test]
fn the_core_imports_only_downwards_and_has_no_cycles() {
    let src = root().join("src");
    let layers = declared_layers(&doc(), "Core layers", &src);
    let problems = check(&src, &layers, &["lib.rs", "main.rs"]);
    assert!(problems.is_empty(), "core layering broken:\n{}", problems.join("\n"));
}

#[test]
fn the_desktop_shell_imports_only_downwards_and_has_no_cycles() {
    let src = root().join("src-tauri/src");
    let layers = declared_layers(&doc(), "Desktop shell layers", &src);
    let problems = check(&src, &layers, &["main.rs"]);
    assert!(problems.is_empty(), "desktop layering broken:\n{}", problems.join("\n"));
}

/// The checker itself: on a small tree with an upward import, a cycle within one layer, a
/// `super::super` path and imports hidden in comments and strings, it finds exactly those.
#[test]
fn the_checker_finds_upward_imports_and_cycles() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    let write = |p: &str, text: &str| {
        let path = src.join(p);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    };
    write("lib.rs", "pub mod kernel; pub mod domain; pub mod app;");
    write("kernel/mod.rs", "use crate::app::run; // upward\n");
    write("domain/mod.rs", "pub mod a; pub mod b; pub mod c;");
    write("domain/a/mod.rs", "use crate::{kernel::X, domain::b::{self, Y}};\n");
    write("domain/b/mod.rs", "fn f() { super::super::domain::c::g(); }\n");
    write(
        "domain/c.rs",
        "// use crate::domain::a;\nconst S: &str = \"crate::domain::a::x\";\nfn g() { crate::domain::a::h(); }\n",
    );
    write("app/mod.rs", "use crate::kernel::X;\npub fn run() {}\n");
    let doc =
        "### Core layers\n1. `kernel` — base\n2. `domain/*` — domains\n3. `app` — use cases\n";
    let layers = declared_layers(doc, "Core layers", src);
    assert_eq!(layers[1], ["domain", "domain/a", "domain/b", "domain/c"]);
    let problems = check(src, &layers, &["lib.rs"]);
    assert_eq!(
        problems,
        [
            "kernel/mod.rs: `kernel` imports `app` (crate::app::run), a layer above it",
            "import cycle: app -> kernel -> app",
            "import cycle: domain/a -> domain/b -> domain/c -> domain/a",
        ]
    );
    // And a tree that keeps to its layers passes.
    write("kernel/mod.rs", "pub struct X;\n");
    write("domain/c.rs", "pub fn g() {}\n");
    assert!(check(src, &layers, &["lib.rs"]).is_empty());
}

/// The front ends only parse, call and print: no WAL checkpoint, audit row or transaction is
/// written by hand in the CLI or the desktop shell, and the CLI's entry point stays a page.
#[test]
fn front_ends_only_parse_call_and_print() {
    let mut files = Vec::new();
    rust_files(&root().join("src/cli"), &mut files);
    rust_files(&root().join("src-tauri/src"), &mut files);
    files.push(root().join("src/main.rs"));
    let mut found = Vec::new();
    for file in &files {
        let code = code_only(&fs::read_to_string(file).unwrap());
        for needle in ["checkpoint(", ".audit(", ".audit_detail(", ".transaction("] {
            if code.contains(needle) {
                found.push(format!("{}: {needle}", file.display()));
            }
        }
    }
    assert!(found.is_empty(), "front ends doing core work by hand:\n{}", found.join("\n"));
    let main = fs::read_to_string(root().join("src/main.rs")).unwrap();
    assert!(main.lines().count() < 100, "src/main.rs has {} lines", main.lines().count());
}
