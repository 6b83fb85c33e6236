//! Markdown to model: comrak's AST walked once into units and claims (SPEC sections 1-4).
//!
//! The arena lives only inside [`parse`]; what comes out is plain data with byte spans into
//! the original text. Figures are read from the raw source line (with inline code blanked),
//! never from comrak's inline positions, so spans are exact in CRLF files and after emoji.

mod builder;
mod claims;
mod count_table;
mod critical;
mod declare;
mod deps;
mod durations;
mod fields;
mod figures;
mod forms;
mod id_ranges;
mod ids;
mod legend;
mod list;
mod paragraph;
mod percents;
mod ratios;
mod scan;
mod table;
mod task_rows;
mod text;
mod totals;

pub use claims::Found;

use comrak::{Arena, Options, parse_document};

use builder::{Builder, Finished};

use crate::model::Document;
use crate::source::SourceFile;
use crate::vocab::mojibake::find_garbled;
use crate::vocab::{State, Vocab};

/// The comrak options `tracker` parses with: GFM tables, task lists and strikethrough.
/// Shared with the benchmark floor so both parse the same way. Front matter is found by
/// [`declare::front_matter_block`], not by comrak, whose search for the closing `---` depends
/// on line endings.
pub fn comrak_options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.tasklist = true;
    options.extension.strikethrough = true;
    options
}

/// Parses a file into the model.
pub fn parse(source: SourceFile, vocab: &Vocab) -> Document {
    let arena = Arena::new();
    // Front matter is blanked for comrak (every byte but line breaks made a space), so that
    // it reads as blank lines and every offset and line number stays the source's.
    let front = declare::front_matter_block(&source.text);
    let blanked;
    let markdown = match &front {
        Some(block) => {
            blanked = declare::blank(&source.text, block.clone());
            blanked.as_str()
        }
        None => source.text.as_str(),
    };
    let root = parse_document(&arena, markdown, &comrak_options());
    let (legend, legend_lists) = legend::read(root, &source, vocab);
    // A legend may define markers of its own (`- 🟣 In Review`); this document learns them.
    let learned: Vec<(String, State)> = legend
        .entries
        .iter()
        .filter(|(m, _)| vocab.marker_state(m).is_none())
        .cloned()
        .collect();
    let extended;
    let vocab = if learned.is_empty() {
        vocab
    } else {
        extended = vocab.extended(&learned);
        &extended
    };
    let mut b = Builder::new(&source, vocab, &legend, legend_lists);
    if let Some(block) = front {
        b.front_matter(&source.text[block]);
    }
    b.blocks(root);
    let Finished {
        units,
        claims,
        bad_checkboxes,
        code_blocks,
        dependencies,
        critical_paths,
        durations,
    } = b.finish();
    let garbled = find_garbled(&source.text);
    Document {
        source,
        units,
        claims,
        legend,
        bad_checkboxes,
        garbled,
        code_blocks,
        dependencies,
        critical_paths,
        durations,
    }
}
