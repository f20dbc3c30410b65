//! Data that ships inside the library (compiled in from `data/`), so that a store works
//! without the source tree or the network: the ISO 3166-1 countries, World Bank
//! population, ISO 4217 currency codes and the built-in datasets.

use crate::error::{Error, Result};
use crate::model::{Country, Indicator, Source};
// The dataset types are the model's; they are still here, where they were first.
pub use crate::model::{Dataset, DatasetPopulation, DatasetTopic};

/// The built-in datasets: name and file contents.
const DATASETS: &[(&str, &str)] = &[(
    "azerbaijan-kazakhstan-2025",
    include_str!("../data/datasets/azerbaijan-kazakhstan-2025.json"),
)];

/// Names of the built-in datasets, for [`crate::Store::load_dataset`].
///
/// ```
/// assert!(bilateral::datasets().contains(&"azerbaijan-kazakhstan-2025"));
/// ```
pub fn datasets() -> Vec<&'static str> {
    DATASETS.iter().map(|(name, _)| *name).collect()
}

impl Dataset {
    /// The built-in dataset called `name`.
    pub fn builtin(name: &str) -> Result<Dataset> {
        let (file, text) = DATASETS.iter().find(|(n, _)| *n == name).ok_or_else(|| {
            Error::not_found(
                "dataset",
                format!(
                    "{} (built in: {})",
                    crate::error::shortened(name),
                    datasets().join(", ")
                ),
            )
        })?;
        serde_json::from_str(text).map_err(|e| Error::BuiltinData {
            name: file,
            message: e.to_string(),
        })
    }
}

/// The starter catalogue (`data/catalogue.json`, a dataset file of indicators alone): the common bilateral indicators a
/// new store knows (trade, investment, people, transport). The built-in datasets define
/// the codes they share with it identically, so loading one adds nothing over it.
///
/// ```
/// let codes: Vec<String> = bilateral::builtin::catalogue()?.into_iter().map(|i| i.code).collect();
/// assert!(codes.contains(&"fdi_stock".to_owned()));
/// # Ok::<(), bilateral::Error>(())
/// ```
pub fn catalogue() -> Result<Vec<Indicator>> {
    // A dataset file of indicators alone, so that it reads as any shared file does.
    serde_json::from_str::<Dataset>(include_str!("../data/catalogue.json"))
        .map(|c| c.indicators)
        .map_err(|e| Error::BuiltinData {
            name: "catalogue.json",
            message: e.to_string(),
        })
}

/// The indicators that measure one flow from its two ends, as `(exports, imports)`:
/// A's exports to B as A reports them and B's imports from A as B reports them. Both
/// are stored with origin A (the exporter) and destination B (the importer), so the
/// two figures of a period are mirror figures of the same goods; they differ because
/// importers usually value goods CIF (with freight and insurance) and exporters FOB,
/// and by timing, re-exports and confidential lines.
///
/// The catalogue's value in money (`exports`, `imports`) and volume in tonnes
/// (`exports_volume`, `imports_volume`), and Eurostat's value in euros (`exports_eur`,
/// `imports_eur`, which the SDMX import adds: a figure is never converted between
/// currencies). The UN Comtrade importer's `re_exports` and
/// `re_imports` are not a mirror pair: A's re-exports to B are foreign goods that B
/// records among its imports, mostly under the country where they were made, and B's
/// re-imports from A are B's own goods coming back. Every analysis and report that
/// pairs the two ends reads this list ([`mirror_of`]).
pub const MIRROR_PAIRS: [(&str, &str); 3] = [
    ("exports", "imports"),
    ("exports_volume", "imports_volume"),
    ("exports_eur", "imports_eur"),
];

/// The indicator measuring the flow of `code` from its other end (`imports` for
/// `exports` and the other way round; see [`MIRROR_PAIRS`]), or `None` when `code` has
/// no mirror.
///
/// ```
/// use bilateral::builtin::mirror_of;
///
/// assert_eq!(mirror_of("exports"), Some("imports"));
/// assert_eq!(mirror_of("imports_volume"), Some("exports_volume"));
/// assert_eq!(mirror_of("re_exports"), None);
/// ```
pub fn mirror_of(code: &str) -> Option<&'static str> {
    MIRROR_PAIRS.iter().find_map(|&(exports, imports)| {
        if code == exports {
            Some(imports)
        } else if code == imports {
            Some(exports)
        } else {
            None
        }
    })
}

/// The World Bank population source that the preloaded population rows cite.
pub(crate) fn population_source() -> Source {
    Source {
        id: "worldbank-population".to_owned(),
        title: "Population, total (SP.POP.TOTL)".to_owned(),
        publisher: Some("World Bank, World Development Indicators".to_owned()),
        url: Some("https://data.worldbank.org/indicator/SP.POP.TOTL".to_owned()),
        published: None,
    }
}

/// All 249 countries of ISO 3166-1, sorted by alpha-3 code. Kosovo, which ISO leaves
/// out, is added by step 6 of `schema.sql` under the World Bank's codes XKX and XK.
pub(crate) fn countries() -> Result<Vec<Country>> {
    serde_json::from_str(include_str!("../data/countries.json")).map_err(|e| Error::BuiltinData {
        name: "countries.json",
        message: e.to_string(),
    })
}

/// Population rows: alpha-3 code, year, people.
pub(crate) fn population() -> Result<Vec<(&'static str, i32, i64)>> {
    let bad = |line: &str| Error::BuiltinData {
        name: "population.csv",
        message: format!("bad line {line:?}"),
    };
    include_str!("../data/population.csv")
        .lines()
        .skip(1)
        .map(|line| {
            let mut fields = line.split(',');
            let (Some(code), Some(year), Some(value), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(bad(line));
            };
            Ok((
                code,
                year.parse().map_err(|_| bad(line))?,
                value.parse().map_err(|_| bad(line))?,
            ))
        })
        .collect()
}

/// Short names for countries whose ISO 3166-1 name reads badly in a sentence
/// ("Iran, Islamic Republic of"): the ISO common names (Debian iso-codes) and a few
/// more. Reports use them, and the store accepts them as input.
pub(crate) const COMMON_NAMES: &[(&str, &str)] = &[
    ("BOL", "Bolivia"),
    ("BRN", "Brunei"),
    ("COD", "DR Congo"),
    ("FLK", "Falkland Islands"),
    ("FSM", "Micronesia"),
    ("IRN", "Iran"),
    ("KOR", "South Korea"),
    ("LAO", "Laos"),
    ("MAF", "Saint Martin"),
    ("MDA", "Moldova"),
    ("PRK", "North Korea"),
    ("PSE", "Palestine"),
    ("RUS", "Russia"),
    ("SXM", "Sint Maarten"),
    ("SYR", "Syria"),
    ("TWN", "Taiwan"),
    ("TZA", "Tanzania"),
    ("VAT", "Vatican City"),
    ("VEN", "Venezuela"),
    ("VGB", "British Virgin Islands"),
    ("VIR", "US Virgin Islands"),
    ("VNM", "Vietnam"),
];

/// Other names in common use that the store accepts as input: alias, alpha-3 code.
pub(crate) const COUNTRY_ALIASES: &[(&str, &str)] = &[
    ("Korea", "KOR"),
    ("Turkey", "TUR"),
    ("Turkiye", "TUR"),
    ("UK", "GBR"),
    ("Great Britain", "GBR"),
    ("Britain", "GBR"),
    ("US", "USA"),
    ("United States of America", "USA"),
    ("Czech Republic", "CZE"),
    ("Ivory Coast", "CIV"),
    ("Cote d'Ivoire", "CIV"),
    ("Cape Verde", "CPV"),
    ("Swaziland", "SWZ"),
    ("Macedonia", "MKD"),
    ("Vatican", "VAT"),
    ("Democratic Republic of the Congo", "COD"),
    ("Republic of the Congo", "COG"),
    ("Republic of Korea", "KOR"),
    // The World Bank's names (World Development Indicators) that ISO spells otherwise;
    // tests/data/worldbank-economies.csv lists them all, and a test reads each back.
    ("Bahamas, The", "BHS"),
    ("Congo, Dem. Rep.", "COD"),
    ("Congo, Rep.", "COG"),
    ("Curacao", "CUW"),
    ("Egypt, Arab Rep.", "EGY"),
    ("Gambia, The", "GMB"),
    ("Hong Kong SAR, China", "HKG"),
    ("Iran, Islamic Rep.", "IRN"),
    ("Korea, Dem. People's Rep.", "PRK"),
    ("Korea, Rep.", "KOR"),
    ("Lao PDR", "LAO"),
    ("Macao SAR, China", "MAC"),
    ("Micronesia, Fed. Sts.", "FSM"),
    ("Puerto Rico (US)", "PRI"),
    ("Somalia, Fed. Rep.", "SOM"),
    ("St. Kitts and Nevis", "KNA"),
    ("St. Lucia", "LCA"),
    ("St. Martin (French part)", "MAF"),
    ("St. Vincent and the Grenadines", "VCT"),
    ("Venezuela, RB", "VEN"),
    ("Virgin Islands (U.S.)", "VIR"),
    ("West Bank and Gaza", "PSE"),
    ("Yemen, Rep.", "YEM"),
];

/// True when `unit` is an ISO 4217 currency code (`USD`, `KZT`, `AZN` …).
pub fn is_currency(unit: &str) -> bool {
    // The file lists one `"code": "XXX"` per line; a substring test on the quoted code
    // is exact because codes are three capitals.
    unit.len() == 3
        && unit.bytes().all(|b| b.is_ascii_uppercase())
        && include_str!("../data/currencies.json").contains(&format!("\"code\": \"{unit}\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_files_parse() {
        assert_eq!(countries().unwrap().len(), 249);
        let population = population().unwrap();
        assert!(population.contains(&("AZE", 2024, 10_202_830)));
        assert!(population.contains(&("KAZ", 2024, 20_592_571)));
        for name in datasets() {
            assert_eq!(Dataset::builtin(name).unwrap().name, name);
        }
    }

    #[test]
    fn datasets_define_the_codes_they_share_with_the_catalogue_as_it_does() {
        let catalogue = catalogue().unwrap();
        assert!(catalogue.len() >= 14);
        for name in datasets() {
            for indicator in Dataset::builtin(name).unwrap().indicators {
                if let Some(entry) = catalogue.iter().find(|c| c.code == indicator.code) {
                    assert_eq!(entry, &indicator, "{name}");
                }
            }
        }
    }

    #[test]
    fn currencies_are_iso_4217_codes() {
        assert!(is_currency("USD"));
        assert!(is_currency("KZT"));
        assert!(is_currency("AZN"));
        assert!(!is_currency("TEU"));
        assert!(!is_currency("t"));
    }

    #[test]
    fn unknown_dataset_is_not_found() {
        assert!(matches!(
            Dataset::builtin("nope"),
            Err(Error::NotFound {
                what: "dataset",
                ..
            })
        ));
    }
}
