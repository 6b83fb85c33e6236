//! Context: when files named on the command line refer to units outside themselves (as in a
//! pre-commit hook, which names only the staged files), the other trackers of the repository
//! are read too, so that those references resolve as they would over the whole repository:
//! to the one unit that has the id, to nothing when several files have it. They are never
//! reported on or written.

use std::path::{Path, PathBuf};

use super::{Settings, read_documents};
use crate::cli::CommonArgs;
use crate::graph::Graph;
use crate::model::Document;
use crate::resolve::Resolver;

/// The repository's other tracker documents, if `docs` hold references that their own
/// document does not answer; otherwise none, at no cost.
pub(super) fn context(docs: &[Document], args: &CommonArgs, s: &Settings) -> Vec<Document> {
    if args.paths.is_empty() || !looks_outward(docs, s) {
        return Vec::new();
    }
    let Ok(cwd) = std::env::current_dir() else {
        return Vec::new();
    };
    let root = repository_root(&cwd);
    let given: Vec<PathBuf> = docs
        .iter()
        .filter_map(|d| d.source.path.canonicalize().ok())
        .collect();
    let walk = CommonArgs {
        paths: vec![root],
        stdin_filename: None,
        ..args.clone()
    };
    // Files that cannot be read are the walk's concern only if they were asked for.
    let (found, _) = read_documents(&walk, s);
    found
        .into_iter()
        .map(|(_, doc)| doc)
        .filter(|doc| {
            doc.source
                .path
                .canonicalize()
                .is_ok_and(|p| !given.contains(&p))
        })
        .collect()
}

fn looks_outward(docs: &[Document], s: &Settings) -> bool {
    let resolvers: Vec<Resolver> = docs
        .iter()
        .map(|d| Resolver::new(d, s.rules.counting.clone()))
        .collect();
    let pairs: Vec<(&Document, &Resolver)> = docs.iter().zip(&resolvers).collect();
    Graph::build(&pairs).looks_outward()
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
