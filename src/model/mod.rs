//! The data model: indicators, sources, observations, events, countries, and the
//! qualifiers, bounds and statuses every figure carries.
//!
//! `figure.rs` holds how a figure was worded (qualifier, bounds), `status.rs` its
//! status and an indicator's kind, `topic.rs` the report sections, `records.rs` the
//! records themselves, `claim.rs` what a text says about them, `table.rs` many observations at once, `batch.rs` many to add, `dataset.rs` all of them to load together.

mod batch;
mod claim;
mod dataset;
mod figure;
mod records;
mod status;
mod table;
mod topic;
mod unit;

pub use batch::{NumberColumn, ObservationBatch, OnMissing, TextColumn};
pub use claim::{
    allowed_by, allowed_for, Claim, ClaimWords, NewClaim, Reference, Relation, NEARLY,
};
pub use dataset::{Dataset, DatasetPopulation, DatasetTopic};
pub use figure::{last_digit_unit, Bounds, Qualifier};
pub use records::{
    Country, Event, Indicator, NewEvent, NewObservation, Observation, Product, Source,
};
pub use status::{Kind, Status};
pub use table::{ObservationRow, ObservationTable, SeriesKey};
pub use topic::{Topic, TopicEntry, TOPIC_WORDS};
pub use unit::unit_multiple;
pub(crate) use unit::{check_scale, check_scale_beside_unit};
