//! SARIF 2.1.0: one log with one run, every rule described in the driver, a result per
//! finding with its fixes, and files that could not be read as tool notifications.
//! Lines and columns are 1-based; columns count Unicode code points (`columnKind`).

use std::io::{self, Write};

use serde::Serialize;

use super::results::{Report, range};
use crate::diagnostic::{Diagnostic, Severity};
use crate::pipeline::FileResult;
use crate::rules::RULES;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    results: Vec<SarifResult>,
    invocations: [Invocation; 1],
    column_kind: &'static str,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    rules: Vec<RuleDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
}

/// The rule's docs page, which code-scanning views show beside a result.
#[derive(Serialize)]
struct Help {
    text: String,
    markdown: &'static str,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<Fix>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fix {
    description: Text,
    artifact_changes: [ArtifactChange; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
    locations: [Location; 1],
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let results = report.diagnostics().map(|(f, d)| result(f, d)).collect();
    let notifications = report
        .errors
        .iter()
        .map(|e| Notification {
            level: "error",
            message: Text {
                text: e.cause.clone(),
            },
            locations: [location(&e.path.display().to_string(), None)],
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool { driver: driver() },
            results,
            invocations: [Invocation {
                execution_successful: report.errors.is_empty(),
                tool_execution_notifications: notifications,
            }],
            column_kind: "unicodeCodePoints",
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

fn driver() -> Driver {
    Driver {
        name: "tracker",
        version: env!("CARGO_PKG_VERSION"),
        rules: RULES
            .iter()
            .map(|r| RuleDescriptor {
                id: r.code,
                name: r.name,
                short_description: Text {
                    text: r.summary.to_string(),
                },
                full_description: Text {
                    text: r.what_it_finds().to_string(),
                },
                help: Help {
                    text: format!("tracker explain {}", r.name),
                    markdown: r.doc,
                },
                default_configuration: Configuration { level: "error" },
            })
            .collect(),
    }
}

fn result(file: &FileResult, d: &Diagnostic) -> SarifResult {
    let uri = uri(&file.source.path.display().to_string());
    let ((start_line, start_column), (end_line, end_column)) = range(&file.source, d);
    let region = Region {
        start_line,
        start_column,
        end_line,
        end_column,
    };
    let replacements: Vec<Replacement> = d
        .edits
        .iter()
        .map(|e| {
            let (start_line, start_column) = file.source.line_col(e.span.start);
            let (end_line, end_column) = file.source.line_col(e.span.end);
            Replacement {
                deleted_region: Region {
                    start_line,
                    start_column,
                    end_line,
                    end_column,
                },
                inserted_content: Text {
                    text: e.replacement.clone(),
                },
            }
        })
        .collect();
    let fixes = if replacements.is_empty() {
        Vec::new()
    } else {
        vec![Fix {
            description: Text {
                text: super::results::fix_help(file, d).unwrap_or_default(),
            },
            artifact_changes: [ArtifactChange {
                artifact_location: ArtifactLocation { uri: uri.clone() },
                replacements,
            }],
        }]
    };
    SarifResult {
        rule_id: d.rule.code,
        rule_index: RULES
            .iter()
            .position(|r| r.code == d.rule.code)
            .unwrap_or(0),
        level: match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        message: Text {
            text: d.message.clone(),
        },
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation { uri },
                region: Some(region),
            },
        }],
        fixes,
    }
}

fn location(path: &str, region: Option<Region>) -> Location {
    Location {
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation { uri: uri(path) },
            region,
        },
    }
}

/// A relative path as a URI reference: `/` separators, other reserved bytes percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn uris() {
        assert_eq!(super::uri("docs/my plan.md"), "docs/my%20plan.md");
        assert_eq!(super::uri("docs\\été.md"), "docs/%C3%A9t%C3%A9.md");
    }
}
