//! Creating and migrating store files: the steps of `schema.sql`, run in one
//! transaction, and the reference data a new store starts with.

use std::collections::HashMap;

use rusqlite::{params, Connection, ErrorCode, Transaction};

use super::insert::{insert_indicator, insert_source, Lookups};
use crate::builtin;
use crate::error::{Error, Result};

const SCHEMA: &str = include_str!("../../schema.sql");

/// The schema version this library writes (the last step of `schema.sql`).
pub const SCHEMA_VERSION: u32 = 10;

/// The steps of `schema.sql`: `(version, sql)` in order.
pub(super) fn schema_steps() -> Vec<(u32, &'static str)> {
    let mut steps = Vec::new();
    let mut rest = SCHEMA;
    while let Some(at) = rest.find("\n-- version ") {
        let step = &rest[at + 1..];
        let header_end = step.find('\n').unwrap_or(step.len());
        let version: u32 = step["-- version ".len()..header_end]
            .split(':')
            .next()
            .and_then(|n| n.trim().parse().ok())
            .expect("schema.sql step headers read `-- version N: …`");
        let body_end = step[header_end..]
            .find("\n-- version ")
            .map_or(step.len(), |e| header_end + e);
        steps.push((version, &step[..body_end]));
        rest = &step[body_end..];
    }
    steps
}

pub(super) fn not_a_store(e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => {
            Error::Schema("the file is not a SQLite database, so not a bilateral store".to_owned())
        }
        _ => Error::from(e),
    }
}

pub(super) fn migrate(conn: &mut Connection, target: u32) -> Result<()> {
    // A step that rebuilds a table (versions 4 and 5) drops a table others refer to, which
    // SQLite allows only with foreign keys off (its documented procedure); they are
    // checked as a whole before the commit instead, and the caller turns them on. The
    // pragma is a no-op inside a transaction, so it comes first.
    conn.pragma_update(None, "foreign_keys", false)?;
    // The version is read under the write lock: two processes opening one new (or old)
    // file at once would otherwise both see it unmigrated, and the second would run the
    // steps again on what the first made. The second waits, then finds it done.
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(not_a_store)?;
    let version: i64 = tx
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(not_a_store)?;
    let Ok(version) = u32::try_from(version) else {
        return Err(Error::Schema(format!(
            "the file has schema version {version}, which no version of bilateral writes"
        )));
    };
    if version > SCHEMA_VERSION {
        return Err(Error::Schema(format!(
            "the file has schema version {version}, newer than the {SCHEMA_VERSION} this version \
             of bilateral reads: upgrade bilateral to open it"
        )));
    }
    // Verified before anything is read or written, so that a file that is not what its
    // version says is refused untouched.
    if version > 0 {
        super::layout::verify(&tx, version)?;
    }
    if version >= target {
        return Ok(());
    }
    let tables: i64 = tx.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    if version == 0 && tables > 0 {
        return Err(Error::Schema(
            "the file is a SQLite database with other tables, not a bilateral store".to_owned(),
        ));
    }
    for (step, sql) in schema_steps() {
        if step > version && step <= target {
            tx.execute_batch(sql)?;
            match step {
                1 => preload_reference_data(&tx)?,
                KOSOVO_STEP => add_population_of(&tx, "XKX")?,
                _ => {}
            }
        }
    }
    // A new store starts with the starter catalogue. It needs the topics (version 4), so
    // it comes after the last step (tests make older files by stopping short); a file
    // made by an older version keeps the indicators it has (its user may have defined a
    // catalogue code otherwise).
    if version == 0 && target == SCHEMA_VERSION {
        for indicator in builtin::catalogue()? {
            insert_indicator(&tx, &indicator)?;
        }
    }
    let broken: i64 = tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
        r.get(0)
    })?;
    if broken > 0 {
        return Err(Error::Schema(format!(
            "after migrating to schema version {target}, {broken} rows of the file refer to \
             rows that do not exist (the file may have been damaged before); the file was \
             left as it was"
        )));
    }
    tx.pragma_update(None, "user_version", target)?;
    tx.commit()?;
    Ok(())
}

/// The step of `schema.sql` that adds Kosovo, which `data/countries.json` (ISO 3166-1)
/// does not list; its population rows wait for it.
const KOSOVO_STEP: u32 = 6;

/// Countries added by a later step of `schema.sql`, whose population rows that step adds.
const ADDED_LATER: &[&str] = &["XKX"];

/// Fills the tables every store starts with: countries and World Bank population (the
/// starter catalogue comes after the last step).
fn preload_reference_data(tx: &Transaction) -> Result<()> {
    let mut countries = builtin::countries()?;
    // Ids follow alpha-3 order, so the smaller id of a pair is its alphabetical first.
    countries.sort_by(|a, b| a.alpha3.cmp(&b.alpha3));
    let mut ids = HashMap::new();
    {
        let mut stmt = tx.prepare(
            "INSERT INTO country (id, alpha3, alpha2, name, official_name) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (i, c) in countries.iter().enumerate() {
            let id = i as i64 + 1;
            stmt.execute(params![id, c.alpha3, c.alpha2, c.name, c.official_name])?;
            ids.insert(c.alpha3.as_str(), id);
        }
    }
    insert_source(tx, &builtin::population_source())?;
    let source_id = Lookups::default().source(tx, &builtin::population_source().id)?;
    let mut stmt = tx.prepare(
        "INSERT INTO population (country_id, year, value, source_id) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (code, year, value) in builtin::population()? {
        if ADDED_LATER.contains(&code) {
            continue;
        }
        let id = ids.get(code).ok_or_else(|| Error::BuiltinData {
            name: "population.csv",
            message: format!("{code} is not an ISO 3166-1 country"),
        })?;
        stmt.execute(params![id, year, value, source_id])?;
    }
    Ok(())
}

/// Adds the built-in population rows of `alpha3`, a country added by a migration step.
fn add_population_of(tx: &Transaction, alpha3: &str) -> Result<()> {
    let country_id: i64 =
        tx.query_row("SELECT id FROM country WHERE alpha3 = ?1", [alpha3], |r| {
            r.get(0)
        })?;
    let source_id = Lookups::default().source(tx, &builtin::population_source().id)?;
    let mut stmt = tx.prepare(
        "INSERT INTO population (country_id, year, value, source_id) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (country_id, year) DO NOTHING",
    )?;
    for (_, year, value) in builtin::population()?
        .into_iter()
        .filter(|(code, _, _)| *code == alpha3)
    {
        stmt.execute(params![country_id, year, value, source_id])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_steps_are_numbered_from_one_to_the_current_version() {
        let versions: Vec<u32> = schema_steps().iter().map(|(v, _)| *v).collect();
        assert_eq!(versions, (1..=SCHEMA_VERSION).collect::<Vec<_>>());
        assert!(schema_steps()[0].1.contains("CREATE TABLE observation"));
        assert!(schema_steps()[1].1.contains("CREATE TABLE event"));
        assert!(schema_steps()[2].1.contains("ADD COLUMN topic"));
        assert!(schema_steps()[3].1.contains("CREATE TABLE topic"));
        assert!(schema_steps()[4].1.contains("WITHOUT ROWID"));
        assert!(schema_steps()[8].1.contains("ADD COLUMN classification"));
        assert!(schema_steps()[usize::try_from(KOSOVO_STEP).unwrap() - 1]
            .1
            .contains("'XKX', 'XK', 'Kosovo'"));
    }
}
