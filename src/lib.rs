//! `bilateral` keeps figures about the relationship between two countries (trade,
//! investment, cargo, tourists, agreements, dated events) in an embedded SQLite store,
//! with the period, qualifier, status, source and quote of every figure, and turns them
//! into reports whose every derived number carries bounds.
//!
//! ```
//! use bilateral::{format_value, ObservationFilter, Store};
//!
//! let store = Store::demo()?; // in memory, with the Azerbaijan–Kazakhstan dataset
//! let tourists = store.observations(&ObservationFilter::indicator("tourists").pair("AZE", "KAZ"))?;
//! let latest = tourists.last().unwrap();
//! assert_eq!(latest.period.to_string(), "2024");
//! assert_eq!(format_value(latest.value, &latest.unit, latest.qualifier), "over 102,000");
//! assert_eq!((latest.low, latest.high), (102_000.0, 103_000.0));
//! # Ok::<(), bilateral::Error>(())
//! ```
//!
//! # Units
//!
//! Values are in base units (547.6 million USD is `547_600_000.0`). Every ratio the
//! analyses give is a fraction (`0.25` is 25 %): growth and change as `rate`
//! (`value / base − 1`, [`GrowthRow::rate`], [`Change::rate`]), a mirror's
//! [`relative_gap`](MirrorRow::relative_gap), `share`, `cagr` and the target fields
//! (`share_of_target`, `required_cagr` …); `ratio` and `multiple` are plain quotients
//! (`1.25` is a quarter more). A number becomes a percentage only where it is shown
//! (the report's words and tables, and the Python layer, whose `pct` columns and
//! `Change.pct` stay in percent). The percent fields of 0.2.0 (`pct`, `pct_low`,
//! `pct_high`, `gap_pct` …) are deprecated and go in the next minor release. A claim's
//! number is the exception, kept as the claim states it (a percentage for `pct` and
//! `share` claims, see [`model::NewClaim`]). See [`analysis`] and `docs/rust.md`
//! ("Using from Rust").
//!
//! # Layers
//!
//! The modules stand in layers, foundations first: each uses only the modules of its
//! own line and the lines before it, never one after, so no two modules import each
//! other, even through others. `tests/python/package/test_layers.py` reads this list and checks
//! every `crate::` path in `src/` against it; a new module takes its line here.
//!
//! 1. [`error`]: the one error type, and the busy timeout it cites.
//! 2. `hints`: "did you mean …" and the other hints error messages add.
//! 3. [`period`]: the period grammar.
//! 4. [`model`]: indicators, observations, qualifiers, bounds, statuses, datasets.
//! 5. [`words`]: numbers and periods in words.
//! 6. [`builtin`]: shipped data (countries, population, currencies, the catalogue, the
//!    built-in datasets).
//! 7. [`store`]: the SQLite store (all SQL text), with the progress reports and
//!    interrupt checks of long writes.
//! 8. [`analysis`]: growth, shares, per capita, targets, asymmetry, mirror figures, each
//!    number with bounds.
//! 9. [`columns`]: many rows column by column, for Python and Arrow.
//! 10. [`files`]: files in and out, the whole store as a dataset file among them (with
//!     the `parquet` feature, observations as Parquet for DuckDB, Polars and Spark).
//! 11. [`report`]: the narrative report on a pair.
//! 12. [`text`]: news text read into a draft of figures, claims and events, and checked
//!     against the store.
//! 13. [`render`]: the report as Markdown, HTML and SVG.
//! 14. `arrow`: Arrow in and out (the `arrow` feature).
//! 15. `python`: the PyO3 bindings (the `python` feature; without it the crate does not
//!     depend on Python at all).

#![warn(missing_docs)]
// docs.rs marks the items of the `arrow` and `parquet` features (see Cargo.toml).
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod analysis;
pub mod builtin;
pub mod columns;
pub mod error;
pub mod files;
mod hints;
pub mod model;
pub mod period;
pub mod render;
pub mod report;
pub mod store;
pub mod text;
pub mod words;

/// docs/rust.md, "Using from Rust": its code blocks run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../docs/rust.md")]
pub struct RustGuide;

#[cfg(feature = "arrow")]
mod arrow;
#[cfg(feature = "python")]
mod python;

pub use analysis::consistency::{Check, Finding, Severity};
#[allow(deprecated)]
pub use analysis::SeriesQuery;
pub use analysis::{
    AsymmetryRow, Basis, Change, GrowthRow, MirrorEnd, MirrorRow, OneSeries, PerCapitaRow,
    RequiredGrowth, Series, SeriesAsymmetry, SeriesChange, SeriesFilter, SeriesGrowth,
    SeriesPerCapita, SeriesShare, ShareRow, TargetProgress, Whole,
};
pub use builtin::datasets;
pub use columns::{Column, Columns};
pub use error::{Error, ErrorKind, Result, ValidationError};
pub use model::{
    last_digit_unit, unit_multiple, Bounds, Claim, ClaimWords, Country, Dataset, DatasetPopulation,
    DatasetTopic, Event, Indicator, Kind, NewClaim, NewEvent, NewObservation, Observation,
    ObservationBatch, ObservationRow, ObservationTable, OnMissing, Product, Qualifier, Reference,
    Relation, SeriesKey, Source, Status, Topic, TopicEntry,
};
pub use period::Period;
pub use render::ReportFormat;
pub use report::summary;
pub use store::{
    InterruptCheck, LoadSummary, ObservationFilter, OnDuplicate, PairFilter, Store, SCHEMA_VERSION,
};
pub use words::{describe_observation, format_amount, format_number, format_value};
