//! The text reader on a news article of about 2,000 words: paragraphs written in the
//! manner of agency reports (figures, claims, dates on every line), repeated to the
//! length, read several times; the median is printed. The issue asks for well under a
//! second.
//!
//! `cargo bench --bench read_text`; `-- 5000` sets the word count.

use std::time::{Duration, Instant};

use bilateral::text::{read_text, ReadOptions};
use time::macros::date;

const PARAGRAPHS: &[&str] = &[
    "Trade turnover between Uzbekistan and Türkiye amounted to $1,5 billion in January–April 2023, up 16.4 percent compared to January–April 2022, the statistics agency said.",
    "Uzbek exports to Türkiye reached $702.3 million over the period, while imports from Türkiye stood at $812 million.",
    "The two governments aim to raise bilateral trade to $10 billion by 2030. Presidents of the two countries held talks in Ankara on 14 May.",
    "Container shipments from China to Kazakhstan through the Khorgos dry port reached 512,000 TEUs in 2023, nearly doubling from 2021. Some 1,5 million tonnes of grain were transshipped to China in the first half of 2024.",
    "More than 650,000 Chinese tourists visited Kazakhstan in 2023, while Kazakh tourists made over 1.1 million trips to China.",
    "Georgia's imports from Azerbaijan totalled $512.7 million in 2023, a 9% decline from 2022, while its exports to Azerbaijan were worth about $118 million.",
    "Cultural relations between the two nations have strengthened, with film festivals, exhibitions, concerts and theatrical performances held in both capitals throughout the year.",
];

fn main() {
    let words: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(2_000);
    let mut text = String::new();
    let mut count = 0;
    for paragraph in PARAGRAPHS.iter().cycle() {
        if count >= words {
            break;
        }
        text.push_str(paragraph);
        text.push('\n');
        count += paragraph.split_whitespace().count();
    }
    let options = ReadOptions {
        published: Some(date!(2024 - 06 - 01)),
        ..ReadOptions::default()
    };
    let mut times: Vec<Duration> = Vec::new();
    let mut items = 0;
    for _ in 0..7 {
        let start = Instant::now();
        items = read_text(&text, &options).items.len();
        times.push(start.elapsed());
    }
    times.sort();
    println!(
        "read_text: {count} words, {items} items, median {:.1} ms (fastest {:.1} ms)",
        times[times.len() / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3
    );
}
