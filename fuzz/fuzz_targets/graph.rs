//! Graph: trackers of tasks whose dependencies the input draws (cycles, self-references,
//! ranges, `ALL previous`, missing tasks, wide fan-out) build a graph whose critical paths
//! are real paths with none longer, and check without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/props.rs"]
mod props;

fuzz_target!(|data: &[u8]| {
    let text = props::graph_document(data);
    props::critical_paths_are_longest(&text);
    props::check_renders(&text);
});
