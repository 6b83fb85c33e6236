//! The documentation shows what the tool really says: each rule page's example, run through
//! `tracker check`, gives the first line the page quotes.

mod common;

use std::path::Path;

use tracker::rules::RULES;

/// The contents of the first fenced block of `lang` in `page`.
fn block<'a>(page: &'a str, lang: &str) -> Option<&'a str> {
    let start = page.find(&format!("```{lang}\n"))? + lang.len() + 4;
    let end = page[start..].find("```")?;
    Some(&page[start..start + end])
}

#[test]
fn rule_page_examples_are_real_output() {
    for rule in RULES {
        let (Some(input), Some(output)) = (block(rule.doc, "markdown"), block(rule.doc, "text"))
        else {
            panic!(
                "{}: the page needs a markdown example and its text output",
                rule.name
            );
        };
        let expected = output.lines().next().expect("an output line");
        let name = expected.split(':').next().expect("a path");
        let file = common::check_text(Path::new(name), input.to_string());
        let human = common::human(file);
        let first = human.lines().next().unwrap_or_default();
        assert_eq!(first, expected, "docs/rules/{}.md", rule.name);
    }
}
