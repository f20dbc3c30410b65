//! Report topics: the part of a relationship an indicator describes, which is the
//! section of a report it appears in. A topic is a label (a code such as `trade`, or
//! any code of the user's own); the store keeps each topic's title and position in
//! its `topic` table, preloaded with the six below.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The code of a report topic: `trade`, `investment`, `transport`, `people`,
/// `cooperation`, `other`, or one of the user's own (`energy`, `education`).
///
/// ```
/// use bilateral::Topic;
///
/// assert_eq!(Topic::infer("trade_turnover", "Trade turnover"), Topic::TRADE);
/// assert_eq!(Topic::infer("tourists", "Tourist visits"), Topic::PEOPLE);
/// assert_eq!(Topic::infer("grain", "Grain harvest"), Topic::OTHER);
/// assert_eq!(Topic::new("Energy")?.code(), "energy");
/// assert!(Topic::new("energy & mining").is_err());
/// # Ok::<(), bilateral::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct Topic(Cow<'static, str>);

/// The words that place an indicator in a topic when none is given: a word of the
/// indicator's code or name that starts with one of these puts it in that topic. The
/// first topic with a match wins, so `visitors` is people, not cooperation.
pub const TOPIC_WORDS: [(Topic, &[&str]); 5] = [
    (Topic::TRADE, &["turnover", "export", "import", "trade"]),
    (Topic::INVESTMENT, &["invest", "fdi", "capital", "compan"]),
    (
        Topic::TRANSPORT,
        &[
            "transport",
            "cargo",
            "container",
            "freight",
            "transit",
            "logistic",
            "rail",
            "truck",
            "port",
            "airport",
            "aviation",
            "flight",
            "shipping",
        ],
    ),
    (
        Topic::PEOPLE,
        &["tourist", "tourism", "visitor", "student", "migrant"],
    ),
    (
        Topic::COOPERATION,
        &[
            "cooperat",
            "agreement",
            "memorand",
            "treaty",
            "military",
            "visit",
        ],
    ),
];

impl Topic {
    /// Trade turnover, exports and imports.
    pub const TRADE: Topic = Topic(Cow::Borrowed("trade"));
    /// Investment and companies.
    pub const INVESTMENT: Topic = Topic(Cow::Borrowed("investment"));
    /// Transport corridors, pipelines, cables.
    pub const TRANSPORT: Topic = Topic(Cow::Borrowed("transport"));
    /// Tourism and people.
    pub const PEOPLE: Topic = Topic(Cow::Borrowed("people"));
    /// Agreements, defence, education, culture; the report puts the timeline of
    /// events in this topic's section.
    pub const COOPERATION: Topic = Topic(Cow::Borrowed("cooperation"));
    /// Anything else.
    pub const OTHER: Topic = Topic(Cow::Borrowed("other"));

    /// A topic code: up to 64 lowercase letters, digits and `_`, starting with a
    /// letter (given in any case; surrounding spaces are ignored).
    pub fn new(code: &str) -> Result<Topic> {
        let code = code.trim().to_ascii_lowercase();
        let well_formed = code.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
            && code
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            && code.len() <= 64;
        if well_formed {
            Ok(Topic(Cow::Owned(code)))
        } else {
            Err(Error::invalid(
                "topic",
                code,
                "is not a topic code: use up to 64 lowercase letters, digits and '_', \
                 starting with a letter",
            ))
        }
    }

    /// The topic an indicator's code and name suggest, by [`TOPIC_WORDS`]; `other`
    /// when no word matches.
    pub fn infer(code: &str, name: &str) -> Topic {
        let text = format!("{code} {name}").to_lowercase();
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        TOPIC_WORDS
            .iter()
            .find(|(_, stems)| {
                words
                    .iter()
                    .any(|word| stems.iter().any(|stem| word.starts_with(stem)))
            })
            .map_or(Topic::OTHER, |(topic, _)| topic.clone())
    }

    /// The code stored in the database.
    pub fn code(&self) -> &str {
        &self.0
    }

    /// A title for a new topic made from its code: `energy_security` gives
    /// "Energy security".
    pub fn default_title(&self) -> String {
        let words = self.0.replace('_', " ");
        let mut chars = words.chars();
        chars
            .next()
            .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
    }
}

/// A topic as the store keeps it: its code and the title of its report section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicEntry {
    /// The topic's code.
    pub topic: Topic,
    /// The title of its section: "Trade", "Investment and business presence".
    pub title: String,
}

impl Default for Topic {
    fn default() -> Topic {
        Topic::OTHER
    }
}

/// A data file's topic goes through [`Topic::new`], like every other.
impl TryFrom<String> for Topic {
    type Error = Error;
    fn try_from(code: String) -> Result<Topic> {
        Topic::new(&code)
    }
}

impl From<Topic> for String {
    fn from(topic: Topic) -> String {
        topic.0.into_owned()
    }
}

impl fmt::Display for Topic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inference_matches_word_starts_not_substrings() {
        // "export" contains "port", but a word must start with a stem.
        assert_eq!(Topic::infer("exports", "Exports"), Topic::TRADE);
        assert_eq!(Topic::infer("port_calls", "Port calls"), Topic::TRANSPORT);
        assert_eq!(Topic::infer("support", "Budget support"), Topic::OTHER);
        assert_eq!(Topic::infer("visitors", "Visitors"), Topic::PEOPLE);
        assert_eq!(
            Topic::infer("visits", "Official visits"),
            Topic::COOPERATION
        );
        assert_eq!(Topic::infer("fdi_stock", "FDI stock"), Topic::INVESTMENT);
        assert_eq!(Topic::infer("firms", "Joint companies"), Topic::INVESTMENT);
        assert_eq!(Topic::infer("mou", "Memoranda signed"), Topic::COOPERATION);
        // A topic's own word puts an indicator in it.
        assert_eq!(Topic::infer("road_transport", "Lorries"), Topic::TRANSPORT);
        assert_eq!(
            Topic::infer("cooperation_projects", "Projects"),
            Topic::COOPERATION
        );
        assert_eq!(
            Topic::infer("airport_passengers", "Passengers"),
            Topic::TRANSPORT
        );
    }

    #[test]
    fn a_new_topic_is_a_lowercase_code_with_a_title_from_its_words() {
        let topic = Topic::new(" Energy_Security ").unwrap();
        assert_eq!(topic.code(), "energy_security");
        assert_eq!(topic.default_title(), "Energy security");
        for bad in ["", "9lives", "energy-mining", "énergie"] {
            let err = Topic::new(bad).unwrap_err();
            assert_eq!(err.validation().unwrap().field, "topic", "{bad:?}");
        }
    }
}
