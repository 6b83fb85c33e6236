//! The benchmark floor: read every Markdown file under the given paths and parse it with
//! comrak, with the options `tracker` uses, one file after another, and nothing else. What
//! `tracker` does beyond this is its own cost.

use std::path::{Path, PathBuf};

fn main() {
    let mut files = Vec::new();
    for arg in std::env::args_os().skip(1) {
        collect(Path::new(&arg), &mut files);
    }
    files.sort();
    let options = tracker::parse::comrak_options();
    let mut nodes = 0usize;
    for file in &files {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        let arena = comrak::Arena::new();
        let root = comrak::parse_document(&arena, &text, &options);
        nodes += root.descendants().count();
    }
    // Printing the count keeps the parse from being optimised away.
    println!("{} files, {nodes} nodes", files.len());
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        for entry in entries.flatten() {
            collect(&entry.path(), files);
        }
    } else if path.extension().is_some_and(|e| e == "md") {
        files.push(path.to_path_buf());
    }
}
