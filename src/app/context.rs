//! Context: when files named on the command line refer to units outside themselves (as in a
//! pre-commit hook, which names only the staged files), the other trackers of the repository
//! are read too, so that those references resolve as they would over the whole repository:
//! to the one unit that has the id, to nothing when several files have it. They are never
//! reported on or written.

use std::path::{Path, PathBuf};

use rustc_hash::FxHashSet;

use super::{Settings, read_each};
use crate::cli::CommonArgs;
use crate::graph::{Nodes, Part};
use crate::input::{self, Input};
use crate::model::{Document, Reference, Target, UnitId};
use crate::resolve::Resolver;

/// The parts of the graph of the repository's other tracker documents, if `parts` hold
/// references that their own document does not answer and the paths given do not already
/// cover the repository; otherwise none, at no cost. Beside each, what `keep` takes of the
/// document and its part.
pub(super) fn context_parts<T: Send>(
    parts: &[&Part],
    args: &CommonArgs,
    s: &Settings,
    keep: impl Fn(&Document, &Part) -> T + Sync,
) -> Vec<(Part, T)> {
    let given = || {
        let outward = parts
            .iter()
            .any(|part| looks_outward(part.nodes.iter().map(|n| &n.id), part.dependencies.refs()));
        outward.then(|| paths(parts.iter().map(|p| &p.path)))
    };
    let Some(others) = others(args, s, given) else {
        return Vec::new();
    };
    let (found, _) = read_each(others, s, |_, doc| part_of(doc, s, &keep));
    found.into_iter().map(|(_, found)| found).collect()
}

/// A document's part of the graph, and what `keep` takes of the document and its part.
pub(super) fn part_of<T>(
    mut doc: Document,
    s: &Settings,
    keep: impl Fn(&Document, &Part) -> T,
) -> (Part, T) {
    let resolver = Resolver::new(&doc, s.rules.counting.clone());
    let nodes = Nodes::of(&doc, &resolver);
    drop(resolver);
    let part = Part::taken(&mut doc, nodes);
    let kept = keep(&doc, &part);
    (part, kept)
}

/// The given files as they are on disk.
fn paths<'a>(given: impl Iterator<Item = &'a PathBuf>) -> FxHashSet<PathBuf> {
    given.filter_map(|p| p.canonicalize().ok()).collect()
}

/// The repository's tracker files other than the ones given, when the paths do not cover
/// the repository and `given` (asked only then) says references look outward.
fn others(
    args: &CommonArgs,
    s: &Settings,
    given: impl FnOnce() -> Option<FxHashSet<PathBuf>>,
) -> Option<Vec<Input>> {
    let cwd = std::env::current_dir().ok()?;
    let root = repository_root(&cwd);
    let root_real = root.canonicalize().ok()?;
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
    if covered {
        return None;
    }
    let given = given()?;
    let (inputs, _) = input::collect(&[root], None, &s.filter);
    // A symlink that leads out of the repository is not followed: context comes from the
    // repository alone. Files that cannot be read are the walk's concern only if they were
    // asked for.
    Some(
        inputs
            .into_iter()
            .filter(|i| {
                i.path()
                    .canonicalize()
                    .is_ok_and(|p| !given.contains(&p) && p.starts_with(&root_real))
            })
            .collect(),
    )
}

/// Whether some dependency names what its own document does not have: a link, or an id
/// none of the document's `ids` is. (A cheap pass over the ids; the graph itself is built
/// once, with whatever context this brings.)
fn looks_outward<'a>(ids: impl Iterator<Item = &'a UnitId>, refs: &[Reference]) -> bool {
    let ids: FxHashSet<&UnitId> = ids.collect();
    // Each number, and whether some unit has it without a kind.
    let mut numbers: rustc_hash::FxHashMap<&str, bool> = Default::default();
    for id in &ids {
        *numbers.entry(id.number.as_str()).or_default() |= id.kind.is_none();
    }
    let answers = |id: &UnitId| {
        ids.contains(id)
            || numbers
                .get(id.number.as_str())
                .is_some_and(|&kindless| kindless || id.kind.is_none())
    };
    refs.iter().any(|r| match &r.target {
        Target::File(_) => true,
        Target::Id(id) => !answers(id),
        Target::AllPrevious(_) => false,
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
