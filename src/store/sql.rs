//! How the domain types meet SQLite: qualifiers, statuses, kinds, topics and periods
//! are written as their codes and read back through their parsers, so a value the
//! library does not know is an error rather than a silent default (as rusqlite's own
//! `src/types/url.rs` does for URLs); rows are read by column name (a bulk read of
//! observations, in `table.rs`, by position).

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, Type, ValueRef};
use rusqlite::Row;

use crate::error::Error;
use crate::model::{Event, Indicator, Kind, Qualifier, Source, Status, Topic, TopicEntry};
use crate::period::Period;

/// Indicators with their id and their topic's code, as [`read_indicator`] reads them;
/// callers add `WHERE` and `ORDER BY` clauses on `i`.
pub(super) const SELECT_INDICATOR: &str =
    "SELECT i.id, i.code, i.name, i.unit, i.kind, i.directed, i.signed, i.description,
            t.code AS topic
     FROM indicator i JOIN topic t ON t.id = i.topic_id";

/// A text column read through `parse`; a failure names the value and why.
fn parsed<T>(
    value: ValueRef<'_>,
    parse: impl FnOnce(&str) -> Result<T, Error>,
) -> FromSqlResult<T> {
    parse(value.as_str()?).map_err(|e| FromSqlError::Other(Box::new(e)))
}

macro_rules! sql_code {
    ($type:ty, $parse:expr) => {
        impl ToSql for $type {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.code()))
            }
        }

        impl FromSql for $type {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                parsed(value, $parse)
            }
        }
    };
}

// A stored value is a code; matched as such first, because a bulk read meets it in
// every row and the lenient parsers allocate.
sql_code!(Qualifier, |text| stored_code(
    &Qualifier::ALL,
    Qualifier::code,
    text
)
.map_or_else(|| Qualifier::from_words(text), Ok));
sql_code!(Status, |text| stored_code(
    &Status::ALL,
    |s: Status| s.code(),
    text
)
.map_or_else(|| Status::from_code(text), Ok));
sql_code!(Kind, Kind::from_code);
sql_code!(Topic, Topic::new);

/// A status as the `status` column stores it, for a query's arguments.
pub(super) fn stored_status(status: Status) -> rusqlite::types::Value {
    rusqlite::types::Value::Text(status.code().to_owned())
}

/// The value of `all` whose code is exactly `text`.
fn stored_code<T: Copy>(all: &[T], code: impl Fn(T) -> &'static str, text: &str) -> Option<T> {
    all.iter().copied().find(|&v| code(v) == text)
}

/// A topic and its title from a row with the columns `code, title`.
pub(super) fn read_topic(r: &Row<'_>) -> rusqlite::Result<TopicEntry> {
    Ok(TopicEntry {
        topic: r.get("code")?,
        title: r.get("title")?,
    })
}

/// A period as its canonical text (`2024`, `2025-01/2025-08`), as `source.published`
/// stores it; observations and events store theirs as two day numbers instead.
impl ToSql for Period {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.to_string()))
    }
}

impl FromSql for Period {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        parsed(value, Period::parse)
    }
}

/// The period between the Julian day numbers in columns `start` and `end`.
fn period_between(row: &Row<'_>, start: usize, end: usize) -> rusqlite::Result<Period> {
    Period::from_julian_days(row.get(start)?, row.get(end)?)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(start, Type::Integer, Box::new(e)))
}

/// An indicator from a row of [`SELECT_INDICATOR`].
pub(super) fn read_indicator(r: &Row<'_>) -> rusqlite::Result<Indicator> {
    Ok(Indicator {
        code: r.get("code")?,
        name: r.get("name")?,
        unit: r.get("unit")?,
        kind: r.get("kind")?,
        directed: r.get("directed")?,
        signed: r.get("signed")?,
        description: r.get("description")?,
        topic: r.get("topic")?,
    })
}

/// A source from a row with the columns `code, title, publisher, url, published`.
pub(super) fn read_source(r: &Row<'_>) -> rusqlite::Result<Source> {
    Ok(Source {
        id: r.get("code")?,
        title: r.get("title")?,
        publisher: r.get("publisher")?,
        url: r.get("url")?,
        published: r.get("published")?,
    })
}

/// An event from a row with the columns of `event` and the alpha-3 codes as `a` and
/// `b`, the source's code as `source`.
pub(super) fn read_event(r: &Row<'_>) -> rusqlite::Result<Event> {
    let start = r.as_ref().column_index("start_day")?;
    let end = r.as_ref().column_index("end_day")?;
    Ok(Event {
        date: period_between(r, start, end)?,
        a: r.get("a")?,
        b: r.get("b")?,
        kind: r.get("kind")?,
        title: r.get("title")?,
        place: r.get("place")?,
        source: r.get("source")?,
        quote: r.get("quote")?,
        note: r.get("note")?,
    })
}
