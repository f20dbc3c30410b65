//! The crate's one error type.

use std::fmt;
use std::path::Path;
use std::time::Duration;

/// How long a call waits for another connection's write to end before it fails with
/// [`Error::Busy`]: writers queue rather than fail at once. The store sets it on every
/// connection; it is defined here, beside the error that cites it, so that this module
/// uses no other (also at its old path, `bilateral::store::BUSY_TIMEOUT`).
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Everything that can go wrong in `bilateral`.
///
/// Input problems are [`Error::Validation`] (the field, the record and the offending text),
/// a missing series or name is [`Error::NotFound`], a repeated observation is
/// [`Error::Duplicate`], a database written by a newer version of the library is
/// [`Error::Schema`], a call on a closed store [`Error::Closed`], a call its
/// interrupt check stopped [`Error::Interrupted`], one that waited too long for
/// another writer [`Error::Busy`], and one that found the disk full [`Error::Full`].
/// The Python layer maps these onto `ValidationError`, `DuplicateError`,
/// `NotFoundError`, `SchemaError`, `ClosedError`, `KeyboardInterrupt`, `BusyError` and
/// `OSError` (ENOSPC) in one place (`src/python/errors.rs`).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An input value was rejected; see [`ValidationError`].
    #[error(transparent)]
    Validation(Box<ValidationError>),
    /// Something that was asked for is not in the store.
    #[error("{what} not found: {key}")]
    NotFound {
        /// What kind of thing was looked up (`"indicator"`, `"dataset"`, `"observation"` …).
        what: &'static str,
        /// The name or description that was not found, with the library's hint ("did
        /// you mean …", the names it has): shown whole, so the text a caller gave is
        /// shortened in it where it is put in (see [`Error::not_found`]).
        key: String,
    },
    /// An observation with the same indicator, pair, product, period, status and source
    /// (or an event with the same date, pair, kind and title) is already stored or
    /// comes twice in one batch; with [`OnDuplicate::Skip`](crate::store::OnDuplicate::Skip),
    /// one whose figure differs from the stored one.
    #[error("{}duplicate {what}: {key} {}", record_prefix(*.record), duplicate_advice(what, conflict.as_deref()))]
    Duplicate {
        /// `"observation"` or `"event"`.
        what: &'static str,
        /// Index of the offending record in a batch, if the call took several records.
        record: Option<usize>,
        /// The identifying fields of the record, readable, shown whole: codes (at most
        /// 64 characters each), countries and a period; an event's title or a claim's
        /// words quoted and cut to 80 characters.
        key: String,
        /// The stored figure, readable, when it differs from the given one (a skip
        /// passes over identical figures only): `stored: …`; or, when the batch itself
        /// gives the identity twice with different figures, both records and their
        /// figures (`record 0: …; record 1: …`).
        conflict: Option<String>,
    },
    /// The database file does not have a layout this version of the library can use.
    #[error("schema: {0}")]
    Schema(String),
    /// A data file shipped with the library could not be read (a packaging defect).
    #[error("built-in data {name}: {message}")]
    BuiltinData {
        /// The file's name.
        name: &'static str,
        /// What was wrong with it.
        message: String,
    },
    /// A file the call was given could not be read (a dataset file that does not
    /// exist, say); Python raises the `OSError` of its kind (`FileNotFoundError` …).
    #[error("{}: {source}", shortened(path))]
    Io {
        /// The file, as given.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The store was closed; it takes no more calls. Only the Python binding raises it
    /// (`Store.close()` there ends the connection while the Python object lives on): a
    /// Rust [`Store`](crate::Store) is closed by dropping it, after which no call can
    /// reach it, so Rust code never sees this error.
    #[error("the store is closed")]
    Closed,
    /// A value could not be turned into JSON or another serial form (a defect, since
    /// every type the crate serialises is plain data).
    #[error("serialisation of {what}: {message}")]
    Serialization {
        /// What was being serialised (`"report"`, `"chart"` …).
        what: &'static str,
        /// What went wrong.
        message: String,
    },
    /// The call was stopped by the store's interrupt check (Ctrl-C in Python) before
    /// it finished; it changed nothing.
    #[error("interrupted")]
    Interrupted,
    /// Another connection held the store's write lock for longer than
    /// [`BUSY_TIMEOUT`]: the call waited in the queue of
    /// writers, gave up, and changed nothing. Trying again later is safe.
    #[error("the store is busy: another connection kept it locked for over {} s; nothing was written", BUSY_TIMEOUT.as_secs())]
    Busy,
    /// The disk (or the database's page limit) was full: the call was rolled back and
    /// changed nothing; once there is room, the store takes writes again. Python raises
    /// `OSError` with `errno.ENOSPC`, as a full disk does elsewhere.
    #[error("the disk is full (SQLite could not grow the store's file); nothing was written")]
    Full,
    /// An error from SQLite that no other variant explains.
    #[error("sqlite: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Error {
        // SQLite stops a statement when the store's interrupt check asks it to.
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::OperationInterrupted) => Error::Interrupted,
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                Error::Busy
            }
            Some(rusqlite::ErrorCode::DiskFull) => Error::Full,
            // A damaged file is not a store this version can use, found when opening it
            // or only when a read reaches the damaged page.
            Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => {
                Error::Schema(format!(
                    "the file is damaged or not a SQLite database ({error}); restore it from a \
                     copy"
                ))
            }
            // A stored value the library cannot read back (a qualifier number, a period
            // or day number out of range, text where a number belongs) was not written
            // by it: the file was changed by another program.
            _ if matches!(
                error,
                rusqlite::Error::FromSqlConversionFailure(..)
                    | rusqlite::Error::InvalidColumnType(..)
                    | rusqlite::Error::IntegralValueOutOfRange(..)
            ) =>
            {
                Error::Schema(format!(
                    "a stored value is not as bilateral writes it ({error}): the file was \
                     changed by another program"
                ))
            }
            _ => Error::Sqlite(error),
        }
    }
}

/// An input value that was rejected, with enough context to find and fix it: what is
/// wrong as data ([`kind`](ValidationError::kind), [`field`](ValidationError::field),
/// [`suggestion`](ValidationError::suggestion)) and as a sentence (its `Display`).
///
/// ```
/// use bilateral::{ErrorKind, NewObservation, Store};
/// use bilateral::error::field;
///
/// let mut store = Store::demo()?;
/// let slip = NewObservation::new("tourists", "Kazakstan", "AZE", "2024", 1.0);
/// let error = store.add(&slip).unwrap_err();
/// let invalid = error.validation().unwrap();
/// assert_eq!(invalid.kind, ErrorKind::UnknownCountry);
/// assert_eq!(invalid.field, field::ORIGIN);
/// assert_eq!(invalid.suggestion.as_deref(), Some("KAZ"));
/// # Ok::<(), bilateral::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ValidationError {
    /// The field that held the value: one of the constants of [`field`] for the
    /// library's own records and arguments, or a file's column name for an import.
    pub field: String,
    /// Index of the record in a batch (`add_many`, a dataset), when there was a batch.
    pub record: Option<usize>,
    /// The offending text, as given.
    pub text: String,
    /// Why it was rejected.
    pub reason: String,
    /// What is wrong, for a program to branch on (the message is for people).
    pub kind: ErrorKind,
    /// The value the library suggests instead (a misspelt country's alpha-3 code, an
    /// indicator code near the one given), when one is close enough to be a slip; the
    /// message says it too ("did you mean …").
    pub suggestion: Option<String>,
}

/// What went wrong, as a program branches on it: [`Error::kind`] for every error,
/// [`ValidationError::kind`] for a rejected input. New kinds may come in a minor
/// release (the enum is `#[non_exhaustive]`); a kind the library does not single out
/// is [`ErrorKind::Invalid`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A country that is not in ISO 3166-1 by any code or name the store knows.
    UnknownCountry,
    /// The same country on both sides of a pair.
    SameCountry,
    /// A period (or date) that does not parse, or periods that cannot be compared.
    BadPeriod,
    /// An indicator code the store does not have.
    UnknownIndicator,
    /// A source id the store does not have.
    UnknownSource,
    /// A qualifier that is none of exact, approx, over, nearly, under (or their words).
    BadQualifier,
    /// A status that is none of actual, estimate, provisional, target, projection.
    BadStatus,
    /// A value that is not a finite number, or is negative for an unsigned indicator.
    BadValue,
    /// A number given as text with thousands separators (`1,234`), as a CSV read
    /// without its thousands separator set leaves it; the suggestion is the separator
    /// (`","` or `" "`).
    ThousandsSeparators,
    /// A mark of a missing value (`..`, `n/a`, `-`) that made a column of numbers
    /// text, as a file read without that mark as a missing value leaves it; the
    /// suggestion is the mark.
    MissingMarkAsText,
    /// A code of an SDMX file (an `INDICATOR` code, or the dataflow of a file without
    /// that column) that is no indicator of the store and that the mapping does not map
    /// to one; the suggestion is the code, when the error is about one code.
    UnmappedCode,
    /// Any other rejected input: the field and reason say which.
    Invalid,
    /// A figure or event already stored, or given twice ([`Error::Duplicate`]).
    Duplicate,
    /// Something asked for is not in the store ([`Error::NotFound`]).
    NotFound,
    /// The store's file is of a newer version, damaged or changed by another program
    /// ([`Error::Schema`]).
    Schema,
    /// A file could not be read or written ([`Error::Io`]).
    Io,
    /// The store was closed ([`Error::Closed`], from Python only).
    Closed,
    /// The interrupt check stopped the call ([`Error::Interrupted`]).
    Interrupted,
    /// Another writer held the store too long ([`Error::Busy`]).
    Busy,
    /// The disk is full ([`Error::Full`]).
    Full,
    /// A defect or an SQLite error no other kind explains.
    Other,
}

/// The names [`ValidationError::field`] gives the fields of the library's own records
/// and arguments, so that a program compares with a constant rather than a string it
/// found by running. An import names a file's own column instead.
pub mod field {
    /// A figure's indicator code.
    pub const INDICATOR: &str = "indicator";
    /// A figure's or claim's origin country.
    pub const ORIGIN: &str = "origin";
    /// A figure's or claim's destination country.
    pub const DESTINATION: &str = "destination";
    /// A figure's period.
    pub const PERIOD: &str = "period";
    /// A figure's value.
    pub const VALUE: &str = "value";
    /// A figure's qualifier.
    pub const QUALIFIER: &str = "qualifier";
    /// A figure's status.
    pub const STATUS: &str = "status";
    /// A figure's or event's source id.
    pub const SOURCE: &str = "source";
    /// A figure's product code.
    pub const PRODUCT: &str = "product";
    /// A figure's unit.
    pub const UNIT: &str = "unit";
    /// A figure's explicit lower bound.
    pub const LOW: &str = "low";
    /// A figure's explicit upper bound.
    pub const HIGH: &str = "high";
    /// An event's date.
    pub const DATE: &str = "date";
    /// The first country of an event's pair, or of a report's.
    pub const A: &str = "a";
    /// The second country of an event's pair, or of a report's.
    pub const B: &str = "b";
    /// The first period of a change.
    pub const START: &str = "start";
    /// The last period of a change.
    pub const END: &str = "end";
    /// A report's format.
    pub const FORMAT: &str = "format";
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}field {:?}: {} {}",
            record_prefix(self.record),
            shortened(&self.field),
            quoted(&self.text),
            self.reason
        )
    }
}

impl std::error::Error for ValidationError {}

/// What a duplicate error adds after the key: what was found, and what a write that
/// replaces or skips (Rust's [`OnDuplicate`](crate::store::OnDuplicate)) would do with
/// it, in words neutral to the language: the Python binding words the option its own
/// way (`src/python/errors.rs`).
fn duplicate_advice(what: &str, conflict: Option<&str>) -> String {
    match (what, conflict) {
        ("observation", Some(clash)) if clash.starts_with(CLASH) => format!(
            "comes twice in the batch with different figures ({clash}); \
             {REPLACE} would keep the later one"
        ),
        ("observation", Some(stored)) => {
            format!("is already stored with another figure ({stored}); {REPLACE} would replace it")
        }
        ("observation", None) => format!(
            "is already stored or repeated in the batch ({REPLACE} would replace it; {SKIP} \
             passes over identical figures)"
        ),
        _ => "is already stored or repeated in the batch".to_owned(),
    }
}

/// How a duplicate error names the replacing write: the Python binding puts its own
/// spelling of the option in its place.
pub(crate) const REPLACE: &str = "OnDuplicate::Replace";

/// How a duplicate error names the skipping write (see [`REPLACE`]).
pub(crate) const SKIP: &str = "OnDuplicate::Skip";

/// How the conflict of two records of a batch begins (see [`batch_clash`]).
const CLASH: &str = "record ";

/// The conflict of a skip whose record has the identity of an earlier record of the
/// same batch with another figure: both records and their figures, so that the two
/// rows that clash can be found (the stored figure, had it been in the store before,
/// would be the earlier record's).
pub(crate) fn batch_clash(
    earlier: usize,
    later: usize,
    earlier_figure: &str,
    later_figure: &str,
) -> String {
    format!("{CLASH}{earlier}: {earlier_figure}; {CLASH}{later}: {later_figure}")
}

/// A [`batch_clash`] conflict with its two records renumbered by `number` (a file's
/// lines for a batch's indices), given the later record's index; `None` for any other
/// conflict.
pub(crate) fn renumbered_clash(
    conflict: &str,
    later: usize,
    number: impl Fn(usize) -> usize,
) -> Option<String> {
    let rest = conflict.strip_prefix(CLASH)?;
    let colon = rest.find(':')?;
    let earlier: usize = rest[..colon].parse().ok()?;
    let rest = &rest[colon..];
    let marker = format!("; {CLASH}{later}:");
    let at = rest.rfind(&marker)?;
    Some(format!(
        "{CLASH}{}{}; {CLASH}{}:{}",
        number(earlier),
        &rest[..at],
        number(later),
        &rest[at + marker.len()..]
    ))
}

/// How many characters of an input a message quotes: a 10 MB quote must not make a
/// 10 MB message (the whole text stays in [`ValidationError::text`]).
const QUOTED_CHARS: usize = 80;

/// `text` quoted and escaped (`{:?}`), cut to its first [`QUOTED_CHARS`] characters
/// with an ellipsis and the full length when it is longer.
pub(crate) fn quoted(text: &str) -> String {
    match text.char_indices().nth(QUOTED_CHARS) {
        None => format!("{text:?}"),
        Some((end, _)) => format!("{:?}… ({} characters)", &text[..end], text.chars().count()),
    }
}

/// `text` as it is when short, else its first [`QUOTED_CHARS`] characters with an
/// ellipsis and the full length (keys, names and paths, which messages print unquoted).
pub(crate) fn shortened(text: &str) -> String {
    match text.char_indices().nth(QUOTED_CHARS) {
        None => text.to_owned(),
        Some((end, _)) => format!("{}… ({} characters)", &text[..end], text.chars().count()),
    }
}

/// `value` as a message shows it: as Rust writes it when that is short, else in the
/// exponent form, which is as exact (`f64::MAX` is 309 digits as a decimal,
/// `1.7976931348623157e308` in it).
pub(crate) fn short_number(value: f64) -> String {
    let decimal = value.to_string();
    if decimal.len() <= 24 {
        decimal
    } else {
        format!("{value:e}")
    }
}

fn record_prefix(record: Option<usize>) -> String {
    record.map(|i| format!("record {i}, ")).unwrap_or_default()
}

impl Error {
    /// A validation error for `field` with the offending `text` and the `reason`, of
    /// kind [`ErrorKind::Invalid`].
    pub fn invalid(field: &str, text: impl Into<String>, reason: impl Into<String>) -> Error {
        Error::invalid_as(ErrorKind::Invalid, field, text, reason)
    }

    /// A validation error of `kind` for `field` with the offending `text` and the
    /// `reason`.
    pub fn invalid_as(
        kind: ErrorKind,
        field: &str,
        text: impl Into<String>,
        reason: impl Into<String>,
    ) -> Error {
        Error::Validation(Box::new(ValidationError {
            field: field.to_owned(),
            record: None,
            text: text.into(),
            reason: reason.into(),
            kind,
            suggestion: None,
        }))
    }

    /// The same error with `suggestion` as the value to use instead (validation errors
    /// only; the message says it already).
    pub(crate) fn suggesting(self, suggestion: Option<String>) -> Error {
        match self {
            Error::Validation(mut v) => {
                v.suggestion = suggestion;
                Error::Validation(v)
            }
            other => other,
        }
    }

    /// What went wrong, for a program to branch on; see [`ErrorKind`].
    ///
    /// ```
    /// use bilateral::{ErrorKind, NewObservation, Store};
    ///
    /// let mut store = Store::demo()?;
    /// let same = NewObservation::new("tourists", "KAZ", "Kazakhstan", "2024", 1.0);
    /// assert_eq!(store.add(&same).unwrap_err().kind(), ErrorKind::SameCountry);
    /// assert_eq!(store.indicator("tourist").unwrap_err().kind(), ErrorKind::UnknownIndicator);
    /// # Ok::<(), bilateral::Error>(())
    /// ```
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Validation(v) => v.kind,
            Error::NotFound {
                what: "indicator", ..
            } => ErrorKind::UnknownIndicator,
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::Duplicate { .. } => ErrorKind::Duplicate,
            Error::Schema(_) => ErrorKind::Schema,
            Error::Io { .. } => ErrorKind::Io,
            Error::Closed => ErrorKind::Closed,
            Error::Interrupted => ErrorKind::Interrupted,
            Error::Busy => ErrorKind::Busy,
            Error::Full => ErrorKind::Full,
            Error::BuiltinData { .. } | Error::Serialization { .. } | Error::Sqlite(_) => {
                ErrorKind::Other
            }
        }
    }

    /// A not-found error. The message shows `key` whole, for a hint in it must not be
    /// cut: text a caller gave, which may be of any length, is best put in shortened
    /// (as the library's own errors put it).
    pub fn not_found(what: &'static str, key: impl Into<String>) -> Error {
        Error::NotFound {
            what,
            key: key.into(),
        }
    }

    /// The record of a batch the error names, if any.
    pub fn record(&self) -> Option<usize> {
        match self {
            Error::Validation(v) => v.record,
            Error::Duplicate { record, .. } => *record,
            _ => None,
        }
    }

    /// Attaches the index of the record in a batch to validation and duplicate errors.
    pub fn at_record(self, index: usize) -> Error {
        match self {
            Error::Validation(mut v) => {
                v.record.get_or_insert(index);
                Error::Validation(v)
            }
            Error::Duplicate {
                what,
                record,
                key,
                conflict,
            } => Error::Duplicate {
                what,
                record: record.or(Some(index)),
                key,
                conflict,
            },
            other => other,
        }
    }

    /// Renames the field of a validation error: a period parsed for `start` says
    /// `start`, not `period`.
    pub fn for_field(self, field: &str) -> Error {
        match self {
            Error::Validation(mut v) => {
                v.field = field.to_owned();
                Error::Validation(v)
            }
            other => other,
        }
    }

    /// The validation details, if this is a validation error.
    pub fn validation(&self) -> Option<&ValidationError> {
        match self {
            Error::Validation(v) => Some(v),
            _ => None,
        }
    }
}

/// `Result` with [`Error`] as the default error type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The error of adding a file's rows as a batch, with the batch's row index (its
/// record) turned into the file's line, `lines[index]`.
pub(crate) fn at_line(lines: &[usize], error: Error) -> Error {
    let line = |record: Option<usize>| record.map(|i| lines.get(i).copied().unwrap_or(i));
    match error {
        Error::Validation(mut v) => {
            v.record = line(v.record);
            Error::Validation(v)
        }
        Error::Duplicate {
            what,
            record,
            key,
            conflict,
        } => {
            // Two records of the batch that clash are named by their lines too.
            let number = |i: usize| lines.get(i).copied().unwrap_or(i);
            let conflict = match (conflict, record) {
                (Some(text), Some(later)) => {
                    Some(renumbered_clash(&text, later, number).unwrap_or(text))
                }
                (conflict, _) => conflict,
            };
            Error::Duplicate {
                what,
                record: line(record),
                key,
                conflict,
            }
        }
        other => other,
    }
}

/// An error reading or writing the file at `path`; a path with a NUL byte, which the
/// system refuses, is a validation error on it.
pub(crate) fn io_error(path: &Path, source: std::io::Error) -> Error {
    check_path(path).err().unwrap_or_else(|| Error::Io {
        path: path.display().to_string(),
        source,
    })
}

/// A validation error for a path that holds a NUL byte: no file name can (the system
/// reads it as the end of the name).
pub(crate) fn check_path(path: &Path) -> Result<()> {
    if path.as_os_str().as_encoded_bytes().contains(&0) {
        return Err(Error::invalid(
            "path",
            path.display().to_string(),
            "holds a NUL byte, which no file name can",
        ));
    }
    Ok(())
}
