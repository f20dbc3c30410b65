//! Prints the report on Azerbaijan and Kazakhstan from the built-in dataset:
//! `cargo run --example report` (Markdown), or `-- html` / `-- json`.

fn main() -> bilateral::Result<()> {
    let store = bilateral::Store::demo()?;
    let report = store.report("AZE", "KAZ")?;
    match std::env::args().nth(1).as_deref() {
        Some("html") => print!("{}", report.to_html()),
        Some("json") => println!("{}", report.to_json()),
        _ => print!("{}", report.to_markdown()),
    }
    Ok(())
}
