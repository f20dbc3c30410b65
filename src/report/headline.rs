//! The report's summary: the handful of lines that define a relationship, chosen from
//! every series' line by a rule, so that the rest stays in its section.
//!
//! The rule, in order:
//!
//! 1. **Topics.** Only the lead topics, in this order: trade, investment, transport,
//!    people ([`LEAD_TOPICS`]). Other topics (cooperation, the user's own) appear only
//!    when none of these has a figure.
//! 2. **Slots.** Each topic has three slots: the pair as a whole (an undirected
//!    series), then the first country to the second, then the second to the first. So
//!    trade gives its level and the largest flow each way, investment its figure each
//!    way, transport the corridor and its largest directed flow, people each way.
//! 3. **One line a slot**, the first of its series by: a measured latest figure
//!    (actual or provisional, not a plan) before an estimate, target, projection or plan; money before
//!    tonnes, tonnes before other units (a value in money is what the sizes of
//!    different things compare in); then the largest latest value.
//! 4. **At most [`MOST_LINES`] lines.** First the first filled slot of every topic, so
//!    that each topic has its line, then the other slots in topic and slot order while
//!    room remains; shown in topic and slot order.

use std::cmp::Ordering;

use super::Sentence;
use crate::builtin::is_currency;
use crate::model::Topic;

/// The topics whose figures define a relationship, in the summary's order.
pub(super) const LEAD_TOPICS: [Topic; 4] = [
    Topic::TRADE,
    Topic::INVESTMENT,
    Topic::TRANSPORT,
    Topic::PEOPLE,
];

/// The longest the summary gets.
pub(super) const MOST_LINES: usize = 8;

/// Which way a series runs, as a slot of its topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Slot {
    /// The pair as a whole (an undirected series).
    Pair,
    /// From the report's first country to its second.
    Forward,
    /// From the second to the first.
    Back,
}

/// A series' line with what the rule reads of it.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    /// The series' topic.
    pub(super) topic: Topic,
    /// Its position among the report's topics (for topics other than the lead ones).
    pub(super) topic_position: usize,
    pub(super) slot: Slot,
    /// True when the latest figure is actual or provisional.
    pub(super) measured: bool,
    pub(super) unit: String,
    /// The latest figure's value.
    pub(super) value: f64,
    /// The line to show.
    pub(super) line: Sentence,
}

impl Candidate {
    /// Money 0, tonnes 1, anything else 2.
    fn unit_rank(&self) -> u8 {
        if is_currency(&self.unit) {
            0
        } else if self.unit == "t" {
            1
        } else {
            2
        }
    }

    /// The order within a slot: the best first.
    fn better(&self, other: &Candidate) -> Ordering {
        (!self.measured, self.unit_rank())
            .cmp(&(!other.measured, other.unit_rank()))
            .then(other.value.abs().total_cmp(&self.value.abs()))
    }
}

/// The summary's lines out of every series' `candidates` (in the report's order), by
/// the rule in this module's documentation.
pub(super) fn lead(candidates: Vec<Candidate>) -> Vec<Sentence> {
    let lead_rank = |topic: &Topic| LEAD_TOPICS.iter().position(|t| t == topic);
    let any_lead = candidates.iter().any(|c| lead_rank(&c.topic).is_some());
    // The best candidate of each (topic, slot), keyed by the topic's rank.
    let mut best: Vec<((usize, Slot), Candidate)> = Vec::new();
    for c in candidates {
        let rank = match lead_rank(&c.topic) {
            Some(rank) => rank,
            None if any_lead => continue,
            None => LEAD_TOPICS.len() + c.topic_position,
        };
        let key = (rank, c.slot);
        match best.iter_mut().find(|(k, _)| *k == key) {
            Some((_, held)) if c.better(held) == Ordering::Less => *held = c,
            Some(_) => {}
            None => best.push((key, c)),
        }
    }
    best.sort_by_key(|(key, _)| *key);
    // First each topic's first slot, then the rest while there is room.
    let mut chosen = vec![false; best.len()];
    let mut count = 0;
    for i in 0..best.len() {
        let first_of_topic = i == 0 || best[i - 1].0 .0 != best[i].0 .0;
        if first_of_topic && count < MOST_LINES {
            chosen[i] = true;
            count += 1;
        }
    }
    for flag in &mut chosen {
        if !*flag && count < MOST_LINES {
            *flag = true;
            count += 1;
        }
    }
    best.into_iter()
        .zip(chosen)
        .filter(|(_, keep)| *keep)
        .map(|((_, c), _)| c.line)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(topic: Topic, slot: Slot, unit: &str, value: f64, text: &str) -> Candidate {
        Candidate {
            topic,
            topic_position: 0,
            slot,
            measured: true,
            unit: unit.to_owned(),
            value,
            line: Sentence {
                text: text.to_owned(),
                notes: Vec::new(),
            },
        }
    }

    fn texts(lines: &[Sentence]) -> Vec<&str> {
        lines.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn the_summary_takes_the_largest_money_figure_of_each_slot_in_topic_order() {
        let lines = lead(vec![
            // people comes after trade whatever the order of the candidates
            candidate(
                Topic::PEOPLE,
                Slot::Forward,
                "persons",
                30_000.0,
                "visitors out",
            ),
            candidate(Topic::TRADE, Slot::Back, "t", 900_000.0, "grain tonnes"),
            candidate(Topic::TRADE, Slot::Back, "USD", 5e6, "fruit"),
            candidate(Topic::TRADE, Slot::Back, "USD", 40e6, "grain"),
            candidate(Topic::TRADE, Slot::Pair, "USD", 150e6, "turnover"),
            candidate(Topic::COOPERATION, Slot::Pair, "count", 170.0, "agreements"),
        ]);
        // grain: money before tonnes, and $40 million before $5 million; no agreements
        assert_eq!(texts(&lines), ["turnover", "grain", "visitors out"]);
    }

    #[test]
    fn a_measured_figure_leads_an_estimate() {
        let mut estimate = candidate(Topic::TRANSPORT, Slot::Pair, "KZT", 22e9, "cable cost");
        estimate.measured = false;
        let cargo = candidate(Topic::TRANSPORT, Slot::Pair, "t", 2.6e6, "cargo");
        assert_eq!(texts(&lead(vec![estimate, cargo])), ["cargo"]);
    }

    #[test]
    fn every_lead_topic_gets_a_line_before_any_gets_a_second() {
        // four topics × three slots = 12 candidates: the first slot of each topic, then
        // the rest in order until there are eight
        let mut all = Vec::new();
        for topic in LEAD_TOPICS {
            for slot in [Slot::Pair, Slot::Forward, Slot::Back] {
                let text = format!("{topic} {slot:?}");
                all.push(candidate(topic.clone(), slot, "USD", 1.0, &text));
            }
        }
        // drop the trade pair line, so that trade's first filled slot is Forward
        all.remove(0);
        let lines = lead(all);
        // first pass: trade Forward, investment Pair, transport Pair, people Pair; then
        // in order: trade Back, investment Forward and Back, transport Forward (8 lines)
        assert_eq!(
            texts(&lines),
            [
                "trade Forward",
                "trade Back",
                "investment Pair",
                "investment Forward",
                "investment Back",
                "transport Pair",
                "transport Forward",
                "people Pair",
            ]
        );
    }

    #[test]
    fn other_topics_lead_only_when_no_lead_topic_has_a_figure() {
        let lines = lead(vec![candidate(
            Topic::COOPERATION,
            Slot::Pair,
            "count",
            12.0,
            "joint projects",
        )]);
        assert_eq!(texts(&lines), ["joint projects"]);
    }
}
