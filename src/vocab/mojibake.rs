//! Mojibake: UTF-8 bytes that were decoded as Mac Roman or Windows-1252 and saved again.
//!
//! `✅` is the UTF-8 bytes `E2 9C 85`; read as Mac Roman they show as `‚úÖ`. Reversing that
//! is exact only when every character of the run maps back to one byte and those bytes form a
//! single valid UTF-8 sequence, so that is the only case we report or rewrite.

/// The two single-byte code pages such files went through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodePage {
    MacRoman,
    Windows1252,
}

impl CodePage {
    pub const ALL: [CodePage; 2] = [CodePage::MacRoman, CodePage::Windows1252];

    pub fn name(self) -> &'static str {
        match self {
            CodePage::MacRoman => "Mac Roman",
            CodePage::Windows1252 => "Windows-1252",
        }
    }

    fn table(self) -> &'static [char; 128] {
        match self {
            CodePage::MacRoman => &MAC_ROMAN,
            CodePage::Windows1252 => &WINDOWS_1252,
        }
    }

    /// The byte a character stands for in this code page, if any.
    fn byte_of(self, c: char) -> Option<u8> {
        if c.is_ascii() {
            return Some(c as u8);
        }
        self.table()
            .iter()
            .position(|&t| t == c)
            .map(|i| 0x80 + i as u8)
    }

    /// What the UTF-8 encoding of `s` looks like after a wrong decode through this code page.
    pub fn garble(self, s: &str) -> String {
        s.bytes()
            .map(|b| {
                if b < 0x80 {
                    b as char
                } else {
                    self.table()[usize::from(b - 0x80)]
                }
            })
            .collect()
    }
}

/// One garbled sequence: the byte span in the scanned text and the character it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Garbled {
    pub span: std::ops::Range<usize>,
    pub original: char,
    pub code_page: CodePage,
}

/// Finds every exactly reversible garbled sequence in `text`, in order.
pub fn find_garbled(text: &str) -> Vec<Garbled> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    // Only non-ASCII characters can start a garbled sequence: jump from one to the next.
    while let Some(skip) = first_non_ascii(&bytes[at..]) {
        let start = at + skip;
        let Some(c) = text[start..].chars().next() else {
            break;
        };
        at = start + c.len_utf8();
        if !in_code_pages(c) {
            continue;
        }
        if let Some((len, original, code_page)) = decode_at(&text[start..]) {
            found.push(Garbled {
                span: start..start + len,
                original,
                code_page,
            });
            at = start + len;
        }
    }
    found
}

/// The position of the first byte that is not ASCII, eight bytes at a time: most of a
/// tracker is ASCII, and this runs over every file.
fn first_non_ascii(s: &[u8]) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = s.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        if word & HIGH != 0 {
            break;
        }
        at += 8;
    }
    s[at..].iter().position(|&b| b >= 0x80).map(|i| at + i)
}

/// Whether `c` is in either code page's upper half: every character there is at most
/// U+25CA but for Mac Roman's U+F8FF, U+FB01 and U+FB02. Emoji are not, and most
/// non-ASCII text in trackers is emoji.
fn in_code_pages(c: char) -> bool {
    c <= '\u{25CA}' || matches!(c, '\u{F8FF}' | '\u{FB01}' | '\u{FB02}')
}

/// Tries to read one garbled UTF-8 sequence at the start of `s`: byte length and character.
fn decode_at(s: &str) -> Option<(usize, char, CodePage)> {
    CodePage::ALL
        .into_iter()
        .find_map(|cp| decode_with(s, cp).map(|(len, c)| (len, c, cp)))
}

fn decode_with(s: &str, cp: CodePage) -> Option<(usize, char)> {
    let mut chars = s.char_indices();
    let (_, first) = chars.next()?;
    let lead = cp.byte_of(first)?;
    let continuation = match lead {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        0xF0..=0xF4 => 3,
        _ => return None,
    };
    let mut bytes = vec![lead];
    let mut end = first.len_utf8();
    for _ in 0..continuation {
        let (i, c) = chars.next()?;
        let b = cp.byte_of(c).filter(|b| (0x80..=0xBF).contains(b))?;
        bytes.push(b);
        end = i + c.len_utf8();
    }
    let decoded = std::str::from_utf8(&bytes).ok()?;
    let original = decoded.chars().next()?;
    // A decode to a C1 control or a lone letter from the same code page is not plausible text.
    (original >= '\u{00A0}').then_some((end, original))
}

/// Bytes 0x80-0xFF in Mac Roman.
const MAC_ROMAN: [char; 128] = [
    '\u{00C4}', '\u{00C5}', '\u{00C7}', '\u{00C9}', '\u{00D1}', '\u{00D6}', '\u{00DC}', '\u{00E1}',
    '\u{00E0}', '\u{00E2}', '\u{00E4}', '\u{00E3}', '\u{00E5}', '\u{00E7}', '\u{00E9}', '\u{00E8}',
    '\u{00EA}', '\u{00EB}', '\u{00ED}', '\u{00EC}', '\u{00EE}', '\u{00EF}', '\u{00F1}', '\u{00F3}',
    '\u{00F2}', '\u{00F4}', '\u{00F6}', '\u{00F5}', '\u{00FA}', '\u{00F9}', '\u{00FB}', '\u{00FC}',
    '\u{2020}', '\u{00B0}', '\u{00A2}', '\u{00A3}', '\u{00A7}', '\u{2022}', '\u{00B6}', '\u{00DF}',
    '\u{00AE}', '\u{00A9}', '\u{2122}', '\u{00B4}', '\u{00A8}', '\u{2260}', '\u{00C6}', '\u{00D8}',
    '\u{221E}', '\u{00B1}', '\u{2264}', '\u{2265}', '\u{00A5}', '\u{00B5}', '\u{2202}', '\u{2211}',
    '\u{220F}', '\u{03C0}', '\u{222B}', '\u{00AA}', '\u{00BA}', '\u{03A9}', '\u{00E6}', '\u{00F8}',
    '\u{00BF}', '\u{00A1}', '\u{00AC}', '\u{221A}', '\u{0192}', '\u{2248}', '\u{2206}', '\u{00AB}',
    '\u{00BB}', '\u{2026}', '\u{00A0}', '\u{00C0}', '\u{00C3}', '\u{00D5}', '\u{0152}', '\u{0153}',
    '\u{2013}', '\u{2014}', '\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}', '\u{00F7}', '\u{25CA}',
    '\u{00FF}', '\u{0178}', '\u{2044}', '\u{20AC}', '\u{2039}', '\u{203A}', '\u{FB01}', '\u{FB02}',
    '\u{2021}', '\u{00B7}', '\u{201A}', '\u{201E}', '\u{2030}', '\u{00C2}', '\u{00CA}', '\u{00C1}',
    '\u{00CB}', '\u{00C8}', '\u{00CD}', '\u{00CE}', '\u{00CF}', '\u{00CC}', '\u{00D3}', '\u{00D4}',
    '\u{F8FF}', '\u{00D2}', '\u{00DA}', '\u{00DB}', '\u{00D9}', '\u{0131}', '\u{02C6}', '\u{02DC}',
    '\u{00AF}', '\u{02D8}', '\u{02D9}', '\u{02DA}', '\u{00B8}', '\u{02DD}', '\u{02DB}', '\u{02C7}',
];

/// Bytes 0x80-0xFF in Windows-1252 (the five unassigned bytes map to C1 controls, as WHATWG does).
const WINDOWS_1252: [char; 128] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
    '\u{00A0}', '\u{00A1}', '\u{00A2}', '\u{00A3}', '\u{00A4}', '\u{00A5}', '\u{00A6}', '\u{00A7}',
    '\u{00A8}', '\u{00A9}', '\u{00AA}', '\u{00AB}', '\u{00AC}', '\u{00AD}', '\u{00AE}', '\u{00AF}',
    '\u{00B0}', '\u{00B1}', '\u{00B2}', '\u{00B3}', '\u{00B4}', '\u{00B5}', '\u{00B6}', '\u{00B7}',
    '\u{00B8}', '\u{00B9}', '\u{00BA}', '\u{00BB}', '\u{00BC}', '\u{00BD}', '\u{00BE}', '\u{00BF}',
    '\u{00C0}', '\u{00C1}', '\u{00C2}', '\u{00C3}', '\u{00C4}', '\u{00C5}', '\u{00C6}', '\u{00C7}',
    '\u{00C8}', '\u{00C9}', '\u{00CA}', '\u{00CB}', '\u{00CC}', '\u{00CD}', '\u{00CE}', '\u{00CF}',
    '\u{00D0}', '\u{00D1}', '\u{00D2}', '\u{00D3}', '\u{00D4}', '\u{00D5}', '\u{00D6}', '\u{00D7}',
    '\u{00D8}', '\u{00D9}', '\u{00DA}', '\u{00DB}', '\u{00DC}', '\u{00DD}', '\u{00DE}', '\u{00DF}',
    '\u{00E0}', '\u{00E1}', '\u{00E2}', '\u{00E3}', '\u{00E4}', '\u{00E5}', '\u{00E6}', '\u{00E7}',
    '\u{00E8}', '\u{00E9}', '\u{00EA}', '\u{00EB}', '\u{00EC}', '\u{00ED}', '\u{00EE}', '\u{00EF}',
    '\u{00F0}', '\u{00F1}', '\u{00F2}', '\u{00F3}', '\u{00F4}', '\u{00F5}', '\u{00F6}', '\u{00F7}',
    '\u{00F8}', '\u{00F9}', '\u{00FA}', '\u{00FB}', '\u{00FC}', '\u{00FD}', '\u{00FE}', '\u{00FF}',
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mac_roman_emoji_round_trip() {
        for s in ["✅", "⬜", "🟡", "→", "⚠️"] {
            let garbled = CodePage::MacRoman.garble(s);
            let found = find_garbled(&garbled);
            let back: String = found.iter().map(|g| g.original).collect();
            assert_eq!(back, s, "{garbled}");
        }
        assert_eq!(CodePage::MacRoman.garble("✅"), "‚úÖ");
        assert_eq!(CodePage::MacRoman.garble("🟡"), "\u{F8FF}üü°");
    }

    #[test]
    fn windows_1252_round_trip() {
        let garbled = CodePage::Windows1252.garble("— ✅ é");
        let found = find_garbled(&garbled);
        assert_eq!(found.len(), 3);
        assert_eq!(found[1].original, '✅');
    }

    #[test]
    fn every_code_page_character_is_looked_at() {
        for cp in CodePage::ALL {
            assert!(
                cp.table().iter().all(|&c| in_code_pages(c)),
                "{}",
                cp.name()
            );
        }
    }

    #[test]
    fn first_non_ascii_byte() {
        assert_eq!(first_non_ascii(b""), None);
        assert_eq!(first_non_ascii(b"0123456789abcdef"), None);
        for at in 0..20 {
            let mut s = vec![b'a'; 20];
            s[at] = 0xC3;
            assert_eq!(first_non_ascii(&s), Some(at));
        }
    }

    #[test]
    fn plain_text_is_left_alone() {
        assert!(find_garbled("Café, naïve, ✅ done, 🟡 → next").is_empty());
    }
}
