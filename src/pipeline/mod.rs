//! The one path from files to results, taken by every command and by the tests.
//!
//! Each document is read, parsed, resolved, checked by the document rules and made into its
//! fragment of the graph as one piece of work, on whichever core is free; its model is dropped
//! before the next is read, so a repository of thousands of trackers is never all in memory.
//! Then the repository's other trackers are read as context when references lead outside
//! the documents given, the graph of every fragment is built, and the graph rules run on each
//! document. Commands differ only in what they keep of each document (`keep`) and in what
//! they do with the results.

mod context;
mod rules;
mod settings;

use std::borrow::Cow;

use crate::diagnostic::Diagnostic;
use crate::graph::{Fragment, Graph, Nodes};
use crate::input::{self, Input, InputError};
use crate::model::Document;
use crate::panic::Internal;
use crate::parse::parse;
use crate::resolve::Resolver;
use crate::source::SourceFile;

pub use rules::Local;
pub use settings::{Request, RuleSettings, Settings};

/// The findings of one file, with its text for rendering.
#[derive(Debug)]
pub struct FileResult {
    pub source: SourceFile,
    pub diagnostics: Vec<Diagnostic>,
}

/// One document after its own steps: the findings of the document rules, its fragment of the
/// graph, and what the command keeps of it.
#[derive(Debug)]
pub struct Analysed<T> {
    pub source: SourceFile,
    pub local: Local,
    pub fragment: Fragment,
    pub kept: T,
}

/// Everything a run found: each document given with its findings and what was kept of it,
/// what was kept of each context document, the graph of them all, and the inputs that could
/// not be taken.
#[derive(Debug)]
pub struct Outcome<T, C> {
    pub files: Vec<(FileResult, T)>,
    pub context: Vec<C>,
    pub graph: Graph,
    pub errors: Vec<InputError>,
}

/// The whole pipeline over the files `request` names. `keep` takes what a command needs of
/// each document given while its model is at hand, `keep_context` the same of each context
/// document.
pub fn run<T: Send, C: Send>(
    request: Request,
    s: &Settings,
    keep: impl Fn(&Resolver, &Nodes) -> T + Sync,
    keep_context: impl Fn(&Resolver, &Nodes) -> C + Sync,
) -> Outcome<T, C> {
    let (inputs, mut errors) = input::collect(request.paths, request.stdin_filename, &s.filter);
    let (analysed, failed) = read_each(inputs, s, |_, doc| analyse(Cow::Owned(doc), s, &keep));
    errors.extend(failed);
    let analysed: Vec<_> = analysed.into_iter().map(|(_, a)| a).collect();
    let context = context_of(&analysed, request, s, keep_context);
    conclude(analysed, context, s, errors)
}

/// Each input read, parsed and handed to `then`, in parallel; walked files only when they
/// are trackers. A panic while working on one input is that input's error.
pub fn read_each<T: Send>(
    inputs: Vec<Input>,
    s: &Settings,
    then: impl Fn(&Input, Document) -> T + Sync,
) -> (Vec<(Input, T)>, Vec<InputError>) {
    let mut errors = Vec::new();
    let read = crate::parallel::map(inputs, |input| {
        let done = input::read(&input).and_then(|text| {
            crate::panic::catch(|| {
                crate::debug_hooks::panic_at("parse", input.path());
                let doc = parse(SourceFile::new(input.path(), text), &s.vocab);
                (!input.is_walked() || doc.is_tracker()).then(|| then(&input, doc))
            })
            .map_err(|internal| internal.to_string())
        });
        (input, done)
    });
    let mut kept = Vec::new();
    for (input, done) in read {
        match done {
            Ok(Some(value)) => kept.push((input, value)),
            Ok(None) => {}
            Err(cause) => errors.push(InputError {
                path: input.path().to_path_buf(),
                cause,
            }),
        }
    }
    (kept, errors)
}

/// A document's own steps: resolved, checked by the document rules, made into its fragment of
/// the graph; `keep` takes what it needs before the model is dropped (when it is owned).
pub fn analyse<T>(
    doc: Cow<'_, Document>,
    s: &Settings,
    keep: impl FnOnce(&Resolver, &Nodes) -> T,
) -> Analysed<T> {
    let (source, fragment, (local, kept)) = resolved(doc, s, |r, nodes| {
        (rules::document_rules(r.doc, r, s), keep(r, nodes))
    });
    Analysed {
        source,
        local,
        fragment,
        kept,
    }
}

/// A document resolved and made into its fragment of the graph, with what `with` takes of it
/// while it is resolved. An owned document gives its declarations to the fragment; a borrowed
/// one lends copies.
fn resolved<X>(
    doc: Cow<'_, Document>,
    s: &Settings,
    with: impl FnOnce(&Resolver, &Nodes) -> X,
) -> (SourceFile, Fragment, X) {
    let resolver = Resolver::new(&doc, s.rules.counting.clone());
    let nodes = Nodes::of(&doc, &resolver);
    let taken = with(&resolver, &nodes);
    drop(resolver);
    match doc {
        Cow::Owned(mut doc) => {
            let fragment = Fragment::taken(&mut doc, nodes);
            (doc.source, fragment, taken)
        }
        Cow::Borrowed(doc) => (doc.source.clone(), Fragment::copied(doc, nodes), taken),
    }
}

/// The fragments of the repository's other trackers that the `analysed` documents' references
/// may lead to (none when nothing leads outside them), with what `keep` takes of each.
pub fn context_of<T, C: Send>(
    analysed: &[Analysed<T>],
    request: Request,
    s: &Settings,
    keep: impl Fn(&Resolver, &Nodes) -> C + Sync,
) -> Vec<(Fragment, C)> {
    let given: Vec<&Fragment> = analysed.iter().map(|a| &a.fragment).collect();
    let Some(others) = context::others(&given, request, s) else {
        return Vec::new();
    };
    let (found, _) = read_each(others, s, |_, doc| {
        let (_, fragment, kept) = resolved(Cow::Owned(doc), s, &keep);
        (fragment, kept)
    });
    found.into_iter().map(|(_, found)| found).collect()
}

/// The graph of the `analysed` documents' fragments and the `context` fragments, and each analysed
/// document's findings with those of the graph rules; a document whose check failed inside
/// `tracker` goes to `errors` instead.
pub fn conclude<T: Send, C>(
    analysed: Vec<Analysed<T>>,
    context: Vec<(Fragment, C)>,
    s: &Settings,
    mut errors: Vec<InputError>,
) -> Outcome<T, C> {
    let (context, kept_context): (Vec<Fragment>, Vec<C>) = context.into_iter().unzip();
    let (graph, done) = graph_and_findings(analysed, context, s);
    let mut files = Vec::with_capacity(done.len());
    for (source, found, kept) in done {
        match found {
            Ok(diagnostics) => files.push((
                FileResult {
                    source,
                    diagnostics,
                },
                kept,
            )),
            Err(internal) => errors.push(InputError {
                path: source.path,
                cause: internal.to_string(),
            }),
        }
    }
    Outcome {
        files,
        context: kept_context,
        graph,
        errors,
    }
}

type Findings<T> = (SourceFile, Result<Vec<Diagnostic>, Internal>, T);

/// The graph of every fragment, the analysed documents' first, and each analysed document's
/// findings with those of the graph rules, in its order.
fn graph_and_findings<T: Send>(
    analysed: Vec<Analysed<T>>,
    context: Vec<Fragment>,
    s: &Settings,
) -> (Graph, Vec<Findings<T>>) {
    let mut fragments = Vec::with_capacity(analysed.len() + context.len());
    let mut pending = Vec::with_capacity(analysed.len());
    for (i, a) in analysed.into_iter().enumerate() {
        fragments.push(a.fragment);
        pending.push((i, (a.source, a.local, a.kept)));
    }
    fragments.extend(context);
    let graph = Graph::from_fragments(fragments);
    let done = crate::parallel::map(pending, |(i, (source, local, kept))| {
        let found = rules::graph_rules(local, &source, &graph, i, s);
        (source, found, kept)
    });
    (graph, done)
}

/// Documents already in memory, checked together as [`run`] checks files: references
/// between them resolve and the graph spans them all. They bring no context, not being
/// files of a repository. A panic while checking one document is that document's
/// [`Internal`] error; the others are still checked.
pub fn check_documents(docs: &[&Document], s: &Settings) -> Vec<Result<Vec<Diagnostic>, Internal>> {
    let analysed = crate::parallel::map(docs.to_vec(), |doc| {
        analyse(Cow::Borrowed(doc), s, |_, _| ())
    });
    let (_, done) = graph_and_findings(analysed, Vec::new(), s);
    done.into_iter().map(|(_, found, ())| found).collect()
}

/// Every finding in a document checked on its own, in source order.
pub fn check_document(doc: &Document, s: &Settings) -> Vec<Diagnostic> {
    check_documents(&[doc], s)
        .pop()
        .unwrap_or_else(|| Ok(Vec::new()))
        .unwrap_or_else(|internal| internal.resume())
}

/// The findings of the document rules alone over one document, in source order, and its
/// fragment of the graph.
pub fn document_findings(doc: &Document, s: &Settings) -> (Vec<Diagnostic>, Fragment) {
    let a = analyse(Cow::Borrowed(doc), s, |_, _| ());
    let mut found = a
        .local
        .into_found()
        .unwrap_or_else(|internal| internal.resume());
    found.sort_by(|a, b| (a.span.start, a.rule.code).cmp(&(b.span.start, b.rule.code)));
    (found, a.fragment)
}
