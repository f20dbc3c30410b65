//! Claims in the store: checking a claim's fields into typed values (every error names
//! its field and the offending text) and the SQL that writes and reads the `claim`
//! table (schema version 7).

use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::countries::Countries;
use super::insert::{optional_text, Lookups};
use super::sql::period_between;
use super::{write_transaction, PairFilter, Store};
use crate::error::{Error, Result};
use crate::model::{
    allowed_for, Bounds, Claim, ClaimWords, NewClaim, Qualifier, Reference, Relation,
};
use crate::period::Period;

/// Checks `claim` and inserts it; returns false when an identical claim is stored
/// (a claim with the same words about the same figure but another number, qualifier,
/// source, quote or note is a duplicate error).
pub(super) fn insert_claim(
    tx: &Transaction,
    countries: &Countries,
    lookups: &mut Lookups,
    claim: &NewClaim,
) -> Result<bool> {
    let text = claim.text.trim();
    if text.is_empty() {
        return Err(Error::invalid("text", &claim.text, "is empty"));
    }
    let (indicator_id, indicator) = lookups.indicator(tx, claim.indicator.trim())?;
    let (origin_id, origin) = countries.id(&claim.origin, "origin")?;
    let (destination_id, destination) = countries.id(&claim.destination, "destination")?;
    if origin_id == destination_id {
        return Err(Error::invalid_as(
            crate::error::ErrorKind::SameCountry,
            "destination",
            &claim.destination,
            format!("is the same country as origin ({origin})"),
        ));
    }
    let _ = destination;
    // An undirected indicator's pair is stored in alphabetical order (ids follow it).
    let (origin_id, destination_id) = if indicator.directed {
        (origin_id, destination_id)
    } else {
        (origin_id.min(destination_id), origin_id.max(destination_id))
    };
    let product = claim
        .product
        .as_deref()
        .and_then(optional_text)
        .unwrap_or("total");
    let product_id = lookups.product(tx, product)?;
    let period = Period::parse(&claim.period)?;
    let words = ClaimWords::parse(&claim.relation)?;
    let relation = words.relation;
    let value = claim.value.or(words.value);
    let qualifier = match claim.qualifier.as_deref().and_then(optional_text) {
        Some(q) => Qualifier::from_words(q)?,
        None => words.qualifier,
    };
    let value = check_number(relation, value, &claim.relation)?;
    let reference = Reference::parse(claim.reference.as_deref(), relation, &period)?;
    if reference == Reference::Whole && product == "total" {
        return Err(Error::invalid(
            "product",
            product,
            "is the whole a share claim compares with: a share is of a product other than total",
        ));
    }
    let allowed = value.map(|v| {
        allowed_for(
            relation,
            v,
            qualifier,
            words.precision.filter(|_| claim.value.is_none()),
        )
    });
    let source_id = claim
        .source
        .as_deref()
        .and_then(optional_text)
        .map(|s| lookups.source(tx, s))
        .transpose()?;
    let quote = claim.quote.as_deref().and_then(optional_text);
    let note = claim.note.as_deref().and_then(optional_text);
    let reference_code = reference.code();
    let (start, end) = (period.start().to_julian_day(), period.end().to_julian_day());
    // The claim's identity (the table's UNIQUE key), the first nine parameters of the
    // insert and the parameters of the look-up of a stored claim.
    let key = params![
        indicator_id,
        origin_id,
        destination_id,
        product_id,
        start,
        end,
        relation.code(),
        reference_code,
        text,
    ];
    let written = tx
        .prepare_cached(
            "INSERT INTO claim (indicator_id, origin_id, destination_id, product_id, start_day,
                                end_day, relation, reference, text, value, qualifier, low, high,
                                source_id, quote, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
             ON CONFLICT DO NOTHING",
        )?
        .execute(
            [
                key,
                params![
                    value,
                    qualifier.code(),
                    allowed.map(|b| b.low),
                    allowed.map(|b| b.high),
                    source_id,
                    quote,
                    note,
                ],
            ]
            .concat()
            .as_slice(),
        )?;
    if written == 1 {
        return Ok(true);
    }
    let stored: Option<StoredClaim> = tx
        .prepare_cached(
            "SELECT value, qualifier, source_id, quote, note FROM claim
             WHERE indicator_id = ?1 AND origin_id = ?2 AND destination_id = ?3
               AND product_id = ?4 AND start_day = ?5 AND end_day = ?6 AND relation = ?7
               AND reference = ?8 AND text = ?9",
        )?
        .query_row(key, |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .optional()?;
    let same = stored.as_ref().is_some_and(|(v, q, s, qu, n)| {
        *v == value
            && q == qualifier.code()
            && *s == source_id
            && qu.as_deref() == quote
            && n.as_deref() == note
    });
    if same {
        Ok(false)
    } else {
        Err(Error::Duplicate {
            what: "claim",
            record: None,
            key: format!(
                "{} on {} {} {period} ({relation} against {reference_code})",
                crate::error::quoted(text),
                indicator.code,
                product
            ),
            conflict: None,
        })
    }
}

/// What a stored claim says beyond its identity: value, qualifier code, source id,
/// quote and note.
type StoredClaim = (
    Option<f64>,
    String,
    Option<i64>,
    Option<String>,
    Option<String>,
);

/// The number of a claim: required, finite and of a sensible sign for ratio, pct and
/// share; absent for the others.
fn check_number(relation: Relation, value: Option<f64>, words: &str) -> Result<Option<f64>> {
    match (relation.takes_a_number(), value) {
        (false, None) => Ok(None),
        (false, Some(v)) => Err(Error::invalid(
            "value",
            v.to_string(),
            format!("is a number, but a {relation} claim states none"),
        )),
        (true, None) => Err(Error::invalid(
            "value",
            words,
            format!(
                "is missing: a {relation} claim needs its number (3 for \"tripled\", 2 for \
                 \"a 2% increase\")"
            ),
        )),
        (true, Some(v)) if !v.is_finite() => Err(Error::invalid(
            "value",
            v.to_string(),
            "is not a finite number",
        )),
        (true, Some(v)) if relation != Relation::Pct && v <= 0.0 => Err(Error::invalid(
            "value",
            v.to_string(),
            format!("is not positive, as a {relation} claim's number must be"),
        )),
        (true, Some(v)) if relation == Relation::Pct && v <= -100.0 => Err(Error::invalid(
            "value",
            v.to_string(),
            "is a fall of 100 % or more, which no positive figure can make",
        )),
        (true, Some(v)) => Ok(Some(v)),
    }
}

/// Claims with their codes, as [`read_claim`] reads them.
const SELECT_CLAIM: &str = "
    SELECT c.text, i.code AS indicator, o.alpha3 AS origin, d.alpha3 AS destination,
           p.code AS product, c.start_day, c.end_day, c.reference, c.relation, c.value,
           c.qualifier, c.low, c.high, s.code AS source, c.quote, c.note
    FROM claim c
    JOIN indicator i ON i.id = c.indicator_id
    JOIN country o ON o.id = c.origin_id
    JOIN country d ON d.id = c.destination_id
    JOIN product p ON p.id = c.product_id
    LEFT JOIN source s ON s.id = c.source_id";

fn read_claim(r: &Row<'_>) -> rusqlite::Result<Claim> {
    let start = r.as_ref().column_index("start_day")?;
    let end = r.as_ref().column_index("end_day")?;
    let period = period_between(r, start, end)?;
    let conversion = |column: &str, e: Error| {
        rusqlite::Error::FromSqlConversionFailure(
            r.as_ref().column_index(column).unwrap_or(0),
            rusqlite::types::Type::Text,
            Box::new(e),
        )
    };
    let relation_code: String = r.get("relation")?;
    let relation = Relation::from_code(&relation_code).ok_or_else(|| {
        conversion(
            "relation",
            Error::invalid("relation", &relation_code, "is not a relation"),
        )
    })?;
    let reference_code: String = r.get("reference")?;
    let reference = Reference::parse(Some(&reference_code), relation, &period)
        .map_err(|e| conversion("reference", e))?;
    let qualifier: String = r.get("qualifier")?;
    let qualifier = Qualifier::from_words(&qualifier).map_err(|e| conversion("qualifier", e))?;
    let low: Option<f64> = r.get("low")?;
    let high: Option<f64> = r.get("high")?;
    Ok(Claim {
        text: r.get("text")?,
        indicator: r.get("indicator")?,
        origin: r.get("origin")?,
        destination: r.get("destination")?,
        product: r.get("product")?,
        period,
        reference,
        relation,
        value: r.get("value")?,
        qualifier,
        allowed: low.zip(high).map(|(low, high)| Bounds::new(low, high)),
        source: r.get("source")?,
        quote: r.get("quote")?,
        note: r.get("note")?,
    })
}

impl Store {
    /// Adds a claim (see [`NewClaim`]); adding one identical to a stored claim does
    /// nothing and returns false. The claim is checked as an observation is: a known
    /// indicator, countries and source, a period, a relation (or claim words it can
    /// read), the number a ratio, pct or share needs; an undirected indicator's pair is
    /// stored in alphabetical order.
    ///
    /// ```
    /// use bilateral::{NewClaim, Store};
    ///
    /// let mut store = Store::demo()?;
    /// let mut claim = NewClaim::new("nearly tripled", "tourists", "KAZ", "AZE", "2024", "nearly tripled");
    /// claim.reference = Some("2022".into());
    /// assert!(store.add_claim(&claim)?);
    /// assert!(!store.add_claim(&claim)?); // the same claim again adds nothing
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn add_claim(&mut self, claim: &NewClaim) -> Result<bool> {
        let tx = write_transaction(&mut self.conn)?;
        let added = insert_claim(&tx, &self.countries, &mut Lookups::default(), claim)?;
        tx.commit()?;
        Ok(added)
    }

    /// The claims of the pairs `pair` selects, sorted by indicator, pair, product and
    /// period: with `a` and `b`, those between the two, whichever way each claim runs;
    /// with one, those of every pair it is in; with neither, all.
    ///
    /// ```
    /// use bilateral::{PairFilter, Store};
    ///
    /// let store = Store::demo()?;
    /// let claims = store.claims_of(&PairFilter::between("KAZ", "AZE"))?;
    /// // Cargo from Azerbaijan to Kazakhstan: found with the pair named either way.
    /// let sixfold = claims.iter().find(|c| c.text == "surged sixfold").unwrap();
    /// assert_eq!((sixfold.origin.as_str(), sixfold.destination.as_str()), ("AZE", "KAZ"));
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn claims_of(&self, pair: &PairFilter) -> Result<Vec<Claim>> {
        let (a, b) = self.pair_countries(pair)?.ids();
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT_CLAIM}
             WHERE (?1 IS NULL OR ?1 IN (c.origin_id, c.destination_id))
               AND (?2 IS NULL OR ?2 IN (c.origin_id, c.destination_id))
             ORDER BY i.code, o.alpha3, d.alpha3, p.code, c.start_day, c.end_day, c.id"
        ))?;
        let rows = stmt.query_map(params![a, b], read_claim)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Claims, sorted by indicator, pair, product and period: with `a` and `b`, those
    /// between the two (either direction); with one, those with that country on either
    /// side; with neither, all.
    #[deprecated(
        since = "0.2.0",
        note = "use `Store::claims_of(&PairFilter { a, b })` (`PairFilter::between`, `::involving`, `::any`)"
    )]
    pub fn claims(&self, a: Option<&str>, b: Option<&str>) -> Result<Vec<Claim>> {
        self.claims_of(&PairFilter {
            a: a.map(str::to_owned),
            b: b.map(str::to_owned),
        })
    }
}
