//! The vocabulary: every word table the grammar and the readings use. Which written signs
//! mean which state (here), kind nouns ([`kinds`]), units of time and measure ([`units`]),
//! field and column labels ([`labels`]), and the signs of mis-decoded text ([`mojibake`]).
//!
//! Built-in markers and words come from the model (SPEC section 1); `.tracker.yml` may add or
//! remap markers, and a document's own legend overrides both inside that document.

pub mod kinds;
pub mod labels;
mod languages;
pub mod mojibake;
mod state;
pub mod units;

pub use languages::prefix_ci;
pub use state::State;

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Built-in emoji and symbol markers. Variation selectors are matched separately.
const MARKERS: &[(&str, State)] = &[
    ("✅", State::Done),
    ("✔", State::Done),
    ("☑", State::Done),
    ("🟢", State::Done),
    ("⏳", State::InProgress),
    ("🔄", State::InProgress),
    ("🚧", State::InProgress),
    ("▶", State::InProgress),
    ("🔵", State::InProgress),
    ("🟡", State::InProgress),
    ("⬜", State::Open),
    ("☐", State::Open),
    ("🔜", State::Open),
    ("❌", State::Open),
    ("⚪", State::Open),
    ("🔴", State::Open),
    ("⛔", State::Blocked),
    ("🚫", State::Blocked),
];

/// Built-in status words, longest first so that "not started" wins over "started".
const WORDS: &[(&str, State)] = &[
    ("pending review", State::InProgress),
    ("in progress", State::InProgress),
    ("in-progress", State::InProgress),
    ("not started", State::Open),
    ("won't do", State::Cancelled),
    ("completed", State::Done),
    ("complete", State::Done),
    ("finished", State::Done),
    ("verified", State::Done),
    ("done", State::Done),
    ("started", State::InProgress),
    // A qualified completion is work still going on: "✅ PARTIALLY COMPLETE", "almost done".
    // The whole phrase is the status, so that a fix rewrites all of it.
    ("partially complete", State::InProgress),
    ("partially done", State::InProgress),
    ("mostly complete", State::InProgress),
    ("mostly done", State::InProgress),
    ("almost complete", State::InProgress),
    ("almost done", State::InProgress),
    ("nearly complete", State::InProgress),
    ("nearly done", State::InProgress),
    ("partially", State::InProgress),
    ("partly", State::InProgress),
    ("mostly", State::InProgress),
    ("almost", State::InProgress),
    ("nearly", State::InProgress),
    ("ongoing", State::InProgress),
    ("to do", State::Open),
    ("todo", State::Open),
    ("pending", State::Open),
    ("planned", State::Open),
    ("on hold", State::Blocked),
    ("blocked", State::Blocked),
    ("cancelled", State::Cancelled),
    ("canceled", State::Cancelled),
    ("dropped", State::Cancelled),
];

/// The status word a fix writes for each state, in title case.
static WRITTEN: &[(State, &str)] = &[
    (State::Done, "Complete"),
    (State::InProgress, "In Progress"),
    (State::Open, "Not Started"),
    (State::Blocked, "Blocked"),
    (State::Cancelled, "Cancelled"),
];

/// The status word a fix writes for `state`, in title case.
pub fn written_word(state: State) -> &'static str {
    WRITTEN
        .iter()
        .find(|(s, _)| *s == state)
        .map_or("", |(_, w)| w)
}

/// Families of markers a fix chooses from, by the marker it replaces: done, in progress and
/// open, in that order. The first family is the default.
pub static MARKER_FAMILIES: &[[&str; 3]] = &[["✅", "⏳", "⬜"], ["🟢", "🟡", "🔴"]];

/// Working time, for durations: 8 hours a day and 5 days a week unless configured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Calendar {
    pub hours_per_day: f64,
    pub days_per_week: f64,
}

impl Default for Calendar {
    fn default() -> Self {
        Self {
            hours_per_day: 8.0,
            days_per_week: 5.0,
        }
    }
}

/// A marker found in text: its byte length there and its canonical form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkerMatch {
    pub len: usize,
    pub canonical: Cow<'static, str>,
    /// Whether the text held a garbled (mojibake) form of the marker.
    pub garbled: bool,
}

/// Markers and words with their states, plus every garbled form of each marker.
#[derive(Debug, Clone)]
pub struct Vocab {
    /// (written form, canonical marker, garbled), longest form first.
    forms: Vec<(String, Cow<'static, str>, bool)>,
    /// The forms by their first character, each list longest first: a marker is looked up
    /// at the start of every item and heading.
    by_first: HashMap<char, Vec<usize>>,
    states: HashMap<String, State>,
    pub calendar: Calendar,
}

impl Default for Vocab {
    fn default() -> Self {
        Self::new(&[])
    }
}

impl Vocab {
    /// The built-in vocabulary with extra or remapped markers from the configuration.
    pub fn new(extra: &[(String, State)]) -> Self {
        let builtin = MARKERS
            .iter()
            .map(|(m, s)| ((*m).to_string(), *s))
            .collect();
        Self::from_states(builtin).extended(extra)
    }

    /// This vocabulary plus more markers (from the configuration or a document's legend).
    pub fn extended(&self, more: &[(String, State)]) -> Self {
        let mut states = self.states.clone();
        for (m, s) in more {
            states.insert(strip_variation(m).to_string(), *s);
        }
        Self {
            calendar: self.calendar,
            ..Self::from_states(states)
        }
    }

    fn from_states(states: HashMap<String, State>) -> Self {
        let mut forms = Vec::new();
        for key in states.keys() {
            let canonical = builtin(key);
            for written in [key.clone(), format!("{key}\u{FE0F}")] {
                for cp in mojibake::CodePage::ALL {
                    forms.push((cp.garble(&written), canonical.clone(), true));
                }
                forms.push((written, canonical.clone(), false));
            }
        }
        forms.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        forms.dedup_by(|a, b| a.0 == b.0);
        let mut by_first: HashMap<char, Vec<usize>> = HashMap::default();
        for (i, (written, _, _)) in forms.iter().enumerate() {
            if let Some(c) = written.chars().next() {
                by_first.entry(c).or_default().push(i);
            }
        }
        Self {
            forms,
            by_first,
            states,
            calendar: Calendar::default(),
        }
    }

    /// The marker at the start of `text`, if any (garbled forms included).
    pub fn marker_at(&self, text: &str) -> Option<MarkerMatch> {
        let first = text.chars().next()?;
        if first.is_ascii() {
            return None;
        }
        self.by_first
            .get(&first)?
            .iter()
            .map(|&i| &self.forms[i])
            .find(|(w, _, _)| text.starts_with(w.as_str()))
            .map(|(w, c, g)| MarkerMatch {
                len: w.len(),
                canonical: c.clone(),
                garbled: *g,
            })
    }

    /// The built-in or configured state of a canonical marker.
    pub fn marker_state(&self, canonical: &str) -> Option<State> {
        self.states.get(canonical).copied()
    }
}

/// A canonical marker: the built-in one itself when it is built in, else a copy.
fn builtin(marker: &str) -> Cow<'static, str> {
    MARKERS.iter().find(|(m, _)| *m == marker).map_or_else(
        || Cow::Owned(marker.to_string()),
        |(m, _)| Cow::Borrowed(*m),
    )
}

/// The status words (in lower case) that name `state`, longest first.
pub fn words_of(state: State) -> &'static [&'static str] {
    static BY_STATE: LazyLock<Vec<(State, Vec<&str>)>> = LazyLock::new(|| {
        let mut by_state: Vec<(State, Vec<&str>)> = Vec::new();
        for &(word, state) in WORDS {
            match by_state.iter_mut().find(|(s, _)| *s == state) {
                Some((_, words)) => words.push(word),
                None => by_state.push((state, vec![word])),
            }
        }
        by_state
    });
    BY_STATE
        .iter()
        .find(|(s, _)| *s == state)
        .map_or(&[], |(_, words)| words.as_slice())
}

/// The state named by status words at the start of `text` (case-insensitive, in English and
/// in the other languages of [`languages`]), with the byte length of the words. Words must end
/// at a word boundary.
pub fn word_at(text: &str) -> Option<(State, usize)> {
    // The words by their first letter, in table order: a text is tried against a few.
    static BY_FIRST: LazyLock<HashMap<char, Vec<(&str, State)>>> = LazyLock::new(|| {
        let mut by_first: HashMap<char, Vec<(&str, State)>> = HashMap::default();
        for &(w, s) in WORDS.iter().chain(languages::WORDS) {
            if let Some(c) = w.chars().next() {
                by_first.entry(c).or_default().push((w, s));
            }
        }
        by_first
    });
    let first = text.chars().next()?;
    let first = first.to_lowercase().next().unwrap_or(first);
    BY_FIRST.get(&first)?.iter().find_map(|(w, s)| {
        let len = prefix_ci(text, w)?;
        let boundary = text[len..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        boundary.then_some((*s, len))
    })
}

/// Whether `words` (a status as written) are English words, the language a fix writes in.
pub fn is_english(words: &str) -> bool {
    WORDS
        .iter()
        .any(|(w, _)| words.len() == w.len() && words.eq_ignore_ascii_case(w))
}

/// The state named by a whole phrase such as a legend meaning ("Not Started", "Blocked").
pub fn phrase_state(phrase: &str) -> Option<State> {
    let phrase = phrase.trim().trim_matches(|c: char| c == '*' || c == '_');
    word_at(phrase)
        .filter(|(_, len)| {
            phrase[*len..].trim().is_empty()
                || phrase[*len..]
                    .trim_start()
                    .starts_with(['/', '(', '-', ','])
        })
        .map(|(s, _)| s)
}

/// `text` in lower case, as `str::to_lowercase` writes it, into a buffer used again.
pub fn lowercase_into(text: &str, buffer: &mut String) {
    buffer.clear();
    if text.is_ascii() {
        buffer.extend(text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        buffer.push_str(&text.to_lowercase());
    }
}

/// Drops a trailing variation selector (U+FE0F), so `✔️` and `✔` are one marker.
pub fn strip_variation(s: &str) -> &str {
    s.trim_end_matches('\u{FE0F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_in_all_forms() {
        let v = Vocab::default();
        assert_eq!(v.marker_at("✅ Done").unwrap().canonical, "✅");
        assert_eq!(v.marker_at("✔️ x").unwrap().len, "✔️".len());
        let garbled = v.marker_at("‚úÖ **1.1**").unwrap();
        assert_eq!((&*garbled.canonical, garbled.garbled), ("✅", true));
        assert_eq!(
            v.marker_at("\u{F8FF}üü° Not Started").unwrap().canonical,
            "🟡"
        );
        assert!(v.marker_at("⚠️ risk").is_none());
        assert!(v.marker_at("plain").is_none());
    }

    #[test]
    fn what_a_fix_writes_reads_back_as_its_state() {
        for (state, word) in WRITTEN {
            assert_eq!(phrase_state(word), Some(*state), "{word}");
        }
        let v = Vocab::default();
        for family in MARKER_FAMILIES {
            let states = family.map(|m| v.marker_state(m));
            let expected = [State::Done, State::InProgress, State::Open].map(Some);
            assert_eq!(states, expected, "{family:?}");
        }
    }

    #[test]
    fn words_respect_boundaries() {
        assert_eq!(word_at("Not Started (Optional)"), Some((State::Open, 11)));
        assert_eq!(word_at("COMPLETE"), Some((State::Done, 8)));
        assert_eq!(word_at("Completed Date"), Some((State::Done, 9)));
        assert_eq!(word_at("Doneness"), None);
        assert_eq!(
            word_at("ЗАВЕРШЕН ✅"),
            Some((State::Done, "ЗАВЕРШЕН".len()))
        );
        assert_eq!(word_at("En cours"), Some((State::InProgress, 8)));
        assert_eq!(word_at("完成度"), None);
        assert!(is_english("Not Started") && !is_english("Pendiente"));
        assert_eq!(prefix_ci("TERMINÉ", "terminé"), Some("TERMINÉ".len()));
        assert_eq!(prefix_ci("完成度", "完成"), Some("完成".len()));
        assert_eq!(prefix_ci("Term", "terminé"), None);
        assert_eq!(phrase_state("Pending Review"), Some(State::InProgress));
        assert_eq!(phrase_state("High Risk / Critical"), None);
    }
}
