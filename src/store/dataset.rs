//! The whole store as a dataset: [`Store::to_dataset`]; `files/json.rs` writes it to a
//! file and reads it back.

use super::Store;
use crate::builtin::population_source;
use crate::error::Result;
use crate::model::{Dataset, DatasetPopulation, DatasetTopic, NewClaim, NewEvent, NewObservation};
use crate::store::{ObservationFilter, PairFilter};

impl Store {
    /// Everything the store holds as a dataset called `name` (its title too): every
    /// source, topic, indicator, named product, observation, event and claim, and the population
    /// figures set by hand. Left out is what every store starts with: the built-in
    /// World Bank population and its source. Loaded into an empty store
    /// ([`Store::load`]) it gives the same store.
    ///
    /// Observations keep their period as it was written and state their bounds
    /// explicitly; claims their relation and reference as codes.
    pub fn to_dataset(&self, name: &str) -> Result<Dataset> {
        let builtin_source = population_source().id;
        let sources = self
            .sources()?
            .into_iter()
            .filter(|s| s.id != builtin_source)
            .collect();
        let topics = self
            .topics()?
            .into_iter()
            .map(|t| DatasetTopic {
                code: t.topic,
                title: t.title,
            })
            .collect();
        let observations = self
            .observations(&ObservationFilter::default())?
            .into_iter()
            .map(|o| NewObservation {
                indicator: o.indicator,
                origin: o.origin,
                destination: o.destination,
                product: Some(o.product),
                product_name: None,
                period: o.period_text,
                value: o.value,
                qualifier: Some(o.qualifier.code().to_owned()),
                status: Some(o.status.code().to_owned()),
                source: o.source,
                quote: o.quote,
                low: Some(o.low),
                high: Some(o.high),
                precision: None,
                note: o.note,
                unit: None,
            })
            .collect();
        let events = self
            .events_of(&PairFilter::any())?
            .into_iter()
            .map(|e| NewEvent {
                date: e.date.to_string(),
                a: e.a,
                b: e.b,
                kind: e.kind,
                title: e.title,
                place: e.place,
                source: e.source,
                quote: e.quote,
                note: e.note,
            })
            .collect();
        let claims = self
            .claims_of(&PairFilter::any())?
            .into_iter()
            .map(|c| NewClaim {
                text: c.text,
                indicator: c.indicator,
                origin: c.origin,
                destination: c.destination,
                period: c.period.to_string(),
                relation: c.relation.code().to_owned(),
                value: c.value,
                reference: Some(c.reference.code()),
                qualifier: Some(c.qualifier.code().to_owned()),
                product: Some(c.product),
                source: c.source,
                quote: c.quote,
                note: c.note,
            })
            .collect();
        Ok(Dataset {
            name: name.to_owned(),
            title: name.to_owned(),
            description: None,
            sources,
            topics,
            indicators: self.indicators()?,
            // A code without name or classification is stored with the figures using it.
            products: self
                .products()?
                .into_iter()
                .filter(|p| p.name.is_some() || p.classification.is_some())
                .collect(),
            observations,
            events,
            claims,
            populations: self.populations_set(&builtin_source)?,
        })
    }

    /// The population figures whose source is not `builtin_source` (set by hand), by
    /// country and year.
    fn populations_set(&self, builtin_source: &str) -> Result<Vec<DatasetPopulation>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.alpha3, p.year, p.value, s.code AS source
             FROM population p
             JOIN country c ON c.id = p.country_id
             LEFT JOIN source s ON s.id = p.source_id
             WHERE s.code IS NULL OR s.code <> ?1
             ORDER BY c.alpha3, p.year",
        )?;
        let rows = stmt.query_map([builtin_source], |r| {
            Ok(DatasetPopulation {
                country: r.get("alpha3")?,
                year: r.get("year")?,
                value: r.get("value")?,
                source: r.get("source")?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
