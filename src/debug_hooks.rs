//! Hooks that let the tests reach states a real run reaches only by bad luck: a panic in
//! one file, a file edited while `fix` works on it. They read environment variables in
//! debug builds only (the builds `cargo test` runs); release builds compile them to nothing.

use std::path::Path;

/// Panics when `TRACKER_DEBUG_PANIC` is `stage:name` and the file being worked on at that
/// stage (`parse`, `check` or `fix`) is called `name`.
#[inline]
pub fn panic_at(stage: &str, path: &Path) {
    #[cfg(debug_assertions)]
    if let Some(spec) = std::env::var_os("TRACKER_DEBUG_PANIC") {
        let spec = spec.to_string_lossy();
        if spec.split_once(':').is_some_and(|(s, name)| {
            s == stage
                && path
                    .file_name()
                    .is_some_and(|f| f.to_string_lossy() == name)
        }) {
            panic!("TRACKER_DEBUG_PANIC at {stage}");
        }
    }
    let _ = (stage, path);
}

/// When `TRACKER_DEBUG_PAUSE_BEFORE_RENAME` names a directory, creates `paused` in it once a
/// fixed file's temporary copy is written and synced, just before the file on disk is
/// compared with what was read and replaced, and waits (up to 30 s) until the test removes
/// it.
#[inline]
pub fn pause_before_rename() {
    #[cfg(debug_assertions)]
    if let Some(dir) = std::env::var_os("TRACKER_DEBUG_PAUSE_BEFORE_RENAME") {
        let flag = Path::new(&dir).join("paused");
        if std::fs::write(&flag, b"").is_ok() {
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
            while flag.exists() && std::time::Instant::now() < deadline {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
        }
    }
}
