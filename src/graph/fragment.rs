//! What one document brings to the graph: a node for each entity or unit with an id, the
//! node that stands for the whole document, and its dependency declarations: the document's
//! fragment of the graph. (A *part* of the graph is something else: units linked by
//! dependencies, across documents.) A fragment is made from the document and its resolver
//! and is small, so a run over a whole repository can keep the fragment of every file once
//! the document itself is gone.

use std::ops::Range;
use std::path::PathBuf;

use rustc_hash::FxHashMap as HashMap;

use crate::model::{
    Declarer, DepDecl, Direction, Document, Duration, Reference, UnitId, UnitIdx, UnitKind,
};
use crate::resolve::{Entity, Resolver};
use crate::source::Span;
use crate::vocab::State;

/// A document's fragment of the graph.
#[derive(Debug, Clone)]
pub struct Fragment {
    pub path: PathBuf,
    /// The nodes, in the order of their units; their `doc` is set by the graph.
    pub nodes: Vec<Node>,
    /// The node that stands for the document: its outermost section with an id.
    pub main: Option<usize>,
    /// The id the document's title gives it (`# Phase 1 Tracker`).
    pub title_id: Option<UnitId>,
    /// The document's declarations, each declarer named by its id.
    pub dependencies: Declarations,
}

/// A document's dependency declarations, kept flat: a fragment stays until the graph of every
/// document is built, and each declaration's own lists of declarers and references would
/// be two small allocations held that long.
#[derive(Debug, Clone, Default)]
pub struct Declarations {
    /// Each declaration's direction, and its ranges in `declarers` and `refs`.
    decls: Vec<(Direction, Range<usize>, Range<usize>)>,
    declarers: Vec<UnitId>,
    refs: Vec<Reference>,
}

/// One declaration of a fragment: the ids of the units that declare it, and what it names.
#[derive(Debug, Clone, Copy)]
pub struct Declared<'a> {
    pub direction: Direction,
    pub declarers: &'a [UnitId],
    pub refs: &'a [Reference],
}

impl Declarations {
    /// The declarations of `doc`, each declaring unit named by its id; a unit without one
    /// declares nothing the graph can hold.
    fn of(doc: &Document, decls: Vec<DepDecl>) -> Self {
        let mut flat = Declarations {
            decls: Vec::with_capacity(decls.len()),
            declarers: Vec::with_capacity(decls.iter().map(|d| d.declarers.len()).sum()),
            refs: Vec::with_capacity(decls.iter().map(|d| d.refs.len()).sum()),
        };
        for decl in decls {
            let (d, r) = (flat.declarers.len(), flat.refs.len());
            flat.declarers.extend(decl.declarers.into_iter().filter_map(
                |declarer| match declarer {
                    Declarer::Unit(u) => doc.unit(u).id.clone(),
                    Declarer::Id(id) => Some(id),
                },
            ));
            flat.refs.extend(decl.refs);
            flat.decls
                .push((decl.direction, d..flat.declarers.len(), r..flat.refs.len()));
        }
        flat
    }

    /// Each declaration, in the order of the document.
    pub fn iter(&self) -> impl Iterator<Item = Declared<'_>> {
        self.decls.iter().map(|(direction, d, r)| Declared {
            direction: *direction,
            declarers: &self.declarers[d.clone()],
            refs: &self.refs[r.clone()],
        })
    }

    /// Every reference of every declaration.
    pub fn refs(&self) -> &[Reference] {
        &self.refs
    }
}

/// A fragment's nodes and the node that stands for the document, made while the document's
/// resolver is at hand.
#[derive(Debug)]
pub struct Nodes {
    nodes: Vec<Node>,
    main: Option<usize>,
}

impl Nodes {
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    pub fn of(doc: &Document, r: &Resolver) -> Self {
        // Durations given by id in tables; the first one given for an id counts.
        let mut durations: HashMap<&UnitId, Duration> = HashMap::default();
        for (id, duration) in &doc.durations {
            durations.entry(id).or_insert(*duration);
        }
        // One node per entity, at its first unit; a unit with a bare id is its own node.
        let mut seen = vec![false; r.entities().len()];
        let mut nodes = Vec::new();
        for (u, unit) in doc.units.iter().enumerate() {
            let Some(id) = &unit.id else { continue };
            let entity = r.entity_index(u);
            if let Some(e) = entity {
                if seen[e] {
                    continue;
                }
                seen[e] = true;
            }
            let entity = entity.map(|i| &r.entities()[i]);
            nodes.push(node(doc, r, &durations, u, id, entity));
        }
        // A fragment stays until the graph of every document is built: no spare room.
        nodes.shrink_to_fit();
        Nodes {
            main: main_node(doc, &nodes),
            nodes,
        }
    }
}

impl Fragment {
    /// The fragment of a document that stays: its declarations are copied.
    pub fn copied(doc: &Document, nodes: Nodes) -> Self {
        let decls = Declarations::of(doc, doc.dependencies.clone());
        Self::new(doc, nodes, decls)
    }

    /// The fragment of a document about to be dropped: its declarations are moved out of it.
    pub fn taken(doc: &mut Document, nodes: Nodes) -> Self {
        let decls = std::mem::take(&mut doc.dependencies);
        let decls = Declarations::of(doc, decls);
        Self::new(doc, nodes, decls)
    }

    fn new(doc: &Document, nodes: Nodes, dependencies: Declarations) -> Self {
        Fragment {
            path: doc.source.path.clone(),
            nodes: nodes.nodes,
            main: nodes.main,
            title_id: doc.unit(crate::model::ROOT).id.clone(),
            dependencies,
        }
    }
}

fn node(
    doc: &Document,
    r: &Resolver,
    durations: &HashMap<&UnitId, Duration>,
    u: UnitIdx,
    id: &UnitId,
    entity: Option<&Entity>,
) -> Node {
    let own = [u];
    let views = entity.map_or(&own[..], |e| &e.views[..]);
    let unit = entity.and_then(|e| e.truth).unwrap_or(u);
    let primary = r.counting.primary();
    let duration = views
        .iter()
        .find_map(|&v| doc.unit(v).duration)
        .or_else(|| durations.get(id).copied());
    let declared_done = views.iter().any(|&v| {
        doc.unit(v)
            .marker
            .as_ref()
            .is_some_and(|m| m.state == State::Done)
    });
    let shown = doc.unit(unit);
    Node {
        doc: 0,
        unit,
        id: id.clone(),
        // An optional unit has a state of its own even where it does not count.
        state: r
            .eval(unit, primary)
            .or_else(|| {
                let with_optional = r.counting.policies.iter().find(|p| p.optional)?;
                r.eval(unit, *with_optional)
            })
            .map(|e| e.state),
        duration,
        declared_done,
        span: shown.span.clone(),
        marker: shown.marker.as_ref().map(|m| m.span.clone()),
        hashes: id_hashes(id),
    }
}

/// The node that stands for a whole document: its outermost section with an id.
fn main_node(doc: &Document, nodes: &[Node]) -> Option<usize> {
    let level = |u: &crate::model::Unit| match u.kind {
        UnitKind::Document => Some(0),
        UnitKind::Section { level } => Some(level),
        _ => None,
    };
    nodes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| level(doc.unit(n.unit)).map(|l| (l, i)))
        .min()
        .map(|(_, i)| i)
}

/// A unit in the graph: one per entity (or per unit with a bare id), in one document.
#[derive(Debug, Clone)]
pub struct Node {
    pub doc: usize,
    /// The unit standing for the node (its entity's truth, or the unit itself).
    pub unit: UnitIdx,
    pub id: UnitId,
    pub state: Option<State>,
    pub duration: Option<Duration>,
    /// Whether some view of the unit declares it done (a row, a summary item).
    pub declared_done: bool,
    /// The unit's line in its file, and where its marker is, for messages about it.
    pub span: Span,
    pub marker: Option<Span>,
    /// Hashes of the id and of its number, made with the node on the core that read its
    /// document, so that indexing the graph reads no id.
    pub(crate) hashes: (u64, u64),
}

/// The hashes a node is indexed by: of its id, and of the id's number.
pub(crate) fn id_hashes(id: &UnitId) -> (u64, u64) {
    (hash(id), hash(&id.number))
}

pub(super) fn hash<T: std::hash::Hash + ?Sized>(value: &T) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(value)
}
