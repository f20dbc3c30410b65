//! Periods in words: `2024`, `January–August 2025`, `the first quarter of 2025`,
//! and the phrases that put them after a verb (`in 2024`, `on 17 May 2025`, `by March
//! 2025, counting from January 2005`).

use crate::model::Kind;
use crate::period::Period;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A period in words: `2024`, `January–August 2025`, `the first quarter of 2025`,
/// `17 May 2025`, `January 2005 – March 2025`.
///
/// ```
/// use bilateral::{words::period_words, Period};
///
/// let words = |text: &str| period_words(&text.parse::<Period>().unwrap());
/// assert_eq!(words("2025-01/2025-08"), "January–August 2025");
/// assert_eq!(words("2025-Q1"), "the first quarter of 2025");
/// assert_eq!(words("2005/2025-Q1"), "January 2005 – March 2025");
/// assert_eq!(words("2025-05-17"), "17 May 2025");
/// ```
pub fn period_words(period: &Period) -> String {
    words(period, false)
}

/// A period in the short words of a table cell, where a column is narrow: `Jan–Aug
/// 2025`, `Q1 2025`, `H2 2024`, `17 May 2025`, `Jan 2005 – Mar 2025`. The same
/// periods as [`period_words`], with months cut to three letters and quarters and
/// halves as `Q` and `H`.
///
/// ```
/// use bilateral::{words::period_short, Period};
///
/// let short = |text: &str| period_short(&text.parse::<Period>().unwrap());
/// assert_eq!(short("2025-01/2025-08"), "Jan–Aug 2025");
/// assert_eq!(short("2025-Q1"), "Q1 2025");
/// assert_eq!(short("2005/2025-Q1"), "Jan 2005 – Mar 2025");
/// ```
pub fn period_short(period: &Period) -> String {
    words(period, true)
}

fn words(period: &Period, short: bool) -> String {
    let (s, e) = (period.start(), period.end());
    let month = |d: time::Date| {
        let name = MONTHS[usize::from(u8::from(d.month())) - 1];
        if short {
            &name[..3]
        } else {
            name
        }
    };
    let day = |d: time::Date| format!("{} {} {}", d.day(), month(d), d.year());
    let Some(months) = period.months() else {
        return if s == e {
            day(s)
        } else {
            format!("{} – {}", day(s), day(e))
        };
    };
    let (first, last) = (u8::from(s.month()), u8::from(e.month()));
    if s.year() != e.year() {
        return if first == 1 && last == 12 {
            format!("{}–{}", s.year(), e.year())
        } else {
            format!("{} {} – {} {}", month(s), s.year(), month(e), e.year())
        };
    }
    let year = s.year();
    const ORDINALS: [&str; 4] = ["first", "second", "third", "fourth"];
    match (first, months) {
        (1, 12) => year.to_string(),
        (1 | 7, 6) if short => format!("H{} {year}", first / 6 + 1),
        (1 | 7, 6) => format!("the {} half of {year}", ORDINALS[usize::from(first / 6)]),
        (f, 3) if f % 3 == 1 && short => format!("Q{} {year}", f / 3 + 1),
        (f, 3) if f % 3 == 1 => format!("the {} quarter of {year}", ORDINALS[usize::from(f / 3)]),
        (_, 1) => format!("{} {year}", month(s)),
        _ => format!("{}–{} {year}", month(s), month(e)),
    }
}

/// A period as a phrase after a verb: "in 2024", "in January–August 2025",
/// "on 17 May 2025", "from January 2005 to March 2025".
pub(crate) fn period_phrase(period: &Period) -> String {
    let words = period_words(period);
    if period.days() == 1 {
        format!("on {words}")
    } else if let Some((from, to)) = words.split_once(" – ") {
        format!("from {from} to {to}")
    } else {
        format!("in {words}")
    }
}

/// When a level was reached: a stock counted over years is a level "by" its end.
pub(crate) fn level_phrase(kind: Kind, period: &Period) -> String {
    let spans_years = period.start().year() != period.end().year();
    if kind == Kind::Stock && spans_years && !period.is_calendar_year() {
        let month =
            |d: time::Date| Period::parse(&format!("{:04}-{:02}", d.year(), u8::from(d.month())));
        if let (Ok(first), Ok(last)) = (month(period.start()), month(period.end())) {
            return format!(
                "by {}, counting from {}",
                period_words(&last),
                period_words(&first)
            );
        }
    }
    period_phrase(period)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_in_words() {
        let words = |text: &str| period_words(&text.parse().unwrap());
        assert_eq!(words("2024"), "2024");
        assert_eq!(words("2024-H2"), "the second half of 2024");
        assert_eq!(words("2024-H1"), "the first half of 2024");
        assert_eq!(words("2026-Q2"), "the second quarter of 2026");
        assert_eq!(words("2025-Q4"), "the fourth quarter of 2025");
        assert_eq!(words("2025-03"), "March 2025");
        assert_eq!(words("2020/2024"), "2020–2024");
        assert_eq!(
            words("2025-01-01/2025-08-20"),
            "1 January 2025 – 20 August 2025"
        );
    }

    #[test]
    fn periods_in_short_words() {
        let short = |text: &str| period_short(&text.parse().unwrap());
        assert_eq!(short("2024"), "2024");
        assert_eq!(short("2024-H1"), "H1 2024");
        assert_eq!(short("2024-H2"), "H2 2024");
        assert_eq!(short("2026-Q2"), "Q2 2026");
        assert_eq!(short("2025-Q4"), "Q4 2025");
        assert_eq!(short("2025-09"), "Sep 2025");
        assert_eq!(short("2025-05/2025-06"), "May–Jun 2025");
        assert_eq!(short("2020/2024"), "2020–2024");
        assert_eq!(short("2025-05-17"), "17 May 2025");
        assert_eq!(short("2025-01-01/2025-08-20"), "1 Jan 2025 – 20 Aug 2025");
    }
}
