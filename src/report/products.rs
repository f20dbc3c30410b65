//! Many products: a section names the largest products of each series (top N by the
//! value of the latest period) and sums the rest as "other products", so that a pair
//! with hundreds of products reads as a handful of paragraphs; the appendix table lists
//! the named products and the largest of the others, and the report's full record
//! ([`super::Report::figures`]) every product's figures.

use std::collections::{HashMap, HashSet};

use super::gather::{Gathered, SeriesKey};
use super::notes::Notes;
use super::{tables, Section, Sentence};

/// The appendix section's id.
pub(super) const APPENDIX_ID: &str = "products";
use crate::model::{Kind, Observation};
use crate::period::Period;
use crate::words::numbers::{format_derived_digits, group, ShownInterval};
use crate::words::phrases::{capitalise, is_plural};
use crate::words::{period_phrase, phrases::plural};

/// The products of one series (indicator, origin, destination) the report does not
/// name: how many, and what they add up to in the latest period.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct OtherProducts {
    /// The series' key with the product `total`, naming the group.
    pub(super) key: SeriesKey,
    /// The latest period any product of the series has a figure for.
    pub(super) period: Period,
    /// The products not named that have a figure for `period`.
    pub(super) counted: usize,
    /// The products not named that have no figure for `period`.
    pub(super) without_figure: usize,
    /// Their sum in `period`, and its bounds: the sums of the lower and of the upper
    /// bounds (interval arithmetic for a sum).
    pub(super) value: f64,
    pub(super) low: f64,
    pub(super) high: f64,
}

/// Which product series a report names.
pub(super) struct ProductChoice {
    /// The product series left out of the sections.
    pub(super) grouped: HashSet<SeriesKey>,
    /// The group of other products of each series that has one, by the series' key
    /// with the product `total`.
    pub(super) others: HashMap<SeriesKey, OtherProducts>,
    /// Each product series' place among the products of its series, the largest
    /// first, so that a section names them in that order.
    pub(super) rank: HashMap<SeriesKey, usize>,
}

impl ProductChoice {
    /// True when the figure's series is named in its section (a total, or one of the
    /// largest products).
    pub(super) fn named(&self, obs: &Observation) -> bool {
        obs.product == "total" || !self.grouped.contains(&SeriesKey::of(obs))
    }
}

/// The `top` largest products of each series among `keys`, by the value of the latest
/// period any product of the series has (ties by product code); products without a
/// figure for that period come after every product with one.
pub(super) fn choose(data: &Gathered, keys: &[SeriesKey], top: usize) -> ProductChoice {
    let mut by_series: HashMap<SeriesKey, Vec<(&SeriesKey, Option<&Observation>)>> = HashMap::new();
    let mut latest: HashMap<SeriesKey, Period> = HashMap::new();
    let actual = |key: &SeriesKey| {
        let indicator = data.indicator(&key.indicator);
        data.series(indicator, &key.origin, &key.destination, &key.product, None)
    };
    let mut series = HashMap::new();
    for key in keys.iter().filter(|k| k.product != "total") {
        let s = actual(key);
        if let Some(last) = s
            .observations
            .iter()
            .max_by_key(|o| (o.period.end(), o.period.start()))
        {
            let group = key.with_product("total");
            let entry = latest.entry(group).or_insert(last.period);
            if (last.period.end(), last.period.start()) > (entry.end(), entry.start()) {
                *entry = last.period;
            }
        }
        series.insert(key, s);
    }
    for key in keys.iter().filter(|k| k.product != "total") {
        let group = key.with_product("total");
        let figure = latest.get(&group).and_then(|period| {
            series[key]
                .observations
                .iter()
                .find(|o| o.period == *period)
        });
        by_series.entry(group).or_default().push((key, figure));
    }
    let mut choice = ProductChoice {
        grouped: HashSet::new(),
        others: HashMap::new(),
        rank: HashMap::new(),
    };
    for (group, mut products) in by_series {
        products.sort_by(|(k, x), (l, y)| match (x, y) {
            (Some(x), Some(y)) => y.value.total_cmp(&x.value).then(k.product.cmp(&l.product)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => k.product.cmp(&l.product),
        });
        choice.rank.extend(
            products
                .iter()
                .enumerate()
                .map(|(i, (k, _))| ((*k).clone(), i)),
        );
        if products.len() <= top {
            continue;
        }
        let rest = &products[top..];
        let figures: Vec<&Observation> = rest.iter().filter_map(|(_, o)| *o).collect();
        choice
            .grouped
            .extend(rest.iter().map(|(k, _)| (*k).clone()));
        let Some(&period) = latest.get(&group) else {
            continue;
        };
        choice.others.insert(
            group.clone(),
            OtherProducts {
                key: group,
                period,
                counted: figures.len(),
                without_figure: rest.len() - figures.len(),
                value: figures.iter().map(|o| o.value).sum(),
                low: figures.iter().map(|o| o.low).sum(),
                high: figures.iter().map(|o| o.high).sum(),
            },
        );
    }
    choice
}

/// "Exports of the other 790 products from Georgia to Armenia came to $312.4 million
/// [$312 million, $312.9 million] in 2024; each is in the appendix." The sum is
/// derived, so it is rounded for reading with its bounds rounded outwards.
pub(super) fn other_products_sentence(data: &Gathered, others: &OtherProducts) -> Sentence {
    let key = &others.key;
    let indicator = data.indicator(&key.indicator);
    let unit = &indicator.unit;
    let n = others.counted + others.without_figure;
    let group = format!("the other {n} {}", plural("product", n));
    let subject = data
        .pair
        .subject_of(indicator, &key.origin, &key.destination, &group);
    let sum = ShownInterval::new(others.value, others.low, others.high, |v, way| {
        format_derived_digits(v, unit, data.digits, way)
    })
    .words("");
    // "Exports of the other 790 products have", "Trade turnover of the other 3
    // products has": the verb agrees with the head of the subject, not its products.
    let plural = is_plural(&subject);
    let verb = match indicator.kind {
        Kind::Flow => "came to",
        Kind::Stock => "together stood at",
        // Plans of many products add up to what they plan, not to a level reached.
        Kind::Plan if plural => "together were planned at",
        Kind::Plan => "together was planned at",
    };
    let missing = match others.without_figure {
        0 => String::new(),
        m => format!(
            " ({m} of them {} no figure for it)",
            if m == 1 { "has" } else { "have" }
        ),
    };
    let appendix = if n <= APPENDIX_PRODUCTS {
        "each is in the appendix".to_owned()
    } else {
        format!("the largest {APPENDIX_PRODUCTS} are in the appendix, every one in the report's full record")
    };
    let text = if others.counted == 0 {
        format!(
            "{} {} no figure {}; {appendix}.",
            capitalise(&subject),
            if plural { "have" } else { "has" },
            period_phrase(&others.period)
        )
    } else {
        format!(
            "{} {verb} {sum} {}{missing}; {appendix}.",
            capitalise(&subject),
            period_phrase(&others.period)
        )
    };
    Sentence {
        text,
        notes: Vec::new(),
    }
}

/// How many of the products the sections do not name the appendix lists for each
/// series, the largest first (beside those named): enough to see what the "other
/// products" are made of, and a page that stays a few megabytes with twenty thousand
/// products. Every product's figures stay in [`super::Report::figures`].
pub const APPENDIX_PRODUCTS: usize = 50;

/// True when the appendix lists the product series `key`: one the sections name, or
/// one of the [`APPENDIX_PRODUCTS`] largest of the others.
fn in_appendix(choice: &ProductChoice, top: usize, key: &SeriesKey) -> bool {
    choice
        .rank
        .get(key)
        .is_some_and(|&rank| rank < top + APPENDIX_PRODUCTS)
}

/// The appendix: the figures of the products the sections name and of the
/// [`APPENDIX_PRODUCTS`] largest of those they sum as other products, one row each
/// with its note, each product's latest periods as [`tables::figures_where`] lists
/// them; a footnote counts the products left out.
pub(super) fn appendix(
    data: &Gathered,
    notes: &mut Notes,
    implied: &[Observation],
    choice: &ProductChoice,
    top: usize,
    listing: &tables::Listing,
) -> Section {
    let mut left_out: Vec<(SeriesKey, usize, usize)> = Vec::new();
    let mut counted: HashMap<SeriesKey, (HashSet<&str>, usize)> = HashMap::new();
    for obs in data.observations.iter().filter(|o| o.product != "total") {
        let key = SeriesKey::of(obs);
        if !in_appendix(choice, top, &key) {
            let entry = counted.entry(key.with_product("total")).or_default();
            entry.0.insert(&obs.product);
            entry.1 += 1;
        }
    }
    for (group, (products, figures)) in counted {
        left_out.push((group, products.len(), figures));
    }
    left_out.sort_by(|x, y| (&x.0.indicator, &x.0.origin).cmp(&(&y.0.indicator, &y.0.origin)));
    let mut table =
        tables::figures_where(data, notes, "Figures by product", implied, listing, |o| {
            o.product != "total" && in_appendix(choice, top, &SeriesKey::of(o))
        });
    if !left_out.is_empty() {
        let products: Vec<String> = left_out
            .iter()
            .map(|(series, products, figures)| {
                let indicator = data.indicator(&series.indicator);
                format!(
                    "{}, {} smaller {} ({} {})",
                    data.pair
                        .subject_of(indicator, &series.origin, &series.destination, "total"),
                    group(&products.to_string()),
                    plural("product", *products),
                    group(&figures.to_string()),
                    plural("figure", *figures)
                )
            })
            .collect();
        let line = format!("Products not listed here: {}.", products.join("; "));
        let full_record = format!("{line} {}", tables::FULL_RECORD);
        table.footnote = Some(match table.footnote.take() {
            Some(earlier) => earlier.replace(tables::FULL_RECORD, &full_record),
            None => full_record,
        });
    }
    Section {
        id: APPENDIX_ID.to_owned(),
        title: "Appendix: figures by product".to_owned(),
        sentences: vec![Sentence {
            text: format!(
                "The figures of the products the sections name and of the {APPENDIX_PRODUCTS} \
                 largest of those they count among the other products."
            ),
            notes: Vec::new(),
        }],
        tables: vec![table],
        charts: Vec::new(),
    }
}
