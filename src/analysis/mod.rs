//! Derived figures: growth, change and CAGR, shares, per capita, target progress,
//! required growth, asymmetry and mirror figures. Every derived number carries bounds
//! computed by interval arithmetic from the bounds of its inputs (see [`Bounds`](crate::model::Bounds)).
//!
//! Each analysis is a pure function over [`Series`] (typed rows read from the store), so
//! it can be tested against numbers worked out by hand; the `Store` methods of the same
//! names read the series and call them.
//!
//! Units: every ratio is a fraction (`-0.0419` is −4.19 %, `0.54` is 54 %): `rate`
//! (growth and change), `relative_gap`, `cagr`, `share` and the target fields; `ratio`
//! and `multiple` are quotients (`1.25` is a quarter more). The percent fields `pct…`
//! and `gap_pct…` are deprecated since 0.2.0 and kept one release.
//!
//! Only like with like: growth and change compare periods of the same length, shares
//! need the same period and unit; a mismatch is [`Error::Validation`](crate::Error::Validation) that says what
//! did not match, and a missing input is [`Error::NotFound`](crate::Error::NotFound) naming the series and the
//! period. Targets and projections never count as actuals unless asked for by status.
//!
//! Over many series at once (`Store::growth_of_every`, `change_of_every`,
//! `shares_of_every`, `per_capita_of_every`, `asymmetry_of_every`), what fails a call
//! on one series only because of its own figures (a ratio to zero, a year without a
//! population) leaves that row's cells `None` instead, so that one series does not hide
//! the others; what is wrong with the call itself (periods that cannot be compared,
//! units that differ, an undirected indicator for asymmetry) still fails it, once.
//!
//! One file per figure: `series.rs` (what a series is, and the interval arithmetic
//! the others share), `growth.rs` (growth, change, CAGR), `shares.rs`, `per_capita.rs`,
//! `targets.rs` (target progress, required growth), `asymmetry.rs`, `mirror.rs` (one
//! flow as its exporter and its importer report it), `claims.rs` (what
//! the figures make of a claim) and `implied.rs` (what a claim implies about a figure
//! nobody published).
//! [`consistency`] checks that a series' figures agree with each other.

mod asymmetry;
mod claims;
pub mod consistency;
mod growth;
mod implied;
mod mirror;
mod per_capita;
pub(crate) mod series;
mod shares;
mod targets;

pub use asymmetry::{asymmetry, asymmetry_where_defined, AsymmetryRow, SeriesAsymmetry};
pub use claims::{check_claim, ClaimCheck, Implied, Verdict};
pub use growth::{
    change, change_where_defined, each_growth_of_table, growth, growth_of_table,
    growth_where_defined, Change, GrowthRow, SeriesChange, SeriesGrowth,
};
pub use implied::{implied_observation, implied_rest_of_year, REST_OF_YEAR_PACE_FACTOR};
pub use mirror::{mirror, MirrorEnd, MirrorRow};
pub use per_capita::{per_capita, per_capita_where_known, Basis, PerCapitaRow, SeriesPerCapita};
#[allow(deprecated)]
pub use series::SeriesQuery;
pub use series::{table_series, years_between, OneSeries, Series, SeriesFilter};
pub use shares::{shares, shares_where_defined, whole_for, SeriesShare, ShareRow, Whole};
pub use targets::{required_growth, target_progress, RequiredGrowth, TargetProgress};
// The routes over every series that read a table's rows as they are: for the columns.
pub(crate) use asymmetry::each_asymmetry_of_table;
pub(crate) use per_capita::each_per_capita_of_table;
pub(crate) use shares::{each_share_of_tables, ShareTables};
