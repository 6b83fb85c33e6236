//! `fix --diff`: a unified diff per changed file, applicable with `git apply` or `patch -p1`
//! from the directory `tracker` ran in, whatever the file's name and line endings.
//!
//! Lines are split at `\n` only, as both tools read them: a CRLF line keeps its `\r`, and a
//! file with lone `\r` line breaks is one line to them, so it is one line here. A name is
//! written as git writes it: C-quoted (`"a/na\303\257ve.md"`) when it holds a quote, a
//! backslash, a control character or a non-ASCII byte, and followed by a tab when it holds a
//! space, so that neither tool reads the space as the end of the name.

use std::io::{self, Write};
use std::path::{Component, Path};

use similar::{Algorithm, DiffOp, capture_diff_slices, group_diff_ops};

/// Lines of context around each change.
const CONTEXT: usize = 3;

/// Writes the diff from `old` to `new` for `path` (shown as `a/path` and `b/path`).
pub fn write_diff(out: &mut dyn Write, path: &Path, old: &str, new: &str) -> io::Result<()> {
    let old_lines = lines(old);
    let new_lines = lines(new);
    let hunks = group_diff_ops(line_ops(&old_lines, &new_lines), CONTEXT);
    if hunks.is_empty() {
        return Ok(());
    }
    let name = relative_name(path);
    writeln!(out, "--- {}", header_name("a/", &name))?;
    writeln!(out, "+++ {}", header_name("b/", &name))?;
    for hunk in &hunks {
        write_hunk(out, hunk, &old_lines, &new_lines)?;
    }
    Ok(())
}

/// The changes from `old` to `new`. A fix changes bytes inside lines and never adds or
/// removes one, so its lines pair up one to one and each run of changed lines is replaced:
/// found in one pass, where a search for the shortest edit takes time growing with the
/// number of lines times the number changed. Texts whose lines do not pair up are searched.
fn line_ops(old: &[&str], new: &[&str]) -> Vec<DiffOp> {
    if old.len() != new.len() {
        return capture_diff_slices(Algorithm::Myers, old, new);
    }
    let mut ops = Vec::new();
    let mut i = 0;
    while i < old.len() {
        let same = old[i] == new[i];
        let run = old[i..]
            .iter()
            .zip(&new[i..])
            .take_while(|(a, b)| (a == b) == same)
            .count();
        ops.push(if same {
            DiffOp::Equal {
                old_index: i,
                new_index: i,
                len: run,
            }
        } else {
            DiffOp::Replace {
                old_index: i,
                old_len: run,
                new_index: i,
                new_len: run,
            }
        });
        i += run;
    }
    ops
}

/// The text's lines, each with its `\n` (the last may have none).
fn lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

fn write_hunk(out: &mut dyn Write, ops: &[DiffOp], old: &[&str], new: &[&str]) -> io::Result<()> {
    let (Some(first), Some(last)) = (ops.first(), ops.last()) else {
        return Ok(());
    };
    let old_range = first.old_range().start..last.old_range().end;
    let new_range = first.new_range().start..last.new_range().end;
    writeln!(
        out,
        "@@ -{} +{} @@",
        hunk_range(&old_range),
        hunk_range(&new_range)
    )?;
    for op in ops {
        for (tag, range, from) in [('-', op.old_range(), old), ('+', op.new_range(), new)] {
            let shown = match (op, tag) {
                (DiffOp::Equal { .. }, '-') => ' ',
                (DiffOp::Equal { .. }, _) => continue,
                (DiffOp::Insert { .. }, '-') | (DiffOp::Delete { .. }, '+') => continue,
                _ => tag,
            };
            for line in &from[range] {
                write!(out, "{shown}{line}")?;
                if !line.ends_with('\n') {
                    write!(out, "\n\\ No newline at end of file\n")?;
                }
            }
        }
    }
    Ok(())
}

/// `start,count` of a hunk, 1-based; an empty side starts at the line before it.
fn hunk_range(range: &std::ops::Range<usize>) -> String {
    let count = range.len();
    let start = if count == 0 {
        range.start
    } else {
        range.start + 1
    };
    format!("{start},{count}")
}

/// The path's bytes as the diff names it: relative to the current directory when it is
/// inside it, `./` parts dropped, components joined with `/`.
fn relative_name(path: &Path) -> Vec<u8> {
    let cwd = std::env::current_dir().ok();
    let relative = cwd
        .as_deref()
        .filter(|_| path.is_absolute())
        .and_then(|cwd| path.strip_prefix(cwd).ok())
        .unwrap_or(path);
    let mut name = Vec::new();
    for component in relative.components() {
        let part = match component {
            Component::CurDir => continue,
            Component::RootDir => {
                name.push(b'/');
                continue;
            }
            other => other.as_os_str(),
        };
        if !name.is_empty() && name.last() != Some(&b'/') {
            name.push(b'/');
        }
        name.extend_from_slice(&os_bytes(part));
    }
    name
}

#[cfg(unix)]
fn os_bytes(s: &std::ffi::OsStr) -> Vec<u8> {
    std::os::unix::ffi::OsStrExt::as_bytes(s).to_vec()
}

#[cfg(not(unix))]
fn os_bytes(s: &std::ffi::OsStr) -> Vec<u8> {
    s.to_string_lossy().into_owned().into_bytes()
}

/// `prefix` and `name` as a header names a file: C-quoted where git quotes, with a tab after
/// a name holding a space.
fn header_name(prefix: &str, name: &[u8]) -> String {
    let quoted = name
        .iter()
        .any(|&b| b < 0x20 || b == 0x7f || b >= 0x80 || b == b'"' || b == b'\\');
    if !quoted {
        let name = String::from_utf8_lossy(name);
        let tab = if name.contains(' ') { "\t" } else { "" };
        return format!("{prefix}{name}{tab}");
    }
    let mut out = String::from("\"");
    out.push_str(prefix);
    for &b in name {
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            0x07 => out.push_str("\\a"),
            0x08 => out.push_str("\\b"),
            0x0b => out.push_str("\\v"),
            0x0c => out.push_str("\\f"),
            b if !(0x20..0x7f).contains(&b) => out.push_str(&format!("\\{b:03o}")),
            b => out.push(b as char),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_written_as_git_writes_them() {
        assert_eq!(header_name("a/", b"docs/plan.md"), "a/docs/plan.md");
        assert_eq!(header_name("a/", b"my plan.md"), "a/my plan.md\t");
        assert_eq!(
            header_name("b/", "naïve.md".as_bytes()),
            "\"b/na\\303\\257ve.md\""
        );
        assert_eq!(
            header_name("a/", b"a\tb\n\"c\\.md"),
            "\"a/a\\tb\\n\\\"c\\\\.md\""
        );
    }

    #[test]
    fn lone_carriage_returns_are_not_line_breaks() {
        let mut out = Vec::new();
        write_diff(&mut out, Path::new("cr.md"), "a\r(0/1)\rb", "a\r(1/1)\rb").unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "--- a/cr.md\n+++ b/cr.md\n@@ -1,1 +1,1 @@\n-a\r(0/1)\rb\n\\ No newline at end of file\n+a\r(1/1)\rb\n\\ No newline at end of file\n"
        );
    }
}
