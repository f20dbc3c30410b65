//! The whole store as a dataset file, JSON: [`Store::export_json`] writes what
//! [`Store::to_dataset`] gives, and [`Store::import_json`] and [`Store::load_file`] read
//! such a file (or any dataset file, [`Dataset::from_path`]) into a store.

use std::io::Write;
use std::path::Path;

use super::{io_error, ImportOptions};
use crate::error::{Error, Result};
use crate::model::Dataset;
use crate::store::{LoadSummary, Store};

impl Dataset {
    /// The dataset in the file at `path` (the format of the built-in ones, documented
    /// in docs/python.md, "Datasets from files"). A file that cannot be read is [`Error::Io`]; one that is not a
    /// dataset is a validation error on the field `dataset` quoting the path, the
    /// reason naming the line and column.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Dataset> {
        let path = path.as_ref();
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| io_error(path, source))?;
        serde_json::from_str(&text)
            .map_err(|e| Error::invalid("dataset", shown, format!("is not a dataset file: {e}")))
    }
}

impl Store {
    /// Loads the dataset file at `path` (see [`Dataset::from_path`]) all or nothing.
    pub fn load_file(&mut self, path: impl AsRef<Path>) -> Result<LoadSummary> {
        let dataset = Dataset::from_path(path)?;
        self.load(&dataset)
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
        let io_error = |source| io_error(path, source);
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
}
