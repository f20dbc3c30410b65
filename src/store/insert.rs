//! Checking and inserting records of each kind (topic, indicator, source, event) inside
//! a caller's transaction: every field checked and turned into typed values, an error
//! naming the field and the offending text; the lookups of ids that observations share
//! (their batches are checked and written in `ingest.rs`). Kept in one file because the
//! kinds share the lookups and the code checks, and each is read on its own.

use std::collections::HashMap;
use std::rc::Rc;

use rusqlite::{params, ErrorCode, OptionalExtension, Transaction};

use super::countries::Countries;
use super::sql::{read_indicator, read_source, SELECT_INDICATOR};
use crate::error::{quoted, shortened, Error, Result};
use crate::model::{Indicator, NewEvent, Product, Source, Topic};
use crate::period::Period;

/// Ids looked up during one transaction, so a batch asks SQLite once per name.
#[derive(Default)]
pub(super) struct Lookups {
    indicators: HashMap<String, (i64, Rc<Indicator>)>,
    products: HashMap<String, i64>,
    sources: HashMap<String, i64>,
}

impl Lookups {
    pub(super) fn indicator(
        &mut self,
        tx: &Transaction,
        code: &str,
    ) -> Result<(i64, Rc<Indicator>)> {
        if let Some(found) = self.indicators.get(code) {
            return Ok(found.clone());
        }
        let found = tx
            .prepare_cached(&format!("{SELECT_INDICATOR} WHERE i.code = ?1"))?
            .query_row([code], |r| {
                Ok((r.get::<_, i64>("id")?, Rc::new(read_indicator(r)?)))
            })
            .optional()?
            .map_or_else(|| Err(unknown_indicator(tx, code)), Ok)?;
        self.indicators.insert(code.to_owned(), found.clone());
        Ok(found)
    }

    pub(super) fn product(&mut self, tx: &Transaction, code: &str) -> Result<i64> {
        let code = product_code(code);
        if let Some(&id) = self.products.get(code) {
            return Ok(id);
        }
        check_product_code("product", code)?;
        tx.prepare_cached("INSERT INTO product (code) VALUES (?1) ON CONFLICT (code) DO NOTHING")?
            .execute([code])?;
        let id = tx
            .prepare_cached("SELECT id FROM product WHERE code = ?1")?
            .query_row([code], |r| r.get(0))?;
        self.products.insert(code.to_owned(), id);
        Ok(id)
    }

    pub(super) fn source(&mut self, tx: &Transaction, code: &str) -> Result<i64> {
        if let Some(&id) = self.sources.get(code) {
            return Ok(id);
        }
        let id = tx
            .prepare_cached("SELECT id FROM source WHERE code = ?1")?
            .query_row([code], |r| r.get(0))
            .optional()?
            .ok_or_else(|| {
                Error::invalid_as(
                    crate::error::ErrorKind::UnknownSource,
                    "source",
                    code,
                    "is not a known source (add it with add_source)",
                )
            })?;
        self.sources.insert(code.to_owned(), id);
        Ok(id)
    }
}

/// A product's code as stored: as written (the OECD's `C10T12`, CN `39199080`), spaces
/// around it aside, but the total, in any case, as `total`.
pub(crate) fn product_code(code: &str) -> &str {
    let code = code.trim();
    if code.eq_ignore_ascii_case("total") {
        "total"
    } else {
        code
    }
}

/// Checks a product code: letters of either case (agencies write theirs in capitals,
/// `C10T12`, and a code is kept as written), digits, `_` and `.`, starting with a letter
/// or digit.
fn check_product_code(field: &str, code: &str) -> Result<()> {
    let well_formed = code
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphanumeric())
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
        && code.len() <= 64;
    if well_formed {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            code,
            "is not a product code: use up to 64 letters, digits, '_' and '.', starting with \
             a letter or digit",
        ))
    }
}

/// Checks a code of lowercase letters, digits and the `extra` characters.
fn check_code(field: &str, code: &str, extra: &[u8], digit_first: bool) -> Result<()> {
    let first_ok = code
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || (digit_first && b.is_ascii_digit()));
    let rest_ok = code
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || extra.contains(&b));
    if first_ok && rest_ok && code.len() <= 64 {
        Ok(())
    } else {
        let allowed: String = extra.iter().map(|&b| b as char).collect();
        Err(Error::invalid(
            field,
            code,
            format!(
                "is not a code: use up to 64 lowercase letters, digits and {allowed:?}, \
                 starting with a letter{}",
                if digit_first { " or digit" } else { "" }
            ),
        ))
    }
}

fn non_empty(field: &str, text: &str) -> Result<()> {
    if text.trim().is_empty() {
        Err(Error::invalid(field, text, "is empty"))
    } else {
        Ok(())
    }
}

/// The placeholders of an indicator's phrase are `{origin}`, `{destination}`,
/// `{product}`, `{via}` (the destination, as a country the route passes through) and
/// `{to:NAME}` (the route's end beyond the pair): any other (a slip such as `{orgin}`)
/// would print as written in every sentence.
fn check_placeholders(phrase: &str) -> Result<()> {
    let mut rest = phrase;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Err(Error::invalid(
                "phrase",
                phrase,
                "has a '{' that is never closed",
            ));
        };
        let name = &after[..close];
        let route_end = name
            .strip_prefix("to:")
            .is_some_and(|end| !end.trim().is_empty() && !end.contains('{'));
        if !(route_end || matches!(name, "origin" | "destination" | "product" | "via")) {
            return Err(Error::invalid(
                "phrase",
                phrase,
                format!(
                    "has the placeholder {{{name}}}: use {{origin}}, {{destination}}, \
                     {{product}}, {{via}} or {{to:Country}}"
                ),
            ));
        }
        rest = &after[close + 1..];
    }
    Ok(())
}

/// Optional text: blank counts as absent.
fn optional(text: &Option<String>) -> Option<&str> {
    text.as_deref().and_then(optional_text)
}

/// Text trimmed, or `None` when blank.
pub(super) fn optional_text(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|t| !t.is_empty())
}

/// The id of `topic`, added first if the store does not have it (with `title`, or one
/// made from its code), and whether it was added. A title different from the stored
/// one is a validation error.
pub(super) fn insert_topic(
    tx: &Transaction,
    topic: &Topic,
    title: Option<&str>,
) -> Result<(i64, bool)> {
    if let Some(title) = title {
        non_empty("title", title)?;
    }
    let stored: Option<(i64, String)> = tx
        .prepare_cached("SELECT id, title FROM topic WHERE code = ?1")?
        .query_row([topic], |r| Ok((r.get("id")?, r.get("title")?)))
        .optional()?;
    match stored {
        Some((_, stored)) if title.is_some_and(|t| t.trim() != stored) => Err(Error::invalid(
            "title",
            title.unwrap_or_default(),
            format!(
                "differs from the title of topic {topic}, {}",
                quoted(&stored)
            ),
        )),
        Some((id, _)) => Ok((id, false)),
        None => {
            // A new topic comes after the others, but before `other`.
            tx.prepare_cached(
                "INSERT INTO topic (code, title, position)
                 VALUES (?1, ?2, (SELECT ifnull(max(position), 0) + 1 FROM topic
                                  WHERE code <> 'other'))",
            )?
            .execute(params![
                topic,
                title.map_or_else(|| topic.default_title(), |t| t.trim().to_owned())
            ])?;
            Ok((tx.last_insert_rowid(), true))
        }
    }
}

pub(super) fn insert_indicator(tx: &Transaction, indicator: &Indicator) -> Result<bool> {
    check_code("code", &indicator.code, b"_", false)?;
    non_empty("name", &indicator.name)?;
    non_empty("unit", &indicator.unit)?;
    if let Some(phrase) = &indicator.phrase {
        non_empty("phrase", phrase)?;
        check_placeholders(phrase)?;
    }
    if let Some(stored) = tx
        .prepare_cached(&format!("{SELECT_INDICATOR} WHERE i.code = ?1"))?
        .query_row([&indicator.code], read_indicator)
        .optional()?
    {
        return if &stored == indicator {
            Ok(false)
        } else if gives_way_to_a_new_definition(tx, &stored)? {
            redefine_indicator(tx, indicator)
        } else {
            Err(Error::invalid(
                "code",
                &indicator.code,
                format!(
                    "is already defined differently ({}, {}, {}, {}, topic {})",
                    shortened(&stored.name),
                    shortened(&stored.unit),
                    stored.kind,
                    if stored.directed {
                        "directed"
                    } else {
                        "undirected"
                    },
                    stored.topic.code()
                ),
            ))
        };
    }
    let topic_id = insert_topic(tx, &indicator.topic, None)?.0;
    tx.prepare_cached(
        "INSERT INTO indicator (code, name, unit, kind, directed, signed, description, topic_id,
                                phrase)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        indicator.code,
        indicator.name,
        indicator.unit,
        indicator.kind,
        indicator.directed,
        indicator.signed,
        indicator.description,
        topic_id,
        indicator.phrase
    ])?;
    Ok(true)
}

/// Whether `stored` is a starter catalogue entry no figure uses yet: such an entry gives
/// way to a user's (or a dataset's) own definition of its code, so that the catalogue
/// breaks no script written before it existed. Once figures use it, it is a definition
/// like any other.
fn gives_way_to_a_new_definition(tx: &Transaction, stored: &Indicator) -> Result<bool> {
    if !crate::builtin::catalogue()?.contains(stored) {
        return Ok(false);
    }
    let used: bool = tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM observation o JOIN indicator i ON i.id = o.indicator_id
             WHERE i.code = ?1)",
        )?
        .query_row([&stored.code], |r| r.get(0))?;
    Ok(!used)
}

/// Replaces the definition stored under `indicator`'s code.
fn redefine_indicator(tx: &Transaction, indicator: &Indicator) -> Result<bool> {
    let topic_id = insert_topic(tx, &indicator.topic, None)?.0;
    tx.prepare_cached(
        "UPDATE indicator SET name = ?2, unit = ?3, kind = ?4, directed = ?5, signed = ?6,
         description = ?7, topic_id = ?8, phrase = ?9 WHERE code = ?1",
    )?
    .execute(params![
        indicator.code,
        indicator.name,
        indicator.unit,
        indicator.kind,
        indicator.directed,
        indicator.signed,
        indicator.description,
        topic_id,
        indicator.phrase
    ])?;
    Ok(true)
}

/// What to do with a product's name (or classification) that differs from the stored
/// one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ProductNaming {
    /// A validation error: the caller named the product, and two names for one code
    /// is a mistake somewhere.
    Strict,
    /// Keep the stored one: a file's names fill in what the store lacks, and never
    /// replace a name the user (or an earlier file) gave.
    KeepStored,
}

/// The classification `text` names, in upper case (`hs` is `HS`): letters and digits.
fn classification_code(text: &str) -> Result<String> {
    let code = text.trim().to_ascii_uppercase();
    if code.is_empty()
        || code.len() > 16
        || !code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    {
        return Err(Error::invalid(
            "classification",
            text,
            "is not a classification: use up to 16 letters and digits, such as HS or SITC",
        ));
    }
    Ok(code)
}

/// Stores `product`'s name and classification: a new code is added; a stored one
/// without them takes them; the same ones change nothing. Returns whether anything
/// changed. A different name or classification is a validation error with
/// [`ProductNaming::Strict`], and leaves the stored one with
/// [`ProductNaming::KeepStored`].
pub(super) fn insert_product(
    tx: &Transaction,
    product: &Product,
    naming: ProductNaming,
) -> Result<bool> {
    let code = product_code(&product.code);
    check_product_code("code", code)?;
    if code == "total" {
        return Err(Error::invalid(
            "code",
            code,
            "is the whole of every product, not a product: it takes no name",
        ));
    }
    let name = match product.name.as_deref().map(str::trim) {
        Some("") => return Err(Error::invalid("name", "", "is empty")),
        name => name,
    };
    let classification = product
        .classification
        .as_deref()
        .map(classification_code)
        .transpose()?;
    let stored: Option<(Option<String>, Option<String>)> = tx
        .prepare_cached("SELECT name, classification FROM product WHERE code = ?1")?
        .query_row([code], |r| Ok((r.get("name")?, r.get("classification")?)))
        .optional()?;
    let Some((stored_name, stored_classification)) = stored else {
        tx.prepare_cached("INSERT INTO product (code, name, classification) VALUES (?1, ?2, ?3)")?
            .execute(params![code, name, classification])?;
        return Ok(true);
    };
    // Each field: the stored one where there is one, else the one given.
    let mut changed = false;
    let mut merge = |field: &str, given: Option<&str>, stored: Option<String>| match (given, stored)
    {
        (Some(given), Some(stored)) if given != stored => match naming {
            ProductNaming::Strict => Err(Error::invalid(
                field,
                given,
                format!(
                    "differs from the {field} of product {code}, {}",
                    quoted(&stored)
                ),
            )),
            ProductNaming::KeepStored => Ok(Some(stored)),
        },
        (Some(given), None) => {
            changed = true;
            Ok(Some(given.to_owned()))
        }
        (_, stored) => Ok(stored),
    };
    let name = merge("name", name, stored_name)?;
    let classification = merge(
        "classification",
        classification.as_deref(),
        stored_classification,
    )?;
    if changed {
        tx.prepare_cached("UPDATE product SET name = ?2, classification = ?3 WHERE code = ?1")?
            .execute(params![code, name, classification])?;
    }
    Ok(changed)
}

pub(super) fn insert_source(tx: &Transaction, source: &Source) -> Result<bool> {
    check_code("id", &source.id, b"_.-", true)?;
    non_empty("title", &source.title)?;
    if let Some(stored) = tx
        .prepare_cached(
            "SELECT code, title, publisher, url, published FROM source WHERE code = ?1",
        )?
        .query_row([&source.id], read_source)
        .optional()?
    {
        return if &stored == source {
            Ok(false)
        } else {
            Err(Error::invalid(
                "id",
                &source.id,
                "is already a source with other details",
            ))
        };
    }
    tx.prepare_cached(
        "INSERT INTO source (code, title, publisher, url, published) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        source.id,
        source.title,
        source.publisher,
        source.url,
        source.published
    ])?;
    Ok(true)
}

pub(super) fn insert_event(
    tx: &Transaction,
    countries: &Countries,
    lookups: &mut Lookups,
    event: &NewEvent,
) -> Result<()> {
    let date = Period::parse(&event.date).map_err(|e| e.for_field("date"))?;
    let (a_id, a) = countries.id(&event.a, "a")?;
    let (b_id, _) = countries.id(&event.b, "b")?;
    if a_id == b_id {
        return Err(Error::invalid_as(
            crate::error::ErrorKind::SameCountry,
            "b",
            &event.b,
            format!("is the same country as a ({a})"),
        ));
    }
    let kind = event.kind.trim().to_lowercase();
    if kind.is_empty() || !kind.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
        return Err(Error::invalid(
            "kind",
            &event.kind,
            "is not a kind: use lowercase letters and '_'",
        ));
    }
    non_empty("title", &event.title)?;
    let source_id = optional(&event.source)
        .map(|s| lookups.source(tx, s))
        .transpose()?;
    let result = tx
        .prepare_cached(
            "INSERT INTO event (start_day, end_day, date_text, a_id, b_id, kind, title, place,
                                source_id, quote, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?
        .execute(params![
            date.start().to_julian_day(),
            date.end().to_julian_day(),
            event.date.trim(),
            a_id.min(b_id),
            a_id.max(b_id),
            kind,
            event.title.trim(),
            optional(&event.place),
            source_id,
            optional(&event.quote),
            optional(&event.note),
        ]);
    match result {
        Ok(_) => Ok(()),
        Err(e) if e.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) => {
            Err(Error::Duplicate {
                what: "event",
                record: None,
                key: format!("{date} {kind} {}", quoted(event.title.trim())),
                conflict: None,
            })
        }
        Err(e) => Err(e.into()),
    }
}

/// The error for an indicator code the store does not have, with the closest known
/// code when one is near enough to be a slip.
fn unknown_indicator(tx: &Transaction, code: &str) -> Error {
    let known: Vec<String> = tx
        .prepare_cached("SELECT code FROM indicator ORDER BY code")
        .and_then(|mut stmt| stmt.query_map([], |r| r.get(0))?.collect())
        .unwrap_or_default();
    let closest = crate::hints::closest(code, known.iter().map(String::as_str));
    let hint = closest
        .map(|c| format!(" (did you mean {c}?)"))
        .unwrap_or_default();
    Error::invalid_as(
        crate::error::ErrorKind::UnknownIndicator,
        "indicator",
        code,
        format!("is not a known indicator{hint} (add it with add_indicator)"),
    )
    .suggesting(closest.map(str::to_owned))
}
