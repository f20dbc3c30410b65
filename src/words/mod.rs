//! Every piece of wording in one place: numbers with their units (`$547.6 million`),
//! periods in words (`January–August 2025`), and the phrases a report's sentences are
//! built from (`up 4.2 %`, `1.427 times as much`), and the words of claim checks
//! (`claims.rs`), and products by name and code (`products.rs`). Nothing here reads the
//! store.

pub(crate) mod claims;
pub(crate) mod numbers;
mod periods;
pub(crate) mod phrases;
pub(crate) mod products;

pub use numbers::{
    describe_observation, format_amount, format_derived, format_number, format_value,
    justified_digits, prose_amount, prose_value, prose_values_alike, significant_digits,
    FEWEST_DERIVED_DIGITS, MOST_PROSE_DIGITS, PROSE_DIGITS,
};
pub(crate) use periods::{level_phrase, period_phrase};
pub use periods::{period_short, period_words};
