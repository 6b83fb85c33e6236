//! Labels: the words of fields (`**Status:**`, `Blocked By:`, `Total Tasks:`) and of table
//! columns (`Progress`, `Total`) that tell the grammar what a value is. Each list is one
//! table here; the grammar in parse/ reads them and holds no words of its own.

use super::State;

/// Labels of a dependency declaration that waits on what it names.
pub static DEPENDS_ON: &[&str] = &[
    "dependencies",
    "dependency",
    "depends on",
    "depends",
    "blocked by",
    "waiting on",
    "prerequisites",
];

/// Labels of a dependency declaration that holds up what it names.
pub static BLOCKS: &[&str] = &["blocks"];

/// Values of a dependency field that declare none (`None`, `-`, `N/A`, `TBD`).
pub static NO_DEPENDENCY: &[&str] = &["none", "-", "—", "n/a", "na", "tbd"];

/// Words after `all` that make a reference to every earlier unit (`All previous tasks`).
pub static EARLIER: &[&str] = &["previous", "prior", "earlier"];

/// Words after `all` that make a reference to every earlier unit (`All done`).
pub static ALL_DONE: &[&str] = &["complete", "done"];

/// Words that close a count phrase (`3 of 5 tasks completed`).
pub static COUNT_DONE: &[&str] = &["complete", "completed", "done", "finished"];

/// The word between the figures of a count written out, in the languages trackers are
/// written in: `13 of 18`, `13 von 18`, `13 sur 18`, `13 de 18`, `13 di 18`, `13 van 18`.
pub static COUNT_OF: &[&str] = &["of", "von", "sur", "de", "di", "van", "av", "af", "z", "из"];

/// Words after a status word that take part of the work out of it: "Complete (except
/// screenshots)", "done but untested". Such a status is work in progress.
pub static EXCEPT: &[&str] = &[
    "except",
    "but",
    "apart from",
    "excluding",
    "sauf",
    "außer",
    "ausser",
    "excepto",
    "salvo",
    "tranne",
    "exceto",
    "kromě",
    "кроме",
];

/// Labels of a duration field.
pub static DURATION: &[&str] = &[
    "estimated time",
    "estimate",
    "est. time",
    "est time",
    "duration",
    "effort",
];

/// Words before `status` in a status label (`Overall Status`, `Phase Status`).
pub static STATUS_PREFIXES: &[&str] = &[
    "overall ", "current ", "project ", "phase ", "epic ", "task ",
];

/// Labels of a status field and headers of a status column, in the languages trackers are
/// written in (`Status`, `Estado`, `Statut`, `Статус`, `状態`).
pub static STATUS_LABELS: &[&str] = &[
    "status",
    "state",
    "estado",
    "statut",
    "stato",
    "stan",
    "durum",
    "trạng thái",
    "статус",
    "состояние",
    "状态",
    "状態",
    "ステータス",
    "상태",
];

/// Words for progress in other languages than English (`Avancement`, `Fortschritt`, `進捗`),
/// as a label's last word or a column's whole header.
pub static PROGRESS_WORDS: &[&str] = &[
    "progreso",
    "progrès",
    "avancement",
    "fortschritt",
    "progresso",
    "прогресс",
    "进度",
    "進捗",
    "진행률",
    "ilerleme",
    "tiến độ",
    "postęp",
    "kemajuan",
];

/// Words a progress label ends with (`Overall Progress`, `% done`).
pub static PROGRESS_ENDINGS: &[&str] = &[
    "progress",
    "completion",
    "complete",
    "percent",
    "percentage",
    "%",
    "% done",
];

/// Words a label starts with when it speaks of the whole document.
pub static WHOLE_DOCUMENT: &[&str] = &["overall", "project"];

/// Headers of a table column that holds each row's progress.
pub static PROGRESS_COLUMNS: &[&str] = &[
    "progress",
    "% complete",
    "%",
    "complete",
    "completion",
    "% done",
    "percent",
    "progress %",
    "done %",
];

/// Headers that make a table one of metrics (targets and measurements), not of work.
pub static METRIC_COLUMNS: &[&str] = &[
    "target", "achieved", "current", "baseline", "actual", "goal", "metric",
];

/// First cells of a table's total row.
pub static TOTAL_ROWS: &[&str] = &[
    "total",
    "totals",
    "sum",
    "overall",
    "gesamt",
    "insgesamt",
    "summe",
    "totale",
    "итого",
    "всего",
    "合计",
    "总计",
    "合計",
    "총계",
    "합계",
    "toplam",
    "tổng",
    "tổng cộng",
    "razem",
    "suma",
    "jumlah",
];

/// Headers of a column of totals in a table of counts.
pub static TOTAL_COLUMNS: &[&str] = &[
    "total",
    "count",
    "gesamt",
    "totale",
    "всего",
    "合计",
    "总数",
    "toplam",
    "tổng",
    "jumlah",
];

/// Headers of a column of done counts in a table of counts.
pub static DONE_COLUMNS: &[&str] = &[
    "completed",
    "done",
    "complete",
    "erledigt",
    "abgeschlossen",
    "terminé",
    "terminés",
    "completado",
    "completadas",
    "concluído",
    "completati",
    "выполнено",
    "已完成",
    "完成",
    "完了",
    "완료",
    "tamamlanan",
    "hoàn thành",
    "selesai",
    "ukończone",
];

/// Words a legend's label may start with (`Status Legend`, `Emoji key`), each followed by one
/// space.
pub static LEGEND_QUALIFIERS: &[&str] = &["status", "progress", "marker", "emoji"];

/// The words that label a legend.
pub static LEGEND: &[&str] = &[
    "legenda",
    "légende",
    "legende",
    "legend",
    "leyenda",
    "легенда",
    "lejant",
    "keterangan",
    "chú thích",
    "图例",
    "凡例",
    "범례",
    "key",
];

/// Words between two sized nouns: `(22 epics across 7 phases)`.
pub static ACROSS: &[&str] = &["across", "in", "over"];

/// A title that starts with this is optional work.
pub static OPTIONAL_OPENING: &[&str] = &["optional"];

/// Phrases that make a title optional work wherever they stand.
pub static OPTIONAL_PHRASES: &[&str] = &[
    "(optional",
    "(optionnel",
    "(opcional",
    ": optional",
    "- optional",
    "if time permits",
    "n/a)",
    "not required",
];

/// Headings and bold labels of notes rather than work (`## Notes`, `**Decisions:**`): the
/// lists under them are not the unit's work.
pub static ASIDES: &[&str] = &[
    "notes",
    "note",
    "decisions",
    "key decisions",
    "principles",
    "prerequisites",
    "success criteria",
    "risks",
    "assumptions",
    "constraints",
    "references",
    "lessons learned",
    "out of scope",
    "non-goals",
    "open questions",
    "glossary",
];

/// First words of a heading or bold label over things taken out of the plan
/// (`**Deleted Components:**`, `### Rejected ideas`): a ❌ there means removed, not open, and
/// the list is not work.
pub static REMOVED: &[&str] = &["deleted", "removed", "rejected", "dropped", "discarded"];

/// Words a tally's label starts with (`Total Tasks: 12`, `Completed: 5`), and the state it
/// counts (none: all of them).
pub static TALLIES: &[(&str, Option<State>)] = &[
    ("total", None),
    ("completed", Some(State::Done)),
    ("complete", Some(State::Done)),
    ("done", Some(State::Done)),
    ("finished", Some(State::Done)),
    ("in progress", Some(State::InProgress)),
    ("in-progress", Some(State::InProgress)),
    ("not started", Some(State::Open)),
    ("not-started", Some(State::Open)),
    ("remaining", Some(State::Open)),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::word_at;

    /// Every table, by name, for the checks below.
    fn tables() -> Vec<(&'static str, &'static [&'static str])> {
        vec![
            ("DEPENDS_ON", DEPENDS_ON),
            ("BLOCKS", BLOCKS),
            ("NO_DEPENDENCY", NO_DEPENDENCY),
            ("EARLIER", EARLIER),
            ("ALL_DONE", ALL_DONE),
            ("COUNT_DONE", COUNT_DONE),
            ("COUNT_OF", COUNT_OF),
            ("EXCEPT", EXCEPT),
            ("DURATION", DURATION),
            ("STATUS_PREFIXES", STATUS_PREFIXES),
            ("PROGRESS_ENDINGS", PROGRESS_ENDINGS),
            ("STATUS_LABELS", STATUS_LABELS),
            ("PROGRESS_WORDS", PROGRESS_WORDS),
            ("WHOLE_DOCUMENT", WHOLE_DOCUMENT),
            ("PROGRESS_COLUMNS", PROGRESS_COLUMNS),
            ("METRIC_COLUMNS", METRIC_COLUMNS),
            ("TOTAL_ROWS", TOTAL_ROWS),
            ("TOTAL_COLUMNS", TOTAL_COLUMNS),
            ("DONE_COLUMNS", DONE_COLUMNS),
            ("LEGEND_QUALIFIERS", LEGEND_QUALIFIERS),
            ("LEGEND", LEGEND),
            ("ACROSS", ACROSS),
            ("OPTIONAL_OPENING", OPTIONAL_OPENING),
            ("OPTIONAL_PHRASES", OPTIONAL_PHRASES),
            ("ASIDES", ASIDES),
            ("REMOVED", REMOVED),
        ]
    }

    #[test]
    fn labels_are_lower_case_and_listed_once() {
        for (name, words) in tables() {
            let mut seen = std::collections::HashSet::new();
            for w in words {
                assert_eq!(*w, w.to_lowercase(), "{name}: {w} is not lower case");
                assert!(seen.insert(w), "{name}: {w} is listed twice");
            }
        }
    }

    #[test]
    fn optional_phrases_fit_their_search() {
        // parse::text::is_optional gives each phrase a bit of a byte and compares a phrase
        // where its first two bytes stand.
        assert!(OPTIONAL_PHRASES.len() <= 8);
        assert!(OPTIONAL_PHRASES.iter().all(|p| p.len() >= 2));
    }

    #[test]
    fn a_label_never_means_two_things() {
        // A dependency label points one way.
        assert!(DEPENDS_ON.iter().all(|w| !BLOCKS.contains(w)));
    }

    #[test]
    fn state_words_among_labels_keep_their_state() {
        // A done column or a tally of one state, written with a status word, is that
        // word's state: the two tables cannot drift apart.
        for w in DONE_COLUMNS.iter().chain(ALL_DONE).chain(COUNT_DONE) {
            assert_eq!(word_at(w).map(|(s, _)| s), Some(State::Done), "{w}");
        }
        for (w, state) in TALLIES {
            if let (Some((word_state, len)), Some(state)) = (word_at(w), state)
                && len == w.len()
            {
                assert_eq!(word_state, *state, "tally label {w}");
            }
        }
    }
}
