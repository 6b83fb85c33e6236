//! Inputs the fuzz targets once crashed on (fixtures/fuzz/, see docs/testing.md): each must
//! now keep every property, as text, as config and as a generated graph.

#[path = "common/props.rs"]
mod props;

#[test]
fn every_input_that_once_crashed_keeps_every_property() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/fuzz");
    let mut inputs = 0;
    for entry in std::fs::read_dir(&dir).expect("fixtures/fuzz") {
        let path = entry.expect("entry").path();
        let data = std::fs::read(&path).expect("read");
        // Binary inputs are refused by the CLI; their text (NUL bytes as spaces) is not.
        let text: Vec<u8> = data
            .iter()
            .map(|&b| if b == 0 { b' ' } else { b })
            .collect();
        for input in [&data, &text] {
            let found = std::panic::catch_unwind(|| props::all(input));
            assert!(found.is_ok(), "{} breaks a property", path.display());
        }
        inputs += 1;
    }
    assert!(inputs >= 1, "no inputs in {}", dir.display());
}
