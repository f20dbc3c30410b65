//! Periods: the time span a figure covers, parsed from one small grammar.
//!
//! | written            | meaning                                   |
//! |--------------------|-------------------------------------------|
//! | `2024`             | the calendar year 2024                    |
//! | `2024-H1`          | January–June 2024                         |
//! | `2024-Q3`          | July–September 2024                       |
//! | `2024-08`          | August 2024                               |
//! | `2024-03-15`       | one day (a stock measured at a date)      |
//! | `2025-01/2025-08`  | January–August 2025                       |
//! | `2005/2025-Q1`     | from the start of 2005 to the end of March 2025 |
//! | `2025-01-01/2025-08-20` | any inclusive range of days          |
//!
//! The same periods are also read as pandas and statistics offices write them:
//! `2024Q1` (what `str(pd.Period("2024Q1"))` gives) and `Q1 2024` for `2024-Q1`,
//! `2024H1` and `H1 2024` for `2024-H1`, `Aug 2024` or `August 2024` for `2024-08`, and
//! `Jan–Aug 2025` or `January–August 2025` (en dash, em dash or hyphen) for
//! `2025-01/2025-08`. Statistics offices' tables add `2024 Q1`, `2024q1` and `2024 H1`
//! (a space or none, either case), `2024M01`, `2024-M01`, `2024 M1` for a month, and
//! Excel's `Jan-24` (a two-digit year as Excel reads it: 00–29 in the 2000s, 30–99 in
//! the 1900s). They print back in the canonical form above. A fiscal year written
//! `2024/25`, `2024/2025` or `2024-25` is refused: its months must be given
//! (`2024-04/2025-03`), and two calendar years in a row as months too
//! (`2024-01/2025-12`); a range of more years, `2020/2024`, is read.
//!
//! A range is two of the single forms joined by `/`: it runs from the start of the first
//! to the end of the second. Every period prints back in its canonical form, the
//! shortest single form that states it exactly, else a month range, else a day range.
//!
//! Long for one type because the grammar, its printing and their tests (properties
//! included) belong together.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::{Date, Month};

use crate::error::{Error, ErrorKind, Result};

/// The first year of a fiscal year written as offices write one, whose first month only
/// its office knows: `2024/25`, `2024/2025` (two years in a row) or `2024-25` (25 not
/// being a month); `None` for any other text.
fn fiscal_year(text: &str) -> Option<i32> {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let (first, second, slash) = match text.split_once('/') {
        Some((first, second)) => (first, second, true),
        None => {
            let (first, second) = text.split_once('-')?;
            (first, second, false)
        }
    };
    if !digits(first, 4) {
        return None;
    }
    let year: i32 = first.parse().ok()?;
    let fiscal = match (slash, second.len()) {
        (true, 2) => digits(second, 2),
        (true, 4) => digits(second, 4) && second.parse::<i32>().ok()? == year + 1,
        // "2024-12" is December 2024: only a two-digit next year that is no month.
        (false, 2) => {
            let next: i32 = second.parse().ok()?;
            digits(second, 2) && next == (year + 1) % 100 && !(1..=12).contains(&next)
        }
        _ => false,
    };
    fiscal.then_some(year)
}

/// An inclusive span of days, usually a year, quarter, month or a run of months.
///
/// ```
/// use bilateral::Period;
///
/// let jan_aug: Period = "2025-01/2025-08".parse()?;
/// assert_eq!(jan_aug.months(), Some(8));
/// assert_eq!(jan_aug.previous_year().unwrap().to_string(), "2024-01/2024-08");
/// assert_eq!("2005/2025-Q1".parse::<Period>()?.to_string(), "2005-01/2025-03");
/// assert!("2024".parse::<Period>()?.is_calendar_year());
/// # Ok::<(), bilateral::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    start: Date,
    end: Date,
}

const FORMS: &str = "expected 2024, 2024-H1 (or 2024H1, H1 2024), 2024-Q3 (or 2024Q3, \
     2024 Q3, Q3 2024), 2024-08 (or 2024M08, Aug 2024, Aug-24), Jan–Aug 2025, 2024-03-15, or \
     two of these joined by '/'";

impl Period {
    /// The period from `start` to `end`, both inclusive.
    pub fn new(start: Date, end: Date) -> Result<Period> {
        if start > end {
            return Err(Error::invalid_as(
                ErrorKind::BadPeriod,
                "period",
                format!("{start}/{end}"),
                "ends before it starts",
            ));
        }
        Ok(Period { start, end })
    }

    /// Parses any of the forms in the [module documentation](self).
    pub fn parse(text: &str) -> Result<Period> {
        let trimmed = text.trim();
        let bad = |reason: &str| Error::invalid_as(ErrorKind::BadPeriod, "period", text, reason);
        if let Some(year) = fiscal_year(trimmed) {
            let next = year + 1;
            return Err(bad(&format!(
                "is a fiscal year: give its months, as {year}-04/{next}-03 for April to \
                 March, or {year}-07/{next}-06 for July to June (the two calendar years \
                 {year} and {next} are {year}-01/{next}-12)"
            )));
        }
        let mut parts = trimmed.split('/');
        let first = parts.next().unwrap_or_default();
        let (start, mut end) = parse_single(first).map_err(|r| bad(&r))?;
        if let Some(second) = parts.next() {
            if parts.next().is_some() {
                return Err(bad(&format!("has more than one '/': {FORMS}")));
            }
            let first_end = end;
            end = parse_single(second).map_err(|r| bad(&r))?.1;
            if end < start {
                return Err(bad("ends before it starts"));
            }
            // "2024-H1/2024-Q1" is almost surely a slip, not January–March.
            if end < first_end {
                return Err(bad("ends before its first part does"));
            }
        }
        Ok(Period { start, end })
    }

    /// The calendar year `year`.
    pub fn year(year: i32) -> Result<Period> {
        Period::parse(&format!("{year:04}"))
    }

    /// The first day of the period.
    pub fn start(&self) -> Date {
        self.start
    }

    /// The last day of the period (inclusive).
    pub fn end(&self) -> Date {
        self.end
    }

    /// The number of days in the period, both ends included.
    pub fn days(&self) -> i64 {
        i64::from(self.end.to_julian_day() - self.start.to_julian_day()) + 1
    }

    /// The length in whole months, when the period starts on the first of a month and
    /// ends on the last day of a month; `None` otherwise.
    pub fn months(&self) -> Option<u32> {
        self.is_whole_months().then(|| {
            let months = (self.end.year() - self.start.year()) * 12
                + i32::from(u8::from(self.end.month()))
                - i32::from(u8::from(self.start.month()))
                + 1;
            months as u32
        })
    }

    /// True when the period is exactly one calendar year.
    pub fn is_calendar_year(&self) -> bool {
        self.start.year() == self.end.year()
            && self.start.month() == Month::January
            && self.start.day() == 1
            && self.end.month() == Month::December
            && self.end.day() == 31
    }

    /// The same period one year earlier: January–August 2025 gives January–August 2024.
    ///
    /// A period of whole months stays whole months (so February keeps its last day);
    /// otherwise each day moves back a year, 29 February becoming the 28th. `None` in
    /// the year −9999, the first a date can have (a file can hold one the grammar
    /// cannot write), so that a comparison with the year before is left out instead
    /// of failing.
    pub fn previous_year(&self) -> Option<Period> {
        self.years_earlier(1)
    }

    /// The same period `years` years earlier (see [`Period::previous_year`]); `None`
    /// when that is outside the years −9999 to 9999 a date can have.
    pub fn years_earlier(&self, years: i32) -> Option<Period> {
        let start_year = self.start.year().checked_sub(years)?;
        let end_year = self.end.year().checked_sub(years)?;
        let (start, end) = if self.is_whole_months() {
            (
                first_of_month(start_year, self.start.month())?,
                last_of_month(end_year, self.end.month())?,
            )
        } else {
            (
                same_day_in(self.start, start_year)?,
                same_day_in(self.end, end_year)?,
            )
        };
        Some(Period { start, end })
    }

    /// True when both periods have the same length: the same number of months when both
    /// are whole months, else the same number of days.
    pub fn same_length(&self, other: &Period) -> bool {
        match (self.months(), other.months()) {
            (Some(a), Some(b)) => a == b,
            _ => self.days() == other.days(),
        }
    }

    /// A validation error naming `field` (which holds `other`) unless `other` has
    /// this period's length (see [`Period::same_length`]).
    pub fn require_same_length(&self, field: &str, other: &Period) -> Result<()> {
        if self.same_length(other) {
            Ok(())
        } else {
            Err(Error::invalid(
                field,
                other.to_string(),
                format!(
                    "is not as long as {self}: {} vs {}",
                    other.length_text(),
                    self.length_text()
                ),
            ))
        }
    }

    /// Years from the start of this period to the start of `later`: whole months / 12
    /// when both start on the first of a month, else days / 365.2425.
    pub fn years_to(&self, later: &Period) -> f64 {
        let (s, e) = (self.start(), later.start());
        if s.day() == 1 && e.day() == 1 {
            let months = (e.year() - s.year()) * 12 + i32::from(u8::from(e.month()))
                - i32::from(u8::from(s.month()));
            f64::from(months) / 12.0
        } else {
            f64::from(e.to_julian_day() - s.to_julian_day()) / 365.2425
        }
    }

    /// The years a change from this period to `end` spans ([`Period::years_to`]), once
    /// the two can be compared: of the same length, `end` after this one; else a
    /// validation error naming the field `end`.
    pub fn years_of_change_to(&self, end: &Period) -> Result<f64> {
        self.require_same_length("end", end)?;
        let years = self.years_to(end);
        if years <= 0.0 {
            return Err(Error::invalid(
                "end",
                end.to_string(),
                format!("does not come after the start period {self}"),
            ));
        }
        Ok(years)
    }

    /// The length in words: `"12 months"`, `"1 month"`, `"20 days"`.
    pub fn length_text(&self) -> String {
        match self.months() {
            Some(1) => "1 month".to_owned(),
            Some(m) => format!("{m} months"),
            None if self.days() == 1 => "1 day".to_owned(),
            None => format!("{} days", self.days()),
        }
    }

    /// The period between two Julian day numbers, as stored in the database.
    pub(crate) fn from_julian_days(start: i32, end: i32) -> Result<Period> {
        let date = |d: i32| {
            Date::from_julian_day(d).map_err(|e| {
                Error::invalid_as(ErrorKind::BadPeriod, "period", d.to_string(), e.to_string())
            })
        };
        Period::new(date(start)?, date(end)?)
    }

    fn is_whole_months(&self) -> bool {
        self.start.day() == 1 && self.end.day() == self.end.month().length(self.end.year())
    }
}

/// The first day of `month` in `year`; `None` outside the years a date can have.
fn first_of_month(year: i32, month: Month) -> Option<Date> {
    Date::from_calendar_date(year, month, 1).ok()
}

/// The last day of `month` in `year`; `None` outside the years a date can have.
fn last_of_month(year: i32, month: Month) -> Option<Date> {
    Date::from_calendar_date(year, month, month.length(year)).ok()
}

/// `date`'s day and month in `year`, 29 February becoming the 28th; `None` outside
/// the years a date can have.
fn same_day_in(date: Date, year: i32) -> Option<Date> {
    let day = date.day().min(date.month().length(year));
    Date::from_calendar_date(year, date.month(), day).ok()
}

/// January to December of `year`, a year the grammar has read (1000 to 9999), so that
/// its days exist.
fn whole_year(year: i32) -> Result<(Date, Date), String> {
    months_of(year, Month::January, Month::December)
}

/// The first day of `first` to the last of `last` in `year`; the reason when the year
/// is outside those a date can have.
fn months_of(year: i32, first: Month, last: Month) -> Result<(Date, Date), String> {
    first_of_month(year, first)
        .zip(last_of_month(year, last))
        .ok_or_else(|| format!("year {year} is outside the calendar"))
}

/// Parses one single form into its first and last day; the error is the reason.
fn parse_single(text: &str) -> Result<(Date, Date), String> {
    let generic = || format!("is not a period: {FORMS}");
    let text = text.trim();
    if let Some(span) = parse_words(text) {
        return span;
    }
    if let Some(span) = parse_excel_month(text) {
        return span;
    }
    // Everything below slices by byte; the grammar is ASCII anyway.
    if !text.is_ascii() {
        return Err(generic());
    }
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let (year_text, rest) = text.split_at_checked(4).ok_or_else(generic)?;
    if !digits(year_text, 4) {
        return Err(generic());
    }
    let year: i32 = year_text.parse().map_err(|_| generic())?;
    if year < 1000 {
        return Err("year must be between 1000 and 9999".to_owned());
    }
    if rest.is_empty() {
        return whole_year(year);
    }
    // pandas writes quarters without the dash: `str(pd.Period("2024Q1"))` is "2024Q1";
    // offices write "2024 Q1", "2024q1" and months as "2024M01".
    let rest = match rest.strip_prefix(['-', ' ']) {
        Some(rest) => rest,
        None if rest.starts_with(['Q', 'H', 'M', 'q', 'h', 'm']) => rest,
        None => return Err(generic()),
    };
    let upper;
    let rest = if rest.starts_with(['q', 'h', 'm']) {
        upper = rest.to_ascii_uppercase();
        upper.as_str()
    } else {
        rest
    };
    let months = |first: u8, last: u8| -> Result<(Date, Date), String> {
        let m = |n: u8| Month::try_from(n).map_err(|_| format!("month {n:02} is not 01 to 12"));
        months_of(year, m(first)?, m(last)?)
    };
    match rest.as_bytes() {
        [b'H', h @ (b'1' | b'2')] => {
            let first = (h - b'1') * 6 + 1;
            months(first, first + 5)
        }
        [b'Q', q @ b'1'..=b'4'] => {
            let first = (q - b'1') * 3 + 1;
            months(first, first + 2)
        }
        [b'H' | b'Q', ..] => Err(format!(
            "{rest} is not a half (H1, H2) or quarter (Q1 to Q4)"
        )),
        [b'M', month @ ..]
            if (1..=2).contains(&month.len()) && month.iter().all(u8::is_ascii_digit) =>
        {
            let month: u8 = rest[1..].parse().map_err(|_| generic())?;
            months(month, month)
        }
        _ if digits(rest, 2) => {
            let month: u8 = rest.parse().map_err(|_| generic())?;
            months(month, month)
        }
        _ if rest.len() == 5
            && digits(&rest[..2], 2)
            && &rest[2..3] == "-"
            && digits(&rest[3..], 2) =>
        {
            let month: u8 = rest[..2].parse().map_err(|_| generic())?;
            let day: u8 = rest[3..].parse().map_err(|_| generic())?;
            let month =
                Month::try_from(month).map_err(|_| format!("month {month:02} is not 01 to 12"))?;
            let date = Date::from_calendar_date(year, month, day)
                .map_err(|_| format!("{text} is not a date in the calendar"))?;
            Ok((date, date))
        }
        _ => Err(generic()),
    }
}

/// Excel's month and two-digit year, "Jan-24": `None` when `text` is not of that shape;
/// the year as Excel reads two digits, 00–29 in the 2000s and 30–99 in the 1900s.
fn parse_excel_month(text: &str) -> Option<Result<(Date, Date), String>> {
    let (name, year) = text.split_once('-')?;
    if year.len() != 2 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let month = month_number(name)?;
    let two: i32 = year.parse().ok()?;
    let year = if two < 30 { 2000 + two } else { 1900 + two };
    let month = Month::try_from(month).ok()?;
    Some(months_of(year, month, month))
}

/// The English month names, each with its usual abbreviations.
const MONTH_NAMES: [&[&str]; 12] = [
    &["january", "jan"],
    &["february", "feb"],
    &["march", "mar"],
    &["april", "apr"],
    &["may"],
    &["june", "jun"],
    &["july", "jul"],
    &["august", "aug"],
    &["september", "sep", "sept"],
    &["october", "oct"],
    &["november", "nov"],
    &["december", "dec"],
];

fn month_number(name: &str) -> Option<u8> {
    let name = name.trim().trim_end_matches('.').to_lowercase();
    (1..=12u8).find(|&m| MONTH_NAMES[usize::from(m - 1)].contains(&name.as_str()))
}

/// The forms written with a word before the year: `Q1 2024`, `H1 2024`, `Aug 2024`,
/// `Jan–Aug 2025`. `None` when `text` is not of that shape (no word, then a space and a
/// four-digit year), so the caller's error applies; an error when it is but the word
/// is not a quarter, half or month.
fn parse_words(text: &str) -> Option<Result<(Date, Date), String>> {
    let (head, year_text) = text.rsplit_once(char::is_whitespace)?;
    let head = head.trim();
    if head.is_empty()
        || year_text.len() != 4
        || !year_text.bytes().all(|b| b.is_ascii_digit())
        || head.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let year: i32 = year_text.parse().ok()?;
    if year < 1000 {
        return Some(Err("year must be between 1000 and 9999".to_owned()));
    }
    let span = |first: u8, last: u8| -> Result<(Date, Date), String> {
        let month = |n: u8| Month::try_from(n).map_err(|_| format!("month {n:02} is not 01 to 12"));
        months_of(year, month(first)?, month(last)?)
    };
    let upper = head.to_ascii_uppercase();
    match upper.as_bytes() {
        [b'Q', q @ b'1'..=b'4'] => {
            let first = (q - b'1') * 3 + 1;
            return Some(span(first, first + 2));
        }
        [b'H', h @ (b'1' | b'2')] => {
            let first = (h - b'1') * 6 + 1;
            return Some(span(first, first + 5));
        }
        [b'H' | b'Q', b'0'..=b'9', ..] => {
            return Some(Err(format!(
                "{head} is not a half (H1, H2) or quarter (Q1 to Q4)"
            )))
        }
        _ => {}
    }
    let mut names = head.split(['–', '—', '-']);
    let not_a_month = |name: &str| {
        format!(
            "{:?} is not a month name (January or Jan …): {FORMS}",
            name.trim()
        )
    };
    let first_name = names.next().unwrap_or_default();
    let Some(first) = month_number(first_name) else {
        return Some(Err(not_a_month(first_name)));
    };
    let last = match (names.next(), names.next()) {
        (None, _) => first,
        (Some(name), None) => match month_number(name) {
            Some(last) => last,
            None => return Some(Err(not_a_month(name))),
        },
        (Some(_), Some(_)) => return Some(Err(format!("{head} names more than two months"))),
    };
    if last < first {
        return Some(Err(format!(
            "{head} ends before it starts (a span across the new year is written \
             2024-11/2025-02)"
        )));
    }
    Some(span(first, last))
}

impl fmt::Display for Period {
    /// The canonical form: the shortest form that states the period exactly.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (s, e) = (self.start, self.end);
        let ym = |d: Date| format!("{:04}-{:02}", d.year(), u8::from(d.month()));
        let ymd = |d: Date| format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day());
        if s == e {
            return f.write_str(&ymd(s));
        }
        if !self.is_whole_months() {
            return write!(f, "{}/{}", ymd(s), ymd(e));
        }
        let (first, last) = (u8::from(s.month()), u8::from(e.month()));
        if s.year() != e.year() {
            return write!(f, "{}/{}", ym(s), ym(e));
        }
        let year = s.year();
        match (first, last) {
            (1, 12) => write!(f, "{year:04}"),
            (1, 6) => write!(f, "{year:04}-H1"),
            (7, 12) => write!(f, "{year:04}-H2"),
            (a, b) if a % 3 == 1 && b == a + 2 => write!(f, "{year:04}-Q{}", a / 3 + 1),
            (a, b) if a == b => f.write_str(&ym(s)),
            _ => write!(f, "{}/{}", ym(s), ym(e)),
        }
    }
}

/// A period as the text the store parses: the builder of a figure
/// ([`Observation::builder`](crate::Observation::builder)) takes a `Period` or a text.
impl From<Period> for String {
    fn from(period: Period) -> String {
        period.to_string()
    }
}

impl From<&Period> for String {
    fn from(period: &Period) -> String {
        period.to_string()
    }
}

impl FromStr for Period {
    type Err = Error;

    fn from_str(s: &str) -> Result<Period> {
        Period::parse(s)
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Period, D::Error> {
        let text = String::deserialize(deserializer)?;
        Period::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn p(text: &str) -> Period {
        Period::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn each_single_form_gives_its_first_and_last_day() {
        let cases = [
            ("2024", date!(2024 - 01 - 01), date!(2024 - 12 - 31)),
            ("2024-H1", date!(2024 - 01 - 01), date!(2024 - 06 - 30)),
            ("2024-H2", date!(2024 - 07 - 01), date!(2024 - 12 - 31)),
            ("2024-Q1", date!(2024 - 01 - 01), date!(2024 - 03 - 31)),
            ("2024-Q3", date!(2024 - 07 - 01), date!(2024 - 09 - 30)),
            ("2024-Q4", date!(2024 - 10 - 01), date!(2024 - 12 - 31)),
            ("2024-02", date!(2024 - 02 - 01), date!(2024 - 02 - 29)),
            ("2023-02", date!(2023 - 02 - 01), date!(2023 - 02 - 28)),
            ("2024-03-15", date!(2024 - 03 - 15), date!(2024 - 03 - 15)),
        ];
        for (text, start, end) in cases {
            assert_eq!((p(text).start(), p(text).end()), (start, end), "{text}");
        }
    }

    #[test]
    fn pandas_and_word_forms_are_the_same_periods_as_the_canonical_ones() {
        let cases = [
            ("2024Q1", "2024-Q1"),
            ("2024Q4", "2024-Q4"),
            ("Q1 2024", "2024-Q1"),
            ("q3 2024", "2024-Q3"),
            ("2024-Q1", "2024-Q1"),
            ("2024H2", "2024-H2"),
            ("H1 2024", "2024-H1"),
            ("Jan–Aug 2025", "2025-01/2025-08"),
            ("January–August 2025", "2025-01/2025-08"),
            ("Jan-Aug 2025", "2025-01/2025-08"),
            ("Jan — Aug 2025", "2025-01/2025-08"),
            ("Jan–Mar 2025", "2025-Q1"),
            ("Jan–Dec 2024", "2024"),
            ("Aug 2024", "2024-08"),
            ("September 2024", "2024-09"),
            ("Sept. 2024", "2024-09"),
            (" Q2 2024 ", "2024-Q2"),
            ("2005/Q1 2025", "2005-01/2025-03"),
        ];
        for (text, canonical) in cases {
            assert_eq!(p(text), p(canonical), "{text}");
            assert_eq!(p(text).to_string(), canonical, "{text}");
        }
        assert_eq!(p("H1 2024").end(), date!(2024 - 06 - 30));
        assert_eq!(p("Jan–Aug 2025").end(), date!(2025 - 08 - 31));
    }

    #[test]
    fn office_forms_are_the_same_periods_as_the_canonical_ones() {
        let cases = [
            ("2024 Q1", "2024-Q1"),
            ("2024q1", "2024-Q1"),
            ("2024 q4", "2024-Q4"),
            ("2024 H2", "2024-H2"),
            ("2024M01", "2024-01"),
            ("2024-M01", "2024-01"),
            ("2024 M01", "2024-01"),
            ("2024m9", "2024-09"),
            // The IMF's Direction of Trade Statistics export writes months so.
            ("2024M2", "2024-02"),
            ("Jan-24", "2024-01"),
            ("dec-29", "2029-12"),
            // Excel reads 30–99 as the 1900s
            ("Sep-95", "1995-09"),
            ("January 2024", "2024-01"),
            ("2024M01/2024M08", "2024-01/2024-08"),
        ];
        for (text, canonical) in cases {
            assert_eq!(p(text).to_string(), canonical, "{text}");
        }
        for bad in ["2024M13", "2024 Q5", "2024M", "Jan-2", "Foo-24"] {
            assert!(Period::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_fiscal_year_is_refused_with_how_to_give_its_months() {
        let err = Period::parse("2024/25").unwrap_err().to_string();
        assert!(err.contains("fiscal year"), "{err}");
        assert!(err.contains("2024-04/2025-03"), "{err}");
        assert!(err.contains("2024/25"), "{err}");
    }

    #[test]
    fn a_fiscal_year_of_two_full_years_or_with_a_hyphen_is_refused_alike() {
        for text in ["2024/2025", "2024-25", "1999-00", "1999/2000"] {
            let err = Period::parse(text).unwrap_err().to_string();
            assert!(err.contains("is a fiscal year"), "{text}: {err}");
            assert!(err.contains(text), "{text}: {err}");
        }
        // The first year is 2024, the second 2024 + 1 = 2025: April to March is
        // 2024-04/2025-03, and the two calendar years are 2024-01/2025-12, which is read.
        let err = Period::parse("2024-25").unwrap_err().to_string();
        assert!(err.contains("2024-04/2025-03"), "{err}");
        assert!(err.contains("2024-01/2025-12"), "{err}");
        assert_eq!(p("2024-01/2025-12").months(), Some(24));
        // 1999 + 1 = 2000, written 00
        let err = Period::parse("1999-00").unwrap_err().to_string();
        assert!(err.contains("1999-07/2000-06"), "{err}");
        // Not fiscal years: December 2024, a five-year range, and years not in a row.
        assert_eq!(p("2024-12").to_string(), "2024-12");
        assert_eq!(p("2020/2024").to_string(), "2020-01/2024-12");
        assert_eq!(p("2024/2026").months(), Some(36));
        assert!(!Period::parse("2024-26")
            .unwrap_err()
            .to_string()
            .contains("fiscal"));
    }

    #[test]
    fn the_error_for_an_unknown_form_lists_the_forms_read() {
        for text in ["next year", "2024 X1", "Jam 2025", "2024/xx"] {
            let err = Period::parse(text).unwrap_err().to_string();
            for form in [
                "2024-Q3",
                "2024Q3",
                "Q3 2024",
                "H1 2024",
                "Jan–Aug 2025",
                "'/'",
            ] {
                assert!(err.contains(form), "{text}: {err} lacks {form}");
            }
        }
    }

    #[test]
    fn ranges_run_from_start_of_first_to_end_of_second() {
        let jan_aug = p("2025-01/2025-08");
        assert_eq!(jan_aug.start(), date!(2025 - 01 - 01));
        assert_eq!(jan_aug.end(), date!(2025 - 08 - 31));
        let since_2005 = p("2005/2025-Q1");
        assert_eq!(since_2005.start(), date!(2005 - 01 - 01));
        assert_eq!(since_2005.end(), date!(2025 - 03 - 31));
        assert_eq!(since_2005, p("2005-01/2025-03"));
        assert_eq!(p("2025-01-01/2025-08-31"), jan_aug);
    }

    #[test]
    fn canonical_form_is_the_shortest_exact_one() {
        let cases = [
            ("2025-01-01/2025-08-31", "2025-01/2025-08"),
            ("2005/2025-Q1", "2005-01/2025-03"),
            ("2025-01-01/2025-08-20", "2025-01-01/2025-08-20"),
            ("2024-01/2024-12", "2024"),
            ("2024-01-01/2024-06-30", "2024-H1"),
            ("2024-07/2024-09", "2024-Q3"),
            ("2024-08-01/2024-08-31", "2024-08"),
            ("2024-03-15", "2024-03-15"),
            ("2024-03-15/2024-03-15", "2024-03-15"),
            ("2020/2024", "2020-01/2024-12"),
            ("2024-02/2024-04", "2024-02/2024-04"),
            (" 2024 ", "2024"),
        ];
        for (text, canonical) in cases {
            assert_eq!(p(text).to_string(), canonical, "{text}");
            assert_eq!(
                p(canonical).to_string(),
                canonical,
                "{canonical} round trip"
            );
        }
    }

    #[test]
    fn bad_text_is_a_validation_error_that_quotes_it() {
        for text in [
            "",
            "24",
            "2024-13",
            "2024-00",
            "2024-Q5",
            "2024-H3",
            "2024-02-30",
            "2025/2024",
            "2024/2025/2026",
            "Jam 2025",
            "Q5 2024",
            "H3 2024",
            "Aug–Jan 2025",
            "Jan–Feb–Mar 2025",
            "Q1 0999",
            "2024Q5",
            "2024X1",
            "2024-8",
            "0999",
            "2024-01-1",
            "2024-Q",
            "2024-",
        ] {
            let err = Period::parse(text).expect_err(text);
            let v = err.validation().expect("a validation error");
            assert_eq!(v.field, "period");
            assert_eq!(v.text, text);
            assert!(err.to_string().contains(&format!("{text:?}")), "{err}");
        }
        let reason = Period::parse("2024-13")
            .unwrap_err()
            .validation()
            .unwrap()
            .reason
            .clone();
        assert_eq!(reason, "month 13 is not 01 to 12");
    }

    #[test]
    fn length_in_months_counts_whole_months_only() {
        assert_eq!(p("2025-01/2025-08").months(), Some(8));
        assert_eq!(p("2005/2025-Q1").months(), Some(20 * 12 + 3));
        assert_eq!(p("2024").months(), Some(12));
        assert_eq!(p("2024-03-15").months(), None);
        assert_eq!(p("2025-01-01/2025-08-20").months(), None);
        assert_eq!(p("2025-01-01/2025-08-20").days(), 232);
        assert_eq!(p("2024").days(), 366);
    }

    #[test]
    fn calendar_year_is_january_to_december_of_one_year() {
        assert!(p("2024").is_calendar_year());
        assert!(!p("2024-H1").is_calendar_year());
        assert!(!p("2023-07/2024-06").is_calendar_year());
        assert!(!p("2023-01/2024-12").is_calendar_year());
    }

    #[test]
    fn previous_year_keeps_the_months_and_the_month_ends() {
        let previous = |text: &str| p(text).previous_year().unwrap();
        assert_eq!(previous("2025-01/2025-08"), p("2024-01/2024-08"));
        assert_eq!(previous("2024"), p("2023"));
        assert_eq!(previous("2025-02").end(), date!(2024 - 02 - 29));
        assert_eq!(previous("2024-02-29"), p("2023-02-28"));
        assert_eq!(
            previous("2025-01-01/2025-08-20"),
            p("2024-01-01/2024-08-20")
        );
        assert_eq!(p("2024").years_earlier(4), Some(p("2020")));
        assert_eq!(previous("1000").to_string(), "0999");
    }

    #[test]
    fn there_is_no_year_before_the_first_a_date_can_have() {
        let first_year = Period::new(date!(-9999 - 01 - 01), date!(-9999 - 12 - 31)).unwrap();
        assert_eq!(first_year.previous_year(), None);
        let first_day = Period::new(date!(-9999 - 01 - 01), date!(-9999 - 01 - 01)).unwrap();
        assert_eq!(first_day.previous_year(), None);
        // 9999 is 19,998 years after −9999, and no period lies that far before 9999
        assert_eq!(p("9999").years_earlier(19_998), Some(first_year));
        assert_eq!(p("9999").years_earlier(19_999), None);
        assert_eq!(p("2024").years_earlier(i32::MIN), None);
        assert_eq!(p("2024").years_earlier(-7976), None);
    }

    #[test]
    fn same_length_compares_months_or_days() {
        assert!(p("2025-01/2025-08").same_length(&p("2024-01/2024-08")));
        assert!(!p("2025-01/2025-08").same_length(&p("2024")));
        assert!(p("2024-02").same_length(&p("2023-02")));
        assert_eq!(p("2025-01/2025-08").length_text(), "8 months");
        assert_eq!(p("2024-03-15").length_text(), "1 day");
    }

    proptest::proptest! {
        #[test]
        fn parsing_any_text_never_panics(text in "\\PC{0,24}") {
            let _ = Period::parse(&text);
        }

        #[test]
        fn text_shaped_like_periods_never_panics(text in "[0-9]{4}(-[0-9QHé]{1,2}(-[0-9é]{1,2})?)?(/[0-9]{4}(-[0-9Q]{1,2})?)?") {
            let _ = Period::parse(&text);
        }

        #[test]
        fn the_canonical_form_reads_back_as_the_same_period(
            start in 2_400_000i32..2_500_000, length in 0i32..4000
        ) {
            let period = Period::from_julian_days(start, start + length).unwrap();
            let text = period.to_string();
            proptest::prop_assert_eq!(Period::parse(&text).unwrap(), period, "{}", text);
        }
    }

    #[test]
    fn non_ascii_text_is_rejected_not_split() {
        for text in ["2024-1é-1", "2024-é", "２０２４", "2024-01-0é"] {
            assert!(Period::parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn serde_uses_the_canonical_text() {
        let json = serde_json::to_string(&p("2025-01-01/2025-08-31")).unwrap();
        assert_eq!(json, "\"2025-01/2025-08\"");
        let back: Period = serde_json::from_str(&json).unwrap();
        assert_eq!(back, p("2025-01/2025-08"));
        assert!(serde_json::from_str::<Period>("\"2025-13\"").is_err());
    }
}
