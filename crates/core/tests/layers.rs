//! The core's modules import downwards only (docs/ARCHITECTURE.md, "Layers"):
//!
//! `span` ← `schema` ← `table`, `names` ← `ingest` ← `extract`, `equations` ← `repair` ←
//! `report` ← `similarity` ← `rules` ← `across` ← `roster` ← `json`, `explain`; only `lib.rs` sees everything.
//!
//! This test reads the sources: every `crate::…` path outside comments must name a module of a
//! lower layer (or the file's own top-level module), never a name re-exported by `lib.rs`; and
//! the files of one module must not import each other in a circle (a file may use what its
//! parent module holds).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first; modules on one line may not import each other.
const LAYERS: &[&[&str]] = &[
    &["span"],
    &["schema"],
    &["table", "names"],
    &["ingest"],
    &["extract", "equations", "indicators"],
    &["repair"],
    &["report"],
    &["similarity"],
    &["rules"],
    &["across"],
    &["roster"],
    &["json", "explain"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `ingest/pdf/cmap.rs` → `["ingest", "pdf", "cmap"]`; `ingest/mod.rs` → `["ingest"]`.
fn module_of(path: &Path) -> Vec<String> {
    let rel = path.strip_prefix(src()).unwrap_or(path);
    let mut parts: Vec<String> = rel
        .iter()
        .map(|c| c.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|l| l == "mod" || l == "lib") {
        parts.pop();
    }
    parts
}

/// The code of a file without its comments (line and doc comments are dropped: that is where
/// paths are named in prose) and without its unit tests.
fn code(text: &str) -> String {
    // A file's unit tests (its `#[cfg(test)]` module, at the end) may use the whole crate.
    let text = text.split("#[cfg(test)]").next().unwrap_or(text);
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path the code names starting at `crate::` or `super::`, as its segments.
fn paths(code: &str, root: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let pat = format!("{root}::");
    let mut at = 0;
    while let Some(i) = code[at..].find(&pat) {
        let start = at + i;
        let before = code[..start].chars().next_back();
        at = start + pat.len();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let mut segs = vec![root.to_string()];
        let mut rest = &code[at..];
        loop {
            let n = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            if n == 0 {
                break;
            }
            segs.push(rest[..n].to_string());
            rest = &rest[n..];
            match rest.strip_prefix("::") {
                Some(r) => rest = r,
                None => break,
            }
        }
        // `use crate::{a, b}` or `use super::{x::y, z}`: each item of the group.
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let item = item.trim();
                let first = item.split("::").next().unwrap_or("").trim();
                if !first.is_empty() && first != "self" {
                    let mut s = segs.clone();
                    s.push(first.to_string());
                    out.push(s);
                }
            }
        } else {
            out.push(segs);
        }
    }
    out
}

struct Tree {
    /// Every file module, by its path.
    modules: BTreeSet<Vec<String>>,
}

impl Tree {
    /// The file module a path names, resolved from `from`: the longest prefix that is a module.
    fn resolve(&self, from: &[String], path: &[String]) -> Option<Vec<String>> {
        let mut abs: Vec<String> = match path.first().map(String::as_str) {
            Some("crate") => Vec::new(),
            Some("super") => {
                // `super` of a file module: its parent; of `mod.rs`, the module's parent.
                let mut m = from.to_vec();
                m.pop();
                m
            }
            _ => return None,
        };
        let mut rest = &path[1..];
        while rest.first().is_some_and(|s| s == "super") {
            abs.pop();
            rest = &rest[1..];
        }
        abs.extend(rest.iter().cloned());
        while !abs.is_empty() && !self.modules.contains(&abs) {
            abs.pop();
        }
        Some(abs)
    }
}

fn read_tree() -> (Tree, Vec<(Vec<String>, String)>) {
    let mut list = Vec::new();
    files(&src(), &mut list);
    list.sort();
    let sources: Vec<(Vec<String>, String)> = list
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap_or_default();
            (module_of(p), code(&text))
        })
        .collect();
    let modules = sources.iter().map(|(m, _)| m.clone()).collect();
    (Tree { modules }, sources)
}

#[test]
fn imports_point_down() {
    let (tree, sources) = read_tree();
    assert!(sources.len() > 40, "sources not found under {:?}", src());
    let mut wrong = Vec::new();
    for (module, code) in &sources {
        let Some(top) = module.first() else {
            continue; // lib.rs sees everything
        };
        let Some(own) = layer(top) else {
            wrong.push(format!(
                "{}: a top-level module on no layer",
                module.join("::")
            ));
            continue;
        };
        for p in paths(code, "crate") {
            let target = p.get(1).cloned().unwrap_or_default();
            if !tree.modules.contains(&vec![target.clone()]) {
                wrong.push(format!(
                    "{} uses crate::{target} through lib.rs; import it from its module",
                    module.join("::")
                ));
                continue;
            }
            if &target == top {
                continue;
            }
            match layer(&target) {
                Some(l) if l < own => {}
                _ => wrong.push(format!(
                    "{} (layer {own}) imports {} from a layer not below it",
                    module.join("::"),
                    p.join("::")
                )),
            }
        }
    }
    assert!(wrong.is_empty(), "upward imports:\n{}", wrong.join("\n"));
}

#[test]
fn no_import_circles_among_files() {
    let (tree, sources) = read_tree();
    // Edges between file modules, leaving out a file's use of its own ancestors.
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (module, code) in &sources {
        let mut all = paths(code, "crate");
        all.extend(paths(code, "super"));
        for p in all {
            let Some(to) = tree.resolve(module, &p) else {
                continue;
            };
            if to.is_empty() || &to == module || module.starts_with(&to) {
                continue;
            }
            edges.entry(module.clone()).or_default().insert(to);
        }
    }
    // A circle is a path from a module back to itself.
    let mut circles = Vec::new();
    for start in edges.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((at, trail)) = stack.pop() {
            for next in edges.get(&at).into_iter().flatten() {
                if next == start {
                    let names: Vec<String> = trail.iter().map(|m| m.join("::")).collect();
                    circles.push(format!("{} → {}", names.join(" → "), start.join("::")));
                } else if seen.insert(next.clone()) {
                    let mut t = trail.clone();
                    t.push(next.clone());
                    stack.push((next.clone(), t));
                }
            }
        }
    }
    assert!(
        circles.is_empty(),
        "import circles:\n{}",
        circles.join("\n")
    );
}

#[test]
fn the_check_reads_paths_as_written() {
    let code = "use crate::ingest::{norm::normalize, Document};\nlet x = crate::schema::ROWS;";
    let found = paths(code, "crate");
    assert_eq!(
        found,
        vec![
            vec!["crate", "ingest", "norm"],
            vec!["crate", "ingest", "Document"],
            vec!["crate", "schema", "ROWS"],
        ]
    );
    assert!(paths("mycrate::x", "crate").is_empty());
}
