//! Targets and projections: how far a year's actuals are towards its target, and the
//! growth rate a target or projection needs.

use serde::{Deserialize, Serialize};

use super::series::{
    cagr, parse_period_field, quotient, same_length, years_between, OneSeries, Series,
};
use crate::error::{Error, Result};
use crate::model::{Kind, Status};
use crate::period::Period;
use crate::store::Store;

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
        .flatten()
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

impl Store {
    /// Progress towards the target for `year`; see [`target_progress`]. The query's
    /// status selects the actuals (by default, all but targets and projections).
    ///
    /// ```
    /// let store = bilateral::Store::demo()?;
    /// let p = store.target_progress(&bilateral::SeriesFilter::series("corridor_cargo", "AZE", "KAZ"), 2025)?;
    /// assert_eq!((p.actual, p.target, p.months_elapsed), (2_600_000.0, 5_200_000.0, 7));
    /// assert_eq!(p.share_of_target, 0.5);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn target_progress(&self, query: &impl OneSeries, year: i32) -> Result<TargetProgress> {
        let query = &super::series::keys(query)?;
        let actuals = self.series(query)?;
        let targets = self.series(&query.clone().status(Status::Target))?;
        target_progress(&actuals, &targets, year)
    }

    /// The growth a target or projection implies; see [`required_growth`]. The value
    /// for `target` is the series' target there, else its projection.
    ///
    /// ```
    /// let store = bilateral::Store::demo()?;
    /// let q = bilateral::SeriesFilter::series("oil_transit", "KAZ", "AZE");
    /// let r = store.required_growth(&q, "2024", "2027")?;
    /// // (7 / 1.4)^(1/3) − 1 = 71.0 % a year
    /// assert!((r.required_cagr - (5f64.powf(1.0 / 3.0) - 1.0)).abs() < 1e-12);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn required_growth(
        &self,
        query: &impl OneSeries,
        base: &str,
        target: &str,
    ) -> Result<RequiredGrowth> {
        let query = &super::series::keys(query)?;
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
}
