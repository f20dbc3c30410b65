//! Checking claims against the figures: what a claim's words allow, what the stored
//! figures make of the same relation, the verdict, one line of explanation, and for a
//! claim about a figure nobody published, the interval the claim implies for it.
//!
//! An implied interval is never a figure: it is not stored, and nothing computes growth
//! from it; `implied.rs` turns one into an estimate row for callers who ask. The words
//! of the explanations are in `words/claims.rs`.

use serde::{Deserialize, Serialize};

use crate::model::{
    Bounds, Claim, Indicator, Kind, Observation, Qualifier, Reference, Relation, Status,
};
use crate::period::Period;
use crate::words::claims::{
    allowed_words, central_words, change_range_words, figure_words, implied_words, quoted,
    range_words, round_sig, trim, unstated_end_words,
};
use crate::words::numbers::round_toward;
use crate::words::phrases::capitalise;
use crate::words::{format_derived, format_value, period_words};

/// What the figures make of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The figures' interval lies inside what the claim allows.
    Supported,
    /// The figures' interval overlaps what the claim allows, but is not inside it.
    Plausible,
    /// The figures' interval and what the claim allows do not overlap.
    Contradicted,
    /// A figure the claim needs is not stored.
    Unverifiable,
}

impl Verdict {
    /// `supported`, `plausible`, `contradicted` or `unverifiable`.
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Plausible => "plausible",
            Verdict::Contradicted => "contradicted",
            Verdict::Unverifiable => "unverifiable",
        }
    }
}

/// What a claim implies about a figure the store does not have: an interval (an end
/// is `None` where the claim leaves it open), in the indicator's unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Implied {
    /// The product of the missing figure (`total` for the whole of a share).
    pub product: String,
    /// The period of the missing figure.
    pub period: Period,
    /// The smallest value the claim allows it, if it bounds it below.
    pub low: Option<f64>,
    /// The largest value the claim allows it, if it bounds it above.
    pub high: Option<f64>,
}

/// A claim with its verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimCheck {
    /// The claim.
    pub claim: Claim,
    /// What the figures make of it.
    pub verdict: Verdict,
    /// The relation as the figures have it, in the claim's terms: a multiple for
    /// `ratio`, a percentage for `share`, and for the others the percentage by which
    /// the figure differs from the reference (for records, from the nearest other).
    pub computed: Option<f64>,
    /// Lower bound of `computed`.
    pub computed_low: Option<f64>,
    /// Upper bound of `computed`.
    pub computed_high: Option<f64>,
    /// For an unverifiable claim, what it implies about the missing figure.
    pub implied: Option<Implied>,
    /// For a plausible claim, true when the central value of `computed` lies outside
    /// what the claim allows, on the other side: "continues to grow" on figures whose
    /// interval runs from a fall of 9.0 % to a rise of 1.8 % and whose central value is
    /// a fall of 3.6 %. The interval allows the claim; the figures as published point
    /// against it. Always false for the other verdicts.
    #[serde(default)]
    pub points_against: bool,
    /// One line in words.
    pub explanation: String,
    /// The stored figures the check used, the claim's own first.
    pub figures: Vec<Observation>,
}

/// Checks `claim` against `figures`, the stored observations of its indicator and pair
/// (any product and status; others are ignored).
pub fn check_claim(claim: &Claim, indicator: &Indicator, figures: &[Observation]) -> ClaimCheck {
    let own: Vec<&Observation> = figures
        .iter()
        .filter(|o| {
            o.indicator == claim.indicator
                && o.origin == claim.origin
                && o.destination == claim.destination
        })
        .collect();
    let subject = figure_at(&own, &claim.product, &claim.period, false);
    if claim.relation.is_record() {
        return check_record(claim, indicator, &own, subject);
    }
    let reference = match claim.reference {
        Reference::Period(p) => Side::of(figure_at(&own, &claim.product, &p, false), p),
        Reference::Whole => Side::of(figure_at(&own, "total", &claim.period, false), claim.period),
        Reference::Target => {
            let year = Period::year(claim.period.end().year()).unwrap_or(claim.period);
            let target = figure_at(&own, &claim.product, &claim.period, true)
                .or_else(|| figure_at(&own, &claim.product, &year, true));
            Side::of(target, target.map_or(claim.period, |t| t.period))
        }
        Reference::Record => {
            let highest = same_length_others(&own, claim, subject)
                .into_iter()
                .filter(|o| o.period.end() < claim.period.start())
                .max_by(|a, b| a.value.total_cmp(&b.value));
            Side::of(highest, highest.map_or(claim.period, |o| o.period))
        }
    };
    let subject = Side::of(subject, claim.period);
    Comparison::new(claim, indicator, subject, reference).check()
}

/// One figure of a comparison: the stored figure, if any, and its period.
#[derive(Clone, Copy)]
struct Side<'a> {
    figure: Option<&'a Observation>,
    period: Period,
}

impl<'a> Side<'a> {
    fn of(figure: Option<&'a Observation>, period: Period) -> Side<'a> {
        Side { figure, period }
    }
}

/// The figure of `product` for exactly `period`: a target when `target`, otherwise the
/// preferred one (actual, then provisional, then estimate) that is not forward-looking.
pub(super) fn figure_at<'a>(
    figures: &[&'a Observation],
    product: &str,
    period: &Period,
    target: bool,
) -> Option<&'a Observation> {
    figures
        .iter()
        .copied()
        .filter(|o| o.product == product && o.period == *period)
        .filter(|o| {
            if target {
                o.status == Status::Target
            } else {
                !o.status.is_forward_looking()
            }
        })
        .min_by_key(|o| o.status.rank())
}

/// The other figures of the claim's product over periods as long as the claim's, one
/// per period.
fn same_length_others<'a>(
    figures: &[&'a Observation],
    claim: &Claim,
    subject: Option<&Observation>,
) -> Vec<&'a Observation> {
    let mut periods: Vec<Period> = figures
        .iter()
        .filter(|o| o.product == claim.product && o.period != claim.period)
        .filter(|o| o.period.same_length(&claim.period))
        .map(|o| o.period)
        .collect();
    periods.sort();
    periods.dedup();
    let _ = subject;
    periods
        .iter()
        .filter_map(|p| figure_at(figures, &claim.product, p, false))
        .collect()
}

/// Values of a flow over periods of different lengths are compared as paces a year.
fn per_year(period: &Period) -> f64 {
    match period.months() {
        Some(m) => 12.0 / f64::from(m),
        None => 365.25 / period.days() as f64,
    }
}

/// Two figures a claim relates, and how to put them on one footing.
struct Comparison<'a> {
    claim: &'a Claim,
    indicator: &'a Indicator,
    subject: Side<'a>,
    reference: Side<'a>,
    /// Whether the two are compared as paces a year (flows of different lengths).
    paced: bool,
}

impl<'a> Comparison<'a> {
    fn new(
        claim: &'a Claim,
        indicator: &'a Indicator,
        subject: Side<'a>,
        reference: Side<'a>,
    ) -> Comparison<'a> {
        let paced = indicator.kind == Kind::Flow
            && claim.reference != Reference::Whole
            && !subject.period.same_length(&reference.period);
        Comparison {
            claim,
            indicator,
            subject,
            reference,
            paced,
        }
    }

    /// The factor that puts a side's value on the common footing.
    fn factor(&self, side: &Side) -> f64 {
        if self.paced {
            per_year(&side.period)
        } else {
            1.0
        }
    }

    /// What the claim allows the quotient subject / reference to be: an interval whose
    /// ends may be open (infinite); the relation's own limits for greater and less.
    fn allowed_quotient(&self) -> Bounds {
        let allowed = self
            .claim
            .allowed
            .unwrap_or(Bounds::new(0.0, f64::INFINITY));
        match self.claim.relation {
            Relation::Ratio => allowed,
            Relation::Pct => Bounds::new(1.0 + allowed.low / 100.0, 1.0 + allowed.high / 100.0),
            Relation::Share => allowed.scale(0.01),
            Relation::Greater => Bounds::new(1.0, f64::INFINITY),
            Relation::Less => Bounds::new(0.0, 1.0),
            Relation::RecordHigh | Relation::RecordLow => allowed,
        }
    }

    /// True when the quotient `point` lies outside what the claim allows: at or below 1
    /// for a rise, at or above 1 for a fall (float noise aside), outside the allowed
    /// interval for the others.
    fn outside(&self, point: f64) -> bool {
        match self.claim.relation {
            Relation::Greater => point <= 1.0 + TOLERANCE,
            Relation::Less => point >= 1.0 - TOLERANCE,
            _ => verdict(Bounds::exact(point), self.allowed_quotient()) == Verdict::Contradicted,
        }
    }

    /// The quotient in the claim's terms (a multiple, or a percentage).
    fn in_claim_terms(&self, quotient: f64) -> f64 {
        match self.claim.relation {
            Relation::Ratio => quotient,
            Relation::Share => quotient * 100.0,
            _ => (quotient - 1.0) * 100.0,
        }
    }

    fn check(self) -> ClaimCheck {
        let unit = &self.indicator.unit;
        let (Some(s), Some(r)) = (self.subject.figure, self.reference.figure) else {
            return self.unverifiable();
        };
        let (fs, fr) = (self.factor(&self.subject), self.factor(&self.reference));
        let figures = vec![s.clone(), r.clone()];
        let Some(quotient) = s.bounds().scale(fs).ratio(r.bounds().scale(fr)) else {
            return ClaimCheck {
                explanation: format!(
                    "{} cannot be compared with {}, which may be zero or below.",
                    figure_words(s, unit),
                    figure_words(r, unit)
                ),
                ..self.result(Verdict::Unverifiable, None, None, figures)
            };
        };
        let point = (s.value * fs) / (r.value * fr);
        let computed = Bounds::new(
            self.in_claim_terms(quotient.low),
            self.in_claim_terms(quotient.high),
        );
        let verdict = match self.claim.relation {
            Relation::Greater => strict_verdict(quotient, true),
            Relation::Less => strict_verdict(quotient, false),
            _ => verdict(quotient, self.allowed_quotient()),
        };
        let points_against = verdict == Verdict::Plausible && self.outside(point);
        let mut explanation = capitalise(&self.comparison_words(s, r, point, quotient));
        explanation.push_str(&self.verdict_words(verdict, points_against.then_some(point)));
        ClaimCheck {
            explanation,
            points_against,
            ..self.result(
                verdict,
                Some(self.in_claim_terms(point)),
                Some(computed),
                figures,
            )
        }
    }

    /// "4.5 million t in 2024 is 5.625 times the 800,000 t of 2020": the figures and
    /// what they make of the relation.
    fn comparison_words(&self, s: &Observation, r: &Observation, point: f64, q: Bounds) -> String {
        let unit = &self.indicator.unit;
        let mut subject = figure_words(s, unit);
        if self.paced {
            subject.push_str(&format!(
                ", a pace of about {} a year,",
                format_derived(s.value * per_year(&s.period), unit)
            ));
        }
        let reference = figure_words(r, unit);
        match self.claim.relation {
            Relation::Ratio => format!(
                "{subject} is {} times the {} of {}",
                range_words(point, q.low, q.high, |v, how| trim(round_sig(v, 4, how))),
                format_value(r.value, unit, r.qualifier),
                period_words(&r.period)
            ),
            Relation::Share => format!(
                "{subject} is {} of {reference}",
                range_words(point * 100.0, q.low * 100.0, q.high * 100.0, |v, how| {
                    format!("{} %", trim(round_toward(v, 1, how)))
                })
            ),
            _ => format!(
                "{subject} against {reference}: {}",
                change_range_words(
                    (point - 1.0) * 100.0,
                    (q.low - 1.0) * 100.0,
                    (q.high - 1.0) * 100.0
                )
            ),
        }
    }

    /// ", within the 3 to 4 times “more than tripling” allows." and the like; with
    /// `against`, the central quotient of a plausible claim that points the other way.
    fn verdict_words(&self, verdict: Verdict, against: Option<f64>) -> String {
        let allows = match self.claim.relation {
            Relation::Greater => "a rise".to_owned(),
            Relation::Less => "a fall".to_owned(),
            _ => allowed_words(self.claim),
        };
        let words = quoted(&self.claim.text);
        match verdict {
            Verdict::Supported
                if matches!(self.claim.relation, Relation::Greater | Relation::Less) =>
            {
                format!(", as {words} says.")
            }
            Verdict::Supported => format!(", as {words} says ({allows})."),
            Verdict::Contradicted => format!(", where {words} says {allows}."),
            _ => match against {
                Some(point) => format!(
                    "; {words} says {allows}, which the figures allow, though their central \
                     value is {}.",
                    central_words(self.claim.relation, self.in_claim_terms(point))
                ),
                None => {
                    format!("; {words} says {allows}, which the figures allow but do not show.")
                }
            },
        }
    }

    fn unverifiable(self) -> ClaimCheck {
        let unit = &self.indicator.unit;
        let (missing, known) = match (self.subject.figure, self.reference.figure) {
            (None, Some(r)) => (self.subject, Some(r)),
            (Some(s), None) => (self.reference, Some(s)),
            _ => (self.subject, None),
        };
        let what = match self.claim.reference {
            Reference::Target
                if missing.period == self.reference.period && self.reference.figure.is_none() =>
            {
                format!("No target for {} is given", period_words(&missing.period))
            }
            Reference::Record if self.reference.figure.is_none() => format!(
                "No figure of the same length before {} is given",
                period_words(&self.claim.period)
            ),
            Reference::Whole if self.reference.figure.is_none() => {
                format!("No total for {} is given", period_words(&missing.period))
            }
            _ => format!("No figure for {} is given", period_words(&missing.period)),
        };
        let implied = known.and_then(|_| self.implied(&missing));
        let mut explanation = what;
        if let Some(implied) = &implied {
            let assumption = self
                .unstated_implied_end(implied, self.subject.figure.is_some())
                .map(|(end, words)| {
                    format!("; the {end} end assumes {words}, which the claim does not say")
                })
                .unwrap_or_default();
            explanation.push_str(&format!(
                "; if {} holds, it was {} (implied, not published{assumption}).",
                quoted(&self.claim.text),
                implied_words(implied.low, implied.high, unit)
            ));
        } else {
            explanation.push('.');
        }
        let figures = known.into_iter().cloned().collect();
        ClaimCheck {
            implied,
            explanation,
            ..self.result(Verdict::Unverifiable, None, None, figures)
        }
    }

    /// The end of what the claim allows that its words do not state, and whether it is
    /// the upper end: a hedge states one end ("more than tripling": at least 3 times)
    /// and the significant-digit rule supplies the other (less than 4 times). "Nearly"
    /// and "about" state both ends.
    fn unstated_allowed_end(&self) -> Option<(f64, bool)> {
        let allowed = self.claim.allowed?;
        let rising = self.claim.value.is_some_and(|v| v >= 0.0);
        let upper = match self.claim.qualifier {
            Qualifier::Over => rising,
            Qualifier::Under => !rising,
            _ => return None,
        };
        Some(if upper {
            (allowed.high, true)
        } else {
            (allowed.low, false)
        })
    }

    /// Which end of `implied` ("lower" or "upper") rests on an end of what the claim
    /// allows that its words do not state, and that end in words ("less than
    /// quadrupling"): a missing reference is the known figure divided by the allowed
    /// quotient, so its lower end rests on the allowed upper end; a missing subject is
    /// the known figure multiplied by it.
    fn unstated_implied_end(
        &self,
        implied: &Implied,
        missing_is_reference: bool,
    ) -> Option<(&'static str, String)> {
        let (end, upper) = self.unstated_allowed_end()?;
        let lower_implied = upper == missing_is_reference;
        let present = if lower_implied {
            implied.low.is_some()
        } else {
            implied.high.is_some()
        };
        present.then(|| {
            (
                if lower_implied { "lower" } else { "upper" },
                unstated_end_words(self.claim.relation, end, upper),
            )
        })
    }

    /// The interval the claim allows the missing side, from the side that is stored;
    /// `None` when the reference is not a figure anyone would publish (a target, a
    /// record) or the claim bounds it on neither side.
    fn implied(&self, missing: &Side) -> Option<Implied> {
        if matches!(self.claim.reference, Reference::Target | Reference::Record) {
            return None;
        }
        let allowed = self.allowed_quotient();
        let missing_is_reference = self.subject.figure.is_some();
        let known_side = if missing_is_reference {
            self.subject
        } else {
            self.reference
        };
        let known = known_side.figure?;
        let k = known.bounds().scale(self.factor(&known_side));
        let open = |v: f64| Some(v).filter(|v| v.is_finite() && *v > 0.0);
        // subject = reference × quotient, so reference = subject / quotient.
        let (low, high) = if missing_is_reference {
            (open(k.low / allowed.high), open(k.high / allowed.low))
        } else {
            (open(k.low * allowed.low), open(k.high * allowed.high))
        };
        let back = 1.0 / self.factor(missing);
        let product = if missing_is_reference && self.claim.reference == Reference::Whole {
            "total"
        } else {
            &self.claim.product
        };
        let (low, high) = (low.map(|v| v * back), high.map(|v| v * back));
        (low.is_some() || high.is_some()).then(|| Implied {
            product: product.to_owned(),
            period: missing.period,
            low,
            high,
        })
    }

    fn result(
        &self,
        verdict: Verdict,
        computed: Option<f64>,
        bounds: Option<Bounds>,
        figures: Vec<Observation>,
    ) -> ClaimCheck {
        ClaimCheck {
            claim: self.claim.clone(),
            verdict,
            computed,
            computed_low: bounds.map(|b| b.low),
            computed_high: bounds.map(|b| b.high),
            implied: None,
            points_against: false,
            explanation: String::new(),
            figures,
        }
    }
}

/// A record: the figure against every other of its series over as long a period.
fn check_record(
    claim: &Claim,
    indicator: &Indicator,
    own: &[&Observation],
    subject: Option<&Observation>,
) -> ClaimCheck {
    let unit = &indicator.unit;
    let others = same_length_others(own, claim, subject);
    let high = claim.relation == Relation::RecordHigh;
    let base = ClaimCheck {
        claim: claim.clone(),
        verdict: Verdict::Unverifiable,
        computed: None,
        computed_low: None,
        computed_high: None,
        implied: None,
        points_against: false,
        explanation: String::new(),
        figures: subject.into_iter().cloned().collect(),
    };
    let Some(s) = subject else {
        return ClaimCheck {
            explanation: format!("No figure for {} is given.", period_words(&claim.period)),
            ..base
        };
    };
    let nearest = if high {
        others.iter().max_by(|a, b| a.value.total_cmp(&b.value))
    } else {
        others.iter().min_by(|a, b| a.value.total_cmp(&b.value))
    };
    let Some(&nearest) = nearest else {
        return ClaimCheck {
            explanation: format!(
                "{} is the only figure over {} given, so there is nothing to compare it with.",
                capitalise(&figure_words(s, unit)),
                claim.period.length_text()
            ),
            ..base
        };
    };
    // Above every other for sure, or below one for sure.
    let beats = |o: &Observation| if high { s.low > o.high } else { s.high < o.low };
    let beaten = |o: &Observation| if high { o.low > s.high } else { o.high < s.low };
    let verdict = if others.iter().all(|o| beats(o)) {
        Verdict::Supported
    } else if others.iter().any(|o| beaten(o)) {
        Verdict::Contradicted
    } else {
        Verdict::Plausible
    };
    let quotient = s.bounds().ratio(nearest.bounds());
    let (above, side) = if high {
        ("above", "highest")
    } else {
        ("below", "lowest")
    };
    let others_words = match others.len() {
        1 => format!(
            "the one other figure over {} given ({})",
            claim.period.length_text(),
            figure_words(nearest, unit)
        ),
        n => format!(
            "all {n} other figures over {} given, the {side} of them {}",
            claim.period.length_text(),
            figure_words(nearest, unit)
        ),
    };
    let subject = capitalise(&figure_words(s, unit));
    let words = quoted(&claim.text);
    // Too close to tell, but as published on the wrong side of the nearest other.
    let points_against = verdict == Verdict::Plausible
        && if high {
            s.value < nearest.value
        } else {
            s.value > nearest.value
        };
    let explanation = match verdict {
        Verdict::Supported => format!("{subject} is {above} {others_words}, as {words} says."),
        Verdict::Contradicted => format!(
            "{subject} is not {above} {}, as {words} would need.",
            figure_words(
                others
                    .iter()
                    .copied()
                    .find(|o| beaten(o))
                    .unwrap_or(nearest),
                unit
            )
        ),
        _ if points_against => format!(
            "{subject} and {} are too close to tell whether {words} holds, though as \
             published the first is the {}.",
            figure_words(nearest, unit),
            if high { "lower" } else { "higher" }
        ),
        _ => format!(
            "{subject} and {} are too close to tell whether {words} holds.",
            figure_words(nearest, unit)
        ),
    };
    let mut figures = vec![s.clone()];
    figures.extend(others.iter().map(|&o| o.clone()));
    ClaimCheck {
        verdict,
        points_against,
        computed: Some((s.value / nearest.value - 1.0) * 100.0),
        computed_low: quotient.map(|q| (q.low - 1.0) * 100.0),
        computed_high: quotient.map(|q| (q.high - 1.0) * 100.0),
        explanation,
        figures,
        ..base
    }
}

/// Room for the float noise of a quotient: "a 2% increase" on figures that make it
/// 1.0199999999 is still 2 %.
const TOLERANCE: f64 = 1e-9;

fn verdict(computed: Bounds, allowed: Bounds) -> Verdict {
    let slack = |v: f64| TOLERANCE * v.abs().max(1.0);
    let inside = computed.low >= allowed.low - slack(allowed.low)
        && computed.high <= allowed.high + slack(allowed.high);
    let apart = computed.high < allowed.low - slack(allowed.low)
        || computed.low > allowed.high + slack(allowed.high);
    if inside {
        Verdict::Supported
    } else if apart {
        Verdict::Contradicted
    } else {
        Verdict::Plausible
    }
}

/// Greater (or less): the quotient surely above 1 supports it, surely not above 1
/// contradicts it.
fn strict_verdict(quotient: Bounds, greater: bool) -> Verdict {
    let (low, high) = if greater {
        (quotient.low, quotient.high)
    } else {
        (1.0 / quotient.high, 1.0 / quotient.low)
    };
    if low > 1.0 + TOLERANCE {
        Verdict::Supported
    } else if high <= 1.0 + TOLERANCE {
        Verdict::Contradicted
    } else {
        Verdict::Plausible
    }
}

impl crate::store::Store {
    /// The claims [`Store::claims_of`](crate::store::Store::claims_of) lists for `pair`
    /// (either direction), each checked against the stored figures of its own pair.
    ///
    /// ```
    /// use bilateral::analysis::Verdict;
    /// use bilateral::PairFilter;
    ///
    /// let store = bilateral::Store::demo()?;
    /// let checks = store.claim_checks_of(&PairFilter::between("AZE", "KAZ"))?;
    /// let sixfold = checks.iter().find(|c| c.claim.text == "surged sixfold").unwrap();
    /// assert_eq!(sixfold.verdict, Verdict::Supported); // 4.5 / 0.8 = 5.625, within 5.5 to 6.5
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn claim_checks_of(
        &self,
        pair: &crate::store::PairFilter,
    ) -> crate::Result<Vec<ClaimCheck>> {
        let claims = self.claims_of(pair)?;
        let indicators: std::collections::HashMap<String, Indicator> = self
            .indicators()?
            .into_iter()
            .map(|i| (i.code.clone(), i))
            .collect();
        let mut figures: std::collections::HashMap<(String, String), Vec<Observation>> =
            std::collections::HashMap::new();
        let mut checks = Vec::with_capacity(claims.len());
        for claim in &claims {
            let key = (claim.origin.clone(), claim.destination.clone());
            if !figures.contains_key(&key) {
                let between = self.observations_between(&claim.origin, &claim.destination)?;
                figures.insert(key.clone(), between);
            }
            checks.push(check_claim(
                claim,
                &indicators[&claim.indicator],
                &figures[&key],
            ));
        }
        Ok(checks)
    }

    /// The claims [`Store::claims`](crate::store::Store::claims) lists for `a` and `b`,
    /// each checked against the stored figures.
    #[deprecated(
        since = "0.2.0",
        note = "use `Store::claim_checks_of(&PairFilter { a, b })` (`PairFilter::between`, `::involving`, `::any`)"
    )]
    pub fn check_claims(&self, a: Option<&str>, b: Option<&str>) -> crate::Result<Vec<ClaimCheck>> {
        self.claim_checks_of(&crate::store::PairFilter {
            a: a.map(str::to_owned),
            b: b.map(str::to_owned),
        })
    }
}
