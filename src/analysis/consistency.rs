//! Consistency checks: figures of one series that cannot all be true (a part of a year
//! larger than the year, two sources whose bounds do not meet), and figures that are
//! possible but deserve a second look (a target already reached, a projection far
//! beyond anything the series has done).
//!
//! [`check`] is a pure function over observations; [`Store::check`] reads them and
//! calls it. A rule made elsewhere (from claims, say) builds its [`Finding`]s with
//! [`Finding::new`] and merges them into the list with [`ordered`].
//!
//! Only what is sure counts as an error: a comparison uses the bounds of each figure,
//! so "over 1 million" against "under 1.1 million" is no contradiction.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::claims::ClaimCheck;
use super::implied::implied_rest_of_year;
use super::series::cagr;
use crate::error::Result;
use crate::model::{Indicator, Kind, Observation, Status};
use crate::period::Period;
use crate::store::{ObservationFilter, PairFilter, Store};
use crate::words::format_value;
use crate::words::period_words;
use crate::words::phrases::{capitalise, plain_pct};

/// How serious a [`Finding`] is; errors sort first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The figures contradict each other: at least one of them is wrong.
    Error,
    /// Possible, but unlikely enough to check the sources.
    Warning,
    /// Worth knowing when reading the figures.
    Info,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub fn code(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// The rule a [`Finding`] comes from; each rule has one [`Severity`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Check {
    /// Error: a flow over part of a period surely larger than the flow over a period
    /// that contains it (January–August 2024 above 2024).
    PartialExceedsWhole,
    /// Error: a year-to-date flow surely smaller than a shorter year-to-date of the same
    /// year (January–June 2025 below January–March 2025).
    YearToDateFalls,
    /// Error: two sources give the same figure (series, period, status) with bounds
    /// that do not overlap.
    SourcesDisagree,
    /// Warning: a target surely below an actual already reached.
    TargetAlreadyReached,
    /// Info: a projection or target implying annual growth far beyond the series'
    /// history.
    ProjectionOutsideHistory,
    /// Warning: a figure implied for part of a year (by a claim such as "twice as much
    /// as in the first half") that leaves an implausible rest of the year. [`check`]
    /// never makes it: the claims that imply such figures are not observations, so the
    /// rule lives with them ([`implied_rest_of_year`]), and
    /// [`Store::check`] merges its findings with [`ordered`].
    ImpliedRestOfYear,
}

impl Check {
    /// The short code naming the rule: `partial_exceeds_whole` …
    pub fn code(self) -> &'static str {
        match self {
            Check::PartialExceedsWhole => "partial_exceeds_whole",
            Check::YearToDateFalls => "year_to_date_falls",
            Check::SourcesDisagree => "sources_disagree",
            Check::TargetAlreadyReached => "target_already_reached",
            Check::ProjectionOutsideHistory => "projection_outside_history",
            Check::ImpliedRestOfYear => "implied_rest_of_year",
        }
    }

    /// How serious a finding of this rule is.
    pub fn severity(self) -> Severity {
        match self {
            Check::PartialExceedsWhole | Check::YearToDateFalls | Check::SourcesDisagree => {
                Severity::Error
            }
            Check::TargetAlreadyReached | Check::ImpliedRestOfYear => Severity::Warning,
            Check::ProjectionOutsideHistory => Severity::Info,
        }
    }
}

/// One thing a check found about one series, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// How serious it is (the rule's severity).
    pub severity: Severity,
    /// The rule that found it.
    pub check: Check,
    /// Indicator code.
    pub indicator: String,
    /// Origin, alpha-3 (for an undirected indicator, the first of the pair).
    pub origin: String,
    /// Destination, alpha-3.
    pub destination: String,
    /// Product code.
    pub product: String,
    /// The periods of the figures involved, in the order of `figures`.
    pub periods: Vec<Period>,
    /// The figures in words, `; ` between them: `$547.6 million; $533.4 million`.
    pub figures: String,
    /// What is wrong, in one sentence.
    pub explanation: String,
}

impl Finding {
    /// A finding of `check` on the series `observation` belongs to, with no figure yet:
    /// add them with [`Finding::figure`] (or [`Finding::figure_in_words`] for one
    /// implied by other figures), then the sentence with [`Finding::explained`].
    ///
    /// ```
    /// use bilateral::analysis::consistency::{Check, Finding, Severity};
    /// use bilateral::{ObservationFilter, Store};
    ///
    /// let store = Store::demo()?;
    /// let filter = ObservationFilter::indicator("trade_turnover").pair("AZE", "KAZ");
    /// let y2024 = store.observations(&filter)?.into_iter().find(|o| o.period_text == "2024").unwrap();
    /// let finding = Finding::new(Check::ImpliedRestOfYear, &y2024)
    ///     .figure(&y2024)
    ///     .figure_in_words("2024-H2".parse()?, "$400 million")
    ///     .explained("The second half of 2024 would need $400 million.");
    /// assert_eq!(finding.severity, Severity::Warning);
    /// assert_eq!(finding.figures, "$533.4 million; $400 million");
    /// assert_eq!(finding.periods_text(), "2024, 2024-H2");
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn new(check: Check, observation: &Observation) -> Finding {
        Finding {
            severity: check.severity(),
            check,
            indicator: observation.indicator.clone(),
            origin: observation.origin.clone(),
            destination: observation.destination.clone(),
            product: observation.product.clone(),
            periods: Vec::new(),
            figures: String::new(),
            explanation: String::new(),
        }
    }

    /// Adds `observation`'s period and its figure in words.
    pub fn figure(self, observation: &Observation) -> Finding {
        let words = in_words(observation);
        self.figure_in_words(observation.period, &words)
    }

    /// Adds a period and a figure already in words.
    pub fn figure_in_words(mut self, period: Period, words: &str) -> Finding {
        if !self.figures.is_empty() {
            self.figures.push_str("; ");
        }
        self.figures.push_str(words);
        self.periods.push(period);
        self
    }

    /// Sets the explanation.
    pub fn explained(mut self, sentence: impl Into<String>) -> Finding {
        self.explanation = sentence.into();
        self
    }

    /// The periods as text, `, ` between them: `2025-01/2025-08, 2024`.
    pub fn periods_text(&self) -> String {
        let texts: Vec<String> = self.periods.iter().map(Period::to_string).collect();
        texts.join(", ")
    }
}

/// `findings` in the order of a check's answer: by severity (errors first), then
/// indicator, pair, product, periods and rule; a finding given twice (the same figures
/// from two sources) is kept once.
pub fn ordered(findings: impl IntoIterator<Item = Finding>) -> Vec<Finding> {
    let mut findings: Vec<Finding> = findings.into_iter().collect();
    findings.sort_by(|a, b| order_key(a).cmp(&order_key(b)));
    findings.dedup();
    findings
}

/// What [`ordered`] sorts by: every field, so that equal findings end up side by side.
#[allow(clippy::type_complexity)]
fn order_key(
    f: &Finding,
) -> (
    Severity,
    &str,
    &str,
    &str,
    &str,
    &[Period],
    Check,
    &str,
    &str,
) {
    (
        f.severity,
        &f.indicator,
        &f.origin,
        &f.destination,
        &f.product,
        &f.periods,
        f.check,
        &f.figures,
        &f.explanation,
    )
}

/// Implied annual growth below this is never remarkable, whatever the history: a
/// quarter a year is fast, but a young route or a recovering trade does it for years.
pub const PROJECTION_GROWTH_FLOOR: f64 = 0.25;

/// How many times the fastest historical annual growth an implied growth must exceed
/// to be flagged. Half as fast again as the series has ever grown, kept up every year
/// to the projection, compounds into a level its history gives no ground for; twice
/// would miss the built-in oil transit projection (71 % a year against a history of at
/// most 40 %), the kind of claim the check is for.
pub const PROJECTION_HISTORY_MULTIPLE: f64 = 1.5;

/// Every finding on `observations` (of any indicators, pairs and statuses, in any
/// order), in the order of [`ordered`]. `indicators` says which indicators are flows
/// and which may be negative; the rules that need to know skip an indicator missing
/// from it.
///
/// The rules, each on one series (indicator, origin, destination, product):
///
/// * error `partial_exceeds_whole`: a flow over part of a period whose lower bound is
///   above the upper bound of the flow over the whole period; measurements,
///   provisional figures and estimates only, not targets or projections. Signed
///   indicators are left out: a net flow over part of a year may exceed the year's.
/// * error `year_to_date_falls`: the same for two year-to-date flows (both from
///   January, the longer one not the whole year): the longer surely below the shorter.
/// * error `sources_disagree`: the same period and status from two sources, with
///   bounds that do not overlap.
/// * warning `target_already_reached`: a target whose upper bound is below the lower
///   bound of a figure already measured, of the same length and ending no later than
///   the target's period (an actual 2024 above the 2025 target), or, for an unsigned
///   flow, over part of the target's period (January–July 2025 above the 2025 target).
///   The latest such figure is named.
/// * info `projection_outside_history`: a projection or target whose growth a year from
///   the latest figure of the same length, whole years before it, is surely above
///   [`PROJECTION_GROWTH_FLOOR`] and above [`PROJECTION_HISTORY_MULTIPLE`] times the
///   fastest the series has grown between two such figures (by their bounds). Without
///   two such figures there is no history and nothing is said.
///
/// Measured figures are those of every status but target and projection.
///
/// ```
/// use bilateral::analysis::consistency::check;
///
/// let store = bilateral::Store::demo()?;
/// let observations = store.observations(&Default::default())?;
/// let findings = check(&observations, &store.indicators()?);
/// let oil = findings.iter().find(|f| f.indicator == "oil_transit").unwrap();
/// assert_eq!(oil.check.code(), "projection_outside_history");
/// assert_eq!(oil.figures, "7 million t; 1.4 million t");
/// # Ok::<(), bilateral::Error>(())
/// ```
pub fn check(observations: &[Observation], indicators: &[Indicator]) -> Vec<Finding> {
    let mut series: BTreeMap<(&str, &str, &str, &str), Vec<&Observation>> = BTreeMap::new();
    for o in observations {
        series
            .entry((&o.indicator, &o.origin, &o.destination, &o.product))
            .or_default()
            .push(o);
    }
    let mut findings = Vec::new();
    for ((indicator, ..), mut figures) in series {
        figures.sort_by(|a, b| {
            (a.period, a.status.rank(), &a.source).cmp(&(b.period, b.status.rank(), &b.source))
        });
        let indicator = indicators.iter().find(|i| i.code == indicator);
        let adds_up = indicator.is_some_and(|i| i.kind == Kind::Flow && !i.signed);
        if adds_up {
            parts_above_wholes(&figures, &mut findings);
        }
        sources_disagree(&figures, &mut findings);
        targets_already_reached(&figures, adds_up, &mut findings);
        projections_outside_history(&figures, &mut findings);
    }
    ordered(findings)
}

/// The rule's figure, as a report would write it.
fn in_words(o: &Observation) -> String {
    format_value(o.value, &o.unit, o.qualifier)
}

/// True when `part` lies within `whole` and is shorter.
fn strictly_within(part: &Period, whole: &Period) -> bool {
    part != whole && part.start() >= whole.start() && part.end() <= whole.end()
}

/// True for a period from 1 January to a day of the same year.
fn is_year_to_date(period: &Period) -> bool {
    let start = period.start();
    start.ordinal() == 1 && period.end().year() == start.year()
}

/// `partial_exceeds_whole` and `year_to_date_falls` on one series of an unsigned flow.
fn parts_above_wholes(figures: &[&Observation], findings: &mut Vec<Finding>) {
    let measured: Vec<&Observation> = figures
        .iter()
        .copied()
        .filter(|o| !o.status.is_forward_looking())
        .collect();
    for (part, whole) in containing(&measured) {
        if part.low <= whole.high {
            continue;
        }
        let year_to_date = part.period.start() == whole.period.start()
            && is_year_to_date(&whole.period)
            && !whole.period.is_calendar_year();
        let finding = if year_to_date {
            Finding::new(Check::YearToDateFalls, part)
                .figure(part)
                .figure(whole)
                .explained(format!(
                    "The year to date fell: {} ({}) is less than {} ({}), though it \
                     counts the same months and more.",
                    period_words(&whole.period),
                    in_words(whole),
                    period_words(&part.period),
                    in_words(part),
                ))
        } else {
            Finding::new(Check::PartialExceedsWhole, part)
                .figure(part)
                .figure(whole)
                .explained(format!(
                    "{} alone ({}) is more than {} as a whole ({}), which contains it.",
                    capitalise(&period_words(&part.period)),
                    in_words(part),
                    period_words(&whole.period),
                    in_words(whole),
                ))
        };
        findings.push(finding);
    }
}

/// Every pair of figures where the first's period lies [`strictly_within`] the
/// second's. A whole is longer than any part it contains, so wholes are grouped by
/// length, and within a group (sorted by start) only those starting no earlier than
/// `part.end − length` and no later than `part.start` contain the part: a binary search
/// finds them. A long daily series (no period within another) costs one search per
/// group and figure instead of comparing every figure with every other.
fn containing<'a>(figures: &[&'a Observation]) -> Vec<(&'a Observation, &'a Observation)> {
    let day = |d: time::Date| i64::from(d.to_julian_day());
    let length = |o: &Observation| day(o.period.end()) - day(o.period.start());
    let mut by_length: BTreeMap<i64, Vec<(i64, &'a Observation)>> = BTreeMap::new();
    for &o in figures {
        by_length
            .entry(length(o))
            .or_default()
            .push((day(o.period.start()), o));
    }
    for wholes in by_length.values_mut() {
        wholes.sort_by_key(|(start, _)| *start);
    }
    let mut pairs = Vec::new();
    for &part in figures {
        let (start, end) = (day(part.period.start()), day(part.period.end()));
        for (&whole_length, wholes) in by_length.range(length(part) + 1..) {
            let first = wholes.partition_point(|(s, _)| *s < end - whole_length);
            for &(whole_start, whole) in &wholes[first..] {
                if whole_start > start {
                    break;
                }
                debug_assert!(strictly_within(&part.period, &whole.period));
                pairs.push((part, whole));
            }
        }
    }
    pairs
}

/// `sources_disagree` on one series: figures in period order.
fn sources_disagree(figures: &[&Observation], findings: &mut Vec<Finding>) {
    for (i, a) in figures.iter().enumerate() {
        for b in &figures[i + 1..] {
            if b.period != a.period {
                break;
            }
            let apart = a.high < b.low || b.high < a.low;
            if b.status != a.status || b.source == a.source || !apart {
                continue;
            }
            let source = |o: &Observation| o.source.clone().unwrap_or_else(|| "no source".into());
            findings.push(
                Finding::new(Check::SourcesDisagree, a)
                    .figure(a)
                    .figure(b)
                    .explained(format!(
                        "For {}, {} gives {} and {} gives {} ({} figures), and the two \
                         cannot both be right.",
                        period_words(&a.period),
                        source(a),
                        in_words(a),
                        source(b),
                        in_words(b),
                        a.status,
                    )),
            );
        }
    }
}

/// `target_already_reached` on one series; `adds_up` for an unsigned flow, whose part
/// of the target's period counts too.
fn targets_already_reached(figures: &[&Observation], adds_up: bool, findings: &mut Vec<Finding>) {
    for target in figures.iter().filter(|o| o.status == Status::Target) {
        let reached = figures
            .iter()
            .filter(|o| !o.status.is_forward_looking() && o.low > target.high)
            .filter(|o| {
                let earlier =
                    o.period.same_length(&target.period) && o.period.end() <= target.period.end();
                earlier || (adds_up && strictly_within(&o.period, &target.period))
            })
            .max_by_key(|o| (o.period.end(), o.period.start()));
        if let Some(actual) = reached {
            findings.push(
                Finding::new(Check::TargetAlreadyReached, target)
                    .figure(target)
                    .figure(actual)
                    .explained(format!(
                        "The target for {} ({}) is below the {} already reached in {}.",
                        period_words(&target.period),
                        in_words(target),
                        in_words(actual),
                        period_words(&actual.period),
                    )),
            );
        }
    }
}

/// How many whole years `later` is after `earlier`, when it is the same period that
/// many years on (2024 and 2027; January–June 2023 and January–June 2025).
fn whole_years_apart(earlier: &Period, later: &Period) -> Option<i32> {
    let years = later.start().year() - earlier.start().year();
    (years >= 1 && later.years_earlier(years) == Some(*earlier)).then_some(years)
}

/// The lowest and highest annual growth from `from` to `to` by their bounds; `None`
/// when `from` may be zero or negative, where no growth rate joins them.
fn annual_growth(from: &Observation, to: &Observation, years: i32) -> Option<(f64, f64)> {
    if from.low <= 0.0 {
        return None;
    }
    let ratio = to.bounds().ratio(from.bounds())?;
    let (_, bounds) = cagr(to.value / from.value, ratio, f64::from(years))?;
    Some((bounds.low, bounds.high))
}

/// `projection_outside_history` on one series: figures in period order, the preferred
/// status first within a period.
fn projections_outside_history(figures: &[&Observation], findings: &mut Vec<Finding>) {
    // One measured figure a period, the preferred status first, as a series keeps.
    let mut measured: Vec<&Observation> = figures
        .iter()
        .copied()
        .filter(|o| !o.status.is_forward_looking())
        .collect();
    measured.dedup_by(|later, kept| later.period == kept.period);
    for forward in figures.iter().filter(|o| o.status.is_forward_looking()) {
        let aligned: Vec<&Observation> = measured
            .iter()
            .copied()
            .filter(|o| whole_years_apart(&o.period, &forward.period).is_some())
            .collect();
        let Some(base) = aligned.last() else { continue };
        let years = whole_years_apart(&base.period, &forward.period).unwrap_or(1);
        let Some((implied_low, _)) = annual_growth(base, forward, years) else {
            continue;
        };
        let fastest = aligned
            .windows(2)
            .filter_map(|pair| {
                let years = whole_years_apart(&pair[0].period, &pair[1].period)?;
                let (_, high) = annual_growth(pair[0], pair[1], years)?;
                Some((high, pair[0], pair[1]))
            })
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let Some((fastest, first, last)) = fastest else {
            continue;
        };
        if implied_low <= PROJECTION_GROWTH_FLOOR
            || implied_low <= PROJECTION_HISTORY_MULTIPLE * fastest
        {
            continue;
        }
        let implied = (forward.value / base.value).powf(1.0 / f64::from(years)) - 1.0;
        findings.push(
            Finding::new(Check::ProjectionOutsideHistory, forward)
                .figure(forward)
                .figure(base)
                .explained(format!(
                    "The {} for {} ({}) implies growth of {} % a year from {} in {}, \
                     against at most {} % a year in the series' history ({} to {}).",
                    forward.status,
                    period_words(&forward.period),
                    in_words(forward),
                    plain_pct(implied * 100.0),
                    in_words(base),
                    period_words(&base.period),
                    plain_pct(fastest * 100.0),
                    period_words(&first.period),
                    period_words(&last.period),
                )),
        );
    }
}

impl Store {
    /// The findings of [`check`] on the observations of the pairs `pair` selects, and
    /// of [`implied_rest_of_year`] on their claims, errors first: with `a` and `b`, the
    /// figures and claims between the two, in either direction; with one, those of
    /// every pair it is in; with neither, every observation and claim.
    ///
    /// ```
    /// use bilateral::analysis::consistency::Severity;
    /// use bilateral::PairFilter;
    ///
    /// let store = bilateral::Store::demo()?;
    /// let findings = store.findings_of(&PairFilter::between("KAZ", "AZE"))?;
    /// assert!(findings.iter().all(|f| f.severity != Severity::Error));
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn findings_of(&self, pair: &PairFilter) -> Result<Vec<Finding>> {
        let countries = self.pair_countries(pair)?;
        let observations = match (countries.a, countries.b) {
            (Some((_, a)), Some((_, b))) => self.observations_between(a, b)?,
            (None, None) => self.observations(&ObservationFilter::default())?,
            (Some((_, one)), None) | (None, Some((_, one))) => {
                let mut all = self.observations(&ObservationFilter::default())?;
                all.retain(|o| o.origin == one || o.destination == one);
                all
            }
        };
        let indicators = self.indicators()?;
        let claims: Vec<ClaimCheck> = self.claim_checks_of(pair)?;
        let from_claims = implied_rest_of_year(&claims, &observations, &indicators);
        Ok(ordered(
            check(&observations, &indicators)
                .into_iter()
                .chain(from_claims),
        ))
    }

    /// The findings of [`check`] on the observations of a pair, in either direction,
    /// and of [`implied_rest_of_year`] on its claims: with `origin` and `destination`,
    /// those between the two; with one, those with that country on either side; with
    /// neither, every observation and claim. The names aside, neither side is an
    /// origin: [`Store::findings_of`] calls them `a` and `b`.
    #[deprecated(
        since = "0.2.0",
        note = "use `Store::findings_of(&PairFilter { a: origin, b: destination })` (`PairFilter::between`, `::involving`, `::any`)"
    )]
    pub fn check(&self, origin: Option<&str>, destination: Option<&str>) -> Result<Vec<Finding>> {
        self.findings_of(&PairFilter {
            a: origin.map(str::to_owned),
            b: destination.map(str::to_owned),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Qualifier;

    fn figure(period: &str) -> Observation {
        Observation {
            indicator: "exports".into(),
            origin: "GEO".into(),
            destination: "ARM".into(),
            product: "total".into(),
            period: Period::parse(period).unwrap(),
            period_text: period.into(),
            value: 1.0,
            qualifier: Qualifier::Exact,
            low: 1.0,
            high: 1.0,
            status: Status::Actual,
            unit: "USD".into(),
            source: None,
            quote: None,
            note: None,
        }
    }

    #[test]
    fn containing_finds_exactly_the_periods_strictly_within_others() {
        // 2024 (a leap year) holds H1, Q3, February, the days and itself not; 2023
        // holds its December; H1 holds February and the two January days; Q3 holds
        // nothing of the others; June–August overlaps H1 and Q3 without lying in
        // either, and holds nothing.
        let periods = [
            "2023",
            "2023-12",
            "2024",
            "2024-H1",
            "2024-Q3",
            "2024-02",
            "2024-01-15",
            "2024-01-31",
            "2024-06/2024-08",
            "2024-02-29",
        ];
        let figures: Vec<Observation> = periods.iter().map(|p| figure(p)).collect();
        let refs: Vec<&Observation> = figures.iter().collect();
        let mut found: Vec<(&str, &str)> = containing(&refs)
            .into_iter()
            .map(|(part, whole)| (part.period_text.as_str(), whole.period_text.as_str()))
            .collect();
        found.sort_unstable();
        let mut expected = vec![
            ("2023-12", "2023"),
            ("2024-H1", "2024"),
            ("2024-Q3", "2024"),
            ("2024-02", "2024"),
            ("2024-02", "2024-H1"),
            ("2024-01-15", "2024"),
            ("2024-01-15", "2024-H1"),
            ("2024-01-31", "2024"),
            ("2024-01-31", "2024-H1"),
            ("2024-06/2024-08", "2024"),
            ("2024-02-29", "2024"),
            ("2024-02-29", "2024-H1"),
            ("2024-02-29", "2024-02"),
        ];
        expected.sort_unstable();
        assert_eq!(found, expected);
    }
}
