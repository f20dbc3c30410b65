//! A Rust application built on `bilateral` the way a newcomer would build one: its own
//! figures on Georgia and Armenia added with the typed builder, every analysis run on
//! them, the report written as HTML and Markdown, bad inputs told apart by the kind of
//! their error, and the store used from a second thread.
//!
//! `make rust-example` builds and runs it; `cargo run -- OUT_DIR` writes the reports
//! into `OUT_DIR` (by default the system's temporary folder).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use bilateral::error::field;
use bilateral::{
    Basis, ErrorKind, NewObservation, Observation, OnDuplicate, PairFilter, Qualifier,
    ReportFormat, SeriesFilter, Source, Status, Store, Whole,
};

fn main() -> Result<(), bilateral::Error> {
    let out = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    std::fs::create_dir_all(&out).map_err(|e| io(&out, e))?;

    let mut store = Store::in_memory()?;
    add_figures(&mut store)?;
    run_every_analysis(&store)?;
    write_reports(&store, &out)?;
    refuse_bad_inputs(&mut store)?;
    use_from_other_threads(store, &out)?;
    println!("OK: every step ran; reports in {}", out.display());
    Ok(())
}

fn io(path: &std::path::Path, source: std::io::Error) -> bilateral::Error {
    bilateral::Error::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Figures of the application's own: exports both ways with two products, the
/// importer's mirror figure, tourists with a half year, a target and a projection. The
/// store's default source names the source once.
fn add_figures(store: &mut Store) -> Result<(), bilateral::Error> {
    store.add_source(&Source {
        id: "geostat".into(),
        title: "External merchandise trade of Georgia".into(),
        publisher: Some("National Statistics Office of Georgia".into()),
        url: None,
        published: None,
    })?;
    store.add_source(&Source {
        id: "armstat".into(),
        title: "Foreign trade of Armenia".into(),
        publisher: Some("Statistical Committee of Armenia".into()),
        url: None,
        published: None,
    })?;
    store.set_default_source(Some("geostat"))?;

    let mut figures = Vec::new();
    // Exports from Georgia to Armenia (USD), and back.
    for (year, geo_arm, arm_geo) in [
        ("2021", 100e6, 80e6),
        ("2022", 120e6, 90e6),
        ("2023", 150e6, 100e6),
        ("2024", 180e6, 120e6),
    ] {
        figures.push(Observation::builder("exports", "GEO", "ARM", year, geo_arm));
        figures.push(
            Observation::builder("exports", "Armenia", "Georgia", year, arm_geo).source("armstat"),
        );
    }
    figures.push(Observation::builder("exports", "GEO", "ARM", "2024", 45e6).product("wine"));
    figures.push(Observation::builder("exports", "GEO", "ARM", "2024", 27e6).product("cars"));
    // Armenia's own count of the same 2024 flow, as an importer.
    figures.push(Observation::builder("imports", "GEO", "ARM", "2024", 190e6).source("armstat"));
    // Tourists from Armenia to Georgia: worded figures, a half year, goals.
    figures.push(
        Observation::builder("tourists", "ARM", "GEO", "2022", 1_500_000.0)
            .qualifier(Qualifier::Over),
    );
    figures.push(Observation::builder(
        "tourists",
        "ARM",
        "GEO",
        "2023",
        1_700_000.0,
    ));
    figures.push(
        Observation::builder("tourists", "ARM", "GEO", "2024", 1_900_000.0)
            .qualifier(Qualifier::Nearly)
            .quote("Nearly 1.9 million visitors came from Armenia in 2024."),
    );
    figures.push(
        Observation::builder("tourists", "ARM", "GEO", "2025-H1", 900_000.0)
            .qualifier(Qualifier::Approx)
            .status(Status::Provisional),
    );
    figures.push(
        Observation::builder("tourists", "ARM", "GEO", "2025", 2_000_000.0).status(Status::Target),
    );
    figures.push(
        Observation::builder("tourists", "ARM", "GEO", "2027", 2_500_000.0).status(Status::Target),
    );
    let written = store.add_many(&figures, OnDuplicate::Error)?;
    assert_eq!(written, figures.len());
    println!("added {written} figures");
    Ok(())
}

/// Every analysis, each with one fact worked out by hand.
fn run_every_analysis(store: &Store) -> Result<(), bilateral::Error> {
    let exports = SeriesFilter::series("exports", "GEO", "ARM");
    let tourists = SeriesFilter::series("tourists", "ARM", "GEO");

    // Growth: 2024 over 2023, 180 / 150 − 1 = 0.2 (20 %).
    let growth = store.growth(&exports)?;
    let y2024 = growth
        .iter()
        .find(|r| r.period.to_string() == "2024")
        .unwrap();
    assert!((y2024.rate.unwrap() - 0.2).abs() < 1e-12);
    let every = store.growth_of_every(&SeriesFilter::default().indicator("exports"))?;
    println!(
        "growth: {} rows for GEO→ARM, {} for every export series",
        growth.len(),
        every.len()
    );

    // Change and CAGR 2021–2024: 180 / 100 = 1.8 over three years, 1.8^(1/3) − 1.
    let change = store.change(&exports, "2021", "2024")?;
    assert_eq!((change.ratio, change.years), (1.8, 3.0));
    assert!((change.cagr.unwrap() - (1.8f64.powf(1.0 / 3.0) - 1.0)).abs() < 1e-12);
    let changes = store.change_of_every(
        &SeriesFilter::default().indicator("exports"),
        "2021",
        "2024",
    )?;
    println!(
        "change: CAGR {:.4} (GEO→ARM); {} series",
        change.cagr.unwrap(),
        changes.len()
    );

    // Shares of 2024's exports: wine 45 / 180 = 25 %, cars 27 / 180 = 15 %.
    let shares = store.share_of(&exports, &Whole::total().period("2024"))?;
    let wine = shares.iter().find(|r| r.product == "wine").unwrap();
    assert!((wine.share - 0.25).abs() < 1e-12);
    let every_share = store.share_of_every(
        &SeriesFilter::default().indicator("exports"),
        &Whole::total(),
    )?;
    println!(
        "shares: wine {:.0} %, {} rows in all",
        wine.share * 100.0,
        every_share.len()
    );

    // Per capita: 1.9 million tourists per 1,000 of Armenia's 3,033,500 people in 2024.
    let per_capita = store.per_capita(&tourists, 1000.0, Basis::Origin)?;
    let pc2024 = per_capita
        .iter()
        .find(|r| r.period.to_string() == "2024")
        .unwrap();
    assert!((pc2024.per_capita - 1_900_000.0 / 3_033_500.0 * 1000.0).abs() < 1e-9);
    let every_pc = store.per_capita_of_every(
        &SeriesFilter::default().indicator("tourists"),
        1000.0,
        Basis::Origin,
    )?;
    println!(
        "per capita: {:.1} tourists per 1,000 people; {} rows",
        pc2024.per_capita,
        every_pc.len()
    );

    // Asymmetry: 2024, GEO→ARM 180 against ARM→GEO 120, ratio 1.5, net 60 million.
    let asymmetry = store.asymmetry(&exports)?;
    let a2024 = asymmetry
        .iter()
        .find(|r| r.period.to_string() == "2024")
        .unwrap();
    assert_eq!((a2024.ratio, a2024.net), (1.5, 60e6));
    let every_asym = store.asymmetry_of_every(&SeriesFilter::default().indicator("exports"))?;
    println!(
        "asymmetry: ratio {} in 2024; {} rows",
        a2024.ratio,
        every_asym.len()
    );

    // Mirror: Armenia counts 190 million where Georgia counts 180: a gap of 10 million.
    let mirror = store.mirror(&SeriesFilter::default().origin("GEO").destination("ARM"))?;
    assert_eq!(mirror.len(), 1);
    assert_eq!(mirror[0].gap, 10e6);
    println!("mirror: gap {} USD", mirror[0].gap);

    // Target progress: about 900,000 in the first half of 2025 against 2 million,
    // 0.9 / 2 = 45 % of the target in 6 of 12 months.
    let progress = store.target_progress(&tourists, 2025)?;
    assert_eq!(
        (progress.actual, progress.target, progress.months_elapsed),
        (900_000.0, 2_000_000.0, 6)
    );
    assert!((progress.share_of_target - 0.45).abs() < 1e-12);
    println!(
        "target: {:.0} % reached, on track: {}",
        progress.share_of_target * 100.0,
        progress.on_track
    );

    // Required growth: from nearly 1.9 million in 2024 to 2.5 million in 2027,
    // (2.5 / 1.9)^(1/3) − 1 a year.
    let required = store.required_growth(&tourists, "2024", "2027")?;
    assert!((required.required_cagr - ((2.5f64 / 1.9).powf(1.0 / 3.0) - 1.0)).abs() < 1e-12);
    println!(
        "required growth: {:.2} % a year",
        required.required_cagr * 100.0
    );

    // Consistency checks over the pair.
    let findings = store.findings_of(&PairFilter::between("GEO", "ARM"))?;
    println!("consistency: {} findings", findings.len());
    Ok(())
}

/// The report on the pair, written as HTML and Markdown; the format of a text (a
/// command line's `--format`) is read once into a `ReportFormat`.
fn write_reports(store: &Store, out: &std::path::Path) -> Result<(), bilateral::Error> {
    let report = store.report("GEO", "ARM")?;
    for format in [ReportFormat::Html, "markdown".parse()?] {
        let extension = match format {
            ReportFormat::Html => "html",
            _ => "md",
        };
        let path = out.join(format!("georgia-armenia.{extension}"));
        std::fs::write(&path, report.render_as(format)).map_err(|e| io(&path, e))?;
        println!("wrote {}", path.display());
    }
    assert!(
        report.to_markdown().starts_with("# Armenia and Georgia")
            || report.to_markdown().starts_with("# Georgia and Armenia")
    );
    Ok(())
}

/// Bad inputs, each told apart by its kind (not by its message), with the field and
/// the suggestion as data.
fn refuse_bad_inputs(store: &mut Store) -> Result<(), bilateral::Error> {
    let bad = [
        Observation::builder("exports", "Gorgia", "ARM", "2024", 1.0),
        Observation::builder("exports", "GEO", "Sakartvelo", "2024", 1.0),
        Observation::builder("exports", "GEO", "Georgia", "2024", 1.0),
        Observation::builder("export", "GEO", "ARM", "2024", 1.0),
        Observation::builder("exports", "GEO", "ARM", "2024-Q5", 1.0),
        Observation::builder("exports", "GEO", "ARM", "2024", -5.0),
        Observation::builder("exports", "GEO", "ARM", "2024", 1.0).source("nobody"),
        // Stored already (by the default source).
        Observation::builder("exports", "GEO", "ARM", "2024", 180e6),
    ];
    let mut kinds = Vec::new();
    for figure in &bad {
        let error = store.add(figure).expect_err("a bad figure is refused");
        kinds.push(error.kind());
        match error.kind() {
            ErrorKind::UnknownCountry => {
                let invalid = error.validation().unwrap();
                match &invalid.suggestion {
                    Some(code) => println!("{}: unknown, did you mean {code}?", invalid.field),
                    None => println!("{}: {:?} is no country", invalid.field, invalid.text),
                }
            }
            ErrorKind::SameCountry => println!("the same country on both sides"),
            ErrorKind::UnknownIndicator => {
                let suggestion = error.validation().and_then(|v| v.suggestion.clone());
                println!("unknown indicator, did you mean {suggestion:?}?");
            }
            ErrorKind::BadPeriod => println!("bad period: {error}"),
            ErrorKind::BadValue => println!("bad value: {error}"),
            ErrorKind::UnknownSource => println!("unknown source: add it first"),
            ErrorKind::Duplicate => {
                // Replacing is the Rust way to take the new figure instead.
                assert!(store.add_one(figure, OnDuplicate::Replace)?);
                println!("duplicate: replaced");
            }
            other => println!("refused ({other:?}): {error}"),
        }
    }
    assert_eq!(
        kinds,
        [
            ErrorKind::UnknownCountry,
            ErrorKind::UnknownCountry,
            ErrorKind::SameCountry,
            ErrorKind::UnknownIndicator,
            ErrorKind::BadPeriod,
            ErrorKind::BadValue,
            ErrorKind::UnknownSource,
            ErrorKind::Duplicate,
        ]
    );
    // Typed values read from text at the edge name their field.
    let qualifier = "circa".parse::<Qualifier>().unwrap_err();
    assert_eq!(qualifier.kind(), ErrorKind::BadQualifier);
    assert_eq!(qualifier.validation().unwrap().field, field::QUALIFIER);
    let status = "provisionl".parse::<Status>().unwrap_err();
    assert_eq!(status.kind(), ErrorKind::BadStatus);
    let format = "pdf".parse::<ReportFormat>().unwrap_err();
    assert_eq!(format.validation().unwrap().field, field::FORMAT);
    // The misspelt origin suggests Georgia's code.
    let slip = store.add(&bad[0]).unwrap_err();
    assert_eq!(
        slip.validation().unwrap().suggestion.as_deref(),
        Some("GEO")
    );
    Ok(())
}

/// A store is `Send`, not `Sync`: one shared behind a mutex, and a file store opened
/// again by a second thread.
fn use_from_other_threads(store: Store, out: &std::path::Path) -> Result<(), bilateral::Error> {
    let shared = Arc::new(Mutex::new(store));
    let worker = Arc::clone(&shared);
    let count = std::thread::spawn(move || -> Result<usize, bilateral::Error> {
        let store = worker.lock().unwrap();
        Ok(store.growth_of_every(&SeriesFilter::default())?.len())
    })
    .join()
    .expect("the thread ran")?;
    println!("growth rows counted on another thread: {count}");

    // A file store: each thread opens its own.
    let path = out.join(format!("rust-app-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let mut file_store = Store::open(&path)?;
    file_store.add(&NewObservation::builder(
        "tourists",
        "ARM",
        "GEO",
        "2024",
        1_900_000.0,
    ))?;
    drop(file_store);
    let reader_path = path.clone();
    let read = std::thread::spawn(move || -> Result<usize, bilateral::Error> {
        Store::open(&reader_path)?.observation_count()
    })
    .join()
    .expect("the thread ran")?;
    assert_eq!(read, 1);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    println!("a second thread read {read} figure from its own store on the file");
    Ok(())
}
