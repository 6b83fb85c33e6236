//! Writing a fixed file: only when its bytes change, atomically (a temporary sibling renamed
//! over the target), with its permissions kept, through a symlink to its target, and never
//! over a file that changed on disk since it was read.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file was not written. The file is left untouched.
#[derive(Debug)]
pub enum WriteError {
    /// The file on disk is not the bytes that were fixed.
    Changed,
    Io(std::io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Changed => {
                f.write_str("the file changed on disk while it was being fixed; not written")
            }
            WriteError::Io(e) => write!(f, "cannot write: {e}"),
        }
    }
}

impl From<std::io::Error> for WriteError {
    fn from(e: std::io::Error) -> Self {
        WriteError::Io(e)
    }
}

/// Replaces the file at `path` (which held `original` when read) with `fixed`. A symlink is
/// followed, so the link stays a link and its target gets the new bytes.
pub fn write_fixed(path: &Path, original: &[u8], fixed: &[u8]) -> Result<(), WriteError> {
    if original == fixed {
        return Ok(());
    }
    let target = fs::canonicalize(path)?;
    crate::debug_hooks::pause_before_write();
    if fs::read(&target)? != original {
        return Err(WriteError::Changed);
    }
    let permissions = fs::metadata(&target)?.permissions();
    let temp = temp_path(&target);
    let result = (|| {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(fixed)?;
        file.sync_all()?;
        fs::set_permissions(&temp, permissions)?;
        fs::rename(&temp, &target)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    Ok(result?)
}

/// `.name.tracker-<pid>.tmp` beside the target, so the rename stays on one file system.
fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.tracker-{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("tracker-write-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[test]
    fn writes_only_changes_and_refuses_a_changed_file() {
        let dir = temp_dir("basic");
        let path = dir.join("a.md");
        fs::write(&path, "old").unwrap();
        write_fixed(&path, b"old", b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert!(matches!(
            write_fixed(&path, b"old", b"newer"),
            Err(WriteError::Changed)
        ));
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(
            fs::read_dir(&dir).unwrap().count(),
            1,
            "no temporary file left behind"
        );
        let _ = fs::remove_dir_all(&dir);
    }
}
