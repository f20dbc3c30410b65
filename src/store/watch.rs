//! How far a long write has got, and whether to stop it: the progress reports an
//! import or a dataset load gives as it checks and writes rows, and the interrupt check
//! it asks between them (see [`Store::set_interrupt_check`](super::Store::set_interrupt_check)).

use serde::Serialize;

use super::InterruptCheck;
use crate::error::{Error, Result};

/// The stage of an import a [`Progress`] report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Stage {
    /// Reading the file: `done` and `total` count its bytes.
    Reading,
    /// Checking the rows read (countries, periods, units, bounds): they count rows.
    Checking,
    /// Writing the checked rows: they count rows.
    Writing,
}

impl Stage {
    /// `reading`, `checking` or `writing`.
    pub fn code(self) -> &'static str {
        match self {
            Stage::Reading => "reading",
            Stage::Checking => "checking",
            Stage::Writing => "writing",
        }
    }
}

/// How far an import has got: told to
/// [`ImportOptions::progress`](crate::files::ImportOptions::progress) every
/// [`ROWS_BETWEEN_REPORTS`] rows, and once at the end of each stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// What the import is doing.
    pub stage: Stage,
    /// How much of the stage is done.
    pub done: u64,
    /// How much the stage has in all.
    pub total: u64,
}

/// Rows between two progress reports (and interrupt checks) of an import: often enough
/// for a bar to move smoothly, rarely enough to cost nothing.
pub const ROWS_BETWEEN_REPORTS: usize = 10_000;

/// The interrupt check and progress callback of one call, asked as it goes.
#[derive(Clone, Copy, Default)]
pub(crate) struct Watch<'a> {
    pub(crate) interrupt: Option<&'a InterruptCheck>,
    pub(crate) progress: Option<&'a dyn Fn(Progress) -> bool>,
}

impl Watch<'_> {
    /// Every [`ROWS_BETWEEN_REPORTS`] rows, and at `done == total`: tells the progress
    /// callback, then asks the interrupt check; [`Error::Interrupted`] when either says
    /// to stop.
    pub(crate) fn at(&self, stage: Stage, row: usize, done: u64, total: u64) -> Result<()> {
        if !row.is_multiple_of(ROWS_BETWEEN_REPORTS) && done != total {
            return Ok(());
        }
        if let Some(progress) = self.progress {
            if !progress(Progress { stage, done, total }) {
                return Err(Error::Interrupted);
            }
        }
        match self.interrupt {
            Some(stop) if stop() => Err(Error::Interrupted),
            _ => Ok(()),
        }
    }

    /// A row's step of a stage counted in rows: [`Watch::at`] with the row as the count.
    pub(crate) fn row(&self, stage: Stage, row: usize, rows: usize) -> Result<()> {
        self.at(stage, row, row as u64, rows as u64)
    }
}
