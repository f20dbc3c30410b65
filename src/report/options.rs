//! What a caller asks of a report beyond the pair: the periods shown, how many
//! products are named, the title, the topics, the digits, how many periods of each
//! series the tables list, and whether implied ranges join the figures tables.

use super::tables::TABLE_PERIODS;
use crate::error::{Error, Result};
use crate::period::Period;
use crate::words::{MOST_PROSE_DIGITS, PROSE_DIGITS};

/// What a report includes beyond the stored figures, and what it leaves out. Made with
/// [`ReportOptions::default`] and the setters, so that options added later do not break
/// callers.
///
/// ```
/// use bilateral::report::ReportOptions;
/// use bilateral::Period;
///
/// let options = ReportOptions::default()
///     .since("2024".parse::<Period>()?)
///     .top(5)
///     .title("Trade between Azerbaijan and Kazakhstan")
///     .topics(["trade"]);
/// let report = bilateral::Store::demo()?.report_with("AZE", "KAZ", &options)?;
/// assert_eq!(report.title, "Trade between Azerbaijan and Kazakhstan");
/// assert_eq!(report.sections[0].id, "trade");
/// assert!(report.sections.iter().all(|s| s.id != "investment"));
/// # Ok::<(), bilateral::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReportOptions {
    /// Adds to each section's table of figures the ranges the claims imply for figures
    /// nobody published, as estimate rows whose note names the claim. They are never a
    /// base for growth or any other computation.
    pub include_implied: bool,
    /// Only figures, events and claims whose period starts on or after this period's
    /// first day.
    pub since: Option<Period>,
    /// Only figures, events and claims whose period ends on or before this period's
    /// last day.
    pub until: Option<Period>,
    /// How many products of a series the report names, the largest by their latest
    /// value; the rest are summed as "other products" and listed in the appendix.
    pub top: usize,
    /// The report's title instead of "A and B".
    pub title: Option<String>,
    /// Only the sections of these topic codes (`trade`, `people` …); `None` for all.
    pub topics: Option<Vec<String>>,
    /// The most significant digits a number in the report's prose and tables shows
    /// (1 to [`MOST_PROSE_DIGITS`], 3 by default): "$334 million, up 8.5 % on $308
    /// million". A figure published with at most four digits ("$547.6 million", "over
    /// 102,000") is quoted as published; derived figures never show more than their
    /// inputs justify either. The data frames and JSON keep full values.
    pub digits: u32,
    /// How many of each series' latest periods the figures tables list, beside every
    /// figure the text and charts cite ([`TABLE_PERIODS`] by default); the products
    /// appendix lists that many periods of each of its products. What the tables leave
    /// out stays in [`crate::report::Report::figures`], so that the page stays a few
    /// megabytes on a pair of a million figures. `usize::MAX` lists every figure.
    pub table_periods: usize,
}

impl Default for ReportOptions {
    fn default() -> ReportOptions {
        ReportOptions {
            include_implied: false,
            since: None,
            until: None,
            top: 10,
            title: None,
            topics: None,
            digits: PROSE_DIGITS,
            table_periods: TABLE_PERIODS,
        }
    }
}

impl ReportOptions {
    /// These options with [`ReportOptions::include_implied`] set to `yes`.
    pub fn include_implied(mut self, yes: bool) -> ReportOptions {
        self.include_implied = yes;
        self
    }

    /// These options with [`ReportOptions::since`] set to `period`.
    pub fn since(mut self, period: Period) -> ReportOptions {
        self.since = Some(period);
        self
    }

    /// These options with [`ReportOptions::until`] set to `period`.
    pub fn until(mut self, period: Period) -> ReportOptions {
        self.until = Some(period);
        self
    }

    /// These options with [`ReportOptions::top`] set to `products`.
    pub fn top(mut self, products: usize) -> ReportOptions {
        self.top = products;
        self
    }

    /// These options with [`ReportOptions::title`] set to `title`.
    pub fn title(mut self, title: impl Into<String>) -> ReportOptions {
        self.title = Some(title.into());
        self
    }

    /// These options with [`ReportOptions::digits`] set to `digits`.
    pub fn digits(mut self, digits: u32) -> ReportOptions {
        self.digits = digits;
        self
    }

    /// These options with [`ReportOptions::table_periods`] set to `periods`.
    pub fn table_periods(mut self, periods: usize) -> ReportOptions {
        self.table_periods = periods;
        self
    }

    /// These options with [`ReportOptions::topics`] set to `topics`.
    pub fn topics<T: Into<String>>(mut self, topics: impl IntoIterator<Item = T>) -> ReportOptions {
        self.topics = Some(topics.into_iter().map(Into::into).collect());
        self
    }

    /// Refuses options that cannot make a report: an empty title, `until` before
    /// `since`, no topic or a topic the store does not have. The error names the option.
    pub(super) fn check(&self, topics: &[crate::model::TopicEntry]) -> Result<()> {
        if !(1..=MOST_PROSE_DIGITS).contains(&self.digits) {
            return Err(Error::invalid(
                "digits",
                self.digits.to_string(),
                format!("is not between 1 and {MOST_PROSE_DIGITS}"),
            ));
        }
        if let Some(title) = &self.title {
            if title.trim().is_empty() {
                return Err(Error::invalid("title", title, "is empty"));
            }
        }
        if let (Some(since), Some(until)) = (self.since, self.until) {
            if until.end() < since.start() {
                return Err(Error::invalid(
                    "until",
                    until.to_string(),
                    format!("ends before since ({since}) starts"),
                ));
            }
        }
        if let Some(chosen) = &self.topics {
            if chosen.is_empty() {
                return Err(Error::invalid("topics", "[]", "names no topic"));
            }
            for code in chosen {
                if !topics.iter().any(|t| t.topic.code() == code) {
                    let known: Vec<&str> = topics.iter().map(|t| t.topic.code()).collect();
                    return Err(Error::invalid(
                        "topics",
                        code,
                        format!("is not a topic of the store ({})", known.join(", ")),
                    ));
                }
            }
        }
        Ok(())
    }
}
