//! Inputs: paths on the command line, directories walked for Markdown files, standard input.
//! A file that cannot be read, is binary or is not UTF-8 is an error for that file alone.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use globset::GlobSet;

/// Markdown extensions taken when walking a directory.
const EXTENSIONS: [&str; 2] = ["md", "markdown"];

/// One input to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    /// Standard input, shown under this name.
    Stdin(PathBuf),
}

impl Input {
    pub fn path(&self) -> &Path {
        match self {
            Input::File(p) | Input::Stdin(p) => p,
        }
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

/// Expands paths: files as given, directories to their Markdown files (recursively, sorted,
/// hidden entries skipped), `-` to standard input.
pub fn collect(
    paths: &[PathBuf],
    stdin_name: Option<&Path>,
    filter: &Filter,
) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
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
    (inputs, errors)
}

fn walk(dir: &Path, filter: &Filter, inputs: &mut Vec<Input>, errors: &mut Vec<InputError>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(InputError {
                path: dir.to_path_buf(),
                cause: e.to_string(),
            });
            return;
        }
    };
    // `./docs/a.md` is shown as `docs/a.md`, as other linters show it.
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .map(|p| p.strip_prefix(".").map(Path::to_path_buf).unwrap_or(p))
        .collect();
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        let Ok(meta) = fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() && !fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            walk(&path, filter, inputs, errors);
        } else if meta.is_file() && is_markdown(&path) && filter.takes(&path) {
            inputs.push(Input::File(path));
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
        Input::Stdin(_) => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| e.to_string())?;
            buf
        }
        Input::File(path) => {
            let meta = fs::metadata(path).map_err(|e| io_cause(&e))?;
            if !meta.is_file() {
                return Err("not a regular file".to_string());
            }
            fs::read(path).map_err(|e| io_cause(&e))?
        }
    };
    decode(bytes)
}

/// Text from bytes: binary (a NUL byte) and invalid UTF-8 are refused with the offset.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
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
