//! Inline suppression in markdownlint's style:
//! `<!-- tracker-disable-next-line RULE -->`, `<!-- tracker-disable-line RULE -->`,
//! `<!-- tracker-disable RULE -->` ... `<!-- tracker-enable RULE -->`,
//! `<!-- tracker-disable-file -->`. No rule name means every rule.

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::RuleId;
use crate::model::Document;
use crate::source::Span;

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::ascii(
        r"<!--\s*tracker-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)-->",
    )
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Directive {
    NextLine,
    Line,
    File,
    Disable,
    Enable,
}

/// One comment: what it does, where, and to which rules (`None`: all).
#[derive(Debug)]
struct Comment {
    directive: Directive,
    line: usize,
    rules: Option<Vec<RuleId>>,
}

/// The suppressions of one document, and findings for rule names that do not exist.
#[derive(Debug, Default)]
pub struct Suppressions {
    comments: Vec<Comment>,
    /// Rule names that match no rule, with the span of their comment.
    pub unknown: Vec<(Span, String)>,
}

impl Suppressions {
    /// The comments of `doc`; `find` names the rule a name in them stands for.
    pub fn read(doc: &Document, find: impl Fn(&str) -> Option<RuleId>) -> Self {
        let mut s = Suppressions::default();
        let text = &doc.source.text;
        if !text.contains("tracker-") {
            return s;
        }
        for m in COMMENT.captures_iter(text) {
            let whole = m.get(0).expect("match");
            if doc.code_blocks.iter().any(|b| b.contains(&whole.start())) {
                continue;
            }
            let directive = match &m[1] {
                "disable-next-line" => Directive::NextLine,
                "disable-line" => Directive::Line,
                "disable-file" => Directive::File,
                "disable" => Directive::Disable,
                _ => Directive::Enable,
            };
            let names: Vec<&str> = m[2]
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|n| !n.is_empty())
                .collect();
            // As in markdownlint, a directive names rules and nothing else: a comment with
            // prose in it (one left open, running on to a later `-->`) is not one.
            let is_name = |n: &&str| {
                n.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            };
            if !names.iter().all(is_name) {
                continue;
            }
            let mut rules_named = Vec::new();
            for name in &names {
                match find(name) {
                    Some(rule) => rules_named.push(rule),
                    None => s
                        .unknown
                        .push((whole.start()..whole.end(), (*name).to_string())),
                }
            }
            let rules = (!names.is_empty()).then_some(rules_named);
            s.comments.push(Comment {
                directive,
                line: doc.source.line_of(whole.start()),
                rules,
            });
        }
        s
    }

    /// Whether a finding of `rule` on `line` is suppressed.
    pub fn suppressed(&self, rule: RuleId, line: usize) -> bool {
        let names = |c: &Comment| {
            c.rules
                .as_ref()
                .is_none_or(|rs| rs.iter().any(|r| r.code == rule.code))
        };
        let mut disabled = false;
        for c in self.comments.iter().filter(|c| names(c)) {
            match c.directive {
                Directive::File => return true,
                Directive::NextLine if c.line + 1 == line => return true,
                Directive::Line if c.line == line => return true,
                Directive::Disable if c.line <= line => disabled = true,
                Directive::Enable if c.line <= line => disabled = false,
                _ => {}
            }
        }
        disabled
    }
}
