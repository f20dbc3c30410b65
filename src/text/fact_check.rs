//! The fact-check of a text as a report ([`Store::fact_check`]): the same [`Report`]
//! type as the report on a pair, so it renders with the same look (Markdown, HTML,
//! JSON): a tally, a section for the text's figures and one for its claims, each line
//! citing the stored figures it was checked against in the notes, and the sources.

use std::collections::{HashMap, HashSet};

use super::check::TextCheck;
use super::{ItemKind, ReadOptions};
use crate::analysis::Verdict;
use crate::error::{Error, Result};
use crate::model::{Indicator, Observation};
use crate::report::{Note, Report, Section, Sentence};
use crate::store::Store;
use crate::words::period_words;
use crate::words::phrases::country_in_text;

/// The verdicts in the order a reader wants them: what is wrong first.
const ORDER: [Verdict; 4] = [
    Verdict::Contradicted,
    Verdict::Plausible,
    Verdict::Unverifiable,
    Verdict::Supported,
];

fn tally(checks: &[&TextCheck], what: &str) -> Option<String> {
    if checks.is_empty() {
        return None;
    }
    let parts: Vec<String> = ORDER
        .iter()
        .filter_map(|v| {
            let n = checks.iter().filter(|c| c.verdict == *v).count();
            (n > 0).then(|| format!("{n} {}", v.code()))
        })
        .collect();
    let n = checks.len();
    let what = if n == 1 {
        what.trim_end_matches('s')
    } else {
        what
    };
    Some(format!("The text states {n} {what}: {}.", parts.join(", ")))
}

/// Numbers the stored figures the checks use, once each.
struct Cited {
    notes: Vec<Note>,
    numbers: HashMap<String, usize>,
    /// The pair's countries as running text names them, by alpha-3.
    names: HashMap<String, String>,
}

impl Cited {
    fn cite(&mut self, obs: &Observation, indicators: &HashMap<String, Indicator>) -> usize {
        let key = format!(
            "{}|{}|{}|{}|{}|{}|{:?}",
            obs.indicator,
            obs.origin,
            obs.destination,
            obs.product,
            obs.period,
            obs.status.code(),
            obs.source
        );
        if let Some(&n) = self.numbers.get(&key) {
            return n;
        }
        let number = self.notes.len() + 1;
        let name = indicators
            .get(&obs.indicator)
            .map_or(obs.indicator.as_str(), |i| i.name.as_str());
        let named = |code: &String| self.names.get(code).cloned().unwrap_or(code.clone());
        let (origin, destination) = (named(&obs.origin), named(&obs.destination));
        let directed = indicators.get(&obs.indicator).is_none_or(|i| i.directed);
        let subject = if directed {
            format!("{name} from {origin} to {destination}")
        } else {
            format!("{name}, {origin} and {destination}")
        };
        self.notes.push(Note::citing(number, subject, obs));
        self.numbers.insert(key, number);
        number
    }
}

fn line(check: &TextCheck, cited: &mut Cited, indicators: &HashMap<String, Indicator>) -> Sentence {
    let period = check
        .item
        .period
        .map(|p| format!(" ({})", period_words(&p)))
        .unwrap_or_default();
    let verdict = check.verdict.code();
    let mut text = format!(
        "{}{}: “{}”{period}. {}",
        verdict[..1].to_uppercase(),
        &verdict[1..],
        check.item.words,
        check.explanation
    );
    if !text.ends_with('.') {
        text.push('.');
    }
    let notes = check
        .figures
        .iter()
        .map(|o| cited.cite(o, indicators))
        .collect();
    Sentence { text, notes }
}

impl Store {
    /// Checks `text` ([`Store::check_text`]) and gives the result as a report: a
    /// tally, then the text's figures and its claims, what is contradicted first, each
    /// citing the stored figures it was checked against. The pair is
    /// [`ReadOptions::pair`], else the two countries the text names most.
    ///
    /// ```
    /// use bilateral::text::ReadOptions;
    ///
    /// let store = bilateral::Store::demo()?;
    /// let report = store.fact_check(
    ///     "Over 150,000 Azerbaijani tourists visited Kazakhstan in 2024.",
    ///     &ReadOptions::default(),
    /// )?;
    /// assert_eq!(report.headline[0].text, "The text states 1 figure: 1 contradicted.");
    /// assert!(report.to_markdown().contains("Contradicted: “Over 150,000” (2024)."));
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn fact_check(&self, text: &str, options: &ReadOptions) -> Result<Report> {
        let checks = self.check_text(text, options)?;
        let (a, b) = match &options.pair {
            Some((a, b)) => (a.clone(), b.clone()),
            None => {
                let first = checks
                    .iter()
                    .find_map(|c| c.item.origin.clone().zip(c.item.destination.clone()));
                first.ok_or_else(|| {
                    Error::invalid("pair", "", "the text names no pair of countries: give one")
                })?
            }
        };
        let (a, b) = (self.country(&a)?, self.country(&b)?);
        let indicators: HashMap<String, Indicator> = self
            .indicators()?
            .into_iter()
            .map(|i| (i.code.clone(), i))
            .collect();
        let mut cited = Cited {
            notes: Vec::new(),
            numbers: HashMap::new(),
            names: [&a, &b]
                .into_iter()
                .map(|c| (c.alpha3.clone(), country_in_text(c.display_name())))
                .collect(),
        };
        let of_kind = |kind: ItemKind| -> Vec<&TextCheck> {
            let mut list: Vec<&TextCheck> = checks.iter().filter(|c| c.item.kind == kind).collect();
            list.sort_by_key(|c| ORDER.iter().position(|v| *v == c.verdict));
            list
        };
        let (figures, claims) = (of_kind(ItemKind::Figure), of_kind(ItemKind::Claim));
        let headline = [tally(&figures, "figures"), tally(&claims, "claims")]
            .into_iter()
            .flatten()
            .map(|text| Sentence {
                text,
                notes: Vec::new(),
            })
            .collect();
        let mut sections = Vec::new();
        for (id, title, list) in [
            ("figures", "The text's figures", &figures),
            ("claims", "The text's claims", &claims),
        ] {
            if list.is_empty() {
                continue;
            }
            sections.push(Section {
                id: id.to_owned(),
                title: title.to_owned(),
                sentences: list
                    .iter()
                    .map(|c| line(c, &mut cited, &indicators))
                    .collect(),
                tables: Vec::new(),
                charts: Vec::new(),
            });
        }
        let used: HashSet<Option<String>> = cited.notes.iter().map(|n| n.source.clone()).collect();
        let sources = self
            .sources()?
            .into_iter()
            .filter(|s| used.contains(&Some(s.id.clone())))
            .collect();
        Ok(Report {
            title: format!("Fact check: {} and {}", a.display_name(), b.display_name()),
            a,
            b,
            headline,
            findings: Vec::new(),
            sections,
            notes: cited.notes,
            sources,
            how_to_read: vec![
                "Each figure and claim the text states is checked against the stored figures. \
                 A figure is supported when the stored figure lies inside what the text's \
                 wording allows (\"over 102,000\" is 102,000 to 103,000), plausible when the two \
                 overlap, contradicted when they do not, and unverifiable when the store has no \
                 figure for its series and period. Claims are checked as the report checks them."
                    .to_owned(),
            ],
            figures: Default::default(),
            product_names: HashMap::new(),
        })
    }
}
