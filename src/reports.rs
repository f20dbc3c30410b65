//! Derived reports: growth, change and CAGR, shares, per capita, target progress,
//! required growth and asymmetry. Every derived number carries bounds computed by
//! interval arithmetic from the bounds of its inputs (see [`Bounds`]).
//!
//! Each report is a pure function over [`Series`] (typed rows read from the store), so
//! it can be tested against numbers worked out by hand; the `Store` methods of the same
//! names read the series and call them.
//!
//! Units: fields named `pct…` are percentages (`-4.19` is −4.19 %); `cagr`, `share`,
//! `ratio` and `multiple` fields are fractions (`0.54` is 54 %).
//!
//! Only like with like: growth and change compare periods of the same length, shares
//! need the same period and unit; a mismatch is [`Error::Validation`] that says what
//! did not match, and a missing input is [`Error::NotFound`] naming the series and the
//! period. Targets and projections never count as actuals unless asked for by status.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{Bounds, Indicator, Kind, Observation, Status};
use crate::period::Period;
use crate::store::{ObservationFilter, Store};

/// Which series to read: an indicator for a pair and product, and which statuses count.
///
/// ```
/// use bilateral::{SeriesQuery, Status};
///
/// let wheat = SeriesQuery::new("exports", "KAZ", "AZE").product("wheat");
/// let targets = SeriesQuery::new("corridor_cargo", "AZE", "KAZ").status(Status::Target);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesQuery {
    /// Indicator code.
    pub indicator: String,
    /// Origin country (any form the store accepts).
    pub origin: String,
    /// Destination country.
    pub destination: String,
    /// Product code, `total` by default.
    pub product: String,
    /// Only this status; `None` takes every figure that is not a target or
    /// projection, preferring actual over provisional over estimate in a period.
    pub status: Option<Status>,
}

impl SeriesQuery {
    /// The total product of `indicator` from `origin` to `destination`.
    pub fn new(indicator: &str, origin: &str, destination: &str) -> SeriesQuery {
        SeriesQuery {
            indicator: indicator.to_owned(),
            origin: origin.to_owned(),
            destination: destination.to_owned(),
            product: "total".to_owned(),
            status: None,
        }
    }

    /// Another product.
    pub fn product(mut self, product: &str) -> SeriesQuery {
        self.product = product.to_owned();
        self
    }

    /// Only figures of this status.
    pub fn status(mut self, status: Status) -> SeriesQuery {
        self.status = Some(status);
        self
    }
}

/// An indicator's observations for one pair and product, one per period, in period
/// order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// What is measured.
    pub indicator: Indicator,
    /// Origin, alpha-3, as asked for.
    pub origin: String,
    /// Destination, alpha-3, as asked for.
    pub destination: String,
    /// Product code.
    pub product: String,
    /// The observations, one per period.
    pub observations: Vec<Observation>,
}

impl Series {
    /// The observation for exactly `period`.
    pub fn get(&self, period: &Period) -> Option<&Observation> {
        self.observations.iter().find(|o| &o.period == period)
    }

    /// The observation for `period`, or [`Error::NotFound`] naming the series.
    pub fn require(&self, period: &Period) -> Result<&Observation> {
        self.get(period).ok_or_else(|| {
            Error::not_found("observation", format!("{} for {period}", self.label()))
        })
    }

    /// [`Error::NotFound`] naming the series when it has no observation at all.
    pub fn require_some(&self) -> Result<()> {
        if self.observations.is_empty() {
            Err(Error::not_found(
                "observation",
                format!("{} for any period", self.label()),
            ))
        } else {
            Ok(())
        }
    }

    /// `trade_turnover AZE–KAZ`, `exports KAZ→AZE wheat`.
    pub fn label(&self) -> String {
        let arrow = if self.indicator.directed {
            "→"
        } else {
            "–"
        };
        let product = if self.product == "total" {
            String::new()
        } else {
            format!(" {}", self.product)
        };
        format!(
            "{} {}{arrow}{}{product}",
            self.indicator.code, self.origin, self.destination
        )
    }

    fn undefined(&self, period: &Period, reason: &str) -> Error {
        Error::invalid("value", format!("{} for {period}", self.label()), reason)
    }
}

// ----- the report rows and results ------------------------------------------------------------

/// One row of [`growth`]: an observation against the same period a year earlier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GrowthRow {
    /// The period.
    pub period: Period,
    /// Its value and bounds.
    pub value: f64,
    /// Lower bound of the value.
    pub low: f64,
    /// Upper bound of the value.
    pub high: f64,
    /// Status of the value.
    pub status: Status,
    /// The same period one year earlier, when the series has it.
    pub base_period: Option<Period>,
    /// The base value.
    pub base_value: Option<f64>,
    /// `value − base_value`.
    pub change: Option<f64>,
    /// Lower bound of the change.
    pub change_low: Option<f64>,
    /// Upper bound of the change.
    pub change_high: Option<f64>,
    /// Growth in percent: `(value / base_value − 1) × 100`; `None` against a negative
    /// base.
    pub pct: Option<f64>,
    /// Lower bound of the growth.
    pub pct_low: Option<f64>,
    /// Upper bound of the growth.
    pub pct_high: Option<f64>,
    /// `value / base_value`.
    pub multiple: Option<f64>,
}

/// The answer of [`change`]: how a series moved between two periods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// The series, as a label.
    pub series: String,
    /// Unit of the values.
    pub unit: String,
    /// The first period.
    pub start: Period,
    /// The last period.
    pub end: Period,
    /// Value in the first period.
    pub start_value: f64,
    /// Value in the last period.
    pub end_value: f64,
    /// `end_value − start_value`.
    pub change: f64,
    /// Lower bound of the change.
    pub change_low: f64,
    /// Upper bound of the change.
    pub change_high: f64,
    /// `end_value / start_value`.
    pub ratio: f64,
    /// Lower bound of the ratio.
    pub ratio_low: f64,
    /// Upper bound of the ratio.
    pub ratio_high: f64,
    /// `(ratio − 1) × 100`.
    pub pct: f64,
    /// Lower bound of pct.
    pub pct_low: f64,
    /// Upper bound of pct.
    pub pct_high: f64,
    /// Years between the starts of the two periods.
    pub years: f64,
    /// Compound annual growth rate, a fraction: `ratio^(1/years) − 1`; `None` when the
    /// ratio is negative.
    pub cagr: Option<f64>,
    /// Lower bound of the CAGR.
    pub cagr_low: Option<f64>,
    /// Upper bound of the CAGR.
    pub cagr_high: Option<f64>,
}

/// One row of [`shares`]: a product's share of a whole in one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShareRow {
    /// The period.
    pub period: Period,
    /// The part's product.
    pub product: String,
    /// The part's value.
    pub value: f64,
    /// The whole's value.
    pub whole: f64,
    /// `value / whole`, a fraction.
    pub share: f64,
    /// Lower bound of the share.
    pub low: f64,
    /// Upper bound of the share.
    pub high: f64,
}

/// One row of [`per_capita`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PerCapitaRow {
    /// The period.
    pub period: Period,
    /// The value.
    pub value: f64,
    /// Alpha-3 code of the country whose population is the basis.
    pub country: String,
    /// The year of the population figure used.
    pub population_year: i32,
    /// The population.
    pub population: i64,
    /// `value / population × per`.
    pub per_capita: f64,
    /// Lower bound of the per-capita figure.
    pub low: f64,
    /// Upper bound of the per-capita figure.
    pub high: f64,
}

/// Whose population a per-capita figure divides by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// The origin country's.
    Origin,
    /// The destination country's.
    Destination,
}

impl Basis {
    /// Reads `origin` or `destination`.
    pub fn from_code(code: &str) -> Result<Basis> {
        match code.trim().to_ascii_lowercase().as_str() {
            "origin" => Ok(Basis::Origin),
            "destination" => Ok(Basis::Destination),
            _ => Err(Error::invalid(
                "basis",
                code,
                "is not a basis: expected origin or destination",
            )),
        }
    }
}

/// The answer of [`target_progress`]: how far a year's actuals are towards its target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetProgress {
    /// The series, as a label.
    pub series: String,
    /// Unit of the values.
    pub unit: String,
    /// The target's year.
    pub year: i32,
    /// The target.
    pub target: f64,
    /// The latest year-to-date actual.
    pub actual: f64,
    /// Lower bound of the actual.
    pub actual_low: f64,
    /// Upper bound of the actual.
    pub actual_high: f64,
    /// The period the actual covers (January to the latest month).
    pub actual_period: Period,
    /// Months of the year the actual covers.
    pub months_elapsed: u32,
    /// `actual / target`.
    pub share_of_target: f64,
    /// Lower bound of the share of target.
    pub share_of_target_low: f64,
    /// Upper bound of the share of target.
    pub share_of_target_high: f64,
    /// `months_elapsed / 12`.
    pub share_of_year: f64,
    /// The actual annualised linearly: `actual × 12 / months_elapsed`.
    pub run_rate: f64,
    /// Lower bound of the run rate.
    pub run_rate_low: f64,
    /// Upper bound of the run rate.
    pub run_rate_high: f64,
    /// `run_rate / target`.
    pub run_rate_share: f64,
    /// Lower bound of the run-rate share.
    pub run_rate_share_low: f64,
    /// Upper bound of the run-rate share.
    pub run_rate_share_high: f64,
    /// Average per month so far: `actual / months_elapsed`.
    pub actual_monthly: f64,
    /// What each remaining month must average to meet the target; `None` once the
    /// year is complete.
    pub required_monthly: Option<f64>,
    /// Lower bound of the required monthly average.
    pub required_monthly_low: Option<f64>,
    /// Upper bound of the required monthly average.
    pub required_monthly_high: Option<f64>,
    /// True when the run rate reaches the target (for a complete year: the actual).
    pub on_track: bool,
}

/// The answer of [`required_growth`]: the growth a target or projection implies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequiredGrowth {
    /// The series, as a label.
    pub series: String,
    /// Unit of the values.
    pub unit: String,
    /// The base period.
    pub base_period: Period,
    /// The base actual.
    pub base_value: f64,
    /// The period of the target or projection.
    pub target_period: Period,
    /// The target or projected value.
    pub target_value: f64,
    /// `target` or `projection`.
    pub target_status: Status,
    /// Years between the two periods' starts.
    pub years: f64,
    /// The CAGR needed, a fraction.
    pub required_cagr: f64,
    /// Lower bound of the required CAGR.
    pub required_cagr_low: f64,
    /// Upper bound of the required CAGR.
    pub required_cagr_high: f64,
    /// Start of the same number of years before the base, when the store has it.
    pub historical_start: Option<Period>,
    /// The series' own CAGR over those years.
    pub historical_cagr: Option<f64>,
    /// Lower bound of the historical CAGR.
    pub historical_cagr_low: Option<f64>,
    /// Upper bound of the historical CAGR.
    pub historical_cagr_high: Option<f64>,
}

/// One row of [`asymmetry`]: the two directions of a directed indicator side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AsymmetryRow {
    /// The period.
    pub period: Period,
    /// Value from a to b.
    pub a_to_b: f64,
    /// Lower bound of a → b.
    pub a_to_b_low: f64,
    /// Upper bound of a → b.
    pub a_to_b_high: f64,
    /// Value from b to a.
    pub b_to_a: f64,
    /// Lower bound of b → a.
    pub b_to_a_low: f64,
    /// Upper bound of b → a.
    pub b_to_a_high: f64,
    /// `a_to_b / b_to_a`.
    pub ratio: f64,
    /// Lower bound of the ratio.
    pub ratio_low: f64,
    /// Upper bound of the ratio.
    pub ratio_high: f64,
    /// `a_to_b − b_to_a`.
    pub net: f64,
    /// Lower bound of the net.
    pub net_low: f64,
    /// Upper bound of the net.
    pub net_high: f64,
}

// ----- the reports as pure functions ------------------------------------------------------------

/// Each observation against the same period one year earlier (January–August 2025
/// against January–August 2024; 2024 against 2023). Rows without a base keep `None`
/// in the base columns; a base of zero, or with bounds reaching zero, is an error, and
/// so is a series without observations. Against a negative base (possible for signed
/// indicators) only the change is given: `pct` and `multiple` stay `None`.
pub fn growth(series: &Series) -> Result<Vec<GrowthRow>> {
    series.require_some()?;
    series
        .observations
        .iter()
        .map(|obs| {
            let base_period = obs.period.previous_year();
            let mut row = GrowthRow {
                period: obs.period,
                value: obs.value,
                low: obs.low,
                high: obs.high,
                status: obs.status,
                base_period: None,
                base_value: None,
                change: None,
                change_low: None,
                change_high: None,
                pct: None,
                pct_low: None,
                pct_high: None,
                multiple: None,
            };
            if let Some(base) = series.get(&base_period) {
                let change = obs.bounds().difference(base.bounds());
                row.base_period = Some(base_period);
                row.base_value = Some(base.value);
                row.change = Some(obs.value - base.value);
                row.change_low = Some(change.low);
                row.change_high = Some(change.high);
                // A percentage of a negative base (a net outflow, say) reads backwards:
                // from −10 to 5 would be "−150 %". Only the change is given then.
                if base.value > 0.0 || base.high >= 0.0 {
                    let (multiple, bounds) = quotient(series, obs, base)?;
                    row.pct = Some(pct(multiple));
                    row.pct_low = Some(pct(bounds.low));
                    row.pct_high = Some(pct(bounds.high));
                    row.multiple = Some(multiple);
                }
            }
            Ok(row)
        })
        .collect()
}

/// How the series moved from `start` to `end`: change, ratio, percentage and CAGR over
/// the years between the two periods' starts. Both periods must have the same length.
pub fn change(series: &Series, start: &Period, end: &Period) -> Result<Change> {
    same_length("end", start, end)?;
    let years = years_between(start, end);
    if years <= 0.0 {
        return Err(Error::invalid(
            "end",
            end.to_string(),
            format!("does not come after the start period {start}"),
        ));
    }
    let first = series.require(start)?;
    let last = series.require(end)?;
    let (ratio, ratio_bounds) = quotient(series, last, first)?;
    let change = last.bounds().difference(first.bounds());
    let cagr = cagr(ratio, ratio_bounds, years);
    Ok(Change {
        series: series.label(),
        unit: series.indicator.unit.clone(),
        start: *start,
        end: *end,
        start_value: first.value,
        end_value: last.value,
        change: last.value - first.value,
        change_low: change.low,
        change_high: change.high,
        ratio,
        ratio_low: ratio_bounds.low,
        ratio_high: ratio_bounds.high,
        pct: pct(ratio),
        pct_low: pct(ratio_bounds.low),
        pct_high: pct(ratio_bounds.high),
        years,
        cagr: cagr.map(|c| c.0),
        cagr_low: cagr.map(|c| c.1.low),
        cagr_high: cagr.map(|c| c.1.high),
    })
}

/// Every part as a share of the whole, for each period where both exist (or only
/// `period`). Parts and whole must have the same unit; a part that is the whole
/// itself is left out.
pub fn shares(parts: &[Series], whole: &Series, period: Option<&Period>) -> Result<Vec<ShareRow>> {
    let mut rows = Vec::new();
    for part in parts {
        if part.indicator.code == whole.indicator.code && part.product == whole.product {
            continue;
        }
        if part.indicator.unit != whole.indicator.unit {
            return Err(Error::invalid(
                "of",
                whole.indicator.code.clone(),
                format!(
                    "is measured in {} but {} in {} ({} vs {})",
                    whole.indicator.unit,
                    part.label(),
                    part.indicator.unit,
                    part.indicator.unit,
                    whole.indicator.unit
                ),
            ));
        }
        for obs in &part.observations {
            if period.is_some_and(|p| p != &obs.period) {
                continue;
            }
            let Some(total) = whole.get(&obs.period) else {
                continue;
            };
            let (share, bounds) = quotient(whole, obs, total)?;
            rows.push(ShareRow {
                period: obs.period,
                product: part.product.clone(),
                value: obs.value,
                whole: total.value,
                share,
                low: bounds.low,
                high: bounds.high,
            });
        }
    }
    if rows.is_empty() {
        let when = period.map_or("a period".to_owned(), |p| p.to_string());
        return Err(Error::not_found(
            "observation",
            format!(
                "a product of {} other than {} for {when} in which {} has a figure \
                 (shares are products of a whole, e.g. exports by product of trade_turnover)",
                parts_label(parts, whole),
                whole.product,
                whole.label()
            ),
        ));
    }
    rows.sort_by(|a, b| (a.period, &a.product).cmp(&(b.period, &b.product)));
    Ok(rows)
}

fn parts_label(parts: &[Series], whole: &Series) -> String {
    parts.first().map_or_else(
        || whole.indicator.code.clone(),
        |p| p.indicator.code.clone(),
    )
}

/// Each observation per `per` people of `country`, whose `population` is given as
/// `(year, people)` pairs. The population is the one for the calendar year in which the
/// period ends, or the latest earlier year given.
pub fn per_capita(
    series: &Series,
    country: &str,
    population: &[(i32, i64)],
    per: f64,
) -> Result<Vec<PerCapitaRow>> {
    if !(per.is_finite() && per > 0.0) {
        return Err(Error::invalid(
            "per",
            per.to_string(),
            "is not a positive number",
        ));
    }
    series
        .observations
        .iter()
        .map(|obs| {
            let year = obs.period.end().year();
            let &(population_year, people) = population
                .iter()
                .filter(|(y, _)| *y <= year)
                .max_by_key(|(y, _)| *y)
                .ok_or_else(|| {
                    Error::not_found("population", format!("{country} in {year} or earlier"))
                })?;
            let scale = per / people as f64;
            let bounds = obs.bounds().scale(scale);
            Ok(PerCapitaRow {
                period: obs.period,
                value: obs.value,
                country: country.to_owned(),
                population_year,
                population: people,
                per_capita: obs.value * scale,
                low: bounds.low,
                high: bounds.high,
            })
        })
        .collect()
}

/// Progress of `actuals` in `year` towards the target for that year in `targets`:
/// the latest year-to-date actual (January to some month), its share of the target
/// and of the year, the linear run rate, and what the remaining months must average.
pub fn target_progress(actuals: &Series, targets: &Series, year: i32) -> Result<TargetProgress> {
    if actuals.indicator.kind != Kind::Flow {
        return Err(Error::invalid(
            "indicator",
            actuals.indicator.code.clone(),
            "is a stock: progress towards a target needs a flow that adds up over the year",
        ));
    }
    let calendar_year = Period::year(year)?;
    let target = targets
        .get(&calendar_year)
        .ok_or_else(|| Error::not_found("target", format!("{} for {year}", targets.label())))?;
    let actual = actuals
        .observations
        .iter()
        .filter(|o| {
            o.period.start() == calendar_year.start()
                && o.period.end() <= calendar_year.end()
                && o.period.months().is_some()
        })
        .max_by_key(|o| o.period.end())
        .ok_or_else(|| {
            Error::not_found(
                "observation",
                format!(
                    "{} year to date in {year} (January to some month)",
                    actuals.label()
                ),
            )
        })?;
    let months = actual.period.months().unwrap_or(12);
    let (share_of_target, share_bounds) = quotient(targets, actual, target)?;
    let annualise = 12.0 / f64::from(months);
    let run_rate = actual.bounds().scale(annualise);
    let run_rate_share = share_bounds.scale(annualise);
    let remaining = 12 - months;
    let required = (remaining > 0).then(|| {
        let still_needed = target.bounds().difference(actual.bounds());
        (
            (target.value - actual.value) / f64::from(remaining),
            still_needed.scale(1.0 / f64::from(remaining)),
        )
    });
    let run_rate_value = actual.value * annualise;
    Ok(TargetProgress {
        series: actuals.label(),
        unit: actuals.indicator.unit.clone(),
        year,
        target: target.value,
        actual: actual.value,
        actual_low: actual.low,
        actual_high: actual.high,
        actual_period: actual.period,
        months_elapsed: months,
        share_of_target,
        share_of_target_low: share_bounds.low,
        share_of_target_high: share_bounds.high,
        share_of_year: f64::from(months) / 12.0,
        run_rate: run_rate_value,
        run_rate_low: run_rate.low,
        run_rate_high: run_rate.high,
        run_rate_share: share_of_target * annualise,
        run_rate_share_low: run_rate_share.low,
        run_rate_share_high: run_rate_share.high,
        actual_monthly: actual.value / f64::from(months),
        required_monthly: required.map(|r| r.0),
        required_monthly_low: required.map(|r| r.1.low),
        required_monthly_high: required.map(|r| r.1.high),
        on_track: run_rate_value >= target.value,
    })
}

/// The CAGR needed to go from the actual in `base` to the target or projection in
/// `target`, beside the series' own CAGR over the same number of years before the base
/// (when the store has it).
pub fn required_growth(
    actuals: &Series,
    forward: &Series,
    base: &Period,
    target: &Period,
) -> Result<RequiredGrowth> {
    same_length("target", base, target)?;
    let years = years_between(base, target);
    if years <= 0.0 {
        return Err(Error::invalid(
            "target",
            target.to_string(),
            format!("does not come after the base period {base}"),
        ));
    }
    let start = actuals.require(base)?;
    let goal = forward.require(target)?;
    let (ratio, ratio_bounds) = quotient(actuals, goal, start)?;
    let (required, required_bounds) = cagr(ratio, ratio_bounds, years).ok_or_else(|| {
        actuals.undefined(
            base,
            "and the target have opposite signs: no growth rate joins them",
        )
    })?;
    let historical = (years.fract() == 0.0)
        .then(|| base.years_earlier(years as i32))
        .and_then(|earlier| actuals.get(&earlier).map(|obs| (earlier, obs)));
    let historical_cagr = match historical {
        Some((_, earlier)) => {
            let (r, b) = quotient(actuals, start, earlier)?;
            cagr(r, b, years)
        }
        None => None,
    };
    Ok(RequiredGrowth {
        series: actuals.label(),
        unit: actuals.indicator.unit.clone(),
        base_period: *base,
        base_value: start.value,
        target_period: *target,
        target_value: goal.value,
        target_status: goal.status,
        years,
        required_cagr: required,
        required_cagr_low: required_bounds.low,
        required_cagr_high: required_bounds.high,
        historical_start: historical.map(|(p, _)| p),
        historical_cagr: historical_cagr.map(|c| c.0),
        historical_cagr_low: historical_cagr.map(|c| c.1.low),
        historical_cagr_high: historical_cagr.map(|c| c.1.high),
    })
}

/// The two directions of a directed indicator in every period where both exist:
/// ratio `a_to_b / b_to_a` and net `a_to_b − b_to_a`.
pub fn asymmetry(a_to_b: &Series, b_to_a: &Series) -> Result<Vec<AsymmetryRow>> {
    if !a_to_b.indicator.directed {
        return Err(Error::invalid(
            "indicator",
            a_to_b.indicator.code.clone(),
            "is undirected: asymmetry needs an indicator where origin → destination matters",
        ));
    }
    let mut rows = Vec::new();
    for forward in &a_to_b.observations {
        let Some(backward) = b_to_a.get(&forward.period) else {
            continue;
        };
        let (ratio, ratio_bounds) = quotient(b_to_a, forward, backward)?;
        let net = forward.bounds().difference(backward.bounds());
        rows.push(AsymmetryRow {
            period: forward.period,
            a_to_b: forward.value,
            a_to_b_low: forward.low,
            a_to_b_high: forward.high,
            b_to_a: backward.value,
            b_to_a_low: backward.low,
            b_to_a_high: backward.high,
            ratio,
            ratio_low: ratio_bounds.low,
            ratio_high: ratio_bounds.high,
            net: forward.value - backward.value,
            net_low: net.low,
            net_high: net.high,
        });
    }
    if rows.is_empty() {
        return Err(Error::not_found(
            "observation",
            format!(
                "{} and {} in a common period",
                a_to_b.label(),
                b_to_a.label()
            ),
        ));
    }
    Ok(rows)
}

// ----- arithmetic shared by the reports ---------------------------------------------------------

/// `top / bottom` with bounds; a bottom of zero, or bounds reaching zero, is an error
/// naming `bottom`'s series and period rather than an infinity.
fn quotient(series: &Series, top: &Observation, bottom: &Observation) -> Result<(f64, Bounds)> {
    let bounds = top
        .bounds()
        .ratio(bottom.bounds())
        .filter(|_| bottom.value != 0.0);
    match bounds {
        Some(bounds) => Ok((top.value / bottom.value, bounds)),
        None => Err(series.undefined(
            &bottom.period,
            "is zero or has bounds that reach zero, so a ratio to it is undefined",
        )),
    }
}

fn pct(ratio: f64) -> f64 {
    (ratio - 1.0) * 100.0
}

/// CAGR of a ratio over `years`, with bounds; `None` for a negative ratio.
fn cagr(ratio: f64, bounds: Bounds, years: f64) -> Option<(f64, Bounds)> {
    let exponent = 1.0 / years;
    let grown = bounds.powf(exponent)?;
    Some((ratio.powf(exponent) - 1.0, grown.shift(-1.0)))
}

/// Years from the start of `a` to the start of `b`: whole months / 12 when both start
/// on the first of a month, else days / 365.2425.
pub fn years_between(a: &Period, b: &Period) -> f64 {
    let (s, e) = (a.start(), b.start());
    if s.day() == 1 && e.day() == 1 {
        let months = (e.year() - s.year()) * 12 + i32::from(u8::from(e.month()))
            - i32::from(u8::from(s.month()));
        f64::from(months) / 12.0
    } else {
        f64::from(e.to_julian_day() - s.to_julian_day()) / 365.2425
    }
}

fn same_length(field: &str, first: &Period, second: &Period) -> Result<()> {
    if first.same_length(second) {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            second.to_string(),
            format!(
                "is not as long as {first}: {} vs {}",
                second.length_text(),
                first.length_text()
            ),
        ))
    }
}

// ----- reading series from the store -----------------------------------------------------------

impl Store {
    /// The series a query selects: one observation per period (see
    /// [`SeriesQuery::status`] for which one when a period has several).
    pub fn series(&self, query: &SeriesQuery) -> Result<Series> {
        let mut all = self.series_by_product(query)?;
        let product = query.product.trim().to_lowercase();
        let found = all.iter().position(|s| s.product == product);
        Ok(match found {
            Some(i) => all.swap_remove(i),
            None => Series {
                indicator: self.indicator(&query.indicator)?,
                origin: self.country(&query.origin)?.alpha3,
                destination: self.country(&query.destination)?.alpha3,
                product,
                observations: Vec::new(),
            },
        })
    }

    /// One series per product of the query's indicator and pair (the product of the
    /// query is ignored).
    pub fn series_by_product(&self, query: &SeriesQuery) -> Result<Vec<Series>> {
        let indicator = self.indicator(&query.indicator)?;
        let origin = self.country(&query.origin)?.alpha3;
        let destination = self.country(&query.destination)?.alpha3;
        if origin == destination {
            return Err(Error::invalid(
                "destination",
                query.destination.clone(),
                format!("is the same country as the origin ({origin})"),
            ));
        }
        let filter = ObservationFilter::indicator(&indicator.code).pair(&origin, &destination);
        let mut rows: Vec<Observation> = self
            .observations(&filter)?
            .into_iter()
            .filter(|o| match query.status {
                Some(status) => o.status == status,
                None => !o.status.is_forward_looking(),
            })
            .collect();
        // Per product and period, the preferred status first, then by source id.
        rows.sort_by(|a, b| {
            (&a.product, a.period, a.status.rank(), &a.source).cmp(&(
                &b.product,
                b.period,
                b.status.rank(),
                &b.source,
            ))
        });
        rows.dedup_by(|later, kept| later.product == kept.product && later.period == kept.period);
        let mut series: Vec<Series> = Vec::new();
        for obs in rows {
            match series.last_mut() {
                Some(s) if s.product == obs.product => s.observations.push(obs),
                _ => series.push(Series {
                    indicator: indicator.clone(),
                    origin: origin.clone(),
                    destination: destination.clone(),
                    product: obs.product.clone(),
                    observations: vec![obs],
                }),
            }
        }
        Ok(series)
    }

    /// Year-on-year growth of a series; see [`growth`].
    ///
    /// ```
    /// let store = bilateral::Store::demo()?;
    /// let rows = store.growth(&bilateral::SeriesQuery::new("trade_turnover", "AZE", "KAZ"))?;
    /// let y2024 = rows.iter().find(|r| r.period.to_string() == "2024").unwrap();
    /// // 533.4 / 556.7 − 1 = −4.19 %
    /// assert!((y2024.pct.unwrap() - (533.4 / 556.7 - 1.0) * 100.0).abs() < 1e-9);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn growth(&self, query: &SeriesQuery) -> Result<Vec<GrowthRow>> {
        growth(&self.series(query)?)
    }

    /// Change between two periods; see [`change`].
    ///
    /// ```
    /// let store = bilateral::Store::demo()?;
    /// let q = bilateral::SeriesQuery::new("corridor_cargo", "AZE", "KAZ");
    /// let c = store.change(&q, "2020", "2024")?;
    /// assert_eq!((c.ratio, c.years), (5.625, 4.0)); // 4.5 Mt / 0.8 Mt over four years
    /// assert!((c.cagr.unwrap() - 0.54).abs() < 0.001);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn change(&self, query: &SeriesQuery, start: &str, end: &str) -> Result<Change> {
        let start = parse_period_field("start", start)?;
        let end = parse_period_field("end", end)?;
        change(&self.series(query)?, &start, &end)
    }

    /// Every product of an indicator as a share of a whole; see [`shares`]. The whole
    /// is `of` (another indicator for the same pair, by default the same indicator)
    /// with product `of_product`.
    ///
    /// ```
    /// let store = bilateral::Store::demo()?;
    /// let q = bilateral::SeriesQuery::new("exports", "KAZ", "AZE");
    /// let rows = store.shares(&q, Some("trade_turnover"), "total", None)?;
    /// let wheat = rows.iter().find(|r| r.product == "wheat").unwrap();
    /// assert!((wheat.share - 121.5 / 547.6).abs() < 1e-12);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn shares(
        &self,
        query: &SeriesQuery,
        of: Option<&str>,
        of_product: &str,
        period: Option<&str>,
    ) -> Result<Vec<ShareRow>> {
        let period = period
            .map(|p| parse_period_field("period", p))
            .transpose()?;
        let parts = self.series_by_product(query)?;
        let mut whole_query = query.clone().product(of_product);
        if let Some(of) = of {
            whole_query.indicator = of.to_owned();
        }
        let whole = self.series(&whole_query)?;
        shares(&parts, &whole, period.as_ref())
    }

    /// A series per `per` people of the origin's or destination's population; see
    /// [`per_capita`].
    ///
    /// ```
    /// use bilateral::{reports::Basis, SeriesQuery, Store};
    ///
    /// let store = Store::demo()?;
    /// let rows = store.per_capita(&SeriesQuery::new("tourists", "AZE", "KAZ"), 1000.0, Basis::Origin)?;
    /// let y2024 = rows.iter().find(|r| r.period.to_string() == "2024").unwrap();
    /// assert!((y2024.per_capita - 102_000.0 / 10_202_830.0 * 1000.0).abs() < 1e-12);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn per_capita(
        &self,
        query: &SeriesQuery,
        per: f64,
        basis: Basis,
    ) -> Result<Vec<PerCapitaRow>> {
        let series = self.series(query)?;
        let country = match basis {
            Basis::Origin => series.origin.clone(),
            Basis::Destination => series.destination.clone(),
        };
        per_capita(&series, &country, &self.population_series(&country)?, per)
    }

    /// Progress towards the target for `year`; see [`target_progress`]. The query's
    /// status selects the actuals (by default, all but targets and projections).
    ///
    /// ```
    /// let store = bilateral::Store::demo()?;
    /// let p = store.target_progress(&bilateral::SeriesQuery::new("corridor_cargo", "AZE", "KAZ"), 2025)?;
    /// assert_eq!((p.actual, p.target, p.months_elapsed), (2_600_000.0, 5_200_000.0, 7));
    /// assert_eq!(p.share_of_target, 0.5);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn target_progress(&self, query: &SeriesQuery, year: i32) -> Result<TargetProgress> {
        let actuals = self.series(query)?;
        let targets = self.series(&query.clone().status(Status::Target))?;
        target_progress(&actuals, &targets, year)
    }

    /// The growth a target or projection implies; see [`required_growth`]. The value
    /// for `target` is the series' target there, else its projection.
    ///
    /// ```
    /// let store = bilateral::Store::demo()?;
    /// let q = bilateral::SeriesQuery::new("oil_transit", "KAZ", "AZE");
    /// let r = store.required_growth(&q, "2024", "2027")?;
    /// // (7 / 1.4)^(1/3) − 1 = 71.0 % a year
    /// assert!((r.required_cagr - (5f64.powf(1.0 / 3.0) - 1.0)).abs() < 1e-12);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn required_growth(
        &self,
        query: &SeriesQuery,
        base: &str,
        target: &str,
    ) -> Result<RequiredGrowth> {
        let base = parse_period_field("base", base)?;
        let target = parse_period_field("target", target)?;
        let actuals = self.series(query)?;
        let targets = self.series(&query.clone().status(Status::Target))?;
        let forward = if targets.get(&target).is_some() {
            targets
        } else {
            self.series(&query.clone().status(Status::Projection))?
        };
        required_growth(&actuals, &forward, &base, &target)
    }

    /// The two directions of a directed indicator side by side; see [`asymmetry`].
    /// The query's origin is `a` and its destination `b`.
    ///
    /// ```
    /// let store = bilateral::Store::demo()?;
    /// let rows = store.asymmetry(&bilateral::SeriesQuery::new("tourists", "AZE", "KAZ"))?;
    /// let y2024 = rows.iter().find(|r| r.period.to_string() == "2024").unwrap();
    /// assert_eq!((y2024.a_to_b, y2024.b_to_a), (102_000.0, 71_500.0));
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn asymmetry(&self, query: &SeriesQuery) -> Result<Vec<AsymmetryRow>> {
        let forward = self.series(query)?;
        let mut reverse = query.clone();
        std::mem::swap(&mut reverse.origin, &mut reverse.destination);
        asymmetry(&forward, &self.series(&reverse)?)
    }
}

fn parse_period_field(field: &str, text: &str) -> Result<Period> {
    Period::parse(text).map_err(|e| e.for_field(field))
}
