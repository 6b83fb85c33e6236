//! The resolver: entities (one unit seen in several places), claims by line, and the
//! caches every reading shares.

use compact_str::CompactString;
use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;

use super::memo::{Memo, Slot};
use super::policy::Counting;
use crate::model::{Claim, ClaimKind, Document, ROOT, Site, Subject, UnitId, UnitIdx, UnitKind};

/// A unit shown in several places (table row, summary entry, checklist item, section).
#[derive(Debug, Clone)]
pub struct Entity {
    pub id: Option<UnitId>,
    pub views: Vec<UnitIdx>,
    /// The view whose state is the truth: an item with children, else a section with counted
    /// work, else an item, else a row.
    pub truth: Option<UnitIdx>,
}

pub struct Resolver<'d> {
    pub doc: &'d Document,
    pub counting: Counting,
    pub(super) entities: Vec<Entity>,
    pub(super) entity_of: Vec<Option<usize>>,
    pub(super) by_id: HashMap<UnitId, usize>,
    /// Evaluations by policy and unit; a policy's are made when first asked for.
    pub(super) memo: RefCell<Vec<Vec<Slot>>>,
    /// Claim indices sorted by line, so rules find a claim's neighbours with a binary search.
    pub(super) by_line: Vec<usize>,
    /// Each group's first tally with a noun (`Total Sub-tasks: 12`), by group.
    pub(super) group_tallies: HashMap<usize, usize>,
    /// The state each named section declares for itself, for sections without work.
    pub(super) declared: HashMap<UnitIdx, crate::vocab::State>,
    pub(super) per_scope: Memo,
}

/// The document's claim indices sorted by `key` (and by index within a key).
fn sorted_claims(doc: &Document, key: impl Fn(&Claim) -> usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..doc.claims.len()).collect();
    order.sort_by_key(|&i| (key(&doc.claims[i]), i));
    order
}

/// Each group's first tally with a noun about a unit, by group.
fn group_tallies(doc: &Document) -> HashMap<usize, usize> {
    let mut out = HashMap::default();
    for (i, c) in doc.claims.iter().enumerate() {
        if let (ClaimKind::Tally { noun: Some(_), .. }, Subject::Unit(_)) = (&c.kind, &c.subject) {
            out.entry(c.group).or_insert(i);
        }
    }
    out
}

/// The claims whose `key` is `value`, from indices sorted by that key.
fn claims_where<'d, 'a>(
    doc: &'d Document,
    sorted: &'a [usize],
    value: usize,
    key: impl Fn(&Claim) -> usize + Copy + 'a,
) -> impl Iterator<Item = &'d Claim> + 'a
where
    'd: 'a,
{
    let from = sorted.partition_point(|&i| key(&doc.claims[i]) < value);
    sorted[from..]
        .iter()
        .map(|&i| &doc.claims[i])
        .take_while(move |c| key(c) == value)
}

impl<'d> Resolver<'d> {
    pub fn new(doc: &'d Document, counting: Counting) -> Self {
        let mut r = Self {
            doc,
            counting: counting.for_document(doc),
            entities: Vec::new(),
            entity_of: vec![None; doc.units.len()],
            by_id: HashMap::default(),
            memo: RefCell::new(Vec::new()),
            by_line: sorted_claims(doc, |c| c.line),
            group_tallies: group_tallies(doc),
            declared: super::declared::declared_states(doc),
            per_scope: Memo::default(),
        };
        r.memo = RefCell::new(vec![Vec::new(); r.counting.policies.len()]);
        r.group_views();
        for e in 0..r.entities.len() {
            r.entities[e].truth = r.pick_truth(&r.entities[e].views);
        }
        r
    }

    /// Groups units into entities: by full id, then bare numbers into the one kinded id with
    /// that number, then title-only rows into the unit with that title.
    fn group_views(&mut self) {
        let doc = self.doc;
        // Bare numbers (`### 3. Setup`, `- [ ] 1.2 Foo`) are more often ordinals than ids, so
        // they name no entity; a reference may still resolve one (see `find`).
        for (i, u) in doc.units.iter().enumerate().skip(1) {
            if let Some(id) = u.id.as_ref().filter(|id| id.kind.is_some()) {
                self.join(i, id);
            }
        }

        let titled_row = |u: &crate::model::Unit| {
            u.kind == UnitKind::Row && u.id.is_none() && u.parent.is_some()
        };
        // The rows' titles in any case, each with the first other unit that has it.
        let mut wanted: HashMap<String, Option<UnitIdx>> = doc
            .units
            .iter()
            .filter(|u| titled_row(u))
            .map(|u| (u.title.to_lowercase(), None))
            .collect();
        if wanted.is_empty() {
            return;
        }
        let mut lower = String::new();
        for (o, u) in doc.units.iter().enumerate() {
            if u.kind != UnitKind::Row {
                crate::vocab::lowercase_into(&u.title, &mut lower);
                if let Some(first @ None) = wanted.get_mut(lower.as_str()) {
                    *first = Some(o);
                }
            }
        }
        for (i, u) in doc.units.iter().enumerate() {
            if titled_row(u)
                && let Some(&Some(o)) = wanted.get(&u.title.to_lowercase())
            {
                self.join_unit(i, o);
            }
        }
    }

    fn join(&mut self, unit: UnitIdx, id: &UnitId) {
        // An id that names several views (a row and its section) is found without a copy;
        // a new one is copied for the entity and for the index.
        let e = match self.by_id.get(id) {
            Some(&e) => e,
            None => {
                self.entities.push(Entity {
                    id: Some(id.clone()),
                    views: Vec::new(),
                    truth: None,
                });
                self.by_id.insert(id.clone(), self.entities.len() - 1);
                self.entities.len() - 1
            }
        };
        self.entities[e].views.push(unit);
        self.entity_of[unit] = Some(e);
    }

    fn join_unit(&mut self, unit: UnitIdx, other: UnitIdx) {
        let e = self.entity_of[other].unwrap_or_else(|| {
            self.entities.push(Entity {
                id: None,
                views: vec![other],
                truth: None,
            });
            self.entity_of[other] = Some(self.entities.len() - 1);
            self.entities.len() - 1
        });
        self.entities[e].views.push(unit);
        self.entity_of[unit] = Some(e);
    }

    fn pick_truth(&self, views: &[UnitIdx]) -> Option<UnitIdx> {
        let p = self.counting.primary();
        let rank = |&v: &UnitIdx| {
            let u = self.doc.unit(v);
            let has_children = u.children.iter().any(|&c| self.eval(c, p).is_some());
            match u.kind {
                UnitKind::Item if has_children => Some(0),
                UnitKind::Section { .. } | UnitKind::Scope if self.eval(v, p).is_some() => Some(1),
                UnitKind::Item => Some(2),
                UnitKind::Row if u.marker.is_some() => Some(3),
                _ => None,
            }
        };
        views
            .iter()
            .filter_map(|v| rank(v).map(|r| (r, *v)))
            .min()
            .map(|(_, v)| v)
    }

    /// Claims written on a line.
    pub fn claims_on_line(&self, line: usize) -> impl Iterator<Item = &'d Claim> + '_ {
        claims_where(self.doc, &self.by_line, line, |c| c.line)
    }

    /// The claims written in the headings of `unit`'s section and of its sibling sections,
    /// each about its own section: where headings split a total between them.
    pub fn sibling_heading_claims(&self, unit: UnitIdx) -> impl Iterator<Item = &'d Claim> + '_ {
        let siblings = self
            .doc
            .unit(unit)
            .parent
            .map_or(&[][..], |p| &self.doc.unit(p).children[..]);
        siblings.iter().flat_map(move |&s| {
            self.claims_on_line(self.doc.unit(s).line)
                .filter(move |c| c.site == Site::Heading && c.subject == Subject::Unit(s))
        })
    }

    /// Whether a section of `unit` names a unit of its own (`### Step 1.3`) but lists no
    /// work to read its state from. A count over such parts cannot be checked: the part is
    /// one of them, done or not, and no box says which.
    pub fn has_unread_part(&self, unit: UnitIdx) -> bool {
        let policy = self.counting.primary();
        self.doc.unit(unit).children.iter().any(|&c| {
            let child = self.doc.unit(c);
            matches!(child.kind, UnitKind::Section { .. })
                && child.is_named()
                && (self.eval(c, policy).is_none() || self.declared_only(c, policy))
        })
    }

    /// The kind of the sections `unit` is made of, when two or more name themselves with ids
    /// of one kind (`### Step 1.1`, `### Step 1.2`): what a count without a noun counts there.
    pub fn parts_kind(&self, unit: UnitIdx) -> Option<CompactString> {
        let mut kinds = self.doc.unit(unit).children.iter().filter_map(|&c| {
            let child = self.doc.unit(c);
            matches!(child.kind, UnitKind::Section { .. })
                .then(|| child.id.as_ref()?.kind.clone())
                .flatten()
        });
        let first = kinds.next()?;
        let mut n = 1;
        for k in kinds {
            if k != first {
                return None;
            }
            n += 1;
        }
        (n >= 2).then_some(first)
    }

    /// The first tally with a noun (`Total Sub-tasks: 12`) among the claims written with
    /// `group` (on one line, in one field paragraph, in one table), if any.
    pub fn group_tally(&self, group: usize) -> Option<&'d Claim> {
        self.group_tallies.get(&group).map(|&i| &self.doc.claims[i])
    }

    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The index of a unit's entity in [`Resolver::entities`].
    pub fn entity_index(&self, unit: UnitIdx) -> Option<usize> {
        self.entity_of[unit]
    }

    pub fn entity_of(&self, unit: UnitIdx) -> Option<&Entity> {
        self.entity_of[unit].map(|e| &self.entities[e])
    }

    /// The entity an id names: exactly, or a bare number when only one unit has it.
    pub fn find(&self, id: &UnitId) -> Option<&Entity> {
        if let Some(&e) = self.by_id.get(id) {
            return Some(&self.entities[e]);
        }
        if id.kind.is_some() {
            return None;
        }
        let mut same_number = self.by_id.iter().filter(|(k, _)| k.number == id.number);
        match (same_number.next(), same_number.next()) {
            (Some((_, &e)), None) => Some(&self.entities[e]),
            _ => None,
        }
    }

    /// The units a claim's subject may be read from, the primary one first.
    pub fn scopes(&self, subject: &Subject) -> Vec<UnitIdx> {
        match subject {
            Subject::Unit(u) => match self
                .entity_of(*u)
                .filter(|_| self.doc.unit(*u).kind == UnitKind::Row)
            {
                Some(e) => self.entity_views(e),
                None => vec![*u],
            },
            Subject::Named(id) => self
                .find(id)
                .map(|e| self.entity_views(e))
                .unwrap_or_default(),
        }
    }

    /// The units a claim may be read from. A status or progress field in a section without
    /// work of its own (a "Goal" or "Summary" subsection) speaks of the nearest enclosing
    /// section with work.
    pub fn claim_scopes(&self, claim: &Claim) -> Vec<UnitIdx> {
        let climbs = matches!(
            claim.kind,
            ClaimKind::Status { .. } | ClaimKind::Percent { .. }
        );
        match (&claim.subject, claim.site) {
            (Subject::Unit(u), Site::Field)
                if climbs && self.doc.unit(*u).kind != UnitKind::Row =>
            {
                vec![self.working_ancestor(*u)]
            }
            (subject, _) => self.scopes(subject),
        }
    }

    /// The unit a status or percentage field speaks of: the nearest one up from where it
    /// is written that holds work. A unit that names itself (`### Phase 04`, `### Fix 3`)
    /// is as far as a field climbs: without work of its own, the field speaks of it and
    /// cannot be checked, never of the section or the document around it. Nor does a field
    /// climb to the document from a nested section (`### Vercel build` under
    /// `## Blockers`): only a field in a top-level section (`## Overview`) speaks of it.
    fn working_ancestor(&self, mut unit: UnitIdx) -> UnitIdx {
        let has_work = |u: UnitIdx| {
            self.counting
                .policies
                .iter()
                .any(|&p| self.eval(u, p).is_some())
        };
        let start = unit;
        while unit != ROOT && !self.doc.unit(unit).is_named() && !has_work(unit) {
            let parent = self.doc.unit(unit).parent.unwrap_or(ROOT);
            if parent == ROOT && unit != start {
                break;
            }
            unit = parent;
        }
        unit
    }

    /// How a scope is named in messages.
    pub fn name(&self, unit: UnitIdx) -> String {
        if unit == ROOT {
            "the document".to_string()
        } else {
            self.doc.unit(unit).label()
        }
    }

    /// An entity's views a claim may be read from: its truth first, then the others, but
    /// for rows that only repeat the truth (a row without units of its own takes its state
    /// from the truth), whose readings are the truth's.
    fn entity_views(&self, e: &Entity) -> Vec<UnitIdx> {
        let mut views: Vec<UnitIdx> = e.truth.into_iter().collect();
        views.extend(
            e.views
                .iter()
                .copied()
                .filter(|&v| Some(v) != e.truth && !self.repeats_truth(v, e.truth)),
        );
        views
    }

    /// Whether `view` is a row with nothing under it that takes its state from `truth`.
    fn repeats_truth(&self, view: UnitIdx, truth: Option<UnitIdx>) -> bool {
        let u = self.doc.unit(view);
        u.kind == UnitKind::Row
            && u.children.is_empty()
            && truth.is_some_and(|t| !self.is_ancestor(t, view))
    }

    /// Whether `ancestor` contains `unit`.
    pub fn is_ancestor(&self, ancestor: UnitIdx, unit: UnitIdx) -> bool {
        let mut cur = self.doc.unit(unit).parent;
        while let Some(p) = cur {
            if p == ancestor {
                return true;
            }
            cur = self.doc.unit(p).parent;
        }
        ancestor == ROOT && unit != ROOT
    }
}
