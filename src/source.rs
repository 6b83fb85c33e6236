//! A file's text with a line index: byte spans to 1-based lines and columns, and back.

use std::ops::Range;
use std::path::PathBuf;

/// A byte range into the original file text (start inclusive, end exclusive).
pub type Span = Range<usize>;

/// One input file, exactly as read. Every span in the model indexes into `text`.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path shown in messages (for standard input, the `--stdin-filename` or `-`).
    pub path: PathBuf,
    pub text: String,
    /// Byte offset of the first byte of each line; `line_starts[0] == 0`.
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        // Sized exactly: the index of every file checked stays until the report is written,
        // and a vector grown by doubling would hold up to twice what it needs.
        let breaks = memchr::memchr2_iter(b'\n', b'\r', text.as_bytes()).count();
        let mut line_starts = Vec::with_capacity(breaks + 1);
        line_starts.push(0);
        line_starts.extend(line_breaks(text.as_bytes()));
        Self {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// Number of lines (a final line without a newline counts; a trailing newline does not
    /// open a new line).
    pub fn line_count(&self) -> usize {
        let n = self.line_starts.len();
        if self.text.ends_with(['\n', '\r']) {
            n - 1
        } else {
            n
        }
    }

    /// Byte offset of a 1-based line and 1-based byte column, as comrak reports them.
    pub fn offset(&self, line: usize, column: usize) -> usize {
        let start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len());
        (start + column.saturating_sub(1)).min(self.text.len())
    }

    /// The byte span of a 1-based line, without its line ending (`\n`, `\r\n` or `\r`).
    pub fn line_span(&self, line: usize) -> Span {
        let start = self.offset(line, 1);
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        let content = &self.text[start..end];
        let content = content.strip_suffix('\n').unwrap_or(content);
        let content = content.strip_suffix('\r').unwrap_or(content);
        start..start + content.len()
    }

    /// The rest of a line from a 1-based byte column, clamped to the line and to a character
    /// boundary, so that positions from the parser can never split a character.
    pub fn line_from(&self, line: usize, column: usize) -> Span {
        let span = self.line_span(line);
        let mut start = self.offset(line, column).clamp(span.start, span.end);
        while !self.text.is_char_boundary(start) {
            start += 1;
        }
        start..span.end
    }

    /// The first character boundary at or after `offset`.
    pub fn ceil_char(&self, offset: usize) -> usize {
        let mut at = offset.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at += 1;
        }
        at
    }

    pub fn line_text(&self, line: usize) -> &str {
        &self.text[self.line_span(line)]
    }

    /// The 1-based line holding a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset).max(1)
    }

    /// 1-based line and 1-based column in characters (not bytes) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let start = self.line_starts[line - 1];
        let col = self.text[start..offset.min(self.text.len())]
            .chars()
            .count()
            + 1;
        (line, col)
    }

    /// The line ending this file uses, taken from its first line break.
    pub fn line_ending(&self) -> &'static str {
        let bytes = self.text.as_bytes();
        match bytes.iter().position(|&b| b == b'\n' || b == b'\r') {
            Some(i) if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') => "\r\n",
            Some(i) if bytes[i] == b'\r' => "\r",
            _ => "\n",
        }
    }
}

/// Each line of `text` without its break, with the offset just after its break (or the
/// end of the text): lines as [`SourceFile`] counts them.
pub fn lines_with_ends(text: &str) -> impl Iterator<Item = (&str, usize)> + '_ {
    let mut start = 0;
    let mut ends = line_breaks(text.as_bytes()).chain(std::iter::once(text.len()));
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end = ends.next()?;
        let line = text[start..end].trim_end_matches('\n');
        let line = line.strip_suffix('\r').unwrap_or(line);
        start = end;
        Some((line, end))
    })
}

/// The offset after each line break: `\n`, `\r\n`, or a `\r` on its own (old Mac files,
/// which CommonMark and comrak also read as line breaks).
fn line_breaks(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr2_iter(b'\n', b'\r', bytes)
        .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let f = SourceFile::new("a.md", "ab\r\n✅ x\nlast".to_string());
        assert_eq!(f.line_count(), 3);
        assert_eq!(f.line_text(1), "ab");
        assert_eq!(f.line_text(2), "✅ x");
        assert_eq!(f.line_text(3), "last");
        assert_eq!(f.offset(2, 1), 4);
        assert_eq!(f.line_of(4), 2);
        assert_eq!(f.line_col(8), (2, 3));
        assert_eq!(f.line_ending(), "\r\n");
        assert_eq!(
            f.line_from(2, 2),
            7..9,
            "inside ✅ moves past the character"
        );
        assert_eq!(f.line_from(1, 40), 2..2, "past the end clamps to the line");
    }

    #[test]
    fn a_carriage_return_alone_ends_a_line() {
        let f = SourceFile::new("a.md", "ab\rcd\r\ne\r".to_string());
        assert_eq!(f.line_count(), 3);
        assert_eq!(f.line_text(1), "ab");
        assert_eq!(f.line_text(2), "cd");
        assert_eq!(f.line_text(3), "e");
        assert_eq!(f.line_of(3), 2);
        assert_eq!(f.line_ending(), "\r");
    }

    #[test]
    fn trailing_newline_does_not_open_a_line() {
        let f = SourceFile::new("a.md", "x\n".to_string());
        assert_eq!(f.line_count(), 1);
        assert_eq!(f.line_span(2), 2..2);
        assert_eq!(f.line_ending(), "\n");
    }
}
