//! The text reader against the founding article and texts written for these tests,
//! each labelled by hand: counts of items read right, printed, with floors.

use std::path::Path;

use bilateral::text::{read_text, Draft, Item, ReadOptions};
use bilateral::{ClaimWords, PairFilter, Period, Reference};
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

/// A period label in its canonical form ("2024-01/2024-06" is "2024-H1").
fn canonical(label: &str) -> String {
    label
        .parse::<Period>()
        .map_or(label.to_owned(), |p| p.to_string())
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
            ("period", code(item.period) == canonical(r.period)),
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
            other => canonical(other),
        };
        let found = draft.items.iter().enumerate().find(|(k, i)| {
            !used[*k]
                && i.kind == bilateral::text::ItemKind::Claim
                && same_sentence(&i.quote, r.quote)
                && i.relation == Some(want.relation)
                && i.value == want.value
                && code(i.period) == canonical(r.period)
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
                && code(i.period) == canonical(r.date)
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
        "../../data/datasets/azerbaijan-kazakhstan-2025.json"
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
    // Floors at what the reader reaches (above the bars): a ratchet.
    assert!(f >= 34, "figures {f} below the floor of 34");
    assert!(c >= 10, "claims {c} below the floor of 10");
    assert!(e >= 19, "events {e} below the floor of 19");
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

/// A figure labelled by hand: value, unit, qualifier, period, origin, destination
/// (`directed` false: either order), status, and a piece of its sentence.
#[allow(clippy::too_many_arguments)]
fn fig<'a>(
    value: f64,
    unit: &'a str,
    qualifier: &'a str,
    period: &'a str,
    origin: &'a str,
    destination: &'a str,
    directed: bool,
    status: &'a str,
    quote: &'a str,
) -> Figure<'a> {
    Figure {
        value,
        unit,
        qualifier,
        period,
        origin,
        destination,
        directed,
        status,
        quote,
    }
}

struct Labelled<'a> {
    name: &'a str,
    text: &'a str,
    options: ReadOptions,
    figures: Vec<Figure<'a>>,
    claims: Vec<Claim<'a>>,
    events: Vec<Event<'a>>,
}

/// Texts written for these tests in the manner of agency reports (not copied from
/// any), labelled by hand before the reader ran on them.
fn own_texts() -> Vec<Labelled<'static>> {
    vec![
        Labelled {
            name: "Uzbekistan–Türkiye trade",
            text: "Trade turnover between Uzbekistan and Türkiye amounted to $1,5 billion in \
                   January–April 2023, up 16.4 percent compared to January–April 2022, the \
                   statistics agency said.\nUzbek exports to Türkiye reached $702.3 million over \
                   the period, while imports from Türkiye stood at $812 million.\nThe two \
                   governments aim to raise bilateral trade to $10 billion by 2030.\nPresidents \
                   of the two countries held talks in Ankara on 14 May.",
            options: ReadOptions {
                published: Some(date!(2023 - 05 - 20)),
                ..ReadOptions::default()
            },
            figures: vec![
                // $1,5 billion: a decimal comma, 1.5 × 10⁹
                fig(
                    1.5e9,
                    "USD",
                    "exact",
                    "2023-01/2023-04",
                    "UZB",
                    "TUR",
                    false,
                    "actual",
                    "amounted to $1,5 billion",
                ),
                fig(
                    702.3e6,
                    "USD",
                    "exact",
                    "2023-01/2023-04",
                    "UZB",
                    "TUR",
                    true,
                    "actual",
                    "Uzbek exports",
                ),
                // imports from Türkiye: Türkiye is the origin, Uzbekistan the importer
                fig(
                    812e6,
                    "USD",
                    "exact",
                    "2023-01/2023-04",
                    "TUR",
                    "UZB",
                    true,
                    "actual",
                    "Uzbek exports",
                ),
                fig(
                    10e9,
                    "USD",
                    "exact",
                    "2030",
                    "UZB",
                    "TUR",
                    false,
                    "target",
                    "aim to raise",
                ),
            ],
            claims: vec![Claim {
                words: "up 16.4 percent",
                period: "2023-01/2023-04",
                reference: "2022-01/2022-04",
                quote: "amounted to $1,5 billion",
            }],
            events: vec![Event {
                date: "2023-05-14",
                quote: "held talks in Ankara",
            }],
        },
        Labelled {
            name: "Kazakhstan–China freight and tourists",
            text: "Rail freight from Kazakhstan to China rose to 28.4 million tonnes last year, \
                   the national railway company reported.\nContainer shipments from China to \
                   Kazakhstan through the Khorgos dry port reached 512,000 TEUs in 2023, nearly \
                   doubling from 2021. Some 1,5 million tonnes of grain were transshipped to \
                   China in the first half of 2024.\nMore than 650,000 Chinese tourists visited \
                   Kazakhstan in 2023, while Kazakh tourists made over 1.1 million trips to \
                   China.\nBoth sides expect rail freight from Kazakhstan to China to reach 35 \
                   million tonnes by 2027.",
            options: ReadOptions {
                published: Some(date!(2024 - 09 - 15)),
                ..ReadOptions::default()
            },
            figures: vec![
                // "last year" in a text of 2024 is 2023
                fig(
                    28.4e6,
                    "t",
                    "exact",
                    "2023",
                    "KAZ",
                    "CHN",
                    true,
                    "actual",
                    "Rail freight from",
                ),
                fig(
                    512_000.0, "TEU", "exact", "2023", "CHN", "KAZ", true, "actual", "Khorgos",
                ),
                // "some 1,5 million": around 1.5 million
                fig(
                    1.5e6,
                    "t",
                    "approx",
                    "2024-H1",
                    "KAZ",
                    "CHN",
                    true,
                    "actual",
                    "transshipped",
                ),
                fig(
                    650_000.0,
                    "persons",
                    "over",
                    "2023",
                    "CHN",
                    "KAZ",
                    true,
                    "actual",
                    "Chinese tourists",
                ),
                fig(
                    1.1e6,
                    "persons",
                    "over",
                    "2023",
                    "KAZ",
                    "CHN",
                    true,
                    "actual",
                    "Chinese tourists",
                ),
                fig(
                    35e6,
                    "t",
                    "exact",
                    "2027",
                    "KAZ",
                    "CHN",
                    true,
                    "projection",
                    "Both sides expect",
                ),
            ],
            claims: vec![Claim {
                words: "nearly doubling",
                period: "2023",
                reference: "2021",
                quote: "Khorgos",
            }],
            events: vec![],
        },
        Labelled {
            name: "Azerbaijan–Georgia trade and investment",
            text: "Azerbaijan and Georgia signed a memorandum on a Black Sea energy cable on 17 \
                   December 2022 in Bucharest.\nGeorgia's imports from Azerbaijan totalled \
                   $512.7 million in 2023, a 9% decline from 2022, while its exports to \
                   Azerbaijan were worth about $118 million.\nAzerbaijani investment in Georgia \
                   has amounted to $4.2 billion since 2010, according to the statistics office.\n\
                   The two countries plan to lift trade to $1 billion by 2026. Construction of \
                   a new border bridge is due to begin in 2025.",
            options: ReadOptions {
                pair: Some(("AZE".to_owned(), "GEO".to_owned())),
                published: Some(date!(2024 - 03 - 01)),
                ..ReadOptions::default()
            },
            figures: vec![
                fig(
                    512.7e6,
                    "USD",
                    "exact",
                    "2023",
                    "AZE",
                    "GEO",
                    true,
                    "actual",
                    "imports from Azerbaijan",
                ),
                fig(
                    118e6,
                    "USD",
                    "approx",
                    "2023",
                    "GEO",
                    "AZE",
                    true,
                    "actual",
                    "imports from Azerbaijan",
                ),
                // since 2010, to the month of publication (March 2024)
                fig(
                    4.2e9,
                    "USD",
                    "exact",
                    "2010-01/2024-03",
                    "AZE",
                    "GEO",
                    true,
                    "actual",
                    "Azerbaijani investment",
                ),
                fig(
                    1e9,
                    "USD",
                    "exact",
                    "2026",
                    "AZE",
                    "GEO",
                    false,
                    "target",
                    "plan to lift",
                ),
            ],
            claims: vec![Claim {
                words: "a 9% decline",
                period: "2023",
                reference: "2022",
                quote: "imports from Azerbaijan",
            }],
            events: vec![
                Event {
                    date: "2022-12-17",
                    quote: "signed a memorandum",
                },
                Event {
                    date: "2025",
                    quote: "due to begin",
                },
            ],
        },
        Labelled {
            name: "Kazakhstan–Türkiye half-year",
            text: "In January–June 2024, trade between Kazakhstan and Türkiye amounted to 2,1 \
                   billion US dollars, which is 4.8 percent less than a year earlier.\nKazakhstan \
                   exported goods worth $1.3 billion to Türkiye, mainly copper and zinc, and \
                   imported Turkish goods for $800 mln.\nAround 420 Turkish companies are \
                   registered in Kazakhstan, the ministry said.\nFlights between the two \
                   countries are expected to increase to 120 a week by 2025.",
            options: ReadOptions {
                pair: Some(("KAZ".to_owned(), "TUR".to_owned())),
                published: Some(date!(2024 - 08 - 01)),
                ..ReadOptions::default()
            },
            figures: vec![
                // 2,1 billion: 2.1 × 10⁹
                fig(
                    2.1e9,
                    "USD",
                    "exact",
                    "2024-01/2024-06",
                    "KAZ",
                    "TUR",
                    false,
                    "actual",
                    "amounted to 2,1",
                ),
                fig(
                    1.3e9,
                    "USD",
                    "exact",
                    "2024-01/2024-06",
                    "KAZ",
                    "TUR",
                    true,
                    "actual",
                    "exported goods",
                ),
                fig(
                    800e6,
                    "USD",
                    "exact",
                    "2024-01/2024-06",
                    "TUR",
                    "KAZ",
                    true,
                    "actual",
                    "exported goods",
                ),
                // no period: a count as of publication (2024)
                fig(
                    420.0,
                    "count",
                    "approx",
                    "2024",
                    "TUR",
                    "KAZ",
                    true,
                    "actual",
                    "Turkish companies",
                ),
                fig(
                    120.0,
                    "count",
                    "exact",
                    "2025",
                    "KAZ",
                    "TUR",
                    false,
                    "projection",
                    "Flights between",
                ),
            ],
            claims: vec![Claim {
                words: "4.8 percent less",
                period: "2024-01/2024-06",
                reference: "2023-01/2023-06",
                quote: "amounted to 2,1",
            }],
            events: vec![],
        },
        Labelled {
            name: "Viet Nam–Japan",
            text: "Vietnam's exports to Japan rose 12% year on year to $24.2 billion in 2023, \
                   while imports from Japan fell slightly to $21.6 billion, according to customs \
                   data.\nJapanese direct investment in Vietnam reached $6.6 billion in 2023, \
                   more than triple the 2019 level.\nThe number of Vietnamese students in Japan \
                   exceeded 50,000 last year.\nBoth governments have set a goal of 1 million \
                   Japanese visitors to Vietnam in 2025, compared with nearly 600,000 in 2023.",
            options: ReadOptions {
                published: Some(date!(2024 - 05 - 10)),
                ..ReadOptions::default()
            },
            figures: vec![
                fig(
                    24.2e9, "USD", "exact", "2023", "VNM", "JPN", true, "actual", "rose 12%",
                ),
                fig(
                    21.6e9, "USD", "exact", "2023", "JPN", "VNM", true, "actual", "rose 12%",
                ),
                fig(
                    6.6e9,
                    "USD",
                    "exact",
                    "2023",
                    "JPN",
                    "VNM",
                    true,
                    "actual",
                    "direct investment",
                ),
                // "exceeded 50,000": over; "last year" in a text of 2024 is 2023
                fig(
                    50_000.0, "persons", "over", "2023", "VNM", "JPN", true, "actual", "students",
                ),
                fig(
                    1e6,
                    "persons",
                    "exact",
                    "2025",
                    "JPN",
                    "VNM",
                    true,
                    "target",
                    "set a goal",
                ),
                fig(
                    600_000.0,
                    "persons",
                    "nearly",
                    "2023",
                    "JPN",
                    "VNM",
                    true,
                    "actual",
                    "set a goal",
                ),
            ],
            claims: vec![
                Claim {
                    words: "rose 12%",
                    period: "2023",
                    reference: "2022",
                    quote: "rose 12%",
                },
                Claim {
                    words: "more than triple",
                    period: "2023",
                    reference: "2019",
                    quote: "direct investment",
                },
            ],
            events: vec![],
        },
        // The two texts below were written and labelled after the reader's rules were
        // set on the five above, and run once as they were (see the commit message).
        Labelled {
            name: "India–United Arab Emirates",
            text: "India and the United Arab Emirates signed a comprehensive economic \
                   partnership agreement on 18 February 2022.\nNon-oil trade between the two \
                   countries reached $50.5 billion in 2023, an increase of 6.2% over 2022, the \
                   commerce ministry said.\nIndian exports to the UAE rose to $31.6 billion in \
                   the 2023 calendar year, while the UAE's exports to India were estimated at \
                   $18.9 billion.\nThe two governments want to raise non-oil trade to $100 \
                   billion by 2030.\nMore than 3.5 million Indian nationals live in the UAE.",
            options: ReadOptions {
                published: Some(date!(2024 - 04 - 01)),
                ..ReadOptions::default()
            },
            figures: vec![
                fig(
                    50.5e9,
                    "USD",
                    "exact",
                    "2023",
                    "IND",
                    "ARE",
                    false,
                    "actual",
                    "Non-oil trade between",
                ),
                fig(
                    31.6e9,
                    "USD",
                    "exact",
                    "2023",
                    "IND",
                    "ARE",
                    true,
                    "actual",
                    "Indian exports",
                ),
                fig(
                    18.9e9,
                    "USD",
                    "exact",
                    "2023",
                    "ARE",
                    "IND",
                    true,
                    "estimate",
                    "Indian exports",
                ),
                fig(
                    100e9,
                    "USD",
                    "exact",
                    "2030",
                    "IND",
                    "ARE",
                    false,
                    "target",
                    "want to raise",
                ),
                // a stock without a period: as of publication (2024)
                fig(
                    3.5e6,
                    "persons",
                    "over",
                    "2024",
                    "IND",
                    "ARE",
                    true,
                    "actual",
                    "Indian nationals",
                ),
            ],
            claims: vec![Claim {
                words: "an increase of 6.2%",
                period: "2023",
                reference: "2022",
                quote: "Non-oil trade between",
            }],
            events: vec![Event {
                date: "2022-02-18",
                quote: "partnership agreement",
            }],
        },
        Labelled {
            name: "Poland–Germany",
            text: "Poland's exports to Germany totalled EUR 87.3 billion in 2023, according to \
                   the statistics office.\nIn the first quarter of 2024, German direct \
                   investment in Poland amounted to 1,2 billion euros, down 15 percent from a \
                   year earlier.\nAround 2.1 million German tourists visited Poland last year, \
                   roughly the same as in 2022.\nThe rail link between Berlin and Warsaw is \
                   scheduled to open in December 2026.",
            options: ReadOptions {
                published: Some(date!(2024 - 06 - 01)),
                ..ReadOptions::default()
            },
            figures: vec![
                fig(
                    87.3e9,
                    "EUR",
                    "exact",
                    "2023",
                    "POL",
                    "DEU",
                    true,
                    "actual",
                    "exports to Germany",
                ),
                // 1,2 billion: 1.2 × 10⁹
                fig(
                    1.2e9,
                    "EUR",
                    "exact",
                    "2024-Q1",
                    "DEU",
                    "POL",
                    true,
                    "actual",
                    "German direct",
                ),
                // "last year" in a text of June 2024 is 2023
                fig(
                    2.1e6,
                    "persons",
                    "approx",
                    "2023",
                    "DEU",
                    "POL",
                    true,
                    "actual",
                    "German tourists",
                ),
            ],
            claims: vec![Claim {
                words: "down 15 percent",
                period: "2024-Q1",
                reference: "2023-Q1",
                quote: "German direct",
            }],
            events: vec![Event {
                date: "2026-12",
                quote: "scheduled to open",
            }],
        },
        // Written and labelled after every rule above was set, and run once as it was.
        Labelled {
            name: "Kyrgyzstan–Russia",
            text: "Remittances from Russia to Kyrgyzstan fell by 17% in 2023 to $2.1 billion, \
                   the central bank said.\nKyrgyz exports to Russia totalled 35,4 million \
                   dollars in the first quarter of 2024, while Russian goods worth $512 million \
                   were shipped to Kyrgyzstan.\nAbout 350,000 Kyrgyz citizens work in Russia, \
                   according to the migration service.\nThe two sides plan to double trade to \
                   $5 billion by 2028.\nA new intergovernmental commission met in Bishkek on 3 \
                   April 2024.",
            options: ReadOptions {
                published: Some(date!(2024 - 05 - 15)),
                ..ReadOptions::default()
            },
            figures: vec![
                fig(
                    2.1e9,
                    "USD",
                    "exact",
                    "2023",
                    "RUS",
                    "KGZ",
                    true,
                    "actual",
                    "Remittances from",
                ),
                // 35,4 million: a decimal comma, 35.4 × 10⁶
                fig(
                    35.4e6,
                    "USD",
                    "exact",
                    "2024-Q1",
                    "KGZ",
                    "RUS",
                    true,
                    "actual",
                    "Kyrgyz exports",
                ),
                fig(
                    512e6,
                    "USD",
                    "exact",
                    "2024-Q1",
                    "RUS",
                    "KGZ",
                    true,
                    "actual",
                    "Kyrgyz exports",
                ),
                // a stock without a period: as of publication (2024)
                fig(
                    350_000.0,
                    "persons",
                    "approx",
                    "2024",
                    "KGZ",
                    "RUS",
                    true,
                    "actual",
                    "Kyrgyz citizens",
                ),
                fig(
                    5e9,
                    "USD",
                    "exact",
                    "2028",
                    "KGZ",
                    "RUS",
                    false,
                    "target",
                    "plan to double",
                ),
            ],
            claims: vec![Claim {
                words: "fell by 17%",
                period: "2023",
                reference: "2022",
                quote: "Remittances from",
            }],
            events: vec![Event {
                date: "2024-04-03",
                quote: "commission met",
            }],
        },
    ]
}

#[test]
fn texts_written_for_the_tests_read_into_their_hand_labels() {
    let (mut figures, mut figures_right, mut claims, mut claims_right) = (0, 0, 0, 0);
    let (mut events, mut events_right) = (0, 0);
    for labelled in own_texts() {
        println!("{}:", labelled.name);
        let draft = read_text(labelled.text, &labelled.options);
        assert_eq!(quotes_are_in_the_text(labelled.text, &draft), 0);
        let f = score_figures(&draft, &labelled.figures);
        let c = score_claims(&draft, &labelled.claims);
        let e = score_events(&draft, &labelled.events);
        println!(
            "  figures {f}/{}, claims {c}/{}, events {e}/{} (draft: {} figures, {} claims, {} events)",
            labelled.figures.len(),
            labelled.claims.len(),
            labelled.events.len(),
            draft.figures().count(),
            draft.claims().count(),
            draft.events().count()
        );
        figures += labelled.figures.len();
        figures_right += f;
        claims += labelled.claims.len();
        claims_right += c;
        events += labelled.events.len();
        events_right += e;
    }
    println!(
        "own texts: figures {figures_right}/{figures} (issue: at least 80 %), claims \
         {claims_right}/{claims}, events {events_right}/{events}"
    );
    assert!(
        figures_right * 5 >= figures * 4,
        "figures {figures_right} of {figures} below 80 %"
    );
    // Floors at what the reader reaches: a ratchet.
    assert!(
        figures_right >= 38,
        "figures {figures_right} below the floor of 38"
    );
    assert!(
        claims_right >= 9,
        "claims {claims_right} below the floor of 9"
    );
    assert!(
        events_right >= 6,
        "events {events_right} below the floor of 6"
    );
}

fn only_figure(text: &str, options: &ReadOptions) -> Item {
    let draft = read_text(text, options);
    let figures: Vec<&Item> = draft.figures().collect();
    assert_eq!(figures.len(), 1, "{text}: {figures:?}");
    figures[0].clone()
}

#[test]
fn a_period_the_text_does_not_give_is_left_empty_with_its_reason() {
    let item = only_figure(
        "Some 300 Korean companies operate in Uzbekistan.",
        &ReadOptions::default(),
    );
    assert_eq!(item.period, None);
    assert_eq!(item.reason("period"), Some("no period stated"));
    // With a date of publication, a count is taken as of that year, and says so.
    let options = ReadOptions {
        published: Some(date!(2024 - 06 - 30)),
        source: Some("ministry".to_owned()),
        ..ReadOptions::default()
    };
    let item = only_figure("Some 300 Korean companies operate in Uzbekistan.", &options);
    assert_eq!(code(item.period), "2024");
    assert_eq!(item.source.as_deref(), Some("ministry"));
    assert!(item
        .reason("period")
        .unwrap()
        .contains("year of publication"));
}

#[test]
fn last_year_is_counted_from_the_date_of_publication_or_left_empty() {
    let text = "Georgia's exports to Armenia reached $95 million last year.";
    let item = only_figure(text, &ReadOptions::default());
    assert_eq!(item.period, None);
    let options = ReadOptions {
        published: Some(date!(2024 - 02 - 01)),
        ..ReadOptions::default()
    };
    let item = only_figure(text, &options);
    // published in 2024: last year is 2024 − 1 = 2023
    assert_eq!(code(item.period), "2023");
    assert!(item.reason("period").unwrap().contains("2024-02-01"));
    assert_eq!(
        (item.origin.as_deref(), item.destination.as_deref()),
        (Some("GEO"), Some("ARM"))
    );
}

#[test]
fn a_goal_is_a_target_and_an_expectation_a_projection() {
    let target = only_figure(
        "The sides set a goal of $5 billion in trade between Egypt and Kenya by 2030.",
        &ReadOptions::default(),
    );
    assert_eq!(target.status.map(|s| s.code()), Some("target"));
    assert_eq!(code(target.period), "2030");
    let projection = only_figure(
        "Trade between Egypt and Kenya is expected to reach $2 billion in 2026.",
        &ReadOptions::default(),
    );
    assert_eq!(projection.status.map(|s| s.code()), Some("projection"));
}

#[test]
fn no_figure_without_a_number_and_no_percentage_as_a_figure() {
    let draft = read_text(
        "Trade between Chile and Peru grew strongly. Exports rose 7% in 2023.",
        &ReadOptions::default(),
    );
    assert_eq!(draft.figures().count(), 0);
}

#[test]
fn checking_the_seed_article_against_the_built_in_store_gives_its_claims_verdicts() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/000_f2ecd2f031ab7726.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: ../shared/seed is absent (the founding article is not shipped with the project)");
        return;
    };
    let store = bilateral::Store::demo().unwrap();
    let options = ReadOptions {
        pair: Some(("AZE".to_owned(), "KAZ".to_owned())),
        source: None,
        published: Some(date!(2025 - 10 - 01)),
    };
    let checks = store.check_text(&text, &options).unwrap();
    let stored = store
        .claim_checks_of(&PairFilter::between("AZE", "KAZ"))
        .unwrap();
    let (mut same, mut compared) = (0, 0);
    for check in checks
        .iter()
        .filter(|c| c.item.kind == bilateral::text::ItemKind::Claim)
    {
        let twin = stored.iter().find(|s| {
            s.claim
                .quote
                .as_deref()
                .is_some_and(|q| same_sentence(&check.item.quote, q))
                && Some(s.claim.relation) == check.item.relation
                && Some(s.claim.period) == check.item.period
                && Some(s.claim.reference.code()) == check.item.reference
        });
        if let Some(twin) = twin {
            compared += 1;
            if twin.verdict == check.verdict {
                same += 1;
            } else {
                println!(
                    "  {:?}: {:?}, stored claim {:?}",
                    check.item.words, check.verdict, twin.verdict
                );
            }
        }
    }
    // Every figure read right is the stored figure itself: supported.
    let supported = checks
        .iter()
        .filter(|c| c.item.kind == bilateral::text::ItemKind::Figure)
        .filter(|c| c.verdict == bilateral::analysis::Verdict::Supported)
        .count();
    println!("check_text on the seed article: {supported} figures supported; {same} of {compared} claims with the stored claim's verdict");
    assert_eq!(same, compared);
    assert!(
        compared >= 10,
        "only {compared} claims matched a stored one"
    );
    assert!(supported >= 34, "only {supported} figures supported");
}

#[test]
fn a_figure_the_store_disagrees_with_is_contradicted_and_one_it_lacks_unverifiable() {
    use bilateral::analysis::Verdict;
    let store = bilateral::Store::demo().unwrap();
    let checks = store
        .check_text(
            "Over 150,000 Azerbaijani tourists visited Kazakhstan in 2024. Around 40,000 \
             Azerbaijani tourists visited Kazakhstan in 2019.",
            &ReadOptions::default(),
        )
        .unwrap();
    let verdicts: Vec<Verdict> = checks.iter().map(|c| c.verdict).collect();
    // over 150,000 is 150,000 to 151,000; the store has over 102,000 (102,000 to
    // 103,000): no overlap. The store has no 2019 figure.
    assert_eq!(verdicts, [Verdict::Contradicted, Verdict::Unverifiable]);
    assert_eq!(checks[0].figures[0].value, 102_000.0);
    assert!(
        checks[0].explanation.contains("kazakhtourism"),
        "{}",
        checks[0].explanation
    );
}

#[test]
#[ignore = "prints the fact-check of the seed article, for a person to look at"]
fn print_the_seed_articles_fact_check() {
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
    let report = bilateral::Store::demo()
        .unwrap()
        .fact_check(&text, &options)
        .unwrap();
    println!("{}", report.to_markdown());
}

#[test]
fn the_fact_check_of_a_text_is_a_report_citing_the_stored_figures() {
    let store = bilateral::Store::demo().unwrap();
    let report = store
        .fact_check(
            "Over 150,000 Azerbaijani tourists visited Kazakhstan in 2024, up from around \
             59,000 in 2022.",
            &ReadOptions::default(),
        )
        .unwrap();
    let headline: Vec<&str> = report.headline.iter().map(|s| s.text.as_str()).collect();
    // over 150,000 against the stored over 102,000: contradicted; around 59,000 is the
    // stored figure; the rise from 2022 to 2024 holds on the stored figures.
    assert_eq!(
        headline,
        [
            "The text states 2 figures: 1 contradicted, 1 supported.",
            "The text states 1 claim: 1 supported."
        ]
    );
    let figures = &report.sections[0];
    assert!(figures.sentences[0]
        .text
        .starts_with("Contradicted: “Over 150,000” (2024)."));
    // The two stored figures, each cited once, named as a reader names them.
    assert_eq!(report.notes.len(), 2);
    assert_eq!(
        report.notes[0].subject,
        "Tourist visits from Azerbaijan to Kazakhstan"
    );
    assert_eq!(
        report
            .sources
            .iter()
            .map(|s| s.id.as_str())
            .collect::<Vec<_>>(),
        ["kazakhtourism"]
    );
    assert!(report
        .to_html()
        .contains("Fact check: Azerbaijan and Kazakhstan"));
}

#[test]
fn a_draft_naming_an_indicator_defined_nowhere_is_refused_and_nothing_is_stored() {
    use bilateral::model::Dataset;
    use bilateral::{NewObservation, OnDuplicate, Store};
    let mut dataset = Dataset::default();
    // "agreements" is defined by the built-in dataset; "widgets" by nothing.
    for indicator in ["agreements", "widgets"] {
        dataset
            .observations
            .push(NewObservation::new(indicator, "AZE", "KAZ", "2025", 170.0));
    }
    let mut store = Store::in_memory().unwrap();
    let error = store
        .load_draft(dataset, OnDuplicate::Error)
        .unwrap_err()
        .to_string();
    assert!(error.contains("widgets"), "{error}");
    // All or nothing: not even the definition of "agreements" stays.
    assert!(store.indicator("agreements").is_err());
    let all = bilateral::ObservationFilter::default();
    assert!(store.observations(&all).unwrap().is_empty());
}

#[test]
fn an_unverifiable_figure_is_explained_in_a_sentence_naming_the_indicator() {
    use bilateral::Store;
    // "tourists" is the starter catalogue's "Tourist visits"; the store holds none of
    // them, and not the built-in dataset's "agreements".
    let store = Store::in_memory().unwrap();
    let checks = store
        .check_text(
            "In 2024, 40,000 tourists from Kazakhstan visited Azerbaijan. Over 170 \
             agreements have been signed.",
            &ReadOptions::default(),
        )
        .unwrap();
    let explanations: Vec<&str> = checks.iter().map(|c| c.explanation.as_str()).collect();
    assert!(
        explanations.contains(
            &"The store has no figure of tourist visits for 2024 to check the text's 40,000 \
              against."
        ),
        "{explanations:#?}"
    );
    assert!(
        explanations
            .contains(&"The store has no indicator agreements, so no figure to check it against."),
        "{explanations:#?}"
    );
}
