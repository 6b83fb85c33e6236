//! Fix: one round of every fix (unsafe ones included) keeps each byte outside its edits, and
//! `fix`, once it settles, changes nothing the second time.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/props.rs"]
mod props;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        props::fix_round(text);
        props::fix_is_idempotent(text);
    }
});
