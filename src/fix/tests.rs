//! Tests of `fix`.

use super::*;

fn edit(span: std::ops::Range<usize>, to: &str) -> Edit {
    Edit::safe(span, to)
}

#[test]
fn grow_shrink_start_end_several() {
    assert_eq!(apply_edits("a 1 b", &[edit(2..3, "100")]), "a 100 b");
    assert_eq!(apply_edits("a 100 b", &[edit(2..5, "1")]), "a 1 b");
    assert_eq!(apply_edits("1 b", &[edit(0..1, "2")]), "2 b");
    assert_eq!(apply_edits("b 1", &[edit(2..3, "2")]), "b 2");
    assert_eq!(
        apply_edits("1/2 3/4", &[edit(0..1, "2"), edit(4..5, "4")]),
        "2/2 4/4"
    );
    assert_eq!(
        apply_edits("x\r\n1 \r\n", &[edit(3..4, "22")]),
        "x\r\n22 \r\n"
    );
}

#[test]
fn padded_cells_keep_their_column() {
    let text = "| Task | Progress |\n|------|----------|\n| 1.1  | 0%       |\n";
    let at = text.find("0%").unwrap();
    let fixed = apply_edits(text, &[edit(at..at + 1, "100")]);
    assert_eq!(
        fixed,
        "| Task | Progress |\n|------|----------|\n| 1.1  | 100%     |\n"
    );
    let at = fixed.find("100%").unwrap();
    assert_eq!(apply_edits(&fixed, &[edit(at..at + 3, "0")]), text);
}

#[test]
fn only_figures_take_padding() {
    let text = "| a | b |\n|---|---|\n| ‚úÖ |   |\n| x | y |\n";
    let at = text.find("‚úÖ").unwrap();
    assert_eq!(
        apply_edits(text, &[edit(at..at + "‚úÖ".len(), "✅")]),
        "| a | b |\n|---|---|\n| ✅ |   |\n| x | y |\n"
    );
}

#[test]
fn unpadded_cells_only_change_the_figure() {
    let text = "| a | b |\n|---|---|\n| x | 100% |\n| longer row | 5% |\n";
    let at = text.find("100").unwrap();
    assert_eq!(
        apply_edits(text, &[edit(at..at + 3, "0")]),
        "| a | b |\n|---|---|\n| x | 0% |\n| longer row | 5% |\n"
    );
}
