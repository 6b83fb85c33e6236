//! Tests of `scan`.

use super::*;

#[test]
fn steps() {
    let mut c = Cursor::new("**12.5.3 Tasks", 0);
    assert_eq!(c.bold().dotted_ends().collect::<Vec<_>>(), [8, 6, 4]);
    assert_eq!(Cursor::new("x", 0).dotted_ends().count(), 0);
    c.at = 8;
    assert!(c.spaces1() && c.lit_ci("tasks") && c.done());
    assert!(boundary(b"a b", 1) && !boundary(b"ab", 1) && boundary(b"a", 1));
    assert!(contains_ci("X (Optional)", "(optional") && !contains_ci("ab", "abc"));
    assert!(ends_with_ci("Overall PROGRESS", "progress"));
    let mut c = Cursor::new("12.", 0);
    assert_eq!(c.decimal(3), Some((0, 2)));
    assert_eq!(c.at, 2);
}
