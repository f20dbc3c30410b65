//! How the domain types meet SQLite: kinds, topics and periods are written as their
//! codes and read back through their parsers, qualifiers and statuses as the small
//! integers `observation` stores (schema version 5); either way a value the library
//! does not know is an error rather than a silent default (as rusqlite's own
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
            t.code AS topic, i.phrase
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

sql_code!(Kind, Kind::from_code);
sql_code!(Topic, Topic::new);

/// The number `observation.qualifier` stores for `qualifier`: the codes in alphabetical
/// order, as `schema.sql` (version 5) lists them and `observation_view` maps them back.
pub(super) fn stored_qualifier(qualifier: Qualifier) -> i64 {
    match qualifier {
        Qualifier::Approx => 0,
        Qualifier::Exact => 1,
        Qualifier::Nearly => 2,
        Qualifier::Over => 3,
        Qualifier::Under => 4,
    }
}

/// The number `observation.status` stores for `status`: the codes in alphabetical
/// order, so that the key and `ORDER BY o.status` sort as the codes did.
pub(super) fn stored_status(status: Status) -> i64 {
    match status {
        Status::Actual => 0,
        Status::Estimate => 1,
        Status::Projection => 2,
        Status::Provisional => 3,
        Status::Target => 4,
    }
}

macro_rules! sql_number {
    ($type:ty, $stored:ident, $what:literal) => {
        impl ToSql for $type {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from($stored(*self)))
            }
        }

        impl FromSql for $type {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let number = value.as_i64()?;
                <$type>::ALL
                    .into_iter()
                    .find(|known| $stored(*known) == number)
                    .ok_or_else(|| {
                        FromSqlError::Other(Box::new(Error::invalid(
                            $what,
                            number.to_string(),
                            concat!("is not the number of a ", $what, " (0 to 4)"),
                        )))
                    })
            }
        }
    };
}

sql_number!(Qualifier, stored_qualifier, "qualifier");
sql_number!(Status, stored_status, "status");

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

/// The number in column `index`, which the CHECKs keep finite: an infinity or NaN
/// there was written past them by another program.
pub(super) fn finite_at(row: &Row<'_>, index: usize) -> rusqlite::Result<f64> {
    let value: f64 = row.get(index)?;
    if value.is_finite() {
        Ok(value)
    } else {
        Err(rusqlite::Error::FromSqlConversionFailure(
            index,
            Type::Real,
            format!("{value} is not a finite number").into(),
        ))
    }
}

/// The period between the Julian day numbers in columns `start` and `end`.
pub(super) fn period_between(row: &Row<'_>, start: usize, end: usize) -> rusqlite::Result<Period> {
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
        phrase: r.get("phrase")?,
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

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;

    #[test]
    fn qualifiers_and_statuses_come_back_as_written_and_an_unknown_number_is_an_error() {
        let conn = Connection::open_in_memory().unwrap();
        for qualifier in Qualifier::ALL {
            let back: Qualifier = conn
                .query_row("SELECT ?1", [qualifier], |r| r.get(0))
                .unwrap();
            assert_eq!(back, qualifier);
        }
        for status in Status::ALL {
            let back: Status = conn.query_row("SELECT ?1", [status], |r| r.get(0)).unwrap();
            assert_eq!(back, status);
        }
        let stored: Vec<i64> = Status::ALL.into_iter().map(stored_status).collect();
        // actual, estimate, provisional, target, projection in alphabetical places.
        assert_eq!(stored, [0, 1, 3, 4, 2]);
        let stored: Vec<i64> = Qualifier::ALL.into_iter().map(stored_qualifier).collect();
        // exact, approx, over, nearly, under likewise.
        assert_eq!(stored, [1, 0, 3, 2, 4]);
        for unknown in ["SELECT 5", "SELECT -1", "SELECT 'actual'"] {
            assert!(conn
                .query_row(unknown, [], |r| r.get::<_, Status>(0))
                .is_err());
            assert!(conn
                .query_row(unknown, [], |r| r.get::<_, Qualifier>(0))
                .is_err());
        }
        let err = conn
            .query_row("SELECT 7", [], |r| r.get::<_, Status>(0))
            .unwrap_err()
            .to_string();
        assert!(err.contains("\"7\" is not the number of a status"), "{err}");
    }
}
