//! SDMX-CSV data messages, as the IMF, OECD, Eurostat and the ECB publish them, read by
//! [`Store::import_sdmx_csv`].
//!
//! Both versions of the format are read: version 1 (the first column `DATAFLOW`, holding
//! the dataflow as `AGENCY:ID(VERSION)`) and version 2 (the columns `STRUCTURE`,
//! `STRUCTURE_ID` and an optional `ACTION`). The delimiter is the character after the
//! first column's name (`,` by default; `;` where a locale asks for it, and then a
//! decimal comma is read too). With `labels=both` a cell reads `CODE: Label` and a
//! header `ID: Name`: the code before `": "` is taken. Columns are found by name, in
//! any order and in any case; unknown columns are ignored.
//!
//! | SDMX column | what it becomes |
//! |-------------|-----------------|
//! | `REF_AREA` (or `COUNTRY`, `GEO`, `REPORTER`) | the reporting country: origin or destination, as the indicator's direction says (below) |
//! | `COUNTERPART_AREA` (or `COUNTERPART_COUNTRY`, `PARTNER`) | the other country; a file without one holds nothing bilateral and is refused, naming the dimensions it has |
//! | `INDICATOR` (Eurostat: the `indic_…` dimension) | the indicator, through the mapping (below), else Eurostat's `MIO_EXP_VAL` and `MIO_IMP_VAL` (millions of euros, as the code says) to `exports_eur` and `imports_eur`, else taken as is; without such a column, the flow (below) or the mapping of the dataflow id |
//! | `FLOW` (Comext) or `TRADE_FLOW` (the OECD's BIMTS) | without an `INDICATOR` column and its dataflow not mapped: `2`, `X` or `EXP` exports (the reporter is the origin), `1`, `M` or `IMP` imports (the reporter is the destination); see **Comext** below |
//! | `indicators` (Comext) | what the value is: `VALUE_IN_EUROS` (`VALUE_EUR`) euros, `QUANTITY_IN_100KG` (`QUANTITY_KG`) the net mass, stored in tonnes; `SUPPLEMENTARY_QUANTITY` rows (pieces, litres … by product) are passed over and counted |
//! | `PRODUCT` (or `COMMODITY`, `SITC06`, the OECD's `PRODUCT_HS` and `PRODUCT_CPA`) | the product, its code as text as written (CN `39199080`, the OECD's CPA `C10T12`; the OECD's `HS17_8471` is `8471`; `_T` and `TOTAL` are the total; Comext's codes of 2, 4, 6 or 8 digits are classified `CN`, the Combined Nomenclature, so that a report reads "CN 39199080"; `_Z`, not applicable, leaves the other product column to say it); with `labels=both`, the label after the code (`7202: Ferro-alloys`) is kept as the product's name, unless the store already names it (see [`Store::add_product`]) |
//! | `TIME_PERIOD` | the period: `2024`, `2024-A1`, `2024-S1`, `2024-T1` (four months), `2024-Q1`, `2024-M08`, `2024-08`, `2024-W05` (an ISO week, Monday to Sunday), `2024-D123` (a day of the year), `2024-08-15` (a date-time reads as its day), and ranges `2025-01-01/P8M` (start and duration: January–August 2025) or `2024-01-01/2024-08-31` |
//! | `FREQ` (or `FREQUENCY`) | checked against `TIME_PERIOD`: `A` years, `S` halves, `Q` quarters, `M` months, `W` weeks, `D` days |
//! | `OBS_VALUE` | the value; empty or `NaN` is passed over and counted, never stored; a mark of a missing value (`:` as Eurostat writes it, `..`, `n/a` …) is an error naming it, or, with [`ImportOptions::missing`] `Skip`, passed over and counted by mark |
//! | `UNIT_MULT` (the IMF's `SCALE`) | the power of ten the value is in: `6` (or the IMF's `Millions`) is millions (an error beside a unit that is itself a multiple, such as `MIO_USD`: the value would be scaled twice) |
//! | `UNIT_MEASURE` (Eurostat: `unit`) | checked against the indicator's unit (`USD`; Eurostat's `MIO_EUR` and `THS_T` are millions and thousands; the OECD's `USD_EXC` is US dollars) |
//! | `OBS_STATUS` (Eurostat's `OBS_FLAG`: `p` provisional, `e`/`s` estimate, `f` projection, other letters in the note) | `A` actual, `E` estimate, `P` provisional, `F` projection, `I` (imputed) estimate; any other code keeps the status actual and goes into the note with its meaning: `OBS_STATUS B: time series break` |
//! | `ACTION` | `I`, `A` and `R` rows are read; `D` (delete) rows are passed over and counted |
//! | the dataflow | the source: its id made a source id (`IMF.STA:IMTS(1.0.0)` is `imf.sta-imts-1.0.0`), added when the store lacks it, titled with the dataflow id, published by the agency |
//!
//! **Direction.** An SDMX series is reported by one country (`REF_AREA`) about its trade
//! with another (`COUNTERPART_AREA`). Exports go from the reporter to the partner, so the
//! reporter is the origin; imports come from the partner to the reporter, so the
//! reporter is the destination (the store's `imports` are "imported by the destination
//! from the origin, as the importer reports them"). The side is what the flow column
//! says, or what a mapping entry says ([`SdmxTarget::reporter`]); else the reporter is
//! the destination for the indicator `imports` and those whose code starts with
//! `imports_`, and the origin for every other.
//!
//! **Mapping.** [`SdmxMapping::imf`], the default, maps the IMF's trade indicators: goods
//! exports FOB in US dollars (`TXG_FOB_USD` in Direction of Trade Statistics,
//! `XG_FOB_USD` in its successor IMTS) to `exports` and goods imports CIF (`TMG_CIF_USD`,
//! `MG_CIF_USD`) to `imports`. A mapping from text ([`SdmxMapping::from_texts`], the
//! Python `mapping=` dict) adds entries `"SDMX code": "indicator"`, the indicator
//! optionally followed by `:origin` or `:destination`, the side of the reporter. Rows
//! of the IMF's `MG_FOB_USD` and `TMG_FOB_USD` (imports valued FOB: the same flow valued
//! CIF is the catalogue's `imports`) and `TBG_USD` (the trade balance, no flow) are
//! passed over and counted, unless the mapping maps them. An
//! entry that contradicts what the library knows a code is, is refused: an exports code
//! (`TXG_FOB_USD`, `XG_FOB_USD`, Eurostat's `MIO_EXP_VAL`) sent to an imports indicator
//! (`imports`, `imports_…`) or the reverse, a side against the code's flow, or the
//! trade balance `TBG_USD` sent to a flow's indicator; a known code mapped to another
//! indicator keeps its flow's side. A key given (not the IMF's defaults) that names
//! neither an `INDICATOR` code of the file nor its dataflow maps nothing: the file is
//! refused, the error naming the key and the codes the file has.
//!
//! **Comext and other files with a flow.** Eurostat's Comext (`DS-045409`, the current
//! `DS-…` dataflows: `reporter`, `partner`, `product`, `flow`, `indicators`) and the
//! OECD's BIMTS (`TRADE_FLOW`, values in `UNIT_MEASURE` `USD_EXC`) import without a
//! mapping: flow 2 is exports from the reporter to the partner and flow 1 imports from
//! the partner to the reporter. A value in euros is stored in euros, in `exports_eur`
//! and `imports_eur` (the catalogue's `exports` and `imports` are in US dollars, and no
//! figure is converted); one in US dollars in `exports` and `imports`; a net mass in
//! `exports_volume` and `imports_volume`, in tonnes: 100 kg are 0.1 t, so Comext's
//! `QUANTITY_IN_100KG` has its decimal point moved one place left (179163.77 is
//! 17916.377 t exactly as written), and kilograms three. An indicator the store lacks is
//! added with the rows. Mapping the dataflow (`{"ESTAT:DS-045409": "exports"}`) makes
//! every row that indicator, and is refused when the flow or `indicators` varies, when
//! the flow contradicts the side, or when the value's unit is not the indicator's.
//!
//! **One series per indicator.** A file is refused, before anything is written, when a
//! dimension it does not read takes two values among the rows of one indicator: each
//! value is another series (a flow, Eurostat's `bop_item`, the OECD's `ADJUSTMENT` B
//! and B_ADJ_RX …), and storing them as one would mix them or count one as another.
//! The error names the column, the values and the line of the second; the advice is to
//! import a file of one value, or to let the importer read the column. The dimensions
//! are the columns before `TIME_PERIOD` (SDMX-CSV writes them first) that are SDMX ids
//! and not read, and `ADJUSTMENT`, `TRANSFORMATION`, `MEASURE`, `STK_FLOW`, `BOP_ITEM`,
//! `ACCOUNTING_ENTRY`, `S_ADJ` and `PRODUCT_TYPE` wherever they stand; under a mapping,
//! the flow and `indicators` too, and the `INDICATOR` code: two codes mapped to one
//! indicator (`MG_FOB_USD` mapped to `imports` beside the IMF's `MG_CIF_USD`) are two
//! series in one.
//!
//! **Not countries.** A row whose `REF_AREA` or `COUNTERPART_AREA` is not a country is
//! passed over and counted under its reason. Aggregates, in any case: the World (`W`,
//! `W0`–`W2`, `W00`, `WLD`, `WXD`, `WORLD`), SDMX's `_T`, `_Z` and `_X`, the IMF's
//! `G`-numbered groups (`G001`, `G998`), `EU`, `EA`, `EFTA`, `OECD`, `EXTRA`, `INTRA`,
//! `BEL_LUX`, `SACU`, every code that starts with `EU` or `EA` and a digit (`EU27_2020`,
//! `EU28`, `EA20`, `EA19`), with `EXT_`, `EXTRA_`, `INT_`, `INTRA_` or `WX`
//! (`EXT_EA20`, `EXT_EU27_2020`, `WXOECD`), or that ends in `_EXTRA` or `_INTRA`
//! (`EU27_2020_EXTRA`); in a file of labels, one starting "World", "Euro area",
//! "Extra-euro area", "European Union", "Extra-EU" and the like. Eurostat's `QP`–`QZ`
//! (high seas, stores and provisions, countries not specified) are no country either,
//! nor its `XC` and `XL` (Ceuta, Melilla) and `XI` and `XU` (Northern Ireland, the rest
//! of the United Kingdom), parts it counts apart from Spain and the United Kingdom.
//! Nor are former countries, passed over and counted as such: `AN` (the Netherlands
//! Antilles), `CS` (Serbia and Montenegro; earlier Czechoslovakia), `YU` (Yugoslavia),
//! `SU` (the Soviet Union) and `DD` (the German Democratic Republic).
//! Eurostat's `EL` (Greece), `UK` (the United Kingdom) and `XS` (Serbia, in its
//! geonomenclature) are read as `GR`, `GB` and `RS`; `XK` is Kosovo, which the store
//! holds.
//! A label the store cannot read as a country's name (a download with labels instead
//! of codes) is refused.
//!
//! An error names the file's line as its record (the header is line 1) and the SDMX
//! column as its field, as written in the header.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{BufRead, BufReader, Seek};
use std::path::Path;

use time::{Date, Duration, Month, Weekday};

use crate::error::{Error, ErrorKind, Result};
use crate::files::{
    at_line, io_error, Format, ImportOptions, ImportSummary, Stage, UnixLineEndings, Watch,
};
use crate::model::{Indicator, Kind, ObservationBatch, OnMissing, Product, Source, Topic};
use crate::period::Period;
use crate::store::Store;

/// The line of the header: the record a header error names.
const HEADER_LINE: usize = 1;

/// Which of an observation's two countries the reporting country (`REF_AREA`) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// The reporter is the origin: exports, from the reporter to the partner.
    Origin,
    /// The reporter is the destination: imports, from the partner to the reporter.
    Destination,
}

impl Side {
    /// `origin` or `destination`.
    pub fn code(self) -> &'static str {
        match self {
            Side::Origin => "origin",
            Side::Destination => "destination",
        }
    }
}

/// The indicator an SDMX code becomes, and the reporter's side when the mapping says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SdmxTarget {
    /// The store's indicator code.
    pub indicator: String,
    /// Which side the reporting country is; `None`: as the indicator's code says (see
    /// the [module documentation](self)).
    pub reporter: Option<Side>,
}

/// SDMX indicator codes (or dataflow ids, for files without an `INDICATOR` column) and
/// the store's indicators they become. Codes not in the mapping are taken as the
/// indicator's code.
///
/// ```
/// use std::collections::BTreeMap;
/// use bilateral::files::sdmx::{SdmxMapping, Side};
///
/// let imf = SdmxMapping::imf();
/// assert_eq!(imf.target("TMG_CIF_USD").unwrap().indicator, "imports");
///
/// let texts = BTreeMap::from([("TMG_FOB_USD".to_owned(), "imports_fob:destination".to_owned())]);
/// let mine = SdmxMapping::from_texts(&texts)?;
/// assert_eq!(mine.target("TMG_FOB_USD").unwrap().reporter, Some(Side::Destination));
/// assert!(mine.target("TXG_FOB_USD").is_some()); // the IMF entries stay
/// # Ok::<(), bilateral::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SdmxMapping {
    targets: BTreeMap<String, SdmxTarget>,
    /// The codes the user gave ([`SdmxMapping::with`], [`SdmxMapping::from_texts`]), not
    /// the IMF's defaults: one that names nothing in a file is refused.
    given: BTreeSet<String>,
}

impl Default for SdmxMapping {
    /// [`SdmxMapping::imf`].
    fn default() -> SdmxMapping {
        SdmxMapping::imf()
    }
}

/// The IMF's codes of goods exports FOB and imports CIF in US dollars: Direction of Trade
/// Statistics (`T…`) and its successor IMTS.
const IMF_TRADE: [(&str, &str, Side); 4] = [
    ("TXG_FOB_USD", "exports", Side::Origin),
    ("XG_FOB_USD", "exports", Side::Origin),
    ("TMG_CIF_USD", "imports", Side::Destination),
    ("MG_CIF_USD", "imports", Side::Destination),
];

/// SDMX codes whose meaning the library knows, and what each is: a flow (the side of the
/// reporter: exports go from it, imports come to it) or, `None`, a balance, which is no
/// flow. A mapping that sends one to an indicator of the other flow (or of a flow, for a
/// balance) would store its figures reversed, and is refused.
const KNOWN_CODES: [(&str, Option<Side>, &str); 9] = [
    (
        "TXG_FOB_USD",
        Some(Side::Origin),
        "goods exports FOB in US dollars (IMF DOTS)",
    ),
    (
        "XG_FOB_USD",
        Some(Side::Origin),
        "goods exports FOB in US dollars (IMF IMTS)",
    ),
    (
        "TMG_CIF_USD",
        Some(Side::Destination),
        "goods imports CIF in US dollars (IMF DOTS)",
    ),
    (
        "MG_CIF_USD",
        Some(Side::Destination),
        "goods imports CIF in US dollars (IMF IMTS)",
    ),
    (
        "TMG_FOB_USD",
        Some(Side::Destination),
        "goods imports FOB in US dollars (IMF DOTS)",
    ),
    (
        "MG_FOB_USD",
        Some(Side::Destination),
        "goods imports FOB in US dollars (IMF IMTS)",
    ),
    (
        "MIO_EXP_VAL",
        Some(Side::Origin),
        "exports in millions of euros (Eurostat)",
    ),
    (
        "MIO_IMP_VAL",
        Some(Side::Destination),
        "imports in millions of euros (Eurostat)",
    ),
    (
        "TBG_USD",
        None,
        "the goods trade balance in US dollars (IMF), exports less imports",
    ),
];

/// The advice to map `code` to an indicator, in general terms: the Python layer says it
/// as its `mapping=` argument and the command line as its `--mapping` flag, for
/// [`ErrorKind::UnmappedCode`](crate::ErrorKind::UnmappedCode).
fn map_it(code: &str) -> String {
    format!("map it to an indicator: {}", code_to_indicator(code))
}

/// An entry of the mapping in general terms, `code → INDICATOR`, as an error of kind
/// [`ErrorKind::UnmappedCode`](crate::ErrorKind::UnmappedCode) says it; the Python layer
/// finds it by this function to put its own spelling in.
pub(crate) fn code_to_indicator(code: &str) -> String {
    format!("{code} → INDICATOR")
}

/// Why the rows of an `INDICATOR` code the mapping leaves out are passed over, for the
/// IMF's codes that are not the catalogue's: imports valued FOB (the same flow valued
/// CIF is the catalogue's `imports`, a different figure, and one series may not hold
/// both) and the trade balance (exports less imports, no flow).
fn not_stored(code: &str) -> Option<String> {
    let cif = match code {
        "MG_FOB_USD" => "MG_CIF_USD",
        "TMG_FOB_USD" => "TMG_CIF_USD",
        "TBG_USD" => {
            return Some(
                "INDICATOR TBG_USD (the trade balance) is not stored: it is exports less \
                 imports, not a flow (map it to an indicator of its own to store it)"
                    .to_owned(),
            )
        }
        _ => return None,
    };
    Some(format!(
        "INDICATOR {code} (goods imports valued FOB) is not stored: the same flow valued CIF \
         is {cif}, the catalogue's imports (map {code} to an indicator of its own to store it)"
    ))
}

/// What the library knows `code` is (see [`KNOWN_CODES`]), in any case.
fn known_code(code: &str) -> Option<(Option<Side>, &'static str)> {
    KNOWN_CODES
        .iter()
        .find(|(known, ..)| known.eq_ignore_ascii_case(code.trim()))
        .map(|&(_, side, what)| (side, what))
}

/// The flow an indicator's code says: exports (`exports`, `exports_…`, `re_exports`)
/// are reported by the origin, imports (`imports`, `imports_…`, `re_imports`) by the
/// destination; `None` for any other indicator.
fn indicator_flow(indicator: &str) -> Option<Side> {
    let is = |flow: &str| {
        indicator == flow
            || indicator
                .strip_prefix(flow)
                .is_some_and(|rest| rest.starts_with('_'))
            || indicator.strip_prefix("re_") == Some(flow)
    };
    if is("exports") {
        Some(Side::Origin)
    } else if is("imports") {
        Some(Side::Destination)
    } else {
        None
    }
}

/// Refuses an entry that contradicts what the library knows `code` is: an exports code
/// sent to an imports indicator or the reverse, a reporter's side against the flow, or a
/// balance sent to a flow's indicator. Each would store figures reversed or as what
/// they are not.
fn check_known(code: &str, target: &SdmxTarget) -> Result<()> {
    let Some((side, what)) = known_code(code) else {
        return Ok(());
    };
    let flow_name = |side: Side| match side {
        Side::Origin => "exports",
        Side::Destination => "imports",
    };
    let entry = match target.reporter {
        Some(reporter) => format!("{code}: {}:{}", target.indicator, reporter.code()),
        None => format!("{code}: {}", target.indicator),
    };
    let reason = match (side, indicator_flow(&target.indicator)) {
        (Some(side), Some(flow)) if flow != side => format!(
            "maps {code}, which is {what}, to {}, an indicator of {}: its figures would be \
             stored as the other flow, reversed; map it to an indicator of {}",
            target.indicator,
            flow_name(flow),
            flow_name(side)
        ),
        (None, Some(flow)) => format!(
            "maps {code}, which is {what}, to {}, an indicator of {}: a balance is no flow; \
             map it to an indicator of its own",
            target.indicator,
            flow_name(flow)
        ),
        (Some(side), _) if target.reporter.is_some_and(|r| r != side) => format!(
            "makes the reporter the {} of {code}, which is {what}: the reporter of {} is \
             the {}",
            target.reporter.map_or("", Side::code),
            flow_name(side),
            side.code()
        ),
        _ => return Ok(()),
    };
    Err(Error::invalid("mapping", entry, reason))
}

impl SdmxMapping {
    /// The IMF's trade indicators: exports FOB to `exports` (the reporter is the
    /// origin), imports CIF to `imports` (the reporter is the destination).
    pub fn imf() -> SdmxMapping {
        let mut mapping = SdmxMapping::empty();
        for (code, indicator, side) in IMF_TRADE {
            mapping.insert(code, indicator, Some(side));
        }
        mapping
    }

    /// No entry: every code is taken as the indicator's code.
    pub fn empty() -> SdmxMapping {
        SdmxMapping {
            targets: BTreeMap::new(),
            given: BTreeSet::new(),
        }
    }

    /// The mapping with `code` mapped to `indicator`, the reporter on `reporter`'s side
    /// (`None`: as the indicator's code says). An import refuses a file in which `code`
    /// names neither an `INDICATOR` code nor the dataflow: such an entry maps nothing,
    /// and is most likely a slip.
    pub fn with(mut self, code: &str, indicator: &str, reporter: Option<Side>) -> SdmxMapping {
        self.insert(code, indicator, reporter);
        self.given.insert(code.trim().to_owned());
        self
    }

    fn insert(&mut self, code: &str, indicator: &str, reporter: Option<Side>) {
        self.targets.insert(
            code.trim().to_owned(),
            SdmxTarget {
                indicator: indicator.trim().to_owned(),
                reporter,
            },
        );
    }

    /// The IMF entries ([`SdmxMapping::imf`]) and `texts`, each `"code": "indicator"` or
    /// `"code": "indicator:origin"` / `"indicator:destination"` (the reporter's side).
    pub fn from_texts(texts: &BTreeMap<String, String>) -> Result<SdmxMapping> {
        let mut mapping = SdmxMapping::imf();
        for (code, text) in texts {
            let (indicator, side) = match text.rsplit_once(':') {
                None => (text.as_str(), None),
                Some((indicator, "origin")) => (indicator, Some(Side::Origin)),
                Some((indicator, "destination")) => (indicator, Some(Side::Destination)),
                Some(_) => {
                    return Err(Error::invalid(
                        "mapping",
                        text,
                        format!(
                            "is not an indicator code, optionally followed by :origin or \
                             :destination (the side of the reporting country), for {code}"
                        ),
                    ))
                }
            };
            if indicator.trim().is_empty() || code.trim().is_empty() {
                return Err(Error::invalid(
                    "mapping",
                    format!("{code}: {text}"),
                    "has an empty code or indicator",
                ));
            }
            mapping = mapping.with(code, indicator, side);
            check_known(code, &mapping.targets[code.trim()])?;
        }
        Ok(mapping)
    }

    /// The target of an SDMX code; for a dataflow id `AGENCY:ID(VERSION)`, also an entry
    /// without the version.
    pub fn target(&self, code: &str) -> Option<&SdmxTarget> {
        let code = code.trim();
        self.targets.get(code).or_else(|| {
            code.split_once('(')
                .and_then(|(unversioned, _)| self.targets.get(unversioned))
        })
    }
}

impl TryFrom<&BTreeMap<String, String>> for SdmxMapping {
    type Error = Error;
    fn try_from(texts: &BTreeMap<String, String>) -> Result<SdmxMapping> {
        SdmxMapping::from_texts(texts)
    }
}

impl Store {
    /// Adds the observations of the SDMX-CSV file at `path` (version 1 or 2; see
    /// [`crate::files::sdmx`]) all or nothing, through the checks of
    /// [`Store::add_batch`]. `mapping` turns SDMX indicator codes into the store's
    /// ([`SdmxMapping::imf`] maps the IMF's exports and imports). A cell that cannot be
    /// read is a validation error whose record is the file's line and whose field is the
    /// SDMX column; rows without a value, `D` (delete) rows and aggregates such as the
    /// World are passed over and counted in the summary. Comext and other files with a
    /// flow column import without a mapping, and a file whose rows would mix series in
    /// one indicator is refused (see the [module documentation](crate::files::sdmx)).
    ///
    /// ```
    /// use bilateral::files::sdmx::SdmxMapping;
    /// use bilateral::files::ImportOptions;
    /// use bilateral::{ObservationFilter, Store};
    ///
    /// let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("dots.csv");
    /// std::fs::write(&path, "DATAFLOW,FREQ,REF_AREA,INDICATOR,COUNTERPART_AREA,TIME_PERIOD,OBS_VALUE,UNIT_MULT\n\
    ///                        IMF:DOT(1.0),A,KZ,TMG_CIF_USD,AZ,2024,123.4,6\n")?;
    /// let mut store = Store::in_memory()?;
    /// let summary = store.import_sdmx_csv(&path, &SdmxMapping::imf(), &ImportOptions::default())?;
    /// assert_eq!((summary.read, summary.written), (1, 1));
    ///
    /// // Kazakhstan reports imports from Azerbaijan: the goods go AZE → KAZ.
    /// let stored = &store.observations(&ObservationFilter::indicator("imports"))?[0];
    /// assert_eq!((stored.origin.as_str(), stored.destination.as_str()), ("AZE", "KAZ"));
    /// assert_eq!(stored.value, 123_400_000.0); // 123.4 × 10⁶
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn import_sdmx_csv(
        &mut self,
        path: impl AsRef<Path>,
        mapping: &SdmxMapping,
        options: &ImportOptions,
    ) -> Result<ImportSummary> {
        let path = path.as_ref();
        let mut file = std::fs::File::open(path).map_err(|source| io_error(path, source))?;
        let bytes = file.metadata().map_or(0, |m| m.len());
        let mut first_line = String::new();
        BufReader::new(&mut file)
            .read_line(&mut first_line)
            .map_err(|source| io_error(path, source))?;
        file.rewind().map_err(|source| io_error(path, source))?;
        let delimiter = delimiter_of(&first_line)?;
        let watch = Watch {
            interrupt: self.interrupt_check(),
            progress: options.progress,
        };
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .from_reader(UnixLineEndings::new(file));
        let names = reader
            .headers()
            .map_err(|e| super::csv::csv_error(e, path))?
            .clone();
        let header = Header::read(&names)?;
        let mut rows = SdmxRows::new(self, mapping, delimiter, options.missing);
        let mut record = ::csv::StringRecord::new();
        while reader
            .read_record(&mut record)
            .map_err(|e| super::csv::csv_error(e, path))?
        {
            let line = record.position().map_or(0, |p| p.line() as usize);
            rows.push(&header, &record, line)
                .map_err(|e| e.at_record(line))?;
            let byte = record.position().map_or(0, |p| p.byte());
            watch.at(Stage::Reading, rows.read, byte, bytes)?;
        }
        watch.at(Stage::Reading, 0, bytes, bytes)?;
        rows.check_mapping_used(&header)?;
        rows.check_one_series_per_indicator(&header)?;
        let SdmxRows {
            batch,
            lines,
            sources,
            mut summary,
            read,
            products,
            new_indicators,
            ..
        } = rows;
        let products: Vec<Product> = products.into_values().collect();
        let stored: Vec<String> = self.sources()?.into_iter().map(|s| s.id).collect();
        let new_sources: Vec<Source> = sources
            .into_values()
            .filter(|s| !stored.contains(&s.id))
            .collect();
        let written = self
            .import_batch(
                &new_indicators,
                &new_sources,
                &products,
                &batch,
                options.on_duplicate,
                options.progress,
            )
            .map_err(|error| header.column_of(at_line(&lines, error)))?;
        summary.format = Some(Format::Sdmx.code());
        summary.read = read;
        let first_line = lines.first().copied().unwrap_or(HEADER_LINE + 1);
        summary.written_of(lines.len(), written, first_line);
        Ok(summary)
    }
}

/// The delimiter of a file whose first line is `line`: the character after the first
/// column's name (`DATAFLOW`, or `STRUCTURE` with its optional `[…]`).
fn delimiter_of(line: &str) -> Result<u8> {
    let line = line.trim_start_matches('\u{feff}');
    let upper = line.to_ascii_uppercase();
    let rest = if let Some(rest) = upper.strip_prefix("DATAFLOW") {
        rest
    } else if let Some(rest) = upper.strip_prefix("STRUCTURE") {
        match rest.strip_prefix('[') {
            Some(bracketed) => bracketed.split_once(']').map_or("", |(_, after)| after),
            None => rest,
        }
    } else {
        return Err(not_sdmx(line));
    };
    // With `labels=both` the name may carry a label ("DATAFLOW: Dataflow"): the
    // delimiter is then the first one after it.
    rest.bytes()
        .find(|b| matches!(b, b',' | b';' | b'\t' | b'|'))
        .ok_or_else(|| not_sdmx(line))
}

fn not_sdmx(line: &str) -> Error {
    // The error keeps the line whole (its message shows the beginning), up to as much
    // as the format is guessed from: a file without line breaks is not held twice.
    Error::invalid(
        "DATAFLOW",
        line.trim_end().chars().take(64 * 1024).collect::<String>(),
        "is not an SDMX-CSV header: the first column is DATAFLOW (version 1) or STRUCTURE \
         (version 2), followed by the delimiter",
    )
    .at_record(HEADER_LINE)
}

/// The code of a cell or header: the part before `": "` when `labels=both` added a
/// label, and a header's multi-value brackets (`ATTR[]`) left off.
fn code_of(cell: &str) -> &str {
    let code = cell.split(": ").next().unwrap_or_default().trim();
    code.split_once('[').map_or(code, |(name, _)| name).trim()
}

/// A column of the file: where it is and its name as the header writes it.
#[derive(Debug, Clone)]
struct Column {
    at: usize,
    name: String,
}

/// Where each column read is in the header.
#[derive(Debug)]
struct Header {
    structure_id: Column,
    action: Option<Column>,
    reporter: Column,
    counterpart: Column,
    indicator: Option<Column>,
    /// The product columns: `PRODUCT`, or OECD's `PRODUCT_HS` and `PRODUCT_CPA` side by
    /// side (the one not used holds `_Z`).
    products: Vec<Column>,
    /// The trade flow (`FLOW` in Comext, `TRADE_FLOW` in the OECD's BIMTS).
    flow: Option<Column>,
    /// Comext's `indicators`: what the value measures (euros, 100 kg …).
    measure: Option<Column>,
    freq: Option<Column>,
    time: Column,
    value: Column,
    unit: Option<Column>,
    unit_mult: Option<Column>,
    status: Option<Column>,
    year_start: Option<Column>,
    /// The other dimensions: each value is another series, so one that varies within
    /// an indicator would mix series (see [`NOT_DIMENSIONS`]).
    dimensions: Vec<Column>,
}

/// The names a column goes by (compared ignoring case), the first the one errors name.
const REPORTER: &[&str] = &["REF_AREA", "COUNTRY", "GEO", "REPORTER"];
const COUNTERPART: &[&str] = &["COUNTERPART_AREA", "COUNTERPART_COUNTRY", "PARTNER"];
const FREQ: &[&str] = &["FREQ", "FREQUENCY"];
const PRODUCT: &[&str] = &[
    "PRODUCT",
    "COMMODITY",
    "PRODUCT_HS",
    "PRODUCT_CPA",
    "SITC06",
];
const FLOW: &[&str] = &["FLOW", "TRADE_FLOW"];
const UNIT_MULT: &[&str] = &["UNIT_MULT", "SCALE"];

/// Columns that are not dimensions of a series, wherever they stand: the structure,
/// the action and the attributes agencies write before `TIME_PERIOD`.
const NOT_DIMENSIONS: &[&str] = &[
    "DATAFLOW",
    "STRUCTURE",
    "STRUCTURE_ID",
    "STRUCTURE_NAME",
    "ACTION",
    "SERIES_KEY",
    "OBS_KEY",
    "TIME_PERIOD",
    "OBS_VALUE",
    "OBS_STATUS",
    "OBS_FLAG",
    "OBS_CONF",
    "CONF_STATUS",
    "DECIMALS",
    "TIME_FORMAT",
    "COMMENT",
    "COMMENT_OBS",
    "TITLE",
];

/// Dimensions that stand after `TIME_PERIOD` in some agencies' files (the OECD's bulk
/// BIMTS writes `ADJUSTMENT` among the attributes), watched wherever they are.
const LATE_DIMENSIONS: &[&str] = &[
    "ADJUSTMENT",
    "TRANSFORMATION",
    "MEASURE",
    "STK_FLOW",
    "BOP_ITEM",
    "ACCOUNTING_ENTRY",
    "S_ADJ",
    "PRODUCT_TYPE",
];

/// What a header error says a file to import holds.
const COLUMNS_TO_IMPORT: &str = "an SDMX-CSV file to import has the columns REF_AREA (or \
     COUNTRY, GEO, REPORTER), COUNTERPART_AREA (or COUNTERPART_COUNTRY, PARTNER), TIME_PERIOD \
     and OBS_VALUE";

/// The refusal of a file without a counterpart dimension: its figures are not between
/// two countries. Names the dimensions it has (the SDMX ids before `TIME_PERIOD` or
/// `OBS_VALUE`), so that one sees what it is.
fn nothing_bilateral(codes: &[&str], has_reporter: bool, header: String) -> Error {
    let before_time = codes
        .iter()
        .position(|c| c.eq_ignore_ascii_case("TIME_PERIOD") || c.eq_ignore_ascii_case("OBS_VALUE"))
        .unwrap_or(codes.len());
    let dimensions: Vec<&str> = codes[..before_time]
        .iter()
        .copied()
        .filter(|c| is_sdmx_id(c) && !NOT_DIMENSIONS.contains(&c.to_ascii_uppercase().as_str()))
        .collect();
    const SHOWN: usize = 16;
    let mut listed = dimensions
        .iter()
        .take(SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if dimensions.len() > SHOWN {
        listed.push_str(&format!(" and {} more", dimensions.len() - SHOWN));
    }
    let has = match (dimensions.is_empty(), has_reporter) {
        (true, _) => "it has no dimension columns at all".to_owned(),
        (false, true) => format!(
            "its dimensions are {listed}: one reporting country's figures, with no one on the \
             other side"
        ),
        (false, false) => format!(
            "its dimensions are {listed}, with no reporting country (REF_AREA, COUNTRY, GEO, \
             REPORTER) either"
        ),
    };
    Error::invalid(
        COUNTERPART[0],
        header,
        format!(
            "is missing: the file holds nothing bilateral, as it has no counterpart dimension \
             (COUNTERPART_AREA, COUNTERPART_COUNTRY or PARTNER) saying whom each figure is \
             with; {has}. {}{}",
            COLUMNS_TO_IMPORT[..1].to_uppercase(),
            &COLUMNS_TO_IMPORT[1..]
        ),
    )
    .at_record(HEADER_LINE)
}

/// Whether `name` can be an SDMX id (letters, digits, `_`, `@`, `$`, `-`, `.`): a
/// column named otherwise (`LAST UPDATE`, `Time frequency`) is a label or an agency's
/// own, not a dimension.
fn is_sdmx_id(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_@$-.".contains(c))
}

/// The product codes of the whole: SDMX's code for a total (`_T`), and `TOTAL`.
const TOTAL_PRODUCTS: &[&str] = &["_T", "TOTAL"];

impl Header {
    fn read(names: &::csv::StringRecord) -> Result<Header> {
        let codes: Vec<&str> = names.iter().map(code_of).collect();
        let first = codes.first().copied().unwrap_or_default();
        let first = first.trim_start_matches('\u{feff}');
        let version_2 = first.eq_ignore_ascii_case("STRUCTURE");
        if !version_2 && !first.eq_ignore_ascii_case("DATAFLOW") {
            return Err(not_sdmx(&names.iter().collect::<Vec<_>>().join(",")));
        }
        let whole = || names.iter().collect::<Vec<_>>().join(",");
        let find_all = |aliases: &[&str]| -> Vec<Column> {
            codes
                .iter()
                .enumerate()
                .filter(|(_, c)| aliases.iter().any(|a| a.eq_ignore_ascii_case(c)))
                .map(|(at, name)| Column {
                    at,
                    name: (*name).to_owned(),
                })
                .collect()
        };
        let find = |aliases: &[&str]| -> Result<Option<Column>> {
            let mut found = find_all(aliases).into_iter();
            let column = found.next();
            if let Some(twice) = found.next() {
                return Err(Error::invalid(
                    &twice.name,
                    whole(),
                    format!("is a second column for {}", aliases.join(" or ")),
                )
                .at_record(HEADER_LINE));
            }
            Ok(column)
        };
        let missing = |aliases: &[&str]| {
            Error::invalid(
                aliases[0],
                whole(),
                format!("is missing from the header: {COLUMNS_TO_IMPORT}"),
            )
            .at_record(HEADER_LINE)
        };
        let required =
            |aliases: &[&str]| -> Result<Column> { find(aliases)?.ok_or_else(|| missing(aliases)) };
        let structure_id = if version_2 {
            required(&["STRUCTURE_ID"])?
        } else {
            Column {
                at: 0,
                name: "DATAFLOW".to_owned(),
            }
        };
        let reporter = find(REPORTER)?;
        let counterpart = find(COUNTERPART)?;
        let (reporter, counterpart) = match (reporter, counterpart) {
            (Some(reporter), Some(counterpart)) => (reporter, counterpart),
            (reporter, None) => return Err(nothing_bilateral(&codes, reporter.is_some(), whole())),
            (None, Some(_)) => return Err(missing(REPORTER)),
        };
        // Eurostat names its indicator dimension after the dataset (`indic_et`,
        // `indic_bt` …): without an INDICATOR column, that one is the indicator.
        let indicator = match find(&["INDICATOR"])? {
            Some(column) => Some(column),
            None => codes
                .iter()
                .position(|c| c.to_ascii_uppercase().starts_with("INDIC_"))
                .map(|at| Column {
                    at,
                    name: codes[at].to_owned(),
                }),
        };
        let mut header = Header {
            structure_id,
            action: find(&["ACTION"])?,
            reporter,
            counterpart,
            indicator,
            products: find_all(PRODUCT),
            flow: find(FLOW)?,
            measure: find(&["INDICATORS"])?,
            freq: find(FREQ)?,
            time: required(&["TIME_PERIOD"])?,
            value: required(&["OBS_VALUE"])?,
            // Eurostat's own CSV calls them `unit` and `OBS_FLAG`.
            unit: find(&["UNIT_MEASURE", "UNIT"])?,
            unit_mult: find(UNIT_MULT)?,
            status: find(&["OBS_STATUS", "OBS_FLAG"])?,
            year_start: find(&["REPORTING_YEAR_START_DAY"])?,
            dimensions: Vec::new(),
        };
        header.dimensions = header.other_dimensions(&codes);
        Ok(header)
    }

    /// The columns of `codes` that are dimensions this reader does not take: those
    /// before `TIME_PERIOD` (SDMX-CSV writes the dimensions first) and the
    /// [`LATE_DIMENSIONS`], leaving out what it reads, the [`NOT_DIMENSIONS`], and
    /// names that are not SDMX ids (Eurostat's `LAST UPDATE`, version 2's label columns
    /// such as `Time frequency`).
    fn other_dimensions(&self, codes: &[&str]) -> Vec<Column> {
        let read: Vec<usize> = [
            Some(&self.structure_id),
            self.action.as_ref(),
            Some(&self.reporter),
            Some(&self.counterpart),
            self.indicator.as_ref(),
            self.flow.as_ref(),
            self.measure.as_ref(),
            self.freq.as_ref(),
            Some(&self.time),
            Some(&self.value),
            self.unit.as_ref(),
            self.unit_mult.as_ref(),
            self.status.as_ref(),
            self.year_start.as_ref(),
        ]
        .into_iter()
        .flatten()
        .chain(&self.products)
        .map(|c| c.at)
        .collect();
        codes
            .iter()
            .enumerate()
            .filter(|(at, code)| {
                let upper = code.to_ascii_uppercase();
                !read.contains(at)
                    && is_sdmx_id(code)
                    && !NOT_DIMENSIONS.contains(&upper.as_str())
                    && (*at < self.time.at || LATE_DIMENSIONS.contains(&upper.as_str()))
            })
            .map(|(at, code)| Column {
                at,
                name: (*code).to_owned(),
            })
            .collect()
    }

    /// An error of the store's checks, its field renamed to the SDMX column it came
    /// from.
    fn column_of(&self, error: Error) -> Error {
        let Error::Validation(v) = &error else {
            return error;
        };
        let column = match v.field.as_str() {
            "value" => Some(&self.value.name),
            "period" => Some(&self.time.name),
            "origin" => Some(&self.reporter.name),
            "destination" => Some(&self.counterpart.name),
            "indicator" => self.indicator.as_ref().map(|c| &c.name),
            "product" | "product_name" => self.products.first().map(|c| &c.name),
            "source" => Some(&self.structure_id.name),
            _ => None,
        };
        match column {
            Some(name) => {
                let name = name.clone();
                error.for_field(&name)
            }
            None => error,
        }
    }
}

/// An indicator a file's code resolved to.
#[derive(Debug, Clone)]
struct Resolved {
    code: String,
    unit: String,
    reporter: Side,
    /// The power of ten the file's code itself says its values are in (Eurostat's
    /// `MIO_EXP_VAL`: millions), when it says one.
    power: Option<i32>,
}

/// The rows of a file read so far, and the lookups made for them.
struct SdmxRows<'a> {
    store: &'a Store,
    mapping: &'a SdmxMapping,
    decimal_comma: bool,
    batch: ObservationBatch,
    lines: Vec<usize>,
    sources: BTreeMap<String, Source>,
    summary: ImportSummary,
    read: usize,
    indicators: HashMap<String, Resolved>,
    countries: HashMap<String, String>,
    periods: HashMap<String, (String, Option<char>)>,
    /// The products the file labels, by code: the first label of each.
    products: BTreeMap<String, Product>,
    /// Indicators the rows use that the store lacks, added with them.
    new_indicators: Vec<Indicator>,
    /// By column (its place), by indicator: each value met and the line it was first
    /// met on.
    seen: HashMap<usize, HashMap<String, BTreeMap<String, usize>>>,
    /// The reporter's side in each indicator the rows use.
    sides: HashMap<String, Side>,
    /// The first error found in a row that is told once the file is read.
    deferred: Option<Error>,
    /// The `INDICATOR` codes and the dataflows of the file's rows, skipped ones too.
    codes_met: BTreeSet<String>,
    dataflows_met: BTreeSet<String>,
    /// What to do with a value cell holding a mark of a missing value.
    on_missing: OnMissing,
}

impl<'a> SdmxRows<'a> {
    fn new(
        store: &'a Store,
        mapping: &'a SdmxMapping,
        delimiter: u8,
        on_missing: OnMissing,
    ) -> Self {
        SdmxRows {
            store,
            mapping,
            decimal_comma: delimiter != b',',
            batch: ObservationBatch::default(),
            lines: Vec::new(),
            sources: BTreeMap::new(),
            summary: ImportSummary::default(),
            read: 0,
            indicators: HashMap::new(),
            countries: HashMap::new(),
            periods: HashMap::new(),
            products: BTreeMap::new(),
            new_indicators: Vec::new(),
            seen: HashMap::new(),
            sides: HashMap::new(),
            deferred: None,
            codes_met: BTreeSet::new(),
            dataflows_met: BTreeSet::new(),
            on_missing,
        }
    }

    /// Reads one data row: into the batch, or counted as passed over.
    fn push(&mut self, header: &Header, record: &::csv::StringRecord, line: usize) -> Result<()> {
        self.read += 1;
        let cell = |column: &Column| record.get(column.at).unwrap_or_default().trim();
        let optional = |column: &Option<Column>| column.as_ref().map(cell).unwrap_or_default();
        // What the file has that a mapping key may name, skipped rows included.
        for (column, met) in [
            (Some(&header.structure_id), &mut self.dataflows_met),
            (header.indicator.as_ref(), &mut self.codes_met),
        ] {
            let code = column.map(|c| code_of(cell(c))).unwrap_or_default();
            if !code.is_empty() && !met.contains(code) {
                met.insert(code.to_owned());
            }
        }

        let action = code_of(optional(&header.action)).to_ascii_uppercase();
        match action.as_str() {
            "" | "I" | "A" | "R" => {}
            "D" => {
                self.summary
                    .skip("ACTION D (delete): deletions are not applied", line);
                return Ok(());
            }
            _ => {
                return Err(Error::invalid(
                    &header
                        .action
                        .as_ref()
                        .expect("a value comes from a column")
                        .name,
                    optional(&header.action),
                    "is not an SDMX action: I (information), A (append), R (replace) or D \
                     (delete)",
                ))
            }
        }

        let reporter_code = code_of(cell(&header.reporter));
        let counterpart_code = code_of(cell(&header.counterpart));
        let reason = match (
            not_a_country(reporter_code),
            not_a_country(counterpart_code),
        ) {
            // Both sides, as in a euro area's current account with the rest of the
            // world: nothing between two countries at all.
            (Some(AGGREGATE), Some(AGGREGATE)) => Some(format!(
                "{} {reporter_code} and {} {counterpart_code} are aggregates, not countries",
                header.reporter.name, header.counterpart.name
            )),
            (Some(what), _) => Some(format!(
                "{} {reporter_code} is {what}",
                header.reporter.name
            )),
            (None, Some(what)) => Some(format!(
                "{} {counterpart_code} is {what}",
                header.counterpart.name
            )),
            (None, None) => None,
        };
        if let Some(reason) = reason {
            self.summary.skip(&reason, line);
            return Ok(());
        }

        let status = code_of(optional(&header.status)).to_ascii_uppercase();
        let status_meaning = obs_status_meaning(&status);
        let value_text = cell(&header.value);
        if value_text.is_empty() || value_text.eq_ignore_ascii_case("nan") {
            let reason = match (status.as_str(), status_meaning) {
                (code, Some(meaning)) if MISSING_STATUSES.contains(&code) => {
                    format!("no OBS_VALUE (OBS_STATUS {code}: {meaning})")
                }
                _ => "no OBS_VALUE".to_owned(),
            };
            self.summary.skip(&reason, line);
            return Ok(());
        }
        // A mark of a missing value (`:` as Eurostat writes it, `..`, `n/a` …), which no
        // SDMX-CSV should hold: an error naming it, or, under missing="skip", passed over.
        if crate::hints::is_missing_marker(value_text) {
            return match self.on_missing {
                OnMissing::Skip => {
                    self.summary
                        .skip(&crate::hints::missing_value_reason(value_text), line);
                    Ok(())
                }
                OnMissing::Error => {
                    Err(crate::hints::missing_value("value", value_text)
                        .for_field(&header.value.name))
                }
            };
        }
        if MISSING_STATUSES.contains(&status.as_str()) {
            return Err(Error::invalid(
                &header
                    .status
                    .as_ref()
                    .expect("a status comes from a column")
                    .name,
                optional(&header.status),
                format!(
                    "says the value is missing ({}), but {} is {value_text}",
                    status_meaning.unwrap_or("missing"),
                    header.value.name
                ),
            ));
        }

        // Comext's `indicators`: what the value is (euros, 100 kg …).
        let measure = match &header.measure {
            Some(column) => match comext_measure(code_of(cell(column))) {
                Ok(measure) => Some(measure),
                Err(Some(reason)) => {
                    self.summary.skip(&reason, line);
                    return Ok(());
                }
                Err(None) => {
                    return Err(Error::invalid(
                        &column.name,
                        cell(column),
                        "is not a Comext indicator this importer reads: VALUE_IN_EUROS or \
                         VALUE_EUR (the value in euros), QUANTITY_IN_100KG or QUANTITY_KG (the \
                         net mass)",
                    ))
                }
            },
            None => None,
        };
        let dataflow = code_of(cell(&header.structure_id)).to_owned();
        if dataflow.is_empty() {
            return Err(Error::invalid(
                &header.structure_id.name,
                "",
                "is empty: each row names its dataflow",
            ));
        }
        let source = self.source_of(header, &dataflow)?;

        // A flow column without an INDICATOR column, its dataflow not mapped: the flow
        // says exports or imports (Comext, the OECD's BIMTS).
        let native = header.flow.is_some()
            && header.indicator.is_none()
            && self.mapping.target(&dataflow).is_none();
        let indicator = if native {
            self.flow_indicator(header, record, measure)?
        } else {
            let indicator_text = match &header.indicator {
                Some(column) => code_of(cell(column)).to_owned(),
                None => dataflow.clone(),
            };
            if self.mapping.target(&indicator_text).is_none() {
                if let Some(reason) = not_stored(&indicator_text) {
                    self.summary.skip(&reason, line);
                    return Ok(());
                }
            }
            self.indicator(header, &indicator_text)?.clone()
        };
        self.note_dimensions(header, record, &indicator, native, line);
        let measure_power = match (measure, &header.measure) {
            (Some(measure), Some(column)) => match measure.power_in(&indicator) {
                Ok(power) => power,
                // Told after the file is read, unless a mix of series is found first:
                // that is the cause to fix.
                Err(reason) => {
                    let error = Error::invalid(&column.name, cell(column), reason).at_record(line);
                    self.deferred.get_or_insert(error);
                    return Ok(());
                }
            },
            _ => 0,
        };

        let reporter = self.country(&header.reporter, reporter_code)?;
        let counterpart = self.country(&header.counterpart, counterpart_code)?;
        let (origin, destination) = match indicator.reporter {
            Side::Origin => (reporter, counterpart),
            Side::Destination => (counterpart, reporter),
        };

        let time_text = code_of(cell(&header.time)).to_owned();
        let (period, form) = self.period(header, &time_text)?;
        if let (Some(column), Some(form)) = (&header.freq, form) {
            let freq = code_of(cell(column)).to_ascii_uppercase();
            if CHECKED_FREQUENCIES.contains(&freq.as_str()) && !freq.starts_with(form) {
                return Err(Error::invalid(
                    &column.name,
                    cell(column),
                    format!(
                        "says {} figures, but {} {time_text} is {}",
                        frequency_name(&freq),
                        header.time.name,
                        form_name(form)
                    ),
                ));
            }
        }
        if let Some(column) = &header.year_start {
            let start = code_of(cell(column));
            if !start.is_empty() && start != "--01-01" {
                return Err(Error::invalid(
                    &column.name,
                    start,
                    "starts the reporting year on another day than 1 January: such periods \
                     are not calendar periods, which the store holds",
                ));
            }
        }

        let mult = match &header.unit_mult {
            Some(column) => {
                let text = code_of(cell(column));
                match text {
                    "" => 0,
                    _ => unit_multiplier(text).ok_or_else(|| {
                        Error::invalid(
                            &column.name,
                            cell(column),
                            "is not a power of ten (a whole number, 6 for millions)",
                        )
                    })?,
                }
            }
            None => 0,
        };
        let unit = match &header.unit {
            Some(column) => unit_power(code_of(cell(column)), &indicator)
                .map_err(|reason| Error::invalid(&column.name, cell(column), reason))?,
            None => 0,
        };
        // Eurostat's MIO_EXP_VAL says millions itself: a unit column may say it again
        // (MIO_EUR), never something else.
        let unit = match (indicator.power, &header.unit) {
            (Some(power), Some(column)) if unit != 0 && unit != power => {
                return Err(Error::invalid(
                    &column.name,
                    cell(column),
                    format!(
                        "says 10^{unit}, but {} says its values are in 10^{power} {}",
                        header
                            .indicator
                            .as_ref()
                            .map_or("the indicator", |c| c.name.as_str()),
                        indicator.unit
                    ),
                ))
            }
            (Some(power), _) => power,
            (None, _) => unit,
        };
        // A unit that is itself a multiple (MIO_USD) beside a UNIT_MULT would scale the
        // value twice, or say two things of it: which one is meant cannot be told.
        if let (Some(mult_column), Some(unit_column), true) =
            (&header.unit_mult, &header.unit, unit != 0 && mult != 0)
        {
            return Err(Error::invalid(
                &mult_column.name,
                cell(mult_column),
                format!(
                    "scales the value by 10^{mult}, but {} {} already says it is in \
                     multiples of 10^{unit}: one of the two columns must say it",
                    unit_column.name,
                    cell(unit_column)
                ),
            ));
        }
        let value = self.number(header, value_text, mult + unit + measure_power)?;

        let status_column = header
            .status
            .as_ref()
            .map_or("OBS_STATUS", |c| c.name.as_str());
        let (status_code, note) = if status_column.eq_ignore_ascii_case("OBS_FLAG") {
            eurostat_flags(&status)
        } else {
            match status.as_str() {
                "" | "A" => ("actual", None),
                "E" => ("estimate", None),
                "P" => ("provisional", None),
                "F" => ("projection", None),
                "I" => ("estimate", Some(status_note(&status, status_meaning))),
                _ => ("actual", Some(status_note(&status, status_meaning))),
            }
        };

        let product = self.product(header, record)?;

        let batch = &mut self.batch;
        batch.indicator.push(Some(&indicator.code));
        batch.origin.push(Some(&origin));
        batch.destination.push(Some(&destination));
        batch.product.push(product.as_deref());
        batch.period.push(Some(&period));
        batch.value.push(Some(value));
        batch.qualifier.push(None);
        batch.status.push(Some(status_code));
        batch.source.push(Some(&source));
        batch.quote.push(None);
        batch.low.push(None);
        batch.high.push(None);
        batch.precision.push(None);
        batch.note.push(note.as_deref());
        batch.unit.push(None);
        self.lines.push(line);

        Ok(())
    }

    /// Notes the values of the other dimensions under the row's indicator, to tell a
    /// mix of series once the file is read: under a mapping, the flow and Comext's
    /// `indicators` too.
    fn note_dimensions(
        &mut self,
        header: &Header,
        record: &::csv::StringRecord,
        indicator: &Resolved,
        native: bool,
        line: usize,
    ) {
        // Two INDICATOR codes in one indicator are two series in one, as two flows are.
        let mapped = [&header.flow, &header.measure, &header.indicator]
            .into_iter()
            .flatten()
            .filter(|_| !native);
        for column in header.dimensions.iter().chain(mapped) {
            let by_indicator = self.seen.entry(column.at).or_default();
            if !by_indicator.contains_key(&indicator.code) {
                by_indicator.insert(indicator.code.clone(), BTreeMap::new());
            }
            let values = by_indicator
                .get_mut(&indicator.code)
                .expect("inserted above");
            let value = code_of(record.get(column.at).unwrap_or_default());
            if !values.contains_key(value) {
                values.insert(value.to_owned(), line);
            }
        }
        if !self.sides.contains_key(&indicator.code) {
            self.sides
                .insert(indicator.code.clone(), indicator.reporter);
        }
    }

    /// The product of a row: the one code of its product columns that is neither empty
    /// nor `_Z` (not applicable) nor a total, or `None` for the total. With
    /// `labels=both`, the label after the code is kept as the product's name.
    fn product(&mut self, header: &Header, record: &::csv::StringRecord) -> Result<Option<String>> {
        let mut found: Option<(&Column, String)> = None;
        for column in &header.products {
            let text = record.get(column.at).unwrap_or_default().trim();
            let code = code_of(text);
            if code.is_empty()
                || code == "_Z"
                || TOTAL_PRODUCTS.iter().any(|t| t.eq_ignore_ascii_case(code))
            {
                continue;
            }
            if let Some((first, first_code)) = &found {
                return Err(Error::invalid(
                    &column.name,
                    text,
                    format!(
                        "is a second product beside {} {first_code}: a row is of one product",
                        first.name
                    ),
                ));
            }
            // The OECD writes an HS code after its edition (`HS17_8471`): the code is
            // the digits.
            let code = match code.split_once('_') {
                Some((edition, digits))
                    if edition.len() == 4
                        && edition[..2].eq_ignore_ascii_case("HS")
                        && edition[2..].bytes().all(|b| b.is_ascii_digit())
                        && !digits.is_empty()
                        && digits.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    digits.to_owned()
                }
                // As written: the OECD's CPA `C10T12` stays in capitals.
                _ => code.to_owned(),
            };
            // Comext's products (a file with its `indicators`) are the Combined
            // Nomenclature: 8 digits, and its 2, 4 and 6 digits are the HS's levels.
            let classification = (header.measure.is_some()
                && matches!(code.len(), 2 | 4 | 6 | 8)
                && code.bytes().all(|b| b.is_ascii_digit()))
            .then_some("CN");
            let label = text
                .split_once(": ")
                .map(|(_, label)| label.trim())
                .filter(|l| !l.is_empty());
            if label.is_some() || classification.is_some() {
                let product = self
                    .products
                    .entry(code.clone())
                    .or_insert_with(|| Product {
                        code: code.clone(),
                        name: None,
                        classification: classification.map(str::to_owned),
                    });
                if product.name.is_none() {
                    product.name = label.map(str::to_owned);
                }
            }
            found = Some((column, code));
        }
        Ok(found.map(|(_, code)| code))
    }

    /// The indicator of a row whose flow column says exports or imports: `exports` and
    /// `imports` in US dollars, `exports_eur` and `imports_eur` in euros,
    /// `exports_volume` and `imports_volume` for a net mass (Comext's `indicators`
    /// says which; without it, the unit column). One the store lacks is added with the
    /// rows.
    fn flow_indicator(
        &mut self,
        header: &Header,
        record: &::csv::StringRecord,
        measure: Option<Measure>,
    ) -> Result<Resolved> {
        let cell = |column: &Column| record.get(column.at).unwrap_or_default().trim();
        let flow = header
            .flow
            .as_ref()
            .expect("a flow indicator has a flow column");
        let side = flow_side(code_of(cell(flow))).ok_or_else(|| {
            Error::invalid(
                &flow.name,
                cell(flow),
                "is not a trade flow this importer reads: 1, M or IMP (imports, from the \
                 partner to the reporter), 2, X or EXP (exports, from the reporter to the \
                 partner)",
            )
        })?;
        let money = |currency: &str| match currency {
            "USD" => Some(["exports", "imports"]),
            "EUR" => Some(["exports_eur", "imports_eur"]),
            _ => None,
        };
        let pair = match (measure, &header.unit) {
            (Some(Measure::Euros), _) => ["exports_eur", "imports_eur"],
            (Some(Measure::Tonnes(_)), _) => ["exports_volume", "imports_volume"],
            (None, Some(column)) => {
                let unit = code_of(cell(column)).to_ascii_uppercase();
                money(currency_of(&unit)).ok_or_else(|| {
                    Error::invalid(
                        &column.name,
                        cell(column),
                        format!(
                            "is not a currency this importer has trade indicators in: USD \
                             (exports, imports) or EUR (exports_eur, imports_eur), as \
                             {} says exports or imports",
                            flow.name
                        ),
                    )
                })?
            }
            (None, None) => {
                return Err(Error::invalid(
                    "UNIT_MEASURE",
                    cell(flow),
                    format!(
                        "is missing: the file has a {} column but says neither the unit of \
                         its values (UNIT_MEASURE) nor what they measure (Comext's \
                         indicators)",
                        flow.name
                    ),
                ))
            }
        };
        let code = match side {
            Side::Origin => pair[0],
            Side::Destination => pair[1],
        };
        if !self.indicators.contains_key(code) {
            let unit = match self.store.indicator(code) {
                Ok(stored) => stored.unit,
                Err(_) => {
                    let defined = trade_indicator(code)?;
                    let unit = defined.unit.clone();
                    if !self.new_indicators.iter().any(|i| i.code == defined.code) {
                        self.new_indicators.push(defined);
                    }
                    unit
                }
            };
            let resolved = Resolved {
                code: code.to_owned(),
                unit,
                reporter: side,
                power: None,
            };
            self.indicators.insert(code.to_owned(), resolved);
        }
        Ok(self.indicators[code].clone())
    }

    /// Refuses a mapping key the user gave that names neither an `INDICATOR` code of the
    /// file nor its dataflow (with or without its version): it maps nothing, and the
    /// file would import as if it were not given.
    fn check_mapping_used(&self, header: &Header) -> Result<()> {
        let names_a_dataflow = |key: &str| {
            self.dataflows_met.iter().any(|dataflow| {
                dataflow == key || dataflow.split_once('(').is_some_and(|(d, _)| d == key)
            })
        };
        let Some(unused) = self
            .mapping
            .given
            .iter()
            .find(|key| !self.codes_met.contains(*key) && !names_a_dataflow(key))
        else {
            return Ok(());
        };
        let listed = |met: &BTreeSet<String>| {
            const SHOWN: usize = 20;
            let mut listed = met
                .iter()
                .take(SHOWN)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            if met.len() > SHOWN {
                listed.push_str(&format!(" and {} more", met.len() - SHOWN));
            }
            listed
        };
        let codes = match &header.indicator {
            Some(column) if !self.codes_met.is_empty() => {
                format!("its {} codes are {}", column.name, listed(&self.codes_met))
            }
            Some(column) => format!("its {} column is empty", column.name),
            None => "it has no INDICATOR column".to_owned(),
        };
        let dataflows = match self.dataflows_met.len() {
            0 => "no dataflow".to_owned(),
            1 => format!("its dataflow is {}", listed(&self.dataflows_met)),
            _ => format!("its dataflows are {}", listed(&self.dataflows_met)),
        };
        Err(Error::invalid(
            "mapping",
            unused.as_str(),
            format!(
                "names neither an INDICATOR code of the file nor its dataflow, so it would map \
                 nothing: {codes}, and {dataflows}"
            ),
        ))
    }

    /// Refuses a file that would mix series: a dimension the importer does not read
    /// (or, under a mapping, the flow, Comext's `indicators` or the `INDICATOR` code)
    /// that takes two values within one indicator, or a flow that contradicts the side
    /// the mapping gives.
    fn check_one_series_per_indicator(&mut self, header: &Header) -> Result<()> {
        let columns = header.dimensions.iter().chain(
            [&header.flow, &header.measure, &header.indicator]
                .into_iter()
                .flatten(),
        );
        for column in columns {
            let Some(by_indicator) = self.seen.get(&column.at) else {
                continue;
            };
            let mut indicators: Vec<&String> = by_indicator.keys().collect();
            indicators.sort();
            for indicator in indicators {
                let values = &by_indicator[indicator];
                let mut lines: Vec<usize> = values.values().copied().collect();
                lines.sort_unstable();
                let is_flow = header.flow.as_ref().is_some_and(|f| f.at == column.at);
                let is_measure = header.measure.as_ref().is_some_and(|m| m.at == column.at);
                let is_indicator = header.indicator.as_ref().is_some_and(|i| i.at == column.at);
                if values.len() > 1 {
                    let listed: Vec<&str> = values.keys().map(String::as_str).collect();
                    // Reading the column needs a file without an INDICATOR column.
                    let readable = header.indicator.is_none();
                    let advice = if is_flow && readable {
                        "Leave the dataflow out of the mapping so that the flow is read (1, M or \
                         IMP: imports; 2, X or EXP: exports), or import a file of one flow"
                            .to_owned()
                    } else if is_indicator {
                        format!(
                            "Map each {} code to an indicator of its own ({}), or import a \
                             file of one of them",
                            column.name,
                            code_to_indicator("CODE")
                        )
                    } else if is_measure && readable {
                        "Leave the dataflow out of the mapping so that each is read as what it \
                         is (VALUE_IN_EUROS: exports_eur or imports_eur; QUANTITY_IN_100KG: \
                         exports_volume or imports_volume, in tonnes), or import a file of \
                         one of them"
                            .to_owned()
                    } else {
                        format!(
                            "Import a file holding one {} (filter the download to one value)",
                            column.name
                        )
                    };
                    // Mapping each code is the way out only for the INDICATOR column.
                    let kind = if is_indicator {
                        ErrorKind::UnmappedCode
                    } else {
                        ErrorKind::Invalid
                    };
                    return Err(Error::invalid_as(
                        kind,
                        &column.name,
                        listed.join(", "),
                        format!(
                            "varies in the file, but every row of it goes to the indicator \
                             {indicator}: each {} is another series, and storing them as one \
                             would mix them or count one as another. {advice}",
                            column.name
                        ),
                    )
                    .at_record(lines[1]));
                }
                let (Some(value), true) = (values.keys().next(), is_flow) else {
                    continue;
                };
                let (Some(flow), Some(side)) = (flow_side(value), self.sides.get(indicator)) else {
                    continue;
                };
                if flow != *side {
                    let (said, other) = match flow {
                        Side::Origin => ("exports, from the reporter", "the destination"),
                        Side::Destination => ("imports, to the reporter", "the origin"),
                    };
                    return Err(Error::invalid(
                        &column.name,
                        value.as_str(),
                        format!(
                            "says {said}, but the mapping makes the reporter {other} of \
                             {indicator}: leave the dataflow out of the mapping so that the flow \
                             is read, or map it to an indicator of this flow"
                        ),
                    )
                    .at_record(lines[0]));
                }
            }
        }
        match self.deferred.take() {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    /// The source id of a dataflow, its source kept to add.
    fn source_of(&mut self, header: &Header, dataflow: &str) -> Result<String> {
        let id = source_id(dataflow).ok_or_else(|| {
            Error::invalid(
                &header.structure_id.name,
                dataflow,
                "is not a dataflow id such as IMF:DOT(1.0)",
            )
        })?;
        self.sources.entry(id.clone()).or_insert_with(|| Source {
            id: id.clone(),
            title: dataflow.to_owned(),
            publisher: dataflow
                .split_once(':')
                .map(|(agency, _)| agency.to_owned()),
            url: None,
            published: None,
        });
        Ok(id)
    }

    /// The stored indicator a file's code (or dataflow id) becomes: through the
    /// mapping, else one of Eurostat's trade codes ([`EUROSTAT_TRADE`]), else the code
    /// itself. A trade indicator the store lacks (`exports_eur` …) is added with the rows.
    fn indicator(&mut self, header: &Header, text: &str) -> Result<&Resolved> {
        if !self.indicators.contains_key(text) {
            let column = header
                .indicator
                .as_ref()
                .map_or("INDICATOR", |c| c.name.as_str());
            let target = self.mapping.target(text);
            if let Some(target) = target {
                check_known(text, target)?;
            }
            let eurostat = match target {
                Some(_) => None,
                None => EUROSTAT_TRADE
                    .iter()
                    .find(|(eurostat, ..)| eurostat.eq_ignore_ascii_case(text)),
            };
            let code = match (target, eurostat) {
                (Some(target), _) => target.indicator.as_str(),
                (None, Some((_, code, ..))) => code,
                (None, None) => text,
            };
            if code.is_empty() {
                return Err(Error::invalid(column, text, "is empty"));
            }
            let (stored_code, unit) = match self.store.indicator(code) {
                Ok(stored) => (stored.code, stored.unit),
                Err(_) => match trade_indicator(code) {
                    Ok(defined) => {
                        let found = (defined.code.clone(), defined.unit.clone());
                        if !self.new_indicators.iter().any(|i| i.code == defined.code) {
                            self.new_indicators.push(defined);
                        }
                        found
                    }
                    Err(_) => {
                        let unmapped = |reason: String| {
                            Error::invalid_as(ErrorKind::UnmappedCode, column, text, reason)
                                .suggesting(Some(text.to_owned()))
                        };
                        return Err(match (target, &header.indicator) {
                            (Some(t), _) => Error::invalid(
                                column,
                                text,
                                format!(
                                    "maps to {}, which is not an indicator of the store",
                                    t.indicator
                                ),
                            ),
                            (None, Some(_)) => unmapped(format!(
                                "is not an indicator of the store, and the mapping does not \
                                 map it to one: {}",
                                map_it(text)
                            )),
                            (None, None) => unmapped(format!(
                                "is the dataflow of a file without an INDICATOR column: {}",
                                map_it(text)
                            )),
                        });
                    }
                },
            };
            let reporter = target
                .and_then(|t| t.reporter)
                .or(known_code(text).and_then(|(side, _)| side))
                .or(eurostat.map(|(_, _, side, _)| *side))
                .unwrap_or(
                    if stored_code == "imports" || stored_code.starts_with("imports_") {
                        Side::Destination
                    } else {
                        Side::Origin
                    },
                );
            let resolved = Resolved {
                code: stored_code,
                unit,
                reporter,
                power: eurostat.map(|(_, _, _, power)| *power),
            };
            self.indicators.insert(text.to_owned(), resolved);
        }
        Ok(&self.indicators[text])
    }

    /// The alpha-3 code of a country code of the file, read from `column`.
    fn country(&mut self, column: &Column, code: &str) -> Result<String> {
        if let Some(alpha3) = self.countries.get(code) {
            return Ok(alpha3.clone());
        }
        if code.is_empty() {
            return Err(Error::invalid(&column.name, "", "is empty"));
        }
        // Eurostat's codes for Greece, the United Kingdom and Serbia, where ISO has GR,
        // GB and RS.
        let iso = match code.to_ascii_uppercase().as_str() {
            "EL" => "GR",
            "UK" => "GB",
            "XS" => "RS",
            _ => code,
        };
        let alpha3 = match self.store.country(iso) {
            Ok(country) => country.alpha3,
            Err(_) if code.contains(char::is_whitespace) => {
                return Err(Error::invalid(
                    &column.name,
                    code,
                    "is a label, not a code: the file was downloaded with labels instead of \
                     codes, which cannot be read back into countries; download it with codes \
                     (or codes and labels: SDMX-CSV labels=both)",
                ))
            }
            Err(error) => return Err(error.for_field(&column.name)),
        };
        self.countries.insert(code.to_owned(), alpha3.clone());
        Ok(alpha3)
    }

    /// The canonical period of a `TIME_PERIOD`, and the frequency letter its form says.
    fn period(&mut self, header: &Header, text: &str) -> Result<(String, Option<char>)> {
        if let Some(found) = self.periods.get(text) {
            return Ok(found.clone());
        }
        let (period, form) =
            sdmx_period(text).map_err(|reason| Error::invalid(&header.time.name, text, reason))?;
        let found = (period.to_string(), form);
        self.periods.insert(text.to_owned(), found.clone());
        Ok(found)
    }

    /// `OBS_VALUE` as a number, times ten to the `power`.
    fn number(&self, header: &Header, text: &str, power: i32) -> Result<f64> {
        let bad = |why: &str| Error::invalid(&header.value.name, text, why);
        let mut written = text.to_owned();
        if self.decimal_comma && written.contains(',') && !written.contains('.') {
            written = written.replace(',', ".");
        }
        let plain: f64 = written.parse().map_err(|_| bad("is not a number"))?;
        if !plain.is_finite() {
            return Err(bad("is not a finite number"));
        }
        scaled(&written, power).ok_or_else(|| bad("is out of range once scaled by UNIT_MULT"))
    }
}

/// `text`, a number, times ten to the `power`, by moving the decimal exponent: the
/// nearest binary number to the decimal one (123.4 × 10⁶ is 123400000 exactly, which
/// multiplying 123.4 by 1e6 would not promise).
fn scaled(text: &str, power: i32) -> Option<f64> {
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i32>().ok()?),
        None => (text, 0),
    };
    let value: f64 = format!("{mantissa}e{}", exponent.checked_add(power)?)
        .parse()
        .ok()?;
    value.is_finite().then_some(value)
}

/// The power of ten a `UNIT_MEASURE` adds for `indicator`: 0 for its unit, 6 for
/// Eurostat's `MIO_` prefix, 3 for `THS_`, or the multiple of words ("million USD");
/// the reason when it is another unit.
fn unit_power(unit: &str, indicator: &Resolved) -> Result<i32, String> {
    if unit.is_empty() || unit == "_Z" {
        return Ok(0);
    }
    // The OECD's `USD_EXC`: US dollars at market exchange rates.
    let unit = unit.strip_suffix("_EXC").unwrap_or(unit);
    let (base, power) = if let Some(base) = unit.strip_prefix("MIO_") {
        (base, 6)
    } else if let Some(base) = unit.strip_prefix("THS_") {
        (base, 3)
    } else {
        (unit, 0)
    };
    if base.eq_ignore_ascii_case(&indicator.unit) {
        return Ok(power);
    }
    if let Some(multiple) = crate::model::unit_multiple(unit, &indicator.unit) {
        return Ok(multiple.log10().round() as i32);
    }
    Err(format!(
        "is not the unit of {}, which is {}, nor a multiple of it (UNIT_MULT gives the power \
         of ten)",
        indicator.code, indicator.unit
    ))
}

/// A source id made of a dataflow id: lowercase, with every character a source id
/// cannot hold made a hyphen (`IMF:DOT(1.0)` is `imf-dot-1.0`).
fn source_id(dataflow: &str) -> Option<String> {
    let mut id = String::with_capacity(dataflow.len());
    for c in dataflow.chars().flat_map(char::to_lowercase) {
        let c = if c.is_ascii_lowercase() || c.is_ascii_digit() || "_.".contains(c) {
            c
        } else {
            '-'
        };
        if !(c == '-' && (id.is_empty() || id.ends_with('-'))) {
            id.push(c);
        }
    }
    let id: String = id.trim_end_matches('-').chars().take(64).collect();
    let id = id.trim_end_matches('-').to_owned();
    id.starts_with(|c: char| c.is_ascii_alphanumeric())
        .then_some(id)
}

/// Codes of areas that are not one country, in any case: the World (`W00` in IMF
/// DOTS, `W` at the OECD, `WORLD` in Comext, `W0`–`W2`, `WLD`, `WXD`), SDMX's `_T`,
/// `_Z` and `_X`, the IMF's `G`-numbered groups (`G001`, `G998`), and the groups of
/// Eurostat and the OECD: `EU`, `EA`, `EFTA`, `OECD`, `EXTRA`, `INTRA`, `BEL_LUX`,
/// `SACU`, every code starting with `EU` or `EA` and a digit (`EU27_2020`, `EU28`,
/// `EA20`, `EA19`), with `EXT_`, `EXTRA_`, `INT_`, `INTRA_` or `WX` (`EXT_EA20`,
/// `EXT_EU27_2020`, `WXOECD`), or ending in `_EXTRA` or `_INTRA`
/// (`EU27_2020_EXTRA`).
const AGGREGATES: &[&str] = &[
    "W", "W0", "W00", "W1", "W2", "WLD", "WXD", "WORLD", "_T", "_Z", "_X", "EU", "EA", "EFTA",
    "OECD", "EXTRA", "INTRA", "BEL_LUX", "SACU",
];
const AGGREGATE_PREFIXES: &[&str] = &["EXT_", "EXTRA_", "INT_", "INTRA_", "WX"];
const AGGREGATE_SUFFIXES: &[&str] = &["_EXTRA", "_INTRA"];

/// The beginnings of labels that name groups, in a file downloaded with labels instead
/// of codes (Eurostat's "Euro area – 20 countries (from 2023)"), in lower case.
const AGGREGATE_LABELS: &[&str] = &[
    "world",
    "euro area",
    "extra-euro area",
    "intra-euro area",
    "european union",
    "extra-eu",
    "intra-eu",
    "rest of the world",
    "all countries",
];

/// Eurostat's codes for trade no country is assigned to (ISO 3166's user-assigned
/// range): `QP` the high seas, `QQ`–`QS` stores and provisions, `QU`–`QZ` countries
/// and territories not specified.
const UNASSIGNED: &[&str] = &["QP", "QQ", "QR", "QS", "QU", "QV", "QW", "QX", "QY", "QZ"];

/// Eurostat's codes for parts of a country it counts apart, beside the country's own
/// code: Spain's Ceuta (`XC`) and Melilla (`XL`), the United Kingdom's Northern Ireland
/// (`XI`) and the rest of it (`XU`), since 2021.
const PARTS: &[&str] = &["XC", "XL", "XI", "XU"];

/// Codes of former countries and areas that are no ISO 3166-1 country today, as
/// Eurostat's partner nomenclature (and ISO 3166-3) kept them for trade before they
/// ended: `AN` the Netherlands Antilles (dissolved in 2010), `CS` Serbia and Montenegro
/// (2003–2006; before 1993, ISO's code of Czechoslovakia), `YU` Yugoslavia, `SU` the
/// Soviet Union and `DD` the German Democratic Republic. Their trade belongs to no
/// country of today.
const FORMER: [(&str, &str); 5] = [
    ("AN", "a former country (the Netherlands Antilles, dissolved in 2010), not an ISO 3166-1 country"),
    ("CS", "a former country (Serbia and Montenegro, 2003–2006; Czechoslovakia before 1993), not an ISO 3166-1 country"),
    ("YU", "a former country (Yugoslavia), not an ISO 3166-1 country"),
    ("SU", "a former country (the Soviet Union), not an ISO 3166-1 country"),
    ("DD", "a former country (the German Democratic Republic), not an ISO 3166-1 country"),
];

/// What [`not_a_country`] says of an aggregate.
const AGGREGATE: &str = "an aggregate, not a country";

/// Why a reporter or counterpart `code` is passed over: an aggregate, or an area that
/// is no country ([`AGGREGATES`], [`UNASSIGNED`], [`FORMER`], [`PARTS`]); `None` for a country's
/// code.
fn not_a_country(code: &str) -> Option<&'static str> {
    let upper = code.to_ascii_uppercase();
    let bytes = upper.as_bytes();
    let imf_group =
        bytes.len() == 4 && bytes[0] == b'G' && bytes[1..].iter().all(u8::is_ascii_digit);
    let euro_group = (upper.starts_with("EU") || upper.starts_with("EA"))
        && bytes.get(2).is_some_and(u8::is_ascii_digit);
    let lower = code.to_lowercase();
    if imf_group
        || euro_group
        || AGGREGATES.contains(&upper.as_str())
        || AGGREGATE_PREFIXES.iter().any(|p| upper.starts_with(p))
        || AGGREGATE_SUFFIXES.iter().any(|s| upper.ends_with(s))
        || (code.contains(' ') && AGGREGATE_LABELS.iter().any(|l| lower.starts_with(l)))
    {
        Some(AGGREGATE)
    } else if UNASSIGNED.contains(&upper.as_str()) {
        Some(
            "not a country (Eurostat's code for the high seas, stores and provisions or \
             countries not specified)",
        )
    } else if let Some((_, why)) = FORMER.iter().find(|(former, _)| *former == upper) {
        Some(why)
    } else if PARTS.contains(&upper.as_str()) {
        Some(
            "not a country (Eurostat's code for Ceuta, Melilla, Northern Ireland or Great \
             Britain, parts of Spain and the United Kingdom it counts apart)",
        )
    } else {
        None
    }
}

/// The side of the reporter a trade flow code says: exports (`2`, `X`, `EXP`) go from
/// it, imports (`1`, `M`, `IMP`) come to it; `None` for any other code.
fn flow_side(code: &str) -> Option<Side> {
    match code.to_ascii_uppercase().as_str() {
        "2" | "X" | "EXP" | "EXPORT" | "EXPORTS" => Some(Side::Origin),
        "1" | "M" | "IMP" | "IMPORT" | "IMPORTS" => Some(Side::Destination),
        _ => None,
    }
}

/// What a Comext value is, by its `indicators` code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Measure {
    /// The statistical value in euros (exports FOB, imports CIF).
    Euros,
    /// The net mass, stored in tonnes: the power of ten from its unit to the tonne
    /// (−1 for 100 kg, −3 for kg).
    Tonnes(i32),
}

impl Measure {
    /// The power of ten the value takes in `indicator`'s unit; the reason when the unit
    /// is another.
    fn power_in(self, indicator: &Resolved) -> Result<i32, String> {
        let (unit, power, what) = match self {
            Measure::Euros => ("EUR", 0, "a value in euros"),
            Measure::Tonnes(power) => ("t", power, "a net mass"),
        };
        if indicator.unit == unit {
            return Ok(power);
        }
        Err(format!(
            "is {what}, but {} is in {}: leave the dataflow out of the mapping to import Comext as \
             it is (exports_eur and imports_eur in EUR, exports_volume and imports_volume in \
             t), or map it to an indicator in {unit}",
            indicator.code, indicator.unit
        ))
    }
}

/// The [`Measure`] of a Comext `indicators` code; `Err(Some(reason))` for one passed
/// over, `Err(None)` for an unknown one.
///
/// `QUANTITY_IN_100KG` is in hundreds of kilograms, 0.1 t each: the decimal point moves
/// one place left (179163.77 × 100 kg is 17916.377 t exactly as written, not a
/// product of binary numbers).
fn comext_measure(code: &str) -> Result<Measure, Option<String>> {
    match code.to_ascii_uppercase().as_str() {
        "VALUE_IN_EUROS" | "VALUE_EUR" => Ok(Measure::Euros),
        "QUANTITY_IN_100KG" | "QUANTITY_100KG" => Ok(Measure::Tonnes(-1)),
        "QUANTITY_KG" | "QUANTITY_IN_KG" => Ok(Measure::Tonnes(-3)),
        "SUPPLEMENTARY_QUANTITY" | "SUP_QUANTITY" | "QUANTITY_SUPPL" => Err(Some(format!(
            "indicators {code}: supplementary units (pieces, litres, pairs …) differ from \
             product to product; no indicator holds them"
        ))),
        _ => Err(None),
    }
}

/// The currency of a `UNIT_MEASURE`: its code without Eurostat's `MIO_`/`THS_` prefix
/// and the OECD's `_EXC` suffix (`USD_EXC`: US dollars at market exchange rates).
fn currency_of(unit: &str) -> &str {
    let unit = unit
        .strip_prefix("MIO_")
        .or_else(|| unit.strip_prefix("THS_"))
        .unwrap_or(unit);
    unit.strip_suffix("_EXC").unwrap_or(unit)
}

/// Eurostat's trade indicators (the `indic_et` of `ext_lt_maineu`, `ext_lt_intratrd`
/// and the like), read without a mapping: their code says millions of euros.
const EUROSTAT_TRADE: [(&str, &str, Side, i32); 2] = [
    ("MIO_EXP_VAL", "exports_eur", Side::Origin, 6),
    ("MIO_IMP_VAL", "imports_eur", Side::Destination, 6),
];

/// The trade indicators the flow of a file may need: the catalogue's, and exports and
/// imports in euros, which it lacks (Eurostat publishes euros; the catalogue's
/// `exports` and `imports` are in US dollars, and a figure is never converted).
pub(crate) fn trade_indicator(code: &str) -> Result<Indicator> {
    if let Some(defined) = crate::builtin::catalogue()?
        .into_iter()
        .find(|i| i.code == code)
    {
        return Ok(defined);
    }
    let (name, description, phrase) = match code {
        "exports_eur" => (
            "Exports in euros",
            "Value in euros of goods exported from the origin country to the destination \
             country over the period, by product, as the exporter reports it (Eurostat: FOB).",
            "{product} exports in euros from {origin} to {destination}",
        ),
        "imports_eur" => (
            "Imports in euros",
            "Value in euros of goods imported by the destination country from the origin \
             country over the period, by product, as the importer reports it (Eurostat: CIF).",
            "Imports of {product} in euros into {destination} from {origin}",
        ),
        _ => return Err(Error::not_found("indicator", code)),
    };
    Ok(Indicator {
        code: code.to_owned(),
        name: name.to_owned(),
        unit: "EUR".to_owned(),
        kind: Kind::Flow,
        directed: true,
        signed: false,
        description: Some(description.to_owned()),
        topic: Topic::TRADE,
        phrase: Some(phrase.to_owned()),
    })
}

/// The power of ten a `UNIT_MULT` (or the IMF's `SCALE`) says: a whole number (`6`), or
/// the IMF's words (`Millions`).
fn unit_multiplier(text: &str) -> Option<i32> {
    if let Ok(power) = text.parse::<i32>() {
        return (power.abs() <= 24).then_some(power);
    }
    Some(match text.to_ascii_lowercase().as_str() {
        "units" | "unit" | "ones" => 0,
        "thousands" => 3,
        "millions" => 6,
        "billions" => 9,
        "trillions" => 12,
        _ => return None,
    })
}

/// The statuses of SDMX's `CL_OBS_STATUS` that say there is no value.
const MISSING_STATUSES: [&str; 5] = ["M", "L", "O", "H", "Q"];

/// The meaning of an `OBS_STATUS` code in SDMX's code list `CL_OBS_STATUS`.
fn obs_status_meaning(code: &str) -> Option<&'static str> {
    Some(match code {
        "A" => "normal value",
        "B" => "time series break",
        "D" => "definition differs",
        "E" => "estimated value",
        "F" => "forecast value",
        "G" => "experimental value",
        "H" => "missing value; holiday or weekend",
        "I" => "imputed value",
        "J" => "derogation",
        "L" => "missing value; data exist but were not collected",
        "M" => "missing value; data cannot exist",
        "N" => "not significant",
        "O" => "missing value",
        "P" => "provisional value",
        "Q" => "missing value; suppressed",
        "S" => "strike and other special events",
        "U" => "low reliability",
        _ => return None,
    })
}

/// The status and note of Eurostat's `OBS_FLAG`, one or more letters (`p`, `bep`): a
/// forecast is a projection, an estimate (`e`, or `s`, Eurostat's own) an estimate, a
/// provisional figure provisional, before the others; every other letter goes into the
/// note with its meaning.
fn eurostat_flags(flags: &str) -> (&'static str, Option<String>) {
    let has = |letter: char| flags.contains(letter);
    let status = if has('F') {
        "projection"
    } else if has('E') || has('S') {
        "estimate"
    } else if has('P') {
        "provisional"
    } else {
        "actual"
    };
    let notes: Vec<String> = flags
        .chars()
        .filter(|c| !"EFPS".contains(*c))
        .map(|c| {
            let meaning = match c {
                'B' => "break in time series",
                'C' => "confidential",
                'D' => "definition differs",
                'N' => "not significant",
                'R' => "revised",
                'U' => "low reliability",
                'Z' => "not applicable",
                _ => "a flag of Eurostat's",
            };
            format!("OBS_FLAG {}: {meaning}", c.to_ascii_lowercase())
        })
        .collect();
    (status, (!notes.is_empty()).then(|| notes.join("; ")))
}

fn status_note(code: &str, meaning: Option<&str>) -> String {
    match meaning {
        Some(meaning) => format!("OBS_STATUS {code}: {meaning}"),
        None => format!("OBS_STATUS {code}"),
    }
}

/// The `FREQ` codes checked against `TIME_PERIOD`; others (business days, hours) are
/// not.
const CHECKED_FREQUENCIES: [&str; 6] = ["A", "S", "Q", "M", "W", "D"];

fn frequency_name(code: &str) -> &'static str {
    match code {
        "A" => "annual",
        "S" => "half-yearly",
        "Q" => "quarterly",
        "M" => "monthly",
        "W" => "weekly",
        _ => "daily",
    }
}

fn form_name(form: char) -> &'static str {
    match form {
        'A' => "a year",
        'S' => "a half year",
        'T' => "a trimester (four months)",
        'Q' => "a quarter",
        'M' => "a month",
        'W' => "a week",
        _ => "a day",
    }
}

const SDMX_FORMS: &str = "expected an SDMX time period: 2024, 2024-A1, 2024-S1, 2024-T1, \
     2024-Q1, 2024-M08, 2024-08, 2024-W05, 2024-D123, 2024-08-15, or a range 2025-01-01/P8M \
     or 2024-01-01/2024-08-31";

/// A `TIME_PERIOD` in any SDMX form as a period, with the letter of the frequency its
/// form says (`None` for ranges); the reason when it is not one.
fn sdmx_period(text: &str) -> Result<(Period, Option<char>), String> {
    let (start, end, form) = match text.split_once('/') {
        Some((first, second)) => {
            let (start, _, _) = single_period(first)?;
            let end = match second.trim().strip_prefix('P') {
                Some(duration) => end_after(start, duration)?,
                None => single_period(second)?.1,
            };
            if end < start {
                return Err("ends before it starts".to_owned());
            }
            (start, end, None)
        }
        None => {
            let (start, end, form) = single_period(text)?;
            (start, end, Some(form))
        }
    };
    if start.year() < 1000 || end.year() > 9999 {
        return Err("is outside the years 1000 to 9999".to_owned());
    }
    Ok((Period::new(start, end).map_err(|e| e.to_string())?, form))
}

/// One SDMX period that is not a range: its first and last day and its form's letter.
fn single_period(text: &str) -> Result<(Date, Date, char), String> {
    let text = text.trim();
    let generic = || format!("is not a period: {SDMX_FORMS}");
    if !text.is_ascii() {
        return Err(generic());
    }
    // A date-time is an instant of its day.
    if text.len() > 10 && text.as_bytes()[10] == b'T' {
        let (start, end, _) = single_period(&text[..10])?;
        return Ok((start, end, 'D'));
    }
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let (year_text, rest) = text.split_at_checked(4).ok_or_else(generic)?;
    if !digits(year_text, 4) {
        return Err(generic());
    }
    let year: i32 = year_text.parse().map_err(|_| generic())?;
    let month = |n: u32| {
        u8::try_from(n)
            .ok()
            .and_then(|n| Month::try_from(n).ok())
            .ok_or_else(|| format!("month {n:02} is not 01 to 12"))
    };
    let months = |first: u32, count: u32, form: char| -> Result<(Date, Date, char), String> {
        let start = Date::from_calendar_date(year, month(first)?, 1).map_err(|e| e.to_string())?;
        let last = month(first + count - 1)?;
        let end =
            Date::from_calendar_date(year, last, last.length(year)).map_err(|e| e.to_string())?;
        Ok((start, end, form))
    };
    if rest.is_empty() {
        return months(1, 12, 'A');
    }
    let rest = rest.strip_prefix('-').ok_or_else(generic)?;
    let (letter, number) = rest.split_at_checked(1).ok_or_else(generic)?;
    let numbered = |n: usize, low: u32, high: u32, what: &str| -> Result<u32, String> {
        let value: u32 = if digits(number, n) {
            number.parse().map_err(|_| generic())?
        } else {
            return Err(generic());
        };
        if (low..=high).contains(&value) {
            Ok(value)
        } else {
            Err(format!(
                "{letter}{number} is not a {what} ({low} to {high})"
            ))
        }
    };
    match letter {
        "A" => {
            numbered(1, 1, 1, "year")?;
            months(1, 12, 'A')
        }
        "S" => months((numbered(1, 1, 2, "half year")? - 1) * 6 + 1, 6, 'S'),
        "T" => months((numbered(1, 1, 3, "trimester")? - 1) * 4 + 1, 4, 'T'),
        "Q" => months((numbered(1, 1, 4, "quarter")? - 1) * 3 + 1, 3, 'Q'),
        "M" => months(numbered(2, 1, 12, "month")?, 1, 'M'),
        "W" => {
            let week = numbered(2, 1, 53, "week")? as u8;
            let monday = Date::from_iso_week_date(year, week, Weekday::Monday)
                .map_err(|_| format!("{year} has no week {week}"))?;
            Ok((monday, monday + Duration::days(6), 'W'))
        }
        "D" => {
            let day = numbered(3, 1, 366, "day of the year")? as u16;
            let date = Date::from_ordinal_date(year, day)
                .map_err(|_| format!("{year} has no day {day}"))?;
            Ok((date, date, 'D'))
        }
        _ if digits(rest, 2) => months(rest.parse().map_err(|_| generic())?, 1, 'M'),
        _ if rest.len() == 5 && digits(&rest[..2], 2) && digits(&rest[3..], 2) => {
            let date = time::Date::parse(
                text,
                time::macros::format_description!("[year]-[month]-[day]"),
            )
            .map_err(|_| format!("{text} is not a date in the calendar"))?;
            Ok((date, date, 'D'))
        }
        _ => Err(generic()),
    }
}

/// The last day of a span starting on `start` and lasting the ISO 8601 `duration`
/// (written after its `P`): `8M` from 1 January 2025 ends on 31 August 2025.
fn end_after(start: Date, duration: &str) -> Result<Date, String> {
    let bad = |why: &str| format!("P{duration} is not a duration the store can hold: {why}");
    let (mut months, mut days) = (0i64, 0i64);
    let mut number = String::new();
    let mut in_time = false;
    for c in duration.chars() {
        match c {
            '0'..='9' => number.push(c),
            'T' if number.is_empty() => in_time = true,
            'Y' | 'M' | 'W' | 'D' | 'H' | 'S' if !number.is_empty() => {
                let n: i64 = number
                    .parse()
                    .map_err(|_| bad("its numbers are whole numbers"))?;
                number.clear();
                match (in_time, c) {
                    (false, 'Y') => months += 12 * n,
                    (false, 'M') => months += n,
                    (false, 'W') => days += 7 * n,
                    (false, 'D') => days += n,
                    (true, 'H' | 'M' | 'S') if n == 0 => {}
                    (true, _) => return Err(bad("the store holds whole days, not hours")),
                    _ => return Err(bad("expected years, months, weeks and days (P1Y2M10D)")),
                }
            }
            _ => return Err(bad("expected years, months, weeks and days (P1Y2M10D)")),
        }
    }
    if !number.is_empty() {
        return Err(bad("a number lacks its unit"));
    }
    if months == 0 && days == 0 {
        return Err(bad("it is empty"));
    }
    let total = i64::from(start.year()) * 12 + i64::from(u8::from(start.month())) - 1 + months;
    let year = i32::try_from(total.div_euclid(12)).map_err(|_| bad("it is too long"))?;
    let month = Month::try_from((total.rem_euclid(12) + 1) as u8).map_err(|e| e.to_string())?;
    let day = start.day().min(month.length(year));
    let moved = Date::from_calendar_date(year, month, day).map_err(|_| bad("it is too long"))?;
    moved
        .checked_add(Duration::days(days - 1))
        .ok_or_else(|| bad("it is too long"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(text: &str) -> String {
        sdmx_period(text).unwrap().0.to_string()
    }

    #[test]
    fn mirror_pairs_are_directed_flows_of_one_unit_in_the_catalogue() {
        use crate::builtin::{mirror_of, MIRROR_PAIRS};
        // The catalogue's definitions, and Eurostat's pair in euros, which this import
        // adds where a file needs it.
        let entry = |code: &str| trade_indicator(code).unwrap();
        for (exports, imports) in MIRROR_PAIRS {
            let (x, m) = (entry(exports), entry(imports));
            assert!(x.directed && m.directed, "{exports} {imports}");
            assert_eq!((x.kind, x.unit, x.topic), (m.kind, m.unit, m.topic));
            assert_eq!(mirror_of(exports), Some(imports));
            assert_eq!(mirror_of(imports), Some(exports));
        }
        assert_eq!(mirror_of("trade_turnover"), None);
    }

    #[test]
    fn every_sdmx_form_becomes_the_span_it_names() {
        let cases = [
            ("2024", "2024"),
            ("2024-A1", "2024"),
            ("2024-S2", "2024-H2"),
            ("2024-T2", "2024-05/2024-08"), // the second four months: May–August
            ("2024-Q3", "2024-Q3"),
            ("2024-M08", "2024-08"),
            ("2024-08", "2024-08"),
            ("2024-D060", "2024-02-29"), // 31 days of January + 29th of February
            ("2024-08-15", "2024-08-15"),
            ("2024-08-15T10:30:00", "2024-08-15"),
            ("2025-01-01/P8M", "2025-01/2025-08"),
            ("2025-01-01/P1Y", "2025"),
            ("2025-01-01/P10D", "2025-01-01/2025-01-10"),
            ("2025-01-01/P1W", "2025-01-01/2025-01-07"),
            ("2024-01-01/2024-08-31", "2024-01/2024-08"),
            ("2024-Q1/2024-Q2", "2024-H1"),
        ];
        for (text, canonical) in cases {
            assert_eq!(period(text), canonical, "{text}");
        }
        // ISO week 1 of 2025 starts on Monday 30 December 2024 (1 January 2025 is a
        // Wednesday, so the week holding the year's first Thursday starts two days
        // before it).
        assert_eq!(period("2025-W01"), "2024-12-30/2025-01-05");
    }

    #[test]
    fn forms_the_store_cannot_hold_are_reasons() {
        for text in [
            "2024-S3",
            "2024-Q5",
            "2024-M13",
            "2023-W53",
            "2023-D366",
            "2024-B1",
            "24",
            "2024-01-01/PT12H",
            "2024-01-01/P",
            "2024-02-30",
        ] {
            assert!(sdmx_period(text).is_err(), "{text}");
        }
    }

    #[test]
    fn scaling_moves_the_decimal_exponent() {
        assert_eq!(scaled("123.4", 6), Some(123_400_000.0));
        assert_eq!(scaled("1.5e2", 3), Some(150_000.0));
        assert_eq!(scaled("2500", -3), Some(2.5));
    }

    #[test]
    fn a_dataflow_becomes_a_source_id() {
        assert_eq!(source_id("IMF:DOT(1.0)").unwrap(), "imf-dot-1.0");
        assert_eq!(
            source_id("IMF.STA:IMTS(1.0.0)").unwrap(),
            "imf.sta-imts-1.0.0"
        );
        assert_eq!(
            source_id("ESTAT:DS-045409(1.0)").unwrap(),
            "estat-ds-045409-1.0"
        );
        assert_eq!(source_id("::"), None);
    }

    #[test]
    fn the_delimiter_follows_the_first_name() {
        assert_eq!(delimiter_of("DATAFLOW,REF_AREA").unwrap(), b',');
        assert_eq!(
            delimiter_of("\u{feff}STRUCTURE;STRUCTURE_ID").unwrap(),
            b';'
        );
        assert_eq!(delimiter_of("STRUCTURE[;],STRUCTURE_ID").unwrap(), b',');
        assert_eq!(delimiter_of("STRUCTURE[|];STRUCTURE_ID").unwrap(), b';');
        assert!(delimiter_of("indicator,origin").is_err());
    }
}
