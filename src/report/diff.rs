//! `fix --diff`: a unified diff per changed file, applicable with `git apply` or `patch -p1`.

use std::io::{self, Write};
use std::path::Path;

use similar::TextDiff;

/// Writes the diff from `old` to `new` for `path` (shown as `a/path` and `b/path`).
pub fn write_diff(out: &mut dyn Write, path: &Path, old: &str, new: &str) -> io::Result<()> {
    let name = path.display().to_string().replace('\\', "/");
    let diff = TextDiff::from_lines(old, new);
    let a = format!("a/{name}");
    let b = format!("b/{name}");
    write!(
        out,
        "{}",
        diff.unified_diff()
            .context_radius(3)
            .missing_newline_hint(true)
            .header(&a, &b)
    )
}
