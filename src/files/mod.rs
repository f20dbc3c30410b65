//! Files in and out of a store: the library's own CSV ([`csv`]), the whole store as
//! a dataset file ([`Store::export_json`], [`Store::import_json`]), and:
//!
//! - SDMX-CSV data messages of the IMF, OECD, Eurostat and the ECB ([`sdmx`]);
//! - UN Comtrade's CSV of trade by partner and product ([`comtrade`]);
//! - the IMF's legacy Direction of Trade Statistics CSV, one column per period
//!   ([`imf_dots`]);
//! - with the `parquet` feature, observations out as Parquet for DuckDB, Polars and
//!   Spark (`parquet`, `Store::export_parquet`).
//!
//! Every import is one transaction: all of a file's rows or none. An import reads the
//! file into rows first (a bad cell is an error naming the file's line as its record
//! and the column as its field), then checks and writes them through the same path as
//! [`Store::add_batch`]. [`ImportOptions`] say what to do with a row already stored and
//! take a callback told how far the import has got; the store's interrupt check (see
//! [`Store::set_interrupt_check`]) stops it at any stage, leaving the store as it was.
//! The [`ImportSummary`] says what was read, written and skipped, and why.
//!
//! ```
//! use bilateral::files::{Format, ImportOptions};
//! use bilateral::Store;
//!
//! let dir = tempfile::tempdir().unwrap();
//! let path = dir.path().join("mine.csv");
//! std::fs::write(&path, "indicator,origin,destination,period,value\n\
//!                        tourists,GEO,ARM,2024,1200000\n")?;
//! assert_eq!(Format::of_file(&path)?, Format::Csv);
//!
//! let mut store = Store::in_memory()?;
//! let summary = store.import_file(&path, None, &ImportOptions::default())?;
//! assert_eq!((summary.rows_read(), summary.figures_written()), (1, 1));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod comtrade;
pub mod csv;
pub mod imf_dots;
mod json;
mod lines;
#[cfg(feature = "parquet")]
#[cfg_attr(docsrs, doc(cfg(feature = "parquet")))]
pub mod parquet;
pub mod sdmx;

use std::fmt;
use std::io::Read;
use std::path::Path;

use serde::Serialize;

pub(crate) use self::lines::UnixLineEndings;
pub(crate) use crate::error::{at_line, io_error};
pub(crate) use crate::store::Watch;
// Progress reports belong to the store, which gives them on every long write (a
// dataset loaded too); they are still here, where the importers first had them.
pub use crate::store::{Progress, Stage, ROWS_BETWEEN_REPORTS};

use crate::error::{Error, Result};
use crate::model::{Dataset, OnMissing};
use crate::store::{OnDuplicate, Store};

/// A file format the store reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// The library's own CSV of observations ([`csv`]).
    Csv,
    /// A dataset file: the whole store as JSON ([`Store::export_json`]).
    Json,
    /// An SDMX-CSV data message, version 1 or 2 ([`sdmx`]).
    Sdmx,
    /// UN Comtrade's CSV of trade by partner and product ([`comtrade`]).
    Comtrade,
    /// The IMF's legacy Direction of Trade Statistics CSV ([`imf_dots`]).
    ImfDots,
}

impl Format {
    /// Every format, in the order [`Format::guess`] tries them.
    pub const ALL: [Format; 5] = [
        Format::Json,
        Format::Sdmx,
        Format::Comtrade,
        Format::ImfDots,
        Format::Csv,
    ];

    /// The code the command line and Python take: `csv`, `json`, `sdmx`, `comtrade` or
    /// `imf-dots`.
    pub fn code(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Sdmx => "sdmx",
            Format::Comtrade => "comtrade",
            Format::ImfDots => "imf-dots",
        }
    }

    /// The format its code names.
    pub fn from_code(code: &str) -> Result<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.code() == code.trim().to_ascii_lowercase())
            .ok_or_else(|| {
                let codes: Vec<&str> = Format::ALL.iter().map(|f| f.code()).collect();
                Error::invalid(
                    "format",
                    code,
                    format!("is not one of {}", codes.join(", ")),
                )
            })
    }

    /// The format a file's beginning shows: JSON starts with `{`; a CSV is told by the
    /// names in its header. `None` when nothing matches.
    pub fn guess(beginning: &str) -> Option<Format> {
        let text = beginning.trim_start_matches('\u{feff}').trim_start();
        if text.starts_with('{') {
            return Some(Format::Json);
        }
        let header = text.lines().next().unwrap_or_default();
        let names: Vec<&str> = header
            .split([',', ';', '\t'])
            .map(|n| n.trim().trim_matches('"'))
            .collect();
        let has = |name: &str| names.contains(&name);
        // SDMX-CSV: DATAFLOW (version 1) or STRUCTURE, STRUCTURE[;] (version 2) first.
        let first = names
            .first()
            .map(|n| n.to_ascii_uppercase())
            .unwrap_or_default();
        if first == "DATAFLOW" || first.starts_with("STRUCTURE") {
            return Some(Format::Sdmx);
        }
        if comtrade::has_columns(&names) {
            return Some(Format::Comtrade);
        }
        if imf_dots::REQUIRED_COLUMNS.iter().all(|n| has(n)) {
            return Some(Format::ImfDots);
        }
        if csv::REQUIRED_COLUMNS.iter().all(|n| has(n)) {
            return Some(Format::Csv);
        }
        None
    }

    /// The format of the file at `path`, guessed from its first 64 KiB (of its text,
    /// when it is gzipped); an error naming the file when nothing matches, when it is
    /// empty or UTF-16 text (saying so, rather than showing garbage), or when it is UN
    /// Comtrade's error reply to a query rather than data.
    pub fn of_file(path: impl AsRef<Path>) -> Result<Format> {
        let path = path.as_ref();
        let mut beginning = Vec::with_capacity(BYTES_TO_GUESS_FROM);
        std::fs::File::open(path)
            .and_then(|f| {
                f.take(BYTES_TO_GUESS_FROM as u64)
                    .read_to_end(&mut beginning)
            })
            .map_err(|source| io_error(path, source))?;
        // A gzipped file (a Comtrade bulk file) is guessed from its text; one cut short
        // gives what it holds up to the cut.
        if comtrade::is_gzip(&beginning) {
            let mut text = Vec::with_capacity(BYTES_TO_GUESS_FROM);
            let gzipped = flate2::bufread::MultiGzDecoder::new(&beginning[..]);
            let _ = gzipped
                .take(BYTES_TO_GUESS_FROM as u64)
                .read_to_end(&mut text);
            beginning = text;
        }
        check_beginning(path, &beginning)?;
        let text = String::from_utf8_lossy(&beginning);
        if let Some(reply) = comtrade::error_reply(&text) {
            return Err(comtrade::error_reply_error(reply));
        }
        Format::guess(&text).ok_or_else(|| {
            let first_line = text.lines().next().unwrap_or_default();
            Error::invalid(
                "format",
                first_line,
                format!(
                    "is not the beginning of a file of a known format ({}): give the format",
                    Format::ALL.map(Format::code).join(", ")
                ),
            )
            .at_record(1)
        })
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Refuses a file that cannot be read as CSV text at all, saying why, from its first
/// bytes: an empty file (or one of blank lines), and UTF-16 text (Excel's "Unicode
/// text", PowerShell's `Out-File`), which read byte by byte is garbage between NUL
/// bytes. The readers and [`Format::of_file`] all ask it first.
pub(crate) fn check_beginning(path: &Path, beginning: &[u8]) -> Result<()> {
    let text = beginning.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(beginning);
    if text.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::invalid(
            "file",
            path.display().to_string(),
            "is empty: it has no header line and no rows",
        ));
    }
    let utf16 = match text {
        [0xFF, 0xFE, ..] => "UTF-16 little-endian, byte order mark FF FE",
        [0xFE, 0xFF, ..] => "UTF-16 big-endian, byte order mark FE FF",
        [a, 0, ..] if a.is_ascii_graphic() => "UTF-16 little-endian",
        [0, a, ..] if a.is_ascii_graphic() => "UTF-16 big-endian",
        _ => return Ok(()),
    };
    Err(Error::invalid(
        "file",
        path.display().to_string(),
        format!(
            "is UTF-16 text ({utf16}), which is not read: save it as UTF-8 (in Excel \
             \"CSV UTF-8\", in a text editor the encoding UTF-8) and import that"
        ),
    )
    .at_record(HEADER_LINE))
}

/// The line of a CSV file's header.
const HEADER_LINE: usize = 1;

/// How much of a file [`Format::of_file`] reads to guess its format.
const BYTES_TO_GUESS_FROM: usize = 64 * 1024;

/// What an import does with rows already stored and rows without a value, and whom it
/// tells how far it has got.
#[derive(Default)]
pub struct ImportOptions<'a> {
    /// What to do with a row whose identity is already stored.
    pub on_duplicate: OnDuplicate,
    /// What to do with a row of the library's own CSV whose value cell is empty or holds
    /// a mark of a missing value (`..`, `:`, `-`, `x`, `n/a` …): an error naming the
    /// line and the mark (the default), or pass over the row, counted in the summary
    /// by mark ("value is missing (`..`)"); so too for such a mark in an SDMX file's
    /// `OBS_VALUE`. SDMX and Comtrade files otherwise say in their own way which rows
    /// have no value (an empty cell), and their importers skip them as they describe.
    pub missing: OnMissing,
    /// Told how far the import has got (see [`Progress`]); returning `false` stops the
    /// import with [`Error::Interrupted`], leaving the store as it was (as a
    /// `transfer_progress` callback cancels a fetch in git2).
    pub progress: Option<&'a dyn Fn(Progress) -> bool>,
}

impl fmt::Debug for ImportOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ImportOptions")
            .field("on_duplicate", &self.on_duplicate)
            .field("missing", &self.missing)
            .field("progress", &self.progress.map(|_| "callback"))
            .finish()
    }
}

/// Rows of a file an import passed over, all for one reason; or, for the reasons
/// "already stored" and a UN Comtrade row's missing net weight, figures (see
/// [`Skipped::counts`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// Why, in words: "already stored", "partner World is an aggregate".
    pub reason: String,
    /// How many rows; for figures passed over (see [`Skipped::counts`]), how many
    /// figures (a UN Comtrade row gives two, its value and its net weight).
    pub rows: usize,
    /// The file's line of the first of them (0 where a file has no lines to name: the
    /// observations of a dataset file).
    pub first_line: usize,
}

impl Skipped {
    /// What [`Skipped::rows`] counts: `"figures"` for figures already stored (which
    /// the store, not the file, passed over) and for UN Comtrade net weights not
    /// reported (the row's value is stored, its weight is not), `"rows"` for every
    /// other reason.
    pub fn counts(&self) -> &'static str {
        if self.reason == ALREADY_STORED || self.reason == comtrade::NET_WEIGHT_NOT_REPORTED {
            "figures"
        } else {
            "rows"
        }
    }
}

/// The reason of figures an import passed over because they were stored already.
const ALREADY_STORED: &str = "already stored";

/// What an import read, wrote and passed over. A file's row may give more than one
/// figure (a UN Comtrade row gives its value and its net weight), so rows read and
/// figures written are counted apart: [`ImportSummary::rows_read`] and
/// [`ImportSummary::figures_written`] say which is which.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// The format the file was read as.
    pub format: Option<&'static str>,
    /// Data rows read from the file (the header not counted), as
    /// [`ImportSummary::rows_read`] gives it; read that, whose name says what it
    /// counts (this field stays for the 0.x releases to come).
    pub read: usize,
    /// Figures (observations) written, added or replacing a stored one, as
    /// [`ImportSummary::figures_written`] gives it; read that (this field stays for
    /// the 0.x releases to come).
    pub written: usize,
    /// Rows passed over, by reason, in the order the reasons were first met (for
    /// "already stored" and net weights not reported, figures: see
    /// [`Skipped::counts`]).
    pub skipped: Vec<Skipped>,
}

impl ImportSummary {
    /// Data rows read from the file, the header not counted (a row read may give no
    /// figure, one, or two).
    pub fn rows_read(&self) -> usize {
        self.read
    }

    /// Figures written to the store: added, or replacing a stored one.
    pub fn figures_written(&self) -> usize {
        self.written
    }

    /// Rows of the file passed over for reasons of the file (an aggregate partner, a
    /// missing value …); figures already stored are not among them.
    pub fn rows_skipped(&self) -> usize {
        self.skipped
            .iter()
            .filter(|s| s.counts() == "rows")
            .map(|s| s.rows)
            .sum()
    }

    /// Figures the store passed over because it held them already
    /// ([`OnDuplicate::Skip`]).
    pub fn figures_already_stored(&self) -> usize {
        self.skipped
            .iter()
            .filter(|s| s.reason == ALREADY_STORED)
            .map(|s| s.rows)
            .sum()
    }

    /// Rows passed over for all reasons, and figures already stored, added together
    /// (as before [`ImportSummary::rows_skipped`] and
    /// [`ImportSummary::figures_already_stored`] told them apart; in a file of one
    /// figure per row, such as the library's own CSV, both are rows). UN Comtrade
    /// net weights not reported, figures of rows whose value is stored, are not
    /// among them.
    pub fn skipped_rows(&self) -> usize {
        self.rows_skipped() + self.figures_already_stored()
    }

    /// Records that `written` of the `given` figures were written: the others were
    /// already stored (and skipped, as `on_duplicate` said). Which ones is not told, so
    /// their `first_line` is the line of the first figure given (0 for a file without
    /// lines).
    pub(crate) fn written_of(&mut self, given: usize, written: usize, first_line: usize) {
        self.written = written;
        if written < given {
            match self.skipped.iter_mut().find(|s| s.reason == ALREADY_STORED) {
                Some(s) => s.rows += given - written,
                None => self.skipped.push(Skipped {
                    reason: ALREADY_STORED.to_owned(),
                    rows: given - written,
                    first_line,
                }),
            }
        }
    }

    /// Counts one more row passed over for `reason`, at `line`.
    pub fn skip(&mut self, reason: &str, line: usize) {
        match self.skipped.iter_mut().find(|s| s.reason == reason) {
            Some(s) => s.rows += 1,
            None => self.skipped.push(Skipped {
                reason: reason.to_owned(),
                rows: 1,
                first_line: line,
            }),
        }
    }
}

impl Store {
    /// Imports the file at `path` in `format` (guessed from its beginning when `None`,
    /// see [`Format::of_file`]) all or nothing.
    pub fn import_file(
        &mut self,
        path: impl AsRef<Path>,
        format: Option<Format>,
        options: &ImportOptions,
    ) -> Result<ImportSummary> {
        let path = path.as_ref();
        let format = match format {
            Some(format) => format,
            None => Format::of_file(path)?,
        };
        let mut summary = match format {
            Format::Csv => self.import_csv(path, options)?,
            Format::Sdmx => self.import_sdmx_csv(path, &sdmx::SdmxMapping::imf(), options)?,
            Format::Comtrade => self.import_comtrade_csv(path, options)?,
            Format::ImfDots => self.import_imf_dots_csv(path, options)?,
            Format::Json => {
                let dataset = Dataset::from_path(path)?;
                let read = dataset.observations.len();
                let loaded = self.load_with(&dataset, options.on_duplicate, options.progress)?;
                let mut summary = ImportSummary {
                    read,
                    ..ImportSummary::default()
                };
                summary.written_of(read, loaded.observations, 0);
                summary
            }
        };
        summary.format = Some(format.code());
        Ok(summary)
    }
}
