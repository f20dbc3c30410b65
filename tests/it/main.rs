//! The integration tests: one binary (the crate is linked once, not once per file) whose
//! modules mirror `src/`, so the tests of `src/store/` are under `store/`, those of
//! `src/files/sdmx.rs` in `files/sdmx.rs`. A folder's `mod.rs` holds the tests of the
//! folder as a whole and names its files. A new test goes beside the code it tests
//! (CONTRIBUTING.md says more).
//!
//! Run one module or one test by its path: `cargo test --test it files::sdmx`,
//! `cargo test --test it store::faults::`.

mod common;

mod analysis;
mod builtin;
mod files;
mod no_panic;
mod render;
mod report;
mod store;
mod text;
