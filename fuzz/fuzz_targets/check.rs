//! Parse + check: any text is parsed and checked without a panic, and every output format
//! renders, the JSON ones as JSON that parses.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/props.rs"]
mod props;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        props::check_renders(text);
    }
});
