//! The phrases report sentences are built from: changes (`up 4.2 % [+3.9 %, +4.5 %]`),
//! shares, ratios, statuses, plurals and capitals.

use crate::model::Status;
use crate::words::numbers::{
    decimals_within, format_derived_digits, group, round_toward, End, Rounding, ShownInterval,
};

pub(crate) fn status_words(status: Status) -> &'static str {
    match status {
        Status::Actual => "",
        Status::Estimate => " (an estimate)",
        Status::Provisional => " (provisional)",
        Status::Target => " (a target)",
        Status::Projection => " (a projection)",
    }
}

/// "up 72.9 % [+71.4 %, +76.1 %]", "down 4.2 %": bounds in brackets where they differ,
/// rounded outwards. A change that sits at an end of its bounds (a base given as "over"
/// or "under") says so, "up at least 199.9 % (at most 300.0 %)", rather than pass the
/// end off as the measurement. At most `digits` significant digits (see
/// [`crate::words::justified_digits`]), and never more than one decimal.
pub(crate) fn change_words(pct: f64, low: Option<f64>, high: Option<f64>, digits: u32) -> String {
    let (low, high) = (low.unwrap_or(pct), high.unwrap_or(pct));
    let shown = ShownInterval::new(pct, low, high, |v, way| {
        format!("{} %", signed_pct_toward(v, digits, way))
    });
    // Bounds on both sides of zero: neither "up" nor "down" is known.
    if low < 0.0 && high > 0.0 {
        return format!("a change of {}", shown.words(""));
    }
    let direction = if pct >= 0.0 { "up" } else { "down" };
    let Some(end) = shown.end else {
        if plain_pct(pct).trim_start_matches(['0', '.']).is_empty() {
            return "unchanged".to_owned();
        }
        let bounds = if shown.reads_as_one() {
            String::new()
        } else {
            format!(" [{}, {}]", shown.low, shown.high)
        };
        return format!(
            "{direction} {} %{bounds}",
            plain_pct_toward(pct.abs(), digits, Rounding::Nearest)
        );
    };
    // Said as sizes of a rise or a fall: the end nearer zero is the least change.
    let size = |text: &str| text.trim_start_matches(['+', '-']).to_owned();
    let (least, most) = if pct >= 0.0 {
        (size(&shown.low), size(&shown.high))
    } else {
        (size(&shown.high), size(&shown.low))
    };
    if (end == End::Low) == (pct >= 0.0) {
        format!("{direction} at least {least} (at most {most})")
    } else {
        format!("{direction} at most {most} (at least {least})")
    }
}

/// "up $15 million", "down 200 t": the change in the unit, for bases where a
/// percentage would mislead; at most `digits` significant digits.
pub(crate) fn amount_change_words(change: f64, unit: &str, digits: u32) -> String {
    let direction = if change >= 0.0 { "up" } else { "down" };
    format!(
        "{direction} {}",
        format_derived_digits(change.abs(), unit, digits, Rounding::Nearest)
    )
}

/// A percentage with one decimal and thousands separators: "1,700.0".
pub(crate) fn plain_pct(pct: f64) -> String {
    plain_pct_toward(pct, u32::MAX, Rounding::Nearest)
}

/// A percentage with at most one decimal and at most `digits` significant digits,
/// rounded `way`; never "-0".
pub(crate) fn plain_pct_toward(pct: f64, digits: u32, way: Rounding) -> String {
    let mut decimals = decimals_within(pct, digits, 1);
    let mut rounded = round_toward(pct, decimals, way);
    // Rounding up to the next power of ten (99.98 to 100.0) adds a digit: one
    // decimal fewer.
    if decimals_within(rounded, digits, 1) < decimals {
        decimals = decimals_within(rounded, digits, 1);
        rounded = round_toward(rounded, decimals, way);
    }
    let shown = decimals.max(0) as usize;
    let text = group(&format!("{rounded:.shown$}"));
    match text.strip_prefix('-') {
        Some(size) if size.trim_start_matches(['0', '.']).is_empty() => size.to_owned(),
        _ => text,
    }
}

/// The same with its sign: "+1,700.0", "-0.4".
fn signed_pct_toward(pct: f64, digits: u32, way: Rounding) -> String {
    let text = plain_pct_toward(pct, digits, way);
    if text.starts_with('-') {
        text
    } else {
        format!("+{text}")
    }
}

/// "54.0 %", "31.5 % [30.9 %, 32.7 %]", with bounds rounded outwards; at most
/// `digits` significant digits.
pub(crate) fn pct_words(pct: f64, low: Option<f64>, high: Option<f64>, digits: u32) -> String {
    ShownInterval::new(pct, low.unwrap_or(pct), high.unwrap_or(pct), |v, way| {
        format!("{} %", plain_pct_toward(v, digits, way))
    })
    .words("")
}

/// A fraction as a percentage: "22.19 %", "50 % [48 %, 52 %]", with bounds rounded
/// outwards; at most `digits` significant digits and two decimals.
pub(crate) fn share_words(share: f64, low: f64, high: f64, digits: u32) -> String {
    ShownInterval::new(share, low, high, |v, way| {
        format!("{} %", trim_number_toward(v * 100.0, 2, digits, way))
    })
    .words("")
}

/// "1.427 times as much", "10 [9.666, 11.072] times as much", "at least 1.426 times as
/// much (at most 1.441)": a ratio followed by `after`, with bounds rounded outwards;
/// at most `digits` significant digits and three decimals.
pub(crate) fn ratio_words(ratio: f64, low: f64, high: f64, after: &str, digits: u32) -> String {
    ShownInterval::new(ratio, low, high, |v, way| {
        trim_number_toward(v, 3, digits, way)
    })
    .words(after)
}

/// A number with at most `decimals` decimals and at most `digits` significant digits,
/// rounded `way`, with thousands separators and no trailing zeros; below 1, up to
/// three significant digits whatever `decimals`, so that a small figure never reads
/// as zero.
pub(crate) fn trim_number_toward(
    value: f64,
    decimals: usize,
    digits: u32,
    way: Rounding,
) -> String {
    let magnitude = value.abs();
    let most = if magnitude > 0.0 && magnitude < 1.0 {
        decimals.max((2.0 - magnitude.log10().floor()) as usize)
    } else {
        decimals
    };
    let decimals = decimals_within(value, digits, most as i32);
    let rounded = round_toward(value, decimals, way);
    let shown = decimals.max(0) as usize;
    let text = group(&format!("{rounded:.shown$}"));
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    // A bound rounded up from just below zero: no sign worth printing.
    if text == "-0" {
        "0".to_owned()
    } else {
        text
    }
}

/// Whether a subject ("Exports of wheat from Kazakhstan to Azerbaijan", "Tourist visits
/// from …", "Trade turnover") is plural, so that its verb agrees ("exports … were"):
/// the last word before the first preposition, read as English plurals are.
pub(crate) fn is_plural(subject: &str) -> bool {
    const PREPOSITIONS: [&str; 16] = [
        "of", "from", "to", "into", "onto", "with", "via", "in", "by", "at", "between", "through",
        "across", "within", "for", "on",
    ];
    let head = subject
        .split_whitespace()
        .take_while(|w| !PREPOSITIONS.contains(&w.to_lowercase().as_str()))
        .last()
        .unwrap_or("")
        .to_lowercase();
    const PLURALS: [&str; 4] = ["memoranda", "people", "data", "criteria"];
    const SINGULAR_IN_S: [&str; 5] = ["news", "gas", "series", "bus", "status"];
    PLURALS.contains(&head.as_str())
        || (head.ends_with('s')
            && !head.ends_with("ss")
            && !head.ends_with("us")
            && !head.ends_with("is")
            && !SINGULAR_IN_S.contains(&head.as_str()))
}

/// A country's name as running text writes it: "the United States", "the
/// Netherlands", "the Czech Republic", "the Marshall Islands"; other names bare. A table
/// cell keeps the bare name.
pub(crate) fn country_in_text(name: &str) -> String {
    const WITH_THE: [&str; 8] = [
        "Netherlands",
        "Philippines",
        "Bahamas",
        "Gambia",
        "Maldives",
        "Comoros",
        "Seychelles",
        "Congo",
    ];
    let takes_the = name.starts_with("United ")
        || name.ends_with(" Islands")
        || name.ends_with(" Republic")
        || name.starts_with("Republic of ")
        || name.starts_with("Democratic Republic")
        || WITH_THE.contains(&name);
    if takes_the && !name.starts_with("The ") && !name.starts_with("the ") {
        format!("the {name}")
    } else {
        name.to_owned()
    }
}

/// Whether `unit` counts people or things one by one (persons, companies, visits,
/// containers), so that a ratio reads "as many" rather than "as much".
pub(crate) fn counts_things(unit: &str) -> bool {
    const COUNTED: [&str; 14] = [
        "persons",
        "person",
        "people",
        "count",
        "number",
        "units",
        "items",
        "companies",
        "visits",
        "flights",
        "vehicles",
        "teu",
        "events",
        "agreements",
    ];
    COUNTED.contains(&unit.trim().to_lowercase().as_str())
}

/// Whether `unit` is a length of time ("over 30 years"), which is neither reached nor
/// stood at.
pub(crate) fn is_duration(unit: &str) -> bool {
    matches!(
        unit.trim().to_lowercase().as_str(),
        "years" | "year" | "months" | "month" | "days" | "day"
    )
}

/// What a length of time is the length of, as the subject of "Diplomatic relations:
/// over 30 years in 2025": a name that says "Duration of …" or "Length of …" loses the
/// words, since the figure in years already says it is a duration.
pub(crate) fn duration_subject(subject: &str) -> String {
    const LEADS: [&str; 3] = ["duration of ", "length of ", "age of "];
    LEADS
        .iter()
        .find_map(|lead| {
            let head = subject.get(..lead.len())?;
            let rest = subject.get(lead.len()..)?;
            (head.eq_ignore_ascii_case(lead) && !rest.trim().is_empty()).then(|| capitalise(rest))
        })
        .unwrap_or_else(|| subject.to_owned())
}

/// " times as many" for counts ([`counts_things`]), " times as much" for amounts.
pub(crate) fn times_as(unit: &str) -> &'static str {
    if counts_things(unit) {
        " times as many"
    } else {
        " times as much"
    }
}

/// An indicator's phrase with its placeholders filled: `{origin}` and `{destination}`
/// by country names, `{via}` by the destination's name too (see [`phrase_route`]),
/// `{to:Türkiye}` by the name it gives, `{product}` by the product in words, or dropped
/// with the space beside it for the total; the first letter capitalised.
///
/// "Oil from {origin} shipped through {via} to {to:Türkiye} via the
/// Baku–Tbilisi–Ceyhan pipeline" → "Oil from Kazakhstan shipped through Azerbaijan to
/// Türkiye via the Baku–Tbilisi–Ceyhan pipeline"; "{product} exports by volume from
/// {origin} to {destination}" with the total → "Exports by volume from …".
pub(crate) fn fill_phrase(
    template: &str,
    origin: &str,
    destination: &str,
    product: &str,
) -> String {
    let mut text = template
        .replace("{origin}", origin)
        .replace("{destination}", destination)
        .replace("{via}", destination);
    while let Some(end) = route_end(&text) {
        text = text.replacen(&format!("{{to:{end}}}"), end, 1);
    }
    let text = if product == "total" {
        // "Imports of {product} into …" of every product: "Imports into …"
        text.replace(" of {product}", "")
            .replace("{product} ", "")
            .replace(" {product}", "")
            .replace("{product}", "")
    } else {
        text.replace("{product}", &product.replace('_', " "))
    };
    capitalise(&text)
}

/// Where a phrase says its figures go: `(true, Some("Türkiye"))` for "Oil from
/// {origin} shipped through {via} to {to:Türkiye} …". A `{via}` in place of
/// `{destination}` says the stored destination is a country the route passes through,
/// not where it ends; `{to:NAME}` names the end beyond the pair, as written. A table
/// then shows the destination under "via" and the end under "to", rather than "to
/// Azerbaijan" for oil that goes on to Türkiye.
pub(crate) fn phrase_route(template: &str) -> (bool, Option<&str>) {
    (template.contains("{via}"), route_end(template))
}

/// The `NAME` of the first `{to:NAME}` in `text`.
fn route_end(text: &str) -> Option<&str> {
    let start = text.find("{to:")? + "{to:".len();
    let len = text[start..].find('}')?;
    Some(&text[start..start + len])
}

/// An event's date as the timeline writes it: "in 2025" for an event known only by its
/// year (it sorts after the events dated within the year, and must not read as 1
/// January), the period in short words otherwise ("17 May 2025", "Q4 2025").
pub(crate) fn event_date(date: &crate::period::Period) -> String {
    if date.is_calendar_year() {
        format!("in {date}")
    } else {
        super::period_short(date)
    }
}

/// `word` for `n` things: "1 event", "2 events", "2 matches", "3 months".
pub(crate) fn plural(word: &str, n: usize) -> String {
    if n == 1 {
        word.to_owned()
    } else if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|end| word.ends_with(end))
    {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

/// A change and the word that sets it against its base: "up 4.2 % on", and for no
/// change "the same as" (never "unchanged on").
pub(crate) fn change_on(change: &str) -> String {
    if change == "unchanged" {
        "the same as".to_owned()
    } else if change.contains(" times as ") || change.ends_with(" times as much") {
        // "7,200 times as much as"
        format!("{change} as")
    } else {
        format!("{change} on")
    }
}

pub(crate) fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

pub(crate) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// No limit from the inputs: each formatter's own.
    const ALL: u32 = u32::MAX;

    #[test]
    fn a_growth_on_an_over_base_is_at_most_its_value() {
        // 2023 "over 1 million t" is [1, 2] million t against 1.4 million t in 2024:
        // 1.4 / 1 − 1 = +40 % (the value, the highest) and 1.4 / 2 − 1 = −30 %
        assert_eq!(
            change_words(40.0, Some(-30.0), Some(40.0), ALL),
            "a change of at most +40.0 % (at least -30.0 %)"
        );
    }

    #[test]
    fn a_growth_on_an_under_base_is_at_least_its_value() {
        // $547.6 million on "under $182.54 million" [136.9, 182.54]: 547.6 / 182.54 − 1
        // = 199.989 % (the value, the lowest; shown 199.9, not 200.0) and
        // 547.6 / 136.9 − 1 = 300 %
        let pct = |base: f64| (547.6 / base - 1.0) * 100.0;
        assert_eq!(
            change_words(pct(182.54), Some(pct(182.54)), Some(pct(136.9)), ALL),
            "up at least 199.9 % (at most 300.0 %)"
        );
        // 80 on "under 100" [90, 100]: 80 / 100 − 1 = −20 % is the largest fall,
        // 80 / 90 − 1 = −11.11 % the smallest (shown 11.1, so the fall is at least that)
        assert_eq!(
            change_words(-20.0, Some(-20.0), Some((80.0 / 90.0 - 1.0) * 100.0), ALL),
            "down at most 20.0 % (at least 11.1 %)"
        );
    }

    #[test]
    fn a_growth_inside_its_bounds_keeps_its_brackets_rounded_outwards() {
        // 2.6 million t on "around 2.549 million t" [2,487,800, 2,610,900]:
        // 2.6 / 2.6109 − 1 = −0.4175 % → −0.5; 2.6 / 2.4878 − 1 = +4.510 % → +4.6
        let pct = |base: f64| (2.6e6 / base - 1.0) * 100.0;
        assert_eq!(
            change_words(
                pct(2_549_000.0),
                Some(pct(2_610_900.0)),
                Some(pct(2_487_800.0)),
                ALL
            ),
            "a change of +2.0 % [-0.5 %, +4.6 %]"
        );
        // 533.4 / 556.7 − 1 = −4.185 %, both exact: no interval to show
        let exact = (533.4 / 556.7 - 1.0) * 100.0;
        assert_eq!(
            change_words(exact, Some(exact), Some(exact), ALL),
            "down 4.2 %"
        );
    }

    #[test]
    fn a_ratio_of_an_over_figure_is_at_least_its_value() {
        // 102,000 / 71,500 = 1.426573 → at least 1.426; 103,000 / 71,500 = 1.440559 → 1.441
        let (low, high) = (102_000.0 / 71_500.0, 103_000.0 / 71_500.0);
        assert_eq!(
            ratio_words(low, low, high, " times as much", ALL),
            "at least 1.426 times as much (at most 1.441)"
        );
        // 1,500 / 150 = 10 in [1,450 / 150, 1,550 / 140] = [9.6667, 11.0714]
        assert_eq!(
            ratio_words(
                10.0,
                1_450.0 / 150.0,
                1_550.0 / 140.0,
                " times as much",
                ALL
            ),
            "10 [9.666, 11.072] times as much"
        );
    }

    #[test]
    fn counts_of_people_and_things_read_as_many() {
        assert_eq!(times_as("persons"), " times as many");
        assert_eq!(times_as("count"), " times as many");
        assert_eq!(times_as("TEU"), " times as many");
        assert_eq!(times_as("USD"), " times as much");
        assert_eq!(times_as("t"), " times as much");
    }

    #[test]
    fn a_phrase_names_its_route_and_drops_the_total_product() {
        let oil =
            "Oil from {origin} shipped through {destination} via the Baku–Tbilisi–Ceyhan pipeline";
        assert_eq!(
            fill_phrase(oil, "Kazakhstan", "Azerbaijan", "total"),
            "Oil from Kazakhstan shipped through Azerbaijan via the Baku–Tbilisi–Ceyhan pipeline"
        );
        let route = "Oil from {origin} shipped through {via} to {to:Türkiye} via the BTC pipeline";
        assert_eq!(
            fill_phrase(route, "Kazakhstan", "Azerbaijan", "total"),
            "Oil from Kazakhstan shipped through Azerbaijan to Türkiye via the BTC pipeline"
        );
        assert_eq!(phrase_route(route), (true, Some("Türkiye")));
        assert_eq!(phrase_route(oil), (false, None));
        let volume = "{product} exports by volume from {origin} to {destination}";
        assert_eq!(
            fill_phrase(volume, "Kazakhstan", "Azerbaijan", "oil_products"),
            "Oil products exports by volume from Kazakhstan to Azerbaijan"
        );
        assert_eq!(
            fill_phrase(volume, "Kazakhstan", "Azerbaijan", "total"),
            "Exports by volume from Kazakhstan to Azerbaijan"
        );
        // imports name the importer first, and drop "of" with the total product
        let imports = "Imports of {product} into {destination} from {origin}";
        assert_eq!(
            fill_phrase(imports, "Georgia", "Türkiye", "total"),
            "Imports into Türkiye from Georgia"
        );
        assert_eq!(
            fill_phrase(imports, "Georgia", "Türkiye", "wine"),
            "Imports of wine into Türkiye from Georgia"
        );
    }

    #[test]
    fn shares_and_rates_round_their_bounds_outwards() {
        // 0.309307 … 0.326908 a year: [30.9 %, 32.7 %] keeps 30.93 and 32.69 inside
        assert_eq!(
            pct_words(31.5, Some(30.930_7), Some(32.690_8), ALL),
            "31.5 % [30.9 %, 32.7 %]"
        );
        // 1/3 to 2/3 around 1/2: 33.33 % down, 66.67 % up
        assert_eq!(
            share_words(0.5, 1.0 / 3.0, 2.0 / 3.0, ALL),
            "50 % [33.33 %, 66.67 %]"
        );
    }

    /// The number a percentage or ratio text stands for: "+1,234.5 %" is 1234.5.
    fn read(text: &str) -> f64 {
        let text = text.trim_end_matches(" %").replace([',', '+'], "");
        text.parse().unwrap()
    }

    /// A random number at a random magnitude (10⁻⁶ to 10⁷, either sign), sometimes
    /// with few digits, so that bounds already at the shown precision come up too.
    fn number() -> impl Strategy<Value = f64> {
        (
            1.0f64..10.0,
            -6i32..8,
            0i32..6,
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(mantissa, exponent, digits, short, negative)| {
                let factor = 10f64.powi(digits);
                let mantissa = if short {
                    (mantissa * factor).round() / factor
                } else {
                    mantissa
                };
                let value = mantissa * 10f64.powi(exponent);
                if negative {
                    -value
                } else {
                    value
                }
            })
    }

    type Show = fn(f64, Rounding) -> String;

    /// Within the float noise `round_toward` lets through.
    fn at_most(shown: f64, bound: f64) -> bool {
        shown <= bound + 8.0 * f64::EPSILON * bound.abs()
    }

    /// A published figure: `digits` significant digits at a random magnitude, exact or
    /// "over" (its bounds one unit of its last digit wide), as (value, low, high).
    fn published() -> impl Strategy<Value = (f64, f64, f64)> {
        (1u32..7, 1.0f64..10.0, -2i32..9, any::<bool>()).prop_map(
            |(digits, mantissa, exponent, over)| {
                let step = 10f64.powi(exponent - digits as i32 + 1);
                let value = (mantissa * 10f64.powi(exponent) / step).round() * step;
                // Read back through text, as a figure typed by hand would be.
                let value: f64 = format!("{value:.12e}").parse().unwrap();
                let unit = crate::model::last_digit_unit(value);
                if over {
                    (value, value, value + unit)
                } else {
                    (value, value, value)
                }
            },
        )
    }

    /// The significant digits of each number printed in `text`: from the first non-zero
    /// digit to the last digit printed, trailing zeros of a whole number left out
    /// ("1,700" has two, "0.050" three, "54.0" three).
    fn printed_digits(text: &str) -> Vec<usize> {
        text.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .map(|n| n.trim_matches(|c| c == '.' || c == ','))
            .filter(|n| n.chars().any(|c| c.is_ascii_digit()))
            .map(|n| {
                let n = n.replace(',', "");
                let n = if n.contains('.') {
                    n
                } else {
                    n.trim_end_matches('0').to_owned()
                };
                n.chars()
                    .filter(char::is_ascii_digit)
                    .skip_while(|&c| c == '0')
                    .count()
            })
            .collect()
    }

    #[test]
    fn printed_digits_count_as_a_reader_counts() {
        assert_eq!(
            printed_digits("1,700 % and 0.050, 54.0 [10, 4.5 million t]"),
            [2, 2, 3, 1, 2]
        );
    }

    proptest! {
        #[test]
        fn derived_figures_print_no_more_digits_than_their_inputs_justify(
            a in published(),
            b in published(),
        ) {
            let digits = crate::words::justified_digits([a, b]);
            prop_assert!(digits >= crate::words::FEWEST_DERIVED_DIGITS);
            let (a_low, a_high, b_low, b_high) = (a.1, a.2, b.1, b.2);
            let texts = [
                ratio_words(a.0 / b.0, a_low / b_high, a_high / b_low, " times as much", digits),
                change_words(
                    (a.0 / b.0 - 1.0) * 100.0,
                    Some((a_low / b_high - 1.0) * 100.0),
                    Some((a_high / b_low - 1.0) * 100.0),
                    digits,
                ),
                pct_words(
                    ((a.0 / b.0).powf(0.25) - 1.0) * 100.0,
                    Some(((a_low / b_high).powf(0.25) - 1.0) * 100.0),
                    Some(((a_high / b_low).powf(0.25) - 1.0) * 100.0),
                    digits,
                ),
                share_words(
                    a.0 / (a.0 + b.0),
                    a_low / (a_low + b_high),
                    a_high / (a_high + b_low),
                    digits,
                ),
                amount_change_words(a.0 - b.0, "t", digits),
                crate::words::numbers::format_derived_digits(
                    a.0 * 12.0 / 7.0,
                    "t",
                    digits,
                    Rounding::Nearest,
                ),
            ];
            for text in texts {
                for printed in printed_digits(&text) {
                    prop_assert!(
                        printed <= digits as usize,
                        "{text}: {printed} digits from {a:?} and {b:?} ({digits} justified)"
                    );
                }
            }
        }

        #[test]
        fn displayed_bounds_contain_computed_ones(a in number(), b in number()) {
            let (low, high) = (a.min(b), a.max(b));
            // Equal bounds are an exact result, shown as its value rounded to the
            // nearest (see `ShownInterval::new`), not as an interval.
            prop_assume!(low < high);
            let formatters: [(&str, Show); 4] = [
                ("plain_pct", |v, way| plain_pct_toward(v, ALL, way)),
                ("signed_pct", |v, way| signed_pct_toward(v, ALL, way)),
                ("ratio", |v, way| trim_number_toward(v, 3, ALL, way)),
                ("share", |v, way| trim_number_toward(v, 2, ALL, way)),
            ];
            for (name, show) in formatters {
                let shown = ShownInterval::new((low + high) / 2.0, low, high, show);
                prop_assert!(at_most(read(&shown.low), low), "{name}: {} above {low}", shown.low);
                prop_assert!(at_most(high, read(&shown.high)), "{name}: {} below {high}", shown.high);
            }
        }

        #[test]
        fn a_value_at_an_end_is_never_shown_as_a_central_one(a in number(), b in number()) {
            let (low, high) = (a.min(b), a.max(b));
            prop_assume!(low < high);
            for value in [low, high] {
                let words = pct_words(value, Some(low), Some(high), ALL);
                prop_assert!(!words.contains('['), "{words}");
                let change = change_words(value, Some(low), Some(high), ALL);
                prop_assert!(!change.contains('['), "{change}");
            }
        }
    }

    #[test]
    fn a_subject_is_plural_when_its_head_noun_is() {
        for plural in [
            "Exports of wheat from Kazakhstan to Azerbaijan",
            "Tourist visits from Azerbaijan to Kazakhstan",
            "Companies with capital from Azerbaijan operating in Kazakhstan",
            "Wheat exports by volume from Kazakhstan to Azerbaijan",
            "University memoranda of understanding signed",
            "Trans-Caspian corridor containers",
            "Imports into Austria from Germany",
            "Shipments across the Caspian",
        ] {
            assert!(is_plural(plural), "{plural}");
        }
        for singular in [
            "Trade turnover",
            "Oil from Kazakhstan shipped through Azerbaijan",
            "Cumulative investment from Azerbaijan in Kazakhstan",
            "Duration of diplomatic relations",
            "Natural gas",
            "Trans-Caspian corridor cargo",
        ] {
            assert!(!is_plural(singular), "{singular}");
        }
    }

    #[test]
    fn some_country_names_take_the_in_running_text() {
        assert_eq!(country_in_text("United States"), "the United States");
        assert_eq!(country_in_text("Netherlands"), "the Netherlands");
        assert_eq!(country_in_text("Czech Republic"), "the Czech Republic");
        assert_eq!(country_in_text("Marshall Islands"), "the Marshall Islands");
        assert_eq!(country_in_text("Türkiye"), "Türkiye");
        assert_eq!(country_in_text("Indonesia"), "Indonesia");
    }

    #[test]
    fn a_duration_is_named_by_what_lasted() {
        assert_eq!(
            duration_subject("Duration of diplomatic relations"),
            "Diplomatic relations"
        );
        assert_eq!(duration_subject("Length of membership"), "Membership");
        assert_eq!(
            duration_subject("Diplomatic relations"),
            "Diplomatic relations"
        );
        assert_eq!(duration_subject("Duration of "), "Duration of ");
    }

    #[test]
    fn plurals_add_es_only_after_a_hiss() {
        assert_eq!(plural("month", 3), "months");
        assert_eq!(plural("match", 2), "matches");
        assert_eq!(plural("box", 2), "boxes");
        assert_eq!(plural("event", 1), "event");
        assert_eq!(plural("product", 790), "products");
    }

    #[test]
    fn no_change_reads_the_same_as_its_base() {
        assert_eq!(change_on("unchanged"), "the same as");
        assert_eq!(change_on("up 4.2 %"), "up 4.2 % on");
    }
}
