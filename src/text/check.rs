//! Fact-checking a text against the store ([`Store::check_text`]): every figure and
//! claim the reader finds, with what the stored figures make of it, in the verdicts
//! of [`check_claim`] (supported, plausible, contradicted, unverifiable).
//!
//! A figure is supported when the stored figure's interval lies inside the one the
//! text's wording allows ("over 102,000" is 102,000 to 103,000), plausible when they
//! overlap, contradicted when they do not; unverifiable when the store has no figure
//! of its series and period, or the text leaves a field the check needs empty.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::draft::item_column;
use super::{read_text, Item, ItemKind, ReadOptions};
use crate::analysis::{check_claim, Verdict};
use crate::columns::{Column, Columns};
use crate::model::{allowed_for, Bounds, Claim, Indicator, Observation, Qualifier, Reference};
use crate::store::Store;
use crate::words::{format_value, period_words};

/// A figure or claim of a text with what the stored figures make of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextCheck {
    /// The item as the reader found it.
    pub item: Item,
    /// What the stored figures make of it.
    pub verdict: Verdict,
    /// One line in words.
    pub explanation: String,
    /// The stored figures the check used, with their sources.
    pub figures: Vec<Observation>,
}

/// The columns of [`Columns::of_text_checks`], in order.
pub const CHECK_COLUMNS: [&str; 20] = [
    "kind",
    "words",
    "verdict",
    "explanation",
    "indicator",
    "origin",
    "destination",
    "period",
    "value",
    "unit",
    "qualifier",
    "status",
    "relation",
    "reference",
    "checked_against",
    "sources",
    "quote",
    "start",
    "end",
    "confidence",
];

impl Columns {
    /// Checks of a text, one row each, in the [`CHECK_COLUMNS`]: the item's fields as
    /// [`Columns::of_draft_items`] gives them, the verdict's code and explanation,
    /// `checked_against` the stored figures used (`over 102,000 (2024, actual)`, joined
    /// by `; `) and `sources` their distinct sources, sorted and joined the same way.
    pub fn of_text_checks(checks: &[TextCheck]) -> Columns {
        let items: Vec<&Item> = checks.iter().map(|c| &c.item).collect();
        let mut columns = Columns::default();
        for name in CHECK_COLUMNS {
            let column = match name {
                "verdict" => Column::of_texts(checks.iter().map(|c| Some(c.verdict.code()))),
                "explanation" => Column::of_texts(checks.iter().map(|c| Some(&*c.explanation))),
                "checked_against" | "sources" => {
                    let texts: Vec<String> = checks
                        .iter()
                        .map(|c| {
                            if name == "sources" {
                                let sources: BTreeSet<&str> = c
                                    .figures
                                    .iter()
                                    .filter_map(|f| f.source.as_deref())
                                    .filter(|s| !s.is_empty())
                                    .collect();
                                sources.into_iter().collect::<Vec<_>>().join("; ")
                            } else {
                                c.figures
                                    .iter()
                                    .map(stored_words)
                                    .collect::<Vec<_>>()
                                    .join("; ")
                            }
                        })
                        .collect();
                    Column::of_texts(texts.iter().map(|t| Some(t.as_str())))
                }
                _ => item_column(&items, name),
            };
            columns.push(name, column);
        }
        columns
    }
}

/// A stored figure as a check cites it: `over 102,000 (2024, actual)`.
fn stored_words(figure: &Observation) -> String {
    format!(
        "{} ({}, {})",
        format_value(figure.value, &figure.unit, figure.qualifier),
        figure.period,
        figure.status.code()
    )
}

fn unverifiable(item: &Item, explanation: String) -> TextCheck {
    TextCheck {
        item: item.clone(),
        verdict: Verdict::Unverifiable,
        explanation,
        figures: Vec::new(),
    }
}

/// The stored figures of the item's series and period, same status first.
fn same_series<'a>(
    item: &Item,
    indicator: &Indicator,
    figures: &'a [Observation],
) -> Vec<&'a Observation> {
    let product = item.product.as_deref().unwrap_or("total");
    let (origin, destination) = (item.origin.as_deref(), item.destination.as_deref());
    let mut found: Vec<&Observation> = figures
        .iter()
        .filter(|o| {
            o.indicator == indicator.code && o.product == product && Some(o.period) == item.period
        })
        .filter(|o| {
            let forward =
                Some(o.origin.as_str()) == origin && Some(o.destination.as_str()) == destination;
            let backward =
                Some(o.origin.as_str()) == destination && Some(o.destination.as_str()) == origin;
            forward || (!indicator.directed && backward)
        })
        .collect();
    found.sort_by_key(|o| (Some(o.status) != item.status, o.status.rank()));
    found
}

fn check_figure(item: &Item, indicator: &Indicator, figures: &[Observation]) -> TextCheck {
    let (Some(value), Some(period)) = (item.value, item.period) else {
        return unverifiable(
            item,
            "The text gives no period for it, so no stored figure can be set beside it.".to_owned(),
        );
    };
    let unit = item.unit.clone().unwrap_or_default();
    let qualifier = item.qualifier.unwrap_or(Qualifier::Exact);
    let said = format_value(value, &unit, qualifier);
    let found = same_series(item, indicator, figures);
    let Some(stored) = found.first() else {
        return unverifiable(
            item,
            format!(
                "The store has no figure of {} for {} to check the text's {said} against.",
                crate::words::phrases::lower_first(&indicator.name),
                period_words(&period)
            ),
        );
    };
    if stored.unit != unit {
        return unverifiable(
            item,
            format!("The text gives it in {unit}, the store in {}.", stored.unit),
        );
    }
    let text = Bounds::from_qualifier(value, qualifier, None);
    let held = stored.bounds();
    let verdict = if text.low <= held.low && held.high <= text.high {
        Verdict::Supported
    } else if held.low <= text.high && text.low <= held.high {
        Verdict::Plausible
    } else {
        Verdict::Contradicted
    };
    let source = stored
        .source
        .as_deref()
        .map(|s| format!(" ({s})"))
        .unwrap_or_default();
    let stored_said = format_value(stored.value, &stored.unit, stored.qualifier);
    let explanation = match verdict {
        Verdict::Supported => format!("The text's {said} for {} agrees with the stored {stored_said}{source}.", period_words(&period)),
        Verdict::Plausible => format!("The text's {said} for {} overlaps the stored {stored_said}{source} but allows other values.", period_words(&period)),
        _ => format!("The text's {said} for {} disagrees with the stored {stored_said}{source}.", period_words(&period)),
    };
    TextCheck {
        item: item.clone(),
        verdict,
        explanation,
        figures: vec![(*stored).clone()],
    }
}

fn check_claim_item(item: &Item, indicator: &Indicator, figures: &[Observation]) -> TextCheck {
    let (Some(period), Some(relation)) = (item.period, item.relation) else {
        return unverifiable(
            item,
            "the text gives no period for the figure it speaks of".to_owned(),
        );
    };
    let (Some(mut origin), Some(mut destination)) = (item.origin.clone(), item.destination.clone())
    else {
        return unverifiable(
            item,
            "The text names no pair of countries for it.".to_owned(),
        );
    };
    if !indicator.directed && destination < origin {
        std::mem::swap(&mut origin, &mut destination);
    }
    let reference = match Reference::parse(item.reference.as_deref(), relation, &period) {
        Ok(reference) => reference,
        Err(e) => return unverifiable(item, format!("its base cannot be read: {e}")),
    };
    let qualifier = item.qualifier.unwrap_or(Qualifier::Exact);
    let claim = Claim {
        text: item.words.clone(),
        indicator: indicator.code.clone(),
        origin,
        destination,
        product: item.product.clone().unwrap_or_else(|| "total".to_owned()),
        period,
        reference,
        relation,
        value: item.value,
        qualifier,
        allowed: item
            .value
            .map(|v| allowed_for(relation, v, qualifier, None)),
        source: item.source.clone(),
        quote: Some(item.quote.clone()),
        note: None,
    };
    let check = check_claim(&claim, indicator, figures);
    TextCheck {
        item: item.clone(),
        verdict: check.verdict,
        explanation: check.explanation,
        figures: check.figures,
    }
}

impl Store {
    /// Reads `text` ([`read_text`]) and checks every figure and claim it finds
    /// against the stored figures. Events are not checked.
    ///
    /// ```
    /// use bilateral::analysis::Verdict;
    /// use bilateral::text::ReadOptions;
    ///
    /// let store = bilateral::Store::demo()?;
    /// let checks = store.check_text(
    ///     "Over 102,000 Azerbaijani tourists visited Kazakhstan in 2024, up from around \
    ///      59,000 in 2022.",
    ///     &ReadOptions::default(),
    /// )?;
    /// assert!(checks.iter().all(|c| c.verdict == Verdict::Supported));
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn check_text(&self, text: &str, options: &ReadOptions) -> crate::Result<Vec<TextCheck>> {
        let draft = read_text(text, options);
        let indicators: HashMap<String, Indicator> = self
            .indicators()?
            .into_iter()
            .map(|i| (i.code.clone(), i))
            .collect();
        let mut between: HashMap<(String, String), Vec<Observation>> = HashMap::new();
        let mut checks = Vec::new();
        for item in draft.items.iter().filter(|i| i.kind != ItemKind::Event) {
            let Some(code) = item.indicator.as_deref() else {
                checks.push(unverifiable(
                    item,
                    "The text names nothing measured for it (no indicator).".to_owned(),
                ));
                continue;
            };
            let Some(indicator) = indicators.get(code) else {
                checks.push(unverifiable(
                    item,
                    format!("The store has no indicator {code}, so no figure to check it against."),
                ));
                continue;
            };
            let (Some(a), Some(b)) = (item.origin.clone(), item.destination.clone()) else {
                checks.push(unverifiable(
                    item,
                    "The text names no pair of countries for it.".to_owned(),
                ));
                continue;
            };
            let key = if a < b { (a, b) } else { (b, a) };
            if !between.contains_key(&key) {
                let figures = self
                    .observations_between(&key.0, &key.1)
                    .unwrap_or_default();
                between.insert(key.clone(), figures);
            }
            let figures = &between[&key];
            checks.push(match item.kind {
                ItemKind::Claim => check_claim_item(item, indicator, figures),
                _ => check_figure(item, indicator, figures),
            });
        }
        Ok(checks)
    }
}
