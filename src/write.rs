//! Writing a fixed file: only when its bytes change, atomically (a temporary sibling renamed
//! over the target), as the file it replaces (mode, owner and group), through a symlink to its
//! target, and never over a file that changed on disk since it was read.
//!
//! The order matters. The temporary file is created with the target's permissions for its
//! owner alone, filled, given the target's owner and then its mode, and synced; only then is
//! the target read again and compared with the bytes that were fixed, immediately before
//! the rename. An edit
//! saved at any point until that comparison is kept and the fix is refused; what remains is
//! the time between the comparison and the rename (docs/fix.md).
//!
//! A file that replacing would change in another way is refused with the reason: one with
//! other hard links (the rename would separate them), a read-only one, one this user may not
//! write, and one whose owner or group cannot be kept.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file was not written. The file is left untouched.
#[derive(Debug)]
pub enum WriteError {
    /// The file on disk is not the bytes that were fixed.
    Changed,
    /// Replacing the file would change more than its bytes; the reason.
    Refused(String),
    Io(std::io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Changed => {
                f.write_str("the file changed on disk while it was being fixed; not written")
            }
            WriteError::Refused(why) => write!(f, "{why}; not written"),
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
    let meta = fs::metadata(&target)?;
    may_replace(&target, &meta)?;
    let temp = temp_path(&target);
    let result = replace(&target, &temp, &meta, original, fixed);
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Writes `fixed` to `temp` as `meta` describes the target, and renames it over the target if
/// the target still holds `original`.
fn replace(
    target: &Path,
    temp: &Path,
    meta: &fs::Metadata,
    original: &[u8],
    fixed: &[u8],
) -> Result<(), WriteError> {
    let mut file = create_private(temp, meta)?;
    file.write_all(fixed)?;
    // The owner before the mode: changing the owner clears set-id bits.
    keep_owner(&file, meta)?;
    file.set_permissions(meta.permissions())?;
    file.sync_all()?;
    drop(file);
    crate::debug_hooks::pause_before_rename();
    if fs::read(target)? != original {
        return Err(WriteError::Changed);
    }
    fs::rename(temp, target)?;
    sync_parent(target);
    Ok(())
}

/// Refuses a target that replacing would change beyond its bytes, or that this user may
/// not write.
fn may_replace(target: &Path, meta: &fs::Metadata) -> Result<(), WriteError> {
    if !meta.is_file() {
        return Err(WriteError::Refused("not a regular file".to_string()));
    }
    if meta.permissions().readonly() {
        return Err(WriteError::Refused("the file is read-only".to_string()));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return Err(WriteError::Refused(format!(
                "the file has {} hard links, which replacing it would separate",
                meta.nlink()
            )));
        }
    }
    // Opening for writing (without truncating) asks the system whether this user may write
    // the file; the rename alone would only ask about its folder.
    match fs::OpenOptions::new().write(true).open(target) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => Err(WriteError::Refused(
            "permission denied (the file is not writable)".to_string(),
        )),
        Err(e) => Err(e.into()),
    }
}

/// A new file with the target's permissions for its owner and none for anyone else, so
/// that the fixed text is never readable by anyone the target does not allow: until the
/// new file has the target's group, the target's group bits would be another group's.
fn create_private(path: &Path, target: &fs::Metadata) -> std::io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let owner_only = target.permissions().mode() & 0o600;
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, owner_only);
    }
    #[cfg(not(unix))]
    let _ = target;
    options.open(path)
}

/// Gives the new file the target's owner and group, where they differ from the creator's.
#[cfg(unix)]
fn keep_owner(file: &fs::File, meta: &fs::Metadata) -> Result<(), WriteError> {
    use std::os::unix::fs::MetadataExt;
    let made = file.metadata()?;
    if (made.uid(), made.gid()) == (meta.uid(), meta.gid()) {
        return Ok(());
    }
    let uid = (made.uid() != meta.uid()).then_some(meta.uid());
    let gid = (made.gid() != meta.gid()).then_some(meta.gid());
    std::os::unix::fs::fchown(file, uid, gid).map_err(|e| {
        WriteError::Refused(format!(
            "cannot keep the file's owner and group ({}:{}): {e}",
            meta.uid(),
            meta.gid()
        ))
    })
}

#[cfg(not(unix))]
fn keep_owner(_: &fs::File, _: &fs::Metadata) -> Result<(), WriteError> {
    Ok(())
}

/// Makes the rename itself durable, where the system allows syncing a folder.
fn sync_parent(target: &Path) {
    if let Some(dir) = target.parent()
        && let Ok(dir) = fs::File::open(dir)
    {
        let _ = dir.sync_all();
    }
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
