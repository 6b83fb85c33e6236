//! Building the graph from the fragments of every document: nodes indexed by id, and each
//! declared dependency resolved to an edge or to an unknown reference.

use compact_str::CompactString;
use rustc_hash::FxHashMap as HashMap;
use std::path::{Component, Path, PathBuf};

use petgraph::graph::{DiGraph, NodeIndex};

use super::fragment::{Fragment, Node, Nodes, hash};
use super::results::Cycle;
use super::show::number_key;
use crate::model::{Direction, Document, Reference, Target, UnitId};
use crate::resolve::Resolver;

/// A reference that names no unit in its document or the others checked.
#[derive(Debug, Clone)]
pub struct Unknown {
    pub doc: usize,
    pub reference: Reference,
}

#[derive(Debug)]
pub struct Graph {
    pub nodes: Vec<Node>,
    /// Edges point from the unit that must finish first to the one that waits.
    pub edges: DiGraph<usize, ()>,
    pub unknown: Vec<Unknown>,
    /// The parts of the graph: nodes linked by dependencies, sorted by document and id.
    pub parts: Vec<Vec<usize>>,
    /// The part of each node; `None` for a node without dependencies.
    pub part_of: Vec<Option<usize>>,
    /// Each node's position in its part.
    pub(super) part_pos: Vec<usize>,
    /// Nodes by id in their document, by number in their document, and by id across all.
    by_id: Index,
    by_number: Index,
    global: Index,
    /// Each document's path (lexically normalised) and the node that stands for it.
    files: HashMap<PathBuf, usize>,
    /// Each document's folder, which its links are relative to.
    dirs: Vec<PathBuf>,
    /// The id each document's title gives it.
    title_ids: Vec<Option<UnitId>>,
    /// Each document's nodes: they are made document by document, so these are ranges.
    doc_nodes: Vec<std::ops::Range<usize>>,
    /// By document, each kind's nodes with their number, in number order, for `ALL
    /// previous`; made for a document when one of its references first asks for it.
    by_kind: Vec<std::sync::OnceLock<ByKind>>,
    /// Computed on first use: the rules of every document ask for them.
    pub(super) cycle_cache: std::sync::OnceLock<Vec<Cycle>>,
}

/// A document's nodes by kind, each with its number as compared, in number order.
type ByKind = HashMap<Option<CompactString>, Vec<(Vec<u64>, usize)>>;

/// What an id names among the documents.
enum Lookup {
    Found(usize),
    /// Not in its own document, and in more than one of the others.
    Ambiguous,
    Missing,
}

impl Graph {
    /// Builds the graph of `docs`, each with its resolver.
    pub fn build(docs: &[(&Document, &Resolver)]) -> Self {
        let fragments: Vec<Fragment> = docs
            .iter()
            .map(|(doc, r)| Fragment::copied(doc, Nodes::of(doc, r)))
            .collect();
        Self::from_fragments(fragments)
    }

    /// Builds the graph of the documents `fragments` were made from.
    pub fn from_fragments(fragments: Vec<Fragment>) -> Self {
        let mut g = Graph {
            nodes: Vec::new(),
            edges: DiGraph::new(),
            unknown: Vec::new(),
            parts: Vec::new(),
            part_of: Vec::new(),
            part_pos: Vec::new(),
            by_id: Index::default(),
            by_number: Index::default(),
            global: Index::default(),
            files: HashMap::default(),
            doc_nodes: Vec::with_capacity(fragments.len()),
            title_ids: Vec::with_capacity(fragments.len()),
            by_kind: fragments
                .iter()
                .map(|_| std::sync::OnceLock::new())
                .collect(),
            cycle_cache: std::sync::OnceLock::new(),
            dirs: fragments
                .iter()
                .map(|p| p.path.parent().map(Path::to_path_buf).unwrap_or_default())
                .collect(),
        };
        let nodes: usize = fragments.iter().map(|p| p.nodes.len()).sum();
        g.nodes.reserve(nodes);
        g.edges.reserve_nodes(nodes);
        // With one document, nothing is found elsewhere: the index across documents is
        // left empty.
        let across = fragments.len() > 1;
        for chains in [&mut g.by_id, &mut g.by_number, &mut g.global] {
            chains.reserve(nodes);
        }
        let mut dependencies = Vec::with_capacity(fragments.len());
        for (d, fragment) in fragments.into_iter().enumerate() {
            let first = g.nodes.len();
            for mut node in fragment.nodes {
                node.doc = d;
                g.add(node, across);
            }
            g.doc_nodes.push(first..g.nodes.len());
            g.title_ids.push(fragment.title_id);
            if let Some(main) = fragment.main {
                g.files.insert(normalise(&fragment.path), first + main);
            }
            dependencies.push(fragment.dependencies);
        }
        for (d, decls) in dependencies.iter().enumerate() {
            for decl in decls.iter() {
                let declarers: Vec<usize> = decl
                    .declarers
                    .iter()
                    .filter_map(|id| g.resolve(d, id))
                    .collect();
                for reference in decl.refs {
                    for target in g.targets(d, reference, &declarers) {
                        for &from in &declarers {
                            match decl.direction {
                                Direction::DependsOn => g.edge(target, from),
                                Direction::Blocks => g.edge(from, target),
                            }
                        }
                    }
                }
            }
        }
        g.find_parts();
        g
    }

    fn add(&mut self, node: Node, across: bool) {
        let index = self.nodes.len();
        let (id, number) = node.hashes;
        self.by_id.push((node.doc, id), index);
        if across {
            self.global.push((0, id), index);
        }
        self.by_number.push((node.doc, number), index);
        self.nodes.push(node);
        self.edges.add_node(index);
    }

    fn edge(&mut self, from: usize, to: usize) {
        let (a, b) = (NodeIndex::new(from), NodeIndex::new(to));
        if self.edges.find_edge(a, b).is_none() {
            self.edges.add_edge(a, b, ());
        }
    }

    /// The nodes a reference names; unresolved ids are recorded as unknown.
    fn targets(&mut self, d: usize, reference: &Reference, declarers: &[usize]) -> Vec<usize> {
        match &reference.target {
            Target::Id(id) => {
                let found = self.lookup(d, id);
                self.edge_targets(d, reference, found)
            }
            Target::AllPrevious(kind) => declarers
                .iter()
                .flat_map(|&n| self.previous(n, kind.as_deref()))
                .collect(),
            // A link names the document it points to, if that document is being checked;
            // nothing is read from disk, so a link can never lead outside the given files.
            Target::File(link) => {
                let path = self.dirs[d].join(link);
                self.files
                    .get(&normalise(&path))
                    .copied()
                    .into_iter()
                    .collect()
            }
        }
    }

    /// The nodes a looked-up reference makes edges to; one that names nothing is unknown.
    fn edge_targets(&mut self, d: usize, reference: &Reference, found: Lookup) -> Vec<usize> {
        match found {
            Lookup::Found(n) => vec![n],
            // Some unit may be meant, so it is not reported; which one is not known.
            Lookup::Ambiguous => Vec::new(),
            Lookup::Missing => {
                self.unknown.push(Unknown {
                    doc: d,
                    reference: reference.clone(),
                });
                Vec::new()
            }
        }
    }

    /// Every earlier unit (by number) of a kind in the node's document.
    fn previous(&self, node: usize, kind: Option<&str>) -> Vec<usize> {
        let n = &self.nodes[node];
        let kind = kind.or(n.id.kind.as_deref()).map(CompactString::from);
        let Some(list) = self.by_kind(n.doc).and_then(|k| k.get(&kind)) else {
            return Vec::new();
        };
        let own = number_key(&n.id.number);
        let earlier = list.partition_point(|(number, _)| *number < own);
        list[..earlier].iter().map(|&(_, o)| o).collect()
    }

    /// A document's nodes by kind, each list in number order.
    fn by_kind(&self, doc: usize) -> Option<&ByKind> {
        let index = self.by_kind.get(doc)?.get_or_init(|| {
            let mut by_kind = ByKind::default();
            for n in self.doc_nodes(doc) {
                let id = &self.nodes[n].id;
                by_kind
                    .entry(id.kind.clone())
                    .or_default()
                    .push((number_key(&id.number), n));
            }
            for list in by_kind.values_mut() {
                list.sort();
            }
            by_kind
        });
        Some(index)
    }

    /// The id a document's title gives it (`# Phase 1 Tracker`).
    pub fn title_id(&self, doc: usize) -> Option<&UnitId> {
        self.title_ids.get(doc)?.as_ref()
    }

    /// How many documents the graph was built from.
    pub fn documents(&self) -> usize {
        self.doc_nodes.len()
    }

    /// The nodes of one document.
    pub fn doc_nodes(&self, doc: usize) -> std::ops::Range<usize> {
        self.doc_nodes.get(doc).cloned().unwrap_or(0..0)
    }

    /// An id within its own document first, then across the other documents, where it must
    /// name exactly one unit: `Phase 2` in two other roadmaps names neither.
    pub fn resolve(&self, d: usize, id: &UnitId) -> Option<usize> {
        match self.lookup(d, id) {
            Lookup::Found(n) => Some(n),
            Lookup::Ambiguous | Lookup::Missing => None,
        }
    }

    fn lookup(&self, d: usize, id: &UnitId) -> Lookup {
        if let Some(n) = self.resolve_in(d, id) {
            return Lookup::Found(n);
        }
        let mut elsewhere = self
            .global
            .iter((0, hash(id)))
            .filter(|&n| self.nodes[n].id == *id && self.nodes[n].doc != d);
        match (elsewhere.next(), elsewhere.next()) {
            (Some(n), None) => Lookup::Found(n),
            (Some(_), Some(_)) => Lookup::Ambiguous,
            (None, _) => Lookup::Missing,
        }
    }

    fn resolve_in(&self, doc: usize, id: &UnitId) -> Option<usize> {
        if let Some(found) = self
            .by_id
            .iter((doc, hash(id)))
            .find(|&n| self.nodes[n].id == *id)
        {
            return Some(found);
        }
        // A bare number and a kinded one meet only when one of them has no kind.
        let mut same = self.by_number.iter((doc, hash(&id.number))).filter(|&n| {
            self.nodes[n].id.number == id.number
                && (id.kind.is_none() || self.nodes[n].id.kind.is_none())
        });
        match (same.next(), same.next()) {
            (Some(n), None) => Some(n),
            _ => None,
        }
    }

    /// Nodes that must finish before `node`.
    pub fn dependencies(&self, node: usize) -> impl Iterator<Item = usize> + '_ {
        self.edges
            .neighbors_directed(NodeIndex::new(node), petgraph::Direction::Incoming)
            .map(|i| i.index())
    }

    /// Nodes that wait for `node`.
    pub fn dependents(&self, node: usize) -> impl Iterator<Item = usize> + '_ {
        self.edges
            .neighbors_directed(NodeIndex::new(node), petgraph::Direction::Outgoing)
            .map(|i| i.index())
    }
}

/// Nodes by a hash of what they are found by, within a document (or `0` for all), in the
/// order they were made. A lookup compares each candidate's own id.
#[derive(Debug, Default)]
struct Index(HashMap<(usize, u64), Vec<usize>>);

impl Index {
    fn reserve(&mut self, nodes: usize) {
        self.0.reserve(nodes);
    }

    fn push(&mut self, key: (usize, u64), node: usize) {
        self.0.entry(key).or_default().push(node);
    }

    fn iter(&self, key: (usize, u64)) -> impl Iterator<Item = usize> + '_ {
        self.0.get(&key).into_iter().flatten().copied()
    }
}

/// A path with `.` and `..` worked out lexically (`a/./b/../c.md` is `a/c.md`).
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}
