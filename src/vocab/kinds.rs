//! Kind nouns: the words that name units of work (`Phase 2`, `Task 1.3`, `E01`), what each
//! may do in a document, and the forms they are written in.
//!
//! Every kind word is one row of [`KIND_NOUNS`]; each list the grammar matches against is
//! made from the rows, so adding a noun (or a language's noun) is one line here.

use std::borrow::Cow;
use std::sync::LazyLock;

use compact_str::CompactString;

/// What a kind noun may do; a row may do several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Roles(u8);

impl Roles {
    /// It names a kind of unit: `3 phases`, a heading `Phase 2`.
    pub const NAMES_KIND: Roles = Roles(1);
    /// It counts work in a size or count claim: `(3 sub-tasks)`.
    pub const COUNTS_WORK: Roles = Roles(1 << 1);
    /// It may start a unit's title as its id: `Phase 3: …`.
    pub const LEADS_ID: Roles = Roles(1 << 2);
    /// An id mentioned anywhere in a line may carry it: `see Task 1.2`.
    pub const MENTIONED: Roles = Roles(1 << 3);
    /// A reference in a dependency declaration may carry it: `Blocked By: Task 1.2`.
    pub const IN_DEPENDENCIES: Roles = Roles(1 << 4);
    /// It names a group of work, never one piece of it: `3 of 8 phases`, `Total Epics: 12`
    /// count units of the kind, and a document without such units gives no reading.
    pub const GROUPS: Roles = Roles(1 << 5);

    const fn and(self, other: Roles) -> Roles {
        Roles(self.0 | other.0)
    }

    fn has(self, other: Roles) -> bool {
        self.0 & other.0 == other.0
    }
}

/// One kind noun.
#[derive(Debug)]
pub struct KindNoun {
    /// The singular, in lower case: the kind as ids and messages name it.
    pub noun: &'static str,
    /// Other spellings of the singular that titles and references use.
    pub aliases: &'static [&'static str],
    /// The capital letter ids of this kind may be written with (`E01`, `T1.2`).
    pub letter: Option<u8>,
    pub roles: Roles,
    /// Rank when choosing the outermost kind a document is made of (lower is outer).
    pub rank: Option<u8>,
}

const ALL: Roles = Roles::NAMES_KIND
    .and(Roles::COUNTS_WORK)
    .and(Roles::LEADS_ID)
    .and(Roles::MENTIONED)
    .and(Roles::IN_DEPENDENCIES);
const NAMED_WORK: Roles = Roles::NAMES_KIND
    .and(Roles::COUNTS_WORK)
    .and(Roles::LEADS_ID);
const NAMED: Roles = Roles::NAMES_KIND.and(Roles::LEADS_ID);

const fn kind(noun: &'static str, roles: Roles, rank: Option<u8>) -> KindNoun {
    KindNoun {
        noun,
        aliases: &[],
        letter: None,
        roles,
        rank,
    }
}

/// Every kind noun, in the order the grammar tries them.
pub static KIND_NOUNS: &[KindNoun] = &[
    // Other languages' nouns are aliases: `Fase 2`, `Этап 3`, `Aşama 1` are phases.
    KindNoun {
        // Russian declines the noun: `этапа`, `этапы` and `10/10 этапов`.
        aliases: &[
            "fase",
            "etapa",
            "этап",
            "этапа",
            "этапы",
            "этапов",
            "faza",
            "aşama",
            "tahap",
        ],
        ..kind("phase", ALL.and(Roles::GROUPS), Some(0))
    },
    KindNoun {
        letter: Some(b'E'),
        ..kind("epic", ALL.and(Roles::GROUPS), Some(1))
    },
    KindNoun {
        letter: Some(b'T'),
        aliases: &[
            "tarea",
            "tâche",
            "tarefa",
            "aufgabe",
            "задача",
            "görev",
            "zadanie",
        ],
        ..kind("task", ALL, Some(4))
    },
    KindNoun {
        aliases: &["sub task", "subtask"],
        ..kind("sub-task", ALL, Some(7))
    },
    kind("story", ALL, Some(5)),
    KindNoun {
        aliases: &["meilenstein", "hito", "jalon"],
        ..kind("milestone", ALL.and(Roles::GROUPS), Some(2))
    },
    kind("step", NAMED_WORK.and(Roles::IN_DEPENDENCIES), Some(8)),
    KindNoun {
        aliases: &["étape"],
        ..kind("stage", NAMED_WORK.and(Roles::GROUPS), Some(3))
    },
    kind(
        "sprint",
        NAMED
            .and(Roles::MENTIONED)
            .and(Roles::IN_DEPENDENCIES)
            .and(Roles::GROUPS),
        None,
    ),
    kind("week", NAMED.and(Roles::GROUPS), None),
    kind("feature", ALL, Some(6)),
    kind("module", NAMED, None),
    kind("part", NAMED, None),
    kind("ticket", NAMED_WORK, None),
    kind(
        "deliverable",
        Roles::NAMES_KIND.and(Roles::COUNTS_WORK),
        None,
    ),
    kind("item", Roles::NAMES_KIND.and(Roles::COUNTS_WORK), None),
    kind("checkpoint", Roles::COUNTS_WORK, None),
    kind("todo", Roles::COUNTS_WORK, None),
];

/// The nouns (singular, lower case) of the rows with `role`.
fn nouns(role: Roles) -> Vec<&'static str> {
    KIND_NOUNS
        .iter()
        .filter(|k| k.roles.has(role))
        .map(|k| k.noun)
        .collect()
}

/// The words written for the rows with `role`: each noun, then its aliases.
fn spellings(role: Roles, aliases: bool) -> Vec<&'static str> {
    KIND_NOUNS
        .iter()
        .filter(|k| k.roles.has(role))
        .flat_map(|k| {
            let more = if aliases { k.aliases } else { &[] };
            // A mention anywhere in a line is read in ASCII words only: `Görev 3` and
            // `Этап 2` are ids where they lead a title, not inside prose.
            let mentioned = role.has(Roles::MENTIONED) || role.has(Roles::IN_DEPENDENCIES);
            let more = more
                .iter()
                .copied()
                .filter(move |a| !mentioned || a.is_ascii());
            std::iter::once(k.noun).chain(more)
        })
        .collect()
}

static KINDS: LazyLock<Vec<&str>> = LazyLock::new(|| nouns(Roles::NAMES_KIND));
static WORK: LazyLock<Vec<&str>> = LazyLock::new(|| nouns(Roles::COUNTS_WORK));
static GROUPS: LazyLock<Vec<&str>> = LazyLock::new(|| nouns(Roles::GROUPS));
static LEADING: LazyLock<Vec<&str>> = LazyLock::new(|| spellings(Roles::LEADS_ID, true));
static MENTIONED: LazyLock<Vec<&str>> = LazyLock::new(|| spellings(Roles::MENTIONED, true));
static IN_DEPENDENCIES: LazyLock<Vec<&str>> = LazyLock::new(|| {
    // References in dependency lines are read with the alias `subtask` only: there,
    // `sub task` reads as two words.
    let mut words = spellings(Roles::IN_DEPENDENCIES, false);
    words.push("subtask");
    words
});

/// Kind words a title may start with as its id (`Phase 3`), in the order they are tried.
pub fn leading_words() -> &'static [&'static str] {
    &LEADING
}

/// Kind words an id mentioned anywhere in a line may carry.
pub fn mentioned_words() -> &'static [&'static str] {
    &MENTIONED
}

/// Kind words a reference in a dependency declaration may start with.
pub fn dependency_words() -> &'static [&'static str] {
    &IN_DEPENDENCIES
}

/// Whether a byte may start an id mentioned in a line: the first letter of a mentioned
/// kind word, or an id letter, in either case. Made from the table, so that a word added
/// there is never skipped.
pub fn may_start_mention(b: u8) -> bool {
    static STARTS: LazyLock<[bool; 256]> = LazyLock::new(|| {
        let mut starts = [false; 256];
        let letters = KIND_NOUNS.iter().filter_map(|k| k.letter);
        let firsts = MENTIONED.iter().filter_map(|w| w.bytes().next());
        for b in letters.chain(firsts) {
            starts[usize::from(b.to_ascii_lowercase())] = true;
            starts[usize::from(b.to_ascii_uppercase())] = true;
        }
        starts
    });
    STARTS[usize::from(b)]
}

/// The kind an id letter stands for: `E` → `epic`; any other letter, `task`.
pub fn kind_of_letter(letter: &str) -> &'static str {
    KIND_NOUNS
        .iter()
        .find(|k| k.letter.is_some_and(|l| letter.as_bytes() == [l]))
        .map_or("task", |k| k.noun)
}

/// Kinds in the order a document's outermost kind is chosen by.
pub fn outermost_order() -> Vec<&'static str> {
    let mut ranked: Vec<&KindNoun> = KIND_NOUNS.iter().filter(|k| k.rank.is_some()).collect();
    ranked.sort_by_key(|k| k.rank);
    ranked.into_iter().map(|k| k.noun).collect()
}

/// The singular, lower-case form of a noun: `Sub-tasks` → `sub-task`, `stories` → `story`.
pub fn singular(noun: &str) -> String {
    let lower = noun.trim().to_lowercase();
    singular_of_lower(&lower).into_owned()
}

/// The singular of a noun already in lower case; an alias is its row's noun.
fn singular_of_lower(lower: &str) -> Cow<'_, str> {
    let word: Cow<str> = if let Some(stem) = lower.strip_suffix("ies") {
        Cow::Owned(format!("{stem}y"))
    } else if lower.ends_with("sses") || lower.ends_with("ches") || lower.ends_with("shes") {
        Cow::Borrowed(&lower[..lower.len() - 2])
    } else if lower.ends_with('s') && !lower.ends_with("ss") && lower.len() > 1 {
        Cow::Borrowed(&lower[..lower.len() - 1])
    } else {
        Cow::Borrowed(lower)
    };
    // Aliases by their spelling, found with one lookup.
    static ALIASES: LazyLock<rustc_hash::FxHashMap<&str, &str>> = LazyLock::new(|| {
        let pairs = KIND_NOUNS
            .iter()
            .flat_map(|k| k.aliases.iter().map(|a| (*a, k.noun)));
        pairs.collect()
    });
    match ALIASES.get(&*word) {
        Some(noun) => Cow::Borrowed(noun),
        None => word,
    }
}

/// Whether the singular of `noun` is one of `words`. Nouns are short and ASCII, and are
/// compared without a copy; others take the general way.
pub(super) fn singular_in(noun: &str, words: &[&'static str]) -> Option<&'static str> {
    let noun = noun.trim();
    let mut buffer = [0u8; 24];
    if noun.len() > buffer.len() || !noun.is_ascii() {
        let s = singular(noun);
        return words.iter().copied().find(|w| *w == s);
    }
    let lower = &mut buffer[..noun.len()];
    lower.copy_from_slice(noun.as_bytes());
    lower.make_ascii_lowercase();
    let lower = std::str::from_utf8(lower).unwrap_or_default();
    let s = singular_of_lower(lower);
    words.iter().copied().find(|w| *w == s)
}

/// The unit kind a noun names, if it names one.
pub fn kind_of(noun: &str) -> Option<CompactString> {
    singular_in(noun, &KINDS).map(CompactString::const_new)
}

/// Whether a noun names a group of work (`phases`, `epics`): a count in it counts units of
/// its kind and never items.
pub fn is_group_noun(noun: &str) -> bool {
    singular_in(noun, &GROUPS).is_some()
}

/// Whether a noun counts work (`tasks`, `checkpoints`), for size and count claims.
pub fn is_work_noun(noun: &str) -> bool {
    singular_in(noun, &WORK).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_and_their_forms() {
        assert_eq!(singular("Sub-tasks"), "sub-task");
        assert_eq!(singular("Subtasks"), "sub-task");
        assert_eq!(singular("stories"), "story");
        assert_eq!(kind_of("Phases").as_deref(), Some("phase"));
        assert!(is_work_noun("tasks"));
        assert!(!is_work_noun("sprints"));
        assert!(is_group_noun("Epics") && is_group_noun("sprints"));
        assert!(!is_group_noun("tasks") && !is_group_noun("items"));
        assert_eq!(kind_of_letter("E"), "epic");
        assert_eq!(kind_of_letter("T"), "task");
    }

    #[test]
    fn nouns_long_and_short() {
        let long = "Extraordinarily-long-sub-tasks";
        assert_eq!(singular(long), "extraordinarily-long-sub-task");
        assert!(
            !is_work_noun(long)
                && !crate::vocab::units::is_measure(long)
                && kind_of(long).is_none()
        );
        assert_eq!(kind_of("SUBTASKS").as_deref(), Some("sub-task"));
        assert_eq!(kind_of("Épics"), None);
        assert!(
            crate::vocab::units::is_measure("Days")
                && is_work_noun("Checkpoints")
                && is_work_noun("stories")
        );
    }

    #[test]
    fn every_noun_is_one_row() {
        let mut all: Vec<&str> = KIND_NOUNS
            .iter()
            .flat_map(|k| std::iter::once(k.noun).chain(k.aliases.iter().copied()))
            .collect();
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n, "a kind word is in two rows");
        for k in KIND_NOUNS {
            assert_eq!(k.noun, k.noun.to_lowercase(), "nouns are lower case");
            assert_eq!(singular(k.noun), k.noun, "nouns are singular");
        }
    }
}
