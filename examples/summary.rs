//! Prints the summary of the built-in Azerbaijan–Kazakhstan dataset:
//! `cargo run --example summary`.

fn main() -> bilateral::Result<()> {
    let store = bilateral::Store::demo()?;
    print!("{}", bilateral::summary(&store)?);
    Ok(())
}
