//! Context: when files named on the command line refer to units outside themselves (as in a
//! pre-commit hook, which names only the staged files), the other trackers of the repository
//! are read too, so that those references resolve as they would over the whole repository:
//! to the one unit that has the id, to nothing when several files have it. They are never
//! reported on or written.

use std::path::{Path, PathBuf};

use rustc_hash::FxHashSet;

use super::settings::{Request, Settings};
use crate::graph::Fragment;
use crate::input::{self, Input};
use crate::model::{Reference, Target, UnitId};

/// The repository's other tracker files, if `fragments` hold references that their own
/// document does not answer and the paths given do not already cover the repository;
/// otherwise none, at no cost.
pub(super) fn others(
    fragments: &[&Fragment],
    request: Request,
    s: &Settings,
) -> Option<Vec<Input>> {
    let given = || {
        let outward = fragments.iter().any(|fragment| {
            looks_outward(
                fragment.nodes.iter().map(|n| &n.id),
                fragment.dependencies.refs(),
            )
        });
        outward.then(|| paths(fragments.iter().map(|p| &p.path)))
    };
    repository_files(request, s, given)
}

/// The given files as they are on disk.
fn paths<'a>(given: impl Iterator<Item = &'a PathBuf>) -> FxHashSet<PathBuf> {
    given.filter_map(|p| p.canonicalize().ok()).collect()
}

/// The tracker files of the repositories holding the paths given, other than the ones
/// given, when the paths do not cover those repositories and `given` (asked only then) says
/// references look outward. A path outside any repository brings no context: only the
/// paths named are read, wherever `tracker` runs.
fn repository_files(
    request: Request,
    s: &Settings,
    given: impl FnOnce() -> Option<FxHashSet<PathBuf>>,
) -> Option<Vec<Input>> {
    let cwd = std::env::current_dir().ok()?.canonicalize().ok()?;
    let named = named_paths(request);
    let mut roots: Vec<PathBuf> = named.iter().filter_map(|p| repository_of(p)).collect();
    roots.sort();
    roots.dedup();
    // A folder given that holds a repository's root already brings all of it. Whether the
    // paths cover the repositories is cheaper to know than whether some reference looks
    // outward, so it is asked first.
    let dirs: Vec<PathBuf> = named
        .iter()
        .filter(|p| p.is_dir())
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    roots.retain(|root| !dirs.iter().any(|dir| root.starts_with(dir)));
    if roots.is_empty() {
        return None;
    }
    let given = given()?;
    let mut found = Vec::new();
    for root in roots {
        let (inputs, _) = input::collect(&[shown(&root, &cwd)], None, &s.filter);
        // A symlink that leads out of the repository is not followed: context comes from
        // the repository alone. Files that cannot be read are the walk's concern only if
        // they were asked for.
        found.extend(inputs.into_iter().filter(|i| {
            i.path()
                .canonicalize()
                .is_ok_and(|p| !given.contains(&p) && p.starts_with(&root))
        }));
    }
    Some(found)
}

/// The paths a run names, standard input standing where its name says it is (else in the
/// current directory); none means the current directory.
fn named_paths(request: Request) -> Vec<PathBuf> {
    if request.paths.is_empty() {
        return vec![PathBuf::from(".")];
    }
    request
        .paths
        .iter()
        .map(|p| match (p.as_os_str() == "-", request.stdin_filename) {
            (false, _) => p.clone(),
            (true, Some(name)) => name
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
            (true, None) => PathBuf::from("."),
        })
        .collect()
}

/// The repository holding `path` (a file or folder): the nearest folder at or above it
/// holding `.git`, as it is on disk. `None` outside any repository.
fn repository_of(path: &Path) -> Option<PathBuf> {
    let real = path.canonicalize().ok()?;
    let dir = if real.is_dir() {
        real.as_path()
    } else {
        real.parent()?
    };
    dir.ancestors()
        .find(|a| a.join(".git").exists())
        .map(Path::to_path_buf)
}

/// A folder as messages show it: relative to the current directory when one holds the
/// other (`.`, `..`, `docs`), else as it is.
fn shown(dir: &Path, cwd: &Path) -> PathBuf {
    if let Ok(below) = dir.strip_prefix(cwd) {
        return if below.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            below.to_path_buf()
        };
    }
    match cwd.strip_prefix(dir) {
        Ok(above) => above.components().map(|_| "..").collect(),
        Err(_) => dir.to_path_buf(),
    }
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
