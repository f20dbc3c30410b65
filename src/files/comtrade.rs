//! UN Comtrade's CSV: one row per reporter, partner, flow, commodity and period, as
//! the Comtrade Plus data API (the `comtradeapicall` package's `getFinalData`), its web
//! download (`TradeData_….csv`) and its bulk files (the same columns, tab-separated,
//! once unzipped) write it, read by [`Store::import_comtrade_csv`]. The header of the
//! retired classic API (`Reporter ISO`, `Trade Flow Code`, `Trade Value (US$)` …) is read
//! too. The delimiter is a tab when the header line has one, else a comma; columns are
//! found by name, and the others (descriptions, `qty`, `cifvalue` …) are ignored.
//!
//! What a row becomes, the reporter being the country that reported it:
//!
//! | `flowCode` (classic `Trade Flow Code`) | value (`primaryValue`, USD) | net weight (`netWgt`, kg → t) | origin → destination |
//! |---|---|---|---|
//! | `X` (2) exports    | `exports`    | `exports_volume`    | reporter → partner |
//! | `M` (1) imports    | `imports`    | `imports_volume`    | partner → reporter |
//! | `RX` (3) re-exports | `re_exports` | `re_exports_volume` | reporter → partner |
//! | `RM` (4) re-imports | `re_imports` | `re_imports_volume` | partner → reporter |
//!
//! Imports go from the partner to the reporter because the catalogue's `imports` are
//! "imported by the destination country from the origin country, as the importer
//! reports them". The re-export and re-import indicators, and the exports and imports
//! ones of the catalogue, are added when the store lacks them, as is the source
//! [`SOURCE_ID`]; a stored one is used as it is (a row's unit, `USD` or `t`, must then
//! fit its unit). `cmdCode` is the product, read as text (`0101` stays `0101`), `TOTAL`
//! becoming `total`; `period` `2024` is the year, `202408` August 2024 (`2024-08`).
//! `cmdDesc` (classic `Commodity`) is kept as the product's name and
//! `classificationCode` (classic `Classification`) as its classification: `H0` to `H6`
//! (the revisions of the Harmonized System) as `HS`, `S1` to `S4` as `SITC`, `B4` and
//! `B5` as `BEC`. Where a file names a code differently in several revisions, the
//! latest revision's name is kept; a name the store already has is never replaced (see
//! [`Store::add_product`]).
//! A net weight that is empty or 0 is taken as not reported: the row gives its value
//! alone. Quantities in other units (`qty`, `altQty`) are left out: the catalogue has
//! no indicator for them, and pieces, litres and square metres do not add up.
//!
//! A value is an `estimate` when `isReported` is false (UN Comtrade estimated it rather
//! than the reporter reporting it), unless `isAggregate` is true: then UNSD summed the
//! reporter's own detailed lines into the total (the `TOTAL` of a Plus download), which
//! no one reported as such but nobody estimated either, and it is stored as actual. A
//! net weight is an estimate when `isNetWgtEstimated` is true or the legacy estimation
//! flag has its net-weight bit (4). Each estimate says so in its note.
//!
//! Rows that would count trade twice or are not between two countries are passed over,
//! each counted under its reason in the [`ImportSummary`]: the partner World (code 0,
//! `W00`), areas that are not countries (`Areas, nes`, bunkers, free zones, the EU as a
//! reporter …), breakdowns by second partner (`partner2Code` not 0), customs procedure
//! (`customsCode` not `C00`) or mode of transport (`motCode` not 0) — only the totals
//! are stored —, flows other than the four above (`DX` and `FM` are parts of `X` and
//! `M`; processing flows such as `MIP` too), services (`typeCode` S), a partner that is
//! the reporter itself, and rows without a value. `isAggregate` marks figures UN
//! Comtrade summed from a reporter's detailed lines, such as `TOTAL`: those are kept
//! (they are the ones wanted), and read as reported (see above).
//!
//! A cell that cannot be read (a number, a period, an ISO code the store does not
//! know) is an error naming the CSV line (the header is line 1) and the column.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use rustc_hash::FxHashMap as HashMap;

use crate::error::{Error, Result};
use crate::files::{
    at_line, io_error, Format, ImportOptions, ImportSummary, Stage, UnixLineEndings, Watch,
};
use crate::model::{Indicator, Kind, ObservationBatch, Product, Source, Topic};
use crate::store::Store;

/// The id of the source every imported observation cites.
pub const SOURCE_ID: &str = "un-comtrade";

/// The columns of the Comtrade Plus layout an import needs.
pub const REQUIRED_COLUMNS: [&str; 6] = [
    "reporterISO",
    "partnerISO",
    "flowCode",
    "cmdCode",
    "period",
    "primaryValue",
];

/// The same columns in the classic (legacy) layout.
pub const LEGACY_REQUIRED_COLUMNS: [&str; 6] = [
    "Reporter ISO",
    "Partner ISO",
    "Trade Flow Code",
    "Commodity Code",
    "Period",
    "Trade Value (US$)",
];

/// The line of the header: the record a header error names.
const HEADER_LINE: usize = 1;

/// The columns read, by their name in each layout (`None`: the layout has no such
/// column). The first six are [`REQUIRED_COLUMNS`].
const COLUMNS: [(&str, Option<&str>); 16] = [
    ("reporterISO", Some("Reporter ISO")),
    ("partnerISO", Some("Partner ISO")),
    ("flowCode", Some("Trade Flow Code")),
    ("cmdCode", Some("Commodity Code")),
    ("period", Some("Period")),
    ("primaryValue", Some("Trade Value (US$)")),
    ("netWgt", Some("Netweight (kg)")),
    ("freqCode", None),
    ("typeCode", None),
    ("reporterCode", Some("Reporter Code")),
    ("reporterDesc", Some("Reporter")),
    ("partnerCode", Some("Partner Code")),
    ("partnerDesc", Some("Partner")),
    ("partner2Code", Some("2nd Partner Code")),
    ("customsCode", Some("Customs Proc. Code")),
    ("motCode", Some("Mode of Transport Code")),
];

/// Further columns read, after [`COLUMNS`].
const MORE_COLUMNS: [(&str, Option<&str>); 6] = [
    ("isReported", None),
    ("isAggregate", None),
    ("isNetWgtEstimated", None),
    ("legacyEstimationFlag", Some("Flag")),
    ("cmdDesc", Some("Commodity")),
    ("classificationCode", Some("Classification")),
];

/// Positions in [`Header::at`].
mod col {
    pub const REPORTER_ISO: usize = 0;
    pub const PARTNER_ISO: usize = 1;
    pub const FLOW: usize = 2;
    pub const CMD: usize = 3;
    pub const PERIOD: usize = 4;
    pub const VALUE: usize = 5;
    pub const NET_WEIGHT: usize = 6;
    pub const FREQ: usize = 7;
    pub const TYPE: usize = 8;
    pub const REPORTER_CODE: usize = 9;
    pub const REPORTER_DESC: usize = 10;
    pub const PARTNER_CODE: usize = 11;
    pub const PARTNER_DESC: usize = 12;
    pub const PARTNER2: usize = 13;
    pub const CUSTOMS: usize = 14;
    pub const MOT: usize = 15;
    pub const IS_REPORTED: usize = 16;
    pub const IS_AGGREGATE: usize = 17;
    pub const NET_WEIGHT_ESTIMATED: usize = 18;
    pub const ESTIMATION_FLAG: usize = 19;
    pub const CMD_DESC: usize = 20;
    pub const CLASSIFICATION: usize = 21;
}

/// The legacy estimation flag's bit saying the net weight was estimated (2: quantity,
/// 4: net weight, 6: both).
const NET_WEIGHT_ESTIMATED_BIT: u32 = 4;

/// UN Comtrade's codes of reporters and partners that are areas, not countries:
/// EU, Other Asia nes, Oceania nes, LAIA nes, Other Europe nes, Other Africa nes, Rest
/// of America nes, Bunkers, Free Zones, Special Categories, Areas nes. Any other whose
/// name ends in "nes" (not elsewhere specified) is one too.
const AREA_CODES: [&str; 11] = [
    "97", "490", "527", "473", "568", "577", "636", "837", "838", "839", "899",
];

/// A flow the importer stores.
#[derive(Clone, Copy)]
enum Flow {
    Exports,
    Imports,
    ReExports,
    ReImports,
}

impl Flow {
    /// The flow a `flowCode` (or classic `Trade Flow Code`) names, or why its rows are
    /// passed over.
    fn of(code: &str) -> std::result::Result<Flow, String> {
        match code {
            "X" | "2" => Ok(Flow::Exports),
            "M" | "1" => Ok(Flow::Imports),
            "RX" | "3" => Ok(Flow::ReExports),
            "RM" | "4" => Ok(Flow::ReImports),
            "DX" => Err("flow DX (domestic exports) is part of X (exports)".to_owned()),
            "FM" => Err("flow FM (foreign imports) is part of M (imports)".to_owned()),
            other => Err(format!(
                "flow {other} is not X, M, RX or RM (exports, imports, re-exports, re-imports)"
            )),
        }
    }

    /// The indicators of its value and its net weight.
    fn indicators(self) -> (&'static str, &'static str) {
        match self {
            Flow::Exports => ("exports", "exports_volume"),
            Flow::Imports => ("imports", "imports_volume"),
            Flow::ReExports => ("re_exports", "re_exports_volume"),
            Flow::ReImports => ("re_imports", "re_imports_volume"),
        }
    }

    /// Whether the goods go from the reporter to the partner.
    fn outward(self) -> bool {
        matches!(self, Flow::Exports | Flow::ReExports)
    }
}

impl Store {
    /// Adds the trade figures of a UN Comtrade CSV file (see [`crate::files::comtrade`]
    /// for its columns and what each row becomes) all or nothing. Rows of the partner
    /// World, of areas that are not countries and of breakdowns below the totals are
    /// passed over, counted by reason in the summary. `written` and an "already
    /// stored" count observations: a row gives its value and, when reported, its net
    /// weight.
    ///
    /// ```
    /// use bilateral::files::ImportOptions;
    /// use bilateral::{ObservationFilter, Store};
    ///
    /// let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("TradeData.csv");
    /// std::fs::write(&path, "freqCode,period,reporterISO,flowCode,partnerCode,partnerISO,cmdCode,netWgt,primaryValue\n\
    ///                        A,2024,KAZ,X,31,AZE,0101,2500,1200000\n\
    ///                        A,2024,KAZ,X,0,W00,0101,9000,5000000\n")?;
    ///
    /// let mut store = Store::in_memory()?;
    /// let summary = store.import_comtrade_csv(&path, &ImportOptions::default())?;
    /// assert_eq!((summary.read, summary.written, summary.skipped_rows()), (2, 2, 1));
    /// let horses = store.observations(&ObservationFilter::indicator("exports_volume"))?;
    /// assert_eq!((horses[0].product.as_str(), horses[0].value), ("0101", 2.5));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn import_comtrade_csv(
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
        let rows = self.read_comtrade(
            BufReader::new(UnixLineEndings::new(file)),
            path,
            bytes,
            watch,
        )?;
        let indicators = self.missing_indicators(&rows.batch)?;
        let products = rows.products.into_products();
        let sources = match self.sources()?.iter().any(|s| s.id == SOURCE_ID) {
            true => Vec::new(),
            false => vec![un_comtrade()],
        };
        let written = self
            .import_batch(
                &indicators,
                &sources,
                &products,
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

    /// The indicators `batch` uses that the store lacks, as the catalogue defines them
    /// or, for re-exports and re-imports, as this importer does.
    fn missing_indicators(&self, batch: &ObservationBatch) -> Result<Vec<Indicator>> {
        let catalogue = crate::builtin::catalogue()?;
        let stored: Vec<String> = self.indicators()?.into_iter().map(|i| i.code).collect();
        let mut missing = Vec::new();
        for code in batch.indicator.values() {
            if stored.contains(code) {
                continue;
            }
            let defined = catalogue
                .iter()
                .find(|i| &i.code == code)
                .cloned()
                .or_else(|| re_trade_indicator(code));
            missing.extend(defined);
        }
        Ok(missing)
    }

    fn read_comtrade(
        &self,
        mut input: BufReader<impl Read>,
        path: &Path,
        bytes: u64,
        watch: Watch,
    ) -> Result<ComtradeRows> {
        let first_line = input.fill_buf().map_err(|source| io_error(path, source))?;
        let header_end = first_line.iter().position(|&b| b == b'\n');
        let delimiter = match first_line[..header_end.unwrap_or(first_line.len())].contains(&b'\t')
        {
            true => b'\t',
            false => b',',
        };
        // Flexible: a Comtrade Plus download ends every data row with one separator more
        // than its header has; the count is checked row by row below.
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(input);
        let names = reader
            .byte_headers()
            .map_err(|e| super::csv::csv_error(e, path))?
            .clone();
        let header = Header::read(&names)?;
        let mut rows = ComtradeRows {
            batch: ObservationBatch::default(),
            lines: Vec::new(),
            summary: ImportSummary {
                format: Some(Format::Comtrade.code()),
                ..ImportSummary::default()
            },
            products: ProductNames::default(),
        };
        let mut countries: HashMap<String, String> = HashMap::default();
        let mut record = ::csv::ByteRecord::new();
        while reader
            .read_byte_record(&mut record)
            .map_err(|e| super::csv::csv_error(e, path))?
        {
            let line = record.position().map_or(0, |p| p.line() as usize);
            let byte = record.position().map_or(0, |p| p.byte());
            check_cell_count(&record, names.len()).map_err(|e| e.at_record(line))?;
            rows.summary.read += 1;
            let row = Row {
                header: &header,
                record: &record,
            };
            match row
                .read(self, &mut countries)
                .map_err(|e| e.at_record(line))?
            {
                Ok(trade) => trade.push(&mut rows, line),
                Err(reason) => rows.summary.skip(&reason, line),
            }
            watch.at(Stage::Reading, rows.summary.read, byte, bytes)?;
        }
        watch.at(Stage::Reading, 0, bytes, bytes)?;
        Ok(rows)
    }
}

/// The source every imported observation cites.
fn un_comtrade() -> Source {
    Source {
        id: SOURCE_ID.to_owned(),
        title: "UN Comtrade Database".to_owned(),
        publisher: Some("United Nations Statistics Division".to_owned()),
        url: Some("https://comtradeplus.un.org/".to_owned()),
        published: None,
    }
}

/// The re-export and re-import indicators, which the catalogue lacks.
fn re_trade_indicator(code: &str) -> Option<Indicator> {
    let (name, unit, description, phrase) = match code {
        "re_exports" => (
            "Re-exports",
            "USD",
            "Value of foreign goods re-exported from the origin country to the destination \
             country over the period, by product, as the re-exporter reports them (most \
             reporters count them in their exports too).",
            None,
        ),
        "re_imports" => (
            "Re-imports",
            "USD",
            "Value of domestic goods re-imported by the destination country from the origin \
             country over the period, by product, as the re-importer reports them (most \
             reporters count them in their imports too).",
            Some("Re-imports of {product} into {destination} from {origin}"),
        ),
        "re_exports_volume" => (
            "Re-export volume",
            "t",
            "Net weight in tonnes of goods re-exported from the origin country to the \
             destination country over the period, by product, as the re-exporter reports it.",
            Some("{product} re-exports by volume from {origin} to {destination}"),
        ),
        "re_imports_volume" => (
            "Re-import volume",
            "t",
            "Net weight in tonnes of goods re-imported by the destination country from the \
             origin country over the period, by product, as the re-importer reports it.",
            Some("{product} re-imports by volume into {destination} from {origin}"),
        ),
        _ => return None,
    };
    Some(Indicator {
        code: code.to_owned(),
        name: name.to_owned(),
        unit: unit.to_owned(),
        kind: Kind::Flow,
        directed: true,
        signed: false,
        description: Some(description.to_owned()),
        topic: Topic::TRADE,
        phrase: phrase.map(str::to_owned),
    })
}

/// The rows of a file read so far: the batch, the file line of each batch row, what
/// was read and passed over, and the products' names.
struct ComtradeRows {
    batch: ObservationBatch,
    lines: Vec<usize>,
    summary: ImportSummary,
    products: ProductNames,
}

/// The name and classification of each product code a file names, with the revision
/// (`H5`) the name came from.
#[derive(Default)]
struct ProductNames {
    by_code: HashMap<String, (Product, Option<String>)>,
}

impl ProductNames {
    /// Keeps `name` for `code` unless a name from a later revision of the same
    /// classification is kept already (a later revision's words are the current ones;
    /// between two of different classifications, or none, the first stays).
    fn note(&mut self, code: &str, name: &str, revision: Option<&str>) {
        let family = revision.and_then(classification_of);
        let later = |kept: &Option<String>| match (kept.as_deref(), revision) {
            (Some(kept), Some(revision)) => classification_of(kept) == family && revision > kept,
            _ => false,
        };
        match self.by_code.get(code) {
            Some((_, kept)) if !later(kept) => {}
            _ => {
                let product = Product {
                    code: code.to_owned(),
                    name: Some(name.to_owned()),
                    classification: family.map(str::to_owned),
                };
                self.by_code
                    .insert(code.to_owned(), (product, revision.map(str::to_owned)));
            }
        }
    }

    /// The products, by code.
    fn into_products(self) -> Vec<Product> {
        let mut products: Vec<Product> = self.by_code.into_values().map(|(p, _)| p).collect();
        products.sort_by(|a, b| a.code.cmp(&b.code));
        products
    }
}

/// The classification a Comtrade `classificationCode` is a revision of: `H0`–`H6` the
/// Harmonized System, `S1`–`S4` SITC, `B4`, `B5` BEC (`HS`, `SITC` and `BEC` as
/// `classificationSearchCode` writes them are read too).
fn classification_of(code: &str) -> Option<&'static str> {
    match code {
        "HS" | "H0" | "H1" | "H2" | "H3" | "H4" | "H5" | "H6" => Some("HS"),
        "SITC" | "S1" | "S2" | "S3" | "S4" => Some("SITC"),
        "BEC" | "B4" | "B5" => Some("BEC"),
        _ => None,
    }
}

/// Where each column read is in the header, and its name there.
struct Header {
    at: [Option<usize>; COLUMNS.len() + MORE_COLUMNS.len()],
    names: [&'static str; COLUMNS.len() + MORE_COLUMNS.len()],
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
        let has = |name: &str| names.iter().any(|n| n == name);
        let legacy = !has("flowCode") && has("Trade Flow Code");
        let required = match legacy {
            true => LEGACY_REQUIRED_COLUMNS,
            false => REQUIRED_COLUMNS,
        };
        if let Some(missing) = required.iter().find(|n| !has(n)) {
            return Err(Error::invalid(
                missing,
                names.join(","),
                format!(
                    "is missing from the header (a UN Comtrade file has the columns {})",
                    required.join(", ")
                ),
            )
            .at_record(HEADER_LINE));
        }
        let mut header = Header {
            at: [None; COLUMNS.len() + MORE_COLUMNS.len()],
            names: [""; COLUMNS.len() + MORE_COLUMNS.len()],
        };
        for (i, (plus, classic)) in COLUMNS.iter().chain(&MORE_COLUMNS).enumerate() {
            let name = match legacy {
                true => *classic,
                false => Some(*plus),
            };
            header.names[i] = name.unwrap_or(plus);
            let Some(name) = name else { continue };
            let mut found = names.iter().enumerate().filter(|(_, n)| *n == name);
            header.at[i] = found.next().map(|(at, _)| at);
            if found.next().is_some() {
                return Err(
                    Error::invalid(name, name, "is a column twice in the header")
                        .at_record(HEADER_LINE),
                );
            }
        }
        Ok(header)
    }
}

/// One row of the file, read cell by cell.
struct Row<'a> {
    header: &'a Header,
    record: &'a ::csv::ByteRecord,
}

/// What a row stores.
struct Trade {
    flow: Flow,
    reporter: String,
    partner: String,
    product: String,
    /// The product's name (`cmdDesc`) and the revision of its classification (`H5`).
    product_name: Option<(String, Option<String>)>,
    period: String,
    value: f64,
    value_estimated: bool,
    net_weight: Option<f64>,
    net_weight_estimated: bool,
}

/// Refuses a row whose cells do not match the header's, but for empty cells past its
/// end (Comtrade Plus ends each data row with a separator): text past the header, or a
/// row cut short, would put values under the wrong names.
fn check_cell_count(record: &::csv::ByteRecord, columns: usize) -> Result<()> {
    let extra_empty = record.iter().skip(columns).all(<[u8]>::is_empty);
    if record.len() == columns || (record.len() > columns && extra_empty) {
        return Ok(());
    }
    let start: Vec<String> = record
        .iter()
        .take(3)
        .map(|cell| String::from_utf8_lossy(cell).into_owned())
        .collect();
    Err(Error::invalid(
        "row",
        start.join(","),
        format!(
            "has {} cells where the header has {columns}{}",
            record.len(),
            if record.len() > columns {
                ", with text past the header's last column"
            } else {
                ""
            }
        ),
    ))
}

impl Row<'_> {
    /// The cell of column `col`, trimmed; `None` when the column is absent or the cell
    /// empty.
    fn cell(&self, col: usize) -> Result<Option<&str>> {
        let Some(bytes) = self.header.at[col].and_then(|at| self.record.get(at)) else {
            return Ok(None);
        };
        let text = std::str::from_utf8(bytes).map_err(|_| {
            Error::invalid(
                self.header.names[col],
                String::from_utf8_lossy(bytes),
                "is not UTF-8 text",
            )
        })?;
        Ok(Some(text.trim()).filter(|t| !t.is_empty()))
    }

    /// A cell of descriptive text, trimmed: UTF-8, or else read as Windows-1252 (as
    /// Comtrade Plus writes its downloads) byte by byte, the Latin-1 letters alike in
    /// both; `None` when absent or empty.
    fn name(&self, col: usize) -> Option<String> {
        let bytes = self.header.at[col].and_then(|at| self.record.get(at))?;
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
        };
        Some(text.trim().to_owned()).filter(|t| !t.is_empty())
    }

    /// A cell that must not be empty.
    fn required(&self, col: usize) -> Result<&str> {
        self.cell(col)?
            .ok_or_else(|| Error::invalid(self.header.names[col], "", "is empty"))
    }

    /// A cell read as a number that is not negative, or `None` when empty.
    fn amount(&self, col: usize) -> Result<Option<f64>> {
        let Some(text) = self.cell(col)? else {
            return Ok(None);
        };
        let bad = |why: &str| Error::invalid(self.header.names[col], text, why);
        match text.parse::<f64>() {
            Ok(n) if n.is_finite() && n >= 0.0 => Ok(Some(n)),
            Ok(_) => Err(bad("is not a finite amount of zero or more")),
            Err(_) => Err(bad("is not a number")),
        }
    }

    /// A cell read as true or false (`true`, `false`, `1`, `0`, any case).
    fn flag(&self, col: usize) -> Result<Option<bool>> {
        let Some(text) = self.cell(col)? else {
            return Ok(None);
        };
        match text.to_ascii_lowercase().as_str() {
            "true" | "1" => Ok(Some(true)),
            "false" | "0" => Ok(Some(false)),
            _ => Err(Error::invalid(
                self.header.names[col],
                text,
                "is not true or false",
            )),
        }
    }

    /// The row's trade, `Err(reason)` when it is passed over, or the error of a cell
    /// that cannot be read.
    fn read(
        &self,
        store: &Store,
        countries: &mut HashMap<String, String>,
    ) -> Result<std::result::Result<Trade, String>> {
        if let Some(kind) = self.cell(col::TYPE)? {
            if kind != "C" {
                return Ok(Err(format!(
                    "typeCode {kind} is not goods (C): services are not goods trade"
                )));
            }
        }
        let flow = match Flow::of(self.required(col::FLOW)?) {
            Ok(flow) => flow,
            Err(reason) => return Ok(Err(reason)),
        };
        let breakdowns = [
            (
                col::PARTNER2,
                "0",
                "a breakdown by second partner (partner2Code not 0)",
            ),
            (
                col::CUSTOMS,
                "C00",
                "a breakdown by customs procedure (customsCode not C00)",
            ),
            (
                col::MOT,
                "0",
                "a breakdown by mode of transport (motCode not 0)",
            ),
        ];
        for (col, total, reason) in breakdowns {
            if self.cell(col)?.is_some_and(|code| code != total) {
                return Ok(Err(reason.to_owned()));
            }
        }
        let partner_code = self.cell(col::PARTNER_CODE)?;
        let partner_iso = self.required(col::PARTNER_ISO)?;
        if partner_code == Some("0") || matches!(partner_iso, "W00" | "WLD") {
            return Ok(Err("partner World is an aggregate".to_owned()));
        }
        for (code, desc, iso, who) in [
            (
                col::REPORTER_CODE,
                col::REPORTER_DESC,
                col::REPORTER_ISO,
                "reporter",
            ),
            (
                col::PARTNER_CODE,
                col::PARTNER_DESC,
                col::PARTNER_ISO,
                "partner",
            ),
        ] {
            if let Some(area) = self.area(code, desc, iso)? {
                return Ok(Err(format!("{who} {area} is an area, not a country")));
            }
        }
        let reporter = self.country(col::REPORTER_ISO, store, countries)?;
        let partner = self.country(col::PARTNER_ISO, store, countries)?;
        if reporter == partner {
            return Ok(Err("partner is the reporter itself".to_owned()));
        }
        let period = self.period()?;
        let product = match self.required(col::CMD)? {
            total if total.eq_ignore_ascii_case("TOTAL") => "total".to_owned(),
            code => code.to_owned(),
        };
        let Some(value) = self.amount(col::VALUE)? else {
            return Ok(Err("no trade value (primaryValue empty)".to_owned()));
        };
        let net_weight = self.amount(col::NET_WEIGHT)?.filter(|&kg| kg > 0.0);
        let flagged = match self.cell(col::ESTIMATION_FLAG)? {
            Some(text) => {
                let flag = text.parse::<u32>().map_err(|_| {
                    Error::invalid(
                        self.header.names[col::ESTIMATION_FLAG],
                        text,
                        "is not a whole number",
                    )
                })?;
                flag & NET_WEIGHT_ESTIMATED_BIT != 0
            }
            None => false,
        };
        let product_name = match product.as_str() {
            "total" => None,
            _ => self.name(col::CMD_DESC).map(|name| {
                let revision = self.cell(col::CLASSIFICATION).ok().flatten();
                (name, revision.map(str::to_owned))
            }),
        };
        Ok(Ok(Trade {
            flow,
            reporter,
            partner,
            product,
            product_name,
            period,
            value,
            // A total UNSD summed from the reporter's own lines is reported by no one as
            // such (isReported false), but it is no estimate: isAggregate true says so.
            value_estimated: self.flag(col::IS_REPORTED)? == Some(false)
                && self.flag(col::IS_AGGREGATE)? != Some(true),
            net_weight,
            net_weight_estimated: self.flag(col::NET_WEIGHT_ESTIMATED)?.unwrap_or(flagged),
        }))
    }

    /// The name (and code) of the area a reporter or partner is, when it is one.
    fn area(&self, code: usize, desc: usize, iso: usize) -> Result<Option<String>> {
        let code = self.cell(code)?;
        // Descriptions may be Windows-1252 ("C\xf4te d'Ivoire" in a Plus download).
        let desc = self.name(desc);
        let nes = desc.as_deref().is_some_and(|d| {
            let d = d.trim_end_matches('.').to_ascii_lowercase();
            d.ends_with(" nes") || d.ends_with(",nes")
        });
        if !nes && !code.is_some_and(|c| AREA_CODES.contains(&c)) {
            return Ok(None);
        }
        let name = desc
            .or(self.cell(iso)?.map(str::to_owned))
            .unwrap_or_default();
        Ok(Some(match code {
            Some(code) => format!("{name} ({code})"),
            None => name,
        }))
    }

    /// The alpha-3 code of the country in column `col`, through the store's lookup; an
    /// error naming the column when the store does not know it.
    fn country(
        &self,
        col: usize,
        store: &Store,
        countries: &mut HashMap<String, String>,
    ) -> Result<String> {
        let text = self.required(col)?;
        if let Some(alpha3) = countries.get(text) {
            return Ok(alpha3.clone());
        }
        let alpha3 = match store.country(text) {
            Ok(country) => country.alpha3,
            Err(Error::Validation(mut v)) => {
                v.field = self.header.names[col].to_owned();
                return Err(Error::Validation(v));
            }
            Err(other) => return Err(other),
        };
        countries.insert(text.to_owned(), alpha3.clone());
        Ok(alpha3)
    }

    /// The period as the store writes it: `2024` for a year, `2024-08` for a month.
    fn period(&self) -> Result<String> {
        let text = self.required(col::PERIOD)?;
        let freq = self.cell(col::FREQ)?;
        let bad = |why: &str| Error::invalid(self.header.names[col::PERIOD], text, why);
        let digits = text.bytes().all(|b| b.is_ascii_digit());
        match (freq, text.len()) {
            (Some("A") | None, 4) if digits => Ok(text.to_owned()),
            (Some("M") | None, 6) if digits => {
                let month: u32 = text[4..].parse().unwrap_or_default();
                match month {
                    1..=12 => Ok(format!("{}-{}", &text[..4], &text[4..])),
                    _ => Err(bad("is not a year and month: its month is not 01 to 12")),
                }
            }
            (Some("A"), _) => Err(bad("is not a year (2024), as freqCode A says")),
            (Some("M"), _) => Err(bad("is not a year and month (202408), as freqCode M says")),
            (Some(other), _) => Err(Error::invalid(
                self.header.names[col::FREQ],
                other,
                "is not A (annual) or M (monthly)",
            )),
            (None, _) => Err(bad("is not a year (2024) or a year and month (202408)")),
        }
    }
}

impl Trade {
    /// Appends the row's value and, when reported, its net weight to the batch, and
    /// notes its product's name.
    fn push(self, rows: &mut ComtradeRows, line: usize) {
        if let Some((name, revision)) = &self.product_name {
            rows.products.note(&self.product, name, revision.as_deref());
        }
        let (value_indicator, weight_indicator) = self.flow.indicators();
        let (origin, destination) = match self.flow.outward() {
            true => (&self.reporter, &self.partner),
            false => (&self.partner, &self.reporter),
        };
        let mut push = |indicator: &str, unit: &str, value: f64, estimate: Option<&str>| {
            let batch = &mut rows.batch;
            batch.indicator.push(Some(indicator));
            batch.origin.push(Some(origin));
            batch.destination.push(Some(destination));
            batch.product.push(Some(&self.product));
            batch.period.push(Some(&self.period));
            batch.qualifier.push(None);
            batch.status.push(estimate.map(|_| "estimate"));
            batch.source.push(Some(SOURCE_ID));
            batch.quote.push(None);
            batch.note.push(estimate);
            batch.unit.push(Some(unit));
            batch.value.push(Some(value));
            batch.low.push(None);
            batch.high.push(None);
            batch.precision.push(None);
            rows.lines.push(line);
        };
        push(
            value_indicator,
            "USD",
            self.value,
            self.value_estimated
                .then_some("UN Comtrade: not reported by the reporter (isReported false)"),
        );
        if let Some(kg) = self.net_weight {
            push(
                weight_indicator,
                "t",
                kg / 1000.0,
                self.net_weight_estimated
                    .then_some("UN Comtrade: net weight estimated"),
            );
        }
    }
}
