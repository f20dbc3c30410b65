//! A draft's items into a store ([`Store::load_draft`]): the indicators the reader names
//! come from the starter catalogue and the built-in datasets (its word lists name no
//! other), and a store that lacks one is given it with the items, in one transaction.

use std::collections::BTreeSet;

use crate::builtin;
use crate::error::Result;
use crate::model::{Dataset, Indicator};
use crate::store::{LoadSummary, OnDuplicate, Store};

/// The definition of the indicator `code`: the starter catalogue's, else the first
/// built-in dataset's that defines it; `None` when neither does.
pub fn indicator_definition(code: &str) -> Result<Option<Indicator>> {
    if let Some(defined) = builtin::catalogue()?.into_iter().find(|i| i.code == code) {
        return Ok(Some(defined));
    }
    for name in builtin::datasets() {
        if let Some(defined) = Dataset::builtin(name)?
            .indicators
            .into_iter()
            .find(|i| i.code == code)
        {
            return Ok(Some(defined));
        }
    }
    Ok(None)
}

impl Store {
    /// Loads `dataset` (a draft's items, as `Draft.to_dataset` in Python writes them)
    /// all or nothing, as [`Store::load`] does with `on_duplicate`; an indicator its
    /// figures or claims name that neither it nor the store defines is added from
    /// [`indicator_definition`] in the same transaction, so that a draft of a text goes
    /// into an empty store. A code defined nowhere is left for the load to refuse,
    /// naming it.
    ///
    /// ```
    /// use bilateral::model::Dataset;
    /// use bilateral::{NewObservation, OnDuplicate, Store};
    ///
    /// let mut dataset = Dataset::default();
    /// dataset.observations.push(NewObservation::new("agreements", "AZE", "KAZ", "2025", 170.0));
    /// let mut store = Store::in_memory()?;
    /// // "agreements" is the built-in dataset's, not the starter catalogue's.
    /// assert!(store.indicator("agreements").is_err());
    /// let added = store.load_draft(dataset, OnDuplicate::Error)?;
    /// assert_eq!((added.indicators, added.observations), (1, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn load_draft(
        &mut self,
        mut dataset: Dataset,
        on_duplicate: OnDuplicate,
    ) -> Result<LoadSummary> {
        let stored: BTreeSet<String> = self.indicators()?.into_iter().map(|i| i.code).collect();
        let named: BTreeSet<String> = dataset
            .observations
            .iter()
            .map(|o| o.indicator.clone())
            .chain(dataset.claims.iter().map(|c| c.indicator.clone()))
            .collect();
        for code in named {
            if stored.contains(&code) || dataset.indicators.iter().any(|i| i.code == code) {
                continue;
            }
            if let Some(defined) = indicator_definition(&code)? {
                dataset.indicators.push(defined);
            }
        }
        self.load_with(&dataset, on_duplicate, None)
    }
}
