//! Validated writes: the store's write calls, each one transaction, so that a call
//! writes all its records or none; the checks and inserts of each kind of record are
//! in `insert.rs`.

use serde::{Deserialize, Serialize};

use super::claims::insert_claim;
use super::countries::{insert_population, CountryFinder};
use super::ingest::insert_batch;
use super::insert::{
    insert_event, insert_indicator, insert_product, insert_source, insert_topic, Lookups,
    ProductNaming,
};
use super::{write_transaction, Progress, Stage, Store, Watch};
use crate::error::{at_line, Error, Result};
use crate::model::{
    Dataset, Indicator, NewEvent, NewObservation, ObservationBatch, Product, Source, Topic,
};

/// What to do when an added observation is already stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnDuplicate {
    /// Fail with [`Error::Duplicate`](crate::error::Error::Duplicate) and leave the store
    /// unchanged.
    #[default]
    Error,
    /// Replace the stored observation.
    Replace,
    /// Pass over a record identical to the stored one (same value, qualifier, bounds,
    /// quote and note), so that a notebook cell can run twice; a record whose figure
    /// differs is still [`Error::Duplicate`](crate::error::Error::Duplicate), naming the
    /// stored figure. Passed-over records are not counted as added.
    Skip,
}

impl OnDuplicate {
    /// The choice its code names: `error`, `skip` or `replace` (as Python's
    /// `on_duplicate=` takes them).
    pub fn from_code(code: &str) -> Result<OnDuplicate> {
        match code {
            "error" => Ok(OnDuplicate::Error),
            "skip" => Ok(OnDuplicate::Skip),
            "replace" => Ok(OnDuplicate::Replace),
            other => Err(crate::error::Error::invalid(
                "on_duplicate",
                other,
                "is not one of error, skip, replace",
            )),
        }
    }
}

/// How much a dataset load added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LoadSummary {
    /// Sources added (already present identical ones are not counted).
    pub sources: usize,
    /// Indicators added.
    pub indicators: usize,
    /// Observations added.
    pub observations: usize,
    /// Events added.
    pub events: usize,
    /// Claims added (already present identical ones are not counted).
    pub claims: usize,
    /// Topics added (already present identical ones are not counted).
    pub topics: usize,
    /// Products added or named (already present identical ones are not counted).
    #[serde(default)]
    pub products: usize,
    /// Population figures set.
    pub populations: usize,
}

/// Runs `insert` on the rows of `batch` that have a value, when its
/// [`OnMissing::Skip`](crate::model::OnMissing::Skip) says to pass over the others
/// (which are then neither checked nor written, so that no product or other name of
/// theirs is added either); an error names the row's index in `batch`.
fn insert_present(
    batch: &ObservationBatch,
    insert: impl FnOnce(&ObservationBatch) -> Result<usize>,
) -> Result<usize> {
    match batch.without_missing_values() {
        None => insert(batch),
        Some((present, indices)) => insert(&present).map_err(|error| at_line(&indices, error)),
    }
}

impl Store {
    /// Adds an indicator. Adding one identical to a stored indicator does nothing;
    /// a different definition under a stored code is a validation error.
    pub fn add_indicator(&mut self, indicator: &Indicator) -> Result<bool> {
        let tx = write_transaction(&mut self.conn)?;
        let added = insert_indicator(&tx, indicator)?;
        tx.commit()?;
        Ok(added)
    }

    /// Adds a report topic with its section title; the report puts its section after
    /// the other topics' and before "Other indicators". Adding a stored topic with the
    /// same title does nothing (and returns false); with another title it is a
    /// validation error. An indicator may also name a topic the store does not have:
    /// it is then added with a title made from its code.
    ///
    /// ```
    /// use bilateral::{Indicator, Kind, Store, Topic};
    ///
    /// let mut store = Store::in_memory()?;
    /// let energy = Topic::new("energy")?;
    /// assert!(store.add_topic(&energy, "Energy and power")?);
    /// let mut power = Indicator::new("power_exports", "Electricity exports", "MWh", Kind::Flow, true);
    /// power.topic = energy;
    /// store.add_indicator(&power)?;
    /// assert_eq!(store.indicator("power_exports")?.topic.code(), "energy");
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn add_topic(&mut self, topic: &Topic, title: &str) -> Result<bool> {
        let tx = write_transaction(&mut self.conn)?;
        let (_, added) = insert_topic(&tx, topic, Some(title))?;
        tx.commit()?;
        Ok(added)
    }

    /// Adds a source. Adding one identical to a stored source does nothing; a
    /// different source under a stored id is a validation error.
    pub fn add_source(&mut self, source: &Source) -> Result<bool> {
        let tx = write_transaction(&mut self.conn)?;
        let added = insert_source(&tx, source)?;
        tx.commit()?;
        Ok(added)
    }

    /// Names the product `code` (as figures use it: `7202`, `wheat`), so that a report
    /// writes "ferro-alloys (HS 7202)" where it would write the code. Returns whether
    /// anything changed: a new code is added, a code figures already use takes the
    /// name, and the same name again changes nothing (a notebook cell can run twice).
    /// Another name for a named code is a validation error naming the stored one, as
    /// another definition of a stored indicator is: a name is never replaced behind
    /// the user's back. The code `total` (the whole) takes no name.
    ///
    /// ```
    /// use bilateral::Store;
    ///
    /// let mut store = Store::in_memory()?;
    /// assert!(store.add_product("7202", "Ferro-alloys")?);
    /// assert!(!store.add_product("7202", "Ferro-alloys")?);
    /// assert!(store.add_product("7202", "Iron alloys").is_err());
    /// assert_eq!(store.products()?[0].name.as_deref(), Some("Ferro-alloys"));
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn add_product(&mut self, code: &str, name: &str) -> Result<bool> {
        self.add_one_product(&Product::new(code, name))
    }

    /// [`Store::add_product`] with the classification `product` may carry.
    pub(crate) fn add_one_product(&mut self, product: &Product) -> Result<bool> {
        let tx = write_transaction(&mut self.conn)?;
        let changed = insert_product(&tx, product, ProductNaming::Strict)?;
        tx.commit()?;
        Ok(changed)
    }

    /// Adds or names products all or nothing, each as [`Store::add_product`] does,
    /// with the classification of its code where given (`HS`, `SITC` …, upper case): a
    /// code without a stored classification takes it, another one is a validation
    /// error. An error names the product's index. Returns how many changed.
    pub fn add_products(&mut self, products: &[Product]) -> Result<usize> {
        let tx = write_transaction(&mut self.conn)?;
        let mut changed = 0;
        for (i, product) in products.iter().enumerate() {
            if product.name.is_none() && product.classification.is_none() {
                return Err(Error::invalid("name", "", "is missing").at_record(i));
            }
            let named =
                insert_product(&tx, product, ProductNaming::Strict).map_err(|e| e.at_record(i))?;
            changed += usize::from(named);
        }
        tx.commit()?;
        Ok(changed)
    }

    /// Adds one observation; see [`NewObservation`] for the fields and
    /// [`Store::add_many`] for the checks.
    pub fn add(&mut self, observation: &NewObservation) -> Result<()> {
        let batch = ObservationBatch::from_observations(std::slice::from_ref(observation));
        self.write_batch(&batch, OnDuplicate::Error, false)
            .map(drop)
    }

    /// Adds one observation, doing with one of the same identity what `on_duplicate`
    /// says; returns whether it was written (a skip passes over an identical one).
    pub fn add_one(
        &mut self,
        observation: &NewObservation,
        on_duplicate: OnDuplicate,
    ) -> Result<bool> {
        let batch = ObservationBatch::from_observations(std::slice::from_ref(observation));
        self.write_batch(&batch, on_duplicate, false)
            .map(|written| written == 1)
    }

    /// Adds one observation, replacing a stored one with the same identity.
    pub fn replace(&mut self, observation: &NewObservation) -> Result<()> {
        let batch = ObservationBatch::from_observations(std::slice::from_ref(observation));
        self.write_batch(&batch, OnDuplicate::Replace, false)
            .map(drop)
    }

    /// Adds observations all or nothing: the first bad record fails the call, leaves
    /// the store unchanged, and the error names the record's index and field.
    ///
    /// Each record is checked: the indicator and source exist; the countries are
    /// known and differ; the period parses; the value is finite (and not negative
    /// unless the indicator is signed); the qualifier and status are known; explicit
    /// bounds contain the value. Undirected indicators store the pair in alphabetical
    /// order. Every record is checked before any is written (they are then written in
    /// the store's key order, which is faster), so a record that fails its checks is
    /// reported before a duplicate of a lower index. Returns the number of records
    /// written (with [`OnDuplicate::Skip`], those not passed over).
    pub fn add_many(
        &mut self,
        records: &[NewObservation],
        on_duplicate: OnDuplicate,
    ) -> Result<usize> {
        self.write_batch(
            &ObservationBatch::from_observations(records),
            on_duplicate,
            true,
        )
    }

    /// [`Store::add_many`] for observations given column by column: each distinct
    /// indicator, country, period, product, source, qualifier and status is checked
    /// once, however many rows repeat it; the same checks and errors otherwise. A row
    /// without a value is an error naming it, unless the batch's
    /// [`on_missing`](ObservationBatch::on_missing) says to pass over such rows: the
    /// number returned then leaves them out.
    ///
    /// ```
    /// use bilateral::{NewObservation, ObservationBatch, OnDuplicate, Store};
    ///
    /// let mut store = Store::demo()?;
    /// let mut batch = ObservationBatch::default();
    /// for year in 2010..2020 {
    ///     batch.push(&NewObservation::new("tourists", "KAZ", "AZE", &year.to_string(), 1e4));
    /// }
    /// assert_eq!(store.add_batch(&batch, OnDuplicate::Error)?, 10);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn add_batch(
        &mut self,
        batch: &ObservationBatch,
        on_duplicate: OnDuplicate,
    ) -> Result<usize> {
        self.write_batch(batch, on_duplicate, true)
    }

    /// An import's write, in one transaction: the indicators and sources a file's rows
    /// need (an identical stored one is kept; a different one under the same code is a
    /// validation error), the rows as [`Store::add_batch`] adds them, telling `progress`
    /// how far the checks and writes have got, then the names of its products (which
    /// never replace a stored name: [`ProductNaming::KeepStored`]). Returns the rows
    /// written.
    pub(crate) fn import_batch(
        &mut self,
        indicators: &[Indicator],
        sources: &[Source],
        products: &[Product],
        batch: &ObservationBatch,
        on_duplicate: OnDuplicate,
        progress: Option<&dyn Fn(Progress) -> bool>,
    ) -> Result<usize> {
        let tx = write_transaction(&mut self.conn)?;
        for source in sources {
            insert_source(&tx, source)?;
        }
        for indicator in indicators {
            insert_indicator(&tx, indicator)?;
        }
        let watch = Watch {
            interrupt: self.interrupt.as_ref(),
            progress,
        };
        let written = insert_present(batch, |batch| {
            insert_batch(
                &tx,
                &self.countries,
                &mut Lookups::default(),
                batch,
                on_duplicate,
                watch,
                true,
            )
        })?;
        // After the rows, whose checks name the line of a bad product code.
        for product in products {
            insert_product(&tx, product, ProductNaming::KeepStored)?;
        }
        tx.commit()?;
        Ok(written)
    }

    /// A streamed import's write, in one transaction: the rows `rows` reads, a batch
    /// at a time, each checked and written as [`Store::add_batch`] does (so a file of
    /// any size takes the memory of one batch), then its products (which never replace
    /// a stored name). An indicator a batch uses that the store lacks is added as
    /// `rows` defines it, a source in `sources` when the store lacks it. An error
    /// names the file's line (`lines` of its batch) and leaves the store as it was.
    /// Duplicates are found batch by batch: a row that fails its checks in a later
    /// batch is reported after a duplicate of an earlier one.
    pub(crate) fn import_batches(
        &mut self,
        rows: &mut dyn BatchSource,
        sources: &[Source],
        on_duplicate: OnDuplicate,
        progress: Option<&dyn Fn(Progress) -> bool>,
    ) -> Result<BatchesWritten> {
        let tx = write_transaction(&mut self.conn)?;
        for source in sources {
            if !source_exists(&tx, &source.id)? {
                insert_source(&tx, source)?;
            }
        }
        let finder = CountryFinder(&self.countries);
        let reading = Watch {
            interrupt: self.interrupt.as_ref(),
            progress,
        };
        // The checks and writes of a batch tell nothing: the reading, in bytes, tells
        // how far the whole import has got (they are told once, at the end).
        let writing = Watch {
            interrupt: self.interrupt.as_ref(),
            progress: None,
        };
        let mut lookups = Lookups::default();
        let mut added: Vec<String> = Vec::new();
        let mut done = BatchesWritten::default();
        while let Some((batch, lines)) = rows.next_batch(&finder, reading)? {
            for code in batch.indicator.values() {
                if added.contains(code) {
                    continue;
                }
                if !indicator_exists(&tx, code)? {
                    if let Some(indicator) = rows.indicator(code) {
                        insert_indicator(&tx, &indicator)?;
                    }
                }
                added.push(code.clone());
            }
            let written = insert_batch(
                &tx,
                &self.countries,
                &mut lookups,
                &batch,
                on_duplicate,
                writing,
                true,
            )
            .map_err(|error| at_line(&lines, error))?;
            if done.first_line.is_none() {
                done.first_line = lines.first().copied();
            }
            done.given += batch.len();
            done.written += written;
        }
        // The rows were checked and written as they were read: each stage is told once
        // more, at its end, so that a caller sees the three in turn.
        reading.row(Stage::Checking, done.given, done.given)?;
        reading.row(Stage::Writing, done.given, done.given)?;
        for product in rows.products() {
            insert_product(&tx, &product, ProductNaming::KeepStored)?;
        }
        tx.commit()?;
        Ok(done)
    }

    fn write_batch(
        &mut self,
        batch: &ObservationBatch,
        on_duplicate: OnDuplicate,
        numbered: bool,
    ) -> Result<usize> {
        // Figures that name no source take the store's default, if set.
        let filled;
        let batch = match &self.default_source {
            Some(source) if batch.source.has_missing() => {
                let mut with_source = batch.clone();
                with_source.source.fill_missing(source);
                filled = with_source;
                &filled
            }
            _ => batch,
        };
        let tx = write_transaction(&mut self.conn)?;
        let watch = Watch {
            interrupt: self.interrupt.as_ref(),
            progress: None,
        };
        let written = insert_present(batch, |batch| {
            insert_batch(
                &tx,
                &self.countries,
                &mut Lookups::default(),
                batch,
                on_duplicate,
                watch,
                numbered,
            )
        })?;
        tx.commit()?;
        Ok(written)
    }

    /// Adds a dated event between two countries.
    pub fn add_event(&mut self, event: &NewEvent) -> Result<()> {
        let tx = write_transaction(&mut self.conn)?;
        insert_event(&tx, &self.countries, &mut Lookups::default(), event)?;
        tx.commit()?;
        Ok(())
    }

    /// Loads a built-in dataset (see [`crate::datasets`]) all or nothing.
    pub fn load_dataset(&mut self, name: &str) -> Result<LoadSummary> {
        let dataset = Dataset::builtin(name)?;
        self.load(&dataset)
    }

    /// Loads a dataset all or nothing, through the same checks as [`Store::add_many`];
    /// an error names the record's index within its list. Sources come first, then
    /// topics, indicators, products (as [`Store::add_products`] adds them),
    /// observations, events, claims and populations.
    pub fn load(&mut self, dataset: &Dataset) -> Result<LoadSummary> {
        self.load_with(dataset, OnDuplicate::Error, None)
    }

    /// [`Store::load`], with `on_duplicate` saying what to do with an observation
    /// already stored (with [`OnDuplicate::Skip`] or [`OnDuplicate::Replace`], an event
    /// of the same date, pair, kind and title is passed over too), and `progress` told
    /// how far the observations' checks and writes have got.
    pub(crate) fn load_with(
        &mut self,
        dataset: &Dataset,
        on_duplicate: OnDuplicate,
        progress: Option<&dyn Fn(Progress) -> bool>,
    ) -> Result<LoadSummary> {
        let tx = write_transaction(&mut self.conn)?;
        let mut summary = LoadSummary::default();
        let mut lookups = Lookups::default();
        for (i, source) in dataset.sources.iter().enumerate() {
            summary.sources += usize::from(insert_source(&tx, source).map_err(|e| e.at_record(i))?);
        }
        for (i, topic) in dataset.topics.iter().enumerate() {
            let (_, added) =
                insert_topic(&tx, &topic.code, Some(&topic.title)).map_err(|e| e.at_record(i))?;
            summary.topics += usize::from(added);
        }
        for (i, indicator) in dataset.indicators.iter().enumerate() {
            summary.indicators +=
                usize::from(insert_indicator(&tx, indicator).map_err(|e| e.at_record(i))?);
        }
        for (i, product) in dataset.products.iter().enumerate() {
            let named =
                insert_product(&tx, product, ProductNaming::Strict).map_err(|e| e.at_record(i))?;
            summary.products += usize::from(named);
        }
        summary.observations = insert_batch(
            &tx,
            &self.countries,
            &mut lookups,
            &ObservationBatch::from_observations(&dataset.observations),
            on_duplicate,
            Watch {
                interrupt: self.interrupt.as_ref(),
                progress,
            },
            true,
        )?;
        for (i, event) in dataset.events.iter().enumerate() {
            match insert_event(&tx, &self.countries, &mut lookups, event) {
                Ok(()) => summary.events += 1,
                Err(Error::Duplicate { .. }) if on_duplicate != OnDuplicate::Error => {}
                Err(e) => return Err(e.at_record(i)),
            }
        }
        for (i, claim) in dataset.claims.iter().enumerate() {
            let added = insert_claim(&tx, &self.countries, &mut lookups, claim)
                .map_err(|e| e.at_record(i))?;
            summary.claims += usize::from(added);
        }
        for (i, population) in dataset.populations.iter().enumerate() {
            insert_population(
                &tx,
                &self.countries,
                &mut lookups,
                &population.country,
                population.year,
                population.value as f64,
                population.source.as_deref(),
            )
            .map_err(|e| e.at_record(i))?;
            summary.populations += 1;
        }
        tx.commit()?;
        Ok(summary)
    }
}

/// The rows of a streamed import, read a batch at a time (see
/// [`Store::import_batches`]).
pub(crate) trait BatchSource {
    /// The next rows, with the file's line of each row, or `None` at the end; `watch`
    /// is told how far the reading has got.
    fn next_batch(
        &mut self,
        countries: &CountryFinder,
        watch: Watch,
    ) -> Result<Option<(ObservationBatch, Vec<usize>)>>;

    /// The definition of an indicator the rows use and the store lacks (`None`: the
    /// rows' checks then say it is unknown).
    fn indicator(&self, code: &str) -> Option<Indicator>;

    /// The products the rows named, added after them.
    fn products(&mut self) -> Vec<Product>;
}

/// What [`Store::import_batches`] wrote.
#[derive(Debug, Default)]
pub(crate) struct BatchesWritten {
    /// Rows given, in all batches.
    pub(crate) given: usize,
    /// Rows written (a skip passes over some).
    pub(crate) written: usize,
    /// The file's line of the first row given.
    pub(crate) first_line: Option<usize>,
}

fn indicator_exists(tx: &rusqlite::Transaction, code: &str) -> Result<bool> {
    Ok(tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM indicator WHERE code = ?1)")?
        .query_row([code], |r| r.get(0))?)
}

fn source_exists(tx: &rusqlite::Transaction, id: &str) -> Result<bool> {
    Ok(tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM source WHERE code = ?1)")?
        .query_row([id], |r| r.get(0))?)
}
