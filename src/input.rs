//! Inputs: paths on the command line, directories walked for Markdown files, standard input.
//! A file that cannot be read, is binary or is not UTF-8 is an error for that file alone.
//!
//! Walking honours .gitignore, .ignore and git's excludes as ripgrep does (the `ignore`
//! crate), skips hidden entries and follows no symlink, as ripgrep does by default: a link
//! loop cannot trap it, no file is checked or fixed twice, and `fix` never writes a file the
//! walk would not take itself (outside the tree, ignored, excluded or hidden) through a link
//! to it. A symlink named on the command line is followed, as any named file is taken.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use globset::GlobSet;

/// Markdown extensions taken when walking a directory.
const EXTENSIONS: [&str; 2] = ["md", "markdown"];

/// One input to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file named on the command line: always taken.
    File(PathBuf),
    /// A file found by walking a directory: taken only if it is a tracker document.
    Walked(PathBuf),
    /// Standard input, shown under this name.
    Stdin(PathBuf),
}

impl Input {
    pub fn path(&self) -> &Path {
        match self {
            Input::File(p) | Input::Walked(p) | Input::Stdin(p) => p,
        }
    }

    /// A file on disk, named or walked.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Input::File(p) | Input::Walked(p) => Some(p),
            Input::Stdin(_) => None,
        }
    }

    pub fn is_walked(&self) -> bool {
        matches!(self, Input::Walked(_))
    }
}

/// A file that could not be taken, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub path: PathBuf,
    pub cause: String,
}

/// Include and exclude globs, relative to `root`.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub root: PathBuf,
    pub include: Option<GlobSet>,
    pub exclude: Option<GlobSet>,
}

impl Filter {
    /// Whether a walked file passes the globs, matched relative to the config's directory
    /// wherever `tracker` runs from.
    fn takes(&self, path: &Path) -> bool {
        if self.include.is_none() && self.exclude.is_none() {
            return true;
        }
        let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        let (path, root) = (absolute(path), absolute(&self.root));
        let rel = path.strip_prefix(&root).unwrap_or(&path);
        self.include.as_ref().is_none_or(|g| g.is_match(rel))
            && !self.exclude.as_ref().is_some_and(|g| g.is_match(rel))
    }
}

/// Expands paths: files as given, directories to their Markdown files (recursively, in
/// name order), `-` to standard input. No paths means the current directory. A file reached
/// twice (`a.md ./a.md`, a file and its folder, `-` twice) is taken once, where it is first
/// named, so it is never reported or fixed twice.
pub fn collect(
    paths: &[PathBuf],
    stdin_name: Option<&Path>,
    filter: &Filter,
) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    let current = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &current[..]
    } else {
        paths
    };
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin(
                stdin_name.map_or_else(|| PathBuf::from("-"), Path::to_path_buf),
            ));
        } else if path.is_dir() {
            walk(path, filter, &mut inputs, &mut errors);
        } else {
            inputs.push(Input::File(path.clone()));
        }
    }
    // One path cannot name a file twice: a walk takes each file once.
    if paths.len() > 1 {
        inputs = dedup(inputs);
    }
    (inputs, errors)
}

/// The inputs without repeats: files compared as they are on disk.
fn dedup(inputs: Vec<Input>) -> Vec<Input> {
    let mut seen = rustc_hash::FxHashSet::default();
    let mut stdin = false;
    inputs
        .into_iter()
        .filter(|input| match input.file() {
            Some(path) => seen.insert(path.canonicalize().unwrap_or_else(|_| path.to_path_buf())),
            None => !std::mem::replace(&mut stdin, true),
        })
        .collect()
}

fn walk(dir: &Path, filter: &Filter, inputs: &mut Vec<Input>, errors: &mut Vec<InputError>) {
    let walker = ignore::WalkBuilder::new(dir)
        // A .gitignore counts even before `git init`, as users expect of a linter.
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                errors.push(walk_error(dir, &e));
                continue;
            }
        };
        // A symlink's file type is the link's own, so links are never taken.
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        // `./docs/a.md` is shown as `docs/a.md`, as other linters show it.
        let path = entry.path();
        let path = path.strip_prefix(".").unwrap_or(path);
        if is_markdown(path) && filter.takes(path) {
            inputs.push(Input::Walked(path.to_path_buf()));
        }
    }
}

/// A walk error: the path it names (or the directory walked) and its cause.
fn walk_error(dir: &Path, e: &ignore::Error) -> InputError {
    let (mut path, mut inner) = (dir.to_path_buf(), e);
    loop {
        match inner {
            ignore::Error::WithPath { path: p, err } => {
                path = p.strip_prefix(".").unwrap_or(p).to_path_buf();
                inner = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                inner = err;
            }
            ignore::Error::Io(io) => {
                return InputError {
                    path,
                    cause: io_cause(io),
                };
            }
            other => {
                return InputError {
                    path,
                    cause: other.to_string(),
                };
            }
        }
    }
}

fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Reads an input as UTF-8 text, refusing binary files and devices.
pub fn read(input: &Input) -> Result<String, String> {
    let bytes = match input {
        Input::Stdin(_) => stdin()?.to_vec(),
        Input::File(path) | Input::Walked(path) => {
            let meta = fs::metadata(path).map_err(|e| io_cause(&e))?;
            if !meta.is_file() {
                return Err("not a regular file".to_string());
            }
            fs::read(path).map_err(|e| io_cause(&e))?
        }
    };
    decode(bytes)
}

/// Standard input's bytes, read once (the first time it is asked for) and kept, so that
/// `fix -` can give them back unchanged when it cannot fix them.
static STDIN: std::sync::OnceLock<Result<Vec<u8>, String>> = std::sync::OnceLock::new();

fn stdin() -> Result<&'static [u8], String> {
    let read = STDIN.get_or_init(|| {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map(|_| buf)
            .map_err(|e| e.to_string())
    });
    read.as_deref().map_err(Clone::clone)
}

/// The bytes standard input held, if it was read in full.
pub fn stdin_bytes() -> Option<&'static [u8]> {
    STDIN.get()?.as_deref().ok()
}

/// Text from bytes: binary (a NUL byte) and invalid UTF-8 are refused with the offset.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if let Some(at) = memchr::memchr(0, &bytes) {
        return Err(format!("binary file (NUL byte at offset {at})"));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

fn io_cause(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding() {
        assert_eq!(decode(b"ok".to_vec()).unwrap(), "ok");
        assert_eq!(
            decode(b"a\0b".to_vec()).unwrap_err(),
            "binary file (NUL byte at offset 1)"
        );
        assert_eq!(
            decode(b"ab\xff".to_vec()).unwrap_err(),
            "not valid UTF-8 (invalid byte at offset 2)"
        );
    }
}
