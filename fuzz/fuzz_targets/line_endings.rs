//! Line endings: the text after the first 16 bytes, its line breaks mixed as those bytes say
//! (`\n`, `\r\n`, a lone `\r`), has the findings and fixes of the text with `\n` breaks.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/props.rs"]
mod props;

fuzz_target!(|data: &[u8]| {
    let (choices, text) = data.split_at(data.len().min(16));
    if let Ok(text) = std::str::from_utf8(text) {
        props::line_endings_do_not_matter(text, choices);
    }
});
