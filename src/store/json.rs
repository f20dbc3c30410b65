//! The whole store as a dataset file: [`Store::to_dataset`], [`Store::export_json`]
//! and [`Store::import_json`].

use std::io::Write;
use std::path::Path;

use super::Store;
use crate::builtin::{population_source, Dataset, DatasetPopulation, DatasetTopic};
use crate::error::Result;
use crate::files::ImportOptions;
use crate::model::{NewClaim, NewEvent, NewObservation};
use crate::store::{LoadSummary, ObservationFilter};

impl Store {
    /// Everything the store holds as a dataset called `name` (its title too): every
    /// source, topic, indicator, named product, observation, event and claim, and the population
    /// figures set by hand. Left out is what every store starts with: the built-in
    /// World Bank population and its source. Loaded into an empty store
    /// ([`Store::load`]) it gives the same store.
    ///
    /// Observations keep their period as it was written and state their bounds
    /// explicitly; claims their relation and reference as codes.
    pub fn to_dataset(&self, name: &str) -> Result<Dataset> {
        let builtin_source = population_source().id;
        let sources = self
            .sources()?
            .into_iter()
            .filter(|s| s.id != builtin_source)
            .collect();
        let topics = self
            .topics()?
            .into_iter()
            .map(|t| DatasetTopic {
                code: t.topic,
                title: t.title,
            })
            .collect();
        let observations = self
            .observations(&ObservationFilter::default())?
            .into_iter()
            .map(|o| NewObservation {
                indicator: o.indicator,
                origin: o.origin,
                destination: o.destination,
                product: Some(o.product),
                product_name: None,
                period: o.period_text,
                value: o.value,
                qualifier: Some(o.qualifier.code().to_owned()),
                status: Some(o.status.code().to_owned()),
                source: o.source,
                quote: o.quote,
                low: Some(o.low),
                high: Some(o.high),
                precision: None,
                note: o.note,
                unit: None,
            })
            .collect();
        let events = self
            .events(None)?
            .into_iter()
            .map(|e| NewEvent {
                date: e.date.to_string(),
                a: e.a,
                b: e.b,
                kind: e.kind,
                title: e.title,
                place: e.place,
                source: e.source,
                quote: e.quote,
                note: e.note,
            })
            .collect();
        let claims = self
            .claims(None, None)?
            .into_iter()
            .map(|c| NewClaim {
                text: c.text,
                indicator: c.indicator,
                origin: c.origin,
                destination: c.destination,
                period: c.period.to_string(),
                relation: c.relation.code().to_owned(),
                value: c.value,
                reference: Some(c.reference.code()),
                qualifier: Some(c.qualifier.code().to_owned()),
                product: Some(c.product),
                source: c.source,
                quote: c.quote,
                note: c.note,
            })
            .collect();
        Ok(Dataset {
            name: name.to_owned(),
            title: name.to_owned(),
            description: None,
            sources,
            topics,
            indicators: self.indicators()?,
            // A code without name or classification is stored with the figures using it.
            products: self
                .products()?
                .into_iter()
                .filter(|p| p.name.is_some() || p.classification.is_some())
                .collect(),
            observations,
            events,
            claims,
            populations: self.populations_set(&builtin_source)?,
        })
    }

    /// Writes the whole store ([`Store::to_dataset`], named after the file) to the
    /// dataset file at `path` (created, or replaced if it exists), pretty-printed JSON
    /// that [`Store::import_json`] reads back; returns how many of each kind it wrote.
    ///
    /// ```
    /// use bilateral::Store;
    ///
    /// let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("demo.json");
    /// let written = Store::demo()?.export_json(&path)?;
    ///
    /// let mut copy = Store::in_memory()?;
    /// let added = copy.import_json(&path)?;
    /// assert_eq!(added.observations, written.observations);
    /// assert_eq!(copy.observations(&Default::default())?, Store::demo()?.observations(&Default::default())?);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn export_json(&self, path: impl AsRef<Path>) -> Result<LoadSummary> {
        let path = path.as_ref();
        let name = path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let dataset = self.to_dataset(&name)?;
        let io_error = |source| crate::error::io_error(path, source);
        let file = std::fs::File::create(path).map_err(io_error)?;
        let mut out = std::io::BufWriter::new(file);
        serde_json::to_writer_pretty(&mut out, &dataset)
            .map_err(std::io::Error::from)
            .and_then(|()| out.write_all(b"\n"))
            .and_then(|()| out.flush())
            .map_err(io_error)?;
        Ok(LoadSummary {
            sources: dataset.sources.len(),
            indicators: dataset.indicators.len(),
            observations: dataset.observations.len(),
            events: dataset.events.len(),
            claims: dataset.claims.len(),
            topics: dataset.topics.len(),
            products: dataset.products.len(),
            populations: dataset.populations.len(),
        })
    }

    /// Reads a file [`Store::export_json`] wrote (or any dataset file) into the store:
    /// the same as [`Store::load_file`], all or nothing. What the store already holds
    /// identically (the built-in topics, a shared source) is not counted as added.
    pub fn import_json(&mut self, path: impl AsRef<Path>) -> Result<LoadSummary> {
        self.import_json_with(path, &ImportOptions::default())
    }

    /// [`Store::import_json`] with `options`: `on_duplicate` says what to do with an
    /// observation already stored (skipping or replacing, an event of the same date,
    /// pair, kind and title is passed over), and `progress` is told how far the
    /// observations' checks and writes have got.
    pub fn import_json_with(
        &mut self,
        path: impl AsRef<Path>,
        options: &ImportOptions,
    ) -> Result<LoadSummary> {
        let dataset = Dataset::from_path(path)?;
        self.load_with(&dataset, options.on_duplicate, options.progress)
    }

    /// The population figures whose source is not `builtin_source` (set by hand), by
    /// country and year.
    fn populations_set(&self, builtin_source: &str) -> Result<Vec<DatasetPopulation>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.alpha3, p.year, p.value, s.code AS source
             FROM population p
             JOIN country c ON c.id = p.country_id
             LEFT JOIN source s ON s.id = p.source_id
             WHERE s.code IS NULL OR s.code <> ?1
             ORDER BY c.alpha3, p.year",
        )?;
        let rows = stmt.query_map([builtin_source], |r| {
            Ok(DatasetPopulation {
                country: r.get("alpha3")?,
                year: r.get("year")?,
                value: r.get("value")?,
                source: r.get("source")?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
