//! UN Comtrade's CSV: one row per reporter, partner, flow, commodity and period, as
//! the Comtrade Plus data API (the `comtradeapicall` package's `getFinalData`), its web
//! download (`TradeData_….csv`) and its bulk files (`….txt.gz`, tab-separated, gzipped
//! or not) write it, read by [`Store::import_comtrade_csv`]. The classic (legacy)
//! layouts are read too: the full one (`Reporter ISO`, `Trade Flow Code`,
//! `Trade Value (US$)` …), its variant headers (`TradeFlow Code`, `Netweightkg`,
//! `TradeValueUS`) and the reduced one without ISO codes or `Period` (`Year`,
//! `Reporter Code`, `Partner Code` …). The delimiter is a tab when the header line has
//! one, else a comma; columns are found by name, and the others are ignored.
//!
//! Reporters and partners are read from their ISO alpha-3 column (`reporterISO`,
//! classic `Reporter ISO`) or, where a file has none or leaves it empty, from their
//! M49 code (`reporterCode`, `partnerCode`) through UN Comtrade's own table of codes,
//! shipped as `data/comtrade_m49.csv` (Comtrade's `Reporters.json`: its codes differ
//! from ISO 3166-1 numeric for a few countries, 842 for the USA, 251 France, 699
//! India). A code in that table without an ISO 3166-1 code (a former country such as
//! the USSR, 810) and a code missing from it (a partner Comtrade never lists as a
//! reporter) name no country the store knows: their rows are passed over, counted
//! under the code. A code that is not a number of up to three digits is an error.
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
//! becoming `total`; an HS code (2, 4 or 6 digits) of an odd number of digits, which a
//! classic file writes without its leading zero (chapter `1`), gets it back (`01`), as
//! Comtrade Plus writes it; SITC and other codes are kept as they are; `period` `2024` is the year, `202408` August 2024 (`2024-08`); a
//! file without `period` (classic `Period`) gives its year in `Year`.
//! `cmdDesc` (classic `Commodity`) is kept as the product's name and
//! `classificationCode` (classic `Classification`) as its classification: `H0` to `H6`
//! (the revisions of the Harmonized System) as `HS`, `S1` to `S4` as `SITC`, `B4` and
//! `B5` as `BEC`. A bulk file has no descriptions: its products stay codes. Where a
//! file names a code differently in several revisions, the latest revision's name is
//! kept; a name the store already has is never replaced (see [`Store::add_product`]).
//!
//! Quantities: a net weight that is empty or 0 is taken as not reported: the row's
//! value alone is stored, and the weight is counted as a figure passed over
//! ([`crate::files::Skipped::counts`], reason [`NET_WEIGHT_NOT_REPORTED`]; a file
//! without a weight column, the reduced classic layout, counts none). A quantity
//! in kilograms (`qtyUnitCode` or `altQtyUnitCode` 8, classic `Qty Unit Code` 8,
//! "Weight in kilograms") is the net weight again: it stands in for an empty `netWgt`
//! and is otherwise left out, being the same figure. Quantities in other units
//! (number of items, litres, square metres, pairs …, `qty` and `altQty` with their
//! unit codes) are left out: an indicator has one unit, and the catalogue has none
//! for them; an indicator per unit would be needed, and pieces of different goods do
//! not add up across products anyway.
//!
//! A value is an `estimate` when `isReported` is false (UN Comtrade estimated it rather
//! than the reporter reporting it), unless `isAggregate` is true: then UNSD summed the
//! reporter's own detailed lines into the total (the `TOTAL` of a Plus download), which
//! no one reported as such but nobody estimated either, and it is stored as actual. The
//! same rule holds for the row's net weight: a record not as the country reported it
//! (UNSD's meaning of `isReported` false) is estimated whole, weight included. A
//! net weight is an estimate too when `isNetWgtEstimated` is true or the legacy estimation
//! flag has its net-weight bit (4); one read from a quantity in kilograms when
//! `isQtyEstimated` (`isAltQtyEstimated`) is true or the flag has its quantity bit (2).
//! Each estimate says so in its note.
//!
//! Rows that would count trade twice or are not between two countries are passed over,
//! each counted under its reason in the [`ImportSummary`]: the partner World (code 0,
//! `W00`), areas that are not countries (`Areas, nes`, bunkers, free zones, the EU as a
//! reporter, any code the table marks as a group …), breakdowns by second partner
//! (`partner2Code` not 0), customs procedure (`customsCode` not `C00`) or mode of
//! transport (`motCode` not 0) — only the totals are stored —, flows other than the
//! four above (`DX` and `FM` are parts of `X` and `M`; processing flows such as `MIP`
//! too), services (`typeCode` S), a partner that is the reporter itself, and rows
//! without a value. `isAggregate` marks figures UN Comtrade summed from a reporter's
//! detailed lines, such as `TOTAL`: those are kept (they are the ones wanted), and read
//! as reported (see above).
//!
//! A file is read and written a batch of rows at a time inside one transaction, so a
//! bulk file of any size takes the memory of one batch and is still stored all or
//! nothing; progress is told in bytes of the file read ([`Stage::Reading`]), the rows
//! being checked and written as they are read ([`Stage::Checking`] and
//! [`Stage::Writing`] are told once, at the end, with the figures' count). A cell that cannot be read (a number, a
//! period, an ISO code the store does not know) is an error naming the CSV line (the
//! header is line 1) and the column. What the classic API sent instead of data when it
//! refused a query ("Query complexity: your query is too complex …"), saved as a
//! `.csv`, is refused as such, quoting it; so is a gzipped file cut short.

use std::cell::Cell;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::rc::Rc;
use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use crate::error::{Error, Result};
use crate::files::{io_error, Format, ImportOptions, ImportSummary, Stage, UnixLineEndings, Watch};
use crate::model::{Indicator, Kind, ObservationBatch, Product, Source, Topic};
use crate::store::{BatchSource, CountryFinder, Store};

/// The id of the source every imported observation cites.
pub const SOURCE_ID: &str = "un-comtrade";

/// The columns of the Comtrade Plus layout an import needs (a bulk file gives
/// `reporterCode` and `partnerCode` instead of the ISO codes).
pub const REQUIRED_COLUMNS: [&str; 6] = [
    "reporterISO",
    "partnerISO",
    "flowCode",
    "cmdCode",
    "period",
    "primaryValue",
];

/// The same columns in the classic (legacy) layout (its reduced form gives
/// `Reporter Code`, `Partner Code` and `Year` instead of the ISO codes and `Period`).
pub const LEGACY_REQUIRED_COLUMNS: [&str; 6] = [
    "Reporter ISO",
    "Partner ISO",
    "Trade Flow Code",
    "Commodity Code",
    "Period",
    "Trade Value (US$)",
];

/// Whether a header with these column names is one of UN Comtrade's layouts: it has a
/// flow, a commodity and a value, the reporter and the partner (by ISO code or M49
/// code) and the period (or the year), under the names of any layout.
pub fn has_columns(names: &[&str]) -> bool {
    let has = |col: usize| COLUMNS[col].iter().any(|n| names.contains(n));
    REQUIRED
        .iter()
        .all(|either| either.iter().any(|&col| has(col)))
}

/// The reason a row's net weight is counted as a figure passed over (see
/// [`crate::files::Skipped::counts`]): its value is stored without it.
pub const NET_WEIGHT_NOT_REPORTED: &str =
    "net weight not reported (empty or 0): the value alone is stored";

/// The line of the header: the record a header error names.
const HEADER_LINE: usize = 1;

/// Figures read before they are checked and written, a batch at a time, whatever the
/// size of the file (a million-row bulk file imported with a peak of 27 MB for the
/// whole process in `benches/comtrade.rs`).
const BATCH_FIGURES: usize = 100_000;

/// The names of each column read, in every layout: Plus (API, web and bulk) first,
/// then the classic ones. Positions are in [`col`].
const COLUMNS: [&[&str]; 29] = [
    &["reporterISO", "Reporter ISO"],
    &["partnerISO", "Partner ISO"],
    &["flowCode", "Trade Flow Code", "TradeFlow Code"],
    &["cmdCode", "Commodity Code"],
    &["period", "Period"],
    &["primaryValue", "Trade Value (US$)", "TradeValueUS"],
    &["netWgt", "Netweight (kg)", "Netweightkg"],
    &["freqCode"],
    &["typeCode"],
    &["reporterCode", "Reporter Code"],
    &["reporterDesc", "Reporter"],
    &["partnerCode", "Partner Code"],
    &["partnerDesc", "Partner"],
    &["partner2Code", "2nd Partner Code"],
    &["customsCode", "Customs Proc. Code"],
    &["motCode", "Mode of Transport Code"],
    &["isReported"],
    &["isAggregate"],
    &["isNetWgtEstimated"],
    &["legacyEstimationFlag", "Flag"],
    &["cmdDesc", "Commodity"],
    &["classificationCode", "Classification"],
    &["refYear", "Year"],
    &["qtyUnitCode", "Qty Unit Code"],
    &["qty", "Qty"],
    &["isQtyEstimated"],
    &["altQtyUnitCode", "Alt Qty Unit Code"],
    &["altQty", "Alt Qty"],
    &["isAltQtyEstimated"],
];

/// Positions in [`COLUMNS`] and [`Header::at`].
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
    pub const YEAR: usize = 22;
    pub const QTY_UNIT: usize = 23;
    pub const QTY: usize = 24;
    pub const QTY_ESTIMATED: usize = 25;
    pub const ALT_QTY_UNIT: usize = 26;
    pub const ALT_QTY: usize = 27;
    pub const ALT_QTY_ESTIMATED: usize = 28;
}

/// The columns a file must have: one of each group.
const REQUIRED: [&[usize]; 6] = [
    &[col::REPORTER_ISO, col::REPORTER_CODE],
    &[col::PARTNER_ISO, col::PARTNER_CODE],
    &[col::FLOW],
    &[col::CMD],
    &[col::PERIOD, col::YEAR],
    &[col::VALUE],
];

/// The legacy estimation flag's bits saying the quantity (2) and the net weight (4)
/// were estimated (6: both).
const QUANTITY_ESTIMATED_BIT: u32 = 2;
const NET_WEIGHT_ESTIMATED_BIT: u32 = 4;

/// The unit code of a quantity in kilograms, in the Plus and the classic layouts.
const KILOGRAMS: &str = "8";

/// UN Comtrade's codes of reporters and partners that are areas, not countries:
/// EU, Other Asia nes, Oceania nes, LAIA nes, Other Europe nes, Other Africa nes, Rest
/// of America nes, Bunkers, Free Zones, Special Categories, Areas nes. Any other whose
/// name ends in "nes" (not elsewhere specified), or that the table of codes marks as a
/// group, is one too.
const AREA_CODES: [u16; 11] = [97, 490, 527, 473, 568, 577, 636, 837, 838, 839, 899];

/// The beginnings of the text the classic Comtrade API sent instead of data when it
/// refused a query (as a `.csv` when CSV was asked for).
const ERROR_REPLIES: [&str; 3] = [
    "Query complexity:",
    "No data matches your query",
    "Usage limit",
];

/// The lines of UN Comtrade's error reply a file holds instead of data, when it does
/// (the first five, at most 400 characters).
pub(crate) fn error_reply(beginning: &str) -> Option<Vec<String>> {
    let text = beginning.trim_start_matches('\u{feff}').trim_start();
    if !ERROR_REPLIES.iter().any(|start| text.starts_with(start)) {
        return None;
    }
    let mut room = 400;
    let lines = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(5)
        .map(|l| {
            let line: String = l.chars().take(room).collect();
            room -= line.chars().count();
            line
        })
        .filter(|l| !l.is_empty())
        .collect();
    Some(lines)
}

/// The error for a file that is Comtrade's error reply (its `lines`), not data: the
/// first line as the text, the others quoted in the reason.
pub(crate) fn error_reply_error(lines: Vec<String>) -> Error {
    let rest = match lines.get(1..) {
        Some(rest) if !rest.is_empty() => format!(" (it goes on: \"{}\")", rest.join(" ")),
        _ => String::new(),
    };
    Error::invalid(
        "file",
        lines.first().cloned().unwrap_or_default(),
        format!(
            "is UN Comtrade's error reply to the query that made the file, not data{rest}: \
             ask Comtrade for less (fewer years, reporters or partners) and download again"
        ),
    )
    .at_record(HEADER_LINE)
}

/// One code of UN Comtrade's table of reporters (`data/comtrade_m49.csv`).
struct M49 {
    /// Its ISO 3166-1 alpha-3 code; `None` for a group, and where Comtrade gives none.
    iso3: Option<String>,
    name: String,
    group: bool,
}

/// UN Comtrade's table of reporters by M49 code, read once.
fn m49_table() -> Result<&'static HashMap<u16, M49>> {
    static TABLE: OnceLock<std::result::Result<HashMap<u16, M49>, String>> = OnceLock::new();
    TABLE
        .get_or_init(|| read_m49(include_str!("../../data/comtrade_m49.csv")))
        .as_ref()
        .map_err(|message| Error::BuiltinData {
            name: "comtrade_m49.csv",
            message: message.clone(),
        })
}

fn read_m49(text: &str) -> std::result::Result<HashMap<u16, M49>, String> {
    let mut reader = ::csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let mut table = HashMap::default();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        let cell = |i: usize| record.get(i).unwrap_or_default();
        let code: u16 = cell(0)
            .parse()
            .map_err(|_| format!("{:?} is not a code", cell(0)))?;
        let m49 = M49 {
            iso3: Some(cell(1).to_owned()).filter(|c| !c.is_empty()),
            name: cell(2).to_owned(),
            group: cell(3) == "1",
        };
        table.insert(code, m49);
    }
    Ok(table)
}

/// Why a row of a reporter or partner Comtrade lists without an ISO 3166-1 code is
/// passed over.
fn no_iso_code(who: &str, name: &str, code: u16) -> String {
    format!("{who} {name} ({code}) has no ISO 3166-1 code: a former country or territory")
}

/// The M49 code a cell holds: a whole number of up to three digits.
fn m49_code(text: &str) -> std::result::Result<u16, &'static str> {
    match text.len() <= 3 && text.bytes().all(|b| b.is_ascii_digit()) {
        true => text.parse().map_err(|_| "is not an M49 code"),
        false => Err("is not an M49 code (a whole number of up to three digits)"),
    }
}

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

/// The gzip format's first two bytes.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Whether `beginning` is the start of gzipped data.
pub(crate) fn is_gzip(beginning: &[u8]) -> bool {
    beginning.starts_with(&GZIP_MAGIC)
}

/// A reader that counts the bytes read from it, for progress in bytes of the file
/// whether it is gzipped or not.
struct Counted<R> {
    inner: R,
    count: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.set(self.count.get() + n as u64);
        Ok(n)
    }
}

impl Store {
    /// Adds the trade figures of a UN Comtrade CSV file, gzipped or not (see
    /// [`crate::files::comtrade`] for its layouts and what each row becomes) all or
    /// nothing. Rows of the partner World, of areas that are not countries and of
    /// breakdowns below the totals are passed over, counted by reason in the summary.
    /// `written` and an "already stored" count observations: a row gives its value
    /// and, when reported, its net weight.
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
        let count = Rc::new(Cell::new(0));
        let mut file = BufReader::new(Counted {
            inner: file,
            count: Rc::clone(&count),
        });
        let gzipped = is_gzip(file.fill_buf().map_err(|source| io_error(path, source))?);
        let input: Box<dyn Read> = match gzipped {
            true => Box::new(flate2::bufread::MultiGzDecoder::new(file)),
            false => Box::new(file),
        };
        let mut rows = ComtradeReader::new(input, path, gzipped, bytes, count)?;
        let sources = [un_comtrade()];
        let written =
            self.import_batches(&mut rows, &sources, options.on_duplicate, options.progress)?;
        let mut summary = rows.summary;
        summary.written_of(
            written.given,
            written.written,
            written.first_line.unwrap_or(HEADER_LINE + 1),
        );
        Ok(summary)
    }
}

/// A Comtrade file being read, a batch of rows at a time.
struct ComtradeReader<'p> {
    reader: ::csv::Reader<BufReader<UnixLineEndings<Box<dyn Read>>>>,
    header: Header,
    columns: usize,
    path: &'p Path,
    gzipped: bool,
    /// The size of the file, and the bytes of it read so far.
    bytes: u64,
    read: Rc<Cell<u64>>,
    record: ::csv::ByteRecord,
    summary: ImportSummary,
    products: ProductNames,
    /// The alpha-3 code of each country text (ISO column) and M49 code met.
    countries: Known,
    /// The line of the last row read.
    line: usize,
    ended: bool,
}

impl<'p> ComtradeReader<'p> {
    fn new(
        input: Box<dyn Read>,
        path: &'p Path,
        gzipped: bool,
        bytes: u64,
        read: Rc<Cell<u64>>,
    ) -> Result<ComtradeReader<'p>> {
        let broken = |source: std::io::Error| match gzipped {
            true => gzip_error(path, &source, HEADER_LINE),
            false => io_error(path, source),
        };
        let mut input = BufReader::new(UnixLineEndings::new(input));
        let beginning = input.fill_buf().map_err(broken)?;
        super::check_beginning(path, beginning)?;
        if let Some(reply) = error_reply(&String::from_utf8_lossy(beginning)) {
            return Err(error_reply_error(reply));
        }
        let header_end = beginning.iter().position(|&b| b == b'\n');
        let delimiter = match beginning[..header_end.unwrap_or(beginning.len())].contains(&b'\t') {
            true => b'\t',
            false => b',',
        };
        // Flexible: a Comtrade Plus download ends every data row with one separator more
        // than its header has; the count is checked row by row below.
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(input);
        let names = match reader.byte_headers() {
            Ok(names) => names.clone(),
            Err(e) => return Err(read_error(e, path, gzipped, HEADER_LINE)),
        };
        let header = Header::read(&names)?;
        Ok(ComtradeReader {
            reader,
            header,
            columns: names.len(),
            path,
            gzipped,
            bytes,
            read,
            record: ::csv::ByteRecord::new(),
            summary: ImportSummary {
                format: Some(Format::Comtrade.code()),
                ..ImportSummary::default()
            },
            products: ProductNames::default(),
            countries: Known::default(),
            line: HEADER_LINE,
            ended: false,
        })
    }
}

/// The error of a file that could not be read to its end: for a gzipped one, the
/// data is cut short or damaged (a download that stopped), at the line after the last
/// one read.
fn read_error(error: ::csv::Error, path: &Path, gzipped: bool, next_line: usize) -> Error {
    let line = error.position().map_or(next_line, |p| p.line() as usize);
    match (gzipped, error.kind()) {
        (true, ::csv::ErrorKind::Io(source)) => gzip_error(path, source, line),
        _ => super::csv::csv_error(error, path),
    }
}

fn gzip_error(path: &Path, source: &std::io::Error, line: usize) -> Error {
    Error::invalid(
        "file",
        path.display().to_string(),
        format!(
            "is gzipped data cut short or damaged ({source}): download the file again \
             (nothing was stored)"
        ),
    )
    .at_record(line)
}

impl BatchSource for ComtradeReader<'_> {
    fn next_batch(
        &mut self,
        countries: &CountryFinder,
        watch: Watch,
    ) -> Result<Option<(ObservationBatch, Vec<usize>)>> {
        if self.ended {
            return Ok(None);
        }
        let mut batch = ObservationBatch::default();
        let mut lines = Vec::new();
        while lines.len() < BATCH_FIGURES {
            let more = self
                .reader
                .read_byte_record(&mut self.record)
                .map_err(|e| read_error(e, self.path, self.gzipped, self.line + 1))?;
            if !more {
                self.ended = true;
                watch.at(Stage::Reading, 0, self.bytes, self.bytes)?;
                break;
            }
            let line = self.record.position().map_or(0, |p| p.line() as usize);
            self.line = line;
            check_cell_count(&self.record, self.columns).map_err(|e| e.at_record(line))?;
            self.summary.read += 1;
            let row = Row {
                header: &self.header,
                record: &self.record,
            };
            match row
                .read(countries, &mut self.countries)
                .map_err(|e| e.at_record(line))?
            {
                Ok(trade) => {
                    if trade.weight_missed {
                        self.summary.skip(NET_WEIGHT_NOT_REPORTED, line);
                    }
                    trade.push(&mut batch, &mut lines, &mut self.products, line);
                }
                Err(reason) => self.summary.skip(&reason, line),
            }
            // Never past the file's size: a gzipped file is read ahead of its rows.
            let read = self.read.get().min(self.bytes.saturating_sub(1));
            watch.at(Stage::Reading, self.summary.read, read, self.bytes)?;
        }
        match lines.is_empty() {
            true => Ok(None),
            false => Ok(Some((batch, lines))),
        }
    }

    fn indicator(&self, code: &str) -> Option<Indicator> {
        crate::builtin::catalogue()
            .ok()?
            .iter()
            .find(|i| i.code == code)
            .cloned()
            .or_else(|| re_trade_indicator(code))
    }

    fn products(&mut self) -> Vec<Product> {
        std::mem::take(&mut self.products).into_products()
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

/// The name and classification of each product code a file names, with the revision
/// (`H5`) the name came from.
#[derive(Default)]
struct ProductNames {
    by_code: HashMap<String, (Product, Option<String>)>,
}

impl ProductNames {
    /// Keeps `name` for `code` unless a name from a later revision of the same
    /// classification is kept already (a later revision's words are the current ones;
    /// between two of different classifications, or none, the first stays). A code
    /// without a name (a bulk file's) is kept with its classification alone, until a
    /// row names it.
    fn note(&mut self, code: &str, name: Option<&str>, revision: Option<&str>) {
        let family = revision.and_then(classification_of);
        let later = |kept: &Option<String>| match (kept.as_deref(), revision) {
            (Some(kept), Some(revision)) => classification_of(kept) == family && revision > kept,
            _ => false,
        };
        match (self.by_code.get(code), name) {
            (Some((kept, _)), Some(_)) if kept.name.is_none() => {}
            (Some((_, kept)), Some(_)) if later(kept) => {}
            (Some(_), _) => return,
            (None, None) if family.is_none() => return,
            (None, _) => {}
        }
        let product = Product {
            code: code.to_owned(),
            name: name.map(str::to_owned),
            classification: family.map(str::to_owned),
        };
        self.by_code
            .insert(code.to_owned(), (product, revision.map(str::to_owned)));
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

/// A product code as Comtrade Plus writes it: an HS code (of 2, 4 or 6 digits) whose
/// leading zero a classic file dropped (chapter `1` for `01`, `101` for `0101`) gets it
/// back, so that both layouts name the product alike; any other code (SITC's have any
/// number of digits) is kept as it is.
fn hs_code(code: &str, revision: Option<&str>) -> String {
    let hs = revision.and_then(classification_of) == Some("HS");
    if hs && code.len() % 2 == 1 && code.bytes().all(|b| b.is_ascii_digit()) {
        format!("0{code}")
    } else {
        code.to_owned()
    }
}

/// Where each column read is in the header, and its name there.
struct Header {
    at: [Option<usize>; COLUMNS.len()],
    names: [&'static str; COLUMNS.len()],
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
        let legacy = !has("flowCode") && COLUMNS[col::FLOW][1..].iter().any(|n| has(n));
        // The name a missing column has in the file's layout: Plus or classic.
        let layout_name = |col: usize| match legacy {
            true => COLUMNS[col].get(1).unwrap_or(&COLUMNS[col][0]),
            false => &COLUMNS[col][0],
        };
        for either in REQUIRED {
            if either
                .iter()
                .any(|&col| COLUMNS[col].iter().any(|n| has(n)))
            {
                continue;
            }
            let wanted: Vec<String> = REQUIRED
                .iter()
                .map(|either| {
                    let names: Vec<&str> = either.iter().map(|&col| *layout_name(col)).collect();
                    names.join(" or ")
                })
                .collect();
            return Err(Error::invalid(
                layout_name(either[0]),
                names.join(","),
                format!(
                    "is missing from the header (a UN Comtrade file has the columns {})",
                    wanted.join(", ")
                ),
            )
            .at_record(HEADER_LINE));
        }
        let mut header = Header {
            at: [None; COLUMNS.len()],
            names: [""; COLUMNS.len()],
        };
        for (i, aliases) in COLUMNS.iter().enumerate() {
            header.names[i] = aliases[0];
            // The first of its names the header has.
            let Some(name) = aliases.iter().find(|n| has(n)) else {
                continue;
            };
            header.names[i] = name;
            let mut found = names.iter().enumerate().filter(|(_, n)| n == name);
            header.at[i] = found.next().map(|(at, _)| at);
            if found.next().is_some() {
                return Err(
                    Error::invalid(name, *name, "is a column twice in the header")
                        .at_record(HEADER_LINE),
                );
            }
        }
        Ok(header)
    }
}

/// The alpha-3 code of each country text (an ISO column's cell) and each M49 code a
/// file has named so far, so that each is looked up once.
#[derive(Default)]
struct Known {
    by_text: HashMap<String, String>,
    by_code: HashMap<u16, String>,
}

/// One row of the file, read cell by cell.
struct Row<'a> {
    header: &'a Header,
    record: &'a ::csv::ByteRecord,
}

/// The reporter or the partner: the columns that name it.
struct Side {
    who: &'static str,
    iso: usize,
    code: usize,
    desc: usize,
}

const REPORTER: Side = Side {
    who: "reporter",
    iso: col::REPORTER_ISO,
    code: col::REPORTER_CODE,
    desc: col::REPORTER_DESC,
};

const PARTNER: Side = Side {
    who: "partner",
    iso: col::PARTNER_ISO,
    code: col::PARTNER_CODE,
    desc: col::PARTNER_DESC,
};

/// What a row stores.
struct Trade {
    flow: Flow,
    reporter: String,
    partner: String,
    product: String,
    /// The product's name (`cmdDesc`, absent from a bulk file) and the revision of its
    /// classification (`H5`).
    product_name: Option<(Option<String>, Option<String>)>,
    period: String,
    value: f64,
    /// Not as the reporter reported it (`isReported` false, `isAggregate` not true):
    /// the value and the net weight are estimates.
    not_reported: bool,
    net_weight: Option<f64>,
    net_weight_estimated: bool,
    /// The file has a net weight column, but the row gives no weight (empty or 0, and
    /// no quantity in kilograms).
    weight_missed: bool,
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
        finder: &CountryFinder,
        countries: &mut Known,
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
        let reporter_code = self.code(&REPORTER)?;
        let partner_code = self.code(&PARTNER)?;
        if partner_code == Some(0) || matches!(self.cell(col::PARTNER_ISO)?, Some("W00" | "WLD")) {
            return Ok(Err("partner World is an aggregate".to_owned()));
        }
        for (side, code) in [(&REPORTER, reporter_code), (&PARTNER, partner_code)] {
            if let Some(area) = self.area(side, code)? {
                return Ok(Err(format!(
                    "{} {area} is an area, not a country",
                    side.who
                )));
            }
        }
        let reporter = match self.country(&REPORTER, reporter_code, finder, countries)? {
            Ok(alpha3) => alpha3,
            Err(reason) => return Ok(Err(reason)),
        };
        let partner = match self.country(&PARTNER, partner_code, finder, countries)? {
            Ok(alpha3) => alpha3,
            Err(reason) => return Ok(Err(reason)),
        };
        if reporter == partner {
            return Ok(Err("partner is the reporter itself".to_owned()));
        }
        let period = self.period()?;
        let revision = self.cell(col::CLASSIFICATION).ok().flatten();
        let product = match self.required(col::CMD)? {
            total if total.eq_ignore_ascii_case("TOTAL") => "total".to_owned(),
            code => hs_code(code, revision),
        };
        let Some(value) = self.amount(col::VALUE)? else {
            return Ok(Err("no trade value (primaryValue empty)".to_owned()));
        };
        let flag = match self.cell(col::ESTIMATION_FLAG)? {
            Some(text) => text.parse::<u32>().map_err(|_| {
                Error::invalid(
                    self.header.names[col::ESTIMATION_FLAG],
                    text,
                    "is not a whole number",
                )
            })?,
            None => 0,
        };
        let (net_weight, net_weight_estimated) = match self.amount(col::NET_WEIGHT)? {
            Some(kg) if kg > 0.0 => (
                Some(kg),
                self.flag(col::NET_WEIGHT_ESTIMATED)?
                    .unwrap_or(flag & NET_WEIGHT_ESTIMATED_BIT != 0),
            ),
            _ => self.kilograms(flag)?,
        };
        // A total UNSD summed from the reporter's own lines is reported by no one as
        // such (isReported false), but it is no estimate: isAggregate true says so.
        let not_reported = self.flag(col::IS_REPORTED)? == Some(false)
            && self.flag(col::IS_AGGREGATE)? != Some(true);
        // A file without a weight column (the reduced classic layout) has none to miss.
        let weight_missed = net_weight.is_none() && self.header.at[col::NET_WEIGHT].is_some();
        let product_name = match product.as_str() {
            "total" => None,
            _ => {
                let name = self.name(col::CMD_DESC);
                (name.is_some() || revision.is_some()).then(|| (name, revision.map(str::to_owned)))
            }
        };
        Ok(Ok(Trade {
            flow,
            reporter,
            partner,
            product,
            product_name,
            period,
            value,
            not_reported,
            net_weight,
            net_weight_estimated,
            weight_missed,
        }))
    }

    /// The net weight a quantity in kilograms gives (`qty`, else `altQty`, with unit
    /// code 8), and whether it was estimated; `(None, false)` when neither is one.
    fn kilograms(&self, flag: u32) -> Result<(Option<f64>, bool)> {
        if self.cell(col::QTY_UNIT)? == Some(KILOGRAMS) {
            if let Some(kg) = self.amount(col::QTY)?.filter(|&kg| kg > 0.0) {
                let estimated = self
                    .flag(col::QTY_ESTIMATED)?
                    .unwrap_or(flag & QUANTITY_ESTIMATED_BIT != 0);
                return Ok((Some(kg), estimated));
            }
        }
        if self.cell(col::ALT_QTY_UNIT)? == Some(KILOGRAMS) {
            if let Some(kg) = self.amount(col::ALT_QTY)?.filter(|&kg| kg > 0.0) {
                // The legacy flag has no bit for the alternative quantity.
                let estimated = self.flag(col::ALT_QTY_ESTIMATED)?.unwrap_or(false);
                return Ok((Some(kg), estimated));
            }
        }
        Ok((None, false))
    }

    /// The M49 code of the reporter or partner, when the file gives one.
    fn code(&self, side: &Side) -> Result<Option<u16>> {
        let Some(text) = self.cell(side.code)? else {
            return Ok(None);
        };
        m49_code(text)
            .map(Some)
            .map_err(|why| Error::invalid(self.header.names[side.code], text, why))
    }

    /// The name (and code) of the area a reporter or partner is, when it is one.
    fn area(&self, side: &Side, code: Option<u16>) -> Result<Option<String>> {
        // Descriptions may be Windows-1252 ("C\xf4te d'Ivoire" in a Plus download).
        let desc = self.name(side.desc);
        let nes = desc.as_deref().is_some_and(|d| {
            let d = d.trim_end_matches('.').to_ascii_lowercase();
            d.ends_with(" nes") || d.ends_with(",nes")
        });
        let listed = code.and_then(|c| m49_table().ok()?.get(&c));
        let group = listed.is_some_and(|m| m.group);
        if !nes && !group && !code.is_some_and(|c| AREA_CODES.contains(&c)) {
            return Ok(None);
        }
        let name = desc
            .or(listed.map(|m| m.name.clone()))
            .or(self.cell(side.iso)?.map(str::to_owned))
            .unwrap_or_default();
        Ok(Some(match code {
            Some(code) => format!("{name} ({code})"),
            None => name,
        }))
    }

    /// The alpha-3 code of the reporter or partner: from its ISO column through the
    /// store's lookup (an error naming the column when the store does not know it),
    /// else from its M49 code through UN Comtrade's table; `Err(reason)` when the code
    /// names no country the store knows.
    fn country(
        &self,
        side: &Side,
        code: Option<u16>,
        finder: &CountryFinder,
        countries: &mut Known,
    ) -> Result<std::result::Result<String, String>> {
        if let Some(text) = self.cell(side.iso)? {
            if let Some(alpha3) = countries.by_text.get(text) {
                return Ok(Ok(alpha3.clone()));
            }
            let alpha3 = match finder.alpha3(text) {
                Ok(alpha3) => alpha3.to_owned(),
                Err(Error::Validation(mut v)) => {
                    // A former country Comtrade gives a code of its own (SUN for the
                    // USSR, 810) is passed over, as its M49 code alone would be.
                    let listed = code.and_then(|c| Some((c, m49_table().ok()?.get(&c)?)));
                    if let Some((code, listed)) = listed.filter(|(_, m)| m.iso3.is_none()) {
                        return Ok(Err(no_iso_code(side.who, &listed.name, code)));
                    }
                    v.field = self.header.names[side.iso].to_owned();
                    return Err(Error::Validation(v));
                }
                Err(other) => return Err(other),
            };
            countries.by_text.insert(text.to_owned(), alpha3.clone());
            return Ok(Ok(alpha3));
        }
        let Some(code) = code else {
            // Neither an ISO code nor an M49 code: the error names the ISO column
            // when the file has one.
            let col = match self.header.at[side.iso] {
                Some(_) => side.iso,
                None => side.code,
            };
            return Err(Error::invalid(self.header.names[col], "", "is empty"));
        };
        if let Some(alpha3) = countries.by_code.get(&code) {
            return Ok(Ok(alpha3.clone()));
        }
        let who = side.who;
        let Some(listed) = m49_table()?.get(&code) else {
            return Ok(Err(format!(
                "{who} code {code} is not in UN Comtrade's table of reporters \
                 (data/comtrade_m49.csv): no country to name it by"
            )));
        };
        let Some(iso3) = &listed.iso3 else {
            return Ok(Err(no_iso_code(who, &listed.name, code)));
        };
        let alpha3 = match finder.alpha3(iso3) {
            Ok(alpha3) => alpha3.to_owned(),
            Err(_) => {
                return Ok(Err(format!(
                    "{who} {} ({code}, {iso3}) is not a country the store knows",
                    listed.name
                )))
            }
        };
        countries.by_code.insert(code, alpha3.clone());
        Ok(Ok(alpha3))
    }

    /// The period as the store writes it: `2024` for a year, `2024-08` for a month; a
    /// file without a period column gives its year (classic `Year`).
    fn period(&self) -> Result<String> {
        if self.header.at[col::PERIOD].is_none() {
            let text = self.required(col::YEAR)?;
            return match text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
                true => Ok(text.to_owned()),
                false => Err(Error::invalid(
                    self.header.names[col::YEAR],
                    text,
                    "is not a year (2024)",
                )),
            };
        }
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
    fn push(
        self,
        batch: &mut ObservationBatch,
        lines: &mut Vec<usize>,
        products: &mut ProductNames,
        line: usize,
    ) {
        if let Some((name, revision)) = &self.product_name {
            products.note(&self.product, name.as_deref(), revision.as_deref());
        }
        let (value_indicator, weight_indicator) = self.flow.indicators();
        let (origin, destination) = match self.flow.outward() {
            true => (&self.reporter, &self.partner),
            false => (&self.partner, &self.reporter),
        };
        let mut push = |indicator: &str, unit: &str, value: f64, estimate: Option<&str>| {
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
            lines.push(line);
        };
        let not_reported = self
            .not_reported
            .then_some("UN Comtrade: not reported by the reporter (isReported false)");
        push(value_indicator, "USD", self.value, not_reported);
        if let Some(kg) = self.net_weight {
            let estimated = self
                .net_weight_estimated
                .then_some("UN Comtrade: net weight estimated");
            push(
                weight_indicator,
                "t",
                kg / 1000.0,
                not_reported.or(estimated),
            );
        }
    }
}
