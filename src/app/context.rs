//! Context: when files named on the command line refer to units outside themselves (as in a
//! pre-commit hook, which names only the staged files), the other trackers of the repository
//! are read too, so that those references resolve as they would over the whole repository:
//! to the one unit that has the id, to nothing when several files have it. They are never
//! reported on or written.

use std::path::{Path, PathBuf};

use super::{Settings, parse_inputs};
use crate::cli::CommonArgs;
use crate::input::{self, Input};
use crate::model::{Document, Target, UnitId};

/// The repository's other tracker documents, if `docs` hold references that their own
/// document does not answer and the paths given do not already cover the repository;
/// otherwise none, at no cost.
pub(super) fn context(docs: &[Document], args: &CommonArgs, s: &Settings) -> Vec<Document> {
    let Ok(cwd) = std::env::current_dir() else {
        return Vec::new();
    };
    let root = repository_root(&cwd);
    let Ok(root_real) = root.canonicalize() else {
        return Vec::new();
    };
    let current = [PathBuf::from(".")];
    let walked = if args.paths.is_empty() {
        &current[..]
    } else {
        &args.paths[..]
    };
    let covered = walked
        .iter()
        .filter(|p| p.is_dir())
        .filter_map(|p| p.canonicalize().ok())
        .any(|dir| root_real.starts_with(dir));
    // Whether the paths cover the repository is cheaper to know than whether some
    // reference looks outward, so it is asked first.
    if covered || !looks_outward(docs) {
        return Vec::new();
    }
    let given: rustc_hash::FxHashSet<PathBuf> = docs
        .iter()
        .filter_map(|d| d.source.path.canonicalize().ok())
        .collect();
    let (inputs, _) = input::collect(&[root], None, &s.filter);
    // A symlink that leads out of the repository is not followed: context comes from the
    // repository alone.
    let others: Vec<Input> = inputs
        .into_iter()
        .filter(|i| {
            i.path()
                .canonicalize()
                .is_ok_and(|p| !given.contains(&p) && p.starts_with(&root_real))
        })
        .collect();
    // Files that cannot be read are the walk's concern only if they were asked for.
    let (found, _) = parse_inputs(others, s);
    found.into_iter().map(|(_, doc)| doc).collect()
}

/// Whether some dependency names what its own document does not have: a link, or an id
/// no unit of the document carries. (A cheap pass over the ids; the graph itself is built
/// once, with whatever context this brings.)
fn looks_outward(docs: &[Document]) -> bool {
    docs.iter().any(|doc| {
        let ids = doc.ids();
        // Each number, and whether some unit has it without a kind.
        let mut numbers: rustc_hash::FxHashMap<&str, bool> = Default::default();
        for id in ids.keys() {
            *numbers.entry(id.number.as_str()).or_default() |= id.kind.is_none();
        }
        let answers = |id: &UnitId| {
            ids.contains_key(id)
                || numbers
                    .get(id.number.as_str())
                    .is_some_and(|&kindless| kindless || id.kind.is_none())
        };
        doc.dependencies
            .iter()
            .flat_map(|decl| &decl.refs)
            .any(|r| match &r.target {
                Target::File(_) => true,
                Target::Id(id) => !answers(id),
                Target::AllPrevious(_) => false,
            })
    })
}

/// The nearest folder at or above `dir` holding `.git`, else `dir` itself. Shown relative
/// to `dir` (`.`, `..`), so paths in messages stay short.
fn repository_root(dir: &Path) -> PathBuf {
    let mut shown = PathBuf::from(".");
    for ancestor in dir.ancestors() {
        if ancestor.join(".git").exists() {
            return shown;
        }
        shown.push("..");
    }
    PathBuf::from(".")
}
