//! Checking claims against the figures: what a claim's words allow, what the stored
//! figures make of the same relation, the verdict, one line of explanation, and for a
//! claim about a figure nobody published, the interval the claim implies for it.
//!
//! An implied interval is never a figure: it is not stored, and nothing computes growth
//! from it. [`implied_observation`] turns one into an estimate row for callers who ask.

use serde::{Deserialize, Serialize};

use crate::analysis::consistency::{Check, Finding};
use crate::model::{
    Bounds, Claim, Indicator, Kind, Observation, Qualifier, Reference, Relation, Status,
};
use crate::period::Period;
use crate::words::numbers::{
    format_derived_toward, round_for_reading_toward, round_toward, Rounding,
};
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
fn figure_at<'a>(
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
        let mut explanation = capitalised(&self.comparison_words(s, r, point, quotient));
        explanation.push_str(&self.verdict_words(verdict));
        ClaimCheck {
            explanation,
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

    /// ", within the 3 to 4 times “more than tripling” allows." and the like.
    fn verdict_words(&self, verdict: Verdict) -> String {
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
            _ => format!("; {words} says {allows}, which the figures allow but do not show."),
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
                format!("No target for {} is stored", period_words(&missing.period))
            }
            Reference::Record if self.reference.figure.is_none() => format!(
                "No figure of the same length before {} is stored",
                period_words(&self.claim.period)
            ),
            Reference::Whole if self.reference.figure.is_none() => {
                format!("No total for {} is stored", period_words(&missing.period))
            }
            _ => format!("No figure for {} is stored", period_words(&missing.period)),
        };
        let implied = known.and_then(|_| self.implied(&missing));
        let mut explanation = what;
        if let Some(implied) = &implied {
            explanation.push_str(&format!(
                "; if {} holds, it was {} (implied, not published).",
                quoted(&self.claim.text),
                implied_words(implied, unit)
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
        explanation: String::new(),
        figures: subject.into_iter().cloned().collect(),
    };
    let Some(s) = subject else {
        return ClaimCheck {
            explanation: format!("No figure for {} is stored.", period_words(&claim.period)),
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
                "{} is the only figure over {} stored, so there is nothing to compare it with.",
                capitalised(&figure_words(s, unit)),
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
            "the one other figure over {} stored ({})",
            claim.period.length_text(),
            figure_words(nearest, unit)
        ),
        n => format!(
            "all {n} other figures over {} stored, the {side} of them {}",
            claim.period.length_text(),
            figure_words(nearest, unit)
        ),
    };
    let subject = capitalised(&figure_words(s, unit));
    let words = quoted(&claim.text);
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
        _ => format!(
            "{subject} and {} are too close to tell whether {words} holds.",
            figure_words(nearest, unit)
        ),
    };
    let mut figures = vec![s.clone()];
    figures.extend(others.iter().map(|&o| o.clone()));
    ClaimCheck {
        verdict,
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

/// What a claim's number allows, in words: "3 to 4 times", "+2 %", "17.5 % to 22.5 %".
fn allowed_words(claim: &Claim) -> String {
    let Some(a) = claim.allowed else {
        return String::new();
    };
    let show = |v: f64| match claim.relation {
        Relation::Ratio => trim(v),
        Relation::Pct => signed(trim(v)),
        _ => format!("{} %", trim(v)),
    };
    let range = if a.low == a.high {
        show(a.low)
    } else {
        format!("{} to {}", show(a.low), show(a.high))
    };
    match claim.relation {
        Relation::Ratio => format!("{range} times"),
        Relation::Pct if a.low == a.high => format!("{range} %"),
        Relation::Pct => format!("{} % to {} %", signed(trim(a.low)), signed(trim(a.high))),
        _ => range,
    }
}

/// "$547.6 million in January–August 2025".
fn figure_words(o: &Observation, unit: &str) -> String {
    format!(
        "{} in {}",
        format_value(o.value, unit, o.qualifier),
        period_words(&o.period)
    )
}

/// An implied interval in words, each end rounded outwards as derived figures are read:
/// "between $136.9 million and $182.6 million", "below $182.6 million", "about 2.549
/// million t" when the ends meet.
fn implied_words(implied: &Implied, unit: &str) -> String {
    let down = |v: f64| format_derived_toward(v, unit, Rounding::Down);
    let up = |v: f64| format_derived_toward(v, unit, Rounding::Up);
    match (implied.low, implied.high) {
        (Some(l), Some(h)) if format_derived(l, unit) == format_derived(h, unit) => {
            format!("about {}", format_derived(l, unit))
        }
        (Some(l), Some(h)) => format!("between {} and {}", down(l), up(h)),
        (Some(l), None) => format!("at least {}", down(l)),
        (None, Some(h)) => format!("at most {}", up(h)),
        (None, None) => "not bounded".to_owned(),
    }
}

/// "up 71.4 % to 76.1 %", "between 8.9 % lower and 1.8 % higher", "unchanged": a change
/// with its ends rounded outwards to one decimal.
fn change_range_words(point: f64, low: f64, high: f64) -> String {
    let lo = round_toward(low, 1, Rounding::Down);
    let hi = round_toward(high, 1, Rounding::Up);
    let pct = |v: f64| format!("{:.1} %", v.abs());
    if lo == hi || is_point(low, high) {
        let p = round_toward(point, 1, Rounding::Nearest);
        return match p {
            p if p > 0.0 => format!("up {}", pct(p)),
            p if p < 0.0 => format!("down {}", pct(p)),
            _ => "unchanged".to_owned(),
        };
    }
    if lo >= 0.0 {
        format!("up {} to {}", pct(lo), pct(hi))
    } else if hi <= 0.0 {
        format!("down {} to {}", pct(hi), pct(lo))
    } else {
        format!("between {} lower and {} higher", pct(lo), pct(hi))
    }
}

/// "5.625", or "between 2.9 and 3.2" when the interval reads wider than the point.
fn range_words(point: f64, low: f64, high: f64, show: impl Fn(f64, Rounding) -> String) -> String {
    let (l, h) = (show(low, Rounding::Down), show(high, Rounding::Up));
    if l == h || is_point(low, high) {
        show(point, Rounding::Nearest)
    } else {
        format!("between {l} and {h}")
    }
}

/// True when an interval is one value but for the float noise of its arithmetic.
fn is_point(low: f64, high: f64) -> bool {
    (high - low).abs() <= TOLERANCE * low.abs().max(1.0)
}

fn quoted(text: &str) -> String {
    format!("“{text}”")
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn signed(text: String) -> String {
    if text.starts_with('-') {
        text.replacen('-', "−", 1)
    } else {
        format!("+{text}")
    }
}

/// A number with no trailing zeros.
fn trim(v: f64) -> String {
    let text = format!("{v:.6}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// `v` rounded `way` to `digits` significant digits.
fn round_sig(v: f64, digits: i32, way: Rounding) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    round_toward(v, digits - 1 - v.abs().log10().floor() as i32, way)
}

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
        let monthly = |v: f64, way| format_derived_toward(v, unit, way);
        let sentence = if let Some((rest, part)) = faster {
            format!(
                "If {} holds, {} was at most {} ({} a month), so {} carried at least {} \
                 ({} a month) of the {} of {year}: a pace over {} times as fast.",
                quoted(&claim.text),
                period_words(&implied.period),
                format_derived_toward(part * months, unit, Rounding::Up),
                monthly(part, Rounding::Up),
                period_words(&rest_period),
                format_derived_toward(rest * rest_months, unit, Rounding::Down),
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
                format_derived_toward(rest.max(0.0) * rest_months, unit, Rounding::Up),
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
                    &format!("{} (implied)", implied_words(implied, unit)),
                )
                .explained(sentence),
        );
    }
    findings
}

impl crate::store::Store {
    /// The claims [`Store::claims`](crate::store::Store::claims) lists for `a` and `b`,
    /// each checked against the stored figures.
    ///
    /// ```
    /// use bilateral::analysis::Verdict;
    ///
    /// let store = bilateral::Store::demo()?;
    /// let checks = store.check_claims(Some("AZE"), Some("KAZ"))?;
    /// let sixfold = checks.iter().find(|c| c.claim.text == "surged sixfold").unwrap();
    /// assert_eq!(sixfold.verdict, Verdict::Supported); // 4.5 / 0.8 = 5.625, within 5.5 to 6.5
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn check_claims(&self, a: Option<&str>, b: Option<&str>) -> crate::Result<Vec<ClaimCheck>> {
        let claims = self.claims(a, b)?;
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

    /// What the stored claims imply about the figure of `indicator` from `origin` to
    /// `destination` for `period`, which the store does not have: one estimate row per
    /// claim that bounds it (see [`implied_observation`]). Reports never use these as
    /// a base for growth.
    ///
    /// ```
    /// let store = bilateral::Store::demo()?;
    /// let rows = store.implied("corridor_cargo", "AZE", "KAZ", "2024-01/2024-07")?;
    /// // "2.6 million tons … marking a 2% increase": 2,600,000 / 1.02 = 2,549,019.6…,
    /// // about 2.549 million t, between its roundings down and up
    /// assert_eq!((rows[0].value, rows[0].low, rows[0].high), (2_549_000.0, 2_549_000.0, 2_550_000.0));
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
            .check_claims(Some(&origin), Some(&destination))?
            .iter()
            .filter(|c| c.claim.indicator == indicator && same_pair(&c.claim))
            .filter(|c| c.implied.as_ref().is_some_and(|i| i.period == period))
            .filter_map(|c| implied_observation(c, &definition))
            .collect())
    }
}
