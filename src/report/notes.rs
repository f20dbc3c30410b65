//! The numbered notes of a report: each cited figure once, numbered in the order it is
//! first cited.

use std::collections::{HashMap, HashSet};

use super::Note;
use crate::model::{Observation, Status};
use crate::period::Period;

/// What makes a figure the same figure: indicator, pair, product, period, status, source.
type NoteKey = (
    String,
    String,
    String,
    String,
    Period,
    Status,
    Option<String>,
);

/// A [`NoteKey`] borrowed from the figure: what a table looks up for each of its rows.
pub(super) type CitedKey<'a> = (
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    Period,
    Status,
    Option<&'a str>,
);

/// The [`CitedKey`] of `obs`.
pub(super) fn cited_key(obs: &Observation) -> CitedKey<'_> {
    (
        &obs.indicator,
        &obs.origin,
        &obs.destination,
        &obs.product,
        obs.period,
        obs.status,
        obs.source.as_deref(),
    )
}

/// Hands out note numbers: a figure cited twice keeps its first number.
#[derive(Default)]
pub(super) struct Notes {
    notes: Vec<Note>,
    numbers: HashMap<NoteKey, usize>,
    /// Each note's figure and subject, by number − 1, to cite again elsewhere.
    figures: Vec<(String, Observation)>,
}

impl Notes {
    /// The number of the note for `obs`, described as `subject`; a new note if it has
    /// not been cited yet.
    pub(super) fn cite(&mut self, subject: &str, obs: &Observation) -> usize {
        let key = (
            obs.indicator.clone(),
            obs.origin.clone(),
            obs.destination.clone(),
            obs.product.clone(),
            obs.period,
            obs.status,
            obs.source.clone(),
        );
        if let Some(&n) = self.numbers.get(&key) {
            return n;
        }
        let number = self.notes.len() + 1;
        self.notes
            .push(Note::citing(number, subject.to_owned(), obs));
        self.numbers.insert(key, number);
        self.figures.push((subject.to_owned(), obs.clone()));
        number
    }

    /// Cites in `notes`, in the order of their numbers here, the figures these notes
    /// cite: what citing them there in the first place would have done. The number each
    /// has there, by its number here − 1.
    pub(super) fn cite_again_in(&self, notes: &mut Notes) -> Vec<usize> {
        self.figures
            .iter()
            .map(|(subject, obs)| notes.cite(subject, obs))
            .collect()
    }

    /// The figures cited so far, each by its [`CitedKey`].
    pub(super) fn cited(&self) -> HashSet<CitedKey<'_>> {
        self.numbers
            .keys()
            .map(
                |(indicator, origin, destination, product, period, status, source)| {
                    (
                        indicator.as_str(),
                        origin.as_str(),
                        destination.as_str(),
                        product.as_str(),
                        *period,
                        *status,
                        source.as_deref(),
                    )
                },
            )
            .collect()
    }

    /// The notes, numbered from one.
    pub(super) fn into_vec(self) -> Vec<Note> {
        self.notes
    }
}

#[cfg(test)]
mod tests {
    use crate::store::Store;

    #[test]
    fn every_note_of_the_demo_report_cites_one_stored_figure_unless_implied() {
        let store = Store::demo().unwrap();
        let report = store.report("AZE", "KAZ").unwrap();
        let stored = store.observations_between("AZE", "KAZ").unwrap();
        let mut matched = 0;
        for note in &report.notes {
            match stored.iter().filter(|o| note.cites(o)).count() {
                1 => matched += 1,
                0 => assert!(
                    note.note
                        .as_deref()
                        .is_some_and(|n| n.starts_with("Implied")),
                    "note {} cites no stored figure: {note:?}",
                    note.number
                ),
                n => panic!("note {} cites {n} stored figures", note.number),
            }
        }
        assert!(matched > 0);
        // The article's "over 102,000" tourists from Azerbaijan to Kazakhstan in 2024.
        let tourists = report
            .notes
            .iter()
            .find(|n| {
                n.indicator == "tourists" && n.period.to_string() == "2024" && n.origin == "AZE"
            })
            .expect("the report cites 2024's tourists from Azerbaijan");
        assert_eq!(
            (
                tourists.destination.as_str(),
                tourists.product.as_str(),
                tourists.value
            ),
            ("KAZ", "total", 102_000.0)
        );
    }
}
