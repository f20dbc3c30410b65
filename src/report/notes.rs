//! The numbered notes of a report: each cited figure once, numbered in the order it is
//! first cited.

use std::collections::{HashMap, HashSet};

use super::Note;
use crate::model::{Observation, Status};
use crate::period::Period;
use crate::words::describe_observation;

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
        self.notes.push(Note {
            number,
            indicator: obs.indicator.clone(),
            subject: subject.to_owned(),
            period: obs.period,
            figure: describe_observation(obs),
            status: obs.status,
            source: obs.source.clone(),
            quote: obs.quote.clone(),
            note: obs.note.clone(),
        });
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
