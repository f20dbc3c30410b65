//! Comtrade bulk import speed and memory: a generated bulk-layout file (tab-separated,
//! CRLF, M49 codes only, the 34 columns of `C_A_….txt.gz`) imported into a store file
//! with `Store::import_comtrade_csv`, plain and gzipped. The file is written to a
//! temporary folder and removed after; nothing is committed.
//!
//! `cargo bench --bench comtrade` (or `make bench`); `-- 2000000` sets the row count
//! (1,000,000 by default). Prints rows/s and the process's peak memory (Linux
//! `VmHWM`), which stays near that of one batch however many rows the file has.

use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::Instant;

use bilateral::files::ImportOptions;
use bilateral::Store;

/// Comtrade's M49 codes of 30 reporters and partners (842 the USA, 251 France, 699
/// India, 757 Switzerland: Comtrade's own codes).
const CODES: [u16; 30] = [
    32, 36, 40, 56, 76, 124, 152, 156, 170, 208, 251, 276, 300, 344, 360, 372, 376, 380, 392, 398,
    410, 484, 528, 579, 616, 643, 699, 710, 757, 842,
];

const HEADER: &str = "datasetCode\ttypeCode\tfreqCode\trefPeriodId\trefYear\trefMonth\tperiod\t\
reporterCode\tflowCode\tpartnerCode\tpartner2Code\tclassificationSearchCode\tclassificationCode\t\
isOriginalClassification\tcmdCode\tcustomsCode\tmosCode\tmotCode\tqtyUnitCode\tqty\t\
isQtyEstimated\taltQtyUnitCode\taltQty\tisAltQtyEstimated\tnetWgt\tisNetWgtEstimated\tgrossWgt\t\
isGrossWgtEstimated\tCIFValue\tFOBValue\tprimaryValue\tlegacyEstimationFlag\tisReported\t\
isAggregate\r\n";

/// Writes `rows` distinct rows (reporter, partner, flow X or M, HS six-digit product,
/// year 2022); every other one with a net weight, one in 50 with the partner World
/// (passed over). Returns the figures the rows give.
fn write_bulk(path: &Path, rows: usize) -> usize {
    let mut out = BufWriter::new(std::fs::File::create(path).expect("file"));
    out.write_all(HEADER.as_bytes()).expect("write");
    let mut figures = 0;
    for k in 0..rows {
        let pair = k % (30 * 29);
        let (reporter, partner) = (CODES[pair / 29], CODES[(pair / 29 + 1 + pair % 29) % 30]);
        let flow = if (k / (30 * 29)) % 2 == 0 { "X" } else { "M" };
        let product = 10_000 + k / (30 * 29 * 2);
        let partner = if k % 50 == 49 { 0 } else { partner };
        let value = 1_000 + (k * 7919) % 1_000_000;
        let (unit, weight) = match k % 2 {
            0 => ("8", format!("{}.0", value / 3)),
            _ => ("-1", String::new()),
        };
        writeln!(
            out,
            "20222022{reporter:03}\tC\tA\t20220101\t2022\t52\t2022\t{reporter}\t{flow}\t{partner}\t0\t\
             H6\tH6\t1\t{product:06}\tC00\t0\t0\t{unit}\t{weight}\t0\t-1\t\t0\t{weight}\t0\t\t0\t\
             {value}.0\t\t{value}.0\t0\t1\t0\r"
        )
        .expect("write");
        if partner != 0 {
            figures += 1 + usize::from(!weight.is_empty());
        }
    }
    out.flush().expect("flush");
    figures
}

fn gzip(from: &Path, to: &Path) {
    let mut input = std::fs::File::open(from).expect("open");
    let output = std::fs::File::create(to).expect("create");
    let mut encoder = flate2::write::GzEncoder::new(output, flate2::Compression::fast());
    std::io::copy(&mut input, &mut encoder).expect("gzip");
    encoder.finish().expect("finish");
}

/// The CPU time the process has used (user and system), in seconds (Linux), or 0
/// where unknown: on a machine shared with other work the wall-clock time overstates
/// what the import costs, its CPU time does not.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // After the command name in parentheses: state is field 3, utime 14, stime 15.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // Fields 14 and 15 are the 12th and 13th after the name; ticks are 1/100 s.
    (ticks(11) + ticks(12)) / 100.0
}

/// The process's peak resident memory, in MB (Linux), or 0 where unknown.
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn import(file: &Path, dir: &Path, name: &str, rows: usize, figures: usize) {
    let store_path = dir.join(format!("{name}.db"));
    let mut store = Store::open(&store_path).expect("store");
    let started = Instant::now();
    let cpu = cpu_seconds();
    let summary = store
        .import_comtrade_csv(file, &ImportOptions::default())
        .expect("import");
    let took = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu;
    assert_eq!(
        (summary.read, summary.written),
        (rows, figures),
        "{:?}",
        summary.skipped
    );
    let bytes = std::fs::metadata(file).map_or(0, |m| m.len());
    println!(
        "| {name} | {:.0} MB | {took:.2} s | {cpu:.2} s | {:.0} | {:.0} | {:.0} | {:.0} MB |",
        bytes as f64 / 1e6,
        rows as f64 / took,
        figures as f64 / took,
        rows as f64 / cpu,
        peak_mb()
    );
}

fn main() {
    let rows: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let dir = tempfile::tempdir().expect("temporary folder");
    let plain = dir.path().join("C_A_ALL_2022_H6.txt");
    let figures = write_bulk(&plain, rows);
    let gzipped = dir.path().join("C_A_ALL_2022_H6.txt.gz");
    gzip(&plain, &gzipped);
    println!("Comtrade bulk import of {rows} rows ({figures} figures) into a store file, one transaction");
    println!(
        "| file | size | time | CPU time | rows/s | figures/s | rows per CPU second | peak memory so far |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    import(&plain, dir.path(), "tab-separated", rows, figures);
    import(&gzipped, dir.path(), "gzipped", rows, figures);
}
