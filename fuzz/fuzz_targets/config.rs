//! Config: any `.tracker.yml` text is accepted or refused with an error, never a panic, and an
//! accepted one yields settings that check a tracker.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/props.rs"]
mod props;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        props::config_is_accepted_or_refused(text);
    }
});
