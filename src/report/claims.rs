//! The section "What the figures say about the claims": each claim the store holds for
//! the pair, quoted, with its verdict and one line on why, citing the figures it was
//! checked against; and a table of the same. An implied figure is shown as a range
//! labelled implied, never as a figure and never as a base for growth.

use super::findings::{Finding, FindingKind, FindingSeverity};
use super::gather::Gathered;
use super::notes::Notes;
use super::tables::period_cells;
use super::{Cell, Column, Section, Sentence, Table};
use crate::analysis::{check_claim, implied_observation, ClaimCheck, Verdict};
use crate::model::{Claim, Observation, Reference, Relation};
use crate::words::claims::{central_words, change_range_words, range_words, round_sig, trim};
use crate::words::numbers::round_toward;
use crate::words::phrases::capitalise;
use crate::words::{period_short, period_words};

/// The id of the claims section (its heading is [`TITLE`]).
pub(super) const ID: &str = "claims";

/// The heading of the claims section.
pub(super) const TITLE: &str = "What the figures say about the claims";

/// Every claim of the pair checked against its figures, in the order of the report's
/// sections and series, then by period.
pub(super) fn checks(data: &Gathered) -> Vec<ClaimCheck> {
    let mut claims: Vec<&Claim> = data.claims.iter().collect();
    claims.sort_by_key(|c| {
        let indicator = data.indicator(&c.indicator);
        (
            data.topic_position(&indicator.topic),
            c.product != "total",
            indicator.directed,
            &c.indicator,
            c.origin != data.pair.a.alpha3,
            &c.product,
            c.period.end(),
            c.period.start(),
        )
    });
    claims
        .into_iter()
        .map(|claim| check_claim(claim, data.indicator(&claim.indicator), &data.observations))
        .collect()
}

/// The ranges the claims imply for figures nobody published, as estimate rows.
pub(super) fn implied_rows(data: &Gathered, checks: &[ClaimCheck]) -> Vec<Observation> {
    checks
        .iter()
        .filter_map(|c| implied_observation(c, data.indicator(&c.claim.indicator)))
        .collect()
}

/// The claims section, or `None` when the store holds no claim for the pair.
pub(super) fn section(
    data: &Gathered,
    notes: &mut Notes,
    checks: &[ClaimCheck],
) -> Option<Section> {
    if checks.is_empty() {
        return None;
    }
    let mut sentences = vec![Sentence {
        text: tally(checks),
        notes: Vec::new(),
    }];
    let mut rows = Vec::new();
    for check in checks {
        let claim = &check.claim;
        let subject = data.pair.subject_of(
            data.indicator(&claim.indicator),
            &claim.origin,
            &claim.destination,
            &claim.product,
        );
        let cited = check
            .figures
            .iter()
            .map(|figure| notes.cite(&subject, figure))
            .collect();
        let against = against_words(claim);
        let verdict = if check.points_against {
            "plausible, but the figures point against it"
        } else {
            check.verdict.code()
        };
        sentences.push(Sentence {
            text: format!(
                "“{}” ({subject}, {} against {against}): {verdict}. {}",
                claim.text,
                period_words(&claim.period),
                check.explanation
            ),
            notes: cited,
        });
        let number = |v: Option<f64>| v.map_or(Cell::Empty, Cell::Number);
        let [period, period_code] = period_cells(&claim.period);
        rows.push(vec![
            Cell::Text(claim.text.clone()),
            Cell::Text(subject),
            period,
            period_code,
            Cell::Text(match claim.reference {
                Reference::Period(p) => period_short(&p),
                _ => against,
            }),
            Cell::Text(check.verdict.code().to_owned()),
            Cell::Text(claim.relation.code().to_owned()),
            number(check.computed),
            number(check.computed_low),
            number(check.computed_high),
            number(check.implied.as_ref().and_then(|i| i.low)),
            number(check.implied.as_ref().and_then(|i| i.high)),
            Cell::Text(check.explanation.clone()),
            claim.source.clone().map_or(Cell::Empty, Cell::Text),
            claim.quote.clone().map_or(Cell::Empty, Cell::Text),
        ]);
    }
    let columns = [
        ("claim", true),
        ("series", true),
        ("period", true),
        ("period code", false),
        ("against", true),
        ("verdict", true),
        ("relation", false),
        ("computed", false),
        ("computed_low", false),
        ("computed_high", false),
        ("implied_low", false),
        ("implied_high", false),
        ("explanation", false),
        ("source", false),
        ("quote", false),
    ];
    Some(Section {
        id: ID.to_owned(),
        title: TITLE.to_owned(),
        sentences,
        tables: vec![Table {
            title: "Claims".to_owned(),
            columns: Column::list(&columns),
            rows,
            footnote: None,
        }],
        charts: Vec::new(),
    })
}

/// What a claim sets its figure against, in words.
fn against_words(claim: &Claim) -> String {
    match claim.reference {
        Reference::Period(p) => period_words(&p),
        Reference::Record if claim.period.is_calendar_year() => {
            "the other years on record".to_owned()
        }
        Reference::Record => format!(
            "the other periods of {} on record",
            claim.period.length_text()
        ),
        Reference::Target => "its target".to_owned(),
        Reference::Whole => "the total".to_owned(),
    }
}

/// "Of the 13 claims about the pair, the figures support 5, contradict 1, allow 2
/// but point against them, allow 1 without showing it, and cannot check 4, for want of
/// a figure." A count of none is left out, but for support, and for contradict when
/// nothing is pointed against either: "contradict none" is said only when it is the
/// whole truth.
fn tally(checks: &[ClaimCheck]) -> String {
    let count = |verdict, against| {
        checks
            .iter()
            .filter(|c| c.verdict == verdict && c.points_against == against)
            .count()
    };
    let number = |n: usize| match n {
        0 => "none".to_owned(),
        n => n.to_string(),
    };
    let them = |n: usize| if n == 1 { "it" } else { "them" };
    let total = match checks.len() {
        1 => "the one claim".to_owned(),
        n => format!("the {n} claims"),
    };
    let contradicted = count(Verdict::Contradicted, false);
    let against = count(Verdict::Plausible, true);
    let allowed = count(Verdict::Plausible, false);
    let unchecked = count(Verdict::Unverifiable, false);
    let mut parts = vec![format!(
        "support {}",
        number(count(Verdict::Supported, false))
    )];
    if contradicted > 0 || against == 0 {
        parts.push(format!("contradict {}", number(contradicted)));
    }
    if against > 0 {
        parts.push(format!(
            "allow {against} but point against {}",
            them(against)
        ));
    }
    if allowed > 0 {
        parts.push(format!("allow {allowed} without showing {}", them(allowed)));
    }
    if unchecked > 0 {
        parts.push(format!("cannot check {unchecked}, for want of a figure"));
    }
    let last = parts.pop().unwrap_or_default();
    let list = match parts.len() {
        0 => last,
        1 => format!("{} and {last}", parts[0]),
        _ => format!("{}, and {last}", parts.join(", ")),
    };
    format!("Of {total} about the pair, the figures {list}.")
}

/// `text` with its first letter in lower case, to follow a comma.
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The claim findings: each claim the figures contradict (severity high), and each they
/// allow but point against (medium), in the section of its series and in the claims
/// section.
///
/// "The figures contradict “steady upward trajectory” (Trade turnover, 2024 against
/// 2023): they show a fall of 4.2 %."; "“continues to grow” (…, January–August 2025
/// against 2024) is plausible, but the pace of January–August 2025 suggests a fall of
/// 3.6 % (between 9.0 % lower and 1.8 % higher)": part of a year set against a whole one
/// is compared at its pace, and the finding says so.
pub(super) fn findings(data: &Gathered, notes: &mut Notes, checks: &[ClaimCheck]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for check in checks {
        let (kind, severity) = match check.verdict {
            Verdict::Contradicted => (FindingKind::ClaimContradicted, FindingSeverity::High),
            Verdict::Plausible if check.points_against => {
                (FindingKind::ClaimUndercut, FindingSeverity::Medium)
            }
            _ => continue,
        };
        let claim = &check.claim;
        let indicator = data.indicator(&claim.indicator);
        let subject =
            data.pair
                .subject_of(indicator, &claim.origin, &claim.destination, &claim.product);
        let which = format!(
            "“{}” ({subject}, {} against {})",
            claim.text,
            period_words(&claim.period),
            against_words(claim)
        );
        // Part of a year against a whole year is compared at its pace, and says so.
        let by = match claim.reference {
            Reference::Period(reference)
                if claim.period.months().is_some_and(|m| m < 12)
                    && reference.months() == Some(12) =>
            {
                format!("the pace of {}", period_words(&claim.period))
            }
            _ => "the figures".to_owned(),
        };
        let text = match (kind, shown_words(check)) {
            (FindingKind::ClaimContradicted, Some(shown)) if by == "the figures" => {
                format!("The figures contradict {which}: they show {shown}.")
            }
            (FindingKind::ClaimContradicted, Some(shown)) => {
                format!("{} contradicts {which}: it shows {shown}.", capitalise(&by))
            }
            (FindingKind::ClaimContradicted, None) => {
                format!("The figures contradict {which}. {}", check.explanation)
            }
            (_, Some(shown)) => {
                let verb = if by == "the figures" {
                    "suggest"
                } else {
                    "suggests"
                };
                format!("{which} is plausible, but {by} {verb} {shown}.")
            }
            (_, None) => format!(
                "{which} is plausible, but {}",
                lowercase_first(&check.explanation)
            ),
        };
        let mut finding = Finding::new(kind, severity, text)
            .in_section(indicator.topic.code())
            .in_section(ID);
        for figure in &check.figures {
            finding = finding.cite(notes, &subject, figure);
        }
        findings.push(finding);
    }
    findings
}

/// What the figures make of a claim's comparison, its central value first and its
/// interval after when that reads wider: "a fall of 3.6 % (between 9.0 % lower and
/// 1.8 % higher)", "2.1 times as much", "a share of 18.4 % (between 18.3 % and 18.5
/// %)". `None` for a record, whose explanation says it better.
fn shown_words(check: &ClaimCheck) -> Option<String> {
    let relation = check.claim.relation;
    let (point, low, high) = (check.computed?, check.computed_low?, check.computed_high?);
    // The interval, where it reads wider than the central value: "between 1.93 and 5.8",
    // "down 3.0 % to 5.1 %", "between 9.0 % lower and 1.8 % higher".
    let (central, range) = match relation {
        Relation::RecordHigh | Relation::RecordLow => return None,
        Relation::Ratio => (
            format!("{} as much", central_words(relation, point)),
            Some(range_words(point, low, high, |v, how| {
                trim(round_sig(v, 3, how))
            }))
            .filter(|r| r.starts_with("between"))
            .map(|r| format!("{r} times")),
        ),
        Relation::Share => (
            format!("a share of {}", central_words(relation, point)),
            Some(range_words(point, low, high, |v, how| {
                format!("{} %", trim(round_toward(v, 1, how)))
            }))
            .filter(|r| r.starts_with("between")),
        ),
        _ => (
            central_words(relation, point),
            Some(change_range_words(point, low, high))
                .filter(|r| r.starts_with("between") || r.contains(" to ")),
        ),
    };
    Some(match range {
        Some(range) => format!("{central} ({range})"),
        None => central,
    })
}
