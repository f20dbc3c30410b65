//! Whether a figure is a measurement or a plan (its status), and whether an indicator
//! adds up over time or is a level at a date (its kind).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Result};

/// Whether a figure is a measurement or a plan, with the SDMX `OBS_STATUS` code of each.
///
/// | status        | SDMX | meaning                                  |
/// |---------------|------|------------------------------------------|
/// | `actual`      | A    | a published measurement                  |
/// | `estimate`    | E    | estimated, or implied by other figures   |
/// | `provisional` | P    | published, may still be revised          |
/// | `target`      | F    | a goal someone set                       |
/// | `projection`  | F    | a forecast                               |
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// A published measurement.
    #[default]
    Actual,
    /// An estimate, or a figure implied by other figures.
    Estimate,
    /// Published but subject to revision.
    Provisional,
    /// A goal.
    Target,
    /// A forecast.
    Projection,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 5] = [
        Status::Actual,
        Status::Estimate,
        Status::Provisional,
        Status::Target,
        Status::Projection,
    ];

    /// Reads a status from its name, ignoring case.
    pub fn from_code(code: &str) -> Result<Status> {
        Status::ALL
            .into_iter()
            .find(|s| s.code().eq_ignore_ascii_case(code.trim()))
            .ok_or_else(|| {
                Error::invalid_as(
                    ErrorKind::BadStatus,
                    "status",
                    code,
                    "is not a status: expected actual, estimate, provisional, target or projection",
                )
            })
    }

    /// The name stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Status::Actual => "actual",
            Status::Estimate => "estimate",
            Status::Provisional => "provisional",
            Status::Target => "target",
            Status::Projection => "projection",
        }
    }

    /// The SDMX `OBS_STATUS` code: `A`, `E`, `P`, or `F` for targets and projections.
    pub fn sdmx_code(self) -> char {
        match self {
            Status::Actual => 'A',
            Status::Estimate => 'E',
            Status::Provisional => 'P',
            Status::Target | Status::Projection => 'F',
        }
    }

    /// Preference when one period has figures of several statuses: a measurement
    /// beats a provisional figure, which beats an estimate.
    pub fn rank(self) -> u8 {
        match self {
            Status::Actual => 0,
            Status::Provisional => 1,
            Status::Estimate => 2,
            Status::Target => 3,
            Status::Projection => 4,
        }
    }

    /// True for targets and projections: figures about a future that has not happened.
    pub fn is_forward_looking(self) -> bool {
        matches!(self, Status::Target | Status::Projection)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Status {
    type Err = Error;
    fn from_str(s: &str) -> Result<Status> {
        Status::from_code(s)
    }
}

/// Whether an indicator adds up over time (a flow), is a level at a date (a stock), or
/// describes a planned project (a plan: its length, capacity or budget, which nothing
/// has reached yet, so no sentence says it "reached" or "stood at" anything).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Adds up over time: trade, cargo, tourists.
    Flow,
    /// A level at a date: cumulative investment, companies, agreements.
    Stock,
    /// A planned project's specification or budget, as stated at the figure's period:
    /// the length, capacity or cost of a cable to be built.
    Plan,
}

impl Kind {
    /// Reads `flow`, `stock` or `plan`.
    pub fn from_code(code: &str) -> Result<Kind> {
        match code.trim().to_ascii_lowercase().as_str() {
            "flow" => Ok(Kind::Flow),
            "stock" => Ok(Kind::Stock),
            "plan" => Ok(Kind::Plan),
            _ => Err(Error::invalid(
                "kind",
                code,
                "is not a kind: expected flow, stock or plan",
            )),
        }
    }

    /// `flow`, `stock` or `plan`.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Flow => "flow",
            Kind::Stock => "stock",
            Kind::Plan => "plan",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_maps_to_sdmx_codes() {
        let codes: String = Status::ALL.iter().map(|s| s.sdmx_code()).collect();
        assert_eq!(codes, "AEPFF");
        assert_eq!(Status::from_code("Target").unwrap(), Status::Target);
        assert_eq!(
            Status::from_code("guess")
                .unwrap_err()
                .validation()
                .unwrap()
                .field,
            "status"
        );
    }
}
