//! The numbered notes of a report: each cited figure once, numbered in the order it is
//! first cited.

use std::collections::HashMap;

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

/// Hands out note numbers: a figure cited twice keeps its first number.
#[derive(Default)]
pub(super) struct Notes {
    notes: Vec<Note>,
    numbers: HashMap<NoteKey, usize>,
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
        number
    }

    /// The notes, numbered from one.
    pub(super) fn into_vec(self) -> Vec<Note> {
        self.notes
    }
}
