//! The text reader against the founding article and texts written for these tests,
//! each labelled by hand: counts of items read right, printed, with floors.

use std::path::Path;

use bilateral::text::{read_text, Draft, Item, ReadOptions};
use bilateral::{ClaimWords, Period, Reference};
use serde_json::Value;
use time::macros::date;

/// A reference figure: indicator is not scored (the issue scores value, unit,
/// qualifier, period, direction and status).
struct Figure<'a> {
    value: f64,
    unit: &'a str,
    qualifier: &'a str,
    period: &'a str,
    origin: &'a str,
    destination: &'a str,
    directed: bool,
    status: &'a str,
    quote: &'a str,
}

struct Claim<'a> {
    words: &'a str,
    period: &'a str,
    reference: &'a str,
    quote: &'a str,
}

struct Event<'a> {
    date: &'a str,
    quote: &'a str,
}

/// The sentence is the same, whichever side quotes a little more (an opening quote
/// mark).
fn same_sentence(a: &str, b: &str) -> bool {
    a.contains(b.trim_matches(['“', '”'])) || b.contains(a.trim_matches(['“', '”']))
}

fn code(period: Option<Period>) -> String {
    period.map_or("-".to_owned(), |p| p.to_string())
}

/// Figures right on value, unit, qualifier, period, direction and status; each
/// reference figure matched to a distinct draft figure of its sentence and value.
fn score_figures(draft: &Draft, reference: &[Figure]) -> usize {
    let mut used = vec![false; draft.items.len()];
    let mut right = 0;
    for r in reference {
        let found = draft.items.iter().enumerate().find(|(k, i)| {
            !used[*k]
                && i.kind == bilateral::text::ItemKind::Figure
                && same_sentence(&i.quote, r.quote)
                && i.value
                    .is_some_and(|v| (v - r.value).abs() <= 1e-9 * r.value.abs())
        });
        let Some((k, item)) = found else {
            println!(
                "  figure missed: {} {} {} in {:?}",
                r.value,
                r.unit,
                r.period,
                short(r.quote)
            );
            continue;
        };
        used[k] = true;
        let direction = match (item.origin.as_deref(), item.destination.as_deref()) {
            (Some(o), Some(d)) if r.directed => o == r.origin && d == r.destination,
            (Some(o), Some(d)) => {
                (o == r.origin && d == r.destination) || (o == r.destination && d == r.origin)
            }
            _ => false,
        };
        let checks = [
            ("unit", item.unit.as_deref() == Some(r.unit)),
            (
                "qualifier",
                item.qualifier.map(|q| q.code()) == Some(r.qualifier),
            ),
            ("period", code(item.period) == r.period),
            ("direction", direction),
            ("status", item.status.map(|s| s.code()) == Some(r.status)),
        ];
        let wrong: Vec<&str> = checks.iter().filter(|c| !c.1).map(|c| c.0).collect();
        if wrong.is_empty() {
            right += 1;
        } else {
            println!(
                "  figure wrong on {wrong:?}: {} {:?} {:?} {} {:?}->{:?} {:?} (want {} {} {} {}->{} {})",
                r.value,
                item.unit,
                item.qualifier,
                code(item.period),
                item.origin,
                item.destination,
                item.status,
                r.unit,
                r.qualifier,
                r.period,
                r.origin,
                r.destination,
                r.status
            );
            print_reasons(item);
        }
    }
    right
}

/// Claims right on relation, number and reference (and the period they speak of).
fn score_claims(draft: &Draft, reference: &[Claim]) -> usize {
    let mut used = vec![false; draft.items.len()];
    let mut right = 0;
    for r in reference {
        let want = ClaimWords::parse(r.words).expect("reference claim words read");
        let period: Period = r.period.parse().unwrap();
        let want_reference = match r.reference {
            "" => Reference::parse(None, want.relation, &period)
                .unwrap()
                .code(),
            other => other.to_owned(),
        };
        let found = draft.items.iter().enumerate().find(|(k, i)| {
            !used[*k]
                && i.kind == bilateral::text::ItemKind::Claim
                && same_sentence(&i.quote, r.quote)
                && i.relation == Some(want.relation)
                && i.value == want.value
                && code(i.period) == r.period
                && i.reference.as_deref() == Some(want_reference.as_str())
        });
        match found {
            Some((k, _)) => {
                used[k] = true;
                right += 1;
            }
            None => println!(
                "  claim missed: {:?} {} vs {} in {:?}",
                r.words,
                r.period,
                want_reference,
                short(r.quote)
            ),
        }
    }
    right
}

/// Events right on date.
fn score_events(draft: &Draft, reference: &[Event]) -> usize {
    let mut used = vec![false; draft.items.len()];
    let mut right = 0;
    for r in reference {
        let found = draft.items.iter().enumerate().find(|(k, i)| {
            !used[*k]
                && i.kind == bilateral::text::ItemKind::Event
                && same_sentence(&i.quote, r.quote)
                && code(i.period) == r.date
        });
        match found {
            Some((k, _)) => {
                used[k] = true;
                right += 1;
            }
            None => println!("  event missed: {} in {:?}", r.date, short(r.quote)),
        }
    }
    right
}

fn short(quote: &str) -> String {
    quote.chars().take(70).collect()
}

fn print_reasons(item: &Item) {
    for r in &item.reasons {
        println!("      {}: {}", r.field, r.text);
    }
}

/// Every quote is the text between its character offsets.
fn quotes_are_in_the_text(text: &str, draft: &Draft) -> usize {
    let chars: Vec<char> = text.chars().collect();
    draft
        .items
        .iter()
        .filter(|i| chars[i.start..i.end].iter().collect::<String>() != i.quote)
        .count()
}

fn dataset() -> Value {
    serde_json::from_str(include_str!(
        "../data/datasets/azerbaijan-kazakhstan-2025.json"
    ))
    .unwrap()
}

#[test]
fn the_seed_article_reads_into_the_built_in_datasets_items() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/000_f2ecd2f031ab7726.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: ../shared/seed is absent (the founding article is not shipped with the project)");
        return;
    };
    let data = dataset();
    let indicators = data["indicators"].as_array().unwrap();
    let unit_of = |code: &str| {
        let i = indicators.iter().find(|i| i["code"] == code).unwrap();
        (
            i["unit"].as_str().unwrap(),
            i["directed"].as_bool().unwrap(),
        )
    };
    let figures: Vec<Figure> = data["observations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            let (unit, directed) = unit_of(o["indicator"].as_str().unwrap());
            Figure {
                value: o["value"].as_f64().unwrap(),
                unit,
                qualifier: o["qualifier"].as_str().unwrap(),
                period: o["period"].as_str().unwrap(),
                origin: o["origin"].as_str().unwrap(),
                destination: o["destination"].as_str().unwrap(),
                directed,
                status: o["status"].as_str().unwrap(),
                quote: o["quote"].as_str().unwrap(),
            }
        })
        .collect();
    let claims: Vec<Claim> = data["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| Claim {
            words: c["relation"].as_str().unwrap(),
            period: c["period"].as_str().unwrap(),
            reference: c["reference"].as_str().unwrap_or(""),
            quote: c["quote"].as_str().unwrap(),
        })
        .collect();
    let events: Vec<Event> = data["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| Event {
            date: e["date"].as_str().unwrap(),
            quote: e["quote"].as_str().unwrap(),
        })
        .collect();
    // The article appeared in October 2025 (it calls the October 2025 summit "most
    // recently" and Aliyev's visit is under way); the reader uses only the year here.
    let options = ReadOptions {
        pair: Some(("AZE".to_owned(), "KAZ".to_owned())),
        source: Some("caspian-post".to_owned()),
        published: Some(date!(2025 - 10 - 01)),
    };
    let draft = read_text(&text, &options);
    let f = score_figures(&draft, &figures);
    let c = score_claims(&draft, &claims);
    let e = score_events(&draft, &events);
    let outside = quotes_are_in_the_text(&text, &draft);
    println!(
        "seed article: figures {f}/{} right (issue: at least 90 %, 32 of 35), claims {c}/{} \
         (issue: at least 8 of 10), events {e}/{} (issue: at least 15 of 21); draft has {} \
         figures, {} claims, {} events; {outside} quotes not in the text",
        figures.len(),
        claims.len(),
        events.len(),
        draft.figures().count(),
        draft.claims().count(),
        draft.events().count(),
    );
    assert_eq!(outside, 0);
    assert!(f >= 32, "figures {f} below the floor");
    assert!(c >= 8, "claims {c} below the floor");
    assert!(e >= 15, "events {e} below the floor");
}

#[test]
#[ignore = "prints the draft of the seed article, for a person to look at"]
fn print_the_seed_articles_draft() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/000_f2ecd2f031ab7726.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return;
    };
    let options = ReadOptions {
        pair: Some(("AZE".to_owned(), "KAZ".to_owned())),
        source: None,
        published: Some(date!(2025 - 10 - 01)),
    };
    for item in read_text(&text, &options).items {
        println!(
            "{} {:?} {:?} {:?}->{:?} {} {:?} {:?} {:?} {:?} {:?} [{}] {:.2}",
            item.kind.code(),
            item.indicator,
            item.value,
            item.origin,
            item.destination,
            code(item.period),
            item.unit,
            item.qualifier,
            item.status,
            item.relation,
            item.reference,
            item.words,
            item.confidence
        );
    }
}
