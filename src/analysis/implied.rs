//! What claims imply about figures nobody published: the implied range as an estimate
//! row for callers who ask for one, never stored, never a base for growth; and the
//! warning for an implied figure that leaves an implausible rest of its year.

use super::claims::{figure_at, ClaimCheck};
use crate::analysis::consistency::{Check, Finding};
use crate::model::{Claim, Indicator, Kind, Observation, Qualifier, Status};
use crate::period::Period;
use crate::store::PairFilter;
use crate::words::claims::{implied_words, quoted, trim};
use crate::words::numbers::{
    format_derived_digits, format_derived_toward, round_for_reading_toward, round_toward, Rounding,
    PROSE_DIGITS,
};
use crate::words::{format_value, period_words};

/// An implied interval as an estimate row, for callers who ask for one, with no more
/// digits than a derived figure shows (four significant, whole units from 1,000 to a
/// million), its ends rounded outwards: the value is the upper end (547.6 / 3 =
/// 182.53… million for "more than tripling", shown as 182.6 million) with the qualifier
/// `under`, or, when the ends meet, the one value rounded, `approx`, between its
/// roundings down and up (2.6 / 1.02 = 2.54902 million t: about 2.549 million t in
/// [2.549, 2.55] million t). The note names the claim. `None` for an interval open
/// above, which no row can hold.
pub fn implied_observation(check: &ClaimCheck, indicator: &Indicator) -> Option<Observation> {
    let implied = check.implied.as_ref()?;
    let claim = &check.claim;
    let (low, high) = (implied.low.unwrap_or(0.0), implied.high?);
    let (rounded_low, rounded_high) = (
        round_for_reading_toward(low, Rounding::Down),
        round_for_reading_toward(high, Rounding::Up),
    );
    let (value, qualifier) = if low == high {
        (
            round_for_reading_toward(low, Rounding::Nearest),
            Qualifier::Approx,
        )
    } else {
        (rounded_high, Qualifier::Under)
    };
    let (low, high) = (rounded_low, rounded_high);
    Some(Observation {
        indicator: claim.indicator.clone(),
        origin: claim.origin.clone(),
        destination: claim.destination.clone(),
        product: implied.product.clone(),
        period: implied.period,
        period_text: implied.period.to_string(),
        value,
        qualifier,
        low,
        high,
        status: Status::Estimate,
        unit: indicator.unit.clone(),
        source: claim.source.clone(),
        quote: claim.quote.clone(),
        note: Some(format!(
            "Implied, not published: the interval the claim “{}” allows for this figure.",
            claim.text
        )),
    })
}

/// How much faster (or slower) a year's remaining months must run than the months a
/// claim implies a figure for, before the implied figure is worth a second look: a
/// pace that doubles or halves within a year is rare in bilateral flows, and the
/// article's own case (at most $22.8 million a month, then at least $87.7 million)
/// is far beyond it.
pub const REST_OF_YEAR_PACE_FACTOR: f64 = 2.0;

/// Warnings for implied figures that make the rest of their year implausible: a claim
/// implies a figure for part of a calendar year whose whole is stored, and the months
/// left must then run at least [`REST_OF_YEAR_PACE_FACTOR`] times faster (or slower)
/// a month than the implied months could.
///
/// For the article: "more than tripling" puts January–August 2024 at most at
/// $182.53 million, a pace of at most $22.8 million a month; all of 2024 was $533.4
/// million, so September–December carried at least $350.87 million, $87.7 million a
/// month.
pub fn implied_rest_of_year(
    checks: &[ClaimCheck],
    figures: &[Observation],
    indicators: &[Indicator],
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for check in checks {
        let Some(implied) = &check.implied else {
            continue;
        };
        let claim = &check.claim;
        let Some(indicator) = indicators.iter().find(|i| i.code == claim.indicator) else {
            continue;
        };
        let Some(months) = implied.period.months() else {
            continue;
        };
        let year = implied.period.start().year();
        if indicator.kind != Kind::Flow || months >= 12 || implied.period.end().year() != year {
            continue;
        }
        let Ok(whole_year) = Period::year(year) else {
            continue;
        };
        let own: Vec<&Observation> = figures
            .iter()
            .filter(|o| {
                o.indicator == claim.indicator
                    && o.origin == claim.origin
                    && o.destination == claim.destination
            })
            .collect();
        let Some(whole) = figure_at(&own, &implied.product, &whole_year, false) else {
            continue;
        };
        let rest_months = f64::from(12 - months);
        let months = f64::from(months);
        let unit = &indicator.unit;
        // The rest of the year: the whole less the implied part, each at its ends.
        let rest_low = implied.high.map(|h| (whole.low - h) / rest_months);
        let rest_high = implied.low.map(|l| (whole.high - l) / rest_months);
        let part_high = implied.high.map(|h| h / months);
        let part_low = implied.low.map(|l| l / months);
        let faster = rest_low
            .zip(part_high)
            .filter(|&(rest, part)| rest > REST_OF_YEAR_PACE_FACTOR * part);
        let slower = rest_high
            .zip(part_low)
            .filter(|&(rest, part)| rest * REST_OF_YEAR_PACE_FACTOR < part);
        let rest_period = Period::new(
            implied
                .period
                .end()
                .next_day()
                .unwrap_or(implied.period.end()),
            whole_year.end(),
        )
        .unwrap_or(whole_year);
        // Paces and the rest of the year are derived: at most the prose's three digits
        // (the implied part keeps the digits the claim's range is shown with).
        let monthly = |v: f64, way| format_derived_digits(v, unit, PROSE_DIGITS, way);
        let rest_of_year = |v: f64, way| format_derived_digits(v, unit, PROSE_DIGITS, way);
        let sentence = if let Some((rest, part)) = faster {
            format!(
                "If {} holds, {} was at most {} ({} a month), so {} carried at least {} \
                 ({} a month) of the {} of {year}: a pace over {} times as fast.",
                quoted(&claim.text),
                period_words(&implied.period),
                format_derived_toward(part * months, unit, Rounding::Up),
                monthly(part, Rounding::Up),
                period_words(&rest_period),
                rest_of_year(rest * rest_months, Rounding::Down),
                monthly(rest, Rounding::Down),
                format_value(whole.value, unit, whole.qualifier),
                trim(round_toward(rest / part, 1, Rounding::Down)),
            )
        } else if let Some((rest, part)) = slower {
            format!(
                "If {} holds, {} was at least {} ({} a month), so {} carried at most {} \
                 ({} a month) of the {} of {year}: a pace at most {} times as fast.",
                quoted(&claim.text),
                period_words(&implied.period),
                format_derived_toward(part * months, unit, Rounding::Down),
                monthly(part, Rounding::Down),
                period_words(&rest_period),
                rest_of_year(rest.max(0.0) * rest_months, Rounding::Up),
                monthly(rest.max(0.0), Rounding::Up),
                format_value(whole.value, unit, whole.qualifier),
                trim(round_toward(rest.max(0.0) / part, 2, Rounding::Up)),
            )
        } else {
            continue;
        };
        findings.push(
            Finding::new(Check::ImpliedRestOfYear, whole)
                .figure(whole)
                .figure_in_words(
                    implied.period,
                    &format!(
                        "{} (implied)",
                        implied_words(implied.low, implied.high, unit)
                    ),
                )
                .explained(sentence),
        );
    }
    findings
}

impl crate::store::Store {
    /// What the stored claims imply about the figure of `indicator` from `origin` to
    /// `destination` for `period`, which the store does not have: one estimate row per
    /// claim that bounds it (see [`implied_observation`]). Reports never use these as
    /// a base for growth.
    ///
    /// ```
    /// let store = bilateral::Store::demo()?;
    /// let rows = store.implied("corridor_cargo", "AZE", "KAZ", "2024-01/2024-07")?;
    /// // "rapidly increasing": below 2.6 million t; "2.6 million tons … marking a 2%
    /// // increase": 2,600,000 / 1.02 = 2,549,019.6…, about 2.549 million t, between its
    /// // roundings down and up
    /// let values: Vec<(f64, f64, f64)> = rows.iter().map(|r| (r.value, r.low, r.high)).collect();
    /// assert_eq!(values, [(2_600_000.0, 0.0, 2_600_000.0), (2_549_000.0, 2_549_000.0, 2_550_000.0)]);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn implied(
        &self,
        indicator: &str,
        origin: &str,
        destination: &str,
        period: &str,
    ) -> crate::Result<Vec<Observation>> {
        let period = Period::parse(period)?;
        let definition = self.indicator(indicator)?;
        let origin = self
            .country(origin)
            .map_err(|e| e.for_field("origin"))?
            .alpha3;
        let destination = self
            .country(destination)
            .map_err(|e| e.for_field("destination"))?
            .alpha3;
        let same_pair = |c: &Claim| {
            (c.origin == origin && c.destination == destination)
                || (!definition.directed && c.origin == destination && c.destination == origin)
        };
        Ok(self
            .claim_checks_of(&PairFilter::between(&origin, &destination))
            // Both countries are known: what is left to refuse is one country twice.
            .map_err(|e| e.for_field("destination"))?
            .iter()
            .filter(|c| c.claim.indicator == indicator && same_pair(&c.claim))
            .filter(|c| c.implied.as_ref().is_some_and(|i| i.period == period))
            .filter_map(|c| implied_observation(c, &definition))
            .collect())
    }
}
