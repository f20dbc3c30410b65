//! The IMF's Direction of Trade Statistics as its data portal (data.imf.org, before
//! 2025) exported them in CSV, read by [`Store::import_imf_dots_csv`]: wide, one row per
//! series and attribute, one column per period.
//!
//! ```text
//! Country Name,Country Code,Indicator Name,Indicator Code,Counterpart Country Name,Counterpart Country Code,Attribute,2024M2,
//! Germany,134,"Goods, Value of Exports, Free on board (FOB), US Dollars",TXG_FOB_USD,Canada,156,Value,1058843775,
//! Germany,134,"Goods, Value of Exports, Free on board (FOB), US Dollars",TXG_FOB_USD,Canada,156,Status,r,
//! ```
//!
//! The seven columns before the periods are found by name; every other column names a
//! period (`2024M2` is February 2024, `2024Q1` a quarter, `2024` a year: see
//! [`crate::period`]). A column without a name (the export ends each line with a comma)
//! must hold nothing. A column that is neither (a `Scale` or `Unit`, say) is refused:
//! its figures would be read in the wrong unit.
//!
//! What a `Value` row becomes, the reporter being the `Country Name`:
//!
//! | `Indicator Code` | indicator | origin → destination |
//! |---|---|---|
//! | `TXG_FOB_USD` goods exports, FOB | `exports` | reporter → counterpart |
//! | `TMG_CIF_USD` goods imports, CIF | `imports` | counterpart → reporter |
//!
//! Imports go from the counterpart to the reporter because the catalogue's `imports` are
//! "imported by the destination country from the origin country, as the importer reports
//! them". Values are US dollars: the `Indicator Name` must say `US Dollars`, and one
//! that says millions, billions or thousands is refused rather than scaled. The
//! product is the total of goods. Rows of `TMG_FOB_USD` (imports valued FOB) are passed
//! over: the same flow valued CIF is `TMG_CIF_USD`, a different figure, and one series
//! may not hold both. `TBG_USD` (the trade balance, exports less imports) and any other
//! code are passed over too, each counted under its reason in the [`ImportSummary`]. An
//! empty cell is no figure: it is passed over silently (not counted), as is a status
//! beside it.
//!
//! **Status.** The `Status` row of a series gives a code for each period's value. It is
//! matched to its `Value` row by all six key columns (names, codes and indicator), never
//! by its place in the file; a `Status` row without a `Value` row, or a second row of
//! the same series and attribute, is an error. The code `e` makes the figure an
//! `estimate`; every code, `e` included, is kept in the figure's note
//! (`IMF DOTS status: r`), the status otherwise staying `actual`. No document of the
//! IMF's that defines the legacy export's codes was found: `r` is read by many as
//! "revised", which is not stated here as fact.
//!
//! **Countries.** The `Country Code`s are the IMF's own numbers (112 the United
//! Kingdom, 111 the United States), not ISO 3166-1, and no table of them is shipped: a
//! country is found by its name, through the store's names (`United Kingdom`,
//! `Germany`) and, for the names the IMF spells its own way, the list below. A name
//! found by neither is an error naming the line, the column and the name; a name seen
//! beside two different codes in one file is an error too (a sign of shifted columns).
//! The IMF's name forms read, as its data portal writes them across its datasets (seen
//! in its CPIS and GFS exports as quoted in public code), mapped to ISO 3166-1 by hand
//! (the forms the store's names already give, such as `Bahamas, The`, are not listed):
//!
//! | IMF name | ISO |
//! |---|---|
//! | Afghanistan, Islamic Rep. of | AFG |
//! | Andorra, Principality of | AND |
//! | Armenia, Rep. of | ARM |
//! | Aruba, Kingdom of the Netherlands | ABW |
//! | Azerbaijan, Rep. of | AZE |
//! | Bahrain, Kingdom of | BHR |
//! | Belarus, Rep. of | BLR |
//! | China, P.R.: Hong Kong | HKG |
//! | China, P.R.: Macao | MAC |
//! | China, P.R.: Mainland | CHN |
//! | Congo, Dem. Rep. of the | COD |
//! | Congo, Rep. of | COG |
//! | Croatia, Rep. of | HRV |
//! | Curaçao, Kingdom of the Netherlands | CUW |
//! | Czech Rep. | CZE |
//! | Dominican Rep. | DOM |
//! | Egypt, Arab Rep. of | EGY |
//! | Estonia, Rep. of | EST |
//! | Eswatini, Kingdom of | SWZ |
//! | Ethiopia, The Federal Dem. Rep. of | ETH |
//! | Iran, Islamic Rep. of | IRN |
//! | Kazakhstan, Rep. of | KAZ |
//! | Korea, Dem. People's Rep. of | PRK |
//! | Korea, Rep. of | KOR |
//! | Kyrgyz Rep. | KGZ |
//! | Lao People's Dem. Rep. | LAO |
//! | Marshall Islands, Rep. of the | MHL |
//! | Micronesia, Fed. States of | FSM |
//! | Moldova, Rep. of | MDA |
//! | Mozambique, Rep. of | MOZ |
//! | Nauru, Rep. of | NRU |
//! | Netherlands, The | NLD |
//! | North Macedonia, Republic of | MKD |
//! | Poland, Rep. of | POL |
//! | San Marino, Rep. of | SMR |
//! | Serbia, Rep. of | SRB |
//! | Sint Maarten, Kingdom of the Netherlands | SXM |
//! | Slovak Rep. | SVK |
//! | Slovenia, Rep. of | SVN |
//! | South Sudan, Rep. of | SSD |
//! | São Tomé and Príncipe, Dem. Rep. of | STP |
//! | Taiwan Province of China | TWN |
//! | Tajikistan, Rep. of | TJK |
//! | Tanzania, United Rep. of | TZA |
//! | Timor-Leste, Dem. Rep. of | TLS |
//! | Türkiye, Rep of | TUR |
//! | Türkiye, Rep. of | TUR |
//! | United States Virgin Islands | VIR |
//! | Uzbekistan, Rep. of | UZB |
//! | Venezuela, Rep. Bolivariana de | VEN |
//! | Yemen, Rep. of | YEM |
//!
//! Aggregates are passed over and counted: `World`, `Advanced Economies`, `Emerging and
//! Developing Economies`, the IMF's regions and groups (`Euro Area`, `European Union`,
//! `Sub-Saharan Africa`, `Western Hemisphere`, `Middle East and Central Asia`,
//! `Emerging and Developing Asia` and `Europe`, `CIS`, `Special Categories`, …), and
//! any name ending in "not specified" or "not allocated" or saying "not included
//! elsewhere". `Kosovo, Rep. of` is passed over too: it has no ISO 3166-1 code. So are
//! former countries and reporting areas ([`FORMER_COUNTRIES`]: `Serbia and Montenegro`,
//! `Belgium-Luxembourg`, `Netherlands Antilles`, `Czechoslovakia`, `USSR`, `Yugoslavia,
//! SFR`, `German Democratic Republic` and other forms of these names), counted as such.
//!
//! A cell that cannot be read (a number, a status, a name) is an error naming the CSV
//! line (the header is line 1) and the column; nothing is written then.

use std::io::{BufReader, Read};
use std::path::Path;

use rustc_hash::FxHashMap as HashMap;

use crate::error::{Error, Result};
use crate::files::{
    at_line, io_error, Format, ImportOptions, ImportSummary, Stage, UnixLineEndings, Watch,
};
use crate::model::{Indicator, ObservationBatch, Source};
use crate::period::Period;
use crate::store::Store;

/// The id of the source every imported observation cites.
pub const SOURCE_ID: &str = "imf-dots";

/// The columns before the periods, by which [`Format::guess`] tells the layout.
pub const REQUIRED_COLUMNS: [&str; 7] = [
    "Country Name",
    "Country Code",
    "Indicator Name",
    "Indicator Code",
    "Counterpart Country Name",
    "Counterpart Country Code",
    "Attribute",
];

/// Positions in [`REQUIRED_COLUMNS`] (and in [`Header::at`]).
mod col {
    pub const COUNTRY_NAME: usize = 0;
    pub const COUNTRY_CODE: usize = 1;
    pub const INDICATOR_NAME: usize = 2;
    pub const INDICATOR_CODE: usize = 3;
    pub const COUNTERPART_NAME: usize = 4;
    pub const COUNTERPART_CODE: usize = 5;
    pub const ATTRIBUTE: usize = 6;
}

/// The line of the header: the record a header error names.
const HEADER_LINE: usize = 1;

/// The IMF's names of countries that the store's names (ISO 3166-1, common names,
/// aliases) do not give, mapped by hand to ISO 3166-1 alpha-3 codes; the module
/// documentation lists them (a test keeps the two equal).
pub const IMF_NAMES: [(&str, &str); 51] = [
    ("Afghanistan, Islamic Rep. of", "AFG"),
    ("Andorra, Principality of", "AND"),
    ("Armenia, Rep. of", "ARM"),
    ("Aruba, Kingdom of the Netherlands", "ABW"),
    ("Azerbaijan, Rep. of", "AZE"),
    ("Bahrain, Kingdom of", "BHR"),
    ("Belarus, Rep. of", "BLR"),
    ("China, P.R.: Hong Kong", "HKG"),
    ("China, P.R.: Macao", "MAC"),
    ("China, P.R.: Mainland", "CHN"),
    ("Congo, Dem. Rep. of the", "COD"),
    ("Congo, Rep. of", "COG"),
    ("Croatia, Rep. of", "HRV"),
    ("Curaçao, Kingdom of the Netherlands", "CUW"),
    ("Czech Rep.", "CZE"),
    ("Dominican Rep.", "DOM"),
    ("Egypt, Arab Rep. of", "EGY"),
    ("Estonia, Rep. of", "EST"),
    ("Eswatini, Kingdom of", "SWZ"),
    ("Ethiopia, The Federal Dem. Rep. of", "ETH"),
    ("Iran, Islamic Rep. of", "IRN"),
    ("Kazakhstan, Rep. of", "KAZ"),
    ("Korea, Dem. People's Rep. of", "PRK"),
    ("Korea, Rep. of", "KOR"),
    ("Kyrgyz Rep.", "KGZ"),
    ("Lao People's Dem. Rep.", "LAO"),
    ("Marshall Islands, Rep. of the", "MHL"),
    ("Micronesia, Fed. States of", "FSM"),
    ("Moldova, Rep. of", "MDA"),
    ("Mozambique, Rep. of", "MOZ"),
    ("Nauru, Rep. of", "NRU"),
    ("Netherlands, The", "NLD"),
    ("North Macedonia, Republic of", "MKD"),
    ("Poland, Rep. of", "POL"),
    ("San Marino, Rep. of", "SMR"),
    ("Serbia, Rep. of", "SRB"),
    ("Sint Maarten, Kingdom of the Netherlands", "SXM"),
    ("Slovak Rep.", "SVK"),
    ("Slovenia, Rep. of", "SVN"),
    ("South Sudan, Rep. of", "SSD"),
    ("São Tomé and Príncipe, Dem. Rep. of", "STP"),
    ("Taiwan Province of China", "TWN"),
    ("Tajikistan, Rep. of", "TJK"),
    ("Tanzania, United Rep. of", "TZA"),
    ("Timor-Leste, Dem. Rep. of", "TLS"),
    ("Türkiye, Rep of", "TUR"),
    ("Türkiye, Rep. of", "TUR"),
    ("United States Virgin Islands", "VIR"),
    ("Uzbekistan, Rep. of", "UZB"),
    ("Venezuela, Rep. Bolivariana de", "VEN"),
    ("Yemen, Rep. of", "YEM"),
];

/// The IMF's names of world, regional and group aggregates in DOTS.
const AGGREGATES: [&str; 22] = [
    "World",
    "Advanced Economies",
    "Emerging and Developing Economies",
    "Emerging and Developing Asia",
    "Emerging and Developing Europe",
    "Emerging Market and Developing Economies by Source of Export Earnings: Fuel",
    "Emerging Market and Developing Economies by Source of Export Earnings: Nonfuel",
    "Euro Area",
    "European Union",
    "Europe",
    "Africa",
    "Sub-Saharan Africa",
    "Middle East",
    "Middle East and Central Asia",
    "Middle East, North Africa, Afghanistan, and Pakistan",
    "Western Hemisphere",
    "CIS",
    "Community of Independent States",
    "Special Categories",
    "Special Categories and Economic Zones",
    "South African Common Customs Area (SACCA)",
    "Countries & Areas not specified",
];

/// Names that are countries without an ISO 3166-1 code: passed over, with the reason.
const NOT_IN_ISO: [(&str, &str); 1] = [("Kosovo, Rep. of", "Kosovo")];

/// The IMF's names of former countries and reporting areas, which no ISO 3166-1
/// country is today (compared ignoring case): their rows are passed over and counted.
pub const FORMER_COUNTRIES: [&str; 22] = [
    "Belgium-Luxembourg",
    "Belgium-Luxembourg Economic Union",
    "Czechoslovakia",
    "Former Czechoslovakia",
    "East Germany",
    "German Democratic Republic",
    "German Dem. Rep.",
    "Germany, East",
    "Netherlands Antilles",
    "Serbia and Montenegro",
    "Serbia and Montenegro, State Union of",
    "Soviet Union",
    "USSR",
    "U.S.S.R.",
    "Former USSR",
    "Former U.S.S.R.",
    "Yugoslavia",
    "Yugoslavia, SFR",
    "Yugoslavia, Fed. Rep. of",
    "Yugoslavia, Socialist Fed. Rep. of",
    "Former Yugoslavia",
    "Former SFR Yugoslavia",
];

/// Why the rows of an indicator code are passed over, or the indicator they become.
fn indicator_of(code: &str) -> std::result::Result<&'static str, String> {
    match code {
        "TXG_FOB_USD" => Ok("exports"),
        "TMG_CIF_USD" => Ok("imports"),
        "TMG_FOB_USD" => Err(
            "TMG_FOB_USD (imports valued FOB) is not stored: the same flow \
             valued CIF is TMG_CIF_USD, the catalogue's imports"
                .to_owned(),
        ),
        "TBG_USD" => {
            Err("TBG_USD (trade balance) is not stored: it is exports less imports".to_owned())
        }
        other => Err(format!(
            "indicator {other} is not TXG_FOB_USD or TMG_CIF_USD (goods exports FOB, \
             imports CIF, in US dollars)"
        )),
    }
}

/// The aggregate `name` is, when it is one.
fn is_aggregate(name: &str) -> bool {
    let lower = name.to_lowercase();
    AGGREGATES.iter().any(|a| a.eq_ignore_ascii_case(name))
        || lower.ends_with("not specified")
        || lower.ends_with("not allocated")
        || lower.contains("not included elsewhere")
        || lower.contains("n.i.e.")
}

impl Store {
    /// Adds the goods exports and imports of the IMF's legacy Direction of Trade
    /// Statistics CSV (see [`crate::files::imf_dots`] for its layout and what each row
    /// becomes) all or nothing. `written` counts figures (one per period cell); rows
    /// of aggregates and of indicators not stored are passed over, counted by reason.
    ///
    /// ```
    /// use bilateral::files::ImportOptions;
    /// use bilateral::{ObservationFilter, Store};
    ///
    /// let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("DOTS.csv");
    /// std::fs::write(&path, "Country Name,Country Code,Indicator Name,Indicator Code,\
    /// Counterpart Country Name,Counterpart Country Code,Attribute,2024M1,2024M2,\n\
    /// Germany,134,\"Goods, Value of Exports, Free on board (FOB), US Dollars\",TXG_FOB_USD,Canada,156,Value,1000,1200,\n\
    /// Germany,134,\"Goods, Value of Exports, Free on board (FOB), US Dollars\",TXG_FOB_USD,Canada,156,Status,,e,\n")?;
    ///
    /// let mut store = Store::in_memory()?;
    /// let summary = store.import_imf_dots_csv(&path, &ImportOptions::default())?;
    /// assert_eq!((summary.read, summary.written), (2, 2));
    /// let exports = store.observations(&ObservationFilter::indicator("exports"))?;
    /// assert_eq!((exports[1].origin.as_str(), exports[1].value), ("DEU", 1200.0));
    /// assert_eq!(exports[1].status.code(), "estimate");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn import_imf_dots_csv(
        &mut self,
        path: impl AsRef<Path>,
        options: &ImportOptions,
    ) -> Result<ImportSummary> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|source| io_error(path, source))?;
        let bytes = file.metadata().map_or(0, |m| m.len());
        let watch = Watch {
            interrupt: self.interrupt_check(),
            progress: options.progress,
        };
        let rows = read_dots(
            self,
            BufReader::new(UnixLineEndings::new(file)),
            path,
            bytes,
            watch,
        )?;
        let indicators = missing_indicators(self, &rows.batch)?;
        // A file of aggregates and balances alone cites nothing: no source to add.
        let cited = !rows.lines.is_empty();
        let sources = match cited && !self.sources()?.iter().any(|s| s.id == SOURCE_ID) {
            true => vec![imf_dots()],
            false => Vec::new(),
        };
        let written = self
            .import_batch(
                &indicators,
                &sources,
                &[],
                &rows.batch,
                options.on_duplicate,
                options.progress,
            )
            .map_err(|error| at_line(&rows.lines, error))?;
        let mut summary = rows.summary;
        let first_line = rows.lines.first().copied().unwrap_or(HEADER_LINE + 1);
        summary.written_of(rows.lines.len(), written, first_line);
        Ok(summary)
    }
}

/// The source every imported observation cites.
fn imf_dots() -> Source {
    Source {
        id: SOURCE_ID.to_owned(),
        title: "Direction of Trade Statistics (DOTS)".to_owned(),
        publisher: Some("International Monetary Fund".to_owned()),
        url: Some("https://data.imf.org/".to_owned()),
        published: None,
    }
}

/// The catalogue's indicators `batch` uses that the store lacks.
fn missing_indicators(store: &Store, batch: &ObservationBatch) -> Result<Vec<Indicator>> {
    let stored: Vec<String> = store.indicators()?.into_iter().map(|i| i.code).collect();
    let catalogue = crate::builtin::catalogue()?;
    Ok(batch
        .indicator
        .values()
        .iter()
        .filter(|code| !stored.contains(code))
        .filter_map(|code| catalogue.iter().find(|i| &i.code == code).cloned())
        .collect())
}

/// The rows of a file read: the batch, the file line of each batch row, and what was
/// read and passed over.
struct DotsRows {
    batch: ObservationBatch,
    lines: Vec<usize>,
    summary: ImportSummary,
}

/// Where the columns are, and the period of each other column.
struct Header {
    /// The position of each of [`REQUIRED_COLUMNS`].
    at: [usize; REQUIRED_COLUMNS.len()],
    /// The columns of periods: position, name as written, period as the store writes it.
    periods: Vec<(usize, String, String)>,
    /// The columns without a name, which must hold nothing.
    unnamed: Vec<usize>,
    /// How many columns the header has.
    len: usize,
}

impl Header {
    fn read(names: &::csv::ByteRecord) -> Result<Header> {
        let names: Vec<String> = names
            .iter()
            .map(|n| {
                String::from_utf8_lossy(n)
                    .trim_start_matches('\u{feff}')
                    .trim()
                    .to_owned()
            })
            .collect();
        let header_error =
            |field: &str, reason: String| Error::invalid(field, names.join(","), reason);
        let mut at = [0; REQUIRED_COLUMNS.len()];
        for (i, required) in REQUIRED_COLUMNS.iter().enumerate() {
            let mut found = names.iter().enumerate().filter(|(_, n)| n == required);
            at[i] = match found.next() {
                Some((position, _)) => position,
                None => {
                    return Err(header_error(
                        required,
                        format!(
                            "is missing from the header (the IMF's DOTS export has the columns \
                             {})",
                            REQUIRED_COLUMNS.join(", ")
                        ),
                    )
                    .at_record(HEADER_LINE))
                }
            };
            if found.next().is_some() {
                return Err(
                    Error::invalid(required, *required, "is a column twice in the header")
                        .at_record(HEADER_LINE),
                );
            }
        }
        let mut periods: Vec<(usize, String, String)> = Vec::new();
        let mut unnamed = Vec::new();
        for (position, name) in names.iter().enumerate() {
            if at.contains(&position) {
                continue;
            }
            if name.is_empty() {
                unnamed.push(position);
                continue;
            }
            let period = Period::parse(name).map_err(|_| {
                let lower = name.to_lowercase();
                let why = if ["scale", "unit", "multiplier"]
                    .iter()
                    .any(|w| lower.contains(w))
                {
                    "is a column of scale or unit, which the IMF's DOTS export in US dollars \
                     does not have: download the figures in US dollars, without scale"
                } else {
                    "is neither a column of the IMF's DOTS export nor a period (2024M2, \
                     2024Q1, 2024)"
                };
                Error::invalid(name, name.as_str(), why).at_record(HEADER_LINE)
            })?;
            let period = period.to_string();
            if let Some((_, first, _)) = periods.iter().find(|(_, _, p)| *p == period) {
                return Err(Error::invalid(
                    name,
                    name.as_str(),
                    format!("is the same period as the column {first}"),
                )
                .at_record(HEADER_LINE));
            }
            periods.push((position, name.clone(), period));
        }
        if periods.is_empty() {
            return Err(header_error(
                "period",
                "has no column of a period (2024M2, 2024Q1, 2024) after Attribute".to_owned(),
            )
            .at_record(HEADER_LINE));
        }
        Ok(Header {
            at,
            periods,
            unnamed,
            len: names.len(),
        })
    }
}

/// The six columns that name a series, as written: a `Status` row belongs to the
/// `Value` row with the same six.
type SeriesKey = [String; 6];

/// A `Value` row to store: its line, series, countries and figures by period column.
struct ValueRow {
    line: usize,
    indicator: &'static str,
    origin: String,
    destination: String,
    /// (index in [`Header::periods`], value).
    values: Vec<(usize, f64)>,
}

/// One data row, cell by cell.
struct Row<'a> {
    header: &'a Header,
    record: &'a ::csv::ByteRecord,
}

impl Row<'_> {
    /// The trimmed text of the cell at `position`, `""` when the row is short of it.
    fn text(&self, position: usize, name: &str) -> Result<String> {
        let bytes = self.record.get(position).unwrap_or_default();
        // The IMF's names may come in Windows-1252 ("Curaçao"): read byte by byte then,
        // the Latin-1 letters alike in both.
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) if name.ends_with("Name") => bytes.iter().map(|&b| char::from(b)).collect(),
            Err(_) => {
                return Err(Error::invalid(
                    name,
                    String::from_utf8_lossy(bytes),
                    "is not UTF-8 text",
                ))
            }
        };
        Ok(text.trim().to_owned())
    }

    /// The text of required column `col`.
    fn column(&self, col: usize) -> Result<String> {
        self.text(self.header.at[col], REQUIRED_COLUMNS[col])
    }

    /// The text of a required column that must not be empty.
    fn required(&self, col: usize) -> Result<String> {
        let text = self.column(col)?;
        match text.is_empty() {
            true => Err(Error::invalid(REQUIRED_COLUMNS[col], "", "is empty")),
            false => Ok(text),
        }
    }

    /// The row's series key.
    fn key(&self) -> Result<SeriesKey> {
        Ok([
            self.required(col::COUNTRY_NAME)?,
            self.column(col::COUNTRY_CODE)?,
            self.column(col::INDICATOR_NAME)?,
            self.required(col::INDICATOR_CODE)?,
            self.required(col::COUNTERPART_NAME)?,
            self.column(col::COUNTERPART_CODE)?,
        ])
    }

    /// Refuses a row whose cells do not match the header's, but for empty cells past
    /// its end, and text under a column without a name: either would put values under
    /// the wrong period.
    fn check_cells(&self) -> Result<()> {
        let columns = self.header.len;
        let record = self.record;
        let past_end = record.iter().skip(columns).any(|cell| !cell.is_empty());
        let unnamed = self.header.unnamed.iter().find(|&&at| {
            record
                .get(at)
                .is_some_and(|cell| !cell.trim_ascii().is_empty())
        });
        if record.len() >= columns && !past_end && unnamed.is_none() {
            return Ok(());
        }
        let start: Vec<String> = record
            .iter()
            .take(3)
            .map(|cell| String::from_utf8_lossy(cell).into_owned())
            .collect();
        let why = if let Some(&at) = unnamed.filter(|_| record.len() >= columns && !past_end) {
            format!(
                "has text ({}) under the header's column {} without a name",
                String::from_utf8_lossy(record.get(at).unwrap_or_default()),
                at + 1
            )
        } else if record.len() > columns {
            format!(
                "has {} cells where the header has {columns}, with text past the header's \
                 last column",
                record.len()
            )
        } else {
            format!("has {} cells where the header has {columns}", record.len())
        };
        Err(Error::invalid("row", start.join(","), why))
    }

    /// The value in period column `index`, or `None` when its cell is empty.
    fn value(&self, index: usize) -> Result<Option<f64>> {
        let (position, name, _) = &self.header.periods[index];
        let text = self.text(*position, name)?;
        if text.is_empty() {
            return Ok(None);
        }
        let bad = |why: &str| Error::invalid(name, text.as_str(), why);
        match text.parse::<f64>() {
            Ok(n) if n.is_finite() && n >= 0.0 => Ok(Some(n)),
            Ok(_) => Err(bad(
                "is not a finite amount of zero or more (US dollars of trade)",
            )),
            Err(_) => Err(bad("is not a number")),
        }
    }

    /// The status code in period column `index`, or `None` when its cell is empty.
    fn status(&self, index: usize) -> Result<Option<String>> {
        let (position, name, _) = &self.header.periods[index];
        let text = self.text(*position, name)?;
        if text.is_empty() {
            return Ok(None);
        }
        if text.parse::<f64>().is_ok() {
            return Err(Error::invalid(
                name,
                text.as_str(),
                "is a number in a Status row, where a status code (such as e or r) belongs",
            ));
        }
        if text.chars().count() > 8 || !text.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(Error::invalid(
                name,
                text.as_str(),
                "is not a status code (a few letters, such as e or r)",
            ));
        }
        Ok(Some(text))
    }

    /// Checks that an indicator stored is in US dollars, as its name says.
    fn check_us_dollars(&self, code: &str) -> Result<()> {
        let name = self.column(col::INDICATOR_NAME)?;
        let lower = name.to_lowercase();
        let why = if !lower.contains("us dollars") {
            format!("does not say US Dollars, the unit of {code}")
        } else if let Some(scale) = ["millions", "billions", "thousands"]
            .into_iter()
            .find(|s| lower.contains(&s[..s.len() - 1]))
        {
            format!("says the figures are in {scale}: only US dollars without scale are read")
        } else {
            return Ok(());
        };
        Err(Error::invalid(
            REQUIRED_COLUMNS[col::INDICATOR_NAME],
            name,
            why,
        ))
    }
}

/// The countries named in a file: each name's alpha-3 code (or why it is passed over)
/// and the IMF code it was first seen with, on which line.
#[derive(Default)]
struct Countries {
    by_name: HashMap<String, std::result::Result<String, String>>,
    codes: HashMap<String, (String, usize)>,
}

impl Countries {
    /// The alpha-3 code of the country named in column `col`, `Ok(Err(reason))` when
    /// it is an aggregate or has no ISO code.
    fn resolve(
        &mut self,
        store: &Store,
        row: &Row,
        col: usize,
        code_col: usize,
        line: usize,
    ) -> Result<std::result::Result<String, String>> {
        let name = row.required(col)?;
        let imf_code = row.column(code_col)?;
        if !imf_code.is_empty() {
            match self.codes.get(&name) {
                Some((first, first_line)) if *first != imf_code => {
                    return Err(Error::invalid(
                        REQUIRED_COLUMNS[code_col],
                        imf_code,
                        format!(
                            "is the IMF code beside {name}, which line {first_line} gives as \
                             {first}: are the columns shifted?"
                        ),
                    ))
                }
                Some(_) => {}
                None => {
                    self.codes.insert(name.clone(), (imf_code, line));
                }
            }
        }
        if let Some(found) = self.by_name.get(&name) {
            return Ok(found.clone());
        }
        let who = match col {
            col::COUNTRY_NAME => "country",
            _ => "counterpart",
        };
        let found = if is_aggregate(&name) {
            Err(format!("{who} {name} is an aggregate, not a country"))
        } else if let Some((_, country)) = NOT_IN_ISO.iter().find(|(n, _)| *n == name) {
            Err(format!("{who} {country} has no ISO 3166-1 code"))
        } else if FORMER_COUNTRIES
            .iter()
            .any(|former| former.eq_ignore_ascii_case(&name))
        {
            Err(format!(
                "{who} {name} is a former country or area, with no ISO 3166-1 code today"
            ))
        } else {
            let text = IMF_NAMES
                .iter()
                .find(|(imf, _)| *imf == name)
                .map_or(name.as_str(), |(_, alpha3)| alpha3);
            match store.country(text) {
                Ok(country) => Ok(country.alpha3),
                Err(Error::Validation(mut v)) => {
                    v.field = REQUIRED_COLUMNS[col].to_owned();
                    v.reason = format!(
                        "{}, by name or as one of the IMF's own name forms (see \
                         docs/data-in-and-out.md; bilateral::files::imf_dots::IMF_NAMES \
                         lists them)",
                        v.reason.replace(
                            " (give an alpha-3 code, an alpha-2 code or the English name)",
                            ""
                        )
                    );
                    return Err(Error::Validation(v));
                }
                Err(other) => return Err(other),
            }
        };
        self.by_name.insert(name, found.clone());
        Ok(found)
    }
}

/// What the rows read so far hold: every `Value` row's line by series key (stored or
/// passed over), the series to store, the `Status` rows by key, and the series passed
/// over with their reason.
#[derive(Default)]
struct Series {
    value_lines: HashMap<SeriesKey, usize>,
    values: Vec<(SeriesKey, ValueRow)>,
    statuses: HashMap<SeriesKey, (usize, Vec<Option<String>>)>,
    status_order: Vec<SeriesKey>,
    passed_over: HashMap<SeriesKey, String>,
}

/// Reads the file: every row checked, each `Status` row matched to its `Value` row by
/// series key, then the figures put in a batch in the file's order.
fn read_dots(
    store: &Store,
    input: BufReader<impl Read>,
    path: &Path,
    bytes: u64,
    watch: Watch,
) -> Result<DotsRows> {
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(input);
    let names = reader
        .byte_headers()
        .map_err(|e| super::csv::csv_error(e, path))?
        .clone();
    let header = Header::read(&names)?;
    let mut summary = ImportSummary {
        format: Some(Format::ImfDots.code()),
        ..ImportSummary::default()
    };
    let mut countries = Countries::default();
    let mut series = Series::default();
    let mut record = ::csv::ByteRecord::new();
    while reader
        .read_byte_record(&mut record)
        .map_err(|e| super::csv::csv_error(e, path))?
    {
        let line = record.position().map_or(0, |p| p.line() as usize);
        let byte = record.position().map_or(0, |p| p.byte());
        summary.read += 1;
        let row = Row {
            header: &header,
            record: &record,
        };
        series
            .read(store, &row, line, &mut countries, &mut summary)
            .map_err(|e| e.at_record(line))?;
        watch.at(Stage::Reading, summary.read, byte, bytes)?;
    }
    watch.at(Stage::Reading, 0, bytes, bytes)?;

    // Status rows: each to its own series' Value row, whichever comes first in the file.
    for key in &series.status_order {
        let (line, _) = &series.statuses[key];
        if !series.value_lines.contains_key(key) {
            return Err(Error::invalid(
                REQUIRED_COLUMNS[col::ATTRIBUTE],
                "Status",
                format!(
                    "is the Status row of a series with no Value row ({} of {} with {}): a \
                     status is never given to another series' figures",
                    key[3], key[0], key[4]
                ),
            )
            .at_record(*line));
        }
        if let Some(reason) = series.passed_over.get(key) {
            summary.skip(reason, *line);
        }
    }
    let mut batch = ObservationBatch::default();
    let mut lines = Vec::new();
    for (key, row) in &series.values {
        let codes = series.statuses.get(key).map(|(_, codes)| codes);
        for &(index, value) in &row.values {
            let code = codes.and_then(|c| c[index].as_deref());
            let status = match code {
                Some("e") => "estimate",
                _ => "actual",
            };
            let note = code.map(|c| format!("IMF DOTS status: {c}"));
            batch.indicator.push(Some(row.indicator));
            batch.origin.push(Some(&row.origin));
            batch.destination.push(Some(&row.destination));
            batch.product.push(None);
            batch.period.push(Some(&header.periods[index].2));
            batch.qualifier.push(None);
            batch.status.push(Some(status));
            batch.source.push(Some(SOURCE_ID));
            batch.quote.push(None);
            batch.note.push(note.as_deref());
            batch.unit.push(Some("USD"));
            batch.value.push(Some(value));
            batch.low.push(None);
            batch.high.push(None);
            batch.precision.push(None);
            lines.push(row.line);
        }
    }
    Ok(DotsRows {
        batch,
        lines,
        summary,
    })
}

impl Series {
    /// Reads one data row: a `Value` row's figures (or why it is passed over, counted
    /// in `summary`), or a `Status` row's codes.
    fn read(
        &mut self,
        store: &Store,
        row: &Row,
        line: usize,
        countries: &mut Countries,
        summary: &mut ImportSummary,
    ) -> Result<()> {
        row.check_cells()?;
        let attribute = row.required(col::ATTRIBUTE)?;
        let key = row.key()?;
        let twice = |first: usize| {
            Error::invalid(
                REQUIRED_COLUMNS[col::ATTRIBUTE],
                attribute.as_str(),
                format!(
                    "is the second {attribute} row of the series {} of {} with {} (the first \
                     is line {first})",
                    key[3], key[0], key[4]
                ),
            )
        };
        match attribute.as_str() {
            "Value" => {
                if let Some(&first) = self.value_lines.get(&key) {
                    return Err(twice(first));
                }
                self.value_lines.insert(key.clone(), line);
                match read_values(store, row, line, countries)? {
                    Ok(value_row) => self.values.push((key, value_row)),
                    Err(reason) => {
                        summary.skip(&reason, line);
                        self.passed_over.insert(key, reason);
                    }
                }
            }
            "Status" => {
                if let Some((first, _)) = self.statuses.get(&key) {
                    return Err(twice(*first));
                }
                let codes = (0..row.header.periods.len())
                    .map(|index| row.status(index))
                    .collect::<Result<Vec<_>>>()?;
                self.status_order.push(key.clone());
                self.statuses.insert(key, (line, codes));
            }
            other => {
                return Err(Error::invalid(
                    REQUIRED_COLUMNS[col::ATTRIBUTE],
                    other,
                    "is not Value or Status",
                ))
            }
        }
        Ok(())
    }
}

/// A `Value` row's figures, or why it is passed over.
fn read_values(
    store: &Store,
    row: &Row,
    line: usize,
    countries: &mut Countries,
) -> Result<std::result::Result<ValueRow, String>> {
    let code = row.required(col::INDICATOR_CODE)?;
    let indicator = match indicator_of(&code) {
        Ok(indicator) => indicator,
        Err(reason) => return Ok(Err(reason)),
    };
    row.check_us_dollars(&code)?;
    let reporter = countries.resolve(store, row, col::COUNTRY_NAME, col::COUNTRY_CODE, line)?;
    let counterpart = countries.resolve(
        store,
        row,
        col::COUNTERPART_NAME,
        col::COUNTERPART_CODE,
        line,
    )?;
    let (reporter, counterpart) = match (reporter, counterpart) {
        (Err(reason), _) | (_, Err(reason)) => return Ok(Err(reason)),
        (Ok(r), Ok(c)) if r == c => return Ok(Err("counterpart is the country itself".to_owned())),
        (Ok(r), Ok(c)) => (r, c),
    };
    let mut values = Vec::new();
    for index in 0..row.header.periods.len() {
        if let Some(value) = row.value(index)? {
            values.push((index, value));
        }
    }
    let (origin, destination) = match indicator {
        "imports" => (counterpart, reporter),
        _ => (reporter, counterpart),
    };
    Ok(Ok(ValueRow {
        line,
        indicator,
        origin,
        destination,
        values,
    }))
}
