//! A file's layout verified against the one this version of the library writes: the
//! rows of `sqlite_schema` (every table, index, view and trigger, with its SQL text), so
//! that a file whose tables lost their CHECKs, or that brings triggers or views of its
//! own, is refused before the library reads or writes it.
//!
//! The expected layout of a version is made by running the steps of `schema.sql` up to
//! it on an empty database in memory, once per version a process meets. A store made by
//! any version and migrated since went through the same steps, so its layout is the same
//! text for text.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use rusqlite::Connection;

use super::schema::schema_steps;
use crate::error::{Error, Result};

/// One row of `sqlite_schema`: type, name, table and SQL text (none for the indexes
/// SQLite makes for UNIQUE and PRIMARY KEY constraints).
type LayoutRow = (String, String, String, Option<String>);

/// The rows of the file's `sqlite_schema`, by name; the statistics tables `ANALYZE`
/// makes are left out, since they hold no rule and are SQLite's own.
fn layout_of(conn: &Connection) -> Result<Vec<LayoutRow>> {
    let mut stmt = conn.prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema
         WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\' ORDER BY name",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The layout of schema `version`, made once per process.
fn expected_layout(version: u32) -> Result<Arc<Vec<LayoutRow>>> {
    static MADE: OnceLock<Mutex<HashMap<u32, Arc<Vec<LayoutRow>>>>> = OnceLock::new();
    let made = MADE.get_or_init(Mutex::default);
    if let Some(layout) = made.lock().unwrap_or_else(|p| p.into_inner()).get(&version) {
        return Ok(Arc::clone(layout));
    }
    let conn = Connection::open_in_memory()?;
    conn.pragma_update(None, "foreign_keys", false)?;
    for (step, sql) in schema_steps() {
        if step <= version {
            conn.execute_batch(sql)?;
        }
    }
    let layout = Arc::new(layout_of(&conn)?);
    made.lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert(version, Arc::clone(&layout));
    Ok(layout)
}

/// [`Error::Schema`] naming the first difference between the file's layout and that of
/// schema `version`, which its `user_version` says it has.
pub(super) fn verify(conn: &Connection, version: u32) -> Result<()> {
    let expected = expected_layout(version)?;
    let found = layout_of(conn)?;
    if found == *expected {
        return Ok(());
    }
    let by_name = |rows: &[LayoutRow]| -> HashMap<String, LayoutRow> {
        rows.iter().map(|r| (r.1.clone(), r.clone())).collect()
    };
    let (expected, found) = (by_name(&expected), by_name(&found));
    let mut names: Vec<&String> = expected.keys().chain(found.keys()).collect();
    names.sort();
    names.dedup();
    let difference = names
        .into_iter()
        .find_map(|name| match (expected.get(name), found.get(name)) {
            (Some(_), None) => Some(format!("its {name} is missing")),
            (None, Some((kind, ..))) => Some(format!("it has a {kind} {name} of its own")),
            (Some(e), Some(f)) if e != f => Some(format!(
                "its {} {name} is not defined as this version defines it",
                f.0
            )),
            _ => None,
        })
        .unwrap_or_else(|| "its layout differs".to_owned());
    Err(Error::Schema(format!(
        "the file says it is a bilateral store of schema version {version}, but {difference}; \
         it was left as it was (a store is only read and written through its own tables and \
         rules)"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_of_the_current_version_has_the_observation_table_and_no_trigger() {
        let layout = expected_layout(super::super::SCHEMA_VERSION).unwrap();
        assert!(layout
            .iter()
            .any(|r| r.0 == "table" && r.1 == "observation"));
        assert!(layout.iter().all(|r| r.0 != "trigger"));
    }
}
