//! `tracker graph` and the dependency rules, run with the real binary on fixtures/graph/ and
//! the seeds: each case's graph output and `check` findings are snapshotted, and what each
//! case is about is asserted on its own.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn tracker(args: &[&str]) -> Output {
    common::tracker_in_repo(args)
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

/// `tracker graph` and `tracker check` on one case, as one transcript.
fn transcript(case: &str) -> (String, Output, Output) {
    let graph = tracker(&["graph", case]);
    let check = tracker(&["check", case]);
    let text = format!(
        "$ tracker graph {case}\nexit {}\n{}{}\n$ tracker check {case}\nexit {}\n{}{}",
        graph.status.code().unwrap_or(-1),
        stdout(&graph),
        String::from_utf8_lossy(&graph.stderr),
        check.status.code().unwrap_or(-1),
        stdout(&check),
        String::from_utf8_lossy(&check.stderr),
    );
    (text, graph, check)
}

/// Snapshots a case and returns its graph and check outputs.
fn case(name: &str) -> (String, String, i32, i32) {
    let path = format!("fixtures/graph/{name}");
    assert!(common::root().join(&path).exists(), "{path} exists");
    let (text, graph, check) = transcript(&path);
    insta::assert_snapshot!(name.trim_end_matches(".md").replace('/', "_"), text);
    (
        stdout(&graph),
        stdout(&check),
        graph.status.code().unwrap_or(-1),
        check.status.code().unwrap_or(-1),
    )
}

#[test]
fn two_unit_cycle() {
    let (graph, check, graph_exit, check_exit) = case("two_unit_cycle.md");
    assert!(graph.contains("Task 1 → Task 2 → Task 1"), "{graph}");
    assert!(
        !graph.contains("critical path"),
        "no path through a cycle: {graph}"
    );
    assert_eq!((graph_exit, check_exit), (1, 1));
    assert_eq!(
        check.matches("TRK101 dependency-cycle").count(),
        1,
        "{check}"
    );
}

#[test]
fn three_unit_cycle_across_two_files() {
    let (graph, check, graph_exit, _) = case("cycle_across_files");
    assert!(graph.contains("E01 → E02 → E03 → E01"), "{graph}");
    assert!(graph.contains("plan.md, fixtures/graph/cycle_across_files/portal.md"));
    assert_eq!(graph_exit, 1);
    // Reported once, in the file of its smallest id.
    assert_eq!(check.matches("dependency-cycle").count() - 1, 1, "{check}");
    assert!(check.contains("plan.md:3:1: TRK101"), "{check}");
}

#[test]
fn self_loop() {
    let (graph, check, graph_exit, _) = case("self_loop.md");
    assert!(graph.contains("E03 depends on itself"), "{graph}");
    assert!(check.contains("Epic 03 depends on itself") || check.contains("E03 depends on itself"));
    assert_eq!(graph_exit, 1);
}

#[test]
fn ranges_expand() {
    let (graph, check, graph_exit, check_exit) = case("ranges.md");
    // `Epic 03-05` and `E03-E05` make E03, E04 and E05 wait for E02 and E06 for all three.
    assert!(
        graph.contains("critical path: E01 (1 week, done) → E02 (2 weeks, in progress) → E04 (1.5 weeks, not started) → E06 (1 week, not started)"),
        "{graph}"
    );
    assert!(graph.contains("total: 5.5 weeks"));
    assert!(graph.contains("E03 API (1 week, not started): 0.5 weeks"));
    assert!(graph.contains("E05 Search (1 week, not started): 0.5 weeks"));
    assert_eq!((graph_exit, check_exit), (0, 0), "{check}");
}

#[test]
fn all_previous_means_every_earlier_unit() {
    let (graph, _, _, check_exit) = case("all_previous.md");
    assert!(graph.contains("critical path: E01 (3 days, done) → E02 (2 days, not started) → E03 (1 day, not started)"), "{graph}");
    let json = graph_json("fixtures/graph/all_previous.md");
    let ids = node_ids(&json);
    let edges = edge_ids(&json, &ids);
    for edge in [("E01", "E02"), ("E01", "E03"), ("E02", "E03")] {
        assert!(
            edges.contains(&(edge.0.to_string(), edge.1.to_string())),
            "{edges:?}"
        );
    }
    assert_eq!(check_exit, 0);
}

#[test]
fn unknown_reference() {
    let (graph, check, graph_exit, check_exit) = case("unknown.md");
    assert!(graph.contains("Task 1.1 (0.5 days, no state) → Task 1.2 (2 days, no state)"));
    assert!(
        check.contains("TRK102 unknown-dependency `Phase 2` names no unit"),
        "{check}"
    );
    assert_eq!((graph_exit, check_exit), (0, 1));
}

#[test]
fn unit_done_before_its_dependency() {
    let (_, check, _, check_exit) = case("done_before_dependency.md");
    assert!(
        check.contains("Task 2.2 is done, but it depends on Task 2.1 (in progress)"),
        "{check}"
    );
    assert_eq!(check_exit, 1);
}

#[test]
fn durations_in_hours_days_weeks_and_ranges() {
    let (graph, check, _, _) = case("durations.md");
    assert!(graph.contains("Task 1 (4 hours, not started) → Task 2 (1-2 days, not started) → Task 3 (0.5 weeks, not started)"), "{graph}");
    // 4 h + 8-16 h + 20 h.
    assert!(graph.contains("total: 32-40 hours"), "{graph}");
    assert!(
        graph.contains("Task 4 (3 hours, not started): 33 hours"),
        "{graph}"
    );
    assert!(check.contains("declared total 1.25-1.75 weeks"), "{check}");
    assert!(
        check.contains("replace `1.25-1.75 weeks` with `0.8-1 weeks`"),
        "{check}"
    );
}

#[test]
fn kiro_tasks_with_depends_lines() {
    let (graph, check, _, check_exit) = case("kiro/tasks.md");
    assert!(graph.contains("critical path: 1.1 (2 hours, done) → 1.2 (3 hours, done) → 2.1 (1 day, not started) → 2.2 (2 days, not started)"), "{graph}");
    assert!(graph.contains("total: 29 hours"));
    assert!(
        graph.contains("can start now:\n    2.1 Tokenizer\n"),
        "{graph}"
    );
    assert_eq!(check_exit, 0, "{check}");
}

#[test]
fn front_matter_dependencies_across_files() {
    let (graph, check, _, check_exit) = case("front_matter");
    assert!(graph.contains("critical path: E01 (1 week, done) → E02 (2 weeks, not started) → E03 (1 week, not started)"), "{graph}");
    assert!(graph.contains("total: 4 weeks"));
    assert_eq!(check_exit, 0, "{check}");
}

#[test]
fn links_to_other_tracker_files() {
    let (graph, check, _, check_exit) = case("links");
    assert!(graph.contains("critical path: E01 (3 days, done) → E02 (1 week, not started) → Milestone 1 (2 days, not started)"), "{graph}");
    assert!(graph.contains("total: 10 days"), "{graph}");
    // A link that leaves the files checked is not followed, and not reported.
    assert!(!graph.contains("Milestone 2"), "{graph}");
    assert_eq!(check_exit, 0, "{check}");
}

#[test]
fn seed_000_critical_path_is_fourteen_weeks() {
    let out = tracker(&["graph", "fixtures/seeds/000_ff67d35669cf0d0b.md"]);
    let text = stdout(&out);
    assert!(text.contains("critical path: E01 (1 week, not started) → E02 (1 week, not started) → E03 (1 week, not started) → E07 (2 weeks, not started) → E11 (2 weeks, not started) → E14 (2 weeks, not started) → E19 (2 weeks, not started) → E20 (1 week, not started) → E22 (2 weeks, not started)\n"), "{text}");
    assert!(text.contains("  total: 14 weeks\n"), "{text}");
    // E21 ties E20 and E04-E06 tie E03: no slack.
    for tie in ["E04", "E05", "E06", "E21"] {
        assert!(
            text.lines()
                .any(|l| l.trim_start().starts_with(tie) && l.ends_with(": 0 weeks")),
            "{tie}: {text}"
        );
    }
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn seed_004_critical_path_is_four_to_six_days() {
    let out = tracker(&["graph", "fixtures/seeds/004_182c52a2c30351e5.md"]);
    let text = stdout(&out);
    assert!(text.contains("critical path: Task 1.1 (0.5 days, not started) → Task 1.2 (2-3 days, done) → Task 1.4 (1-2 days, not started) → Task 1.5 (0.5 days, not started)\n"), "{text}");
    assert!(text.contains("  total: 4-6 days\n"), "{text}");
    assert!(
        text.contains("Task 1.3 PostgreSQL Schema (1 day, done): 2 days"),
        "{text}"
    );
    insta::assert_snapshot!("seed_004_graph", text);
}

#[test]
fn seeds_graph_together_is_stable() {
    let first = tracker(&["graph", "fixtures/seeds"]);
    let second = tracker(&["graph", "fixtures/seeds"]);
    assert_eq!(first.stdout, second.stdout);
    let text = stdout(&first);
    assert!(text.contains("total: 14 weeks"), "{text}");
    assert!(text.contains("total: 4-6 days"), "{text}");
}

#[test]
fn mermaid_output() {
    let out = tracker(&["graph", "--format", "mermaid", "fixtures/graph/ranges.md"]);
    let text = stdout(&out);
    assert!(text.starts_with("flowchart LR\n"));
    assert!(text.contains("class "), "critical path highlighted: {text}");
    insta::assert_snapshot!("ranges_mermaid", text);
    let seed = tracker(&[
        "graph",
        "--format",
        "mermaid",
        "fixtures/seeds/004_182c52a2c30351e5.md",
    ]);
    insta::assert_snapshot!("seed_004_mermaid", stdout(&seed));
}

#[test]
fn dot_output_renders_with_graphviz() {
    for case in [
        "fixtures/graph/ranges.md",
        "fixtures/seeds/000_ff67d35669cf0d0b.md",
        "fixtures/graph/links",
    ] {
        let out = tracker(&["graph", "--format", "dot", case]);
        let dot = stdout(&out);
        assert!(dot.starts_with("digraph tracker {"), "{dot}");
        assert!(dot.contains("color=red"), "critical path drawn: {dot}");
        let svg = render_svg(&dot);
        assert!(svg.contains("<svg"), "{case}: {svg}");
        assert!(svg.contains("E02"), "{case}: labels rendered");
    }
}

/// `dot -Tsvg` on a DOT text. Graphviz is installed by .ci/run.
fn render_svg(dot: &str) -> String {
    use std::io::Write;
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("Graphviz `dot` is installed (see .ci/run)");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(dot.as_bytes())
        .expect("write DOT");
    let out = child.wait_with_output().expect("dot runs");
    assert!(
        out.status.success(),
        "dot failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 SVG")
}

fn graph_json(case: &str) -> serde_json::Value {
    let out = tracker(&["graph", "--format", "json", case]);
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

/// Node index → id.
fn node_ids(json: &serde_json::Value) -> std::collections::HashMap<u64, String> {
    json["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| {
            (
                n["index"].as_u64().expect("index"),
                n["id"].as_str().expect("id").to_string(),
            )
        })
        .collect()
}

fn edge_ids(
    json: &serde_json::Value,
    ids: &std::collections::HashMap<u64, String>,
) -> Vec<(String, String)> {
    json["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| {
            let end = |i: usize| ids[&e[i].as_u64().expect("node index")].clone();
            (end(0), end(1))
        })
        .collect()
}

#[test]
fn json_output_holds_nodes_edges_durations_states_path_and_slack() {
    let json = graph_json("fixtures/seeds/004_182c52a2c30351e5.md");
    assert_eq!(json["version"], 1);
    let ids = node_ids(&json);
    let path: Vec<String> = json["critical_paths"][0]["nodes"]
        .as_array()
        .expect("path")
        .iter()
        .map(|n| ids[&n.as_u64().expect("index")].clone())
        .collect();
    assert_eq!(path, ["Task 1.1", "Task 1.2", "Task 1.4", "Task 1.5"]);
    // 4-6 days of 8 hours.
    assert_eq!(
        json["critical_paths"][0]["total"],
        serde_json::json!([32.0, 48.0])
    );
    let schema = json["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .find(|n| n["id"] == "Task 1.3")
        .expect("1.3");
    assert_eq!(schema["duration"], serde_json::json!([8.0, 8.0]));
    assert_eq!(schema["slack"], 16.0);
    assert_eq!(schema["state"], "done");
    let edges = edge_ids(&json, &ids);
    for e in [
        ("Task 1.1", "Task 1.2"),
        ("Task 1.2", "Task 1.4"),
        ("Task 1.3", "Task 1.4"),
        ("Task 1.4", "Task 1.5"),
    ] {
        assert!(
            edges.contains(&(e.0.to_string(), e.1.to_string())),
            "{edges:?}"
        );
    }
    assert!(
        Path::new(json["nodes"][0]["path"].as_str().expect("path"))
            .ends_with("004_182c52a2c30351e5.md")
    );
}

#[test]
fn the_graph_page_shows_real_output() {
    let page =
        std::fs::read_to_string(common::root().join("docs/graph.md")).expect("docs/graph.md");
    let start = page.find("```text\n").expect("a text block") + "```text\n".len();
    let shown = &page[start..start + page[start..].find("```").expect("block end")];
    let out = tracker(&["graph", "fixtures/seeds/004_182c52a2c30351e5.md"]);
    assert_eq!(shown, stdout(&out));
}

/// Findings as `path:line:col: CODE`, sorted.
fn finding_lines(args: &[&str]) -> Vec<String> {
    let out = tracker(args);
    let mut lines: Vec<String> = stdout(&out)
        .lines()
        .filter(|l| !l.starts_with("Checked "))
        .map(|l| {
            l.split(" [*]")
                .next()
                .unwrap_or(l)
                .split(' ')
                .take(2)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    lines.sort();
    lines
}

/// Ids that several unrelated files share (`Phase 2`) make no edges between them, so a
/// document checked beside others gains no finding. It may lose one: an id found elsewhere
/// is not reported as unknown.
#[test]
fn seeds_checked_together_gain_no_finding() {
    let together = finding_lines(&["check", "--format", "concise", "fixtures/seeds"]);
    let mut alone = Vec::new();
    for entry in std::fs::read_dir(common::root().join("fixtures/seeds")).expect("seeds") {
        let path = entry.expect("entry").path();
        let shown = format!(
            "fixtures/seeds/{}",
            path.file_name().expect("name").to_string_lossy()
        );
        alone.extend(finding_lines(&["check", "--format", "concise", &shown]));
    }
    alone.sort();
    let gained: Vec<&String> = together.iter().filter(|l| !alone.contains(l)).collect();
    assert!(gained.is_empty(), "{gained:#?}");
    let lost: Vec<&String> = alone.iter().filter(|l| !together.contains(l)).collect();
    assert_eq!(lost.len(), 2, "{lost:#?}");
    assert!(lost.iter().all(|l| l.ends_with("TRK102")), "{lost:#?}");
}

#[test]
fn a_document_without_dependencies_says_so_in_one_line() {
    let (graph, _, graph_exit, _) = case("no_dependencies.md");
    assert_eq!(graph, "no dependencies between units in 1 document\n");
    assert_eq!(graph_exit, 0);
}

#[test]
fn references_to_units_elsewhere_are_counted_in_the_one_line() {
    let (graph, _, graph_exit, _) = case("outside_references.md");
    assert_eq!(
        graph,
        "no dependencies between units in 1 document; 2 references name units elsewhere\n"
    );
    assert_eq!(graph_exit, 0);
}
