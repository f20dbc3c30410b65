//! Findings: what the figures say that a reader should hear first, as against the
//! figures themselves. Each is one or two sentences an editor would sign, of a
//! [`FindingKind`] and a [`FindingSeverity`], citing the notes of the figures it rests
//! on; the strongest lead the Summary, and each also sits in the section (or sections)
//! of the figures it concerns.
//!
//! The composers are pure functions of the gathered data, each small and each in the
//! file of what it is about: [`consistency`] here (the errors and warnings of
//! [`crate::analysis::consistency::check`] and of the claims' implied figures, as
//! `Store::check` gives them), [`records`] here, and the claim findings in `claims.rs`.
//! [`rank`] orders them and marks the Summary's. A new kind of finding is a variant of
//! [`FindingKind`] (with its code) and a composer that returns
//! `Finding::new(kind, severity, text).cite(…).in_section(…)` for each case, called
//! from `compose.rs` before [`rank`].

use serde::{Deserialize, Serialize};

use super::gather::{Gathered, SeriesKey};
use super::notes::Notes;
use crate::analysis::consistency::{self, Check, Severity};
use crate::analysis::{implied_rest_of_year, ClaimCheck};
use crate::model::{Kind, Observation, Status};
use crate::period::Period;
use crate::words::format_value;
use crate::words::phrases::is_plural;

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FindingKind {
    /// Figures of one series that cannot all be true (a part of a year above the year,
    /// two sources apart), or that deserve a second look (a target already reached, a
    /// claim that leaves an implausible rest of its year): the errors and warnings of
    /// `Store::check`. Its notes are not findings.
    Consistency,
    /// A claim the figures contradict: what they make of it lies outside what its words
    /// allow.
    ClaimContradicted,
    /// A claim the figures allow but point against: its verdict is plausible, and the
    /// central value of the comparison lies on the other side of what it says
    /// ("continues to grow" on figures that centrally fell 3.6 %).
    ClaimUndercut,
    /// A flow reported from both ends (A's exports to B, B's imports from A) whose two
    /// figures differ by more than the usual valuation and timing gap.
    MirrorGap,
    /// A series' latest yearly figure that is surely the highest or lowest of at least
    /// [`RECORD_MIN_YEARS`] years stored.
    Record,
}

impl FindingKind {
    /// `consistency`, `claim_contradicted`, `claim_undercut`, `mirror_gap` or `record`.
    pub fn code(self) -> &'static str {
        match self {
            FindingKind::Consistency => "consistency",
            FindingKind::ClaimContradicted => "claim_contradicted",
            FindingKind::ClaimUndercut => "claim_undercut",
            FindingKind::MirrorGap => "mirror_gap",
            FindingKind::Record => "record",
        }
    }
}

/// How much a finding matters to a reader; high sorts first.
///
/// The rule: `high` for figures that cannot all be true (a consistency error) and for
/// a claim the figures contradict; `medium` for what deserves a second look (a
/// consistency warning), a claim the figures allow but point against, and a large
/// mirror gap; `low` for a record, a fact worth knowing that nothing contradicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FindingSeverity {
    /// Something in the figures or the claims about them is wrong.
    High,
    /// Possible, but worth checking before repeating.
    Medium,
    /// Worth knowing.
    Low,
}

impl FindingSeverity {
    /// `high`, `medium` or `low`.
    pub fn code(self) -> &'static str {
        match self {
            FindingSeverity::High => "high",
            FindingSeverity::Medium => "medium",
            FindingSeverity::Low => "low",
        }
    }
}

/// A stored figure a finding cites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindingFigure {
    /// Indicator code.
    pub indicator: String,
    /// Origin, alpha-3 (for an undirected indicator, the first of the pair).
    pub origin: String,
    /// Destination, alpha-3.
    pub destination: String,
    /// Product code.
    pub product: String,
    /// The period.
    pub period: Period,
    /// The value, as stored.
    pub value: f64,
    /// Its lower bound.
    pub low: f64,
    /// Its upper bound.
    pub high: f64,
    /// Its unit.
    pub unit: String,
    /// Its status.
    pub status: Status,
    /// The number of its note.
    pub note: usize,
}

/// One finding of a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// What it is about.
    pub kind: FindingKind,
    /// How much it matters (see [`FindingSeverity`] for the rule).
    pub severity: FindingSeverity,
    /// The finding in words.
    pub text: String,
    /// Numbers of the notes it cites, in the order of `figures`.
    pub notes: Vec<usize>,
    /// The stored figures it cites. A figure only implied (by a claim) is in the text,
    /// never here.
    pub figures: Vec<FindingFigure>,
    /// The ids of the sections it sits in, next to the figures it concerns (a claim's
    /// finding also in the claims section).
    pub sections: Vec<String>,
    /// True for the strongest few, which lead the Summary.
    pub summary: bool,
}

impl Finding {
    /// A finding of `kind` and `severity` saying `text`, citing nothing yet: add its
    /// figures with [`Finding::cite`] and its sections with [`Finding::in_section`].
    pub(super) fn new(kind: FindingKind, severity: FindingSeverity, text: String) -> Finding {
        Finding {
            kind,
            severity,
            text,
            notes: Vec::new(),
            figures: Vec::new(),
            sections: Vec::new(),
            summary: false,
        }
    }

    /// Cites `obs`, described as `subject`, as the report's notes number it.
    pub(super) fn cite(mut self, notes: &mut Notes, subject: &str, obs: &Observation) -> Finding {
        let note = notes.cite(subject, obs);
        if !self.notes.contains(&note) {
            self.notes.push(note);
            self.figures.push(FindingFigure {
                indicator: obs.indicator.clone(),
                origin: obs.origin.clone(),
                destination: obs.destination.clone(),
                product: obs.product.clone(),
                period: obs.period,
                value: obs.value,
                low: obs.low,
                high: obs.high,
                unit: obs.unit.clone(),
                status: obs.status,
                note,
            });
        }
        self
    }

    /// Places it in the section `id` too.
    pub(super) fn in_section(mut self, id: &str) -> Finding {
        if !self.sections.iter().any(|s| s == id) {
            self.sections.push(id.to_owned());
        }
        self
    }
}

/// How many findings lead the Summary, at most.
pub const SUMMARY_FINDINGS: usize = 3;

/// How many yearly figures a series needs before its latest can be called a record:
/// with fewer, the highest of a handful of years is not news.
pub const RECORD_MIN_YEARS: usize = 5;

/// `findings` in order of strength (severity, then kind in the order of
/// [`FindingKind`], then the order of the report's sections, then as composed), each
/// keeping only the sections the report has, the first [`SUMMARY_FINDINGS`] marked for
/// the Summary, skipping one that cites the same figures as one already marked (two
/// claims about the same comparison).
pub(super) fn rank(mut findings: Vec<Finding>, section_ids: &[&str]) -> Vec<Finding> {
    let position = |f: &Finding| {
        f.sections
            .iter()
            .filter_map(|s| section_ids.iter().position(|id| id == s))
            .min()
            .unwrap_or(section_ids.len())
    };
    for f in &mut findings {
        f.sections.retain(|s| section_ids.contains(&s.as_str()));
    }
    findings.sort_by_key(|f| (f.severity, f.kind, position(f)));
    let mut chosen: Vec<Vec<usize>> = Vec::new();
    for f in &mut findings {
        if chosen.len() == SUMMARY_FINDINGS {
            break;
        }
        let mut cited = f.notes.clone();
        cited.sort_unstable();
        if cited.is_empty() || !chosen.contains(&cited) {
            chosen.push(cited);
            f.summary = true;
        }
    }
    findings
}

/// The section a series' figures sit in: its indicator's topic.
fn section_of(data: &Gathered, indicator: &str) -> String {
    data.indicator(indicator).topic.code().to_owned()
}

/// Consistency findings: the errors and warnings `Store::check` would give for the
/// pair, from the gathered figures and the claims checked against them (its info
/// notes, such as a projection beyond the series' history, are not findings). A
/// warning about a claim's implied figure sits in the claims section too.
pub(super) fn consistency(
    data: &Gathered,
    notes: &mut Notes,
    checks: &[ClaimCheck],
) -> Vec<Finding> {
    let all = consistency::ordered(
        consistency::check(&data.observations, &data.indicators)
            .into_iter()
            .chain(implied_rest_of_year(
                checks,
                &data.observations,
                &data.indicators,
            )),
    );
    let mut findings = Vec::new();
    for found in all {
        let severity = match found.severity {
            Severity::Error => FindingSeverity::High,
            Severity::Warning => FindingSeverity::Medium,
            Severity::Info => continue,
        };
        let subject = data.pair.subject_of(
            data.indicator(&found.indicator),
            &found.origin,
            &found.destination,
            &found.product,
        );
        let mut finding = Finding::new(
            FindingKind::Consistency,
            severity,
            format!("{subject}: {}", after_colon(&found.explanation)),
        )
        .in_section(&section_of(data, &found.indicator));
        if found.check == Check::ImpliedRestOfYear {
            // The figures the claim rests on first: its implied figure is theirs.
            for check in claims_implying(checks, &found) {
                for obs in &check.figures {
                    finding = finding.cite(notes, &subject, obs);
                }
            }
            finding = finding.in_section(super::claims::ID);
        }
        for obs in cited_by(data, &found) {
            finding = finding.cite(notes, &subject, obs);
        }
        findings.push(finding);
    }
    findings
}

/// The claims that imply a figure of the series of `found` for one of its periods.
fn claims_implying<'a>(
    checks: &'a [ClaimCheck],
    found: &'a consistency::Finding,
) -> impl Iterator<Item = &'a ClaimCheck> + 'a {
    checks.iter().filter(move |c| {
        c.claim.indicator == found.indicator
            && c.claim.origin == found.origin
            && c.claim.destination == found.destination
            && c.implied
                .as_ref()
                .is_some_and(|i| i.product == found.product && found.periods.contains(&i.period))
    })
}

/// The stored figures a consistency finding names: for each of its periods, the
/// series' figure whose words are the finding's words for it (a figure only implied
/// has none).
fn cited_by<'a>(data: &'a Gathered, found: &consistency::Finding) -> Vec<&'a Observation> {
    let words: Vec<&str> = found.figures.split("; ").collect();
    found
        .periods
        .iter()
        .zip(words)
        .filter_map(|(period, words)| {
            data.observations.iter().find(|o| {
                o.indicator == found.indicator
                    && o.origin == found.origin
                    && o.destination == found.destination
                    && o.product == found.product
                    && o.period == *period
                    && format_value(o.value, &o.unit, o.qualifier) == words
            })
        })
        .collect()
}

/// Record findings: for each series of a flow, its latest yearly figure (a calendar
/// year, measured or provisional) when it is surely above (or below) each of at least
/// [`RECORD_MIN_YEARS`]` − 1` other yearly figures of the series, by their bounds.
///
/// Conservative by design: stocks are left out (a cumulative stock is at its highest
/// every year), as are estimates, targets, projections and plans, periods other than
/// calendar years, and a figure whose bounds overlap another's.
pub(super) fn records(data: &Gathered, keys: &[SeriesKey], notes: &mut Notes) -> Vec<Finding> {
    let mut findings = Vec::new();
    for key in keys {
        let indicator = data.indicator(&key.indicator);
        if indicator.kind != Kind::Flow {
            continue;
        }
        let series = data.series(indicator, &key.origin, &key.destination, &key.product, None);
        let years: Vec<&Observation> = series
            .observations
            .iter()
            .filter(|o| o.period.is_calendar_year())
            .filter(|o| matches!(o.status, Status::Actual | Status::Provisional))
            .collect();
        let Some((&latest, earlier)) = years.split_last() else {
            continue;
        };
        if years.len() < RECORD_MIN_YEARS {
            continue;
        }
        let highest = earlier.iter().all(|o| latest.low > o.high);
        let lowest = earlier.iter().all(|o| latest.high < o.low);
        let runner_up = if highest {
            earlier.iter().max_by(|a, b| a.value.total_cmp(&b.value))
        } else if lowest {
            earlier.iter().min_by(|a, b| a.value.total_cmp(&b.value))
        } else {
            None
        };
        let Some(&runner_up) = runner_up else {
            continue;
        };
        let subject = data.pair.subject(&series);
        // Both figures in one scale, at the prose's precision; the verb agrees.
        let shown = data.prose_alike(&[latest, runner_up]);
        let text = format!(
            // "the 9 years with figures from 2015 to 2024": a year missing in between is
            // not counted as if it were there
            "{subject} in {} ({}) {} the {} of the {} years with figures from {} to {}, {} \
             the {} of {}.",
            latest.period,
            shown[0],
            if is_plural(&subject) { "were" } else { "was" },
            if highest { "highest" } else { "lowest" },
            years.len(),
            years[0].period,
            latest.period,
            if highest { "above" } else { "below" },
            shown[1],
            runner_up.period,
        );
        findings.push(
            Finding::new(FindingKind::Record, FindingSeverity::Low, text)
                .cite(notes, &subject, latest)
                .cite(notes, &subject, runner_up)
                .in_section(&section_of(data, &key.indicator)),
        );
    }
    findings
}

/// `sentence` to follow a colon: its first word in lower case when it is a word that
/// only a sentence's start capitalises ("If", "The"), never a name ("January").
fn after_colon(sentence: &str) -> String {
    const FUNCTION_WORDS: [&str; 10] = [
        "If", "The", "A", "An", "At", "In", "On", "For", "From", "Of",
    ];
    let first = sentence.split_whitespace().next().unwrap_or("");
    if FUNCTION_WORDS.contains(&first) {
        let mut chars = sentence.chars();
        chars
            .next()
            .map(|c| c.to_lowercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        sentence.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::after_colon;

    #[test]
    fn only_a_function_word_loses_its_capital_after_a_colon() {
        assert_eq!(after_colon("If it holds, more."), "if it holds, more.");
        assert_eq!(
            after_colon("January–August 2024 was low."),
            "January–August 2024 was low."
        );
        assert_eq!(after_colon("Iffy words stay."), "Iffy words stay.");
    }
}
