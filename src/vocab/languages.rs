//! Status words in the languages trackers are written in besides English. They are read
//! wherever an English status word is (a Status field or cell, a heading's trailing status),
//! case-insensitively in every script, and must end at a word boundary: `完成` is a status,
//! `完成度` (degree of completion) is not.
//!
//! A fix never writes these words: the words a fix writes are English (see `WRITTEN`), and a
//! document written in another language keeps its words, so a fix offers only the marker.

use super::state::State;

/// Status words by language, each in lower case. Within a language a longer phrase that
/// starts with a shorter one comes first.
pub(super) const WORDS: &[(&str, State)] = &[
    // German
    ("abgeschlossen", State::Done),
    ("erledigt", State::Done),
    ("fertig", State::Done),
    ("in arbeit", State::InProgress),
    ("in bearbeitung", State::InProgress),
    ("nicht begonnen", State::Open),
    ("ausstehend", State::Open),
    ("offen", State::Open),
    ("geplant", State::Open),
    ("blockiert", State::Blocked),
    ("abgebrochen", State::Cancelled),
    // French
    ("terminé", State::Done),
    ("terminée", State::Done),
    ("terminés", State::Done),
    ("terminées", State::Done),
    ("achevé", State::Done),
    ("complété", State::Done),
    ("en cours", State::InProgress),
    ("non commencé", State::Open),
    ("pas commencé", State::Open),
    ("à faire", State::Open),
    ("planifié", State::Open),
    ("bloqué", State::Blocked),
    ("annulé", State::Cancelled),
    // Spanish
    ("completado", State::Done),
    ("completada", State::Done),
    ("completados", State::Done),
    ("completadas", State::Done),
    ("terminado", State::Done),
    ("terminada", State::Done),
    ("finalizado", State::Done),
    ("finalizada", State::Done),
    ("hecho", State::Done),
    ("en progreso", State::InProgress),
    ("en curso", State::InProgress),
    ("en proceso", State::InProgress),
    ("no iniciado", State::Open),
    ("no iniciada", State::Open),
    ("pendiente", State::Open),
    ("pendientes", State::Open),
    ("por hacer", State::Open),
    ("bloqueado", State::Blocked),
    ("bloqueada", State::Blocked),
    ("pausado", State::Blocked),
    ("cancelado", State::Cancelled),
    ("cancelada", State::Cancelled),
    // Portuguese
    ("concluído", State::Done),
    ("concluída", State::Done),
    ("concluido", State::Done),
    ("concluida", State::Done),
    ("completo", State::Done),
    ("completa", State::Done),
    ("feito", State::Done),
    ("em andamento", State::InProgress),
    ("em progresso", State::InProgress),
    ("não iniciado", State::Open),
    ("não iniciada", State::Open),
    ("pendente", State::Open),
    ("pendentes", State::Open),
    // Italian
    ("completato", State::Done),
    ("completata", State::Done),
    ("completati", State::Done),
    ("terminato", State::Done),
    ("fatto", State::Done),
    ("in corso", State::InProgress),
    ("non iniziato", State::Open),
    ("da fare", State::Open),
    ("bloccato", State::Blocked),
    ("annullato", State::Cancelled),
    // Polish
    ("ukończone", State::Done),
    ("zakończone", State::Done),
    ("gotowe", State::Done),
    ("w trakcie", State::InProgress),
    ("w toku", State::InProgress),
    ("nierozpoczęte", State::Open),
    ("do zrobienia", State::Open),
    ("zablokowane", State::Blocked),
    // Russian
    ("завершено", State::Done),
    ("завершён", State::Done),
    ("завершен", State::Done),
    ("завершена", State::Done),
    ("выполнено", State::Done),
    ("готово", State::Done),
    ("в работе", State::InProgress),
    ("в процессе", State::InProgress),
    ("не начато", State::Open),
    ("не начат", State::Open),
    ("запланировано", State::Open),
    ("заблокировано", State::Blocked),
    ("отменено", State::Cancelled),
    // Turkish
    ("tamamlandı", State::Done),
    ("tamamlanan", State::Done),
    ("devam ediyor", State::InProgress),
    ("devam eden", State::InProgress),
    ("başlanmadı", State::Open),
    ("başlamadı", State::Open),
    ("bekliyor", State::Open),
    ("engellendi", State::Blocked),
    // Vietnamese
    ("đã hoàn thành", State::Done),
    ("hoàn thành", State::Done),
    ("đang thực hiện", State::InProgress),
    ("đang làm", State::InProgress),
    ("chưa bắt đầu", State::Open),
    // Indonesian
    ("selesai", State::Done),
    ("sedang dikerjakan", State::InProgress),
    ("dalam proses", State::InProgress),
    ("belum dimulai", State::Open),
    // Chinese
    ("已完成", State::Done),
    ("完成", State::Done),
    ("进行中", State::InProgress),
    ("進行中", State::InProgress),
    ("待开始", State::Open),
    ("未开始", State::Open),
    ("待办", State::Open),
    ("已取消", State::Cancelled),
    // Japanese
    ("完了", State::Done),
    ("済み", State::Done),
    ("作業中", State::InProgress),
    ("対応中", State::InProgress),
    ("未着手", State::Open),
    ("未完了", State::Open),
    ("保留", State::Blocked),
    // Korean
    ("완료", State::Done),
    ("진행 중", State::InProgress),
    ("진행중", State::InProgress),
    ("시작 전", State::Open),
    ("미완료", State::Open),
    ("대기", State::Open),
];

/// The byte length of `word` (lower case) at the start of `text`, in any case of any script.
pub fn prefix_ci(text: &str, word: &str) -> Option<usize> {
    if word.is_ascii() {
        let head = text.as_bytes().get(..word.len())?;
        return head
            .eq_ignore_ascii_case(word.as_bytes())
            .then_some(word.len());
    }
    let mut chars = text.char_indices();
    for w in word.chars() {
        let (_, t) = chars.next()?;
        if t != w && !t.to_lowercase().eq(std::iter::once(w)) {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(i, _)| i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lower_case_and_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for (w, _) in WORDS {
            assert_eq!(*w, w.to_lowercase(), "{w} is not lower case");
            assert!(seen.insert(w), "{w} is listed twice");
        }
    }
}
