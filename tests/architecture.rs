//! The shape of the code, as docs/architecture.md describes it: no source file over 400
//! lines, no circle of imports between modules, and each layer importing only from the ones
//! below it.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use petgraph::algo::kosaraju_scc;
use petgraph::graph::DiGraph;
use regex::Regex;

/// A module as a path of names: `["parse", "scan"]` for src/parse/scan.rs, `["parse"]` for
/// src/parse/mod.rs, `[]` for src/lib.rs.
type Module = Vec<String>;

struct Source {
    file: String,
    text: String,
    /// Whether the file holds its folder's module (mod.rs, lib.rs): `super` is then the
    /// parent of that folder.
    holds_folder: bool,
}

fn sources() -> BTreeMap<Module, Source> {
    let src = common::root().join("src");
    let mut found = BTreeMap::new();
    let mut pending = vec![src.clone()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(&src).expect("under src");
            let mut module: Module = rel
                .with_extension("")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let stem = module.last().cloned().unwrap_or_default();
            let holds_folder = matches!(stem.as_str(), "mod" | "lib" | "main");
            if holds_folder {
                module.pop();
            }
            if stem == "main" {
                continue; // the binary: above everything
            }
            let text = std::fs::read_to_string(&path).expect("source is readable");
            found.insert(
                module,
                Source {
                    file: rel.display().to_string(),
                    text,
                    holds_folder,
                },
            );
        }
    }
    found
}

/// The text without line comments (doc comments may name any module) and without its
/// test module (whose `super` is the file itself).
fn code(text: &str) -> String {
    let text = text
        .split("#[cfg(test)]\nmod tests")
        .next()
        .unwrap_or_default();
    text.lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The longest module that `path` starts with.
fn module_of(path: &[String], modules: &BTreeMap<Module, Source>) -> Option<Module> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|m| modules.contains_key(m))
}

/// Every module each module names: through `crate::`, `super::` and `self::` paths (with
/// their `{..}` groups) and through its own child modules' names.
fn imports(modules: &BTreeMap<Module, Source>) -> BTreeMap<Module, BTreeSet<Module>> {
    let path = Regex::new(r"\b(crate|super|self)((?:::[A-Za-z_][A-Za-z0-9_]*)*)(::\{([^}]*)\})?")
        .expect("regex");
    let bare = Regex::new(r"(?:^|[^:\w])([a-z_][a-z0-9_]*)::").expect("regex");
    let mut out: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (module, source) in modules {
        let text = code(&source.text);
        let folder: Module = if source.holds_folder {
            module.clone()
        } else {
            module[..module.len() - 1].to_vec()
        };
        let mut named = BTreeSet::new();
        for m in path.captures_iter(&text) {
            // `self.x`, `&self`, `use super::*` (a test module's own parent) name no module.
            if m[2].is_empty() && m.get(4).is_none() {
                continue;
            }
            let base: Module = match &m[1] {
                "crate" => Vec::new(),
                "self" => module.clone(),
                _ if source.holds_folder => module[..module.len().saturating_sub(1)].to_vec(),
                _ => folder.clone(),
            };
            let mut full = base;
            full.extend(
                m[2].split("::")
                    .filter(|s| !s.is_empty())
                    .map(str::to_string),
            );
            let group: Vec<Module> = m.get(4).map_or_else(Vec::new, |g| {
                g.as_str()
                    .split(',')
                    .filter_map(|item| {
                        let item = item.split(" as ").next()?.trim();
                        (!item.is_empty()).then(|| {
                            let mut p = full.clone();
                            p.extend(item.split("::").map(|s| s.trim().to_string()));
                            p
                        })
                    })
                    .collect()
            });
            // A group names its items (`self` among them names the module itself).
            let named_paths = if group.is_empty() { vec![full] } else { group };
            for p in named_paths {
                if let Some(found) = module_of(&p, modules) {
                    named.insert(found);
                }
            }
        }
        if source.holds_folder {
            for m in bare.captures_iter(&text) {
                let mut child = module.clone();
                child.push(m[1].to_string());
                if modules.contains_key(&child) {
                    named.insert(child);
                }
            }
        }
        named.remove(module);
        named.remove(&Vec::new());
        out.insert(module.clone(), named);
    }
    out
}

fn shown(module: &Module) -> String {
    if module.is_empty() {
        "lib".to_string()
    } else {
        module.join("/")
    }
}

#[test]
fn no_source_file_is_over_400_lines() {
    let long: Vec<String> = sources()
        .values()
        .filter(|s| s.text.lines().count() > 400)
        .map(|s| format!("src/{} ({} lines)", s.file, s.text.lines().count()))
        .collect();
    assert!(long.is_empty(), "over 400 lines: {long:#?}");
}

#[test]
fn no_module_imports_itself_through_others() {
    let modules = sources();
    let imports = imports(&modules);
    let names: Vec<String> = modules.keys().map(shown).collect();
    let index = |m: &Module| modules.keys().position(|k| k == m).expect("known");
    let mut graph = DiGraph::<(), ()>::new();
    let nodes: Vec<_> = names.iter().map(|_| graph.add_node(())).collect();
    for (from, to) in &imports {
        for t in to {
            graph.add_edge(nodes[index(from)], nodes[index(t)], ());
        }
    }
    let circles: Vec<Vec<&str>> = kosaraju_scc(&graph)
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|c| {
            let mut c: Vec<&str> = c.iter().map(|i| names[i.index()].as_str()).collect();
            c.sort_unstable();
            c
        })
        .collect();
    assert!(circles.is_empty(), "import circles: {circles:#?}");
}

/// Which modules each layer may import, bottom first: a module imports only from layers at
/// or below its own (and, inside a folder, from its own folder).
const LAYERS: &[&[&str]] = &[
    &["source", "panic", "parallel", "debug_hooks", "pattern"],
    &["vocab"],
    &["model"],
    &["parse"],
    &["resolve"],
    &["graph"],
    &["diagnostic", "suppress"],
    &["rules", "status"],
    &["input", "config", "pipeline", "write"],
    &["fix", "report"],
    &["cli"],
    &["app"],
];

fn layer(module: &Module) -> usize {
    let top = module.first().map_or("", String::as_str);
    LAYERS
        .iter()
        .position(|l| l.contains(&top))
        .unwrap_or_else(|| panic!("src/{top} belongs to no layer in LAYERS"))
}

#[test]
fn layers_import_only_downwards() {
    let modules = sources();
    let mut upward = Vec::new();
    for (from, to) in imports(&modules) {
        if from.is_empty() {
            continue; // lib.rs declares every module
        }
        for t in to {
            if t.first() != from.first() && layer(&t) > layer(&from) {
                upward.push(format!("{} imports {}", shown(&from), shown(&t)));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports from a higher layer: {upward:#?}"
    );
}

#[test]
fn only_the_parser_is_called_from_outside_parse() {
    // Outside parse/, the parser is its entry point and the model it returns: helpers of
    // the grammar are not an interface.
    let named = Regex::new(r"crate::parse::(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)").expect("regex");
    let mut inside = Vec::new();
    for source in sources().values() {
        if source.file.starts_with("parse/") {
            continue;
        }
        for m in named.captures_iter(&code(&source.text)) {
            let items = m[1].trim_matches(|c| c == '{' || c == '}');
            for item in items.split(',').map(str::trim).filter(|i| !i.is_empty()) {
                if item != "parse" {
                    inside.push(format!("src/{} calls parse::{item}", source.file));
                }
            }
        }
    }
    assert!(inside.is_empty(), "reaches inside parse/: {inside:#?}");
}
