//! Prints the summary of the built-in Azerbaijan–Kazakhstan dataset:
//! `cargo run --example summary`.

fn main() -> bilateral::Result<()> {
    let store = bilateral::Store::demo()?;
    println!("{}", bilateral::summary(&store)?);
    println!("Derived figures");
    print!("{}", bilateral::derived_summary(&store)?);
    Ok(())
}
